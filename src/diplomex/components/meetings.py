"""``diplomex_meetings``: one record per meeting-like event, merged across sentences.

Steps, all on tokens, sentences, entities and lemmas (no parser needed):

1. Triggers from ``resources/meeting_triggers.tsv`` (lemmas, words and compound heads).
2. One *mention* per sentence with triggers: participants (PER entities outside quotes, and the
   persons a bare title refers to: "der ghanaische Präsident"), parties (participants' countries,
   nationality adjectives on group nouns such as "russische Diplomaten", countries in "Diplomaten
   der USA und Russlands", "zwischen X und Y", "X und Y verhandeln", "G7-Staaten"), place ("in/im/
   nach X" near the trigger, past adjectives and place nouns, not inside a role), venue, date,
   status and follow-up cues. A trigger prefixed by an organisation ("G8-Gipfel") is its own
   mention; a country prefix ("Syrien-Konferenz") names a topic.
   The date is the nearest one in the trigger's own clause; a trigger that only sets the scene
   ("am Rande des Gipfels", "vor Beginn der Konferenz") lends its event's place (and on the
   sidelines its date) to the meeting of the sentence.
3. Mentions are merged into events: a definite noun ("Das Treffen fand … statt") refers back to
   the latest event at its place, else the latest of its kind called by the same noun (a
   demonstrative: the latest of its kind); a mention joins an event that shares a participant
   (a call only a call) or (with no persons) its parties, unless place or date disagree; the
   persons of the sentence right after an event that named none continue it; an indefinite event
   with its own place or date ("ein Treffen in Wien", "einen Gipfel") is a new one.
4. Sentences without a trigger add to a recent event: who led a delegation, who takes part
   ("nehmen … teil", "entsendet", "lässt sich durch … vertreten"), the persons named right after an
   event that named none, and the officers of a summit's organisation.
5. An event is kept when it names a person, two parties, or is the summit of one organisation;
   it is planned when its date lies after the publication date. A wire dateline ("WIEN (APA) -")
   places a held event of the lead that names no site when the dateline's country takes part.

The result is ``doc._.meetings``: a list of plain dicts (see :func:`event_dict`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from .. import gazetteer, lexicons
from ..tokentexts import token_texts
from .dates import lead_index
from .lexicon import LEAD_VERBS, is_role, name_after, role_base

TYPE_PRIORITY = ("call", "summit", "visit", "negotiation", "talks", "meeting")
TOP_LEVEL_ROLES = ("präsident", "kanzler", "premier", "minister", "könig", "regierungschef", "staatschef",
                   "emir", "kronprinz", "generalsekretär", "außenbeauftragte")
PLACE_PREPOSITIONS = frozenset({"in", "im", "nach", "auf", "am"})
PARTY_KINDS = frozenset({"intergovernmental", "party", "government_body"})
GROUP_NOUN_TAIL = ("diplomat", "delegation", "vertreter", "unterhändler", "regierung", "beamte", "gesandte", "lenker",
                   "ministerium", "führung", "staatsführung")
LEADER_NOUN_TAIL = ("lenker", "lenkern", "spitzen")  # "G7-Staatenlenker", "EU-Regierungsspitzen": leaders as a group


@lru_cache(maxsize=1)
def trigger_table() -> tuple[dict[str, tuple[str, str]], list[tuple[str, str, str]]]:
    """(exact word/lemma → (type, requires), [(suffix, type, requires)] longest first)."""
    exact: dict[str, tuple[str, str]] = {}
    suffixes = []
    for row in lexicons.table("meeting_triggers.tsv"):
        key, kind, match = row[0], row[1], row[2]
        requires = row[3] if len(row) > 3 else ""
        if match == "lemma":
            exact[key] = (kind, requires)
        else:
            suffixes.append((key, kind, requires))
    suffixes.sort(key=lambda item: -len(item[0]))
    return exact, suffixes


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for word, cue in lexicons.table("meeting_cues.tsv"):
        table.setdefault(cue, set()).add(word)
    return {cue: frozenset(words) for cue, words in table.items()}


@lru_cache(maxsize=1)
def venue_heads() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(one-word venue nouns, lower-cased, longest first; multi-word venue names, longest first)."""
    words = [line for line in lexicons.lines("venues.txt") if " " not in line]
    names = [line for line in lexicons.lines("venues.txt") if " " in line]
    return tuple(sorted({w.lower() for w in words}, key=len, reverse=True)), tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def suffix_index() -> tuple[dict[str, tuple[int, str, str]], tuple[int, ...]]:
    """(suffix → (rank in the longest-first suffix list, type, requires), suffix lengths longest first)."""
    index: dict[str, tuple[int, str, str]] = {}
    for rank, (key, kind, requires) in enumerate(trigger_table()[1]):
        index.setdefault(key, (rank, kind, requires))
    return index, tuple(sorted({len(key) for key in index}, reverse=True))


def suffix_entry(forms: tuple[str, ...]) -> tuple[str, str] | None:
    """(type, requires) of the first suffix row, longest first, that ends one of ``forms``."""
    index, lengths = suffix_index()
    for length in lengths:
        best = None
        for form in forms:
            if len(form) >= length:
                entry = index.get(form[len(form) - length :])
                if entry is not None and (best is None or entry < best):
                    best = entry
        if best is not None:
            return best[1], best[2]
    return None


@lru_cache(maxsize=65536)
def trigger_entry(word: str, lemma: str) -> tuple[str, str] | None:
    """(type, required later word) of a trigger word with its lemma, or None."""
    exact = trigger_table()[0]
    lower = word.lower()
    found = exact.get(lower) or exact.get(lemma.lower())
    if found is None and word[:1].isupper():
        found = suffix_entry((lower, lower[:-1], lower[:-2]))  # inflected nouns: Gesprächen, Treffens
    return None if found is None or found[0] == "none" else found


_TRIGGER_IDS: dict[bytes, tuple[str, str] | None] = {}  # the string hashes of a word and its lemma (16 bytes) -> its entry
_PAIR = numpy.dtype("V16")  # a row of two string hashes as one value


def trigger_ids(orth: int, lemma: int, strings: StringStore) -> tuple[str, str] | None:
    """:func:`trigger_entry` of a word and its lemma given by their string hashes (the same in every
    vocab, cheaper than the strings)."""
    key = numpy.array([orth, lemma], dtype=numpy.uint64).tobytes()
    found = _TRIGGER_IDS.get(key, False)
    if found is False:
        if len(_TRIGGER_IDS) > 200_000:
            _TRIGGER_IDS.clear()
        found = _TRIGGER_IDS[key] = trigger_entry(strings[orth], strings[lemma])
    return found


def trigger_words(doc: Doc) -> list[int]:
    """Indices of the tokens whose word or lemma is a trigger (:func:`trigger_ids`), read from the
    Doc's arrays (no Token objects); :func:`trigger_type` tells which of them trigger in their sentence.
    Each token's two hashes are looked up as one bytes object (a tuple of two ints costs more)."""
    strings = doc.vocab.strings
    pairs = doc.to_array([ORTH, LEMMA])
    keys = pairs.view(_PAIR).ravel().tolist()
    get = _TRIGGER_IDS.get
    # found: the entry (None: no trigger), False: not looked up yet
    return [i for i, key in enumerate(keys)
            if (found := get(key, False)) or found is False and trigger_ids(*pairs[i].tolist(), strings)]


def trigger_type(token: Token, sentence: Span, lowers: list[str] | None = None) -> str | None:
    """The event type a token triggers in its sentence, or None. ``lowers``, when given, are the
    lower-cased words of the sentence (read once for all its tokens)."""
    found = trigger_ids(token.orth, token.lemma, token.doc.vocab.strings)
    if found is None:
        return None
    kind, requires = found
    if requires:
        later = lowers[token.i - sentence.start + 1 :] if lowers is not None else [t.lower_ for t in sentence if t.i > token.i]
        if requires not in later:
            return None
    if kind == "visit" and _attends_an_occasion(token, sentence):
        return None
    return kind


@lru_cache(maxsize=1)
def occasion_nouns() -> tuple[str, ...]:
    return lexicons.lines("meeting_occasions.txt")


OBJECT_ARTICLES = frozenset({"ein", "eine", "einen", "einer", "eines", "den", "die", "das", "der", "des"})
CLAUSE_MARKS = frozenset({",", ";", ":", "–", ".", "(", ")"})


def _attends_an_occasion(token: Token, sentence: Span) -> bool:
    """"besuchten eine Gedenkveranstaltung", "der Besuch einer Messe": the visited object, the
    first noun with an article in the trigger's clause before any name, is an occasion."""
    doc = sentence.doc
    sides = [range(token.i + 1, sentence.end)]
    if token.text[:1].islower():
        sides.append(range(token.i - 1, sentence.start - 1, -1))  # "als sie eine Gedenkfeier besuchten"
    for side in sides:
        for i in side:
            word = doc[i]
            if word.text in CLAUSE_MARKS or word.ent_type_:
                break
            if word.text[:1].isupper() and i > sentence.start and doc[i - 1].lower_ in OBJECT_ARTICLES | INDEFINITES:
                if word.lower_.endswith(occasion_nouns()):
                    return True
                break
    return False


@dataclass
class Event:
    """An event under construction while the document is read."""

    types: list[str] = field(default_factory=list)
    triggers: list[tuple[int, int]] = field(default_factory=list)
    nouns: list[str] = field(default_factory=list)  # keys of the trigger words ("konferenz", "atomgipfel"; "trafen" → "treff")
    participants: list[Span] = field(default_factory=list)
    leads: set[tuple[int, int]] = field(default_factory=set)
    parties: list[str] = field(default_factory=list)
    place: gazetteer.Place | None = None
    place_text: str | None = None
    venue: str | None = None
    date: dict | None = None
    statuses: list[str] = field(default_factory=list)
    follow_up: bool = False
    working_level: bool = False
    ministerial: bool = False  # ministers or leaders of several countries are named as a group
    sentences: list[tuple[int, int]] = field(default_factory=list)
    position: int = 0  # number of the last sentence that mentions the event
    first: int = 0  # number of the sentence that introduced it
    # surnames and char bounds of participants[:_read], kept up as participants only grow
    _read: int = field(default=0, repr=False, compare=False)
    _keys: set[str] = field(default_factory=set, repr=False, compare=False)
    _bounds: set[tuple[int, int]] = field(default_factory=set, repr=False, compare=False)

    def _catch_up(self) -> None:
        for person in self.participants[self._read :]:
            self._keys.add(person[-1].text.rstrip("s’'"))
            self._bounds.add((person.start_char, person.end_char))
        self._read = len(self.participants)

    def person_keys(self) -> set[str]:
        """Surnames of the participants, without a genitive ending (not to be changed by the caller)."""
        self._catch_up()
        return self._keys

    def add_participants(self, persons: list[Span]) -> None:
        """Add the persons not yet taking part (by their char bounds)."""
        self._catch_up()
        self.participants += [p for p in persons if (p.start_char, p.end_char) not in self._bounds]


@Language.factory("diplomex_meetings", default_config={"merge_window": 6})
def make_meetings(nlp: Language, name: str, merge_window: int) -> "MeetingExtractor":
    return MeetingExtractor(merge_window=merge_window)


class MeetingExtractor:
    """Finds meeting-like events; writes ``doc._.meetings`` (list of dicts)."""

    def __init__(self, merge_window: int = 6) -> None:
        if not Doc.has_extension("meetings"):
            Doc.set_extension("meetings", default=None)
        self.merge_window = merge_window

    def __call__(self, doc: Doc) -> Doc:
        quoted = _quoted_tokens(doc)
        events: list[Event] = []
        sentences = list(_sentences(doc))
        index = SentenceIndex.build(doc, sentences)
        trigger_at = trigger_words(doc)
        lowers = [word.lower() for word in token_texts(doc)]  # the texts are kept from the lexicon: cheaper than LOWER
        for number, sentence in enumerate(sentences):
            sentence_lowers = lowers[sentence.start : sentence.end]
            candidates = trigger_at[bisect_left(trigger_at, sentence.start) : bisect_left(trigger_at, sentence.end)]
            triggers = [(t, kind) for t in map(doc.__getitem__, candidates)
                        if (kind := trigger_type(t, sentence, sentence_lowers)) and t.i not in quoted]
            recent = [e for e in events if number - e.position <= 2]
            words = set(sentence_lowers)
            if triggers:
                self._read_mention(doc, sentence, words, triggers, quoted, events, index, number)
                continue
            if words & LEAD_VERBS and any(w.startswith("delegation") or w.endswith("delegation") for w in words):
                _add_delegation_leads(sentence, quoted, events, index)
            elif recent and _is_participation(words):
                _add_participants(doc, sentence, quoted, recent, index, number)
            elif recent:
                _add_next_sentence_persons(sentence, quoted, recent[-1], index, number)
        events = [e for e in events if e.types and _identified(e)]
        dateline = _dateline(doc)
        if dateline is not None:
            lead = next((n for n, s in enumerate(sentences) if s.end_char > dateline[1]), 0) + 2
            published = doc._.published if Doc.has_extension("published") else None
            for event in events:
                if _held_at_dateline(doc, event, dateline, lead, published):
                    event.place, event.place_text = dateline[0], dateline[0].name
        doc._.meetings = [event_dict(doc, e) for e in events]
        return doc

    def _read_mention(self, doc: Doc, sentence: Span, words: set[str], triggers: list[tuple[Token, str]], quoted: set[int], events: list[Event], index: "SentenceIndex", number: int = 0) -> None:
        """Turn a sentence's triggers into mentions and merge each into its event.

        A trigger named by an organisation or country ("G8-Gipfel", "EU-Gipfel") is a mention of
        its own; the sentence's other triggers form one mention headed by the first of them, which
        takes the sentence's persons.
        """
        follow_up = _is_follow_up(sentence, triggers)
        narrated = _unquoted_words(sentence, words, quoted)
        if follow_up and events:
            next((e for e in reversed(events) if e.types and _identified(e)), events[-1]).follow_up = True
            return
        named = [(t, kind) for t, kind in triggers if _organisation_prefix(t.text) and kind in {"summit", "meeting"}]
        plain = [item for item in triggers if item not in named]
        setting, sideline = None, False  # the event a trigger that sets the scene refers to ("am Rande des Gipfels")
        settings = [item for item in plain if item[0].text[:1].isupper() and _sets_the_scene(doc, item[0])]
        if settings and len(settings) < len(plain) and events:
            plain = [item for item in plain if item not in settings]
            token, kind = settings[0]
            setting = _referent(events[-self.merge_window:], Event(types=[kind], nouns=[noun_key(token.text)]))
            sideline = any(t.lower_ == "rande" for t in doc[max(0, token.i - 3) : token.i])
        persons = index.persons(sentence, quoted)
        if plain:
            persons = [p for p in persons if not _separated(doc, p, plain[0][0]) and not _comments_on(doc, p, plain[0][0]) and not _is_spokesperson(p)]
            persons += index.office_holders(doc, sentence, quoted, plain[0][0])
        persons += _pronoun_subject(doc, sentence, quoted, index)
        groups = [(plain[0], plain, persons)] if plain else []
        groups += [((t, kind), [(t, kind)], [] if plain else persons) for t, kind in named]
        for (head, kind), group, members in groups:
            kind = _mention_type(doc, group)
            mention = Event(types=[kind], triggers=[(head.idx, head.idx + len(head))], participants=members,
                            sentences=[(sentence.start_char, sentence.end_char)], position=number, first=number,
                            nouns=[noun_key(head.text if head.text[:1].isupper() else head.lemma_ or head.text)])
            prefix = _organisation_prefix(head.text) if (head, kind) in named else None
            if prefix:
                mention.types = ["summit"]  # "G20-Treffen", "EU-Gipfel": the organisation's summit or council
            mention.parties = [prefix, *_chair_countries(doc, sentence)] if prefix else _parties(doc, sentence, members, quoted, index, head)
            if kind in {"meeting", "talks"} and _ministers_of_an_organisation(doc, sentence):
                mention.types = ["summit"]
            others = {t.i for (other, _), group_triggers, _ in groups if other is not head for t, _ in group_triggers}
            others |= {t.i for t, _ in settings}  # "seit dem Gipfel in Astana": Astana is the summit's
            scene = bool(prefix) and _sets_the_scene(doc, head)  # "in Moskau im Vorfeld des G8-Treffens"
            mention.place, mention.place_text = _place(doc, sentence, head, quoted, kind, index, others, after_only=scene)
            if not scene:
                mention.venue = _venue(sentence, quoted)
                mention.date = _date(sentence, head, quoted, index)
            if setting is not None and group is plain:
                _take_setting(mention, setting, sideline)
            mention.statuses = ["planned"] if follow_up else _statuses(sentence, narrated)
            mention.working_level = bool(words & cues()["group"])
            mention.ministerial = _names_ministers_as_a_group(doc, sentence)
            mention.follow_up = any(_follow_up_phrase(sentence, t) for t, _ in group[1:])
            anaphor = _determiner(head) if _is_anaphoric(head) else None
            indefinite, by_subject = _is_indefinite(head), _named_by_subject(head)
            target = self._target(events, mention, anaphor, indefinite or by_subject, by_subject and not indefinite)
            if target is None:
                events.append(mention)
            else:
                if anaphor is not None:
                    # "das Treffen" refers back: no vote on the type, and on the status only when
                    # the sentence says so ("Das Treffen ist für Montag geplant")
                    mention.types = []
                    mention.statuses = [s for s in mention.statuses if s != "held"]
                _merge(target, mention)

    def _target(self, events: list[Event], mention: Event, anaphor: Token | None, introduced: bool = False, named: bool = False) -> Event | None:
        """The event a mention continues, or None for a new event; an ``introduced`` summit ("einen
        Gipfel", "die Konferenz für Sicherheit") joins no other summit unless it shares a person, or,
        ``named`` with a definite article, names one that was introduced without any names ("beim
        Doppelgipfel in Den Haag … der auf der Konferenz für nukleare Sicherheit anwesende X");
        ``anaphor`` is the determiner of a mention that refers back ("das", "diese"), else None;
        an introduced event with its own place or date ("ein Treffen in Wien") is a new one."""
        if not events:
            return None
        last = events[-1]
        if anaphor is None and _continues_anonymous(last, mention):
            return last
        if anaphor is not None:
            referent = _referent(events[-self.merge_window:], mention, by_noun=not _is_demonstrative(anaphor))
            if referent is not None and _compatible(referent, mention, dates=False) and (
                mention.person_keys() <= referent.person_keys() or not referent.participants
            ):
                return referent
        summit = next((e for e in reversed(events) if "summit" in e.types and _compatible(e, mention)), None) if mention.types == ["summit"] else None
        if summit is not None and not introduced and _same_organisations(summit, mention) and (
            not summit.participants or not mention.participants or set(summit.parties) & set(mention.parties)
        ):
            return summit
        if named and mention.types == ["summit"]:
            anonymous = (e for e in reversed(events[-self.merge_window:]) if "summit" in e.types and not e.participants and not e.parties)
            return next((e for e in anonymous if _compatible(e, mention)), None)
        for event in reversed(events[-self.merge_window:]):
            if not _compatible(event, mention):
                continue
            if event.person_keys() & mention.person_keys() and (("call" in event.types) == ("call" in mention.types)):
                return event  # the same persons, in person or on the phone ("Zuvor hatte er mit X telefoniert" is another event)
            if not mention.participants and len(set(event.parties) & set(mention.parties)) >= 2:
                return event
            if not event.participants and len(set(event.parties)) >= 2 and set(event.parties) <= set(mention.parties) and _same_kind(event, mention):
                return event  # the persons of an event named by its countries ("USA und Iran verhandeln")
        if not mention.participants and mention.place is not None:
            same_place = next((e for e in reversed(events) if e.place is not None and e.place.name == mention.place.name), None)
            if same_place is not None and _compatible(same_place, mention) and set(mention.parties) <= set(same_place.parties):
                return same_place
        if introduced and (mention.place or mention.date) and last.position > 0:
            return None  # "ein Treffen in Wien am Donnerstag": an event of its own, unless the lead re-introduces the headline's
        if mention.participants:
            return None
        # without persons: the latest event of its kind with all its parties ("Gespräche mit dem Iran")
        candidates = [e for e in reversed(events[-self.merge_window:]) if mention.parties] or [last]
        return next((e for e in candidates if set(mention.parties) <= set(e.parties) and _compatible(e, mention) and _same_kind(e, mention)), None)


def _take_setting(mention: Event, setting: Event, sideline: bool) -> None:
    """A meeting set at another event ("vor Beginn der Konferenz", "am Rande des Gipfels") without
    a place of its own is held where that event is; on its sidelines, also when it is."""
    if mention.place is None and setting.place is not None:
        mention.place, mention.place_text = setting.place, setting.place_text
    if sideline and mention.date is None:
        mention.date = setting.date


@lru_cache(maxsize=4096)
def noun_key(word: str) -> str:
    """A trigger noun without its first compound part's hyphen or case ending: "G8-Gipfels" →
    "gipfel", "Konferenzen" → "konferenz" (compare with :func:`same_noun`)."""
    return word.lower().rsplit("-", 1)[-1].rstrip("sne")


def same_noun(a: str, b: str) -> bool:
    """Two noun keys name the same kind of event, one perhaps a compound of the other ("atomgipfel", "gipfel")."""
    return a.endswith(b) or b.endswith(a)


CONTEXT_WORDS = frozenset({"rande", "vorfeld", "anschluss", "vor", "nach", "seit"})


def _sets_the_scene(doc: Doc, token: Token) -> bool:
    """The trigger only dates or places something else: "am Rande des Gipfels", "nach dem Treffen"."""
    return any(t.lower_ in CONTEXT_WORDS for t in doc[max(0, token.i - 3) : token.i])


INDEFINITES = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})


def _is_indefinite(head: Token) -> bool:
    """An indefinite noun phrase ("will einen Nukleargipfel", "zu einem Gipfel") introduces an event."""
    return head.text[:1].isupper() and any(t.lower_ in INDEFINITES for t in head.doc[max(0, head.i - 2) : head.i])


def _mention_type(doc: Doc, group: list[tuple[Token, str]]) -> str:
    """The type of the mention's first trigger; a summit when a later one names the meeting, talks
    or negotiations a summit ("berieten auf einem Gipfel"), unless it only sets the scene ("am
    Rande des Gipfels", "im Vorfeld der Konferenz")."""
    kind = group[0][1]
    if any(other == "call" for _, other in group):
        return "call"  # "Das Gespräch fand per Videokonferenz statt"
    if kind in {"meeting", "talks", "negotiation"} and any(
        other == "summit" and not _sets_the_scene(doc, token)
        for token, other in group[1:]
    ):
        return "summit"
    if kind in {"meeting", "talks"} and any(other == "visit" for _, other in group[1:]):
        return "visit"  # "empfing den Minister zu Gesprächen", "zu Gesprächen in Wien eingetroffen"
    return kind


FAMILIES = {"meeting": "contact", "talks": "contact", "negotiation": "contact", "summit": "summit", "visit": "visit", "call": "call"}


def _referent(events: list[Event], mention: Event, by_noun: bool = True) -> Event | None:
    """The event an anaphoric mention ("das Treffen", "diese Gespräche", "der Besuch") refers to: the
    latest at the same place, else the latest of its kind — a summit for "der Gipfel", a visit for
    "der Besuch", a call for "das Telefonat"; "das Gespräch" may name any contact, "das Treffen" any
    but a phone call.
    ``by_noun`` (a definite article, not a demonstrative "diese"), the latest of its kind called by
    the same noun comes first ("der Gespräche" → the talks, not the negotiations mentioned since)."""
    if mention.place is not None:
        same_place = next((e for e in reversed(events) if e.place is not None and e.place.name == mention.place.name), None)
        if same_place is not None:
            return same_place
    family = FAMILIES[mention.types[0]]
    kin = [e for e in reversed(events) if family in {FAMILIES[t] for t in e.types} and _same_organisations(e, mention)]
    if by_noun:  # "der Konferenz" is the event called a conference before, not the latest summit
        kin.sort(key=lambda e: not any(same_noun(a, b) for a in mention.nouns for b in e.nouns))
    if mention.types[0] == "meeting":  # "das Treffen" is in person: never a phone call
        kin = [e for e in kin if "call" not in e.types]
    same = kin[0] if kin else None
    if same is not None or mention.types[0] not in {"meeting", "talks"}:
        return same
    in_person = mention.types[0] == "meeting"
    latest = next((e for e in reversed(events) if "summit" not in e.types), events[-1])
    return None if in_person and "call" in latest.types else latest


def _organisation_prefix(word: str) -> str | None:
    """The organisation a compound names as its first part ("G8-Gipfel" → G8, "EU-Treffen" → EU);
    a country there names a topic ("Kosovo-Konferenz"), not a party."""
    prefix = gazetteer.country_of_prefix(word)
    return prefix if prefix in gazetteer.organisation_kinds() else None


def _organisations(event: Event) -> set[str]:
    kinds = gazetteer.organisation_kinds()
    return {p for p in event.parties if kinds.get(p) == "intergovernmental"}


def _same_organisations(summit: Event, mention: Event) -> bool:
    """A summit of named organisations ("G8-Treffen") is no other summit ("Nukleargipfel")."""
    named = _organisations(mention)
    return not named or bool(named & _organisations(summit))


def _identified(event: Event) -> bool:
    """An event is reported when it names a person taking part, two parties, or is the summit or
    council of one organisation; one country alone says nothing about who met whom."""
    if event.participants or len(set(event.parties)) >= 2:
        return True
    return bool(event.parties) and "summit" in event.types


def _continues_anonymous(last: Event, mention: Event) -> bool:
    """A mention naming persons or parties in the sentence right after an event that named neither
    continues it ("Am Sonntag trafen sich die Präsidenten beider Länder auf Nias. Der indonesische
    Präsident X und sein Kollege Y …")."""
    return (not last.participants and not last.parties and bool(mention.participants or mention.parties)
            and mention.position - last.position == 1 and _compatible(last, mention))


def _pronoun_subject(doc: Doc, sentence: Span, quoted: set[int], index: "SentenceIndex") -> list[Span]:
    """"Er soll auch mit X zusammentreffen", "Zuvor hatte er mit X telefoniert": a sentence whose
    subject is "Er"/"Sie" at its start, or "er" right after the verb in second place, continues the
    one person named in the sentence before."""
    opened = sentence[0].lower_ in {"er", "sie"}
    inverted = any(t.text == "er" and doc[t.i - 1].text.islower() and doc[t.i - 1].is_alpha for t in sentence[1:5])
    if not (opened or inverted) or sentence.start == 0:
        return []
    named = index.persons(doc[sentence.start - 1].sent, quoted)
    return named if len({e[-1].text for e in named}) == 1 else []


SUBORDINATORS = frozenset({"dass", "daß", "ob", "weil", "obwohl", "damit", "sodass"})


def _separated(doc: Doc, person: Span, trigger: Token) -> bool:
    """A subordinate clause boundary lies between the person and the trigger: "X erklärte, dass
    die Verhandlungen …" does not make X a participant."""
    return _clause_between(doc, person.end, trigger.i)


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return frozenset(lexicons.lines("speech_verbs.txt"))


def _comments_on(doc: Doc, person: Span, trigger: Token) -> bool:
    """The person speaks about an event whose own actor is named with it: "X bezeichnete die Reise
    von Y in den Kongo als hilfreich" — Y travelled, X comments."""
    if person.end > trigger.i or not trigger.text[:1].isupper():
        return False
    start = trigger.i + 2
    actor = start < len(doc) and doc[trigger.i + 1].lower_ in {"von", "des"} and any(
        t.ent_type_ == "PER" and t.ent_iob_ == "B" for t in doc[start : start + 3])  # "von EU-Außenbeauftragter Ana Ruiz"
    return actor and any(t.lower_ in speech_verbs() for t in doc[person.end : trigger.i])


def _clause_between(doc: Doc, a: int, b: int) -> bool:
    low, high = sorted((a, b))
    return any(t.lower_ in SUBORDINATORS for t in doc[low:high])


@dataclass
class SentenceIndex:
    """Entities and date expressions grouped by the start token of their sentence, built in one
    pass so that reading a sentence's annotations does not rescan the whole Doc."""

    ents: dict[int, list[Span]]
    dates: dict[int, list[tuple[Span, dict]]]
    countries: dict[str, str]  # surname → the country given for that person anywhere in the Doc
    in_roles: frozenset[int]  # tokens inside role phrases ("Leiter der Mission im Kosovo")
    offices: dict[tuple[str, str], Span]  # (office, country) → the first person named holding it

    @classmethod
    def build(cls, doc: Doc, sentences: list[Span]) -> "SentenceIndex":
        starts = [s.start for s in sentences]

        def sentence_of(span: Span) -> int:
            return starts[bisect_right(starts, span.start) - 1]

        ents: dict[int, list[Span]] = {}
        countries: dict[str, str] = {}
        offices: dict[tuple[str, str], Span] = {}
        for ent in doc.ents:
            ents.setdefault(sentence_of(ent), []).append(ent)
            if ent.label_ != "PER":
                continue
            country = ent._.country
            if country:
                countries[ent[-1].text] = country
                for head in _role_heads(ent._.role):
                    offices.setdefault((office_key(head), country), ent)
        dates: dict[int, list[tuple[Span, dict]]] = {}
        for span in doc.spans.get("diplomex_dates", []):
            dates.setdefault(sentence_of(span), []).append((span, span._.timex or {}))
        in_roles = frozenset(i for role in doc.spans.get("diplomex_roles", []) for i in range(role.start, role.end))
        return cls(ents, dates, countries, in_roles, offices)

    def office_holders(self, doc: Doc, sentence: Span, quoted: set[int], head: Token | None = None) -> list[Span]:
        """Persons named elsewhere in the article whom a bare title of the sentence refers to: "der
        luxemburgische Ratspräsident", "die Außenminister der USA und Frankreichs"."""
        found = []
        for token in sentence:
            if token.i in quoted or token.i in self.in_roles or not is_role(token) or name_after(doc, token.i + 1) is not None:
                continue
            if head is not None and _clause_between(doc, token.i, head.i):
                continue
            prefix = gazetteer.country_of_prefix(token.text)
            countries = ([prefix] if prefix else []) + _adjective_chain(doc, token.i) + _genitive_countries(doc, token.i + 1, sentence.end)
            key = office_key(role_base(token.text) or "")
            found += [self.offices[(key, c)] for c in countries if (key, c) in self.offices]
        return found

    def country(self, person: Span) -> str | None:
        surname = person[-1].text
        return person._.country or self.countries.get(surname) or self.countries.get(surname.rstrip("s’'"))  # "Ortegas" → Ortega

    def persons(self, sentence: Span, quoted: set[int]) -> list[Span]:
        return [e for e in self.ents.get(sentence.start, []) if e.label_ == "PER" and e.start not in quoted]


@lru_cache(maxsize=4096)
def office_key(role: str) -> str:
    """An office without gender or case: "Außenministerin", "Außenministern" → "außenminister"."""
    base = role_base(role.rsplit("-", 1)[-1].capitalize() if role[:1].islower() else role) or role
    if base.endswith("in") and role_base(base[:-2]):
        base = base[:-2]
    return base.lower()


def _sentences(doc: Doc):
    return doc.sents if doc.has_annotation("SENT_START") else [doc[:]]


def _quoted_tokens(doc: Doc) -> set[int]:
    return {t for span in doc.spans.get("diplomex_quotes", []) for t in range(span.start, span.end)}


def _is_demonstrative(determiner: Token) -> bool:
    return determiner.lower_.startswith(("dies", "jen"))


def _is_anaphoric(head: Token) -> bool:
    """A noun trigger with a definite or demonstrative determiner: "das Treffen", "beim Gipfel";
    not one named by its subject ("der Konferenz für nukleare Sicherheit")."""
    return _determiner(head) is not None and not _named_by_subject(head)


def _determiner(head: Token) -> Token | None:
    """The definite or demonstrative determiner of a noun trigger, past up to two adjectives ("dem
    zweitägigen Treffen", "diesem ersten Gespräch"), else None."""
    if not head.text[:1].isupper():
        return None
    doc = head.doc
    for i in range(head.i - 1, max(-1, head.i - 4), -1):
        if doc[i].lower_ in cues()["anaphor"]:
            return doc[i]
        if not (doc[i].text[:1].islower() and doc[i].is_alpha and doc[i].lower_.endswith(("e", "en", "em", "er", "es"))):
            return None
    return None


def _named_by_subject(head: Token) -> bool:
    """"die Konferenz für nukleare Sicherheit", "der Gipfel zur Klimapolitik": a particular event."""
    return head.i + 1 < len(head.doc) and head.nbor(1).lower_ in {"für", "zur", "zum"}


def _is_follow_up(sentence: Span, triggers: list[tuple[Token, str]]) -> bool:
    """The sentence only speaks of a further meeting or of continuing the talks being agreed, or of
    the parties agreeing to meet with no one named ("Beide vereinbarten, im Herbst zusammenzukommen")."""
    words = {t.lower_ for t in sentence}
    if words & cues()["continue"] and words & (cues()["agreed"] | cues()["planned"]):
        return True
    if words & cues()["agreed"] and not any(e.label_ == "PER" for e in sentence.ents) and any(_is_zu_infinitive(t) for t, _ in triggers):
        return True
    return all(_follow_up_phrase(sentence, t) for t, _ in triggers)


def _is_zu_infinitive(token: Token) -> bool:
    """"zu treffen", "zusammenzukommen": a verb in the infinitive with "zu"."""
    word = token.text
    if not word.islower() or not word.endswith("en"):
        return False
    return (token.i > 0 and token.nbor(-1).lower_ == "zu") or "zu" in word[2:-3]


def _follow_up_phrase(sentence: Span, token: Token) -> bool:
    followup = cues()["followup"]
    marked = token.lower_ in followup or (token.i > sentence.start and token.nbor(-1).lower_ in followup)
    return marked and any(t.lower_ in cues()["agreed"] or t.lower_ in cues()["planned"] for t in sentence)


def _unquoted_words(sentence: Span, words: set[str], quoted: set[int]) -> set[str]:
    """The sentence's lower-cased words outside quotations: a quoted "werden" says nothing about
    the status of the event the sentence reports."""
    if not any(i in quoted for i in range(sentence.start, sentence.end)):
        return words
    return {t.lower_ for t in sentence if t.i not in quoted}


CANCEL_VERBS = frozenset({"sagte", "sagten", "sagt", "sagen", "setzte", "setzten", "fällt", "fiel", "fallen", "fielen"})
TAKE_PLACE = frozenset({"findet", "fand", "finden", "fanden", "stattfinden", "stattgefunden", "statt"})


def _statuses(sentence: Span, words: set[str]) -> list[str]:
    if words & cues()["cancelled"] or _called_off(sentence, words) or _does_not_take_place(sentence, words):
        return ["cancelled"]
    if words & cues()["planned"]:
        return ["planned"]
    return ["held"]


def _called_off(sentence: Span, words: set[str]) -> bool:
    """A separable verb of calling off with its particle closing the sentence: "sagte das Treffen
    ab", "setzte die Gespräche ab", "das Treffen fällt aus"."""
    if not words & CANCEL_VERBS:
        return False
    last = sentence[-2] if len(sentence) > 1 and sentence[-1].is_punct else sentence[-1]
    return last.lower_ in {"ab", "aus"}


def _does_not_take_place(sentence: Span, words: set[str]) -> bool:
    """"Das Treffen findet am Montag nicht statt", "wird nicht stattfinden" — unless it takes
    place elsewhere ("nicht in Wien, sondern in Graz")."""
    if "nicht" not in words or "sondern" in words:
        return False
    doc = sentence.doc
    return any(t.lower_ == "nicht" and (doc[t.i - 1].lower_ in TAKE_PLACE or (t.i + 1 < sentence.end and doc[t.i + 1].lower_ in TAKE_PLACE))
               for t in sentence if t.i > sentence.start)


def _parties(doc: Doc, sentence: Span, persons: list[Span], quoted: set[int], index: "SentenceIndex", head: Token | None = None) -> list[str]:
    """Countries and organisations taking part, in order of mention; with a trigger ``head``, not
    those named across a clause boundary from it ("Die dänische Ministerin erklärte, dass …")."""
    parties = [c for c in map(index.country, persons) if c]
    tokens = [t for t in sentence if t.i not in quoted]
    clauses = [t.i for t in tokens if t.lower_ in SUBORDINATORS] if head is not None else []
    if clauses:
        tokens = [t for t in tokens if not any(min(t.i, head.i) <= c < max(t.i, head.i) for c in clauses)]
    for token in tokens:
        lower = token.lower_
        truncated = _truncated_role_prefix(doc, token.i)
        if truncated:
            parties.append(truncated)
        elif lower.rsplit("-", 1)[-1] in MEMBER_NOUNS and _organisation_prefix(token.text):
            parties.append(_organisation_prefix(token.text))  # "G7-Staaten", "EU-Länder"
        elif (_is_group_noun(lower) or is_role(token)) and not _in_a_later_clause(doc, head, token.i):
            prefix = gazetteer.country_of_prefix(token.text)
            if prefix:
                parties.append(prefix)
            parties.extend(_adjective_chain(doc, token.i))
            parties.extend(_genitive_countries(doc, token.i + 1, sentence.end))
            if _is_seated(lower):
                parties.extend(_seat_country(doc, token.i + 1, sentence.end))
        elif lower in {"zwischen", "mit"} and any(trigger_type(t, sentence) for t in doc[max(sentence.start, token.i - 2) : token.i]):
            parties.extend(_coordinated_countries(doc, token.i + 1, sentence.end))
    parties.extend(_subject_countries(doc, sentence))
    parties.extend(_chair_countries(doc, sentence))
    if head is not None:
        kept = {t.i for t in tokens if t.i < head.i}
        parties.extend(_government_countries(index.ents.get(sentence.start, []), kept))
    return list(dict.fromkeys(parties))


def _in_a_later_clause(doc: Doc, head: Token | None, i: int) -> bool:
    """Token i follows the trigger across a clause break that does not open an apposition to a
    name (", dem Außenminister Russlands"): "Gespräche … zu führen, wurde dem Schweizer
    Botschafter übergeben" does not make the messenger's state a party."""
    if head is None or i <= head.i or not _clause_break(doc, head.i, i):
        return False
    comma = next((k for k in range(i - 1, head.i, -1) if doc[k].text in {",", ";", "–"}), None)
    return comma is None or not (i - comma <= 3 and doc[comma + 1].lower_ in ARTICLES)


CHAIR_NOUNS = frozenset({"führung", "vorsitz", "leitung", "gastgeberschaft", "schirmherrschaft", "präsidentschaft", "ratspräsidentschaft"})


def _chair_countries(doc: Doc, sentence: Span) -> list[str]:
    """The state chairing or hosting: "unter Führung der Russischen Föderation", "unter dem Vorsitz Frankreichs"."""
    found = []
    for token in sentence:
        if token.lower_ in CHAIR_NOUNS and token.i > sentence.start and doc[token.i - 1].lower_ in {"unter", "dem", "der"}:
            found += _genitive_countries(doc, token.i + 1, sentence.end)
    return found


SEAT_NOUN_TAIL = ("regierung", "ministerium", "führung", "kanzleramt", "außenamt")


def _is_seated(lower: str) -> bool:
    """A government noun that can be named by its seat ("die Regierung in Kiew")."""
    return any(form.endswith(SEAT_NOUN_TAIL) for form in (lower, lower[:-1], lower[:-2]))


def _seat_country(doc: Doc, start: int, end: int) -> list[str]:
    """The state a government is named for by its seat: "die Regierung in Kiew", "das
    Außenministerium in Bern" → UA, CH."""
    if start + 1 >= end or doc[start].lower_ != "in":
        return []
    place = gazetteer.lookup_place(doc[start + 1].text)
    return [place.country] if place is not None and place.kind == "city" and place.country else []


def _is_group_noun(lower: str) -> bool:
    """A noun for people acting for a state, also in the plural: "Diplomaten", "Regierungen", "Vertretern"."""
    return any(form.endswith(GROUP_NOUN_TAIL) for form in (lower, lower[:-1], lower[:-2]))


def _government_countries(ents: list[Span], kept: set[int]) -> list[str]:
    """The states whose government bodies, named among the ``kept`` tokens before the trigger, act:
    "Das Auswärtige Amt bestellte … ein" → DE, "der Kreml" → RU (parties are states, not ministries)."""
    kinds, countries = gazetteer.organisation_kinds(), gazetteer.organisation_countries()
    found = []
    for ent in ents:
        if ent.label_ != "ORG" or ent.start not in kept or _is_a_venue(ent):
            continue
        short = gazetteer.lookup_organisation(ent.text)
        if kinds.get(short) != "government_body" or short not in countries:
            continue
        adjective = nationality(ent.doc[ent.start - 1].text) if ent.start > 0 else None
        if adjective:
            found.append(adjective)  # "der Schweizer Bundesrat", "die österreichische Bundesregierung"
        elif not _titles_a_person(ent):
            found.append(countries[short])
    return found


def nationality(word: str) -> str | None:
    """The country of a nationality adjective, also of an inhabitants' name used as one ("Schweizer
    Diplomaten", "der Schweizer Bundesrat")."""
    return gazetteer.country_of_adjective(word) or (gazetteer.country_of_inhabitant(word) if word[:1].isupper() else None)


def _is_a_venue(ent: Span) -> bool:
    """A body named as the place where something happens ("im Bundeskanzleramt", "beim Auswärtigen Amt")
    does not act; the country of a building is no party."""
    doc, i = ent.doc, ent.start - 1
    while i > 0 and (doc[i].lower_ in ARTICLES or (doc[i].text[:1].islower() and doc[i].lower_.endswith(("en", "em")))):
        i -= 1  # past "dem", "des" and adjectives: "im österreichischen Bundeskanzleramt"
    return i >= 0 and doc[i].lower_ in VENUE_PREPOSITIONS


def _titles_a_person(ent: Span) -> bool:
    """An organisation's name used as a person's title ("Bundesrat Urs Keller"): it does not say which state."""
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].ent_type_ == "PER"


def _truncated_role_prefix(doc: Doc, i: int) -> str | None:
    """The country or organisation of a truncated compound before a role: "die EU-Außen- und
    Europaminister", "die EU-Staats- und Regierungschefs" → EU."""
    word = doc[i].text
    if len(word) < 3 or not word.endswith("-") or i + 2 >= len(doc) or doc[i + 1].lower_ not in {"und", "oder", "sowie"}:
        return None
    return gazetteer.country_of_prefix(word[:-1]) if is_role(doc[i + 2]) else None


def _names_ministers_as_a_group(doc: Doc, sentence: Span) -> bool:
    """Unnamed ministers or leaders of several countries: "die Außenminister der USA, Frankreichs
    und Russlands", "die Staats- und Regierungschefs der G7"."""
    for token in sentence:
        if is_role(token) and name_after(doc, token.i + 1) is None and any(word in (role_base(token.text) or "").lower() for word in TOP_LEVEL_ROLES):
            if len(_genitive_countries(doc, token.i + 1, sentence.end)) >= 2 or len(_adjective_chain(doc, token.i)) >= 2:
                return True
    return False


def _ministers_of_an_organisation(doc: Doc, sentence: Span) -> bool:
    """Ministers or leaders of an international organisation meet: a council or summit
    ("Treffen der Nato-Außenminister", "die Verteidigungsminister der Mitgliedsstaaten der EU",
    "die EU-Außen- und Europaminister")."""
    kinds = gazetteer.organisation_kinds()
    if any(kinds.get(_truncated_role_prefix(doc, t.i)) == "intergovernmental" for t in sentence):
        return True
    for token in sentence:
        if not (is_role(token) or token.lower_.endswith(LEADER_NOUN_TAIL)) or name_after(doc, token.i + 1) is not None:
            continue  # not a title, or the title of one named person
        organisations = [gazetteer.country_of_prefix(token.text)] + _genitive_countries(doc, token.i + 1, sentence.end)
        if any(kinds.get(org) == "intergovernmental" for org in organisations if org):
            return True
    return False


def _adjective_chain(doc: Doc, noun: int) -> list[str]:
    """Countries of the nationality adjectives before a noun: "US-amerikanische und russische Diplomaten"."""
    found = []
    i = noun - 1
    while i >= 0:
        country = nationality(doc[i].text)
        if country:
            found.append(country)
        elif doc[i].lower_ not in {"und", ",", "sowie"}:
            break
        i -= 1
    return list(reversed(found))


def _country_at(doc: Doc, i: int) -> tuple[str | None, int]:
    """The country or organisation named at token i (up to 4 tokens) and the index after it;
    also a members compound ("Nato-Staaten", "EU-Länder")."""
    if i < len(doc) and doc[i].lower_.rsplit("-", 1)[-1] in MEMBER_NOUNS:
        org = gazetteer.country_of_prefix(doc[i].text)
        if org:
            return org, i + 1
    for size in range(4, 0, -1):
        if i + size > len(doc):
            continue
        text = doc[i : i + size].text
        place = gazetteer.lookup_place(text)
        if place and place.kind == "country":
            return place.country, i + size
        org = gazetteer.lookup_organisation(text)
        if org and gazetteer.organisation_kinds().get(org) in PARTY_KINDS:
            return org, i + size
    return None, i


def _coordinated_countries(doc: Doc, start: int, end: int) -> list[str]:
    """Countries in a coordination: "(der) USA und (der) Russlands", "Russland, China und Iran",
    also after a noun for them ("den westeuropäischen Staaten Frankreich, Großbritannien und Deutschland")."""
    found, i = [], _past_country_noun(doc, start, end)
    while i < end:
        if doc[i].lower_ in {"der", "die", "dem", "den", "des"}:
            i += 1
            continue
        country, after = _country_at(doc, i)
        if country is None:
            break
        found.append(country)
        if after < end and doc[after].lower_ in {"und", ",", "sowie"}:
            i = after + 1
        else:
            break
    return found


COUNTRY_NOUNS = ("staaten", "ländern", "länder", "nachbarn", "partnern", "partner", "mächten", "mächte")


def _past_country_noun(doc: Doc, start: int, end: int) -> int:
    """The index after an article, adjectives and a plural noun for states that precede the
    countries they name ("den europäischen Partnern Italien und Spanien"), else ``start``."""
    i = start
    while i < end and i - start < 4 and (doc[i].lower_ in ARTICLES or (doc[i].text[:1].islower() and doc[i].is_alpha)):
        i += 1
    if i < end and doc[i].lower_.endswith(COUNTRY_NOUNS) and not gazetteer.country_of_prefix(doc[i].text):
        return i + 1
    return start


MEMBER_NOUNS = ("mitgliedsstaaten", "mitgliedstaaten", "mitgliedsländer", "mitgliedländer", "staaten", "länder", "mitglieder", "partner")


def _genitive_countries(doc: Doc, start: int, end: int) -> list[str]:
    """Countries in a genitive after a noun: "der USA und Russlands", "Russlands", also through
    "der Mitgliedsstaaten der Europäischen Union"."""
    if start + 2 < end and doc[start].lower_ == "der" and doc[start + 1].lower_ in MEMBER_NOUNS:
        start += 2
    if start < end and doc[start].lower_ in {"der", "des"}:
        return _coordinated_countries(doc, start, end)
    if start < end:
        country, _ = _country_at(doc, start)
        if country and doc[start].text.endswith("s"):
            return _coordinated_countries(doc, start, end)
    return []


def _subject_start(doc: Doc, sentence: Span) -> int:
    """Where the sentence's first noun phrase starts, after a headline colon and an article."""
    start = sentence.start
    for token in sentence:
        if token.text == ":" and token.i - sentence.start < 4:
            start = token.i + 1
    while start < sentence.end and (doc[start].lower_ in {"die", "der"} or doc[start].is_space):
        start += 1
    return start


def _subject_countries(doc: Doc, sentence: Span) -> list[str]:
    """Coordinated countries that open the sentence (after a headline colon): "USA und Russland verhandeln"."""
    found = _coordinated_countries(doc, _subject_start(doc, sentence), sentence.end)
    return found if len(found) >= 2 else []


def _place(doc: Doc, sentence: Span, head: Token, quoted: set[int], kind: str, index: "SentenceIndex",
           others: set[int] = frozenset(), after_only: bool = False) -> tuple[gazetteer.Place | None, str | None]:
    """The place of the event: the LOC after "in/im/nach" closest to the trigger, not across a comma,
    not inside a role ("der Botschafter in Berlin") and not past the trigger of another mention
    ("Verhandlungen bis zum Gipfel in Pittsburgh"); with ``after_only``, only a place after the trigger."""
    if kind == "call":
        return None, None
    best: tuple[int, gazetteer.Place, str] | None = None
    for ent in index.ents.get(sentence.start, []):
        if ent.label_ != "LOC" or ent.start in quoted or ent.start in index.in_roles or (after_only and ent.start < head.i):
            continue
        place = gazetteer.lookup_place(ent.text)
        if place is None and venue_base(ent[-1].text) is None and ent.text not in venue_heads()[1]:
            place = gazetteer.Place(ent.text, "unknown", None)  # a place the gazetteer does not list
        if place is None:
            continue
        prep = _preposition_before(doc, ent.start, sentence.start)
        visited = kind == "visit" and 0 < ent.start - head.i <= 4  # "besuchte am Donnerstag Tallinn"
        named_after = doc[prep].lower_ == "von" and prep - 1 == head.i and place.kind in {"city", "unknown"}  # "Gipfel von Lissabon"
        if doc[prep].lower_ not in PLACE_PREPOSITIONS and not visited and not named_after:
            continue
        if prep > sentence.start and doc[prep - 1].lower_ == "nicht":
            continue  # "nicht in Lima, sondern in Cusco"
        if prep > sentence.start and doc[prep].lower_ == "in" and _is_seated(doc[prep - 1].lower_):
            continue  # the seat of a government: "die Regierung in Kiew"
        low, high = sorted((ent.start, head.i))
        if _clause_break(doc, head.i, ent.start) or any(low < i < high for i in others):
            continue
        distance = abs(ent.start - head.i) + {"city": 0, "unknown": 2}.get(place.kind, 3)
        base = gazetteer.base_form(ent.text, "place") or ent.text
        if best is None or distance < best[0]:
            best = (distance, place, base)
    return (best[1], best[2]) if best else (None, None)


ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des"})


def _preposition_before(doc: Doc, start: int, limit: int) -> int:
    """Index of the word before a place name once articles, adjectives and place nouns are
    passed: "im russischen Sotschi", "in der südkoreanischen Hauptstadt Seoul", "auf der Insel Nias"."""
    i = start - 1
    while i > limit and start - i <= 5 and (doc[i].lower_ in ARTICLES or _is_place_modifier(doc[i].text)):
        i -= 1
    return i


def _is_place_modifier(word: str) -> bool:
    """A nationality or other adjective, or a noun for a kind of place ("Hafenstadt", "Insel")."""
    lower = word.lower()
    if gazetteer.country_of_adjective(word) or lower.endswith(tuple(cues()["placenoun"])):
        return True
    return word[:1].islower() and lower.endswith(("e", "en", "er", "es", "em")) and word.isalpha()


RELATIVE_PRONOUNS = frozenset({"der", "die", "das", "dem", "den", "welcher", "welche", "welches", "wo"})


def _in_list(doc: Doc, comma: int) -> bool:
    """A comma between two names of a list ("Spaniens, Polens und Italiens")."""
    return 0 < comma < len(doc) - 1 and doc[comma].text == "," and bool(doc[comma - 1].ent_type_) and bool(doc[comma + 1].ent_type_)


def _clause_break(doc: Doc, trigger: int, place: int) -> bool:
    """A comma, semicolon or dash between trigger and place (not one before "sondern"), except the one comma that opens a
    relative clause on the trigger ("ein Gipfel, der im Mai in Boston stattfinden soll"), the one
    after the place that opens a "wo" clause holding the trigger ("nach Genf, wo er X traf") or closes
    an apposition the trigger heads ("Der NSS, ein Gipfel der Regierungschefs, war in Den Haag geplant")."""
    low, high = sorted((trigger, place))
    breaks = [t.i for t in doc[low:high] if t.text in {",", ";", "–"} and not _in_list(doc, t.i) and doc[t.i + 1].lower_ != "sondern"]
    if not breaks:
        return False
    one_comma = trigger < place and len(breaks) == 1 and doc[breaks[0]].text == ","
    relative = one_comma and doc[breaks[0] + 1].lower_ in RELATIVE_PRONOUNS and breaks[0] - trigger <= 2
    where = place < trigger and len(breaks) == 1 and doc[breaks[0] + 1].lower_ == "wo" and breaks[0] - place <= 3
    return not (relative or where or (one_comma and _heads_an_apposition(doc, trigger)))


def _heads_an_apposition(doc: Doc, trigger: int) -> bool:
    """The trigger is the noun of an indefinite apposition: ", ein Atomgipfel …"."""
    return any(doc[i].text == "," and doc[i + 1].lower_ in INDEFINITES for i in range(max(0, trigger - 4), trigger - 1))


VENUE_PREPOSITIONS = frozenset({"im", "in", "auf", "am", "vor", "beim", "bei"})


@lru_cache(maxsize=65536)
def venue_base(word: str) -> str | None:
    """The word as a venue in its base form ("US-Generalkonsulats" → "US-Generalkonsulat"), or None."""
    heads, lengths = _venue_head_set()
    lower = word.lower()
    for form in (lower, lower[:-1], lower[:-2]):
        if any(form[len(form) - length :] in heads for length in lengths if len(form) >= length):
            return word[: len(form)]
    return None


@lru_cache(maxsize=1)
def _venue_head_set() -> tuple[frozenset[str], tuple[int, ...]]:
    """(one-word venue nouns, lower-cased; their lengths): a word ends in one when its tail of one
    of those lengths is in the set."""
    heads = venue_heads()[0]
    return frozenset(heads), tuple(sorted({len(head) for head in heads}))


ADJECTIVE_FORM = re.compile(r"(es|er|en|em|e)$")


def _venue_pattern(name: str) -> str:
    """A regular expression for a multi-word venue in any case: adjectives with any ending, the
    last noun also in the genitive ("im Weißen Haus", "des Weißen Hauses" → "Weißes Haus")."""
    *words, last = name.split()
    parts = [re.escape(ADJECTIVE_FORM.sub("", w)) + "(?:es|er|en|em|e)" if ADJECTIVE_FORM.search(w) and w[:1].isupper() and "-" not in w
             else re.escape(w) for w in words]
    return r"\b" + r"\s+".join(parts + [re.escape(last) + "(?:es|s)?"]) + r"\b"


@lru_cache(maxsize=1)
def _named_venue_patterns() -> tuple[re.Pattern, list[tuple[re.Pattern, str]]]:
    """(one pattern for any named venue, [(pattern, name)] longest name first)."""
    names = venue_heads()[1]
    singles = [(re.compile(_venue_pattern(name)), name) for name in names]
    return re.compile("|".join(p.pattern for p, _ in singles)), singles


def named_venue(text: str) -> str | None:
    """The named venue the text mentions in any case, as listed ("im Weißen Haus" → "Weißes Haus")."""
    anywhere, singles = _named_venue_patterns()
    if not anywhere.search(text):
        return None
    return next((name for pattern, name in singles if pattern.search(text)), None)


def _venue(sentence: Span, quoted: set[int]) -> str | None:
    """The venue: a named venue ("Camp David"), or the venue noun after a locative preposition,
    the more specific genitive one when there are two ("im Hauptquartier des US-Generalkonsulats"
    → "US-Generalkonsulat")."""
    found = named_venue(sentence.text)
    if found:
        return found
    doc = sentence.doc
    for token in sentence:
        if token.i in quoted or not token.text[:1].isupper() or token.i == sentence.start:
            continue
        venue = venue_base(token.text)
        if venue is None or not any(t.lower_ in VENUE_PREPOSITIONS for t in doc[max(sentence.start, token.i - 3) : token.i]):
            continue
        genitive = token.i + 2
        if genitive < sentence.end and token.nbor(1).lower_ in {"des", "der"}:
            return venue_base(doc[genitive].text) or venue
        return venue
    return None


def _date(sentence: Span, head: Token, quoted: set[int], index: "SentenceIndex") -> dict | None:
    """The date expression closest to the trigger in its own clause, or one opening the sentence
    ("Am Sonntag, kurz vor dem Gipfel, trafen sich …"); dates inside quotes, across a comma ("…,
    auch in Erinnerung an das Beben zu Weihnachten 2004"), of another noun ("die Meldung vom
    11. Februar") and bounding a period ("seit 2019") are not the event's."""
    doc = sentence.doc
    best = None
    for span, timex in index.dates.get(sentence.start, []):
        if timex.get("kind", "date") != "date" or span.start in quoted or _dates_another_noun(doc, span, head) or _bounds_a_period(doc, span, head):
            continue
        if _clause_break(doc, *_gap(span, head)) and span.start - sentence.start > 2:
            continue
        distance = abs(span.start - head.i)
        if best is None or distance < best[0]:
            offset = sentence.start_char
            text = sentence.text[timex.get("start", span.start_char) - offset : timex.get("end", span.end_char) - offset]
            best = (distance, {"text": text, "value": timex.get("value"), "mod": timex.get("mod")})
    return best[1] if best else None


def _gap(span: Span, head: Token) -> tuple[int, int]:
    """The token range between a date and the trigger, without a comma right at the date: "am
    Montag, den 18. Februar, zu einer Konferenz" is one clause."""
    doc = span.doc
    if span.end <= head.i:
        start = span.end + (doc[span.end].text == ",")
        return start, head.i
    end = span.start - (doc[span.start - 1].text == ",")
    return head.i, end


def _bounds_a_period(doc: Doc, span: Span, head: Token) -> bool:
    """A trigger noun with "seit" + date counts the time since then ("ihr erstes Treffen seit 2019",
    "die erste Reise seit dem 4. Mai"): the date is not the event's. After a verb it is when an
    ongoing event began ("beraten seit gestern")."""
    i = lead_index(span, 0)
    return i is not None and doc[i].lower_ == "seit" and i - 1 == head.i and head.text[:1].isupper()


def _dates_another_noun(doc: Doc, span: Span, head: Token) -> bool:
    """"vom 11. Februar" after a noun other than the trigger dates that noun ("nach einer Meldung
    vom 11. Februar"); a range "vom 3. bis 5. Mai" is adverbial."""
    i = span.start - 1
    if i < 1 or doc[i].lower_ != "vom" or i - 1 == head.i:
        return False
    return not any(t.lower_ == "bis" for t in doc[span.end : span.end + 2]) and "bis" not in span.text.split()


REPRESENTED = frozenset({"lässt", "ließ", "lassen", "ließen"})


def _is_participation(words: set[str]) -> bool:
    """The sentence (its lower-cased words) says who takes part in an event already described ("An
    dem Gipfel nehmen X und Y teil", "China wird seinen Vizeaußenminister entsenden", "X lässt sich
    durch Y vertreten")."""
    return bool(words & cues()["participate"]) or ("vertreten" in words and bool(words & REPRESENTED))


def _add_participants(doc: Doc, sentence: Span, quoted: set[int], recent: list[Event], index: "SentenceIndex", number: int) -> None:
    """Persons and parties of a participation sentence join the latest summit among the recent
    events, else the latest event. Whoever has himself represented ("lässt sich durch Y vertreten")
    is not there, his country is."""
    target = next((e for e in reversed(recent) if "summit" in e.types), recent[-1])
    persons = index.persons(sentence, quoted)
    deputy = next((t.i for t in sentence if t.lower_ == "durch"), None)
    if deputy is not None and "vertreten" in {t.lower_ for t in sentence}:
        persons = [p for p in persons if p.start > deputy]
    persons += index.office_holders(doc, sentence, quoted)
    parties = _parties(doc, sentence, index.persons(sentence, quoted), quoted, index)
    parties += _coordinated_countries(doc, _subject_start(doc, sentence), sentence.end)
    if not persons and not parties:
        return
    target.add_participants(persons)
    target.parties += parties
    target.sentences.append((sentence.start_char, sentence.end_char))
    target.position = number


def _add_next_sentence_persons(sentence: Span, quoted: set[int], event: Event, index: "SentenceIndex", number: int) -> None:
    """Persons of the sentence right after an event take part when the event named no one ("Die
    Präsidenten beider Länder trafen sich …. Der indonesische Präsident X und sein Kollege Y …"),
    and, after a summit of an organisation, its own officers do ("Nato-Generalsekretär X erklärte
    daraufhin …")."""
    if number - event.position != 1:
        return
    persons = index.persons(sentence, quoted)
    if not event.participants and not event.parties:
        joining = [p for p in persons if p._.role]
    elif "summit" in event.types:
        joining = [p for p in persons if index.country(p) in _organisations(event)]
    else:
        return
    event.add_participants(joining)
    event.parties += [c for c in map(index.country, joining) if c]


def _add_delegation_leads(sentence: Span, quoted: set[int], events: list[Event], index: "SentenceIndex") -> None:
    """"Die US-Delegation wurde von X geleitet": X joins the last working-level event as its lead."""
    persons = index.persons(sentence, quoted)
    if not persons or not events:
        return
    target = next((e for e in reversed(events) if e.working_level), events[-1])
    for person in persons:
        target.participants.append(person)
        target.leads.add((person.start_char, person.end_char))
        if index.country(person):
            target.parties.append(index.country(person))
    target.sentences.append((sentence.start_char, sentence.end_char))


DATELINE_DASHES = frozenset({"-", "–", "—", ":"})


def _dateline(doc: Doc) -> tuple[gazetteer.Place, int] | None:
    """The city of a dateline opening a line near the top, and the character offset where the
    dateline ends: "WIEN (APA) -", "Berlin/Wien (dpa) –", "Bern. –" (the first city is the one filed from)."""
    words = token_texts(doc)
    for i in range(min(80, len(words))):
        if i > 0 and "\n" not in words[i - 1]:
            continue
        place = _city(words[i])
        j = i + 1
        while place is not None and j + 1 < len(words) and words[j] == "/" and _city(words[j + 1]):
            j += 2
        if place is None or j >= len(words):
            continue
        if words[j] == ".":
            j += 1
        if j < len(words) and words[j] == "(":
            close = next((k for k in range(j + 1, min(j + 6, len(words))) if words[k] == ")"), None)
            j = close + 1 if close is not None else j
        if j < len(words) and words[j] in DATELINE_DASHES:
            return place, doc[j].idx + 1
    return None


def _city(word: str) -> gazetteer.Place | None:
    """The city a word names, also in capitals ("WIEN")."""
    place = gazetteer.lookup_place(word.title() if word.isupper() and len(word) > 2 else word)
    return place if place is not None and place.kind == "city" else None


def _held_at_dateline(doc: Doc, event: Event, dateline: tuple[gazetteer.Place, int], lead: int, published: str | None) -> bool:
    """A held event of the lead without a place (or placed only in the dateline's country), whose
    sentences name no other site, with the dateline's country taking part, happened there; not a
    call, and of visits only the receiving ("empfing") or one to the dateline's country, not a trip
    abroad ("besuchte den Präsidenten")."""
    city, end = dateline
    in_its_country = event.place is not None and event.place.kind == "country" and event.place.country == city.country
    if (event.place is not None and not in_its_country) or event.first > lead or city.country not in event.parties:
        return False
    if "call" in event.types or event_status(event, published) != "held":
        return False
    if event_type(event) == "visit" and not in_its_country and not any(doc.text[a:b].lower().startswith("empf") for a, b in event.triggers):
        return False
    return not any(_names_a_site(ent) and ent.start_char >= end and any(a <= ent.start_char < b for a, b in event.sentences) for ent in doc.ents)


def _names_a_site(ent: Span) -> bool:
    """A place entity that could be where something happens: a city, region or unknown place, not a
    country named for its people ("die Außenminister Deutschlands")."""
    if ent.label_ != "LOC":
        return False
    place = gazetteer.lookup_place(ent.text)
    return place is None or place.kind != "country"


def _same_kind(event: Event, mention: Event) -> bool:
    """The mention's type is one the event already has (meeting and talks count as one kind)."""
    family = {"meeting": "meeting", "talks": "meeting"}
    kinds = {family.get(t, t) for t in event.types}
    return all(family.get(t, t) in kinds for t in mention.types)


def _compatible(event: Event, mention: Event, dates: bool = True) -> bool:
    """Place and (unless ``dates`` is False) date do not contradict each other."""
    if event.place and mention.place:
        same = event.place.name == mention.place.name or (
            event.place.kind == mention.place.kind == "country" and event.place.country == mention.place.country
        )
        contains = {event.place.kind, mention.place.kind} == {"city", "country"} and event.place.country == mention.place.country
        if not (same or contains):
            return False
    if dates and event.date and mention.date and event.date.get("value") and mention.date.get("value"):
        a, b = event.date["value"], mention.date["value"]
        if not (a.startswith(b) or b.startswith(a)):
            return False
    return True


def _merge(event: Event, mention: Event) -> None:
    event.types += mention.types
    event.triggers += mention.triggers
    event.nouns += mention.nouns
    event.add_participants(mention.participants)
    event.parties += mention.parties
    if mention.place and (event.place is None or (event.place.kind != "city" and mention.place.kind == "city")):
        event.place, event.place_text = mention.place, mention.place_text
    event.venue = event.venue or mention.venue
    if mention.date and (event.date is None or len(mention.date.get("value") or "") > len(event.date.get("value") or "")):
        event.date = mention.date
    event.statuses += mention.statuses
    event.follow_up = event.follow_up or mention.follow_up
    event.working_level = event.working_level or mention.working_level
    event.ministerial = event.ministerial or mention.ministerial
    event.sentences += mention.sentences
    event.position = max(event.position, mention.position)


def event_type(event: Event) -> str:
    """The event's type from its mentions: the most frequent, with meeting ~ talks decided by level;
    a visit stays a visit however many of its meetings and talks are reported.

    Ministers or heads of state called meeting ("trafen sich"), or with another person of another
    state talking ("berieten"), is a "meeting"; delegations and diplomats without one are "talks"; one
    leader ready to talk or leaders of one state discussing go by the more frequent of the two words.
    """
    votes = {kind: event.types.count(kind) for kind in TYPE_PRIORITY}
    votes["meeting"] += votes.pop("talks")
    best = max(votes, key=lambda kind: (votes[kind], -TYPE_PRIORITY.index(kind)))
    if best == "meeting" and votes["visit"]:
        best = "visit"  # the talks and meetings of a visit are part of it
    countries = {p for p in event.parties if p not in gazetteer.organisation_kinds()}
    if best == "meeting" and event.ministerial and len(countries) >= 3:
        return "summit"  # ministers of three or more countries: a conference
    if best != "meeting":
        return best
    if any(map(_is_top_level, event.participants)) and ("meeting" in event.types or (len(event.person_keys()) >= 2 and len(countries) >= 2)):
        return "meeting"
    if event.working_level:
        return "talks"
    talks = event.types.count("talks")
    return "talks" if talks > event.types.count("meeting") else "meeting"


def _is_spokesperson(person: Span) -> bool:
    """A spokesperson ("Regierungssprecher X") reports on a meeting and does not take part in it."""
    return any(head.endswith(("sprecher", "sprecherin")) for head in _role_heads(person._.role))


def _is_top_level(person: Span) -> bool:
    """A minister, head of state or government, or leader of an international organisation."""
    return any(word in head for head in _role_heads(person._.role) for word in TOP_LEVEL_ROLES)


def _role_heads(role: str | None) -> list[str]:
    """The role nouns of a person's roles, lower-cased ("Direktor der … des Außenministeriums" → "direktor")."""
    heads = []
    for part in (role or "").split(";"):
        head = next((base for word in part.split() if word[:1].isupper() and (base := role_base(word))), None)
        if head:
            heads.append(head.lower())
    return heads


def event_status(event: Event, published: str | None = None) -> str:
    """Cancelled if any mention says so; planned when no mention reports it held or its date lies
    after the publication date; else held."""
    if "cancelled" in event.statuses:
        return "cancelled"
    if "held" in event.statuses and not _after(event.date, published):
        return "held"
    return "planned"


def _after(when: dict | None, published: str | None) -> bool:
    """The date value (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www) starts after the publication day."""
    value = (when or {}).get("value") or ""
    if not published or not value[:4].isdigit():
        return False
    try:
        if "-W" in value:
            year, week = value.split("-W")
            start = date.fromisocalendar(int(year), int(week[:2]), 1)
        else:
            parts = [int(p) for p in value.split("-")[:3]]
            start = date(parts[0], *(parts[1:] + [1, 1])[:2])
        return start > date.fromisoformat(published)
    except ValueError:
        return False


def event_dict(doc: Doc, event: Event) -> dict:
    """The event as plain data: participants as [start_char, end_char] of their mentions."""
    seen, participants = set(), []
    for person in event.participants:
        if person.text not in seen:
            seen.add(person.text)
            participants.append([person.start_char, person.end_char])
    kind = event_type(event)
    parties = list(event.parties)
    if kind == "visit" and event.place is not None and event.place.country:
        parties.append(event.place.country)  # the host of a visit takes part
    return {
        "type": kind,
        "status": event_status(event, doc._.published if Doc.has_extension("published") else None),
        "participants": participants,
        "leads": sorted(list(lead) for lead in event.leads),
        "parties": list(dict.fromkeys(parties)),
        "location": event.place_text,
        "location_kind": event.place.kind if event.place else None,
        "country": event.place.country if event.place else None,
        "venue": event.venue,
        "date": event.date,
        "follow_up": event.follow_up,
        "triggers": [list(t) for t in event.triggers],
        "evidence": [list(s) for s in event.sentences],
    }
