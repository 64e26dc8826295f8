"""Throughput of diplomex on real German news, and memory while streaming to Parquet.

    PYTHONPATH=src /work/venv/bin/python benchmarks/throughput.py [--articles 850] [--n 100000] [--model M]

Articles: the WIKINEWS texts of ../shared/data/german-news-quotation-attribution (train + dev, read on
the fly; publication date from the file name). Measured in one run on the same input, after a warm-up:

- base: ``nlp.pipe`` with every ``diplomex_*`` component disabled (the base model alone);
- base + diplomex_sentences: the base plus diplomex's sentence splitter, which ``diplomex.load`` adds
  only when the base model sets no sentences (the embedded default does not; de_core_news_* do);
- extract_many with n_process=1 and 2 (components, record building and the Frames tables);
- seconds per component and for record building, to show where the time goes;
- peak RSS of a fresh process streaming ``--n`` synthetic articles to Parquet (``extract_many(out=...)``).

Words are tokens that are neither punctuation nor space. Targets (issue 8): overhead <= 1.25x over the
base, speed-up >= 1.6x with two processes, peak RSS < 1.5 GB. The machine's load average is printed:
other jobs on a shared machine slow every figure, and the two-process speed-up most.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "german-news-quotation-attribution" / "data"
FILE_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\.pretty\.json$")
WARM_UP = 20


def real_articles(limit: int) -> list[dict]:
    """Texts and publication dates of the quotation-attribution corpus (read, never copied)."""
    if not CORPUS.exists():
        sys.exit(f"corpus not found at {CORPUS}: this benchmark needs ../shared/data")
    articles = []
    for path in sorted(CORPUS.glob("*/*.pretty.json"))[:limit]:
        date = FILE_DATE.search(path.name)
        articles.append({"id": path.name.split(" ")[0], "text": json.loads(path.read_text("utf-8"))["originalText"],
                         "published": date.group(1) if date else None})
    return articles


PEOPLE = [("Außenministerin", "Annalena Baerbock"), ("Außenminister", "Sergej Lawrow"),
          ("US-Außenminister", "Antony Blinken"), ("Präsident", "Emmanuel Macron"), ("Kanzler", "Olaf Scholz"),
          ("Ministerpräsident", "Viktor Orbán"), ("Außenminister", "Wang Yi"), ("Präsident", "Recep Tayyip Erdoğan")]
PLACES = ["Berlin", "Paris", "Genf", "Wien", "Moskau", "Peking", "Ankara", "Brüssel", "Rom", "Warschau"]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
SENTENCES = [
    "{r1} {p1} ist am {day} in {place} mit {r2} {p2} zusammengekommen.",
    "„Wir haben über die Lage in der Region gesprochen“, sagte {s1} nach dem Gespräch.",
    "Beide Seiten vereinbarten, sich im {month} erneut zu treffen.",
    "Zuvor hatte {s2} in {place2} mit Vertretern der Regierung telefoniert.",
    "Die Gespräche dauerten nach Angaben von Diplomaten mehr als drei Stunden.",
]
MONTHS = ["Januar", "März", "Mai", "Juli", "September", "November"]


def synthetic_articles(n: int, seed: int = 8):
    """``n`` short German articles from templates (generated lazily, deterministic)."""
    rng = random.Random(seed)
    for i in range(n):
        (r1, p1), (r2, p2) = rng.sample(PEOPLE, 2)
        fill = dict(r1=r1, p1=p1, r2=r2, p2=p2, s1=p1.split()[-1], s2=p2.split()[-1], day=rng.choice(DAYS),
                    place=rng.choice(PLACES), place2=rng.choice(PLACES), month=rng.choice(MONTHS))
        text = " ".join(s.format(**fill) for s in SENTENCES[: rng.randint(3, 5)])
        yield {"id": f"syn-{i:06d}", "text": text, "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stream(n: int, model: str | None, batch_size: int) -> None:
    """Child process: stream ``n`` synthetic articles to Parquet, print peak RSS along the way as JSON."""
    from diplomex.batch import extract_many

    marks = {}

    def counted():
        for i, article in enumerate(synthetic_articles(n), 1):
            if i % max(1, n // 5) == 0:
                marks[i] = round(rss_mb())
            yield article

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        written = extract_many(counted(), model=model, batch_size=batch_size, out=out)
        seconds = time.perf_counter() - start
        size = sum(p.stat().st_size for p in written.paths.values())
    print(json.dumps({"peak_mb": rss_mb(), "marks": marks, "seconds": seconds, "rows": written.rows, "bytes": size}))


def words(docs) -> int:
    return sum(1 for doc in docs for t in doc if not (t.is_punct or t.is_space))


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(function):
    """(result, wall seconds, CPU seconds including worker processes)."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    result = function()
    return result, time.perf_counter() - wall, cpu_seconds() - cpu


def component_seconds(nlp, articles) -> dict[str, float]:
    """Seconds per pipeline component and for record building, one Doc at a time."""
    from diplomex.extract import build_record, make_doc, parse_published

    spent: dict[str, float] = defaultdict(float)
    for article in articles:
        start = time.perf_counter()
        doc = make_doc(nlp, article["text"], parse_published(article["published"]))
        spent["tokenizer"] += time.perf_counter() - start
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            spent[name] += time.perf_counter() - start
        start = time.perf_counter()
        build_record(doc)
        spent["build_record"] += time.perf_counter() - start
    return dict(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=850, help="real articles to use (default: all 850; 0: skip)")
    parser.add_argument("--n", type=int, default=100_000, help="synthetic articles to stream (0: skip)")
    parser.add_argument("--model", default=None, help="base model (default as diplomex.load)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--stream-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stream_child:
        stream(args.n, args.model, args.batch_size)
        return

    if args.articles:
        throughput(args)
    if args.n:
        streaming(args)


def throughput(args: argparse.Namespace) -> None:
    """The throughput table on real articles (see the module docstring)."""
    import diplomex
    from diplomex.batch import extract_many
    from diplomex.extract import default_pipeline

    load_before = os.getloadavg()[0]
    articles = real_articles(args.articles)
    nlp = default_pipeline(args.model)
    extract_many(articles[:WARM_UP], nlp=nlp)  # first-call initialisation of the components
    texts = [a["text"] for a in articles]
    diplomex_names = [n for n in nlp.pipe_names if n.startswith("diplomex_")]

    with nlp.select_pipes(disable=diplomex_names):
        base_pipes = list(nlp.pipe_names)
        docs, base_s, base_cpu = timed(lambda: list(nlp.pipe(texts, batch_size=args.batch_size)))
    n_words = words(docs)
    del docs
    with nlp.select_pipes(disable=[n for n in diplomex_names if n != "diplomex_sentences"]):
        _, sentences_s, sentences_cpu = timed(lambda: list(nlp.pipe(texts, batch_size=args.batch_size)))
    frames, one_s, one_cpu = timed(lambda: extract_many(articles, nlp=nlp, batch_size=args.batch_size))
    _, two_s, two_cpu = timed(lambda: extract_many(articles, nlp=nlp, batch_size=args.batch_size, n_process=2))
    parts = component_seconds(nlp, articles)
    load_after = os.getloadavg()[0]

    print(f"diplomex {diplomex.__version__}; pipeline {nlp.meta.get('name')} {nlp.pipe_names}; "
          f"{len(articles)} articles, {n_words:,} words; load average {load_before:.1f} -> {load_after:.1f} "
          f"on {os.cpu_count()} cores")
    print(f"\n{'run':<34}{'wall s':>8}{'words/s':>10}{'articles/s':>12}{'CPU s':>8}{'words/CPU s':>13}")
    for name, seconds, cpu in ((f"base {base_pipes}", base_s, base_cpu),
                               ("base + diplomex_sentences", sentences_s, sentences_cpu),
                               ("extract_many n_process=1", one_s, one_cpu),
                               ("extract_many n_process=2", two_s, two_cpu)):
        print(f"{name:<34}{seconds:8.2f}{n_words / seconds:10.0f}{len(articles) / seconds:12.1f}"
              f"{cpu:8.2f}{n_words / cpu:13.0f}")
    print(f"\noverhead extract_many / base: {one_s / base_s:.2f}x wall, {one_cpu / base_cpu:.2f}x CPU "
          f"(over base + diplomex_sentences: {one_s / sentences_s:.2f}x wall, {one_cpu / sentences_cpu:.2f}x CPU; "
          f"target <= 1.25x)")
    print(f"speed-up n_process=2: {one_s / two_s:.2f}x wall (target >= 1.6x); on two idle cores about "
          f"{2 * one_cpu / two_cpu:.2f}x (2 x CPU of one process / CPU of the two-process run)")
    print(f"tables: {frames!r}")
    total = sum(parts.values())
    print(f"\n{'step (one Doc at a time)':<34}{'seconds':>9}{'share':>8}")
    for name, seconds in sorted(parts.items(), key=lambda kv: -kv[1]):
        print(f"{name:<34}{seconds:9.2f}{seconds / total:8.1%}")


def streaming(args: argparse.Namespace) -> None:
    """Peak RSS of a fresh process streaming ``args.n`` synthetic articles to Parquet."""
    command = [sys.executable, __file__, "--stream-child", "--n", str(args.n), "--batch-size", str(args.batch_size)]
    if args.model:
        command += ["--model", args.model]
    child = subprocess.run(command, capture_output=True, text=True, check=True)
    result = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"\nstreaming {args.n:,} synthetic articles to Parquet: {result['seconds']:.0f} s "
          f"({args.n / result['seconds']:.0f} articles/s), {result['bytes'] / 1e6:.1f} MB written, "
          f"peak RSS {result['peak_mb']:.0f} MB (target < 1500 MB)")
    print("peak RSS after n articles read (MB): " + ", ".join(f"{k}: {v}" for k, v in result["marks"].items()))


if __name__ == "__main__":
    main()
