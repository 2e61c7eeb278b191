"""List only-here candidates on same-event AllSides groups, to choose the only-here rule by
reading (issue 21) on data other than NewsWCL50.

    python benchmarks/list_only_here_allsides.py [--profiles /tmp/allsides_groups.json]
        [--per-stratum 20] [--seed 0] [--context [N]] [--json listed.json]
    python benchmarks/list_only_here_allsides.py --verdicts verdicts.tsv --json listed.json [--json ...]

``GROUPS`` are articles from different outlets about one event, found in
``../shared/data/allsides/sample.jsonl`` (TF-IDF cosine of title and lead >= 0.18, dates at
most three days apart, different outlets) and checked by reading their titles and leads.
Each group is compared on its own. Every sentence whose best cosine with a sentence of
another article is below 0.25 is a candidate; ``--per-stratum`` are drawn at random (fixed
seed) from each cosine stratum [0, .05) [.05, .10) [.10, .15) [.15, .20) [.20, .25) and
printed with what each candidate rule looks at: ``best`` (that cosine), ``win`` (best cosine
with two consecutive sentences of another article), ``anyw`` (IDF-weighted share of its
features found anywhere in one other article, the most over articles), ``nfeat`` (distinct
features); ``--context`` adds the N closest sentences of every other article.

With ``--verdicts`` (``key<TAB>T|F|N<TAB>note`` lines: T no counterpart, F another article
reports it, N no claim, page furniture) and the ``--json`` files of the listings read, it
prints each rule's precision instead: read candidates weighted by their stratum's size, N
counted as without counterpart (and, after the slash, as wrong).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import framing
from framing.coverage import comparison_passages

sys.path.insert(0, str(Path(__file__).resolve().parent))
from list_only_here import closest  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides" / "sample.jsonl"

#: Same-event groups (AllSides ids), each from two or three outlets.
GROUPS = {
    "nk-internet": ["swjpg4UymPq7hyy7", "CiKoDpM654YHc83Z", "MqeZ3UB9lhHbWLn9"],
    "china-tariffs": ["B0jEv9uOJDHnKkC4", "865fQhhgB2zYo6ou", "f9AC32sWQ2mjvykR"],
    "kavanaugh-accuser": ["C1QaPSBhac3Ycg9d", "NXRqfMtFb5lJQHoU", "P3CCkdow09QjFGzI"],
    "mandela-memorial": ["ouIBjmaZK3zyagZD", "KC7rLi634gHJtn5R", "GFDsD1yMUsaYxj6E"],
    "paris-attack": ["AzCx1YKcvIPucNa2", "XlNaSdvwjXisiUxw"],
    "hagel-resigns": ["ypjidns4gKRclFoP", "s9FlOqC1pHyAdr5l"],
    "nk-rocket": ["h2disBYv2qasfXOn", "vQjkcODcTl6lvXrP"],
    "russia-sanctions": ["TvHAeloxBLlDpo9c", "f0CMurHFxfrX2Jxr"],
    "iran-missiles": ["e2mqb0kW5szkkIrW", "ONs61Y8znqRh8cQs"],
    "house-impeaches": ["M85EZ6mRnf9HyfsI", "Jc3w54MpzqBz2di5"],
    "collins-arrest": ["Uljvfggbf3ADGE29", "zpiTdF2ehQeVt7tP"],
    "obama-amnesty": ["5ByIaO9yGa76wTkY", "z8KEo0ZFqjsDzlEt"],
    "fauci-warns": ["6N8lWd4v2WaKk7HS", "aO8hsfIYJuMSnyZ2"],
    "border-military": ["fDOzHBI4LKQtSvMW", "jR8vRNvFEXgs6b2B"],
}
#: Larger groups (four or five outlets over a few days of one story), with ``--large``.
LARGE_GROUPS = {
    "kavanaugh-ford-5": ["C1QaPSBhac3Ycg9d", "NXRqfMtFb5lJQHoU", "P3CCkdow09QjFGzI", "6zUJXdsfeQLN7SfU", "t7IxBdJWv8abob7S"],
    "shutdown-oct-2013-4": ["4F7mBIHCyFNG8sXG", "gIHmXRnRWoJKgsX7", "dZLJMAcNZcuKtTvv", "RmaUQ5Hjn2uJWGbg"],
}


def load_profiles(cache: Path | None, groups: dict[str, list[str]] = GROUPS) -> dict[str, list[dict]]:
    """Analysed profiles per group (read from ``cache`` when it exists)."""
    if cache is not None and cache.is_file():
        return json.loads(cache.read_text(encoding="utf-8"))
    wanted = {i: g for g, ids in groups.items() for i in ids}
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["id"] in wanted]
    articles = [{"text": r["text"], "id": r["id"], "outlet": r["outlet"]} for r in rows]
    out: dict[str, list[dict]] = {g: [] for g in groups}
    for row, profile in zip(rows, framing.analyze_many(articles)):
        out[wanted[row["id"]]].append(profile.to_dict())
    if cache is not None:
        cache.write_text(json.dumps(out), encoding="utf-8")
    return out


STRATA = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25)

#: The rules whose precision ``--verdicts`` prints: name -> test on a candidate's scores.
RULES = {
    **{f"best < {t:.2f}": (lambda e, t=t: e["best"] < t) for t in (0.05, 0.08, 0.10, 0.12, 0.13, 0.15, 0.20, 0.25)},
    **{f"max(best, win) < {t:.2f}": (lambda e, t=t: max(e["best"], e["win"]) < t) for t in (0.10, 0.12, 0.15)},
    **{f"best < {t:.2f} and anyw < {a:.2f}": (lambda e, t=t, a=a: e["best"] < t and e["anyw"] < a)
       for t in (0.12, 0.15, 0.20) for a in (0.30, 0.40)},
    **{f"best + 0.2 anyw < {t:.2f}": (lambda e, t=t: e["best"] + 0.2 * e["anyw"] < t) for t in (0.17, 0.20)},
    "best < 0.15 and nfeat >= 5": lambda e: e["best"] < 0.15 and e["nfeat"] >= 5,
}


def evidence(passages: list) -> dict[int, dict]:
    """Per sentence passage (index into ``passages``): ``best``, ``win``, ``anyw``, ``nfeat``
    (see the module docstring)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    idx = [k for k, p in enumerate(passages) if p.kind == "sentence" and p.features]
    vec = TfidfVectorizer(analyzer=lambda f: f, sublinear_tf=True, norm="l2")
    x = vec.fit_transform([passages[k].features for k in idx]).tocsr()
    idf = dict(zip(vec.get_feature_names_out(), vec.idf_))
    arts = np.array([passages[k].article for k in idx])
    pairs = [(a, a + 1) for a in range(len(idx) - 1) if arts[a] == arts[a + 1]]
    w = vec.transform([passages[idx[a]].features + passages[idx[b]].features for a, b in pairs])
    s, sw = (x @ x.T).toarray(), (x @ w.T).toarray()
    wart = np.array([arts[a] for a, _ in pairs])
    feats_of: dict[str, set] = {}
    for k in idx:
        feats_of.setdefault(passages[k].article, set()).update(passages[k].features)
    out = {}
    for a, k in enumerate(idx):
        art = arts[a]
        feats = set(passages[k].features)
        total = sum(idf[f] for f in feats)
        out[k] = {
            "best": float(s[a][arts != art].max(initial=0.0)),
            "win": float(sw[a][wart != art].max(initial=0.0)) if len(pairs) else 0.0,
            "anyw": max(sum(idf[f] for f in feats if f in feats_of[v]) for v in feats_of if v != art) / total,
            "nfeat": len(feats),
        }
    return out


def listing(args: argparse.Namespace) -> int:
    groups = load_profiles(args.profiles, LARGE_GROUPS if args.large else GROUPS)
    pool = []
    for name, group in groups.items():
        passages = comparison_passages(framing.compare(group))
        near = closest(passages, args.context) if args.context else {}
        for k, e in evidence(passages).items():
            if e["best"] < STRATA[-1]:
                pool.append((name, passages[k], e, near.get((passages[k].article, passages[k].start), [])))
    rng = random.Random(args.seed)
    rows = []
    for lo, hi in zip(STRATA, STRATA[1:]):
        stratum = [c for c in pool if lo <= c[2]["best"] < hi]
        sample = rng.sample(stratum, min(args.per_stratum, len(stratum)))
        print(f"\n## cosine [{lo:.2f}, {hi:.2f}): {len(stratum)} candidates; {len(sample)} listed")
        for name, p, e, near in sorted(sample, key=lambda c: (c[0], c[1].article, c[1].start)):
            key = f"{name}:{p.article}:{p.start}"
            rows.append(dict(key=key, stratum=lo, n_stratum=len(stratum), **e))
            scores = " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in e.items())
            print(f"{key} ({scores}) {' '.join(p.text.split())}")
            for score, other in near:
                print(f"        {score:.3f} [{other.article}] {' '.join(other.text.split())}")
    for path in args.json or []:
        path.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


def precision_table(verdicts: Path, listings: list[Path]) -> int:
    """Each rule's precision over the read candidates of ``listings``."""
    read = {}
    for line in verdicts.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, verdict = line.split("\t")[:2]
            read[key] = verdict
    rows: dict[str, dict] = {}
    listed = []
    for path in listings:
        listed += json.loads(path.read_text(encoding="utf-8"))
    for row in listed:
        if row["key"] in read:
            rows.setdefault(row["key"], dict(row, verdict=read[row["key"]]))
    per_stratum = {lo: sum(r["stratum"] == lo for r in rows.values()) for lo in STRATA[:-1]}
    unread = {r["stratum"] for r in listed if not per_stratum[r["stratum"]]}
    print(f"{len(rows)} candidates read: " + ", ".join(
        f"{n} in [{lo:.2f}, {lo + 0.05:.2f})" for lo, n in per_stratum.items()))
    print("| rule | read | T | N | F | est. passages | precision (N as true / as false) |\n|---|---|---|---|---|---|---|")
    for name, rule in RULES.items():
        if any(rule(r) for r in listed if r["stratum"] in unread):
            continue  # the rule takes in a stratum nobody read
        hit = [r for r in rows.values() if rule(r)]
        weight = {r["key"]: r["n_stratum"] / per_stratum[r["stratum"]] for r in hit}
        total = sum(weight.values())
        if not total:
            continue
        count = {v: sum(1 for r in hit if r["verdict"] == v) for v in "TNF"}
        good = sum(w for k, w in weight.items() if rows[k]["verdict"] == "T")
        noise = sum(w for k, w in weight.items() if rows[k]["verdict"] == "N")
        print(f"| {name} | {len(hit)} | {count['T']} | {count['N']} | {count['F']} | {total:.0f} "
              f"| {(good + noise) / total:.2f} / {good / total:.2f} |")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=Path, default=None, help="JSON cache of the analysed profiles")
    parser.add_argument("--per-stratum", type=int, default=20)
    parser.add_argument("--large", action="store_true", help="the groups of four or five outlets instead")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--context", type=int, nargs="?", const=3, default=0, metavar="N",
                        help="the N (default 3) closest sentences of every other article")
    parser.add_argument("--json", type=Path, action="append",
                        help="listing: write the candidates' scores here; --verdicts: the listings read")
    parser.add_argument("--verdicts", type=Path, default=None, help="print each rule's precision from these verdicts")
    args = parser.parse_args(argv)
    if args.verdicts is not None:
        return precision_table(args.verdicts, args.json or [])
    if not SAMPLE.is_file():
        print(f"AllSides sample not found at {SAMPLE}", file=sys.stderr)
        return 2
    return listing(args)


if __name__ == "__main__":
    sys.exit(main())
