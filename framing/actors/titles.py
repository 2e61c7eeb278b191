"""Step 5 of the actors analyzer: bare titles that stand for a person.

"the Marshal" after "Marshal Khalifa Haftar", "the former FBI director" after "Comey, the
former FBI director", "the Israeli prime minister" for the person the article ties to
Israel, "the North Korean leader" or "his French counterpart" for the one person the
article introduces as that country's leader under any leader noun (``leader_nouns.tsv``).
A title word is read with the words before it (its modifiers) back to a determiner or a
country possessor ("Israel's prime minister"), and with "of" a country after it ("the
prime minister of Israel").
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING, Any

from .clusters import Cluster, MentionClusters
from .names import country_of, leader_nouns, rule_words, titles
from .text import token_indices

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

__all__ = ["DETERMINERS", "generic_mods", "modifier_run", "resolve_titles", "restrictive_mods"]

DETERMINERS = frozenset({"the", "his", "her", "their", "our", "its", "this", "that", "a"})


def generic_mods() -> frozenset[str]:
    """Title modifiers that tell no office apart ("the former president")."""
    return rule_words("generic_title_modifier")


def restrictive_mods() -> frozenset[str]:
    """Modifiers that make a different office: "the president" is not the vice president,
    "the director" not the deputy director."""
    return rule_words("restrictive_title_modifier")


#: A title mention: (char offset of the person's mention, title word, person, modifier words).
Event = tuple[int, str, Cluster, frozenset[str]]


@functools.lru_cache(maxsize=1)
def _title_bigrams() -> frozenset[str]:
    """Word pairs inside titles of several words ("prime minister", "vice president")."""
    pairs = set()
    for title in titles():
        words = title.split()
        pairs.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return frozenset(pairs)


def modifier_run(doc: Doc, start: int, taken: set[int]) -> list[int]:
    """Token indices of the title run right before a name ("North Korean leader" Kim)."""
    table = titles()
    run: list[int] = []
    i = start - 1
    while i >= 0 and start - i <= 6:
        tok = doc[i]
        if tok.is_punct or tok.is_space or tok.lower_ in DETERMINERS or i in taken and tok.pos_ != "PROPN":
            break
        if not (tok.lower_ in table or tok.lower_.rstrip(".") in table or tok.pos_ in ("ADJ", "PROPN", "NOUN")):
            break
        run.append(i)
        i -= 1
    return run


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


def _country_leader(candidates: list[tuple[Cluster, frozenset[str]]], countries: set[str],
                    known: dict[int, set[str]]) -> Cluster | None:
    """The one person the article introduced as a leader of one of ``countries`` ("the
    North Korean leader" for "North Korean dictator Kim Jong Un"); None when none or several."""
    people = {id(c): c for c, _ in candidates if countries & known.get(id(c), set())}
    return next(iter(people.values())) if len(people) == 1 else None


def _pick_title_holder(candidates: list[tuple[Cluster, frozenset[str]]], mods: frozenset[str], countries: set[str],
                       at: int, starts: dict[int, list[int]], known: dict[int, set[str]]) -> Cluster | None:
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
        if (cmods ^ mods) & restrictive_mods():
            continue
        if countries and not countries & known.get(id(cluster), set()):
            continue
        fits.append((cluster, cmods))
    if not fits:
        return None
    shared = [c for c, cm in fits if mods & cm - generic_mods()]
    if shared:
        return shared[-1]
    best, best_n = None, -1
    for cluster, _ in fits:
        n = bisect.bisect_left(starts[id(cluster)], at)
        if n >= best_n:
            best, best_n = cluster, n
    return best


def _its_country(doc: Doc, i: int) -> str | None:
    """The country "its" (token ``i``) stands for: the nearest entity before it in the
    sentence, when that is a country ("an accord with North Korea ... a summit with its
    leader, Kim Jong-un"; not "Apple and its chief executive")."""
    if i < 0 or doc[i].lower_ != "its" or doc[i].is_sent_start:
        return None
    k = i - 1
    while k >= 0 and not doc[k].is_sent_start and not doc[k].ent_type_:
        k -= 1
    if k < 0 or not doc[k].ent_type_:
        return None
    ent = _entity_before(doc, k + 1)
    return country_of(ent.text) if ent is not None else None


def _ties(doc: Doc, span: Span, run: list[int]) -> set[str]:
    """The countries a person's mention ties them to: country words of the title run and of
    the entity it starts in or stops at ("North Korean" leader Kim), a country possessor
    ("Israel's Benjamin Netanyahu"), "of" a country after the name ("Netanyahu of Israel")."""
    lo = min(run) if run else span.start
    if run:  # the whole entity the run starts in or stops at ("North Korean" leader Kim)
        while lo > 0 and doc[lo].ent_iob_ == "I":
            lo -= 1
        adjacent = _entity_before(doc, lo)
        lo = adjacent.start if adjacent is not None else lo
    countries = _countries_of_tokens(list(doc[lo : span.start]))
    ties = (_possessor_country(doc, lo - 1), _of_country(doc, span.end))
    countries.update(c for c in ties if c is not None)
    return countries


def _appositive_titles(span: Span, title_words: set[str]) -> list[tuple[Any, frozenset[str]]]:
    """Title nouns in apposition to a name, with their modifiers: "Comey, the former FBI
    director," and "the FBI director, James Comey". Needs the parse."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
    if root.dep_ == "appos" and root.head.i < span.start:
        nouns.append(root.head)
    return [(noun, frozenset(t.lower_ for t in noun.subtree if t.i < noun.i)) for noun in nouns
            if noun.lower_ in title_words]


def _title_events(mc: MentionClusters, title_words: set[str]) -> tuple[list[Event], dict[int, set[str]]]:
    """Every title a person's mention carries, in any order; and the countries each person
    (by ``id``) is tied to (``_ties``, and country words of their appositive titles)."""
    doc, taken = mc.doc, mc.taken
    parsed = doc.has_annotation("DEP")
    events: list[Event] = []
    known: dict[int, set[str]] = {}
    for cluster in mc.clusters:
        if cluster.kind != "person" or cluster.type != "person":
            continue
        theirs = known.setdefault(id(cluster), set())
        for m in cluster.mentions:
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is None:
                continue
            run = modifier_run(doc, span.start, taken)
            words = frozenset(doc[k].lower_ for k in run)
            theirs |= _ties(doc, span, run)
            for k in run:
                if doc[k].lower_ in title_words:
                    events.append((m["start"], doc[k].lower_, cluster, words))
            if parsed:
                for noun, mods in _appositive_titles(span, title_words):
                    events.append((m["start"], noun.lower_, cluster, mods))
                    theirs |= _countries_of_tokens(list(noun.subtree))
                    its = _its_country(doc, noun.left_edge.i)  # "its leader, Kim Jong-un"
                    theirs |= {its} if its else set()
    return events, known


def _bare_title(doc: Doc, tok: Any, taken: set[int]) -> tuple[int, frozenset[str], set[str], str] | None:
    """Whether the title word ``tok`` heads a bare title: (first token of the mention,
    modifier words, countries the title names, the determiner or possessor) or None. "the
    former FBI director", "his Japanese counterpart", "Israel's prime minister", "the prime
    minister of Israel"; not "the president of the company" nor a title before a name."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    of_country = _of_country(doc, tok.i + 1)
    if nxt is not None and (nxt.i in taken or nxt.lower_ == "of" and of_country is None
                            or f"{tok.lower_} {nxt.lower_}" in _title_bigrams()  # "prime" of "prime minister"
                            or (nxt.text[:1].isupper() and nxt.pos_ == "PROPN")):
        return None
    # walk back over modifiers to a determiner: "the former FBI director", "his Japanese counterpart"
    i = tok.i - 1
    while i >= 0 and tok.i - i <= 5 and (doc[i].is_alpha or "-" in doc[i].text) and doc[i].lower_ not in DETERMINERS:
        if doc[i].pos_ in ("VERB", "AUX", "ADP", "CCONJ", "PRON") and doc[i].lower_ not in ("former", "fired", "then"):
            break
        i -= 1
    possessor = _possessor_country(doc, i) if i >= 0 else None
    if i < 0 or doc[i].lower_ not in DETERMINERS and possessor is None:
        return None
    first = i + 1
    for k in range(first, tok.i):
        if k in taken:
            first = k + 1
    mods = frozenset(doc[k].lower_ for k in range(i + 1, tok.i))
    countries = _countries_of_tokens([doc[k] for k in range(i + 1, tok.i)])
    countries |= {c for c in (possessor, of_country) if c is not None}
    return first, mods, countries, doc[i].lower_


def _title_words() -> set[str]:
    """Words of office, rank and role titles, and the head words of leader nouns."""
    table = titles()
    words = {w for t, kind in table.items() if kind in ("rank", "office", "role") for w in t.split()} - {"of", "the"}
    return words | {n.split()[-1] for n in leader_nouns()}


def resolve_titles(mc: MentionClusters) -> None:
    """Add the bare titles that stand for a person (see the module docstring) as "title"
    mentions. Each title goes to a person introduced with that title word before it
    (``_pick_title_holder``), else, for a leader noun with a country, to the article's one
    leader of that country, wherever the article introduces them."""
    doc, taken = mc.doc, mc.taken
    events, known = _title_events(mc, _title_words())
    if not events:
        return
    leaders = [(cluster, mods) for _, word, cluster, mods in events
               if _is_leader_noun(word, mods) and not mods & restrictive_mods()]  # no deputy prime minister
    events.sort(key=lambda e: e[0])
    starts = {id(c): sorted(m["start"] for m in c.mentions) for _, _, c, _ in events}
    pointer = 0
    current: dict[str, dict[tuple[int, frozenset[str]], tuple[Cluster, frozenset[str]]]] = {}
    words = {word for _, word, _, _ in events} | {n.split()[-1] for n in leader_nouns()}
    for tok in (doc[i] for i in token_indices(doc, lambda low: low in words)):
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
        found = _bare_title(doc, tok, taken)
        if found is None:
            continue
        first, mods, countries, determiner = found
        best = None
        if tok.lower_ in current:
            best = _pick_title_holder(list(current[tok.lower_].values()), mods, countries, tok.idx, starts, known)
        if best is None and countries and leaders and _is_leader_noun(tok.lower_, mods, determiner):
            best = _country_leader(leaders, countries, known)
        if best is not None:
            mc.add_mention(best, doc[first : tok.i + 1], "title")
