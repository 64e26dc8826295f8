"""Input hygiene: what diplomex accepts, how it cleans it, and the warnings it puts on records.

- Text must be ``str``: ``None``, numbers and other objects raise ``TypeError``; ``bytes`` raise
  ``TypeError`` asking the caller to decode (diplomex never guesses an encoding).
- HTML is detected (tags or entities) and reduced to its text; the record says so in a warning.
- Control, zero-width and bidirectional formatting characters are removed; line breaks are kept.
- Text longer than :data:`MAX_TEXT_LENGTH` characters (after cleaning) raises ``ValueError``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc

MAX_TEXT_LENGTH = 1_000_000
"""Longest accepted text in characters (spaCy's own default ``nlp.max_length``)."""

NO_PUBLISHED = "no publication date given: relative dates are left unresolved"
HTML_STRIPPED = "input looked like HTML and was reduced to its text"
NOT_GERMAN = "text does not look German: extraction is unreliable"
UNBALANCED_QUOTES = "unbalanced quotation marks: some quotes may be cut or missed"

_HTML = re.compile(r"<\s*(?:[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?\s*>|</\s*[a-zA-Z][a-zA-Z0-9]*\s*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article", "header", "footer"})
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
MIN_WORDS_FOR_LANGUAGE = 20
MIN_GERMAN_SHARE = 0.12


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    return len(_HTML.findall(text[:20000])) >= 2


def html_to_text(text: str) -> str:
    """The visible text of an HTML fragment, block elements as line breaks."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    joined = html.unescape("".join(parser.parts))
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t]+", " ", joined)).strip()


def remove_invisible(text: str) -> str:
    """Drop control (except tab/newline), zero-width and bidi formatting characters."""
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co", "Cn"}
    ).replace("\r", "")


def prepare(text: object) -> tuple[str, list[str]]:
    """Checked, cleaned text and the warnings the cleaning gave (see the module docstring)."""
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("text must be str, got bytes: decode it first, e.g. data.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    warnings = []
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append(HTML_STRIPPED)
    text = remove_invisible(text.replace("\r\n", "\n"))
    if len(text) > MAX_TEXT_LENGTH:
        raise ValueError(
            f"text has {len(text):,} characters, more than the limit of {MAX_TEXT_LENGTH:,}: split it into articles"
        )
    return text, warnings


def german_share(words: list[str]) -> float:
    """Share of German function words among the words (a cheap language check)."""
    return sum(w.lower() in STOP_WORDS for w in words) / len(words) if words else 0.0


def unbalanced_quotes(text: str) -> bool:
    """German „…“, guillemets or straight double quotes that do not add up."""
    if "„" in text and text.count("„") != text.count("“"):
        return True
    return (text.count("»") + text.count("«")) % 2 == 1 or text.count('"') % 2 == 1


def doc_warnings(doc: Doc) -> list[str]:
    """Warnings on what degraded the extraction of this Doc."""
    warnings = []
    if not doc._.published:
        warnings.append(NO_PUBLISHED)
    words = [t.text for t in doc if t.is_alpha]
    if len(words) >= MIN_WORDS_FOR_LANGUAGE and german_share(words) < MIN_GERMAN_SHARE:
        warnings.append(NOT_GERMAN)
    if unbalanced_quotes(doc.text):
        warnings.append(UNBALANCED_QUOTES)
    return warnings
