"""extract_many / iter_extract and the Frames tables, on German sentences written for these tests."""

import pandas as pd
import pytest
from spacy.language import Language

from diplomex import hygiene
from diplomex.batch import COMPONENT_FAILED, extract_many, iter_extract
from diplomex.frames import SCHEMA, TABLES, Frames

GENF = (
    "Der russische Außenminister Sergej Lawrow hat sich am Donnerstag in Genf mit US-Außenminister "
    "Marco Rubio getroffen. „Wir haben lange und offen gesprochen“, sagte Lawrow nach dem Treffen. "
    "Beide vereinbarten, im April erneut zusammenzukommen."
)
MOSKAU = (
    "Sergei Lavrov empfing am Montag in Moskau den chinesischen Außenminister Wang Yi. "
    "Lavrov sagte: „Die Gespräche waren konstruktiv.“"
)
ENGLISH = (
    "The foreign ministers of France and Germany met in Paris on Monday to discuss the war, the economy "
    "and the future of the European Union with their colleagues from many other countries."
)
HTML = "<p>Die Kanzlerin empfing am Dienstag in <b>Berlin</b> den französischen Präsidenten.</p><p>Ende</p>"


@pytest.fixture(scope="module")
def frames(nlp):
    rows = [
        {"id": "genf", "text": GENF, "published": "2025-02-28", "title": "Treffen in Genf"},
        {"id": "moskau", "text": MOSKAU, "published": "2025-03-04"},
    ]
    return extract_many(rows, nlp=nlp)


def test_bad_rows_give_one_article_row_each_with_errors(nlp):
    data = [GENF, None, 42, b"Bytes statt Text", HTML, ENGLISH, "", "Wort " * 400_000, MOSKAU]
    articles = extract_many(data, nlp=nlp).articles
    assert list(articles["row"]) == list(range(len(data)))
    assert list(articles["article_id"]) == [str(i) for i in range(len(data))]
    errors = articles["error"]
    assert "NoneType" in errors[1] and "int" in errors[2] and "decode" in errors[3]
    assert "limit" in errors[7]
    ok = [0, 4, 5, 6, 8]
    assert errors[ok].isna().all()
    assert articles["n_meetings"][[1, 2, 3, 7]].isna().all()
    assert articles["n_meetings"][6] == 0 and pd.isna(articles["warnings"][6])
    assert hygiene.HTML_STRIPPED in articles["warnings"][4]
    assert articles["n_meetings"][0] >= 1 and articles["n_meetings"][8] >= 1


def test_rejected_rows_have_no_rows_in_other_tables(nlp):
    frames = extract_many([None, GENF, 7], id="id", nlp=nlp)
    for table in ("meetings", "quotes", "dates", "locations", "participants"):
        assert set(getattr(frames, table)["article_id"]) == {"1"}


def test_malformed_published_is_an_error_row(nlp):
    articles = extract_many([{"text": GENF, "published": "letzten Dienstag"}], nlp=nlp).articles
    assert "ISO date" in articles["error"][0]


def test_dataframe_dict_and_str_inputs_agree(nlp):
    df = pd.DataFrame({"body": [GENF, MOSKAU], "day": ["2025-02-28", None], "key": ["a", "b"]})
    from_df = extract_many(df, text="body", published="day", id="key", nlp=nlp)
    from_dicts = extract_many(df.to_dict("records"), text="body", published="day", id="key", nlp=nlp)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(from_df, table), getattr(from_dicts, table))
    assert list(from_df.articles["article_id"]) == ["a", "b"]
    assert from_df.articles["published"][0] == pd.Timestamp("2025-02-28")
    assert pd.isna(from_df.articles["published"][1])
    from_str = extract_many([GENF, MOSKAU], nlp=nlp)
    undated = extract_many(df.drop(columns=["day", "key"]), text="body", nlp=nlp)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(from_str, table), getattr(undated, table))


def test_missing_text_column_is_a_caller_error(nlp):
    with pytest.raises(KeyError, match="body"):
        extract_many(pd.DataFrame({"text": ["x"]}), text="body", nlp=nlp)
    with pytest.raises(TypeError, match="wrap a single text"):
        extract_many(GENF, nlp=nlp)


def test_tables_follow_the_schema(frames):
    for table, frame in frames.tables().items():
        assert list(frame.columns) == list(SCHEMA[table])
        assert {c: str(t) for c, t in frame.dtypes.items()} == {
            c: str(pd.Series([], dtype=t).dtype) for c, t in SCHEMA[table].items()
        }


def test_join_keys_are_consistent(frames):
    articles = set(frames.articles["article_id"])
    assert frames.articles["article_id"].is_unique
    assert frames.meetings["meeting_id"].is_unique
    for table in ("meetings", "participants", "quotes", "dates", "locations"):
        assert set(getattr(frames, table)["article_id"]) <= articles
    assert set(frames.participants["meeting_id"]) <= set(frames.meetings["meeting_id"])
    people = set(frames.people["person_id"])
    assert frames.people["person_id"].is_unique
    assert set(frames.participants["person_id"]) <= people
    assert set(frames.quotes["person_id"].dropna()) <= people
    counts = frames.meetings.groupby("article_id").size()
    assert (frames.articles.set_index("article_id")["n_meetings"][counts.index] == counts).all()


def test_meeting_date_is_a_day_when_resolved(frames):
    genf = frames.meetings[frames.meetings["article_id"] == "genf"].iloc[0]
    assert genf["date_value"] == "2025-02-27" and genf["date"] == pd.Timestamp("2025-02-27")
    months = frames.dates[frames.dates["granularity"] == "month"]
    assert months["date"].isna().all() and months["value"].notna().all()


def test_same_person_shares_one_person_id_across_articles(frames):
    lawrow = frames.people[frames.people["name"].isin(["Sergej Lawrow", "Sergei Lavrov"])]
    assert len(lawrow) == 1
    pid = lawrow["person_id"].iloc[0]
    assert lawrow["n_articles"].iloc[0] == 2
    speakers = frames.quotes.set_index("article_id")["person_id"]
    assert speakers["genf"] == speakers["moskau"] == pid
    assert pid in set(frames.participants["person_id"])


def test_person_id_is_stable_across_runs_and_order(nlp, frames):
    again = extract_many([{"text": MOSKAU, "published": "2025-03-04", "id": "moskau"},
                          {"text": GENF, "published": "2025-02-28", "id": "genf"}], nlp=nlp)
    assert dict(zip(again.people["name"], again.people["person_id"])) == dict(
        zip(frames.people["name"], frames.people["person_id"])
    )


def test_iter_extract_is_lazy_and_ordered(nlp):
    texts = (t for t in [GENF, None, MOSKAU])
    outcomes = iter_extract(texts, nlp=nlp)
    first = next(outcomes)
    assert first.index == 0 and first.record is not None and first.record.meetings
    rest = list(outcomes)
    assert [o.index for o in rest] == [1, 2]
    assert rest[0].record is None and rest[0].error


def test_a_crashing_component_costs_only_its_article(nlp):
    @Language.component("test_batch_boom")
    def boom(doc):
        if "Sprengsatz" in doc.text:
            raise RuntimeError("kaputt")
        return doc

    nlp.add_pipe("test_batch_boom", last=True)
    try:
        articles = extract_many([GENF, "Ein Sprengsatz im Text.", MOSKAU], nlp=nlp).articles
    finally:
        nlp.remove_pipe("test_batch_boom")
    assert list(articles["row"]) == [0, 1, 2]
    assert articles["error"][1].startswith(COMPONENT_FAILED) and "kaputt" in articles["error"][1]
    assert articles["error"][[0, 2]].isna().all() and (articles["n_meetings"][[0, 2]] >= 1).all()


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_round_trip(frames, tmp_path, fmt):
    getattr(frames, f"to_{fmt}")(tmp_path)
    back = Frames.read(tmp_path, fmt)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(back, table), getattr(frames, table))


def test_streaming_to_parquet_equals_in_memory(nlp, tmp_path):
    data = [GENF, None, MOSKAU, "", GENF.replace("Genf", "Wien")] * 3
    in_memory = extract_many(data, nlp=nlp)
    written = extract_many(data, nlp=nlp, out=tmp_path, chunk_size=4)
    assert written.rows["articles"] == len(data) and written.errors == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    for table in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(written.paths[table]), getattr(in_memory, table))


def test_two_processes_give_the_same_tables(nlp):
    rows = [
        {"id": "genf", "text": GENF, "published": "2025-02-28", "title": "Treffen in Genf"},
        {"id": "moskau", "text": MOSKAU, "published": "2025-03-04"},
    ] * 3
    rows = [{**row, "id": f"{row['id']}{i}"} for i, row in enumerate(rows)]
    one = extract_many(rows, nlp=nlp, batch_size=2)
    two = extract_many(rows, nlp=nlp, batch_size=2, n_process=2)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(two, table), getattr(one, table))
    assert len(one.meetings) >= 6 and len(one.quotes) == 6


def test_spacy_multiprocessing_keeps_the_annotations(nlp):
    """Docs pickled between spaCy's worker processes still give the same records (msgpack-safe extensions)."""
    from diplomex.extract import build_record, make_doc, parse_published

    docs = [(make_doc(nlp, text, parse_published("2025-03-04")), i) for i, text in enumerate([GENF, MOSKAU] * 2)]
    one = [build_record(doc, id=str(i)) for doc, i in nlp.pipe(docs, as_tuples=True, batch_size=1)]
    docs = [(make_doc(nlp, text, parse_published("2025-03-04")), i) for i, text in enumerate([GENF, MOSKAU] * 2)]
    two = [build_record(doc, id=str(i)) for doc, i in nlp.pipe(docs, as_tuples=True, batch_size=1, n_process=2)]
    assert two == one and one[0].meetings and one[0].quotes


def test_unpicklable_input_with_two_processes_still_gives_every_row(nlp):
    unpicklable = lambda: None  # noqa: E731
    articles = extract_many([GENF, unpicklable, MOSKAU], nlp=nlp, n_process=2, batch_size=1).articles
    assert list(articles["row"]) == [0, 1, 2]
    assert "function" in articles["error"][1] and articles["error"][[0, 2]].isna().all()


def test_historic_and_impossible_days_do_not_break_the_tables():
    from diplomex.frames import Outcome, PeopleIndex, article_tables
    from diplomex.records import ArticleRecord, DateMention

    record = ArticleRecord(id="alt", dates=(DateMention("im Jahr 1", 0, 9, "0001-01-01", "day"),
                                            DateMention("30. Februar", 10, 21, "2025-02-30", "day")))
    dates = article_tables([Outcome(0, "alt", record, None)], PeopleIndex())["dates"]
    assert dates["date"][0] == pd.Timestamp("0001-01-01") and pd.isna(dates["date"][1])
    assert list(dates["value"]) == ["0001-01-01", "2025-02-30"]
