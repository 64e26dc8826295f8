"""``diplomex_dates``: German temporal expressions as spans with TIMEX3-style values.

Writes ``doc.spans[span_key]`` (the expressions as written, without a leading "am"/"im") and, on
each span, ``span._.timex``: a plain dict ``{"value", "granularity", "mod", "relative", "anchor",
"kind", "start", "end"}`` (see :mod:`diplomex.timex` for the value conventions and reading
decisions). ``start``/``end`` are the character offsets of the expression itself, which can be
narrower than the token span when the tokenizer glued a period onto a number ("2006.") or two
expressions share a token ("1939/1940" gives two spans over the same token). Relative expressions
resolve against ``doc._.published`` (and "tags darauf"-like ones against the date last
mentioned); without a publication date they get value None. Tense comes from word lists
(werden, soll, hatte, weak preterites in "-te") and from ``token.morph`` when the pipeline has
morphology; the nearest marker within the sentence counts, clause breaks adding distance.

``date_mentions(doc)`` builds the :class:`~diplomex.records.DateMention` records of the kind
"date" expressions (durations and sets are left out).

Config:
- ``span_key``: the SpanGroup name (default ``"diplomex_dates"``).
- ``reference``: ``"published"`` (news: unyeared dates follow the publication date and tense) or
  ``"narrative"`` (histories: unyeared dates take the year of the date mentioned last).
- ``kinds``: which kinds to keep (``date``, ``duration``, ``set``).
"""

from __future__ import annotations

import itertools
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from diplomex import extensions, hygiene, timex
from diplomex.records import DateMention
from diplomex.tokentexts import token_texts

if not Span.has_extension("timex"):
    Span.set_extension("timex", default=None)

TENSE_WINDOW = 30  # words around a date searched for a tense marker
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
        reference_granularity: str | None = None
        spans = []
        use_morph = doc.has_annotation("MORPH")
        text = hygiene.doc_text(doc)
        texts = token_texts(doc)
        for sent in _sentences(doc):
            candidates = timex.find(text[sent.start_char : sent.end_char])
            if not candidates:
                continue
            words = texts[sent.start : sent.end]
            tenses = _token_tenses(sent, words, use_morph)
            breaks = _clause_breaks(words)
            for cand in candidates:
                start, end = sent.start_char + cand.start, sent.start_char + cand.end
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                lead = _lead(span, sent)
                tense = lead or _tense_near(span, sent, tenses, breaks)
                ctx = timex.Context(anchor, tense, reference, self.narrative, lead is not None, reference_granularity)
                result = timex.resolve(cand, ctx)
                if result is None or result.kind not in self.kinds:
                    continue
                span._.timex = {**result.to_dict(), "start": start, "end": end}
                spans.append(span)
                # narrative: "heute" and relative years or seasons ("im Vorjahr") do not move the reference
                deictic = result.relative and anchor is not None and result.anchor == anchor.isoformat()
                coarse = result.relative and result.granularity not in ("day", "month")
                if result.kind == "date" and not (self.narrative and (coarse or deictic)):
                    reference, reference_granularity = timex.value_date(result.value) or (reference, reference_granularity)
        doc.spans[self.span_key] = spans
        return doc


ARTICLES = frozenset({"dem", "der", "den"})


def lead_index(span: Span, start: int) -> int | None:
    """The token right before a date, past an article ("seit dem 3. Mai" → "seit"); None when that
    would lie before token ``start`` (the sentence's first)."""
    i = span.start - 1
    if i > start and span.doc[i].lower_ in ARTICLES:
        i -= 1
    return i if i >= start else None


def _lead(span: Span, sent: Span) -> str | None:
    """The tense a word right before the date fixes ("seit Mai", "seit dem 3. Mai" → past), or None."""
    i = lead_index(span, sent.start)
    return timex.date_leads().get(span.doc[i].lower_) if i is not None else None


def date_mentions(doc: Doc, span_key: str = "diplomex_dates") -> list[DateMention]:
    """DateMention records for the spans of kind "date" the component wrote."""
    mentions = []
    text = None
    for span in doc.spans.get(span_key, []):
        info = span._.timex or {}
        if info.get("kind") != "date":
            continue
        start, end = info.get("start", span.start_char), info.get("end", span.end_char)
        text = hygiene.doc_text(doc) if text is None else text
        mentions.append(
            DateMention(
                text=text[start:end],
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


def _token_tenses(sent: Span, words: list[str], use_morph: bool) -> list[str | None]:
    """Tense marker per token (``words``: the token texts): word lists first (werden, soll), then
    morphology when present."""
    marks = timex.sentence_tenses(words)
    if not use_morph:
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


def _clause_breaks(words: list[str]) -> list[int]:
    """Prefix counts of clause-break tokens among a sentence's token texts (index i: breaks before token i)."""
    return [0, *itertools.accumulate(word in _CLAUSE_BREAKS for word in words)]


def _tense_near(span: Span, sent: Span, marks: list[str | None], breaks: list[int]) -> str | None:
    """The marker nearest to the span within a window of words, a clause break counting as five
    words of distance."""
    first, last = span.start - sent.start, span.end - sent.start
    best, best_cost = None, None
    for i in range(max(0, first - TENSE_WINDOW), min(len(marks), last + TENSE_WINDOW)):
        if marks[i] is None or first <= i < last:
            continue
        lo, hi = (i, first) if i < first else (last, i)
        cost = (hi - lo) + 5 * (breaks[hi] - breaks[lo])
        if best_cost is None or cost < best_cost:
            best, best_cost = marks[i], cost
    return best
