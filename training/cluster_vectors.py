"""Turn spacy-lookups-data's German Brown clusters and word probabilities into a small static-vectors table.

Usage: python training/cluster_vectors.py [--words N] [--out DIR]

spaCy's hash embeddings cannot read `Lexeme.cluster` (it lives in a lookups table, not in the lexeme struct),
so the clusters enter the model as static vectors instead: every word among the N most frequent ones of
de_lexeme_prob is a key pointing to the row of its (Brown cluster, frequency band) pair. Rows are a fixed
random code per cluster plus a one-hot frequency band, so the table has only (#clusters x #bands) rows and
ships inside the model with no dependency on spacy-lookups-data at run time.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy
import spacy
from spacy.lookups import load_lookups
from spacy.vectors import Vectors

ROOT = Path(__file__).resolve().parent
BANDS = (-9.0, -12.0, -15.0)  # log-prob thresholds: very frequent / frequent / rare / very rare
CODE_WIDTH = 124


def band(prob: float) -> int:
    return sum(prob < threshold for threshold in BANDS)


def frequent_words(n_words: int) -> list[tuple[int, float]]:
    """(string hash, log-prob) of the n most probable German words in spacy-lookups-data."""
    probs = load_lookups("de", ["lexeme_prob"]).get_table("lexeme_prob")
    return sorted(probs.items(), key=lambda item: -item[1])[:n_words]


def build(n_words: int, seed: int = 0) -> spacy.Language:
    clusters = load_lookups("de", ["lexeme_cluster"]).get_table("lexeme_cluster")
    words = frequent_words(n_words)
    cluster_ids = sorted({clusters.get(key, 0) for key, _ in words})
    codes = numpy.random.default_rng(seed).standard_normal((len(cluster_ids), CODE_WIDTH)).astype("f")
    codes /= numpy.linalg.norm(codes, axis=1, keepdims=True)
    cluster_row = {cluster: i for i, cluster in enumerate(cluster_ids)}
    n_bands = len(BANDS) + 1
    table = numpy.zeros((len(cluster_ids) * n_bands, CODE_WIDTH + n_bands), dtype="f")
    for c in range(len(cluster_ids)):
        for b in range(n_bands):
            table[c * n_bands + b, :CODE_WIDTH] = codes[c]
            table[c * n_bands + b, CODE_WIDTH + b] = 1.0
    nlp = spacy.blank("de")
    vectors = Vectors(strings=nlp.vocab.strings, data=table, name="de_brown_clusters")
    for key, prob in words:  # table keys are string hashes
        vectors.add(key, row=cluster_row[clusters.get(key, 0)] * n_bands + band(prob))
    nlp.vocab.vectors = vectors
    return nlp


def main(n_words: int = 200_000, out: Path = ROOT / "corpus" / "cluster_vectors") -> None:
    nlp = build(n_words)
    nlp.to_disk(out)
    print(f"cluster vectors: {len(nlp.vocab.vectors.key2row)} words -> {nlp.vocab.vectors.shape} table in {out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--out", type=Path, default=ROOT / "corpus" / "cluster_vectors")
    args = parser.parse_args()
    main(args.words, args.out)
