"""Align the passages of different units by what they say.

Each passage is a bag of features: content lemmas, aligned actor ids, numbers. Passages
are TF-IDF vectors over the comparison's own passages (sublinear counts, so one repeated
word does not dominate; IDF, so words every article uses weigh little). Candidate pairs
are blocked by shared features: only passages of different units that share at least one
feature are ever scored (a sparse matrix product), never all pairs. A pair whose cosine
reaches :data:`THRESHOLD` says the same thing; a passage with no pair reaching
:data:`ONLY_HERE_BELOW` is reported only here (docs/evaluation.md says how both were chosen
and their measured precision).
"""

from __future__ import annotations

from typing import Any, Sequence

from .passages import Passage

__all__ = ["CHUNK", "KEEP_MIN", "ONLY_HERE_BELOW", "THRESHOLD", "match_arrays", "match_passages", "tfidf_matrix"]

#: Cosine at or above which two passages are taken to report the same thing.
THRESHOLD = 0.35
#: A passage is reported only here when no passage of another unit comes this close
#: (chosen by reading candidates on same-event AllSides groups: precision 0.92 below 0.12
#: against 0.81 below 0.15; docs/evaluation.md, "Emphasis and coverage").
ONLY_HERE_BELOW = 0.12
#: Pairs below this cosine are dropped as soon as they are scored (no decision needs them).
KEEP_MIN = 0.05
#: Rows of the TF-IDF matrix multiplied at a time.
CHUNK = 2000


def tfidf_matrix(passages: Sequence[Passage]) -> Any:
    """The passages' TF-IDF vectors (rows, L2-normalised) over their own features."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, norm="l2")
    return vectorizer.fit_transform([p.features for p in passages])


def _identity(features: list[str]) -> list[str]:
    return features


def match_passages(passages: Sequence[Passage], *, threshold: float = 0.0) -> list[tuple[int, int, float]]:
    """``(i, j, cosine)`` tuples of :func:`match_arrays`."""
    rows, cols, scores = match_arrays(passages, threshold=threshold)
    return [(int(i), int(j), float(s)) for i, j, s in zip(rows, cols, scores)]


def match_arrays(passages: Sequence[Passage], *, threshold: float = 0.0) -> tuple[Any, Any, Any]:
    """Row indices, column indices and cosines (arrays) of every pair of sentence passages
    of different units that share a feature and reach ``max(threshold, KEEP_MIN)``; i < j,
    indices into ``passages``.

    Only pairs sharing at least one feature are ever scored: the sparse product of the
    TF-IDF matrix with its transpose computes nothing else, one block of
    :data:`CHUNK` rows at a time, so memory stays bounded however many articles there are.
    """
    import numpy as np

    idx = np.array([k for k, p in enumerate(passages) if p.kind == "sentence" and p.features], dtype=np.int64)
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    if len(idx) < 2:
        return empty
    x = tfidf_matrix([passages[k] for k in idx]).tocsr()
    codes = {u: n for n, u in enumerate(dict.fromkeys(passages[k].unit for k in idx))}
    unit = np.array([codes[passages[k].unit] for k in idx])
    xt = x.T.tocsr()
    floor = max(threshold, KEEP_MIN)
    rows, cols, scores = [], [], []
    for lo in range(0, x.shape[0], CHUNK):
        block = (x[lo : lo + CHUNK] @ xt).tocoo()
        r = block.row + lo
        keep = (r < block.col) & (unit[r] != unit[block.col]) & (block.data >= floor)
        rows.append(r[keep])
        cols.append(block.col[keep])
        scores.append(block.data[keep])
    return idx[np.concatenate(rows)], idx[np.concatenate(cols)], np.concatenate(scores)
