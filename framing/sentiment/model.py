"""The shipped target-sentiment model: a multinomial logistic regression as plain arrays.

``framing/sentiment/data/model.json`` holds the metadata (source data, training command,
seed, cross-validated scores, feature version) and the feature vocabulary;
``model.npz`` holds ``coef`` (classes x features, float32) and ``intercept``. Scoring is a
sparse dot product in numpy: no scikit-learn, no unpickling at run time.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Mapping

import numpy as np

from .features import FEATURES_VERSION

__all__ = ["LinearModel", "default_model"]


@dataclass
class LinearModel:
    classes: list[str]
    vocabulary: dict[str, int]
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray  # (n_classes,)
    meta: dict[str, Any]

    def proba(self, rows: list[Mapping[str, float]]) -> np.ndarray:
        """Class probabilities for feature dicts, shape (n_rows, n_classes)."""
        vocab = self.vocabulary
        coef_t = self.coef_t
        scores = np.tile(self.intercept, (len(rows), 1)).astype(np.float64)
        for r, feats in enumerate(rows):
            idx = [vocab[k] for k in feats if k in vocab]
            if idx:
                vals = np.fromiter((feats[k] for k in feats if k in vocab), dtype=np.float64, count=len(idx))
                scores[r] += vals @ coef_t[idx]
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    @functools.cached_property
    def coef_t(self) -> np.ndarray:
        return np.ascontiguousarray(self.coef.T, dtype=np.float64)

    @classmethod
    def from_files(cls, meta_text: str, arrays: Mapping[str, np.ndarray]) -> LinearModel:
        meta = json.loads(meta_text)
        if meta.get("features_version") != FEATURES_VERSION:
            raise ValueError(
                f"sentiment model was trained on features v{meta.get('features_version')}, code has v{FEATURES_VERSION}; "
                "rebuild it with: python benchmarks/train_sentiment.py"
            )
        vocabulary = {name: i for i, name in enumerate(meta.pop("features"))}
        return cls(meta["classes"], vocabulary, np.asarray(arrays["coef"]), np.asarray(arrays["intercept"]), meta)


@functools.lru_cache(maxsize=1)
def default_model() -> LinearModel:
    """The model shipped in ``framing/sentiment/data`` (loaded once)."""
    folder = resources.files("framing.sentiment").joinpath("data")
    meta = folder.joinpath("model.json").read_text(encoding="utf-8")
    with folder.joinpath("model.npz").open("rb") as fh:
        with np.load(fh, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    return LinearModel.from_files(meta, arrays)
