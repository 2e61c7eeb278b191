"""The contract on real text: the seed articles and 40 AllSides articles mixed with bad input."""

from __future__ import annotations

import itertools
import json

import pytest

import framing
from framing import ArticleProfile

from conftest import data_file

pytestmark = pytest.mark.model

REQUIRED = {
    "readability": ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score"),
    "actors": ("items",),
    "terminology": ("actors",),
    "attribution": ("metrics", "items"),
    "sentiment": ("actors",),
}


def _spans_ok(node, text):
    if isinstance(node, dict):
        if {"start", "end", "text"} <= set(node) and isinstance(node.get("start"), int):
            assert text[node["start"] : node["end"]] == node["text"], node
        for v in node.values():
            _spans_ok(v, text)
    elif isinstance(node, list):
        for v in node:
            _spans_ok(v, text)


def _check_contract(profile: ArticleProfile, text: str) -> None:
    d = profile.to_dict()
    assert d["schema_version"] == 1 and d["error"] is None
    assert set(d["article"]) >= {"id", "outlet", "title", "n_words", "n_sentences"}
    assert set(d["pipeline"]) >= {"framing_version", "spacy_model", "analyzers"}
    for section, keys in REQUIRED.items():
        assert section in d, section
        assert set(keys) <= set(d[section]), (section, set(d[section]))
    for item in d["actors"]["items"]:
        assert {"id", "name", "type", "mentions"} <= set(item)
    for item in d["attribution"]["items"]:
        assert {"kind", "cue", "source", "content", "source_type", "actor"} <= set(item)
    _spans_ok(d, text)
    json.dumps(d, allow_nan=False)
    assert ArticleProfile.from_dict(json.loads(json.dumps(d))).to_dict() == d


def test_seeds_contract(nlp, seeds):
    for name, text in seeds.items():
        profile = framing.analyze(text, id=name, nlp=nlp)
        _check_contract(profile, text)
        assert profile.article["n_words"] > 250


@pytest.mark.slow
def test_allsides_mixed_with_bad_input(nlp):
    path = data_file("allsides", "sample.jsonl")
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in itertools.islice(handle, 40)]
    bad = [None, b"bytes", "", "   ", 17, {"title": "no text"}, "\x00\x01 control", "<p>html <b>fragment</b></p>"]
    items: list = []
    for i, row in enumerate(rows):
        items.append({"text": row["text"], "id": row["id"], "outlet": row["outlet"], "title": row["title"]})
        if i % 5 == 0 and bad:
            items.append(bad.pop())
    items.extend(bad)
    profiles = list(framing.analyze_many(items, nlp=nlp, batch_size=8))
    assert len(profiles) == len(items)
    for i, (item, profile) in enumerate(zip(items, profiles)):
        expected_id = item["id"] if isinstance(item, dict) and "id" in item else str(i)
        assert profile.id == expected_id
        text = item.get("text") if isinstance(item, dict) else item
        if isinstance(text, str):
            assert profile.error is None, profile.error
            _check_contract(profile, text)
        else:
            assert profile.error
