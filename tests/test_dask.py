"""framing.dask on a real LocalCluster with two worker processes: identical to the serial run."""

from __future__ import annotations

import json

import pytest

import framing

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("dask.distributed")

TEXTS = [
    "Marshal Khalifa Haftar met Sergei Shoigu in Moscow, the Russian Defense Ministry said.",
    '"We will not return," Prime Minister Fayez al-Sarraj told reporters in Tripoli.',
    "According to Reuters, Haftar forces shelled the port, killing three civilians.",
    "",
    "The GNA suspended its participation in the Geneva talks.",
    "Officials said the ceasefire was holding.",
]


@pytest.fixture(scope="module")
def client(nlp):
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def _strip(d):
    return json.loads(json.dumps(d))


@pytest.mark.slow
def test_bag_matches_serial(client, nlp):
    import dask.bag as db

    from framing.dask import analyze_bag

    items = [{"id": f"a{i}", "text": t} for i, t in enumerate(TEXTS)]
    serial = [p.to_dict() for p in framing.analyze_many(items, nlp=nlp)]
    distributed_ = analyze_bag(db.from_sequence(items, npartitions=3)).compute()
    assert [d["article"]["id"] for d in distributed_] == [f"a{i}" for i in range(len(TEXTS))]
    assert _strip(distributed_) == _strip(serial)


def test_dataframe_features_and_profiles(client, nlp):
    import dask.dataframe as dd
    import pandas as pd

    from framing.dask import analyze_dataframe

    pdf = pd.DataFrame({"doc": [f"d{i}" for i in range(len(TEXTS))], "body": TEXTS, "src": ["x", "y"] * 3})
    ddf = dd.from_pandas(pdf, npartitions=2)
    out = analyze_dataframe(ddf, text="body", id="doc", outlet="src").compute()
    assert list(out["id"]) == list(pdf["doc"])
    serial = list(framing.analyze_many([{"id": d, "text": t, "outlet": s} for d, t, s in zip(pdf["doc"], pdf["body"], pdf["src"])], nlp=nlp))
    for (_, row), p in zip(out.iterrows(), serial):
        assert json.loads(row["profile"]) == _strip(p.to_dict())
        for key, value in p.features().items():
            assert (row[key] != row[key] and value != value) or row[key] == pytest.approx(value)
    with pytest.raises(framing.InputValueError, match="E110"):
        analyze_dataframe(ddf, text="missing")


def test_unnamed_articles_are_named_by_their_place_in_the_whole_bag(client):
    import dask.bag as db

    from framing.dask import analyze_bag

    out = analyze_bag(db.from_sequence([f"Text {i}." for i in range(6)], npartitions=3), analyzers=["readability"]).compute()
    assert [d["article"]["id"] for d in out] == [str(i) for i in range(6)]


def test_a_dataframe_row_without_text_keeps_its_id(client):
    import dask.dataframe as dd
    import pandas as pd

    from framing.dask import analyze_dataframe

    pdf = pd.DataFrame({"doc": ["x", "y", "z"], "my text": ["A.", None, "C."]}, index=[10, 11, 12])
    out = analyze_dataframe(dd.from_pandas(pdf, npartitions=2), text="my text", id="doc", analyzers=["readability"]).compute()
    assert list(out["id"]) == ["x", "y", "z"] and "E001" in out.loc[11, "error"]
    unnamed = analyze_dataframe(dd.from_pandas(pdf, npartitions=2), text="my text", analyzers=["readability"]).compute()
    assert list(unnamed["id"]) == ["10", "11", "12"]
