"""compare(), Comparison outputs, ProfileVectorizer and to_frame."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest
from sklearn.base import clone

import framing
from framing.errors import InputTypeError, InputValueError, NotFittedError

A = ("Retired Major General Khalifa Hifter met Fayez al-Sarraj in Cairo. Hifter forces later bombed the port, "
     "killing three civilians, a medical source said.")
B = ("Marshal Khalifa Haftar met Faiz Saraj in Moscow. The Russian Defense Ministry said the talks were useful. "
     "\"We support a settlement,\" the ministry said.")
C = "Officials in Tripoli said the talks would resume. Haftar did not comment."


@pytest.fixture(scope="module")
def profiles(nlp):
    return [
        framing.analyze(A, id="a", outlet="wire", nlp=nlp, analyzers=["readability", "actors", "terminology"]),
        framing.analyze(B, id="b", outlet="ministry", nlp=nlp, analyzers=["readability", "actors", "terminology"]),
        framing.analyze(C, id="c", outlet="wire", nlp=nlp, analyzers=["readability", "actors", "terminology"]),
    ]


def test_compare_aligns_and_keeps_order(profiles):
    comparison = framing.compare(profiles)
    d = comparison.to_dict()
    assert d["articles"] == ["a", "b", "c"]
    haftar = next(a for a in d["actors"] if "a" in a["articles"] and "Hifter" in a["articles"]["a"]["names"])
    assert set(haftar["articles"]) == {"a", "b", "c"}
    assert haftar["articles"]["b"]["names"] == {"Khalifa Haftar": 1}
    assert "Marshal" in haftar["articles"]["b"]["labels"]
    for span in haftar["articles"]["a"]["mentions"]:
        assert A[span["start"]:span["end"]] == span["text"]
    assert set(d["metrics"]) == {"a", "b", "c"}
    json.dumps(d)  # JSON-able


def test_compare_by_outlet_pools_articles(profiles):
    d = framing.compare(profiles, by="outlet").to_dict()
    assert d["units"] == ["wire", "ministry"]
    haftar = next(a for a in d["actors"] if "wire" in a["articles"] and "Hifter" in a["articles"]["wire"]["names"])
    mentions = haftar["articles"]["wire"]["mentions"]
    assert {m["article"] for m in mentions} == {"a", "c"}


def test_distances_name_their_drivers(profiles):
    pairs = framing.compare(profiles).distances["pairs"]
    assert [(p["a"], p["b"]) for p in pairs] == [("a", "b"), ("a", "c"), ("b", "c")]
    for p in pairs:
        assert p["distance"] is None or p["distance"] >= 0
        assert all("feature" in d for d in p["drivers"])


def test_renderings(profiles, tmp_path):
    comparison = framing.compare(profiles)
    md = comparison.to_markdown()
    assert "## Actors" in md and "Readability" in md
    path = tmp_path / "report.html"
    html = comparison.to_html(path)
    assert path.read_text(encoding="utf-8") == html
    assert "<svg" in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "<script" not in html
    frame = comparison.to_frame()
    assert list(frame.columns) == ["unit", "section", "metric", "value"]
    assert set(frame["unit"]) == {"a", "b", "c"}
    assert not comparison.to_frame("actors").empty
    with pytest.raises(InputValueError, match="E084"):
        comparison.to_frame("nope")


def test_compare_bad_input(profiles):
    with pytest.raises(InputValueError, match="E082"):
        framing.compare([])
    with pytest.raises(InputTypeError):
        framing.compare(profiles[0])
    with pytest.raises(InputTypeError):
        framing.compare(["text"])
    with pytest.raises(InputValueError, match="E083"):
        framing.compare([profiles[0], profiles[0]])
    with pytest.raises(InputValueError, match="E081"):
        framing.compare(profiles, by="year")


def test_compare_accepts_dicts_and_error_profiles(profiles, nlp):
    bad = next(framing.analyze_many([None], nlp=nlp, analyzers=["readability"]))
    bad = framing.ArticleProfile.from_dict(dict(bad.to_dict(), article=dict(bad.article, id="bad")))
    d = framing.compare([p.to_dict() for p in profiles] + [bad]).to_dict()
    assert d["articles"] == ["a", "b", "c", "bad"]
    assert "bad" in d["errors"]


def test_profile_vectorizer(profiles):
    vec = framing.ProfileVectorizer()
    X = vec.fit_transform(profiles)
    names = vec.get_feature_names_out().tolist()
    assert names == sorted(names) and X.shape == (3, len(names))
    assert np.allclose(X[0, names.index("readability__flesch_reading_ease")],
                       profiles[0]["readability"]["flesch_reading_ease"])
    # unseen features are ignored; missing ones are NaN
    X2 = vec.transform([{"new__feature": 1.0}])
    assert X2.shape == (1, len(names)) and np.isnan(X2).all()
    only = framing.ProfileVectorizer(include=["readability"]).fit(profiles)
    assert all(n.startswith("readability__") for n in only.feature_names_)
    assert clone(vec).get_params() == vec.get_params()
    again = pickle.loads(pickle.dumps(vec))
    assert np.array_equal(again.transform(profiles), X, equal_nan=True)
    with pytest.raises(NotFittedError):
        framing.ProfileVectorizer().transform(profiles)


def test_vectorizer_in_a_pipeline(profiles):
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    pipe = make_pipeline(framing.ProfileVectorizer(), SimpleImputer(keep_empty_features=True), StandardScaler())
    assert pipe.fit_transform(profiles).shape[0] == 3


def test_to_frame(profiles):
    frame = framing.to_frame(profiles)
    assert list(frame["id"]) == ["a", "b", "c"]
    assert list(frame.columns[:4]) == ["id", "outlet", "title", "error"]
    features = list(frame.columns[4:])
    assert features == sorted(features)


def test_sources_count_one_actor_under_all_its_forms(nlp):
    texts = [
        ("Libyan Prime Minister Fayez al-Sarraj said the talks failed. Al-Sarraj told reporters he would not return. "
         "A source said the port was shelled."),
        "Prime Minister Fayez al-Sarraj said on Monday that the truce held. Officials said nothing.",
    ]
    profiles = [framing.analyze(t, id=str(i), outlet="wire", nlp=nlp) for i, t in enumerate(texts)]
    rows = framing.compare(profiles, by="outlet").sources("wire")
    sarraj = [r for r in rows if "Sarraj" in r["source"]]
    assert len(sarraj) == 1, rows
    (row,) = sarraj
    assert row["n"] == 3 and row["actor"] is not None and row["source_type"] == "person"
    assert sum(row["forms"].values()) == 3 and "Al-Sarraj" in row["forms"]
    assert sum(row["kinds"].values()) == 3
    anonymous = [r for r in rows if r["source_type"] == "anonymous"]
    assert anonymous and all(r["actor"] is None for r in anonymous)
    assert [r["n"] for r in rows] == sorted((r["n"] for r in rows), reverse=True)
