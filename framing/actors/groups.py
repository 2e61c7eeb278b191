"""Step 6 of the actors analyzer: unnamed groups of people.

A plural noun from ``group_nouns.tsv`` ("officials", "civilians", "the defendants") with
its adjective and compound modifiers is a group, one actor per noun. A group qualified by
a country the article names as an actor ("North Korean officials" after North Korea) is a
mention of that country, as "Russians" is of Russia; by a country it does not name, its
own actor per noun and country. A noun that belongs to a named actor ("Haftar's forces",
"GNA officials": a name as possessor or compound) is that actor's, not a group.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .clusters import Cluster, MentionClusters
from .names import country_of, group_nouns
from .text import token_indices

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span

__all__ = ["add_groups"]


def _owner_and_country(tok: Any, taken: set[int]) -> tuple[bool, str]:
    """Whether the group noun ``tok`` belongs to a named actor ("Haftar's forces"), and
    the country its modifiers name ("North Korean officials"), "" for none."""
    doc = tok.doc
    country = ""
    for child in tok.children:
        if child.dep_ in ("poss", "compound") and (child.i in taken or child.ent_type_ in ("PERSON", "ORG")):
            return True, country  # "Haftar's forces", "GNA officials": the named actor's
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE"):
            lo, hi = child.i, child.i + 1  # the entity around the modifier ("North Korean")
            while lo > 0 and doc[lo].ent_iob_ == "I":
                lo -= 1
            while hi < len(doc) and doc[hi].ent_iob_ == "I":
                hi += 1
            country = country_of(doc[lo:hi].text) or country
    return False, country


#: Verb tags no modifier of a group noun has: a base or finite verb the parser took for one
#: ("the North Korean leader rankled critics", "greets supporters"); participles ("elected
#: officials", "striking workers") stay.
_VERB_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ", "MD"})


def _group_span(tok: Any, taken: set[int]) -> Span:
    """The group noun with the adjective and compound modifiers before it, up to the first
    word that is no modifier (a base or finite verb, a word of another mention)."""
    doc = tok.doc
    lo = tok.i
    while (lo > 0 and doc[lo - 1].head.i in range(lo, tok.i + 1) and doc[lo - 1].i not in taken
           and doc[lo - 1].dep_ in ("amod", "compound", "nmod") and not doc[lo - 1].is_punct
           and doc[lo - 1].tag_ not in _VERB_TAGS):
        lo -= 1
    return doc[lo : tok.i + 1]


def add_groups(mc: MentionClusters) -> None:
    """Add the article's unnamed groups (see the module docstring). Needs tags and the parse."""
    doc, taken = mc.doc, mc.taken
    if not doc.has_annotation("TAG") or not doc.has_annotation("DEP"):
        return
    nouns = group_nouns()
    by_key: dict[tuple[str, str], Cluster] = {}
    for tok in (doc[i] for i in token_indices(doc, lambda lemma: lemma.lower() in nouns, attr="LEMMA")):
        if tok.tag_ != "NNS" or tok.i in taken or tok.ent_type_ in ("PERSON", "ORG", "GPE", "FAC", "LOC"):
            continue
        lemma = tok.lemma_.lower()
        if lemma not in nouns or mc.debris.covers(tok.idx, tok.idx + len(tok)):
            continue
        owned, country = _owner_and_country(tok, taken)
        if owned:
            continue
        span = _group_span(tok, taken)
        if country and f"country:{country}" in mc.by_key:
            mc.add_mention(mc.by_key[f"country:{country}"], span, "group")
            continue
        key = (lemma, country)
        cluster = by_key.get(key)
        if cluster is None:
            cluster = mc.new_cluster("group", "group", False)
            cluster.keys.add(f"group:{lemma}:{country}" if country else f"group:{lemma}")
            by_key[key] = cluster
        mc.add_mention(cluster, span, "group")
