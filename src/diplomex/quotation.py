"""Pure helpers for direct quotes: pair quotation marks, tell quotes from quoted names.

Everything here works on plain strings and character offsets, so it is usable without spaCy and
never raises on odd input (unbalanced, mixed or nested marks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplomex import lexicons

# Opening mark -> the closing marks that may end it.
_CLOSERS = {
    "„": "“”\"",
    "»": "«",
    "«": "»",
    "‚": "‘’",
    "“": "”",
    '"': '"',
    "‹": "›",
    "›": "‹",
}
_ALL_MARKS = set("„“”\"»«‚‘’‹›")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True)
class Quoted:
    """A stretch of text between paired quotation marks (offsets exclude the marks)."""

    start: int
    end: int
    open_mark: str
    paragraphs: int = 1  # > 1 when the quote runs over paragraph breaks


def _guillemet_style(text: str) -> str:
    """'»' when »…« (German) is the document's style, '«' for «…» (Swiss, French)."""
    first_right, first_left = text.find("»"), text.find("«")
    if first_left == -1 or (first_right != -1 and first_right < first_left):
        return "»"
    return "«"


def _can_open(text: str, i: int) -> bool:
    """A symmetric mark (plain ", “) opens when it follows space/start and precedes a non-space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{–—-/:") and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return not before.isspace()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text``."""
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _is_opener(text: str, i: int, guillemet_open: str) -> bool:
    ch = text[i]
    if ch in "»«":
        return ch == guillemet_open
    if ch == "„":
        return True
    if ch == "‚":
        return i == 0 or not text[i - 1].isalnum()
    return ch in "\"“‹›" and _can_open(text, i)


def _closes(text: str, i: int, opener: str) -> bool:
    ch = text[i]
    if ch not in _CLOSERS[opener] or not _can_close(text, i):
        return False
    return not (ch == "’" and i + 1 < len(text) and text[i + 1].isalpha())  # an apostrophe


def _scan(text: str, lo: int, hi: int, stack: list[tuple[str, int]], guillemet_open: str):
    """Pair marks in text[lo:hi]; return the closed outermost (open index, close index, mark) and the
    stack of openers left unclosed."""
    closed = []
    for i in range(lo, hi):
        ch = text[i]
        if ch not in _ALL_MARKS:
            continue
        if stack and _closes(text, i, stack[-1][0]):
            mark, at = stack.pop()
            if not stack:
                closed.append((at, i, mark))
        elif _is_opener(text, i, guillemet_open):
            stack.append((ch, i))
    return closed, stack


def find_quoted(text: str, max_paragraphs: int = 8) -> list[Quoted]:
    """Outermost quoted stretches of ``text``, in order.

    Marks are paired with a stack within each paragraph; inner quotes (‚…‘ inside „…“, or the same
    marks nested) stay in the content of the outer one. A quote running over several paragraphs, which
    German re-opens with „ at each paragraph start, is joined into one quote. An opener never closed is
    skipped and the rest of its paragraph scanned again, so unbalanced marks cost at most that quote.
    """
    guillemet_open = _guillemet_style(text)
    out: list[Quoted] = []
    carried: tuple[int, str, int] | None = None  # (open index, mark, paragraphs) of a quote running on
    for lo, hi in _paragraphs(text):
        stack: list[tuple[str, int]] = []
        first = lo
        while first < hi and text[first].isspace():
            first += 1
        if first == hi:
            continue  # blank lines do not end a running quote
        if carried and text[first] == carried[1]:
            stack = [(carried[1], carried[0])]
            lo = first + 1
        elif carried:
            carried = None
        while True:
            closed, stack = _scan(text, lo, hi, stack, guillemet_open)
            for at, close, mark in closed:
                paragraphs = carried[2] if carried and at == carried[0] else 1
                out.append(Quoted(at + 1, close, mark, paragraphs))
            if carried and not stack and closed and closed[0][0] == carried[0]:
                carried = None
            if not stack:
                break
            mark, at = stack[0]
            starts_paragraph = not text[first:at].strip() or (carried and at == carried[0])
            paragraphs = (carried[2] if carried and at == carried[0] else 1) + 1
            if starts_paragraph and paragraphs <= max_paragraphs and mark in "„»«\"":
                carried = (at, mark, paragraphs)
                break
            carried = None
            lo, stack = at + 1, []  # skip the unclosed opener, rescan the rest of the paragraph
    return out


def words(content: str) -> list[str]:
    """Alphabetic words of a string."""
    return _WORD.findall(content)


def _lower_set(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.lines(name))


def looks_like_sentence(content: str) -> bool:
    """Content that reads as a clause of speech rather than a name or title."""
    ws = words(content)
    stripped = content.rstrip()
    if stripped[-1:] in ".!?…" and len(ws) >= 2:
        return True
    return len(ws) >= 5 and sum(w[0].islower() for w in ws) >= 2


def _speech_verbs() -> frozenset[str]:
    return _lower_set("speech_verbs.txt")


def _name_nouns() -> tuple[str, ...]:
    return tuple(sorted(_lower_set("quote_name_nouns.txt"), key=len, reverse=True))


def _clause_before(text: str, start: int, limit: int = 200) -> str:
    """Text of the clause leading up to ``start`` (back to the previous sentence end)."""
    left = text[max(0, start - limit) : start]
    cut = max(left.rfind(". "), left.rfind("! "), left.rfind("? "), left.rfind("\n"))
    return left[cut + 1 :]


def _clause_after(text: str, end: int, limit: int = 200) -> str:
    """Text from ``end`` to the end of the sentence."""
    right = text[end : end + limit]
    cuts = [i for i in (right.find(". "), right.find("\n"), right.find("! "), right.find("? ")) if i >= 0]
    return right[: min(cuts)] if cuts else right


def preceded_by_name_noun(text: str, start: int) -> bool:
    """The quoted phrase follows a noun that introduces names or titles (Zeitung, Operation, …)."""
    before = words(text[max(0, start - 40) : start - 1])
    if not before:
        return False
    last = before[-1].lower().rstrip(".")
    return last.endswith(_name_nouns()) and before[-1][0].isupper()


def has_speech_context(text: str, start: int, end: int) -> bool:
    """A speech verb or quote cue occurs in the sentence around the quote."""
    verbs = _speech_verbs()
    context = words(_clause_before(text, start - 1)) + words(_clause_after(text, end + 1))
    cues = {row[0] for row in lexicons.table("quote_cues.tsv")}
    return any(w.lower() in verbs or w.lower() in cues for w in context)


_FRAMING_BEFORE = re.compile(r"(?:\b(?:als|von|vom|wie)(?:\s+(?:einer|einem|einen|eine|der|dem|den|die|das))?|:)\s*$")


def has_adjacent_cue(text: str, start: int, end: int) -> bool:
    """A cue right next to the marks: "als „…“", "von einer „…“", "…: „…“", "„…“, sagte X", "„…“, so X"."""
    if _FRAMING_BEFORE.search(text[max(0, start - 30) : start - 1]):
        return True
    after = words(text[end + 1 : end + 40])
    following = text[end + 1 : end + 4].lstrip()
    if not after or following[:1] not in ",":
        return False
    first = after[0].lower()
    return first in _speech_verbs() or first == "so"


_ARTICLE_BEFORE = re.compile(
    r"\b(?:der|die|das|des|dem|den|ein|eine|einer|eines|einem|einen|zum|zur|im|vom|beim|am)"
    r"(?:\s+[a-zäöüß][\w-]*)?\s*$",
    re.IGNORECASE,
)


def follows_article(text: str, start: int) -> bool:
    """An article (and maybe one lowercase adjective) stands right before the opening mark."""
    return bool(_ARTICLE_BEFORE.search(text[max(0, start - 40) : start - 1]))


def is_quotation(text: str, quoted: Quoted) -> bool:
    """True when the quoted stretch is a quotation, not a name, title or label in quotation marks."""
    content = text[quoted.start : quoted.end]
    ws = words(content)
    if not ws:
        return False
    open_at = quoted.start - 1
    in_parentheses = text[max(0, open_at - 1) : open_at].endswith("(")
    ends_sentence = content.rstrip()[-1:] in ".!?…" and len(ws) >= 2
    if in_parentheses or (not ends_sentence and preceded_by_name_noun(text, quoted.start)):
        return False
    speech = has_speech_context(text, quoted.start, quoted.end)
    if ws[0][0].isupper() and not ends_sentence and not speech and follows_article(text, quoted.start):
        return False
    if looks_like_sentence(content):
        return True
    if re.search(r"\.(de|com|org|net)\b", content):
        return False
    if ws[0][0].islower():
        return len(ws) > 1 or speech
    if all(w[0].isupper() for w in ws):
        return speech and has_adjacent_cue(text, quoted.start, quoted.end)
    return speech
