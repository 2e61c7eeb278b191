"""How often an attribution's source is linked to the right actor, on MEANTIME's gold coreference.

    python benchmarks/eval_sources.py [--data ../shared/data/meantime/en_airbus_apple_stock.jsonl]
        [--cache /tmp/framing-cache | --no-cache] [--show N]

MEANTIME (Minard et al., LREC 2016; CC BY 4.0) annotates every entity mention of 90 news
articles in three topics (airbus, apple, stock), pronouns included, with coreference chains.
The item set: attributions whose source's head (the root token of the source span) lies
inside a gold mention of a person or organisation chain (``PER...`` / ``ORG...``; a
pronoun's mention has its antecedent's type). Of the gold mentions holding the head, the
longest is the source's gold mention and its chain is the speaker.

- **linked**: the item has an ``actor``;
- **right**: the actor is that chain. Each actor of the article is mapped to one chain by
  its mentions: every mention votes for the chain of the *smallest* gold PER/ORG mention
  overlapping it (so "Boeing" inside "a Boeing spokesman" votes for Boeing, not for the
  spokesman), and the chain with most votes is the actor's. An actor none of whose mentions
  overlaps a gold mention is wrong wherever it is linked.

Shares are over items (linked, right) and over linked items (precision: right / linked),
per topic and for pronoun sources (the head is a pronoun) apart from the rest.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _parsecache  # noqa: E402

import framing  # noqa: E402
from framing.article import Article  # noqa: E402

DATA = Path("/work/shared/data/meantime/en_airbus_apple_stock.jsonl")
_SPEAKER_CHAINS = ("PER", "ORG")


def _speaker_mentions(row: dict) -> list[dict]:
    return [m for m in row["mentions"] if m["chain"][:3] in _SPEAKER_CHAINS]


def actor_chains(actors: list[dict], gold: list[dict]) -> dict[str, str]:
    """Actor id -> the gold chain most of its mentions fall in (see the module docstring)."""
    out = {}
    for actor in actors:
        votes: Counter = Counter()
        for m in actor["mentions"]:
            over = [g for g in gold if g["start"] < m["end"] and m["start"] < g["end"]]
            if over:
                votes[min(over, key=lambda g: (g["end"] - g["start"], g["start"]))["chain"]] += 1
        if votes:
            out[actor["id"]] = votes.most_common(1)[0][0]
    return out


def score_article(row: dict, doc, profile) -> list[dict]:
    """One record per scored item: topic, pronoun?, linked?, right?, and the texts."""
    gold = _speaker_mentions(row)
    chains = actor_chains(profile["actors"]["items"], gold)
    records = []
    for item in profile["attribution"]["items"]:
        src = item["source"]
        if src is None:
            continue
        span = doc.char_span(src["start"], src["end"], alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        holding = [g for g in gold if g["start"] <= head.idx < g["end"]]
        if not holding:
            continue
        g = max(holding, key=lambda g: (g["end"] - g["start"], -g["start"]))
        actor = item.get("actor")
        records.append({
            "topic": row["topic"], "doc": row["doc_id"], "pronoun": head.pos_ == "PRON",
            "linked": actor is not None, "right": actor is not None and chains.get(actor) == g["chain"],
            "source": src["text"], "gold": g["text"], "actor": actor, "resolution": item.get("resolution"),
        })
    return records


def score_pronouns(row: dict, doc, profile) -> list[dict]:
    """Every gold PER/ORG mention that is one third-person pronoun, against the actor
    :meth:`SourceResolver.pronoun_mentions` gives it (records as in :func:`score_article`)."""
    from framing.attribution.resolve import SourceResolver, pronouns

    gold = _speaker_mentions(row)
    chains = actor_chains(profile["actors"]["items"], gold)
    found = {(s, e): a for s, e, a in SourceResolver(doc, row["text"], profile["actors"]).pronoun_mentions()}
    table, _ = pronouns()
    out = []
    for g in gold:
        if g["text"].lower() not in table:
            continue
        actor = found.get((g["start"], g["end"]))
        out.append({"topic": row["topic"], "doc": row["doc_id"], "pronoun": True, "linked": actor is not None,
                    "right": actor is not None and chains.get(actor) == g["chain"], "source": g["text"], "gold": g["text"],
                    "actor": actor, "resolution": "pronoun" if actor else None})
    return out


def summarise(records: list[dict]) -> dict[str, dict[str, float | int | None]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        for key in (r["topic"], "all"):
            groups[f"{key}/{'pronoun' if r['pronoun'] else 'other'}"].append(r)
            groups[f"{key}/all"].append(r)
    out = {}
    for key, rs in sorted(groups.items()):
        n, linked, right = len(rs), sum(r["linked"] for r in rs), sum(r["right"] for r in rs)
        out[key] = {"n": n, "linked": linked / n if n else None, "right": right / n if n else None,
                    "precision": right / linked if linked else None}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cache", type=Path, default=_parsecache.CACHE)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print up to N wrong or unlinked items")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--pronouns", action="store_true",
                        help="also score every third-person pronoun (not only sources): SourceResolver.pronoun_mentions")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no MEANTIME data at {args.data}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = framing.load_pipeline()
    engine = framing.Engine(nlp, analyzers=["actors", "attribution"])
    texts = [r["text"] for r in rows]
    docs = [engine.parse(t) for t in texts] if args.no_cache else _parsecache.parse_cached(texts, nlp, engine, "meantime", args.cache)
    records, pronoun_records = [], []
    for row, doc in zip(rows, docs):
        profile = engine.profile_doc(doc, Article(text=row["text"], id=row["doc_id"]))
        records.extend(score_article(row, doc, profile))
        if args.pronouns:
            pronoun_records.extend(score_pronouns(row, doc, profile))
    summary = summarise(records)
    fmt = lambda v: " n/a" if v is None else f"{v:.2f}"  # noqa: E731
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        print(f"MEANTIME sources (items whose source head is in a gold PER/ORG mention): {len(records)} items")
        print(f"  {'topic/sources':22} {'n':>4} {'linked':>7} {'right':>6} {'right|linked':>13}")
        for key, s in summary.items():
            print(f"  {key:22} {s['n']:>4} {fmt(s['linked']):>7} {fmt(s['right']):>6} {fmt(s['precision']):>13}")
    if args.pronouns:
        print("All third-person pronouns in a gold PER/ORG chain (he, she, it, they, ...; not only sources):")
        for key, s in summarise(pronoun_records).items():
            if key.endswith("/pronoun"):
                print(f"  {key:22} {s['n']:>4} {fmt(s['linked']):>7} {fmt(s['right']):>6} {fmt(s['precision']):>13}")
    shown = 0
    for r in records:
        if shown >= args.show:
            break
        if not r["right"]:
            print(f"  [{r['topic']} {r['doc']}] source={r['source']!r} gold={r['gold']!r} actor={r['actor']} ({r['resolution']})")
            shown += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
