"""Score actor mentions and cross-outlet actor alignment on NewsWCL50 (events 0-4).

    python benchmarks/eval_actors.py [--data ../shared/data/newswcl50/events_0-4.jsonl] [--preset fast] [--catalog F] [--no-groups]

Predicted actor mentions (the ``actors`` analyzer) are matched to gold concept mentions by
character overlap (the predicted mention overlapping a gold mention most). Two settings:

(a) named:   gold ACTOR mentions containing a name ("President Trump", "Mr. Kim");
(b) labels:  every gold ACTOR, ACTOR-I, GROUP or COUNTRY mention that is not a pronoun
             ("the president", "the North Korean leader", "migrants", "the regime").

For each: recall (share of gold mentions matched) and cross-outlet link precision / recall /
F1 over pairs of matched gold mentions from different articles of one event: a pair is
predicted-linked when the matched predicted mentions belong to one aligned actor
(``framing.align_actors`` over the event's articles), gold-linked when the gold mentions
share a concept. A baseline groups spaCy entities by their last word.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import framing
from framing.actors import align_actors
from framing.analyzers.actors import ActorsAnalyzer

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "newswcl50" / "events_0-4.jsonl"
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs", "we", "us",
            "our", "ours", "i", "me", "my", "you", "your", "himself", "herself", "itself", "themselves", "who",
            "whom", "whose", "which", "that", "this", "these", "those", "one"}
#: Gold concept types scored apart in setting (b).
BY_TYPE = {"ACTOR, ACTOR-I": ("ACTOR", "ACTOR-I"), "GROUP": ("GROUP",), "COUNTRY": ("COUNTRY",)}
LOWER_OK = {"the", "a", "an", "of", "and", "mr.", "mrs.", "ms.", "dr.", "president", "prime", "minister"}


def has_name(text: str) -> bool:
    words = text.replace("'s", "").split()
    return any(w[:1].isupper() and w.lower() not in LOWER_OK and w.lower().strip(".") not in ("the", "a") for w in words)


def gold_sets(doc: dict) -> tuple[list[dict], list[dict]]:
    named, labels = [], []
    for m in doc["mentions"]:
        if m["type"] == "ACTOR" and has_name(m["text"]):
            named.append(m)
        if m["type"] in ("ACTOR", "ACTOR-I", "GROUP", "COUNTRY") and m["text"].strip().lower() not in PRONOUNS:
            labels.append(m)
    return named, labels


def predicted_mentions(profile, aligned_of: dict) -> list[tuple[int, int, str, int]]:
    """Actor mentions (rank 1), plus the title and apposition labels the terminology
    analyzer attached to them (rank 0: "North Korean leader" Kim Jong Un), since gold
    annotates those as mentions too."""
    out = []
    terms = (profile.sections.get("terminology") or {}).get("actors") or {}
    for item in profile["actors"]["items"]:
        key = aligned_of.get((profile.id, item["id"]))
        for m in item["mentions"]:
            out.append((m["start"], m["end"], key, 1))
        for label in (terms.get(item["id"]) or {}).get("label_spans", []):
            if label["kind"] in ("title", "apposition"):
                out.append((label["start"], label["end"], key, 0))
    return out


def _head(g: dict) -> tuple[int, int]:
    """Character range of the gold mention's head: its last word, or the last word before
    "of" ("President Emmanuel Macron of France")."""
    text = g["text"].rstrip(" .,;:\"'”’)")
    if " of " in text:  # "President Emmanuel Macron of France", "leader of Japan"
        text = text[: text.index(" of ")]
    cut = max(text.rfind(" "), text.rfind("-") if text.endswith("'s") else -1)
    start = g["start"] + cut + 1
    return start, max(start + 1, g["start"] + len(text))


def match(gold: list[dict], pred: list[tuple]) -> list[str | None]:
    """For each gold mention, the aligned actor of the best overlapping predicted mention.

    Best: one that covers the gold mention's head word, then an actor mention rather than a
    label, then the largest overlap. In "Larry Kudlow, Mr. Trump's chief economic adviser"
    the gold "Mr. Trump" is Trump's mention, not Kudlow's label; in "the North Korean
    leader" the head is "leader", so Kim's title label beats the mention "North Korean".
    """
    pred = sorted(p if len(p) == 4 else (*p, 1) for p in pred)
    out = []
    for g in gold:
        h0, h1 = _head(g)
        best, best_rank = None, (0, 0, 0)
        for s, e, key, is_mention in pred:
            if s >= g["end"]:
                break
            ov = min(e, g["end"]) - max(s, g["start"])
            if ov <= 0:
                continue
            rank = (int(s < h1 and e > h0), is_mention, ov)
            if rank > best_rank:
                best, best_rank = key, rank
        out.append(best)
    return out


def score(events: dict[int, list[tuple[str, list[dict], list[str | None]]]],
          types: tuple[str, ...] | None = None) -> dict[str, float | None]:
    """Recall and link scores; with ``types``, over the gold mentions of those types only."""
    n_gold = n_matched = 0
    tp = n_pred_pairs = n_gold_pairs = 0
    for docs in events.values():
        flat = []
        for doc_id, gold, keys in docs:
            for g, k in zip(gold, keys):
                if types is not None and g["type"] not in types:
                    continue
                n_gold += 1
                if k is not None:
                    n_matched += 1
                    flat.append((doc_id, g["concept"], k))
        # pairs across articles, counted in closed form per (concept, key) cell
        for (d1, c1, k1), (d2, c2, k2) in combinations(flat, 2):
            if d1 == d2:
                continue
            same_pred, same_gold = k1 == k2, c1 == c2
            n_pred_pairs += same_pred
            n_gold_pairs += same_gold
            tp += same_pred and same_gold
    p = tp / n_pred_pairs if n_pred_pairs else None
    r = tp / n_gold_pairs if n_gold_pairs else None
    f = 2 * p * r / (p + r) if p and r else None
    return {"gold": n_gold, "recall": n_matched / n_gold if n_gold else None, "link_p": p, "link_r": r, "link_f1": f}


def baseline_keys(doc, nlp) -> list[tuple[int, int, str]]:
    """spaCy entities (PERSON, ORG, GPE, NORP) grouped by their last word, lowercased."""
    return [(e.start_char, e.end_char, e[-1].lower_) for e in nlp(doc["text"]).ents
            if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--catalog", default=None, help="an actor catalog to use (default: none)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: framing.load_pipeline())")
    parser.add_argument("--preset", default="default", choices=("default", "fast"), help="pipeline preset (default: the full parse)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-groups", action="store_true", help="no unnamed group actors ('officials', 'the defendants')")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"NewsWCL50 data not found at {args.data}", file=sys.stderr)
        return 2
    docs = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = framing.load_pipeline(args.model, preset=args.preset)
    t0 = time.perf_counter()
    profiles = list(framing.analyze_many(
        [{"id": d["doc_id"], "text": d["text"], "outlet": d["outlet"]} for d in docs],
        nlp=nlp, analyzers=[ActorsAnalyzer(groups=not args.no_groups), "terminology"], catalog=args.catalog,
        on_error="raise"))
    elapsed = time.perf_counter() - t0
    by_event = defaultdict(list)
    for d, p in zip(docs, profiles):
        by_event[d["event"]].append((d, p))
    results: dict[str, dict] = {}
    for setting in ("named", "labels"):
        events = {}
        base_events = {}
        for event, pairs in by_event.items():
            aligned = align_actors([p for _, p in pairs], args.catalog)
            aligned_of = {(aid, lid): a["id"] for a in aligned for aid, lids in a["members"].items() for lid in lids}
            rows, base_rows = [], []
            for d, p in pairs:
                gold = gold_sets(d)[0 if setting == "named" else 1]
                rows.append((d["doc_id"], gold, match(gold, predicted_mentions(p, aligned_of))))
                if not args.no_baseline:
                    base_rows.append((d["doc_id"], gold, match(gold, baseline_keys(d, nlp))))
            events[event] = rows
            base_events[event] = base_rows
        results[setting] = {"framing": score(events)}
        if setting == "labels":  # where the links are lost: NewsWCL50's concepts by type
            results["labels_by_type"] = {name: score(events, types) for name, types in BY_TYPE.items()}
        if not args.no_baseline:
            results[setting]["baseline_last_word"] = score(base_events)
    results["seconds_actors_terminology"] = elapsed
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(f"NewsWCL50 events 0-4: {len(docs)} articles, model {framing.pipeline.pipeline_name(nlp)}, "
          f"catalog {args.catalog or 'none'}")
    for setting, goal in (("named", "(a) named ACTOR mentions: goal recall >= 0.97, link F1 >= 0.95"),
                          ("labels", "(b) all non-pronoun actor/group/country mentions: goal recall >= 0.90, link F1 >= 0.80")):
        print(f"\n{goal}")
        for system, s in results[setting].items():
            fmt = lambda v: "  n/a" if v is None else f"{v:.3f}"  # noqa: E731
            print(f"  {system:<20} gold={s['gold']:5d}  recall={fmt(s['recall'])}  link P={fmt(s['link_p'])} "
                  f"R={fmt(s['link_r'])} F1={fmt(s['link_f1'])}")
        if setting == "labels":
            print("  framing, by gold concept type (pairs within the type):")
            for name, s in results["labels_by_type"].items():
                print(f"    {name:<18} gold={s['gold']:5d}  recall={fmt(s['recall'])}  link P={fmt(s['link_p'])} "
                      f"R={fmt(s['link_r'])} F1={fmt(s['link_f1'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
