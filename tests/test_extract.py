"""extract(): input checks, publication dates, empty input, records."""

from datetime import date, datetime

import pytest

import diplomex
from diplomex.extract import parse_published
from diplomex.hygiene import NO_PUBLISHED

TEXT = "Der finnische Präsident Aku Virtanen besuchte am Donnerstag Tallinn. „Wir sind Nachbarn“, sagte Virtanen."


@pytest.mark.parametrize("bad", [None, 42, ["Text"], object()])
def test_non_text_raises_type_error(bad):
    with pytest.raises(TypeError, match="text must be str"):
        diplomex.extract(bad)


def test_bytes_are_rejected_with_a_hint_to_decode():
    with pytest.raises(TypeError, match="decode"):
        diplomex.extract(TEXT.encode("utf-8"))


@pytest.mark.parametrize("blank", ["", "   \n\t "])
def test_empty_text_gives_an_empty_record(blank):
    record = diplomex.extract(blank, published="2025-01-01", id="x")
    assert record.to_dict()["meetings"] == [] and record.id == "x" and record.people == ()


@pytest.mark.parametrize("value", [date(2025, 3, 14), datetime(2025, 3, 14, 18, 30), "2025-03-14", "2025-03-14T18:30:00Z"])
def test_published_accepts_date_datetime_and_iso(value):
    assert parse_published(value) == date(2025, 3, 14)


@pytest.mark.parametrize("value", [date(2025, 3, 14), "2025-03-14T18:30:00Z"])
def test_make_doc_takes_the_same_published_values_as_extract(value):
    nlp = diplomex.load()
    assert diplomex.make_doc(nlp, TEXT, value)._.published == "2025-03-14"


def test_malformed_published_is_a_value_error():
    with pytest.raises(ValueError, match="ISO"):
        diplomex.extract(TEXT, published="14.03.2025")


def test_relative_dates_resolve_against_published():
    record = diplomex.extract(TEXT, published="2025-03-14")
    assert [(d.text, d.value) for d in record.dates] == [("Donnerstag", "2025-03-13")]
    assert record.meetings[0].type == "visit" and record.meetings[0].location == "Tallinn"


def test_without_published_relative_dates_stay_unresolved_with_a_warning():
    record = diplomex.extract(TEXT)
    assert record.dates[0].value is None
    assert NO_PUBLISHED in record.warnings


def test_quote_speaker_is_the_full_name():
    record = diplomex.extract(TEXT, published="2025-03-14")
    assert [(q.text, q.speaker) for q in record.quotes] == [("Wir sind Nachbarn", "Aku Virtanen")]


def test_records_are_frozen():
    record = diplomex.extract(TEXT, published="2025-03-14")
    with pytest.raises(AttributeError):
        record.id = "changed"


def test_same_input_same_record():
    assert diplomex.extract(TEXT, published="2025-03-14") == diplomex.extract(TEXT, published="2025-03-14")


@pytest.mark.parametrize("value", [date(1, 1, 1), date(9999, 12, 31), "1799-12-31"])
def test_published_outside_the_supported_years_is_a_value_error(value):
    with pytest.raises(ValueError, match="outside"):
        parse_published(value)


def test_an_organisation_speaker_is_given_by_its_listed_name():
    record = diplomex.extract("„Wir haben viel erreicht“, erklärte ein Sprecher des Auswärtigen Amts.", published="2025-06-04")
    assert [(q.speaker, q.speaker_kind) for q in record.quotes] == [("Auswärtiges Amt", "organisation")]
