"""Headline-only actors: actors named only inside the headline whose name the body never uses.

    python benchmarks/eval_headline_actors.py [-n 300] [--data ../shared/data/allsides/sample.jsonl]

Each AllSides article is fed as title + blank line + text (as a user pasting a page would);
the two seed articles as they are. An actor is *headline-only* when every one of its
mentions lies inside the headline (the first paragraph) and the last word of its name does
not occur in the body (case-insensitive): "Trump Says", "G.O.P. Seizes", "Reid Breaks". The
issue's goal: 0 on the seeds, <= 0.02 per article on 300 AllSides articles. Parses are
cached in /tmp/framing-eval-actors.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import framing  # noqa: E402
from eval_actors import _SHARED, parse_cached  # noqa: E402
from framing.analyzers.actors import ActorsAnalyzer  # noqa: E402
from framing.article import Article  # noqa: E402

WORD = re.compile(r"\w+")


def headline_only(text: str, items: list[dict]) -> list[str]:
    """Names of the actors named only in the headline (the first paragraph) and never in
    the body by their last word."""
    cut = text.find("\n\n")
    if cut < 0:
        cut = text.find("\n")
    if cut < 0:
        return []
    body = {w.lower() for w in WORD.findall(text[cut:])}
    out = []
    for item in items:
        words = WORD.findall(item["name"])
        if not words or item.get("group"):
            continue
        if all(m["end"] <= cut for m in item["mentions"]) and words[-1].lower() not in body:
            out.append(item["name"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=_SHARED / "data" / "allsides" / "sample.jsonl")
    parser.add_argument("--seeds", type=Path, default=_SHARED / "seeds")
    parser.add_argument("-n", type=int, default=300)
    parser.add_argument("--show", action="store_true", help="print every headline-only actor")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"AllSides data not found at {args.data}", file=sys.stderr)
        return 2
    nlp = framing.load_pipeline()
    engine = framing.Engine(nlp, analyzers=[ActorsAnalyzer()])
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()[: args.n]]
    sets = {"allsides": [f"{r['title']}\n\n{r['text']}" for r in rows],
            "seeds": [p.read_text(encoding="utf-8") for p in sorted(args.seeds.glob("*.txt"))]}
    for name, texts in sets.items():
        docs = parse_cached(nlp, texts, f"headline-{name}")
        found = []
        for text, doc in zip(texts, docs):
            items = engine.profile_doc(doc, Article(text=text))["actors"]["items"]
            found.append(headline_only(text, items))
        total = sum(map(len, found))
        print(f"{name}: {len(texts)} articles, {total} headline-only actors, "
              f"{total / len(texts):.3f} per article, in {sum(1 for f in found if f)} articles")
        if args.show:
            for text, names in zip(texts, found):
                if names:
                    print(f"  {names}  <- {text[:text.find(chr(10))][:90]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
