"""extract_ddf on a local Dask cluster of two worker processes, with German texts written for the test.

The workers are forked after the pipeline has been loaded and used here (to keep the test fast on a busy
machine); with the default spawn method each worker loads it once on its first task.
"""

import sys

import dask
import pandas as pd
import pytest

from diplomex.batch import extract_many
from diplomex.extract import default_pipeline
from diplomex.frames import SCHEMA, TABLES

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

TEXTS = [
    "Der russische Außenminister Sergej Lawrow hat sich am Donnerstag in Genf mit US-Außenminister Marco Rubio "
    "getroffen. „Wir haben offen gesprochen“, sagte Lawrow.",
    "Sergei Lavrov empfing am Montag in Moskau den chinesischen Außenminister Wang Yi.",
    None,
    "Bundeskanzler Friedrich Merz ist am Mittwoch in Paris mit Präsident Emmanuel Macron zusammengekommen.",
    "",
    "Die Außenministerin telefonierte am Dienstag mit ihrem polnischen Amtskollegen Radosław Sikorski.",
]


FRAME = pd.DataFrame({"text": TEXTS, "published": ["2025-06-13"] * len(TEXTS)})


@pytest.fixture(scope="module")
def expected():
    return extract_many(FRAME, nlp=default_pipeline(None))


@pytest.fixture(scope="module")
def client(expected):
    fork = {"distributed.worker.multiprocessing-method": "fork"}
    with dask.config.set(fork), distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def test_extract_ddf_equals_extract_many(client, expected):
    from diplomex.dask import compute_frames, extract_ddf

    tables = extract_ddf(dd.from_pandas(FRAME, npartitions=3))
    assert list(tables) == list(TABLES)
    for table, lazy in tables.items():
        assert list(lazy.columns) == list(SCHEMA[table])
    computed = compute_frames(tables)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(computed, table), getattr(expected, table))
    assert computed.articles["error"].notna().sum() == 1
    assert len(computed.people) >= 5 and computed.meetings["article_id"].nunique() >= 3
    loaded = client.run(lambda: sys.modules["diplomex.extract"].default_pipeline.cache_info().currsize)
    assert len(loaded) == 2 and set(loaded.values()) == {1}


def test_missing_text_column_is_a_caller_error():
    from diplomex.dask import extract_ddf

    with pytest.raises(KeyError, match="body"):
        extract_ddf(dd.from_pandas(FRAME, npartitions=1), text="body")
