"""Which words set left, center and right outlets apart? "Fightin' Words" on the AllSides sample.

    python examples/outlets_distinctive_terms.py [--data ../shared/data/allsides/sample.jsonl] [--by bias|outlet] [--top 15]

Uses framing.distinctive_terms (weighted log-odds with an informative Dirichlet prior,
Monroe, Colaresi & Quinn 2008): each group against all the others, z-scores. Runs on raw
texts, so it needs no parse and takes seconds; pass profiles (analyzed with the
``terminology`` analyzer) instead of texts to restrict it to what framing kept.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import framing

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides" / "sample.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--by", choices=("bias", "outlet"), default="bias")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--min-articles", type=int, default=25, help="with --by outlet: outlets with at least this many")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"AllSides sample not found at {args.data} (see ../shared/data/README.md)", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.by == "outlet":
        counts = Counter(r["outlet"] for r in rows)
        rows = [r for r in rows if counts[r["outlet"]] >= args.min_articles]
    texts = [r["text"] for r in rows]
    groups = [r[args.by] for r in rows]
    print(f"{len(rows)} articles in {len(set(groups))} groups by {args.by}")
    result = framing.distinctive_terms(texts, groups, top=args.top, min_count=10)
    for group, terms in result.items():
        print(f"\n{group} ({groups.count(group)} articles)")
        for t in terms:
            print(f"  {t['term']:<22} z={t['z']:6.2f}  {t['rate']:.2f} per 1,000 words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
