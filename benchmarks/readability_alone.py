"""Readability alone, against another checkout of framing (issue 23: "readability alone
>= 20x faster than today, same numbers").

Runs ``framing.analyze_many(articles, analyzers=["readability"])`` on AllSides articles with
whatever ``framing`` is on ``PYTHONPATH`` and writes the seconds and the sections to a JSON
file; given ``--against`` an earlier run's file, prints the speed ratio and whether the
numbers are equal::

    git worktree add /tmp/framing-old a411cee          # the code before the change
    PYTHONPATH=/tmp/framing-old .venv/bin/python benchmarks/readability_alone.py /tmp/old.json
    PYTHONPATH=. .venv/bin/python benchmarks/readability_alone.py /tmp/new.json --against /tmp/old.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides" / "sample.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="where to write {seconds, readability}")
    parser.add_argument("--against", type=Path, help="an earlier run's file to compare with")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--offset", type=int, default=100)
    parser.add_argument("--data", type=Path, default=SAMPLE)
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"AllSides sample not found at {args.data}")
    import framing

    with args.data.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, args.offset, args.offset + args.n)]
    articles = [{"id": r["id"], "text": r["text"]} for r in rows]
    list(framing.analyze_many(articles[:2], analyzers=["readability"]))  # load the pipeline and dictionaries
    t0 = time.perf_counter()
    profiles = list(framing.analyze_many(articles, analyzers=["readability"]))
    seconds = time.perf_counter() - t0
    args.out.write_text(json.dumps({"framing": framing.__file__, "seconds": seconds,
                                    "readability": [p.readability for p in profiles]}), encoding="utf-8")
    print(f"{framing.__file__}: {len(articles)} articles, readability alone in {seconds:.2f} s")
    if args.against:
        other = json.loads(args.against.read_text(encoding="utf-8"))
        same = other["readability"] == [p.readability for p in profiles]
        print(f"{other['framing']}: {other['seconds']:.2f} s; speed-up {other['seconds'] / seconds:.1f}x; "
              f"same numbers: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
