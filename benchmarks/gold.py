"""Score diplomex on the gold dev set (shared/gold): per-field P/R/F1 and attribute accuracies.

Run: python benchmarks/gold.py [GOLD_DIR] [--articles] [--events]

``--articles`` lists what each article missed, added or got wrong; ``--events`` prints each
article's predicted and gold meetings side by side (type, status, place, date, parties, persons).
"""

import json
import sys
from pathlib import Path

from diplomex.evaluate import evaluate, gold_files
from diplomex.extract import extract

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
EVENT_FIELDS = ("type", "status", "location", "date", "parties", "participants")


def event_line(meeting: dict) -> str:
    """One meeting as a short line of its scored fields."""
    return " | ".join(f"{name}={meeting.get(name)!r}" for name in EVENT_FIELDS)


def print_events(gold_dir: Path, records: dict[str, dict]) -> None:
    for path in gold_files(gold_dir):
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = str(gold.get("id", path.stem))
        print(f"\n{article}")
        for meeting in (records.get(article) or {}).get("meetings") or []:
            print(f"  pred {event_line(meeting)}")
        for meeting in gold.get("meetings") or []:
            print(f"  gold {event_line(meeting)}")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    gold_dir = Path(args[0]) if args else GOLD
    if not gold_dir.exists():
        sys.exit(f"gold directory {gold_dir} not found (shared/ beside the repo)")
    records: dict[str, dict] = {}

    def recording_extract(text, **kwargs):
        record = extract(text, **kwargs)
        records[str(kwargs.get("id"))] = record.to_dict()
        return record

    report = evaluate(gold_dir, extract=recording_extract)
    print(f"gold: {gold_dir} ({len(report.articles)} articles)")
    print(report.table())
    if "--articles" in sys.argv:
        for article, misses in report.articles.items():
            print(f"\n{article}")
            for key, values in misses.items():
                if values:
                    print(f"  {key}: {values}")
    if "--events" in sys.argv:
        print_events(gold_dir, records)


if __name__ == "__main__":
    main()
