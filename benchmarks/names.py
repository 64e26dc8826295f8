"""Name normalization benchmark: pairwise same-person precision / recall and canonicalize speed.

Run: PYTHONPATH=src /work/venv/bin/python benchmarks/names.py [--size 100000] [--errors]
Targets: precision and recall >= 0.97 on benchmarks/data/name_pairs.tsv; 100,000 distinct names in seconds.
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from pathlib import Path

from diplomex import names

PAIRS = Path(__file__).parent / "data" / "name_pairs.tsv"


def read_pairs(path: Path = PAIRS) -> list[tuple[str, str, bool, str]]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [(r["a"], r["b"], r["same"] == "1", r["group"]) for r in rows]


def pairwise(pairs: list[tuple[str, str, bool, str]], show_errors: bool) -> dict[str, float]:
    tp = fp = fn = tn = 0
    for a, b, gold, _ in pairs:
        predicted = names.same_person(a, b)
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
        tn += not predicted and not gold
        if show_errors and predicted != gold:
            print(f"  {'FP' if predicted else 'FN'}  {a!r} / {b!r}  similarity={names.similarity(a, b):.2f}")
    return {
        "pairs": len(pairs),
        "positives": tp + fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
    }


def synthetic_names(size: int, seed: int = 7) -> list[str]:
    """Distinct names from random syllables: full names, spelling variants, initials and bare surnames."""
    rng = random.Random(seed)
    onsets = ["b", "ch", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "sch", "t", "w", "z", "kh", "sh", "j", "v"]
    vowels = ["a", "e", "i", "o", "u", "ja", "ie", "y", "ou"]

    def word(syllables: int) -> str:
        return "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(syllables)).capitalize()

    given = [word(rng.randint(2, 3)) for _ in range(3000)]
    family = [word(rng.randint(2, 4)) + rng.choice(["", "ow", "ev", "ski", "enko", "er", "ić"]) for _ in range(20000)]
    out: set[str] = set()
    while len(out) < size:
        first, last = rng.choice(given), rng.choice(family)
        shape = rng.random()
        if shape < 0.6:
            out.add(f"{first} {last}")
        elif shape < 0.75:
            out.add(f"{first} {last.replace('w', 'v').replace('sch', 'sh')}")
        elif shape < 0.85:
            out.add(f"{first[0]}. {last}")
        else:
            out.add(last)
    return sorted(out)


def speed(size: int) -> tuple[int, int, float, float]:
    """(names, clusters, wall seconds, CPU seconds) of one cold canonicalize call."""
    sample = synthetic_names(size)
    names.parse.cache_clear()
    wall, cpu = time.perf_counter(), time.process_time()
    result = names.canonicalize(sample)
    return len(sample), len(set(result.values())), time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000, help="distinct synthetic names to canonicalize")
    parser.add_argument("--errors", action="store_true", help="list the misjudged pairs")
    args = parser.parse_args()

    scores = pairwise(read_pairs(), args.errors)
    print(f"{'pairs':<28}{scores['pairs']:>10}")
    print(f"{'positive pairs':<28}{scores['positives']:>10}")
    print(f"{'precision (target >= 0.97)':<28}{scores['precision']:>10.3f}")
    print(f"{'recall (target >= 0.97)':<28}{scores['recall']:>10.3f}")
    count, clusters, wall, cpu = speed(args.size)
    print(f"{'distinct names':<28}{count:>10}")
    print(f"{'clusters':<28}{clusters:>10}")
    print(f"{'canonicalize seconds (wall)':<28}{wall:>10.2f}")
    print(f"{'canonicalize seconds (CPU)':<28}{cpu:>10.2f}")


if __name__ == "__main__":
    main()
