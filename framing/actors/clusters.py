"""One article's mentions grouped into actors while the analyzer's steps run.

:class:`MentionClusters` is the state the steps share (``framing.actors.candidates``,
``people``, ``organisations``, ``propagate``, ``titles``, ``groups``): the clusters in the
order they were made, the tokens already in a mention, the ranges where a name makes no
actor (debris) or only a tentative one (headings, the headline), and the indexes by which
a new mention finds its cluster (surname, first name, name key, catalog id, acronym).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .names import group_nouns, normalize_name
from .text import Ranges, body_words, boilerplate_ranges, headline_range

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

__all__ = ["Cluster", "MentionClusters", "name_words", "salient"]

_SLUG = re.compile(r"[^a-z0-9]+")
_PARTICLES = frozenset({"al", "el"})


def name_words(name: str) -> list[str]:
    """Normalised words of a name without "al-"/"el-" particles: "Fayez Al-Sarraj" -> fayez sarraj."""
    words = normalize_name(name).split()
    kept = [w for w in words if w not in _PARTICLES]
    return kept or words


@dataclass
class Cluster:
    """One actor of the article while it is being found: its kind ("person", "org",
    "catalog", "group"), its profile type, the names and mentions so far, and what the
    steps know of it (surname and given-name skeletons, middle initials, country, offices)."""

    kind: str
    type: str
    names: Counter = field(default_factory=Counter)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    surname: str = ""
    first: str = ""
    middles: str = ""  # initials of middle names ("hw" for George H. W. Bush)
    order: int = 0  # creation order in the article
    catalog: Any = None
    keys: set[str] = field(default_factory=set)
    tentative: bool = False  # only seen in headings so far
    country: str = ""  # countries.tsv id of a country actor
    offices: set[str] = field(default_factory=set)  # title words before the person's names ("vice", "president")

    def display_name(self) -> str:
        if self.catalog is not None:
            return self.catalog.name
        if self.country and self.mentions and all(m["kind"] == "capital" for m in self.mentions):
            # named only by its capital ("Moscow denied ..."): the actor is the country
            return self.country.replace("_", " ").title()
        full = [n for n in self.names if len(n.split()) > 1] if self.kind == "person" else list(self.names)
        pool = full or list(self.names)
        if not pool:
            return self.mentions[0]["text"] if self.mentions else "actor"
        return max(pool, key=lambda n: (self.names[n] if self.kind != "person" else len(n.split()), len(n), n))

    def absorb(self, other: Cluster) -> None:
        """Take ``other``'s mentions and names; ``other`` is left empty."""
        self.mentions.extend(other.mentions)
        self.names.update(other.names)
        self.tentative = self.tentative and other.tentative
        other.mentions = []
        other.names.clear()


def salient(clusters: list[Cluster]) -> Cluster:
    """The cluster the article has mentioned most so far (the earliest made on a tie)."""
    return max(clusters, key=lambda c: (len(c.mentions), -c.order))


def _aliases(cluster: Cluster, name: str) -> list[str]:
    """The other spellings the article uses for the actor ("Hifter", "al-Sarraj", "GNA"),
    most frequent first; titles and group nouns are labels, not names."""
    if cluster.kind == "group":
        return []
    seen = {normalize_name(name)}
    out = []
    for alias, _ in sorted(cluster.names.items(), key=lambda kv: (-kv[1], kv[0])):
        key = normalize_name(alias)
        if key and key not in seen:
            seen.add(key)
            out.append(alias)
    return out


def _group_fields(cluster: Cluster) -> dict[str, Any]:
    """``group`` ("official" or "official:russia") and ``group_kind`` (the noun's kind in
    ``group_nouns.tsv``: officials, legal, armed, public, media, experts, states)."""
    group = sorted(cluster.keys)[0][len("group:"):]
    return {"group": group, "group_kind": group_nouns().get(group.split(":")[0])}


def _slug(name: str) -> str:
    return _SLUG.sub("-", normalize_name(name)).strip("-") or "actor"


class MentionClusters:
    """The article's clusters and the indexes the steps share (see the module docstring)."""

    def __init__(self, doc: Doc, text: str):
        self.doc = doc
        self.text = text
        debris, headings = boilerplate_ranges(text)
        self.headline = headline_range(text)
        self.body_words = body_words(text, self.headline)
        if self.headline:
            headings.append(self.headline)
        self.debris, self.headings = Ranges(debris), Ranges(headings)
        self.clusters: list[Cluster] = []
        self.taken: set[int] = set()  # token indices already in a mention
        self.by_surname: dict[str, list[Cluster]] = {}  # surname skeleton -> people with it
        self.by_first: dict[str, list[Cluster]] = {}  # first-name skeleton -> people with it
        self.by_key: dict[str, Cluster] = {}  # name, country or party key -> organisation or place
        self.by_catalog: dict[str, Cluster] = {}  # catalog id -> its actor
        self.acronyms: dict[str, Cluster] = {}

    def in_debris(self, span: Span) -> bool:
        return self.debris.covers(span.start_char, span.end_char)

    def in_heading(self, span: Span) -> bool:
        return self.headings.covers(span.start_char, span.end_char)

    def overlaps_taken(self, span: Span) -> bool:
        return any(i in self.taken for i in range(span.start, span.end))

    def new_cluster(self, kind: str, type_: str, heading: bool) -> Cluster:
        cluster = Cluster(kind=kind, type=type_, tentative=heading, order=len(self.clusters))
        self.clusters.append(cluster)
        return cluster

    def add_mention(self, cluster: Cluster, span: Span, kind: str) -> None:
        start, end = span.start_char, span.end_char
        cluster.mentions.append({"start": start, "end": end, "text": self.text[start:end], "kind": kind})
        if kind != "title" and (kind != "group" or cluster.kind == "group"):
            cluster.names[span.text] += 1  # "North Korean officials" is no name of North Korea
        self.taken.update(range(span.start, span.end))

    def items(self) -> list[dict[str, Any]]:
        """The actors section's items: clusters with mentions that are not only in headings,
        by first mention, ids unique slugs of the names."""
        items: list[dict[str, Any]] = []
        used: dict[str, int] = {}
        live = [c for c in self.clusters if c.mentions and not c.tentative]
        live.sort(key=lambda c: min(m["start"] for m in c.mentions))
        for cluster in live:
            name = cluster.display_name()
            base = cluster.catalog.id if cluster.catalog is not None else _slug(name)
            n = used.get(base, 0)
            used[base] = n + 1
            mentions = sorted(cluster.mentions, key=lambda m: (m["start"], m["end"]))
            items.append(
                {
                    "id": base if n == 0 else f"{base}-{n + 1}",
                    "name": name,
                    "type": cluster.type,
                    "aliases": _aliases(cluster, name),
                    "catalog_id": cluster.catalog.id if cluster.catalog is not None else None,
                    **(_group_fields(cluster) if cluster.kind == "group" else {}),
                    "mentions": mentions,
                    "n_mentions": len(mentions),
                }
            )
        return items
