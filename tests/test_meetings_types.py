"""Meetings: the type of an event from its trigger words and who takes part."""

import diplomex

PUBLISHED = "2025-03-12"  # a Wednesday


def meetings(text, published=PUBLISHED):
    return diplomex.extract(text, published=published).meetings


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
