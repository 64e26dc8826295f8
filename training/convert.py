"""Convert the permitted NER corpora in ../shared/data to spaCy DocBins with labels PER, LOC, ORG, MISC.

Usage: python training/convert.py [--data DIR] [--out DIR]

Writes to training/corpus/:
  train.spacy         GermEval-2014 dev (minus a tenth), the training half of GermEval-2014 test, Europarl (IXA),
                      Europeana newspapers, plus copies of the GermEval/Europarl sentences with names swapped
                      from training/gazetteers
  dev.spacy           the tenth of GermEval-2014 dev kept out (model selection during training)
  germeval-test-heldout.spacy  the held-out half of GermEval-2014 test (evaluation only: never trained on,
                      never used for model selection)
  europarl-dev.spacy  Europarl (Padó) dev (evaluation only; licence not stated, never trained on)

GermEval-2014 test split: a sentence is held out iff crc32 of its source line (the URL/outlet-and-date after
"#", so sentences of one source stay together) is even — 2,560 of 5,100 sentences.

The label mapping is documented in training/README.md.
"""

from __future__ import annotations

import argparse
import random
import re
import zlib
from pathlib import Path
from typing import Callable, Iterable, Iterator

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parent
DEFAULT_DATA = ROOT.parent.parent / "shared" / "data"
LABELS = ("PER", "LOC", "ORG", "MISC")

Sentence = list[tuple[str, str]]  # (token, IOB tag with a PER/LOC/ORG/MISC label or "O")


def map_germeval(label: str) -> str | None:
    """GermEval outer labels: PER/LOC/ORG kept, OTH -> MISC, *deriv -> MISC, *part -> none."""
    if label.endswith("part"):
        return None
    if label.endswith("deriv"):
        return "MISC"
    return {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}.get(label)


def map_conll(label: str) -> str | None:
    """CoNLL-style PER/LOC/ORG/MISC (also repairs case typos like 'PEr')."""
    label = label.upper()
    return label if label in LABELS else None


def normalise_tag(tag: str, mapping: Callable[[str], str | None]) -> str:
    """Map a raw B-/I-/O tag onto the four target labels; unknown labels become O."""
    if "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    target = mapping(label)
    if target is None or prefix.upper() not in ("B", "I"):
        return "O"
    return f"{prefix.upper()}-{target}"


def read_columns(path: Path, token_col: int, tag_col: int, sep: str | None = "\t") -> Iterator[list[list[str]]]:
    """Yield blank-line separated sentences as lists of column lists; skips -DOCSTART- lines."""
    sentence: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            continue
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        cols = line.split(sep)
        if len(cols) <= max(token_col, tag_col):
            continue
        sentence.append(cols)
    if sentence:
        yield sentence


def germeval_with_sources(path: Path) -> Iterator[tuple[str, Sentence]]:
    """(source, sentence) pairs; the source is the "#<TAB>URL-or-outlet<TAB>[date]" line before a sentence."""
    for rows in read_columns(path, 1, 2):
        source = next((r[1] for r in rows if r[0] == "#"), "")
        rows = [r for r in rows if r[0] != "#"]
        if rows:
            yield source, [(r[1], normalise_tag(r[2], map_germeval)) for r in rows]


def germeval(path: Path) -> Iterator[Sentence]:
    for _, sentence in germeval_with_sources(path):
        yield sentence


def is_held_out(source: str) -> bool:
    """The fixed GermEval-2014 test split: held out iff crc32 of the sentence's source is even."""
    return zlib.crc32(source.encode("utf-8")) % 2 == 0


def germeval_test_split(data: Path) -> tuple[list[Sentence], list[Sentence]]:
    """(training half, held-out half) of GermEval-2014 test."""
    halves: tuple[list[Sentence], list[Sentence]] = ([], [])
    for source, sentence in germeval_with_sources(data / "germeval2014" / "NER-de-test.tsv"):
        halves[is_held_out(source)].append(sentence)
    return halves


def europarl_ixa(path: Path) -> Iterator[Sentence]:
    for rows in read_columns(path, 0, 1):
        yield [(r[0], normalise_tag(r[1], map_conll)) for r in rows]


def europarl_pado(path: Path) -> Iterator[Sentence]:
    for rows in read_columns(path, 0, 4):
        yield [(r[0], normalise_tag(r[4], map_conll)) for r in rows]


SENTENCE_END = {".", "!", "?"}


def europeana(path: Path, max_len: int = 60) -> Iterator[Sentence]:
    """Europeana has no sentence breaks: cut after . ! ? followed by a capitalised token, or at max_len."""
    tokens: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        parts = line.split(" ")
        if len(parts) != 2 or not parts[0]:
            continue
        token, tag = parts
        if tokens and (len(tokens) >= max_len or (tokens[-1][0] in SENTENCE_END and token[:1].isupper())):
            if tokens[-1][1] == "O" or len(tokens) >= max_len:
                yield tokens
                tokens = []
        tokens.append((token, normalise_tag(tag, map_conll)))
    if tokens:
        yield tokens


DERIVED_ADJECTIVE = re.compile(r"^[a-zäöü]+i?sch(e|en|er|es|em)?$")


def without_bare_noun_orgs(sentence: Sentence) -> Sentence:
    """Europarl IXA tags bare institution nouns ("Kommission", "Parlament") as ORG, GermEval and Europarl
    (Padó) do not: one-token ORG spans that are no acronym become unknown (neither taught as ORG nor as O)."""
    result = list(sentence)
    for i, (word, tag) in enumerate(sentence):
        next_tag = sentence[i + 1][1] if i + 1 < len(sentence) else "O"
        if tag.endswith("-ORG") and not next_tag.startswith("I-") and not tag.startswith("I-") and not word.isupper():
            result[i] = (word, "")
    return result


def without_misc_negatives(sentence: Sentence) -> Sentence:
    """For corpora without MISC: mark O tokens that may be MISC (derived adjectives, e.g. 'deutschen') unknown."""
    return [(w, "" if tag == "O" and DERIVED_ADJECTIVE.match(w) else tag) for w, tag in sentence]


def iob_to_doc(vocab, sentence: Sentence) -> Doc:
    """Doc with entity spans from IOB2 or IOB1 tags (an I- after O or another label opens a span; "" = unknown)."""
    words = [w for w, _ in sentence]
    tags: list[str] = []
    previous = "O"
    for _, tag in sentence:
        if tag.startswith("I-") and (not previous.startswith(("B-", "I-")) or previous[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        tags.append(tag)
        previous = tag
    return Doc(vocab, words=words, ents=tags)


GAZETTEERS = ROOT / "gazetteers"


def gazetteer(name: str) -> list[str]:
    return [line.strip() for line in (GAZETTEERS / f"{name}.txt").read_text(encoding="utf-8").splitlines() if line.strip()]


def replacement(span, rng: random.Random) -> str | None:
    """A gazetteer name of the same kind as an entity span, or None to keep the span."""
    if span.label_ == "PER":
        surname = rng.choice(gazetteer("surnames"))
        return surname if len(span) == 1 else f"{rng.choice(gazetteer('given_names'))} {surname}"
    if span.label_ == "LOC":
        return rng.choice(gazetteer("places"))
    if span.label_ == "ORG" and len(span) == 1 and span.text.isupper():
        return rng.choice(gazetteer("org_acronyms"))
    return None


def swap_names(doc: Doc, rng: random.Random, rate: float = 0.7) -> Doc | None:
    """Copy of doc with PER, LOC and acronym ORG spans replaced by gazetteer names (None if nothing swapped)."""
    words: list[str] = []
    tags: list[str] = []
    swapped = False
    i = 0
    starts = {ent.start: ent for ent in doc.ents}
    while i < len(doc):
        ent = starts.get(i)
        if ent is None:
            words.append(doc[i].text)
            iob = doc[i].ent_iob_
            tags.append(f"{iob}-{doc[i].ent_type_}" if doc[i].ent_type_ else ("O" if iob == "O" else ""))
            i += 1
            continue
        new = replacement(ent, rng) if rng.random() < rate else None
        span_words = new.split() if new else [t.text for t in ent]
        swapped = swapped or new is not None
        words += span_words
        tags += [f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(span_words) - 1)
        i = ent.end
    return Doc(doc.vocab, words=words, ents=tags) if swapped else None


NAME_SWAP_COPIES = 1


def augmented(docs: list[Doc], seed: int, copies: int = NAME_SWAP_COPIES) -> list[Doc]:
    """``copies`` name-swapped variants of each doc (fewer where a doc has nothing to swap)."""
    rng = random.Random(seed)
    return [new for _ in range(copies) for new in (swap_names(doc, rng) for doc in docs) if new is not None]


def write(docs: Iterable[Doc], path: Path) -> int:
    db = DocBin(store_user_data=False)
    n = 0
    for doc in docs:
        db.add(doc)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def main(data: Path = DEFAULT_DATA, out: Path = ROOT / "corpus", seed: int = 0, copies: int = NAME_SWAP_COPIES) -> None:
    vocab = spacy.blank("de").vocab
    to_docs = lambda sents: [iob_to_doc(vocab, s) for s in sents]  # noqa: E731

    germeval_dev = to_docs(germeval(data / "germeval2014" / "NER-de-dev.tsv"))
    random.Random(seed).shuffle(germeval_dev)
    selection = len(germeval_dev) // 10
    germeval_test_train, germeval_test_held_out = germeval_test_split(data)
    ixa = (without_bare_noun_orgs(s) for s in europarl_ixa(data / "europarl-ner-ixa" / "de-europarl.test.conll02"))
    news_and_politics = germeval_dev[selection:] + to_docs(germeval_test_train) + to_docs(ixa)
    train = news_and_politics + augmented(news_and_politics, seed, copies)
    for bio in sorted((data / "europeana-newspapers-ner-de").glob("*/*.bio")):
        train += to_docs(without_misc_negatives(s) for s in europeana(bio))
    random.Random(seed).shuffle(train)

    sets = {
        "train": train,
        "dev": germeval_dev[:selection],
        "germeval-test-heldout": to_docs(germeval_test_held_out),
        "europarl-dev": to_docs(europarl_pado(data / "europarl-ner-pado" / "dev.tsv")),
    }
    for name, docs in sets.items():
        n = write(docs, out / f"{name}.spacy")
        print(f"{name}: {n} docs, {sum(len(d.ents) for d in docs)} entities")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "corpus")
    args = parser.parse_args()
    main(args.data, args.out)
