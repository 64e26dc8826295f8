"""The first-name lexicon: size, hygiene and coverage of the transliterations found in German news."""

import pytest
from spacy.lang.de.stop_words import STOP_WORDS

from diplomex import lexicons

NAMES = lexicons.lines("first_names.txt")

# German words that are also given names somewhere: at a sentence start they would open false person names.
GERMAN_WORD_COLLISIONS = {
    "Adel", "Armen", "August", "Bar", "Dick", "Engel", "Ernst", "Friede", "Gabe", "Gene", "Gerade", "Golf",
    "Heide", "Hoffnung", "Islam", "Jet", "Kamel", "Kurz", "Mark", "Marine", "Matt", "Rand", "Rein", "Reiner",
    "Roman", "Rosa", "Rose", "Rosen", "Samba", "Sonne", "Stern", "Sultan", "Tal", "Tuba", "Will", "Wolf",
}


def test_size_within_target():
    assert 2500 <= len(NAMES) <= 4000


def test_no_duplicates_and_sorted_case_insensitively():
    assert len(set(NAMES)) == len(NAMES)
    assert list(NAMES) == sorted(NAMES, key=lambda name: (name.casefold(), name))


def test_entries_are_capitalised_words_of_two_or_more_letters():
    for name in NAMES:
        assert len(name) >= 2 and name[0].isupper() and " " not in name, name


def test_no_german_stop_word():
    assert not [name for name in NAMES if name.lower() in STOP_WORDS]


def test_no_known_german_word_collision():
    assert not GERMAN_WORD_COLLISIONS & set(NAMES)


@pytest.mark.parametrize("name", [
    "Sergej", "Sergei", "Wolodymyr", "Volodymyr", "Mohammed", "Muhammad", "Recep", "António", "Antonio",
    "Annalena", "Kaja", "Jitzchak", "Dschawad", "Shinzo", "Miloš", "Milos", "François", "Francois",
])
def test_spot_checks(name):
    assert name in NAMES
