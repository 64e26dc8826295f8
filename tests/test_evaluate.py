"""The scorer: each field's counting on small hand-written gold/prediction dicts, and a run on shared/gold."""

import json
from pathlib import Path

import pytest

from diplomex.evaluate import Report, evaluate, match_pairs, meeting_score, normalize_text, same_speaker, score_article
from diplomex.records import ArticleRecord, DateMention, Location, Meeting, Quote

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

GOLD = {
    "id": "t-1",
    "published": "2025-03-12",
    "meetings": [
        {"type": "talks", "status": "held", "participants": ["Aku Virtanen", "Sergej Lawrow"], "parties": ["FI", "RU"],
         "location": "Genf", "venue": None, "date": "2025-03-10", "follow_up": True},
        {"type": "summit", "status": "planned", "participants": [], "parties": ["EU", "TR"],
         "location": "Brüssel", "venue": None, "date": "2025-04", "follow_up": False},
    ],
    "people": [{"name": "Aku Virtanen", "role": "Präsident", "country": "FI", "aliases": ["Virtanen"]}],
    "quotes": [
        {"text": "Wir reden weiter.", "speaker": "Aku Virtanen", "partial": False},
        {"text": "Kein Kommentar", "speaker": None, "partial": False},
    ],
    "dates": [{"text": "Montag", "value": "2025-03-10"}, {"text": "Mitte April", "value": "2025-04", "mod": "MID"}],
    "locations": ["Genf", "Brüssel", "Finnland"],
}


def copy(data):
    return json.loads(json.dumps(data))


def scored(predicted, gold=GOLD) -> Report:
    report = Report()
    score_article(report, predicted, gold)
    return report


def scores(report: Report, name: str) -> tuple[float, float, float]:
    c = report.fields[name]
    return c.precision, c.recall, c.f1


def test_a_perfect_prediction_scores_one_everywhere():
    report = scored(copy(GOLD))
    for name in ("meetings", "participants", "quotes", "dates", "locations"):
        assert scores(report, name) == (1.0, 1.0, 1.0), name
    assert all(a.value == 1.0 and a.total > 0 for a in report.accuracies.values())
    assert not any(report.articles["t-1"].values())


def test_a_missing_quote_lowers_recall_only():
    predicted = copy(GOLD)
    del predicted["quotes"][1]
    assert scores(scored(predicted), "quotes") == (1.0, 0.5, pytest.approx(2 / 3))
    assert scored(predicted).articles["t-1"]["quotes_missed"] == ["Kein Kommentar"]


def test_quote_text_is_compared_after_whitespace_normalisation():
    predicted = copy(GOLD)
    predicted["quotes"][0]["text"] = "  Wir  reden\nweiter. "
    assert scores(scored(predicted), "quotes") == (1.0, 1.0, 1.0)


def test_apostrophe_look_alikes_are_the_same_text():
    assert normalize_text("L\u2032Aquila") == normalize_text("L\u2019Aquila") == "L'Aquila"


def test_a_wrong_speaker_lowers_speaker_accuracy():
    predicted = copy(GOLD)
    predicted["quotes"][0]["speaker"] = "Sergej Lawrow"
    report = scored(predicted)
    assert scores(report, "quotes") == (1.0, 1.0, 1.0)
    assert (report.accuracies["quote speaker"].correct, report.accuracies["quote speaker"].total) == (1, 2)
    assert report.articles["t-1"]["speaker_errors"] == ["'Wir reden weiter.': 'Sergej Lawrow', gold 'Aku Virtanen'"]


def test_a_guessed_speaker_where_gold_is_null_counts_wrong():
    predicted = copy(GOLD)
    predicted["quotes"][1]["speaker"] = "Aku Virtanen"
    assert scored(predicted).accuracies["quote speaker"].value == 0.5


def test_a_missing_speaker_where_gold_names_one_counts_wrong():
    predicted = copy(GOLD)
    predicted["quotes"][0]["speaker"] = None
    assert scored(predicted).accuracies["quote speaker"].value == 0.5


def test_speaker_matching_uses_name_normalisation():
    assert same_speaker("Sergei Lavrov", "Sergej Lawrow") and same_speaker(None, None)
    assert not same_speaker("Sergej Lawrow", None) and not same_speaker(None, "Sergej Lawrow")
    assert not same_speaker("Aku Virtanen", "Sergej Lawrow")


def test_lawrow_and_lavrov_are_the_same_participant():
    predicted = copy(GOLD)
    predicted["meetings"][0]["participants"] = ["Aku Virtanen", "Sergei Lavrov"]
    report = scored(predicted)
    assert scores(report, "participants") == (1.0, 1.0, 1.0)
    assert scores(report, "meetings") == (1.0, 1.0, 1.0)


def test_meetings_match_by_one_shared_participant_and_attributes_are_scored_separately():
    predicted = copy(GOLD)
    predicted["meetings"][0].update(participants=["Virtanen"], type="meeting", location="Bern", date=None)
    report = scored(predicted)
    assert scores(report, "meetings") == (1.0, 1.0, 1.0)
    assert report.accuracies["meeting type"].value == 0.5
    assert report.accuracies["meeting location"].value == 0.5
    assert report.accuracies["meeting date"].value == 0.5
    assert report.accuracies["meeting status"].value == 1.0
    assert scores(report, "participants") == (1.0, 0.5, pytest.approx(2 / 3))
    assert report.articles["t-1"]["participants_missed"] == ["Sergej Lawrow"]


def test_meetings_without_gold_participants_need_two_shared_parties():
    gold = {"parties": ["EU", "TR"], "participants": []}
    assert meeting_score({"parties": ["TR", "EU", "DE"], "participants": []}, gold) == 2
    assert meeting_score({"parties": ["EU"], "participants": ["Ana Lind"]}, gold) == 0
    assert meeting_score({"parties": ["EU"]}, {"parties": ["EU"], "participants": []}) == 1
    assert meeting_score({"parties": ["EU", "TR"]}, {"parties": [], "participants": []}) == 0


def test_meetings_with_gold_participants_do_not_match_on_parties():
    gold = {"participants": ["Aku Virtanen"], "parties": ["FI", "RU"]}
    assert meeting_score({"participants": [], "parties": ["FI", "RU"]}, gold) == 0


def test_an_extra_meeting_lowers_precision_and_is_listed_as_added():
    predicted = copy(GOLD)
    predicted["meetings"].append({"type": "call", "participants": ["Mara Lindqvist"], "parties": ["SE"]})
    report = scored(predicted)
    assert scores(report, "meetings")[:2] == (pytest.approx(2 / 3), 1.0)
    assert report.articles["t-1"]["meetings_added"] == ["call: Mara Lindqvist"]
    assert report.articles["t-1"]["participants_added"] == ["Mara Lindqvist"]


def test_best_pairs_are_matched_first():
    gold = [{"participants": ["Ana Lind", "Ben Ober"]}, {"participants": ["Ana Lind", "Cem Aksoy"]}]
    predicted = [{"participants": ["Ana Lind", "Cem Aksoy"]}, {"participants": ["Ana Lind", "Ben Ober"]}]
    assert match_pairs(predicted, gold, meeting_score) == [(1, 0), (0, 1)]


def test_dates_count_text_and_value_separately():
    predicted = copy(GOLD)
    predicted["dates"] = [{"text": "Montag", "value": "2025-03-17"}, {"text": "Mitte April", "value": "2025-04"},
                          {"text": "gestern", "value": "2025-03-11"}]
    report = scored(predicted)
    assert scores(report, "dates")[:2] == (pytest.approx(2 / 3), 1.0)
    assert report.accuracies["date value"].value == 0.5
    assert report.accuracies["date mod"].value == 0.5
    assert report.articles["t-1"]["date_value_errors"] == ["Montag: '2025-03-17', gold '2025-03-10'"]


def test_repeated_date_texts_pair_by_value():
    gold = {"dates": [{"text": "Montag", "value": "2025-03-10"}, {"text": "Montag", "value": "2025-03-17"}]}
    predicted = {"dates": [{"text": "Montag", "value": "2025-03-17"}, {"text": "Montag", "value": "2025-03-10"}]}
    assert scored(predicted, gold).accuracies["date value"].value == 1.0


def test_locations_are_sets_of_names():
    predicted = copy(GOLD)
    predicted["locations"] = ["Genf", "Genf", "Moskau"]
    report = scored(predicted)
    assert (report.fields["locations"].tp, report.fields["locations"].predicted, report.fields["locations"].gold) == (1, 2, 3)
    assert report.articles["t-1"]["locations_missed"] == ["Brüssel", "Finnland"]
    assert report.articles["t-1"]["locations_added"] == ["Moskau"]


def test_an_empty_prediction_has_zero_recall_and_missing_keys_count_as_empty():
    report = scored({})
    assert all(report.fields[name].recall == 0 and report.fields[name].predicted == 0 for name in report.fields)
    assert scored({}, {}).fields["quotes"].f1 == 0.0


def test_report_is_json_ready_and_prints_a_table():
    report = scored(copy(GOLD))
    data = json.loads(json.dumps(report.to_dict()))
    assert data["fields"]["quotes"]["f1"] == 1.0 and data["accuracy"]["quote speaker"]["total"] == 2
    assert set(data) == {"fields", "accuracy", "articles", "skipped"}
    table = report.table()
    assert "participants" in table and "quote speaker" in table and "t-1" not in table
    assert "t-1" in scored({}).table(articles=True)


def test_a_record_scores_against_its_own_dict():
    record = ArticleRecord(
        id="r", meetings=(Meeting(type="visit", participants=("Aku Virtanen",), parties=("FI",), location="Tallinn"),),
        quotes=(Quote(text="Wir sind Nachbarn", start=0, end=17, speaker="Aku Virtanen"),),
        dates=(DateMention(text="Donnerstag", start=0, end=10, value="2025-03-13"),),
        locations=(Location(text="Tallinn", name="Tallinn", kind="city"),),
    )
    report = scored(record.to_dict(), record.to_dict())
    assert all(c.f1 == 1.0 for c in report.fields.values())


# --- evaluate() over a directory -----------------------------------------------------------------


def write_gold(tmp_path: Path, with_text: bool = True) -> Path:
    (tmp_path / "texts").mkdir()
    gold = {"id": "a-1", "published": "2025-03-14", "meetings": [
        {"type": "visit", "status": "held", "participants": ["Aku Virtanen"], "parties": ["FI", "EE"],
         "location": "Tallinn", "venue": None, "date": "2025-03-13", "follow_up": False}],
        "quotes": [{"text": "Wir sind Nachbarn", "speaker": "Aku Virtanen", "partial": False}],
        "dates": [{"text": "Donnerstag", "value": "2025-03-13"}], "locations": ["Tallinn"]}
    (tmp_path / "a-1.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "b-2.json").write_text(json.dumps({"id": "b-2"}), encoding="utf-8")
    if with_text:
        (tmp_path / "texts" / "a-1.txt").write_text(
            "Der finnische Präsident Aku Virtanen besuchte am Donnerstag Tallinn. „Wir sind Nachbarn“, sagte Virtanen.",
            encoding="utf-8")
    return tmp_path


def test_evaluate_runs_extract_over_a_directory_and_lists_skipped_files(tmp_path):
    report = evaluate(write_gold(tmp_path))
    assert report.skipped == ["b-2"] and list(report.articles) == ["a-1"]
    assert "skipped (no text): b-2" in report.table()
    assert scores(report, "quotes") == (1.0, 1.0, 1.0)
    assert report.accuracies["quote speaker"].value == 1.0
    assert report.fields["meetings"].tp == 1


def test_evaluate_takes_another_extractor_and_texts_dir(tmp_path):
    gold_dir = write_gold(tmp_path, with_text=False)
    texts = tmp_path / "elsewhere"
    texts.mkdir()
    (texts / "a-1.txt").write_text("egal", encoding="utf-8")
    calls = []

    def empty_extract(text, published=None, id=None):
        calls.append((text, published, id))
        return ArticleRecord(id=id)

    report = evaluate(gold_dir, texts_dir=texts, extract=empty_extract)
    assert calls == [("egal", "2025-03-14", "a-1")]
    assert report.fields["quotes"].gold == 1 and report.fields["quotes"].tp == 0


def test_evaluate_without_gold_files_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"no gold files \(\*.json\)"):
        evaluate(tmp_path)


def test_a_broken_gold_file_is_named(tmp_path):
    (tmp_path / "x.json").write_text("[1, 2", encoding="utf-8")
    with pytest.raises(ValueError, match=r"x.json: not a gold file"):
        evaluate(tmp_path, extract=lambda *a, **k: ArticleRecord())
    (tmp_path / "x.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError, match="expected a JSON object"):
        evaluate(tmp_path, extract=lambda *a, **k: ArticleRecord())


@pytest.mark.skipif(not (SHARED / "gold").exists(), reason=f"shared gold set not found at {SHARED / 'gold'}")
def test_evaluate_on_the_shared_gold_set():
    gold_dir = SHARED / "gold"
    report = evaluate(gold_dir)
    assert len(report.articles) + len(report.skipped) == len(list(gold_dir.glob("*.json")))
    assert all(report.fields[name].gold > 0 for name in ("meetings", "participants", "quotes", "dates", "locations"))
    assert all(0.0 <= c.f1 <= 1.0 for c in report.fields.values())
    assert report.fields["locations"].f1 > 0.3 and report.fields["quotes"].f1 > 0.3
    json.dumps(report.to_dict())
