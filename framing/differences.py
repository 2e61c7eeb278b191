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


def _fold(form: str) -> str:
    """A name or label compared across units: case, possessive and spacing aside."""
    form = " ".join(form.split()).casefold().rstrip(".")
    for suffix in ("'s", "’s"):
        form = form.removesuffix(suffix)
    return form


def _distinctive(counts: dict[str, dict[str, int]], pooled: bool) -> dict[str, list[str]]:
    """Per unit, the forms it uses that no other unit uses: each at least a tenth of the
    unit's forms for the actor (and used twice where a unit pools several articles)."""
    folded: dict[str, dict[str, int]] = {}
    shown: dict[tuple[str, str], str] = {}
    for unit, forms in counts.items():
        folded[unit] = {}
        for form, n in forms.items():
            key = _fold(form)
            folded[unit][key] = folded[unit].get(key, 0) + n
            shown.setdefault((unit, key), form)
    out: dict[str, list[str]] = {}
    for unit, forms in folded.items():
        total = sum(forms.values())
        own = [shown[(unit, k)] for k, n in sorted(forms.items(), key=lambda kv: -kv[1])
               if n >= (2 if pooled else 1) and n >= total / 10
               and not any(k in other for u, other in folded.items() if u != unit)]
        if own:
            out[unit] = own[:4]
    return out


def _only_in(comparison: Comparison, forms: dict[str, list[str]], describe: Any = None) -> str:
    """“a”, “b” only in Unit; … (at most `_MAX_GROUPS` units, then how many more)."""
    parts = []
    for unit, words in list(forms.items())[:_MAX_GROUPS]:
        quoted = ", ".join(f"“{w}”" + (describe(unit, w) if describe else "") for w in words)
        parts.append(f"{quoted} only in {comparison.label(unit)}")
    if len(forms) > _MAX_GROUPS:
        parts.append(f"and forms of their own in {len(forms) - _MAX_GROUPS} more units")
    return "; ".join(parts)


def _names(comparison: Comparison, actor: dict[str, Any]) -> dict[str, Any] | None:
    own = _distinctive({u: s["names"] for u, s in actor["articles"].items()}, comparison.by != "article")
    if not own:
        return None
    evidence = []
    for unit, forms in own.items():
        s, wanted = actor["articles"][unit], {_fold(f) for f in forms}
        for m in s["mentions"]:
            if _fold(m["text"]) in wanted:
                wanted.discard(_fold(m["text"]))
                aid = m.get("article") or unit  # article units: the unit is the article
                ctx = context_for(m["start"], m["end"], comparison._contexts.get(aid, []))
                evidence.append({"unit": unit, "article": aid, "start": m["start"], "end": m["end"], "text": m["text"],
                                 "context": ctx})
    return {"kind": "names", "actor": actor["id"], "name": actor["name"],
            "summary": f"{actor['name']} is named {_only_in(comparison, own)}.",
            "units": {u: {"names": s["names"], "only_here": own.get(u, [])} for u, s in actor["articles"].items()},
            "evidence": evidence}


_VOICE_NAMES = {"narrator": "the article's voice", "reported": "reported speech", "quoted": "a quotation"}


def _labels(comparison: Comparison, actor: dict[str, Any]) -> dict[str, Any] | None:
    counts: dict[str, dict[str, int]] = {}
    voice_of: dict[tuple[str, str], str] = {}
    for unit, s in actor["articles"].items():
        counts[unit] = {}
        for voice in VOICES:
            for label, n in (s.get(f"{voice}_labels") or {}).items():
                counts[unit][label] = counts[unit].get(label, 0) + n
                best = voice_of.get((unit, label))
                if best is None or n > (s.get(f"{best}_labels") or {}).get(label, 0):
                    voice_of[(unit, label)] = voice
    own = _distinctive(counts, comparison.by != "article")
    if not own:
        return None
    summary = _only_in(comparison, own, lambda u, w: f" ({_VOICE_NAMES[voice_of[(u, w)]]})")
    evidence = [dict(e, unit=u) for u, forms in own.items() for e in actor["articles"][u].get("label_evidence") or []
                if _fold(e["text"]) in {_fold(f) for f in forms}]
    units = {u: {"labels": {v: s.get(f"{v}_labels") or {} for v in VOICES}, "only_here": own.get(u, [])}
             for u, s in actor["articles"].items()}
    return {"kind": "labels", "actor": actor["id"], "name": actor["name"],
            "summary": f"{actor['name']} is labelled {summary}.", "units": units, "evidence": evidence}


def _sources(comparison: Comparison) -> dict[str, Any] | None:
    reliance = {u: comparison.reliance(u) for u in comparison.units}
    if not any(r["n_attributions"] for r in reliance.values()):
        return None
    parts, evidence = [], []
    for unit, r in list(reliance.items())[:_MAX_GROUPS]:
        if not r["n_attributions"]:
            parts.append(f"{comparison.label(unit)} attributes nothing")
            continue
        top = r["top_sources"]
        names = ", ".join(f"{s['source']} ({s['n']})" for s in top) or "no named source"
        text = f"{comparison.label(unit)} rests most on {names} of {r['n_attributions']} attributions ("
        if r["top_share"] is not None:
            text += f"top source's share {r['top_share']:.0%}, "
        text += f"anonymous {r['anonymous_share']:.0%})"
        if r["stances"]:
            text += ", reporting verbs " + ", ".join(f"{k} {v}" for k, v in r["stances"].items())
        parts.append(text)
        evidence.extend(dict(e, unit=unit, source_name=s["source"]) for s in top[:1] for e in s["evidence"][:3])
    if len(reliance) > _MAX_GROUPS:
        parts.append(f"and {len(reliance) - _MAX_GROUPS} more units (see the sources section)")
    units = {u: {k: v for k, v in r.items() if k != "top_sources"}
             | {"top_sources": [{k: s[k] for k in ("source", "source_type", "n", "share")} for s in r["top_sources"]]}
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
        weak = min(scored[lo]["n"], scored[hi]["n"]) < _FEW
        if gap >= _SENTIMENT_GAP and not (weak and comparison.by != "article"):
            gaps.append((weak, gap, actor, scored, lo, hi))
    out = []
    # gaps resting on 3 or more mentions on both sides first; pooled units show no others
    for _, gap, actor, scored, lo, hi in sorted(gaps, key=lambda g: (g[0], -g[1]))[:_MAX_SENTIMENT]:
        few = [comparison.label(u) for u in (lo, hi) if scored[u]["n"] < _FEW]
        summary = (f"Sentiment toward {actor['name']}: {scored[lo]['score']:+.2f} (n={scored[lo]['n']}) in "
                   f"{comparison.label(lo)} against {scored[hi]['score']:+.2f} (n={scored[hi]['n']}) in "
                   f"{comparison.label(hi)}, a gap of {gap:.2f}.")
        if few:
            summary += f" Fewer than {_FEW} scored mentions in {', '.join(few)}: weak evidence."
        evidence = []
        for unit in (lo, hi):
            ev = scored[unit]["evidence"]
            if not ev:
                continue
            pick = min(ev, key=lambda e: e["score"]) if unit == lo else max(ev, key=lambda e: e["score"])
            evidence.append(dict(pick, unit=unit))
        out.append({"kind": "sentiment", "actor": actor["id"], "name": actor["name"], "summary": summary,
                    "gap": gap, "units": {u: {k: v[k] for k in ("score", "n", "ci")} for u, v in scored.items()},
                    "evidence": evidence})
    return out
