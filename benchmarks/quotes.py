"""Benchmark diplomex_quotes on german-news-quotation-attribution (German Wikinews).

Gold: annotations with ``type == "Direct"`` (deduplicated by span). Prints quote P/R/F1 with text match
after whitespace normalisation (quotation marks stripped), an overlap-based variant (char overlap ≥ 50%
of the longer span), and speaker accuracy on matched quotes, twice:

strict
    A predicted speaker is right when it overlaps the gold speaker span or ends in the same word (the
    surname "Costa" for gold "António Costa", said elsewhere). A gold pronoun ("er") is checked against
    the nearest earlier gold speaker of the article that may name a person and agrees with the pronoun
    (see :func:`agrees`; diplomex points pronouns to their antecedent; the corpus has no coreference, so
    this is a proxy, and a rough one: it misses an antecedent named outside any annotation, or one named
    after an earlier gold speaker, and then counts a right resolution wrong). A gold quote without speaker is right
    only when the prediction has none. Every gold description counts as a speaker to find, so a null
    answer to "ein Sprecher", "die Richter" or "der Bericht" is wrong here.

schema-consistent
    What the diplomex schema asks (gold/SCHEMA.md: a speaker only when the article names one, a person
    by name or an organisation; never invented). Strict, plus three cases the corpus scores differently:
    a gold speaker that names no one — a description led by an article, without a name, acronym or
    institution noun ("ein Sprecher", "die Richter", "der Bericht"; conservative, so "Experten" stays
    strict) — answered with null; a gold bare role ("die Kanzlerin") answered with the one person the
    article titled so before ("Bundeskanzlerin Angela Merkel"), as the schema resolves roles; and a gold
    quote whose annotation has a frame but no speaker span (an annotation gap) answered with null or a
    speaker inside that frame. Anything else — in particular a name found neither in the gold speaker
    nor in its frame — stays wrong.

as written
    The corpus's own measure, with no proxy: the speaker mention diplomex reports where the quote is
    attributed (``mention``: the name, pronoun, role, organisation or nameless description as written,
    "er", "ein Polizeisprecher") — or the name it resolves to, since the annotators sometimes mark an
    earlier mention of the same speaker — overlaps the gold speaker span or ends in the same word; a gold
    quote without speaker is right when diplomex reports no mention (or one inside the annotation's frame,
    as above). This checks that the right words were found; the resolved ``speaker`` (null for "ein
    Polizeisprecher") is what strict and schema-consistent score.

indirect (with ``--indirect``)
    The component's ``indirect`` option on: direct quotes are scored as above (kind "direct" only), and the
    indirect-speech clauses (kind "indirect") against the corpus's reported-speech annotations (types
    Indirect, FreeIndirect, IndirectFreeIndirect; "Reported" mentions of an act of speech have no clause).
    Clause boundaries differ more than quotation marks do, so a match is an overlap of at least half the
    longer span; speaker accuracy on matched clauses is strict (pronouns by the same proxy). The gold also
    marks indicative reported clauses ("Nach Angaben der FAZ nimmt die Stadt …"), which a Konjunktiv
    reader does not claim: recall is bounded by that.

Usage: PYTHONPATH=src python benchmarks/quotes.py [dev|train|SPLIT] [--errors N] [--indirect]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import spacy

import diplomex.components.quotes  # noqa: F401  (registers the factory)
from diplomex.components.lexicon import is_common_noun
from diplomex.components.quotes import is_known_body

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "german-news-quotation-attribution" / "data"
MARKS = "„“”\"»«‚‘’‹›'"
PRONOUNS = {"er", "sie", "ihm", "ihr", "ihn", "ich", "wir", "man", "es", "sein", "seine", "ihre", "dieser", "diese"}


def normalise(text: str) -> str:
    return " ".join(text.strip().strip(MARKS).split())


INDIRECT_TYPES = ("Indirect", "FreeIndirect", "IndirectFreeIndirect")


def load_pipeline(indirect: bool = False):
    config = {"indirect": indirect}
    try:
        import diplomex

        nlp = diplomex.load()  # the full pipeline, with NER, once it exists on main
        if "diplomex_quotes" in nlp.pipe_names:
            nlp.replace_pipe("diplomex_quotes", "diplomex_quotes", config=config)
        else:
            nlp.add_pipe("diplomex_quotes", config=config)
        return nlp, "diplomex.load()"
    except (ImportError, AttributeError):
        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("diplomex_quotes", config=config)
        return nlp, 'spacy.blank("de") + sentencizer'


def gold_quotes(doc: dict, types: tuple[str, ...] = ("Direct",)) -> list[dict]:
    """Quotes of one article of the given annotation types (direct by default): content span (marks
    stripped), text, speaker spans and texts."""
    text, seen, out = doc["originalText"], set(), []
    speakers = sorted(
        (s["charBegin"], s["charEnd"], a["speaker"]["text"])
        for a in doc["annotations"]
        for s in a["speaker"]["spans"]
    )
    for a in doc["annotations"]:
        spans = a["quote"]["spans"]
        if a["type"] not in types or not spans:
            continue
        start, end = spans[0]["charBegin"], spans[-1]["charEnd"]
        while start < end and (text[start] in MARKS or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in MARKS or text[end - 1].isspace()):
            end -= 1
        if (start, end) in seen:
            continue
        seen.add((start, end))
        sp_spans = [(s["charBegin"], s["charEnd"]) for s in a["speaker"]["spans"]]
        sp_text = a["speaker"]["text"]
        if sp_spans and sp_text.lower() in PRONOUNS:
            earlier = [s for s in speakers if s[1] <= sp_spans[0][0] and names_person(s[2]) and agrees(sp_text, s[2])]
            if earlier:
                sp_spans, sp_text = sp_spans + [earlier[-1][:2]], sp_text + " / " + earlier[-1][2]
        frame = [(s["charBegin"], s["charEnd"]) for s in a["frame"]["spans"]]
        written = [(s["charBegin"], s["charEnd"]) for s in a["speaker"]["spans"]]
        out.append({"start": start, "end": end, "text": normalise(text[start:end]), "speaker": sp_spans,
                    "speaker_text": sp_text, "frame": frame, "written": written})
    return out


def last_word(text: str) -> str:
    """The last word of a name, party or place in parentheses left out ("Günther Oettinger (CDU)")."""
    words = re.findall(r"[^\W\d_][\w-]*", re.sub(r"\([^)]*\)", " ", text))
    return words[-1].lower() if words else ""


DESCRIPTION_START = {"der", "die", "das", "den", "dem", "ein", "eine", "einer", "eines", "einem", "einen", "dessen",
                     "deren", "sein", "seine", "ihr", "ihre"}


def role_only(speaker_text: str) -> bool:
    """A gold speaker that is a description naming no one ("der Sportchef", "die Kanadier", "dem Bericht"):
    led by an article, no two capitalised words in a row, no apposition, no organisation ("die FIFA",
    "das Gericht", "ein Sprecher des CERN" name one). The schema gives no speaker for these."""
    words = speaker_text.replace(",", " , ").split()
    if not words or words[0].lower() not in DESCRIPTION_START or "," in words or "/" in words:
        return False
    if any(is_known_body(w.strip(".:;()„“\"")) for w in words[1:]):
        return False
    capitals = [w[:1].isupper() for w in words[1:]]
    return not any(a and b for a, b in zip(capitals, capitals[1:]))


def names_person(speaker_text: str) -> bool:
    """A gold speaker that may name a person, the antecedent of a later "er"/"sie": neither a pronoun nor
    a nameless description, and with a capitalised word that is no organisation and no inflected
    common noun ("Augenzeugen", "Angaben")."""
    if speaker_text.lower() in PRONOUNS or role_only(speaker_text):
        return False
    capitalised = [w.strip(".:;()„“\"") for w in speaker_text.split() if w[:1].isupper()]
    return any(not is_known_body(w) and not is_common_noun(w) for w in capitalised)


SOURCE_PREPOSITIONS = {"in", "im", "auf", "aus", "von", "vom", "bei", "beim", "nach", "laut", "mit", "zu", "zum", "zur", "über"}


def agrees(pronoun: str, speaker_text: str) -> bool:
    """A gold speaker can be the antecedent of the gold pronoun: not a source phrase led by a preposition
    ("im italienischen Fachblatt …", "In einer Analyse des BBC": a document, no one "er" refers to), and
    not of the other gender — "er" is never a phrase led by "die"/"eine" ("Die Oppositionspartei MDC",
    "die Ukraine die EU die G8"), singular "sie" never one led by "der"/"ein". Without this the proxy
    took the nearest gold speaker whatever it was, against the corpus's own pronoun."""
    first = speaker_text.split()[0].lower() if speaker_text.split() else ""
    if first in SOURCE_PREPOSITIONS:
        return False
    if pronoun.lower() == "er":
        return first not in ("die", "eine")
    if pronoun.lower() == "sie":
        return first not in ("der", "ein")
    return True


def speaker_right(gold: dict, predicted: list | None, text: str, spans: str = "speaker") -> bool:
    """The predicted span overlaps one of the gold's ``spans`` ("speaker": with the pronoun proxy;
    "written": as annotated) or ends in the same word; no gold span: right when nothing is predicted."""
    if not gold[spans]:
        return predicted is None
    if predicted is None:
        return False
    if any(s < predicted[1] and predicted[0] < e for s, e in gold[spans]):
        return True
    surname = last_word(text[predicted[0] : predicted[1]])
    return any(last_word(text[s:e]) == surname for s, e in gold[spans]) and len(surname) > 2


def written_right(gold: dict, predicted: dict, text: str) -> bool:
    """Speaker as written (see the module docstring)."""
    if not gold["written"]:
        return predicted["mention"] is None or unannotated_speaker(gold, predicted["mention"])
    return any(speaker_right(gold, p, text, "written") for p in (predicted["mention"], predicted["speaker"]) if p)


def holds_role(gold: dict, predicted: list | None, text: str) -> bool:
    """A gold nameless role ("die Kanzlerin") answered with the person the article names with that
    title ("Bundeskanzlerin Angela Merkel … die Kanzlerin"): diplomex resolves such roles."""
    if predicted is None or not role_only(gold["speaker_text"]):
        return False
    noun, surname = last_word(gold["speaker_text"]), last_word(text[predicted[0] : predicted[1]])
    if len(noun) < 4 or len(surname) < 3:
        return False
    titled = rf"\w*{re.escape(noun)}n?\s+(?:[\w.-]+\s+){{0,4}}{re.escape(surname)}\b"  # "Luiz Inácio Lula da Silva"
    return re.search(titled, text[: gold["speaker"][0][0]], re.IGNORECASE) is not None


def unannotated_speaker(gold: dict, predicted: list | None) -> bool:
    """A gold quote whose annotation has a frame ("X erklärte:") but no speaker span — a gap in the
    annotation — answered with no speaker or one inside the frame."""
    if gold["speaker"] or not gold["frame"]:
        return False
    return predicted is None or any(s <= predicted[0] and predicted[1] <= e for s, e in gold["frame"])


def schema_right(gold: dict, predicted: list | None, text: str) -> bool:
    """Speaker right by the diplomex schema (see the module docstring)."""
    if speaker_right(gold, predicted, text) or holds_role(gold, predicted, text) or unannotated_speaker(gold, predicted):
        return True
    return predicted is None and bool(gold["speaker"]) and role_only(gold["speaker_text"])


def overlap_match(gold: list[dict], predicted: list[dict]) -> int:
    used, hits = set(), 0
    for g in gold:
        for i, p in enumerate(predicted):
            inter = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if i not in used and inter >= 0.5 * max(g["end"] - g["start"], p["end"] - p["start"]):
                used.add(i)
                hits += 1
                break
    return hits


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_indirect(counts: Counter, gold: list[dict], doc, text: str) -> None:
    """Add one article's indirect-speech clauses to ``counts`` (overlap matching, strict speakers)."""
    predicted = [s._.quote for s in doc.spans["diplomex_quotes"] if s._.quote["kind"] == "indirect"]
    counts["gold"] += len(gold)
    counts["predicted"] += len(predicted)
    used: set[int] = set()
    for g in gold:
        for i, p in enumerate(predicted):
            inter = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if i not in used and inter >= 0.5 * max(g["end"] - g["start"], p["end"] - p["start"]):
                used.add(i)
                counts["matched"] += 1
                counts["speaker"] += speaker_right(g, p["speaker"], text)
                break


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("split", nargs="?", default="dev", help="a folder of the corpus's data/: dev, train (or test, where present)")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    parser.add_argument("--indirect", action="store_true", help="also extract and score indirect speech")
    args = parser.parse_args()
    if not (DATA / args.split).is_dir():
        sys.exit(f"data not found: {DATA / args.split}")
    nlp, pipeline = load_pipeline(args.indirect)
    indirect = Counter()  # gold, predicted, matched clauses; right speakers on the matched
    files = sorted((DATA / args.split).glob("*.json"))
    n_gold = n_pred = tp = tp_overlap = sp_right = sp_total = sp_schema = sp_written = 0
    pronouns = Counter()  # gold pronoun speakers: matched quotes, and those the proxy counts wrong
    errors: dict[str, list[str]] = {"fp": [], "fn": [], "speaker": [], "written": []}
    started = time.perf_counter()
    for path in files:
        article = json.loads(path.read_text(encoding="utf-8"))
        text = article["originalText"]
        gold = gold_quotes(article)
        doc = nlp(text)
        predicted = [dict(s._.quote, text=normalise(text[s._.quote["start"] : s._.quote["end"]]))
                     for s in doc.spans["diplomex_quotes"] if s._.quote["kind"] == "direct"]
        if args.indirect:
            score_indirect(indirect, gold_quotes(article, INDIRECT_TYPES), doc, text)
        n_gold, n_pred = n_gold + len(gold), n_pred + len(predicted)
        tp_overlap += overlap_match(gold, predicted)
        remaining = Counter(p["text"] for p in predicted)
        by_text = {p["text"]: p for p in predicted}
        for g in gold:
            if remaining[g["text"]] > 0:
                remaining[g["text"]] -= 1
                tp += 1
                sp_total += 1
                p = by_text[g["text"]]
                right = speaker_right(g, p["speaker"], text)
                sp_right += right
                schema = schema_right(g, p["speaker"], text)
                sp_schema += schema
                written = written_right(g, p, text)
                sp_written += written
                if not written:
                    got = text[p["mention"][0] : p["mention"][1]] if p["mention"] else None
                    errors["written"].append(f"gold={g['speaker_text'].split(' / ')[0]!r} mention={got!r} cue={p['cue']} | {g['text'][:70]}")
                if g["speaker_text"].split(" / ")[0].lower() in PRONOUNS:
                    pronouns["all"] += 1
                    pronouns["wrong"] += not schema
                    pronouns["strict wrong"] += not right
                if not right:
                    got = text[p["speaker"][0] : p["speaker"][1]] if p["speaker"] else None
                    tag = " (schema: right)" if schema else ""
                    errors["speaker"].append(f"gold={g['speaker_text']!r} got={got!r} cue={p['cue']}{tag} | {g['text'][:70]}")
            else:
                errors["fn"].append(g["text"][:120])
        errors["fp"] += [t[:120] for t in remaining.elements()]
    elapsed = time.perf_counter() - started
    p, r, f = prf(tp, n_pred, n_gold)
    po, ro, fo = prf(tp_overlap, n_pred, n_gold)
    print(f"diplomex_quotes on german-news-quotation-attribution/{args.split} ({len(files)} articles, {pipeline})")
    print(f"{'':22}{'P':>7}{'R':>7}{'F1':>7}")
    print(f"{'quotes (exact text)':22}{p:7.3f}{r:7.3f}{f:7.3f}   gold {n_gold}, predicted {n_pred}, matched {tp}")
    print(f"{'quotes (overlap>=50%)':22}{po:7.3f}{ro:7.3f}{fo:7.3f}")
    print(f"{'speaker accuracy':22}{'strict':>7}{'schema':>7}")
    print(f"{'  on matched quotes':22}{ratio(sp_right, sp_total):7.3f}{ratio(sp_schema, sp_total):7.3f}   "
          f"on {sp_total} matched quotes (see the docstring for both)")
    print(f"{'  gold pronouns':22}{pronouns['all']:7d}{pronouns['wrong']:7d}   "
          f"matched quotes with a gold 'er'/'sie' (checked by proxy), of them counted wrong by the schema")
    print(f"{'  as written':22}{ratio(sp_written, sp_total):7.3f}   the speaker mention at the quote (or its resolution) "
          f"against the gold speaker span, no proxy")
    named = sp_total - pronouns["all"]
    print(f"{'  without pronouns':22}{ratio(sp_right - pronouns['all'] + pronouns['strict wrong'], named):7.3f}"
          f"{ratio(sp_schema - pronouns['all'] + pronouns['wrong'], named):7.3f}   "
          f"on the {named} matched quotes whose gold speaker is no pronoun (no proxy needed)")
    if args.indirect:
        pi, ri, fi = prf(indirect["matched"], indirect["predicted"], indirect["gold"])
        print(f"{'indirect (overlap>=50%)':22}{pi:7.3f}{ri:7.3f}{fi:7.3f}   gold {indirect['gold']}, "
              f"predicted {indirect['predicted']}, matched {indirect['matched']}")
        print(f"{'  speaker (strict)':22}{ratio(indirect['speaker'], indirect['matched']):7.3f}   on the matched clauses")
    print(f"{'speed':22}{len(files) / elapsed:7.1f} articles/s")
    for kind, items in errors.items():
        for item in items[: args.errors]:
            print(f"{kind.upper():8}| {item}")


if __name__ == "__main__":
    main()
