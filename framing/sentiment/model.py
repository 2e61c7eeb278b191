"""The shipped target-sentiment model: a multinomial logistic regression as plain arrays.

``framing/sentiment/data/model.json`` holds the metadata (source data, training command,
seed, cross-validated scores, feature version) and the feature vocabulary;
``model.npz`` holds ``coef`` (classes x features, float32) and ``intercept``, and for the
dense part (:func:`~framing.sentiment.features.dense_features`) ``dense_mean``,
``dense_scale`` (what standardises a dense vector) and ``dense_coef`` (classes x dense
width), and for the static word vectors (:mod:`~framing.sentiment.static`) ``static_mean``,
``static_scale`` and ``static_coef`` likewise. Scoring is a dot product in numpy: no
scikit-learn, no unpickling at run time.
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
    dense_mean: np.ndarray | None = None  # (width,)
    dense_scale: np.ndarray | None = None  # (width,)
    dense_coef: np.ndarray | None = None  # (n_classes, width)
    static_mean: np.ndarray | None = None  # (static width,)
    static_scale: np.ndarray | None = None
    static_coef: np.ndarray | None = None  # (n_classes, static width)

    @property
    def dense_pipeline(self) -> str | None:
        """The spaCy pipeline whose ``doc.tensor`` the dense weights were trained on."""
        return (self.meta.get("dense") or {}).get("pipeline") if self.dense_coef is not None else None

    def proba(self, rows: list[Mapping[str, float]], dense: list[np.ndarray | None] | None = None,
              static: list[np.ndarray | None] | None = None) -> np.ndarray:
        """Class probabilities for feature dicts, shape (n_rows, n_classes). ``dense`` gives
        each row's dense vector, or ``None`` where it has none (the dense part then adds what
        it adds for an average vector: nothing); ``static`` likewise its static-vector features."""
        vocab = self.vocabulary
        coef_t = self.coef_t
        scores = np.tile(self.intercept, (len(rows), 1)).astype(np.float64)
        for r, feats in enumerate(rows):
            idx, values = [], []
            for k, v in feats.items():  # one dictionary lookup per feature
                j = vocab.get(k)
                if j is not None:
                    idx.append(j)
                    values.append(v)
            if idx:
                scores[r] += np.array(values, dtype=np.float64) @ coef_t[idx]
        for vecs, mean, scale, coef in ((dense, self.dense_mean, self.dense_scale, self.dense_coef),
                                        (static, self.static_mean, self.static_scale, self.static_coef)):
            if vecs is None or coef is None:
                continue
            for r, vec in enumerate(vecs):
                if vec is not None and vec.shape == mean.shape:
                    scores[r] += ((vec - mean) * scale) @ coef.T
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
        parts = {}
        for block in ("dense", "static"):
            names = [f"{block}_{k}" for k in ("mean", "scale", "coef")]
            found = {k: np.asarray(arrays[k], dtype=np.float64) for k in names if k in arrays}
            if found and len(found) != 3:
                raise ValueError(f"sentiment model: {', '.join(names)} come together")
            parts.update(found)
        return cls(meta["classes"], vocabulary, np.asarray(arrays["coef"]), np.asarray(arrays["intercept"]), meta, **parts)


@functools.lru_cache(maxsize=1)
def default_model() -> LinearModel:
    """The model shipped in ``framing/sentiment/data`` (loaded once)."""
    folder = resources.files("framing.sentiment").joinpath("data")
    meta = folder.joinpath("model.json").read_text(encoding="utf-8")
    with folder.joinpath("model.npz").open("rb") as fh:
        with np.load(fh, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    return LinearModel.from_files(meta, arrays)
