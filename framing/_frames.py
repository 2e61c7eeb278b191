"""pandas views of profiles (pandas is an optional dependency: the ``pandas`` extra)."""

from __future__ import annotations

from typing import Any, Iterable

from .errors import FramingError

__all__ = ["require_pandas", "to_frame"]


def require_pandas() -> Any:
    """Import pandas or explain how to install it."""
    try:
        import pandas
    except ImportError:  # pragma: no cover - pandas is installed in every test environment
        raise FramingError("[E090] This needs pandas: pip install 'newsframing[pandas]'.") from None
    return pandas


def to_frame(profiles: Iterable[Any]) -> Any:
    """One row per profile: ``id``, ``outlet``, ``title``, ``error`` and every feature.

    Parameters
    ----------
    profiles : iterable of ArticleProfile (or their dicts)

    Returns
    -------
    pandas.DataFrame
        Indexed by position (ids need not be unique); feature columns sorted, undefined
        values NaN.
    """
    from .profile import ArticleProfile

    pd = require_pandas()
    rows = []
    for p in profiles:
        if not isinstance(p, ArticleProfile):
            p = ArticleProfile.from_dict(p)
        row: dict[str, Any] = {"id": p.id, "outlet": p.outlet, "title": p.article.get("title"), "error": p.error}
        row.update(p.features())
        rows.append(row)
    frame = pd.DataFrame(rows)
    meta = ["id", "outlet", "title", "error"]
    features = sorted(c for c in frame.columns if c not in meta)
    return frame.reindex(columns=meta + features)
