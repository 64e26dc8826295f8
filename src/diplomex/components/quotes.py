"""``diplomex_quotes``: direct quotes and their speakers.

Writes ``doc.spans[spans_key]``, one span per quote covering its content (without the marks), each
with ``span._.quote`` a plain dict::

    {"start": int, "end": int,            # exact char offsets of the content
     "cue": str | None,                   # "sagte", "schrieb", "so", "zufolge", "laut", "colon", …
     "partial": bool,                     # a fragment embedded in the author's sentence
     "kind": "direct",
     "speaker": [start, end] | None,      # char span of the speaker's name mention
     "speaker_kind": "person" | "organisation" | None}

Works with any German pipeline: uses ``doc.ents`` (PER/ORG) when present, and plain text patterns
otherwise (cue verbs, role titles, capitalised names). A speaker is only given when the text names it:
"er"/"sie" resolve to the named subject of a preceding sentence, "der Minister" to the one person named
with that title; "sagte die Sprecherin" without a name gives None. Indirect speech is not extracted.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from diplomex.quotation import (
    Mention,
    Quoted,
    attribute,
    find_quoted,
    is_quotation,
    person_mentions,
    previous_subject,
    role_holder,
    surnames,
)
from diplomex.records import Quote

if not Span.has_extension("quote"):
    Span.set_extension("quote", default=None)

PERSON_LABELS = ("PER", "PERSON")
ORG_LABELS = ("ORG",)
SPANS_KEY = "diplomex_quotes"


@Language.factory(
    "diplomex_quotes",
    default_config={"spans_key": SPANS_KEY, "max_paragraphs": 8, "pronoun_sentences": 3},
)
def make_quote_finder(nlp: Language, name: str, spans_key: str, max_paragraphs: int, pronoun_sentences: int):
    return QuoteFinder(spans_key=spans_key, max_paragraphs=max_paragraphs, pronoun_sentences=pronoun_sentences)


class QuoteFinder:
    """Find direct quotes, their cue and their speaker; see the module docstring for the output."""

    def __init__(self, spans_key: str = SPANS_KEY, max_paragraphs: int = 8, pronoun_sentences: int = 3):
        self.spans_key = spans_key
        self.max_paragraphs = max_paragraphs
        self.pronoun_sentences = pronoun_sentences  # how far back "er"/"sie" may look for its person

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        entities = [
            Mention(e.start_char, e.end_char, "person" if e.label_ in PERSON_LABELS else "organisation")
            for e in doc.ents
            if e.label_ in PERSON_LABELS + ORG_LABELS
        ]
        people = [m for m in entities if m.kind == "person"] + person_mentions(text)
        known = surnames(text, people)
        spans = []
        previous: tuple[Quoted, Mention | None] | None = None
        for quoted in find_quoted(text, self.max_paragraphs):
            if not is_quotation(text, quoted):
                continue
            cue, speaker = attribute(text, quoted, known)
            if speaker is None and cue is None and previous and continues(text, previous[0], quoted):
                speaker = previous[1]
            if speaker is not None and speaker.kind == "pronoun":
                speaker = previous_subject(text, speaker.start, known, self.pronoun_sentences)
            if speaker is not None and speaker.kind == "role":
                speaker = role_holder(text, speaker, known)
            speaker = snap_to_entity(speaker, entities)
            span = doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
            if span is None:
                continue
            span._.quote = {
                "start": quoted.start,
                "end": quoted.end,
                "cue": cue,
                "partial": is_partial(text, quoted),
                "kind": "direct",
                "speaker": [speaker.start, speaker.end] if speaker else None,
                "speaker_kind": speaker.kind if speaker else None,
            }
            spans.append(span)
            previous = (quoted, speaker)
        doc.spans[self.spans_key] = spans
        return doc


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


def snap_to_entity(mention: Mention | None, entities: list[Mention]) -> Mention | None:
    """Use the NER entity overlapping a mention, when the pipeline has one (better boundaries, label)."""
    if mention is None:
        return None
    for entity in entities:
        if entity.start < mention.end and mention.start < entity.end:
            return entity
    return mention


def quotes_of(doc: Doc, spans_key: str = SPANS_KEY) -> list[Quote]:
    """The quotes of an annotated Doc as records, ``speaker`` set to the mention text."""
    out = []
    text = doc.text  # built anew on every access: read once
    for span in doc.spans[spans_key] if spans_key in doc.spans else []:
        info = span._.quote
        speaker = info["speaker"]
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
            )
        )
    return out
