"""Score extracted records against gold files in the format of shared/gold/SCHEMA.md.

Per field, precision / recall / F1 summed over articles (micro average). Items are paired one-to-one,
best pairs first (:func:`match_pairs`):

- meetings: a predicted and a gold event match when they share a participant (names compared with
  :func:`diplomex.names.same_person`, so "Sergej Lawrow" is "Sergei Lavrov"); when the gold event names
  no person, when they share two of its parties (all of them if it lists fewer than two). Pairs with
  more shared participants/parties are matched first. On matched pairs the accuracy of type, location,
  date, status, parties and follow_up is reported.
- participants: the people taking part in the article's meetings, names compared as above.
- quotes: text equal after whitespace (and Unicode NFC) normalisation; speaker accuracy on matched
  quotes — a gold ``null`` speaker is only matched by ``null`` (an extractor that guesses is wrong).
- dates: text equal after whitespace normalisation; value accuracy (and ``mod`` accuracy) on matched
  dates.
- locations: place names as listed, compared after whitespace and apostrophe normalisation.

:func:`evaluate` runs diplomex over a gold directory; :func:`score_article` compares one prediction
with one gold annotation (both as dicts in the gold format, e.g. ``record.to_dict()``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from . import gazetteer
from .names import same_person

FIELDS = ("meetings", "participants", "quotes", "dates", "locations")
MEETING_ATTRIBUTES = ("type", "location", "date", "status", "parties", "follow_up")


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
    """Share of correct judgements on matched pairs."""

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
    """Scores over a set of articles, what each article missed or added, and the gold files skipped."""

    fields: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in FIELDS})
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    articles: dict[str, dict[str, list]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def counts(self, name: str) -> Counts:
        return self.fields.setdefault(name, Counts())

    def accuracy(self, name: str) -> Accuracy:
        return self.accuracies.setdefault(name, Accuracy())

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: per-field counts and scores, accuracies, per-article misses."""
        return {
            "fields": {
                name: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "tp": c.tp,
                       "predicted": c.predicted, "gold": c.gold}
                for name, c in self.fields.items()
            },
            "accuracy": {name: {"value": a.value, "correct": a.correct, "total": a.total}
                         for name, a in self.accuracies.items()},
            "articles": self.articles,
            "skipped": self.skipped,
        }

    def table(self, articles: bool = False) -> str:
        """The report as a plain-text table; with ``articles``, each article's misses follow."""
        lines = [f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}"]
        for name, c in self.fields.items():
            lines.append(f"{name:<14}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:6d}{c.predicted:6d}{c.gold:6d}")
        lines += ["", f"{'accuracy (matched)':<22}{'value':>7}{'n':>6}"]
        for name, a in self.accuracies.items():
            lines.append(f"{name:<22}{a.value:7.3f}{a.total:6d}")
        if self.skipped:
            lines += ["", f"skipped (no text): {', '.join(self.skipped)}"]
        if articles:
            for article, misses in self.articles.items():
                lines += ["", article]
                lines += [f"  {key}: {values}" for key, values in misses.items() if values]
        return "\n".join(lines)


# --- matching ------------------------------------------------------------------------------------


def normalize_text(text: str | None) -> str:
    """Text compared by the scorer: NFC, apostrophe look-alikes as "'" ("L′Aquila"), whitespace
    runs as one space, stripped."""
    text = unicodedata.normalize("NFC", text or "").translate(gazetteer.APOSTROPHES)
    return re.sub(r"\s+", " ", text).strip()


def match_pairs(predicted: list, gold: list, score: Callable[[Any, Any], float]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs with ``score > 0``, best score first; ties go to
    the earlier gold item, then the earlier prediction. A boolean ``score`` works too."""
    candidates = sorted(
        (-s, g, p) for g, gold_item in enumerate(gold) for p, item in enumerate(predicted)
        if (s := float(score(item, gold_item))) > 0
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, g, p in candidates:
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return sorted(pairs, key=lambda pair: pair[1])


def shared_people(a: Iterable[str], b: Iterable[str]) -> int:
    """How many names of ``b`` have a match in ``a`` (:func:`diplomex.names.same_person`)."""
    a = list(a)
    return sum(any(same_person(x, y) for x in a) for y in b)


def meeting_score(pred: dict, gold: dict) -> float:
    """How well a predicted meeting matches a gold one; 0 when they are not the same event."""
    gold_people, pred_people = gold.get("participants") or [], pred.get("participants") or []
    if gold_people:
        return shared_people(pred_people, gold_people)
    gold_parties = set(gold.get("parties") or [])
    shared = len(gold_parties & set(pred.get("parties") or []))
    return shared if gold_parties and shared >= min(2, len(gold_parties)) else 0


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Null only matches null; names are compared with :func:`diplomex.names.same_person`."""
    if not predicted or not gold:
        return not predicted and not gold
    return predicted == gold or same_person(predicted, gold)


def _text_score(pred: dict, gold: dict) -> bool:
    return normalize_text(pred.get("text")) == normalize_text(gold.get("text"))


def _date_score(pred: dict, gold: dict) -> float:
    if not _text_score(pred, gold):
        return 0
    return 1 + (pred.get("value") == gold.get("value"))


def _unmatched(items: list, pairs: list[tuple[int, int]], side: int) -> list:
    matched = {pair[side] for pair in pairs}
    return [item for i, item in enumerate(items) if i not in matched]


def _label(meeting: dict) -> str:
    names = meeting.get("participants") or meeting.get("parties") or []
    return f"{meeting.get('type')}: {', '.join(names)}"


# --- scoring -------------------------------------------------------------------------------------


def score_article(report: Report, predicted: dict, gold: dict) -> dict[str, list]:
    """Add one article's comparison to ``report`` (both dicts in the gold format; missing keys count as
    empty) and return, and file under the gold ``id``, what the prediction missed, added or got wrong."""
    misses: dict[str, list] = {}
    _score_meetings(report, predicted.get("meetings") or [], gold.get("meetings") or [], misses)
    _score_quotes(report, predicted.get("quotes") or [], gold.get("quotes") or [], misses)
    _score_dates(report, predicted.get("dates") or [], gold.get("dates") or [], misses)
    pred_places = {normalize_text(p) for p in predicted.get("locations") or []}
    gold_places = {normalize_text(p) for p in gold.get("locations") or []}
    report.counts("locations").add(len(pred_places & gold_places), len(pred_places), len(gold_places))
    misses["locations_missed"] = sorted(gold_places - pred_places)
    misses["locations_added"] = sorted(pred_places - gold_places)
    report.articles[str(gold.get("id") or predicted.get("id") or len(report.articles))] = misses
    return misses


def _score_meetings(report: Report, predicted: list[dict], gold: list[dict], misses: dict[str, list]) -> None:
    pairs = match_pairs(predicted, gold, meeting_score)
    report.counts("meetings").add(len(pairs), len(predicted), len(gold))
    misses["meetings_missed"] = [_label(m) for m in _unmatched(gold, pairs, 1)]
    misses["meetings_added"] = [_label(m) for m in _unmatched(predicted, pairs, 0)]
    misses["meeting_errors"] = []
    for p, g in pairs:
        pm, gm = predicted[p], gold[g]
        checks = {
            "type": pm.get("type") == gm.get("type"),
            "location": normalize_text(pm.get("location")) == normalize_text(gm.get("location")),
            "date": (pm.get("date") or None) == (gm.get("date") or None),
            "status": pm.get("status", "held") == gm.get("status", "held"),
            "parties": set(pm.get("parties") or []) == set(gm.get("parties") or []),
            "follow_up": bool(pm.get("follow_up")) == bool(gm.get("follow_up")),
        }
        for name in MEETING_ATTRIBUTES:
            report.accuracy(f"meeting {name}").add(checks[name])
            if not checks[name]:
                misses["meeting_errors"].append(f"{_label(gm)}: {name} {pm.get(name)!r}, gold {gm.get(name)!r}")

    pred_people = list(dict.fromkeys(n for m in predicted for n in m.get("participants") or []))
    gold_people = list(dict.fromkeys(n for m in gold for n in m.get("participants") or []))
    people = match_pairs(pred_people, gold_people, same_person)
    report.counts("participants").add(len(people), len(pred_people), len(gold_people))
    misses["participants_missed"] = _unmatched(gold_people, people, 1)
    misses["participants_added"] = _unmatched(pred_people, people, 0)


def _score_quotes(report: Report, predicted: list[dict], gold: list[dict], misses: dict[str, list]) -> None:
    pairs = match_pairs(predicted, gold, _text_score)
    report.counts("quotes").add(len(pairs), len(predicted), len(gold))
    misses["quotes_missed"] = [q.get("text", "")[:60] for q in _unmatched(gold, pairs, 1)]
    misses["quotes_added"] = [q.get("text", "")[:60] for q in _unmatched(predicted, pairs, 0)]
    misses["speaker_errors"] = []
    for p, g in pairs:
        ps, gs = predicted[p].get("speaker"), gold[g].get("speaker")
        ok = same_speaker(ps, gs)
        report.accuracy("quote speaker").add(ok)
        if not ok:
            misses["speaker_errors"].append(f"{gold[g].get('text', '')[:40]!r}: {ps!r}, gold {gs!r}")


def _score_dates(report: Report, predicted: list[dict], gold: list[dict], misses: dict[str, list]) -> None:
    pairs = match_pairs(predicted, gold, _date_score)
    report.counts("dates").add(len(pairs), len(predicted), len(gold))
    misses["dates_missed"] = [d.get("text") for d in _unmatched(gold, pairs, 1)]
    misses["dates_added"] = [d.get("text") for d in _unmatched(predicted, pairs, 0)]
    misses["date_value_errors"] = []
    for p, g in pairs:
        pd, gd = predicted[p], gold[g]
        ok = pd.get("value") == gd.get("value")
        report.accuracy("date value").add(ok)
        report.accuracy("date mod").add(pd.get("mod") == gd.get("mod"))
        if not ok:
            misses["date_value_errors"].append(f"{gd.get('text')}: {pd.get('value')!r}, gold {gd.get('value')!r}")


# --- running over a gold directory ---------------------------------------------------------------


def gold_files(gold_dir: str | Path) -> list[Path]:
    """The gold annotation files (``*.json``) of a directory, sorted by name."""
    return sorted(Path(gold_dir).glob("*.json"))


def read_gold(path: Path) -> dict:
    """One gold annotation; ``ValueError`` naming the file when it is not a JSON object."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: not a gold file in the SCHEMA.md format ({error})") from None
    if not isinstance(gold, dict):
        raise ValueError(f"{path}: not a gold file in the SCHEMA.md format (expected a JSON object)")
    return gold


def evaluate(gold_dir: str | Path, texts_dir: str | Path | None = None,
             extract: Callable[..., Any] | None = None, *, model: str | None = None) -> Report:
    """Run diplomex over the gold articles and score it.

    Texts are read from ``texts_dir`` (default ``GOLD_DIR/texts``) as ``<id>.txt``, where ``<id>`` is the
    gold file's stem; gold files without a text are listed in ``Report.skipped``. ``extract`` (default
    :func:`diplomex.extract`) is called as ``extract(text, published=..., id=...)`` and must return a
    record with ``to_dict()``; ``model`` picks the base pipeline of the default extractor. Raises
    ``FileNotFoundError`` when ``gold_dir`` has no ``*.json`` files.
    """
    from .extract import default_pipeline
    from .extract import extract as default_extract

    gold_dir = Path(gold_dir)
    paths = gold_files(gold_dir)
    if not paths:
        raise FileNotFoundError(f"no gold files (*.json) in {gold_dir}: see shared/gold/SCHEMA.md for the format")
    if extract is None:
        extract = partial(default_extract, nlp=default_pipeline(model)) if model else default_extract
    texts = Path(texts_dir) if texts_dir else gold_dir / "texts"
    report = Report()
    for path in paths:
        gold = read_gold(path)
        text_path = texts / f"{path.stem}.txt"
        if not text_path.exists():
            report.skipped.append(path.stem)
            continue
        text = text_path.read_text(encoding="utf-8")
        record = extract(text, published=gold.get("published"), id=gold.get("id", path.stem))
        score_article(report, record.to_dict(), {**gold, "id": gold.get("id", path.stem)})
    return report
