"""Meetings: which mentions make one event, and which introduce a new one."""

import pytest

from meeting_cases import meetings


def test_the_place_of_the_clause_an_indefinite_apposition_belongs_to():
    text = ("Der „Ocean Forum“, ein Gipfel der Staats- und Regierungschefs zum Meeresschutz, fand am Montag in Lissabon statt. "
            "Auf dem Gipfel traf der portugiesische Premier João Silva den spanischen Regierungschef Pablo Ortega.")
    found = meetings(text)
    assert any(m.location == "Lissabon" and "João Silva" in m.participants for m in found)


def test_a_conference_named_by_its_subject_is_the_unnamed_summit_before():
    text = (
        "Beim internationalen Doppelgipfel in Genf am Montag ging es um Wasser. "
        "Mehrere Staaten fordern seit Jahren neue Regeln für grenzüberschreitende Flüsse. "
        "Der auf der Konferenz für Wassersicherheit anwesende Außenminister Indiens, Raj Mehta, reagierte gelassen."
    )
    (m,) = meetings(text)
    assert m.participants == ("Raj Mehta",)
    assert (m.location, m.date) == ("Genf", "2025-03-10")


def test_an_indefinite_meeting_with_its_own_place_and_date_is_a_new_event():
    text = (
        "Die USA sind zu Gesprächen mit dem Iran bereit, sagte die US-Außenministerin Jane Cole. "
        "Die USA würden sich an den Gesprächen mit den europäischen Staaten Frankreich, Großbritannien und Deutschland beteiligen. "
        "Am Donnerstag ist ein Treffen der westlichen Partner in Wien geplant. "
        "An diesem Treffen werden die Außenminister der USA, Frankreichs und Russlands teilnehmen."
    )
    found = meetings(text)
    vienna = next(m for m in found if m.location == "Wien")
    assert vienna.date == "2025-03-13" and vienna.status == "planned"
    assert {"US", "FR", "RU"} <= set(vienna.parties)
    assert "Jane Cole" in vienna.participants  # the US foreign minister named before
    talks = [m for m in found if m is not vienna]
    assert talks and all(m.location is None for m in talks)
    assert any({"FR", "GB", "DE"} <= set(m.parties) for m in talks)


def test_the_headlines_event_re_introduced_by_the_lead_stays_one():
    text = (
        "Energiegipfel tagt auf der Insel Mallorca\n"
        "Die Präsidenten Chiles und Perus, Tomás Rivas und Ana Quispe, beraten seit gestern auf einem zweitägigen Gipfel über Energie."
    )
    (m,) = meetings(text)
    assert (m.location, m.date) == ("Mallorca", "2025-03-11")


def test_countries_named_after_a_noun_for_states_are_parties():
    (m,) = meetings("Diplomaten der USA führten in Genf Gespräche mit den europäischen Partnern Italien und Spanien.")
    assert {"US", "IT", "ES"} <= set(m.parties)


def test_a_meeting_on_the_sidelines_of_a_summit_is_held_where_and_when_the_summit_is():
    text = (
        "Der Gipfel der Afrikanischen Union begann am Montag in Addis Abeba. "
        "Die Staatschefs berieten über den Sudan. "
        "Am Rande des Gipfels trafen sich der kenianische Präsident Peter Otieno und der ugandische Präsident Moses Okello."
    )
    found = meetings(text)
    side = next(m for m in found if "Peter Otieno" in m.participants)
    assert (side.location, side.date) == ("Addis Abeba", "2025-03-10")


def test_a_meeting_before_a_conference_at_a_residence_is_in_the_conferences_city():
    text = (
        "Die Konferenz für Cybersicherheit fand am Montag in Den Haag statt. "
        "Mehrere Staaten fordern neue Regeln. "
        "Vor Beginn der Konferenz kam es zu einem Treffen der G7-Staatenlenker im Catshuis, der Dienstwohnung "
        "des niederländischen Premiers, auf Einladung von US-Präsident Tom Hardy."
    )
    found = meetings(text)
    g7 = next(m for m in found if "Tom Hardy" in m.participants)
    assert g7.location == "Den Haag"
    assert g7.type == "summit" and "G7" in g7.parties


def test_the_definite_noun_refers_to_the_event_it_named_the_demonstrative_to_the_latest():
    text = (
        "Die Regierungen Kanadas und Mexikos sind zu Gesprächen über Zölle bereit. "
        "Die Aufnahme von Verhandlungen über ein Abkommen gilt als offen. "
        "Kanada würde sich an den Gesprächen mit den Partnern Spanien und Italien beteiligen. "
        "Am Freitag ist ein Treffen der Handelsminister in Madrid geplant. "
        "An diesen Gesprächen wird auch der mexikanische Handelsminister Luis Vega teilnehmen."
    )
    found = meetings(text)
    madrid = next(m for m in found if m.location == "Madrid")
    assert "Luis Vega" in madrid.participants
    talks = next(m for m in found if m.location is None)
    assert {"CA", "MX", "ES", "IT"} <= set(talks.parties)


def test_the_persons_of_an_event_first_named_by_its_countries_join_it():
    text = (
        "Chile und Peru verhandeln über Fischereirechte\n"
        "Die chilenische Außenministerin Camila Soto und ihr peruanischer Amtskollege Jorge Paredes "
        "verhandeln seit Dienstag in Santiago über Fischereirechte."
    )
    (m,) = meetings(text)
    assert set(m.participants) == {"Camila Soto", "Jorge Paredes"}
    assert {"CL", "PE"} <= set(m.parties)


def test_readiness_to_talk_is_a_planned_event():
    (m,) = meetings("Die Regierungen Kanadas und Mexikos sind zu Gesprächen über Zölle bereit.")
    assert m.status == "planned"
    assert set(m.parties) == {"CA", "MX"}


def test_the_state_chairing_a_summit_is_a_party():
    (m,) = meetings("Der für Juni geplante G20-Gipfel in Kapstadt unter dem Vorsitz Südafrikas wurde abgesagt.")
    assert {"G20", "ZA"} <= set(m.parties)
    assert m.status == "cancelled"


@pytest.mark.parametrize("text", [
    "Die Beitrittsverhandlungen mit Montenegro und Albanien kommen voran.",
    "Die Koalitionsverhandlungen zwischen SPD und CDU in Berlin dauern an.",
    "Die Sondierungsgespräche zwischen ÖVP und SPÖ wurden am Montag in Wien fortgesetzt.",
])
def test_accession_coalition_and_wage_negotiations_are_no_meetings(text):
    assert meetings(text) == ()


def test_a_government_named_by_its_seat_is_a_party_and_the_seat_no_meeting_place():
    (m,) = meetings("Die Regierung in Kiew und die Führung in Peking haben am Montag Gespräche aufgenommen.")
    assert set(m.parties) == {"UA", "CN"}
    assert m.location is None


def test_a_ministry_summoning_with_a_nationality_names_its_state():
    (m,) = meetings("Das österreichische Außenministerium hat den russischen Botschafter Pawel Iwanow einbestellt.")
    assert set(m.parties) == {"RU", "AT"}


def test_delegations_in_a_city_meet_there():
    (m,) = meetings("Die Delegationen Israels und Ägyptens in Kairo verhandeln seit Sonntag über eine Waffenruhe.")
    assert m.location == "Kairo"


def test_a_definite_noun_with_adjectives_refers_back_to_the_summit():
    text = ("Die Außenminister der Nato-Staaten beraten ab Dienstag in Brüssel über die Ukraine. "
            "An dem zweitägigen Treffen nimmt auch der ukrainische Außenminister Olek Marchenko teil.")
    (m,) = meetings(text)
    assert m.type == "summit" and m.location == "Brüssel"
    assert "Olek Marchenko" in m.participants


def test_an_earlier_call_of_the_same_person_is_another_event():
    text = ("Madrid (dpa) - Spaniens Regierungschef Pablo Ortega hat sich am Montag mit dem marokkanischen König Hassan in Rabat getroffen. "
            "Es war Ortegas erste Auslandsreise seit der Wahl. Zuvor hatte er mit dem französischen Präsidenten Luc Moreau telefoniert.")
    found = meetings(text)
    call = next(m for m in found if m.type == "call")
    assert set(call.participants) == {"Pablo Ortega", "Luc Moreau"}
    assert {"ES", "FR"} <= set(call.parties)
    rabat = next(m for m in found if m.location == "Rabat")
    assert "Luc Moreau" not in rabat.participants
