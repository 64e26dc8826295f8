"""The diplomex command line, run in-process on German texts written for these tests."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from diplomex.batch import extract_many
from diplomex.cli import main
from diplomex.extract import default_pipeline
from diplomex.frames import TABLES, Frames

SRC = Path(__file__).resolve().parents[1] / "src"
ARTICLES = {
    "genf": "Der russische Außenminister Sergej Lawrow hat sich in Genf mit US-Außenminister Marco Rubio "
            "getroffen. „Wir haben offen gesprochen“, sagte Lawrow.",
    "paris": "Bundeskanzler Friedrich Merz ist am Mittwoch in Paris mit Präsident Emmanuel Macron "
             "zusammengekommen. Beide wollen sich im Mai wieder treffen.",
    "leer": "",
}


@pytest.fixture(scope="module")
def pipeline():
    return default_pipeline(None)


@pytest.fixture()
def folder(tmp_path):
    texts = tmp_path / "artikel"
    texts.mkdir()
    for name, text in ARTICLES.items():
        (texts / f"{name}.txt").write_text(text, encoding="utf-8")
    return texts


def test_folder_to_parquet_equals_extract_many(pipeline, folder, tmp_path, capsys):
    out = tmp_path / "tabellen"
    assert main(["extract", str(folder), "--out", str(out), "--quiet"]) == 0
    summary = capsys.readouterr().out
    assert "3 articles" in summary and "0 errors" in summary
    expected = extract_many([{"id": name, "text": ARTICLES[name]} for name in sorted(ARTICLES)], nlp=pipeline)
    for table in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{table}.parquet"), getattr(expected, table))
    assert list(expected.articles["article_id"]) == ["genf", "leer", "paris"]


def test_jsonl_with_own_columns_to_csv(pipeline, tmp_path):
    source = tmp_path / "archiv.jsonl"
    rows = [{"inhalt": text, "datum": "2025-05-14", "url": f"https://example.org/{name}"} for name, text in ARTICLES.items()]
    lines = [json.dumps(row, ensure_ascii=False) for row in rows] + ["{kaputt", json.dumps({"inhalt": 42})]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "csv"
    args = ["extract", str(source), "--out", str(out), "--format", "csv", "--text-col", "inhalt",
            "--date-col", "datum", "--id-col", "url", "--quiet"]
    assert main(args) == 0
    frames = Frames.read(out, "csv")
    assert len(frames.articles) == 5
    assert frames.articles["error"].notna().sum() == 2
    assert frames.articles["article_id"][0] == "https://example.org/genf"
    assert (frames.articles["published"][:3] == pd.Timestamp("2025-05-14")).all()
    paris = frames.meetings[frames.meetings["article_id"].str.endswith("paris")]
    assert paris["date_value"].tolist()[0] == "2025-05-14"


def test_csv_input_to_jsonl(pipeline, tmp_path):
    source = tmp_path / "export.csv"
    pd.DataFrame({"text": list(ARTICLES.values()), "id": list(ARTICLES)}).to_csv(source, index=False)
    out = tmp_path / "jsonl"
    assert main(["extract", str(source), "--out", str(out), "--format", "jsonl", "--quiet"]) == 0
    frames = Frames.read(out, "jsonl")
    assert list(frames.articles["article_id"]) == list(ARTICLES)
    assert (out / "people.jsonl").exists()


def test_missing_text_column_in_csv_says_which(pipeline, tmp_path):
    source = tmp_path / "export.csv"
    pd.DataFrame({"body": ["Text"]}).to_csv(source, index=False)
    with pytest.raises(SystemExit, match="--text-col"):
        main(["extract", str(source), "--out", str(tmp_path / "x"), "--quiet"])


def test_evaluate_prints_table_and_misses(pipeline, tmp_path, capsys):
    gold = tmp_path / "gold"
    (gold / "texts").mkdir(parents=True)
    (gold / "texts" / "genf.txt").write_text(ARTICLES["genf"], encoding="utf-8")
    record = {
        "id": "genf", "published": None,
        "meetings": [{"type": "meeting", "status": "held", "participants": ["Sergej Lawrow", "Marco Rubio"],
                      "parties": ["RU", "US"], "location": "Genf", "venue": None, "date": None, "follow_up": False}],
        "people": [], "quotes": [{"text": "Das sagt niemand", "speaker": None, "partial": False}],
        "dates": [], "locations": ["Genf"],
    }
    (gold / "genf.json").write_text(json.dumps(record), encoding="utf-8")
    report = tmp_path / "report.json"
    assert main(["evaluate", str(gold), "--json", str(report)]) == 0
    printed = capsys.readouterr().out
    assert "meetings" in printed and "F1" in printed
    assert "quotes_missed: Das sagt niemand" in printed
    assert json.loads(report.read_text())["fields"]["meetings"]["tp"] == 1


def test_version_and_help_run_as_module():
    env = {"PYTHONPATH": str(SRC)}
    version = subprocess.run([sys.executable, "-m", "diplomex", "--version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0 and version.stdout.startswith("diplomex ")
    helped = subprocess.run([sys.executable, "-m", "diplomex", "--help"], capture_output=True, text=True, env=env)
    assert "examples:" in helped.stdout and "diplomex extract" in helped.stdout
