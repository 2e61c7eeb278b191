"""Step 3 of the actors analyzer: organisations, countries, places and parties.

Organisations and places cluster by their name key (``name_key`` of the name without legal
designators: "Apple Inc." = "Apple"), countries by ``countries.tsv`` ("Russia", "Russians",
"the Russian Federation"), parties by ``parties.tsv`` ("GOP", "Republicans"), acronyms by
the name's initials or a definition in the text ("Government of National Accord (GNA)").
A capital in an actor's role is its country ("Moscow denied"); "the North" after North
Korea is North Korea. A known surname in a non-person entity is that person ("Haftar
forces", "anti-Obama"). Afterwards a partial organisation name joins its one owner
("Northrop" of "Northrop Grumman"), and "the committee" the committee named before.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ..lines import has_break
from .clusters import Cluster, MentionClusters, salient
from .names import acronym_of, capital_of, country_of, name_key, normalize_name, org_core, partial_org, party_of, rule_words, \
    skeleton, strip_prefix
from .text import token_indices

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span

__all__ = ["add_organisations", "merge_partial_orgs", "resolve_head_nouns"]

def _org_type(label: str, words: list[str]) -> str:
    if label in ("GPE", "LOC", "FAC"):
        return "place"
    if label.startswith("NORP"):
        return "group"
    vocab = set(words)
    for type_ in ("armed_group", "government", "media"):  # actor_rule_words.tsv, in this order
        if vocab & rule_words(type_):
            return type_
    return "organization"


def _dateline(span: Span) -> bool:
    """A place that opens a line and is followed by a comma or a dash: "New Delhi, India -",
    "WASHINGTON —" (where the story was filed)."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start else None
    nxt = doc[span.end] if span.end < len(doc) else None
    line_start = prev is None or (prev.is_space and has_break(prev.text))
    return line_start and nxt is not None and nxt.text in (",", "-", "—", "―", "–")


def _in_actor_role(span: Span) -> bool:
    """Whether a place name stands where an actor does: subject, possessor, agent of a
    passive ("by Moscow"), or joined by "and" to one that does ("Washington and Seoul
    agreed"). Needs the parse; without it, never."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "poss":  # "Moscow's museums" are the city's, "Moscow's demands" Russia's
        return root.head.lemma_.lower() not in rule_words("city_thing")
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _add_known_people(mc: MentionClusters, span: Span, words: list[str]) -> bool:
    """A known person's surname inside a non-person entity ("Haftar" alone, "anti-Obama",
    "Trump-Abe") is that person's mention; whether any was found."""
    if len(span) > 1 and any(t.text == "-" for t in span):
        known = [t for t in span if t.text != "-" and skeleton(strip_prefix(t.lower_)) in mc.by_surname]
        for t in known:
            mc.add_mention(salient(mc.by_surname[skeleton(strip_prefix(t.lower_))]), mc.doc[t.i : t.i + 1], "surname")
        if known:
            return True
    if len(span) == 1 and skeleton(strip_prefix(words[0])) in mc.by_surname:
        mc.add_mention(salient(mc.by_surname[skeleton(strip_prefix(words[0]))]), span, "surname")
        return True
    return False


def _country(mc: MentionClusters, span: Span, label: str, words: list[str]) -> tuple[str | None, bool]:
    """The country a place or nationality stands for, and whether it is named by its
    capital in an actor's role ("Moscow denied", "Pyongyang's missiles")."""
    country = country_of(span.text) if label in ("GPE", "NORP") else None
    capital = False
    if country is None and label == "GPE" and not span.text.isupper() and not _dateline(span) and _in_actor_role(span):
        # "Moscow denied", "Pyongyang's missiles": the capital stands for its country
        country = capital_of(span.text)
        capital = country is not None
    if country is None and label in ("GPE", "LOC", "NORP") and words in (["north"], ["south"]):
        # "the North" after North Korea (and no other northern country)
        named = {k for k in mc.by_key if k.startswith(f"country:{words[0]}_")}
        country = named.pop()[len("country:"):] if len(named) == 1 else None
    return country, capital


def _defines_acronym(name: str, acr: str) -> bool:
    """Whether ``acr``, in brackets after ``name``, is its acronym: any word in capitals
    ("Government of National Accord (GNA)"), or a word of mixed case whose letters are the
    initials of the name's words, connectors too ("Bank of America (BoA)", "Alternative für
    Deutschland (AfD)", "Mujahedin-e-Khalq (MeK)"; not "Mark Zuckerberg (YouTube)")."""
    if len(acr) < 2:
        return False
    if acr.isupper():
        return True
    initials = "".join(w[0] for w in name.replace("-", " ").split())
    return acr.isalpha() and sum(c.isupper() for c in acr) >= 2 and initials.lower() == acr.lower()


def _add_defined_acronym(mc: MentionClusters, span: Span, cluster: Cluster) -> None:
    """An acronym defined right after the name: "Government of National Accord (GNA)"."""
    doc = mc.doc
    nxt = span.end
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    if nxt + 2 < len(doc) and doc[nxt].text == "(" and doc[nxt + 2].text == ")":
        acr = doc[nxt + 1]
        if _defines_acronym(span.text, acr.text):
            mc.acronyms[acr.text] = cluster
            if acr.i not in mc.taken:
                # the acronym is itself a mention
                mc.add_mention(cluster, doc[acr.i : acr.i + 1], "acronym")


def _add_organisation(mc: MentionClusters, span: Span, label: str, words: list[str], heading: bool) -> None:
    country, capital = _country(mc, span, label, words)
    party = party_of(span.text) if country is None and label in ("NORP", "ORG") else None
    # "Russia", "Russians" and "U.S.", "United States", "Americans": one actor;
    # "Republicans", "GOP" and "the Republican Party" too
    key = "country:" + country if country else "party:" + party if party else name_key(org_core(span.text))
    raw = span.text.strip().replace(".", "")  # "D.N.C." is the acronym DNC
    cluster = mc.by_key.get(key)
    if cluster is None and (raw.isupper() and len(raw) >= 2 or raw in mc.acronyms):  # "GNA", a defined "BoA"
        cluster = mc.acronyms.get(raw)
    if cluster is None:
        type_ = "country" if country else "organization" if party else _org_type(label, words)
        cluster = mc.new_cluster("org", type_, heading)
        cluster.country = country or ""
        mc.by_key[key] = cluster
        initials = acronym_of(span.text)
        if len(initials) >= 2 and initials not in mc.acronyms:
            mc.acronyms[initials] = cluster
    if not heading:
        cluster.tentative = False
    mc.add_mention(cluster, span, "capital" if capital else "acronym" if raw.isupper() and len(raw) >= 2 else "name")
    _add_defined_acronym(mc, span, cluster)


def add_organisations(mc: MentionClusters, deferred: list[tuple[Span, str]]) -> None:
    """Add the entities the people step left: organisations, places, nationalities, and
    the people named inside them."""
    for span, label in deferred:
        if mc.overlaps_taken(span):
            continue
        heading = mc.in_heading(span)
        words = normalize_name(span.text).split()
        if _add_known_people(mc, span, words):
            continue
        if label in ("NORP-ADJ", "POSSESSOR") and not (label == "POSSESSOR" and span.root.ent_type_ in ("GPE", "ORG")):
            continue
        _add_organisation(mc, span, label, words, heading)


def merge_partial_orgs(mc: MentionClusters) -> None:
    """An organisation named only by a partial name of one other organisation of the
    article joins it: "Northrop" with "Northrop Grumman", "the Judiciary Committee" with
    "the Senate Judiciary Committee", "the Times" with "The New York Times". A partial name
    two organisations share ("Apple" beside "Apple Corps" and "Apple Computer") stays apart."""
    orgs = [c for c in mc.clusters if c.kind == "org" and c.type not in ("place", "country", "group") and c.names]
    by_end: dict[str, list[Cluster]] = {}
    for cluster in orgs:
        for name in cluster.names:
            words = org_core(name).split()
            for word in {words[0], words[-1]} if words else ():
                by_end.setdefault(word, [])
                if cluster not in by_end[word]:
                    by_end[word].append(cluster)
    for short in orgs:
        owners = None
        for name in list(short.names):
            words = org_core(name).split()
            found = {id(c): c for w in {words[0], words[-1]} if words for c in by_end.get(w, ())
                     if c is not short and c.mentions and any(partial_org(name, m) for m in c.names)}
            owners = found if owners is None else {k: v for k, v in owners.items() if k in found}
        if owners and len(owners) == 1:
            next(iter(owners.values())).absorb(short)


def resolve_head_nouns(mc: MentionClusters) -> None:
    """"the committee" after the Democratic National Committee, "the party" after the
    Republican Party, "the ministry" after the Russian Defense Ministry: a definite noun
    phrase of one lowercase noun that is the last word of an organisation the article
    named before, resolved to the one named last. Needs part-of-speech tags."""
    doc = mc.doc
    if not doc.has_annotation("TAG"):
        return
    heads: dict[str, list[tuple[int, Cluster]]] = {}
    for cluster in mc.clusters:
        if cluster.kind == "person" or cluster.type in ("place", "country", "group"):
            continue
        for m in cluster.mentions:
            if m["kind"] in ("name", "catalog"):
                words = normalize_name(m["text"]).split()
                if len(words) > 1 and words[-1] not in rule_words("vague_head"):
                    heads.setdefault(words[-1], []).append((m["start"], cluster))
    if not heads:
        return
    for seen in heads.values():
        seen.sort(key=lambda x: x[0])
    head_starts = {word: [start for start, _ in seen] for word, seen in heads.items()}
    for tok in (doc[i] for i in token_indices(doc, lambda low: low in heads) if i > 0):
        head = heads.get(tok.lower_)
        if (head is None or tok.i in mc.taken or not tok.is_lower or tok.pos_ != "NOUN"
                or doc[tok.i - 1].lower_ != "the" or tok.dep_ == "compound"):
            continue
        n = bisect.bisect_left(head_starts[tok.lower_], tok.idx)  # named before this noun
        if not n:
            continue
        mc.add_mention(head[n - 1][1], doc[tok.i - 1 : tok.i + 1], "title")
