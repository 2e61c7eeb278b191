"""Speed of the comparison's emphasis-and-coverage layer (issue 21), pytest-benchmark.

    python -m pytest benchmarks/test_compare_speed.py --benchmark-enable -p no:cacheprovider --benchmark-json=cmp.json
    python benchmarks/report.py cmp.json

- ``test_coverage_layer_10``: for 10 AllSides articles, the time the layer adds to a
  comparison (passages, coverage, distinctive terms, shared quotations) against the time
  to analyse the 10 articles, both timed in each round (goal: at most 5%).
- ``test_compare_100``: ``framing.compare`` of 100 profiles and its ``to_dict()``,
  everything included (goal: at most 10 s).

Both run after the articles were analysed in the same process (scikit-learn is then
loaded, as it is for anyone comparing what they just analysed); the first round of each
also pays the one-time loads (wordfreq's table, about 1 s) and is reported apart.
"""

from __future__ import annotations

import statistics
import time

import pytest

import framing

from conftest import load_articles

ROUNDS = 3


def _layer(profiles: list) -> float:
    comparison = framing.compare(profiles)
    t0 = time.perf_counter()
    _ = comparison.passages, comparison.coverage, comparison.distinctive_terms, comparison.shared_quotes
    return time.perf_counter() - t0


@pytest.fixture(scope="module")
def engine(nlp):
    return framing.Engine(nlp)


@pytest.mark.benchmark(group="compare")
def test_coverage_layer_10(benchmark, engine, articles):
    ten = articles[:10]
    times: dict[str, list[float]] = {"analyze": [], "layer": []}

    def both() -> None:
        t0 = time.perf_counter()
        profiles = list(engine.analyze_many(ten, batch_size=16))
        times["analyze"].append(time.perf_counter() - t0)
        times["layer"].append(_layer(profiles))

    benchmark.pedantic(both, rounds=ROUNDS, iterations=1, warmup_rounds=0)
    shares = [lay / ana for ana, lay in zip(times["analyze"], times["layer"])]
    benchmark.extra_info.update(
        first_round_share=shares[0], median_share=statistics.median(shares[1:]),
        rounds_analyze=times["analyze"], rounds_layer=times["layer"],
    )


@pytest.mark.benchmark(group="compare")
def test_compare_100(benchmark, engine):
    profiles = list(engine.analyze_many(load_articles(100), batch_size=16))
    times: list[float] = []

    def go() -> None:
        t0 = time.perf_counter()
        framing.compare(profiles).to_dict()
        times.append(time.perf_counter() - t0)

    benchmark.pedantic(go, rounds=ROUNDS, iterations=1, warmup_rounds=0)
    benchmark.extra_info.update(first_round=times[0], rounds=times)
