"""Small inputs that used to crash with a builtin error now get a FramingError with a code."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.errors import FramingError, InputTypeError, InputValueError
from framing.profile import ArticleProfile

GOOD = {"schema_version": 1, "article": {"id": "a"}, "pipeline": {}, "error": None, "readability": {"flesch_reading_ease": 50.0}}


def test_sentiment_toward_unpaired_surrogate_is_e004_like_analyze(blank_nlp):
    with pytest.raises(InputValueError, match="E004"):
        framing.sentiment_toward("a\ud800b", 0, 1, nlp=blank_nlp)
    with pytest.raises(InputValueError, match="E004"):
        framing.sentiment_toward_many([("a\ud800b", [(0, 1)])], nlp=blank_nlp)
    with pytest.raises(InputValueError, match="E004"):
        framing.analyze("a\ud800b", nlp=blank_nlp, analyzers=["readability"])


@pytest.mark.parametrize("targets", [5, [3], [(0,)], [(0, 1, 2)], None])
def test_sentiment_toward_many_bad_targets(targets, blank_nlp):
    with pytest.raises(InputTypeError, match="E104"):
        framing.sentiment_toward_many([("abc", targets)], nlp=blank_nlp)


@pytest.mark.parametrize(
    ("field", "value"),
    [("article", "x"), ("article", [1, 2]), ("pipeline", "x"), ("pipeline", 3), ("error", 5), ("article", {"id": 7})],
)
def test_profile_from_dict_names_the_bad_field(field, value):
    data = dict(GOOD)
    data[field] = value
    with pytest.raises(InputValueError, match=rf"E140.*'{'id' if value == {'id': 7} else field}'"):
        ArticleProfile.from_dict(data)


@pytest.mark.parametrize("section", [math.nan, "text", 3, [1, 2], True])
def test_features_treats_a_non_mapping_section_as_missing(section):
    profile = ArticleProfile.from_dict(GOOD | {"readability": section, "custom": section})
    assert profile.features() == {}


def test_features_non_number_values_are_undefined():
    profile = ArticleProfile.from_dict(GOOD | {"readability": {"flesch_reading_ease": "abc", "smog_index": [1]}})
    features = profile.features()
    assert math.isnan(features["readability__flesch_reading_ease"]) and math.isnan(features["readability__smog_index"])


json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5)
json_values = st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(
    st.fixed_dictionaries(
        {"article": st.dictionaries(st.sampled_from(["id", "outlet", "n_words"]), json_values) | json_values,
         "pipeline": st.dictionaries(st.text(max_size=3), json_values) | json_values},
        optional={"schema_version": st.just(1) | json_values, "error": st.none() | json_values},
    ),
    st.dictionaries(
        st.sampled_from(["readability", "actors", "attribution", "sentiment", "terminology", "x"]),
        json_values | st.dictionaries(st.sampled_from(["items", "metrics", "flesch_reading_ease", "n"]), json_values),
    ),
)
def test_any_json_profile_reads_back_or_raises_a_framing_error(top, sections):
    try:
        profile = ArticleProfile.from_dict(top | sections)
    except FramingError:
        return
    features = profile.features()
    assert all(isinstance(v, float) for v in features.values())
    assert ArticleProfile.from_json(profile.to_json()).to_dict() == profile.to_dict()


def test_wrong_types_get_framing_errors(tmp_path):
    from framing.actors import ActorCatalog

    catalog = ActorCatalog.from_dict({"actor": [{"id": "a", "name": "Alpha"}]})
    cases = [
        (lambda: catalog.lookup(None), "E133"),
        (lambda: ActorCatalog.load(5), "E133"),
        (lambda: framing.read_text(123), "E124"),
        (lambda: list(framing.read_path(None)), "E124"),
        (lambda: list(framing.read_texts(5)), "E124"),
        (lambda: ArticleProfile.from_json(None), "E141"),
        (lambda: framing.sentiment_toward("abc def", 0, 3, nlp=5), "E143"),
        (lambda: framing.sentiment_toward_many([("abc def", [(0, 3)])], nlp=object()), "E143"),
    ]
    for call, code in cases:
        with pytest.raises(InputTypeError, match=code):
            call()
    for bad in ("nope", b"\xff", "[" * 100_000):
        with pytest.raises(InputValueError, match="E141"):
            ArticleProfile.from_json(bad)


def test_sentiment_toward_takes_a_pipeline_name():
    result = framing.sentiment_toward("Rebels shelled the port.", 0, 6, nlp="blank:en", backend="vader")
    assert result.label in ("positive", "negative", "neutral")
