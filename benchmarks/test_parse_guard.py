"""The parse guard (framing/segment.py) beside the bare parse (pytest-benchmark).

    python -m pytest benchmarks/test_parse_guard.py -q --benchmark-enable --benchmark-json=guard.json
    python benchmarks/report.py guard.json

- ``pathological``: texts that tie up spaCy's tokenizer (4,000 characters of ``!``, of nested
  parentheses, of ``:)``), bare ``nlp(text)`` against :func:`framing.segment.parse`.
- ``ordinary``: 40 AllSides articles, ``nlp(text)`` against ``segment.parse`` (which parses
  them exactly as ``nlp`` does; the difference is the check for long runs), and the pipeline
  without and with the ``framing_line_breaks`` component.
"""

from __future__ import annotations

import pytest

from framing import segment

ROUNDS = 3
N = 4000
PATHOLOGICAL = {"bang": "!" * N, "parens": "(" * (N // 2) + ")" * (N // 2), "smileys": ":)" * (N // 2)}


def run(benchmark, fn, **info):
    out = benchmark.pedantic(fn, rounds=ROUNDS, iterations=1, warmup_rounds=0)
    benchmark.extra_info.update(info)
    return out


@pytest.mark.benchmark(group="guard-pathological")
@pytest.mark.parametrize("shape", sorted(PATHOLOGICAL))
def test_pathological_bare(benchmark, nlp, shape):
    with nlp.select_pipes(disable=[segment.COMPONENT]):
        run(benchmark, lambda: nlp(PATHOLOGICAL[shape]), chars=N)


@pytest.mark.benchmark(group="guard-pathological")
@pytest.mark.parametrize("shape", sorted(PATHOLOGICAL))
def test_pathological_guarded(benchmark, nlp, shape):
    doc = run(benchmark, lambda: segment.parse(nlp, PATHOLOGICAL[shape]), chars=N)
    assert doc.text == PATHOLOGICAL[shape]


@pytest.mark.benchmark(group="guard-ordinary")
def test_ordinary_bare(benchmark, nlp, texts, n_words):
    with nlp.select_pipes(disable=[segment.COMPONENT]):
        run(benchmark, lambda: [nlp(t) for t in texts], words=n_words)


@pytest.mark.benchmark(group="guard-ordinary")
def test_ordinary_line_breaks(benchmark, nlp, texts, n_words):
    run(benchmark, lambda: [nlp(t) for t in texts], words=n_words)


@pytest.mark.benchmark(group="guard-ordinary")
def test_ordinary_guarded(benchmark, nlp, texts, n_words):
    docs = run(benchmark, lambda: [segment.parse(nlp, t) for t in texts], words=n_words)
    assert [d.text for d in docs] == texts
