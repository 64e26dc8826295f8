"""Meetings: which mentions make one event, and which introduce a new one."""

import diplomex

PUBLISHED = "2025-03-12"  # a Wednesday


def meetings(text, published=PUBLISHED):
    return diplomex.extract(text, published=published).meetings


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
