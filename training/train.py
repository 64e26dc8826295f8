"""One command: convert the corpora, build the cluster vectors, train, evaluate and ship de_diplomex_news.

Usage: python training/train.py [--config training/config.cfg] [--keep-output]
       python training/train.py --ship-only training/output/shipped/model-best   (evaluate + copy only)

The shipped pipeline lands in src/diplomex/models/de_diplomex_news/ with per-label scores and the
training sources (attribution, licences) in its meta.json. It loads with plain `spacy.load(path)`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import spacy
from spacy.cli.train import train
from spacy.lookups import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cluster_vectors  # noqa: E402
import convert  # noqa: E402
import evaluate  # noqa: E402

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT / "corpus"
OUTPUT = ROOT / "output" / "shipped"

SOURCES = [
    {
        "name": "GermEval 2014 NER (NoSta-D), development split and the training half of the test split",
        "author": "Benikova, Biemann & Reznicek (LREC 2014); LT group, Universität Hamburg",
        "url": "https://sites.google.com/site/germeval2014ner/",
        "license": "CC BY 4.0",
    },
    {
        "name": "Europarl NER evaluation corpus, German part",
        "author": "Agerri et al. (LREC 2018), IXA group; annotated by Nora Aranberri",
        "url": "https://github.com/ixa-ehu/ner-evaluation-corpus-europarl",
        "license": "Europarl terms of use ('We are not aware of any copyright restrictions of the material')",
    },
    {
        "name": "Europeana Newspapers NER corpora, German parts (lft, onb, sbb)",
        "author": "Europeana Newspapers project",
        "url": "https://github.com/EuropeanaNewspapers/ner-corpora",
        "license": "CC0 1.0",
    },
    {
        "name": "MobIE corpus (NER, CoNLL-2003 format)",
        "author": "Hennig, Truong & Gabryszak (KONVENS 2021), DFKI",
        "url": "https://github.com/DFKI-NLP/MobIE",
        "license": "CC BY 4.0",
    },
    {
        "name": "German Brown clusters, word probabilities and lemma lookup table (spacy-lookups-data)",
        "author": "Explosion",
        "url": "https://github.com/explosion/spacy-lookups-data",
        "license": "MIT",
    },
]


def prune_lemma_table(nlp: spacy.Language, n_words: int = 500_000) -> None:
    """Keep lemma lookups only for the n most frequent words (a fifth of the table, ~all real-text hits)."""
    lookups = nlp.get_pipe("lemmatizer").lookups
    table = lookups.get_table("lemma_lookup")
    frequent = {key for key, _ in cluster_vectors.frequent_words(n_words)}
    pruned = Table(name="lemma_lookup", data={key: lemma for key, lemma in table.items() if key in frequent})
    lookups.set_table("lemma_lookup", pruned)


SPLIT = {
    "training": "GermEval-2014 dev minus a tenth; the GermEval-2014 test sentences whose source line hashes odd "
    "(crc32 of the '#' source after the tab); Europarl IXA (one-token non-acronym ORG spans unknown); "
    "Europeana newspapers; name-swapped copies of the GermEval and Europarl sentences",
    "model_selection": "a tenth of GermEval-2014 dev (shuffled with seed 0; 220 sentences)",
    "held_out": "GermEval-2014 test sentences whose source line hashes even (crc32 % 2 == 0; 2,560 of 5,100 "
    "sentences): never trained on, never used for model selection",
}


def ship(model_dir: Path, target: Path, scores: dict) -> None:
    """Copy a trained pipeline to target with diplomex meta (sources, split, per-label scores)."""
    nlp = spacy.load(model_dir)
    nlp.meta.update(
        {
            "name": "diplomex_news",
            "version": "0.2.0",
            "description": "Small CPU German NER (PER, LOC, ORG, MISC) with a lookup lemmatizer, shipped "
            "inside diplomex. Brown-cluster static vectors from spacy-lookups-data. Scores: exact-span, "
            "gold tokenisation, on the held-out half of GermEval-2014 test and Europarl (Padó) dev; "
            "per_label = the model alone, with_diplomex_rules = entities of diplomex.load() on this model.",
            "author": "diplomex",
            "license": "CC BY 4.0 (derived from CC BY 4.0 training data; see sources)",
            "sources": SOURCES,
            "split": SPLIT,
            "performance": {"per_label": scores["model"], "with_diplomex_rules": scores.get("diplomex", {})},
        }
    )
    nlp.meta.pop("training", None)
    prune_lemma_table(nlp)
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)


def train_pipeline(config: Path, keep_output: bool) -> Path:
    """Convert, build vectors, train; returns the best model directory."""
    convert.main()
    cluster_vectors.main()
    if OUTPUT.exists():
        shutil.rmtree(OUTPUT)
    paths = {"train": CORPUS / "train.spacy", "dev": CORPUS / "dev.spacy", "vectors": CORPUS / "cluster_vectors"}
    train(config, OUTPUT, overrides={f"paths.{name}": str(path) for name, path in paths.items()})
    if not keep_output:
        shutil.rmtree(OUTPUT / "model-last", ignore_errors=True)
    return OUTPUT / "model-best"


def main(config: Path, keep_output: bool, ship_only: Path | None = None) -> None:
    best = ship_only or train_pipeline(config, keep_output)
    scores = evaluate.main(best)
    ship(best, evaluate.DEFAULT_MODEL, scores)
    size = sum(f.stat().st_size for f in evaluate.DEFAULT_MODEL.rglob("*") if f.is_file())
    print(f"shipped {evaluate.DEFAULT_MODEL} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=ROOT / "config.cfg")
    parser.add_argument("--keep-output", action="store_true")
    parser.add_argument("--ship-only", type=Path, help="skip training; evaluate and ship this pipeline")
    args = parser.parse_args()
    main(args.config, args.keep_output, args.ship_only)
