"""``diplomex_dates``: German temporal expressions as spans with TIMEX3-style values.

Writes ``doc.spans[span_key]`` (the expressions as written, without a leading "am"/"im") and, on
each span, ``span._.timex``: a plain dict ``{"value", "granularity", "mod", "relative", "anchor",
"kind", "start", "end"}`` (see :mod:`diplomex.timex` for the value conventions). ``start``/``end``
are the character offsets of the expression itself, which can be narrower than the token span
when the tokenizer glued a sentence-final period onto a number ("2006."). Relative expressions resolve
against ``doc._.published``; without it they get value None. Tense (for weekdays and unyeared
dates) comes from ``token.morph`` when the pipeline has morphology, else from word lists.

Config:
- ``span_key``: the SpanGroup name (default ``"diplomex_dates"``).
- ``reference``: ``"published"`` (news: unyeared dates follow the publication date and tense) or
  ``"narrative"`` (histories: unyeared dates take the year of the date mentioned last).
- ``kinds``: which kinds to keep (``date``, ``duration``, ``set``).
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from diplomex import extensions, timex
from diplomex.records import DateMention

if not Span.has_extension("timex"):
    Span.set_extension("timex", default=None)

_CLAUSE_BREAKS = {",", ";", ":", "–", "—", "„", "“", "”", '"', "(", ")"}


@Language.factory(
    "diplomex_dates",
    default_config={"span_key": "diplomex_dates", "reference": "published", "kinds": ["date", "duration", "set"]},
)
def make_dates(nlp: Language, name: str, span_key: str, reference: str, kinds: list[str]) -> "DatesComponent":
    return DatesComponent(span_key=span_key, narrative=reference == "narrative", kinds=tuple(kinds))


class DatesComponent:
    """Finds temporal expressions sentence by sentence and resolves them in text order."""

    def __init__(self, span_key: str = "diplomex_dates", narrative: bool = False, kinds=("date", "duration", "set")):
        self.span_key = span_key
        self.narrative = narrative
        self.kinds = set(kinds)

    def __call__(self, doc: Doc) -> Doc:
        anchor = _published(doc)
        reference: date | None = None
        spans = []
        for sent in _sentences(doc):
            tenses = _token_tenses(sent)
            for cand in timex.find(sent.text):
                start, end = sent.start_char + cand.start, sent.start_char + cand.end
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                ctx = timex.Context(anchor, _tense_near(span, sent, tenses), reference, self.narrative)
                result = timex.resolve(cand, ctx)
                if result is None or result.kind not in self.kinds:
                    continue
                span._.timex = {**result.to_dict(), "start": start, "end": end}
                spans.append(span)
                # narrative: "heute" and relative years or seasons ("im Vorjahr") do not move the reference
                deictic = result.relative and anchor is not None and result.anchor == anchor.isoformat()
                coarse = result.relative and result.granularity not in ("day", "month")
                if result.kind == "date" and not (self.narrative and (coarse or deictic)):
                    reference = (timex.value_date(result.value) or (reference,))[0]
        doc.spans[self.span_key] = spans
        return doc


def date_mentions(doc: Doc, span_key: str = "diplomex_dates") -> list[DateMention]:
    """DateMention records for the spans of kind "date" the component wrote."""
    mentions = []
    for span in doc.spans.get(span_key, []):
        info = span._.timex or {}
        if info.get("kind") != "date":
            continue
        start, end = info.get("start", span.start_char), info.get("end", span.end_char)
        mentions.append(
            DateMention(
                text=doc.text[start:end],
                start=start,
                end=end,
                value=info.get("value"),
                granularity=info.get("granularity"),
                mod=info.get("mod"),
                relative=bool(info.get("relative")),
                anchor=info.get("anchor"),
                kind="date",
            )
        )
    return mentions


def _published(doc: Doc) -> date | None:
    try:
        return extensions.published_date(doc)
    except (TypeError, ValueError):
        return None


def _sentences(doc: Doc):
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]] if len(doc) else []


def _token_tenses(sent: Span) -> list[str | None]:
    """Tense marker per token: word lists first (werden, soll), then morphology when present."""
    marks = timex.sentence_tenses([t.text for t in sent])
    if not sent.doc.has_annotation("MORPH"):
        return marks
    for i, token in enumerate(sent):
        if marks[i] in ("future",) or token.morph.get("VerbForm") != ["Fin"]:
            continue
        tense = token.morph.get("Tense")
        if tense == ["Past"]:
            marks[i] = "past"
        elif tense == ["Pres"] and marks[i] is None:
            marks[i] = "present"
    return marks


def _tense_near(span: Span, sent: Span, marks: list[str | None]) -> str | None:
    """The marker nearest to the span, a clause break counting as five words of distance."""
    best, best_cost = None, None
    for i, mark in enumerate(marks):
        position = sent.start + i
        if mark is None or span.start <= position < span.end:
            continue
        lo, hi = (position, span.start) if position < span.start else (span.end, position)
        breaks = sum(1 for t in sent.doc[lo:hi] if t.text in _CLAUSE_BREAKS)
        cost = (hi - lo) + 5 * breaks
        if best_cost is None or cost < best_cost:
            best, best_cost = mark, cost
    return best
