"""Distinctive terms of each unit of a comparison against the other units.

Counts per unit: the content lemmas of its articles' passages outside actor mentions
(boilerplate left out), their multi-word common-noun terms ("territorial integrity"), and one
count per mention of each aligned actor under the actor's aligned name ("khalifa haftar" for
"Hifter" here and "Marshal Haftar" there). Scores: the weighted log-odds of Monroe, Colaresi & Quinn (2008) with an
informative Dirichlet prior whose shape is general English (``wordfreq``), so that even two
short articles give meaningful words instead of the words both happen to use less.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..terminology.distinctive import log_odds

__all__ = ["PRIOR", "unit_counts", "unit_terms"]

#: ``a_0``, the weight of the general-English prior (in words).
PRIOR = 500.0


def unit_counts(comparison: Any) -> dict[str, Counter]:
    """Term counts per unit: lemmas outside actor mentions, multi-word common-noun terms,
    and each actor mention under its aligned actor's name (lower case)."""
    names = {"@" + a["id"]: " ".join(str(a["name"]).split()).lower() for a in comparison.alignment}
    counts: dict[str, Counter] = {u: Counter() for u in comparison.units}
    for p in comparison.passages:
        if p.kind == "boilerplate":
            continue
        slot = counts[p.unit]
        inside = [(s, e) for s, e, _ in p.mentions]
        slot.update(w[2] for w in p.words if not any(s <= w[0] < e for s, e in inside))
        slot.update(names[f] for f in p.features if f in names)
    for d in comparison._dicts:
        unit = comparison.unit_of[d["article"]["id"]]
        counts[unit].update((d.get("passages") or {}).get("chunks") or {})
    return counts


def unit_terms(comparison: Any, *, top: int = 15, prior: float = PRIOR) -> dict[str, list[dict[str, Any]]]:
    """``{unit: [{term, z, count, log_odds, rate}]}``, the ``top`` highest z per unit.

    With fewer than two units (or no ``passages`` sections) every unit gets ``[]``.
    """
    counts = unit_counts(comparison)
    if len(counts) < 2 or not any(counts.values()):
        return {u: [] for u in comparison.units}
    return log_odds(counts, top=top, min_count=1, prior=prior, background="english")
