"""The text an attribution pass reads: paragraphs, quotations, sentences, and token spans.

:class:`TextLayout` is built once per article and handed to every pass (see
:mod:`.extract`): the text, its paragraph (line) bounds by bisection over the line breaks,
its sentence ends, and its quotations (:class:`Quotes`). The functions below turn token
ranges of the parse into character spans: trimmed of punctuation, cut to a paragraph, the
subject's noun phrase without relative clauses.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ..lines import LineIndex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["COMPLEMENTIZERS", "QUOTE_CHARS", "Quotes", "TextLayout", "balance", "source_range", "span_chars", "subtree_range",
           "trim"]


QUOTE_CHARS = set('"“”„«»\'')

class Quotes:
    """Quote ranges (from :func:`framing.terminology.quote_ranges`) with bisect lookups."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = ranges
        self.starts = [s for s, _ in ranges]

    def in_window(self, start: int, end: int) -> list[tuple[int, int]]:
        k = bisect.bisect_left(self.starts, start)
        # a quote may start just before the window
        if k > 0 and self.ranges[k - 1][1] > start:
            k -= 1
        out = []
        while k < len(self.ranges) and self.ranges[k][0] < end:
            out.append(self.ranges[k])
            k += 1
        return out

    def coverage(self, start: int, end: int) -> float:
        if end <= start:
            return 0.0
        covered = 0
        for s, e in self.in_window(start, end):
            covered += max(0, min(e, end) - max(s, start))
        return covered / (end - start)

def span_chars(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])

#: Complementizers that open reported content. PolNeAR's content spans include them ("said
#: [that the talks failed]"): on train's first 300 articles, 680 of 702 contents that follow
#: "that", 25 of 28 after "if", 16 of 21 after "whether".
COMPLEMENTIZERS = frozenset({"that", "whether", "if"})

def trim(doc: Doc, lo: int, hi: int, complementizer: bool = False) -> tuple[int, int]:
    """Strip spaces, punctuation other than quotation marks, and leading conjunctions and
    subordinators from ``doc[lo:hi]``; with ``complementizer``, a leading "that", "whether"
    or "if" stays (content of reported speech)."""
    while lo < hi and (doc[lo].is_space or (doc[lo].is_punct and doc[lo].text not in QUOTE_CHARS) or doc[lo].dep_ in ("mark", "cc")):
        if complementizer and doc[lo].dep_ == "mark" and doc[lo].lower_ in COMPLEMENTIZERS:
            break
        lo += 1
    while hi > lo and (doc[hi - 1].is_space or (doc[hi - 1].is_punct and doc[hi - 1].text not in QUOTE_CHARS and doc[hi - 1].text not in ".!?")):
        hi -= 1
    return lo, hi

def subtree_range(tok: Token, exclude: Token | None = None) -> tuple[int, int]:
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    if exclude is not None and lo <= exclude.i < hi:
        # keep the side of the subtree without the cue
        if exclude.i - lo > hi - exclude.i - 1:
            hi = exclude.i
        else:
            lo = exclude.i + 1
    return lo, hi

def source_range(subj: Token) -> tuple[int, int]:
    """The subject's noun phrase without trailing relative clauses or appositions' commas."""
    lo, hi = subj.left_edge.i, subj.right_edge.i + 1
    for child in subj.rights:
        if child.dep_ in ("relcl", "acl") and child.i < hi:
            hi = min(hi, child.left_edge.i)
    return lo, max(hi, subj.i + 1)

def balance(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Close an opened parenthesis: "the Government of National Accord (GNA" -> "... (GNA)"."""
    opened = sum(1 for t in doc[lo:hi] if t.text == "(") - sum(1 for t in doc[lo:hi] if t.text == ")")
    if opened > 0 and hi < len(doc) and doc[hi].text == ")":
        return lo, hi + 1
    return lo, hi


class TextLayout:
    """One article's text as the passes read it.

    Parameters
    ----------
    doc : Doc
        The parsed article (``doc.text == text``).
    text : str
        The text (read once: ``doc.text`` rebuilds the string on every access).
    quote_ranges : list of (start, end)
        :func:`framing.terminology.quote_ranges` of the text.
    """

    def __init__(self, doc: Doc, text: str, quote_ranges: list[tuple[int, int]]):
        self.doc = doc
        self.text = text
        self.quotes = Quotes(quote_ranges)
        self._lines = LineIndex(text)
        self._sentence_ends: list[int] | None = None

    def line_bounds(self, idx: int) -> tuple[int, int]:
        """The paragraph (line) holding character ``idx``: ``[start, end)`` without its break."""
        return self._lines.bounds(idx)

    def sentence_end(self, pos: int) -> int:
        """The end of the first sentence of the parse that ends after ``pos``."""
        if self._sentence_ends is None:
            self._sentence_ends = sorted({sent.end_char for sent in self.doc.sents})
        k = bisect.bisect_right(self._sentence_ends, pos)
        return self._sentence_ends[k] if k < len(self._sentence_ends) else len(self.text)

    def clip(self, lo: int, hi: int, anchor: Token) -> tuple[int, int]:
        """Token range ``[lo, hi)`` cut to the anchor's paragraph: parses that run across
        paragraph breaks (headings, photo credits) never make one source or content."""
        doc = self.doc
        line_lo, line_hi = self.line_bounds(anchor.idx)
        while lo < hi and doc[lo].idx < line_lo:
            lo += 1
        while hi > lo and doc[hi - 1].idx >= line_hi:
            hi -= 1
        return lo, hi
