"""Model resolution and adding the components to any German pipeline."""

import spacy
import pytest

import diplomex
from diplomex.pipeline import COMPONENTS, resolve_base


def test_components_on_the_default_pipeline(nlp):
    assert [name for name in nlp.pipe_names if name.startswith("diplomex_")][-4:] == list(COMPONENTS)


def test_resolution_order(monkeypatch):
    monkeypatch.delenv("DIPLOMEX_MODEL", raising=False)
    assert resolve_base("my_model") == "my_model"
    monkeypatch.setenv("DIPLOMEX_MODEL", "/some/path")
    assert resolve_base() == "/some/path"
    monkeypatch.delenv("DIPLOMEX_MODEL")
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name == "de_core_news_md")
    assert resolve_base() == "de_core_news_md"
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    assert resolve_base() == "embedded"


def test_missing_model_says_how_to_install():
    with pytest.raises(diplomex.ModelNotFoundError, match="python -m spacy download de_core_news_md"):
        diplomex.load("de_core_news_md_not_installed")


def test_components_added_to_a_users_blank_pipeline():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    diplomex.add_components(nlp)
    assert "diplomex_sentences" not in nlp.pipe_names
    doc = nlp("Die Ministerin Eva Roth traf am Montag in Prag ihren Amtskollegen Jan Novak.")
    assert doc._.meetings[0]["type"] == "meeting"
    assert doc._.meetings[0]["location"] == "Prag"


def test_annotations_survive_serialisation(annotate):
    from spacy.tokens import Doc

    doc = annotate("Der Botschafter Omar Farouk traf am Montag in Amman den Gesandten Lukas Berg.")
    copy = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert copy._.meetings == doc._.meetings
    assert [(e.text, e._.role, e._.country) for e in copy.ents] == [(e.text, e._.role, e._.country) for e in doc.ents]
