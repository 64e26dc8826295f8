"""Pure helpers for direct quotes in German news, on plain strings and character offsets.

Three steps, each usable without spaCy and never raising on odd input:

- :func:`find_quoted` pairs quotation marks („…“ »…« «…» "…" ‚…‘, nested, over paragraphs,
  unbalanced) into outermost quoted stretches;
- :func:`is_quotation` tells quotations from names, titles and labels set in marks
  („Berliner Zeitung“, Operation „Wüstensturm“, die so genannte „Reichensteuer“);
- :func:`attribute` finds the cue and the speaker mention ("sagte X", "so X", "X zufolge",
  "X sagte: „…“", "„…“, hatte X erklärt", "X („…“)", the sentence before), only where the text names
  the speaker — a person or an organisation;
- :func:`resolve_pronoun` points "er"/"sie" to the person (or body) it refers to, with gender agreement.

Lexicons (``diplomex/resources``): speech_verbs.txt, quote_cue_words.txt, quote_name_nouns.txt,
speaker_titles.txt, speaker_organisations.txt, common_noun_endings.txt.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.de.stop_words import STOP_WORDS

from diplomex import gazetteer, lexicons
from diplomex.timex import number_words

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
_MARK = re.compile(f"[{re.escape(''.join(sorted(_ALL_MARKS)))}]")
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


def _scan(text: str, lo: int, hi: int, stack: list[tuple[str, int]], guillemet_open: str, longest: int = 5000):
    """Pair marks in text[lo:hi]; return the closed outermost (open index, close index, mark), the
    stack of openers left unclosed, and where the scan stopped: ``hi``, or earlier when the oldest
    opener has gone ``longest`` characters of this paragraph unclosed (so a text full of unclosed marks
    costs linear time)."""
    closed = []
    for match in _MARK.finditer(text, lo, hi):  # jump from mark to mark
        i, ch = match.start(), match.group()
        if stack and i - max(stack[0][1], lo) > longest:
            return closed, stack, i
        if stack and _closes(text, i, stack[-1][0]):
            mark, at = stack.pop()
            if not stack:
                closed.append((at, i, mark))
        elif _is_opener(text, i, guillemet_open):
            stack.append((ch, i))
    return closed, stack, hi


_PARAGRAPH_BREAK = re.compile(r"\n\s*(?=\S)")


def _breaks(text: str, lo: int, hi: int) -> int:
    """Paragraph breaks (blank lines aside) in text[lo:hi]: an opener found again on a rescan keeps the
    paragraphs it already runs over, so a text of unclosed openers costs linear time."""
    return sum(1 for _ in _PARAGRAPH_BREAK.finditer(text, lo, hi))


def _next_paragraph_opens(text: str, hi: int, mark: str) -> bool:
    """The next non-blank paragraph after position ``hi`` starts with ``mark``."""
    rest = text[hi : hi + 2000].lstrip()
    return rest[:1] == mark


_SPACES = re.compile(r"\s*")


def _next_paragraph_closes(text: str, hi: int, mark: str) -> bool:
    """The first quotation mark of the next non-blank paragraph after ``hi`` closes ``mark`` (a quote
    running on without being opened again: „… ¶ …“). Only for marks that cannot close themselves."""
    if mark not in "„»«":
        return False
    start = _SPACES.match(text, hi).end()
    end = text.find("\n", start)
    first = _MARK.search(text, start, len(text) if end == -1 else end)
    return first is not None and _closes(text, first.start(), mark)


def find_quoted(text: str, max_paragraphs: int = 8) -> list[Quoted]:
    """Outermost quoted stretches of ``text``, in order.

    Marks are paired with a stack within each paragraph; inner quotes (‚…‘ inside „…“, or the same
    marks nested) stay in the content of the outer one. A quote running over several paragraphs, which
    German re-opens with „ at each paragraph start, is joined into one quote, as is one whose next
    paragraph goes on without re-opening and closes it. An opener never closed is
    skipped and the rest of its paragraph scanned again, so unbalanced marks cost at most that quote.
    """
    guillemet_open = _guillemet_style(text)
    out: list[Quoted] = []
    carried: tuple[int, str, int, bool] | None = None  # (open index, mark, paragraphs, re-opened) of a running quote
    for lo, hi in _paragraphs(text):
        stack: list[tuple[str, int]] = []
        first = lo
        while first < hi and text[first].isspace():
            first += 1
        if first == hi:
            continue  # blank lines do not end a running quote
        if carried and (text[first] == carried[1] or not carried[3]):
            stack = [(carried[1], carried[0])]
            lo = first + 1 if carried[3] else first
        elif carried:
            carried = None
        while True:
            closed, stack, stopped = _scan(text, lo, hi, stack, guillemet_open)
            for at, close, mark in closed:
                paragraphs = carried[2] if carried and at == carried[0] else 1
                out.append(Quoted(at + 1, close, mark, paragraphs))
            if carried and not stack and closed and closed[0][0] == carried[0]:
                carried = None
            if not stack:
                break
            mark, at = stack[0]
            paragraphs = (carried[2] if carried and at == carried[0] else 1 + _breaks(text, at, hi)) + 1
            if stopped == hi and paragraphs <= max_paragraphs and mark in "„»«\"":
                reopened = _next_paragraph_opens(text, hi, mark)
                if reopened or _next_paragraph_closes(text, hi, mark):
                    carried = (at, mark, paragraphs, reopened)
                    break
            carried = None
            lo, stack = at + 1, []  # skip the unclosed opener, rescan the rest of the paragraph
    return _join_adjacent(text, out)


def _join_adjacent(text: str, quoted: list[Quoted]) -> list[Quoted]:
    """Quotes separated by nothing but spaces („…“ „…“) are one quote, interrupted by its marks."""
    out: list[Quoted] = []
    for q in quoted:
        if out and not text[out[-1].end + 1 : q.start - 1].strip(" \t"):
            last = out.pop()
            q = Quoted(last.start, q.end, last.open_mark, last.paragraphs + q.paragraphs - 1)
        out.append(q)
    return out


def words(content: str) -> list[str]:
    """Alphabetic words of a string."""
    return _WORD.findall(content)


@lru_cache(maxsize=None)
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


def is_speech_verb(word: str) -> bool:
    """A listed speech verb form ("sagte", "erklärte", "betont")."""
    return word.lower() in _speech_verbs()


def _name_nouns() -> tuple[str, ...]:
    return _endings("quote_name_nouns.txt")


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
    """The quoted phrase follows a noun that introduces names or titles (Zeitung, Operation, …), maybe
    with a colon when no speech verb precedes ("(Motto: „…“)", not "sagte er dem Magazin: „…“")."""
    left = text[max(0, start - 40) : start - 1].rstrip()
    colon = left.endswith(":")
    left = left[:-1] if colon else left
    before = words(left)
    if not before or not left.endswith(before[-1]) or not left[-1:].isalnum():
        return False  # punctuation between the noun and the mark: "… unter Vertrag. „Ich …“"
    last = before[-1].lower().rstrip(".")
    if not before[-1][0].isupper():
        return False
    if not last.endswith(_name_nouns()):
        stem = last[:-2] if last.endswith("es") else last[:-1] if last.endswith("s") else last
        opening = words(text[start : start + 20])[:1]
        if not stem.endswith(_name_nouns()) or opening and opening[0] in _DETERMINERS:
            return False  # a genitive names ("des Magazins „…“"), unless an article opens a phrase ("des Gesetzes „ein …“")
    return not colon or _verb_at(text, _sentence_start(text, start), start - 1) is None  # (the costly test last)


@lru_cache(maxsize=1)
def _speech_cues() -> frozenset[str]:
    """Speech verbs and quote cue words, lower case."""
    return _speech_verbs() | _lower_set("quote_cue_words.txt")


def has_speech_context(text: str, start: int, end: int) -> bool:
    """A speech verb or quote cue occurs in the sentence around the quote."""
    cues = _speech_cues()
    context = words(_clause_before(text, start - 1)) + words(_clause_after(text, end + 1))
    return any(w.lower() in cues or w.lower().rstrip(".") in cues for w in context)  # "… sieht."


_FRAMING_BEFORE = re.compile(r"(?:\b(?:als|von|vom|wie)(?:\s+(?:einer|einem|einen|eine|der|dem|den|die|das))?|:)\s*$")


def has_adjacent_cue(text: str, start: int, end: int) -> bool:
    """A cue right next to the marks: "als „…“", "von einer „…“", "…: „…“", "„…“, sagte X", "„…“, so X"."""
    if _FRAMING_BEFORE.search(text[max(0, start - 30) : start - 1]):
        return True
    indefinite = re.search(r"\bein(?:e|en|er|em)?\s*$", text[max(0, start - 12) : start - 1])
    if indefinite and _verb_at(text, _sentence_start(text, start), start - 1):
        return True  # "nannte den Bericht eine „Zeitungsente“"
    after = words(text[end + 1 : end + 40])
    following = text[end + 1 : end + 4].lstrip()
    if not after or following[:1] not in ",":
        return False
    first = after[0].lower()
    return first in _speech_verbs() or first == "so"


_ARTICLE_BEFORE = re.compile(
    r"\b(?:[Dd](?:er|ie|as|es|em|en)|[Ee]in(?:e|er|es|em|en)?|[Zz]u[mr]|[IiAa]m|[Vv]om|[Bb]eim)"
    r"(?:\s+[a-zäöüß][\w-]*)?\s*$"
)


_DEFINITE = frozenset("der die das des dem den zum zur im vom beim am".split())


def follows_article(text: str, start: int, definite: bool = False) -> bool:
    """An article (and maybe one lowercase adjective) stands right before the opening mark; with
    ``definite``, only a definite one ("die „Berliner Zeitung“", not "eine „Zeitungsente“")."""
    match = _ARTICLE_BEFORE.search(text[max(0, start - 40) : start - 1])
    return bool(match) and (not definite or match.group().split()[0].lower() in _DEFINITE)


_NAMED_AFTER = re.compile(
    r"[“”\"«»‘’]\s*(?:\([A-ZÄÖÜ][\w.-]*\)|(?:genannt|nennt|nennen|nannte|heißt(?!\s+es)|hieß(?!\s+es)|getauft)\b"
    r"|(?:bezeichnet|genannt)\s+(?:wird|werden|wurde|wurden)\b|,\s*so\s+(?:heißt|hieß|lautet|nennt)\b)"
)
_LABEL_BEFORE = re.compile(
    r"\b(?:so\s*genannte[nmrs]?|sogenannte[nmrs]?|nennt\s+man(?:\s+\w+)?|nenn(?:t|en|t?en)\s+sich)\s*$", re.IGNORECASE
)
_REPUTED_AS = re.compile(r"\b(?:gilt|galt|gelten|galten|gegolten)\b[^.!?„“”\"»«]{0,80}\bals\s*$", re.IGNORECASE)
_LISTED_AFTER = re.compile(r"[“”\"«»‘’]\s*(?:,|und|oder|sowie)\s*[„\"»«]")
_LISTED_BEFORE = re.compile(r"[“”\"«»‘’]\s*(?:,|und|oder|sowie)\s*$")
_REPORTS_AFTER = re.compile(r"[“”\"«»‘’]\s+(?:berichtet|berichtete|schreibt|schrieb|meldet|meldete|mitteilte|zitiert|zitierte)\b")
_ENGLISH = frozenset("the of for and with to".split())


def looks_like_name(text: str, quoted: Quoted) -> bool:
    """Signs that a quoted phrase is a name, title or label: an abbreviation or a naming verb after it
    ("„…“ (PAD)", "„…“ genannt"), "so genannte" before it, a list of quoted titles, English words."""
    content = text[quoted.start : quoted.end]
    if _NAMED_AFTER.match(text, quoted.end) or _LABEL_BEFORE.search(text[max(0, quoted.start - 30) : quoted.start - 1]):
        return True
    if _REPUTED_AS.search(text[_sentence_start(text, quoted.start) : quoted.start - 1]):
        return True  # "galt als „heimlicher Regierungschef“": a reputation, no one's words
    if len(words(content)) <= 3 and _REPORTS_AFTER.match(text, quoted.end):
        return True  # "Wie „heise online“ berichtet", "„BILD“ meldete"
    listed = _LISTED_AFTER.match(text, quoted.end) or _LISTED_BEFORE.search(text[max(0, quoted.start - 12) : quoted.start - 1])
    if listed and content[:1].isupper():
        return True
    lowered = [w.lower() for w in words(content)]
    return len(lowered) > 1 and any(w in _ENGLISH for w in lowered)


_WEB_ADDRESS = re.compile(r"\w\.(?:[a-z]{2}|com|org|net|info)\b")


def introduced_by_colon(text: str, open_at: int) -> bool:
    """"X sagte: „…“" — but not "Motto: „…“" or "(Titel: „…“)"."""
    lead = text[max(0, open_at - 80) : open_at].rstrip()
    if not lead.endswith(":"):
        return False
    return not preceded_by_name_noun(text, len(text[:open_at].rstrip())) and "(" not in lead.rsplit(")", 1)[-1]


def is_quotation(text: str, quoted: Quoted) -> bool:
    """True when the quoted stretch is a quotation, not a name, title or label in quotation marks."""
    content = text[quoted.start : quoted.end]
    ws = words(content)
    if not ws:
        return False
    open_at = quoted.start - 1
    in_parentheses = text[max(0, open_at - 1) : open_at].endswith("(")
    ends_sentence = content.rstrip()[-1:] in ".!?…" and len(ws) >= 2
    if preceded_by_name_noun(text, quoted.start):
        return False  # "unter dem Motto „Nie wieder!“"
    if ends_sentence and len(ws) >= 3:
        return True
    if in_parentheses or looks_like_name(text, quoted):
        return False
    speech = has_speech_context(text, quoted.start, quoted.end)
    if ws[0][0].isupper() and not ends_sentence and follows_article(text, quoted.start, definite=speech):
        return False
    if looks_like_sentence(content) or introduced_by_colon(text, open_at):
        return True
    if _WEB_ADDRESS.search(content):
        return False
    if ws[0][0].islower():
        return len(ws) > 1 or speech
    if all(w[0].isupper() for w in ws):
        return speech and has_adjacent_cue(text, quoted.start, quoted.end)
    return speech or "," in content


# --- speakers -------------------------------------------------------------------------------

# A word (periods inside, not at its end, nor before a capitalised word: "Papst.Der" is two words) or a mark.
_TOKEN = re.compile(r"[^\W_][\w'’-]*(?:\.(?![A-ZÄÖÜ][a-zäöüß]{2})[\w'’-]*)*(?<!\.)|[^\w\s]")
_DETERMINERS = frozenset("der die das den dem des ein eine einer eines einem einen".split())
_PARTICLES = frozenset("von van der den de da di du del la le al el bin ibn zu ten ter".split())
_PRONOUNS = frozenset(("er", "sie"))
_SKIPPABLE = frozenset(
    "dazu auch gestern heute weiter zudem später damals nun jedoch aber dann noch bereits daraufhin "
    "einmal abschließend ebenfalls außerdem wörtlich sich selbst wie".split()
)
_NOT_NAMES = frozenset(
    "Er Sie Es Wir Ich Ihr Man Dies Das Der Die Den Dem Des Ein Eine Auf Im In Am Als Nach Bei Mit Laut "
    "Auch Aber Doch Dann Zudem Dazu So Wie Was Wer Damit Daher Deshalb Trotzdem Jedoch Allerdings "
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März April Mai Juni Juli "
    "August September Oktober November Dezember Anfang Mitte Ende Herbst Winter Frühjahr Sommer".split()
)


@dataclass(frozen=True)
class Mention:
    """A speaker mention: char span, kind ("person" | "organisation" | "pronoun" | "role" | "description";
    a role is a bare title such as "der Minister", to be resolved to the person named with it before; a
    description names no one: "ein Polizeisprecher", "die Autoren der Studie")."""

    start: int
    end: int
    kind: str


def _scan_tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The word and punctuation tokens of text[lo:hi] with their offsets in ``text``."""
    part = text[lo:hi]
    toks = []
    end = 0
    for word in _TOKEN.findall(part):
        start = part.find(word, end)  # only whitespace and underscores lie between two tokens
        end = start + len(word)
        toks.append((lo + start, lo + end, word))
    return toks


@lru_cache(maxsize=8)
def _text_tokens(text: str) -> tuple[list[tuple[int, int, str]], list[int], list[int]]:
    """The tokens of a whole text, their start and their end offsets (cached: many lookups per Doc)."""
    toks = _scan_tokens(text, 0, len(text))
    return toks, [start for start, _, _ in toks], [end for _, end, _ in toks]


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """``_scan_tokens(text, lo, hi)``, cut from the tokens of the whole text: those lying within
    [lo, hi], and the tokens running across ``lo`` or ``hi`` re-read within the bounds (the regex
    tokens of a slice agree with the whole text's everywhere else)."""
    if lo < 0 or hi <= lo:
        return _scan_tokens(text, lo, hi)
    toks, starts, ends = _text_tokens(text)
    first = bisect_left(starts, lo)  # the first token starting at lo or later
    last = bisect_right(ends, hi)  # the tokens before it end by hi
    across_lo = first > 0 and ends[first - 1] > lo
    across_hi = last < len(toks) and starts[last] < hi
    if across_lo and across_hi and first - 1 == last:
        return _scan_tokens(text, lo, hi)  # one token runs across both bounds
    head = _scan_tokens(text, lo, ends[first - 1]) if across_lo else []
    tail = _scan_tokens(text, starts[last], hi) if across_hi else []
    return head + toks[first:last] + tail


@lru_cache(maxsize=None)
def _endings(name: str) -> tuple[str, ...]:
    return tuple(sorted(_lower_set(name), key=len, reverse=True))


def _ends_with(word: str, name: str) -> bool:
    return word.lower().endswith(_endings(name))


@lru_cache(maxsize=65536)
def is_title(word: str) -> bool:
    """A role title, also inflected ("Parteichefs", "Präsidenten", "Vertretern", "Abgeordneten")."""
    if not word[:1].isupper():
        return False
    return any(_ends_with(form, "speaker_titles.txt") for form in (word, re.sub(r"(?:e?s|e?n)$", "", word), re.sub(r"[sn]$", "", word)))


@lru_cache(maxsize=65536)
def is_institution(word: str) -> bool:
    """A capitalised noun naming an institution that speaks ("Außenministerium", "Kreml"), also in the
    genitive ("des Auswärtigen Amtes", "des Kremls")."""
    if not word[:1].isupper():
        return False
    for form in (word, re.sub(r"e?s$", "", word) if word.endswith("s") else None):
        if form and _longest_ending(form, "speaker_organisations.txt") > _longest_ending(form, "speaker_noun_endings.txt"):
            return True  # the longer ending decides: "Stadtrat" a body, "Sozialdemokrat" a person
    return False


def _longest_ending(word: str, name: str) -> int:
    """Length of the longest ending of the list ``name`` that ``word`` ends in (0: none)."""
    lower, endings = word.lower(), _endings(name)
    if not lower.endswith(endings):
        return 0  # the common case, tested at once
    return next(len(ending) for ending in endings if lower.endswith(ending))


@lru_cache(maxsize=65536)
def _is_name_word(word: str) -> bool:
    """A capitalised word that may be part of a name (not a capitalised function word or pronoun)."""
    if not word[:1].isupper() or word in _NOT_NAMES or word.lower() in STOP_WORDS:
        return False
    return not word.lower().endswith(_common_noun_endings())


def _common_noun_endings() -> tuple[str, ...]:
    return _endings("common_noun_endings.txt")


def _name_run(toks: list, i: int) -> int:
    """Index after the run of name words (particles allowed inside: "Ursula von der Leyen") from ``i``."""
    j = end = i
    while j < len(toks):
        word = toks[j][2]
        if _is_name_word(word) and not is_title(word):
            j += 1
            end = j
        elif word in _PARTICLES and j > i and (word not in ("der", "den") or toks[j - 1][2] in ("von", "van", "ter")) and (
            word != "zu" or _is_given_name(toks[j - 1][2])  # "Karl-Theodor zu Guttenberg", not "Lindner zu Beginn"
        ):
            j += 1
        else:
            break
    return end


def _capitalised_run(toks: list, i: int, longest: int) -> int:
    """Index after the capitalised words from ``i`` (at most ``longest``): "Europäischen Kommission"."""
    j = i
    while j < len(toks) and j - i < longest and toks[j][2][:1].isupper():
        j += 1
    return j


def _is_given_name(word: str) -> bool:
    """A listed first name, or a hyphenated pair of capitalised names ("Karl-Theodor")."""
    return word in _first_names() or "-" in word and all(part[:1].isupper() for part in word.split("-"))


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(lexicons.lines("first_names.txt"))


def parse_speaker(text: str, pos: int, limit: int = 160, nominative: bool = True) -> Mention | None:
    """The speaker phrase starting at ``pos`` ("Costa", "Regierungssprecher Steffen Hebestreit",
    "der Sprecher des Amtes, Martin Jäger", "das Außenministerium", "er"), as the span of the NAME;
    a phrase led by an article or possessive that names nobody ("ein Polizeisprecher", "sein Anwalt",
    "die Autoren der Studie") as a "description" of the whole phrase; None when there is no such phrase. With ``nominative``, a phrase
    opened by a dative or accusative article ("dem Minister", "den Präsidenten") is an object, not a speaker."""
    toks = _tokens(text, pos, min(len(text), pos + limit))
    i = 0
    while i < len(toks) and (toks[i][2].lower() in _SKIPPABLE or toks[i][2] in _ALL_MARKS):
        i += 1
    if i >= len(toks):
        return None
    if toks[i][2].lower() in _PRONOUNS:
        return Mention(toks[i][0], toks[i][1], "pronoun")
    if toks[i][2].lower() in _DEMONSTRATIVES and (i + 1 == len(toks) or not toks[i + 1][2][:1].isupper()):
        return Mention(toks[i][0], toks[i][1], "pronoun")  # "Dieser sagte": the man named last
    partitive = toks[i][2].lower() in ("einer", "eine", "eines") and i + 1 < len(toks) and toks[i + 1][2] in ("der", "von")
    if partitive or toks[i][2].lower() in _QUANTIFIERS:
        return _quantified(toks, i)  # "Einer der Feuerwehrleute", "Einige Demonstranten", "Beide Seiten"
    first = toks[i][2].lower()
    has_det = first in _DETERMINERS or first in _SUBJECT_DETERMINERS or not nominative and first in _OBJECT_POSSESSIVES
    if has_det and nominative and toks[i][2].lower() in _OBJECT_ARTICLES:
        return None
    det_at = i
    if has_det:
        i += 1
        while i < len(toks) and (_is_attribute(toks[i][2]) or _place_adjective_before_noun(toks, i)) and i - det_at <= 3:
            i += 1  # adjectives: "der russische Außenminister", "die 56-jährige Anwältin", "die Schweizer Ministerin"
    titled = False
    while i < len(toks) and is_title(toks[i][2]):
        titled, i = True, i + 1
        if i + 1 < len(toks) and toks[i][2] == "und" and is_title(toks[i + 1][2]):
            i += 1  # "der Landtagsabgeordnete und SPD-Fraktionschef Andreas Stoch"
    if has_det and not titled and i < len(toks) and _name_run(toks, i + 1) > i + 2 and (
        can_speak(toks[i][2]) and not is_institution(toks[i][2])
    ):
        titled, i = True, i + 1  # "der Historiker Paul Seidl": a noun naming people acts as a title before a full name
    if i < len(toks) and is_institution(toks[i][2]) and (full_name := _full_name_at(toks, i + 1)) is not None:
        return full_name  # "Bundesrat Ignazio Cassis": a Swiss federal councillor, a person
    described = has_det and not titled and i < len(toks) and toks[i][2][:1].isupper() and not is_institution(toks[i][2])
    if described and any(is_institution(t[2]) for t in toks[i : max(_name_run(toks, i), _capitalised_run(toks, i, 3)) + 1]):
        end = next(k for k in range(i, len(toks)) if is_institution(toks[k][2]))
        return Mention(toks[det_at][0], toks[_named_body_end(toks, end)][1], "organisation")  # "das Auswärtige Amt"
    quoted_name = _quoted_name(toks, i + 1 if i < len(toks) and toks[i][2] in _OPENING_MARKS else i)
    if quoted_name is not None:
        return quoted_name  # "schrieb „Die Zeit“", "laut „Reuters“"
    if titled or described:
        # "der Sprecher des Amtes, Martin Jäger", "der frühere Bürgermeister und Senator, Henning Scherf"
        end = _name_run(toks, i)
        if titled and end - i == 1 and _is_place_genitive(toks[i][2]):
            end = i  # "der Präsident Frankreichs", "der Vertreter Libyens": a country, no name
        apposition = _apposition(toks, i) if not titled or end == i else None  # not "Kanzlerin X vor der Presse, Y"
        if apposition is not None:
            return apposition
        if described and end - i == 1 and is_known_body(toks[i][2]):
            return Mention(toks[det_at][0], toks[i][1], "organisation")  # "die FIFA", "der BGH"
        if end - i >= (1 if titled else 2):  # "der Friedensnobelpreisträger Adolfo Pérez Esquivel"
            return Mention(toks[i][0], toks[end - 1][1], "person")
        complemented = _name_after_complement(toks, i) if titled else None
        if complemented is not None:
            return complemented  # "der Chef des Verwaltungsrats Ulrich Müller"
        if titled and has_det and is_spokesperson(toks[i - 1][2]):
            body = _represented_body(toks, i) or _compound_body(toks[i - 1])
            if body is not None:
                return body  # "ein Sprecher des Finanzministeriums", "ein Nato-Sprecher"
        body = _represented_body(toks, i) if titled and has_det else None
        if body is not None and is_known_body(text[body.start : body.end]):
            return body  # "der Einsatzleiter der Polizei", "der Hauptgeschäftsführer des BPI"
        articles = ("der", "die") if nominative else ("der", "die", "den", "dem")  # "dem Minister zufolge"
        plural = toks[det_at][2].lower() == "die" and _title_gender(toks[i - 1][2]) == "m"  # "die Außenminister"
        if titled and has_det and toks[det_at][2].lower() in articles and not plural and (i == len(toks) or toks[i][2] not in ("des", "der", "von", "vom")):
            return Mention(toks[i - 1][0], toks[i - 1][1], "role")  # "der Minister": resolved by the caller
        if not has_det and titled and end == i and i < len(toks) and toks[i][2] in _GENITIVE_LINKS:
            return _description(toks, det_at, i)  # "sagten Vertreter der Opposition": plural, with no article
        return _description(toks, det_at, i if titled else i + 1) if has_det else None
    if i < len(toks) and is_institution(toks[i][2]):
        start = toks[det_at][0] if has_det else toks[i][0]
        return Mention(start, toks[_named_body_end(toks, i)][1], "organisation")  # "der Fahrgastverband IGEB"
    if has_det:
        return _description(toks, det_at, i + 1)  # "Der 58-Jährige"
    end = _name_run(toks, i)
    if end > i and end < len(toks) and is_title(toks[end][2]) and (end - i == 1 or "-" in toks[end][2]):
        # "Australiens Premier X"; "Human Rights Watch-Sprecher Malinowski": a compound title ends the body's name
        return parse_speaker(text, toks[end][0], limit=pos + limit - toks[end][0])
    if end > i and not _after_numeral(text, toks[i][0]):
        body = not _is_given_name(toks[i][2]) and any(is_institution(t[2]) for t in toks[i:end])  # "Israels Armee"
        return Mention(toks[i][0], toks[end - 1][1], "organisation" if body else "person")
    return None


def _after_numeral(text: str, start: int) -> bool:
    """A number stands before ``start``, maybe with a unit between ("zwei Milliarden Euro", "9.150 Metern
    Höhe"): a quantity, not a name."""
    before = text[max(0, start - 30) : start].split()[-2:]
    if before and before[-1][:1].isupper() and before[-1] not in _MAGNITUDES and not is_title(before[-1]):
        before = before[:-1]  # the unit: "Metern"
    if not before:
        return False
    word = before[-1]
    return _NUMBER.fullmatch(word) is not None or word.lower() in _number_words() or word in _MAGNITUDES


_NUMBER = re.compile(r"(?!(?:19|20)\d\d$)\d(?:[\d.,]*\d)?")  # not a year ("2006 Theo Zwanziger"), nor a sentence's end ("1995.")


_MAGNITUDES = frozenset("Hundert Hunderte Tausend Tausende Million Millionen Milliarde Milliarden Mio. Mrd.".split())


_SUBJECT_DETERMINERS = frozenset("sein seine ihr ihre dessen deren".split())  # "sagte dessen Stellvertreter"
_POSSESSIVES = frozenset("sein seine seinem seinen seiner ihr ihre ihrem ihren ihrer".split())
_DEMONSTRATIVES = frozenset(("dieser", "letzterer"))
_OBJECT_POSSESSIVES = _POSSESSIVES - _SUBJECT_DETERMINERS  # "seinem Anwalt zufolge"
_QUANTIFIERS = frozenset("einige viele mehrere beide zahlreiche manche".split())


def _full_name_at(toks: list, k: int) -> Mention | None:
    """A first name and surname from token ``k`` on ("Ignazio Cassis"), else None."""
    if k >= len(toks) or not _is_given_name(toks[k][2]):
        return None
    end = _name_run(toks, k)
    return Mention(toks[k][0], toks[end - 1][1], "person") if end - k >= 2 else None


def _quantified(toks: list, i: int) -> Mention | None:
    """A description opened by a quantifier or a partitive "einer der": "Einer der 13 beteiligten
    Feuerwehrmänner", "Einige Demonstranten", "Beide Seiten"; "beide" alone ("sagten beide")."""
    j = i + 1
    if j < len(toks) and toks[j][2] in ("der", "von", "den"):
        j += 1
    while j < len(toks) and (_is_attribute(toks[j][2]) or toks[j][2].isdigit()) and j - i <= 4:
        j += 1
    described = _description(toks, i, j + 1) if j < len(toks) else None
    if described is None and toks[i][2].lower() == "beide" and (j == i + 1 or j == len(toks)):
        return Mention(toks[i][0], toks[i][1], "description")  # the two just named, together
    return described


def _place_adjective_before_noun(toks: list, i: int) -> bool:
    """A capitalised adjective of a place before a capitalised noun: "Schweizer" in "die Schweizer
    Außenministerin", "Berliner" in "der Berliner Senat" (alone, "die Berliner" are people)."""
    return i + 1 < len(toks) and toks[i + 1][2][:1].isupper() and _is_place_adjective(toks[i][2])


@lru_cache(maxsize=65536)
def _is_place_adjective(word: str) -> bool:
    return word.endswith("er") and word[:1].isupper() and gazetteer.lookup_place(word[:-2]) is not None


def _is_place_genitive(word: str) -> bool:
    """A place name in the genitive ("Libyens", "Frankreichs")."""
    place = gazetteer.lookup_place(word) if word.endswith("s") else None
    return place is not None and place.name != word


def _named_body_end(toks: list, k: int) -> int:
    """Index of the last token of an institution noun at ``k`` and the name after it, if any: "der
    Fahrgastverband IGEB", "die Nachrichtenagentur Reuters"."""
    return max(k, _name_run(toks, k + 1) - 1)


def _is_attribute(word: str) -> bool:
    """A word between an article and its noun: an adjective ("russische") or a number compound ("56-jährige")."""
    return word not in _DETERMINERS and not _is_noun(word) and (word[:1].islower() or word[:1].isdigit() and "-" in word)


def _is_noun(word: str) -> bool:
    """Capitalised, or a compound ending in a capitalised part ("documenta-Homepage", "58-Jährige")."""
    return word[:1].isupper() or word.rsplit("-", 1)[-1][:1].isupper()


@lru_cache(maxsize=65536)
def can_speak(noun: str) -> bool:
    """A noun naming someone who can speak: a title, institution or document, or a noun ending like one
    naming people ("Augenzeuge", "Veranstalter", "56-Jährige"; speaker_noun_endings.txt)."""
    if not _is_noun(noun):
        return False
    if is_title(noun) or is_institution(noun):
        return True
    forms = {noun, re.sub(r"e?s$", "", noun)}
    return any(_ends_with(form, name) for form in forms for name in ("speaker_noun_endings.txt", "quote_documents.txt"))


def _description(toks: list, det_at: int, after_noun: int, longest: int = 4) -> Mention | None:
    """A nameless phrase from its article (or, with none, its noun) to its noun (at ``after_noun - 1``)
    and the noun's genitive complement: "ein Reporter des Senders Sky News", "die Autoren der Studie",
    "Der 58-Jährige", "Vertreter der Opposition"."""
    end = min(after_noun, len(toks))
    if end <= det_at or end == det_at + 1 and toks[det_at][2].lower() in _DETERMINERS or not can_speak(toks[end - 1][2]):
        return None
    if end < len(toks) and toks[end][2] in _GENITIVE_LINKS:
        j = end + 1
        while j < len(toks) and _is_attribute(toks[j][2]) and j - end <= 3:
            j += 1  # "des späteren Opfers"
        while j < len(toks) and j - end <= longest and toks[j][2][:1].isupper():
            j, end = j + 1, j + 1
    return Mention(toks[det_at][0], toks[end - 1][1], "description")


_OPENING_MARKS = frozenset("„»«\"‚‹›“")
_CLOSING_MARKS = frozenset("“”\"«»‘’‹›")


def _quoted_name(toks: list, i: int, longest: int = 5) -> Mention | None:
    """A name set in quotation marks where a speaker stands — a newspaper, agency or body ("„Die Zeit“"):
    tokens from ``i`` (after an opening mark) to a closing mark within ``longest`` words, all capitalised
    but the articles."""
    k = i - 1
    while k >= 0 and toks[k][2].lower() in _DETERMINERS:
        k -= 1
    if k < 0 or toks[k][2] not in _OPENING_MARKS or i >= len(toks):
        return None
    for j in range(i, min(len(toks), i + longest + 1)):
        if toks[j][2] in _CLOSING_MARKS:
            inner = [t[2] for t in toks[i:j] if t[2].lower() not in _DETERMINERS]
            if inner and all(w[:1].isupper() for w in inner):
                return Mention(toks[k + 1][0], toks[j - 1][1], "organisation")
            return None
    return None


def is_known_body(name: str) -> bool:
    """An organisation by its words: a listed institution noun ("Finanzministeriums"), a gazetteer
    organisation ("Nato") or an acronym ("WWF")."""
    tokens = name.split()
    if any(is_institution(t) or is_institution(t.rstrip("s")) for t in tokens):
        return True
    bare = " ".join(t for t in tokens if t.lower() not in ("der", "die", "das", "des", "dem", "den"))
    return gazetteer.lookup_organisation(bare) is not None or (len(bare) >= 2 and bare.isupper() and bare.isalpha())


_SPOKESPERSON = re.compile(r"(?:sprecher|vertreter)(?:in)?$", re.IGNORECASE)
_GENITIVE_LINKS = frozenset(("des", "der", "von", "vom"))


def is_spokesperson(word: str) -> bool:
    """A word naming someone who speaks for a body: "Sprecher", "Ministeriumssprecherin", "Vertreter"."""
    return bool(_SPOKESPERSON.search(word))


def _represented_body(toks: list, i: int) -> Mention | None:
    """The body after a spokesperson title: "(Sprecher) des Finanzministeriums", "der Nato",
    "von Tesla", "der Downing Street" (the caller checks it is an organisation)."""
    if i >= len(toks) or toks[i][2] not in _GENITIVE_LINKS:
        return None
    j = i + 1
    while j < len(toks) and toks[j][2][:1].islower() and toks[j][2] not in _DETERMINERS and j - i <= 3:
        j += 1  # adjectives: "des französischen Außenministeriums"
    if j < len(toks) and (is_institution(toks[j][2]) or is_institution(toks[j][2].rstrip("s"))):
        return Mention(toks[j][0], toks[j][1], "organisation")
    end = _name_run(toks, j)
    return Mention(toks[j][0], toks[end - 1][1], "organisation") if end > j else None


def _name_after_complement(toks: list, i: int) -> Mention | None:
    """A full name after a title's genitive complement: "(Chef) des Verwaltungsrats Ulrich Müller"."""
    if i >= len(toks) or toks[i][2] not in _GENITIVE_LINKS:
        return None
    j = i + 1
    while j < len(toks) and (toks[j][2] in _DETERMINERS or toks[j][2][:1].islower()) and j - i <= 3:
        j += 1
    j += 1  # the complement's noun
    end = _name_run(toks, j)
    return Mention(toks[j][0], toks[end - 1][1], "person") if end - j >= 2 else None


def _compound_body(tok: tuple[int, int, str]) -> Mention | None:
    """The body named in a spokesperson compound: "WWF-Sprecher" → "WWF"."""
    start, _, word = tok
    prefix = word.rsplit("-", 1)[0] if "-" in word else ""
    if not prefix[:1].isupper():
        return None
    return Mention(start, start + len(prefix), "organisation")


def _apposition(toks: list, i: int, reach: int = 9) -> Mention | None:
    """", Name" closing a role description within ``reach`` tokens of ``i`` (the name must be followed by
    a comma, parenthesis or the end of the phrase, unless it is a first name and surname); a single word
    known as an organisation (", Airbus,") is the body, not a person."""
    for k in range(i, min(len(toks), i + reach)):
        word = toks[k][2]
        if word == ",":
            end = _name_run(toks, k + 1)
            closed = end == len(toks) or toks[end][2] in ",()."
            full_name = _full_name_at(toks, k + 1) is not None  # "…, Volker Beck das Pontifikat"
            if end > k + 1 and (closed or full_name):
                name = " ".join(t[2] for t in toks[k + 1 : end])
                return Mention(toks[k + 1][0], toks[end - 1][1], "organisation" if end - k == 2 and is_known_body(name) else "person")
            return None
        if word.lower() in _speech_verbs() or word in _ALL_MARKS or word in ".;:":
            return None
    return None


# Each branch opens with its mark (the lookbehind after it), so that the regex jumps from mark to mark.
_SENTENCE_END = re.compile(r"[.!?](?=[\s„“\"»«])\s*|[.!?](?<=[a-zäöüß]{3}[.!?])(?=[A-ZÄÖÜ][a-zäöüß])|\n\s*")


def _sentence_start(text: str, pos: int, limit: int = 300) -> int:
    """Start of the sentence containing ``pos`` (after ". ", "! ", "? ", a newline or a closing mark, or
    a period with the space left out between two words: "verschwunden.Der")."""
    lo = max(0, pos - limit)
    best = lo
    for match in _SENTENCE_END.finditer(text[lo:pos]):
        after = text[lo + match.end() : lo + match.end() + 3].lstrip("„“\"»«")
        ordinal = _ORDINAL_BEFORE.search(text, max(0, lo + match.start() - 8), lo + match.start())
        if not ordinal or not (ordinal.group(1) or after[:1].islower()):
            best = lo + match.end()
    return best


# A day ("am 20. Juli") or a regnal number going on in lower case ("Benedikt XVI. „ist …“") ends no sentence.
_ORDINAL_BEFORE = re.compile(r"(?:\b[IVXLC]{1,6}|(?<![\d.])\b(\d{1,2}))$")


def _verb_at(text: str, lo: int, hi: int) -> tuple[int, int, str] | None:
    """The last speech verb in text[lo:hi] (or "so" before a name: "so Gall", "so die FIFA"), as
    (start, end, word). A capitalised form counts only at the start ("Schreiben der Behörde" is a noun)."""
    found = None
    toks = _tokens(text, lo, hi)
    for k, (start, end, word) in enumerate(toks):
        verb = word.lower() in _speech_verbs() and (word[:1].islower() or k == 0)
        if verb or word == "so" and _name_follows(toks, k + 1):
            found = (start, end, word)
    return found


def _name_follows(toks: list, k: int) -> bool:
    """A capitalised word stands at ``k``, maybe after an article ("Gall", "die FIFA")."""
    if k < len(toks) and toks[k][2].lower() in _DETERMINERS:
        k += 1
    return k < len(toks) and toks[k][2][:1].isupper()


_AFTER_CUE = re.compile(r"[\s“”\"«»‘’]*,?\s*([^\W\d_]+)")
_PASSIVE_CUE = re.compile(r"[\s“”\"«»‘’]*,?\s*(?:wird|wurde|werden|wurden)\s+(.{1,80}?)\s+(?:wie folgt\s+)?zitiert\b")
_VIEW_NOUNS = r"(?:Worten|Ansicht|Angaben|Auffassung|Meinung|Einschätzung|Aussagen?|Informationen|Darstellung(?:en)?|Überzeugung|Idee|Vorstellung(?:en)?|Vorschlag)"
_VIEW_CUE = re.compile(rf"\b(?:[Nn]ach|[Ll]aut)\s+(?:den\s+)?{_VIEW_NOUNS}\s+(?:von\s+)?(?=\w)")
_OWNED_VIEW = re.compile(
    rf"\b(?:(?:[Nn]ach|[Ll]aut)\s+(?:(?P<name>[A-ZÄÖÜ][\w-]*?)s|(?P<pronoun>[Ss]einer|[Ii]hrer|[Ss]einen|[Ii]hren))\s+{_VIEW_NOUNS}"
    rf"|(?P<lead>[Ss]einer|[Ii]hrer)\s+{_VIEW_NOUNS}\s+nach)\b"
)


_OWNED_HEAD = re.compile(r"\s*(Seine|Ihre)\s+(?:Meinung|Ansicht|Antwort|Einschätzung|Worte|Reaktion|Bilanz)\b[^.!?„“\"»«]*:\s*$")


def _owned_view(text: str, lo: int, hi: int, known: frozenset[str] = frozenset()) -> Mention | None:
    """The owner of a view or statement named by a possessive: "Nach Schäubles Ansicht" → "Schäuble"
    (a name known in the text), "Seiner Ansicht nach", "nach ihren Worten", "Seine Meinung zu X: „…“" →
    the pronoun, for the caller to resolve."""
    head = _OWNED_HEAD.match(text, lo, hi)
    if head is not None:
        return Mention(head.start(1), head.end(1), "pronoun")  # "Seine Meinung zu X: „…“"
    match = _OWNED_VIEW.search(text, lo, hi)
    if match is None:
        return None
    if match.group("name"):
        return Mention(match.start("name"), match.end("name"), "person") if match.group("name") in known else None
    group = "pronoun" if match.group("pronoun") else "lead"
    return Mention(match.start(group), match.end(group), "pronoun")


def document_source(text: str, lo: int, hi: int, known: frozenset[str] = frozenset()) -> Mention | None:
    """The author of a statement or document the sentence quotes from: "heißt es in einer Mitteilung des
    Auswärtigen Amtes", "In einem Positionspapier des Innenministeriums steht", "in einer Erklärung von
    Außenminister X", "hieß es vom Abgeordneten X" → the body or the named person (None for a document
    without one)."""
    said_by = _SAID_BY.search(text, lo, hi)
    if said_by is not None:  # "hieß es vom Abgeordneten X"
        mention = parse_speaker(text, said_by.end(), limit=hi - said_by.end(), nominative=False)
        if mention is not None and mention.kind in ("person", "organisation"):
            return mention
    toks = _tokens(text, lo, hi)
    for k in range(1, len(toks) - 1):
        word = toks[k][2]
        if not word[:1].isupper() or not _ends_with(word, "quote_documents.txt") or toks[k + 1][2] not in _GENITIVE_LINKS:
            continue
        j = k - 1
        while j > 0 and (toks[j][2][:1].islower() and toks[j][2] not in _DOCUMENT_PREPOSITIONS):
            j -= 1  # articles and adjectives: "in einer gemeinsamen Erklärung"
        if toks[j][2].lower() not in _DOCUMENT_PREPOSITIONS:
            continue
        link_end = toks[k + 1][1] if toks[k + 1][2] in ("von", "vom") else toks[k + 1][0]
        mention = parse_speaker(text, link_end, limit=hi - link_end, nominative=False)
        if mention is not None and (mention.kind == "organisation" or mention.kind == "person" and _is_named(text, mention, link_end, known)):
            return mention
    return _document_phrase(text, lo, hi)


_SAYS_IT = re.compile(r"\b(?:heißt|hieß)\s+es\b|\bes\s+(?:\w+\s+)?geheißen\b")
_SOURCE_PREPOSITIONS = frozenset(("in", "im", "auf", "aus"))
_POSSESSIVE_DETERMINERS = _DETERMINERS | _POSSESSIVES


def _document_phrase(text: str, lo: int, hi: int) -> Mention | None:
    """The source a sentence with "heißt es" quotes from: a body ("hieß es aus dem Auswärtigen Amt"), else
    a document naming no author, as a description ("heißt es in dem Schreiben", "auf der Homepage heißt es")."""
    if not _SAYS_IT.search(text, lo, hi):
        return None
    toks = _tokens(text, lo, hi)
    quoting = False
    for k, (_, _, word) in enumerate(toks):
        if word in _ALL_MARKS:
            quoting = word in _OPENING_MARKS and not quoting  # no phrase of the quote itself
        if quoting or word.lower() not in _SOURCE_PREPOSITIONS:
            continue
        after = toks[k + 1][2] if k + 1 < len(toks) else ""
        det_at = k + 1 if word.lower() != "im" and after in _POSSESSIVE_DETERMINERS else k  # "im" holds its article
        source = parse_speaker(text, toks[k + 1][0], limit=hi - toks[k + 1][0], nominative=False) if k + 1 < len(toks) else None
        if source is not None and source.kind == "organisation":
            return source  # "hieß es aus dem Auswärtigen Amt"
        j = det_at + 1
        while j < len(toks) and _is_attribute(toks[j][2]) and j - det_at <= 3:
            j += 1  # "in einer gestern verbreiteten Erklärung"
        found = _description(toks, det_at, j + 1) if j < len(toks) else None
        if found is not None:
            return Mention(toks[k + 1][0], found.end, "description")
    return None


_SAID_BY = re.compile(r"\b(?:heißt|hieß)\s+es\s+(?:[a-zäöüß]+\s+){0,2}?(?:von|vom)\s+")
_DOCUMENT_PREPOSITIONS = frozenset(("in", "im", "laut", "nach", "aus"))


def _is_named(text: str, mention: Mention, phrase_start: int, known: frozenset[str] = frozenset()) -> bool:
    """The mention is a name for sure: an organisation, introduced by a title or article, several
    words, or known."""
    name = text[mention.start : mention.end]
    return mention.kind != "person" or mention.start > phrase_start or " " in name or name in known


def unnamed(mention: Mention | None) -> bool:
    """No one is named: no mention, or a description ("ein Sprecher")."""
    return mention is None or mention.kind == "description"


def named_or(found: Mention | None, search: Callable[[], Mention | None]) -> Mention | None:
    """``found`` when it names someone; else what ``search`` finds when that names someone; else the
    description either found (a description never stops the search for a name)."""
    if not unnamed(found):
        return found
    other = search()
    return other if found is None or not unnamed(other) else found


def _speaker_after_quote(text: str, close_at: int) -> tuple[str, Mention | None] | None:
    """"„…“, sagte X" / "„…“, so X" / "„…“, wird X zitiert" / "„…“, zitiert die Zeitung den Minister":
    the cue and speaker after the marks."""
    found = _cue_after_quote(text, close_at)
    if found is None or not found[0].lower().startswith("zitier") or found[1] is None:
        return found
    source = found[1]
    quoted_one = parse_speaker(text, source.end, limit=80, nominative=False)
    if quoted_one is None or quoted_one.kind == "pronoun":
        return found
    gap = text[source.end : quoted_one.start].split()
    if all(w in _DETERMINERS or w in _CLOSING_MARKS or w[:1].isupper() and w.isalpha() for w in gap):
        return found[0], quoted_one  # the one the source quotes speaks (the articles and titles before the name)
    return found


def _cue_after_quote(text: str, close_at: int) -> tuple[str, Mention | None] | None:
    """The cue right after the closing mark and the phrase after it (see :func:`_speaker_after_quote`)."""
    window = text[close_at + 1 : close_at + 120]
    passive = _PASSIVE_CUE.match(window)
    if passive:
        return "zitiert", parse_speaker(text, close_at + 1 + passive.start(1), limit=len(passive.group(1)))
    after = _AFTER_CUE.match(window)
    if after and after.group(1)[:1].islower() and after.group(1) not in STOP_WORDS and window.lstrip()[:1] in ",“”\"«»":
        mention = parse_speaker(text, close_at + 1 + after.end())  # "„…“, strich Romney heraus"
        if not unnamed(mention) and (mention.kind != "person" or _is_named(text, mention, close_at + 1 + after.end())):
            return after.group(1), mention
    if after and (after.group(1).lower() in _speech_verbs() or after.group(1) == "so"):
        pos = close_at + 1 + after.end()
        verb_next = _AFTER_CUE.match(text, pos)
        if after.group(1) == "so" and verb_next and verb_next.group(1).lower() in _speech_verbs():
            pos = verb_next.end()  # "„…“, so urteilte Romney"
        return after.group(1), parse_speaker(text, pos)
    if after and after.group(1) in _AUXILIARIES and window.lstrip()[:1] in ",“”\"«»":
        pos = close_at + 1 + after.end()  # "„…“, hatte VW-Chef Winterkorn in einem Interview erklärt"
        verb = _verb_at(text, pos, pos + len(_clause_after(text, pos, 160)))
        if verb is not None and verb[2] != "so":
            return verb[2], parse_speaker(text, pos, limit=verb[0] - pos)
    return None


_AUXILIARIES = frozenset("hat hatte habe hätte haben hatten hätten".split())
_AUXILIARY = re.compile(rf",\s*(?:{'|'.join(_AUXILIARIES)})\s+")


def _speaker_in_sentence(
    text: str, sentence: int, lead_end: int, close_at: int, known: frozenset[str] = frozenset()
) -> tuple[str | None, Mention | None]:
    """Cue and speaker from the sentence around a quote: "X zufolge", "laut X", "nach Ansicht von X",
    "X sagte: „…“", "Auf X schrieb Costa: „…“", "X bezeichnete das als „…“"."""
    described = None  # ("laut", "einem Sprecher"): kept while a later pattern may still name someone
    for marker in ("zufolge", "laut", "Laut"):
        mention = _cue_word(text, sentence, close_at, marker)
        cue = "zufolge" if marker == "zufolge" else "laut"
        if not unnamed(mention) and not _speech_verb_after(text, mention.end, lead_end):
            return cue, mention
        described = described or mention and (cue, mention)  # "Laut Reuters sagte ein Diplomat": who said
    view = _VIEW_CUE.search(text, sentence, lead_end)
    if view:
        return "laut", parse_speaker(text, view.end(), nominative=False)
    holder = _view_holder(text, sentence, lead_end, known)
    if holder is not None:
        return "für", holder
    owner = _owned_view(text, sentence, lead_end, known)
    if owner is not None:
        return "laut", owner
    verb = _verb_at(text, sentence, lead_end)
    colon = text[sentence:lead_end].rstrip().endswith(":")
    passive = re.search(r"\b(?:wird|werden|wurde|wurden)\b", text[sentence:lead_end])
    if verb is not None and verb[2].lower().startswith("zitier") and not passive:
        return verb[2], parse_speaker(text, verb[1], limit=lead_end - verb[1], nominative=False)
    if verb is not None and verb[2] == "so":
        return "so", parse_speaker(text, verb[1], limit=lead_end - verb[1])  # "…, so Gall, „…“"
    inverted = _pronoun_after_verb(text, verb, lead_end) if verb else None
    if inverted is not None:
        return verb[2], inverted
    relative = _RELATIVE_CLAUSE.search(text, sentence, lead_end)
    if relative is not None:
        antecedent = _phrase_ending_at(text, sentence, relative.start(), known)
        main_verb = _verb_at(text, sentence, relative.start()) if antecedent is None else None
        if main_verb is not None and main_verb[2] != "so":
            verb = main_verb  # "Richter X kritisiert Foren, in denen Rechte „…“ wurden": the main clause's speaker
        elif antecedent is not None or relative.group(1):
            # "vom Fahrgastverband IGEB, der dies als „…“ sieht"; "dem Entwurf, in dem …" names no one
            return (verb[2] if verb else None), antecedent
    subject = (_clause_subject(text, sentence, verb[0], known) if verb else None) or _subject(text, sentence, verb[0] if verb else lead_end, known)
    if verb is None:
        if colon:
            subject = named_or(subject, lambda: _pronoun_in_clause(text, sentence, lead_end) or _named_in_clause(text, sentence, lead_end, known))
        pronoun = subject is not None and subject.kind == "pronoun" and not colon  # "Sie sei „…“, sagte die Königin"
        if (unnamed(subject) or pronoun) and close_at > lead_end and (colon or text[close_at - 1 : close_at] not in ".!?"):
            later = _speaker_later_in_sentence(text, close_at, known)  # not past a quote ending its sentence
            if later[0] is not None and (later[1] is not None or not pronoun):
                return later
            colon = False
        return described if subject is None and described else (("colon" if colon else None), subject)
    coordinated = text[max(sentence, verb[0] - 6) : verb[0]].split()[-1:] in (["und"], ["sowie"])
    named_after = None if coordinated else parse_speaker(text, verb[1], limit=lead_end - verb[1])  # "… und nannte X „…“"
    if unnamed(subject) or subject.kind == "organisation" and _inverted_name(text, verb, named_after) or _titled_subject(text, verb, named_after):
        subject = named_or(named_after, lambda: subject)  # "Der Zeitung sagte Filep Karma: „…“": the name after the verb
    subject = named_or(subject, lambda: (
        _masculine_pronoun(text, sentence, verb[0]) or _named_in_clause(text, sentence, verb[0], known) or _body_in_clause(text, sentence, verb[0])
    ))
    return described if subject is None and described else (verb[2], subject)


_FOR_VIEW = re.compile(r"[\s„“\"»«]*Für\s+")
_COPULAS = frozenset("ist sei war wäre sind seien waren bleibt bleibe".split())


def _view_holder(text: str, sentence: int, lead_end: int, known: frozenset[str] = frozenset()) -> Mention | None:
    """Whose view a sentence opened by "Für" gives: "Für den Theologen Hans Küng sei der Rücktritt
    „…“", "Für Bildungssenator X ist das „…“" — a named person, a role or a body, followed by a copula
    (not "Für den Bau der Brücke wurden …")."""
    opening = _FOR_VIEW.match(text, sentence, lead_end)
    if opening is None:
        return None
    mention = parse_speaker(text, opening.end(), limit=lead_end - opening.end(), nominative=False)
    if mention is None or mention.kind not in ("person", "role", "organisation") or not _is_named(text, mention, opening.end(), known):
        return None
    following = _tokens(text, mention.end, lead_end)
    following = [t for t in following if t[2] not in ")(" and not t[2][:1].isupper()]  # "(SPD)"
    return mention if following and following[0][2] in _COPULAS else None


def _speech_verb_after(text: str, lo: int, lead_end: int) -> bool:
    """A speech verb (not "so") follows a "laut"/"zufolge" source before the quote: "Laut Reuters sagte ein
    Diplomat: „…“", whose subject speaks."""
    verb = _verb_at(text, lo, lead_end)
    return verb is not None and verb[2] != "so"


_RELATIVE_CLAUSE = re.compile(
    r",\s+(?:(in|mit|nach|bei|auf|für|an|aus|über|unter|durch|gegen)\s+(?:dem|der|den|denen|welchem|welcher)"
    r"\s+(?=[a-zäöüß])[^.;:!?„“\"»«]*|(?:der|die|welche[rs]?)\s+(?=[a-zäöüß])[^,.;:!?„“\"»«]*)$"
)


def _phrase_ending_at(text: str, lo: int, end: int, known: frozenset[str] = frozenset()) -> Mention | None:
    """The organisation or named person whose phrase ends right at ``end`` (before a relative clause's
    comma): "Kritik kommt vom Berliner Fahrgastverband IGEB, der …"."""
    for start, _, _ in _tokens(text, lo, end):
        mention = parse_speaker(text, start, limit=end - start, nominative=False)
        if mention is not None and not text[mention.end : end].strip() and (
            mention.kind == "organisation" or mention.kind == "person" and _is_named(text, mention, start, known)
        ):
            return mention
    return None


def _inverted_name(text: str, verb: tuple[int, int, str], mention: Mention | None) -> bool:
    """A full name right after the verb, maybe after its article and title ("sagte Filep Karma", "sagte
    der Abgeordnete Jonas Keller"), the subject in verb-second order."""
    if mention is None or mention.kind != "person" or len(words(text[mention.start : mention.end])) < 2:
        return False
    return all(w in _DETERMINERS or is_title(w) or _is_attribute(w) for w in text[verb[1] : mention.start].split())


_APPOSITION_REST = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*,?\s*")


_DEMONSTRATIVE_CLAUSE = re.compile(r",\s*([Dd]ieser|[Ll]etzterer)\s*$")


def _clause_subject(text: str, sentence: int, verb_at: int, known: frozenset[str] = frozenset(), clauses: int = 3) -> Mention | None:
    """The named subject right before the verb, opening one of the last comma clauses of the sentence:
    "X nannte es „…“, Bundestrainer Joachim Löw bezeichnete es als „…“", "X wies das zurück, die Sprecherin
    der Fraktion, Sandra Boser (Grüne), erklärte: …" (the sentence's first subject is X's)."""
    demonstrative = _DEMONSTRATIVE_CLAUSE.search(text, sentence, verb_at)
    if demonstrative is not None:
        return Mention(demonstrative.start(1), demonstrative.end(1), "pronoun")  # "X traf Y, dieser sagte": Y
    end = verb_at
    for _ in range(clauses):
        comma = text.rfind(",", sentence, end)
        if comma < 0 or _ends_in_name(text, sentence, comma, known):
            return None  # "Henk Jaap Meijer, Laborleiter der X, erklärte": an apposition of the name before
        end = comma
        mention = parse_speaker(text, comma + 1, limit=verb_at - comma - 1) if text[comma + 1 : verb_at].strip() else None
        if mention is None or mention.kind != "person" or _APPOSITION_REST.fullmatch(text, mention.end, verb_at) is None:
            continue
        if _is_named(text, mention, comma + 1, known) and " " in text[mention.start : mention.end]:
            return mention
    return None


def _ends_in_name(text: str, lo: int, hi: int, known: frozenset[str] = frozenset()) -> bool:
    """text[lo:hi] ends in a person's name: two or more name words ("Henk Jaap Meijer") or a known one."""
    toks = _tokens(text, lo, hi)
    k = len(toks)
    while k > 0 and _is_name_word(toks[k - 1][2]) and not is_title(toks[k - 1][2]):
        k -= 1
    run = len(toks) - k
    return run >= 2 or run == 1 and toks[-1][2] in known


def _titled_subject(text: str, verb: tuple[int, int, str], mention: Mention | None) -> bool:
    """A name right after the verb behind a nominative article and a title of its gender ("nannte der
    israelische Premierminister Benjamin Netanyahu", "sagte die Ministerin Anna Berger"; not the dative
    "der Ministerin"): the subject in verb-second order, whatever stands before the verb."""
    if not _inverted_name(text, verb, mention):
        return False
    gap = text[verb[1] : mention.start].split()
    titles = [w for w in gap if is_title(w)]
    if not gap or not titles:
        return False
    return (gap[0], _title_gender(titles[-1])) in (("der", "m"), ("die", "f"))


def _pronoun_after_verb(text: str, verb: tuple[int, int, str], lead_end: int) -> Mention | None:
    """"Der Zeitung sagte er: „…“": a pronoun right after the verb is the subject, and the phrase
    before the verb an object ("sie" only without "als", where it is the object: "nannte sie als")."""
    toks = _tokens(text, verb[1], lead_end)
    if not toks or toks[0][2] not in _PRONOUNS:
        return None
    before = _tokens(text, max(0, verb[0] - 12), verb[0])[-1:]
    if before and before[0][2] in ("und", "sowie", "oder"):
        return None  # "X bestätigte das nicht und nannte sie „…“": the subject is X's, "sie" an object
    if toks[0][2] == "sie" and (any(t[2] == "als" for t in toks) or verb[2].lower().startswith(("nann", "nenn"))):
        return None  # "bezeichnete sie als „…“", "nannte sie „fahrlässig“": "sie" is what is named
    return Mention(toks[0][0], toks[0][1], "pronoun")


_PREPOSITIONS = frozenset(
    "mit an auf gegen für über von vom zu zum zur bei beim nach gegenüber aus in im um unter vor wegen durch ohne seit laut "
    "trotz während zwischen neben hinter dem den".split()
)


def _pronoun_in_clause(text: str, lo: int, hi: int) -> Mention | None:
    """A subject pronoun ("Dabei griff sie … an:") in text[lo:hi]."""
    toks = _tokens(text, lo, hi)
    for k, (start, end, word) in enumerate(toks):
        if word in _PRONOUNS and not (k and toks[k - 1][2].lower() in _PREPOSITIONS):
            return Mention(start, end, "pronoun")
    return None


def _masculine_pronoun(text: str, lo: int, hi: int) -> Mention | None:
    """"er" in text[lo:hi], not after a preposition: always a subject ("lenkte er die Fähre … und meldete
    sich mit den Worten: „…“"), unlike "sie", which may be an object."""
    pronoun = _pronoun_in_clause(text, lo, hi)
    while pronoun is not None and text[pronoun.start : pronoun.end] != "er":
        pronoun = _pronoun_in_clause(text, pronoun.end, hi)
    return pronoun


_OBJECT_ARTICLES = frozenset(("den", "dem", "einen", "einem", "des", "eines"))


def _named_in_clause(text: str, lo: int, hi: int, known: frozenset[str] = frozenset()) -> Mention | None:
    """The first person in text[lo:hi] named with a title or a full name and not governed by a
    preposition ("Bereits 2005 hatte Kanzlerin Angela Merkel verkündet: …")."""
    toks = _tokens(text, lo, hi)
    governed = False  # inside a preposition's phrase: "nach (dem) Zyklon Tasha", "im kleinen Ort X an der Havel"
    modifiable = False  # an article or adjective just read: an adjective may follow ("dem kleinen … Ort")
    for k, (start, _, word) in enumerate(toks):
        if not word[:1].isupper():
            opens = word.lower() in _PREPOSITIONS and word not in _OBJECT_ARTICLES
            adjective = modifiable and word.endswith(("e", "en", "er", "es", "em"))
            governed = opens or governed and (word in _DETERMINERS or adjective)  # not "zu gewinnen, will X"
            modifiable = governed and (word in _DETERMINERS or adjective or opens and word != "zu")
            continue
        modifiable = False
        if k and toks[k - 1][2].lower() in _PREPOSITIONS:
            governed = True
        elif governed and toks[k - 1][2][:1].isupper() and is_title(word):
            governed = False  # "nach dem Treffen Außenminister X …": a title opens the next phrase
        if governed:
            continue
        if any(t[2] in _OBJECT_ARTICLES for t in toks[max(0, k - 3) : k]):
            continue  # "griff den iranischen Präsidenten X an": an object, not the speaker
        mention = parse_speaker(text, start, limit=hi - start)
        if mention and mention.kind == "person" and (
            mention.start > start or " " in text[mention.start : mention.end] or text[mention.start : mention.end] in known
        ):
            return mention
    return None


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """The number words of the date reader, without the articles among them ("ein", "eine")."""
    return frozenset(number_words()) - _DETERMINERS


def _body_in_clause(text: str, lo: int, hi: int) -> Mention | None:
    """The first organisation in text[lo:hi] opened by a nominative article and not governed by a
    preposition: "… zeigte sich die Bundesregierung bestürzt und verurteilte …", "weil die US-Regierung …"."""
    toks = _tokens(text, lo, hi)
    for k, (start, _, word) in enumerate(toks):
        if word.lower() not in ("der", "die", "das") or k and toks[k - 1][2].lower() in _PREPOSITIONS:
            continue
        if word == "der" and k and toks[k - 1][2][:1].isupper():
            continue  # "den Sitz der Verwaltung": a genitive attribute
        mention = parse_speaker(text, start, limit=hi - start)
        if mention is not None and mention.kind == "organisation" and mention.start == start:
            return mention
    return None


_ADVERB_ENDINGS = ("end", "lich", "weise", "isch", "ig", "bar", "los")


def _subject(text: str, sentence: int, verb_at: int, known: frozenset[str] = frozenset()) -> Mention | None:
    """The speaker phrase opening the sentence, when it plausibly is the subject: a title or article
    introduces it, it has several name words, or the verb follows it directly ("Stoiber sagte")."""
    if re.match(r"\s*[Ww]ie\b[^,]*,", text[sentence:verb_at]):
        return None  # "Wie der Sender berichtet, gab X …": the source clause, not the subject
    mention = parse_speaker(text, sentence, limit=verb_at - sentence)
    if mention is None or mention.kind != "person":
        return mention
    introduced = bool(text[sentence : mention.start].strip(" \t\n„“\"»«"))
    several = len(words(text[mention.start : mention.end])) > 1
    next_word = _tokens(text, mention.end, min(len(text), mention.end + 40))[:1]
    verb_next = bool(next_word) and (next_word[0][0] == verb_at or next_word[0][2] in ",(")
    name = text[mention.start : mention.end]
    adverb = not introduced and not several and name.lower().endswith(_ADVERB_ENDINGS)
    return mention if introduced or several or name in known or (verb_next and not adverb) else None


def attribute(text: str, quoted: Quoted, known: frozenset[str] = frozenset()) -> tuple[str | None, Mention | None]:
    """The cue and the speaker mention of a quote, from its own sentence or the sentence before.
    ``known`` holds words known to be names in this text (see :func:`surnames`)."""
    open_at, close_at = quoted.start - 1, quoted.end
    sentence = _sentence_start(text, open_at)
    named = _name_before_parenthesis(text, open_at, known)
    if named is not None:
        return None, named
    found = _speaker_after_quote(text, close_at)
    if found is not None:
        cue, speaker = found
        speaker = named_or(speaker, lambda: _named_in_clause(text, close_at + 1, close_at + 1 + len(_clause_after(text, close_at + 1, 160)), known))
        if cue != "so" and sentence < open_at - 2:
            passive = _is_passive(text, sentence, open_at, close_at)  # its subject is what was said of, not who said it
            speaker = named_or(speaker, lambda: _passive_agent(text, sentence, open_at, known) if passive else _subject(text, sentence, open_at, known))
        return cue, named_or(speaker, lambda: document_source(text, sentence, _sentence_end(text, close_at), known))
    lead_end = len(text[:open_at].rstrip())
    if text[lead_end - 1 : lead_end] != ":":
        lead_end = open_at  # only a colon lets the introduction sit on the line before
    sentence = _sentence_start(text, lead_end)
    cue, speaker = _speaker_in_sentence(text, sentence, lead_end, close_at, known)
    if cue is None:
        return cue, named_or(speaker, lambda: _speaker_around(text, sentence, open_at, close_at, known))
    return cue, named_or(speaker, lambda: document_source(text, sentence, _sentence_end(text, close_at), known))


_PASSIVE = re.compile(r"\b(?:wird|werden|wurde|wurden|worden)\b")
_PASSIVE_AFTER = re.compile(r"[\s“”\"«»‘’]*,?\s*[^\W\d_]+\s+" + _PASSIVE.pattern)  # "… bezeichnet wurde"
_AGENT = re.compile(r"\b(?:von|vom)\s+(?=[^,;:]{1,80}$)")
_AGENT_END = re.compile(r"\s*(?:als\s*)?$")


def _is_passive(text: str, sentence: int, open_at: int, close_at: int) -> bool:
    """The speech verb after a quote is passive: an auxiliary before the quote ("Er wurde als „…“
    bezeichnet") or right after the verb ("…, dass es als „…“ bezeichnet wurde")."""
    return _PASSIVE.search(text, sentence, open_at) is not None or _PASSIVE_AFTER.match(text, close_at + 1) is not None


def _passive_agent(text: str, sentence: int, open_at: int, known: frozenset[str] = frozenset()) -> Mention | None:
    """The agent of a passive speech verb, named right before the quote: "Seine Werke werden von
    Musikkennern als „…“ bezeichnet" (a description: one word, no name known in the text), "… wurde vom
    Außenministerium als „…“ kritisiert"."""
    agent = None
    for agent in _AGENT.finditer(text, sentence, open_at):
        pass  # the last "von" before the quote
    if agent is None:
        return None
    mention = parse_speaker(text, agent.end(), limit=open_at - agent.end(), nominative=False)
    if mention is None or not _AGENT_END.match(text, mention.end, open_at):
        return None
    name = text[mention.start : mention.end]
    if mention.kind == "person" and " " not in name and name not in known:
        return Mention(mention.start, mention.end, "description")
    return mention


def _sentence_end(text: str, close_at: int) -> int:
    """End of the sentence a quote closing at ``close_at`` stands in: the closing mark itself when the
    quote ends its sentence („… verloren.“ Laut …), else the end of the clause after it."""
    if text[close_at - 1 : close_at] in ".!?" and text[close_at + 1 : close_at + 3].strip()[:1] not in (",", ""):
        if not text[close_at + 1 : close_at + 40].lstrip()[:1].islower():
            return close_at + 1
    return close_at + 1 + len(_clause_after(text, close_at + 1, 200))


def _speaker_around(text: str, sentence: int, open_at: int, close_at: int, known: frozenset[str]) -> Mention | None:
    """Speaker of a quote with no cue in its sentence: the sentence before names one with a cue ("X
    äußerte sich am Abend. „…“"); else, for a quote standing as a sentence of its own, the next sentence
    attributes it ("„…“. Das musste Minister X einräumen.") or the sentence before has a named subject
    ("Die SPD will am Kurs festhalten. „Wir …“")."""
    previous = _previous_sentence(text, sentence)
    if previous is not None:
        previous_cue, previous_speaker = _speaker_in_sentence(text, previous, sentence, sentence, known)
        if previous_cue is not None:
            return previous_speaker
    if text[sentence:open_at].strip():
        return None
    following = _named_in_next_sentence(text, close_at, known)
    if following is not None or previous is None or _ALL_MARKS.intersection(text[previous:sentence]):
        return following
    label = _LABEL.match(text, previous, sentence)
    previous = label.end() if label else previous  # "Europapolitik: Die SPD will …"
    subject = _subject(text, previous, sentence, known)  # a description without a cue is no speaker here
    return subject if not unnamed(subject) else _named_in_clause(text, previous, sentence, known)


_LABEL = re.compile(r"[A-ZÄÖÜ][\w-]*:\s+(?=[A-ZÄÖÜ])")


_ATTRIBUTING_START = re.compile(r"[“”\"»«]*[.!?]?\s+(?:Das|Dies|Diese|Dieser|So)\b")


def _named_in_next_sentence(text: str, close_at: int, known: frozenset[str]) -> Mention | None:
    """"„…“. Das sagte Außenminister X": a named person in the next sentence when it opens with "Das",
    "Dies(e)" or "So" and has a speech verb."""
    opening = _ATTRIBUTING_START.match(text, close_at + 1)
    if opening is None or text[close_at - 1 : close_at] not in ".!?" and "." not in opening.group():
        return None
    end = opening.end() + len(_clause_after(text, opening.end(), 200))
    if _verb_at(text, opening.end(), end) is None:
        return None
    return _named_in_clause(text, opening.end(), end, known)


_TRAILING_NAME = re.compile(r"((?:[^\W\d_][\w.'’-]*\s+){0,3}[^\W\d_][\w.'’-]*),?\s*\(\s*$")


def _name_before_parenthesis(text: str, open_at: int, known: frozenset[str]) -> Mention | None:
    """"Mohammed ElBaradei („Mir fällt …“)": a quote in parentheses right after a person's name."""
    lead = text[max(0, open_at - 80) : open_at]
    if not lead.rstrip().endswith("("):
        return None  # the pattern cannot match: a cheap test first (its search tries every position)
    match = _TRAILING_NAME.search(lead)
    if match is None:
        return None
    lo = max(0, open_at - 80) + match.start(1)
    for start, _, word in _tokens(text, lo, open_at):
        mention = parse_speaker(text, start, limit=open_at - start)
        if mention is not None and mention.kind == "person" and not text[mention.end : open_at].strip(" ,(") and (
            _is_named(text, mention, start, known) and (" " in text[mention.start : mention.end] or text[mention.start : mention.end] in known)
        ):
            return mention
    return None


def _speaker_later_in_sentence(text: str, close_at: int, known: frozenset[str]) -> tuple[str | None, Mention | None]:
    """"Der Iran müsse „…“ beenden, so Rice.": a cue and speaker after the quote, in the same sentence,
    after the verb or after its auxiliary ("„…“ sei, hatte Koch-Mehrin damals gesagt")."""
    end = _sentence_end(text, close_at)
    verb = _verb_at(text, close_at + 1, end)
    if verb is None:
        return None, None
    mention = parse_speaker(text, verb[1], limit=end - verb[1])
    auxiliary = _AUXILIARY.search(text, close_at + 1, verb[0]) if mention is None else None
    if auxiliary is not None:
        mention = parse_speaker(text, auxiliary.end(), limit=verb[0] - auxiliary.end())
    if mention is not None and mention.kind == "person" and not _is_named(text, mention, verb[1], known):
        mention = None
    return verb[2], mention


def _previous_sentence(text: str, sentence: int) -> int | None:
    """Start of the sentence before ``sentence`` in the same paragraph, if any."""
    before = text[:sentence].rstrip()
    if not before or before.endswith("\n") or "\n" in text[len(before) : sentence]:
        return None
    return _sentence_start(text, len(before) - 1)


def _cue_word(text: str, lo: int, hi: int, marker: str) -> Mention | None:
    """Speaker of "X zufolge" / "laut X" in text[lo:hi]."""
    sentence_end = min(_sentence_end(text, hi), hi + 161)
    for start, end, word in _tokens(text, lo, sentence_end):
        if word != marker:
            continue
        if marker == "zufolge":
            for s, _, w in _tokens(text, max(lo, start - 80), start):
                mention = parse_speaker(text, s, limit=start - s, nominative=False)
                if mention and text[mention.end : start].strip() == "" and _is_named(text, mention, s):
                    return mention
            return None
        mention = parse_speaker(text, end, nominative=False)
        phrase = end + len(text[end : end + 20]) - len(text[end : end + 20].lstrip())
        if mention is not None and not _is_named(text, mention, phrase):
            body = is_known_body(text[mention.start : mention.end])  # "laut ROG"
            return Mention(mention.start, mention.end, "organisation" if body else "description")  # "laut Gutachtern"
        return mention
    return None


def person_mentions(text: str) -> list[Mention]:
    """Likely person names anywhere in ``text``: names after a role title ("Außenminister Sergej
    Lawrow") and runs of two or more name words ("Saddam Hussein")."""
    out: list[Mention] = []
    toks = _text_tokens(text)[0]
    resume = 0  # after the last name run
    for k in [k for k, tok in enumerate(toks) if tok[2][:1].isupper()]:  # titles and name runs start so
        if k < resume:
            continue
        start, _, word = toks[k]
        if is_title(word):
            mention = parse_speaker(text, start, limit=120)
            if mention and mention.kind == "person":
                out.append(mention)
            continue
        end = _name_run(toks, k)
        if end - k >= 2 and not any(is_institution(t[2]) for t in toks[k:end]):
            out.append(Mention(start, toks[end - 1][1], "person"))
            resume = end
    return sorted(set(out), key=lambda m: m.start)


def role_titles(role: str) -> tuple[str, ...]:
    """The title endings a bare role noun refers back to: itself, and for a generic noun the titles it
    stands for ("chefdiplomat" → "chefdiplomat", "außenminister"; role_synonyms.tsv)."""
    role = role.lower()
    synonyms = lexicons.mapping("role_synonyms.tsv").get(role)
    return (role, *synonyms.split(",")) if synonyms else (role,)


def role_holder(text: str, role: Mention, known: frozenset[str] = frozenset()) -> Mention | None:
    """The person a bare role ("der Minister", "der brasilianische Präsident") plainly refers to: the
    one person named before it with a title ending in that role ("Außenminister Sergej Lawrow", "dem
    brasilianischen Präsidenten Lula") and the same adjectives, if the role has any; None if several.
    A generic noun refers to the titles it stands for when no one holds the noun itself (role_synonyms.tsv)."""
    noun = text[role.start : role.end]
    titles = role_titles(noun)  # the noun itself first
    qualifiers = _adjective_stems(text, role.start)
    titled = []
    for start, end, word in _tokens(text, 0, role.start):
        if word[:1].isupper() and _uninflected(word).endswith(titles) and qualifiers <= _adjective_stems(text, start):
            mention = parse_speaker(text, end, limit=min(120, role.start - end))
            if mention is not None and mention.kind == "person":
                titled.append((_uninflected(word), mention))
    holders = [m for title, m in titled if title.endswith(titles[0])] or [m for _, m in titled]
    names = {words(text[m.start : m.end])[-1] for m in holders}
    return holders[-1] if len(names) == 1 else None


def _uninflected(word: str) -> str:
    """A title without its case ending: "Präsidenten" → "präsident" ("Präsidentin" stays)."""
    lower = word.lower()
    return re.sub(r"(?<=[^aeiou])(?:en|s)$", "", lower) if not lower.endswith("in") else lower


def _adjective_stems(text: str, pos: int) -> frozenset[str]:
    """Stems of the lowercase adjectives right before ``pos`` ("der brasilianischen" → {"brasilianisch"})."""
    stems = set()
    for word in reversed(text[max(0, pos - 60) : pos].split()):
        if not word.isalpha() or not word.islower() or word in _DETERMINERS or word in STOP_WORDS:
            break
        stems.add(re.sub(r"(?:e|en|er|es|em)$", "", word))
    return frozenset(stems)


def surnames(text: str, people: list[Mention]) -> frozenset[str]:
    """Last words of the multi-word person names in ``text``: a lone "Merkel" is then a name."""
    return frozenset(
        words(text[m.start : m.end])[-1] for m in people if len(words(text[m.start : m.end])) > 1
    )


def previous_subject(
    text: str,
    position: int,
    known: frozenset[str] = frozenset(),
    sentences: int = 3,
    is_person: Callable[[Mention], Mention | None] = lambda m: m,
    agrees: Callable[[Mention], bool] = lambda m: True,
) -> Mention | None:
    """What "er"/"sie" at ``position`` refers to: the named subject of one of the few sentences before
    (in the same or the previous paragraph), the nearest first. ``is_person`` confirms a candidate
    (e.g. against NER persons) and returns the mention to use, or None: a subject taken for a name
    that is none ends the search, another candidate is passed over; a person that ``agrees`` not
    (in gender) is passed over."""
    start = _sentence_start(text, position)
    paragraphs = 0
    for _ in range(sentences):
        before = text[:start].rstrip()
        if not before:
            return None
        paragraphs += "\n" in text[len(before) : start]
        if paragraphs > 1:
            return None
        end = len(before)
        start = _sentence_start(text, end - 1)
        mention = _subject(text, start, end, known)
        named_subject = mention is not None and mention.kind == "person"
        if unnamed(mention) or mention.kind == "organisation":  # "er": a person named in it, if any
            mention = _named_in_clause(text, start, end, known) or mention
        if mention is not None and mention.kind == "role":
            mention = role_holder(text, mention, known)
        person = is_person(mention) if mention is not None and mention.kind == "person" else None
        if person is not None and agrees(person):
            return person
        if person is None and named_subject:
            return None  # a subject taken for a name that is none ends the search
    return None


def pronoun_gender(text: str, pronoun: Mention) -> str | None:
    """"m" for "er" (and "seiner Ansicht nach"); "f" for "sie" ("ihrer") as one woman; None for "sie" with
    a plural verb beside it ("sagten sie", "sie bezeichneten", "sie sind"), which names no one person."""
    word = text[pronoun.start : pronoun.end].lower()
    if word == "er" or word.startswith("sein") or word in _DEMONSTRATIVES:
        return "m"
    beside = [w for w in (words(text[max(0, pronoun.start - 30) : pronoun.start])[-1:] + words(text[pronoun.end : pronoun.end + 30])[:1])]
    plural = any(w.islower() and (w.endswith("en") or w == "sind") and w not in STOP_WORDS - {"sind"} for w in beside)
    return None if plural else "f"


_HONORIFICS = {"herr": "m", "frau": "f"}


def _title_gender(word: str) -> str | None:
    """Gender of a title or honorific word: "Ministerin", "Frau" → "f"; "Minister", "Herr" → "m"."""
    lower = word.lower()
    if lower in _HONORIFICS:
        return _HONORIFICS[lower]
    if not is_title(word) or lower.endswith(("mitglied", "e", ".")):
        return None  # "Vorstandsmitglied", "die/der Vorsitzende", "Dr." say nothing
    return "f" if lower.endswith(("in", "frau")) else "m"


def person_gender(text: str, person: Mention) -> str | None:
    """"f" or "m" when a title, role noun or honorific stands next to a mention of the person's surname
    nearby (5000 characters either side) ("Außenministerin Jana Lindqvist", "Frau Lindqvist", "Lindqvist, Sprecherin der …"),
    or the full name opens with a given name of one gender (first_name_genders.tsv: "Sergej Lawrow");
    None when nothing says or the signs disagree."""
    name_words = words(text[person.start : person.end])
    if not name_words:
        return None
    given = lexicons.mapping("first_name_genders.tsv").get(name_words[0]) if len(name_words) > 1 else None
    genders = {given} if given else set()
    window = re.compile(rf"(?<!\w){re.escape(name_words[-1])}(?!\w)")
    for match in window.finditer(text, max(0, person.start - 5000), person.end + 5000):
        before = [w for w in words(text[max(0, match.start() - 80) : match.start()])]
        while before and before[-1] in name_words[:-1]:
            before.pop()  # first names
        gender = _title_gender(before[-1]) if before else None
        after = re.match(r",\s*([^\W\d_][\w-]*)", text[match.end() : match.end() + 60])
        gender = gender or (_title_gender(after.group(1)) if after else None)
        if gender:
            genders.add(gender)
    return genders.pop() if len(genders) == 1 else None


def resolve_pronoun(
    text: str,
    pronoun: Mention,
    quoted: Quoted,
    known: frozenset[str] = frozenset(),
    sentences: int = 3,
    is_person: Callable[[Mention], Mention | None] = lambda m: m,
) -> Mention | None:
    """The person "er"/"sie" of a quote's attribution refers to ("dieser": the man named last in this or the
    sentence before): after the quote ("„…“, sagte er"), a
    person named in the words leading up to it in the same sentence; else the named subject of one of
    the few sentences before the quote (see :func:`previous_subject`). The person's gender, where a title
    or honorific shows it, must agree: "sie" never resolves to "Außenminister Karl Brandt"; a plural
    "sie" resolves to no one."""
    gender = pronoun_gender(text, pronoun)
    if gender is None:
        return None

    def agreeing(mention: Mention) -> Mention | None:
        person = is_person(mention)
        return person if person is not None and person_gender(text, person) in (None, gender) else None

    if text[pronoun.start : pronoun.end].lower() in _DEMONSTRATIVES:
        sentence = _sentence_start(text, pronoun.start)
        lead = _previous_sentence(text, sentence)
        lead = sentence if lead is None else lead
        before = [m for m in person_mentions(text) if lead <= m.start and m.end <= pronoun.start]  # objects too
        named = (agreeing(m) for m in reversed(before))
        return next((m for m in named if m is not None), None)  # "… traf Wang Yi. Dieser sagte": the last one named
    open_at = quoted.start - 1
    if pronoun.start < open_at:
        open_at = _attributed_quote_start(text, pronoun) or open_at
    sentence = _sentence_start(text, min(pronoun.start, open_at))
    subject = _subject(text, sentence, pronoun.start, known) if pronoun.start < open_at else None
    if subject is not None and "," not in text[subject.end : pronoun.start]:
        subject = None  # only a later clause's "sie" refers back to its sentence's subject
    if subject is not None and subject.kind == "organisation" and _article_gender(text, subject) in (None, gender):
        return subject  # "Die Vereinigung schlug …, indem sie aufforderte: „…“"
    if subject is not None and subject.kind == "person" and _is_named(text, subject, sentence, known) and agreeing(subject):
        return agreeing(subject)
    if pronoun.start > open_at:
        lead = _sentence_start(text, open_at)
        for mention in reversed(_named_people(text, lead, open_at, known)):
            if agreeing(mention) is not None:
                return agreeing(mention)
    return previous_subject(text, min(pronoun.start, open_at), known, sentences, is_person, lambda p: person_gender(text, p) in (None, gender))


def _attributed_quote_start(text: str, pronoun: Mention) -> int | None:
    """The opening mark of the quote a pronoun's clause attributes ("„A“, sagte er. „B“": the mark of A),
    None when the pronoun's sentence has no quote before it."""
    sentence = _sentence_start(text, pronoun.start)
    closing = max(text.rfind(mark, sentence, pronoun.start) for mark in _CLOSING_MARKS)
    if closing < 0:
        return None
    opening = max(text.rfind(mark, max(0, closing - 2000), closing) for mark in "„»«\"")
    return opening if opening >= 0 else None


def _article_gender(text: str, mention: Mention) -> str | None:
    """"f" for a mention opened by "die"/"eine", "m" for "der"/"ein", None otherwise ("das", none)."""
    first = text[mention.start : mention.end].split()[0].lower()
    return {"die": "f", "eine": "f", "der": "m", "ein": "m"}.get(first, "n" if first == "das" else None)


def _named_people(text: str, lo: int, hi: int, known: frozenset[str] = frozenset()) -> list[Mention]:
    """The people named with a title or a full name in text[lo:hi], in order (see :func:`_named_in_clause`)."""
    found = []
    while (mention := _named_in_clause(text, lo, hi, known)) is not None:
        found.append(mention)
        lo = mention.end
    return found


_ELIDED_SUBJECT = re.compile(r"\b(?:und|sowie)\s+([^\W\d_]+)(?:\s+(?:hinzu|an|fort|ein|aus|mit))?\s*:\s*$")


def elided_subject(text: str, quoted: Quoted) -> bool:
    """The quote is introduced by a speech verb whose subject is left out: "…“, und fügt hinzu: „…“" —
    the speaker of the clause before speaks on."""
    match = _ELIDED_SUBJECT.search(text[max(0, quoted.start - 60) : quoted.start - 1])
    return match is not None and match.group(1).lower() in _speech_verbs()


def sentence_start(text: str, pos: int) -> int:
    """Start of the sentence containing ``pos`` (public form of the splitter the attribution uses)."""
    return _sentence_start(text, pos)
