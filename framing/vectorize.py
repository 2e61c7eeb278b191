"""ProfileVectorizer: article profiles as a numeric matrix for scikit-learn."""

from __future__ import annotations

import math
from typing import Any, Iterable

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from .errors import InputTypeError, NotFittedError

__all__ = ["ProfileVectorizer"]


def _features(item: Any) -> dict[str, float]:
    from .profile import ArticleProfile

    if isinstance(item, ArticleProfile):
        return item.features()
    if isinstance(item, dict):
        if "schema_version" in item and "article" in item:
            return ArticleProfile.from_dict(item).features()
        return {str(k): float("nan") if v is None else float(v) for k, v in item.items()}
    raise InputTypeError(f"[E091] ProfileVectorizer takes ArticleProfile objects or feature dicts, got {type(item).__name__}.")


class ProfileVectorizer(TransformerMixin, BaseEstimator):
    """Turn profiles into a dense feature matrix, in the manner of ``DictVectorizer``.

    Parameters
    ----------
    include : sequence of str, optional
        Keep only features whose section (the part before ``__``) is listed,
        e.g. ``("attribution", "readability")``.
    missing : float
        Value for undefined features (NaN by default, so a ``SimpleImputer`` can decide).

    Attributes
    ----------
    feature_names_ : list of str
        Sorted feature names seen in ``fit``; unseen features at ``transform`` are ignored.
    vocabulary_ : dict
        Feature name -> column index.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.impute import SimpleImputer
    >>> vec = ProfileVectorizer()
    >>> X = vec.fit_transform([{"a__x": 1.0}, {"a__x": 3.0, "a__y": None}])
    >>> vec.get_feature_names_out().tolist(), X.shape
    (['a__x', 'a__y'], (2, 2))
    """

    def __init__(self, include: Iterable[str] | None = None, missing: float = math.nan):
        self.include = include
        self.missing = missing

    def _keep(self, name: str) -> bool:
        return self.include is None or name.split("__", 1)[0] in set(self.include)

    def fit(self, X: Iterable[Any], y: Any = None) -> ProfileVectorizer:
        names: set[str] = set()
        for item in X:
            names.update(k for k in _features(item) if self._keep(k))
        self.feature_names_ = sorted(names)
        self.vocabulary_ = {name: i for i, name in enumerate(self.feature_names_)}
        return self

    def transform(self, X: Iterable[Any]) -> np.ndarray:
        if not hasattr(self, "vocabulary_"):
            raise NotFittedError("[E092] This ProfileVectorizer is not fitted yet; call fit first.")
        rows = [_features(item) for item in X]
        out = np.full((len(rows), len(self.feature_names_)), self.missing, dtype=float)
        for r, feats in enumerate(rows):
            for name, value in feats.items():
                j = self.vocabulary_.get(name)
                if j is not None and not (isinstance(value, float) and math.isnan(value)):
                    out[r, j] = value
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        if not hasattr(self, "feature_names_"):
            raise NotFittedError("[E092] This ProfileVectorizer is not fitted yet; call fit first.")
        return np.asarray(self.feature_names_, dtype=object)
