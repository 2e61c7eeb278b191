"""List only-here passages per NewsWCL50 event, to check by reading (issue 21).

    python benchmarks/list_only_here.py [--data ../shared/data/newswcl50/events_0-4.jsonl]
        [--per-event 20] [--seed 0] [--profiles /tmp/wcl_profiles.json] [--context [N]]

Each event's five articles (one per outlet) are compared; from all their only-here passages
(today's rule, :data:`framing.coverage.ONLY_HERE_BELOW`, or ``--only-below``)
``--per-event`` are drawn at random (fixed seed) and printed with the article and their best
cosine; ``--context`` adds, under each, the N closest sentences of each of the other four
articles (however low their cosine), so a reader can judge whether the passage truly has
no counterpart. ``--profiles`` caches the analysed profiles.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import framing
from framing.coverage import ONLY_HERE_BELOW, comparison_passages, coverage

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "newswcl50" / "events_0-4.jsonl"


def load_profiles(data: Path, cache: Path | None) -> list[dict]:
    if cache is not None and cache.is_file():
        return json.loads(cache.read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [{"text": r["text"], "id": r["doc_id"], "outlet": r["outlet"]} for r in rows]
    profiles = [p.to_dict() for p in framing.analyze_many(articles)]
    if cache is not None:
        cache.write_text(json.dumps(profiles), encoding="utf-8")
    return profiles


def closest(passages: list, per_article: int = 2) -> dict:
    """(article, start) -> [(cosine, passage)]: the ``per_article`` closest sentences of
    every other article to each sentence passage, by the comparison's own TF-IDF cosine,
    however low (0.0 when they share no feature), best first within each article."""
    import numpy as np

    from framing.coverage.align import tfidf_matrix

    idx = [k for k, p in enumerate(passages) if p.kind == "sentence" and p.features]
    if not idx:
        return {}
    x = tfidf_matrix([passages[k] for k in idx])
    sims = (x @ x.T).toarray()
    articles = np.array([passages[k].article for k in idx])
    out = {}
    for a, k in enumerate(idx):
        near = []
        for art in dict.fromkeys(articles[articles != passages[k].article].tolist()):
            cols = np.flatnonzero(articles == art)
            top = cols[np.argsort(-sims[a, cols], kind="stable")[:per_article]]
            near += [(float(sims[a, b]), passages[idx[b]]) for b in top]
        out[(passages[k].article, passages[k].start)] = near
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--per-event", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profiles", type=Path, default=None, help="JSON cache of the analysed profiles")
    parser.add_argument("--events", default=None, help="comma-separated event numbers (default: all)")
    parser.add_argument("--context", type=int, nargs="?", const=2, default=0, metavar="N",
                        help="under each passage, the N (default 2) closest sentences of every other article, "
                             "with their cosine")
    parser.add_argument("--only-below", type=float, default=None,
                        help=f"only-here cutoff (default framing.coverage.ONLY_HERE_BELOW = {ONLY_HERE_BELOW})")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"NewsWCL50 events not found at {args.data} (see ../shared/data/README.md)", file=sys.stderr)
        return 2
    profiles = load_profiles(args.data, args.profiles)
    events: dict[str, list[dict]] = {}
    for p in profiles:
        events.setdefault(p["article"]["id"].split("_")[0], []).append(p)
    wanted = set(args.events.split(",")) if args.events else None
    for event, group in sorted(events.items()):
        if wanted is not None and event not in wanted:
            continue
        comparison = framing.compare(group)
        passages = comparison_passages(comparison)
        if args.only_below is None:
            cov = comparison.coverage
        else:
            cov = coverage(passages, comparison.units, only_below=args.only_below)
        closest_ = closest(passages, args.context) if args.context else {}
        pool = [(unit, p) for unit, entry in cov.items() for p in entry["only_here"]]
        n_sent = sum(entry["n_passages"] for entry in cov.values())
        rng = random.Random(args.seed)
        sample = rng.sample(pool, min(args.per_event, len(pool)))
        print(f"\n## event {event}: {len(pool)} only-here of {n_sent} sentences; {len(sample)} listed")
        for k, (_unit, p) in enumerate(sorted(sample, key=lambda up: (up[0], up[1]["start"])), 1):
            print(f"{event}.{k:02d} [{p['article']}] (best {p['best']}) {' '.join(p['text'].split())}")
            for score, other in closest_.get((p["article"], p["start"]), []):
                print(f"        {score:.3f} [{other.article}] {' '.join(other.text.split())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
