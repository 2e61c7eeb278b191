"""Source resolution: which actor a source (or any noun phrase) stands for.

A source is resolved, in this order:

- **name**: the span holds a mention of an actor (from the ``actors`` section) at its head,
  or as a modifier of its head ("a Boeing spokesman", "Haftar's forces"); a mention in a
  phrase attached to the head ("the situation *in Libya*", "a source *in the GNA*") is not
  the source;
- **pronoun**: "he", "she", "it", "they" (``framing/data/pronouns.tsv``) stand for the most
  recent compatible actor in subject position (a grammatical subject, or an attribution's
  source), across sentence and paragraph breaks up to ``PRONOUN_WINDOW`` sentences back:
  "he"/"she" a person (not one the text shows to be of the other gender: "Mr.", "Ms.", or
  an earlier "she" resolved to them), "it" an organisation, "they" an organisation or
  group. With no subject candidate, the one compatible actor mentioned in the window;
- **description**: a definite noun phrase (``framing/data/source_descriptions.tsv``):
  "the ministry", "the military department", "the company" stand for the most recent
  organisation of a compatible type whose name holds the noun (or a word of its class:
  "military" -> "Defense"), and whose name holds every capitalised modifier ("the *Russian*
  military"); when no such actor was named before, the one named later in the article;
  "the statement" stands for the issuer of the statement mentioned before; "the senator",
  "the Arizona Republican" for the most recent person in subject position;
- **continuation**: an attribution with no source of its own continues the speaker of the
  attribution before it, in the same or the previous paragraph.

Anything else stays unresolved (``None``): precision first. The resolver is built once per
article (:class:`SourceResolver`) and resolves in text order, so that a resolved source is
itself an antecedent for the pronouns after it ("Jobs said ... He added ... he said").
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator

from ..actors.names import normalize_name
from ..data import tsv_rows

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["DESCRIPTION_WINDOW", "PRONOUN_WINDOW", "Resolution", "SourceResolver", "descriptions", "pronouns"]

#: Sentences back in which a pronoun's antecedent is looked for.
PRONOUN_WINDOW = 4
#: Sentences back in which a description's actor (or a document's issuer) is looked for.
DESCRIPTION_WINDOW = 12
#: Paragraphs back in which an attribution with no source continues the previous speaker.
CONTINUATION_PARAGRAPHS = 1
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod", "appos"})
#: Prepositions by which a speaker's noun names whom it speaks for ("spokesman for the UN").
_FOR_PREPS = frozenset({"for", "of", "at", "from"})
_SPEAKER_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "statement", "release"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@dataclass(frozen=True)
class Resolution:
    """The actor a source stands for, and how it was found (``name``, ``pronoun``,
    ``description``, ``continuation``), or ``Resolution(None, None)``."""

    actor: str | None
    how: str | None


UNRESOLVED = Resolution(None, None)


@dataclass(frozen=True)
class Description:
    word: str
    cls: str
    types: tuple[str, ...]  # in order of preference
    name_words: frozenset[str]  # empty = any name


def _set(field: str) -> frozenset[str]:
    return frozenset() if field in ("-", "*") else frozenset(field.split("|"))


@functools.lru_cache(maxsize=1)
def descriptions() -> dict[str, Description]:
    """``source_descriptions.tsv``: lemma -> :class:`Description`."""
    return {w: Description(w, c, tuple(sorted(_set(t), key=t.split("|").index)), _set(n))
            for w, c, t, n in tsv_rows("source_descriptions.tsv")}


@functools.lru_cache(maxsize=1)
def pronouns() -> tuple[dict[str, tuple[str, frozenset[str]]], dict[str, str]]:
    """``pronouns.tsv``: (pronoun -> (gender, actor types), honorific -> gender)."""
    prons, honorifics = {}, {}
    for word, kind, gender, types in tsv_rows("pronouns.tsv"):
        if kind == "pronoun":
            prons[word] = (gender, _set(types))
        else:
            honorifics[word] = gender
    return prons, honorifics


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    actor: str
    type: str
    kind: str


#: Head words of an unresolved source that block a pronoun's search: a person ("A source
#: said ... he said"), an organisation or outlet ("the agency ... it said").
_PERSON_HEADS = frozenset({"source", "official", "spokesman", "spokeswoman", "spokesperson", "aide", "diplomat",
                           "witness", "expert", "analyst", "person", "man", "woman", "insider", "executive"})


def _blocks(word: str, plural: bool, types: frozenset[str] | tuple[str, ...]) -> bool:
    """Whether an unresolved source with head lemma ``word`` (``plural`` or not) could be
    what a pronoun of ``types`` stands for."""
    if "person" in types:
        return word in _PERSON_HEADS and not plural
    if plural:
        return word in _PERSON_HEADS and "group" in types
    desc = descriptions().get(word)
    return desc is not None and desc.cls == "org"


def _named_beside(head: Token) -> bool:
    """Whether a proper name stands right after the noun, as its apposition or as a second
    subject the parse made of it: "the agency “TASS” quoted", "the carrier, Aeroflot"."""
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
        return True
    doc = head.doc
    k = head.i + 1
    while k < len(doc) and doc[k].is_punct and k - head.i <= 2:
        k += 1
    return k < len(doc) and k > head.i + 1 and doc[k].pos_ == "PROPN" and doc[k].head.i == head.head.i and doc[k].dep_ == head.dep_


class SourceResolver:
    """Resolves sources of one article to its actors (see the module docstring).

    Parameters
    ----------
    doc : Doc
        The parsed article.
    text : str
        ``doc.text``.
    actors : dict or None
        The ``actors`` section (items with ``id``, ``type``, ``name``, ``mentions``).
    """

    def __init__(self, doc: Doc, text: str, actors: dict[str, Any] | None):
        self.doc, self.text = doc, text
        items = (actors or {}).get("items") or []
        self.types = {a["id"]: a["type"] for a in items}
        self._display = {a["id"]: a.get("name") or a["id"] for a in items}
        self.names = {a["id"]: set(normalize_name(" ".join([a["name"], *(m["text"] for m in a["mentions"])])).split())
                      for a in items}
        self.mentions = sorted((_Mention(m["start"], m["end"], a["id"], a["type"], m.get("kind", "name"))
                                for a in items for m in a["mentions"]), key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        self._sent_starts = [s.start_char for s in doc.sents] if len(doc) else [0]
        self.gender: dict[str, str] = {}
        # antecedent events: (char offset, actor id, in subject position); an unresolved
        # source is an event with actor "" that blocks what its head word could stand for
        self._events: list[tuple[int, str, bool]] = []
        # nouns that describe an actor where it is named: "NPD Group, a market research
        # *firm*", "the US automobile *manufacturer* General Motors"
        self.described: dict[str, set[str]] = {}
        self._blockers: dict[int, tuple[str, bool]] = {}  # event offset -> (head lemma, plural)
        self._init_events()

    # -- the article's actors -------------------------------------------------------------
    def _init_events(self) -> None:
        _, honorifics = pronouns()
        doc = self.doc
        for m in self.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            subject = (root.dep_ in _SUBJECT_DEPS or (root.dep_ in ("conj", "poss") and root.head.dep_ in _SUBJECT_DEPS))
            self._events.append((m.start, m.actor, subject))
            nouns = [c for c in root.children if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN"]
            if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                nouns.append(root.head)
            if nouns:
                self.described.setdefault(m.actor, set()).update(t.lemma_.lower() for t in nouns)
            if m.type == "person" and span.start > 0:
                prev = doc[span.start - 1].lower_
                if prev in honorifics:
                    self.gender.setdefault(m.actor, honorifics[prev])
        self._events.sort()

    def display(self, actor: str) -> str:
        """The actor's name."""
        return self._display.get(actor, actor)

    def overlapping(self, start: int, end: int) -> list[_Mention]:
        k = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end, lo=k)
        return [m for m in self.mentions[k:hi] if m.end > start]

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self._sent_starts, pos) - 1

    def note(self, pos: int, actor: str | None, gender: str | None = None, head: Token | None = None) -> None:
        """Record a resolved source at ``pos`` as an antecedent in subject position; an
        unresolved one (``actor`` None) with its ``head`` blocks the pronouns and descriptions
        after it that its head could stand for ("A source said ... he said")."""
        if actor is None:
            if head is not None:
                bisect.insort(self._events, (pos, "", True))
                self._blockers[pos] = (head.lemma_.lower(), head.tag_ in ("NNS", "NNPS"))
            return
        bisect.insort(self._events, (pos, actor, True))
        if gender in ("m", "f") and self.types.get(actor) == "person":
            self.gender.setdefault(actor, gender)

    # -- resolution ------------------------------------------------------------------------
    def resolve(self, start: int, end: int, head: Token | None, speaker: str | None = None) -> Resolution:
        """The actor of the source ``text[start:end]`` whose head token is ``head``.

        ``speaker``: the actor of the attribution this one continues ("“...,” Jobs said.
        He added ..."), which a pronoun source stands for when it is compatible."""
        named = self._by_name(start, end, head)
        if named is not None:
            return named
        if head is None:
            return UNRESOLVED
        prons, _ = pronouns()
        low = head.lower_
        if head.pos_ == "PRON" and low in prons:
            gender, types = prons[low]
            if speaker is not None and self.types.get(speaker) in types and self.gender.get(speaker, gender) == gender:
                actor: str | None = speaker
            else:
                actor = self._antecedent(start, types, gender, PRONOUN_WINDOW)
            if actor is not None:
                self.note(start, actor, gender)
                return Resolution(actor, "pronoun")
            return UNRESOLVED
        actor = self._described(start, end, head)
        if actor is not None:
            self.note(start, actor)
            return Resolution(actor, "description")
        self.note(start, None, head=head)
        return UNRESOLVED

    def _by_name(self, start: int, end: int, head: Token | None) -> Resolution | None:
        mentions = self.overlapping(start, end)
        if not mentions:
            return None
        if head is None:
            m = mentions[0]
            return Resolution(m.actor, "name" if m.kind != "title" else "description")
        at_head = [m for m in mentions if m.start <= head.idx < m.end]
        if at_head:
            m = max(at_head, key=lambda m: m.end - m.start)
            if m.type == "group" and self._one_person(head):
                return None  # "the Arizona Republican": one person described, not the group
            if m.kind == "title" and self._blocked(start, m.actor, head.lemma_.lower()):
                self.note(start, None, head=head)
                return UNRESOLVED
            self.note(start, m.actor)
            return Resolution(m.actor, "name" if m.kind != "title" else "description")
        # a mention that modifies the head: "a Boeing spokesman", "the Kremlin's statement",
        # "spokesman for the UN mission"
        for m in sorted(mentions, key=lambda m: -m.start):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.head.i == head.i and root.dep_ in _MODIFIER_DEPS:
                if m.type == "person" and head.lemma_.lower() not in _SPEAKER_NOUNS and root.dep_ != "appos":
                    return UNRESOLVED  # "the elder Cheney daughter", "a Trump lawyer": someone else
                return Resolution(m.actor, "name")
            if (root.dep_ == "pobj" and root.head.lower_ in _FOR_PREPS and root.head.head.i == head.i
                    and head.lemma_.lower() in _SPEAKER_NOUNS):
                return Resolution(m.actor, "name")
        return None

    @staticmethod
    def _one_person(head: Token) -> bool:
        """A singular definite noun that describes a person ("the Arizona Republican")."""
        desc = descriptions().get(head.lemma_.lower()) or descriptions().get(head.lower_)
        return (desc is not None and desc.cls == "person" and head.tag_ not in ("NNS", "NNPS")
                and any(t.lower_ in _DEFINITE for t in head.lefts if t.dep_ == "det"))

    def _blocked(self, pos: int, actor: str, word: str) -> bool:
        """Whether an unresolved source with head ``word`` stands between ``pos`` and the
        last mention of ``actor`` before it ("the Russian Information Agency ... the Russian
        news agency “TASS” ... The agency": not the Russian Information Agency)."""
        k = bisect.bisect_left(self._events, (pos, "", False))
        while k > 0:
            k -= 1
            at, other, _ = self._events[k]
            if other == actor:
                return False
            if not other and self._blockers.get(at, ("", False))[0] == word:
                return True
        return False

    def _events_before(self, pos: int, window: int) -> Iterator[tuple[int, str, bool]]:
        """Mentions and unresolved sources before ``pos``, latest first, no more than
        ``window`` sentences back: ``(offset, actor id or "", in subject position)``."""
        first = self.sentence(pos) - window
        k = bisect.bisect_left(self._events, (pos, "", False))
        while k > 0:
            k -= 1
            event = self._events[k]
            if self.sentence(event[0]) < first:
                return
            yield event

    def _antecedent(self, pos: int, types: frozenset[str], gender: str, window: int,
                    subject_only: bool = False) -> str | None:
        """The most recent actor of ``types`` in subject position before ``pos``, no more
        than ``window`` sentences back; failing that, the only such actor mentioned there."""
        seen: set[str] = set()
        for at, actor, subject in self._events_before(pos, window):
            if not actor:
                if _blocks(*self._blockers.get(at, ("", False)), types):
                    return None
                continue
            if self.types.get(actor) not in types:
                continue
            if gender in ("m", "f") and self.gender.get(actor, gender) != gender:
                continue
            if subject:
                return actor
            seen.add(actor)
        if not subject_only and len(seen) == 1:
            return seen.pop()
        return None

    def _modifiers(self, start: int, head: Token) -> list[Token]:
        return [t for t in head.lefts if t.idx >= start and t.dep_ in ("amod", "compound", "nmod") and not t.is_punct]

    def _described(self, start: int, end: int, head: Token) -> str | None:
        desc = descriptions().get(head.lemma_.lower()) or descriptions().get(head.lower_)
        if desc is None or desc.cls in ("evidence", "nonsource"):
            return None
        if not any(t.lower_ in _DEFINITE for t in head.lefts if t.dep_ == "det"):
            return None  # "a company", "sources": not one actor the text named
        if any(t.dep_ == "poss" for t in head.lefts) or head.tag_ in ("NNS", "NNPS"):
            return None
        if _named_beside(head):
            return None  # "the Russian news agency “TASS”": named, though not an actor
        if desc.cls == "document":
            return self._issuer(head)
        modifiers = self._modifiers(start, head)
        if desc.cls == "person":
            if any(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP", "LOC") for t in modifiers):
                return None  # "the elder Cheney daughter": someone related to a named person
            return self._antecedent(start, desc.types, "-", PRONOUN_WINDOW, subject_only=True)
        return self._organisation(start, desc, modifiers)

    def _organisation(self, pos: int, desc: Description, modifiers: list[Token]) -> str | None:
        """The organisation a description stands for: one named in the window whose name
        fits (see :meth:`_fits`), first one the article itself described with the noun
        ("NPD Group, a market research firm ... The firm said"), then by the type order of
        the description's row and recency; an unresolved source with the same head word in
        between blocks it."""
        fits = self._fits(desc, modifiers)
        order = list(desc.types)
        candidates: list[tuple[str, bool]] = []
        for at, actor, subject in self._events_before(pos, DESCRIPTION_WINDOW):
            if not actor:
                if self._blockers.get(at, ("", False))[0] == desc.word:
                    break
                continue
            if fits(actor):
                candidates.append((actor, subject))
        described = [a for a, _ in candidates if desc.word in self.described.get(a, ())]
        if described:
            return described[0]
        if desc.name_words:
            # named only later in the article too ("the Russian military ... The Russian
            # Defense Ministry"): the one actor that fits
            later = {a for at, a, _ in self._events if at > pos and a and fits(a)} - {a for a, _ in candidates}
            pool = [*(a for a, _ in candidates), *(later if len(later) == 1 else ())]
            if not pool:
                return None
            return min(pool, key=lambda a: order.index(self.types[a]) if self.types[a] in order else len(order))
        return next((a for a, subject in candidates if subject), None)

    def _fits(self, desc: Description, modifiers: list[Token]) -> Any:
        """Whether an actor fits a description: its type is one of the row's, its name holds
        one of the row's name words and every capitalised modifier ("the *Russian*
        military"), and a word of each lowercase modifier's own row ("*military*
        department": "Defense")."""
        table = descriptions()
        required: list[frozenset[str]] = []  # each: one of these words must be in the name
        if desc.name_words:
            required.append(desc.name_words)
        for t in modifiers:
            if t.text[:1].isupper():
                required.append(frozenset({normalize_name(t.text)}))
            elif t.lower_ in table and table[t.lower_].name_words:
                required.append(table[t.lower_].name_words)

        def fits(actor: str) -> bool:
            return self.types.get(actor) in desc.types and all(self.names[actor] & words for words in required)

        return fits

    def _issuer(self, head: Token) -> str | None:
        """"the statement": who issued the statement mentioned before it, from the subject of
        the verb it hangs on ("the Russian military claimed in a statement") or its owner."""
        lemma = head.lemma_.lower()
        first = self.sentence(head.idx) - DESCRIPTION_WINDOW
        for k in range(head.i - 1, -1, -1):
            tok = self.doc[k]
            if self.sentence(tok.idx) < first:
                break
            if tok.lemma_.lower() != lemma:
                continue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None:
                verb = tok
                for _ in range(4):
                    if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                        break
                    verb = verb.head
                owner = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb.pos_ in ("VERB", "AUX") else None
            if owner is None:
                return None
            lo = owner.left_edge.idx
            return self.resolve(lo, owner.idx + len(owner), owner).actor
        return None

    def pronoun_mentions(self) -> list[tuple[int, int, str]]:
        """Every third-person pronoun of the article that resolves to an actor, as
        ``(start, end, actor id)`` in text order — actor mentions for analyzers that read
        mentions (sentiment, terminology): "he" is Shoigu there too. A pronoun inside an
        actor's mention ("*his* French counterpart") is no mention of its own. Use a fresh
        resolver: resolving records antecedents."""
        prons, _ = pronouns()
        out = []
        for tok in self.doc:
            if tok.pos_ != "PRON" or tok.lower_ not in prons or self.overlapping(tok.idx, tok.idx + len(tok)):
                continue
            res = self.resolve(tok.idx, tok.idx + len(tok), tok)
            if res.actor is not None:
                out.append((tok.idx, tok.idx + len(tok), res.actor))
        return out

    def continuation(self, previous: Resolution | None) -> Resolution:
        """An attribution with no source, after one whose actor is ``previous``."""
        if previous is None or previous.actor is None:
            return UNRESOLVED
        return Resolution(previous.actor, "continuation")
