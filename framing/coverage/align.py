"""Align the passages of different units by what they say.

Each passage is a bag of features: content lemmas, aligned actor ids, numbers. Passages
are TF-IDF vectors over the comparison's own passages (sublinear counts, so one repeated
word does not dominate; IDF, so words every article uses weigh little). Candidate pairs
are blocked: only passages of different units sharing at least one feature that fewer than
:data:`BLOCK_MAX_DF` of the passages carry are scored, never all pairs. A pair whose cosine
reaches the threshold says the same thing (see docs/evaluation.md for how the threshold was
chosen and its measured precision).
"""

from __future__ import annotations

from typing import Any, Sequence

from .passages import Passage

__all__ = ["BLOCK_MAX_DF", "BLOCK_MIN_DF", "ONLY_HERE_BELOW", "THRESHOLD", "match_arrays", "match_passages"]

#: Cosine at or above which two passages are taken to report the same thing.
THRESHOLD = 0.35
#: A passage is reported only here when no passage of another unit comes this close.
ONLY_HERE_BELOW = 0.15
IDF_OFFSET = 1.0
#: Features carried by more than this share of passages (and by more than
#: :data:`BLOCK_MIN_DF` passages) do not make candidate pairs.
BLOCK_MAX_DF = 0.05
BLOCK_MIN_DF = 100


def _matrix(passages: Sequence[Passage]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [p.features for p in passages]
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, norm="l2").fit(docs)
    if IDF_OFFSET != 1.0:
        vectorizer.idf_ = vectorizer.idf_ - 1.0 + IDF_OFFSET
    return vectorizer.transform(docs)


def _identity(features: list[str]) -> list[str]:
    return features


def _candidates(x: Any, units: Sequence[int]) -> tuple[Any, Any]:
    """Row pairs (i < j) of different units that share a blocking feature."""
    import numpy as np

    binary = (x > 0).astype(np.float32).tocsc()
    df = np.asarray(binary.sum(axis=0)).ravel()
    keep = np.flatnonzero(df <= max(BLOCK_MIN_DF, BLOCK_MAX_DF * x.shape[0]))
    block = binary[:, keep].tocsr()
    shared = (block @ block.T).tocoo()
    unit = np.asarray(units)
    mask = (shared.row < shared.col) & (unit[shared.row] != unit[shared.col])
    return shared.row[mask], shared.col[mask]


def match_passages(passages: Sequence[Passage], *, threshold: float = 0.0) -> list[tuple[int, int, float]]:
    """``(i, j, cosine)`` tuples of :func:`match_arrays`."""
    rows, cols, scores = match_arrays(passages, threshold=threshold)
    return [(int(i), int(j), float(s)) for i, j, s in zip(rows, cols, scores)]


def match_arrays(passages: Sequence[Passage], *, threshold: float = 0.0) -> tuple[Any, Any, Any]:
    """``(i, j, cosine)`` for every candidate pair of passages of different units whose
    cosine is above 0 and at or above ``threshold``; i < j, indices into ``passages``.

    Only ``sentence`` passages take part (headings and bylines say too little).
    """
    import numpy as np

    idx = np.array([k for k, p in enumerate(passages) if p.kind == "sentence" and p.features], dtype=np.int64)
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    if len(idx) < 2:
        return empty
    x = _matrix([passages[k] for k in idx]).tocsr()
    unit_codes = {u: n for n, u in enumerate(dict.fromkeys(passages[k].unit for k in idx))}
    rows, cols = _candidates(x, [unit_codes[passages[k].unit] for k in idx])
    if len(rows) == 0:
        return empty
    scores = _row_dots(x, rows, cols)
    good = (scores >= threshold) & (scores > 0)
    return idx[rows[good]], idx[cols[good]], scores[good]


def _row_dots(x: Any, rows: Any, cols: Any) -> Any:
    """Dot products of the row pairs, in chunks (no 500,000-row temporary matrices)."""
    import numpy as np

    out = np.empty(len(rows))
    step = 50_000
    for k in range(0, len(rows), step):
        r, c = rows[k : k + step], cols[k : k + step]
        out[k : k + step] = np.asarray(x[r].multiply(x[c]).sum(axis=1)).ravel()
    return out
