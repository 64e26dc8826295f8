"""Meetings: an event's date, status and type come from its own clause, not from words around it."""

import pytest

from meeting_cases import meetings


def test_a_future_tense_inside_a_quote_does_not_make_the_event_planned():
    text = ("Der auf dem Gipfel in Lissabon anwesende estnische Außenminister Tarmo Kask sagte am Montag: "
            "„Wir werden nicht nachgeben.“")
    (m,) = meetings(text)
    assert m.status == "held"


@pytest.mark.parametrize("text", [
    # dpa style: a place clause after a comma dates something else
    "Die Außenministerin Sloweniens, Nina Zupan, empfing am Dienstag ihren kroatischen Amtskollegen Ivo Horvat, "
    "dessen Regierung seit dem 3. Januar im Amt ist.",
    # APA style: the date of a report is not the date of the talks
    "Die Regierungschefs Ungarns und der Slowakei, Péter Kovács und Jana Novak, haben nach einer Mitteilung "
    "des Außenministeriums vom 3. März in Budapest beraten.",
])
def test_a_date_of_another_clause_or_noun_is_not_the_events(text):
    (m,) = meetings(text)
    assert m.date in {None, "2025-03-11"}
    assert m.date != "2025-01-03" and m.date != "2025-03-03"


def test_a_comma_within_a_date_apposition_keeps_the_date():
    (m,) = meetings("Die EU-Außenminister wollen sich am Montag, den 17. März, zu einer Konferenz in Prag treffen.")
    assert (m.date, m.location) == ("2025-03-17", "Prag")


def test_a_date_opening_the_sentence_dates_the_event_after_a_comma():
    text = ("Am Montag, kurz vor Beginn der Beratungen, trafen sich der belgische Premier Jan Peeters "
            "und der niederländische Regierungschef Ruud de Boer in Brüssel.")
    (m,) = meetings(text)
    assert m.date == "2025-03-10"


def test_a_range_with_vom_dates_the_event():
    (m,) = meetings("Der Gipfel der Nato findet vom 3. bis 5. Juni in Den Haag statt, teilte Generalsekretär Erik Holm mit.")
    assert m.date is not None and m.date.startswith("2025-06")


def test_an_anonymous_meeting_is_continued_by_the_persons_of_the_next_sentence_not_by_a_later_one():
    text = (
        "Am Sonntag trafen sich die Präsidenten beider Länder auf der Insel Sansibar. "
        "Der tansanische Präsident Juma Mwita und sein kenianischer Kollege Peter Otieno führten dabei Gespräche über den Handel. "
        "Gestern traf sich Otieno in Nairobi mit dem Oppositionsführer Samuel Kamau."
    )
    found = meetings(text)
    first = next(m for m in found if "Juma Mwita" in m.participants)
    assert (first.location, first.date, first.type) == ("Sansibar", "2025-03-09", "meeting")
    later = next(m for m in found if "Samuel Kamau" in m.participants)
    assert later.date == "2025-03-11"
    assert "Juma Mwita" not in later.participants


@pytest.mark.parametrize("text", [
    "Die Präsidenten Perus und Chiles, Ana Quispe und Tomás Rivas, besuchten am Sonntag eine Trauerfeier in Lima.",
    "Bundeskanzler Max Berger und der polnische Präsident Adam Nowak besuchten gemeinsam das Konzert in Krakau.",
])
def test_attending_an_occasion_is_no_visit(text):
    assert all(m.type != "visit" for m in meetings(text))


@pytest.mark.parametrize("text", [
    "Der französische Präsident Luc Moreau besuchte am Montag Kiew.",
    "Der französische Präsident Luc Moreau besuchte am Montag die ukrainische Hauptstadt Kiew.",
])
def test_visiting_a_place_is_a_visit(text):
    (m,) = meetings(text)
    assert m.type == "visit"


@pytest.mark.parametrize("text", [
    "Das für kommende Woche geplante Treffen von Präsident Tom Hardy und Präsident Iwan Petrow in Budapest findet nicht statt.",
    "Das für Montag geplante Treffen der Außenminister Chiles und Perus, Tomás Rivas und Ana Quispe, fällt aus.",
    "Die Gespräche zwischen den Außenministern Tomás Rivas und Ana Quispe werden nicht stattfinden.",
])
def test_an_event_that_does_not_take_place_is_cancelled(text):
    (m,) = meetings(text)
    assert m.status == "cancelled"


def test_a_negated_place_gives_way_to_the_one_after_sondern():
    (m,) = meetings("Das Treffen von Tomás Rivas und Ana Quispe wird nicht in Lima, sondern in Cusco stattfinden.")
    assert (m.location, m.status) == ("Cusco", "planned")


def test_a_meeting_held_in_a_government_building_does_not_make_its_state_a_party():
    text = "Bundeskanzler Karl Brenner hat am Mittwoch im Bundeskanzleramt den tschechischen Ministerpräsidenten Petr Dvořák empfangen."
    (m,) = meetings(text)
    assert m.venue == "Bundeskanzleramt"
    assert "DE" not in m.parties


def test_a_place_opening_a_wo_clause_is_where_the_meeting_in_it_happens():
    (m,) = meetings("Die deutsche Außenministerin Anna Berger flog am Dienstag nach Warschau weiter, "
                    "wo sie den polnischen Präsidenten Adam Nowak traf.")
    assert m.location == "Warschau"


@pytest.mark.parametrize("text", [
    "Die Präsidenten Estlands und Lettlands, Alar Tamm und Edgars Ozols, trafen sich in Riga. "
    "Es war ihr erstes Treffen seit 2019.",
    "Die Außenminister Dänemarks und Norwegens, Mads Holm und Per Lund, kamen am Montag in Oslo zusammen. "
    "Es war die erste Begegnung seit dem 4. Januar.",
])
def test_a_date_counting_the_time_since_is_not_the_events(text):
    (m,) = meetings(text)
    assert m.date in {None, "2025-03-10"}


def test_an_ongoing_event_is_dated_by_its_start():
    (m,) = meetings("Die Präsidenten Chiles und Perus, Tomás Rivas und Ana Quispe, beraten seit Montag in Lima.")
    assert m.date == "2025-03-10"


def test_a_cancelled_meeting_named_after_a_call_does_not_cancel_the_call():
    text = ("Bundesrat Luca Bernasconi telefonierte am Sonntag mit dem finnischen Außenminister Aki Lehto. "
            "Das Treffen war ursprünglich für Juli vorgesehen, wurde aber abgesagt.")
    calls = [m for m in meetings(text) if m.type == "call"]
    assert [(m.participants, m.status) for m in calls] == [(("Luca Bernasconi", "Aki Lehto"), "held")]
