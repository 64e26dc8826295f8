"""End to end: the seed article comes out as its gold record, field by field."""

import json

import pytest

import diplomex
from conftest import SHARED, needs_shared

pytestmark = needs_shared


@pytest.fixture(scope="module")
def seed():
    gold = json.loads((SHARED / "gold" / "seed-000.json").read_text(encoding="utf-8"))
    text = (SHARED / "gold" / "texts" / "seed-000.txt").read_text(encoding="utf-8")
    return gold, diplomex.extract(text, published=gold["published"], id="seed-000").to_dict()


def test_record_is_json_and_has_the_gold_shape(seed):
    gold, record = seed
    assert json.loads(json.dumps(record)) == record
    assert set(record) == {"id", "published", "meetings", "people", "quotes", "dates", "locations", "warnings"}
    assert record["published"] == "2025-02-28"


@pytest.mark.parametrize("index", [0, 1, 2])
def test_each_meeting_matches_gold(seed, index):
    gold, record = seed
    expected = gold["meetings"][index]
    found = [m for m in record["meetings"] if set(m["participants"]) == set(expected["participants"])]
    assert len(found) == 1, f"no single meeting with {expected['participants']}: {record['meetings']}"
    meeting = found[0]
    for key in ("type", "status", "location", "date", "follow_up"):
        assert meeting[key] == expected[key], key
    assert set(meeting["parties"]) == set(expected["parties"])


def test_exactly_three_meetings(seed):
    gold, record = seed
    assert len(record["meetings"]) == len(gold["meetings"]) == 3


def test_istanbul_talks_venue(seed):
    _, record = seed
    istanbul = next(m for m in record["meetings"] if m["location"] == "Istanbul")
    assert istanbul["venue"] == "US-Generalkonsulat"


def test_quotes_and_speakers(seed):
    gold, record = seed
    assert [(q["text"], q["speaker"]) for q in record["quotes"]] == [(q["text"], q["speaker"]) for q in gold["quotes"]]
    assert not any(q["text"] == "Berliner Zeitung" for q in record["quotes"])


def test_dates(seed):
    gold, record = seed
    assert [(d["text"], d["value"], d.get("mod")) for d in record["dates"]] == [
        (d["text"], d["value"], d.get("mod")) for d in gold["dates"]
    ]


def test_locations(seed):
    gold, record = seed
    assert set(record["locations"]) == set(gold["locations"])


def test_participants_roles_and_countries(seed):
    gold, record = seed
    people = {p["name"]: p for p in record["people"]}
    for expected in gold["people"]:
        person = people[expected["name"]]
        assert person["country"] == expected["country"], expected["name"]
        if expected["role"]:
            assert person["role"] == expected["role"], expected["name"]
