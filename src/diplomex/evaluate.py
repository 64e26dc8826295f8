"""Score extracted records against gold files in the format of shared/gold/SCHEMA.md.

Per field, precision / recall / F1 summed over articles (micro average):

- meetings: a predicted and a gold event match when they share a participant (names compared with
  :func:`diplomex.names.same_person`), or, when the gold event names no person, two parties;
  on matched pairs the accuracy of type, location, date, status and parties is reported.
- participants: the people taking part in the article's meetings.
- quotes: text equal after whitespace normalisation; speaker accuracy on matched quotes
  (null must be null; names compared as above).
- dates: text equal; value accuracy on matched dates.
- locations: place names as listed, compared exactly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .names import same_person


@dataclass
class Counts:
    """True positives and the sizes of the predicted and gold sets."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += bool(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class Report:
    """Scores over a set of articles, and what each article missed or added."""

    fields: dict[str, Counts] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    articles: dict[str, dict[str, list]] = field(default_factory=dict)

    def counts(self, name: str) -> Counts:
        return self.fields.setdefault(name, Counts())

    def accuracy(self, name: str) -> Accuracy:
        return self.accuracies.setdefault(name, Accuracy())

    def to_dict(self) -> dict[str, Any]:
        return {
            "fields": {
                name: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "tp": c.tp,
                       "predicted": c.predicted, "gold": c.gold}
                for name, c in self.fields.items()
            },
            "accuracy": {name: {"value": a.value, "correct": a.correct, "total": a.total} for name, a in self.accuracies.items()},
            "articles": self.articles,
        }

    def table(self) -> str:
        """The report as a plain-text table."""
        lines = [f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}"]
        for name, c in self.fields.items():
            lines.append(f"{name:<14}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:6d}{c.predicted:6d}{c.gold:6d}")
        lines.append("")
        lines.append(f"{'accuracy':<22}{'value':>7}{'n':>6}")
        for name, a in self.accuracies.items():
            lines.append(f"{name:<22}{a.value:7.3f}{a.total:6d}")
        return "\n".join(lines)


def normalize_text(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def match_pairs(predicted: list, gold: list, same: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in order: each gold item takes the first unmatched prediction."""
    used: set[int] = set()
    pairs = []
    for g, gold_item in enumerate(gold):
        for p, item in enumerate(predicted):
            if p not in used and same(item, gold_item):
                used.add(p)
                pairs.append((p, g))
                break
    return pairs


def _names_overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    return any(same_person(x, y) for x in a for y in b)


def _same_meeting(pred: dict, gold: dict) -> bool:
    if gold.get("participants") and pred.get("participants"):
        return _names_overlap(pred["participants"], gold["participants"])
    if not gold.get("participants"):
        return len(set(pred.get("parties", [])) & set(gold.get("parties", []))) >= 2
    return False


def _same_location(pred: str | None, gold: str | None) -> bool:
    return (pred or None) == (gold or None)


def score_article(report: Report, predicted: dict, gold: dict) -> None:
    """Add one article's comparison to the report (both in the gold dict format)."""
    misses: dict[str, list] = {}

    meetings = report.counts("meetings")
    pairs = match_pairs(predicted["meetings"], gold["meetings"], _same_meeting)
    meetings.add(len(pairs), len(predicted["meetings"]), len(gold["meetings"]))
    for p, g in pairs:
        pm, gm = predicted["meetings"][p], gold["meetings"][g]
        report.accuracy("meeting type").add(pm["type"] == gm["type"])
        report.accuracy("meeting location").add(_same_location(pm.get("location"), gm.get("location")))
        report.accuracy("meeting date").add((pm.get("date") or None) == (gm.get("date") or None))
        report.accuracy("meeting status").add(pm.get("status", "held") == gm.get("status", "held"))
        report.accuracy("meeting parties").add(set(pm.get("parties", [])) == set(gm.get("parties", [])))
        report.accuracy("meeting follow_up").add(bool(pm.get("follow_up")) == bool(gm.get("follow_up")))
    matched_gold = {g for _, g in pairs}
    misses["meetings_missed"] = [m.get("participants") or m.get("parties") for i, m in enumerate(gold["meetings"]) if i not in matched_gold]
    matched_pred = {p for p, _ in pairs}
    misses["meetings_added"] = [m.get("participants") or m.get("parties") for i, m in enumerate(predicted["meetings"]) if i not in matched_pred]

    pred_people = list(dict.fromkeys(n for m in predicted["meetings"] for n in m["participants"]))
    gold_people = list(dict.fromkeys(n for m in gold["meetings"] for n in m["participants"]))
    people_pairs = match_pairs(pred_people, gold_people, same_person)
    report.counts("participants").add(len(people_pairs), len(pred_people), len(gold_people))
    misses["participants_missed"] = [n for i, n in enumerate(gold_people) if i not in {g for _, g in people_pairs}]

    quote_pairs = match_pairs(predicted["quotes"], gold["quotes"],
                              lambda p, g: normalize_text(p["text"]) == normalize_text(g["text"]))
    report.counts("quotes").add(len(quote_pairs), len(predicted["quotes"]), len(gold["quotes"]))
    for p, g in quote_pairs:
        ps, gs = predicted["quotes"][p]["speaker"], gold["quotes"][g]["speaker"]
        report.accuracy("quote speaker").add(ps == gs if not (ps and gs) else same_person(ps, gs) or ps == gs)
    misses["quotes_missed"] = [q["text"][:60] for i, q in enumerate(gold["quotes"]) if i not in {g for _, g in quote_pairs}]

    date_pairs = match_pairs(predicted["dates"], gold["dates"], lambda p, g: normalize_text(p["text"]) == normalize_text(g["text"]))
    report.counts("dates").add(len(date_pairs), len(predicted["dates"]), len(gold["dates"]))
    for p, g in date_pairs:
        report.accuracy("date value").add(predicted["dates"][p].get("value") == gold["dates"][g].get("value"))
    misses["dates_missed"] = [d["text"] for i, d in enumerate(gold["dates"]) if i not in {g for _, g in date_pairs}]

    pred_places, gold_places = set(predicted["locations"]), set(gold["locations"])
    report.counts("locations").add(len(pred_places & gold_places), len(pred_places), len(gold_places))
    misses["locations_missed"] = sorted(gold_places - pred_places)
    misses["locations_added"] = sorted(pred_places - gold_places)
    report.articles[gold.get("id") or str(len(report.articles))] = misses


def gold_files(gold_dir: Path) -> list[Path]:
    return sorted(p for p in Path(gold_dir).glob("*.json"))


def evaluate(gold_dir: str | Path, texts_dir: str | Path | None = None,
             extract: Callable[..., Any] | None = None) -> Report:
    """Run diplomex over the gold articles (texts in ``texts_dir``, default ``GOLD_DIR/texts``) and score."""
    from .extract import extract as default_extract

    extract = extract or default_extract
    gold_dir = Path(gold_dir)
    texts = Path(texts_dir) if texts_dir else gold_dir / "texts"
    report = Report()
    for path in gold_files(gold_dir):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = texts / f"{path.stem}.txt"
        if not text_path.exists():
            continue
        record = extract(text_path.read_text(encoding="utf-8"), published=gold.get("published"), id=gold.get("id", path.stem))
        score_article(report, record.to_dict(), gold)
    return report
