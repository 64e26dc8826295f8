"""Pure look-ups over the place, organisation and nationality lexicons.

All tables come from data files in ``diplomex/resources/`` (see :mod:`diplomex.lexicons`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicons

ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


@dataclass(frozen=True)
class Place:
    """A known place: its base form as listed, its kind and its country (ISO 3166-1 alpha-2)."""

    name: str
    kind: str  # country | city | region
    country: str | None


def _variants(row: tuple[str, ...], name: int, variants: int) -> list[str]:
    """The name in column ``name`` and the |-separated variants in column ``variants``."""
    names = [row[name]]
    if len(row) > variants and row[variants]:
        names += [v for v in row[variants].split("|") if v]
    return names


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Every place name and variant (base form) mapped to its Place; cities win over regions."""
    table: dict[str, Place] = {}
    for row in lexicons.table("regions.tsv"):
        for name in _variants(row, 0, 2):
            table[name] = Place(name, "region", row[1] or None)
    for row in lexicons.table("cities.tsv"):
        for name in _variants(row, 0, 2):
            table[name] = Place(name, "city", row[1])
    for row in lexicons.table("countries.tsv"):
        for name in _variants(row, 1, 2):
            table[name] = Place(name, "country", row[0])
    return table


@lru_cache(maxsize=1)
def organisations() -> dict[str, str]:
    """Every organisation name and variant mapped to its short name (EU, NATO, UN, …)."""
    table: dict[str, str] = {}
    for row in lexicons.table("organisations.tsv"):
        names = [row[0]] + ([v for v in row[2].split("|") if v] if len(row) > 2 else [])
        for name in names:
            table[name] = row[0]
    return table


@lru_cache(maxsize=1)
def organisation_kinds() -> dict[str, str]:
    """Organisation short name → kind (intergovernmental, government_body, party, ngo, …)."""
    return {row[0]: row[1] for row in lexicons.table("organisations.tsv") if len(row) > 1}


INFLECTION_ENDING = re.compile(r"(?:es|en|em|er|e|s|n|’|')$")


@lru_cache(maxsize=1)
def organisation_countries() -> dict[str, str]:
    """Short name of a national organisation → its country (ISO 3166-1 alpha-2): "Auswärtiges Amt" → DE,
    "Kreml" → RU. International bodies (EU, UN, …) and non-state groups are not listed."""
    return {row[0]: row[3] for row in lexicons.table("organisations.tsv") if len(row) > 3 and row[3]}


def country_of_organisation(text: str) -> str | None:
    """The country of the national organisation named by ``text`` in any case or variant
    ("Auswärtigen Amtes" → DE, "Weißen Haus" → US, "Élysée-Palast" → FR), else None."""
    short = lookup_organisation(text)
    return organisation_countries().get(short) if short else None


@lru_cache(maxsize=65536)
def inflection_key(text: str) -> str:
    """A key equal for the inflected forms of a name: "Europäischen Rates" ~ "Europäischer Rat"."""
    return " ".join(INFLECTION_ENDING.sub("", word.lower()) or word.lower() for word in text.split())


@lru_cache(maxsize=2)
def _by_inflection_key(kind: str) -> dict[str, str]:
    names = places() if kind == "place" else organisations()
    keys: dict[str, str] = {}
    for name in sorted(names, key=len):
        keys.setdefault(inflection_key(name), name)
    return keys


APOSTROPHES = str.maketrans("’′ʼ´`", "'" * 5)  # apostrophe look-alikes: "L′Aquila", "Paris’"


def base_form(text: str, kind: str) -> str | None:
    """The listed base form of a place (kind "place") or organisation ("organisation") name as
    written in any case (Russlands → Russland, Vereinigten Staaten → Vereinigte Staaten)."""
    names = places() if kind == "place" else organisations()
    text = text.translate(APOSTROPHES)
    for ending in ("", "s", "es", "n", "'"):
        if text.endswith(ending) and text[: len(text) - len(ending)] in names:
            return text[: len(text) - len(ending)]
    if " " not in text:
        return None
    return _by_inflection_key(kind).get(inflection_key(text))


@lru_cache(maxsize=65536)
def lookup_place(text: str) -> Place | None:
    """The Place named by ``text`` in any case, or None."""
    base = base_form(text, "place")
    return places()[base] if base else None


@lru_cache(maxsize=65536)
def lookup_organisation(text: str) -> str | None:
    """Short name of the organisation named by ``text`` in any case, or None."""
    base = base_form(text, "organisation")
    return organisations()[base] if base else None


@lru_cache(maxsize=1)
def _demonym_stems() -> dict[str, str]:
    return {stem.lower(): iso for stem, iso in lexicons.mapping("demonyms.tsv").items()}


@lru_cache(maxsize=1)
def _inhabitants() -> dict[str, str]:
    return dict(lexicons.mapping("inhabitants.tsv"))


def country_of_adjective(word: str) -> str | None:
    """ISO code of a nationality adjective in any inflection ("russischen" → RU, also with a
    hyphen the lexicon does not list: "ost-timoresischen" → TL), else None."""
    lower = word.lower()
    found = _adjective_stem_country(lower)
    if found is None and "-" in lower:
        found = _adjective_stem_country(lower.replace("-", ""))
    return found


def _adjective_stem_country(lower: str) -> str | None:
    stems = _demonym_stems()
    for ending in ADJECTIVE_ENDINGS:
        if ending and not lower.endswith(ending):
            continue
        stem = lower[: len(lower) - len(ending)] if ending else lower
        if stem in stems:
            return stems[stem]
    return None


def country_of_inhabitant(word: str) -> str | None:
    """ISO code of an inhabitant noun ("Russen" → RU), else None."""
    return _inhabitants().get(word)


def country_of_prefix(word: str) -> str | None:
    """Country or organisation of a compound's prefix ("US-Außenminister" → US, "Nato-Chef" → NATO,
    "G-20-Gipfel" → G20)."""
    if "-" not in word:
        return None
    prefix, tail = word.rsplit("-", 1)
    if not tail[:1].isupper():
        return None
    place = lookup_place(prefix)
    if place and place.kind == "country":
        return place.country
    return organisations().get(prefix) or organisations().get(prefix.upper()) or country_of_adjective(prefix)


def affiliation(word: str) -> str | None:
    """Country/organisation a single word points to: a name, prefix, adjective or inhabitant noun."""
    place = lookup_place(word)
    if place and place.kind == "country":
        return place.country
    return (
        lookup_organisation(word)
        or country_of_prefix(word)
        or country_of_adjective(word)
        or country_of_inhabitant(word)
    )
