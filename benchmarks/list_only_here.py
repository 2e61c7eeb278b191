"""List only-here passages per NewsWCL50 event, to check by reading (issue 21).

    python benchmarks/list_only_here.py [--data ../shared/data/newswcl50/events_0-4.jsonl]
        [--per-event 20] [--seed 0] [--profiles /tmp/wcl_profiles.json]

Each event's five articles (one per outlet) are compared; from all their only-here passages
``--per-event`` are drawn at random (fixed seed) and printed with the article, followed by
the other four articles' texts' closest passages, so a reader can judge whether the
passage truly has no counterpart. ``--profiles`` caches the analysed profiles.
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


def _closest(passages: list) -> dict:
    """(article, start) -> [(cosine, passage)]: the closest passage of each other article."""
    from framing.coverage import match_passages

    best: dict = {}
    for i, j, score in match_passages(passages):
        for a, b in ((passages[i], passages[j]), (passages[j], passages[i])):
            slot = best.setdefault((a.article, a.start), {})
            if b.article not in slot or score > slot[b.article][0]:
                slot[b.article] = (score, b)
    return {key: sorted(v.values(), key=lambda sb: -sb[0]) for key, v in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--per-event", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profiles", type=Path, default=None, help="JSON cache of the analysed profiles")
    parser.add_argument("--events", default=None, help="comma-separated event numbers (default: all)")
    parser.add_argument("--context", action="store_true",
                        help="under each passage, the closest passage of every other article (cosine)")
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
        closest = _closest(passages) if args.context else {}
        pool = [(unit, p) for unit, entry in cov.items() for p in entry["only_here"]]
        n_sent = sum(entry["n_passages"] for entry in cov.values())
        rng = random.Random(args.seed)
        sample = rng.sample(pool, min(args.per_event, len(pool)))
        print(f"\n## event {event}: {len(pool)} only-here of {n_sent} sentences; {len(sample)} listed")
        for k, (_unit, p) in enumerate(sorted(sample, key=lambda up: (up[0], up[1]["start"])), 1):
            print(f"{event}.{k:02d} [{p['article']}] (best {p['best']}) {' '.join(p['text'].split())}")
            for score, other in closest.get((p["article"], p["start"]), []):
                print(f"        {score:.3f} [{other.article}] {' '.join(other.text.split())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
