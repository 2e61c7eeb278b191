"""Size of a profile's JSON per 1,000 words, in total and by section.

    python benchmarks/profile_size.py            # AllSides articles of 800-1,300 words among the first 300

The goal is under 20 KB for a 1,000-word article; sizes are of ``profile.to_json()`` (compact,
UTF-8) divided by the article's word count, so articles near 1,000 words are used. The last
line is the "contract floor": the same profiles cut to the keys the API contract requires
(every actor mention and attribution span with its text), which no compaction of the
optional keys can go below.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
from pathlib import Path

import framing

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides" / "sample.jsonl"


def contract_floor(profile: dict) -> dict:
    """The profile cut to the keys the API contract requires (../shared/design/API.md):
    what no schema change within schema_version 1 can remove."""
    d = dict(profile)
    actors = d.get("actors") or {}
    d["actors"] = {"items": [{"id": i["id"], "name": i["name"], "type": i["type"],
                              "mentions": [{k: m[k] for k in ("start", "end", "text")} for m in i["mentions"]]}
                             for i in actors.get("items") or []]}
    terms = d.get("terminology") or {}
    d["terminology"] = {"actors": {a: {"names": e["names"], "labels": e["labels"]} for a, e in (terms.get("actors") or {}).items()}}
    attribution = d.get("attribution") or {}
    d["attribution"] = {"metrics": attribution.get("metrics"),
                        "items": [{k: i[k] for k in ("kind", "cue", "source", "content", "source_type", "actor")}
                                  for i in attribution.get("items") or []]}
    sentiment = d.get("sentiment") or {}
    d["sentiment"] = {"actors": {a: {k: e[k] for k in ("score", "label", "n")} for a, e in (sentiment.get("actors") or {}).items()}}
    return d


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SAMPLE)
    parser.add_argument("--scan", type=int, default=300, help="how many lines of the file to look at")
    parser.add_argument("--min-words", type=int, default=800)
    parser.add_argument("--max-words", type=int, default=1300)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"AllSides sample not found: {args.data}", file=sys.stderr)
        return 2
    with args.data.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, args.scan)]
    rows = [r for r in rows if args.min_words <= len(r["text"].split()) <= args.max_words]
    totals: list[float] = []
    floors: list[float] = []
    sections: dict[str, list[float]] = {}
    for profile in framing.analyze_many([{"id": r["id"], "text": r["text"]} for r in rows]):
        n_words = profile.article["n_words"]
        if not n_words:
            continue
        totals.append(len(profile.to_json().encode("utf-8")) / n_words)
        floor = json.dumps(contract_floor(profile.to_dict()), separators=(",", ":"), ensure_ascii=False)
        floors.append(len(floor.encode("utf-8")) / n_words)
        for name, section in profile.to_dict().items():
            if isinstance(section, dict):
                size = len(json.dumps(section, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
                sections.setdefault(name, []).append(size / n_words)
    if not totals:
        print("no article in the word range", file=sys.stderr)
        return 2
    print(f"{len(totals)} articles of {args.min_words}-{args.max_words} words; KB of JSON per 1,000 words:")
    print(f"  total     median {statistics.median(totals):5.1f}  min {min(totals):5.1f}  max {max(totals):5.1f}"
          f"   (goal < 20)")
    for name, values in sorted(sections.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"  {name:<12} median {statistics.median(values):5.1f}")
    print(f"  contract floor (only the keys API.md requires) median {statistics.median(floors):5.1f}"
          f"  min {min(floors):5.1f}  max {max(floors):5.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
