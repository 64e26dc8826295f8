"""The shipped German NER pipeline loads with plain spaCy and finds people, places and institutions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

MODEL = Path(__file__).resolve().parent.parent / "src" / "diplomex" / "models" / "de_diplomex_news"


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL)


def entities(nlp, text: str) -> set[tuple[str, str]]:
    return {(ent.text, ent.label_) for ent in nlp(text).ents}


def test_loads_without_diplomex_and_has_the_four_labels(nlp):
    assert nlp.lang == "de"
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}
    assert not any("diplomex" in name for name in nlp.pipe_factories.values())


def test_loads_without_training_only_packages():
    """spacy-lookups-data is needed for training only: lemmas and cluster vectors live in the model."""
    code = (
        "import sys; sys.modules['spacy_lookups_data'] = None; sys.modules['diplomex'] = None\n"
        "import spacy\n"
        f"nlp = spacy.load({str(MODEL)!r})\n"
        "print(nlp('Die Ministerin reiste nach Rom.')[1].lemma_)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "Ministerin"


def test_is_under_20_mb():
    size = sum(f.stat().st_size for f in MODEL.rglob("*") if f.is_file())
    assert size < 20_000_000


def test_meta_records_sources_split_and_per_label_scores():
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    assert any("GermEval" in source["name"] for source in meta["sources"])
    assert "held_out" in meta["split"]
    for scores in (meta["performance"]["per_label"], meta["performance"]["with_diplomex_rules"]):
        assert {"PER", "LOC", "ORG", "MISC", "ALL"} <= set(scores["germeval2014-test-heldout"])


# Names below are deliberately absent from training/gazetteers (used for augmentation).


def test_foreign_name_after_title(nlp):
    ents = entities(nlp, "Der mongolische Außenminister Battsetseg Batmunkh traf am Dienstag in Wien ein.")
    assert ("Battsetseg Batmunkh", "PER") in ents
    assert ("Wien", "LOC") in ents
    assert ("mongolische", "MISC") in ents


def test_capital_city(nlp):
    ents = entities(nlp, "Die Gespräche sollen in der kommenden Woche in Windhuk fortgesetzt werden.")
    assert ("Windhuk", "LOC") in ents


def test_institution(nlp):
    assert ("Europäischen Rates", "ORG") in entities(nlp, "Ein Sprecher des Europäischen Rates kritisierte die Entscheidung.")
    ents = entities(nlp, "Die Europäische Union und die Regierung in Kathmandu unterzeichneten ein Abkommen.")
    assert {("Europäische Union", "ORG"), ("Kathmandu", "LOC")} <= ents


def test_lookup_lemmas_are_stored_in_the_model(nlp):
    doc = nlp("Die Minister trafen sich in den Hauptstädten.")
    assert doc[2].lemma_ == "treffen"


def test_odd_input_does_not_crash(nlp):
    assert len(nlp("").ents) == 0
    nlp("»„ (( ]] ... –– \u200b " * 50)


SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))


@pytest.mark.skipif(not (SHARED / "data" / "germeval2014").exists(), reason="../shared/data (GermEval-2014) not available")
def test_germeval_test_split_is_fixed_and_keeps_sources_together():
    import convert

    path = SHARED / "data" / "germeval2014" / "NER-de-test.tsv"
    train, held_out = convert.germeval_test_split(SHARED / "data")
    assert (len(train), len(held_out)) == (2540, 2560)
    sides: dict[str, set[bool]] = {}
    for source, _ in convert.germeval_with_sources(path):
        sides.setdefault(source, set()).add(convert.is_held_out(source))
    assert all(len(side) == 1 for side in sides.values())


def test_bare_institution_nouns_of_europarl_become_unknown():
    import convert

    sentence = [("Die", "O"), ("Kommission", "B-ORG"), ("und", "O"), ("die", "O"), ("NATO", "B-ORG"), ("und", "O"),
                ("die", "O"), ("Europäische", "B-ORG"), ("Union", "I-ORG")]
    tags = [tag for _, tag in convert.without_bare_noun_orgs(sentence)]
    assert tags == ["O", "", "O", "O", "B-ORG", "O", "O", "B-ORG", "I-ORG"]
