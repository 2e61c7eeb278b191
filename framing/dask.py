"""Scale out with Dask: the same profiles, computed on every core of a cluster.

Each partition is analysed with :func:`framing.analyze_many` in the worker process; the spaCy
pipeline is loaded once per worker process (:func:`framing.load_pipeline` caches it) and
reused by every partition that worker runs. Results are identical to a serial run.

>>> import dask.bag as db
>>> from framing.dask import analyze_bag
>>> profiles = analyze_bag(db.from_sequence(texts, npartitions=8)).compute()   # doctest: +SKIP

On a multi-machine cluster the code is the same: connect a ``dask.distributed.Client`` to
the scheduler first; every worker needs ``newsframing[model]`` installed.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from .actors.catalog import coerce_catalog

__all__ = ["analyze_bag", "analyze_dataframe"]


def _portable_catalog(catalog: Any) -> Any:
    """A catalog as plain data, so it ships to workers without pickling spaCy objects."""
    cat = coerce_catalog(catalog)
    return cat.to_dict() if cat is not None else None


def _analyze_partition(items: Iterable[Any], model: str | None, preset: str, analyzers: Any, catalog: Any,
                       first_index: int = 0) -> list[dict[str, Any]]:
    from .engine import get_engine
    from .pipeline import load_pipeline

    engine = get_engine(load_pipeline(model, preset=preset), analyzers, catalog)
    return [p.to_dict() for p in engine.analyze_many(list(items), first_index=first_index)]


def _count(items: Iterable[Any]) -> list[int]:
    return [sum(1 for _ in items)]


def analyze_bag(bag: Any, *, model: str | None = None, preset: str = "default", analyzers: Sequence[Any] | None = None,
                catalog: Any = None) -> Any:
    """Profiles of a Dask bag of articles (strings, dicts with ``text``, or Articles).

    Returns a bag of profile dicts (``ArticleProfile.to_dict()``), in the input order. An
    article without an id is named by its position in the whole bag, as in a serial run;
    to know where each partition starts, the partitions are counted first (one cheap pass
    over the input, computed when this function is called).
    """
    import dask.bag as db
    from dask import delayed

    cat = _portable_catalog(catalog)
    sizes = bag.map_partitions(_count).compute()
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    parts = [delayed(_analyze_partition)(part, model, preset, analyzers, cat, start)
             for part, start in zip(bag.to_delayed(), starts)]
    return db.from_delayed(parts)


def _profile_frame(df: Any, text: str, id: str | None, outlet: str | None, title: str | None, model: str | None,
                   preset: str, analyzers: Any, catalog: Any, columns: list[str]) -> Any:
    import json

    import pandas as pd

    from .profile import ArticleProfile

    def column(name: str | None) -> list[Any]:
        return df[name].tolist() if name else [None] * len(df)

    ids = [str(v) for v in df[id].tolist()] if id else [str(label) for label in df.index]
    records = [  # the row's index label names a row without an id column
        {"text": t, "id": i, "outlet": o, "title": h}
        for t, i, o, h in zip(df[text].tolist(), ids, column(outlet), column(title))
    ]
    dicts = _analyze_partition(records, model, preset, analyzers, catalog)
    out = []
    for d in dicts:
        feats = ArticleProfile.from_dict(d).features()
        row = {c: feats.get(c, float("nan")) for c in columns if c not in ("id", "error", "profile")}
        row.update({"id": d["article"]["id"], "error": d["error"], "profile": json.dumps(d, ensure_ascii=False)})
        out.append(row)
    return pd.DataFrame(out, columns=columns, index=df.index)


def analyze_dataframe(ddf: Any, *, text: str = "text", id: str | None = None, outlet: str | None = None,
                      title: str | None = None, model: str | None = None, preset: str = "default",
                      analyzers: Sequence[Any] | None = None, catalog: Any = None) -> Any:
    """Profiles of a Dask DataFrame's text column, as a DataFrame with the same index.

    Columns: ``id`` (the ``id`` column's value, else the row's index label), ``error``, one
    float column per feature (sorted, as :meth:`ArticleProfile.features`), and ``profile``
    (the JSON profile).
    """
    import pandas as pd

    from .engine import analyze
    from .pipeline import load_pipeline

    if text not in ddf.columns:
        from .errors import InputValueError

        raise InputValueError(f"[E110] no column {text!r} in the DataFrame (columns: {', '.join(map(str, ddf.columns))}).")
    cat = _portable_catalog(catalog)
    # the feature columns, from a tiny local run with the same analyzers
    probe = analyze("Probe sentence.", nlp=load_pipeline(model, preset=preset), analyzers=analyzers,
                    catalog=coerce_catalog(cat))
    feature_cols = sorted(probe.features())
    columns = ["id", "error", *feature_cols, "profile"]
    meta = pd.DataFrame({c: pd.Series(dtype="object" if c in ("id", "error", "profile") else "float64") for c in columns})
    return ddf.map_partitions(_profile_frame, text, id, outlet, title, model, preset, analyzers, cat, columns, meta=meta)
