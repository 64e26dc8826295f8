"""The records diplomex returns: small frozen dataclasses, one module.

`ArticleRecord.to_dict()` has exactly the shape of the gold annotation format
(shared/gold/SCHEMA.md): keys ``id``, ``published``, ``meetings``, ``people``, ``quotes``,
``dates``, ``locations``, ``warnings``. The richer fields (offsets, cues, kinds, anchors) stay on
the dataclasses and reach the DataFrames built in :mod:`diplomex.frames`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

MEETING_TYPES = ("meeting", "talks", "negotiation", "visit", "call", "summit")
MEETING_STATUSES = ("held", "planned", "cancelled")


@dataclass(frozen=True)
class DateMention:
    """A temporal expression and its TIMEX3-style value (``None`` when it cannot be resolved)."""

    text: str
    start: int
    end: int
    value: str | None
    granularity: str | None = None
    mod: str | None = None
    relative: bool = False
    anchor: str | None = None
    kind: str = "date"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "value": self.value}
        if self.mod:
            out["mod"] = self.mod
        return out


@dataclass(frozen=True)
class Location:
    """A place named in the article body."""

    text: str
    name: str
    kind: str  # city | country | region | venue
    country: str | None = None
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Person:
    """One person of the article, all mentions resolved to one canonical name."""

    name: str
    role: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    person_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "country": self.country,
            "aliases": list(self.aliases),
        }


@dataclass(frozen=True)
class Quote:
    """A quote: for ``kind == "direct"`` the text between the marks, for ``"indirect"`` (the quotes
    component's ``indirect`` option) a clause of reported speech in Konjunktiv I; its speaker when the
    article names one, and the words that say who spoke where the quote is attributed, as written
    (``speaker_mention``: "er", "ein Polizeisprecher", "Costa"), also when they name no one."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_kind: str | None = None  # person | organisation
    cue: str | None = None
    partial: bool = False
    kind: str = "direct"
    speaker_mention: str | None = None
    mention_kind: str | None = None  # person | organisation | pronoun | role | description

    def to_dict(self) -> dict[str, Any]:
        """The gold format's quote; an indirect one says so (``"kind": "indirect"``)."""
        out = {"text": self.text, "speaker": self.speaker, "partial": self.partial}
        return out if self.kind == "direct" else {**out, "kind": self.kind}


@dataclass(frozen=True)
class Meeting:
    """One meeting-like event, merged across the sentences that describe it."""

    type: str
    status: str = "held"
    participants: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()  # participants who led a delegation
    parties: tuple[str, ...] = ()
    location: str | None = None
    venue: str | None = None
    country: str | None = None
    date: str | None = None
    date_text: str | None = None
    follow_up: bool = False
    trigger: str = ""
    evidence: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "status": self.status,
            "participants": list(self.participants),
            "parties": list(self.parties),
            "location": self.location,
            "venue": self.venue,
            "date": self.date,
            "follow_up": self.follow_up,
        }


@dataclass(frozen=True)
class ArticleRecord:
    """Everything diplomex extracted from one article."""

    id: str | None = None
    published: date | None = None
    title: str | None = None
    meetings: tuple[Meeting, ...] = ()
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    locations: tuple[Location, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self, *, indirect: bool = False) -> dict[str, Any]:
        """The record in the gold annotation format; JSON-serialisable.

        ``quotes`` holds the direct quotes; ``indirect=True`` adds the indirect-speech clauses (found when
        the quotes component runs with ``indirect=True``), each marked ``"kind": "indirect"``.
        """
        return {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "meetings": [m.to_dict() for m in self.meetings],
            "people": [p.to_dict() for p in self.people],
            "quotes": [q.to_dict() for q in self.quotes if indirect or q.kind == "direct"],
            "dates": [d.to_dict() for d in self.dates],
            "locations": list(dict.fromkeys(loc.name for loc in self.locations)),
            "warnings": list(self.warnings),
        }
