"""Exact-span NER scores per label on the held-out evaluation sets (GermEval-2014 test, Europarl dev).

Usage: python training/evaluate.py [MODEL_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert import DEFAULT_DATA, LABELS, europarl_pado, germeval, iob_to_doc  # noqa: E402

ROOT = Path(__file__).resolve().parent
DEFAULT_MODEL = ROOT.parent / "src" / "diplomex" / "models" / "de_diplomex_news"


def evaluation_sets(data: Path = DEFAULT_DATA) -> dict[str, list[Doc]]:
    """Gold Docs of the two evaluation sets (never used for training)."""
    vocab = spacy.blank("de").vocab
    return {
        "germeval2014-test": [iob_to_doc(vocab, s) for s in germeval(data / "germeval2014" / "NER-de-test.tsv")],
        "europarl-dev": [iob_to_doc(vocab, s) for s in europarl_pado(data / "europarl-ner-pado" / "dev.tsv")],
    }


def per_label_scores(nlp: Language, gold_docs: list[Doc]) -> dict[str, dict[str, float]]:
    """{label: {p, r, f}} plus "ALL", running the pipeline on the gold tokenisation."""
    examples = [Example(Doc(nlp.vocab, words=[t.text for t in doc]), doc) for doc in gold_docs]
    scores = nlp.evaluate(examples)
    per_type = scores.get("ents_per_type") or {}
    table = {label: per_type.get(label, {"p": 0.0, "r": 0.0, "f": 0.0}) for label in LABELS}
    table["ALL"] = {"p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"]}
    return {label: {k: round(v, 4) for k, v in s.items()} for label, s in table.items()}


def format_table(name: str, table: dict[str, dict[str, float]]) -> str:
    lines = [f"{name:<20} {'P':>6} {'R':>6} {'F1':>6}"]
    lines += [f"  {label:<18} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f}" for label, s in table.items()]
    return "\n".join(lines)


def main(model: Path = DEFAULT_MODEL) -> dict[str, dict[str, dict[str, float]]]:
    nlp = spacy.load(model)
    results = {name: per_label_scores(nlp, docs) for name, docs in evaluation_sets().items()}
    for name, table in results.items():
        print(format_table(name, table))
    return results


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_MODEL)
