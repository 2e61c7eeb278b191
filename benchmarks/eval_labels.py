"""Junk and misattached actor labels on NewsWCL50 events 0-4, per event; the seeds' labels.

    python benchmarks/eval_labels.py [--data ../shared/data/newswcl50/events_0-4.jsonl] [--seeds ../shared/seeds] [--cache DIR]

Every label the ``terminology`` analyzer attaches (``label_spans``) is judged against the
NewsWCL50 annotation, which marks how each outlet refers to each actor (concept mentions
such as "North Korean leader Kim Jong Un" or "the president"). The label's actor mention is
matched to the gold mention overlapping it most; that mention's concept is the actor's.

- courtesy:    the label is only a courtesy title ("Mr.", "Mrs.", "Dr.");
- fragment:    no word, a number or a measure ("17 percent", "-", "AR-15");
- misattached: the label lies in a gold mention of another concept and in none of the actor's
               ("incoming minority leader" given to Pence when it is McCarthy's);
- truncated:   a title that is a proper part of the gold title before the name
               ("Korean leader" for "North Korean leader", "director" for "C.I.A. director");
- supported:   the label overlaps a gold mention of the actor's concept;
- unjudged:    no gold mention says either way.

"bad" is courtesy + fragment + misattached + truncated. Run it with another checkout on
``PYTHONPATH`` to score that version (the script reads only the profile JSON). Parses are
cached in ``--cache`` (DocBin, keyed by the pipeline and the texts).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import framing
from framing.article import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT = SHARED / "data" / "newswcl50" / "events_0-4.jsonl"
SEEDS = SHARED / "seeds"
COURTESY = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "miss"}
MEASURES = {"percent", "%"}
DETS = ("the ", "a ", "an ")
PEOPLE = {"ACTOR", "ACTOR-I", "GROUP"}
FUNCTION = {"and", "or", "with", "between", "to", "by", "for", "in", "on", "at", "from", "into", "that", "who"}
BAD = ("courtesy", "fragment", "misattached", "truncated")
KINDS = (*BAD, "supported", "unjudged")


def parse_all(nlp, texts: list[str], cache: Path | None) -> list:
    from spacy.tokens import DocBin

    from framing.pipeline import pipeline_name

    key = hashlib.sha1((pipeline_name(nlp) + ",".join(nlp.pipe_names) + "\0".join(texts)).encode()).hexdigest()[:16]
    path = cache / f"labels-{key}.spacy" if cache else None
    if path is not None and path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=8))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return docs


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def judge(label: dict, mention: tuple[int, int], text: str, gold: list[dict]) -> str:
    words = label["text"].lower().split()
    if all(w in COURTESY for w in words):
        return "courtesy"
    if not any(c.isalpha() for c in label["text"]) or any(any(c.isdigit() for c in w) for w in words[-1:]) or (
            words[-1] in MEASURES):
        return "fragment"
    span = (label["start"], label["end"])
    best = max(gold, key=lambda g: overlap((g["start"], g["end"]), mention), default=None)
    if best is None or overlap((best["start"], best["end"]), mention) == 0:
        return "unjudged"
    concept = best["concept"]
    mine = [g for g in gold if g["concept"] == concept and overlap((g["start"], g["end"]), span)]
    if not mine:
        # another person's or group's mention holds the label's head word (its last word)
        head = (span[1] - len(label["text"].split()[-1]), span[1])
        others = [g for g in gold if g["concept"] != concept and g["type"] in PEOPLE
                  and g["start"] <= head[0] and head[1] <= g["end"]]
        return "misattached" if others else "unjudged"
    if label["kind"] == "title" and span[1] <= mention[0] and is_truncated(label, mention, text, mine):
        return "truncated"
    return "supported"


def is_truncated(label: dict, mention: tuple[int, int], text: str, mine: list[dict]) -> bool:
    """Is the title a proper end of the gold phrase before the name ("Korean leader" of
    "North Korean leader Kim")? Gold phrases that hold a list or a clause are not titles."""
    for g in mine:
        if not (g["start"] <= label["start"] and mention[1] <= g["end"] + 1):
            continue
        before = text[g["start"]:mention[0]].strip()
        for det in DETS:
            if before.lower().startswith(det):
                before = before[len(det):]
        if "," in before or "'s " in before or "’s " in before or FUNCTION & set(before.lower().split()):
            continue
        if len(before) > len(label["text"]) and before.endswith(label["text"]):
            return True
    return False


def score(rows: list[dict], docs: list, engine, show: bool = False) -> dict[int, Counter]:
    per_event: dict[int, Counter] = defaultdict(Counter)
    for row, doc in zip(rows, docs):
        profile = engine.profile_doc(doc, Article(text=row["text"], id=row["doc_id"])).to_dict()
        mentions = {item["id"]: [(m["start"], m["end"]) for m in item["mentions"]] for item in profile["actors"]["items"]}
        for actor_id, entry in profile["terminology"]["actors"].items():
            for label in entry["label_spans"]:
                mention = nearest(mentions[actor_id], label)
                verdict = judge(label, mention, row["text"], row["mentions"])
                per_event[row["event"]][verdict] += 1
                if show and verdict in BAD:
                    context = row["text"][max(label["start"] - 50, 0):label["end"] + 50].replace("\n", " ")
                    print(f"  {row['doc_id']} {verdict}: {label['text']!r} -> {row['text'][mention[0]:mention[1]]!r} | {context}")
    return per_event


def nearest(mentions: list[tuple[int, int]], label: dict) -> tuple[int, int]:
    """The actor's mention the label belongs to: the one closest to it."""
    def distance(m: tuple[int, int]) -> int:
        return 0 if overlap(m, (label["start"], label["end"])) else min(abs(m[0] - label["end"]), abs(label["start"] - m[1]))
    return min(mentions, key=distance)


def print_table(per_event: dict[int, Counter]) -> None:
    print(f"{'event':>5} {'labels':>6} " + " ".join(f"{k:>11}" for k in KINDS) + f" {'bad':>5} {'bad share':>9}")
    total: Counter = Counter()
    for event in sorted(per_event):
        total.update(per_event[event])
        print_row(str(event), per_event[event])
    print_row("all", total)


def print_row(name: str, c: Counter) -> None:
    n = sum(c.values())
    bad = sum(c[k] for k in BAD)
    share = f"{bad / n:.3f}" if n else "n/a"
    print(f"{name:>5} {n:>6} " + " ".join(f"{c[k]:>11}" for k in KINDS) + f" {bad:>5} {share:>9}")


def print_seeds(engine, seeds: Path) -> None:
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        profile = engine.analyze(Article(text=text, id=path.stem)).to_dict()
        names = {item["id"]: item["name"] for item in profile["actors"]["items"]}
        print(f"\n== seed {path.stem}")
        for actor_id, entry in profile["terminology"]["actors"].items():
            voices = {v: entry.get(f"{v}_labels") for v in ("narrator", "reported", "quoted")}
            if "reported_labels" not in entry:  # a version before three voices
                voices = {"narrator": entry["narrator_labels"],
                          "other": {k: n for k, n in entry["labels"].items() if k not in entry["narrator_labels"]}}
            claims = [f"{r['verb']} ({r['role']}, by {(r.get('source') or {}).get('text')})"
                      for r in entry.get("attributed_roles", [])]
            if any(voices.values()) or claims:
                print(f"  {names[actor_id]}: " + "; ".join(f"{v}: {', '.join(d)}" for v, d in voices.items() if d))
            if claims:
                print(f"    narrator roles: {entry['roles']}; attributed roles: {'; '.join(claims)}")
        if "scare_quotes" in profile["terminology"]:
            print(f"  scare quotes: {[s['text'] for s in profile['terminology']['scare_quotes']]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--show", action="store_true", help="print every bad label with its context")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/framing-eval-cache"))
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"NewsWCL50 not found at {args.data}", file=sys.stderr)
        return 1
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = framing.load_pipeline()
    engine = framing.Engine(nlp, analyzers=["actors", "attribution", "terminology"])
    docs = parse_all(nlp, [r["text"] for r in rows], args.cache)
    print(f"NewsWCL50 events 0-4: {len(rows)} articles; labels judged against gold concept mentions")
    print_table(score(rows, docs, engine, args.show))
    if args.seeds.is_dir():
        print_seeds(engine, args.seeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
