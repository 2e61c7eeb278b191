"""Train the shipped target-sentiment model on NewsMTSC train and write it as plain arrays.

    python benchmarks/train_sentiment.py [--data ../shared/data/newsmtsc/train.jsonl] [--C 0.1]

Writes ``framing/sentiment/data/model.json`` (metadata and feature names) and ``model.npz``
(coefficients). Deterministic: fixed seed, sorted vocabulary, liblinear-free lbfgs solver.
NewsMTSC: Hamborg & Donnay, EACL 2021, github fhamborg/NewsMTSC, MIT license.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _newsmtsc import DEFAULT, DENSE_SCALE, LABELS, STATIC_SCALE, build_matrix, dense_matrix, featurize_all, load  # noqa: E402

import framing  # noqa: E402
from framing.sentiment.features import DENSE_PARTS, FEATURES_VERSION  # noqa: E402
from framing.sentiment.static import STATIC_PARTS  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "framing" / "sentiment" / "data"
SEED = 13


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--C", type=float, default=0.1, help="inverse regularisation strength (0.1: best of 0.1-1.0 in eval_sentiment.py CV)")
    parser.add_argument("--min-df", type=int, default=2, help="keep features seen in at least this many targets")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--static-vectors", type=Path, default=None, metavar="NPZ",
                        help="also train on static word-vector features from this file (benchmarks/build_static_vectors.py), "
                             "copied beside the model (the shipped model has none)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"NewsMTSC train file not found: {args.data}", file=sys.stderr)
        return 2
    from sklearn.linear_model import LogisticRegression

    rows = load(args.data)
    nlp = framing.load_pipeline()
    from scipy.sparse import csr_matrix, hstack

    vectors = None
    if args.static_vectors is not None:
        from framing.sentiment.static import load_vectors

        vectors = load_vectors(args.static_vectors)
    feats, y, _, dense, static = featurize_all(rows, nlp, vectors=vectors)
    X, names = build_matrix(feats, min_df=args.min_df)
    D, dense_mean, dense_scale = dense_matrix(dense)
    S, static_mean, static_scale = dense_matrix(static, factor=STATIC_SCALE) if vectors is not None else (np.zeros((len(y), 0)), None, None)
    clf = LogisticRegression(C=args.C, max_iter=3000, random_state=SEED)
    clf.fit(hstack([X, csr_matrix(D), csr_matrix(S)]).tocsr(), y)
    n, d = len(names), D.shape[1]
    coef, dense_coef, static_coef = clf.coef_[:, :n], clf.coef_[:, n:n + d], clf.coef_[:, n + d:]
    classes = [LABELS[c] for c in clf.classes_]
    args.out.mkdir(parents=True, exist_ok=True)
    meta = {
        "name": "framing target sentiment (logistic regression)",
        "source": "NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021; github fhamborg/NewsMTSC; MIT license)",
        "license": "MIT (weights derived from MIT-licensed data)",
        "command": "python benchmarks/train_sentiment.py" + (f" --C {args.C}" if args.C != 0.3 else "") + (f" --static-vectors {args.static_vectors}" if vectors is not None else ""),
        "seed": SEED,
        "C": args.C,
        "min_df": args.min_df,
        "n_targets": int(len(y)),
        "spacy_pipeline": framing.pipeline.pipeline_name(nlp),
        "features_version": FEATURES_VERSION,
        "dense": {"parts": list(DENSE_PARTS), "width": int(D.shape[1]), "pipeline": framing.pipeline.pipeline_name(nlp),
                  "scale": DENSE_SCALE,
                  "what": "doc.tensor of that pipeline (its shared token-to-vector layer): mean over the target, "
                          "the governing word's row, mean over the sentence, valence-weighted means over the sentence's "
                          "positive and negative VADER words; standardised on the training targets"},
        "static": None if vectors is None else {"parts": list(STATIC_PARTS), "width": int(S.shape[1]), "scale": STATIC_SCALE,
                   "vectors": "static_vectors.npz: all-MiniLM-L6-v2 (Apache-2.0) distilled to static word vectors by "
                              "benchmarks/build_static_vectors.py; standardised on the training targets"},
        "classes": classes,
        "features": names,
    }
    (args.out / "model.json").write_text(json.dumps(meta, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    arrays = {"coef": coef, "intercept": clf.intercept_, "dense_mean": dense_mean, "dense_scale": dense_scale,
              "dense_coef": dense_coef}
    if vectors is not None:
        arrays.update(static_mean=static_mean, static_scale=static_scale, static_coef=static_coef)
        shutil.copyfile(args.static_vectors, args.out / "static_vectors.npz")
    np.savez_compressed(args.out / "model.npz", **{k: v.astype(np.float32) for k, v in arrays.items()})
    print(f"trained on {len(y)} targets, {len(names)} features; wrote {args.out}/model.json and model.npz")
    return 0


if __name__ == "__main__":
    sys.exit(main())
