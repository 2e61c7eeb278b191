"""Train the attribution cue model (framing/data/attribution_cue_model.json) on PolNeAR train.

    python benchmarks/train_attribution.py [--data ../shared/data/polnear] [--C 0.3] [--cache DIR]

Every candidate cue the extractor proposes in the training articles (a verb or noun whose
lemma heads gold cues, with the source and content the rules find for it) is labelled
positive when it overlaps a gold cue. A logistic regression over
:func:`framing.attribution.model.cue_features` is fitted; 5-fold cross-validation grouped by
article picks C (when several are given) and the decision threshold that maximises the
cross-validated cue F1 of the candidates (recall over all gold cues). Deterministic: same
data and spaCy pipeline, same file. ``--cache DIR`` keeps the parsed articles (spaCy
DocBin) between runs.
"""

from __future__ import annotations

import argparse
import bisect
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _polnear  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

import framing  # noqa: E402
from framing.attribution.extract import extract  # noqa: E402
from framing.attribution.lexicon import default_lexicon  # noqa: E402
from framing.attribution.model import CueModel  # noqa: E402
from framing.pipeline import pipeline_name  # noqa: E402
from framing.terminology.voice import quote_ranges  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "framing" / "data" / "attribution_cue_model.json"
ACCEPT_ALL = CueModel({}, 0.0, 0.0, {})


def parsed(articles: list[_polnear.Article], nlp, cache: Path | None, split: str):
    from spacy.tokens import DocBin

    path = cache / f"polnear-{split}-{pipeline_name(nlp)}.spacy" if cache is not None else None
    if path is not None and path.is_file():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(articles) and all(d.text == a.text for d, a in zip(docs, articles)):
            return docs
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(path)
    return docs


def candidates(articles, docs):
    """(features, label, article index, gold cue ids overlapped) per candidate, and the number of gold cues."""
    lexicon = default_lexicon()
    rows = []
    n_gold = 0
    for k, (art, doc) in enumerate(zip(articles, docs)):
        gold = sorted((s, e, n_gold + j) for j, a in enumerate(art.attributions) for s, e in a.cue)
        n_gold += len(art.attributions)
        starts = [s for s, _, _ in gold]
        seen: list = []
        text = doc.text
        extract(doc, lexicon, quote_ranges(text), text, model=ACCEPT_ALL, collect=seen)
        for _, (cs, ce), feats in seen:
            j = bisect.bisect_left(starts, ce)
            hit = {g for s, e, g in gold[max(0, j - 50):j] if s < ce and cs < e}
            rows.append((feats, bool(hit), k, hit))
    return rows, n_gold


def best_threshold(prob: np.ndarray, labels: np.ndarray, hits: list[set[int]], n_gold: int) -> tuple[float, float]:
    best = (0.0, 0.5)
    for t in np.arange(0.10, 0.91, 0.01):
        keep = prob >= t
        n_pred = int(keep.sum())
        if not n_pred:
            continue
        p = float(labels[keep].sum()) / n_pred
        covered = set().union(*(hits[i] for i in np.flatnonzero(keep & labels)))
        r = len(covered) / n_gold
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best[0]:
            best = (f, round(float(t), 2))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=_polnear.ROOT)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--C", type=float, nargs="+", default=[0.3])
    parser.add_argument("--cache", type=Path, default=None, help="keep parsed articles here between runs")
    args = parser.parse_args(argv)
    articles = _polnear.load("train", args.data)
    if not articles:
        print(f"no PolNeAR training data under {args.data}", file=sys.stderr)
        return 2
    nlp = framing.load_pipeline()
    docs = parsed(articles, nlp, args.cache, "train")
    rows, n_gold = candidates(articles, docs)
    vec = DictVectorizer()
    X = vec.fit_transform([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    groups = np.array([r[2] for r in rows])
    hits = [r[3] for r in rows]
    print(f"{len(articles)} articles, {n_gold} gold cues, {len(rows)} candidates ({y.mean():.2f} positive), "
          f"candidate recall ceiling {len(set().union(*hits)) / n_gold:.3f}")
    results = []
    for C in args.C:
        prob = np.zeros(len(rows))
        for train_idx, test_idx in GroupKFold(n_splits=5).split(X, y, groups):
            clf = LogisticRegression(C=C, max_iter=2000)
            clf.fit(X[train_idx], y[train_idx])
            prob[test_idx] = clf.predict_proba(X[test_idx])[:, 1]
        f1, threshold = best_threshold(prob, y, hits, n_gold)
        print(f"  C={C:<6} cross-validated candidate cue F1 {f1:.3f} at threshold {threshold}")
        results.append((f1, C, threshold))
    f1, C, threshold = max(results)
    clf = LogisticRegression(C=C, max_iter=2000).fit(X, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 5) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 1e-5}
    model = CueModel(weights, round(float(clf.intercept_[0]), 5), threshold, {
        "source": "PolNeAR train (Newell, Margolin & Ruths, LREC 2018), github networkdynamics/PolNeAR; "
                  "no data license stated (research use). Weights over feature names (lemmas and parse labels), no text.",
        "built_by": "python benchmarks/train_attribution.py",
        "pipeline": pipeline_name(nlp),
        "C": C,
        "cv_candidate_f1": round(f1, 4),
        "n_candidates": len(rows),
    })
    args.out.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights, C={C}, threshold {threshold})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
