"""Static word vectors around a target: what the words near a mention mean, read with numpy.

A vectors file (``.npz``: ``words``, a sorted vocabulary, and ``vectors``, one float16 row
per word) is built by ``benchmarks/build_static_vectors.py``: static vectors distilled from
the sentence-transformer all-MiniLM-L6-v2 (Reimers & Gurevych; Apache-2.0), each word
embedded alone and projected onto its leading principal axes. A model trained with them
(``train_sentiment.py --static-vectors FILE``) ships the file beside it as
``framing/sentiment/data/static_vectors.npz`` and applies them; the shipped model does not
(they helped NewsMTSC and hurt PerSenT: docs/evaluation.md). Unlike ``doc.tensor`` they need
no particular pipeline, so they would also serve the ``fast`` preset.

:func:`static_features` concatenates :data:`STATIC_PARTS`, each the vectors' width wide:
the words left of the target and right of it (up to six each, weighted by 1 / distance),
the words of the target's own clause, and the words of the sentence (the target's own
words aside; a word outside the vocabulary, punctuation and spaces count for nothing).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .features import TokenTable

__all__ = ["STATIC_PARTS", "StaticVectors", "default_vectors", "load_vectors", "static_features"]

STATIC_PARTS = ("left", "right", "clause", "sentence")
_REACH = 6


@dataclass(frozen=True)
class StaticVectors:
    index: dict[str, int]  # word -> row
    vectors: np.ndarray  # (words, width) float32

    @property
    def width(self) -> int:
        return int(self.vectors.shape[1])

    def rows(self, table: TokenTable) -> np.ndarray:
        """Each token's row in :attr:`vectors` (its lowercase form, else its lemma), -1 for
        none or for punctuation and spaces; read once per Doc."""
        cached = table.static_rows
        if cached is None:
            get = self.index.get
            cached = np.array([-1 if skip else get(low, get(lem, -1) if lem else -1)
                               for low, lem, skip in zip(table.lower, table.lemma, table.skip)], dtype=np.int64)
            table.static_rows = cached
        return cached

    def mean(self, rows: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        """The (weighted) mean vector of ``rows`` (-1 rows left out), zeros if none is left."""
        keep = rows >= 0
        if not keep.any():
            return np.zeros(self.width)
        w = np.ones(int(keep.sum())) if weights is None else weights[keep]
        return (w @ self.vectors[rows[keep]]) / w.sum()


def load_vectors(source: Any) -> StaticVectors:
    """Vectors from an ``.npz`` path or binary file object (no pickles)."""
    with np.load(source, allow_pickle=False) as npz:
        words, vectors = npz["words"].tolist(), npz["vectors"].astype(np.float32)
    return StaticVectors({w: i for i, w in enumerate(words)}, vectors)


@functools.lru_cache(maxsize=1)
def default_vectors() -> StaticVectors:
    """``framing/sentiment/data/static_vectors.npz``, for a model trained with them (loaded once)."""
    with resources.files("framing.sentiment").joinpath("data", "static_vectors.npz").open("rb") as fh:
        return load_vectors(fh)


def static_features(doc: Doc, target: Any, sentence: tuple[int, int], table: TokenTable,
                    vectors: StaticVectors) -> np.ndarray:
    """:data:`STATIC_PARTS` of a target (a non-empty Span) in its sentence ``(start, end)``
    token bounds, concatenated (float64). Without a parse the clause is the sentence."""
    from .features import clause_bounds

    rows = vectors.rows(table)
    (s0, s1), t0, t1 = sentence, target.start, target.end
    lo = max(s0, t0 - _REACH)
    left = vectors.mean(rows[lo:t0], 1.0 / np.arange(t0 - lo, 0, -1, dtype=np.float64))
    hi = min(s1, t1 + _REACH)
    right = vectors.mean(rows[t1:hi], 1.0 / np.arange(1, hi - t1 + 1, dtype=np.float64))
    outside = np.concatenate([rows[s0:t0], rows[t1:s1]])
    c0, c1 = clause_bounds(target.root) if doc.has_annotation("DEP") else (s0, s1)
    clause = rows[[i for i in range(c0, c1) if not (t0 <= i < t1)]]
    return np.concatenate([left, right, vectors.mean(clause), vectors.mean(outside)])
