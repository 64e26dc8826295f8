"""Meetings: the dateline of a wire report is the place of a held event of its lead that names none."""

import pytest

from meeting_cases import meetings


@pytest.mark.parametrize("text, place", [
    # APA: capitals, agency in brackets
    ("WIEN (APA) - Der österreichische Bundeskanzler Karl Brenner hat am Montag den slowakischen Premier Ján Novák empfangen.", "Wien"),
    # dpa: two cities, the first is where the report was filed
    ("Berlin/Wien (dpa) - Die Außenminister Deutschlands und Österreichs, Anna Berger und Eva Huber, haben am Montag über Migration beraten.", "Berlin"),
    # Der Standard: city and dash after a headline
    ("Huber trifft Dvořák\nWien – Die österreichische Außenministerin Eva Huber hat am Montag ihren tschechischen Amtskollegen Petr Dvořák getroffen.", "Wien"),
    # sda: a Swiss federal councillor
    ("Bern (sda) - Der Schweizer Bundesrat Urs Keller hat am Montag den italienischen Außenminister Marco Bianchi getroffen.", "Bern"),
])
def test_the_dateline_places_a_held_meeting_of_the_dateline_country(text, place):
    (m,) = meetings(text)
    assert m.location == place


@pytest.mark.parametrize("text", [
    # a trip abroad: the visitor's home desk files it
    "Wien (APA) - Der österreichische Bundeskanzler Karl Brenner hat am Montag den slowakischen Premier Ján Novák besucht.",
    # a call has no place
    "Kiew (Reuters) - Der ukrainische Präsident Taras Bondar hat am Dienstag mit US-Präsident Tom Hardy telefoniert.",
    # planned
    "WIEN. – Die österreichische Außenministerin Eva Huber und der tschechische Außenminister Petr Dvořák wollen sich am Freitag treffen.",
    # the dateline country takes no part
    "Wien (APA) - Der russische Präsident Iwan Petrow und der kenianische Präsident Peter Otieno haben sich am Montag getroffen.",
])
def test_no_dateline_place_for_trips_abroad_calls_plans_or_others_meetings(text):
    (m,) = meetings(text)
    assert m.location is None


def test_a_place_in_the_sentence_beats_the_dateline():
    (m,) = meetings("Moskau (dpa) - Der russische Präsident Iwan Petrow und der kenianische Präsident Peter Otieno haben sich am Montag in Sotschi getroffen.")
    assert m.location == "Sotschi"


def test_a_bundesrat_naming_a_person_is_a_title_not_the_german_chamber():
    (m,) = meetings("Bundesrat Urs Keller hat am Montag in Lugano den italienischen Außenminister Marco Bianchi getroffen.")
    assert "DE" not in m.parties


def test_receiving_for_talks_is_a_visit():
    (m,) = meetings("Der polnische Präsident Adam Nowak hat am Montag in Warschau den litauischen Präsidenten Jonas Petraitis zu Gesprächen empfangen.")
    assert m.type == "visit"


def test_a_messengers_state_in_a_later_clause_is_no_party():
    text = ("Eine Erklärung zur Bereitschaft, Gespräche mit Venezuela über Öl zu führen, wurde dem Schweizer Botschafter "
            "in Caracas übergeben, sagte US-Außenministerin Jane Cole.")
    assert all("CH" not in m.parties for m in meetings(text))


def test_swiss_diplomats_are_a_party():
    (m,) = meetings("Schweizer und italienische Diplomaten haben am Montag in Lugano Gespräche geführt.")
    assert set(m.parties) == {"CH", "IT"}


def test_a_visit_to_the_datelines_country_is_placed_in_the_dateline_city():
    text = ("Washington (Reuters) - US-Präsident Tom Hardy und der japanische Ministerpräsident Kenji Sato haben sich "
            "bei einem Treffen im Weißen Haus auf engere Zusammenarbeit verständigt. "
            "Sato war am Montag zu einem dreitägigen Besuch in die USA gereist.")
    (m,) = meetings(text)
    assert (m.location, m.venue, m.type) == ("Washington", "Weißes Haus", "visit")


@pytest.mark.parametrize("phrase, venue", [
    ("im Weißen Haus", "Weißes Haus"),
    ("in der Großen Halle des Volkes", "Große Halle des Volkes"),
    ("auf Schloss Meseberg", "Schloss Meseberg"),
])
def test_named_venues_in_any_case(phrase, venue):
    (m,) = meetings(f"Der kenianische Präsident Peter Otieno traf am Montag {phrase} den ghanaischen Präsidenten Kofi Mensah.")
    assert m.venue == venue


def test_the_place_after_a_scene_setting_summit_is_the_summits():
    text = "Die Außenminister Indiens und Pakistans, Raj Mehta und Imran Qureshi, trafen sich erstmals seit dem Gipfel in Astana."
    (m,) = meetings(text)
    assert m.location is None
