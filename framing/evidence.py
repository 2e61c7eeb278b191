"""The sentences behind the numbers of a comparison.

A profile keeps spans, not the article's text; these helpers gather the spans that carry
their own text (sentiment contexts, attribution cues, sources and contents) so a report can
show the words a score, label or source rests on. Every span keeps its offsets into the
article's text and names its article.
"""

from __future__ import annotations

from typing import Any, Mapping

from .sections import AttributionItem, Span, attribution_items, sentiment_actors, sentiment_mentions

__all__ = ["article_contexts", "attribution_parts", "context_for", "snippet", "tag"]


def tag(span: Mapping[str, Any], article: str, **extra: Any) -> dict[str, Any]:
    """``span`` as ``{article, start, end, text, ...extra}``."""
    return {"article": article, "start": span["start"], "end": span["end"], "text": span["text"], **extra}


def attribution_parts(item: AttributionItem, article: str) -> dict[str, Any]:
    """The attribution's evidence: ``{article, source, cue, content}``, each a SPAN or None."""
    return {"article": article, **{k: item.get(k) for k in ("source", "cue", "content")}}


def snippet(parts: Mapping[str, Any]) -> str:
    """Source, cue and content of an attribution as one line of display text, in text
    order; words the profile does not hold are shown as " … " (a one-character gap as a
    space). Display only: not a span of the article."""
    spans = sorted((s for s in (parts.get("source"), parts.get("cue"), parts.get("content")) if s), key=lambda s: s["start"])
    if not spans:
        return ""
    text, end = spans[0]["text"], spans[0]["end"]
    for s in spans[1:]:
        if s["end"] <= end:
            continue
        if s["start"] < end:
            text += s["text"][end - s["start"]:]
        else:
            text += ("" if s["start"] == end else " " if s["start"] - end == 1 else " … ") + s["text"]
        end = s["end"]
    return text


def article_contexts(profile: Mapping[str, Any]) -> list[Span]:
    """Spans with text around positions of one article: sentiment contexts and attribution
    snippets, shortest first."""
    spans: list[Span] = []
    for entry in sentiment_actors(profile).values():
        spans.extend(m["context"] for m in sentiment_mentions(entry) if m.get("context"))
    for item in attribution_items(profile):
        spans.extend(item[k] for k in ("content", "source") if item.get(k))
    return sorted({(s["start"], s["end"]): s for s in spans}.values(), key=lambda s: s["end"] - s["start"])


def context_for(start: int, end: int, contexts: list[Span]) -> Span | None:
    """The shortest context that contains ``[start, end)``, or None."""
    return next((c for c in contexts if c["start"] <= start and end <= c["end"]), None)
