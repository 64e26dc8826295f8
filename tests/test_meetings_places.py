"""Meetings: islands, resorts and regional towns used for diplomacy are places with a country."""

import pytest

import diplomex

from meeting_cases import PUBLISHED


@pytest.mark.parametrize("text, place, country", [
    ("Die Präsidenten Kenias und Tansanias, Peter Otieno und Juma Mwita, trafen sich am Montag auf Sansibar.", "Sansibar", "TZ"),
    ("Beim Europäischen Forum in Alpbach traf Außenministerin Eva Huber ihren slowakischen Amtskollegen Ján Novák.", "Alpbach", "AT"),
    ("Bundesrat Urs Keller empfing am Montag in Gstaad den italienischen Außenminister Marco Bianchi.", "Gstaad", "CH"),
    ("Der griechische Premier Nikos Papadakis und der türkische Präsident Emre Kaya trafen sich auf Kreta.", "Kreta", "GR"),
    ("Indonesiens Präsident Budi Santoso empfing seinen osttimoresischen Kollegen Rui Soares in Kupang.", "Kupang", "ID"),
])
def test_islands_resorts_and_regional_towns(text, place, country):
    (m,) = diplomex.extract(text, published=PUBLISHED).meetings
    assert (m.location, m.country) == (place, country)
