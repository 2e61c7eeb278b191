"""Tidy rows of the emphasis-and-coverage results, for ``Comparison.to_frame(kind=...)``."""

from __future__ import annotations

from typing import Any

__all__ = ["frame_rows"]

_COLUMNS = {
    "distinctive_terms": ["unit", "rank", "term", "z", "count", "rate"],
    "coverage": ["unit", "article", "start", "end", "text", "status", "units"],
    "shared_quotes": ["quote", "source", "unit", "article", "start", "end", "text", "only_words"],
}


def frame_rows(comparison: Any, kind: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows and columns for ``kind``:

    - ``distinctive_terms``: one row per unit and term (``rank`` from 1);
    - ``coverage``: one row per sentence of each unit that is only here
      (``status="only_here"``) or shared (``units`` lists the units that also report it);
    - ``shared_quotes``: one row per shared quotation (``quote``, from 0) and unit, with the
      unit's span and the words only its version carries (``"; "``-joined).
    """
    rows: list[dict[str, Any]] = []
    if kind == "distinctive_terms":
        for unit, terms in comparison.distinctive_terms.items():
            rows += [{"unit": unit, "rank": r, "term": t["term"], "z": t["z"], "count": t["count"], "rate": t["rate"]}
                     for r, t in enumerate(terms, 1)]
    elif kind == "coverage":
        for unit, entry in comparison.coverage.items():
            for p in entry["only_here"]:
                rows.append(dict(_span(p), unit=unit, status="only_here", units=""))
            for s in entry["shared"]:
                rows.append(dict(_span(s["passage"]), unit=unit, status="shared", units="; ".join(s["with"])))
    elif kind == "shared_quotes":
        for k, q in enumerate(comparison.shared_quotes):
            for unit, span in q["units"].items():
                rows.append(dict(_span(span), quote=k, source=q["source"], unit=unit,
                                 only_words="; ".join(w["text"] for w in span["only"])))
    return rows, _COLUMNS[kind]


def _span(span: dict[str, Any]) -> dict[str, Any]:
    return {k: span[k] for k in ("article", "start", "end", "text")}
