"""The ``actors`` analyzer: who the article names, and every mention of each actor.

Mentions come from the pipeline's named entities and, when a catalog is given, from its
aliases. Within the article, mentions are grouped into actors:

- people by surname, tolerant of transliteration ("Khalifa Hifter" ... "Hifter"), of name
  prefixes ("Al-Sarraj" / "al-Sarraj") and of titles ("Marshal Khalifa Haftar");
- organisations and places by their normalised name, plus acronyms the text defines
  ("Government of National Accord (GNA)") or that match a name's initials;
- countries (type ``country``) by the shipped table of names and demonyms
  (``framing/data/countries.tsv``: "Russia", "Russians" and "the Russian Federation" are one
  actor); other places (cities, regions, facilities) have type ``place``;
- attributive and possessive forms ("Haftar forces", "Haftar's forces": the mention is
  "Haftar");
- bare titles that stand for a person the article introduced with that title ("the
  Marshal" after "Marshal Khalifa Haftar").

Scraped-page debris — photo credits, bylines, video-embed ids, section headings such as
"Resume conversations" — never creates an actor. A mention span covers the name only;
titles and descriptions before it are the ``terminology`` analyzer's labels.

The steps are modules of :mod:`framing.actors` working on one
:class:`~framing.actors.clusters.MentionClusters`: ``candidates`` (catalog aliases and
entities), ``people``, ``organisations`` (with partial names), ``propagate`` (names the
NER missed), ``titles`` (bare titles) and ``groups`` (unnamed groups).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ..actors.candidates import add_catalog_matches, add_entities, candidates
from ..actors.clusters import MentionClusters
from ..actors.groups import add_groups
from ..actors.organisations import add_organisations, merge_partial_orgs, resolve_head_nouns
from ..actors.people import merge_first_names
from ..actors.propagate import propagate
from ..actors.text import boilerplate_ranges, headline_range
from ..actors.titles import resolve_titles
from .base import BaseAnalyzer, Context

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["ActorsAnalyzer", "boilerplate_ranges", "headline_range"]


class ActorsAnalyzer(BaseAnalyzer):
    """Find the actors of an article and every mention of each.

    Parameters
    ----------
    labels : tuple of str
        Entity labels that make actors (spaCy's OntoNotes labels).
    resolve_titles : bool
        Resolve bare titles ("the Marshal", "the president") to the person the article
        introduced with that title, and "the committee" to the committee named before.
    groups : bool
        Unnamed groups ("officials", "the defendants") as actors.

    Notes
    -----
    The section is ``{"items": [{id, name, type, aliases, catalog_id, mentions, n_mentions}],
    "metrics": {...}}``; items are ordered by first mention and ids are slugs of the
    names, unique within the article. Without a trained NER component (a blank pipeline)
    only catalog aliases are found.
    """

    name = "actors"
    # 2: countries have type "country"; 3: unnamed groups ("officials"); 4: group_kind;
    # 5: bare titles chosen by restrictive words, nationality and salience; "Trump and Melania Trump" two people;
    #    "Jr.", "III" are suffixes, not surnames; capitals in an actor's role are their country (kind "capital")
    # 6: a title with a country goes only to a person tied to it ("Israel's prime minister"); multi-word
    #    titles resolve whole ("the prime minister"); a bare surname goes to the namesake holding its title;
    #    "the North Korean leader" is the one person introduced as that country's leader under any leader noun
    # 7: a base or finite verb the parser took for a modifier is no part of a group ("leader rankled critics");
    #    a mixed-case acronym in brackets is defined by the initials of the name ("Bank of America (BoA)");
    #    "its leader, Kim Jong-un" ties Kim to the country "its" stands for
    version = "7"
    requires: tuple[str, ...] = ()

    def __init__(self, labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"), resolve_titles: bool = True,
                 groups: bool = True):
        self.labels = labels
        self.resolve_titles = resolve_titles
        self.groups = groups

    def analyze(self, doc: Doc, context: Context) -> dict[str, Any]:
        mc = MentionClusters(doc, context.text)
        if context.catalog is not None:
            add_catalog_matches(mc, context.catalog)  # world knowledge first
        deferred = add_entities(mc, candidates(doc, self.labels), context.catalog)  # people now
        add_organisations(mc, deferred)  # organisations, places; "Haftar forces" is Haftar
        merge_first_names(mc)  # "Dr. (Ghassan) Salama" before "Ghassan Salama"
        merge_partial_orgs(mc)  # "Northrop" of "Northrop Grumman"
        propagate(mc)  # the article's own names where the NER missed them
        if self.resolve_titles:
            resolve_titles(mc)  # "the Marshal", "the North Korean leader"
            resolve_head_nouns(mc)  # "the committee", "the party"
        if self.groups:
            add_groups(mc)  # "officials", "the defendants", "North Korean officials"
        return self._section(mc.items(), doc, context)

    @staticmethod
    def _section(items: list[dict[str, Any]], doc: Doc, context: Context) -> dict[str, Any]:
        n_words = len(context.words(doc))
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
                "n_country": by_type.get("country", 0),
                "n_place": by_type.get("place", 0),
                "n_group": by_type.get("group", 0),
            },
        }
