"""From text to :class:`~diplomex.records.ArticleRecord`: input checks, the pipeline run, and the
one place where an annotated Doc becomes a record."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import gazetteer, hygiene
from .components.dates import date_mentions
from .components.quotes import quotes_of
from .names import canonicalize, genitive_base
from .pipeline import load
from .records import ArticleRecord, Location, Meeting, Person, Quote

CREDIT_MARKERS = ("Foto:", "Bild:", "Fotos:", "Quelle:", "©", "Grafik:", "Video:")


@lru_cache(maxsize=4)
def default_pipeline(model: str | None = None) -> Language:
    """The pipeline ``extract`` uses, loaded once per model name."""
    return load(model)


PUBLISHED_YEARS = range(1800, 2201)
"""Publication years diplomex accepts: relative dates are computed around them."""


def parse_published(published: date | datetime | str | None) -> date | None:
    """Publication date from a ``date``, ``datetime`` or ISO 8601 string (date part used).

    Raises ``ValueError`` for a malformed string or a year outside :data:`PUBLISHED_YEARS`.
    """
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        day = published.date()
    elif isinstance(published, date):
        day = published
    elif isinstance(published, str):
        try:
            day = datetime.fromisoformat(published.strip().replace("Z", "+00:00")).date()
        except ValueError:
            raise ValueError(f"published must be an ISO date such as '2025-02-28', got {published!r}") from None
    else:
        raise TypeError(f"published must be a date, datetime or ISO string, got {type(published).__name__}")
    if day.year not in PUBLISHED_YEARS:
        raise ValueError(f"published year {day.year} is outside {PUBLISHED_YEARS.start}–{PUBLISHED_YEARS.stop - 1}")
    return day


def make_doc(nlp: Language, text: str, published: date | datetime | str | None = None) -> Doc:
    """A tokenized Doc carrying its publication date (as for :func:`extract`), ready for ``nlp(doc)``
    or ``nlp.pipe``."""
    doc = hygiene.keep_text(nlp.make_doc(text), text)
    day = parse_published(published)
    doc._.published = day.isoformat() if day else None
    return doc


def extract(
    text: str,
    published: date | datetime | str | None = None,
    id: str | None = None,
    title: str | None = None,
    *,
    nlp: Language | None = None,
) -> ArticleRecord:
    """Extract meetings, people, quotes, dates and places from one German news article.

    ``published`` anchors relative dates ("am Donnerstag"); without it they stay unresolved and the
    record carries a warning. Raises ``TypeError`` for non-text input (decode bytes first) and
    ``ValueError`` for text over the length limit or a malformed ``published``.
    """
    clean, warnings = hygiene.prepare(text)
    day = parse_published(published)
    if not clean.strip():
        return ArticleRecord(id=id, published=day, title=title, warnings=tuple(warnings))
    nlp = nlp or default_pipeline(os.environ.get("DIPLOMEX_MODEL"))
    doc = nlp(make_doc(nlp, clean, day))
    return build_record(doc, id=id, title=title, warnings=warnings)


def build_record(doc: Doc, id: str | None = None, title: str | None = None, warnings: list[str] | tuple[str, ...] = ()) -> ArticleRecord:
    """The record of an annotated Doc (the only place a Doc becomes a record)."""
    published = date.fromisoformat(doc._.published) if doc._.published else None
    text = hygiene.doc_text(doc)
    warnings = list(warnings) + hygiene.doc_warnings(doc, text)
    ents = doc.ents  # each read builds every entity Span anew
    mentions = [e for e in ents if e.label_ == "PER" and not _in_credit_line(e, text)]
    surfaces = _surface_forms(mentions, text)
    canonical = canonicalize(list(surfaces.values()) + [m._.known_as for m in mentions if m._.known_as])
    people = _people(mentions, surfaces, canonical)
    by_offsets = {key: canonical[surface] for key, surface in surfaces.items()}
    return ArticleRecord(
        id=id,
        published=published,
        title=title,
        meetings=tuple(_meeting(m, by_offsets, text) for m in doc._.meetings or []),
        people=people,
        quotes=tuple(_quote(q, canonical) for q in quotes_of(doc, text=text)),
        dates=tuple(date_mentions(doc)),
        locations=_locations(doc, text, ents),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _in_credit_line(span: Span, text: str) -> bool:
    """The span stands in a photo or source credit line ("Foto: …")."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    return text[line_start : span.start_char].lstrip().startswith(CREDIT_MARKERS)


def _surface_forms(mentions: list[Span], text: str) -> dict[tuple[int, int], str]:
    """Each person mention's name as written (in ``text``, the Doc's), without a genitive ending when
    the article also has the bare form ("Junckers" → "Juncker")."""
    written = {(m.start_char, m.end_char): text[m.start_char : m.end_char] for m in mentions}
    words = {word for name in written.values() for word in name.split()}
    forms = {}
    for offsets, name in written.items():
        head, space, last = name.rpartition(" ")
        forms[offsets] = head + space + genitive_base(last, words)
    return forms


def _people(mentions: list[Span], surfaces: dict[tuple[int, int], str], canonical: dict[str, str]) -> tuple[Person, ...]:
    clusters: dict[str, list[tuple[Span, str]]] = {}
    for mention in mentions:
        surface = surfaces[(mention.start_char, mention.end_char)]
        clusters.setdefault(canonical[surface], []).append((mention, surface))
    return tuple(
        Person(
            name=name,
            role=next((s._.role for s, _ in spans if s._.role), None),
            country=next((s._.country for s, _ in spans if s._.country), None),
            aliases=tuple(dict.fromkeys(surface for _, surface in spans if surface != name)),
        )
        for name, spans in clusters.items()
    )


def _meeting(event: dict, names: dict[tuple[int, int], str], text: str) -> Meeting:
    participants = tuple(dict.fromkeys(names[tuple(p)] for p in event["participants"] if tuple(p) in names))
    leads = tuple(dict.fromkeys(names[tuple(p)] for p in event["leads"] if tuple(p) in names))
    date_info = event.get("date") or {}
    return Meeting(
        type=event["type"],
        status=event["status"],
        participants=participants,
        leads=leads,
        parties=tuple(event["parties"]),
        location=event["location"],
        venue=event["venue"],
        country=event["country"],
        date=date_info.get("value"),
        date_text=date_info.get("text"),
        follow_up=event["follow_up"],
        trigger=text[event["triggers"][0][0] : event["triggers"][0][1]] if event["triggers"] else "",
        evidence=tuple(tuple(s) for s in event["evidence"]),
    )


def _quote(quote: Quote, canonical: dict[str, str]) -> Quote:
    """The quote with its speaker resolved to the article's canonical name for that person, or to
    the listed name of an organisation ("des Auswärtigen Amts" → "Auswärtiges Amt")."""
    if quote.speaker is None:
        return quote
    if quote.speaker_kind == "organisation":
        return replace(quote, speaker=gazetteer.base_form(quote.speaker, "organisation") or quote.speaker)
    speaker = canonical.get(quote.speaker) or canonicalize(list(canonical) + [quote.speaker])[quote.speaker]
    return replace(quote, speaker=speaker)


def _locations(doc: Doc, text: str, ents: tuple[Span, ...]) -> tuple[Location, ...]:
    found: dict[str, Location] = {}
    in_roles = {i for role in doc.spans.get("diplomex_roles", []) for i in range(role.start, role.end)}
    for ent in ents:
        if ent.label_ != "LOC" or _in_credit_line(ent, text) or ent.start in in_roles:
            continue
        written = text[ent.start_char : ent.end_char]
        place = gazetteer.lookup_place(written)
        name = gazetteer.base_form(written, "place") or written
        if name not in found:
            found[name] = Location(
                text=written,
                name=name,
                kind=place.kind if place else "unknown",
                country=place.country if place else None,
                start=ent.start_char,
                end=ent.end_char,
            )
    return tuple(found.values())
