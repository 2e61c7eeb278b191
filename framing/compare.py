"""Put article profiles side by side: aligned actors, their names, labels and sentiment,
attribution, readability, and how far apart the articles are.

>>> import framing
>>> comparison = framing.compare([framing.analyze(a), framing.analyze(b)])   # doctest: +SKIP
>>> print(comparison.to_markdown())                                         # doctest: +SKIP
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from typing import Any, Iterable, Mapping

from .actors.align import align_actors
from .errors import InputTypeError, InputValueError
from .profile import ArticleProfile

__all__ = ["Comparison", "compare"]

_BY = ("article", "outlet")


def _as_profile(obj: Any, index: int) -> ArticleProfile:
    if isinstance(obj, ArticleProfile):
        return obj
    if isinstance(obj, Mapping):
        try:
            return ArticleProfile.from_dict(obj)
        except Exception as exc:  # noqa: BLE001 - reported with the position
            raise InputValueError(f"[E080] profile #{index} is not a valid ArticleProfile dict: {exc}") from None
    raise InputTypeError(f"[E080] compare() takes ArticleProfile objects or their dicts; item #{index} is {type(obj).__name__}.")


def compare(profiles: Iterable[Any], *, by: str = "article", catalog: Any = None) -> Comparison:
    """Align actors across profiles and put the profiles side by side.

    Parameters
    ----------
    profiles : iterable of ArticleProfile (or their dicts)
        At least one profile; profiles with an ``error`` are kept and shown as such.
    by : {"article", "outlet"}
        Compare single articles, or outlets (the articles of each outlet pooled: counts
        summed, metrics averaged).
    catalog : ActorCatalog or path, optional
        Known aliases for the alignment (profiles analysed with a catalog already carry
        catalog ids).

    Returns
    -------
    Comparison
    """
    if by not in _BY:
        raise InputValueError(f"[E081] by must be one of {_BY}, got {by!r}.")
    if isinstance(profiles, (str, bytes, ArticleProfile)) or isinstance(profiles, Mapping):
        raise InputTypeError("[E080] compare() takes a list of profiles, not a single one.")
    items = [_as_profile(p, i) for i, p in enumerate(profiles)]
    if not items:
        raise InputValueError("[E082] compare() needs at least one profile.")
    ids = [str(p.id if p.id is not None else i) for i, p in enumerate(items)]
    if len(set(ids)) != len(ids):
        dup = next(i for i, c in Counter(ids).items() if c > 1)
        raise InputValueError(f"[E083] two profiles share the article id {dup!r}; give each article a unique id.")
    return Comparison(items, ids, by=by, catalog=catalog)


class Comparison:
    """Profiles side by side. Build it with :func:`framing.compare`.

    Attributes
    ----------
    profiles : list of ArticleProfile
    article_ids : list of str
        In input order.
    units : list of str
        What is compared: article ids, or outlets in order of first appearance.
    actors : list of dict
        Aligned actors (see :meth:`to_dict`).
    """

    def __init__(self, profiles: list[ArticleProfile], article_ids: list[str], *, by: str = "article", catalog: Any = None):
        self.profiles = profiles
        self.article_ids = article_ids
        self.by = by
        if by == "outlet":
            self.unit_of = {aid: str(p.outlet) if p.outlet is not None else "(no outlet)" for aid, p in zip(article_ids, profiles)}
        else:
            self.unit_of = {aid: aid for aid in article_ids}
        self.units = list(dict.fromkeys(self.unit_of[a] for a in article_ids))
        keyed = []
        for aid, p in zip(article_ids, profiles):
            d = p.to_dict()
            d["article"] = dict(d["article"], id=aid)
            keyed.append(d)
        self._dicts = keyed
        self.alignment = align_actors(keyed, catalog)
        self.actors = self._build_actors()
        self.metrics = self._build_metrics()
        self.distances = self._build_distances()

    # -- construction ---------------------------------------------------------------------
    def _build_actors(self) -> list[dict[str, Any]]:
        by_article = {d["article"]["id"]: d for d in self._dicts}
        out = []
        for aligned in self.alignment:
            per_unit: dict[str, dict[str, Any]] = {}
            for aid, local_ids in aligned["members"].items():
                d = by_article[aid]
                unit = self.unit_of[aid]
                slot = per_unit.setdefault(
                    unit,
                    {"mentions": [], "names": Counter(), "labels": Counter(), "narrator_labels": Counter(),
                     "quoted_labels": Counter(), "roles": {"agent": Counter(), "patient": Counter()},
                     "_scores": [], "_n_sent": 0, "n_mentions": 0, "n_attributions": 0, "local_ids": {}},
                )
                slot["local_ids"][aid] = list(local_ids)
                items = {i["id"]: i for i in ((d.get("actors") or {}).get("items") or [])}
                term = ((d.get("terminology") or {}).get("actors")) or {}
                sent = ((d.get("sentiment") or {}).get("actors")) or {}
                attributions = ((d.get("attribution") or {}).get("items")) or []
                for lid in local_ids:
                    item = items.get(lid, {})
                    mentions = item.get("mentions") or []
                    slot["n_mentions"] += len(mentions)
                    spans = [{"start": m["start"], "end": m["end"], "text": m["text"]} for m in mentions]
                    slot["mentions"].extend([dict(s, article=aid) for s in spans] if self.by == "outlet" else spans)
                    t = term.get(lid) or {}
                    for key in ("names", "labels", "narrator_labels"):
                        slot[key].update(t.get(key) or {})
                    quoted = Counter(t.get("labels") or {})
                    quoted.subtract(t.get("narrator_labels") or {})
                    slot["quoted_labels"].update({k: v for k, v in quoted.items() if v > 0})
                    if not t and mentions:
                        slot["names"].update(m["text"] for m in mentions if m.get("kind") != "title")
                    for role in ("agent", "patient"):
                        slot["roles"][role].update(((t.get("roles") or {}).get(role)) or {})
                    s = sent.get(lid)
                    if s and s.get("score") is not None and s.get("n"):
                        slot["_scores"].append((float(s["score"]), int(s["n"])))
                        slot["_n_sent"] += int(s["n"])
                    slot["n_attributions"] += sum(1 for a in attributions if a.get("actor") == lid)
            units = {}
            for unit in self.units:
                if unit not in per_unit:
                    continue
                slot = per_unit[unit]
                scores = slot.pop("_scores")
                n_sent = slot.pop("_n_sent")
                sentiment = (
                    {"score": sum(s * n for s, n in scores) / n_sent, "n": n_sent, "label": _label(sum(s * n for s, n in scores) / n_sent)}
                    if n_sent
                    else None
                )
                units[unit] = {
                    "mentions": slot["mentions"],
                    "n_mentions": slot["n_mentions"],
                    "names": dict(slot["names"].most_common()),
                    "labels": dict(slot["labels"].most_common()),
                    "narrator_labels": dict(slot["narrator_labels"].most_common()),
                    "quoted_labels": dict(slot["quoted_labels"].most_common()),
                    "roles": {k: dict(v.most_common()) for k, v in slot["roles"].items()},
                    "sentiment": sentiment,
                    "n_attributions": slot["n_attributions"],
                    "local_ids": slot["local_ids"],
                }
            out.append({"id": aligned["id"], "name": aligned["name"], "type": aligned["type"], "articles": units})
        # most-covered actors first: in most units, then most mentions
        out.sort(key=lambda a: (-len(a["articles"]), -sum(u["n_mentions"] for u in a["articles"].values())))
        return out

    def _build_metrics(self) -> dict[str, dict[str, float | None]]:
        per_unit: dict[str, list[dict[str, float]]] = {u: [] for u in self.units}
        for aid, p in zip(self.article_ids, self.profiles):
            if p.error is None:
                per_unit[self.unit_of[aid]].append(p.features())
        out: dict[str, dict[str, float | None]] = {}
        for unit, feats in per_unit.items():
            keys = sorted({k for f in feats for k in f})
            row: dict[str, float | None] = {}
            for k in keys:
                vals = [f[k] for f in feats if k in f and not math.isnan(f[k])]
                row[k] = sum(vals) / len(vals) if vals else None
            out[unit] = row
        return out

    def _build_distances(self) -> dict[str, Any]:
        """Distance between every pair of units: the RMS of standardized feature differences.

        With three or more units a feature's difference is divided by its standard
        deviation across units (z-scores). With two units a standard deviation says
        nothing (every feature would differ by exactly sqrt(2) sd), so differences are
        relative to the feature's mean magnitude instead: ``|a - b| / mean(|a|, |b|)``.
        """
        units = self.units
        keys = sorted({k for row in self.metrics.values() for k in row})
        method = "zscore" if len(units) >= 3 else "relative"
        scale: dict[str, float] = {}
        for k in keys:
            vals = [row[k] for row in self.metrics.values() if row.get(k) is not None]
            if len(vals) < 2:
                continue
            if method == "zscore":
                mean = sum(vals) / len(vals)
                s = math.sqrt(sum((v - mean) ** 2 for v in vals) / (len(vals) - 1))
            else:
                s = sum(abs(v) for v in vals) / len(vals)
            if s > 0:
                scale[k] = s
        pairs = []
        for i, a in enumerate(units):
            for b in units[i + 1 :]:
                diffs = []
                for k, s in scale.items():
                    va, vb = self.metrics[a].get(k), self.metrics[b].get(k)
                    if va is None or vb is None:
                        continue
                    diffs.append((k, (va - vb) / s))
                distance = math.sqrt(sum(d * d for _, d in diffs) / len(diffs)) if diffs else None
                top = sorted(diffs, key=lambda kd: (-abs(kd[1]), kd[0]))[:5]
                pairs.append(
                    {"a": a, "b": b, "distance": distance, "n_features": len(diffs),
                     "drivers": [{"feature": k, "z_diff": d} for k, d in top]}
                )
        return {"method": method, "features": sorted(scale), "pairs": pairs}

    # -- emphasis and coverage (framing.coverage), computed on first use ------------------
    @functools.cached_property
    def passages(self) -> list[Any]:
        """Every article's passages (needs the ``passages`` analyzer's sections)."""
        from .coverage import comparison_passages

        return comparison_passages(self)

    @functools.cached_property
    def coverage(self) -> dict[str, dict[str, Any]]:
        """Per unit: ``only_here`` and ``shared`` passages, ``covered_by`` other units."""
        from .coverage import comparison_coverage

        return comparison_coverage(self)

    @functools.cached_property
    def distinctive_terms(self) -> dict[str, list[dict[str, Any]]]:
        """Per unit: its most distinctive terms against the other units."""
        from .coverage import comparison_distinctive_terms

        return comparison_distinctive_terms(self)

    @functools.cached_property
    def shared_quotes(self) -> list[dict[str, Any]]:
        """Statements several units report, with what each kept, cut or paraphrased."""
        from .coverage import comparison_shared_quotes

        return comparison_shared_quotes(self)

    # -- outputs --------------------------------------------------------------------------
    def sources(self, unit: str, top: int = 10) -> list[dict[str, Any]]:
        """The most cited sources of a unit, most cited first.

        One row per source: the aligned actor when the attribution analyzer linked the
        source to one (so "Al-Sarraj" and "Libyan Prime Minister Fayez al-Sarraj" count as
        one source, across the unit's articles too), otherwise the source's words, case-folded,
        or ``"(anonymous)"``-style for an attribution without a source. Each row is
        ``{"source", "actor", "source_type", "n", "kinds", "forms"}``: ``actor`` is the
        aligned actor's id or None, ``source_type`` the type given most often, ``forms`` the
        source's words as written, with counts.
        """
        aligned_of = {
            (aid, lid): a for a in self.alignment for aid, lids in a["members"].items() for lid in lids
        }
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        for d in self._dicts:
            aid = d["article"]["id"]
            if self.unit_of[aid] != unit:
                continue
            for item in ((d.get("attribution") or {}).get("items")) or []:
                src = item.get("source")
                stype = item.get("source_type") or "unknown"
                actor = aligned_of.get((aid, item.get("actor"))) if item.get("actor") is not None else None
                if actor is not None:
                    key, name = ("actor", actor["id"]), actor["name"]
                elif src:
                    key, name = ("text", " ".join(src["text"].split()).casefold()), " ".join(src["text"].split())
                else:
                    key, name = ("none", stype), f"({stype})"
                row = rows.setdefault(key, {"source": name, "actor": actor["id"] if actor else None,
                                            "_types": Counter(), "n": 0, "kinds": Counter(), "forms": Counter()})
                row["n"] += 1
                row["_types"][stype] += 1
                row["kinds"][item.get("kind") or "other"] += 1
                if src:
                    row["forms"][" ".join(src["text"].split())] += 1
        out = []
        for row in sorted(rows.values(), key=lambda r: (-r["n"], r["source"])):
            types = row.pop("_types")
            row["source_type"] = max(types, key=lambda t: (types[t], t))
            row["kinds"] = dict(row["kinds"].most_common())
            row["forms"] = dict(row["forms"].most_common())
            out.append(row)
        return out[:top]

    def attribution_mix(self, unit: str) -> dict[str, int]:
        """Attributions of a unit by kind (direct, indirect, mixed, according_to, other)."""
        mix: Counter = Counter()
        for d in self._dicts:
            if self.unit_of[d["article"]["id"]] == unit:
                mix.update(item.get("kind") or "other" for item in ((d.get("attribution") or {}).get("items")) or [])
        return dict(mix)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data: ``articles``, ``units``, ``actors``, ``metrics``, ``distances``,
        ``sources``, ``errors``."""
        from .profile import jsonable

        return jsonable(
            {
                "by": self.by,
                "articles": list(self.article_ids),
                "units": list(self.units),
                "errors": {aid: p.error for aid, p in zip(self.article_ids, self.profiles) if p.error},
                "actors": self.actors,
                "metrics": self.metrics,
                "distances": self.distances,
                "sources": {u: self.sources(u) for u in self.units},
                "attribution_mix": {u: self.attribution_mix(u) for u in self.units},
                "distinctive_terms": self.distinctive_terms,
                "coverage": self.coverage,
                "shared_quotes": self.shared_quotes,
            }
        )

    def to_frame(self, kind: str = "metrics") -> Any:
        """A tidy pandas DataFrame.

        Parameters
        ----------
        kind : {"metrics", "actors", "labels", "distinctive_terms", "coverage", "shared_quotes"}
            ``metrics``: one row per unit and feature (``unit, section, metric, value``).
            ``actors``: one row per actor and unit (mentions, names, sentiment, ...).
            ``labels``: one row per actor, unit, label and voice, with its count.
            ``distinctive_terms``, ``coverage``, ``shared_quotes``: see
            :func:`framing.coverage.frame_rows`.
        """
        from ._frames import require_pandas

        pd = require_pandas()
        if kind == "metrics":
            rows = [
                {"unit": u, "section": k.split("__", 1)[0], "metric": k.split("__", 1)[-1], "value": v}
                for u, row in self.metrics.items()
                for k, v in row.items()
            ]
            return pd.DataFrame(rows, columns=["unit", "section", "metric", "value"])
        if kind == "actors":
            rows = []
            for a in self.actors:
                for u, s in a["articles"].items():
                    sent = s["sentiment"] or {}
                    rows.append(
                        {"actor": a["id"], "name": a["name"], "type": a["type"], "unit": u, "n_mentions": s["n_mentions"],
                         "names": "; ".join(s["names"]), "labels": "; ".join(s["labels"]),
                         "sentiment": sent.get("score"), "sentiment_n": sent.get("n"), "n_attributions": s["n_attributions"]}
                    )
            return pd.DataFrame(rows)
        if kind == "labels":
            rows = []
            for a in self.actors:
                for u, s in a["articles"].items():
                    for voice, key in (("narrator", "narrator_labels"), ("quoted", "quoted_labels")):
                        for label, n in s[key].items():
                            rows.append({"actor": a["id"], "name": a["name"], "unit": u, "label": label, "voice": voice, "count": n})
            return pd.DataFrame(rows, columns=["actor", "name", "unit", "label", "voice", "count"])
        if kind in ("distinctive_terms", "coverage", "shared_quotes"):
            from .coverage import frame_rows

            rows, columns = frame_rows(self, kind)
            return pd.DataFrame(rows, columns=columns)
        raise InputValueError(
            "[E084] to_frame kind must be 'metrics', 'actors', 'labels', 'distinctive_terms', 'coverage' "
            f"or 'shared_quotes', got {kind!r}."
        )

    def to_markdown(self, *, max_actors: int = 15) -> str:
        """A Markdown report: actors with names and labels per unit, sentiment, attribution,
        readability and the most different pairs."""
        from .report import markdown_report

        return markdown_report(self, max_actors=max_actors)

    def to_html(self, path: Any = None, *, max_actors: int = 15, title: str = "framing comparison") -> str:
        """A self-contained HTML report (inline SVG charts, no remote resources).

        Writes it to ``path`` when given; returns the HTML text.
        """
        from .report import html_report

        html = html_report(self, max_actors=max_actors, title=title)
        if path is not None:
            from pathlib import Path

            Path(path).write_text(html, encoding="utf-8")
        return html

    def __repr__(self) -> str:
        return f"Comparison(by={self.by!r}, units={self.units!r}, actors={len(self.actors)})"


def _label(score: float) -> str:
    from .sentiment.api import score_label

    return score_label(score)
