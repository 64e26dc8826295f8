"""Exact-span NER scores per label on the held-out evaluation sets, for the model alone and inside diplomex.

Usage: python training/evaluate.py [MODEL_DIR]

Sets: the held-out half of GermEval-2014 test (see convert.germeval_test_split; never trained on, never used
for model selection) and Europarl (Padó) dev. Both pipelines run on the gold tokenisation:
- "model": the NER pipeline alone (what `spacy.load(MODEL_DIR)` gives);
- "diplomex": the whole `diplomex.load(MODEL_DIR)` pipeline, whose rule layer (diplomex_lexicon) runs after
  the NER — gazetteer places/organisations override NER spans, rule persons fill gaps.
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert import DEFAULT_DATA, LABELS, europarl_pado, germeval_test_split, iob_to_doc  # noqa: E402

ROOT = Path(__file__).resolve().parent
DEFAULT_MODEL = ROOT.parent / "src" / "diplomex" / "models" / "de_diplomex_news"
HELD_OUT = "germeval2014-test-heldout"

Scores = dict[str, dict[str, float]]


def evaluation_sets(data: Path = DEFAULT_DATA) -> dict[str, list[Doc]]:
    """Gold Docs of the two evaluation sets (never used for training or model selection)."""
    vocab = spacy.blank("de").vocab
    _, held_out = germeval_test_split(data)
    return {
        HELD_OUT: [iob_to_doc(vocab, s) for s in held_out],
        "europarl-dev": [iob_to_doc(vocab, s) for s in europarl_pado(data / "europarl-ner-pado" / "dev.tsv")],
    }


def diplomex_pipeline(model: Path) -> Language:
    """diplomex.load() on this model: the NER followed by the diplomex components (rule layer included)."""
    sys.path.insert(0, str(ROOT.parent / "src"))
    import diplomex

    return diplomex.load(model)


def per_label_scores(nlp: Language, gold_docs: list[Doc]) -> Scores:
    """{label: {p, r, f}} plus "ALL", running the pipeline on the gold tokenisation."""
    examples = [Example(Doc(nlp.vocab, words=[t.text for t in doc]), doc) for doc in gold_docs]
    scores = nlp.evaluate(examples)
    per_type = scores.get("ents_per_type") or {}
    table = {label: per_type.get(label, {"p": 0.0, "r": 0.0, "f": 0.0}) for label in LABELS}
    table["ALL"] = {"p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"]}
    return {label: {k: round(v, 4) for k, v in s.items()} for label, s in table.items()}


def format_table(name: str, table: Scores) -> str:
    lines = [f"{name:<28} {'P':>6} {'R':>6} {'F1':>6}"]
    lines += [f"  {label:<26} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f}" for label, s in table.items()]
    return "\n".join(lines)


def evaluate(model: Path = DEFAULT_MODEL, with_rules: bool = True) -> dict[str, dict[str, Scores]]:
    """{"model": {set: scores}, "diplomex": {set: scores}} ("diplomex" only with_rules)."""
    sets = evaluation_sets()
    pipelines = {"model": spacy.load(model)}
    if with_rules:
        pipelines["diplomex"] = diplomex_pipeline(model)
    return {kind: {name: per_label_scores(nlp, docs) for name, docs in sets.items()} for kind, nlp in pipelines.items()}


def main(model: Path = DEFAULT_MODEL) -> dict[str, dict[str, Scores]]:
    results = evaluate(model)
    for kind, tables in results.items():
        for name, table in tables.items():
            print(format_table(f"{name} ({kind})", table))
    return results


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_MODEL)
