"""Meetings: the type of an event from its trigger words and who takes part."""

from meeting_cases import meetings


def test_leaders_of_one_state_discussing_hold_talks():
    text = ("Der serbische Präsident Milan Kovač und der serbische Regierungschef Dragan Ilić haben sich "
            "nach tagelangen Beratungen auf eine gemeinsame Linie verständigt.")
    (m,) = meetings(text)
    assert m.type == "talks"


def test_leaders_of_two_states_discussing_meet():
    (m,) = meetings("Der chilenische Präsident Tomás Rivas und die peruanische Präsidentin Ana Quispe berieten am Montag in Lima.")
    assert m.type == "meeting"


def test_one_minister_ready_to_talk_is_planned_talks():
    (m,) = meetings("Die US-Außenministerin Jane Cole hat sich zu direkten Gesprächen mit Venezuela bereit erklärt.")
    assert (m.type, m.status) == ("talks", "planned")


def test_a_commentator_on_someones_trip_is_no_participant():
    text = ("Der UN-Gesandte Karl Moser bezeichnete die Reise von EU-Außenbeauftragter Ana Ruiz in den Sudan "
            "als hilfreich.")
    found = meetings(text)
    assert all("Karl Moser" not in m.participants for m in found)


def test_the_meetings_and_talks_of_a_visit_keep_it_a_visit():
    text = ("Der portugiesische Präsident Rui Almeida reist kommende Woche zu einem Staatsbesuch nach Ghana. "
            "Wie sein Büro mitteilte, wird Almeida in Accra mit Präsident Kwame Mensah zusammentreffen. "
            "Geplant sind auch Gespräche über Handelsfragen.")
    (m,) = meetings(text)
    assert (m.type, m.status, m.location) == ("visit", "planned", "Accra")
    assert {"Rui Almeida", "Kwame Mensah"} <= set(m.participants)
