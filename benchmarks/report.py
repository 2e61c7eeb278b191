"""Print the ratios behind the speed goals from a pytest-benchmark JSON file.

    python -m pytest benchmarks --benchmark-enable --benchmark-json=bench.json && python benchmarks/report.py bench.json

Medians, not means: this machine is noisy. Interleaved ratios are the median of per-round
ratios (each round runs both sides back to back), with their range.
"""

from __future__ import annotations

import json
import statistics
import sys


def paired(info: dict, a: str, b: str) -> str:
    """Median over rounds of (time of ``a`` / time of ``b``) in the same round, and the
    range; falls back to the ratio of medians for files without per-round times."""
    ra, rb = info.get(f"rounds_{a}"), info.get(f"rounds_{b}")
    if ra and rb:
        ratios = [x / y for x, y in zip(ra, rb)]
        return f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})"
    return f"{info[f'median_{a}'] / info[f'median_{b}']:.2f}x"


def main(path: str) -> int:
    data = json.loads(open(path, encoding="utf-8").read())
    med = {}
    info = {}
    for b in data["benchmarks"]:
        med[b["name"]] = b["stats"]["median"]
        info[b["name"]] = b.get("extra_info", {})

    def get(name):
        return med.get(name)

    def line(label, value, goal=""):
        print(f"  {label:<58} {value:>8}  {goal}")

    parse = get("test_bare_parse")
    print(f"machine: {data['machine_info'].get('cpu', {}).get('brand_raw', '?')}, {data['machine_info'].get('cpu', {}).get('count', '?')} cores")
    if parse:
        words = info["test_bare_parse"].get("words")
        print(f"\nPipeline on {words} words of 40 AllSides articles (median seconds: parse {parse:.2f})")
        full = get("test_framing_all_analyzers")
        if full:
            line("full profile / bare parse (time)", f"{full / parse:.2f}x", "goal <= 1.25x (parse/framing >= 0.80)")
            line("words per second, bare parse / framing", f"{words / parse:,.0f} / {words / full:,.0f}")
        naive = get("test_naive_composition")
        if naive:
            line("hand-made spaCy + VADER/sentence + textstat / bare parse", f"{naive / parse:.2f}x")
        for name in ("readability", "actors", "attribution", "terminology", "sentiment", "passages"):
            cost = get(f"test_analyzer_cost[{name}]")
            if cost is not None:
                goal = {"attribution": "goal <= 0.15", "terminology": "actors+terminology <= 0.10"}.get(name, "")
                line(f"analyzer {name} / bare parse", f"{cost / parse:.3f}", goal)
        a, t = get("test_analyzer_cost[actors]"), get("test_analyzer_cost[terminology]")
        if a and t:
            line("actors + terminology / bare parse", f"{(a + t) / parse:.3f}", "goal <= 0.10")
    both = info.get("test_interleaved_parse_and_profile", {})
    if "median_parse" in both:
        line("full profile / bare parse, interleaved rounds", paired(both, "framing", "parse"), "goal <= 1.25x")
    presets = info.get("test_interleaved_presets", {})
    if "median_fast" in presets:
        line("preset fast speed-up over default, interleaved rounds", paired(presets, "default", "fast"),
             "goal >= 2.5x")
    alone = info.get("test_interleaved_readability_alone", {})
    if "median_light" in alone:
        line("readability alone: speed-up without the parse, interleaved", paired(alone, "parsed", "light"),
             "goal >= 20x")
    procs = info.get("test_n_process", {})
    if "median_2" in procs:
        line("n_process=2 speed-up over 1, interleaved (120 articles)", paired(procs, "1", "2"), "goal >= 1.6x")
    s = get("test_sentiment_batch_api")
    if s:
        n = info["test_sentiment_batch_api"].get("mentions")
        line("sentiment batch API, mentions per second (parse excluded)", f"{n / s:,.0f}", "goal >= 1,000")
    layer = info.get("test_coverage_layer_10", {})
    if "median_share" in layer:
        line("coverage layer / analysis of 10 articles (later rounds)", f"{layer['median_share']:.3f}", "goal <= 0.05")
        line("coverage layer / analysis of 10 articles (first round)", f"{layer['first_round_share']:.3f}")
    hundred = info.get("test_compare_100", {})
    if "rounds" in hundred:
        line("compare 100 profiles + to_dict, seconds (median; first)",
             f"{statistics.median(hundred['rounds']):.1f}; {hundred['first_round']:.1f}", "goal <= 10 s")
    guard = [(s, get(f"test_pathological_bare[{s}]"), get(f"test_pathological_guarded[{s}]"))
             for s in ("bang", "parens", "smileys")]
    if any(b and g for _, b, g in guard):
        print("\nParse guard (framing/segment.py), 4,000-character pathological texts: median seconds")
        for shape, bare, guarded in guard:
            if bare and guarded:
                line(f"{shape}: bare nlp(text) {bare:.2f}s / guarded {guarded:.2f}s", f"{bare / guarded:.1f}x")
    plain, breaks, guarded = (get(f"test_ordinary_{k}") for k in ("bare", "line_breaks", "guarded"))
    if plain and breaks and guarded:
        line("40 articles: nlp(text) with / without framing_line_breaks", f"{breaks / plain:.3f}x")
        line("40 articles: segment.parse / nlp(text) (same Docs)", f"{guarded / breaks:.3f}x")
    scal = {n: get(f"test_scaling[{n}]") for n in (1000, 10000, 50000)}
    if all(scal.values()):
        print("\nScaling (one article): seconds per 1,000 words")
        for n, v in scal.items():
            line(f"{n:,} words", f"{1000 * v / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "bench.json"))
