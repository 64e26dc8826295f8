"""Benchmark of ``diplomex_dates``: detection P/R/F1 and value accuracy.

Data (read in place from ../shared, never copied):
- news: the gold files ``shared/gold/*.json`` (``dates`` lists with text and value, no offsets) and
  their texts, resolved against ``published``. Spans are matched as text multisets: *exact* = the
  same text, *overlap* = one text contains the other. Only kind "date" mentions are scored.
- WikiWarsDE: ``keyinline/*.key.xml`` (TIMEX2, converted on the fly), anchored on the document's
  DATETIME. Spans are matched by character offsets: *exact* = same offsets, *overlap* = any
  overlap. All kinds (dates, durations, sets) are scored; value accuracy counts pairs whose gold
  value is a calendar value (times cut to the day; durations and PRESENT_REF etc. left out).

Run: ``PYTHONPATH=src /work/venv/bin/python benchmarks/dates.py``
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import spacy

import diplomex.components.dates  # noqa: F401  (registers diplomex_dates)
import diplomex.extensions  # noqa: F401
from diplomex.components.dates import date_mentions

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "gold"
WIKIWARS = SHARED / "data" / "wikiwarsde" / "WikiWarsDE_20110412" / "keyinline"
CALENDAR_VALUE = re.compile(r"^(?:BC)?\d{2,4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|SP|SU|FA|WI|Q\d|H\d))?$")


def pipeline(reference: str = "published"):
    try:  # the lead's loader, once it is on main
        import diplomex

        nlp = diplomex.load()
        if "diplomex_dates" in nlp.pipe_names:
            nlp.remove_pipe("diplomex_dates")
    except (AttributeError, ImportError, OSError):
        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("diplomex_dates", config={"reference": reference})
    return nlp


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match_texts(gold: list[dict], pred: list[dict], overlap: bool) -> list[tuple[dict, dict]]:
    """Greedy one-to-one pairs of gold and predicted mentions by text."""
    pairs, free = [], list(pred)
    for g in gold:
        gt = g["text"].lower()
        for p in free:
            pt = p["text"].lower()
            if pt == gt or (overlap and (gt in pt or pt in gt)):
                pairs.append((g, p))
                free.remove(p)
                break
    return pairs


def run_news(nlp) -> dict:
    files = sorted(GOLD.glob("*.json"))
    docs = []
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        text = (GOLD / "texts" / f"{record['id']}.txt").read_text(encoding="utf-8")
        doc = nlp.make_doc(text)
        doc._.published = record.get("published")
        docs.append((record.get("dates", []), doc))
    out = {"docs": len(docs)}
    processed = list(nlp.pipe(d for _, d in docs))
    for mode in ("exact", "overlap"):
        tp = n_pred = n_gold = right = right_mod = 0
        for (gold, _), doc in zip(docs, processed):
            pred = [m.to_dict() for m in date_mentions(doc)]
            pairs = match_texts(gold, pred, mode == "overlap")
            tp += len(pairs)
            n_pred += len(pred)
            n_gold += len(gold)
            right += sum(g["value"] == p["value"] for g, p in pairs)
            right_mod += sum(g["value"] == p["value"] and g.get("mod") == p.get("mod") for g, p in pairs)
        out[mode] = (*prf(tp, n_pred, n_gold), right / tp if tp else 0.0, right_mod / tp if tp else 0.0, tp, n_pred, n_gold)
    return out


def wikiwars_documents():
    """(DCT, plain text, [(start, end, val)]) per WikiWarsDE document, TIMEX2 tags stripped."""
    for path in sorted(WIKIWARS.glob("*.xml")):
        raw = path.read_text(encoding="utf-8")
        dct = re.search(r"<DATETIME>.*?val=\"(\d{4}-\d{2}-\d{2})", raw, re.S).group(1)
        body = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
        text, gold, stack, pos = [], [], [], 0
        for m in re.finditer(r"<TIMEX2([^>]*)>|</TIMEX2>", body):
            text.append(body[pos:m.start()])
            pos = m.end()
            offset = sum(map(len, text))
            if m.group(0).startswith("</"):
                start, attrs = stack.pop()
                val = re.search(r'val="([^"]*)"', attrs)
                gold.append((start, offset, val.group(1) if val else None))
            else:
                stack.append((offset, m.group(1)))
        text.append(body[pos:])
        yield dct, "".join(text), gold


def gold_calendar_value(val: str | None) -> str | None:
    if not val:
        return None
    day = val.split("T")[0]
    return day if CALENDAR_VALUE.match(day) else None


def run_wikiwars(nlp) -> dict:
    docs = list(wikiwars_documents())
    inputs = []
    for dct, text, _ in docs:
        doc = nlp.make_doc(text)
        doc._.published = dct
        inputs.append(doc)
    started = time.perf_counter()
    processed = list(nlp.pipe(inputs))
    seconds = time.perf_counter() - started
    out = {"docs": len(docs), "seconds": seconds}
    for mode in ("exact", "overlap"):
        tp = n_pred = n_gold = valued = right = 0
        for (_, _, gold), doc in zip(docs, processed):
            pred = [(s._.timex["start"], s._.timex["end"], s._.timex["value"]) for s in doc.spans["diplomex_dates"]]
            n_pred += len(pred)
            n_gold += len(gold)
            free = list(pred)
            for gs, ge, gv in gold:
                hit = next((p for p in free if (p[0], p[1]) == (gs, ge) or (mode == "overlap" and p[0] < ge and gs < p[1])), None)
                if hit is None:
                    continue
                free.remove(hit)
                tp += 1
                if (value := gold_calendar_value(gv)) is not None:
                    valued += 1
                    right += hit[2] == value
        out[mode] = (*prf(tp, n_pred, n_gold), right / valued if valued else 0.0, valued, tp, n_pred, n_gold)
    return out


def main() -> int:
    if not SHARED.exists():
        print(f"shared data not found at {SHARED}", file=sys.stderr)
        return 1
    print(f"{'corpus':<28}{'match':<9}{'P':>7}{'R':>7}{'F1':>7}{'value':>8}{'val+mod':>9}{'tp/pred/gold':>16}")
    news = run_news(pipeline())
    for mode in ("exact", "overlap"):
        p, r, f, acc, acc_mod, tp, n_pred, n_gold = news[mode]
        print(f"{'news gold (' + str(news['docs']) + ' docs)':<28}{mode:<9}{p:7.3f}{r:7.3f}{f:7.3f}{acc:8.3f}{acc_mod:9.3f}"
              f"{f'{tp}/{n_pred}/{n_gold}':>16}")
    for reference in ("published", "narrative"):
        ww = run_wikiwars(pipeline(reference))
        for mode in ("exact", "overlap"):
            p, r, f, acc, valued, tp, n_pred, n_gold = ww[mode]
            print(f"{'WikiWarsDE ' + reference:<28}{mode:<9}{p:7.3f}{r:7.3f}{f:7.3f}{acc:8.3f}{'':>9}"
                  f"{f'{tp}/{n_pred}/{n_gold}':>16}")
        print(f"  ({ww['docs']} docs, {ww['seconds']:.1f} s; value accuracy on {ww['overlap'][4]} overlap pairs with calendar gold values)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
