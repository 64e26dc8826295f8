"""Tidy pandas tables from article records: the one place DataFrames are built (schema in the README, section "Batches").

Tables are built in two steps so the in-memory, streaming and Dask paths share the code:

1. :func:`article_tables` turns a chunk of outcomes (one per input article) into DataFrames. Person
   names are still the article's own canonical names; :class:`PeopleIndex` counts them.
2. :meth:`PeopleIndex.resolve` replaces them by batch-wide canonical names and adds ``person_id``
   (from :class:`diplomex.names.NameRegistry`); :meth:`PeopleIndex.table` is the ``people`` table.

Results depend only on the set of articles, not on chunking, order or process count.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .names import NameRegistry
from .records import ArticleRecord

LIST_SEPARATOR = "; "
"""Multi-valued cells (warnings, parties, aliases) are joined with this; empty lists are missing (NA)."""

STR, INT, BOOL, DAY = "string", "Int64", "boolean", "datetime64[ms]"

SCHEMA: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": STR, "row": INT, "published": DAY, "title": STR, "n_meetings": INT,
        "n_people": INT, "n_quotes": INT, "n_dates": INT, "n_locations": INT, "warnings": STR, "error": STR,
    },
    "meetings": {
        "meeting_id": STR, "article_id": STR, "type": STR, "status": STR, "location": STR, "venue": STR,
        "country": STR, "date": DAY, "date_value": STR, "date_text": STR, "follow_up": BOOL, "parties": STR,
        "n_participants": INT, "trigger": STR, "evidence_start": INT, "evidence_end": INT,
    },
    "participants": {
        "meeting_id": STR, "article_id": STR, "person_id": STR, "name": STR, "position": INT, "role": STR,
        "country": STR, "lead": BOOL,
    },
    "people": {
        "person_id": STR, "name": STR, "role": STR, "country": STR, "aliases": STR, "n_articles": INT, "qid": STR,
    },
    "quotes": {
        "quote_id": STR, "article_id": STR, "text": STR, "start": INT, "end": INT, "speaker": STR,
        "person_id": STR, "speaker_kind": STR, "speaker_mention": STR, "mention_kind": STR, "cue": STR,
        "partial": BOOL, "kind": STR,
    },
    "dates": {
        "article_id": STR, "text": STR, "start": INT, "end": INT, "date": DAY, "value": STR,
        "granularity": STR, "mod": STR, "relative": BOOL, "anchor": STR,
    },
    "locations": {
        "article_id": STR, "text": STR, "name": STR, "kind": STR, "country": STR, "start": INT, "end": INT,
    },
}
TABLES = tuple(SCHEMA)
CHUNK_TABLES = tuple(t for t in TABLES if t != "people")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Outcome(NamedTuple):
    """The result for one input: its position, its ``article_id``, and a record or an error message."""

    index: int
    article_id: str
    record: ArticleRecord | None
    error: str | None


def conform(frame: pd.DataFrame | None, table: str) -> pd.DataFrame:
    """``frame`` with exactly the columns of ``table`` in schema order and schema dtypes."""
    columns = SCHEMA[table]
    frame = pd.DataFrame(columns=list(columns)) if frame is None else frame
    out = {}
    for column, dtype in columns.items():
        values = frame[column] if column in frame else pd.Series([None] * len(frame))
        values = values.reset_index(drop=True)
        out[column] = pd.to_datetime(values, errors="coerce").astype(DAY) if dtype == DAY else values.astype(dtype)
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def empty(table: str) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of ``table``."""
    return conform(None, table)


def _joined(values: Iterable[str]) -> str | None:
    return LIST_SEPARATOR.join(values) or None


def _day(value: str | date | None) -> pd.Timestamp | None:
    """A timestamp when the value is one calendar day, else None (months, weeks, seasons stay strings)."""
    if not isinstance(value, date) and not (isinstance(value, str) and _DAY.match(value)):
        return None
    try:
        return pd.Timestamp(value).as_unit("ms")
    except (ValueError, OverflowError):  # "2025-02-30"
        return None


# --- step 1: rows of one article --------------------------------------------------------------------


def _article_rows(outcome: Outcome) -> dict[str, list[dict[str, Any]]]:
    aid, rec = outcome.article_id, outcome.record
    if rec is None:
        return {"articles": [{"article_id": aid, "row": outcome.index, "error": outcome.error}]}
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rows["articles"].append({
        "article_id": aid, "row": outcome.index, "published": _day(rec.published), "title": rec.title,
        "n_meetings": len(rec.meetings), "n_people": len(rec.people), "n_quotes": len(rec.quotes),
        "n_dates": len(rec.dates), "n_locations": len(rec.locations), "warnings": _joined(rec.warnings),
        "error": outcome.error,
    })
    people = {p.name: p for p in rec.people}
    for m, meeting in enumerate(rec.meetings, 1):
        meeting_id = f"{aid}-m{m}"
        rows["meetings"].append({
            "meeting_id": meeting_id, "article_id": aid, "type": meeting.type, "status": meeting.status,
            "location": meeting.location, "venue": meeting.venue, "country": meeting.country,
            "date": _day(meeting.date), "date_value": meeting.date, "date_text": meeting.date_text,
            "follow_up": meeting.follow_up, "parties": _joined(meeting.parties),
            "n_participants": len(meeting.participants), "trigger": meeting.trigger or None,
            "evidence_start": min((s for s, _ in meeting.evidence), default=None),
            "evidence_end": max((e for _, e in meeting.evidence), default=None),
        })
        for position, name in enumerate(meeting.participants, 1):
            person = people.get(name)
            rows["participants"].append({
                "meeting_id": meeting_id, "article_id": aid, "name": name, "position": position,
                "role": person.role if person else None, "country": person.country if person else None,
                "lead": name in meeting.leads,
            })
    for q, quote in enumerate(rec.quotes, 1):
        rows["quotes"].append({
            "quote_id": f"{aid}-q{q}", "article_id": aid, "text": quote.text, "start": quote.start,
            "end": quote.end, "speaker": quote.speaker, "speaker_kind": quote.speaker_kind,
            "speaker_mention": quote.speaker_mention, "mention_kind": quote.mention_kind, "cue": quote.cue,
            "partial": quote.partial, "kind": quote.kind,
        })
    for mention in rec.dates:
        rows["dates"].append({
            "article_id": aid, "text": mention.text, "start": mention.start, "end": mention.end,
            "date": _day(mention.value), "value": mention.value, "granularity": mention.granularity,
            "mod": mention.mod, "relative": mention.relative, "anchor": mention.anchor,
        })
    for place in rec.locations:
        rows["locations"].append({"article_id": aid, **{f.name: getattr(place, f.name) for f in fields(place)}})
    return rows


def article_tables(outcomes: Iterable[Outcome], people: PeopleIndex) -> dict[str, pd.DataFrame]:
    """Step 1: the tables (all but ``people``) of a chunk of outcomes, counting names into ``people``.

    ``participants.name`` and ``quotes.speaker`` are still article-level names and ``person_id`` is
    empty until :meth:`PeopleIndex.resolve`.
    """
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for outcome in outcomes:
        for table, table_rows in _article_rows(outcome).items():
            rows[table].extend(table_rows)
        if outcome.record is not None:
            people.add(outcome.record)
    return {table: conform(pd.DataFrame(rows[table]), table) for table in CHUNK_TABLES}


# --- step 2: batch-wide people ----------------------------------------------------------------------


class PeopleIndex:
    """The people of a batch: article-level names counted into a :class:`~diplomex.names.NameRegistry`,
    with the roles, countries and aliases seen for each. Mergeable across chunks and workers."""

    def __init__(self, aliases: str | Path | Any | None = None):
        self.registry = NameRegistry(aliases)
        self.roles: dict[str, Counter[str]] = defaultdict(Counter)
        self.countries: dict[str, Counter[str]] = defaultdict(Counter)
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.articles: Counter[str] = Counter()

    def add(self, record: ArticleRecord) -> None:
        """Count the people and person speakers of one article."""
        names = {p.name for p in record.people}
        names |= {q.speaker for q in record.quotes if q.speaker and q.speaker_kind != "organisation"}
        self.registry.add(names)
        self.articles.update(names)
        for person in record.people:
            if person.role:
                self.roles[person.name][person.role] += 1
            if person.country:
                self.countries[person.name][person.country] += 1
            self.aliases[person.name].update(person.aliases)

    def update(self, other: PeopleIndex) -> None:
        """Merge another index (e.g. from another chunk or worker) into this one."""
        self.registry.update(other.registry)
        self.articles.update(other.articles)
        for mine, theirs in ((self.roles, other.roles), (self.countries, other.countries)):
            for name, counts in theirs.items():
                mine[name].update(counts)
        for name, forms in other.aliases.items():
            self.aliases[name].update(forms)

    def resolve(self, frame: pd.DataFrame, name_column: str, where: pd.Series | None = None) -> pd.DataFrame:
        """Step 2: ``frame`` with ``name_column`` set to batch canonical names and ``person_id`` filled
        (only on rows where ``where`` is true, e.g. person speakers)."""
        frame = frame.copy()
        rows = frame[name_column].notna() if where is None else frame[name_column].notna() & where.fillna(False)
        names = frame.loc[rows, name_column].astype(str)
        frame.loc[rows, "person_id"] = names.map(self.registry.person_id)
        frame.loc[rows, name_column] = names.map(self.registry.canonical)
        return frame

    def resolve_chunk(self, table: str, frame: pd.DataFrame) -> pd.DataFrame:
        """Step 2 for the tables that name people (``participants``, ``quotes``); others unchanged."""
        if table == "participants":
            return self.resolve(frame, "name")
        if table == "quotes":
            return self.resolve(frame, "speaker", frame["speaker_kind"] != "organisation")
        return frame

    def table(self) -> pd.DataFrame:
        """The ``people`` table: one row per batch canonical person, sorted by ``person_id``."""
        rows = []
        for pid, info in sorted(self.registry.people().items()):
            forms = info["aliases"]
            rows.append({
                "person_id": pid, "name": info["name"], "qid": info["qid"],
                "role": _most_common(self.roles, forms), "country": _most_common(self.countries, forms),
                "aliases": _joined(sorted(({*forms} | {a for f in forms for a in self.aliases[f]}) - {info["name"]})),
                "n_articles": sum(self.articles[f] for f in forms),
            })
        return conform(pd.DataFrame(rows), "people")


def _most_common(counts: Mapping[str, Counter[str]], names: Iterable[str]) -> str | None:
    total: Counter[str] = Counter()
    for name in names:
        total.update(counts.get(name, {}))
    return min(total, key=lambda value: (-total[value], value)) if total else None


# --- Frames -----------------------------------------------------------------------------------------


@dataclass
class Frames:
    """The tables of a batch; join keys ``article_id``, ``meeting_id``, ``person_id`` (the README, section "Batches")."""

    articles: pd.DataFrame
    meetings: pd.DataFrame
    participants: pd.DataFrame
    people: pd.DataFrame
    quotes: pd.DataFrame
    dates: pd.DataFrame
    locations: pd.DataFrame

    @classmethod
    def from_outcomes(cls, outcomes: Iterable[Outcome], aliases: str | Path | Any | None = None) -> Frames:
        """Frames of a whole batch (both steps); ``aliases`` is a user alias table for names."""
        people = PeopleIndex(aliases)
        tables = article_tables(outcomes, people)
        tables = {t: people.resolve_chunk(t, frame) for t, frame in tables.items()}
        return cls(people=people.table(), **tables)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Table name -> DataFrame, in schema order."""
        return {table: getattr(self, table) for table in TABLES}

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t}={len(f)}" for t, f in self.tables().items())
        return f"Frames({sizes})"

    def to_parquet(self, directory: str | Path) -> dict[str, Path]:
        """Write ``<table>.parquet`` files; returns their paths."""
        return self._write(directory, "parquet", lambda f, p: f.to_parquet(p, index=False))

    def to_csv(self, directory: str | Path) -> dict[str, Path]:
        """Write ``<table>.csv`` files (UTF-8, missing values empty, days as YYYY-MM-DD)."""
        return self._write(directory, "csv", lambda f, p: f.to_csv(p, index=False, date_format="%Y-%m-%d"))

    def to_jsonl(self, directory: str | Path) -> dict[str, Path]:
        """Write ``<table>.jsonl`` files, one JSON object per row (missing values null, days ISO)."""
        return self._write(directory, "jsonl", lambda f, p: f.to_json(
            p, orient="records", lines=True, date_format="iso", date_unit="s", force_ascii=False))

    def _write(self, directory: str | Path, suffix: str, write) -> dict[str, Path]:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        paths = {}
        for table, frame in self.tables().items():
            paths[table] = directory / f"{table}.{suffix}"
            write(frame, paths[table])
        return paths

    @classmethod
    def read(cls, directory: str | Path, format: str = "parquet") -> Frames:
        """Frames written by :meth:`to_parquet`, :meth:`to_csv` or :meth:`to_jsonl` (``format``), or by
        ``extract_many(..., out=directory)``, with the schema dtypes restored."""
        readers = {
            "parquet": pd.read_parquet,
            "csv": lambda p: pd.read_csv(p, dtype=str, keep_default_na=False, na_values=[""]),
            "jsonl": lambda p: pd.read_json(p, lines=True, dtype=False),
        }
        if format not in readers:
            raise ValueError(f"format must be one of {sorted(readers)}, got {format!r}")
        tables = {}
        for table in TABLES:
            path = Path(directory) / f"{table}.{format}"
            frame = readers[format](path) if path.stat().st_size else None
            tables[table] = conform(_parse_text_columns(frame, table), table)
        return cls(**tables)

    @classmethod
    def from_parquet(cls, directory: str | Path) -> Frames:
        """Frames from a directory of ``<table>.parquet`` files."""
        return cls.read(directory, "parquet")


_BOOLEAN_TEXT = {"True": True, "False": False, "true": True, "false": False}


def _to_bool(value: Any) -> bool:
    return value if isinstance(value, bool) else _BOOLEAN_TEXT[value]


def _parse_text_columns(frame: pd.DataFrame | None, table: str) -> pd.DataFrame | None:
    """Booleans and integers read back as text or objects (CSV, JSONL) converted before :func:`conform`."""
    if frame is None:
        return None
    for column, dtype in SCHEMA[table].items():
        if column not in frame or not (frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column])):
            continue
        if dtype == BOOL:
            frame[column] = frame[column].map(_to_bool, na_action="ignore")
        elif dtype == INT:
            frame[column] = pd.to_numeric(frame[column])
    return frame


# --- streaming to Parquet ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """What :func:`stream_parquet` wrote: the file of each table, row counts, and articles with an error."""

    paths: dict[str, Path]
    rows: dict[str, int]
    errors: int


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table`` (with pandas metadata, so ``pd.read_parquet`` restores the dtypes)."""
    return pa.Schema.from_pandas(empty(table), preserve_index=False)


def _to_arrow(frame: pd.DataFrame, table: str) -> pa.Table:
    return pa.Table.from_pandas(frame, schema=arrow_schema(table), preserve_index=False)


def stream_parquet(
    outcomes: Iterable[Outcome], directory: str | Path, aliases: str | Path | Any | None = None, chunk_size: int = 2000
) -> Written:
    """Write the tables of ``outcomes`` to ``directory/<table>.parquet``, ``chunk_size`` articles at a time.

    Memory holds one chunk plus the batch's distinct person names. ``participants`` and ``quotes`` are
    staged with article-level names and rewritten row group by row group once all names are known, so
    the files equal ``Frames.from_outcomes(outcomes).to_parquet(directory)``.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = {table: directory / f"{table}.parquet" for table in TABLES}
    staged = {table: directory / f".{table}.staged.parquet" for table in ("participants", "quotes")}
    people = PeopleIndex(aliases)
    rows: Counter[str] = Counter()
    errors = 0
    writers = {t: pq.ParquetWriter(staged.get(t, paths[t]), arrow_schema(t)) for t in CHUNK_TABLES}
    try:
        iterator = iter(outcomes)
        for chunk in iter(lambda: list(itertools.islice(iterator, chunk_size)), []):
            errors += sum(o.error is not None for o in chunk)
            for table, frame in article_tables(chunk, people).items():
                writers[table].write_table(_to_arrow(frame, table))
                rows[table] += len(frame)
    finally:
        for writer in writers.values():
            writer.close()
    for table, path in staged.items():
        with pq.ParquetWriter(paths[table], arrow_schema(table)) as writer:
            for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_size * 4):
                frame = conform(batch.to_pandas(), table)
                writer.write_table(_to_arrow(people.resolve_chunk(table, frame), table))
        path.unlink()
    people_table = people.table()
    pq.write_table(_to_arrow(people_table, "people"), paths["people"])
    rows["people"] = len(people_table)
    return Written(paths, {t: rows[t] for t in TABLES}, errors)
