"""What each unit reports that the others do not, and what it shares with which unit."""

from __future__ import annotations

from typing import Any, Sequence

from .align import ONLY_HERE_BELOW, THRESHOLD, match_arrays
from .passages import Passage

__all__ = ["coverage"]


def _best_matches(passages: Sequence[Passage], rows: Any, cols: Any, scores: Any, keep: float
                  ) -> tuple[dict[int, float], dict[int, dict[str, tuple[float, int]]]]:
    """The best cosine of each passage with any other unit, and its best match per other
    unit among pairs at or above ``keep``: ``{passage: {unit: (cosine, passage)}}``."""
    import numpy as np

    a = np.concatenate([rows, cols])
    b = np.concatenate([cols, rows])
    s = np.concatenate([scores, scores])
    top = np.zeros(len(passages))
    np.maximum.at(top, a, s)
    best_any = {int(k): float(top[k]) for k in np.unique(a)}
    best: dict[int, dict[str, tuple[float, int]]] = {}
    for i, j, score in zip(a[s >= keep].tolist(), b[s >= keep].tolist(), s[s >= keep].tolist()):
        unit = passages[j].unit
        slot = best.setdefault(i, {})
        if unit not in slot or score > slot[unit][0]:
            slot[unit] = (score, j)
    return best_any, best


def coverage(passages: Sequence[Passage], units: Sequence[str], *, threshold: float = THRESHOLD,
             only_below: float = ONLY_HERE_BELOW) -> dict[str, dict[str, Any]]:
    """Per unit: ``only_here`` passages, ``shared`` passages with their counterparts, and
    ``covered_by`` (the row of the unit-by-unit coverage matrix).

    A sentence is ``shared`` with a unit when its best counterpart there reaches
    ``threshold``; it is ``only_here`` when no passage of any other unit comes within
    ``only_below`` (passages in between are neither: related, but not clearly the same).
    ``covered_by[v]`` is the share of the unit's sentences shared with unit ``v`` (None
    when the unit has no sentences).
    """
    best_any, best = _best_matches(passages, *match_arrays(passages), keep=threshold)
    by_unit: dict[str, list[int]] = {u: [] for u in units}
    for k, p in enumerate(passages):
        if p.kind == "sentence" and p.features:
            by_unit[p.unit].append(k)
    out: dict[str, dict[str, Any]] = {}
    for unit in units:
        own = by_unit[unit]
        only, shared = [], []
        counts = {v: 0 for v in units if v != unit}
        for k in own:
            matches = best.get(k, {})
            top = best_any.get(k)
            if top is None or top < only_below:
                only.append(dict(passages[k].span(), best=None if top is None else round(top, 3)))
            with_ = {v: dict(passages[b].span(), score=round(s, 3)) for v, (s, b) in matches.items() if s >= threshold}
            for v in with_:
                counts[v] += 1
            if with_:
                shared.append({"passage": passages[k].span(), "with": with_})
        n = len(own)
        out[unit] = {
            "n_passages": n,
            "only_here": only,
            "shared": shared,
            "share_only_here": len(only) / n if n else None,
            "covered_by": {v: (c / n if n else None) for v, c in counts.items()},
        }
    return out
