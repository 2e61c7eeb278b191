"""Step 2 of the actors analyzer: people, one cluster per person.

A person's name is read as parts (:mod:`framing.actors.names`): surname skeleton
(transliterations meet: Hifter / Haftar), the formal given name (Liz is Elizabeth),
middle initials and a generational suffix. A full name joins the person with that surname
and given name, a bare surname the person with that surname holding its title ("Former
Vice President Cheney"), else the one the article talks about most. Two full names that
cannot be one person (other given name, other middle initials, "Jr." against none) are
two people, and so is a surname joined by "and" to a full name with it ("President Trump
and Melania Trump").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .clusters import Cluster, MentionClusters, name_words, salient
from .names import NAME_PARTICLES, canonical_given, person_parts, skeleton, titles
from .titles import generic_mods, modifier_run, restrictive_mods

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

__all__ = ["add_person", "merge_first_names"]

_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:[A-Za-z.]+\s+){0,3}", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _office_parts() -> frozenset[str]:
    """Words of office and rank titles of several words ("prime", "minister", "attorney")."""
    return frozenset(w for t, kind in titles().items() if kind in ("office", "rank") and " " in t
                     for w in t.split()) - {"of", "the"}


def _office_words(doc: Doc, span: Span, taken: set[int]) -> frozenset[str]:
    """The office and rank words before a person's name ("Former Vice President" Cheney ->
    vice, president); honorifics and "former" are none."""
    table = titles()
    words = set()
    for k in modifier_run(doc, span.start, taken):
        low = doc[k].lower_
        if table.get(low) in ("office", "rank") or low in restrictive_mods() or low in _office_parts():
            words.add(low)
    return frozenset(words - generic_mods())


def _namesake_by_title(cands: list[Cluster], office: frozenset[str]) -> Cluster:
    """The person a bare surname stands for among those the article named with it: the
    one holding its title ("Former Vice President Cheney" is Dick Cheney, introduced as vice
    president, not Rep. Liz Cheney, who is mentioned more), else the one the article talks
    about most. (A title that no namesake holds does not make a new person: articles vary
    titles, "Sen." and "Senator", "Rep." and "Congressman".)"""
    holders = [c for c in cands if c.offices & office] if office else []
    return salient(holders or cands)


def _coordinated(text: str, cluster: Cluster, start: int) -> bool:
    """Whether one of ``cluster``'s mentions is joined to the name at ``start`` by "and"
    (titles between allowed): "President Trump and (first lady) Melania Trump"."""
    return any(m["end"] < start and _COORDINATION.fullmatch(text, m["end"], start) for m in cluster.mentions[-3:])


def _middles_fit(a: str, b: str) -> bool:
    """Middle initials given on one side only fit; two different sets name two people."""
    return not (a and b and a != b)


def _find_person(mc: MentionClusters, span: Span, surname: str, first: str, middles: str,
                 office: frozenset[str]) -> Cluster | None:
    """The person already clustered whom this name names, or None for a new person.
    ``first`` is the given-name skeleton ("" for a bare surname), with "|suffix" when the
    name has one."""
    cands = mc.by_surname.get(surname, [])
    if first.startswith("|"):
        return next((c for c in reversed(cands) if c.first.endswith(first)), None)
    if first:
        # a surname used alone and coordinated with this name is someone else:
        # "President Trump and Melania Trump"; other middle initials, another
        # person: "George H. W. Bush" is not "George W. Bush"
        cluster = next((c for c in reversed(cands) if c.first == first and _middles_fit(c.middles, middles)
                        or not c.first and not _coordinated(mc.text, c, span.start_char)), None)
        if cluster is None:  # "Roger Stone" after "Roger J. Stone Jr."
            cluster = next((c for c in reversed(cands) if c.first.split("|")[0] == first
                            and _middles_fit(c.middles, middles)), None)
        return cluster
    if cands:
        # a bare surname shared by several people ("Macron" after Emmanuel and
        # Brigitte Macron) goes to the one holding its title, else the one the
        # article talks about most
        return _namesake_by_title(cands, office)
    if surname in mc.by_first:
        # a first name alone ("Hillary"), or a name whose family name comes first
        # ("Kim" for Kim Jong Un): the one the article talks about most
        return salient(mc.by_first[surname])
    return None


def add_person(mc: MentionClusters, span: Span, words: list[str], heading: bool) -> None:
    """Add the person name ``span`` (normalised ``words``, titles cut) to its person."""
    words, suffix = person_parts(words)
    surname = skeleton(words[-1])
    # the formal given name: "Liz Cheney" is Elizabeth Cheney, "Bill" William
    first = skeleton(canonical_given(words[0])) if len(words) > 1 else ""
    middles = "".join(w[0] for w in words[1:-1] if w not in NAME_PARTICLES)
    if suffix:  # "Donald Trump Jr." is not Donald Trump; "Trump Jr." is him
        first = f"{first}|{suffix}"
    office = _office_words(mc.doc, span, mc.taken)
    cluster = _find_person(mc, span, surname, first, middles, office)
    if cluster is None:
        cluster = mc.new_cluster("person", "person", heading)
        mc.by_surname.setdefault(surname, []).append(cluster)
        cluster.surname = surname
    cluster.offices |= office
    if first and not cluster.first:
        cluster.first = first
        if not suffix:
            for key in {first, skeleton(words[0])}:
                mc.by_first.setdefault(key, []).append(cluster)
    if middles and not cluster.middles:
        cluster.middles = middles
    if not heading:
        cluster.tentative = False
    mc.add_mention(cluster, span, "name" if len(words) > 1 or suffix else "surname")


def merge_first_names(mc: MentionClusters) -> None:
    """A first name alone seen before the full name ("Dr. (Ghassan) Salama" ... "Ghassan
    Salama") joins the one person with that first name."""
    firsts: dict[str, list[Cluster]] = {}
    for cluster in mc.clusters:
        if cluster.type != "person":
            continue
        for name in cluster.names:
            words = name_words(name)
            if len(words) > 1:
                firsts.setdefault(skeleton(words[0]), [])
                if cluster not in firsts[skeleton(words[0])]:
                    firsts[skeleton(words[0])].append(cluster)
    for cluster in mc.clusters:
        if cluster.kind != "person" or not cluster.mentions or any(len(name_words(n)) > 1 for n in cluster.names):
            continue
        owners = [c for c in firsts.get(cluster.surname, []) if c is not cluster]
        if len(owners) == 1:
            owners[0].absorb(cluster)
