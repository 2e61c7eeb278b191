"""Compare two outlets' coverage of one event: the Moscow meeting of February 2020.

Reads the two seed articles from ``../shared/seeds`` (beside this repository) when they
are there, else the two short example articles shipped in ``examples/data``. Prints, side
by side: the names and labels each article gives each actor (the narrator's apart from
quoted ones), who is quoted and how, sentiment toward each actor, and readability. Writes
an HTML report next to the working directory.

    python examples/compare_libya.py [--seeds DIR] [--html report.html]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import framing
from framing.report import attributed_roles_text

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"
FALLBACK = HERE / "data"
CATALOG = HERE / "catalogs" / "libya.toml"
#: Who published each article (the seed texts do not all say it; see the seeds' README).
OUTLETS = {"000": "Arabic outlet (translated)", "003": "Fort Russ",
           "libya_agency": "Example Wire", "libya_ministry": "Example Ministry"}


def load_articles(seeds: Path) -> list[framing.Article]:
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if len(files) >= 2:
        print(f"Reading the seed articles in {seeds}")
    else:
        files = sorted(FALLBACK.glob("*.txt"))
        print(f"No seed articles in {seeds}; using the example articles in {FALLBACK}")
    ids = [f.stem.split("_")[0] if f.stem[:3].isdigit() else f.stem for f in files]
    return [framing.read_text(f, id=i, outlet=OUTLETS.get(i)) for f, i in zip(files, ids)]


def show_differences(comparison: framing.Comparison) -> None:
    print("\n== Key differences ==")
    for d in comparison.differences:
        print(f"- {d['summary']}")


def show_terms(comparison: framing.Comparison, top: int = 8) -> None:
    units = comparison.units
    print("\n== Who is named how (the article's labels; [reported and quoted labels]) ==")
    people = [a for a in comparison.actors if a["type"] not in ("place", "country")][:top]
    width = max(len(comparison.label(u)) for u in units)
    for actor in people:
        print(f"\n{actor['name']} ({actor['type']})")
        for unit in units:
            s = actor["articles"].get(unit)
            if s is None:
                print(f"  {comparison.label(unit):>{width}}: not mentioned")
                continue
            names = ", ".join(s["names"]) or "-"
            labels = ", ".join(s["narrator_labels"])
            quoted = ", ".join(list(s["reported_labels"]) + list(s["quoted_labels"]))
            line = f"  {comparison.label(unit):>{width}}: {names}"
            if labels:
                line += f" | labels: {labels}"
            if quoted:
                line += f" | [{quoted}]"
            print(line)
            roles = s["roles"]
            if roles["agent"] or roles["patient"]:
                print(f"  {'':>{width}}  does: {', '.join(roles['agent']) or '-'}; undergoes: {', '.join(roles['patient']) or '-'}")
            for claim in attributed_roles_text(s["attributed_roles"]):  # what a source, not the outlet, says
                print(f"  {'':>{width}}  {claim}")


def show_attribution(comparison: framing.Comparison) -> None:
    print("\n== Who is quoted, and how ==")
    for unit in comparison.units:
        mix = comparison.attribution_mix(unit)
        m = comparison.metrics[unit]
        share = m.get("attribution__share_words_attributed")
        anon = m.get("attribution__anonymous_share")
        print(f"\n{comparison.label(unit)}: {sum(mix.values())} attributions {mix}")
        print(f"  share of words in attributed content: {share:.0%}" if share is not None else "  share of words: n/a")
        print(f"  anonymous share: {anon:.0%}" if anon is not None else "  anonymous share: n/a")
        for src in comparison.sources(unit, top=6):
            print(f"  - {src['source']} ({src['source_type']}): {src['n']} {src['kinds']}")


def show_sentiment(comparison: framing.Comparison, top: int = 8) -> None:
    print("\n== Sentiment toward actors (mean per mention, -1 ... +1) ==")
    units = comparison.units
    print(f"{'actor':<32}" + "".join(f"{comparison.label(u)[:15]:>16}" for u in units))
    for actor in comparison.actors[: top * 2]:
        cells = []
        for unit in units:
            sent = (actor["articles"].get(unit) or {}).get("sentiment")
            cells.append(f"{sent['score']:+.2f} (n={sent['n']})" if sent else "-")
        if any(c != "-" for c in cells):
            print(f"{actor['name'][:31]:<32}" + "".join(f"{c:>16}" for c in cells))


def show_readability(comparison: framing.Comparison) -> None:
    print("\n== Readability ==")
    units = comparison.units
    print(f"{'formula':<32}" + "".join(f"{comparison.label(u)[:15]:>16}" for u in units))
    for key in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score"):
        vals = [comparison.metrics[u].get(f"readability__{key}") for u in units]
        print(f"{key:<32}" + "".join(f"{v:>16.1f}" if v is not None else f"{'-':>16}" for v in vals))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder with the articles (default: ../shared/seeds)")
    parser.add_argument("--html", type=Path, default=Path("libya_report.html"), help="where to write the HTML report")
    args = parser.parse_args(argv)

    articles = load_articles(args.seeds)
    catalog = framing.ActorCatalog.load(CATALOG)
    profiles = list(framing.analyze_many(articles, catalog=catalog))
    for p in profiles:
        if p.error:
            print(f"could not analyze {p.id}: {p.error}", file=sys.stderr)
    comparison = framing.compare(profiles, catalog=catalog)
    show_differences(comparison)
    show_terms(comparison)
    show_attribution(comparison)
    show_sentiment(comparison)
    show_readability(comparison)
    comparison.to_html(args.html, title="Two outlets, one meeting: Moscow, February 2020")
    print(f"\nHTML report: {args.html.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
