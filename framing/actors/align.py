"""Cross-article actor alignment: Hifter in one article and Haftar in another are one actor.

Each article's actors (the ``actors`` section) are nodes; two nodes from different
articles are linked when they share a key:

- the catalog id, when either side was matched to a catalog actor (or its name is an
  alias in the ``catalog`` passed here);
- for people, the transliteration skeleton of the surname (Haftar/Hifter -> "hftr"),
  refined by the first name when an article names two people with one surname;
- for other actors, the skeleton key of the full name, the country a name or demonym
  stands for (``countries.tsv``: "Russians" and "Russia", "U.S." and "United States"),
  the party (``parties.tsv``: "GOP" and "Republicans"),
  and acronyms the article defined or that equal the name's initials;
- for unnamed groups ("officials", "North Korean officials"), the group noun and country.

Linked components become aligned actors. Ids are deterministic: a slug of the most
frequent name (ties: alphabetical), or the catalog id.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any, Iterable, Mapping

from .catalog import ActorCatalog, coerce_catalog
from .names import (PersonName, acronym_of, canonical_given, country_of, name_key, normalize_name, parse_person, party_of, person_parts,
                    same_person, skeleton, strip_prefix)

__all__ = ["align_actors"]

_SLUG = re.compile(r"[^a-z0-9]+")


def _as_dict(profile: Any) -> Mapping[str, Any]:
    return profile.to_dict() if hasattr(profile, "to_dict") else profile


def _person_classes(people: Counter, family: bool = True) -> dict[PersonName, int]:
    """Group the full names of one surname into people: each name joins the most-mentioned
    group whose every name it can name (``same_person``), the most specific names first
    ("George H. W. Bush" and "George W. Bush" found two groups; "George Bush" then joins the
    larger). ``people`` counts mentions per name; returns name -> group number. With
    ``family`` false, "Jr." or "Sr." on one side only does not make two people."""
    order = sorted(people, key=lambda p: (-len(p.middles), -bool(p.given), -bool(p.suffix), -people[p],
                                          p.given, p.middles, p.suffix))
    groups: list[list[PersonName]] = []
    weight: list[int] = []
    out: dict[PersonName, int] = {}
    for person in order:
        fits = [g for g, members in enumerate(groups) if all(same_person(person, m, family) for m in members)]
        if fits:
            g = max(fits, key=lambda k: (weight[k], -k))
        else:
            g = len(groups)
            groups.append([])
            weight.append(0)
        groups[g].append(person)
        weight[g] += people[person]
        out[person] = g
    return out


def _keys(item: Mapping[str, Any], catalog: ActorCatalog | None, ambiguous_surnames: set[str],
          classes: Mapping[PersonName, int]) -> set[str]:
    keys: set[str] = set()
    cat_id = item.get("catalog_id")
    if cat_id:
        keys.add("catalog:" + cat_id)
        return keys
    names = [item.get("name", "")] + list(item.get("aliases") or [])
    if catalog is not None:
        for n in names:
            actor = catalog.lookup(n)
            if actor is not None:
                return {"catalog:" + actor.id}
    if item.get("group"):  # an unnamed group: its noun and country ("official:north_korea")
        return {"group:" + str(item["group"])}
    if item.get("type") == "person":
        full = [n for n in names if len(person_parts(normalize_name(n).split())[0]) > 1]
        for n in full or names:
            words, suffix = person_parts([strip_prefix(w) for w in normalize_name(n).split()])
            if not words:
                continue
            surname = skeleton(words[-1])
            if surname in ambiguous_surnames:
                # namesakes: the name's class among the event's people with this surname
                # (Donald Trump, Donald Trump Jr., Melania Trump; George W. and George H. W. Bush)
                person = parse_person(n)
                if person is not None and (person.initial or person.suffix) and person in classes:
                    keys.add(f"person:{surname}#{classes[person]}")
                elif len(words) == 1 and not suffix:
                    keys.add("person:" + surname)
            else:
                keys.add("person:" + surname)
        return keys
    for n in names:
        key = name_key(n)
        if not key:
            continue
        country = country_of(n)
        if country:  # "Russians" here, "Russia" there; "U.S." and "United States"
            keys.add("country:" + country)
        party = party_of(n)
        if party:  # "GOP" here, "Republicans" there
            keys.add("party:" + party)
        raw = n.strip().replace(".", "")  # "D.N.C." is the acronym DNC
        if raw.isupper() and len(raw) >= 2:
            keys.add("acronym:" + raw)
        else:
            keys.add("name:" + key)
            initials = "".join(w[0] for w in n.split() if w[:1].isupper() and w.lower() not in ("of", "the", "for", "and"))
            if len(initials) >= 3:
                keys.add("acronym:" + initials.upper())
    return keys


def _full_names(item: Mapping[str, Any]) -> list[PersonName]:
    """The parsed names of a person item that give more than the surname."""
    names = [item.get("name", "")] + list(item.get("aliases") or [])
    return [p for p in map(parse_person, names) if p is not None and (p.initial or p.suffix)]


def _namesakes(nodes: list[tuple[int, str, Mapping[str, Any]]], n_articles: int) -> tuple[set[str], dict[PersonName, int]]:
    """Surnames that need more than the surname to tell people apart: two people of one
    article share it, or the articles give it with names of two people (Dick and Liz
    Cheney; Martin and Anthony Mann); and the groups of full names of those surnames."""
    ambiguous: set[str] = set()
    for index in range(n_articles):
        counts = Counter(
            skeleton(strip_prefix(person_parts(normalize_name(item.get("name", "")).split())[0][-1]))
            for i, _, item in nodes
            if i == index and item.get("type") == "person" and normalize_name(item.get("name", "")).split()
        )
        ambiguous |= {s for s, c in counts.items() if c > 1}
    people: dict[str, Counter] = defaultdict(Counter)
    for _, _, item in nodes:
        if item.get("type") == "person" and not item.get("catalog_id"):
            for person in _full_names(item):
                people[person.surname][person] += int(item.get("n_mentions") or 1)
    classes: dict[PersonName, int] = {}
    for surname, names in people.items():
        # two people only when more than a "Jr." tells them apart (Roger J. Stone Jr. and
        # Roger Stone are one, unless an article names a father and a son)
        if len(set(_person_classes(names, family=False).values())) > 1:
            ambiguous.add(surname)
        classes.update(_person_classes(names))
    return ambiguous, classes


def _surnames(item: Mapping[str, Any]) -> tuple[set[str], bool]:
    """A person's surname skeletons, and whether the article ever gives more than the
    surname (a first name, or a suffix: "Trump Jr.")."""
    names = [item.get("name", "")] + list(item.get("aliases") or [])
    parts = [person_parts([strip_prefix(w) for w in normalize_name(n).split()]) for n in names]
    return {skeleton(w[-1]) for w, _ in parts if w}, any(len(w) > 1 or suffix for w, suffix in parts)


def _link_bare_surnames(nodes: list[tuple[int, str, Mapping[str, Any]]], ambiguous: set[str], find: Any,
                        parent: list[int], articles_of: dict[int, set[int]]) -> None:
    """Actors named only by an ambiguous surname ("Trump" in articles of which one also
    names Melania Trump) join the actor with that surname and a full name that the
    articles mention most, when it is in none of their articles."""
    if not ambiguous:
        return
    members: dict[int, list[int]] = defaultdict(list)
    for n in range(len(nodes)):
        members[find(n)].append(n)
    weight = {root: sum(int(nodes[m][2].get("n_mentions") or len(nodes[m][2].get("mentions") or []) or 1) for m in ms)
              for root, ms in members.items()}
    info = {n: _surnames(item) for n, (_, _, item) in enumerate(nodes) if item.get("type") == "person"}
    bare, named = [], defaultdict(list)
    for root, ms in members.items():
        if any(m not in info or nodes[m][2].get("catalog_id") for m in ms):
            continue
        surnames = set().union(*(info[m][0] for m in ms))
        if any(info[m][1] for m in ms):
            for surname in surnames & ambiguous:
                named[surname].append(root)
        elif len(surnames) == 1 and surnames <= ambiguous:
            bare.append((root, next(iter(surnames))))
    for root, surname in bare:
        holders = [h for h in named.get(surname, []) if not articles_of[find(h)] & articles_of[root]]
        if not holders:
            continue
        target = find(max(holders, key=lambda h: (weight[h], -h)))
        low, high = min(target, root), max(target, root)
        parent[high] = low
        articles_of[low] |= articles_of.pop(high)


#: Types whose names are no organisation's expansion or acronym.
_NOT_ORGS = frozenset({"person", "country", "place", "group"})


def _short_acronym(name: str) -> str:
    """``name`` as a two-letter acronym ("GM", "G.M."), or "" when it is none (or names a
    country or a party: "US", "UK", "EU" are countries' own keys)."""
    raw = name.strip().replace(".", "")
    if len(raw) != 2 or not raw.isalpha() or not raw.isupper() or country_of(name) or party_of(name):
        return ""
    return raw


def _link_short_acronyms(nodes: list[tuple[int, str, Mapping[str, Any]]], find: Any, parent: list[int],
                         articles_of: dict[int, set[int]]) -> None:
    """A two-letter acronym ("GM") joins the aligned actor whose name it abbreviates
    ("General Motors") when exactly one aligned actor of the comparison has a name with
    those initials. Three letters and more are keys of their own; two are too short to be
    one without that check ("GM" is also General Mills)."""
    orgs = [(n, item) for n, (_, _, item) in enumerate(nodes)
            if item.get("type") not in _NOT_ORGS and not item.get("group") and not item.get("catalog_id")]
    expansions: dict[str, set[int]] = defaultdict(set)
    acronyms: list[tuple[int, str]] = []
    for n, item in orgs:
        for name in [item.get("name", "")] + list(item.get("aliases") or []):
            short = _short_acronym(name)
            if short:
                acronyms.append((n, short))
            elif len(name.split()) > 1 and len(acronym_of(name)) == 2:
                expansions[acronym_of(name)].add(find(n))
    for n, short in acronyms:
        root = find(n)
        found = expansions.get(short, set())
        if len(found) != 1 or root in found:
            continue
        target = find(next(iter(found)))
        if target == root or articles_of[target] & articles_of[root]:
            continue
        low, high = min(target, root), max(target, root)
        parent[high] = low
        articles_of[low] |= articles_of.pop(high)
        expansions[short] = {low}


def _link_given_names(nodes: list[tuple[int, str, Mapping[str, Any]]], find: Any, parent: list[int],
                      articles_of: dict[int, set[int]]) -> None:
    """A person named only by a given name ("Donald, you have shown courage") joins the one
    person of the comparison with that given name and a surname ("Donald Trump"), even
    where the article names him otherwise ("Trump"). A word that is also the surname of a
    full name ("Kim" of Kim Jong Un), or the given name of two people, stays apart."""
    given: dict[str, set[int]] = defaultdict(set)
    surnames: set[str] = set()
    alone: list[tuple[int, str]] = []
    for n, (_, _, item) in enumerate(nodes):
        if item.get("type") != "person" or item.get("catalog_id"):
            continue
        names = [item.get("name", "")] + list(item.get("aliases") or [])
        people = [p for p in map(parse_person, names) if p is not None]
        full = [p for p in people if p.given]
        for person in full:
            given[person.given].add(n)
            surnames.add(person.surname)
        words = normalize_name(item.get("name", "")).split()
        if not full and len(words) == 1 and all(len(normalize_name(a).split()) == 1 for a in names):
            alone.append((n, skeleton(canonical_given(words[0]))))
    for n, word in alone:
        owners = {find(m) for m in given.get(word, ())}
        if len(owners) != 1 or word in surnames:
            continue
        root, target = find(n), next(iter(owners))
        if root != target:
            low, high = min(target, root), max(target, root)
            parent[high] = low
            articles_of[low] |= articles_of.pop(high)


def _nodes(profiles: Iterable[Any]) -> tuple[list[tuple[int, str, Mapping[str, Any]]], list[str]]:
    """(article index, article id, actor item) for every actor of ``profiles``, and the
    article ids in order."""
    nodes: list[tuple[int, str, Mapping[str, Any]]] = []
    article_ids: list[str] = []
    for index, profile in enumerate(profiles):
        data = _as_dict(profile)
        article_id = str((data.get("article") or {}).get("id") or index)
        article_ids.append(article_id)
        section = data.get("actors") or {}
        for item in section.get("items") or []:
            nodes.append((index, article_id, item))
    return nodes, article_ids


def _link_by_keys(nodes: list[tuple[int, str, Mapping[str, Any]]], keys_of: Any, find: Any, parent: list[int],
                  articles_of: dict[int, set[int]]) -> None:
    """Link the nodes that share a key (``keys_of(item)``), never two actors of one article."""
    owner: dict[str, int] = {}
    for n, (_, _, item) in enumerate(nodes):
        for key in sorted(keys_of(item)):
            if key in owner:
                a, b = find(owner[key]), find(n)
                # never merge two actors of one article through a shared key
                if a != b and not (articles_of[a] & articles_of[b]):
                    root, child = min(a, b), max(a, b)
                    parent[child] = root
                    articles_of[root] |= articles_of.pop(child)
            else:
                owner[key] = n


def _aligned_actor(members: list[int], nodes: list[tuple[int, str, Mapping[str, Any]]], cat: ActorCatalog | None,
                   article_ids: list[str], used: Counter) -> dict[str, Any]:
    """One aligned actor from its member nodes: the most mentioned name (or the catalog's),
    a slug id unique among ``used``, the most frequent type, members by article."""
    names: Counter = Counter()
    types: Counter = Counter()
    cat_ids = {nodes[m][2].get("catalog_id") for m in members} - {None}
    member_map: dict[str, list[str]] = {}
    for m in members:
        _, article_id, item = nodes[m]
        names[item.get("name", "")] += int(item.get("n_mentions") or len(item.get("mentions") or []) or 1)
        types[item.get("type", "")] += 1
        member_map.setdefault(article_id, []).append(item["id"])
    name = sorted(names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    if cat_ids:
        base = sorted(cat_ids)[0]
        if cat is not None and cat.get(base) is not None:
            name = cat.get(base).name
    else:
        base = _SLUG.sub("-", normalize_name(name)).strip("-") or "actor"
    used[base] += 1
    return {
        "id": base if used[base] == 1 else f"{base}-{used[base]}",
        "name": name,
        "type": sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[0][0],
        "members": {a: member_map[a] for a in article_ids if a in member_map},
    }


def align_actors(profiles: Iterable[Any], catalog: Any = None) -> list[dict[str, Any]]:
    """Group the actors of several profiles into actors shared across articles.

    Parameters
    ----------
    profiles : iterable of ArticleProfile or dict
        Profiles with an ``actors`` section (profiles without one contribute nothing).
    catalog : ActorCatalog or path, optional
        Aliases that the texts cannot teach.

    Returns
    -------
    list of dict
        ``{"id", "name", "type", "members": {article_id: [local actor ids]}}`` ordered by
        the first article, then first mention, in which each actor appears.
    """
    cat = coerce_catalog(catalog)
    nodes, article_ids = _nodes(profiles)
    ambiguous, classes = _namesakes(nodes, len(article_ids))
    parent = list(range(len(nodes)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    articles_of: dict[int, set[int]] = {n: {index} for n, (index, _, _) in enumerate(nodes)}  # root -> articles
    _link_by_keys(nodes, lambda item: _keys(item, cat, ambiguous, classes), find, parent, articles_of)
    _link_short_acronyms(nodes, find, parent, articles_of)
    _link_given_names(nodes, find, parent, articles_of)
    _link_bare_surnames(nodes, ambiguous, find, parent, articles_of)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(nodes)):
        groups[find(n)].append(n)
    used: Counter = Counter()
    return [_aligned_actor(members, nodes, cat, article_ids, used)
            for members in sorted(groups.values(), key=lambda members: min(members))]
