"""Many articles at once: one ``nlp.pipe`` stream, exactly one outcome per input, in input order.

Inputs go through :func:`diplomex.hygiene.prepare` first; rows it rejects (None, numbers, bytes, text
over the length limit, a malformed ``published``) become outcomes with an ``error``; an empty Doc keeps
their place in the stream. A component that raises on one article costs only that article: spaCy's
error handler drops the Doc and the article gets an ``error``; the rest of the batch goes on.
With ``n_process > 1`` each worker process runs its own stream and builds the records itself.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc
from tqdm.auto import tqdm

from . import hygiene
from .extensions import published_date
from .extract import build_record, default_pipeline, make_doc, parse_published
from .frames import Frames, Outcome, Written, stream_parquet
from .records import ArticleRecord

DEFAULT_BATCH_SIZE = 64
DEFAULT_CHUNK_SIZE = 2000
COMPONENT_FAILED = "extraction failed: a pipeline component raised an error"

_FAILURES: dict[int, str] = {}  # id(context) -> message, written by the error handler in this process


class _Context(NamedTuple):
    """What travels with each Doc through ``nlp.pipe(as_tuples=True)``."""

    index: int
    article_id: str
    title: str | None
    warnings: tuple[str, ...]
    error: str | None
    empty: bool


def _missing(value: Any) -> bool:
    """None, NaN, NA or NaT (missing cells of a DataFrame)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def input_rows(data: Any, text: str, published: str, id: str, title: str) -> Iterator[tuple[Any, Any, Any, Any]]:
    """(text, published, id, title) per input: strings, mappings with those keys, or DataFrame rows."""
    if isinstance(data, (str, bytes)):
        raise TypeError("data must be an iterable of texts or dicts, or a DataFrame: wrap a single text in a list")
    if isinstance(data, pd.DataFrame):
        if text not in data.columns:
            raise KeyError(f"no text column {text!r} in the DataFrame; columns: {list(data.columns)}")
        columns = [data[c] if c in data.columns else itertools.repeat(None) for c in (text, published, id, title)]
        yield from zip(*columns)
        return
    for item in data:
        if isinstance(item, Mapping):
            yield item.get(text), item.get(published), item.get(id), item.get(title)
        else:
            yield item, None, None, None


def _prepare(nlp: Language, index: int, row: tuple[Any, Any, Any, Any]) -> tuple[Doc, _Context]:
    """The Doc to send through the pipeline and its context; rejected rows get an empty Doc and an error."""
    raw_text, raw_published, raw_id, raw_title = (None if _missing(v) else v for v in row)
    article_id = str(index) if raw_id is None else str(raw_id)
    title = None if raw_title is None else str(raw_title)
    try:
        clean, warnings = hygiene.prepare(raw_text)
        day = parse_published(raw_published)
    except (TypeError, ValueError) as error:
        return nlp.make_doc(""), _Context(index, article_id, title, (), str(error), False)
    empty = not clean.strip()
    return make_doc(nlp, "" if empty else clean, day), _Context(index, article_id, title, tuple(warnings), None, empty)


def _record_failure(proc_name: str | None, proc: Any, docs: list[Doc] | None, error: Exception) -> None:
    """spaCy error handler: remember why a Doc was dropped (in this process) and go on."""
    for doc in docs or []:
        _FAILURES[id(doc._context)] = f"{COMPONENT_FAILED} ({proc_name}: {type(error).__name__}: {error})"


def _outcome(doc: Doc, context: _Context) -> Outcome:
    if context.error is not None:
        return Outcome(context.index, context.article_id, None, context.error)
    try:
        if context.empty:
            record = ArticleRecord(id=context.article_id, published=published_date(doc), title=context.title,
                                   warnings=context.warnings)
        else:
            record = build_record(doc, id=context.article_id, title=context.title, warnings=context.warnings)
    except Exception as error:  # one bad record must not end the batch
        return Outcome(context.index, context.article_id, None, f"record building failed: {type(error).__name__}: {error}")
    return Outcome(context.index, context.article_id, record, None)


def _lost(context: _Context) -> Outcome:
    return Outcome(context.index, context.article_id, None, _FAILURES.pop(id(context), COMPONENT_FAILED))


def pipe_outcomes(nlp: Language, rows: Iterable[tuple[int, tuple[Any, Any, Any, Any]]], batch_size: int) -> Iterator[Outcome]:
    """Outcomes of (index, row) pairs through one ``nlp.pipe`` stream in this process, in order."""
    in_flight: deque[_Context] = deque()

    def feed() -> Iterator[tuple[Doc, _Context]]:
        for index, row in rows:
            doc, context = _prepare(nlp, index, row)
            in_flight.append(context)
            yield doc, context

    # Only the default handler (used by components without their own, as diplomex's are):
    # Language.set_error_handler also writes to Cython pipes, which some spaCy builds reject.
    handler = nlp.default_error_handler
    nlp.default_error_handler = _record_failure
    try:
        for doc, context in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size):
            while in_flight[0].index != context.index:  # Docs a failing component dropped
                yield _lost(in_flight.popleft())
            in_flight.popleft()
            yield _outcome(doc, context)
        while in_flight:
            yield _lost(in_flight.popleft())
    finally:
        nlp.default_error_handler = handler


_WORKER: dict[str, Any] = {}  # the pipeline of a worker process, set before forking or by _init_worker


def _init_worker(nlp: Language | None, model: str | None, batch_size: int) -> None:
    _WORKER.update(nlp=nlp or _WORKER.get("nlp") or default_pipeline(model), batch_size=batch_size)


def _worker_outcomes(chunk: list[tuple[int, tuple[Any, Any, Any, Any]]]) -> list[Outcome]:
    return list(pipe_outcomes(_WORKER["nlp"], chunk, _WORKER["batch_size"]))


def pool_outcomes(
    nlp: Language, rows: Iterable[tuple[int, tuple[Any, Any, Any, Any]]], n_process: int, batch_size: int
) -> Iterator[Outcome]:
    """Outcomes from ``n_process`` worker processes, each running :func:`pipe_outcomes` on chunks of
    ``batch_size`` rows and building the records itself (only records travel back, not Docs).

    Workers are forked with the pipeline already loaded where the platform can fork; elsewhere each
    worker receives a pickled copy. At most ``2 * n_process`` chunks are in flight, so memory stays flat.
    A chunk whose worker fails (unpicklable input, a killed process) is processed in this process.
    """
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if can_fork else "spawn")
    iterator = iter(rows)
    chunks = iter(lambda: list(itertools.islice(iterator, batch_size)), [])
    _WORKER["nlp"] = nlp  # inherited by forked workers
    try:
        with ProcessPoolExecutor(n_process, mp_context=context, initializer=_init_worker,
                                 initargs=(None if can_fork else nlp, None, batch_size)) as pool:
            pending = deque((c, pool.submit(_worker_outcomes, c)) for c in itertools.islice(chunks, 2 * n_process))
            while pending:
                chunk, future = pending.popleft()
                pending.extend((c, pool.submit(_worker_outcomes, c)) for c in itertools.islice(chunks, 1))
                try:
                    done = future.result()
                except Exception:  # a chunk that cannot be pickled or a lost worker: run it here instead
                    done = list(pipe_outcomes(nlp, chunk, batch_size))
                yield from done
    finally:
        _WORKER.clear()


def iter_extract(
    data: Iterable[Any] | pd.DataFrame,
    *,
    text: str = "text",
    published: str = "published",
    id: str = "id",
    title: str = "title",
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
    model: str | None = None,
    nlp: Language | None = None,
    start: int = 0,
) -> Iterator[Outcome]:
    """Yield one :class:`Outcome` per input, lazily and in input order.

    ``data``: strings, dicts (keys named by ``text``, ``published``, ``id``, ``title``) or a DataFrame
    (columns of those names; only ``text`` is required). ``article_id`` is the id when given, else the
    input position. ``nlp`` (default: ``diplomex.load(model)``, cached) runs with ``nlp.pipe``.
    ``n_process > 1`` runs that many worker processes, each with its own ``nlp.pipe`` stream and record
    building (see :func:`pool_outcomes`). ``progress`` shows a tqdm bar in articles/s.
    ``start``: the position of the first input (when ``data`` is one part of a larger input).
    """
    nlp = nlp or default_pipeline(model)
    total = len(data) if hasattr(data, "__len__") else None
    rows = enumerate(input_rows(data, text, published, id, title), start)
    outcomes = pipe_outcomes(nlp, rows, batch_size) if n_process <= 1 else pool_outcomes(nlp, rows, n_process, batch_size)
    with tqdm(outcomes, total=total, unit="articles", disable=not progress, smoothing=0.1) as bar:
        yield from bar


def extract_many(
    data: Iterable[Any] | pd.DataFrame,
    *,
    text: str = "text",
    published: str = "published",
    id: str = "id",
    title: str = "title",
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
    model: str | None = None,
    nlp: Language | None = None,
    aliases: str | Path | Any | None = None,
    out: str | Path | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Frames | Written:
    """Extract many articles into tidy tables (see the README, section "Batches"); arguments as in :func:`iter_extract`.

    Every input gives exactly one ``articles`` row, in input order; rejected or failed inputs have an
    ``error`` and no other rows. ``aliases``: a user alias table (CSV/TSV path or DataFrame with
    ``alias``, ``canonical``, optional ``qid``) for batch-wide person names.

    Without ``out``, returns :class:`~diplomex.frames.Frames` in memory. With ``out`` (a directory),
    writes ``<table>.parquet`` files in chunks of ``chunk_size`` articles so memory stays flat, and
    returns a :class:`~diplomex.frames.Written` (paths and row counts); read the tables back with
    ``Frames.from_parquet(out)`` or ``pd.read_parquet(out / "meetings.parquet")``.
    """
    outcomes = iter_extract(data, text=text, published=published, id=id, title=title, n_process=n_process,
                            batch_size=batch_size, progress=progress, model=model, nlp=nlp)
    if out is None:
        return Frames.from_outcomes(outcomes, aliases)
    return stream_parquet(outcomes, out, aliases=aliases, chunk_size=chunk_size)
