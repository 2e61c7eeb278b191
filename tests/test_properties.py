"""Hypothesis properties: any text gives a profile; profiles round-trip through JSON."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing import ArticleProfile

_texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
_newsy = st.lists(
    st.sampled_from(["Haftar", "GNA", "said", '"', "“", "”", "according to", "the", "forces",
                     "bombed", "port", ".", ",", "\n\n", "Mr.", "al-Sarraj", "(LNA)", "Reuters"]),
    max_size=60,
).map(" ".join)
_settings = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(profile: ArticleProfile, text: str) -> None:
    d = profile.to_dict()
    again = ArticleProfile.from_dict(json.loads(json.dumps(d, allow_nan=False)))
    assert again.to_dict() == d
    feats = profile.features()
    assert list(feats) == sorted(feats)
    assert all(isinstance(v, float) for v in feats.values())

    def walk(node):  # every span points into the original text
        if isinstance(node, dict):
            if {"start", "end", "text"} <= set(node) and isinstance(node["start"], int):
                assert text[node["start"] : node["end"]] == node["text"]
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(d)


@_settings
@given(text=_texts)
def test_any_text_blank_pipeline(blank_nlp, text):
    profile = framing.analyze(text, nlp=blank_nlp)
    assert profile.error is None
    _check(profile, text)


@_settings
@given(text=st.one_of(_texts, _newsy))
def test_any_text_trained_pipeline(nlp, text):
    profile = framing.analyze(text, nlp=nlp)
    assert profile.error is None, profile.error
    _check(profile, text)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(st.one_of(_texts, st.none(), st.binary(max_size=5), st.integers()), max_size=8))
def test_batches_never_lose_or_reorder(blank_nlp, items):
    profiles = list(framing.analyze_many(items, nlp=blank_nlp, analyzers=["readability"], batch_size=3))
    assert [p.id for p in profiles] == [str(i) for i in range(len(items))]
    for item, p in zip(items, profiles):
        assert (p.error is None) == isinstance(item, str)


def test_features_keys_stable(blank_nlp):
    a = framing.analyze("One text. With two sentences.", nlp=blank_nlp).features()
    b = framing.analyze("Completely different words here", nlp=blank_nlp).features()
    assert list(a) == list(b)
