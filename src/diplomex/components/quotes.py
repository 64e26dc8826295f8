"""``diplomex_quotes``: direct quotes and their speakers.

Writes ``doc.spans[spans_key]``, one span per quote covering its content (without the marks), each
with ``span._.quote`` a plain dict::

    {"start": int, "end": int,            # exact char offsets of the content
     "cue": str | None,                   # "sagte", "schrieb", "so", "zufolge", "laut", "colon", …
     "partial": bool,                     # a fragment embedded in the author's sentence
     "kind": "direct",
     "speaker": [start, end] | None,      # char span of the speaker's name mention
     "speaker_kind": "person" | "organisation" | None,
     "mention": [start, end] | None,      # the words saying who spoke, as written where the quote
     "mention_kind": str | None}          # is attributed: person | organisation | pronoun | role | description

``mention`` is what the text says at the quote ("er", "der Minister", "ein Polizeisprecher", "Costa"), also
when it names no one; ``speaker`` is whom it names, resolved ("er" → the person it refers to) and None for
a description ("ein Polizeisprecher sagte") or a pronoun or role that cannot be resolved for sure.

Works with any German pipeline: uses ``doc.ents`` (PER/ORG) when present, and plain text patterns
otherwise (cue verbs, role titles, capitalised names). A speaker is only given when the text names it:
"er"/"sie" resolve to the named subject of a preceding sentence (or, after a quote, to the person named
before it), and only when the gender agrees where a title or honorific shows it ("sie" never resolves to
"Außenminister Karl Brandt"; a plural "sie sagten" resolves to no one); "der (brasilianische) Präsident"
resolves to the one person named before with that title (and nationality). Organisations speak as such
("das Auswärtige Amt", "die FIFA", "laut „Reuters“"), also through their spokespeople and officials
("ein Sprecher des Finanzministeriums", "der Einsatzleiter der Polizei"); "sagte die Sprecherin" without
a name gives None. A quote without cue continues the previous quote's speaker only when no other person
is named in between, or, when the quote stands in a Konjunktiv I sentence that goes on reporting the
sentence before ("Er sagte, … Das Schicksal des Landes stehe „auf Messers Schneide“"), that speaker.
With entities, a person speaker must be a name (see :class:`SpeakerCheck`).

Indirect speech (config ``indirect``, off by default so that direct quotes stay as they are): clauses in
Konjunktiv I ("Lawrow sagte, man sei bereit …", "Nach Angaben des Ministeriums habe …", "…, so X"; see
:mod:`diplomex.indirect`) are added to the same spans with ``"kind": "indirect"``, the clause as text,
``partial`` False, the cue word, and the speaker found as for a direct quote. To switch it on in the
diplomex pipeline: ``nlp = diplomex.load(indirect=True)`` (then ``diplomex.extract(text, nlp=nlp)``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from diplomex import gazetteer, hygiene
from diplomex.components.lexicon import holder_role, is_common_noun, role_base
from diplomex.indirect import find_reported
from diplomex.quotation import (
    Mention,
    Quoted,
    attribute,
    elided_subject,
    find_quoted,
    is_institution,
    is_known_body,
    is_title,
    is_quotation,
    person_mentions,
    resolve_pronoun,
    sentence_start,
    role_holder,
    role_titles,
    surnames,
    unnamed,
)
from diplomex.records import Quote

if not Span.has_extension("quote"):
    Span.set_extension("quote", default=None)

PERSON_LABELS = ("PER", "PERSON")
ORG_LABELS = ("ORG",)
PLACE_LABELS = ("LOC", "GPE")
SPANS_KEY = "diplomex_quotes"


@Language.factory(
    "diplomex_quotes",
    default_config={"spans_key": SPANS_KEY, "max_paragraphs": 8, "pronoun_sentences": 3, "indirect": False},
)
def make_quote_finder(
    nlp: Language, name: str, spans_key: str, max_paragraphs: int, pronoun_sentences: int, indirect: bool
):
    return QuoteFinder(spans_key=spans_key, max_paragraphs=max_paragraphs, pronoun_sentences=pronoun_sentences, indirect=indirect)


class QuoteFinder:
    """Find direct quotes, their cue and their speaker; with ``indirect``, also indirect speech in
    Konjunktiv I (see the module docstring for the output)."""

    def __init__(self, spans_key: str = SPANS_KEY, max_paragraphs: int = 8, pronoun_sentences: int = 3, indirect: bool = False):
        self.spans_key = spans_key
        self.max_paragraphs = max_paragraphs
        self.pronoun_sentences = pronoun_sentences  # how far back "er"/"sie" may look for its person
        self.indirect = indirect

    def __call__(self, doc: Doc) -> Doc:
        text = hygiene.doc_text(doc)
        marked = find_quoted(text, self.max_paragraphs)
        found = [q for q in marked if is_quotation(text, q)]
        if not found and not self.indirect:
            doc.spans[self.spans_key] = []
            return doc
        ents = list(doc.ents)  # each read of doc.ents builds new Spans: read once
        known = known_names(doc, text, ents)
        check = SpeakerCheck(doc, known, text, ents)
        quotes: list[Attribution] = []
        for quoted in found:
            cue, mention = attribute(text, quoted, known)
            mention = check.entity_named(mention)
            speaker = None if unnamed(mention) else mention
            speaks_on = cue is None or elided_subject(text, quoted)
            previous = quotes[-1] if quotes else None
            if speaker is None and speaks_on and previous and continues(text, previous.quoted, quoted):
                if not check.names_another(previous.quoted.end, quoted.start, previous.speaker):
                    speaker, mention = previous.speaker, previous.mention
            if speaker is None and cue is None:
                speaker = check.only_person_before(sentence_start(text, quoted.start - 1), quoted.start - 1)
                mention = speaker or mention
            resolved = self._resolve(text, speaker, quoted, known, check)
            if resolved is None and mention is not None and mention.kind == "person" and all(
                map(is_common_noun, text[mention.start : mention.end].split())
            ):
                mention = replace(mention, kind="description")  # "Augenzeugen berichteten": nouns, no name
            quotes.append(Attribution(quoted, cue, resolved, mention))
        reported = self._reported(doc, text, marked, quotes, known, check)
        quotes = continue_reported_speech(quotes, reported)
        spans = []
        for quote in quotes:
            span = doc.char_span(quote.quoted.start, quote.quoted.end, alignment_mode="expand")
            if span is not None:
                span._.quote = _quote_info(text, quote, "direct")
                spans.append(span)
        for clause, attribution in reported if self.indirect else ():
            span = doc.char_span(clause.start, clause.end, alignment_mode="expand")
            if span is not None:
                span._.quote = _quote_info(text, attribution, "indirect")
                spans.append(span)
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc

    def _resolve(self, text: str, speaker: Mention | None, quoted: Quoted, known: frozenset[str], check: "SpeakerCheck"):
        """A speaker mention made final: pronouns and bare roles resolved, then checked (see SpeakerCheck)."""
        if speaker is not None and speaker.kind == "pronoun":
            speaker = resolve_pronoun(text, speaker, quoted, known, self.pronoun_sentences, check.person)
        elif speaker is not None and speaker.kind == "role":
            speaker = check.role_holder(speaker) if check.ner else role_holder(text, speaker, known)
        return check(speaker)

    def _reported(self, doc: Doc, text: str, marked: list[Quoted], quotes: list, known: frozenset[str], check: "SpeakerCheck"):
        """The indirect-speech clauses with their attributions, read when asked for (``indirect``) or when a
        direct quote has no cue and no speaker (a Konjunktiv I sentence may go on reporting someone)."""
        if not self.indirect and all(q.cue is not None or q.speaker is not None for q in quotes):
            return []
        sentences = sentence_offsets(doc, text)
        morph = {t.idx: str(t.morph) for t in doc} if doc.has_annotation("MORPH") else {}
        attributed = sorted(q.quoted.start for q in quotes if q.speaker is not None)

        def attributes(lo: int, hi: int) -> bool:
            k = bisect_left(attributed, lo)
            return k < len(attributed) and attributed[k] < hi

        out = []
        for clause in find_reported(text, sentences, marked, morph.get, attributes):
            mention = attribute(text, clause.as_quoted(), known)[1] if clause.shape != "continued" else None
            speaker = self._resolve(text, mention, clause.as_quoted(), known, check)
            out.append((clause, Attribution(clause.as_quoted(), clause.cue, speaker, mention)))
        return out


def sentence_offsets(doc: Doc, text: str) -> list[tuple[int, int]]:
    """(start, end) char offsets of the Doc's sentences, the whole text when none are set (read from the
    SENT_START array: iterating ``doc.sents`` builds a Span per sentence)."""
    if not doc.has_annotation("SENT_START") or not len(doc):
        return [(0, len(text))]
    starts = [doc[i].idx for i, flag in enumerate(doc.to_array(SENT_START)) if flag == 1 or i == 0]
    return list(zip(starts, starts[1:] + [len(text)]))


@dataclass(frozen=True)
class Attribution:
    """A quote (or reported clause) with its cue, its speaker (named, resolved) and the mention that names
    the speaker where it is attributed, as written (a name, pronoun, role, description or organisation)."""

    quoted: Quoted
    cue: str | None
    speaker: Mention | None
    mention: Mention | None


def continue_reported_speech(quotes: list[Attribution], reported: list[tuple]) -> list[Attribution]:
    """Speakers that go on over Konjunktiv I sentences: a reported clause with no cue of its own
    ("continued") and a direct quote with neither cue nor speaker inside such a clause ("Das Schicksal
    des Landes stehe „auf Messers Schneide“") take the speaker (and its mention) of the last quote or
    reported clause before. ``reported`` is updated in place; the quotes are returned."""
    events = sorted([*quotes, *(a for c, a in reported if c.shape != "continued")], key=lambda a: a.quoted.start)
    starts = [a.quoted.start for a in events]

    def before(pos: int) -> Attribution | None:
        k = bisect_left(starts, pos) - 1
        return events[k] if k >= 0 else None

    def continuing(attribution: Attribution, pos: int) -> Attribution:
        source = before(pos)
        return replace(attribution, speaker=source.speaker, mention=source.mention) if source else attribution

    for i, (clause, attribution) in enumerate(reported):
        if clause.shape == "continued":
            reported[i] = (clause, continuing(attribution, clause.start))
    chains = [clause for clause, _ in reported if clause.shape == "continued"]
    out = []
    for quote in quotes:
        chain = next((c for c in chains if c.start <= quote.quoted.start - 1 < c.end), None) if quote.cue is None and quote.speaker is None else None
        continued = continuing(quote, chain.start) if chain is not None else quote
        out.append(continued if continued.speaker is not None else quote)
    return out


def _quote_info(text: str, quote: Attribution, kind: str) -> dict:
    """The plain dict stored in ``span._.quote``."""
    speaker, mention = quote.speaker, quote.mention
    return {
        "start": quote.quoted.start,
        "end": quote.quoted.end,
        "cue": quote.cue,
        "partial": is_partial(text, quote.quoted) if kind == "direct" else False,
        "kind": kind,
        "speaker": [speaker.start, speaker.end] if speaker else None,
        "speaker_kind": speaker.kind if speaker else None,
        "mention": [mention.start, mention.end] if mention else None,
        "mention_kind": mention.kind if mention else None,
    }


def known_names(doc: Doc, text: str | None = None, ents: list[Span] | None = None) -> frozenset[str]:
    """Words known to be names in the text: the surnames of its multi-word person names (entities or
    title and name patterns) and one-word PER entities that are no common noun. ``text`` and ``ents``,
    when given, are ``doc.text`` and ``doc.ents`` already read."""
    text = hygiene.doc_text(doc) if text is None else text
    persons = [e for e in (doc.ents if ents is None else ents) if e.label_ in PERSON_LABELS]
    people = [Mention(e.start_char, e.end_char, "person") for e in persons]
    singles = {e.text for e in persons if len(e) == 1 and not is_common_noun(e.text)}
    return surnames(text, people + person_mentions(text)) | singles


class SpeakerCheck:
    """Accept a speaker mention only when it names someone. With entities in the pipeline a person is
    a PER entity, a name known in the text, or a mention touching no other entity and no common noun
    (else the PER entity right beside it); an organisation is an ORG/LOC entity or a known organisation
    (everywhere). Without entities the text patterns decide persons alone. Accepted mentions take the
    entity's boundaries. ``text`` and ``ents``, when given, are ``doc.text`` and ``doc.ents`` already
    read (each access builds them anew)."""

    def __init__(
        self, doc: Doc, known: frozenset[str] = frozenset(), text: str | None = None, ents: list[Span] | None = None
    ):
        self.text = hygiene.doc_text(doc) if text is None else text
        self.known = known  # words known to be names in this text
        self.ner = doc.has_annotation("ENT_IOB")
        ents = list(doc.ents) if ents is None else ents
        self.persons = [e for e in ents if e.label_ in PERSON_LABELS]
        self.organisations = [e for e in ents if e.label_ in ORG_LABELS]
        self.places = [e for e in ents if e.label_ in PLACE_LABELS]
        self.others = [e for e in ents if e.label_ not in PERSON_LABELS]
        self.year = int(doc._.published[:4]) if doc.has_extension("published") and doc._.published else None

    def __call__(self, mention: Mention | None) -> Mention | None:
        if mention is None or mention.kind in ("pronoun", "role", "description"):
            return None
        if mention.kind == "person":
            return self.person(mention)
        return self.organisation(mention)

    def entity_named(self, mention: Mention | None) -> Mention | None:
        """A one-word description that is a PER entity as it stands ("Laut Selenskyj", where the text
        alone cannot tell a name from "laut Gutachtern") as a person; any other mention unchanged."""
        if mention is None or mention.kind != "description" or not self.ner or " " in self.text[mention.start : mention.end]:
            return mention
        entity = _overlapping(mention, self.persons)
        exact = entity is not None and (entity.start_char, entity.end_char) == (mention.start, mention.end)
        return replace(mention, kind="person") if exact and not is_common_noun(entity.text) else mention

    def only_person_before(self, lo: int, hi: int) -> Mention | None:
        """The one person (PER entity, by surname) named in text[lo:hi] as the subject, not after a
        preposition: "Auch Außenminister X attackierte den Iran als „…“"; None if none or several. A
        one-word entity counts only after a title or as the surname of a full name in the text."""
        full_names = {e[-1].text for e in self.persons if len(e) > 1}
        found = [
            e for e in self.persons
            if lo <= e.start_char and e.end_char <= hi and not _after_preposition(self.text, e.start_char)
            and (len(e) > 1 or e.text in full_names or e.start > 0 and is_title(e.doc[e.start - 1].text))
        ]
        if len({e.text.split()[-1] for e in found}) != 1:
            return None
        best = max(found, key=len)
        return Mention(best.start_char, best.end_char, "person")

    def names_another(self, lo: int, hi: int, speaker: Mention | None) -> bool:
        """A person other than ``speaker`` is named (a PER entity) in text[lo:hi], so a quote after it
        need not continue the speaker's words."""
        own = self.text[speaker.start : speaker.end].split()[-1:] if speaker else []
        return any(
            lo <= e.start_char and e.end_char <= hi and e.text.split()[-1:] != own for e in self.persons
        )

    def person(self, mention: Mention) -> Mention | None:
        """A PER entity; else, when NER missed the name, a mention that overlaps no other entity and
        holds no common noun ("Gegner Thaksins" is no name)."""
        if not self.ner:
            return mention
        entity = _overlapping(mention, self.persons)
        if entity is not None and len(entity) == 1 and is_genitive_of(self.text, entity.end_char, mention.end):
            return None  # "Ahmadinedschads Wahlsieg": the owner of a thing, not a speaker
        if entity is not None:
            genitive = entity.end_char == mention.end + 1 and self.text[mention.end] == "s"  # "Nach Schäubles Ansicht"
            return Mention(entity.start_char, mention.end if genitive else entity.end_char, "person")
        name = self.text[mention.start : mention.end]
        if name in self.known:
            return mention  # "so Guttenberg" after "Karl-Theodor zu Guttenberg", whatever NER made of it
        if any(is_institution(word) for word in name.split()):
            return self.organisation(Mention(mention.start, mention.end, "organisation"))  # "Berliner Polizei"
        if _overlapping(mention, self.others) is not None or any(map(is_common_noun, name.split())):
            return self.person_beside(mention)
        return mention

    def person_beside(self, mention: Mention, reach: int = 50) -> Mention | None:
        """The PER entity closest to a rejected mention, within ``reach`` characters and with no
        quotation mark or sentence end between: "die in New York City geborene Lopez"."""
        best = None
        for entity in self.persons:
            lo, hi = sorted((entity.start_char, mention.start))[0], max(entity.end_char, mention.end)
            between = self.text[min(entity.end_char, mention.end) : max(entity.start_char, mention.start)]
            if hi - lo > reach + (mention.end - mention.start) + len(entity.text) or re.search(r"[.!?„“”\"»«:]", between):
                continue
            if best is None or len(between) < best[0]:
                best = (len(between), entity)
        return Mention(best[1].start_char, best[1].end_char, "person") if best else None

    def organisation(self, mention: Mention) -> Mention | None:
        """An ORG entity overlapping the mention, or a place entity it starts with ("Moskau"; not the seat
        in "die Staatsanwaltschaft Oslo"); else the mention when it names a known body or is quoted."""
        entity = _overlapping(mention, self.organisations) or _overlapping(
            mention, [e for e in self.places if e.start_char <= mention.start]
        )
        if entity is not None:
            return Mention(entity.start_char, entity.end_char, "organisation")
        name = self.text[mention.start : mention.end]
        quoted = mention.start > 0 and self.text[mention.start - 1] in "„»«\""
        return mention if quoted or is_known_body(name) else None  # "schrieb „Die Zeit“"

    def role_holder(self, role: Mention) -> Mention | None:
        """The one PER entity before a bare role ("der brasilianische Präsident") whose role — as the
        text gives it, else the listed office of a known office holder ("Lawrow … der Minister") — has the
        same head noun and, when the role names a nationality, the same country; None if not one."""
        noun = self.text[role.start : role.end]
        head = (role_base(noun) or noun).lower()
        country = _role_phrase_country(self.text, role)
        before = [p for p in self.persons if p.end_char <= role.start and (country is None or p._.country == country)]
        holders = [p for p in before if _same_role(self.role_of(p), (head,))] or [
            p for p in before if _same_role(self.role_of(p), role_titles(head))
        ]  # the role itself first, then the titles a generic noun stands for
        names = {p[-1].text for p in holders}
        if len(names) != 1:
            return None
        best = max(holders, key=len)
        return Mention(best.start_char, best.end_char, "person")


    def role_of(self, person: Span) -> str:
        """A PER entity's roles as the text gives them, else the office of the listed holder it names."""
        if person._.role or not person._.known_as:
            return person._.role or ""
        return holder_role(person._.known_as, self.year) or ""


def _after_preposition(text: str, start: int) -> bool:
    """A preposition or object article stands within the few words before ``start``."""
    before = text[max(0, start - 40) : start].split()[-3:]
    return any(w.lower() in PREPOSITIONS_AND_OBJECTS for w in before)


PREPOSITIONS_AND_OBJECTS = frozenset(
    "mit an auf gegen für über von vom zu zum zur bei beim nach gegenüber aus um unter vor wegen den dem des "
    "einen einem eines".split()
)


def is_genitive_of(text: str, name_end: int, phrase_end: int) -> bool:
    """A name in the genitive heading a noun ("Obamas Wahlkampfteam"): it ends in s and a capitalised
    word of the same phrase follows it."""
    return text[name_end - 1 : name_end] == "s" and phrase_end > name_end and text[name_end : name_end + 2].strip()[:1].isupper()


def _overlapping(mention: Mention, entities: list[Span]) -> Span | None:
    return next((e for e in entities if e.start_char < mention.end and mention.start < e.end_char), None)


def _same_role(roles: str, titles: tuple[str, ...]) -> bool:
    """One of a person's roles ("brasilianischer Präsident; Bundespräsident") ends in one of the lowercase
    ``titles`` (a role noun, or the titles a generic noun stands for: "Außenminister" for "Chefdiplomat")."""
    for role in roles.split(";"):
        noun = role.split()[-1] if role.split() else ""
        if noun.lower().endswith(titles) or (role_base(noun) or "").lower() in titles:
            return True
    return False


def _role_phrase_country(text: str, role: Mention) -> str | None:
    """Nationality named with a bare role: "der brasilianische Präsident", "der US-Präsident", "der
    Präsident Frankreichs", the country of a party ("der CDU-Politiker")."""
    noun = text[role.start : role.end]
    before = text[max(0, role.start - 40) : role.start].split()[-3:]
    after = text[role.end : role.end + 40].split()[:1]
    genitive = gazetteer.lookup_place(after[0]) if after and after[0].endswith("s") else None
    prefix = gazetteer.country_of_prefix(noun)
    if prefix is not None and gazetteer.organisation_kinds().get(prefix) == "party":
        prefix = gazetteer.organisation_countries().get(prefix)  # "der CDU-Politiker": a German one
    return prefix or next(
        (c for c in map(gazetteer.country_of_adjective, before) if c), None
    ) or (genitive.country if genitive is not None and genitive.kind == "country" else None)


def is_partial(text: str, quoted: Quoted) -> bool:
    """A fragment embedded in the author's sentence, not a quoted sentence of its own."""
    lead = text[: quoted.start - 1].rstrip()
    starts_sentence = not lead or lead[-1] in ".!?:\n“”\"«»" or text[quoted.start - 2 : quoted.start - 1] == "\n"
    return not (starts_sentence and text[quoted.start : quoted.start + 1].isupper())


def continues(text: str, before: Quoted, quoted: Quoted, max_gap: int = 300, max_sentences: int = 3) -> bool:
    """``quoted`` follows ``before`` closely enough (a few sentences, at most one paragraph break) to
    continue the same speaker's words ("„A“, sagte X. Er sei … „B“")."""
    gap = text[before.end + 1 : quoted.start - 1]
    paragraph_breaks = len(re.findall(r"\n\s*", gap))
    sentences = len(re.findall(r"[.!?:](?:\s|$)", gap))
    return len(gap) < max_gap and paragraph_breaks <= 1 and sentences <= max_sentences


def quotes_of(doc: Doc, spans_key: str = SPANS_KEY, text: str | None = None) -> list[Quote]:
    """The quotes of an annotated Doc as records, ``speaker`` set to the mention text. ``text``, when
    given, is ``doc.text`` already read (built anew on every access)."""
    out = []
    text = hygiene.doc_text(doc) if text is None else text
    for span in doc.spans[spans_key] if spans_key in doc.spans else []:
        info = span._.quote
        speaker, mention = info["speaker"], info.get("mention")
        out.append(
            Quote(
                text=text[info["start"] : info["end"]],
                start=info["start"],
                end=info["end"],
                speaker=text[speaker[0] : speaker[1]] if speaker else None,
                speaker_kind=info["speaker_kind"],
                cue=info["cue"],
                partial=info["partial"],
                kind=info["kind"],
                speaker_mention=text[mention[0] : mention[1]] if mention else None,
                mention_kind=info.get("mention_kind"),
            )
        )
    return out
