"""Indirect speech in German news: clauses in Konjunktiv I reported from a speaker, on plain strings.

"Lawrow sagte, man sei zu Gesprächen bereit." → the clause "man sei zu Gesprächen bereit", reported by
Lawrow. Four shapes, each needing a verb in the subjunctive (or "dass"/"ob" after a speech verb):

- ``frame``: a speech verb, then a comma and the clause ("X sagte, …", "X betonte am Montag, dass …");
- ``after``: the clause, then a comma and the speech verb or "so" ("…, sagte X", "…, so X");
- ``source``: a source phrase before the verb ("Nach Angaben des Ministeriums habe …", "Laut X sei …",
  "X zufolge werde …", "Wie X mitteilte, seien …"): the clause runs from the subjunctive verb;
- ``continued``: a sentence in the subjunctive with no cue of its own right after a reported one goes on
  reporting the same speaker ("Er sagte, … Die Lage sei ernst. Alle Optionen lägen auf dem Tisch.").

Mood comes from ``token.morph`` (Mood=Sub) when the caller has it, else from the data file
``konjunktiv_forms.tsv``: third-person Konjunktiv I forms that differ from the indicative (sei, habe,
werde, könne, gebe, …; the ones in -e are indicative after "ich"), also with a verb prefix written together
("zurücktrete"), suffix rules ("-iere": "kritisiere"), and a few Konjunktiv II forms that stand in for it (hätten, würden, wären). Text inside
quotation marks is never read as the author's reported speech.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from diplomex import lexicons
from diplomex.quotation import Quoted, is_speech_verb

_WORD = re.compile(r"[^\W\d_][\w-]*|[,;:]")
_PREFIXES = (
    "zurück", "weiter", "vorbei", "heraus", "hinaus", "wieder", "statt", "teil", "fest", "fort", "über",
    "unter", "durch", "nach", "miss", "ab", "an", "auf", "aus", "bei", "ein", "mit", "vor", "zu", "dar",
    "hin", "her", "um", "be", "ver", "er", "ent", "zer",
)
_NOT_VERBS = frozenset(("zufolge", "demzufolge", "infolge"))
_SOURCE_START = re.compile(
    r"\s*(?:[Nn]ach|[Ll]aut|[Ww]ie)\b|\s*(?:[^\W\d_][\w-]*\s+){1,6}zufolge\b"
)
_CONJUNCTIONS = frozenset(("dass", "daß", "ob"))
_ARTICLES = frozenset(("der", "die", "das", "ein", "eine"))


@dataclass(frozen=True)
class Reported:
    """A clause of indirect speech: char offsets of the reported clause, its cue word and its shape
    (``frame`` | ``after`` | ``source`` | ``continued``)."""

    start: int
    end: int
    cue: str | None
    shape: str

    def as_quoted(self) -> Quoted:
        """The clause as a :class:`Quoted` stretch, to attribute like a direct quote."""
        return Quoted(self.start, self.end, "")


@lru_cache(maxsize=1)
def _moods() -> dict[str, str]:
    return lexicons.mapping("konjunktiv_forms.tsv")


@lru_cache(maxsize=1)
def _final_letters() -> frozenset[str]:
    return frozenset(form[-1] for form in _moods())


@lru_cache(maxsize=1)
def _suffixes() -> tuple[tuple[str, str], ...]:
    return tuple((form[1:], mood) for form, mood in _moods().items() if form.startswith("-"))


@lru_cache(maxsize=65536)
def _listed_mood(word: str) -> str | None:
    mood = _moods().get(word)
    if mood is not None or word in _NOT_VERBS:
        return mood
    for suffix, mood in _suffixes():
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return mood  # "kritisiere"
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 3 and _moods().get(rest) == "I":
            return "I"  # "dass er zurücktrete"
    return None


def konjunktiv_mood(word: str, previous: str = "", morph: str | None = None) -> str | None:
    """"I" or "II" when ``word`` is a subjunctive verb form, else None. ``morph`` (a token's morphology
    string) decides when it has a mood; otherwise the form list does, with "ich habe/werde/…" indicative."""
    if morph and "Mood=" in morph:
        if "Mood=Sub" not in morph:
            return None
        return "II" if "Tense=Past" in morph else "I"
    if not word[:1].islower():
        return None
    mood = _listed_mood(word)
    if mood == "I" and word.endswith("e") and previous.lower() == "ich":
        return None
    return mood


def _words(text: str, lo: int, hi: int, masked: Callable[[int], bool]) -> list[tuple[int, int, str]]:
    """Words and clause punctuation of text[lo:hi] outside quotation marks, with offsets."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, hi) if not masked(m.start())]


def _moods_in(words: list[tuple[int, int, str]], morph_at: Callable[[int], str | None]) -> list[tuple[int, str]]:
    """(offset, mood) of the subjunctive verbs among ``words``."""
    found = []
    for k, (start, _, word) in enumerate(words):
        morph = morph_at(start)
        if morph is None and word[-1] not in _final_letters():
            continue  # no listed form ends so: skip the look-up
        mood = konjunktiv_mood(word, words[k - 1][2] if k else "", morph)
        if mood is not None:
            found.append((start, mood))
    return found


_COLON_BEFORE_QUOTE = re.compile(r":\s*[„»«\"“]")


def _clause_end(text: str, lo: int, hi: int) -> int:
    """``hi`` with the sentence's closing punctuation and spaces left out, or the colon that introduces a
    direct quote ("…, er sei optimistisch: „…“")."""
    colon = _COLON_BEFORE_QUOTE.search(text, lo, hi)
    hi = colon.start() if colon else hi
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ".!?;"):
        hi -= 1
    return hi


def _skip_space(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos].isspace():
        pos += 1
    return pos


def reported_in_sentence(
    text: str,
    lo: int,
    hi: int,
    masked: Callable[[int], bool] = lambda i: False,
    morph_at: Callable[[int], str | None] = lambda i: None,
    continues: bool = False,
) -> Reported | None:
    """The indirect-speech clause of the sentence text[lo:hi], if any. ``masked`` tells offsets inside
    quotation marks; ``morph_at`` gives a token's morphology at an offset (None without a tagger);
    ``continues``: the sentence before was reported speech, so a Konjunktiv I sentence without a cue goes on."""
    words = _words(text, lo, hi, masked)
    moods = _moods_in(words, morph_at)
    end = _clause_end(text, lo, hi)
    # frame: "X sagte (am Montag), (dass) man sei …"
    for k, (start, stop, word) in enumerate(words):
        if not is_speech_verb(word):
            continue
        comma = next((j for j in range(k + 1, min(len(words), k + 9)) if words[j][2] in ",:;"), None)
        if comma is None or words[comma][2] != ",":
            continue
        clause = _skip_space(text, words[comma][1], hi)
        after_comma = words[comma + 1][2].lower() if comma + 1 < len(words) else ""
        if clause < end and (after_comma in _CONJUNCTIONS or any(m[0] >= clause for m in moods)):
            return Reported(clause, end, word, "frame")
    if not moods:
        return None
    first = moods[0][0]
    # after: "Man sei bereit, sagte X." / "…, so X."
    for k, (start, stop, word) in enumerate(words):
        if word == "," and start > first and k + 1 < len(words):
            following = words[k + 1][2]
            named = k + 2 < len(words) and (words[k + 2][2][:1].isupper() or words[k + 2][2] in _ARTICLES)
            if is_speech_verb(following) or following == "so" and named:
                return Reported(_skip_space(text, lo, hi), start, following, "after")
    # source: "Nach Angaben des X habe …", "Laut X sei …", "Wie X mitteilte, seien …", "X zufolge werde …"
    source = _SOURCE_START.match(text, lo, first)
    if source is not None and any(m == "I" for _, m in moods):
        cue = source.group().split()[-1]
        if cue.lower() == "wie":
            comma = text.find(",", lo, first)
            return Reported(_skip_space(text, comma + 1, hi), end, "wie", "source") if comma > 0 else None
        return Reported(first, end, cue.lower(), "source")
    if continues and not any(is_speech_verb(w) for _, _, w in words):
        return Reported(_skip_space(text, lo, hi), end, None, "continued")
    return None


def find_reported(
    text: str,
    sentences: list[tuple[int, int]],
    quoted: list[Quoted],
    morph_at: Callable[[int], str | None] = lambda i: None,
    attributed: Callable[[int, int], bool] = lambda lo, hi: False,
) -> list[Reported]:
    """The indirect-speech clauses of a text split into ``sentences`` (char offsets), reading nothing
    inside the ``quoted`` stretches as the author's words. A Konjunktiv I sentence continues the sentence
    before when that one was reported or ``attributed`` (it attributes a direct quote), within its
    paragraph or at the start of the next."""
    inside = sorted((q.start - 1, q.end + 1) for q in quoted)
    starts = [a for a, _ in inside]

    def masked(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < inside[k][1]

    out: list[Reported] = []
    previous_end = None  # end of the sentence before when it reports or attributes speech
    for lo, hi in sentences:
        continues = previous_end is not None and text.count("\n", previous_end, lo) <= 2
        reported = reported_in_sentence(text, lo, hi, masked, morph_at, continues)
        if reported is not None:
            out.append(reported)
        previous_end = hi if reported is not None or attributed(lo, hi) else None
    return out


def in_konjunktiv(text: str, lo: int, hi: int, masked: Callable[[int], bool] = lambda i: False,
                  morph_at: Callable[[int], str | None] = lambda i: None) -> bool:
    """A Konjunktiv I verb stands in text[lo:hi] outside quotation marks ("Das Schicksal des Landes stehe
    „auf Messers Schneide“"): the sentence reports someone's words."""
    return any(mood == "I" for _, mood in _moods_in(_words(text, lo, hi, masked), morph_at))
