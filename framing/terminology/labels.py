"""Labels: the words that grammar ties to one actor mention.

A label is attached only where the sentence's structure binds it to the mention:

- ``title``: the title or compound right before the name, with the modifiers that carry the
  outlet's word choice ("retired Major General Khalifa Hifter", "Al-Wefaq Prime Minister
  Fayez al-Sarraj", "the Minister of Defense of the Russian Federation Army General Sergei
  Shoigu" gives two: "Minister of Defense of the Russian Federation" and "Army General");
- ``apposition``: "Ghassan Salama, the UN envoy" and "the commander of the LNA, Marshal Haftar";
- ``predicate``: the copula, "Haftar is a warlord";
- ``descriptor``: the group noun a name modifies, "Haftar forces", "the Al-Wefaq government";
- ``modifier``: adjectives of the mention or its descriptor, "the Tripoli-based ... government".

With a dependency parse the title and the name must form one connected phrase (every token
but one has its head inside the phrase), so "chief" in "chief White House correspondent John
Roberts" belongs to Roberts, not to the White House, and a title before one person's name never
goes to the person named before it. Courtesy titles (Mr., Mrs., Ms., Dr.) are not labels;
numbers, measures and punctuation never are. Without a parse only title words count.
The rule words are ``framing/data/label_words.tsv`` and ``titles.tsv``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Container

from ..actors.names import titles
from ..data import tsv_rows

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["Label", "LabelWords", "label_words", "mention_labels"]

MAX_LABEL_TOKENS = 14
_DETS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_DASHES = frozenset({"-", "–", "‐"})
_MOD_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_PARTICIPLES = frozenset({"VBN", "VBG"})
_PLURAL = frozenset({"NNS", "NNPS"})
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "''", "``"})
_NOT_OPENING = frozenset({"ADP", "SCONJ", "PART", "CCONJ", "ADV"})
_ORDINAL_ENDS = ("st", "nd", "rd", "th")


@dataclass(frozen=True)
class LabelWords:
    """The rule words (``label_words.tsv``) and the titles lexicon (``titles.tsv``)."""

    courtesy: frozenset[str]
    premodifier: frozenset[str]
    skip: frozenset[str]
    descriptor: frozenset[str]
    nonlabel: frozenset[str]
    role: frozenset[str]
    titles: frozenset[str]
    title_words: frozenset[str]


@functools.lru_cache(maxsize=1)
def label_words() -> LabelWords:
    """The shipped rule words (read once)."""
    kinds: dict[str, set[str]] = {k: set() for k in ("courtesy", "premodifier", "skip", "descriptor", "nonlabel", "role")}
    for word, kind in tsv_rows("label_words.tsv"):
        kinds[kind].add(word)
    table = frozenset(t for t, kind in titles().items() if t not in kinds["courtesy"] and kind != "honorific")
    words = frozenset(w for t in table for w in t.split() if w not in ("of", "the"))
    return LabelWords(**{k: frozenset(v) for k, v in kinds.items()}, titles=table, title_words=words)


@dataclass(frozen=True)
class Label:
    """A label as a token range ``[start, end)`` of the Doc, with its kind."""

    kind: str
    start: int
    end: int


def mention_labels(doc: Doc, span: Span, blocked: Container[int], is_title: bool = False) -> list[Label]:
    """The labels of one actor mention.

    Parameters
    ----------
    doc : Doc
    span : Span
        The mention.
    blocked : set of int
        Token indexes of other people's names: a title run never crosses them.
    is_title : bool
        The mention is itself a title ("the prime minister"): its whole title is the label.
    """
    words = label_words()
    parsed = doc.has_annotation("DEP")
    out: list[Label] = []
    if is_title:
        lo, hi = _title_extent(doc, span, words, parsed)
        start = _title_start(doc, lo, hi, blocked, words, parsed)
        out.append(Label("title", *_trim(doc, start, hi)))
        before = start
    else:
        before = span.start
        start = _title_start(doc, span.start, span.end, blocked, words, parsed)
        end = _title_end(doc, start, span.start, words, parsed)
        if end > start and _has_title(doc, start, end, words, parsed, _possessor(doc, span)):
            out.extend(Label("title", a, b) for a, b in _split_titles(doc, start, end, words))
            before = start
    if parsed:
        out.extend(_appositions(doc, span, before, blocked, words))
        out.extend(_modifiers(doc, span, before, words))
        out.extend(_predicates(doc, span, words))
    return [label for label in out if _is_label(doc, label, words)
            and (is_title or label.end <= span.start or label.start >= span.end)]


# -- titles -------------------------------------------------------------------------------
def _title_extent(doc: Doc, span: Span, words: LabelWords, parsed: bool) -> tuple[int, int]:
    """A title mention widened to its whole title: "prime" -> "prime minister"."""
    lo, hi = span.start, span.end
    while hi < len(doc) and doc[hi].lower_ in words.title_words and (not parsed or doc[hi - 1].head.i >= hi):
        hi += 1
    while lo > 0 and doc[lo - 1].lower_ in words.title_words and (not parsed or doc[lo - 1].head.i >= lo):
        lo -= 1
    return lo, hi


def _title_start(doc: Doc, start: int, end: int, blocked: Container[int], words: LabelWords,
                 parsed: bool) -> int:
    """First token of the title run that ends right before token ``start`` (``start`` if none)."""
    first = start
    i = start - 1
    if i >= 0 and (doc[i].lower_ in ("of", *_DETS) or doc[i].text in _DASHES):
        return start  # "the commander of the LNA": the LNA is the title's complement, not its bearer
    while i >= 0 and start - i <= MAX_LABEL_TOKENS and _run_token(doc, i, blocked, words, parsed):
        first = i
        i -= 1
    # a run opens on a word, not on "of", "the" or a hyphen
    while first < start and (doc[first].lower_ in ("of", *_DETS) or doc[first].text in _DASHES
                             or doc[first].text in words.skip):
        first += 1
    if parsed:
        while first < start and not _connected(doc, first, end):
            first += 1
    return first


def _run_token(doc: Doc, i: int, blocked: Container[int], words: LabelWords, parsed: bool) -> bool:
    """May token ``i`` belong to a title run read right to left?"""
    tok = doc[i]
    low = tok.lower_
    if low in words.courtesy or tok.is_space or doc[i + 1].is_sent_start:
        return False
    if i in blocked:  # another person's name, unless it modifies a role noun: "Trump confidant Roger Stone"
        return parsed and tok.dep_ in ("compound", "nmod") and tok.head.i > i and tok.head.pos_ == "NOUN"
    if tok.text in _DASHES:  # "Al-Wefaq": a hyphen glued to both neighbours
        return not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_
    if tok.is_alpha and not tok.whitespace_ and doc[i + 1].text in _DASHES:  # "newly-minted", "then-President"
        return True
    if tok.is_punct or _is_number(tok):
        return False
    if low in _DETS:  # "of the Russian Federation"
        return i > 0 and doc[i - 1].lower_ == "of"
    if low == "of":  # "Minister of Defense of the Russian Federation": a title word just before
        nxt = doc[i + 1]
        return any(doc[k].lower_ in words.title_words for k in range(max(i - 3, 0), i)) and (
            nxt.is_title or nxt.lower_ == "the")
    if low in words.title_words or low in words.premodifier:
        return True
    if not parsed:
        return False
    return tok.pos_ in _MOD_POS or (tok.tag_ in _PARTICIPLES and tok.dep_ == "amod")


def _connected(doc: Doc, lo: int, hi: int) -> bool:
    """Do tokens ``[lo, hi)`` form one phrase (at most one head outside them)?"""
    outside = 0
    for k in range(lo, hi):
        head = doc[k].head.i
        if head == k or not lo <= head < hi:
            outside += 1
            if outside > 1:
                return False
    return True


def _title_end(doc: Doc, lo: int, hi: int, words: LabelWords, parsed: bool) -> int:
    """The run ends on its last title word or common noun: "DNC Chair Tom Perez" (the
    mention "Perez") gives "DNC Chair", not "DNC Chair Tom"."""
    while hi > lo and not (_is_title_word(doc[hi - 1], words) or parsed and doc[hi - 1].pos_ == "NOUN"):
        if doc[hi - 1].pos_ != "PROPN" or not doc[hi - 1].whitespace_:
            return lo  # "state-run Korean Central News Agency": a modifier, not a title
        hi -= 1
    return hi


def _is_title_word(tok: Token, words: LabelWords) -> bool:
    low = tok.lower_
    return low in words.title_words or low in words.role or low.rstrip(".") in words.titles


def _possessor(doc: Doc, span: Span) -> bool:
    return span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s", "'")


def _has_title(doc: Doc, lo: int, hi: int, words: LabelWords, parsed: bool, possessor: bool) -> bool:
    """A run is a title when it holds a title word or, parsed, ends on a common noun
    ("correspondent"); before a possessor ("the deal Obama's ...") only a title word counts."""
    if any(_is_title_word(doc[k], words) for k in range(lo, hi)):  # "special counsel", "dictator" too
        return True
    last = doc[hi - 1]
    return parsed and not possessor and last.pos_ == "NOUN" and last.is_lower and last.lower_ not in words.descriptor


def _split_titles(doc: Doc, lo: int, hi: int, words: LabelWords) -> list[tuple[int, int]]:
    """ "Minister of Defense of the Russian Federation Army General" is two titles: the rank
    that ends the run (a title of the lexicon) and the office phrase before it."""
    lows = [doc[k].lower_ for k in range(lo, hi)]
    for k in range(lo + 1, hi):
        if " ".join(lows[k - lo:]) in words.titles and "of" in lows[: k - lo]:
            head = k
            while head > lo and lows[head - 1 - lo] in words.premodifier:
                head -= 1
            if head > lo and lows[head - 1 - lo] not in ("of", *_DETS):
                return [(lo, head), (head, hi)]
    return [(lo, hi)]


# -- appositions, modifiers, predicates -----------------------------------------------------
def _appositions(doc: Doc, span: Span, before: int, blocked: Container[int],
                 words: LabelWords) -> list[Label]:
    """ "Ghassan Salama, the UN envoy" and "the commander of the LNA, Marshal Khalifa Haftar"."""
    out = []
    root = span.root
    for child in root.children:
        if (child.dep_ == "appos" and child.pos_ == "NOUN" and child.left_edge.i == _apposition_start(doc, span.end)
                and (not _is_list(child) or _is_title_word(child, words))):
            lo, hi = _phrase(doc, child)
            # a noun right before a name titles that name: "Trump Jr., son-in-law Jared Kushner"
            if _titles_a_name(doc, child):
                continue
            out.append(Label("apposition", lo, hi))
    head = _apposed_noun(doc, span, before)
    if head is not None:
        lo, hi = _trim(doc, head.left_edge.i, before - 1)
        out.append(Label("apposition", lo, hi))
    return out


def _apposition_start(doc: Doc, end: int) -> int:
    """Where an apposition after a name may start: after a comma, an opening bracket or a
    dash right behind it, or behind a parenthesis and a comma ("Rep. Elijah Cummings (D-Md.),
    ranking member ..."); -1 when nothing opens one."""
    if end < len(doc) and doc[end].text == "(":
        close = next((k for k in range(end + 1, min(end + 8, len(doc))) if doc[k].text == ")"), None)
        if close is not None and close + 1 < len(doc) and doc[close + 1].text == ",":
            return close + 2
    if end < len(doc) and doc[end].text in (",", "(", "—", "–"):
        return end + 1
    return -1


def _apposed_noun(doc: Doc, span: Span, before: int) -> Token | None:
    """The common noun a name is in apposition to when the noun comes first."""
    root = span.root
    if root.dep_ != "appos" or root.head.i >= span.start or before == 0 or doc[before - 1].text != ",":
        return None
    head = root.head
    # the parser often hangs the name on the last proper noun: "envoy to Libya, Ghassan Salama"
    for _ in range(2):
        if head.pos_ == "NOUN":
            break
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i < head.i:
            head = head.head.head
        else:
            break
    # a plural before a name is not its apposition ("Protesters in Portland, Ore.")
    return head if head.pos_ == "NOUN" and head.tag_ not in _PLURAL and head.i < before - 1 else None


def _titles_a_name(doc: Doc, noun: Token) -> bool:
    """Is ``noun`` (with any glued "-in-law") followed by a proper name it titles?"""
    k = noun.i + 1
    while k < len(doc) and not doc[k - 1].whitespace_ and (doc[k].text in _DASHES or doc[k - 1].text in _DASHES):
        k += 1
    return k < len(doc) and doc[k].pos_ == "PROPN"


def _is_list(noun: Token) -> bool:
    """"Macron, the French military and the people": a list, not an apposition."""
    return any(child.dep_ in ("cc", "conj") for child in noun.children)


def _phrase(doc: Doc, noun: Token) -> tuple[int, int]:
    """The noun phrase of ``noun`` without relative clauses and what follows a comma."""
    hi = noun.right_edge.i + 1
    for child in noun.rights:
        if child.dep_ in ("relcl", "acl", "appos", "cc", "conj", "punct"):
            hi = min(hi, child.left_edge.i)
    for k in range(noun.i + 1, hi):
        if doc[k].text in (",", ";", "(", "—"):
            hi = k
            break
    return _trim(doc, noun.left_edge.i, hi)


def _modifiers(doc: Doc, span: Span, before: int, words: LabelWords) -> list[Label]:
    """Adjectives of the mention, and the group noun it modifies with that noun's adjectives."""
    out = []
    root = span.root
    out.extend(_adjectives(root, before, words))
    if root.dep_ in ("compound", "nmod") and root.head.i >= span.end and root.head.lower_ in words.descriptor:
        noun = root.head
        out.append(Label("descriptor", noun.i, noun.i + 1))
        out.extend(_adjectives(noun, before, words))
    return out


def _adjectives(noun: Token, before: int, words: LabelWords) -> list[Label]:
    out = []
    for child in noun.children:
        if (child.dep_ == "amod" and child.i < before and child.lower_ not in words.skip
                and (child.pos_ == "ADJ" or child.tag_ in _PARTICIPLES) and not _glued_to_dash(child)):
            out.append(Label("modifier", child.left_edge.i, child.i + 1))
    return out


def _glued_to_dash(tok: Token) -> bool:
    """The first part of a hyphenated word ("non" of "non-emergency"): a fragment."""
    doc = tok.doc
    return tok.i + 1 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text in _DASHES


def _predicates(doc: Doc, span: Span, words: LabelWords) -> list[Label]:
    """The copula: "Haftar is a warlord" (the name as subject of *be*, a common noun after it)."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be" or any(c.dep_ == "neg" for c in root.head.children):
        return []  # "Trump was not a target" labels nothing
    return [Label("predicate", *_phrase(doc, child)) for child in root.head.children
            if child.dep_ == "attr" and child.pos_ == "NOUN" and child.i > root.i]


# -- filters ------------------------------------------------------------------------------
def _is_label(doc: Doc, label: Label, words: LabelWords) -> bool:
    """No fragments: some word, no number or measure, no courtesy title alone, not too long."""
    if not 0 < label.end - label.start <= MAX_LABEL_TOKENS:
        return False
    toks = doc[label.start:label.end]
    if not any(t.is_alpha for t in toks) or all(t.lower_ in words.courtesy for t in toks):
        return False
    # a phrase opening on "as", "not", "after" or holding a quotation mark is not a noun phrase
    # that names the actor ("as many as 30 candidates", "not mobs of protesters")
    if any(_is_quote_mark(t) for t in toks):
        return False
    if label.kind in ("apposition", "predicate") and toks[0].pos_ in _NOT_OPENING and toks[0].lower_ not in words.premodifier:
        return False
    # a measure or a count is not a label ("17 percent", "AR-15"); a number inside one may be
    # ("campaign manager for Mr. Trump's 2020 re-election bid")
    numbers = label.kind in ("title", "modifier", "descriptor")
    if _is_number(toks[0]) or _is_number(toks[-1]) or numbers and any(_is_number(t) for t in toks):
        return False
    return toks[-1].lower_ not in words.nonlabel and toks[0].lower_ not in words.nonlabel


def _is_quote_mark(tok: Token) -> bool:
    """A quotation mark, but not the apostrophe of a plural possessive ("plaintiffs' law firm")."""
    if tok.text not in _QUOTES:
        return False
    if tok.text in ("'", "’") and tok.i > 0:
        prev = tok.doc[tok.i - 1]
        return not (prev.lower_.endswith("s") and not prev.whitespace_)
    return True


def _is_number(tok: Token) -> bool:
    """Digits or a cardinal, but not an ordinal ("45th president", "first lady")."""
    if tok.lower_.endswith(_ORDINAL_ENDS) and tok.text[:1].isdigit():
        return False
    return tok.pos_ == "NUM" or any(c.isdigit() for c in tok.text)


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and (doc[lo].lower_ in _DETS or doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return lo, hi
