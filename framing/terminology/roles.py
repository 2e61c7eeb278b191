"""Roles: what an actor does or undergoes, and who asserts it.

``role_of`` finds the verb whose agent or patient a mention is ("Haftar forces bombed the
port": agent of *bomb*). :class:`Claims` tells the narrator's assertions from attributed
ones: a verb inside the content of an attribution ("Ford alleges Kavanaugh groped her") or
inside quotation marks is the source's claim, not the narrator's fact.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from .voice import RangeIndex, content_ranges

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["Claims", "role_of"]

_AGENT_DEPS = frozenset({"nsubj", "csubj", "nsubj:agent"})
_PATIENT_DEPS = frozenset({"nsubjpass", "dobj", "obj", "iobj", "dative"})
_CLIMB_DEPS = frozenset({"compound", "poss", "amod", "nmod", "flat", "appos"})
_MAX_CLIMB = 6


def role_of(span: Span, titles: frozenset[str] = frozenset()) -> tuple[str, Token] | None:
    """``("agent" | "patient", verb token)`` for a mention, or None.

    The mention climbs through compounds, possessives, appositions and coordination to the
    noun phrase's head ("Haftar forces", "Shoigu and Haftar"); a passive's *by*-phrase is the
    agent ("shelled by Haftar forces"); *be* gives no role. A name inside someone's title
    ("the UN special envoy ... is trying") takes no role: the climb stops at a word of
    ``titles``."""
    tok = span.root
    for _ in range(_MAX_CLIMB):
        if tok.dep_ in _CLIMB_DEPS and tok.head.i != tok.i:
            if tok.dep_ in ("compound", "nmod", "amod") and tok.head.lower_ in titles and tok.head.i >= span.end:
                return None
            tok = tok.head
        elif tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            tok = tok.head
        else:
            break
    dep, head = tok.dep_, tok.head
    if dep in _AGENT_DEPS and head.pos_ in ("VERB", "AUX") and head.lemma_ != "be":
        return "agent", head
    if dep in _PATIENT_DEPS and head.pos_ == "VERB":
        return "patient", head
    if dep == "pobj" and head.dep_ == "agent" and head.head.pos_ == "VERB":
        return "agent", head.head
    return None


class Claims:
    """Attributed content (and quotation marks) as ranges, for finding who asserts a verb.

    Parameters
    ----------
    items : list of dict
        The ``attribution`` section's items (``content``/``content_parts``, ``source``,
        ``actor``, and ``verb``/``stance`` when the attribution analyzer gives them).
    quotes : list of (int, int)
        Quotation ranges; quoted words with no attribution item have no known source.
    """

    def __init__(self, items: list[dict[str, Any]], quotes: list[tuple[int, int]]):
        ranges = [(s, e, item) for item in items for s, e in content_ranges(item)]
        ranges.sort(key=lambda r: (r[0], -r[1]))
        self._ranges = ranges
        self._starts = [r[0] for r in ranges]
        self._quotes = RangeIndex(quotes)

    def claim(self, start: int, end: int) -> tuple[bool, dict[str, Any] | None]:
        """``(attributed, item)`` for the range ``[start, end)``: the innermost attribution
        content holding it and its item; quotation marks outside every attribution give
        ``(True, None)`` (someone's words, speaker unknown)."""
        k = bisect.bisect_right(self._starts, start)
        best: tuple[int, int, dict[str, Any]] | None = None
        for s, e, item in self._ranges[:k]:
            if s <= start and end <= e and (best is None or e - s < best[1] - best[0]):
                best = (s, e, item)
        if best is not None:
            return True, best[2]
        return self._quotes.covers(start, end), None
