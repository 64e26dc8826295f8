"""``diplomex_lexicon``: the rule and gazetteer layer over (or instead of) a statistical NER.

- Places (countries, cities, regions) and organisations from the gazetteers become LOC/ORG
  entities where the NER left a gap; an NER entity that is exactly a gazetteer name is relabelled.
- Persons: "ROLE Name" ("US-Außenminister Marco Rubio"), "Name, ROLE" appositions, known office
  holders, and later mentions of a person's surname become PER entities; NER persons that start
  with a title are trimmed to the name.
- Each PER entity gets ``_.role`` (title as written, normalised to the nominative), ``_.country``
  (ISO 3166-1 alpha-2 or organisation short name), ``_.lead`` (leads a delegation) and
  ``_.known_as`` (the full name of a listed office holder named by surname only).
- Role phrases go to ``doc.spans["diplomex_roles"]``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import numpy
import spacy_lookups_data
import srsly

from spacy.attrs import SENT_START, SPACY
from spacy.lang.de.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .. import gazetteer, lexicons
from ..names import genitive_base, surname
from ..tokentexts import token_texts

NAME_PARTICLES = frozenset({"von", "van", "de", "der", "del", "da", "di", "al", "el", "bin", "ibn", "abu", "la", "le", "dos", "du"})
DETERMINERS = frozenset({
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "sein", "seine", "seiner", "seines", "seinem", "seinen", "ihr", "ihre", "ihrer", "ihres", "ihrem", "ihren",
    "dessen", "deren",
})
ADJECTIVE = re.compile(r"^[a-zäöüß][a-zäöüß-]*(?:e|er|en|es|em)$|^[A-Z]{2,4}-[a-zäöüß]+(?:e|er|en|es|em)$")
MAX_NAME_TOKENS = 5
MAX_PLACE_TOKENS = 5
LEAD_VERBS = frozenset({"geleitet", "angeführt", "geführt", "leitete", "leitet", "führte", "führt", "anführte"})


def _register_extensions() -> None:
    for attr in ("role", "country"):
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=None)
    if not Span.has_extension("lead"):
        Span.set_extension("lead", default=False)
    if not Span.has_extension("known_as"):
        # Full name of a listed office holder mentioned by surname ("Trump" → "Donald Trump").
        Span.set_extension("known_as", default=None)


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """The listed role nouns, each also in Swiss spelling ("Aussenminister" for "Außenminister")."""
    roles = lexicons.lines("roles.txt")
    return frozenset(roles) | {role.replace("ß", "ss") for role in roles}


@lru_cache(maxsize=1)
def office_holders() -> dict[str, str]:
    """Full name and unambiguous surname of each listed office holder → the full name (its country
    by year: :func:`holder_country`)."""
    table = {name: name for name in _tenures()}
    by_surname: dict[str, set[str]] = {}
    for name in _tenures():
        by_surname.setdefault(surname(name), set()).add(name)
    for last, names in by_surname.items():
        if len(names) == 1 and len(last) >= 3 and last.lower() not in STOP_WORDS and last not in table:
            table[last] = next(iter(names))
    return table


@lru_cache(maxsize=1)
def _tenures() -> dict[str, list[tuple[int, int, str, str]]]:
    """Full name of each listed office holder → (first year, last year, country, role) of each office, in order."""
    tenures: dict[str, list[tuple[int, int, str, str]]] = {}
    for name, country, role, first, last, *_ in lexicons.table("office_holders.tsv"):
        tenures.setdefault(name, []).append((int(first or 0), int(last or 9999), country, role))
    return {name: sorted(offices) for name, offices in tenures.items()}


def _office(full_name: str, year: int | None) -> tuple[int, int, str, str] | None:
    """The office a listed holder held in ``year``, else the latest listed one."""
    tenures = _tenures().get(full_name, [])
    current = [office for office in tenures if year is not None and office[0] <= year <= office[1]]
    return current[-1] if current else (tenures[-1] if tenures else None)


def holder_country(full_name: str, year: int | None) -> str | None:
    """The country (or organisation) an office holder served in ``year``, else in the latest listed
    office: Kaja Kallas is EE as prime minister until 2024 and EU as High Representative since."""
    office = _office(full_name, year)
    return office[2] if office else None


def holder_role(full_name: str, year: int | None) -> str | None:
    """The role (German title) of an office holder in ``year``, else in the latest listed office."""
    office = _office(full_name, year)
    return office[3] if office else None


@lru_cache(maxsize=1)
def _holder_index() -> tuple[int, frozenset[str]]:
    """(most words in an office holder's name, first words of the names)."""
    names = [k for k in office_holders() if k.strip()]
    return max((len(k.split()) for k in names), default=1), frozenset(k.split()[0] for k in names)


@lru_cache(maxsize=65536)
def role_base(word: str) -> str | None:
    """The role noun a token names, ignoring inflection and compound prefixes, or None.

    "Präsidenten" → "Präsident", "US-Außenministerin" → "Außenministerin",
    "Außenamtssprecher" → "Sprecher" (a listed role as the compound's head).
    """
    roles = role_nouns()
    tail = word.rsplit("-", 1)[-1]
    for candidate in (tail, tail[:-1] if tail.endswith("n") else None, tail[:-2] if tail.endswith("en") else None,
                      tail[:-1] if tail.endswith("s") else None):
        if candidate and candidate in roles:
            return candidate
    if len(tail) > 6 and tail[:1].isupper():
        for size in range(len(tail) - 4, 3, -1):
            head = tail[-size:].capitalize()
            if head in roles and head.lower() not in {"chef", "führer", "leiter"}:
                return head
    return None


@lru_cache(maxsize=65536)
def is_role_word(word: str) -> bool:
    """A capitalised word naming a listed role ("Präsidenten", "US-Außenministerin")."""
    return word[:1].isupper() and role_base(word) is not None


def is_role(token: Token) -> bool:
    return is_role_word(token.text)


def looks_like_name(token: Token) -> bool:
    """A capitalised word that can be part of a person's name."""
    text = token.text
    if not text[:1].isupper() or not any(c.isalpha() for c in text) or is_role(token):
        return False
    if text.isupper() and len(text) > 1 and "-" not in text:
        return False
    return gazetteer.lookup_place(text) is None and gazetteer.lookup_organisation(text) is None


@lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    """German word → lemma from spacy-lookups-data, as a plain dict (a spaCy Table hashes every
    key on load and takes several times as long)."""
    return srsly.read_gzip_json(spacy_lookups_data.get_file("de_lemma_lookup.json.gz"))


@lru_cache(maxsize=1)
def _noun_base_forms() -> frozenset[str]:
    """Capitalised lemmas of the lemma table with an inflected form other than the genitive
    ("Trainer" ← "Trainern"); a lemma inflected only with -s is mostly a name ("Merkel" ← "Merkels")."""
    return frozenset(
        lemma for word, lemma in _lemma_table().items()
        if lemma[:1].isupper() and word.lower() != lemma.lower() and word not in (lemma + "s", lemma + "es", lemma + "'s", lemma + "’s")
    )


def is_common_noun(word: str, base_forms: bool = True) -> bool:
    """A capitalised noun of the German lookup lemma table (spacy-lookups-data), inflected
    ("Gespräche") or, with ``base_forms``, as base form ("Trainer"): a noun, not a name."""
    return word[:1].isupper() and (word in _lemma_table() or (base_forms and word in _noun_base_forms()))


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """German function words (articles, prepositions, conjunctions, auxiliaries), lower case."""
    return frozenset(word for language, word in lexicons.table("lang_function_words.tsv") if language == "de")


def ends_name(token: Token) -> bool:
    """A token that cannot continue a name: a sentence start or a capitalised function word
    ("Peter Hartz. Durch …", "Nach")."""
    return bool(token.is_sent_start) or (token.text[:1].isupper() and token.lower_ in function_words())


@lru_cache(maxsize=65536)
def is_adjective(word: str) -> bool:
    """An inflected adjective before a title ("stellvertretende", "russischen", "US-amerikanische"),
    told from verbs of the same shape ("landete") by the lemma table."""
    if not ADJECTIVE.match(word) or word.lower() in STOP_WORDS:
        return False
    if gazetteer.country_of_adjective(word):
        return True
    lemma = _lemma_table().get(word)
    if lemma is None:
        return word.endswith(("ierte", "ierten")) or not word.endswith(("te", "ten"))
    return not lemma.endswith(("en", "ern", "eln"))


def trim_common_nouns(span: Span) -> Span | None:
    """Cut nouns off the end of a name candidate ("Rubio Gespräche" → "Rubio"); None if nothing is left."""
    end = span.end
    floor = span.start + 2 if len(span) >= 2 and span[0].text in first_names() else span.start  # "Tiago Reis"
    while end > floor and (is_common_noun(span.doc[end - 1].text) or (end - 1 > span.start and is_noun_like(span.doc[end - 1]))):
        end -= 1
    return span.doc[span.start : end] if end > span.start else None


def _is_city_as_surname(token: Token) -> bool:
    """A city name that continues a person's name ("Paulo Ferreira Lima"); countries never do."""
    place = gazetteer.lookup_place(token.text)
    return place is not None and place.kind == "city" and token.text == place.name


def particle_joins(particle: str, name_words: int) -> bool:
    """Whether a lower-case surname particle may continue a name of ``name_words`` words: a German
    preposition ("von", "zu") only after a lone given name ("Karl von Habsburg", not "Peter Müller
    von Siemens"); others ("van", "da", "bin") always."""
    return name_words == 1 or particle not in function_words()


def name_after(doc: Doc, start: int, first_name: bool = False) -> Span | None:
    """The person name that starts at token ``start`` (capitalised words and particles), or None.
    With ``first_name``, the first word is a listed first name even where it also names a city
    ("Milan Horvat", "Santiago Peña")."""
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS:
        token = doc[end]
        if end > start and ends_name(token):
            break
        if looks_like_name(token) or (end > start and _is_city_as_surname(token)) or (first_name and end == start):
            end += 1
        elif (token.lower_ in NAME_PARTICLES and end > start and end + 1 < len(doc) and looks_like_name(doc[end + 1])
              and particle_joins(token.lower_, end - start)):
            end += 1
        else:
            break
    return trim_common_nouns(doc[start:end]) if end > start else None


def role_phrase_before(doc: Doc, name_start: int) -> Span | None:
    """The role phrase ending right before a name: "sein russischer Amtskollege", "US-Außenminister"."""
    head = name_start - 1
    if head < 0 or not is_role(doc[head]):
        return None
    start = head
    while start > 0 and is_adjective(doc[start - 1].text) and doc[start - 1].lower_ not in DETERMINERS:
        start -= 1
    return doc[start : head + 1]


def _genitive_country(word: str) -> str | None:
    """The country a genitive country name names ("Frankreichs" → FR), else None."""
    if not word.endswith(("s", "’", "'")):
        return None
    place = gazetteer.lookup_place(word)
    return place.country if place is not None and place.kind == "country" and place.name != word else None


NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "ium", "ion", "tät", "amt", "rat", "rates", "büro", "stab")


MIN_COMPOUND_HEAD = 6


def is_noun_like(token: Token, base_forms: bool = True) -> bool:
    """A capitalised common noun, also a compound whose head is one ("Nordatlantik-Abteilung",
    "Pressemedien"; heads of six letters or more, so "-berg" or "-mann" names are spared).
    ``base_forms`` as in :func:`is_common_noun`."""
    return is_noun_like_word(token.text, base_forms)


@lru_cache(maxsize=65536)
def is_noun_like_word(word: str, base_forms: bool = True) -> bool:
    """:func:`is_noun_like` of a token text."""
    tail = word.rsplit("-", 1)[-1]
    if not tail[:1].isupper():
        return False
    if is_common_noun(word, base_forms) or is_common_noun(tail, base_forms) or tail.lower().endswith(NOUN_ENDINGS):
        return True
    return any(is_common_noun(tail[-size:].capitalize(), base_forms) for size in range(MIN_COMPOUND_HEAD, len(tail) - 2))


def _named_phrase_end(doc: Doc, start: int) -> int | None:
    """End of a place or organisation name (up to 4 tokens, any case) starting at ``start``."""
    for size in range(min(4, len(doc) - start), 0, -1):
        text = doc[start : start + size].text
        if gazetteer.lookup_organisation(text) or gazetteer.lookup_place(text):
            return start + size
    return None


def role_phrase_after(doc: Doc, start: int) -> Span | None:
    """A role phrase starting at ``start`` with its complements, as in an apposition:
    "stellvertretende Staatssekretärin für Russland und Mitteleuropa", "Präsident des Europäischen Rates"."""
    i = start
    while i < len(doc) and (doc[i].lower_ in DETERMINERS or is_adjective(doc[i].text)) and not is_role(doc[i]):
        i += 1
    if i >= len(doc) or not is_role(doc[i]):
        return None
    begin = start
    while begin < i and doc[begin].lower_ in DETERMINERS:
        begin += 1
    end = i + 1
    if end < len(doc) and doc[end].text.endswith("s"):  # a bare genitive: "Außenminister Norwegens"
        end = _named_phrase_end(doc, end) or end
    while end + 1 < len(doc) and doc[end].lower_ in {"des", "der", "für", "von", "vom", "im", "und"}:
        nxt = end + 1
        while nxt < len(doc) and doc[nxt].lower_ in DETERMINERS | {"des", "der"}:
            nxt += 1
        named_end = _named_phrase_end(doc, nxt) if nxt < len(doc) else None
        if named_end is not None:
            end = named_end
            continue
        while nxt < len(doc) and is_adjective(doc[nxt].text):
            nxt += 1
        if nxt < len(doc) and is_noun_like(doc[nxt]) and not is_role(doc[nxt]):
            end = nxt + 1
            continue
        break
    return doc[begin:end]


def _opens_role_phrase(word: str) -> bool:
    """Whether a role phrase (:func:`role_phrase_after`) can start with ``word``: a determiner, an
    adjective or the role itself (a cheap test on the text before the phrase is read from the Doc)."""
    return word.lower() in DETERMINERS or is_adjective(word) or is_role_word(word)


def nominative_role(span: Span) -> str:
    """The role as written, in the nominative: "dem türkischen Präsidenten" → "türkischer Präsident"."""
    words = [t for t in span if t.lower_ not in DETERMINERS]
    head_index = next((i for i, t in enumerate(words) if is_role(t)), None)
    if head_index is None:
        return span.text
    head = words[head_index]
    base = role_base(head.text) or head.text
    prefix = head.text[: len(head.text) - len(head.text.rsplit("-", 1)[-1])]
    feminine = base.endswith("in") or base.endswith("e")
    adjectives = []
    for token in words[:head_index]:
        stem = re.sub(r"(en|em|er|es|e)$", "", token.text)
        adjectives.append(stem + ("e" if feminine else "er"))
    rest = span.doc[head.i + 1 : span.end].text if head.i + 1 < span.end else ""
    return " ".join(part for part in (" ".join(adjectives), prefix + base, rest) if part)


def role_country(span: Span) -> str | None:
    """The country or organisation a role phrase names ("US-Außenminister", "türkischer Präsident",
    "Präsident des Europäischen Rates"); complements with "für" name a portfolio, not a country."""
    for token in span:
        if token.lower_ == "für":
            break
        country = gazetteer.country_of_prefix(token.text) or gazetteer.country_of_adjective(token.text)
        if country:
            return country
    for token in span:  # a country in the genitive: "Frankreichs Präsident", "Außenminister Norwegens"
        if token.lower_ == "für":
            break
        if _genitive_country(token.text):
            return _genitive_country(token.text)
    text = span.text
    for marker in (" des ", " der "):
        if marker in text:
            tail = text.split(marker, 1)[1].split(" für ")[0]
            for size in range(len(tail.split()), 0, -1):
                org = gazetteer.lookup_organisation(" ".join(tail.split()[:size]))
                if org:
                    return org
    return None


@lru_cache(maxsize=1)
def _multiword_starts() -> frozenset[str]:
    """Inflection keys of the first words of multi-word place and organisation names."""
    names = list(gazetteer.places()) + list(gazetteer.organisations())
    return frozenset(gazetteer.inflection_key(n.split()[0].rstrip(",.")) for n in names if " " in n)


@lru_cache(maxsize=65536)
def _place_tokens(word: str) -> int:
    """How many tokens a place or organisation name starting with ``word`` may have (0: none starts
    with it, it is not capitalised)."""
    if not word[:1].isupper():
        return 0
    return MAX_PLACE_TOKENS if gazetteer.inflection_key(word) in _multiword_starts() else 1


def _words_and_spaces(doc: Doc) -> tuple[list[str], list[str]]:
    """Token texts and trailing whitespace of a Doc, read from its arrays (no Token objects)."""
    return token_texts(doc), [" " if space else "" for space in doc.to_array(SPACY).tolist()]


def phrases(words: list[str], spaces: list[str], start: int, longest: int) -> list[str]:
    """The texts of the token runs from ``start`` of 1 to ``longest`` tokens (``words`` and
    ``spaces``: token texts and their trailing whitespace), each built from the one before."""
    texts = [words[start]]
    for k in range(start + 1, min(start + longest, len(words))):
        texts.append(texts[-1] + spaces[k - 1] + words[k])
    return texts


def _place_entities(doc: Doc, words: list[str], spaces: list[str], capitalised: list[int]) -> list[Span]:
    """Gazetteer places (LOC) and organisations (ORG), longest match first (``words`` and
    ``spaces``: the Doc's token texts and whitespace; ``capitalised``: the indices of the words
    that can start a name)."""
    found: list[Span] = []
    end = 0  # of the last match
    for i in capitalised:
        longest = _place_tokens(words[i])
        if i < end or not longest:
            continue
        texts = phrases(words, spaces, i, longest) if longest > 1 else [words[i]]
        for size in range(len(texts), 0, -1):
            label = gazetteer_label(texts[size - 1])
            if label:
                found.append(Span(doc, i, i + size, label=label))
                end = i + size
                break
    return found


@lru_cache(maxsize=65536)
@lru_cache(maxsize=1)
def _surname_particles() -> tuple[frozenset[str], frozenset[str]]:
    """(particles that join a surname to a given name: "von", "van", "da", "bin" …; articles that only
    continue a chain: "der" in "von der")."""
    rows = [row for row in lexicons.table("name_particles.txt") if not row[0].endswith("-")]
    articles = frozenset(row[0] for row in rows if "article" in row[1:])
    return frozenset(row[0] for row in rows) - articles, articles


def _with_surname_particles(ent: Span, words: list[str]) -> Span:
    """A person the NER cut before lower-case surname particles ("Ursula" | "von der Leyen", "Lula"
    | "da Silva") runs on through them to the surname; not to a place, organisation, title or noun
    ("Olaf Scholz von der SPD"), and through a German preposition only from a lone given name."""
    if ent.label_ != "PER":
        return ent
    joining, articles = _surname_particles()
    end = ent.end
    if end >= len(words) or words[end] not in joining or not particle_joins(words[end], len(ent)):
        return ent
    end += 1
    while end < len(words) and words[end] in articles:
        end += 1
    surname = words[end] if end < len(words) else ""
    if (not surname[:1].isupper() or surname.isupper() or is_role_word(surname) or is_noun_like_word(surname)
            or gazetteer_label(surname) or ent.doc[end].ent_type_ not in ("", "PER")):
        return ent
    return Span(ent.doc, ent.start, end + 1, label="PER")


_REGNAL = re.compile(r"[IVX]{1,5}\.?")


def _with_regnal_number(ent: Span, words: list[str]) -> Span:
    """A person the NER cut before a regnal number ("Benedikt" | "XVI.") runs on through it and its period."""
    end = ent.end
    if ent.label_ != "PER" or end >= len(words) or not _REGNAL.fullmatch(words[end]) or _REGNAL.fullmatch(words[end - 1]):
        return ent
    end += 1 + (not words[end].endswith(".") and end + 1 < len(words) and words[end + 1] == ".")
    return Span(ent.doc, ent.start, end, label="PER")


@lru_cache(maxsize=65536)
def gazetteer_label(text: str) -> str | None:
    """"LOC" for a listed place, "ORG" for a listed organisation (places first), else None."""
    if gazetteer.lookup_place(text):
        return "LOC"
    return "ORG" if gazetteer.lookup_organisation(text) else None


PLACE_PREPOSITIONS = frozenset({"in", "im", "nach", "aus", "von", "vom", "bei", "über", "um", "bis", "zwischen"})


def _first_name_not_place(doc: Doc, i: int) -> bool:
    """A listed first name that also names a city or region ("Milan", "Riad") is a first name
    unless a place preposition comes before it ("in Riad") or it names a country."""
    place = gazetteer.lookup_place(doc[i].text)
    if place is not None and place.kind == "country":
        return False
    return i == 0 or doc[i - 1].lower_ not in PLACE_PREPOSITIONS


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return frozenset(lexicons.lines("first_names.txt"))


PERSON_RULE_MARKS = frozenset({"(", ","})


def _person_candidates(doc: Doc, words: list[str], capitalised: list[int]) -> list[Span]:
    """PER spans from title patterns ("ROLE Name", "ROLE …, Name," and "Name, ROLE …") and from
    a known first name followed by a name ("Boris Tadić"); ``words``: the Doc's token texts,
    ``capitalised``: the indices of those that can start a name (first names and roles do)."""
    found: list[Span] = []
    names = first_names()
    heads = [i for i in capitalised if words[i] in names or is_role_word(words[i])]
    marks = [i for i, word in enumerate(words) if word in PERSON_RULE_MARKS]
    for i in sorted(heads + marks):
        if i == len(words) - 1:
            break
        word = words[i]
        if word in names and (i == 0 or not is_role_word(words[i - 1])):
            name = name_after(doc, i, first_name=_first_name_not_place(doc, i))
            if name is not None and len(name) > 1:
                found.append(name)
        elif is_role_word(word):
            name = name_after(doc, i + 1, first_name=words[i + 1] in names)
            if name is not None:
                found.append(name)
                continue
            phrase = role_phrase_after(doc, i)
            if phrase is not None and phrase.end + 1 < len(doc) and words[phrase.end] == ",":
                found += _coordinated_names(doc, phrase.end + 1)
        elif word == "(" and i >= 2 and country_after_name(doc, i):
            name = _name_before(doc, i)
            if name is not None:
                found.append(name)  # "Bharrat Jagdeo (Guyana)"
        elif word == "," and i >= 2 and _opens_role_phrase(words[i + 1]) and role_phrase_after(doc, i + 1) is not None:
            start = i
            while start > 0 and i - start < 4 and looks_like_name(doc[start - 1]) and not doc[start - 1].is_sent_start:
                start -= 1
            while start < i and is_common_noun(words[start]):
                start += 1
            if i - start >= 2:
                found.append(doc[start:i])
    return found


def _name_before(doc: Doc, end: int) -> Span | None:
    """Two to four capitalised name words (no common nouns, no sentence start) ending before ``end``."""
    start = end
    while start > 0 and end - start < 4 and looks_like_name(doc[start - 1]) and not is_noun_like(doc[start - 1]):
        start -= 1
        if doc[start].is_sent_start:
            break
    while start < end and (doc[start].is_sent_start and is_common_noun(doc[start].text)):
        start += 1
    return doc[start:end] if end - start >= 2 else None


def _is_first_name_before(doc: Doc, i: int) -> bool:
    """Token i-1 looks like a first name in front of the surname at i."""
    if i == 0 or doc[i].is_sent_start:
        return False
    before = doc[i - 1]
    return looks_like_name(before) and not is_noun_like(before) and not before.is_sent_start


def _coordinated_names(doc: Doc, start: int) -> list[Span]:
    """Names set off by commas after a title: ", Lars Eide und Camila Soto," (all or nothing)."""
    names = []
    position = start
    while position < len(doc):
        name = name_after(doc, position)
        if name is None:
            return []
        names.append(name)
        if name.end < len(doc) and doc[name.end].lower_ == "und":
            position = name.end + 1
            continue
        return names if name.end >= len(doc) or doc[name.end].is_punct else []
    return []


def _apposition_role(doc: Doc, person: Span) -> Span | None:
    """The role in an apposition after the name: "Sonata Coulter, stellvertretende Staatssekretärin …"."""
    if person.end + 1 < len(doc) and doc[person.end].text == ",":
        return role_phrase_after(doc, person.end + 1)
    return None


def _preceding_apposition_role(doc: Doc, person: Span, before: Span | None, words: list[str], sentence_start: int) -> Span | None:
    """The role before the name, set off by a comma: "Der Präsident des Europäischen Rates, António Costa"
    (``before``: the role phrase right before the name, ``words``: the Doc's token texts, ``sentence_start``:
    the first token of the person's sentence)."""
    anchor = before.start if before is not None else person.start
    if anchor < 2 or words[anchor - 1] != ",":
        return None
    for start in range(anchor - 2, max(sentence_start, anchor - 12) - 1, -1):
        if words[start] in {",", ";", ":"}:
            break
        if is_role_word(words[start]) and (start == sentence_start or words[start - 1].lower() in DETERMINERS | {"vom", "von", "zum", "beim", "mit"} or is_adjective(words[start - 1])):
            phrase = role_phrase_after(doc, start)
            if phrase is not None and phrase.end == anchor - 1:
                return phrase
    return None


def _country_name_at(doc: Doc, start: int) -> tuple[str | None, int]:
    """The country named at token ``start`` (up to 4 tokens) and the index after it."""
    for size in range(min(4, len(doc) - start), 0, -1):
        place = gazetteer.lookup_place(doc[start : start + size].text)
        if place is not None and place.kind == "country":
            return place.country, start + size
    return None, start


def country_after_name(doc: Doc, end: int) -> str | None:
    """The country given right after a name: "Michelle Bachelet (Chile)", "Ronald Venetiaan aus Suriname"."""
    if end + 1 >= len(doc):
        return None
    if doc[end].text == "(":
        country, after = _country_name_at(doc, end + 1)
        return country if after < len(doc) and doc[after].text == ")" else None
    if doc[end].lower_ == "aus":
        return _country_name_at(doc, end + 1)[0]
    return None


def _delegation_country(doc: Doc, person: Span, words: list[str], sentence: tuple[int, int]) -> str | None:
    """Country of the delegation a person leads: "die US-Delegation wurde von X geleitet"
    (``words``: the Doc's token texts, ``sentence``: the token bounds of the person's sentence)."""
    if LEAD_VERBS.isdisjoint(words[sentence[0] : sentence[1]]):
        return None
    for token in reversed(doc[sentence[0] : person.start]):
        if token.text.endswith("Delegation") or token.text.endswith("Delegationen"):
            country = gazetteer.country_of_prefix(token.text)
            if country is None and token.i > 0:
                country = gazetteer.country_of_adjective(doc[token.i - 1].text)
            return country
    return None


def _sentence_starts(doc: Doc) -> list[int]:
    """The indices of the tokens that start a sentence, read from the SENT_START array (``Span.sent``
    scans the tokens for each span); without sentences the Doc is one."""
    if not doc.has_annotation("SENT_START"):
        return [0]
    starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    return starts if starts[:1] == [0] else [0, *starts]


def _sentence_around(starts: list[int], i: int, length: int) -> tuple[int, int]:
    """The token bounds of the sentence that holds token ``i`` (``starts``: see :func:`_sentence_starts`,
    ``length``: the Doc's)."""
    k = bisect_right(starts, i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else length


def _strip_space(ent: Span, words: list[str]) -> Span | None:
    """The entity without whitespace tokens at its edges (None if nothing else is left; ``words``:
    the Doc's token texts)."""
    start, end = ent.start, ent.end
    while start < end and words[start].isspace():
        start += 1
    while end > start and words[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return ent if (start, end) == (ent.start, ent.end) else Span(ent.doc, start, end, label=ent.label_)


def _trim_title(ent: Span, words: list[str]) -> Span:
    """An NER person that includes its title ("Außenminister Lawrow") is cut to the name (``words``:
    the Doc's token texts)."""
    if ent.label_ != "PER":
        return ent
    start = ent.start
    while start < ent.end - 1 and (is_role_word(words[start]) or words[start].lower() in DETERMINERS or is_adjective(words[start])):
        start += 1
    return Span(ent.doc, start, ent.end, label="PER") if start != ent.start else ent


def _coverage(size: int, spans: list[Span]) -> list[int]:
    """For each of ``size`` tokens, the length of the longest span covering it (0: none), so that an
    overlap test costs the tested span's length, not the number of spans."""
    cover = [0] * size
    for span in spans:
        length = span.end - span.start
        for i in range(span.start, span.end):
            cover[i] = max(cover[i], length)
    return cover


def _replaced_by_person(span: Span, person_cover: list[int]) -> bool:
    """Whether an entity gives way to an overlapping rule person (``person_cover``: see
    :func:`_coverage`): any other entity does, a person only to a longer one."""
    longest = max(person_cover[span.start : span.end])
    return longest > (span.end - span.start if span.label_ == "PER" else 0)


def _organisation_around_places(ent: Span, places: list[Span]) -> bool:
    """An NER organisation that holds the gazetteer places it overlaps inside a longer name
    ("SC Freiburg", "Universität Zürich"): the organisation stands."""
    overlapping = [p for p in places if p.start < ent.end and ent.start < p.end]
    return ent.label_ == "ORG" and all(
        p.label_ == "LOC" and ent.start <= p.start and p.end <= ent.end and len(p) < len(ent) for p in overlapping
    )


def _add_free(ents: list[Span], new: list[Span], size: int) -> list[Span]:
    """``ents`` plus each new span that overlaps none of them (``size``: the Doc's length)."""
    result, taken = list(ents), bytearray(size)
    for span in ents:
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    for span in new:
        if not any(taken[span.start : span.end]):
            result.append(span)
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    return result


def _is_noun_entity(ent: Span, words: list[str]) -> bool:
    """A one-word NER place/organisation that is a German common noun and no known name
    ("Pressemedien", "Sicherheitsgarantien"): a false positive (``words``: the Doc's token texts)."""
    return (
        len(ent) == 1
        and ent.label_ != "PER"
        and is_noun_like_word(words[ent.start], base_forms=False)  # base forms would drop names ("Bundestag")
        and gazetteer.lookup_place(words[ent.start]) is None
        and gazetteer.lookup_organisation(words[ent.start]) is None
    )


def _surnames_as_persons(ents: list[Span]) -> list[Span]:
    """A place or organisation entity that is the surname of a person named in the text is that person."""
    surnames = {e[-1].text for e in ents if e.label_ == "PER" and len(e) > 1}
    return [
        Span(e.doc, e.start, e.end, label="PER") if e.label_ != "PER" and genitive_base(e.text, surnames) in surnames else e
        for e in ents
    ]


@Language.factory(
    "diplomex_lexicon",
    default_config={"overwrite_labels": True, "office_holders": True},
)
def make_lexicon(nlp: Language, name: str, overwrite_labels: bool, office_holders: bool) -> "LexiconLayer":
    return LexiconLayer(overwrite_labels=overwrite_labels, use_office_holders=office_holders)


class LexiconLayer:
    """Gazetteer entities, rule-based persons and their roles (see the module docstring)."""

    def __init__(self, overwrite_labels: bool = True, use_office_holders: bool = True) -> None:
        _register_extensions()
        self.overwrite_labels = overwrite_labels
        self.use_office_holders = use_office_holders

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        words, spaces = _words_and_spaces(doc)
        ents = [_trim_title(e, words) for e in (_strip_space(e, words) for e in doc.ents) if e is not None and not _is_noun_entity(e, words)]
        capitalised = [i for i, word in enumerate(words) if word[:1].isupper()]
        places = _place_entities(doc, words, spaces, capitalised)
        if self.overwrite_labels:
            place_cover = _coverage(len(doc), places)
            ents = [e for e in ents if e.label_ == "PER" or not any(place_cover[e.start : e.end]) or _organisation_around_places(e, places)]
        ents = _add_free(ents, places, len(doc))
        persons = [Span(doc, p.start, p.end, label="PER") for p in _person_candidates(doc, words, capitalised)]
        person_cover = _coverage(len(doc), persons)
        ents = [e for e in ents if not _replaced_by_person(e, person_cover)]
        ents = _add_free(ents, persons, len(doc))
        ents = [_with_regnal_number(_with_surname_particles(e, words), words) for e in ents]
        ents = _surnames_as_persons(self._add_known_people(doc, ents, words, spaces, capitalised))
        ents = filter_spans(ents)
        doc.set_ents(ents)  # what the ents setter does, without building every Span anew
        self._annotate_people(doc, [e for e in ents if e.label_ == "PER"], words)
        return doc

    def _add_known_people(self, doc: Doc, ents: list[Span], words: list[str], spaces: list[str], capitalised: list[int]) -> list[Span]:
        """Office holders from the gazetteer and repeated surnames of persons already found
        (``capitalised``: the indices of the words that can start a name)."""
        holders = office_holders() if self.use_office_holders else {}
        found: set[str] = set()  # the article's own full names and surnames
        in_article = set()
        for ent in ents:
            if ent.label_ == "PER" and len(ent) > 1:
                found.update((ent[-1].text, ent.text))
                in_article.add(ent[-1].text)
        taken = {i for e in ents for i in range(e.start, e.end)}
        holder_words, holder_starts = _holder_index() if self.use_office_holders else (1, frozenset())
        max_words = max([holder_words, *(len(k.split()) for k in found)])
        starts = holder_starts | {k.split()[0] for k in found if k.strip()}

        def is_known(text: str) -> bool:
            return text in found or text in holders

        for i in capitalised:
            word = words[i]
            if i in taken or not (word in starts or word.endswith("s") and word[:-1] in starts):
                continue  # taken (also by a match just made), or no known name (nor its genitive) starts here
            texts = phrases(words, spaces, i, max_words) if word in starts else [word]
            for size in range(len(texts), 0, -1):
                text = texts[size - 1]
                if text.endswith("s") and not is_known(text) and is_known(text[:-1]):
                    text = text[:-1]
                if is_known(text) and not any(j in taken for j in range(i, i + size)):
                    start = i
                    if size == 1 and text not in in_article and _is_first_name_before(doc, i) and i - 1 not in taken:
                        start = i - 1  # an unlisted first name: "Eurico Guterres" is not "António Guterres"
                    ents.append(Span(doc, start, i + size, label="PER"))
                    taken.update(range(start, i + size))
                    break
        return ents

    def _annotate_people(self, doc: Doc, people: list[Span], words: list[str]) -> None:
        """Role, country, lead and full name of each person (``people``: the Doc's PER entities, in order)."""
        role_spans = []
        holders = office_holders() if self.use_office_holders else {}
        year = int(doc._.published[:4]) if doc._.published else None
        starts = _sentence_starts(doc)
        for person in people:
            roles = []
            sentence = _sentence_around(starts, person.start, len(doc))
            before = role_phrase_before(doc, person.start)
            for phrase in (before, _preceding_apposition_role(doc, person, before, words, sentence[0]), _apposition_role(doc, person)):
                if phrase is not None:
                    roles.append(phrase)
            role_spans += roles
            country = (
                next((c for c in map(role_country, roles) if c), None)
                or (before is not None and before.start > 0 and _genitive_country(doc[before.start - 1].text))  # "Frankreichs Präsident X"
                or country_after_name(doc, person.end)
            )
            lead_country = _delegation_country(doc, person, words, sentence)
            person._.lead = lead_country is not None
            if country is None:
                country = lead_country
            holder = holders.get(person.text)
            if holder and (len(person) > 1 or not any(p[-1].text == person.text and len(p) > 1 for p in people)):
                person._.known_as = holder
                country = country or holder_country(holder, year)
            names = [nominative_role(r) for r in roles]
            person._.role = "; ".join(dict.fromkeys(names)) or None
            person._.country = country
        doc.spans["diplomex_roles"] = filter_spans(role_spans)
        self._resolve_colleagues(doc, people)

    @staticmethod
    def _resolve_colleagues(doc: Doc, people: list[Span]) -> None:
        """"sein russischer Amtskollege X": X holds the same office as the person named before."""
        for i, person in enumerate(people):
            role = person._.role or ""
            if "Amtskolleg" not in role:
                continue
            previous = next((p for p in reversed(people[:i]) if p._.role and "Amtskolleg" not in p._.role), None)
            if previous is None:
                person._.role = None
                continue
            office = previous._.role.split(";")[0].strip().split()[-1]
            person._.role = office.rsplit("-", 1)[-1]
