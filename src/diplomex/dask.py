"""Scale out on Dask: a Dask DataFrame of articles in, one Dask DataFrame per table out.

Needs the optional extra: ``pip install diplomex[dask]``. Each worker process loads the pipeline once
(:func:`diplomex.extract.default_pipeline` is cached per process) and runs ``nlp.pipe`` over its
partitions; the people of all partitions are merged in one small task, so ``person_id`` and canonical
names are batch-wide exactly as with :func:`diplomex.extract_many`.

>>> tables = extract_ddf(ddf, text="text", published="published")
>>> frames = compute_frames(tables)          # or dask.compute(*tables.values())

The tables share the extraction tasks: compute them together (or ``persist`` them), since computing
them one by one re-runs the extraction for each.
"""

from __future__ import annotations

from itertools import accumulate
from pathlib import Path
from typing import Any

import dask
import dask.dataframe as dd
import pandas as pd
from dask import delayed

from .batch import DEFAULT_BATCH_SIZE, iter_extract
from .extract import default_pipeline
from .frames import CHUNK_TABLES, TABLES, Frames, PeopleIndex, article_tables, empty


def _extract_partition(
    part: pd.DataFrame, start: int, columns: dict[str, str], model: str | None, batch_size: int
) -> tuple[dict[str, pd.DataFrame], PeopleIndex]:
    """Step 1 on one partition, with the worker's cached pipeline."""
    people = PeopleIndex()
    outcomes = iter_extract(part, **columns, start=start, batch_size=batch_size, nlp=default_pipeline(model))
    return article_tables(outcomes, people), people


def _merge_people(aliases: Any, indexes: list[PeopleIndex]) -> PeopleIndex:
    merged = PeopleIndex(aliases)
    for index in indexes:
        merged.update(index)
    return merged


def _resolve(people: PeopleIndex, table: str, frame: pd.DataFrame) -> pd.DataFrame:
    return people.resolve_chunk(table, frame)


def _people_table(people: PeopleIndex) -> pd.DataFrame:
    return people.table()


def extract_ddf(
    ddf: dd.DataFrame,
    *,
    text: str = "text",
    published: str = "published",
    id: str = "id",
    title: str = "title",
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    aliases: str | Path | Any | None = None,
) -> dict[str, dd.DataFrame]:
    """Table name -> lazy Dask DataFrame (schema of the README, section "Batches"), one ``articles`` row per input row.

    Columns as in :func:`diplomex.extract_many`; ``article_id`` defaults to the row's position in
    ``ddf`` (counted across partitions). ``model`` is loaded once in each worker process.
    """
    if text not in ddf.columns:
        raise KeyError(f"no text column {text!r} in the Dask DataFrame; columns: {list(ddf.columns)}")
    columns = {"text": text, "published": published, "id": id, "title": title}
    parts = ddf.to_delayed()
    starts = accumulate((delayed(len)(part) for part in parts[:-1]), lambda a, b: delayed(sum)([a, b]), initial=0)
    results = [
        delayed(_extract_partition, nout=2)(part, begin, columns, model, batch_size)
        for part, begin in zip(parts, starts)
    ]
    people = delayed(_merge_people)(aliases, [index for _, index in results])
    tables: dict[str, dd.DataFrame] = {}
    for table in CHUNK_TABLES:
        frames = [delayed(_resolve)(people, table, chunk[table]) for chunk, _ in results]
        tables[table] = dd.from_delayed(frames, meta=empty(table), verify_meta=False)
    tables["people"] = dd.from_delayed([delayed(_people_table)(people)], meta=empty("people"), verify_meta=False)
    return {table: tables[table] for table in TABLES}


def compute_frames(tables: dict[str, dd.DataFrame], **compute_options: Any) -> Frames:
    """Compute all tables of :func:`extract_ddf` together (one extraction) into in-memory Frames."""
    computed = dask.compute(*tables.values(), **compute_options)
    return Frames(**{table: frame.reset_index(drop=True) for table, frame in zip(tables, computed)})
