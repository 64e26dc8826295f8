"""Input hygiene: what diplomex accepts, how it cleans it, and the warnings it puts on records.

- Text must be ``str``: ``None``, numbers and other objects raise ``TypeError``; ``bytes`` raise
  ``TypeError`` asking the caller to decode (diplomex never guesses an encoding).
- HTML is detected (at least :data:`MIN_MARKUP` known tags, comments or entities; a stray ``<`` in
  plain text is not HTML) and reduced to its visible text: ``script``/``style`` content dropped,
  entities decoded once, block elements and ``<br>`` as line breaks. The record says so
  (:data:`HTML_STRIPPED`).
- The text is NFC-normalised; control, zero-width and bidirectional formatting characters are
  removed; line and paragraph separators become ``\\n`` and other spaces (no-break, thin) a plain
  space. Offsets on the record point into this cleaned text.
- Text longer than :data:`MAX_TEXT_LENGTH` characters (measured after cleaning) raises ``ValueError``;
  input longer than :data:`MAX_INPUT_LENGTH` is rejected before cleaning.

Warnings are the module constants below (stable strings to filter on): :data:`NO_PUBLISHED`,
:data:`HTML_STRIPPED`, :data:`NOT_GERMAN`, :data:`UNBALANCED_QUOTES`.
"""

from __future__ import annotations

import html.entities
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from html.parser import HTMLParser

from spacy.tokens import Doc

from . import lexicons
from .tokentexts import token_texts

MAX_TEXT_LENGTH = 1_000_000
"""Longest accepted text in characters after cleaning (spaCy's own default ``nlp.max_length``)."""
MAX_INPUT_LENGTH = 4 * MAX_TEXT_LENGTH
"""Longest accepted raw input (HTML may shrink a lot when reduced to text; beyond this it is not tried)."""

NO_PUBLISHED = "no publication date given: relative dates are left unresolved"
HTML_STRIPPED = "input looked like HTML and was reduced to its text"
NOT_GERMAN = "text does not look German: extraction is unreliable"
UNBALANCED_QUOTES = "unbalanced quotation marks: some quotes may be cut or missed"
WARNINGS = (NO_PUBLISHED, HTML_STRIPPED, NOT_GERMAN, UNBALANCED_QUOTES)

MIN_MARKUP = 2
MIN_WORDS_FOR_LANGUAGE = 30
MIN_GERMAN_SHARE = 0.08
MIN_FOREIGN_HITS = 3

_HTML_TAGS = (
    "a abbr article aside audio b blockquote body br button caption center cite code dd del div dl dt em "
    "figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins label "
    "li link main mark meta nav noscript ol option p picture pre q s script section select small source span "
    "strong style sub sup svg table tbody td template textarea tfoot th thead time title tr u ul video"
)
_MARKUP = re.compile(
    rf"</?(?:{'|'.join(sorted(_HTML_TAGS.split(), key=len, reverse=True))})(?:\s[^<>]*)?/?>|<!--|<!doctype\b"
    r"|&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "p br div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table blockquote section article header footer "
    "main aside nav figure figcaption pre hr title".split()
)
_CELL_TAGS = frozenset({"td", "th"})
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


class _TextExtractor(HTMLParser):
    """Collects visible text; block elements become line breaks, table cells spaces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping.append(tag)
        self._separate(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self._separate(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipping:
            while self._skipping.pop() != tag:
                pass
        self._separate(tag)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(re.sub(r"\s+", " ", data))

    def _separate(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in _CELL_TAGS:
            self.parts.append(" ")


def _is_markup(match: re.Match[str]) -> bool:
    token = match.group()
    if not token.startswith("&") or token[1] == "#":
        return True
    return token[1:] in html.entities.html5


def looks_like_html(text: str) -> bool:
    """Whether ``text`` has at least :data:`MIN_MARKUP` HTML tags, comments or entities (first 20,000
    characters). ``"3 < 4 und 5 > 2"`` or ``"Preise <5 Euro"`` are plain text."""
    hits = 0
    for match in _MARKUP.finditer(text[:20000]):
        hits += _is_markup(match)
        if hits >= MIN_MARKUP:
            return True
    return False


def html_to_text(text: str) -> str:
    """The visible text of an HTML document or fragment, block elements as line breaks."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    lines = (re.sub(" {2,}", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def remove_invisible(text: str) -> str:
    """Drop control (except tab/newline), zero-width, bidi and unassigned characters; line and
    paragraph separators become ``\\n``, other space characters (no-break, thin, …) a plain space."""
    text = _LINE_BREAKS.sub("\n", text.replace("\r\n", "\n"))
    return _NOT_PLAIN.sub(_visible, text)


KEPT_RANGES = ((" ", "~"), ("\u00a1", "\u00ac"), ("\u00ae", "\u017f"), ("\u2010", "\u2027"), ("\u2030", "\u205e"))
"""Printable ASCII, Latin-1 and Latin Extended-A letters and signs (not the no-break space or soft
hyphen), dashes, quotation marks and other general punctuation: characters kept as they are."""
_NOT_PLAIN = re.compile("[^\n\t" + "".join(f"{low}-{high}" for low, high in KEPT_RANGES) + "]")
"""Characters outside :data:`KEPT_RANGES`, tab and newline: only these need a look at their category."""


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    category = unicodedata.category(ch)
    if category in _DROPPED_CATEGORIES:
        return ""
    return " " if category == "Zs" else ch


def prepare(text: object) -> tuple[str, list[str]]:
    """Checked, cleaned text and the warnings the cleaning gave (see the module docstring)."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError("text must be str, got bytes: decode it first, e.g. data.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if len(text) > MAX_INPUT_LENGTH:
        raise ValueError(_too_long(len(text), MAX_INPUT_LENGTH, "MAX_INPUT_LENGTH"))
    warnings = []
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append(HTML_STRIPPED)
    text = unicodedata.normalize("NFC", remove_invisible(text))
    if len(text) > MAX_TEXT_LENGTH:
        raise ValueError(_too_long(len(text), MAX_TEXT_LENGTH, "MAX_TEXT_LENGTH"))
    return text, warnings


def _too_long(length: int, limit: int, name: str) -> str:
    return (
        f"text has {length:,} characters, more than the limit of {limit:,} "
        f"(diplomex.hygiene.{name}): split it into articles and extract each"
    )


# --- language ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _function_words() -> dict[str, tuple[str, ...]]:
    """Function word -> its languages, from ``resources/lang_function_words.tsv``."""
    words: dict[str, tuple[str, ...]] = {}
    for language, word in lexicons.table("lang_function_words.tsv"):
        words[word] = (*words.get(word, ()), language)
    return words


def language_hits(words: list[str]) -> Counter[str]:
    """How many of ``words`` are function words of each language (de, en, fr, tr, es, it, nl)."""
    table = _function_words()
    return Counter(language for w in words for language in table.get(w.lower(), ()))


def looks_german(words: list[str]) -> bool:
    """A cheap language check on the alphabetic words of a text.

    Not German when another language's function words outnumber German ones (at least
    :data:`MIN_FOREIGN_HITS` of them, so a short German text with an English title passes), or when a
    text of :data:`MIN_WORDS_FOR_LANGUAGE` words or more has under :data:`MIN_GERMAN_SHARE` German
    function words (a language without a list here). Short texts without evidence count as German.
    """
    return _german_by_hits(language_hits(words), len(words))


def doc_looks_german(doc: Doc) -> bool:
    """:func:`looks_german` on the alphabetic tokens of a Doc (their texts as the components keep them:
    no Token objects, no lexeme read)."""
    return looks_german([word for word in token_texts(doc) if word.isalpha()])


def _german_by_hits(hits: Counter[str], n_words: int) -> bool:
    """:func:`looks_german` from a text's function-word hits per language and its number of words."""
    foreign = max((n for language, n in hits.items() if language != "de"), default=0)
    if foreign >= MIN_FOREIGN_HITS and foreign > hits["de"]:
        return False
    return n_words < MIN_WORDS_FOR_LANGUAGE or hits["de"] / n_words >= MIN_GERMAN_SHARE


def guess_language(words: list[str]) -> str | None:
    """The language with most function-word hits, None when there are none."""
    hits = language_hits(words)
    return max(sorted(hits), key=hits.__getitem__) if hits else None


# --- quotation marks -----------------------------------------------------------------------------


def unbalanced_quotes(text: str) -> bool:
    """Whether quotation marks do not add up: German „…“ / „…”, English “…”, guillemets »…« / «…»,
    straight "…", single ‹…›, or more ‚ openers than ‘ ’ closers (apostrophes are not counted)."""
    counts = {mark: text.count(mark) for mark in "„“”»«\"‹›‚‘’"}
    curly = counts["„"] + counts["“"] + counts["”"]
    if curly % 2 or counts["„"] > counts["“"] + counts["”"]:
        return True
    if (counts["»"] + counts["«"]) % 2 or (counts["‹"] + counts["›"]) % 2 or counts['"'] % 2:
        return True
    return counts["‚"] > counts["‘"] + counts["’"]


SOURCE_TEXT = "diplomex_text"
"""``Doc.user_data`` key of the text a Doc was made from (see :func:`keep_text`)."""


def keep_text(doc: Doc, text: str) -> Doc:
    """``doc`` remembering the text it was made from, for :func:`doc_text`."""
    doc.user_data[SOURCE_TEXT] = text
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, taken from the text :func:`keep_text` remembered when its length still fits the
    tokens (spaCy builds ``doc.text`` anew from every token on each access)."""
    text = doc.user_data.get(SOURCE_TEXT)
    if isinstance(text, str) and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        return text
    return doc.text


def doc_warnings(doc: Doc, text: str | None = None) -> list[str]:
    """Warnings on what degraded the extraction of this Doc (``text``: ``doc.text`` when the caller
    has it already; spaCy builds it anew from the tokens on every access)."""
    warnings = []
    if not doc._.published:
        warnings.append(NO_PUBLISHED)
    if not doc_looks_german(doc):
        warnings.append(NOT_GERMAN)
    if unbalanced_quotes(doc_text(doc) if text is None else text):
        warnings.append(UNBALANCED_QUOTES)
    return warnings
