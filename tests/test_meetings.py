"""Meetings: one record per event, with type, status, participants, parties, place and date."""

import pytest

import diplomex

PUBLISHED = "2025-03-12"  # a Wednesday


def meetings(text, published=PUBLISHED):
    return diplomex.extract(text, published=published).meetings


def test_visit_with_host_guest_place_and_date():
    (m,) = meetings("Der kenianische Präsident Samuel Ruto empfing am Montag in Nairobi den spanischen Ministerpräsidenten Pablo Ortega.")
    assert m.type == "visit"
    assert set(m.participants) == {"Samuel Ruto", "Pablo Ortega"}
    assert set(m.parties) == {"KE", "ES"}
    assert (m.location, m.country, m.date, m.status) == ("Nairobi", "KE", "2025-03-10", "held")


def test_phone_call_has_no_place():
    (m,) = meetings("Bundeskanzlerin Petra Lang hat am Dienstag mit dem japanischen Premierminister Kenji Sato in Tokio telefoniert.")
    assert (m.type, m.location, m.date) == ("call", None, "2025-03-11")


def test_summit():
    (m,) = meetings("Beim Gipfeltreffen der G20 in Johannesburg sprach Präsidentin Amara Diallo über Schulden.")
    assert m.type == "summit"
    assert m.location == "Johannesburg"


def test_mentions_over_several_sentences_are_one_event():
    text = (
        "Die Außenminister Norwegens und Chiles, Lars Jensen und Camila Soto, trafen sich am Montag in Oslo. "
        "Das Treffen dauerte drei Stunden. Nach dem Gespräch sagte Jensen, man habe viel erreicht."
    )
    (m,) = meetings(text)
    assert set(m.participants) == {"Lars Jensen", "Camila Soto"}
    assert (m.location, m.date) == ("Oslo", "2025-03-10")


def test_different_places_stay_apart():
    text = (
        "Der ägyptische Außenminister Omar Nabil traf am Montag in Kairo den jordanischen Gesandten Hani Saleh. "
        "Zuvor hatte Nabil Mitte Februar in Genf den Schweizer Diplomaten Urs Keller getroffen."
    )
    found = meetings(text)
    assert len(found) == 2
    assert {m.location for m in found} == {"Kairo", "Genf"}


def test_working_level_delegations_are_talks_with_parties_without_persons():
    (m,) = meetings("Diplomaten Indiens und Pakistans haben am Dienstag in Doha Gespräche über den Grenzverlauf geführt.")
    assert m.type == "talks"
    assert set(m.parties) == {"IN", "PK"}
    assert m.location == "Doha"


def test_planned_meeting():
    (m,) = meetings("Die Präsidenten Brasiliens und Argentiniens, Marina Costa und Diego Ruiz, wollen sich kommende Woche in Montevideo treffen.")
    assert m.status == "planned"
    assert m.date == "2025-W12"


def test_cancelled_meeting():
    (m,) = meetings("Das für Freitag geplante Treffen zwischen Außenminister Karl Brenner und seiner Amtskollegin Ana Silva wurde abgesagt.")
    assert m.status == "cancelled"


def test_follow_up_agreed_is_not_a_new_event():
    text = (
        "Unterhändler Ghanas und Nigerias sind am Montag in Accra zusammengekommen. "
        "Ein weiteres Treffen wurde bereits vereinbart."
    )
    (m,) = meetings(text)
    assert m.follow_up is True


def test_press_conference_is_not_a_meeting():
    assert meetings("Auf einer Pressekonferenz in Wien äußerte sich Ministerin Julia Hofer zum Haushalt.") == ()


def test_no_triggers_no_meetings():
    assert meetings("Die Inflation in der Eurozone ist im Februar leicht gesunken.") == ()


@pytest.mark.parametrize("verb", ["kamen am Montag in Riad zusammen", "berieten am Montag in Riad"])
def test_separable_and_plain_verbs(verb):
    (m,) = meetings(f"Die Außenminister Jordaniens und Omans, Ali Haddad und Salim Harthi, {verb}.")
    assert m.location == "Riad"


def test_a_speaker_about_talks_is_not_a_participant():
    text = "Die dänische Ministerin Freja Holm erklärte, dass die Verhandlungen in Kopenhagen weitergehen müssten."
    (m,) = meetings(text)
    assert m.participants == ()
    assert m.location == "Kopenhagen"


def test_ministers_of_an_organisation_meet_in_council():
    text = (
        "Die Außenminister der Mitgliedstaaten der Europäischen Union sind am Montag in Luxemburg zu einem Treffen zusammengekommen. "
        "Beim Treffen ging es um Sanktionen. Nach dem Treffen reisten die Minister ab."
    )
    (m,) = meetings(text)
    assert (m.type, m.location) == ("summit", "Luxemburg")
    assert "EU" in m.parties


def test_talks_with_a_country_make_it_a_party():
    (m,) = meetings("Die kanadische Ministerin Anne Roy führte am Dienstag in Ottawa Gespräche mit Mexiko.")
    assert set(m.parties) == {"CA", "MX"}


def test_genitive_name_in_the_headline_is_the_same_participant():
    text = (
        "Carla Duartes Besuch in Lissabon\n"
        "Die brasilianische Präsidentin Carla Duarte hat am Montag in Lissabon den portugiesischen Premierminister Rui Matos getroffen."
    )
    (m,) = meetings(text)
    assert set(m.participants) == {"Carla Duarte", "Rui Matos"}


def test_pronoun_subject_continues_the_person_named_before():
    text = (
        "Der chinesische Außenminister Liu Jian wird am Donnerstag zu Gesprächen in Berlin erwartet. "
        "Er soll auch mit Außenminister Paul Kramer zusammentreffen."
    )
    (m,) = meetings(text)
    assert set(m.participants) == {"Liu Jian", "Paul Kramer"}
    assert (m.status, m.location, m.date) == ("planned", "Berlin", "2025-03-13")


def test_talks_between_a_state_and_an_armed_group():
    (m,) = meetings("Die für Dienstag geplanten Gespräche zwischen Israel und der Hamas in Kairo sind abgesagt worden.")
    assert (m.status, m.location) == ("cancelled", "Kairo")
    assert set(m.parties) == {"IL", "Hamas"}


def test_agreeing_on_a_new_meeting_during_a_call_is_a_follow_up():
    (m,) = meetings("Bei einem Telefonat vereinbarten Kanzler Jonas Vogt und Präsidentin Lea Moreau ein baldiges Treffen in Paris.")
    assert (m.type, m.follow_up) == ("call", True)


def test_the_host_country_of_a_visit_is_a_party():
    (m,) = meetings("Der norwegische Ministerpräsident Erik Dahl ist am Montag zu einem Staatsbesuch in Polen eingetroffen.")
    assert (m.type, m.location) == ("visit", "Polen")
    assert set(m.parties) == {"NO", "PL"}


def test_summit_mentions_with_and_without_names_are_one_summit():
    text = (
        "In Den Haag hat am Montag der Gipfel der G7 begonnen. "
        "Auch Präsidentin Maria Lopes nahm am Gipfel teil und sprach über Handelsfragen."
    )
    (m,) = meetings(text)
    assert (m.type, m.location) == ("summit", "Den Haag")
    assert m.participants == ("Maria Lopes",)


def test_council_of_an_organisations_members_and_postponement():
    (m,) = meetings("Das für Donnerstag geplante Treffen der Außenminister der Nato-Staaten in Brüssel wurde verschoben.")
    assert (m.type, m.status, m.location) == ("summit", "cancelled", "Brüssel")
    assert m.parties == ("NATO",)


def test_a_persons_country_carries_over_to_later_mentions():
    text = (
        "Die lettische Präsidentin Ilze Ozola besuchte am Montag Vilnius. "
        "Am Dienstag traf Ozola in Warschau den polnischen Präsidenten Adam Nowak."
    )
    warsaw = next(m for m in meetings(text) if m.location == "Warschau")
    assert set(warsaw.parties) == {"LV", "PL"}


def test_passing_mention_of_a_planned_conference_does_not_take_the_meeting():
    text = (
        "Kanzlerin Ida Berg hat am Dienstag in Oslo den Premier Leo Falk empfangen. "
        "Die beiden sprachen auch über die geplante Konferenz in Lugano. "
        "„Das war ein gutes Gespräch“, sagte Berg nach dem Treffen."
    )
    (oslo,) = meetings(text)  # the conference names no one taking part: no event of its own
    assert (oslo.location, set(oslo.participants)) == ("Oslo", {"Ida Berg", "Leo Falk"})


def test_an_event_needs_a_person_or_a_party():
    assert meetings("Die Verhandlungen sollen im Frühjahr weitergehen.") == ()


def test_ministers_talking_in_person_is_a_meeting_diplomats_talking_is_talks():
    (ministers,) = meetings("Die Außenminister Kenias und Ghanas, Amina Otieno und Kofi Mensah, berieten am Montag in Accra.")
    (diplomats,) = meetings("Diplomaten Kenias und Ghanas berieten am Montag in Accra.")
    assert (ministers.type, diplomats.type) == ("meeting", "talks")
