"""Score diplomex on the gold dev set (shared/gold): per-field P/R/F1 and attribute accuracies.

Run: python benchmarks/gold.py [GOLD_DIR] [--articles]
"""

import sys
from pathlib import Path

from diplomex.evaluate import evaluate

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    gold_dir = Path(args[0]) if args else GOLD
    if not gold_dir.exists():
        sys.exit(f"gold directory {gold_dir} not found (shared/ beside the repo)")
    report = evaluate(gold_dir)
    print(f"gold: {gold_dir} ({len(report.articles)} articles)")
    print(report.table())
    if "--articles" in sys.argv:
        for article, misses in report.articles.items():
            print(f"\n{article}")
            for key, values in misses.items():
                if values:
                    print(f"  {key}: {values}")


if __name__ == "__main__":
    main()
