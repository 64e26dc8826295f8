"""The ``diplomex`` command: ``diplomex extract`` (articles -> tables) and ``diplomex evaluate`` (gold scores)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

DESCRIPTION = """\
Turn German news articles about diplomacy into tables of meetings, participants, people, quotes,
dates and places (one row per article in articles.*, joined by article_id / meeting_id / person_id)."""

EPILOG = """\
examples:
  diplomex extract artikel/ --out tabellen/
      every .txt file in artikel/ (id = file name without .txt) -> tabellen/*.parquet
  diplomex extract archiv.jsonl --out tabellen/ --format csv --date-col datum --n-process 2
      one JSON object per line with a "text" and a "datum" field -> tabellen/*.csv
  diplomex extract export.csv --text-col inhalt --id-col url --out tabellen/ --format jsonl
  diplomex evaluate gold/ --json scores.json
      score diplomex against gold annotations (texts in gold/texts/)

Read the tables in Python with pandas.read_parquet("tabellen/meetings.parquet") or
diplomex.frames.Frames.from_parquet("tabellen/"). Schema: the README, section "Batches".
"""

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
CSV_CHUNK_ROWS = 10_000


def _text_file_row(path: Path) -> dict[str, Any]:
    return {"text": path.read_text(encoding="utf-8", errors="replace"), "id": path.stem}


def _jsonl_rows(path: Path, columns: dict[str, str]) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"diplomex: {path}:{number}: not valid JSON ({error}); the article gets an error row",
                      file=sys.stderr)
                item = {}
            yield {key: item.get(column) for key, column in columns.items()} if isinstance(item, dict) else {}


def _csv_rows(path: Path, columns: dict[str, str]) -> Iterator[dict[str, Any]]:
    import pandas as pd

    separator = "\t" if path.suffix == ".tsv" else ","
    for chunk in pd.read_csv(path, sep=separator, dtype=str, chunksize=CSV_CHUNK_ROWS):
        if columns["text"] not in chunk.columns:
            raise SystemExit(f"diplomex: {path} has no text column {columns['text']!r} (columns: "
                             f"{', '.join(chunk.columns)}); choose one with --text-col")
        present = {key: column for key, column in columns.items() if column in chunk.columns}
        for values in zip(*(chunk[column] for column in present.values())):
            yield dict(zip(present, values))


def input_rows(inputs: Sequence[Path], columns: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Articles as dicts with keys text / published / id / title, lazily, from all inputs in order.

    ``columns`` maps those keys to the column (field) names of JSONL and CSV inputs.
    """
    for path in inputs:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES):
                yield _text_file_row(file)
        elif path.suffix.lower() in JSONL_SUFFIXES:
            yield from _jsonl_rows(path, columns)
        elif path.suffix.lower() in CSV_SUFFIXES:
            yield from _csv_rows(path, columns)
        else:
            yield _text_file_row(path)


def _existing_path(value: str) -> Path:
    path = Path(value)
    if not path.exists():
        raise argparse.ArgumentTypeError(f"no such file or folder: {value}")
    return path


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="diplomex", description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"diplomex {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = commands.add_parser(
        "extract", help="extract tables from articles (.txt files, folders of .txt, JSONL, CSV)",
        description="Extract meetings, people, quotes, dates and places from German articles into tables.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("inputs", nargs="+", type=_existing_path, metavar="INPUT",
                         help="a .txt file, a folder of .txt files (id = file name), a .jsonl or a .csv/.tsv file")
    extract.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the table files")
    extract.add_argument("--format", choices=("parquet", "csv", "jsonl"), default="parquet",
                         help="file format of the tables (default: parquet, written in chunks; csv and jsonl "
                              "are built in memory)")
    extract.add_argument("--text-col", default="text", metavar="NAME", help="text field of JSONL/CSV rows (default: text)")
    extract.add_argument("--date-col", default="published", metavar="NAME",
                         help="publication date field, ISO e.g. 2025-02-28; anchors 'am Donnerstag' (default: published)")
    extract.add_argument("--id-col", default="id", metavar="NAME",
                         help="article id field (default: id; without it: the running number of the article)")
    extract.add_argument("--title-col", default="title", metavar="NAME", help="title field (default: title)")
    extract.add_argument("--n-process", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    extract.add_argument("--batch-size", type=int, default=64, metavar="N", help="articles per nlp.pipe batch (default: 64)")
    extract.add_argument("--model", metavar="NAME_OR_PATH",
                         help="spaCy base model, e.g. de_core_news_md (default: $DIPLOMEX_MODEL, an installed "
                              "de_core_news_*, else the embedded German pipeline)")
    extract.add_argument("--aliases", type=_existing_path, metavar="CSV",
                         help="person alias table with columns alias, canonical[, qid]")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")
    extract.set_defaults(run=run_extract)

    evaluate = commands.add_parser(
        "evaluate", help="score diplomex against gold annotation files",
        description="Score diplomex on gold files (GOLD_DIR/*.json, format of the gold SCHEMA.md).",
    )
    evaluate.add_argument("gold_dir", type=_existing_path, metavar="GOLD_DIR")
    evaluate.add_argument("--texts", type=_existing_path, metavar="DIR", help="article texts (default: GOLD_DIR/texts)")
    evaluate.add_argument("--model", metavar="NAME_OR_PATH", help="spaCy base model (as for extract)")
    evaluate.add_argument("--json", type=Path, metavar="FILE", help="also write the full report as JSON")
    evaluate.set_defaults(run=run_evaluate)
    return parser


def run_extract(args: argparse.Namespace) -> int:
    from .batch import extract_many
    from .extract import default_pipeline

    columns = {"text": args.text_col, "published": args.date_col, "id": args.id_col, "title": args.title_col}
    rows = input_rows(args.inputs, columns)
    common = dict(nlp=default_pipeline(args.model), n_process=args.n_process, batch_size=args.batch_size,
                  progress=not args.quiet, aliases=args.aliases)
    if args.format == "parquet":
        written = extract_many(rows, out=args.out, **common)
        counts, errors = written.rows, written.errors
    else:
        frames = extract_many(rows, **common)
        getattr(frames, f"to_{args.format}")(args.out)
        counts = {table: len(frame) for table, frame in frames.tables().items()}
        errors = int(frames.articles["error"].notna().sum())
    print(f"{counts['articles']} articles, {counts['meetings']} meetings, {counts['participants']} participants, "
          f"{counts['people']} people, {counts['quotes']} quotes, {errors} errors -> {args.out}/*.{args.format}")
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate
    from .extract import default_pipeline, extract

    extractor = partial(extract, nlp=default_pipeline(args.model)) if args.model else None
    report = evaluate(args.gold_dir, args.texts, extract=extractor)
    print(report.table())
    for article, misses in report.articles.items():
        found = {kind: items for kind, items in misses.items() if items}
        if found:
            print(f"\n{article}")
            for kind, items in found.items():
                print(f"  {kind}: {'; '.join(map(str, items))}")
    if args.json:
        args.json.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``diplomex`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    from .pipeline import ModelNotFoundError

    try:
        return args.run(args)
    except ModelNotFoundError as error:
        print(f"diplomex: {error}", file=sys.stderr)
        return 2
