"""Person-name normalization: one person, one canonical name, across spellings and articles.

The pieces, each a small pure function:

- :func:`strip_titles` drops forms of address and role titles before a name and reports the role
  ("US-Außenminister Marco Rubio" -> ("Marco Rubio", "US-Außenminister")).
- :func:`fold` is the transliteration key: German, English and French renderings of one Cyrillic,
  Arabic or Persian name get one key (Lawrow / Lavrov / Lavrof -> "lavrov"). The rules are data
  (``resources/transliteration.tsv``, ``name_variants.tsv``).
- :func:`surname` finds the family name: last token with its particles ("von der Leyen",
  "bin Salman", "al-Assad"), or the first token of East Asian names (Xi Jinping -> "Xi").
- :func:`similarity` / :func:`same_person` compare two names; :func:`canonicalize` clusters many.
- :class:`NameRegistry` accumulates names over a batch and hands out stable ``person_id`` values.

Matching rules (rapidfuzz ``fuzz.ratio`` on folded keys, 0-100):

- Two *full* names (a given name and a surname) are one person when their folded surnames score at
  least ``SURNAME_MIN`` (80) and their given names at least ``GIVEN_MIN`` (80). The given-name score is
  100 when one name's given names are a subset of the other's ("Tayyip Erdogan" / "Recep Tayyip
  Erdoğan"), else the better of first given name vs first given name and all given names vs all given
  names. A given-name key shorter than ``SHORT_KEY`` (5) letters only matches itself (Jan / Jana,
  Joe / Jo), masculine / feminine forms never match (Alexander / Alexandra, Christian / Christiane),
  East Asian given names (family name first) only match exactly once folded (Li Qiang / Li Keqiang),
  and written middle initials and suffixes must agree (George W. / George H. W. Bush, Donald Trump /
  Donald Trump Jr.).
- A *partial* name (surname only, or initials and surname: "Lawrow", "S. Lawrow") joins a full-name
  cluster only when exactly one person in scope has that folded surname (and matching initials). A
  surname that matches no one exactly may match by genitive ("Lawrows") or at ``PARTIAL_MIN`` (90);
  otherwise partial names stay apart, and partials with one surname and no full name form one cluster.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from diplomex import lexicons

SURNAME_MIN = 80.0
GIVEN_MIN = 80.0
PARTIAL_MIN = 90.0
SHORT_KEY = 5
_FEMININE_ENDINGS = frozenset({"e", "ie", "ine"})

_CHUNK = 1024  # cdist rows per call
_DIRECT_PAIRS = 64  # fewer candidate pairs are scored one by one, without cdist
_BLOCK_CLASSES = str.maketrans("eioubpgtv", "aaaapkkdf")  # first-letter sound classes for blocking

_INITIALS = re.compile(r"^(?:[A-ZÀ-Þ]\.(?:-?[A-ZÀ-Þ]\.)*|[A-Z]{1,2})$")
_ROMAN = re.compile(r"^[IVX]+\.?$")
_ABBREVIATION_COMPOUND = re.compile(r"^(?=\w*[A-Z]\w*[A-Z])[A-Za-z]{2,5}-[A-ZÄÖÜ][a-zäöüß]{3,}$")
_SUFFIXES = {"jr.": "jr", "jr": "jr", "junior": "jr", "jun.": "jr", "sr.": "sr", "sr": "sr", "senior": "sr", "sen.": "sr"}
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_EDGE_MARKS = re.compile(r"^[^\w]+|[^\w.]+$")
_POSSESSIVE = re.compile(r"(?:['’`]s?|’s)$")
_NON_LETTERS = re.compile(r"[^a-z ]+")
_SYLLABLE = re.compile(r"(?:[bcdfghjklmnpqrstwxyz]{0,2}[yw]?)(?:[aeiouü]{1,3})(?:ng|n|m|k|p|t|l|r)?")


# --- lexicons -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _transliteration() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(row[0]), row[1] if len(row) > 1 else "") for row in lexicons.table("transliteration.tsv"))


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    return {_fold_token(variant): _fold_token(key) for variant, key in lexicons.mapping("name_variants.tsv").items()}


@lru_cache(maxsize=1)
def _particles() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(articles dropped from surname keys, particles kept in them, particles that also are given names)."""
    rows = [(row[0].lower(), row[1:]) for row in lexicons.table("name_particles.txt")]
    return (
        frozenset(p.rstrip("-") for p, _ in rows if p.endswith("-")),
        frozenset(p for p, _ in rows if not p.endswith("-")),
        frozenset(p for p, marks in rows if "given" in marks),
    )


@lru_cache(maxsize=1)
def _family_first() -> frozenset[str]:
    return frozenset(_ascii(n) for n in lexicons.lines("name_family_first.txt"))


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return frozenset(h.lower() for h in lexicons.lines("honorifics.txt"))


@lru_cache(maxsize=1)
def _determiners() -> frozenset[str]:
    return frozenset(lexicons.lines("name_determiners.txt"))


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    return frozenset(r.lower() for r in lexicons.lines("roles.txt"))


@lru_cache(maxsize=1)
def _role_compound() -> re.Pattern[str]:
    """A closed compound: a prefix of four letters or more and a role of four letters or more."""
    long_roles = sorted((re.escape(r) for r in _roles() if len(r) >= 4), key=len, reverse=True)
    return re.compile(rf"^\w{{4,}}(?:{'|'.join(long_roles)})$")


# --- title stripping ------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _is_role(token: str) -> bool:
    """A role noun, inflected ("Präsidenten"), in a hyphen compound ("US-Außenminister", "Ex-Kanzlerin"),
    a closed compound of a four-letter prefix and a role of four letters or more ("Kremlchef"), or any
    noun after an abbreviation and a hyphen ("CDU-Politiker", "AfD-Politikerin")."""
    if _ABBREVIATION_COMPOUND.match(token):
        return True
    word = token.lower().rstrip(".,;:")
    word = word.rsplit("-", 1)[-1] if "-" in word else word
    forms = {word, word[:-2] if word.endswith(("en", "es")) else word, word[:-1] if word.endswith(("s", "n")) else word}
    return bool(forms & _roles()) or any(_role_compound().match(form) for form in forms)


def _is_honorific(token: str) -> bool:
    return token.lower() in _honorifics()


def _title_end(tokens: list[str]) -> int:
    """Index after the last role or honorific of a leading title sequence (0 when there is none).

    Before a role, lowercase words ("russische", "stellvertretende"), articles, honorifics and
    capitalised genitives ("Russlands") are part of the title. At least one token is left for the name.
    """
    end = 0
    for i, token in enumerate(tokens[:-1]):
        if _is_role(token) or _is_honorific(token):
            end = i + 1
        elif not (token[:1].islower() or token.lower() in _determiners() or token.endswith("s")):
            break
    return end


def strip_titles(mention: str) -> tuple[str, str | None]:
    """Split a person mention into (name, role).

    Honorifics and academic titles (Herr, Frau, Dr., Prof., Sir) are dropped and are not a role:
    ``strip_titles("Herr Dr. Müller") == ("Müller", None)``. Articles before the title are dropped too;
    adjectives and genitives that belong to the role stay in it:
    ``strip_titles("der russische Außenminister Sergej Lawrow") == ("Sergej Lawrow", "russische Außenminister")``.
    Parenthesised additions ("Merz (CDU)") are removed, and so is a trailing apposition with a role:
    ``strip_titles("Sergej Lawrow, Russlands Außenminister") == ("Sergej Lawrow", "Russlands Außenminister")``.
    """
    head, _, tail = _PARENTHESES.sub(" ", mention or "").partition(",")
    tokens, trailing = head.split(), tail.split()
    if not any(_is_role(t) for t in trailing):
        tokens, trailing = tokens + trailing, []
    end = _title_end(tokens)
    return " ".join(tokens[end:]), _title_text(tokens[:end]) or _title_text(trailing)


def _title_text(tokens: list[str]) -> str | None:
    """The role words of a title, without honorifics and leading articles."""
    title = [t for t in tokens if not _is_honorific(t)]
    while title and title[0].lower() in _determiners():
        title.pop(0)
    return " ".join(title) or None


# --- folding --------------------------------------------------------------------------------------


@lru_cache(maxsize=262144)
def _ascii(text: str) -> str:
    """Lowercase and strip diacritics (letters NFKD cannot split are left to the folding rules)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=262144)
def _fold_token(token: str) -> str:
    text = _ascii(token).replace("-", "")
    for pattern, replacement in _transliteration():
        text = pattern.sub(replacement, text)
    return _NON_LETTERS.sub("", text)


@lru_cache(maxsize=262144)
def _key(token: str) -> str:
    folded = _fold_token(token)
    return _variants().get(folded, folded)


def _fold_tokens(tokens: list[str], keep_first_article: bool) -> str:
    """Folded keys of tokens joined by spaces; Arabic articles ("al-", "el", "as-") are left out, except
    a capitalised standalone first token when ``keep_first_article`` ("Al Gore")."""
    articles = _particles()[0]
    keys = []
    for n, token in enumerate(tokens):
        parts = token.split("-")
        while len(parts) > 1 and parts[0].lower() in articles:
            parts.pop(0)
        if parts[0].lower() in articles and not (keep_first_article and n == 0 and parts[0][:1].isupper()):
            continue
        keys.append(_key("-".join(parts)))
    return " ".join(k for k in keys if k)


def fold(name: str) -> str:
    """Transliteration key of a name: lowercase, no diacritics, folded spellings, Arabic articles dropped.

    >>> fold("Sergej Lawrow") == fold("Sergei Lavrov") == fold("Sergey Lavrof")
    True
    >>> fold("Abdel Fattah al-Sisi") == fold("Abdel Fattah el-Sissi")
    True
    """
    return _fold_tokens(_clean_tokens(name), keep_first_article=True)


# --- parsing --------------------------------------------------------------------------------------


class _Token(NamedTuple):
    text: str  # without edge punctuation and possessive marks
    initials: str  # folded letters when the token is written as initials ("J.", "J.D.", "JD"), else ""
    suffix: str  # "jr" / "sr" for generational suffixes, else ""


@lru_cache(maxsize=262144)
def _token(raw: str) -> _Token | None:
    text = _POSSESSIVE.sub("", _EDGE_MARKS.sub("", raw))
    if not any(ch.isalpha() for ch in text):
        return None
    if text.endswith(".") and len(text) > 4 and not _ROMAN.match(text) and text.lower() not in _SUFFIXES:
        text = text.rstrip(".")  # a sentence full stop, not an abbreviation
    initials = "".join(map(_initial, re.findall(r"[A-ZÀ-Þ]", text))) if _INITIALS.match(text) else ""
    return _Token(text, initials, _SUFFIXES.get(text.lower(), ""))


def _tokens(name: str) -> list[_Token]:
    if "(" in name or "[" in name:
        name = _PARENTHESES.sub(" ", name)
    return [t for t in map(_token, name.replace(",", " ").split()) if t is not None]


def _clean_tokens(name: str) -> list[str]:
    """Tokens of a name without edge punctuation, possessive marks and generational suffixes (Jr.)."""
    return [t.text for t in _tokens(name or "") if not t.suffix]


@lru_cache(maxsize=65536)
def _syllables(part: str) -> int | None:
    """Fewest romanized CJK / Vietnamese syllables that spell ``part`` (None when it cannot be split so)."""
    word = _ascii(part)
    best: dict[int, int] = {0: 0}
    for start in range(len(word)):
        if start not in best:
            continue
        for match_end in range(start + 1, min(len(word), start + 7) + 1):
            if _SYLLABLE.fullmatch(word, start, match_end):
                count = best[start] + 1
                if best.get(match_end, 99) > count:
                    best[match_end] = count
    return best.get(len(word))


def _is_family_first(tokens: tuple[str, ...]) -> bool:
    first = _ascii(tokens[0])
    if len(tokens) < 2 or len(tokens) > 4 or first not in _family_first() or first in _particles()[1]:
        return False
    parts = [p for t in tokens[1:] for p in t.split("-") if p]
    return bool(parts) and all((_syllables(p) or 9) <= 2 for p in parts)


def _surname_start(tokens: tuple[str, ...]) -> int:
    """Index of the first surname token: the last token and the particles before it."""
    if _ROMAN.match(tokens[-1]) and len(tokens) > 1:
        return len(tokens) - 2
    articles, kept, given = _particles()
    start = len(tokens) - 1
    while start > 0:
        word = tokens[start - 1].lower()
        if word not in articles and word not in kept:
            break
        if start == 1 and tokens[0][:1].isupper() and (word in articles or word in given):
            break  # "Al Gore", "Ben Wallace": a given name
        start -= 1
    return start


class ParsedName(NamedTuple):
    """A name split into its parts, with the folded keys the matcher compares."""

    text: str
    surname: str
    given: tuple[str, ...]
    initials: str  # first letters of all given names and initials, folded
    middle: str  # initials written as such after a given name ("W." in "George W. Bush")
    suffix: str  # generational suffix: "jr", "sr" or ""
    family_first: bool
    surname_key: str
    first_key: str
    given_keys: tuple[str, ...] = ()
    given_key: str = ""  # the given keys joined

    @property
    def is_full(self) -> bool:
        return bool(self.given_key)

    @property
    def key(self) -> str:
        """The folded identity of the name (surname, given names or initials, middle initials, suffix)."""
        return "|".join((self.surname_key, self.given_key or self.initials, self.middle, self.suffix))


@lru_cache(maxsize=4096)
def _initial(token: str) -> str:
    return _fold_token(_ascii(token)[:1])[:1]


@lru_cache(maxsize=262144)
def parse(name: str) -> ParsedName:
    """Parse a (possibly titled) name into surname, given names, initials and folded keys."""
    text, _ = strip_titles(name)
    all_tokens = _tokens(text)
    suffix = next((t.suffix for t in all_tokens if t.suffix), "")
    tokens = tuple(t for t in all_tokens if not t.suffix) if suffix else tuple(all_tokens)
    if not tokens:
        return ParsedName(text.strip(), text.strip(), (), "", "", suffix, False, fold(text), "")
    texts = tuple(t.text for t in tokens)
    family_first = _is_family_first(texts)
    start = 1 if family_first else _surname_start(texts)
    surname_tokens = texts[:1] if family_first else texts[start:]
    rest = tokens[1:] if family_first else tokens[:start]
    given, initials, middle, given_keys = _given_part(rest, family_first)
    return ParsedName(
        text=" ".join(texts),
        surname=" ".join(surname_tokens),
        given=given,
        initials=initials,
        middle=middle,
        suffix=suffix,
        family_first=family_first,
        surname_key=_surname_key(surname_tokens),
        first_key=_key(given[0].split("-")[0]) if given else "",
        given_keys=given_keys,
        given_key="".join(given_keys),
    )


@lru_cache(maxsize=262144)
def _surname_key(tokens: tuple[str, ...]) -> str:
    return _fold_tokens(list(tokens), keep_first_article=False).replace(" ", "")


@lru_cache(maxsize=262144)
def _given_part(rest: tuple[_Token, ...], family_first: bool) -> tuple[tuple[str, ...], str, str, tuple[str, ...]]:
    """(given names, initials of all given names, middle initials, folded given keys) of the tokens
    before the surname (after it for family-name-first names)."""
    given = tuple(t.text for t in rest if not t.initials)
    initials = "".join(t.initials or _initial(t.text) for t in rest)
    middle = "".join(t.initials for t in rest[1:]) if given else ""
    keys = (_fold_token("".join(given)),) if family_first else tuple(k for k in map(_key, given) if k)
    return given, initials, middle, keys


GENITIVE_ENDINGS = ("s", "’", "'")


def genitive_base(word: str, known: Container[str]) -> str:
    """``word`` without a genitive ending when that base is a known name ("Junckers" → "Juncker"),
    else ``word`` unchanged."""
    for ending in GENITIVE_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in known:
            return word[: -len(ending)]
    return word


def surname(name: str) -> str:
    """The family name as written: "Sergej Lawrow" -> "Lawrow", "Xi Jinping" -> "Xi",
    "Ursula von der Leyen" -> "von der Leyen", "A. Baerbock" -> "Baerbock"."""
    return parse(name).surname


# --- pairwise scores ------------------------------------------------------------------------------


def _short_aware_ratio(a: str, b: str) -> float:
    """``fuzz.ratio`` of two given-name keys; 0 when the shorter one is short (Jan / Jana, Joe / Jo) or
    when they look like a masculine and a feminine form: only one ends in "a" (Alexander / Alexandra),
    or one is the other plus "e", "ie" or "ine" (Christian / Christiane)."""
    if a == b:
        return 100.0
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < SHORT_KEY or a.endswith("a") != b.endswith("a"):
        return 0.0
    if long.startswith(short) and long[len(short):] in _FEMININE_ENDINGS:
        return 0.0
    return fuzz.ratio(a, b)


def _given_score(a: ParsedName, b: ParsedName) -> float:
    """Given-name score of two full names; 0 when middle initials or suffixes (Jr.) disagree."""
    if a.suffix != b.suffix or not _initials_agree(a.middle, b.middle):
        return 0.0
    if a.family_first or b.family_first:
        return 100.0 if a.given_key == b.given_key else 0.0
    fewer, more = (a.given_keys, b.given_keys) if len(a.given_keys) <= len(b.given_keys) else (b.given_keys, a.given_keys)
    if all(k in more for k in fewer):
        return 100.0  # "Tayyip Erdogan" / "Recep Tayyip Erdoğan"
    return max(_short_aware_ratio(a.first_key, b.first_key), _short_aware_ratio(a.given_key, b.given_key))


def _initials_agree(a: str, b: str) -> bool:
    """Initials fit when one is a prefix of the other ("a" / "a", "jd" / "j"); empty fits anything."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def similarity(a: str, b: str) -> float:
    """Name similarity in [0, 1] on folded keys.

    Full vs full: the lower of the surname and given-name scores (see the module docstring); two full
    names are one person at ``>= GIVEN_MIN / 100`` (= ``SURNAME_MIN / 100`` = 0.8). When either name is
    partial: the surname score, or 0 when initials disagree (partials need a scope to decide, see
    :func:`same_person`).
    """
    pa, pb = parse(a), parse(b)
    surname_score = fuzz.ratio(pa.surname_key, pb.surname_key)
    if pa.is_full and pb.is_full:
        return min(surname_score, _given_score(pa, pb)) / 100
    if not _initials_agree(pa.initials, pb.initials):
        return 0.0
    return surname_score / 100


def same_person(a: str, b: str, scope: Iterable[str] = ()) -> bool:
    """Whether two mentions name one person, judged among the names in ``scope`` (plus ``a`` and ``b``).

    A surname-only mention joins a full name only when that surname belongs to exactly one person in the
    scope: ``same_person("Biden", "Joe Biden")`` is True, but not with ``scope=["Hunter Biden"]``.
    """
    clusters = _cluster([*scope, a, b], {})
    return clusters.label[a] == clusters.label[b]


# --- clustering -----------------------------------------------------------------------------------


class _UnionFind:
    def __init__(self, size: int, pinned: Mapping[int, str]):
        self.parent = list(range(size))
        self.pinned = dict(pinned)  # root -> canonical of a user alias; two pins never merge

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj or (ri in self.pinned and rj in self.pinned):
            return
        if rj < ri:
            ri, rj = rj, ri
        self.parent[rj] = ri
        if rj in self.pinned:
            self.pinned[ri] = self.pinned.pop(rj)


@dataclass
class _Clusters:
    label: dict[str, int]  # input surface form -> cluster label
    canonical: dict[int, str]  # cluster label -> canonical name


def _rank(parsed: ParsedName, count: int) -> tuple:
    """Sort key of a canonical candidate: most complete, most frequent, most tokens, diacritics kept,
    then alphabetical (smallest first)."""
    completeness = 2 if parsed.is_full else 1 if parsed.initials else 0
    non_ascii = sum(not ch.isascii() for ch in parsed.text)
    return (-completeness, -count, -len(parsed.text.split()), -non_ascii, parsed.text)


def _surname_neighbours(keys: list[str]) -> dict[str, dict[str, float]]:
    """For each surname key, the other keys scoring at least ``SURNAME_MIN`` (with their scores).

    Keys are blocked by the sound class of their first letter (so "Ghalibaf" meets "Qalibaf" and
    "Abdollahian" meets "Ebdollahian") and, within a block, only compared with keys of compatible
    length (a ratio of 80 needs the longer key to be at most 1.5 times the shorter), by ``process.cdist``.
    """
    blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in keys:
        blocks[key[:1].translate(_BLOCK_CLASSES), len(key)].append(key)
    neighbours: dict[str, dict[str, float]] = defaultdict(dict)
    for (letter, length), block in blocks.items():
        longer = [k for n in range(length, int(length * 1.5) + 1) for k in blocks.get((letter, n), ())]
        for i, j in _similar_pairs(len(block), len(longer), lambda: [(block, longer, fuzz.ratio)], SURNAME_MIN):
            score = fuzz.ratio(block[i], longer[j])
            if block[i] != longer[j] and score >= SURNAME_MIN:
                neighbours[block[i]][longer[j]] = neighbours[longer[j]][block[i]] = score
    return neighbours


def _similar_pairs(rows: int, columns: int, views: Callable[[], list[tuple[list[str], list[str], Any]]], cutoff: float) -> Iterable[tuple[int, int]]:
    """Index pairs (i, j) of ``rows`` queries and ``columns`` choices where any of ``views()`` (queries,
    choices, scorer) may score at least ``cutoff``: callers verify. Up to ``_DIRECT_PAIRS`` pairs are
    all returned (scoring them directly is cheaper than building the views and a ``cdist`` call)."""
    if rows * columns <= _DIRECT_PAIRS:
        return product(range(rows), range(columns))
    return _cdist_pairs(views(), cutoff)


def _cdist_pairs(views: list[tuple[list[str], list[str], Any]], cutoff: float) -> Iterable[tuple[int, int]]:
    """Pairs scoring at least ``cutoff`` (rounded down by one point) in any view, by ``process.cdist`` over
    chunks of queries to bound memory."""
    for start in range(0, len(views[0][0]), _CHUNK):
        scores = np.maximum.reduce([
            process.cdist(queries[start : start + _CHUNK], choices, scorer=scorer, dtype=np.uint8)
            for queries, choices, scorer in views
        ])
        for i, j in zip(*np.nonzero(scores >= cutoff - 1)):
            yield start + int(i), int(j)


def _full_name_edges(parsed: list[ParsedName], full: list[int], neighbours: Mapping[str, Mapping[str, float]]):
    """Pairs of full names (indices into ``parsed``) that name one person: same or neighbouring surname
    key, and given names that agree."""
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i in full:
        by_surname[parsed[i].surname_key].append(i)
    for key, members in by_surname.items():
        others = [j for other in neighbours.get(key, {}) if other > key for j in by_surname.get(other, ())]
        yield from _given_edges(parsed, members, members + others)


def _given_edges(parsed: list[ParsedName], left: list[int], right: list[int]) -> Iterable[tuple[int, int]]:
    """Pairs ``left[a]``, ``right[b]`` (b > a; ``right`` starts with ``left``) whose given names agree.

    Larger groups get a ``cdist`` prefilter (first given name, all given names, token sets) before
    :func:`_given_score`.
    """
    def views():
        return [
            ([parsed[i].first_key for i in left], [parsed[j].first_key for j in right], fuzz.ratio),
            ([parsed[i].given_key for i in left], [parsed[j].given_key for j in right], fuzz.ratio),
            ([" ".join(parsed[i].given_keys) for i in left], [" ".join(parsed[j].given_keys) for j in right], fuzz.token_set_ratio),
        ]

    for a, b in _similar_pairs(len(left), len(right), views, GIVEN_MIN):
        if b > a and _given_score(parsed[left[a]], parsed[right[b]]) >= GIVEN_MIN:
            yield left[a], right[b]


def _cluster(names: Iterable[str] | Counter[str], aliases: Mapping[str, str]) -> _Clusters:
    counts = names if isinstance(names, Counter) else Counter(n for n in names if isinstance(n, str))
    seeds = sorted(set(aliases.values()))
    forms = sorted(set(counts) | set(seeds))
    index = {form: i for i, form in enumerate(forms)}
    parsed = [parse(form) for form in forms]
    union = _UnionFind(len(forms), {index[s]: s for s in seeds})

    free = range(len(forms))  # forms not pinned by the alias table
    if aliases:
        alias_keys = {fold(strip_titles(alias)[0]): canonical for alias, canonical in aliases.items()}
        seed_set = set(seeds)
        pinned = {i: alias_keys.get(fold(parsed[i].text)) for i in free if forms[i] not in seed_set}
        for i, target in pinned.items():
            if target is not None:
                union.union(index[target], i)
        free = [i for i in free if pinned.get(i) is None]

    full = [i for i in free if parsed[i].is_full]
    partial = [i for i in free if not parsed[i].is_full and parsed[i].surname_key]
    neighbours = _surname_neighbours(sorted({parsed[i].surname_key for i in [*full, *partial]}))
    for i, j in _full_name_edges(parsed, full, neighbours):
        union.union(i, j)
    _join_partials(parsed, partial, full, neighbours, union)

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(forms)):
        members[union.find(i)].append(i)
    text_counts = Counter()  # "Kanzler Merz" and "Merz" count for one candidate "Merz"
    for i, form in enumerate(forms):
        text_counts[parsed[i].text] += counts.get(form, 0)
    canonical = {}
    for root, group in members.items():
        best = group[0] if len(group) == 1 else min(group, key=lambda i: _rank(parsed[i], text_counts[parsed[i].text]))
        canonical[root] = union.pinned.get(root) or parsed[best].text or forms[best]
    return _Clusters({form: union.find(index[form]) for form in counts}, canonical)


def _join_partials(
    parsed: list[ParsedName],
    partial: list[int],
    full: list[int],
    neighbours: Mapping[str, Mapping[str, float]],
    union: _UnionFind,
) -> None:
    """Join each partial name to the one person with its surname, else group partials by surname."""
    persons: dict[str, set[int]] = defaultdict(set)  # surname key -> roots of full-name persons
    initials: dict[int, set[str]] = defaultdict(set)  # root -> initials of its full names
    for i in full:
        root = union.find(i)
        persons[parsed[i].surname_key].add(root)
        initials[root].add(parsed[i].initials)

    def candidates(p: ParsedName, keys: Iterable[str]) -> set[int]:
        roots = {r for k in keys for r in persons.get(k, ())}
        return {r for r in roots if any(_initials_agree(p.initials, x) for x in initials[r])}

    leftovers: dict[str, list[int]] = defaultdict(list)
    for i in partial:
        p = parsed[i]
        found = candidates(p, [p.surname_key])
        if not found and p.surname_key.endswith("s"):
            found = candidates(p, [p.surname_key[:-1]])  # genitive: "Lawrows", "Merz'"
        if not found and len(p.surname_key) >= SHORT_KEY:
            near = neighbours.get(p.surname_key, {})
            found = candidates(p, [k for k, score in near.items() if score >= PARTIAL_MIN])
        if len(found) == 1:
            union.union(found.pop(), i)
        else:
            leftovers[p.surname_key].append(i)
    for group in _related_surnames(leftovers, neighbours):
        _join_unresolved(parsed, group, union)


def _related_surnames(groups: Mapping[str, list[int]], neighbours: Mapping[str, Mapping[str, float]]) -> list[list[int]]:
    """Merge groups whose surname keys differ by a genitive s or score at least ``PARTIAL_MIN``."""
    keys = sorted(groups)
    position = {key: n for n, key in enumerate(keys)}
    merged = _UnionFind(len(keys), {})
    for key in keys:
        related = [k for k, score in neighbours.get(key, {}).items() if score >= PARTIAL_MIN]
        for other in [key[:-1], *related] if key.endswith("s") else related:
            if other in position:
                merged.union(position[key], position[other])
    out: dict[int, list[int]] = defaultdict(list)
    for key in keys:
        out[merged.find(position[key])].extend(groups[key])
    return list(out.values())


def _join_unresolved(parsed: list[ParsedName], group: list[int], union: _UnionFind) -> None:
    """Partials of one surname that joined no full name: one cluster per first initial; bare surnames
    join them only when there is at most one initial."""
    by_initial: dict[str, list[int]] = defaultdict(list)
    for i in group:
        by_initial[parsed[i].initials[:1]].append(i)
    bare = by_initial.pop("", [])
    if len(by_initial) <= 1:
        clusters = [bare + [i for members in by_initial.values() for i in members]]
    else:
        clusters = [bare, *by_initial.values()]
    for members in clusters:
        for i in members[1:]:
            union.union(members[0], i)


def canonicalize(names: Iterable[str] | Counter[str], aliases: Mapping[str, str] | None = None) -> dict[str, str]:
    """Map every input surface form to its cluster's canonical name.

    The canonical name is the most complete form (full name > initials > surname only), then the most
    frequent, then the one with most tokens, then the one keeping diacritics (Erdoğan over Erdogan),
    then the alphabetically first; titles are stripped from it. Forms that differ only by titles count
    together. ``names`` may repeat forms or be a ``Counter`` of forms. ``aliases`` (alias -> canonical)
    pins each alias (compared by folded key) to its canonical name, which then names the cluster; two
    alias canonicals are never merged.
    """
    clusters = _cluster(names, aliases or {})
    return {form: clusters.canonical[label] for form, label in clusters.label.items()}


# --- batch registry -------------------------------------------------------------------------------


def read_alias_table(source: str | Path | Any) -> list[tuple[str, str, str | None]]:
    """Rows (alias, canonical, qid or None) of a CSV/TSV file or a DataFrame with columns ``alias``,
    ``canonical`` and optionally ``qid``."""
    import pandas as pd

    if isinstance(source, (str, Path)):
        frame = pd.read_csv(source, sep=None, engine="python", dtype=str, keep_default_na=False)
    else:
        frame = pd.DataFrame(source).fillna("").astype(str)
    missing = {"alias", "canonical"} - set(frame.columns)
    if missing:
        raise ValueError(f"alias table lacks columns: {sorted(missing)}")
    qids = frame["qid"] if "qid" in frame.columns else [""] * len(frame)
    return [
        (alias.strip(), canonical.strip(), (qid or "").strip() or None)
        for alias, canonical, qid in zip(frame["alias"], frame["canonical"], qids)
        if alias.strip() and canonical.strip()
    ]


def person_id(canonical: str) -> str:
    """Stable id derived from the folded canonical name ("p" + 12 hex digits)."""
    p = parse(canonical)
    return "p" + hashlib.blake2b(p.key.encode(), digest_size=6).hexdigest()


class NameRegistry:
    """Accumulates person names over many articles; every canonical person gets a stable ``person_id``.

    Results depend only on the multiset of names added (not on the order or the worker that added
    them): ``person_id`` is the alias table's QID when it gives one, else :func:`person_id` of the
    canonical name.
    """

    def __init__(self, aliases: str | Path | Any | None = None):
        self._counts: Counter[str] = Counter()
        self._aliases: dict[str, str] = {}
        self._qids: dict[str, str] = {}
        self._resolved: dict[str, str] | None = None
        if aliases is not None:
            self.load_aliases(aliases)

    def load_aliases(self, source: str | Path | Any) -> None:
        """Add a user alias table (path to CSV/TSV or DataFrame: alias, canonical, optional qid)."""
        for alias, canonical, qid in read_alias_table(source):
            self._aliases[alias] = canonical
            if qid:
                self._qids[canonical] = qid
        self._resolved = None

    def add(self, names: Iterable[str]) -> None:
        """Count the names of one article (or any batch)."""
        self._counts.update(n for n in names if isinstance(n, str) and n.strip())
        self._resolved = None

    def update(self, other: NameRegistry) -> None:
        """Merge another registry's counts and aliases (e.g. from a worker process)."""
        self._counts.update(other._counts)
        self._aliases.update(other._aliases)
        self._qids.update(other._qids)
        self._resolved = None

    def resolve(self) -> dict[str, str]:
        """Every name added so far -> its canonical name."""
        if self._resolved is None:
            self._resolved = canonicalize(self._counts, self._aliases)
        return self._resolved

    def canonical(self, name: str) -> str:
        """The canonical name of an added name (names not added are canonicalized alone)."""
        resolved = self.resolve()
        return resolved[name] if name in resolved else canonicalize([name], self._aliases)[name]

    def person_id(self, name: str) -> str:
        """The stable id of the person an added name refers to."""
        canonical = self.canonical(name)
        return self._qids.get(canonical) or person_id(canonical)

    def people(self) -> dict[str, dict[str, Any]]:
        """person_id -> {"name": canonical, "aliases": sorted surface forms, "qid": QID or None}."""
        out: dict[str, dict[str, Any]] = {}
        for form, canonical in sorted(self.resolve().items()):
            pid = self._qids.get(canonical) or person_id(canonical)
            entry = out.setdefault(pid, {"name": canonical, "aliases": [], "qid": self._qids.get(canonical)})
            entry["aliases"].append(form)
        return out
