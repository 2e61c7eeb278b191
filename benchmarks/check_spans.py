"""The profile's contract on real text: every span an offset into the text passed in.

    python benchmarks/check_spans.py                  # every article of ../shared/data (about 3,000)
    python benchmarks/check_spans.py --n 300 --n-process 1 --preset fast

Streams the AllSides sample, PolNeAR (train and dev) and NewsWCL50 articles through
``framing.analyze_many`` with every default analyzer and checks, for each profile:

- the batch keeps every article, in input order (the profile ids are the input ids);
- every span anywhere in the profile (a dict with integer ``start`` and ``end``) lies inside
  the text, and its ``text``, when present, is exactly ``text[start:end]``;
- every ``[start, end]`` pair in a ``content_parts`` list lies inside the text;
- the JSON has no NaN or infinity (undefined numbers are null);
- no article fails (failures are recorded in ``profile.error``; they are listed).

Prints the counts and the first violations; exits 1 when there is any. Unit and property
tests check the same on texts written for them; this runs it on news as it comes, with its
curly quotes, non-breaking spaces, scraped debris and 50,000-character transcripts.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import framing

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def articles(data: Path) -> Iterator[framing.Article]:
    sample = data / "allsides" / "sample.jsonl"
    if sample.is_file():
        with sample.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                yield framing.Article(text=row["text"], id=f"allsides/{row['id']}", outlet=row.get("outlet"))
    for split in ("train", "dev"):
        for path in sorted((data / "polnear" / split / "text").glob("*.txt")):
            yield framing.Article(text=path.read_text(encoding="utf-8"), id=f"polnear/{split}/{path.stem}")
    wcl = data / "newswcl50" / "events_0-4.jsonl"
    if wcl.is_file():
        with wcl.open(encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                row = json.loads(line)
                yield framing.Article(text=row["text"], id=f"newswcl50/{row.get('doc_id', k)}")


def violations(node: Any, text: str, path: str = "") -> Iterator[str]:
    """What in one profile section breaks the span and number contract."""
    if isinstance(node, dict):
        start, end = node.get("start"), node.get("end")
        if isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool):
            if not 0 <= start <= end <= len(text):
                yield f"{path}: span [{start}, {end}) outside a text of {len(text)} characters"
            elif "text" in node and node["text"] != text[start:end]:
                yield f"{path}: span text {node['text'][:40]!r} != text[{start}:{end}] {text[start:end][:40]!r}"
        for key, value in node.items():
            if key == "content_parts" and isinstance(value, list):
                for part in value:
                    s, e = part
                    if not 0 <= s <= e <= len(text):
                        yield f"{path}/content_parts: [{s}, {e}) outside a text of {len(text)} characters"
            else:
                yield from violations(value, text, f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            yield from violations(item, text, f"{path}[]")
    elif isinstance(node, float) and (math.isnan(node) or math.isinf(node)):
        yield f"{path}: {node} (undefined numbers must be null)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--n", type=int, default=None, help="only the first N articles")
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--preset", default="default", choices=("default", "fast"))
    args = parser.parse_args(argv)
    items = list(itertools.islice(articles(args.data), args.n))
    if not items:
        print(f"no articles under {args.data}", file=sys.stderr)
        return 2
    nlp = framing.load_pipeline(preset=args.preset)
    texts = {a.id: a.text for a in items}
    t0 = time.perf_counter()
    bad: list[str] = []
    errors: list[str] = []
    n_spans = 0
    ids = []
    for profile in framing.analyze_many(items, nlp=nlp, n_process=args.n_process):
        ids.append(profile.id)
        if profile.error:
            errors.append(f"{profile.id}: {profile.error}")
            continue
        d = profile.to_dict()
        try:
            json.dumps(d, allow_nan=False)
        except ValueError as exc:
            bad.append(f"{profile.id}: {exc}")
        text = texts[profile.id]
        n_spans += profile.to_json().count('"start"')
        bad.extend(f"{profile.id}{v}" for v in violations(d, text))
    if ids != [a.id for a in items]:
        bad.append(f"the batch returned {len(ids)} profiles for {len(items)} articles, or changed their order")
    words = sum(len(t.split()) for t in texts.values())
    print(f"{len(items)} articles ({words:,} words, preset {args.preset!r}, n_process={args.n_process}) "
          f"in {time.perf_counter() - t0:.0f}s: {n_spans:,} spans checked, {len(errors)} failed articles, "
          f"{len(bad)} violations")
    for line in (errors + bad)[:30]:
        print("  " + line)
    return 1 if bad or errors else 0


if __name__ == "__main__":
    sys.exit(main())
