"""Step 1 of the actors analyzer: the names that may be actors.

Catalog aliases first (world knowledge), then the pipeline's named entities: split at
commas, line breaks and possessives ("Obama's State Department"), trimmed of articles,
punctuation and scraped escapes, titles cut from people's names ("Marshal Khalifa
Haftar" -> "Khalifa Haftar"). People go to :mod:`framing.actors.people` at once; the rest
(organisations, places, groups) wait for :mod:`framing.actors.organisations`, so that a
surname used attributively ("Haftar forces") finds its person first.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from ..lines import has_break
from .clusters import MentionClusters, name_words
from .names import org_words, titles
from .people import add_person
from .text import lowercase_words, trim_headline_words

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

__all__ = ["add_catalog_matches", "add_entities", "candidates"]


@functools.lru_cache(maxsize=1)
def _title_nouns() -> frozenset[str]:
    """Head words of offices, ranks and roles ("leader", "president", "minister")."""
    return frozenset(t.split()[-1] for t, kind in titles().items() if kind in ("office", "rank", "role"))


def _trim(span: Span) -> Span:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space
                           or doc[start].text.startswith("\\")):  # a scraped "\n"
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].text.startswith("\\")):
        end -= 1
    return doc[start:end]


def _strip_titles(span: Span) -> Span:
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


def _entity_parts(ent: Span) -> tuple[list[Span], set[int]]:
    """An entity split at commas and line breaks, and at a possessive inside a non-person
    entity ("Obama's State Department"); the indices of the possessor parts."""
    doc = ent.doc
    parts: list[Span] = []
    possessors: set[int] = set()
    start = ent.start
    for tok in ent:
        if (tok.text == "," or (tok.is_space and has_break(tok.text))) and tok.i > start:
            parts.append(doc[start : tok.i])
            start = tok.i + 1
        elif tok.lower_ in ("'s", "’s") and ent.label_ != "PERSON" and tok.i > start and tok.i + 1 < ent.end:
            # "Obama's State Department": the possessor and the organisation
            parts.append(doc[start : tok.i])
            possessors.add(len(parts) - 1)
            start = tok.i + 1
    parts.append(doc[start : ent.end])
    return parts, possessors


def _candidate(part: Span, label: str, after_comma: bool, lower_words: set[str]) -> tuple[Span, str] | None:
    """One part of an entity as (span, label), or None when it names nothing."""
    doc = part.doc
    span = _trim(part)
    if len(span) == 0:
        return None
    stripped = _strip_titles(span)
    if len(stripped) < len(span) and stripped[-1].lower_ not in org_words():  # not "General Motors"
        span, label = stripped, "PERSON"
    elif after_comma and all(t.text[:1].isupper() for t in span) and label == "ORG":
        # "the Libyan National Army, Marshal Khalifa Haftar": the part after the comma
        label = "PERSON" if len(span) <= 4 else label
    text = span.text
    if any(c.isdigit() for c in text) or not any(c.isalpha() for c in text):
        return None
    if len(span) == 1 and span[0].lower_ in lower_words and not span[0].is_upper:
        return None  # a capitalised common noun ("Bombing")
    if label == "PERSON" and len(span) > 1 and len(span[-1]) > 3 and span[-1].lower_ in lower_words:
        span = span[:-1]  # "Comey memos": the name is "Comey"
    nxt = doc[span.end] if span.end < len(doc) else None
    if label == "ORG" and len(span) == 1 and nxt is not None and nxt.lower_ in titles():
        return None  # "Defense" in "Russian Defense Minister": part of a title
    if label in ("NORP", "GPE") and nxt is not None and nxt.lower_ in _title_nouns():
        return None  # "North Korean" in "the North Korean leader": part of a label
    if label == "NORP" and span.root.dep_ in ("amod", "compound") and span.root.pos_ == "ADJ":
        label = "NORP-ADJ"  # "Russian" in "Russian Defense Minister": kept only if it names a person
    return span, label


def candidates(doc: Doc, labels: tuple[str, ...]) -> list[tuple[Span, str]]:
    """(span, entity label) for every usable entity with one of ``labels``, split at commas
    and trimmed; a possessor part has the label "POSSESSOR", a nationality adjective
    "NORP-ADJ"."""
    out: list[tuple[Span, str]] = []
    lower_words = lowercase_words(doc)
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        parts, possessors = _entity_parts(ent)
        for n_part, part in enumerate(parts):
            label = "POSSESSOR" if n_part in possessors else ent.label_
            after_comma = n_part > 0 and n_part - 1 not in possessors  # not "Obama's State Department"
            found = _candidate(part, label, after_comma, lower_words)
            if found is not None:
                out.append(found)
    return out


def add_catalog_matches(mc: MentionClusters, catalog: Any) -> None:
    """Mentions of the catalog's aliases, before any entity: world knowledge first."""
    doc = mc.doc
    for s, e, actor in catalog.matches(doc):
        span = doc[s:e]
        if mc.in_debris(span):
            continue
        cluster = mc.by_catalog.get(actor.id)
        if cluster is None:
            cluster = mc.new_cluster("catalog", actor.type, False)
            cluster.catalog = actor
            mc.by_catalog[actor.id] = cluster
        mc.add_mention(cluster, span, "catalog")


def add_entities(mc: MentionClusters, found: list[tuple[Span, str]], catalog: Any) -> list[tuple[Span, str]]:
    """Add the entities ``found`` that name catalog actors or people; return the others
    (organisations, places, groups) for the organisations step."""
    deferred: list[tuple[Span, str]] = []
    for span, label in found:
        if mc.headline and span.end_char <= mc.headline[1]:
            span = trim_headline_words(span, mc.body_words)  # "Cheney Tells" -> "Cheney"
        if mc.overlaps_taken(span) or mc.in_debris(span):
            continue
        heading = mc.in_heading(span)
        words = name_words(span.text)
        if not words:
            continue
        cat_actor = catalog.lookup(span.text) if catalog is not None else None
        if cat_actor is not None:
            cluster = mc.by_catalog.get(cat_actor.id) or mc.new_cluster("catalog", cat_actor.type, False)
            cluster.catalog = cat_actor
            mc.by_catalog[cat_actor.id] = cluster
            cluster.tentative = False
            mc.add_mention(cluster, span, "catalog")
            continue
        if label == "PERSON" and len(words) > 1 and words[-1] in org_words():
            label = "ORG"  # "General Motors", "Singapore Airlines": no person ends so
        if label == "PERSON":
            add_person(mc, span, words, heading)
        else:
            deferred.append((span, label))
    return deferred
