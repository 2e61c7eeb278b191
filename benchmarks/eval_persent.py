"""Article-level sentiment toward the main person on PerSenT dev, cross-validated.

    python benchmarks/eval_persent.py [--data ../shared/data/persent/dev.csv] [--seeds 0 1 2] [--write]

PerSenT (Bastan et al., COLING 2020) labels each article with the author's sentiment toward
its main person (``TARGET_ENTITY``). Each article is analyzed by framing (actors, then
sentiment); the actor matching ``TARGET_ENTITY`` is the one whose name shares most word
tokens with it, preferring one that contains its last token (the surname), then a person,
then the most mentions (tokens: lowercase letters, two or more). An article without a
matching actor counts as neutral (the library would show no score).

Candidate aggregations of that actor's mention scores, each mapped to a label by a
neutral band (lo, hi) on the aggregate:

- ``mean``: the mean mention score, names only, and with pronoun mentions weighing w;
- ``shares``: share of positive minus share of negative mention labels;
- voice: quoted mentions (inside a quotation) and speaker mentions (subject of a speech
  verb, "Koellmann said") weighted down;
- position: mentions weighted by exp(-k * relative position in the article).

Every label is held to the mention labels (positive only if some mention is positive).
Each candidate's band is chosen on four folds and scored on the fifth (5-fold stratified,
fixed seeds); the shipped family (mean with a pronoun weight, the band) is scored by
*nested* cross-validation: weight and band chosen on the training folds only. ``--write``
chooses both on the whole of dev and writes ``framing/sentiment/data/aggregation.json``.
Baselines beside it: the previous aggregation (mean of name mentions, band +-0.1), VADER's
compound score averaged over the sentences that name the person (band +-0.05), and the
majority class. Parses are cached under /tmp/framing-cache, mention scores under
/tmp/framing-persent (keyed by the texts, the pipeline's components and every file of the
framing package, so a change anywhere in the library scores again).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _newsmtsc import parse_all  # noqa: E402

import framing  # noqa: E402
from framing.analyzers.actors import ActorsAnalyzer  # noqa: E402
from framing.analyzers.base import Context  # noqa: E402
from framing.analyzers.sentiment import SentimentAnalyzer  # noqa: E402
from framing.article import Article  # noqa: E402
from framing.sentiment import aggregate  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "persent" / "dev.csv"
CACHE = Path("/tmp/framing-persent")
OUT = Path(__file__).resolve().parents[1] / "framing" / "sentiment" / "data" / "aggregation.json"
GOLD = {"Negative": 0, "Neutral": 1, "Positive": 2}
LABELS = {"negative": 0, "neutral": 1, "positive": 2}
GRID = np.round(np.arange(-0.6, 0.41, 0.01), 2)
PRONOUN_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _tokens(text: str) -> list[str]:
    return [t for t in re.findall(r"[a-z][a-z'\-]+", text.lower()) if len(t) > 1]


def match_target(target: str, actors: list[dict]) -> dict | None:
    """The actor that stands for ``target`` (see the module docstring), or None."""
    wanted = _tokens(target)
    if not wanted:
        return None
    best, best_key = None, None
    for actor in actors:
        names = set(_tokens(actor["name"]))
        overlap = len(set(wanted) & names)
        key = (wanted[-1] in names, actor["type"] == "person", overlap, len(actor["mentions"]))
        if overlap and (best_key is None or key > best_key):
            best, best_key = actor, key
    return best


def _voice(doc, start: int, end: int, quoted: bool) -> str:
    from framing.attribution.lexicon import default_lexicon

    if quoted:
        return "quoted"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "narrator"
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX") and default_lexicon().is_cue(root.head.lemma_, "VERB"):
        return "speaker"
    if root.dep_ == "pobj" and root.head.head.lower_ == "according":
        return "speaker"
    return "narrator"


def _package_digest() -> str:
    """A hash of every file of the framing package (code, rule words, models), so that the
    cached records are recomputed whenever anything that scores them changes."""
    root = Path(framing.__file__).resolve().parent
    digest = hashlib.sha1()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def records(rows: list[dict], nlp) -> list[dict]:
    """Per article: gold label, the matched actor's mentions (score, label, pronoun, voice,
    position, sentence) and the shipped analyzer's score and label for it."""
    from framing.terminology import RangeIndex
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    texts = [r["DOCUMENT"] for r in rows]
    key = hashlib.sha1(json.dumps([framing.__version__, nlp.pipe_names, aggregate.default_aggregation().meta.get("band"),
                                   texts, _package_digest()]).encode()).hexdigest()[:16]
    path = CACHE / f"records-{key}.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    docs = parse_all([{"sentence_normalized": t} for t in texts], nlp, batch_size=32)
    actors, sentiment = ActorsAnalyzer(), SentimentAnalyzer()
    out = []
    for row, doc, text in zip(rows, docs, texts):
        context = Context(text=text, article=Article(id=row["DOCUMENT_INDEX"], text=text), nlp=nlp)
        context.results["actors"] = actors.analyze(doc, context)
        section = sentiment.analyze(doc, context)
        items = [i for i in context.results["actors"]["items"] if i["id"] in section["actors"]]
        target = match_target(row["TARGET_ENTITY"], items)
        rec = {"gold": GOLD[row["TRUE_SENTIMENT"]], "target": row["TARGET_ENTITY"], "matched": None, "mentions": []}
        if target is not None:
            entry = section["actors"][target["id"]]
            quotes = RangeIndex(context.quotes())
            rec.update(matched=target["name"], score=entry["score"], label=entry["label"])
            rec["mentions"] = [{"score": m["score"], "label": m["label"], "pronoun": m.get("kind") == "pronoun",
                                "voice": _voice(doc, m["start"], m["end"], quotes.covers(m["start"], m["end"])),
                                "pos": m["start"] / len(text), "sentence": m["context"]["start"],
                                "vader": vader.polarity_scores(m["context"]["text"])["compound"]}
                               for m in entry["mentions"]]
        out.append(rec)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out), encoding="utf-8")
    return out


# -- aggregations ---------------------------------------------------------------------------
def aggregate_value(mentions: list[dict], kind: str = "mean", pronoun: float = 0.0, quoted: float = 1.0,
                    speaker: float = 1.0, decay: float = 0.0) -> float:
    """One article's aggregate of its target's mentions (see the module docstring)."""
    if not mentions:
        return 0.0
    voice = {"narrator": 1.0, "quoted": quoted, "speaker": speaker}
    w = np.array([(pronoun if m["pronoun"] else 1.0) * voice[m["voice"]] * np.exp(-decay * m["pos"]) for m in mentions])
    if kind == "mean":
        s = np.array([m["score"] for m in mentions])
    else:
        s = np.array([(m["label"] == "positive") - (m["label"] == "negative") for m in mentions], dtype=float)
    if w.sum() <= 0:
        return 0.0
    return float((w * s).sum() / w.sum())


def guards(recs: list[dict], pronoun: float) -> tuple[np.ndarray, np.ndarray]:
    """Whether some counted mention is negative / positive (what a label must rest on)."""
    def has(r, label):
        return any(m["label"] == label for m in r["mentions"] if pronoun > 0 or not m["pronoun"])
    return np.array([has(r, "negative") for r in recs]), np.array([has(r, "positive") for r in recs])


def _bands() -> tuple[np.ndarray, np.ndarray]:
    lo, hi = np.meshgrid(GRID, GRID, indexing="ij")
    keep = hi > lo
    return lo[keep], hi[keep]


def label(values: np.ndarray, lo: float, hi: float, guard: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    pred = np.where(values <= lo, 0, np.where(values >= hi, 2, 1))
    pred = np.where((pred == 0) & ~guard[0], 1, pred)
    return np.where((pred == 2) & ~guard[1], 1, pred)


def macro_f1(y: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """Macro-F1 over the three classes; ``pred`` may be (n,) or (bands, n)."""
    total = 0.0
    for k in range(3):
        tp = ((pred == k) & (y == k)).sum(-1)
        fp = ((pred == k) & (y != k)).sum(-1)
        fn = ((pred != k) & (y == k)).sum(-1)
        total = total + np.where(tp > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)
    return total / 3


def best_band(values: np.ndarray, y: np.ndarray, guard: tuple[np.ndarray, np.ndarray]) -> tuple[float, float, float]:
    """(train macro-F1, lo, hi) of the best band on these articles (ties: the first)."""
    lo, hi = _bands()
    pred = np.where(values[None] <= lo[:, None], 0, np.where(values[None] >= hi[:, None], 2, 1))
    pred = np.where((pred == 0) & ~guard[0][None], 1, pred)
    pred = np.where((pred == 2) & ~guard[1][None], 1, pred)
    f1 = macro_f1(y[None], pred)
    j = int(np.argmax(f1))
    return float(f1[j]), float(lo[j]), float(hi[j])


def folds(y: np.ndarray, seed: int, n: int = 5) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(n, shuffle=True, random_state=seed).split(np.zeros(len(y)), y))


def cv_fixed(recs: list[dict], y: np.ndarray, seeds: list[int], **config: float) -> list[list[float]]:
    """Per seed, per fold macro-F1 of one aggregation whose band is chosen on the other folds."""
    values = np.array([aggregate_value(r["mentions"], **config) for r in recs])
    guard = guards(recs, config.get("pronoun", 0.0))
    out = []
    for seed in seeds:
        scores = []
        for train, test in folds(y, seed):
            _, lo, hi = best_band(values[train], y[train], (guard[0][train], guard[1][train]))
            scores.append(float(macro_f1(y[test], label(values[test], lo, hi, (guard[0][test], guard[1][test])))))
        out.append(scores)
    return out


def choose(recs: list[dict], y: np.ndarray, index: np.ndarray) -> tuple[float, float, float, float]:
    """(train macro-F1, pronoun weight, lo, hi) of the shipped family, chosen on ``index``."""
    best = None
    for w in PRONOUN_WEIGHTS:
        values = np.array([aggregate_value(recs[i]["mentions"], pronoun=w) for i in index])
        guard = guards([recs[i] for i in index], w)
        f1, lo, hi = best_band(values, y[index], guard)
        if best is None or f1 > best[0] + 1e-12:
            best = (f1, w, lo, hi)
    return best


def cv_nested(recs: list[dict], y: np.ndarray, seeds: list[int]) -> tuple[list[list[float]], list[tuple]]:
    """Per seed, per fold macro-F1 of the shipped family, weight and band chosen on the training folds."""
    out, chosen = [], []
    for seed in seeds:
        scores = []
        for train, test in folds(y, seed):
            _, w, lo, hi = choose(recs, y, train)
            chosen.append((w, lo, hi))
            values = np.array([aggregate_value(recs[i]["mentions"], pronoun=w) for i in test])
            guard = guards([recs[i] for i in test], w)
            scores.append(float(macro_f1(y[test], label(values, lo, hi, guard))))
        out.append(scores)
    return out, chosen


def _line(name: str, per_seed: list[list[float]]) -> str:
    means = [float(np.mean(s)) for s in per_seed]
    folds_ = " ".join(f"{v:.3f}" for v in per_seed[0])
    return f"  {name:<46} {np.mean(means):.3f} (seeds {' '.join(f'{m:.3f}' for m in means)}; folds of seed 1: {folds_})"


def baselines(recs: list[dict], y: np.ndarray) -> None:
    previous = np.array([aggregate_value(r["mentions"]) for r in recs])
    vader = np.array([np.mean(list({m["sentence"]: m["vader"] for m in r["mentions"] if not m["pronoun"]}.values()))
                      if r["mentions"] else 0.0 for r in recs])
    none = (np.ones(len(y), bool), np.ones(len(y), bool))
    print("baselines on all of dev (nothing tuned):")
    print(f"  majority class (positive)                      {macro_f1(y, np.full_like(y, 2)):.3f}")
    print(f"  VADER over the person's sentences, +-0.05      {macro_f1(y, label(vader, -0.05, 0.05, none)):.3f}")
    print(f"  previous: mean of name mentions, +-0.1         {macro_f1(y, label(previous, -0.1, 0.1, none)):.3f}")
    shipped = np.array([LABELS[r["label"]] if r["matched"] else 1 for r in recs])
    print(f"  shipped aggregation (what the analyzer says)   {macro_f1(y, shipped):.3f}   (fit on all of dev: optimistic)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--write", action="store_true", help=f"write the choice on all of dev to {OUT}")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"PerSenT dev not found: {args.data}", file=sys.stderr)
        return 2
    rows = load(args.data)
    recs = records(rows, framing.load_pipeline())
    y = np.array([r["gold"] for r in recs])
    matched = sum(r["matched"] is not None for r in recs)
    print(f"{len(recs)} articles ({dict(zip(('negative', 'neutral', 'positive'), np.bincount(y, minlength=3).tolist()))}); "
          f"TARGET_ENTITY matched to an actor in {matched}")
    baselines(recs, y)
    print(f"5-fold CV macro-F1, band chosen on the training folds (seeds {args.seeds}):")
    candidates = [("mean, names only", {}), ("shares of labels, names only", {"kind": "shares"}),
                  *[(f"mean, pronouns weigh {w}", {"pronoun": w}) for w in PRONOUN_WEIGHTS[1:]],
                  ("mean, pronouns 0.5, quoted 0.5", {"pronoun": 0.5, "quoted": 0.5}),
                  ("mean, pronouns 0.5, speaker 0.5", {"pronoun": 0.5, "speaker": 0.5}),
                  ("mean, pronouns 0.5, position decay 1", {"pronoun": 0.5, "decay": 1.0}),
                  ("shares, pronouns 0.5", {"kind": "shares", "pronoun": 0.5})]
    for name, config in candidates:
        print(_line(name, cv_fixed(recs, y, args.seeds, **config)))
    nested, chosen = cv_nested(recs, y, args.seeds)
    print("nested 5-fold CV of the shipped family (pronoun weight and band chosen on the training folds):")
    print(_line("mean, pronoun weight chosen", nested))
    print(f"  choices per fold (weight, lo, hi): {sorted(set(chosen))}")
    f1, w, lo, hi = choose(recs, y, np.arange(len(recs)))
    print(f"chosen on all of dev: pronoun weight {w}, band ({lo:.2f}, {hi:.2f}), dev macro-F1 {f1:.3f} (optimistic)")
    if args.write:
        data = {
            "source": "PerSenT dev (Bastan et al., COLING 2020; github MHDBST/PerSenT; no data license stated, "
                      "research use): 578 articles with the author's sentiment toward their main person",
            "command": "python benchmarks/eval_persent.py --write",
            "method": "weighted mean of mention scores (names 1, pronouns pronoun_weight), mapped through the "
                      "neutral band onto a calibrated score; label negative/positive only if a mention is",
            "pronoun_weight": w,
            "band": [round(lo, 2), round(hi, 2)],
            "cv": {"nested_macro_f1": round(float(np.mean([np.mean(s) for s in nested])), 3),
                   "seeds": args.seeds, "folds": 5, "dev_macro_f1": round(f1, 3)},
        }
        OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
