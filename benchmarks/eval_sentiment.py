"""5-fold cross-validated macro-F1 of target sentiment on NewsMTSC train.

    python benchmarks/eval_sentiment.py [--data ../shared/data/newsmtsc/train.jsonl] [--C 0.1 0.3 ...] [--class-weight balanced]
    python benchmarks/eval_sentiment.py --test devtest_mt.jsonl devtest_rw.jsonl   # the shipped model on held-out files

Folds are grouped by sentence (StratifiedGroupKFold, fixed seed), so no sentence sits in a
training and a test fold at once. Also prints, for orientation, VADER's compound score of
the whole sentence (the issue's baseline: 0.51) and framing's per-target VADER backend.
NewsMTSC's own test sets are kept aside and never used here; whoever holds them scores the
shipped model (trained on the whole train file) on them with ``--test``, which skips the
cross-validation: files in the train file's format (one sentence per line with
``sentence_normalized`` and ``targets``, each with ``from``, ``to`` and ``polarity``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _newsmtsc import DEFAULT, POLARITY, STATIC_SCALE, build_matrix, dense_matrix, featurize_all, load, parse_all  # noqa: E402

import framing  # noqa: E402

SEED = 13


def vader_label(score: float) -> int:
    return 2 if score >= 0.05 else 0 if score <= -0.05 else 1


def held_out(paths: list[Path]) -> int:
    """Macro-F1 of the shipped model (and of VADER on the whole sentence) on each file."""
    from sklearn.metrics import f1_score
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.terminology import RangeIndex, quote_ranges

    missing = [p for p in paths if not p.is_file()]
    if missing:
        print(f"held-out file not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    nlp = framing.load_pipeline()
    labels = {"negative": 0, "neutral": 1, "positive": 2}
    vader = SentimentIntensityAnalyzer()
    for path in paths:
        rows = load(path)
        docs = parse_all(rows, nlp, cache=None)
        y, y_model, y_vader = [], [], []
        for row, doc in zip(rows, docs):
            spans = [(int(t["from"]), int(t["to"])) for t in row["targets"]]
            quotes = RangeIndex(quote_ranges(doc.text))
            results = framing.sentiment.score_targets(doc, spans, quoted=[quotes.covers(s, e) for s, e in spans], nlp=nlp)
            y_model.extend(labels[r.label] for r in results)
            sentence = vader.polarity_scores(row["sentence_normalized"])["compound"]
            y_vader.extend(vader_label(sentence) for _ in spans)
            y.extend(POLARITY[float(t["polarity"])] for t in row["targets"])
        print(f"{path.name}: {len(y)} targets in {len(rows)} sentences")
        print(f"  framing model (shipped):  macro-F1 {f1_score(y, y_model, average='macro'):.3f}")
        print(f"  VADER, the whole sentence: macro-F1 {f1_score(y, y_vader, average='macro'):.3f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--C", type=float, nargs="+", default=[0.1])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--min-df", type=int, default=2)
    parser.add_argument("--class-weight", default=None, choices=("balanced",),
                        help="logistic regression class weights (default: none, as the shipped model)")
    parser.add_argument("--preset", default="default", choices=("default", "fast"),
                        help="pipeline preset of the held-out folds; 'fast' trains on full parses (as the "
                             "shipped model is) and tests on parses without the dependency parser")
    parser.add_argument("--no-dense", action="store_true",
                        help="leave out the pipeline's token vectors (doc.tensor), as the model does on a Doc without them")
    parser.add_argument("--static-vectors", type=Path, default=None, metavar="NPZ",
                        help="add static word-vector features from this file (benchmarks/build_static_vectors.py; "
                             "the shipped model has none)")
    parser.add_argument("--static-scale", type=float, default=STATIC_SCALE,
                        help=f"scale of the standardised static-vector features (default {STATIC_SCALE})")
    parser.add_argument("--test", type=Path, nargs="+", default=None, metavar="FILE",
                        help="score the shipped model on these held-out files instead of cross-validating")
    args = parser.parse_args(argv)
    if args.test:
        return held_out(args.test)
    if not args.data.is_file():
        print(f"NewsMTSC train file not found: {args.data}", file=sys.stderr)
        return 2
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedGroupKFold
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    rows = load(args.data)
    nlp = framing.load_pipeline()
    t0 = time.perf_counter()
    docs = parse_all(rows, nlp)
    vectors = None
    if args.static_vectors is not None:
        from framing.sentiment.static import load_vectors

        vectors = load_vectors(args.static_vectors)
    feats, y, groups, dense, static = featurize_all(rows, nlp, docs=docs, vectors=vectors)
    print(f"NewsMTSC train: {len(y)} targets in {len(rows)} sentences (parse + features {time.perf_counter() - t0:.0f}s)")
    test_feats, test_dense, test_static = feats, dense, static
    if args.preset == "fast":
        fast = framing.load_pipeline(preset="fast")
        test_feats, y_fast, _, test_dense, test_static = featurize_all(rows, fast, docs=parse_all(rows, fast), vectors=vectors)
        assert (y_fast == y).all()
        print("  held-out folds parsed with the 'fast' preset (no dependency parser)")

    vader = SentimentIntensityAnalyzer()
    sent_scores = {}
    y_vader = []
    for row in rows:
        s = sent_scores.setdefault(row["sentence_normalized"], vader.polarity_scores(row["sentence_normalized"])["compound"])
        y_vader.extend(vader_label(s) for _ in row["targets"])
    print(f"  VADER on the whole sentence:       macro-F1 {f1_score(y, y_vader, average='macro'):.3f}")

    y_target = []
    for row, doc in zip(rows, docs):
        spans = [(int(t["from"]), int(t["to"])) for t in row["targets"]]
        y_target.extend({"negative": 0, "neutral": 1, "positive": 2}[r.label]
                        for r in framing.sentiment.score_targets(doc, spans, backend="vader"))
    print(f"  framing backend='vader' (per target): macro-F1 {f1_score(y, y_target, average='macro'):.3f}")

    cv = StratifiedGroupKFold(n_splits=args.folds, shuffle=True, random_state=SEED)
    for C in args.C:
        preds = np.zeros_like(y)
        fold_scores = []
        for train_idx, test_idx in cv.split(np.zeros(len(y)), y, groups):
            X_train, names = build_matrix([feats[i] for i in train_idx], min_df=args.min_df)
            X_test, _ = build_matrix([test_feats[i] for i in test_idx], names=names)
            if not args.no_dense:
                D_train, mean, scale = dense_matrix([dense[i] for i in train_idx])
                D_test, _, _ = dense_matrix([test_dense[i] for i in test_idx], mean, scale)
                X_train = hstack([X_train, csr_matrix(D_train)]).tocsr()
                X_test = hstack([X_test, csr_matrix(D_test)]).tocsr()
            if vectors is not None:
                S_train, mean, scale = dense_matrix([static[i] for i in train_idx], factor=args.static_scale)
                S_test, _, _ = dense_matrix([test_static[i] for i in test_idx], mean, scale)
                X_train = hstack([X_train, csr_matrix(S_train)]).tocsr()
                X_test = hstack([X_test, csr_matrix(S_test)]).tocsr()
            clf = LogisticRegression(C=C, max_iter=3000, random_state=SEED, class_weight=args.class_weight).fit(X_train, y[train_idx])
            preds[test_idx] = clf.predict(X_test)
            fold_scores.append(f1_score(y[test_idx], preds[test_idx], average="macro"))
        print(f"  framing model C={C}: {args.folds}-fold grouped CV macro-F1 {f1_score(y, preds, average='macro'):.3f} "
              f"(folds {', '.join(f'{s:.3f}' for s in fold_scores)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
