"""Cost grows linearly with text length: one article of ~1k, ~10k and ~50k words."""

from __future__ import annotations

import pytest

import framing


@pytest.fixture(scope="module")
def long_texts():
    from conftest import load_articles

    pool = " ".join(a["text"] for a in load_articles(120))
    words = pool.split()
    framing.analyze(" ".join(words[1000:1300]))  # load the lexicons and the sentiment model first
    return {n: " ".join(words[:n]) for n in (1_000, 10_000, 50_000)}


@pytest.mark.benchmark(group="scaling")
@pytest.mark.parametrize("n", [1_000, 10_000, 50_000])
def test_scaling(benchmark, nlp, long_texts, n):
    text = long_texts[n]
    profile = benchmark.pedantic(lambda: framing.analyze(text, nlp=nlp), rounds=1, iterations=1, warmup_rounds=0)
    # (one round each: the 50k-word article alone takes about half a minute)
    benchmark.extra_info["words"] = n
    assert profile.error is None
