"""Put article profiles side by side: aligned actors, their names, labels and sentiment,
attribution, readability, and how far apart the articles are.

>>> import framing
>>> comparison = framing.compare([framing.analyze(a), framing.analyze(b)])   # doctest: +SKIP
>>> print(comparison.to_markdown())                                         # doctest: +SKIP
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from typing import Any, Iterable, Mapping

from .actors.align import align_actors
from .errors import InputTypeError, InputValueError
from .evidence import article_contexts, attribution_parts, context_for, tag
from .profile import ArticleProfile
from .sections import (VOICES, actor_items, article_meta, attribution_items, label_voices, sentiment_actors,
                       sentiment_mentions, term_actors)

__all__ = ["Comparison", "compare"]

#: Places come after everyone who can act or speak; unnamed groups between them.
_TYPE_RANK = {"group": 1, "country": 2, "place": 2}
_BOOTSTRAP = 1000
_MAX_EVIDENCE = 5
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def _as_profile(obj: Any, index: int) -> ArticleProfile:
    if isinstance(obj, ArticleProfile):
        return obj
    if isinstance(obj, Mapping):
        try:
            return ArticleProfile.from_dict(obj)
        except Exception as exc:  # noqa: BLE001 - reported with the position
            raise InputValueError(f"[E080] profile #{index} is not a valid ArticleProfile dict: {exc}") from None
    raise InputTypeError(f"[E080] compare() takes ArticleProfile objects or their dicts; item #{index} is {type(obj).__name__}.")


def _field(profile: ArticleProfile, by: str) -> Any:
    """The value of ``by`` for one profile: an article field (outlet, title) or its metadata."""
    value = profile.article.get(by)
    if value is None or isinstance(value, (dict, list)):
        value = article_meta({"article": profile.article}).get(by)
    return None if value is None or value == "" else value


def compare(profiles: Iterable[Any], *, by: str = "article", catalog: Any = None) -> Comparison:
    """Align actors across profiles and put the profiles side by side.

    Parameters
    ----------
    profiles : iterable of ArticleProfile (or their dicts)
        At least one profile; profiles with an ``error`` are kept and shown as such.
    by : str
        ``"article"`` compares single articles (labelled by outlet or title when given);
        ``"outlet"`` or any field of the articles' metadata (``"bias"``, ``"topic"``,
        ``"date"``) pools the articles that share its value: counts summed, metrics
        averaged, with 95% bootstrap intervals where a unit holds 3 or more articles.
    catalog : ActorCatalog or path, optional
        Known aliases for the alignment (profiles analysed with a catalog already carry
        catalog ids).

    Returns
    -------
    Comparison
    """
    if not isinstance(by, str) or not by.strip():
        raise InputValueError(f"[E081] by must be 'article', 'outlet' or a metadata field name, got {by!r}.")
    if isinstance(profiles, (str, bytes, ArticleProfile)) or isinstance(profiles, Mapping):
        raise InputTypeError("[E080] compare() takes a list of profiles, not a single one.")
    items = [_as_profile(p, i) for i, p in enumerate(profiles)]
    if not items:
        raise InputValueError("[E082] compare() needs at least one profile.")
    ids = [str(p.id if p.id is not None else i) for i, p in enumerate(items)]
    if len(set(ids)) != len(ids):
        dup = next(i for i, c in Counter(ids).items() if c > 1)
        raise InputValueError(f"[E083] two profiles share the article id {dup!r}; give each article a unique id.")
    if by not in ("article", "outlet") and all(_field(p, by) is None for p in items):
        raise InputValueError(
            f"[E081] no profile has a {by!r} field in its article or its metadata (article.meta); "
            "compare by 'article', 'outlet' or a field the input records carry."
        )
    return Comparison(items, ids, by=by, catalog=catalog)


def _article_labels(profiles: list[ArticleProfile], ids: list[str]) -> dict[str, str]:
    """Each article's display label: its outlet, else its title, else its id. An outlet
    with several articles gets each article's title (or id) after it; whatever still
    repeats gets the id."""
    base = {aid: str(p.outlet or p.article.get("title") or aid) for aid, p in zip(ids, profiles)}
    counts = Counter(base.values())
    out = {}
    for aid, p in zip(ids, profiles):
        label, title = base[aid], p.article.get("title")
        if counts[label] > 1:
            label = f"{label}: {title}" if p.outlet and title else f"{label} ({aid})"
        out[aid] = label
    seen = Counter(out.values())
    out = {aid: label if seen[label] == 1 else f"{label} ({aid})" for aid, label in out.items()}
    if len(set(out.values())) < len(out):  # a label that happens to equal another's: number them
        out = {aid: f"{label} #{i + 1}" for i, (aid, label) in enumerate(out.items())}
    return out


def _bootstrap(values: list[float], weights: list[float] | None = None) -> list[float] | None:
    """95% percentile bootstrap interval of the (weighted) mean; None under 3 values."""
    if len(values) < 3:
        return None
    import numpy as np

    rng = np.random.default_rng(0)
    v = np.asarray(values, dtype=float)
    w = np.ones_like(v) if weights is None else np.asarray(weights, dtype=float)
    idx = rng.integers(0, len(v), size=(_BOOTSTRAP, len(v)))
    means = (v[idx] * w[idx]).sum(axis=1) / w[idx].sum(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return [float(lo), float(hi)]


def _unit_name(value: Any, by: str) -> str:
    return f"(no {by})" if value is None else str(value)


def _empty_slot() -> dict[str, Any]:
    return {"mentions": [], "names": Counter(), "labels": Counter(), "voices": {v: Counter() for v in VOICES},
            "label_evidence": [], "roles": {"agent": Counter(), "patient": Counter()}, "role_evidence": [], "attributed_roles": [], "scores": [],
            "sent_evidence": [], "n_mentions": 0, "n_attributions": 0, "local_ids": {}}


def _sentiment(scores: list[tuple[float, int, str]], evidence: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Mention-weighted mean over the unit's articles, its interval over articles (3 or
    more), and the scored mentions behind it, most extreme first."""
    n = sum(k for _, k, _ in scores)
    if not n:
        return None
    mean = sum(v * k for v, k, _ in scores) / n
    evidence = sorted((e for e in evidence if e.get("score") is not None),
                      key=lambda e: (e.get("context") is None, -abs(e["score"])))
    return {"score": mean, "n": n, "label": _label(mean), "n_articles": len({a for _, _, a in scores}),
            "ci": _bootstrap([v for v, _, _ in scores], [k for _, k, _ in scores]),
            "evidence": evidence[:_MAX_EVIDENCE]}


def _finish_slot(slot: dict[str, Any]) -> dict[str, Any]:
    voices = {v: dict(c.most_common()) for v, c in slot["voices"].items()}
    return {
        "mentions": slot["mentions"],
        "n_mentions": slot["n_mentions"],
        "names": dict(slot["names"].most_common()),
        "labels": dict(slot["labels"].most_common()),
        "narrator_labels": voices["narrator"],
        "reported_labels": voices["reported"],
        "quoted_labels": voices["quoted"],
        "label_evidence": slot["label_evidence"],
        "roles": {k: dict(v.most_common()) for k, v in slot["roles"].items()},
        "role_evidence": slot["role_evidence"],
        "attributed_roles": slot["attributed_roles"],
        "sentiment": _sentiment(slot["scores"], slot["sent_evidence"]),
        "n_attributions": slot["n_attributions"],
        "local_ids": slot["local_ids"],
    }


def _source_key(item: Mapping[str, Any], actor: Mapping[str, Any] | None) -> tuple[tuple[str, str], str, str | None]:
    """One attribution's source row: its aligned actor (every form of it: names, pronouns and
    descriptions the attribution analyzer resolved), else its words case-folded without a
    leading article (as the analyzer counts ``n_sources``), else its type."""
    if actor is not None:
        return ("actor", actor["id"]), actor["name"], actor["id"]
    src = item.get("source")
    if src:
        words = " ".join(src["text"].split())
        return ("text", _ARTICLE.sub("", words.casefold())), words, None
    stype = item.get("source_type") or "unknown"
    return ("none", stype), f"({stype})", None


class Comparison:
    """Profiles side by side. Build it with `framing.compare`.

    Attributes
    ----------
    profiles : list of ArticleProfile
    article_ids : list of str
        In input order.
    units : list of str
        What is compared: article ids, or the outlets (or metadata values) in order of
        first appearance.
    labels : dict
        Display label of each unit: the outlet or title of an article (its id only when it
        has neither), the value itself for pooled units.
    actors : list of dict
        Aligned actors, people and organisations before places (see `to_dict`).
    differences : list of dict
        What differs most between the units, each with its evidence (see `to_dict`).
    """

    def __init__(self, profiles: list[ArticleProfile], article_ids: list[str], *, by: str = "article", catalog: Any = None):
        self.profiles = profiles
        self.article_ids = article_ids
        self.by = by
        if by == "article":
            self.unit_of = {aid: aid for aid in article_ids}
            self.labels = _article_labels(profiles, article_ids)
        else:
            self.unit_of = {aid: _unit_name(_field(p, by), by) for aid, p in zip(article_ids, profiles)}
            self.labels = {u: u for u in self.unit_of.values()}
        self.units = list(dict.fromkeys(self.unit_of[a] for a in article_ids))
        self.n_articles = dict(Counter(self.unit_of[a] for a in article_ids))
        # the profiles' own sections (read, never changed), each article under its unique id
        keyed = [{**p.sections, "article": dict(p.article, id=aid)} for aid, p in zip(article_ids, profiles)]
        self._dicts = keyed
        self._contexts = {d["article"]["id"]: article_contexts(d) for d in keyed}
        self._sections = {d["article"]["id"]: (actor_items(d), term_actors(d), sentiment_actors(d),
                                               Counter(a.get("actor") for a in attribution_items(d))) for d in keyed}
        self._sources: dict[str, list[dict[str, Any]]] = {}
        self.alignment = align_actors(keyed, catalog)
        self._aligned_of = {(aid, lid): a for a in self.alignment for aid, lids in a["members"].items() for lid in lids}
        self.actors = self._build_actors()
        self.metrics, self.intervals = self._build_metrics()
        self.distances = self._build_distances()
        from .differences import key_differences

        self.differences = key_differences(self)

    def has_section(self, name: str) -> bool:
        """Whether any compared profile has the section ``name`` (a run without that
        analyzer, or only failed articles, has none: reports say so instead of "none")."""
        return any(p.sections.get(name) is not None for p in self.profiles)

    def label(self, unit: str) -> str:
        """The display label of a unit."""
        return self.labels.get(unit, unit)

    # -- construction ---------------------------------------------------------------------
    def _build_actors(self) -> list[dict[str, Any]]:
        out = []
        for aligned in self.alignment:
            per_unit: dict[str, dict[str, Any]] = {}
            for aid, local_ids in aligned["members"].items():
                unit = self.unit_of[aid]
                slot = per_unit.setdefault(unit, _empty_slot())
                slot["local_ids"][aid] = list(local_ids)
                self._collect(slot, aid, local_ids)
            units = {u: _finish_slot(per_unit[u]) for u in self.units if u in per_unit}
            out.append({"id": aligned["id"], "name": aligned["name"], "type": aligned["type"], "articles": units})
        # who can act or speak before places; then most-covered: in most units, most mentions
        out.sort(key=lambda a: (_TYPE_RANK.get(a["type"], 0), -len(a["articles"]),
                                -sum(u["n_mentions"] for u in a["articles"].values())))
        return out

    def _collect(self, slot: dict[str, Any], aid: str, local_ids: list[str]) -> None:
        """Add one article's view of one aligned actor to the unit's slot."""
        items, term, sent, n_attributions = self._sections[aid]
        contexts = self._contexts[aid]
        for lid in local_ids:
            mentions = items.get(lid, {}).get("mentions") or []
            slot["n_mentions"] += len(mentions)
            # pooled units say which article a mention is in; an article unit is its article
            slot["mentions"].extend(tag(m, aid) if self.by != "article" else {k: m[k] for k in ("start", "end", "text")}
                                    for m in mentions)
            t = term.get(lid) or {}
            slot["names"].update(t.get("names") or {})
            slot["labels"].update(t.get("labels") or {})
            for voice, counts in label_voices(t).items():
                slot["voices"][voice].update(counts)
            for ls in t.get("label_spans") or []:
                ctx = context_for(ls["start"], ls["end"], contexts)
                slot["label_evidence"].append(tag(ls, aid, voice=ls.get("voice") or "narrator", context=ctx))
            if not t and mentions:
                slot["names"].update(m["text"] for m in mentions if m.get("kind") != "title")
            for role in ("agent", "patient"):
                slot["roles"][role].update(((t.get("roles") or {}).get(role)) or {})
            slot["role_evidence"].extend(tag(r, aid, role=r.get("role"), verb=r.get("verb"),
                                             context=context_for(r["start"], r["end"], contexts))
                                         for r in t.get("role_spans") or [])
            slot["attributed_roles"].extend(self._attributed_role(r, aid, contexts) for r in t.get("attributed_roles") or [])
            s = sent.get(lid)
            if s and s.get("score") is not None and s.get("n"):
                slot["scores"].append((float(s["score"]), int(s["n"]), aid))
                words = {(m["start"], m["end"]): m["text"] for m in mentions}
                for m in sentiment_mentions(s):
                    if (m["start"], m["end"]) not in words:
                        continue  # a mention the actors section does not hold: no words to show
                    context = m.get("context") or context_for(m["start"], m["end"], contexts)
                    slot["sent_evidence"].append({"article": aid, "start": m["start"], "end": m["end"],
                                                  "text": words[(m["start"], m["end"])], "score": m.get("score"),
                                                  "context": context})
            slot["n_attributions"] += n_attributions[lid]

    def _attributed_role(self, role: Mapping[str, Any], aid: str, contexts: list[Any]) -> dict[str, Any]:
        """One action a source asserts of the actor, with the source as an aligned actor (or
        its words) and the sentence behind it."""
        actor = self._aligned_of.get((aid, role.get("source_actor")))
        words = " ".join(((role.get("source") or {}).get("text") or "").split()) or None
        if words and words.split()[0] in ("The", "A", "An"):  # "according to the agency", mid-sentence
            words = words[0].lower() + words[1:]
        out = {"article": aid, "role": role.get("role"), "verb": role.get("verb"), "stance": role.get("stance"),
               "cue_verb": role.get("cue_verb"), "source": actor["name"] if actor else words,
               "source_actor": actor["id"] if actor else None}
        span = role.get("span")
        if span:
            out.update(start=span["start"], end=span["end"], text=span["text"],
                       context=context_for(span["start"], span["end"], contexts))
        return out

    def _build_metrics(self) -> tuple[dict[str, dict[str, float | None]], dict[str, dict[str, list[float]]]]:
        """Mean of each feature per unit, and its 95% bootstrap interval where the unit has 3
        or more articles with a value."""
        per_unit: dict[str, list[dict[str, float]]] = {u: [] for u in self.units}
        for aid, p in zip(self.article_ids, self.profiles):
            if p.error is None:
                per_unit[self.unit_of[aid]].append(p.features())
        out: dict[str, dict[str, float | None]] = {}
        intervals: dict[str, dict[str, list[float]]] = {}
        for unit, feats in per_unit.items():
            row: dict[str, float | None] = {}
            for k in sorted({k for f in feats for k in f}):
                vals = [f[k] for f in feats if k in f and not math.isnan(f[k])]
                row[k] = sum(vals) / len(vals) if vals else None
                ci = _bootstrap(vals)
                if ci is not None:
                    intervals.setdefault(unit, {})[k] = ci
            out[unit] = row
        return out, intervals

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
        source to one (so "Al-Sarraj", "Libyan Prime Minister Fayez al-Sarraj" and a resolved "he" count as
        one source, across the unit's articles too), otherwise the source's words, case-folded
        and without a leading article ("The statement" and "statement" are one row),
        or ``"(anonymous)"``-style for an attribution without a source. Each row is
        ``{"source", "actor", "source_type", "n", "share", "kinds", "forms", "stances",
        "evidence"}``: ``actor`` is the aligned actor's id or None, ``source_type`` the type
        given most often, ``share`` the row's part of the unit's attributions, ``forms`` the
        source's words as written, with counts, ``stances`` the reporting verbs' stance
        where the attribution analyzer gives one, ``evidence`` up to five attributions as
        ``{article, source, cue, content}`` spans.
        """
        self._check_unit(unit)
        if unit not in self._sources:
            self._sources[unit] = self._unit_sources(unit)
        return [dict(r) for r in self._sources[unit][:top]]

    def _unit_sources(self, unit: str) -> list[dict[str, Any]]:
        aligned_of = self._aligned_of
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        total = 0
        for d in self._dicts:
            aid = d["article"]["id"]
            if self.unit_of[aid] != unit:
                continue
            for item in attribution_items(d):
                total += 1
                key, name, actor = _source_key(item, aligned_of.get((aid, item.get("actor"))))
                row = rows.setdefault(key, {"source": name, "actor": actor, "_types": Counter(), "n": 0,
                                            "kinds": Counter(), "forms": Counter(), "stances": Counter(), "evidence": []})
                row["n"] += 1
                row["_types"][item.get("source_type") or "unknown"] += 1
                row["kinds"][item.get("kind") or "other"] += 1
                if item.get("stance"):
                    row["stances"][item["stance"]] += 1
                if item.get("source"):
                    row["forms"][" ".join(item["source"]["text"].split())] += 1
                if len(row["evidence"]) < _MAX_EVIDENCE:
                    row["evidence"].append(attribution_parts(item, aid))
        out = []
        for row in sorted(rows.values(), key=lambda r: (-r["n"], r["source"].startswith("("), r["source"])):
            types = row.pop("_types")
            row["source_type"] = max(types, key=lambda t: (types[t], t))
            row["share"] = row["n"] / total
            for key in ("kinds", "forms", "stances"):
                row[key] = dict(row[key].most_common())
            out.append(row)
        return out

    def _check_unit(self, unit: str) -> None:
        if unit not in self.units:
            raise InputValueError(f"[E087] No unit {unit!r} in this comparison; units: {', '.join(map(repr, self.units))}.")

    def reliance(self, unit: str) -> dict[str, Any]:
        """How much a unit rests on its sources: ``{n_attributions, top_sources, top_share,
        anonymous_share, stances}``. ``top_sources`` are the most cited named sources (linked
        to an actor; sources of a known type where no actor was linked), not pronouns or
        unknown ones. ``top_share`` is the top named source's part of the attributions that
        have a source (as the attribution analyzer's ``top_source_share``);
        ``anonymous_share`` is of all the unit's attributions; None without any."""
        self._check_unit(unit)
        rows = self.sources(unit, top=10**6)
        n = sum(r["n"] for r in rows)
        n_sourced = sum(r["n"] for r in rows if r["actor"] is not None or r["forms"])
        named = [r for r in rows if r["actor"] is not None] or [
            r for r in rows if r["source_type"] not in ("anonymous", "unknown") and r["forms"]]
        anonymous = sum(r["n"] for r in rows if r["source_type"] == "anonymous")
        stances: Counter = Counter()
        for r in rows:
            stances.update(r["stances"])
        return {"n_attributions": n, "top_sources": named[:3], "top_share": named[0]["n"] / n_sourced if named else None,
                "anonymous_share": anonymous / n if n else None, "stances": dict(stances.most_common())}

    def attribution_mix(self, unit: str) -> dict[str, int]:
        """Attributions of a unit by kind (direct, indirect, mixed, according_to, other)."""
        self._check_unit(unit)
        mix: Counter = Counter()
        for d in self._dicts:
            if self.unit_of[d["article"]["id"]] == unit:
                mix.update(item.get("kind") or "other" for item in attribution_items(d))
        return dict(mix)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data: ``by``, ``articles``, ``units``, ``labels``, ``n_articles``,
        ``errors``, ``differences``, ``actors``, ``metrics``, ``intervals``, ``distances``,
        ``sources``, ``reliance``, ``attribution_mix``, ``distinctive_terms``, ``coverage``,
        ``shared_quotes`` (see ``docs/schema.md``)."""
        from .profile import jsonable

        out = {
            "by": self.by,
            "articles": list(self.article_ids),
            "units": list(self.units),
            "labels": dict(self.labels),
            "n_articles": dict(self.n_articles),
            "errors": {aid: p.error for aid, p in zip(self.article_ids, self.profiles) if p.error},
            "differences": self.differences,
            "actors": self.actors,
            "metrics": self.metrics,
            "intervals": self.intervals,
            "distances": self.distances,
            "sources": {u: self.sources(u) for u in self.units},
            "reliance": {u: self.reliance(u) for u in self.units},
            "attribution_mix": {u: self.attribution_mix(u) for u in self.units},
            "distinctive_terms": self.distinctive_terms,
            "coverage": self.coverage,
            "shared_quotes": self.shared_quotes,
        }
        return jsonable(out)

    def to_frame(self, kind: str = "metrics") -> Any:
        """A tidy pandas DataFrame.

        Parameters
        ----------
        kind : {"metrics", "actors", "labels", "distinctive_terms", "coverage", "shared_quotes"}
            ``metrics``: one row per unit and feature (``unit, section, metric, value``).
            ``actors``: one row per actor and unit (mentions, names, labels, roles the article
            asserts, roles a source asserts as "alleged by X: verb", sentiment, ...).
            ``labels``: one row per actor, unit, label and voice, with its count.
            ``distinctive_terms``, ``coverage``, ``shared_quotes``: see
            :func:`framing.coverage.frame_rows`.
        """
        from ._frames import require_pandas
        from .report import attributed_roles_text

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
                         "roles": "; ".join(f"{'undergoes ' if k == 'patient' else ''}{v}" for k in ("agent", "patient")
                                            for v in s["roles"].get(k) or {}),
                         "attributed_roles": "; ".join(attributed_roles_text(s["attributed_roles"])),
                         "sentiment": sent.get("score"), "sentiment_n": sent.get("n"), "n_attributions": s["n_attributions"]}
                    )
            return pd.DataFrame(rows)
        if kind == "labels":
            rows = []
            for a in self.actors:
                for u, s in a["articles"].items():
                    for voice, key in (("narrator", "narrator_labels"), ("reported", "reported_labels"), ("quoted", "quoted_labels")):
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

    def _repr_html_(self) -> str:
        """The HTML report in a notebook (styles scoped to the report)."""
        from .report import html_fragment

        return html_fragment(self)


def _label(score: float) -> str:
    from .sentiment.api import score_label

    return score_label(score)
