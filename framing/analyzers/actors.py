"""The ``actors`` analyzer: who the article names, and every mention of each actor.

Mentions come from the pipeline's named entities and, when a catalog is given, from its
aliases. Within the article, mentions are grouped into actors:

- people by surname, tolerant of transliteration ("Khalifa Hifter" ... "Hifter"), of name
  prefixes ("Al-Sarraj" / "al-Sarraj") and of titles ("Marshal Khalifa Haftar");
- organisations and places by their normalised name, plus acronyms the text defines
  ("Government of National Accord (GNA)") or that match a name's initials;
- attributive and possessive forms ("Haftar forces", "Haftar's forces": the mention is
  "Haftar");
- bare titles that stand for a person the article introduced with that title ("the
  Marshal" after "Marshal Khalifa Haftar").

Scraped-page debris — photo credits, bylines, video-embed ids, section headings such as
"Resume conversations" — never creates an actor. A mention span covers the name only;
titles and descriptions before it are the ``terminology`` analyzer's labels.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..actors.names import name_key, normalize_name, skeleton, strip_prefix, titles
from .base import BaseAnalyzer, Context

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

__all__ = ["ActorsAnalyzer", "boilerplate_ranges"]

_LABEL_TYPE = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
_GOVERNMENT = {"government", "ministry", "council", "cabinet", "parliament", "presidency", "department", "administration",
               "congress", "senate", "house", "kremlin", "pentagon", "state", "authority", "commission", "court", "office"}
_ARMED = {"army", "forces", "force", "militia", "militias", "brigade", "brigades", "military", "guard", "troops", "navy", "battalion"}
_MEDIA = {"agency", "news", "tass", "reuters", "times", "post", "tv", "television", "press", "media", "journal", "ria",
          "bbc", "cnn", "afp", "ap", "guardian", "telegraph", "radio", "channel", "network", "tribune", "herald"}
_CREDIT = re.compile(r"^\s*(?:photo(?:\s+credit)?|image|credit|credits|source|by|video|watch|read more|related|advertisement|"
                     r"subscribe|follow us|share|copyright|©|file photo)\b", re.IGNORECASE)
_ID_LIKE = re.compile(r"\b(?:\d{6,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b", re.IGNORECASE)
_TERMINAL = tuple('.!?:;"”’)»…,')
_SLUG = re.compile(r"[^a-z0-9]+")
_CONNECT = {"of", "the", "for", "and", "on", "in", "de", "al", "&"}


def boilerplate_ranges(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of credit/byline/id lines (never actors) and of heading lines
    (actors only when named elsewhere too)."""
    debris: list[tuple[int, int]] = []
    headings: list[tuple[int, int]] = []
    n_lines = text.count("\n") + 1
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        if _CREDIT.match(stripped) or _ID_LIKE.search(stripped) and len(stripped.split()) <= 8:
            debris.append((start, end))
        elif n_lines > 1 and len(stripped.split()) <= 6 and not stripped.endswith(_TERMINAL):
            headings.append((start, end))
    return debris, headings


_PARTICLES = {"al", "el"}


def _name_words(name: str) -> list[str]:
    """Normalised words of a name without "al-"/"el-" particles: "Fayez Al-Sarraj" -> fayez sarraj."""
    words = normalize_name(name).split()
    kept = [w for w in words if w not in _PARTICLES]
    return kept or words


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def _slug(name: str) -> str:
    return _SLUG.sub("-", normalize_name(name)).strip("-") or "actor"


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w.lower() not in _CONNECT and w[0].isalpha()).upper()


@dataclass
class _Cluster:
    kind: str
    type: str
    names: Counter = field(default_factory=Counter)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    surname: str = ""
    first: str = ""
    catalog: Any = None
    keys: set[str] = field(default_factory=set)
    tentative: bool = False  # only seen in headings so far

    def display_name(self) -> str:
        if self.catalog is not None:
            return self.catalog.name
        full = [n for n in self.names if len(n.split()) > 1] if self.kind == "person" else list(self.names)
        pool = full or list(self.names)
        return max(pool, key=lambda n: (self.names[n] if self.kind != "person" else len(n.split()), len(n), n))


class ActorsAnalyzer(BaseAnalyzer):
    """Find the actors of an article and every mention of each.

    Parameters
    ----------
    labels : tuple of str
        Entity labels that make actors (spaCy's OntoNotes labels).
    resolve_titles : bool
        Resolve bare titles ("the Marshal", "the president") to the person the article
        introduced with that title.

    The section is ``{"items": [{id, name, type, aliases, catalog_id, mentions, n_mentions}],
    "metrics": {...}}``; items are ordered by first mention and ids are slugs of the
    names, unique within the article. Without a trained NER component (a blank pipeline)
    only catalog aliases are found.
    """

    name = "actors"
    version = "1"
    requires: tuple[str, ...] = ()

    def __init__(self, labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"), resolve_titles: bool = True):
        self.labels = labels
        self.resolve_titles = resolve_titles

    # -- candidate spans ----------------------------------------------------------------
    def _trim(self, span: Span) -> Span:
        doc = span.doc
        start, end = span.start, span.end
        while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return doc[start:end]

    def _strip_titles(self, span: Span) -> Span:
        """Drop leading title words ("Marshal", "Prime Minister") from a person name."""
        doc, table = span.doc, titles()
        start = span.start
        while start < span.end - 1:
            two = f"{doc[start].lower_} {doc[start + 1].lower_}" if start + 1 < span.end - 1 else ""
            if two and two in table:
                start += 2
            elif doc[start].lower_ in table or doc[start].lower_.rstrip(".") in table:
                start += 1
            else:
                break
        return doc[start : span.end]

    def _candidates(self, doc: Doc) -> list[tuple[Span, str]]:
        """(span, entity label) for every usable entity, split at commas and trimmed."""
        out: list[tuple[Span, str]] = []
        lower_words = {t.lower_ for t in doc if t.is_lower}
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                continue
            parts: list[Span] = []
            start = ent.start
            for tok in ent:
                if (tok.text == "," or (tok.is_space and "\n" in tok.text)) and tok.i > start:
                    parts.append(doc[start : tok.i])
                    start = tok.i + 1
            parts.append(doc[start : ent.end])
            for part in parts:
                label = ent.label_
                span = self._trim(part)
                if len(span) == 0:
                    continue
                stripped = self._strip_titles(span)
                if len(stripped) < len(span):
                    span, label = stripped, "PERSON"
                elif len(parts) > 1 and part is not parts[0] and all(t.text[:1].isupper() for t in span) and label == "ORG":
                    # "the Libyan National Army, Marshal Khalifa Haftar": the part after the comma
                    label = "PERSON" if len(span) <= 4 else label
                text = span.text
                if any(c.isdigit() for c in text) or not any(c.isalpha() for c in text):
                    continue
                if len(span) == 1 and span[0].lower_ in lower_words and not span[0].is_upper:
                    continue  # a capitalised common noun ("Bombing")
                nxt = doc[span.end] if span.end < len(doc) else None
                if label == "ORG" and len(span) == 1 and nxt is not None and nxt.lower_ in titles():
                    continue  # "Defense" in "Russian Defense Minister": part of a title
                if label == "NORP" and span.root.dep_ in ("amod", "compound") and span.root.pos_ == "ADJ":
                    label = "NORP-ADJ"  # "Russian" in "Russian Defense Minister": kept only if it names a person
                out.append((span, label))
        return out

    # -- analysis -----------------------------------------------------------------------
    def analyze(self, doc: Doc, context: Context) -> dict[str, Any]:
        text = context.text
        debris, headings = boilerplate_ranges(text)
        catalog = context.catalog
        clusters: list[_Cluster] = []
        by_surname: dict[str, list[_Cluster]] = {}
        by_key: dict[str, _Cluster] = {}
        by_catalog: dict[str, _Cluster] = {}
        acronyms: dict[str, _Cluster] = {}
        taken: set[int] = set()  # token indices already in a mention

        def add_mention(cluster: _Cluster, span: Span, kind: str) -> None:
            start, end = span.start_char, span.end_char
            cluster.mentions.append(
                {"start": start, "end": end, "text": text[start:end], "kind": kind, "head": span.root.idx}
            )
            cluster.names[span.text] += 1
            taken.update(range(span.start, span.end))

        def new_cluster(kind: str, type_: str, heading: bool) -> _Cluster:
            cluster = _Cluster(kind=kind, type=type_, tentative=heading)
            clusters.append(cluster)
            return cluster

        # 1. catalog aliases: world knowledge first
        if catalog is not None:
            for s, e, actor in catalog.matches(doc):
                span = doc[s:e]
                if _inside(debris, span.start_char, span.end_char):
                    continue
                cluster = by_catalog.get(actor.id)
                if cluster is None:
                    cluster = new_cluster("catalog", actor.type, False)
                    cluster.catalog = actor
                    by_catalog[actor.id] = cluster
                add_mention(cluster, span, "catalog")

        # 2. entities
        deferred: list[tuple[Span, str]] = []
        for span, label in self._candidates(doc):
            if any(i in taken for i in range(span.start, span.end)):
                continue
            if _inside(debris, span.start_char, span.end_char):
                continue
            heading = _inside(headings, span.start_char, span.end_char)
            words = _name_words(span.text)
            if not words:
                continue
            cat_actor = catalog.lookup(span.text) if catalog is not None else None
            if cat_actor is not None:
                cluster = by_catalog.get(cat_actor.id) or new_cluster("catalog", cat_actor.type, False)
                cluster.catalog = cat_actor
                by_catalog[cat_actor.id] = cluster
                cluster.tentative = False
                add_mention(cluster, span, "catalog")
                continue
            if label == "PERSON":
                surname, first = skeleton(words[-1]), skeleton(words[0]) if len(words) > 1 else ""
                cands = by_surname.get(surname, [])
                cluster = None
                if first:
                    cluster = next((c for c in reversed(cands) if c.first in ("", first)), None)
                elif cands:
                    cluster = cands[-1]
                else:  # a first name alone ("Hillary") or a surname not yet seen
                    cluster = by_key.get("first:" + surname)
                if cluster is None:
                    cluster = new_cluster("person", "person", heading)
                    by_surname.setdefault(surname, []).append(cluster)
                    cluster.surname = surname
                if first and not cluster.first:
                    cluster.first = first
                    by_key.setdefault("first:" + first, cluster)
                if not heading:
                    cluster.tentative = False
                add_mention(cluster, span, "name" if len(words) > 1 else "surname")
                continue
            deferred.append((span, label))

        # 3. organisations, places, groups; attributive person names ("Haftar forces")
        for span, label in deferred:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            heading = _inside(headings, span.start_char, span.end_char)
            words = normalize_name(span.text).split()
            if len(span) == 1 and skeleton(strip_prefix(words[0])) in by_surname:
                cluster = by_surname[skeleton(strip_prefix(words[0]))][-1]
                add_mention(cluster, span, "surname")
                continue
            if label == "NORP-ADJ":
                continue
            key = name_key(span.text)
            raw = span.text.strip()
            cluster = by_key.get(key)
            if cluster is None and raw.isupper() and len(raw) >= 2:
                cluster = acronyms.get(raw)
            if cluster is None:
                cluster = new_cluster("org", self._org_type(label, words), heading)
                by_key[key] = cluster
                initials = _initials(span.text.split())
                if len(initials) >= 2 and initials not in acronyms:
                    acronyms[initials] = cluster
            if not heading:
                cluster.tentative = False
            add_mention(cluster, span, "acronym" if raw.isupper() and len(raw) >= 2 else "name")
            # an acronym defined right after the name: "Government of National Accord (GNA)"
            nxt = span.end
            while nxt < len(doc) and doc[nxt].is_space:
                nxt += 1
            if nxt + 2 < len(doc) and doc[nxt].text == "(" and doc[nxt + 2].text == ")":
                acr = doc[nxt + 1]
                if acr.is_upper and len(acr.text) >= 2:
                    acronyms[acr.text] = cluster
                    if acr.i not in taken:
                        # the acronym is itself a mention
                        add_mention(cluster, doc[acr.i : acr.i + 1], "acronym")

        # 4. a first name alone seen before the full name ("Dr. (Ghassan) Salama")
        self._merge_first_names(clusters)

        # 5. bare titles standing for an introduced person ("the Marshal")
        if self.resolve_titles:
            self._resolve_titles(doc, clusters, taken, add_mention)

        items = self._items(clusters, doc)
        n_words = sum(1 for t in doc if not (t.is_punct or t.is_space))
        n_mentions = sum(item["n_mentions"] for item in items)
        by_type = Counter(item["type"] for item in items)
        return {
            "items": items,
            "metrics": {
                "n_actors": len(items),
                "n_mentions": n_mentions,
                "mentions_per_100_words": (100.0 * n_mentions / n_words) if n_words else None,
                "n_person": by_type.get("person", 0),
                "n_organization": sum(by_type.get(t, 0) for t in ("organization", "government", "armed_group", "media")),
                "n_place": by_type.get("place", 0),
                "n_group": by_type.get("group", 0),
            },
        }

    @staticmethod
    def _merge_first_names(clusters: list[_Cluster]) -> None:
        firsts: dict[str, list[_Cluster]] = {}
        for cluster in clusters:
            if cluster.type != "person":
                continue
            for name in cluster.names:
                words = _name_words(name)
                if len(words) > 1:
                    firsts.setdefault(skeleton(words[0]), [])
                    if cluster not in firsts[skeleton(words[0])]:
                        firsts[skeleton(words[0])].append(cluster)
        for cluster in clusters:
            if cluster.kind != "person" or not cluster.mentions or any(len(_name_words(n)) > 1 for n in cluster.names):
                continue
            owners = [c for c in firsts.get(cluster.surname, []) if c is not cluster]
            if len(owners) == 1:
                owner = owners[0]
                owner.mentions.extend(cluster.mentions)
                owner.names.update(cluster.names)
                owner.tentative = owner.tentative and cluster.tentative
                cluster.mentions = []
                cluster.names.clear()

    def _org_type(self, label: str, words: list[str]) -> str:
        if label in ("GPE", "LOC", "FAC"):
            return "place"
        if label.startswith("NORP"):
            return "group"
        vocab = set(words)
        if vocab & _ARMED:
            return "armed_group"
        if vocab & _GOVERNMENT:
            return "government"
        if vocab & _MEDIA:
            return "media"
        return "organization"

    def _resolve_titles(self, doc: Doc, clusters: list[_Cluster], taken: set[int], add_mention: Any) -> None:
        table = titles()
        # title noun -> (first char offset where known, cluster); built in text order
        events: list[tuple[int, str, _Cluster]] = []
        for cluster in clusters:
            if cluster.kind != "person":
                continue
            for m in cluster.mentions:
                first_tok = doc.char_span(m["start"], m["end"], alignment_mode="expand")
                if first_tok is None:
                    continue
                i = first_tok.start - 1
                while i >= 0 and (doc[i].lower_ in table or doc[i].lower_.rstrip(".") in table):
                    if doc[i].lower_ not in ("retired",) and table.get(doc[i].lower_) in ("rank", "office", "role"):
                        events.append((m["start"], doc[i].lower_, cluster))
                    i -= 1
        if not events:
            return
        events.sort(key=lambda e: e[0])
        pointer = 0
        current: dict[str, _Cluster] = {}
        for tok in doc:
            while pointer < len(events) and events[pointer][0] <= tok.idx:
                current[events[pointer][1]] = events[pointer][2]
                pointer += 1
            if tok.i in taken or tok.lower_ not in current or tok.i == 0:
                continue
            prev = doc[tok.i - 1]
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if prev.lower_ != "the" or (nxt is not None and (nxt.pos_ == "PROPN" or nxt.i in taken or nxt.lower_ == "of")):
                continue
            add_mention(current[tok.lower_], doc[tok.i : tok.i + 1], "title")

    def _items(self, clusters: list[_Cluster], doc: Doc) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        used: dict[str, int] = {}
        live = [c for c in clusters if c.mentions and not c.tentative]
        live.sort(key=lambda c: min(m["start"] for m in c.mentions))
        for cluster in live:
            name = cluster.display_name()
            base = cluster.catalog.id if cluster.catalog is not None else _slug(name)
            n = used.get(base, 0)
            used[base] = n + 1
            mentions = sorted(cluster.mentions, key=lambda m: (m["start"], m["end"]))
            aliases = list(dict.fromkeys(m["text"] for m in mentions if m["kind"] != "title"))
            items.append(
                {
                    "id": base if n == 0 else f"{base}-{n + 1}",
                    "name": name,
                    "type": cluster.type,
                    "aliases": aliases,
                    "catalog_id": cluster.catalog.id if cluster.catalog is not None else None,
                    "mentions": mentions,
                    "n_mentions": len(mentions),
                }
            )
        return items
