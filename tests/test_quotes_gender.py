"""Pronoun agreement from given names (first_name_genders.tsv) and the data file's hygiene."""

from __future__ import annotations

import pytest

from diplomex import lexicons
from diplomex.components.quotes import quotes_of
from diplomex.quotation import Mention, person_gender

GENDERS = lexicons.table("first_name_genders.tsv")


def test_gender_file_is_clean():
    names = [row[0] for row in GENDERS]
    assert len(names) == len(set(names)) and len(names) > 300
    assert all(len(row) == 2 and row[1] in ("f", "m") and row[0][:1].isupper() and " " not in row[0] for row in GENDERS)
    assert list(names) == sorted(names, key=lambda name: (name.casefold(), name))


@pytest.mark.parametrize("name, gender", [("Sergej", "m"), ("Annalena", "f"), ("Wolodymyr", "m"), ("Kaja", "f")])
def test_spot_checks(name, gender):
    assert lexicons.mapping("first_name_genders.tsv")[name] == gender


@pytest.mark.parametrize("text, gender", [("Sergej Lawrow", "m"), ("Annalena Baerbock", "f"), ("Lawrow", None)])
def test_person_gender_from_the_given_name(text, gender):
    assert person_gender(text, Mention(0, len(text), "person")) == gender


def test_title_and_given_name_disagreeing_say_nothing():
    text = "Ministerin Sergej Lawrow"
    assert person_gender(text, Mention(11, len(text), "person")) is None


def test_sie_does_not_resolve_to_a_man_by_his_given_name(quote_nlp):
    text = "Sergej Lawrow traf am Montag die Delegation. Sie sagte: „Wir bleiben im Gespräch.“"
    (quote,) = quotes_of(quote_nlp(text))
    assert quote.speaker is None


def test_er_resolves_to_a_man_by_his_given_name(quote_nlp):
    text = "Sergej Lawrow traf am Montag die Delegation. Er sagte: „Wir bleiben im Gespräch.“"
    (quote,) = quotes_of(quote_nlp(text))
    assert quote.speaker == "Sergej Lawrow"
