"""ArticleProfile: JSON round trips, NaN handling, features."""

from __future__ import annotations

import json
import math

import pytest

from framing import ArticleProfile
from framing.errors import InputTypeError, InputValueError
from framing.profile import jsonable


def _profile() -> ArticleProfile:
    return ArticleProfile(
        article={"id": "a", "outlet": "X", "title": None, "n_words": 10, "n_sentences": 2},
        pipeline={"framing_version": "0", "spacy_model": "m", "analyzers": {"readability": "1"}},
        sections={"readability": {"flesch_reading_ease": math.nan, "n_words": 10}, "custom": {"metrics": {"a": {"b": 1}}, "x": "text"}},
    )


def test_to_dict_has_contract_keys_and_nan_is_null():
    d = _profile().to_dict()
    assert d["schema_version"] == 1
    assert list(d)[:4] == ["schema_version", "article", "pipeline", "error"]
    assert d["readability"]["flesch_reading_ease"] is None
    json.dumps(d, allow_nan=False)


def test_round_trip_is_exact():
    d = _profile().to_dict()
    again = ArticleProfile.from_dict(json.loads(json.dumps(d))).to_dict()
    assert again == d


def test_access_by_key_and_attribute():
    p = _profile()
    assert p["readability"] is p.readability
    assert p["article"]["id"] == "a" and p.id == "a" and p.outlet == "X"
    with pytest.raises(KeyError, match="sections"):
        p["nothing"]
    with pytest.raises(AttributeError):
        _ = p.nothing


def test_features_sorted_and_nan_for_undefined():
    f = _profile().features()
    assert list(f) == sorted(f)
    assert math.isnan(f["readability__flesch_reading_ease"])
    assert f["custom__a__b"] == 1.0
    assert "custom__x" not in f  # strings are not features
    assert f["article__n_words"] == 10.0


def test_from_dict_errors():
    with pytest.raises(InputTypeError):
        ArticleProfile.from_dict([1, 2])
    with pytest.raises(InputValueError, match="missing"):
        ArticleProfile.from_dict({"article": {}})
    with pytest.raises(InputValueError, match="schema_version"):
        ArticleProfile.from_dict({"article": {}, "pipeline": {}, "schema_version": 99})


def test_jsonable_converts_numpy_and_rejects_objects():
    np = pytest.importorskip("numpy")
    assert jsonable({"a": np.float64(1.5), "b": np.array([1, 2]), "c": (1, float("inf"))}) == {
        "a": 1.5,
        "b": [1, 2],
        "c": [1, None],
    }
    with pytest.raises(InputTypeError):
        jsonable({"a": object()})
