"""Typed views of the profile sections that `framing.compare` and `framing.report`
read, so the key names live in one place.

Each reader takes a profile dict (``ArticleProfile.to_dict()``) and returns the section's
part with defaults for what an older profile or a missing analyzer leaves out; nothing here
copies or changes the profile. The shapes are documented in ``docs/schema.md``.
"""

from __future__ import annotations

from typing import Any, Mapping, TypedDict

__all__ = [
    "ATTRIBUTION_KINDS", "ActorItem", "AttributedRole", "AttributionItem", "LabelSpan", "MentionScore", "SentimentActor", "Span", "TermActor",
    "VOICES", "actor_items", "article_meta", "attribution_items", "label_voices", "sentiment_actors",
    "sentiment_mentions", "term_actors",
]

#: The voices a label can be given in: the article's own, reported speech, a quotation.
VOICES = ("narrator", "reported", "quoted")
#: The kinds of attribution (``attribution.items[].kind``), from most to least verbatim.
ATTRIBUTION_KINDS = ("direct", "mixed", "indirect", "according_to", "other")


class Span(TypedDict):
    start: int
    end: int
    text: str


class Mention(Span, total=False):
    kind: str


class ActorItem(TypedDict, total=False):
    id: str
    name: str
    type: str
    catalog_id: str | None
    n_mentions: int
    mentions: list[Mention]


class LabelSpan(Span, total=False):
    kind: str
    voice: str


class AttributedRole(TypedDict, total=False):
    """An action inside attributed content: what a source asserts the actor did or underwent."""
    role: str
    verb: str
    source_actor: str | None
    stance: str | None
    cue_verb: str | None
    source: Span | None
    span: Span


class TermActor(TypedDict, total=False):
    names: dict[str, int]
    labels: dict[str, int]
    narrator_labels: dict[str, int]
    reported_labels: dict[str, int]
    quoted_labels: dict[str, int]
    roles: dict[str, dict[str, int]]
    role_spans: list[dict[str, Any]]
    attributed_roles: list[AttributedRole]
    label_spans: list[LabelSpan]


class AttributionItem(TypedDict, total=False):
    kind: str
    cue: Span
    source: Span | None
    content: Span | None
    source_type: str
    actor: str | None
    stance: str | None


class MentionScore(TypedDict, total=False):
    start: int
    end: int
    score: float
    label: str
    context: Span | None


class SentimentActor(TypedDict, total=False):
    score: float | None
    label: str
    n: int
    most_negative: dict[str, Any] | None
    most_positive: dict[str, Any] | None
    mentions: list[Any]


def _section(profile: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    return profile.get(name) or {}


def article_meta(profile: Mapping[str, Any]) -> dict[str, Any]:
    """The article's input metadata (``article.meta``: date, url, bias, topic, ...)."""
    return dict((profile.get("article") or {}).get("meta") or {})


def actor_items(profile: Mapping[str, Any]) -> dict[str, ActorItem]:
    """The actors section's items by local actor id."""
    return {i["id"]: i for i in (_section(profile, "actors").get("items") or [])}


def term_actors(profile: Mapping[str, Any]) -> dict[str, TermActor]:
    """Terminology per local actor id."""
    return dict(_section(profile, "terminology").get("actors") or {})


def attribution_items(profile: Mapping[str, Any]) -> list[AttributionItem]:
    return list(_section(profile, "attribution").get("items") or [])


def sentiment_actors(profile: Mapping[str, Any]) -> dict[str, SentimentActor]:
    return dict(_section(profile, "sentiment").get("actors") or {})


def sentiment_mentions(entry: SentimentActor) -> list[MentionScore]:
    """An actor's scored mentions as dicts, from either form the section has had:
    ``[start, end, score]`` lists, or ``{start, end, score, label, context}`` dicts."""
    out: list[MentionScore] = []
    for m in entry.get("mentions") or []:
        if isinstance(m, Mapping):
            out.append(MentionScore(**{k: m[k] for k in ("start", "end", "score", "label", "context") if k in m}))
        elif isinstance(m, (list, tuple)) and len(m) >= 3:
            out.append(MentionScore(start=int(m[0]), end=int(m[1]), score=float(m[2])))
    for key in ("most_negative", "most_positive"):  # these carry a context even in the list form
        extreme = entry.get(key) or {}
        mention, context = extreme.get("mention"), extreme.get("context")
        if not mention or not context:
            continue
        for m in out:
            if m["start"] == mention["start"] and m["end"] == mention["end"] and not m.get("context"):
                m["context"] = context
        if not any(m["start"] == mention["start"] and m["end"] == mention["end"] for m in out):
            out.append(MentionScore(start=mention["start"], end=mention["end"], score=extreme.get("score"),
                                    label=extreme.get("label"), context=context))
    return out


def label_voices(term: TermActor) -> dict[str, dict[str, int]]:
    """An actor's labels by voice: ``{"narrator": {...}, "reported": {...}, "quoted": {...}}``.

    Read from ``<voice>_labels`` where terminology gives them, else counted from the
    ``label_spans`` voices, else every label not in ``narrator_labels`` counts as reported.
    """
    given = {v: term.get(f"{v}_labels") for v in VOICES}
    if given["reported"] is not None or given["quoted"] is not None:
        return {v: dict(given[v] or {}) for v in VOICES}
    spans = term.get("label_spans")
    if spans:
        out: dict[str, dict[str, int]] = {v: {} for v in VOICES}
        for s in spans:
            voice = s.get("voice") if s.get("voice") in VOICES else "narrator"
            out[voice][s["text"]] = out[voice].get(s["text"], 0) + 1
        return out
    narrator = dict(term.get("narrator_labels") or {})
    rest = {k: n - narrator.get(k, 0) for k, n in (term.get("labels") or {}).items() if n > narrator.get(k, 0)}
    return {"narrator": narrator, "reported": rest, "quoted": {}}
