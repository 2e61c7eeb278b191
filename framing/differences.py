"""Key differences between the units of a comparison, each with the spans it rests on.

Four kinds, in this order: how each main actor is named, how each is labelled (in the
article's own voice, in reported speech, in quotations), which sources each unit rests on,
and the largest gaps in sentiment toward an actor. Each difference is
``{kind, actor, name, summary, units: {unit: ...}, evidence: [{unit, article, start, end,
text, ...}]}``; ``summary`` is one plain sentence built from unit labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .evidence import context_for
from .sections import VOICES

if TYPE_CHECKING:  # pragma: no cover
    from .compare import Comparison

__all__ = ["key_differences"]

_MAIN_ACTORS = 5
_MAX_GROUPS = 6
_EVIDENCE_PER_UNIT = 3
_SENTIMENT_GAP = 0.15
_MAX_SENTIMENT = 3
_FEW = 3


def key_differences(comparison: Comparison) -> list[dict[str, Any]]:
    """What differs between the units, most telling first (see the module docstring)."""
    if len(comparison.units) < 2:
        return []
    main = [a for a in comparison.actors if a["type"] not in ("place", "country", "group") and len(a["articles"]) >= 2]
    main.sort(key=lambda a: a["type"] != "person")  # people first, else the comparison's order
    out: list[dict[str, Any]] = []
    for actor in main[:_MAIN_ACTORS]:
        out.extend(d for d in (_names(comparison, actor), _labels(comparison, actor)) if d)
    sources = _sources(comparison)
    if sources:
        out.append(sources)
    out.extend(_sentiment(comparison))
    for d in out:  # a few sentences per unit, not every one
        per_unit: dict[str, int] = {}
        keep = []
        for e in d["evidence"]:
            per_unit[e["unit"]] = per_unit.get(e["unit"], 0) + 1
            if per_unit[e["unit"]] <= _EVIDENCE_PER_UNIT:
                keep.append(e)
        d["evidence"] = keep
    return out


def _group(comparison: Comparison, values: dict[str, tuple[str, ...]]) -> list[tuple[tuple[str, ...], list[str]]]:
    """Units with the same value together, in unit order; past :data:`_MAX_GROUPS` groups the
    largest are kept and the rest counted in a last group ``(("…",), ["N more units"])``."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for unit, value in values.items():
        groups.setdefault(value, []).append(comparison.label(unit))
    items = list(groups.items())
    if len(items) <= _MAX_GROUPS:
        return items
    keep = sorted(items, key=lambda kv: -len(kv[1]))[: _MAX_GROUPS - 1]
    rest = sum(len(units) for value, units in items if (value, units) not in keep)
    return [kv for kv in items if kv in keep] + [(("other forms",), [f"{rest} more units"])]


def _quoted(words: tuple[str, ...]) -> str:
    if words == ("other forms",):
        return "other forms"
    return ", ".join(f"“{w}”" for w in words) or "no label"


def _names(comparison: Comparison, actor: dict[str, Any]) -> dict[str, Any] | None:
    per = {u: tuple(s["names"]) for u, s in actor["articles"].items()}
    if len({tuple(sorted(n.casefold() for n in v)) for v in per.values()}) < 2:
        return None
    parts = [f"{_quoted(names[:4])} in {', '.join(units)}" for names, units in _group(comparison, per)]
    evidence = []
    for unit, s in actor["articles"].items():
        seen: set[str] = set()
        for m in s["mentions"]:
            if m["text"] in s["names"] and m["text"] not in seen:
                seen.add(m["text"])
                aid = m.get("article") or unit  # article units: the unit is the article
                ctx = context_for(m["start"], m["end"], comparison._contexts.get(aid, []))
                evidence.append({"unit": unit, "article": aid, "start": m["start"], "end": m["end"], "text": m["text"],
                                 "context": ctx})
    return {"kind": "names", "actor": actor["id"], "name": actor["name"],
            "summary": f"{actor['name']} is named " + "; ".join(parts) + ".",
            "units": {u: list(v) for u, v in per.items()}, "evidence": evidence}


def _voices_text(s: dict[str, Any]) -> tuple[str, ...]:
    out = []
    for voice in VOICES:
        labels = tuple(s.get(f"{voice}_labels") or {})
        if labels:
            name = {"narrator": "in the article's voice", "reported": "in reported speech", "quoted": "in quotations"}[voice]
            out.append(f"{_quoted(labels[:4])} {name}")
    return tuple(out)


def _voices_join(value: tuple[str, ...]) -> str:
    if value == ("other forms",):
        return "other labels"
    return " and ".join(value) or "no label"


def _labels(comparison: Comparison, actor: dict[str, Any]) -> dict[str, Any] | None:
    per = {u: _voices_text(s) for u, s in actor["articles"].items()}
    if not any(per.values()) or len(set(per.values())) < 2:
        return None
    parts = [f"{_voices_join(v)} in {', '.join(units)}" for v, units in _group(comparison, per)]
    evidence = [dict(e, unit=u) for u, s in actor["articles"].items() for e in s.get("label_evidence") or []]
    units = {u: {v: s.get(f"{v}_labels") or {} for v in VOICES} for u, s in actor["articles"].items()}
    return {"kind": "labels", "actor": actor["id"], "name": actor["name"],
            "summary": f"{actor['name']} is labelled " + "; ".join(parts) + ".", "units": units, "evidence": evidence}


def _sources(comparison: Comparison) -> dict[str, Any] | None:
    reliance = {u: comparison.reliance(u) for u in comparison.units}
    if not any(r["n_attributions"] for r in reliance.values()):
        return None
    parts, evidence = [], []
    for unit, r in reliance.items():
        if not r["n_attributions"]:
            parts.append(f"{comparison.label(unit)} attributes nothing")
            continue
        top = comparison.sources(unit, top=3)
        names = ", ".join(f"{s['source']} ({s['n']})" for s in top)
        text = (f"{comparison.label(unit)} rests most on {names} of {r['n_attributions']} attributions "
                f"(top source {r['top_share']:.0%}, anonymous {r['anonymous_share']:.0%})")
        if r["stances"]:
            text += ", reporting verbs " + ", ".join(f"{k} {v}" for k, v in r["stances"].items())
        parts.append(text)
        evidence.extend(dict(e, unit=unit, source_name=s["source"]) for s in top[:1] for e in s["evidence"][:3])
    units = {u: {k: v for k, v in r.items() if k != "top_source"} | {"top_sources": [
        {k: s[k] for k in ("source", "source_type", "n", "share")} for s in comparison.sources(u, top=3)]}
        for u, r in reliance.items()}
    return {"kind": "sources", "actor": None, "name": None, "summary": "; ".join(parts) + ".", "units": units,
            "evidence": evidence}


def _sentiment(comparison: Comparison) -> list[dict[str, Any]]:
    gaps = []
    for actor in comparison.actors:
        scored = {u: s["sentiment"] for u, s in actor["articles"].items() if s.get("sentiment")}
        if len(scored) < 2:
            continue
        lo, hi = min(scored, key=lambda u: scored[u]["score"]), max(scored, key=lambda u: scored[u]["score"])
        gap = scored[hi]["score"] - scored[lo]["score"]
        if gap >= _SENTIMENT_GAP:
            gaps.append((gap, actor, scored, lo, hi))
    out = []
    for gap, actor, scored, lo, hi in sorted(gaps, key=lambda g: -g[0])[:_MAX_SENTIMENT]:
        few = [comparison.label(u) for u in (lo, hi) if scored[u]["n"] < _FEW]
        summary = (f"Sentiment toward {actor['name']}: {scored[lo]['score']:+.2f} (n={scored[lo]['n']}) in "
                   f"{comparison.label(lo)} against {scored[hi]['score']:+.2f} (n={scored[hi]['n']}) in "
                   f"{comparison.label(hi)}, a gap of {gap:.2f}.")
        if few:
            summary += f" Fewer than {_FEW} scored mentions in {', '.join(few)}: weak evidence."
        evidence = []
        for unit in (lo, hi):
            ev = scored[unit]["evidence"]
            pick = min(ev, key=lambda e: e["score"]) if unit == lo else max(ev, key=lambda e: e["score"])
            if ev:
                evidence.append(dict(pick, unit=unit))
        out.append({"kind": "sentiment", "actor": actor["id"], "name": actor["name"], "summary": summary,
                    "gap": gap, "units": {u: {k: v[k] for k in ("score", "n", "ci")} for u, v in scored.items()},
                    "evidence": evidence})
    return out
