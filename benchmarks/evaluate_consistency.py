"""Do the ways of running diplomex over the gold set agree? Prints the scores and a consistency table.

- evaluate() twice: identical reports (determinism across runs, caches warm vs cold)
- extract() one text at a time vs nlp.pipe() over all texts + build_record(): identical records
- `diplomex evaluate GOLD --json` (when the CLI is installed): identical figures

Run: PYTHONPATH=src python benchmarks/evaluate_consistency.py [GOLD_DIR]
"""

import json
import subprocess
import sys
from pathlib import Path

import diplomex
from diplomex import hygiene
from diplomex.evaluate import evaluate, gold_files, read_gold
from diplomex.extract import default_pipeline, parse_published

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"


def piped_records(gold_dir: Path) -> dict[str, dict]:
    nlp = default_pipeline(None)
    items = []
    for path in gold_files(gold_dir):
        text_path = gold_dir / "texts" / f"{path.stem}.txt"
        if text_path.exists():
            gold = read_gold(path)
            clean, warnings = hygiene.prepare(text_path.read_text(encoding="utf-8"))
            items.append((path.stem, warnings, diplomex.make_doc(nlp, clean, parse_published(gold.get("published")))))
    docs = nlp.pipe(doc for _, _, doc in items)
    return {stem: diplomex.build_record(doc, id=stem, warnings=warnings).to_dict()
            for (stem, warnings, _), doc in zip(items, docs)}


def single_records(gold_dir: Path) -> dict[str, dict]:
    records = {}
    for path in gold_files(gold_dir):
        text_path = gold_dir / "texts" / f"{path.stem}.txt"
        if text_path.exists():
            gold = read_gold(path)
            records[path.stem] = diplomex.extract(text_path.read_text(encoding="utf-8"),
                                                  published=gold.get("published"), id=path.stem).to_dict()
    return records


def cli_report(gold_dir: Path) -> dict | None:
    result = subprocess.run([sys.executable, "-m", "diplomex.cli", "evaluate", str(gold_dir), "--json"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        return None
    return json.loads(result.stdout)


def main() -> None:
    gold_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    if not gold_dir.exists():
        sys.exit(f"gold directory {gold_dir} not found (shared/ beside the repo)")
    first, second = evaluate(gold_dir), evaluate(gold_dir)
    print(first.table())
    single, piped = single_records(gold_dir), piped_records(gold_dir)
    differing = sorted(stem for stem in single if single[stem] != piped.get(stem))
    cli = cli_report(gold_dir)
    print(f"\n{'check':<40}{'result':>12}")
    print(f"{'evaluate() twice, identical report':<40}{str(first.to_dict() == second.to_dict()):>12}")
    print(f"{'extract() vs nlp.pipe(), records equal':<40}{f'{len(single) - len(differing)}/{len(single)}':>12}")
    cli_result = "no CLI" if cli is None else str(cli.get("fields") == json.loads(json.dumps(first.to_dict()))["fields"])
    print(f"{'CLI --json fields equal evaluate()':<40}{cli_result:>12}")
    if differing:
        print(f"differing articles: {', '.join(differing)}")


if __name__ == "__main__":
    main()
