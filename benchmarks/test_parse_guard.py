"""The parse guard (framing/segment.py) beside the bare parse (pytest-benchmark).

    python -m pytest benchmarks/test_parse_guard.py -q --benchmark-enable --benchmark-json=guard.json
    python benchmarks/report.py guard.json

- ``pathological``: texts that tie up spaCy's tokenizer (4,000 characters of ``!`` and ``?``,
  of nested parentheses, of ``:)``), bare ``nlp(text)`` against :func:`framing.segment.parse`.
  This machine is shared: ``--benchmark-timer=time.process_time`` times the CPU used.
- ``ordinary``: 40 AllSides articles, ``nlp(text)`` against ``segment.parse`` (which parses
  them exactly as ``nlp`` does; the difference is the check for long runs), and the pipeline
  without and with the ``framing_line_breaks`` component.
"""

from __future__ import annotations

import itertools
import random

import pytest

from framing import segment

ROUNDS = 3
N = 4000


def _bang(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice("!?") for _ in range(n))


#: Each round gets a text of its own: spaCy caches the tokens of every whitespace-free run
#: it has seen, so a repeated text would time the cache.
PATHOLOGICAL = {
    "bang": _bang,
    "parens": lambda n, seed: "(" * (n // 2 + seed) + ")" * (n // 2 - seed),
    "smileys": lambda n, seed: ":)" * (n // 2 - seed) + ":(" * seed,
}


def run(benchmark, fn, setup=None, **info):
    out = benchmark.pedantic(fn, setup=setup, rounds=ROUNDS, iterations=1, warmup_rounds=0)
    benchmark.extra_info.update(info)
    return out


def _fresh(shape: str, offset: int):
    seeds = itertools.count(offset)
    return lambda: ((PATHOLOGICAL[shape](N, next(seeds)),), {})


@pytest.mark.benchmark(group="guard-pathological")
@pytest.mark.parametrize("shape", sorted(PATHOLOGICAL))
def test_pathological_bare(benchmark, nlp, shape):
    with nlp.select_pipes(disable=[segment.COMPONENT]):
        run(benchmark, nlp, setup=_fresh(shape, 1), chars=N)


@pytest.mark.benchmark(group="guard-pathological")
@pytest.mark.parametrize("shape", sorted(PATHOLOGICAL))
def test_pathological_guarded(benchmark, nlp, shape):
    doc = run(benchmark, lambda text: segment.parse(nlp, text), setup=_fresh(shape, 101), chars=N)
    assert len(doc.text) == N


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
