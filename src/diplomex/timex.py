"""German temporal expressions: find them in text and normalise them to TIMEX3-style values.

Pure functions, no spaCy. :func:`find` returns :class:`Candidate` matches over a string;
:func:`resolve` turns one candidate into a :class:`Timex` against an anchor date (the publication
date), a tense (``"past"``, ``"future"``, ``"present"`` or None) and the date last mentioned.

Value conventions (TIMEX3): ``2025-02-27`` (day), ``2025-W09`` (ISO week), ``2025-W09-WE``
(weekend), ``2025-02`` (month), ``2025-SP|SU|FA|WI`` (season; winter belongs to the year it
starts in), ``2025-Q1`` / ``2025-H2`` (quarter / half), ``2025`` (year), ``199`` (decade, the
1990s), ``19`` (century, the 20th), ``BC0052`` (years before Christ). Durations get ISO values
(``P3Y``, ``PXM`` when unspecified) and kind ``"duration"``; weekly sets (``montags``) kind
``"set"`` with value ``XXXX-WXX-1``. Relative expressions without an anchor get value None.

Reading decisions:
- Spans exclude prepositions ("am Donnerstag" -> "Donnerstag", "im Jahr 2019" -> "Jahr 2019") but
  keep what qualifies the day ("späten Freitagabend", "Morgen des 6. Juni", "Sonntag, den 17.
  Februar 2008"). A time of day after a date stays out of the span; the value is the day.
- Weekdays without a modifier follow the tense of their clause: past -> on or before the anchor
  (the anchor day itself included), future -> on or after it (likewise), present -> the coming one
  unless the past one is more than twice as near, unknown -> the past one within four days.
- Unyeared day-months, months, seasons and holidays take the nearest occurrence, the tense acting
  as a prior (the tense-fitting occurrence wins unless the other is over six times nearer); a lead
  word right before the date ("seit", "zuletzt", "spätestens") settles the tense outright.
- "tags darauf", "am selben Tag", "zwei Tage später", "im Folgejahr" count from the date last
  mentioned (no value when that date is coarser than a day), else from the anchor.
- A day list or range ("24. und 25. September", "vom 3. bis 5. März", "Mai/Juni 1940", "1912/13")
  yields one expression per member, the earlier ones inheriting the missing month and year.
- Durations ("seit drei Jahren" -> "drei Jahren", P3Y) are kind "duration"; "in vier Tagen" is a
  date in future/present clauses and a duration in past ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import takewhile

from dateutil.easter import easter

from diplomex import lexicons


@dataclass(frozen=True)
class Candidate:
    """A matched temporal expression before resolution: char offsets, family, matched fields."""

    start: int
    end: int
    family: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Timex:
    """A normalised temporal expression."""

    value: str | None
    granularity: str
    mod: str | None = None
    relative: bool = False
    anchor: str | None = None
    kind: str = "date"

    def to_dict(self) -> dict:
        return {
            "value": self.value,
            "granularity": self.granularity,
            "mod": self.mod,
            "relative": self.relative,
            "anchor": self.anchor,
            "kind": self.kind,
        }


# --------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------

MODS = {"anfang": "START", "beginn": "START", "mitte": "MID", "ende": "END", "ausgang": "END"}
SEASON_ORDER = ("SP", "SU", "FA", "WI")


@lru_cache(maxsize=None)
def months() -> dict[str, tuple[int, bool]]:
    """Lower-cased month form -> (month number, is abbreviation)."""
    return {row[0].lower(): (int(row[1]), row[2] == "abbr") for row in lexicons.table("months.tsv")}


@lru_cache(maxsize=None)
def weekdays() -> dict[str, int]:
    return {k.lower(): int(v) for k, v in lexicons.mapping("weekdays.tsv").items()}


@lru_cache(maxsize=None)
def number_words() -> dict[str, int]:
    return {k: int(v) for k, v in lexicons.mapping("number_words.tsv").items()}


@lru_cache(maxsize=None)
def ordinal_words() -> dict[str, int]:
    return {k: int(v) for k, v in lexicons.mapping("ordinal_words.tsv").items()}


@lru_cache(maxsize=None)
def relatives() -> dict[str, tuple[int, str]]:
    """Relative adjective stem -> (offset, base) with base 'now' or 'ref'."""
    return {row[0]: (int(row[1]), row[2]) for row in lexicons.table("date_relatives.tsv")}


@lru_cache(maxsize=None)
def day_words() -> dict[str, tuple[int, str]]:
    return {row[0].lower(): (int(row[1]), row[2]) for row in lexicons.table("day_words.tsv")}


@lru_cache(maxsize=None)
def holidays() -> dict[str, str]:
    return {k.lower(): v for k, v in lexicons.mapping("holidays.tsv").items()}


@lru_cache(maxsize=None)
def seasons() -> dict[str, tuple[str, int]]:
    """Lower-cased season name -> (TIMEX3 code, first month)."""
    return {row[0].lower(): (row[1], int(row[2])) for row in lexicons.table("seasons.tsv")}


@lru_cache(maxsize=None)
def units() -> dict[str, str]:
    return {k.lower(): v for k, v in lexicons.mapping("time_units.tsv").items()}


@lru_cache(maxsize=None)
def tense_markers() -> dict[str, str]:
    return lexicons.mapping("tense_markers.tsv")


@lru_cache(maxsize=None)
def date_leads() -> dict[str, str]:
    """Words right before a date that fix its tense ("seit", "vom")."""
    return lexicons.mapping("date_leads.tsv")


# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

END = r"(?![^\W\d_])"  # no letter follows
INFL = r"(?:e|en|er|es|em)?"


def _alternation(words, escape=True) -> str:
    forms = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in forms)


def _month_names() -> str:
    rows = lexicons.table("months.tsv")
    return "(?:" + "|".join(re.escape(r[0]) + END for r in rows if r[2] == "name") + ")"


def _month_any() -> str:
    alts = []
    for form, _num, kind in sorted(lexicons.table("months.tsv"), key=lambda r: -len(r[0])):
        alts.append(re.escape(form) + (r"(?:\.|" + END + ")" if kind == "abbr" else END))
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=None)
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    month_any = _month_any()
    month_name = _month_names()
    weekday = "(?:" + _alternation(r[0] for r in lexicons.table("weekdays.tsv")) + ")"
    weekday_lc = "(?:" + _alternation(r[0].lower() for r in lexicons.table("weekdays.tsv")) + ")"
    daypart = "(?:" + _alternation(lexicons.lines("dayparts.txt")) + ")"
    rel = "(?i:" + _alternation(relatives()) + ")" + INFL
    mod = r"(?:(?P<mod>Anfang|Beginn|Mitte|Ende|Ausgang)\s+)"
    year_rel = r"(?:des\s+)?(?P<yrel>" + rel + r")\s+Jahres" + END
    number = r"(?:\d{1,3}|(?i:" + _alternation(number_words()) + "))"
    unit = "(?:" + _alternation(r[0] for r in lexicons.table("time_units.tsv")) + ")" + END
    season = "(?:" + _alternation(r[0] for r in lexicons.table("seasons.tsv")) + ")"
    holiday = "(?:" + _alternation(r[0] for r in lexicons.table("holidays.tsv")) + ")"
    ordinal = "(?:" + _alternation(k for k in ordinal_words()) + r")" + INFL
    hedge = r"(?:(?:gut|knapp|fast|etwa|rund|über|mehr\s+als|weniger\s+als|genau)\s+)?"
    day = r"(?<![\d.,])(?P<day>[0-3]?\d)\."
    wd_prefix = r"(?:(?P<wd>" + weekday + r")(?:\s*,\s*|\s+)(?:(?:dem|den)\s+)?)?"
    daytime_prefix = r"(?:(?:(?:frühen|späten)\s+)?(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)\s+des\s+)?"
    specs = {
        "iso": r"(?<![\d.])(?P<year>[12]\d{3})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?![\d])",
        "numeric": wd_prefix + day + r"(?P<mon>[01]?\d)\.(?P<year>\d{4}|\d{2})?(?![\d])",
        "daymonth": daytime_prefix + wd_prefix + day + r"\s*(?P<month>" + month_any + r")(?:\s+(?P<year>\d{4})(?!\d)|\s+" + year_rel + ")?",
        "dayonly": day + r"(?=\s*(?:und|bis|auf|zum|–|-|/|,|sowie|oder)\s*(?:(?:zum|den|dem)\s+)?[0-3]?\d\.\s*" + month_any + ")",
        "month": mod + r"?(?:(?P<rel>" + rel + r")\s+)?(?P<month>" + month_name + "|" + month_any
        + r"(?=\s+\d{4}))(?:\s+(?P<year>\d{4})(?!\d)|\s+" + year_rel + ")?",
        "year_tail": r"(?<=(?P<century>\d\d)\d\d[/–-])(?P<yy>\d\d)(?![\d.,]?\d)(?!\s*v\.)",
        "year": r"(?:" + mod + r"(?:des\s+)?)?(?:(?<!die\s)(?<!den\s)(?P<yw>Jahr|Jahre|Jahres|Jahren)\s+)?(?<![\w.,+])(?<![^\d\s][/\-–])"
        r"(?P<year>\d{1,4})(?:\s*(?P<era>v\.\s*Chr\.|n\.\s*Chr\.|vor\s+Christus))?(?![\w%])(?![.,]\d)",
        "decade": mod + r"?(?:der\s+)?(?<![\w.])(?P<decade>\d{2}|1\d{3}|20\d{2})er(?:(?:-|\s+)?[Jj]ahr(?:e|en|zehnt\w*)" + END + ")?",
        "century": r"(?:" + mod + r"(?:des\s+)?)?(?<![\d.])(?P<century>[1-2]?\d)\.\s*(?:Jahrhundert(?:s|e|en)?" + END + r"|Jh\.)",
        "weekday": r"(?:(?P<rel>" + rel + r")\s+|(?P<deix>(?:vor)?gestrig|heutig|morgig)" + INFL + r"\s+)?"
        r"(?:(?:späte|frühe)[nm]?\s+)?(?P<wd>" + weekday + ")(?P<part>" + daypart + ")?s?" + END
        + r"(?:\s+(?:der\s+)?(?P<wrel>" + rel + r")\s+Woche" + END + ")?",
        "weekly": r"(?P<wd>" + weekday_lc + r")s" + END,
        "deictic": r"(?<![^\W\d_])(?P<word>(?:[Vv]or)?[Gg]estrig|[Hh]eutig|(?:über)?morgig|(?:[Vv]or)?[Gg]estern|[Hh]eute|(?:[Üü]ber)?[Mm]orgen|[Üü]bermorgen)"
        + INFL + END,
        "dayword": r"(?P<word>Vortag(?:es|s)?|Folgetag(?:es|s)?|tags\s+(?:darauf|zuvor))" + END,
        # "am selben / folgenden / nächsten Tag", "an diesem Tag" (not "am letzten Tag": the last of a span)
        "sameday": r"(?P<rel>(?i:(?:de[rsmn]|die)?selb|gleich|folgend|darauffolgend|nächst|dies)" + INFL + r")\s+Tag(?:es|s)?" + END,
        "period": r"(?:" + mod + r"(?:(?:des|der|dem|den)\s+)?)?(?P<rel>" + rel + r")\s+(?P<unit>Woche|Wochenende|Monats?|Jahr(?:es)?|Quartals?|Halbjahr(?:es)?)" + END,
        "period_this": mod + r"(?:des|der)\s+(?P<unit>Woche|Monats|Jahres)" + END + r"(?!\s+\d)",
        "compound": r"(?P<word>Vorjahr|Vorwoche|Vormonat|Folgejahr|Folgewoche|Folgemonat|Jahresende|Jahresbeginn|Jahresanfang|Jahresmitte|Monatsende|Monatsanfang|Monatsbeginn|Monatsmitte|Wochenmitte|Wochenbeginn)(?:es|s)?"
        + END + r"(?:\s+(?P<year>\d{4})(?!\d))?",
        "weekend": r"(?<![^\W\d_])Wochenende" + END,
        "offset": r"(?P<pre>[Vv]or|[Ii]n|[Nn]ach)\s+" + hedge + r"(?P<num>" + number + r")\s+(?P<unit>" + unit + ")",
        "offset_post": r"(?P<num>" + number + r"|[Ee]ine[nmr]?)\s+(?P<unit>" + unit + r")\s+(?P<post>später|zuvor|danach|vorher|früher|darauf)" + END,
        "duration": hedge + r"(?P<num>" + number + r"|einigen|mehreren|vielen)\s+(?P<unit>" + unit + r")(?:\s+lang" + END + ")?",
        "duration_bare": r"(?P<pre>seit|für|über)\s+(?P<unit>Tagen|Wochen|Monaten|Jahren|Jahrzehnten)" + END,
        "season": r"(?:" + mod + r"(?:(?:des|der|dem|den)\s+)?)?(?:(?P<rel>" + rel + r")\s+)?(?P<season>" + season + r")(?:s|es)?" + END
        + r"(?:\s+(?P<year>\d{4})(?!\d)|\s+" + year_rel + ")?",
        "holiday": r"(?<![^\W\d_])(?P<holiday>" + holiday + ")" + END + r"(?:\s+(?P<year>\d{4})(?!\d))?",
        "quarter": r"(?P<ord>" + ordinal + r"|[1-4]\.)\s*(?P<q>Quartal|Halbjahr|Jahreshälfte)(?:s|es)?" + END
        + r"(?:\s+(?P<year>\d{4})(?!\d)|\s+" + year_rel + ")?",
        "calweek": r"(?:(?P<kwn>[1-5]?\d)\.\s*Kalenderwoche|\bKW\s*(?P<kw>[1-5]?\d))(?:\s+(?P<year>\d{4})(?!\d))?",
    }
    # every expression starts at a word start, except the second half of "1912/13"
    return tuple((name, re.compile(rx if name == "year_tail" else r"(?<!\w)" + rx)) for name, rx in specs.items())


# --------------------------------------------------------------------------------------------
# Finding
# --------------------------------------------------------------------------------------------

_CONNECTOR = re.compile(r"^\s*(?:,|und|bis|auf|zum|–|-|/|sowie|oder)\s*(?:(?:zum|dem|den|am)\s+)?$")
_AMBIGUOUS_MONTHS = {"august", "mai"}  # also first names
_MONTH_LEADS = {"im", "in", "seit", "bis", "ab", "vom", "zum", "anfang", "mitte", "ende", "monat", "monats", "von", "für",
                "zwischen", "nach", "vor", "gegen", "um", "noch", "erst", "schon", "bereits", "spätestens",
                "frühestens", "zuletzt", "und", "oder", "sowie"}
_YEAR_LEADS = {"seit", "bis", "ab", "im", "in", "nach", "vor", "zwischen", "jahr", "jahre", "jahres", "anfang",
               "mitte", "ende", "sommer", "herbst", "winter", "frühjahr"}
_SEASON_LEADS = {"im", "in", "den", "dem", "des", "der", "vom", "zum", "seit", "bis", "ab", "über", "nach", "vor",
                 "diesen", "jeden", "einen", "kommenden", "letzten", "vergangenen", "nächsten"}


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=None)
def _guards() -> dict[str, tuple[bool, tuple[str, ...]]]:
    """Per family, what every match of its pattern contains: (a digit?, one of these lower-cased
    substrings, those marked "^" at the start of a whitespace-separated chunk (after ``\\s+`` in the
    pattern); empty: no word needed). A text lacking either cannot match, so its scan is skipped."""
    month = tuple(r[0].lower() for r in lexicons.table("months.tsv"))
    weekday = tuple(r[0].lower() for r in lexicons.table("weekdays.tsv"))
    unit = tuple("^" + r[0].lower() for r in lexicons.table("time_units.tsv"))
    return {
        "iso": (True, _after_digits("-")),
        "numeric": (True, _after_digits(".")),
        "daymonth": (True, month),
        "dayonly": (True, month),
        "month": (False, month),
        "year_tail": (True, _after_digits("/", "–", "-")),  # the first year, read by the lookbehind
        "year": (True, ()),
        "decade": (True, _after_digits("er")),
        "century": (True, ("jahrhundert", "jh.")),
        "weekday": (False, weekday),
        "weekly": (False, weekday),
        "deictic": (False, ("gestrig", "heutig", "morgig", "gestern", "heute", "morgen")),
        "dayword": (False, ("vortag", "folgetag", "tags")),
        "sameday": (False, ("^tag",)),
        "period": (False, ("^woche", "^monat", "^jahr", "^quartal", "^halbjahr")),
        "period_this": (False, ("^woche", "^monat", "^jahr")),
        "compound": (False, ("jahr", "woche", "monat")),
        "weekend": (False, ("wochenende",)),
        "offset": (False, unit),
        "offset_post": (False, ("^später", "^zuvor", "^danach", "^vorher", "^früher", "^darauf")),
        "duration": (False, unit),
        "duration_bare": (False, ("^tagen", "^wochen", "^monaten", "^jahren", "^jahrzehnten")),
        "season": (False, tuple(r[0].lower() for r in lexicons.table("seasons.tsv"))),
        "holiday": (False, tuple(r[0].lower() for r in lexicons.table("holidays.tsv"))),
        "quarter": (False, ("quartal", "halbjahr", "jahreshälfte")),
        "calweek": (True, ("kalenderwoche", "kw")),
    }


def _after_digits(*endings: str) -> tuple[str, ...]:
    """Each ending after each digit ("0er", "1er" …): one of them is in any text with a number so ending."""
    return tuple(digit + ending for ending in endings for digit in "0123456789")


def _scanned_patterns(text: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The families whose guard (see :func:`_guards`) lets ``text`` through."""
    return _passing(_DIGIT.search(text) is not None, _guard_words_in(text.lower()))


@lru_cache(maxsize=4096)
def _passing(has_digit: bool, present: frozenset[str]) -> tuple[tuple[str, re.Pattern], ...]:
    """The families whose guard lets through a text with a digit or not and the guard words ``present``."""
    return tuple((family, pattern) for family, pattern, needs_digit, words in _guarded_patterns()
                 if (has_digit or not needs_digit) and (not words or not words.isdisjoint(present)))


@lru_cache(maxsize=1)
def _guarded_patterns() -> tuple[tuple[str, re.Pattern, bool, frozenset[str]], ...]:
    """(family, pattern, needs a digit, guard words) per family (see :func:`_guards`)."""
    guards = _guards()
    return tuple((family, pattern, guards[family][0], frozenset(guards[family][1])) for family, pattern in _patterns())


_CHUNK_GUARDS: dict[str, frozenset[str]] = {}  # a chunk of text without whitespace -> its guard words
MAX_CHUNKS = 200_000
_NO_WORDS: frozenset[str] = frozenset()


def _guard_words_in(lowered: str) -> frozenset[str]:
    """The guard words (see :func:`_guards`) that the lower-cased ``lowered`` contains: those within
    each of its whitespace-separated chunks (read once per distinct chunk), and those with a space."""
    chunks = lowered.split()
    try:
        found = frozenset().union(*map(_CHUNK_GUARDS.__getitem__, chunks))
    except KeyError:
        if len(_CHUNK_GUARDS) > MAX_CHUNKS:
            _CHUNK_GUARDS.clear()
        _CHUNK_GUARDS.update((chunk, _chunk_guard_words(chunk)) for chunk in chunks if chunk not in _CHUNK_GUARDS)
        found = frozenset().union(*map(_CHUNK_GUARDS.__getitem__, chunks))
    spaced = [word for word in _guard_finder()[2] if word in lowered]
    return found.union(spaced) if spaced else found


def _chunk_guard_words(chunk: str) -> frozenset[str]:
    """The guard words without a space within ``chunk``, read in one regex pass (the longest guard
    word at each position, and the guard words it starts with), and those at its start marked "^"."""
    longest, starts_with, _ = _guard_finder()
    found = frozenset().union(*map(starts_with.__getitem__, longest.findall(chunk)))
    head = longest.match(chunk)
    return found.union("^" + word for word in starts_with[head.group(1)]) if head else found or _NO_WORDS


@lru_cache(maxsize=1)
def _guard_finder() -> tuple[re.Pattern, dict[str, frozenset[str]], tuple[str, ...]]:
    """(a pattern finding the longest guard word without a space at each position, such a guard
    word → the guard words it starts with, the guard words with a space)."""
    words = {word.lstrip("^") for _, words in _guards().values() for word in words}
    plain = {word for word in words if " " not in word}
    pattern = re.compile("(?=(" + trie_pattern(plain) + "))")
    return pattern, {w: frozenset(p for p in plain if w.startswith(p)) for w in plain}, tuple(sorted(words - plain))


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching the longest of ``words`` that starts at a position, as a trie of
    alternations (each character read once, unlike an alternation of the words)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def alternation(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + alternation(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return alternation(trie)


def find(text: str) -> list[Candidate]:
    """All temporal expressions in ``text``, longest first on overlaps, in text order."""
    found = []
    for family, pattern in _scanned_patterns(text):
        for m in pattern.finditer(text):
            fields = {k: v for k, v in m.groupdict().items() if v}
            start, end = m.span()
            if end > start and _plausible(family, fields, text, start, end):
                found.append(Candidate(start, end, family, fields))
    chosen: list[Candidate] = []
    taken = bytearray(len(text))
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if not any(taken[cand.start:cand.end]):
            taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
            chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return _inherit_along_lists(text, chosen)


def _word_before(text: str, start: int) -> str:
    """The word before ``start`` (two words for "bis zu", "mehr als")."""
    m = re.search(r"(\S+(?:\s+(?:zu|als))?)\s*$", text[max(0, start - 40):start])
    return m.group(1) if m else ""


def _word_after(text: str, end: int) -> str:
    """The word after ``end``, without trailing punctuation."""
    m = re.match(r"\s*([^\s,.;:!?)]+)", text[end:end + 40])
    return m.group(1) if m else ""


def _plausible(family: str, fields: dict, text: str, start: int, end: int) -> bool:
    if family in ("numeric", "iso"):
        return 1 <= int(fields["mon"]) <= 12 and 1 <= int(fields["day"]) <= 31
    if family in ("daymonth", "dayonly"):
        return 1 <= int(fields["day"]) <= 31
    if family == "month" and "year" not in fields and "mod" not in fields and "rel" not in fields:
        after, before = _word_after(text, end), _word_before(text, start)
        if before[:1].isupper() and before.lower() not in _MONTH_LEADS:
            return False  # "Chiang Mai"
        return not (fields["month"].lower() in _AMBIGUOUS_MONTHS and after[:1].isupper())
    if family == "weekday" and not fields.keys() & {"rel", "deix", "wrel"}:
        return _word_before(text, start).lower() not in {"einem", "jeden", "jedem", "manchen"}  # "an einem Sonnabend"
    if family == "year":
        return _plausible_year(fields, text, start, end)
    if family == "decade":
        return len(fields["decade"]) == 2 or "ahr" in text[start:end] or text[start:end].endswith("er")
    if family == "season" and not fields.keys() & {"year", "yrel", "rel", "mod"}:
        return _word_before(text, start).lower() in _SEASON_LEADS  # "Winter" is also a surname
    if family == "century":
        return 1 <= int(fields["century"]) <= 21
    if family == "year_tail":  # "1912/13": the first year is plausible and the range runs forward
        first = int(text[start - 5:start - 1])
        return 1000 <= first <= 2199 and int(fields["yy"]) > first % 100
    if family == "deictic":
        # "Morgen" capitalised is the noun (the morning) unless it opens a sentence before a verb
        # ("Morgen beginnt der Gipfel"); "heute" inside "bis heute" still counts.
        if text[start:end].startswith("Morgen"):
            opens_sentence = re.search(r"(?:^|[.!?:]\s)\s*$", text[:start]) is not None
            return opens_sentence and _word_after(text, end)[:1].islower()
        return True
    return True


def _plausible_year(fields: dict, text: str, start: int, end: int) -> bool:
    year = int(fields["year"])
    if fields.get("era"):
        return year > 0
    if fields.get("yw"):
        return 0 < year < 2200
    if re.match(r"\s*[–/-]\s*\d{1,4}\s*v\.\s*Chr\.", text[end:end + 20]):
        return year > 0  # "264–260 v. Chr."
    if len(fields["year"]) != 4 or not 1000 <= year <= 2199:
        return False
    before, after = _word_before(text, start), _word_after(text, end)
    if before in lexicons.lines("non_date_before.txt") or before.lower() in {"nr.", "seite", "über"}:
        return False
    if after in lexicons.lines("non_date_after.txt"):
        return False
    noun_follows = re.match(r" [A-ZÄÖÜ]", text[end:end + 2]) is not None
    if noun_follows and year % 50 == 0 and before.lower() not in _YEAR_LEADS:
        return False  # "allein 1600 Angriffe": a round count before a noun (but "seit 2000 Kanzler")
    # vote counts and scores: "2013 zu 45", "1999:1"
    return not re.match(r"\s*(?::\s*\d|zu\s+\d|gegen\s+\d)", text[end:end + 12])


def _inherit_along_lists(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Earlier members of "24. und 25. September" / "Mai/Juni 1940" take the later month and year."""
    out = list(cands)
    for i in range(len(out) - 2, -1, -1):
        first, second = out[i], out[i + 1]
        if not _CONNECTOR.match(text[first.end:second.start]):
            continue
        if first.family in ("dayonly", "daymonth", "month") and second.family in ("daymonth", "month", "numeric"):
            inherited = {k: v for k, v in second.fields.items() if k in ("month", "mon", "year", "yrel")}
            if first.family != "dayonly":
                inherited.pop("month", None)
                inherited.pop("mon", None)
            if first.family == "dayonly" and "month" not in inherited and "mon" not in inherited:
                continue
            fields = {**inherited, **first.fields}
            family = "daymonth" if first.family == "dayonly" and "month" in fields else first.family
            family = "numeric" if first.family == "dayonly" and "mon" in fields else family
            out[i] = Candidate(first.start, first.end, family, fields)
        elif first.family == "year" and second.family == "year" and "era" in second.fields and "era" not in first.fields:
            out[i] = Candidate(first.start, first.end, "year", {**first.fields, "era": second.fields["era"]})
    return out


# --------------------------------------------------------------------------------------------
# Calendar arithmetic
# --------------------------------------------------------------------------------------------


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(d: date, n: int) -> date:
    """First day of the month ``n`` months from ``d``'s month."""
    index = d.year * 12 + d.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def shift(d: date, n: int, granularity: str) -> date:
    """``d`` moved by ``n`` days, weeks, months or years (months/years land on their first day)."""
    if granularity == "day":
        return d + timedelta(days=n)
    if granularity == "week":
        return d + timedelta(weeks=n)
    if granularity == "month":
        return add_months(d, n)
    return date(d.year + n, 1, 1)


def format_value(d: date, granularity: str) -> str:
    """TIMEX3 value of ``d`` at the given granularity."""
    if granularity == "day":
        return d.isoformat()
    if granularity == "week":
        return iso_week(d)
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def weekday_on(anchor: date, weekday: int, direction: str) -> date:
    """The given weekday near ``anchor``: 'past' on or before, 'future' on or after; 'present'
    leans to the coming one unless the past one is more than twice as near; else the nearer."""
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if direction == "present":
        direction = "past" if 2 * back < forward else "future"
    if direction == "past" or (direction != "future" and back <= 4):
        return anchor - timedelta(days=back)
    return anchor + timedelta(days=forward)


TENSE_WEIGHT = 6  # a tense-fitting occurrence wins unless the other one is over six times nearer


def likely_year(anchor: date, month: int, day: int, direction: str) -> int:
    """The year of an unyeared (month, day) near ``anchor``, tense as a prior on its side.

    "past" prefers the occurrence on or before the anchor, "future" the one on or after it, but a
    much nearer occurrence on the other side wins (tense from word lists is a weak signal); any
    other direction takes the nearest occurrence.
    """
    past, future = year_for(anchor, month, day, "past"), year_for(anchor, month, day, "future")

    def distance(year: int) -> int:
        return abs((date(year, month, min(day, 28)) - anchor).days)

    if direction == "past":
        return past if distance(past) <= TENSE_WEIGHT * distance(future) else future
    if direction == "future":
        return future if distance(future) <= TENSE_WEIGHT * distance(past) else past
    if direction == "same":
        return anchor.year
    return past if distance(past) <= distance(future) else future


def year_for(anchor: date, month: int, day: int, direction: str) -> int:
    """The year of an unyeared (month, day): strictly by direction, else the nearest month."""
    here = (anchor.month, anchor.day)
    if direction == "past":
        return anchor.year if (month, day) <= here else anchor.year - 1
    if direction == "future":
        return anchor.year if (month, day) >= here else anchor.year + 1
    if direction == "same":
        return anchor.year
    diff = month - anchor.month
    return anchor.year - 1 if diff > 6 else anchor.year + 1 if diff < -6 else anchor.year


def holiday_date(rule: str, year: int) -> date:
    """Date of a holiday rule (``MM-DD`` or ``easter+N``) in ``year``."""
    if rule.startswith("easter"):
        return easter(year) + timedelta(days=int(rule[6:]))
    month, day = rule.split("-")
    return date(year, int(month), int(day))


def to_number(word: str) -> int | None:
    """A digit string or German number word as int."""
    if word.isdigit():
        return int(word)
    return number_words().get(word.lower())


def relative_offset(word: str) -> tuple[int, str]:
    """(offset, base) of a relative adjective like "vergangenen" or "selben"."""
    lowered = word.lower()
    for stem in sorted(relatives(), key=len, reverse=True):
        if lowered.startswith(stem):
            return relatives()[stem]
    raise KeyError(word)


def value_date(value: str | None) -> tuple[date, str] | None:
    """A resolved value back as (first day, granularity), for use as the next reference."""
    if not value:
        return None
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        return date(*map(int, m.groups())), "day"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return date(int(m[1]), int(m[2]), 1), "month"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value):
        return date.fromisocalendar(int(m[1]), int(m[2]), 1), "week"
    if m := re.match(r"(\d{4})(?:-(?:SP|SU|FA|WI|Q\d|H\d))?$", value):
        return date(int(m[1]), 1, 1), "year"
    return None


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What a relative expression is resolved against."""

    anchor: date | None = None  # publication date
    tense: str | None = None  # past | future | present | None
    reference: date | None = None  # the date last mentioned (for "tags darauf", "im selben Jahr")
    narrative: bool = False  # unyeared dates take the year of the reference, not the tense
    firm: bool = False  # the tense comes from a word like "seit" right before the date: no weighing
    reference_granularity: str | None = None  # day | week | month | year of the reference

    def day_reference(self) -> date | None:
        """The base of "tags darauf", "am selben Tag": the last date if it names a day (else the
        publication date when nothing was mentioned yet, None when only a month or year was)."""
        if self.reference is None or (self.narrative and self.reference_granularity is None):
            return self.anchor if self.reference is None else self.reference
        return self.reference if self.reference_granularity in (None, "day") else None

    def base(self, which: str) -> date | None:
        """The date a relative expression counts from: 'ref' the last mention, 'now' publication
        (in narrative mode the last mention too)."""
        if which == "ref" or self.narrative:
            return self.reference or self.anchor
        return self.anchor

    def direction(self, weekday: bool = False) -> str:
        if self.tense == "present":
            return "present" if weekday else "nearest"
        return self.tense or "nearest"


def resolve(cand: Candidate, ctx: Context) -> Timex | None:
    """The normalised value of a candidate, or None when it is not a temporal expression after all."""
    return _RESOLVERS[cand.family](cand.fields, ctx)


def _mod(fields: dict) -> str | None:
    return MODS.get(fields.get("mod", "").lower())


def _relative(granularity: str, base: date | None, make, mod=None, kind="date") -> Timex:
    """A relative Timex: value from ``make(base)`` when there is a base, else None."""
    value = make(base) if base else None
    return Timex(value, granularity, mod, True, base.isoformat() if base else None, kind)


def _year_of(fields: dict, ctx: Context, month: int, day: int = 1, direction: str | None = None):
    """(year, base) of a date lacking or giving its year: explicit, '... dieses Jahres', or by tense."""
    if "year" in fields:
        year = int(fields["year"])
        return (year + 2000 if year < 50 else year + 1900 if year < 100 else year), None
    if "yrel" in fields:
        offset, which = relative_offset(fields["yrel"])
        base = ctx.base(which)
        return (base.year + offset if base else None), base
    if ctx.narrative and ctx.reference:
        return ctx.reference.year, ctx.reference
    base = ctx.anchor
    if not base:
        return None, None
    choose = year_for if ctx.firm else likely_year
    return choose(base, month, day, direction or ctx.direction()), base


def _timex_from(year: int | None, base: date | None, make, granularity: str, mod=None) -> Timex:
    """Absolute when the year was written, else relative to ``base``."""
    value = make(year) if year is not None else None
    return Timex(value, granularity, mod, base is not None or year is None, base.isoformat() if base else None)


def _calendar_day(fields: dict, ctx: Context) -> Timex | None:
    month = int(fields["mon"]) if "mon" in fields else months()[fields["month"].lower().rstrip(".")][0]
    day = int(fields["day"])
    direction = ctx.direction()
    if "wd" in fields and "year" not in fields and ctx.anchor:
        direction = "nearest"
    year, base = _year_of(fields, ctx, month, day, direction)
    try:
        value = date(year, month, day).isoformat() if year is not None else None
    except ValueError:
        return None
    return Timex(value, "day", None, base is not None or year is None, base.isoformat() if base else None)


def _month(fields: dict, ctx: Context) -> Timex:
    month = months()[fields["month"].lower().rstrip(".")][0]
    if "rel" in fields and "year" not in fields:
        offset, which = relative_offset(fields["rel"])
        base = ctx.base(which)
        direction = {-1: "past", 1: "future"}.get(offset, "same")

        def make(b: date) -> str:
            year = year_for(b, month, 1, direction)
            if offset and year == b.year and month == b.month:
                year += offset
            return f"{year:04d}-{month:02d}"

        return _relative("month", base, make, _mod(fields))
    year, base = _year_of(fields, ctx, month)
    return _timex_from(year, base, lambda y: f"{y:04d}-{month:02d}", "month", _mod(fields))


def _year(fields: dict, ctx: Context) -> Timex:
    year = int(fields["year"])
    bc = fields.get("era", "").startswith("v")
    return Timex(f"BC{year:04d}" if bc else f"{year:04d}", "year", _mod(fields))


def _year_tail(fields: dict, ctx: Context) -> Timex:
    return Timex(fields["century"] + fields["yy"], "year")


def _decade(fields: dict, ctx: Context) -> Timex:
    digits = fields["decade"]
    if len(digits) == 2:
        digits = ("20" if digits in ("00", "10") else "19") + digits
    return Timex(digits[:3], "decade", _mod(fields))


def _century(fields: dict, ctx: Context) -> Timex:
    return Timex(f"{int(fields['century']) - 1:02d}", "century", _mod(fields))


def _weekday(fields: dict, ctx: Context) -> Timex:
    weekday = weekdays()[fields["wd"].lower()]
    if "deix" in fields:
        offset = day_words()[re.sub(INFL + "$", "", fields["deix"].lower())][0]
        return _relative("day", ctx.anchor, lambda b: (b + timedelta(days=offset)).isoformat())
    if "wrel" in fields:
        offset, which = relative_offset(fields["wrel"])
        base = ctx.base(which)
        return _relative("day", base, lambda b: (b + timedelta(weeks=offset, days=weekday - b.weekday())).isoformat())
    if "rel" in fields:
        offset, which = relative_offset(fields["rel"])
        base = ctx.base(which)

        def make(b: date) -> str:
            if offset < 0:
                back = (b.weekday() - weekday) % 7 or 7
                return (b - timedelta(days=back + 7 * (-offset - 1))).isoformat()
            if offset > 0:
                forward = (weekday - b.weekday()) % 7 or 7
                return (b + timedelta(days=forward + 7 * (offset - 1))).isoformat()
            return (b + timedelta(days=weekday - b.weekday())).isoformat()

        return _relative("day", base, make)
    base = ctx.reference if ctx.narrative and ctx.reference else ctx.anchor
    direction = "future" if ctx.narrative else ctx.direction(weekday=True)
    return _relative("day", base, lambda b: weekday_on(b, weekday, direction).isoformat())


def _weekly(fields: dict, ctx: Context) -> Timex:
    return Timex(f"XXXX-WXX-{weekdays()[fields['wd'].lower()] + 1}", "day", kind="set")


def _deictic(fields: dict, ctx: Context) -> Timex:
    word = fields["word"].lower()
    offset, _ = day_words()[re.sub(r"(?<=ig)" + INFL + "$", "", word)]
    return _relative("day", ctx.anchor, lambda b: (b + timedelta(days=offset)).isoformat())


def _dayword(fields: dict, ctx: Context) -> Timex:
    word = re.sub(r"\s+", " ", fields["word"]).lower()
    offset, which = day_words().get(word) or day_words()[word.rstrip("s").removesuffix("e")]
    base = ctx.day_reference() if which == "ref" else ctx.base(which)
    return _relative("day", base, lambda b: (b + timedelta(days=offset)).isoformat())


def _sameday(fields: dict, ctx: Context) -> Timex:
    """ "am selben Tag", "am folgenden Tag", "an diesem Tag": counted from the date last mentioned."""
    offset, _ = relative_offset(fields["rel"])
    return _relative("day", ctx.day_reference(), lambda b: (b + timedelta(days=offset)).isoformat())


_UNIT_OF = {"woche": "week", "wochenende": "weekend", "monat": "month", "monats": "month", "jahr": "year",
            "jahres": "year", "quartal": "quarter", "quartals": "quarter", "halbjahr": "half", "halbjahres": "half"}


def _period_value(b: date, offset: int, unit: str) -> str:
    if unit == "weekend":
        return iso_week(b + timedelta(weeks=offset)) + "-WE"
    if unit == "quarter":
        d = add_months(b, 3 * offset)
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if unit == "half":
        d = add_months(b, 6 * offset)
        return f"{d.year}-H{(d.month - 1) // 6 + 1}"
    return format_value(shift(b, offset, unit), unit)


def _period(fields: dict, ctx: Context) -> Timex:
    unit = _UNIT_OF[fields["unit"].lower()]
    offset, which = relative_offset(fields["rel"]) if "rel" in fields else (0, "now")
    granularity = "week" if unit == "weekend" else unit
    return _relative(granularity, ctx.base(which), lambda b: _period_value(b, offset, unit), _mod(fields))


_COMPOUNDS = {"vorjahr": ("year", -1, None), "vorwoche": ("week", -1, None), "vormonat": ("month", -1, None),
              "folgejahr": ("year", 1, None), "folgewoche": ("week", 1, None), "folgemonat": ("month", 1, None),
              "jahresende": ("year", 0, "END"), "jahresbeginn": ("year", 0, "START"),
              "jahresanfang": ("year", 0, "START"), "jahresmitte": ("year", 0, "MID"),
              "monatsende": ("month", 0, "END"), "monatsanfang": ("month", 0, "START"),
              "monatsbeginn": ("month", 0, "START"), "monatsmitte": ("month", 0, "MID"),
              "wochenmitte": ("week", 0, "MID"), "wochenbeginn": ("week", 0, "START")}


def _compound(fields: dict, ctx: Context) -> Timex:
    word = fields["word"].lower()
    unit, offset, mod = _COMPOUNDS[word]
    if "year" in fields and unit == "year":
        return Timex(fields["year"], "year", mod)
    base = ctx.base("ref" if word.startswith("folge") else "now")
    return _relative(unit, base, lambda b: format_value(shift(b, offset, unit), unit), mod)


def _weekend(fields: dict, ctx: Context) -> Timex:
    direction = ctx.direction(weekday=True)

    def make(b: date) -> str:
        saturday = weekday_on(b, 5, direction)
        if direction == "past" and b.weekday() == 6:
            saturday = b - timedelta(days=1)
        return iso_week(saturday) + "-WE"

    return _relative("week", ctx.anchor, make)


def _offset(fields: dict, ctx: Context) -> Timex | None:
    n = to_number(fields["num"]) if fields["num"].lower() not in ("eine", "einen", "einem", "einer") else 1
    unit = units()[fields["unit"].lower()]
    if n is None:
        return None
    pre = fields.get("pre", "").lower()
    post = fields.get("post", "").lower()
    sign = -1 if pre == "vor" or post in ("zuvor", "vorher", "früher") else 1
    if pre == "in" and ctx.tense == "past":  # "legte in vier Tagen 80 Kilometer zurück"
        return _duration(fields, ctx)
    base = ctx.base("now") if pre in ("vor", "in") else ctx.day_reference() if unit == "day" else ctx.base("ref")
    return _relative(unit, base, lambda b: format_value(shift(b, sign * n, unit), unit))


def _duration(fields: dict, ctx: Context) -> Timex:
    unit = units().get(fields["unit"].lower(), "year")
    n = to_number(fields.get("num", ""))
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y"}[unit]
    return Timex(f"P{n if n else 'X'}{letter}", unit, kind="duration")


_BARE_DURATIONS = {"tagen": ("D", "day"), "wochen": ("W", "week"), "monaten": ("M", "month"),
                   "jahren": ("Y", "year"), "jahrzehnten": ("DE", "decade")}


def _duration_bare(fields: dict, ctx: Context) -> Timex:
    """ "seit Monaten": a duration of unspecified length."""
    letter, granularity = _BARE_DURATIONS[fields["unit"].lower()]
    return Timex(f"PX{letter}", granularity, kind="duration")


def _season(fields: dict, ctx: Context) -> Timex:
    code, first_month = seasons()[fields["season"].lower()]
    if "rel" in fields and "year" not in fields:
        offset, which = relative_offset(fields["rel"])
        base = ctx.base(which)

        def make(b: date) -> str:
            if offset == 0:
                return f"{b.year}-{code}"
            current, target = season_index(b.year, b.month), season_index(b.year, first_month)
            if offset < 0 and target >= current:
                target -= 4
            elif offset > 0 and target <= current:
                target += 4
            return f"{target // 4}-{code}"

        return _relative("season", base, make, _mod(fields))
    year, base = _year_of(fields, ctx, first_month)
    return _timex_from(year, base, lambda y: f"{y:04d}-{code}", "season", _mod(fields))


def season_index(year: int, month: int) -> int:
    """Running number of the (meteorological) season of a month; a winter belongs to the year it starts in."""
    if month <= 2:
        return (year - 1) * 4 + 3
    return year * 4 + (month - 3) // 3


def _holiday(fields: dict, ctx: Context) -> Timex | None:
    rule = holidays()[re.sub(r"\s+", " ", fields["holiday"]).lower()]
    probe = holiday_date(rule, ctx.anchor.year if ctx.anchor else 2000)
    year, base = _year_of(fields, ctx, probe.month, probe.day)
    return _timex_from(year, base, lambda y: holiday_date(rule, y).isoformat(), "day")


def _quarter(fields: dict, ctx: Context) -> Timex | None:
    ordinal = fields["ord"].lower()
    n = int(ordinal[0]) if ordinal[0].isdigit() else ordinal_value(ordinal)
    letter = "Q" if fields["q"].lower() == "quartal" else "H"
    if n == -1:
        n = 4 if letter == "Q" else 2
    year, base = _year_of(fields, ctx, 1, 1, "same")
    return _timex_from(year, base, lambda y: f"{y:04d}-{letter}{n}", "quarter")


def ordinal_value(word: str) -> int:
    """Value of an ordinal like "zweiten" (-1 for "letzten"), 1 when unknown."""
    for stem, n in sorted(ordinal_words().items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return n
    return 1


def _calweek(fields: dict, ctx: Context) -> Timex | None:
    week = int(fields.get("kwn") or fields.get("kw"))
    if not 1 <= week <= 53:
        return None
    year, base = _year_of(fields, ctx, 1, 1, "same")
    if year is not None and week > date(year, 12, 28).isocalendar()[1]:
        return None  # "KW 53" in a year of 52 ISO weeks
    return _timex_from(year, base, lambda y: f"{y:04d}-W{week:02d}", "week")


_RESOLVERS = {
    "iso": _calendar_day,
    "numeric": _calendar_day,
    "daymonth": _calendar_day,
    "dayonly": lambda fields, ctx: None,  # a lone "24." that found no month to inherit
    "month": _month,
    "year": _year,
    "year_tail": _year_tail,
    "decade": _decade,
    "century": _century,
    "weekday": _weekday,
    "weekly": _weekly,
    "deictic": _deictic,
    "dayword": _dayword,
    "sameday": _sameday,
    "period": _period,
    "period_this": _period,
    "compound": _compound,
    "weekend": _weekend,
    "offset": _offset,
    "offset_post": _offset,
    "duration": _duration,
    "duration_bare": _duration_bare,
    "season": _season,
    "holiday": _holiday,
    "quarter": _quarter,
    "calweek": _calweek,
}


# --------------------------------------------------------------------------------------------
# Tense
# --------------------------------------------------------------------------------------------

_DETERMINERS = re.compile(
    r"^(?:d(?:er|ie|as|en|em|es)|ein\w*|kein\w*|sein\w*|ihr\w*|unser\w*|dies\w*|jen\w*|alle\w*|viele\w*|beide\w*|"
    r"am|im|vom|zum|zur|beim|mit|von|zu|nach|bei|aus|für|auf|in|an|über|unter|vor|gegen|ohne|um|durch|seit|"
    r"und|oder|sehr|so|besonders|bereits|noch)$"
)
_ADJECTIVAL = re.compile(
    r"(?:erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt|letzt|nächst|meist|best|heute|mitte|bitte|"
    r"leute|[^s]ste|ßte)$"
)
_CLAUSE_END = {",", ".", ";", ":", "!", "?"}
_PARTICIPLE = re.compile(r"^\w*ge\w{2,}(?:t|en)$")


def word_tense(word: str, previous: str = "", following: str = "") -> str | None:
    """Tense signalled by one word: the marker lexicon, else the weak preterite ending "-te".

    "-te" words after a determiner or before a noun (when no noun precedes) are read as adjectives.
    """
    lowered = word.lower()
    if lowered in tense_markers():
        return tense_markers()[lowered]
    if not (word[:1].islower() and len(word) >= 5 and lowered.endswith("te")) or _ADJECTIVAL.search(lowered):
        return None
    if _DETERMINERS.match(previous.lower()) or (following[:1].isupper() and not previous[:1].isupper()):
        return None
    return "past"


def sentence_tenses(words: list[str]) -> list[str | None]:
    """A tense marker (or None) for each word of a sentence.

    "ist/sind/war + participle" counts as past unless the participle plans ("geplant");
    a modal with "worden/gewesen" after it ("soll vereinbart worden sein") reports the past.
    """
    marks = [
        word_tense(w, words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else "")
        for i, w in enumerate(words)
    ]
    lowered = [w.lower() for w in words]

    def clause_after(i: int) -> list[str]:
        return list(takewhile(lambda x: x not in _CLAUSE_END, lowered[i + 1:i + 25]))

    for i, w in enumerate(lowered):
        if w in ("ist", "sind") and any(_PARTICIPLE.match(x) and tense_markers().get(x) != "future" for x in clause_after(i)):
            marks[i] = "past"
        if marks[i] == "future" and w.startswith(("soll", "woll", "will")) and any(x in ("worden", "gewesen", "haben") for x in clause_after(i)):
            marks[i] = "past"
    return marks
