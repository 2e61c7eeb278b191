"""Person pronouns given to the right person? The rule sentiment uses, scored on gold chains.

    python benchmarks/eval_pronouns.py [--meantime PATH]

The sentiment analyzer gives each person pronoun (he, his, her, ...) to the person named
last before it (:func:`framing.sentiment.aggregate.pronoun_targets`). Scored on MEANTIME's
pronouns in gold coreference chains (90 Wikinews articles; NewsWCL50's annotations have no
pronouns): a pronoun given to an actor is right when one of the actor's name mentions
overlaps a gold mention of the pronoun's chain. Prints pronouns in gold chains, pronouns
given, and the share given right.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import framing
from framing.sentiment import aggregate

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _gold(row: dict, chain_key: str) -> tuple[dict[tuple[int, int], str], dict[str, list[tuple[int, int]]]]:
    """(pronoun span -> chain, chain -> its non-pronoun spans)."""
    pron, spans = {}, {}
    for m in row["mentions"]:
        chain = m.get(chain_key)
        if not chain:
            continue
        if m["text"].strip().lower() in PRONOUNS:
            pron[(m["start"], m["end"])] = chain
        else:
            spans.setdefault(chain, []).append((m["start"], m["end"]))
    return pron, spans


def score(engine: framing.Engine, rows: list[dict], chain_key: str, docs: list) -> dict[str, int]:
    """Counts for the current rule over parsed ``docs`` (``engine`` runs the actors analyzer)."""
    out = {"gold": 0, "given": 0, "right": 0}
    for row, doc in zip(rows, docs):
        pron, chains = _gold(row, chain_key)
        items = engine.profile_doc(doc, framing.Article(row["text"], id="x"))["actors"]["items"]
        names = {i["id"]: [(m["start"], m["end"]) for m in i["mentions"]] for i in items}
        people = [(i["id"], m["start"], m["end"]) for i in items if i["type"] == "person" for m in i["mentions"]]
        given = {(s, e): a for a, s, e in aggregate.pronoun_targets(doc, people, PRONOUNS)}
        out["gold"] += len(pron)
        for span, chain in pron.items():
            actor = given.get(span)
            if actor is None:
                continue
            out["given"] += 1
            gold_spans = chains.get(chain, [])
            out["right"] += any(s < ge and gs < e for s, e in names[actor] for gs, ge in gold_spans)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meantime", type=Path, default=SHARED / "meantime" / "en_airbus_apple_stock.jsonl")
    args = parser.parse_args()
    nlp = framing.load_pipeline()
    path = args.meantime
    if not path.is_file():
        sys.exit(f"MEANTIME not found at {path}")
    rows = _rows(path)
    engine = framing.Engine(nlp, ["actors"])
    c = score(engine, rows, "chain", [engine.parse(r["text"]) for r in rows])
    share = c["right"] / c["given"] if c["given"] else float("nan")
    print(f"MEANTIME: person pronouns in gold chains {c['gold']}, given {c['given']}, right {c['right']} ({share:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
