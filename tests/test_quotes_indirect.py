"""Indirect speech in Konjunktiv I (diplomex.indirect and the ``indirect`` option of diplomex_quotes);
sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from diplomex.components.quotes import SPANS_KEY, quotes_of
from diplomex.indirect import find_reported, konjunktiv_mood
from diplomex.quotation import find_quoted


@pytest.mark.parametrize("word, previous, mood", [
    ("sei", "", "I"), ("seien", "", "I"), ("habe", "er", "I"), ("habe", "ich", None), ("hat", "", None),
    ("werde", "man", "I"), ("zurücktrete", "", "I"), ("hätten", "", "II"), ("zufolge", "", None), ("Sei", "", None),
])
def test_konjunktiv_mood_from_the_form_list(word, previous, mood):
    assert konjunktiv_mood(word, previous) == mood


def test_morphology_decides_when_present():
    assert konjunktiv_mood("kommt", morph="Mood=Sub|Number=Sing|Person=3|Tense=Pres") == "I"
    assert konjunktiv_mood("sei", morph="Mood=Ind|Number=Sing|Person=3") is None
    assert konjunktiv_mood("käme", morph="Mood=Sub|Tense=Past") == "II"


@pytest.fixture(scope="module")
def sentencizer():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    return nlp


def reported(sentencizer, text):
    doc = sentencizer(text)
    found = find_reported(text, [(s.start_char, s.end_char) for s in doc.sents], find_quoted(text))
    return [(r.shape, r.cue, text[r.start : r.end]) for r in found]


@pytest.mark.parametrize("text, expected", [
    ("Lawrow sagte, man sei zu weiteren Gesprächen bereit.", ("frame", "sagte", "man sei zu weiteren Gesprächen bereit")),
    ("Der Minister betonte am Montag in Berlin, dass die Gespräche weitergehen.",
     ("frame", "betonte", "dass die Gespräche weitergehen")),
    ("Man sei zu Gesprächen bereit, sagte Lawrow am Montag.", ("after", "sagte", "Man sei zu Gesprächen bereit")),
    ("Die Lage sei ernst, so der Minister.", ("after", "so", "Die Lage sei ernst")),
    ("Nach Angaben des Ministeriums habe die Armee den Angriff abgewehrt.",
     ("source", "nach", "habe die Armee den Angriff abgewehrt")),
    ("Dem Ministerium zufolge werde die Delegation am Freitag erwartet.",
     ("source", "zufolge", "werde die Delegation am Freitag erwartet")),
    ("Wie die Sprecherin mitteilte, seien die Gespräche abgebrochen worden.",
     ("frame", "mitteilte", "seien die Gespräche abgebrochen worden")),
])
def test_shapes_of_indirect_speech(sentencizer, text, expected):
    assert reported(sentencizer, text) == [expected]


def test_indicative_and_quoted_text_are_not_indirect_speech(sentencizer):
    assert reported(sentencizer, "Der Minister hat die Delegation empfangen. Die Gespräche dauern an.") == []
    assert reported(sentencizer, "Er sagte: „Ich habe keine Zeit, die Lage sei ernst.“") == []
    assert reported(sentencizer, "Die Armee habe den Angriff abgewehrt.") == []  # no cue, nothing to continue


def test_konjunktiv_sentences_continue_a_reported_one(sentencizer):
    text = "Lawrow sagte, man sei bereit. Die Lage bleibe aber schwierig. Die Delegation reist am Montag ab."
    assert [shape for shape, _, _ in reported(sentencizer, text)] == ["frame", "continued"]


@pytest.fixture(scope="module")
def nlp_indirect():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("diplomex_quotes", config={"indirect": True})
    return nlp


TEXT = ("Außenminister Karl Brandt sagte am Montag, man sei zu weiteren Gesprächen bereit. "
        "Die Lage bleibe aber „sehr ernst“.")


def test_indirect_speech_is_off_by_default(quote_nlp):
    assert [q.kind for q in quotes_of(quote_nlp(TEXT))] == ["direct"]


def test_indirect_option_gives_clauses_with_speakers(nlp_indirect):
    found = quotes_of(nlp_indirect(TEXT))
    indirect = [q for q in found if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue) for q in indirect] == [
        ("man sei zu weiteren Gesprächen bereit", "Karl Brandt", "sagte"),
        ("Die Lage bleibe aber „sehr ernst“", "Karl Brandt", None),
    ]
    assert not any(q.partial for q in indirect)


def test_direct_quote_in_a_continued_konjunktiv_sentence_takes_the_speaker(quote_nlp):
    (quote,) = quotes_of(quote_nlp(TEXT))
    assert quote.text == "sehr ernst" and quote.speaker == "Karl Brandt" and quote.cue is None


def test_indirect_quotes_survive_serialisation(nlp_indirect):
    doc = nlp_indirect(TEXT)
    restored = Doc(nlp_indirect.vocab).from_bytes(doc.to_bytes())
    assert [s._.quote for s in restored.spans[SPANS_KEY]] == [s._.quote for s in doc.spans[SPANS_KEY]]
    assert {s._.quote["kind"] for s in restored.spans[SPANS_KEY]} == {"direct", "indirect"}


def test_odd_input_never_crashes(nlp_indirect):
    for text in ("", "sei", ", sagte", "„sei“, so", "Nach", "Wie , sei"):
        nlp_indirect(text)


@pytest.mark.parametrize("word, mood", [("kritisiere", "I"), ("teilweise", None), ("meine", None), ("werfe", "I")])
def test_suffix_rules_and_collisions(word, mood):
    assert konjunktiv_mood(word) == mood


def test_records_and_frames_carry_the_kind():
    import diplomex
    from diplomex.frames import Outcome, PeopleIndex, article_tables

    nlp = diplomex.load(indirect=True)
    record = diplomex.extract(TEXT, published="2025-03-03", id="a1", nlp=nlp)
    kinds = {q.kind: q for q in record.quotes}
    assert set(kinds) == {"direct", "indirect"}
    assert kinds["indirect"].to_dict()["kind"] == "indirect" and "kind" not in kinds["direct"].to_dict()
    table = article_tables([Outcome(0, "a1", record, None)], PeopleIndex())["quotes"]
    assert sorted(table["kind"]) == ["direct", "indirect", "indirect"]
    assert [q.get("kind", "direct") for q in record.to_dict()["quotes"]] == ["direct"]
    assert sorted(q.get("kind", "direct") for q in record.to_dict(indirect=True)["quotes"]) == [
        "direct", "indirect", "indirect"]


def test_clause_ends_at_a_colon_before_a_direct_quote(sentencizer):
    text = "Der Minister sagte, er sei optimistisch: „Wir kommen voran.“"
    assert reported(sentencizer, text) == [("frame", "sagte", "er sei optimistisch")]


def test_konjunktiv_ii_sentence_continues(sentencizer):
    text = "Die Sprecherin sagte, man prüfe die Daten. Alle Optionen lägen noch auf dem Tisch."
    assert [shape for shape, _, _ in reported(sentencizer, text)] == ["frame", "continued"]
