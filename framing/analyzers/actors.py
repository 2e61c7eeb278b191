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
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..actors.names import (NAME_PARTICLES, acronym_of, canonical_given, capital_of, country_of, group_nouns, leader_nouns, name_key,
                             normalize_name, org_core, org_words, partial_org, party_of, person_parts, skeleton, strip_prefix,
                             titles)
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


_WORD = re.compile(r"\w+")
#: A headline: a first paragraph of at most this many words, set apart by a blank line.
_HEADLINE_WORDS = 30


def headline_range(text: str) -> tuple[int, int] | None:
    """Character range of the headline: a first paragraph of at most 30 words followed by a
    blank line that is not a sentence of prose (no final full stop, or title case: most of
    its words capitalised). A headline's title-case verbs are no part of names."""
    cut = text.find("\n\n")
    if cut <= 0:
        return None
    first = text[:cut].strip()
    words = first.split()
    if not words or len(words) > _HEADLINE_WORDS or "\n" in first:
        return None
    alpha = [w for w in words if w[:1].isalpha()]
    capitalised = sum(1 for w in alpha if w[0].isupper())
    if first.endswith((".", "?", "!", '."', ".”")) and capitalised < 0.6 * max(1, len(alpha)):
        return None
    start = len(text) - len(text.lstrip())
    return start, cut


def _trim_headline_words(span: Span, body_words: set[str]) -> Span:
    """A headline entity without its last words when the body never uses them: "Cheney
    Tells", "Trump Team Responds" -> "Cheney", "Trump Team"."""
    end = span.end
    while end - span.start > 1 and span.doc[end - 1].lower_ not in body_words:
        end -= 1
    return span.doc[span.start : end]


_PARTICLES = {"al", "el"}
_DETERMINERS = {"the", "his", "her", "their", "our", "its", "this", "that", "a"}
_GENERIC_MODS = frozenset({"the", "former", "then", "new", "current", "top"})
#: Modifiers that make a different office: "the president" is not the vice president, "the
#: director" not the deputy director.
_RESTRICTIVE_MODS = frozenset({"vice", "deputy", "assistant", "acting", "associate", "lieutenant", "under"})


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return STOP_WORDS


@functools.lru_cache(maxsize=1)
def _title_nouns() -> frozenset[str]:
    """Head words of offices, ranks and roles ("leader", "president", "minister")."""
    return frozenset(t.split()[-1] for t, kind in titles().items() if kind in ("office", "rank", "role"))


@functools.lru_cache(maxsize=1)
def _title_bigrams() -> frozenset[str]:
    """Word pairs inside titles of several words ("prime minister", "vice president")."""
    pairs = set()
    for title in titles():
        words = title.split()
        pairs.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return frozenset(pairs)


def _modifier_run(doc: Doc, start: int, taken: set[int]) -> list[int]:
    """Token indices of the title run right before a name ("North Korean leader" Kim)."""
    table = titles()
    run: list[int] = []
    i = start - 1
    while i >= 0 and start - i <= 6:
        tok = doc[i]
        if tok.is_punct or tok.is_space or tok.lower_ in _DETERMINERS or i in taken and tok.pos_ != "PROPN":
            break
        if not (tok.lower_ in table or tok.lower_.rstrip(".") in table or tok.pos_ in ("ADJ", "PROPN", "NOUN")):
            break
        run.append(i)
        i -= 1
    return run


def _name_words(name: str) -> list[str]:
    """Normalised words of a name without "al-"/"el-" particles: "Fayez Al-Sarraj" -> fayez sarraj."""
    words = normalize_name(name).split()
    kept = [w for w in words if w not in _PARTICLES]
    return kept or words


class _Ranges:
    """Sorted character ranges with a bisect lookup (a scan per mention made long texts,
    with a heading range per short line, quadratic)."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.starts = [s for s, _ in self.ranges]

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        # a range starting at or before ``start``; the headline may share its start with a line
        return any(self.ranges[k][1] >= end for k in (i, i - 1) if k >= 0)


def _inside(ranges: _Ranges, start: int, end: int) -> bool:
    return ranges.covers(start, end)


def _countries(words: frozenset[str]) -> set[str]:
    return {c for c in map(country_of, words) if c is not None}


def _countries_of_tokens(tokens: list[Any]) -> set[str]:
    """Countries named by a run of tokens, one to three words at a time ("Israeli",
    "North Korean", "U.S.")."""
    words = [t.text for t in tokens]
    out = set()
    for n in (1, 2, 3):
        for k in range(len(words) - n + 1):
            country = country_of(" ".join(words[k : k + n]))
            if country is not None:
                out.add(country)
    return out


def _entity_before(doc: Doc, end: int) -> Span | None:
    """The entity that ends at token ``end`` (exclusive), if any."""
    if end <= 0 or not doc[end - 1].ent_type_:
        return None
    start = end - 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start:end]


def _entity_after(doc: Doc, start: int) -> Span | None:
    """The entity that begins at token ``start``, if any."""
    if start >= len(doc) or doc[start].ent_iob_ != "B":
        return None
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _possessor_country(doc: Doc, i: int) -> str | None:
    """The country of "Israel's" when token ``i`` is the possessive "'s" after a country."""
    if i <= 0 or doc[i].lower_ not in ("'s", "’s"):
        return None
    ent = _entity_before(doc, i)
    return country_of(ent.text) if ent is not None else None


def _of_country(doc: Doc, i: int) -> str | None:
    """The country of "of Israel" when token ``i`` is that "of"."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    ent = _entity_after(doc, i + 1)
    if ent is None and i + 2 < len(doc) and doc[i + 1].lower_ == "the":
        ent = _entity_after(doc, i + 2)
    return country_of(ent.text) if ent is not None else None


def _is_leader_noun(word: str, mods: frozenset[str], determiner: str = "") -> bool:
    """Whether a title word (with the words before it) names a country's leader
    (``leader_nouns.tsv``: "leader", "dictator", "prime minister" but not "foreign minister";
    "counterpart" after "his" or "her")."""
    table = leader_nouns()
    if table.get(word) == "counterpart":
        return determiner in ("his", "her")
    return word in table or any(f"{m} {word}" in table for m in mods)


def _country_leader(candidates: list[tuple[_Cluster, frozenset[str]]], countries: set[str],
                    known: dict[int, set[str]]) -> _Cluster | None:
    """The one person the article introduced as a leader of one of ``countries`` ("the
    North Korean leader" for "North Korean dictator Kim Jong Un"); None when none or several."""
    people = {id(c): c for c, _ in candidates if countries & known.get(id(c), set())}
    return next(iter(people.values())) if len(people) == 1 else None


def _pick_title_holder(candidates: list[tuple[_Cluster, frozenset[str]]], mods: frozenset[str], countries: set[str],
                       at: int, starts: dict[int, list[int]], known: dict[int, set[str]]) -> _Cluster | None:
    """The person a bare title stands for, among those the article introduced with it
    (``candidates``, in text order, each with the words of its title run).

    A candidate whose title differs by a restrictive word ("Vice President Pence" for "the
    president", "Director Comey" for "the deputy director") is out. A title with a country
    ("the Israeli prime minister", "Israel's prime minister", "the prime minister of
    Israel": ``countries``) goes only to a person the article ties to that country
    (``known``, by ``id``: the country words of their own titles, "Israel's Benjamin
    Netanyahu", "Netanyahu of Israel"); with none, the title stays unresolved. Among the
    rest, one that shares a specific modifier wins ("the North Korean leader"), the latest
    such; else the one the article has mentioned most so far (news keeps "the president"
    for its main president, not the visitor named last), the latest on a tie. ``starts``
    holds each cluster's sorted mention offsets (by ``id``).
    """
    fits = []
    for cluster, cmods in candidates:
        if (cmods ^ mods) & _RESTRICTIVE_MODS:
            continue
        if countries and not countries & known.get(id(cluster), set()):
            continue
        fits.append((cluster, cmods))
    if not fits:
        return None
    shared = [c for c, cm in fits if mods & cm - _GENERIC_MODS]
    if shared:
        return shared[-1]
    best, best_n = None, -1
    for cluster, _ in fits:
        n = bisect.bisect_left(starts[id(cluster)], at)
        if n >= best_n:
            best, best_n = cluster, n
    return best


def _office_words(doc: Doc, span: Span, taken: set[int]) -> frozenset[str]:
    """The office and rank words before a person's name ("Former Vice President" Cheney ->
    vice, president); honorifics and "former" are none."""
    table = titles()
    words = set()
    for k in _modifier_run(doc, span.start, taken):
        low = doc[k].lower_
        if table.get(low) in ("office", "rank") or low in _RESTRICTIVE_MODS or low in _office_parts():
            words.add(low)
    return frozenset(words - _GENERIC_MODS)


@functools.lru_cache(maxsize=1)
def _office_parts() -> frozenset[str]:
    """Words of office and rank titles of several words ("prime", "minister", "attorney")."""
    return frozenset(w for t, kind in titles().items() if kind in ("office", "rank") and " " in t
                     for w in t.split()) - {"of", "the"}


def _namesake_by_title(cands: list[_Cluster], office: frozenset[str]) -> _Cluster:
    """The person a bare surname stands for among those the article named with it: the
    one holding its title ("Former Vice President Cheney" is Dick Cheney, introduced as vice
    president, not Rep. Liz Cheney, who is mentioned more), else the one the article talks
    about most. (A title that no namesake holds does not make a new person: articles vary
    titles, "Sen." and "Senator", "Rep." and "Congressman".)"""
    holders = [c for c in cands if c.offices & office] if office else []
    return max(holders or cands, key=lambda c: (len(c.mentions), -c.order))


_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:[A-Za-z.]+\s+){0,3}", re.IGNORECASE)


def _coordinated(text: str, cluster: _Cluster, start: int) -> bool:
    """Whether one of ``cluster``'s mentions is joined to the name at ``start`` by "and"
    (titles between allowed): "President Trump and (first lady) Melania Trump"."""
    return any(m["end"] < start and _COORDINATION.fullmatch(text, m["end"], start) for m in cluster.mentions[-3:])


#: What a city has, not its country: "Moscow's Jewish Museum", "Washington's mayor".
_CITY_THINGS = frozenset({
    "museum", "airport", "mayor", "street", "streets", "game", "event", "residents", "resident", "suburb", "city",
    "hospital", "subway", "metro", "neighborhood", "neighbourhood", "downtown", "skyline", "restaurant", "hotel",
    "university", "zoo", "park", "square", "council", "police", "traffic", "weather", "air", "population",
})


def _dateline(span: Span) -> bool:
    """A place that opens a line and is followed by a comma or a dash: "New Delhi, India -",
    "WASHINGTON —" (where the story was filed)."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start else None
    nxt = doc[span.end] if span.end < len(doc) else None
    line_start = prev is None or (prev.is_space and "\n" in prev.text)
    return line_start and nxt is not None and nxt.text in (",", "-", "—", "―", "–")


def _in_actor_role(span: Span) -> bool:
    """Whether a place name stands where an actor does: subject, possessor, agent of a
    passive ("by Moscow"), or joined by "and" to one that does ("Washington and Seoul
    agreed"). Needs the parse; without it, never."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "poss":  # "Moscow's museums" are the city's, "Moscow's demands" Russia's
        return root.head.lemma_.lower() not in _CITY_THINGS
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _token_indices(doc: Doc, keep: Any, attr: str = "LOWER") -> list[int]:
    """Indices of the tokens whose ``attr`` string (lowercase form by default) passes
    ``keep``: a loop over a few candidates instead of a Token object for every token."""
    from spacy import attrs

    if not len(doc):
        return []
    strings = doc.vocab.strings
    values = doc.to_array([getattr(attrs, attr)]).reshape(-1).tolist()
    seen: dict[int, bool] = {}
    out = []
    for i, h in enumerate(values):
        ok = seen.get(h)
        if ok is None:
            ok = seen[h] = bool(keep(strings[h]))
        if ok:
            out.append(i)
    return out


def _lowercase_words(doc: Doc) -> set[str]:
    """The words the article writes in lower case (one array read, no Token objects)."""
    from spacy.attrs import IS_LOWER, LOWER

    if not len(doc):
        return set()
    strings = doc.vocab.strings
    return {strings[h] for h, low in doc.to_array([LOWER, IS_LOWER]).tolist() if low}


def _middles_fit(a: str, b: str) -> bool:
    """Middle initials given on one side only fit; two different sets name two people."""
    return not (a and b and a != b)


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


def _aliases(cluster: _Cluster, name: str) -> list[str]:
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


def _merge_partial_orgs(clusters: list[_Cluster]) -> None:
    """An organisation named only by a partial name of one other organisation of the
    article joins it: "Northrop" with "Northrop Grumman", "the Judiciary Committee" with
    "the Senate Judiciary Committee", "the Times" with "The New York Times". A partial name
    two organisations share ("Apple" beside "Apple Corps" and "Apple Computer") stays apart."""
    orgs = [c for c in clusters if c.kind == "org" and c.type not in ("place", "country", "group") and c.names]
    by_end: dict[str, list[_Cluster]] = {}
    for cluster in orgs:
        for name in cluster.names:
            words = org_core(name).split()
            for word in {words[0], words[-1]} if words else ():
                by_end.setdefault(word, [])
                if cluster not in by_end[word]:
                    by_end[word].append(cluster)
    for short in orgs:
        names = list(short.names)
        owners = None
        for name in names:
            words = org_core(name).split()
            found = {id(c): c for w in {words[0], words[-1]} if words for c in by_end.get(w, ())
                     if c is not short and c.mentions and any(partial_org(name, m) for m in c.names)}
            owners = found if owners is None else {k: v for k, v in owners.items() if k in found}
        if owners and len(owners) == 1:
            owner = next(iter(owners.values()))
            owner.mentions.extend(short.mentions)
            owner.names.update(short.names)
            owner.tentative = owner.tentative and short.tentative
            short.mentions = []
            short.names.clear()


def _group_fields(cluster: _Cluster) -> dict[str, Any]:
    """``group`` ("official" or "official:russia") and ``group_kind`` (the noun's kind in
    ``group_nouns.tsv``: officials, legal, armed, public, media, experts, states)."""
    group = sorted(cluster.keys)[0][len("group:"):]
    return {"group": group, "group_kind": group_nouns().get(group.split(":")[0])}


class ActorsAnalyzer(BaseAnalyzer):
    """Find the actors of an article and every mention of each.

    Parameters
    ----------
    labels : tuple of str
        Entity labels that make actors (spaCy's OntoNotes labels).
    resolve_titles : bool
        Resolve bare titles ("the Marshal", "the president") to the person the article
        introduced with that title.

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
    version = "6"
    requires: tuple[str, ...] = ()

    def __init__(self, labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"), resolve_titles: bool = True,
                 groups: bool = True):
        self.labels = labels
        self.resolve_titles = resolve_titles
        self.groups = groups

    # -- candidate spans ----------------------------------------------------------------
    def _trim(self, span: Span) -> Span:
        doc = span.doc
        start, end = span.start, span.end
        while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space
                               or doc[start].text.startswith("\\")):  # a scraped "\n"
            start += 1
        while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_punct or doc[end - 1].is_space
                               or doc[end - 1].text.startswith("\\")):
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
        lower_words = _lowercase_words(doc)
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                continue
            parts: list[Span] = []
            possessors: set[int] = set()
            start = ent.start
            for tok in ent:
                if (tok.text == "," or (tok.is_space and "\n" in tok.text)) and tok.i > start:
                    parts.append(doc[start : tok.i])
                    start = tok.i + 1
                elif tok.lower_ in ("'s", "’s") and ent.label_ != "PERSON" and tok.i > start and tok.i + 1 < ent.end:
                    # "Obama's State Department": the possessor and the organisation
                    parts.append(doc[start : tok.i])
                    possessors.add(len(parts) - 1)
                    start = tok.i + 1
            parts.append(doc[start : ent.end])
            for n_part, part in enumerate(parts):
                label = "POSSESSOR" if n_part in possessors else ent.label_
                span = self._trim(part)
                if len(span) == 0:
                    continue
                stripped = self._strip_titles(span)
                if len(stripped) < len(span) and stripped[-1].lower_ not in org_words():  # not "General Motors"
                    span, label = stripped, "PERSON"
                elif len(parts) > 1 and part is not parts[0] and all(t.text[:1].isupper() for t in span) and label == "ORG":
                    # "the Libyan National Army, Marshal Khalifa Haftar": the part after the comma
                    label = "PERSON" if len(span) <= 4 else label
                text = span.text
                if any(c.isdigit() for c in text) or not any(c.isalpha() for c in text):
                    continue
                if len(span) == 1 and span[0].lower_ in lower_words and not span[0].is_upper:
                    continue  # a capitalised common noun ("Bombing")
                if label == "PERSON" and len(span) > 1 and len(span[-1]) > 3 and span[-1].lower_ in lower_words:
                    span = span[:-1]  # "Comey memos": the name is "Comey"
                nxt = doc[span.end] if span.end < len(doc) else None
                if label == "ORG" and len(span) == 1 and nxt is not None and nxt.lower_ in titles():
                    continue  # "Defense" in "Russian Defense Minister": part of a title
                if label in ("NORP", "GPE") and nxt is not None and nxt.lower_ in _title_nouns():
                    continue  # "North Korean" in "the North Korean leader": part of a label
                if label == "NORP" and span.root.dep_ in ("amod", "compound") and span.root.pos_ == "ADJ":
                    label = "NORP-ADJ"  # "Russian" in "Russian Defense Minister": kept only if it names a person
                out.append((span, label))
        return out

    # -- analysis -----------------------------------------------------------------------
    def analyze(self, doc: Doc, context: Context) -> dict[str, Any]:
        text = context.text
        debris, headings = boilerplate_ranges(text)
        headline = headline_range(text)
        body_words = {w.lower() for w in _WORD.findall(text, headline[1])} if headline else set()
        if headline:
            headings.append(headline)
        debris, headings = _Ranges(debris), _Ranges(headings)
        catalog = context.catalog
        clusters: list[_Cluster] = []
        by_surname: dict[str, list[_Cluster]] = {}
        by_first: dict[str, list[_Cluster]] = {}  # first-name skeleton -> people with it
        by_key: dict[str, _Cluster] = {}
        by_catalog: dict[str, _Cluster] = {}
        acronyms: dict[str, _Cluster] = {}
        taken: set[int] = set()  # token indices already in a mention

        def add_mention(cluster: _Cluster, span: Span, kind: str) -> None:
            start, end = span.start_char, span.end_char
            cluster.mentions.append(
                {"start": start, "end": end, "text": text[start:end], "kind": kind}
            )
            if kind != "title" and (kind != "group" or cluster.kind == "group"):
                cluster.names[span.text] += 1  # "North Korean officials" is no name of North Korea
            taken.update(range(span.start, span.end))

        def new_cluster(kind: str, type_: str, heading: bool) -> _Cluster:
            cluster = _Cluster(kind=kind, type=type_, tentative=heading, order=len(clusters))
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
            if headline and span.end_char <= headline[1]:
                span = _trim_headline_words(span, body_words)  # "Cheney Tells" -> "Cheney"
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
            if label == "PERSON" and len(words) > 1 and words[-1] in org_words():
                label = "ORG"  # "General Motors", "Singapore Airlines": no person ends so
            if label == "PERSON":
                words, suffix = person_parts(words)
                surname = skeleton(words[-1])
                # the formal given name: "Liz Cheney" is Elizabeth Cheney, "Bill" William
                first = skeleton(canonical_given(words[0])) if len(words) > 1 else ""
                middles = "".join(w[0] for w in words[1:-1] if w not in NAME_PARTICLES)
                if suffix:  # "Donald Trump Jr." is not Donald Trump; "Trump Jr." is him
                    first = f"{first}|{suffix}"
                cands = by_surname.get(surname, [])
                office = _office_words(doc, span, taken)
                cluster = None
                if first.startswith("|"):
                    cluster = next((c for c in reversed(cands) if c.first.endswith(first)), None)
                elif first:
                    # a surname used alone and coordinated with this name is someone else:
                    # "President Trump and Melania Trump"; other middle initials, another
                    # person: "George H. W. Bush" is not "George W. Bush"
                    cluster = next((c for c in reversed(cands) if c.first == first and _middles_fit(c.middles, middles)
                                    or not c.first and not _coordinated(text, c, span.start_char)), None)
                    if cluster is None:  # "Roger Stone" after "Roger J. Stone Jr."
                        cluster = next((c for c in reversed(cands) if c.first.split("|")[0] == first
                                        and _middles_fit(c.middles, middles)), None)
                elif cands:
                    # a bare surname shared by several people ("Macron" after Emmanuel and
                    # Brigitte Macron) goes to the one holding its title, else the one the
                    # article talks about most
                    cluster = _namesake_by_title(cands, office)
                elif surname in by_first:
                    # a first name alone ("Hillary"), or a name whose family name comes first
                    # ("Kim" for Kim Jong Un): the one the article talks about most
                    cluster = max(by_first[surname], key=lambda c: (len(c.mentions), -c.order))
                if cluster is None:
                    cluster = new_cluster("person", "person", heading)
                    by_surname.setdefault(surname, []).append(cluster)
                    cluster.surname = surname
                cluster.offices |= office
                if first and not cluster.first:
                    cluster.first = first
                    if not suffix:
                        for key in {first, skeleton(words[0])}:
                            by_first.setdefault(key, []).append(cluster)
                if middles and not cluster.middles:
                    cluster.middles = middles
                if not heading:
                    cluster.tentative = False
                add_mention(cluster, span, "name" if len(words) > 1 or suffix else "surname")
                continue
            deferred.append((span, label))

        # 3. organisations, places, groups; attributive person names ("Haftar forces")
        for span, label in deferred:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            heading = _inside(headings, span.start_char, span.end_char)
            words = normalize_name(span.text).split()
            if len(span) > 1 and any(t.text == "-" for t in span):
                # "anti-Obama", "Trump-Abe": a known person inside a hyphenated compound
                known = [t for t in span if t.text != "-" and skeleton(strip_prefix(t.lower_)) in by_surname]
                if known:
                    for t in known:
                        cands = by_surname[skeleton(strip_prefix(t.lower_))]
                        cluster = max(cands, key=lambda c: (len(c.mentions), -c.order))
                        add_mention(cluster, doc[t.i : t.i + 1], "surname")
                    continue
            if len(span) == 1 and skeleton(strip_prefix(words[0])) in by_surname:
                cands = by_surname[skeleton(strip_prefix(words[0]))]
                cluster = max(cands, key=lambda c: (len(c.mentions), -c.order))
                add_mention(cluster, span, "surname")
                continue
            if label in ("NORP-ADJ", "POSSESSOR") and not (label == "POSSESSOR" and span.root.ent_type_ in ("GPE", "ORG")):
                continue
            country = country_of(span.text) if label in ("GPE", "NORP") else None
            capital = None
            if country is None and label == "GPE" and not span.text.isupper() and not _dateline(span) \
                    and _in_actor_role(span):
                # "Moscow denied", "Pyongyang's missiles": the capital stands for its country
                capital = country = capital_of(span.text)
            if country is None and label in ("GPE", "LOC", "NORP") and words in (["north"], ["south"]):
                # "the North" after North Korea (and no other northern country)
                named = {k for k in by_key if k.startswith(f"country:{words[0]}_")}
                country = named.pop()[len("country:"):] if len(named) == 1 else None
            party = party_of(span.text) if country is None and label in ("NORP", "ORG") else None
            # "Russia", "Russians" and "U.S.", "United States", "Americans": one actor;
            # "Republicans", "GOP" and "the Republican Party" too
            key = "country:" + country if country else "party:" + party if party else name_key(org_core(span.text))
            raw = span.text.strip().replace(".", "")  # "D.N.C." is the acronym DNC
            cluster = by_key.get(key)
            if cluster is None and raw.isupper() and len(raw) >= 2:
                cluster = acronyms.get(raw)
            if cluster is None:
                type_ = "country" if country else "organization" if party else self._org_type(label, words)
                cluster = new_cluster("org", type_, heading)
                cluster.country = country or ""
                by_key[key] = cluster
                initials = acronym_of(span.text)
                if len(initials) >= 2 and initials not in acronyms:
                    acronyms[initials] = cluster
            if not heading:
                cluster.tentative = False
            add_mention(cluster, span, "capital" if capital else "acronym" if raw.isupper() and len(raw) >= 2 else "name")
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

        # 4. a first name alone seen before the full name ("Dr. (Ghassan) Salama"); a
        # partial organisation name ("Northrop" of "Northrop Grumman")
        self._merge_first_names(clusters)
        _merge_partial_orgs(clusters)

        # 5. the article's own names where the NER missed them
        self._propagate(doc, clusters, taken, debris, add_mention)

        # 6. bare titles standing for an introduced person ("the Marshal"), and definite
        # descriptions by an organisation's head noun ("the committee", "the party")
        if self.resolve_titles:
            self._resolve_titles(doc, clusters, taken, add_mention)
            self._resolve_head_nouns(doc, clusters, taken, add_mention)

        # 7. unnamed groups: "officials", "the defendants", "North Korean officials"
        if self.groups:
            self._groups(doc, by_key, taken, debris, new_cluster, add_mention)

        items = self._items(clusters, doc)
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

    #: Head nouns too vague to stand for one organisation ("the group", "the people").
    _VAGUE_HEADS = frozenset({"group", "people", "state", "states", "city", "country", "world", "news", "times",
                              "post", "center", "house", "office", "court", "union", "nations", "council"})

    def _resolve_head_nouns(self, doc: Doc, clusters: list[_Cluster], taken: set[int], add_mention: Any) -> None:
        """"the committee" after the Democratic National Committee, "the party" after the
        Republican Party, "the ministry" after the Russian Defense Ministry: a definite noun
        phrase of one lowercase noun that is the last word of an organisation the article
        named before, resolved to the one named last. Needs part-of-speech tags."""
        if not doc.has_annotation("TAG"):
            return
        heads: dict[str, list[tuple[int, _Cluster]]] = {}
        for cluster in clusters:
            if cluster.kind == "person" or cluster.type in ("place", "country", "group"):
                continue
            for m in cluster.mentions:
                if m["kind"] in ("name", "catalog"):
                    words = normalize_name(m["text"]).split()
                    if len(words) > 1 and words[-1] not in self._VAGUE_HEADS:
                        heads.setdefault(words[-1], []).append((m["start"], cluster))
        if not heads:
            return
        for seen in heads.values():
            seen.sort(key=lambda x: x[0])
        head_starts = {word: [start for start, _ in seen] for word, seen in heads.items()}
        for tok in (doc[i] for i in _token_indices(doc, lambda low: low in heads) if i > 0):
            head = heads.get(tok.lower_)
            if (head is None or tok.i in taken or not tok.is_lower or tok.pos_ != "NOUN"
                    or doc[tok.i - 1].lower_ != "the" or tok.dep_ == "compound"):
                continue
            n = bisect.bisect_left(head_starts[tok.lower_], tok.idx)  # named before this noun
            if not n:
                continue
            add_mention(head[n - 1][1], doc[tok.i - 1 : tok.i + 1], "title")

    def _groups(self, doc: Doc, named: dict[str, _Cluster], taken: set[int], debris: _Ranges,
                new_cluster: Any, add_mention: Any) -> None:
        """Unnamed groups of people: a plural noun from ``group_nouns.tsv`` ("officials",
        "civilians", "the defendants") with its adjective and compound modifiers, one actor
        per noun. A group qualified by a country the article names as an actor ("North
        Korean officials" after North Korea) is a mention of that country, as "Russians" is
        of Russia; by a country it does not name, its own actor per noun and country. A
        noun that belongs to a named actor ("Haftar's forces", "GNA officials": a name as
        possessor or compound) is that actor's, not a group. Needs tags and the parse."""
        if not doc.has_annotation("TAG") or not doc.has_annotation("DEP"):
            return
        nouns = group_nouns()
        by_key: dict[tuple[str, str], _Cluster] = {}
        for tok in (doc[i] for i in _token_indices(doc, lambda lemma: lemma.lower() in nouns, attr="LEMMA")):
            if tok.tag_ != "NNS" or tok.i in taken or tok.ent_type_ in ("PERSON", "ORG", "GPE", "FAC", "LOC"):
                continue
            lemma = tok.lemma_.lower()
            if lemma not in nouns or _inside(debris, tok.idx, tok.idx + len(tok)):
                continue
            country = ""
            owned = False
            for child in tok.children:
                if child.dep_ in ("poss", "compound") and (child.i in taken or child.ent_type_ in ("PERSON", "ORG")):
                    owned = True  # "Haftar's forces", "GNA officials": the named actor's
                    break
                if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE"):
                    lo, hi = child.i, child.i + 1  # the entity around the modifier ("North Korean")
                    while lo > 0 and doc[lo].ent_iob_ == "I":
                        lo -= 1
                    while hi < len(doc) and doc[hi].ent_iob_ == "I":
                        hi += 1
                    country = country_of(doc[lo:hi].text) or country
            if owned:
                continue
            lo = tok.i
            while (lo > 0 and doc[lo - 1].head.i in range(lo, tok.i + 1) and doc[lo - 1].i not in taken
                   and doc[lo - 1].dep_ in ("amod", "compound", "nmod") and not doc[lo - 1].is_punct):
                lo -= 1
            span = doc[lo : tok.i + 1]
            if country and f"country:{country}" in named:
                add_mention(named[f"country:{country}"], span, "group")
                continue
            key = (lemma, country)
            cluster = by_key.get(key)
            if cluster is None:
                cluster = new_cluster("group", "group", False)
                cluster.keys.add(f"group:{lemma}:{country}" if country else f"group:{lemma}")
                by_key[key] = cluster
            add_mention(cluster, span, "group")

    def _resolve_titles(self, doc: Doc, clusters: list[_Cluster], taken: set[int], add_mention: Any) -> None:
        """Bare titles that stand for a person the article introduced with that title:
        "the Marshal", "the North Korean leader", "the former FBI director", and, for a
        person the article ties to the country, "Israel's prime minister", "the prime
        minister of Israel"."""
        table = titles()
        title_words = {w for t, kind in table.items() if kind in ("rank", "office", "role") for w in t.split()} - {"of", "the"}
        title_words |= {n.split()[-1] for n in leader_nouns()}
        events, known = self._title_events(doc, clusters, taken, title_words)
        if not events:
            return
        # a country's leader under any leader noun: "the North Korean leader" after "North
        # Korean dictator Kim Jong Un"
        # (the article's leaders anywhere: a lead often writes "his French counterpart" a
        # paragraph before "French President Emmanuel Macron")
        leaders = [(cluster, mods) for _, word, cluster, mods in events
                   if _is_leader_noun(word, mods) and not mods & _RESTRICTIVE_MODS]  # no deputy prime minister
        events.sort(key=lambda e: e[0])
        starts = {id(c): sorted(m["start"] for m in c.mentions) for _, _, c, _ in events}
        pointer = 0
        current: dict[str, dict[tuple[int, frozenset[str]], tuple[_Cluster, frozenset[str]]]] = {}
        words = {word for _, word, _, _ in events} | {n.split()[-1] for n in leader_nouns()}
        for tok in (doc[i] for i in _token_indices(doc, lambda low: low in words)):
            while pointer < len(events) and events[pointer][0] <= tok.idx:
                _, word, cluster, mods = events[pointer]
                # one entry per person and title words, kept at its latest place (a list of
                # every mention made long texts quadratic)
                holders = current.setdefault(word, {})
                holders.pop((id(cluster), mods), None)
                holders[(id(cluster), mods)] = (cluster, mods)
                pointer += 1
            if tok.i in taken or tok.i == 0 or tok.lower_ not in current and not leaders:
                continue
            found = self._bare_title(doc, tok, taken)
            if found is None:
                continue
            first, mods, countries, determiner = found
            best = None
            if tok.lower_ in current:
                best = _pick_title_holder(list(current[tok.lower_].values()), mods, countries, tok.idx, starts, known)
            if best is None and countries and leaders and _is_leader_noun(tok.lower_, mods, determiner):
                best = _country_leader(leaders, countries, known)
            if best is not None:
                add_mention(best, doc[first : tok.i + 1], "title")

    @staticmethod
    def _title_events(doc: Doc, clusters: list[_Cluster], taken: set[int], title_words: set[str]
                      ) -> tuple[list[tuple[int, str, _Cluster, frozenset[str]]], dict[int, set[str]]]:
        """(char offset, title word, person, modifier words) for every title a person's
        mention carries, in any order; and the countries each person (by ``id``) is tied
        to: country words of their titles ("Israeli Prime Minister"), a country possessor
        ("Israel's Benjamin Netanyahu") or "of" a country after the name."""
        parsed = doc.has_annotation("DEP")
        events: list[tuple[int, str, _Cluster, frozenset[str]]] = []
        known: dict[int, set[str]] = {}
        for cluster in clusters:
            if cluster.kind != "person" or cluster.type != "person":
                continue
            theirs = known.setdefault(id(cluster), set())
            for m in cluster.mentions:
                span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
                if span is None:
                    continue
                run = _modifier_run(doc, span.start, taken)
                words = frozenset(doc[k].lower_ for k in run)
                lo = min(run) if run else span.start
                if run:  # the whole entity the run starts in or stops at ("North Korean" leader Kim)
                    while lo > 0 and doc[lo].ent_iob_ == "I":
                        lo -= 1
                    adjacent = _entity_before(doc, lo)
                    lo = adjacent.start if adjacent is not None else lo
                theirs |= _countries_of_tokens(list(doc[lo : span.start]))
                ties = (_possessor_country(doc, lo - 1), _of_country(doc, span.end))
                theirs.update(c for c in ties if c is not None)
                for k in run:
                    if doc[k].lower_ in title_words:
                        events.append((m["start"], doc[k].lower_, cluster, words))
                if parsed:  # "Comey, the former FBI director," and "the FBI director, James Comey"
                    root = span.root
                    nouns = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
                    if root.dep_ == "appos" and root.head.i < span.start:
                        nouns.append(root.head)
                    for noun in nouns:
                        if noun.lower_ in title_words:
                            mods = frozenset(t.lower_ for t in noun.subtree if t.i < noun.i)
                            events.append((m["start"], noun.lower_, cluster, mods))
                            theirs |= _countries_of_tokens(list(noun.subtree))
        return events, known

    @staticmethod
    def _bare_title(doc: Doc, tok: Any, taken: set[int]) -> tuple[int, frozenset[str], set[str], str] | None:
        """Whether the title word ``tok`` heads a bare title: (first token of the mention,
        modifier words, countries the title names, the determiner or possessor) or None. "the former FBI director",
        "his Japanese counterpart", "Israel's prime minister", "the prime minister of
        Israel"; not "the president of the company" nor a title before a name."""
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        of_country = _of_country(doc, tok.i + 1)
        if nxt is not None and (nxt.i in taken or nxt.lower_ == "of" and of_country is None
                                or f"{tok.lower_} {nxt.lower_}" in _title_bigrams()  # "prime" of "prime minister"
                                or (nxt.text[:1].isupper() and nxt.pos_ == "PROPN")):
            return None
        # walk back over modifiers to a determiner: "the former FBI director", "his Japanese counterpart"
        i = tok.i - 1
        while i >= 0 and tok.i - i <= 5 and (doc[i].is_alpha or "-" in doc[i].text) and doc[i].lower_ not in _DETERMINERS:
            if doc[i].pos_ in ("VERB", "AUX", "ADP", "CCONJ", "PRON") and doc[i].lower_ not in ("former", "fired", "then"):
                break
            i -= 1
        possessor = _possessor_country(doc, i) if i >= 0 else None
        if i < 0 or doc[i].lower_ not in _DETERMINERS and possessor is None:
            return None
        first = i + 1
        for k in range(first, tok.i):
            if k in taken:
                first = k + 1
        mods = frozenset(doc[k].lower_ for k in range(i + 1, tok.i))
        countries = _countries_of_tokens([doc[k] for k in range(i + 1, tok.i)])
        countries |= {c for c in (possessor, of_country) if c is not None}
        return first, mods, countries, doc[i].lower_

    def _propagate(self, doc: Doc, clusters: list[_Cluster], taken: set[int], debris: _Ranges, add_mention: Any) -> None:
        """Find the article's own actor names where the NER missed them ("Trump" in a heading)."""
        stop = _stop_words()
        table = titles()
        aliases: dict[tuple[str, ...], _Cluster | None] = {}
        surnames: dict[tuple[str, ...], _Cluster | None] = {}  # last words of full names

        def register(table_: dict, words: tuple[str, ...], cluster: _Cluster) -> None:
            if len(words) == 1 and (words[0] in stop or words[0] in table or len(words[0]) < 3):
                return
            owner = table_.get(words, cluster)
            table_[words] = cluster if owner is cluster else None  # ambiguous: two actors share it

        for cluster in clusters:
            if cluster.tentative or not cluster.mentions:
                continue
            for m in cluster.mentions:
                if m["kind"] == "title":
                    continue
                span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
                words = tuple(t.lower_ for t in span) if span is not None else ()
                if not words or len(words) > 5:
                    continue
                register(aliases, words, cluster)
                if cluster.kind == "person" and len(words) > 1:
                    register(surnames, words[-1:], cluster)
        # a surname the article also writes alone is that actor's ("Trump" beside "Melania
        # Trump"), as the bare surnames the NER found went to it
        for words, cluster in surnames.items():
            aliases.setdefault(words, cluster)
        if not aliases:
            return
        longest = max(len(k) for k in aliases)
        from spacy.attrs import LOWER, ORTH

        strings = doc.vocab.strings
        rows = doc.to_array([LOWER, ORTH]).tolist() if len(doc) else []
        lowered = [strings[low] for low, _ in rows]
        capital = [strings[orth][:1].isupper() for _, orth in rows]
        i = 0
        while i < len(doc):
            if i in taken or not capital[i]:
                i += 1
                continue
            hit = None
            for n in range(min(longest, len(doc) - i), 0, -1):
                key = tuple(lowered[i : i + n])
                if key in aliases and not any(k in taken for k in range(i, i + n)):
                    hit = (n, aliases[key])
                    break
            if hit is None or hit[1] is None:
                i += 1
                continue
            n, cluster = hit
            span = doc[i : i + n]
            if not _inside(debris, span.start_char, span.end_char):
                add_mention(cluster, span, "surname" if n == 1 and cluster.kind == "person" else "name")
            i += n

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
