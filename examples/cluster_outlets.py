"""Profiles as features: cluster outlets, and check how much of the bias label they carry.

    python examples/cluster_outlets.py [--data ../shared/data/allsides/sample.jsonl] [--per-outlet 8] [--outlets 12]

Analyzes a few articles of the most frequent outlets of the AllSides sample, turns each
profile into a vector with framing.ProfileVectorizer (a scikit-learn transformer), averages
per outlet and clusters the outlets; then cross-validates a logistic regression that
predicts the AllSides bias rating of an article from its profile alone. These are
descriptive numbers on a small sample, not a bias detector.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

import framing

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides" / "sample.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--outlets", type=int, default=12)
    parser.add_argument("--per-outlet", type=int, default=8)
    parser.add_argument("--clusters", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"AllSides sample not found at {args.data} (see ../shared/data/README.md)", file=sys.stderr)
        return 2
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    top = [o for o, _ in Counter(r["outlet"] for r in rows).most_common(args.outlets)]
    chosen: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["outlet"] in top and len(chosen[r["outlet"]]) < args.per_outlet:
            chosen[r["outlet"]].append(r)
    articles = [r for o in top for r in chosen[o]]
    print(f"analyzing {len(articles)} articles from {len(top)} outlets ...")
    profiles = list(framing.analyze_many(articles, progress=True))

    features = make_pipeline(framing.ProfileVectorizer(include=("attribution", "readability", "sentiment", "terminology", "actors")),
                             SimpleImputer(keep_empty_features=True), StandardScaler())
    X = features.fit_transform(profiles)
    outlets = [p.outlet for p in profiles]
    bias = {r["outlet"]: r["bias"] for r in articles}
    means = np.vstack([X[[i for i, o in enumerate(outlets) if o == name]].mean(axis=0) for name in top])
    labels = AgglomerativeClustering(n_clusters=args.clusters).fit_predict(means)
    print(f"\nOutlets clustered on their mean profile ({X.shape[1]} features):")
    for c in range(args.clusters):
        members = [f"{name} ({bias[name]})" for name, lab in zip(top, labels) if lab == c]
        print(f"  cluster {c}: {', '.join(members)}")

    names = features[0].get_feature_names_out()
    spread = means.std(axis=0)
    print("\nFeatures that differ most between outlets:", ", ".join(names[np.argsort(-spread)[:6]]))

    y = [r["bias"] for r in articles]
    model = make_pipeline(framing.ProfileVectorizer(), SimpleImputer(keep_empty_features=True), StandardScaler(),
                          LogisticRegression(max_iter=2000))
    folds = min(5, min(Counter(y).values()))
    scores = cross_val_score(model, profiles, y, cv=folds, scoring="accuracy")
    print(f"\nBias rating from the profile alone: {folds}-fold accuracy {scores.mean():.2f} "
          f"(chance {max(Counter(y).values()) / len(y):.2f}); outlets leak across folds, so this is optimistic.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
