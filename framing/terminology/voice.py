"""Whose words are these? Quotation spans, for telling the narrator's words from quoted ones.

News quotes are messy: straight and curly marks, quotes that run over several paragraphs
(each new paragraph re-opens the quote without closing the previous one), and unbalanced
marks left by scraping. :func:`quote_ranges` pairs marks in one linear pass and never lets
an unclosed quote swallow more than its paragraph.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

from ..data import tsv_rows
from ..lines import BREAK_CHARS, LINE_BREAK

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

__all__ = ["RangeIndex", "Voices", "content_ranges", "quote_ranges", "quote_verbs", "scare_quotes"]

_OPEN = {"“", "„", "«"}
_CLOSE = {"”", "»"}
_STRAIGHT = '"'
_MARKS = re.compile(f"''|[“„«”»\"]|{LINE_BREAK.pattern}")


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges ``[start, end)`` of quoted material, quotation marks excluded.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of (int, int)
        Sorted, non-overlapping ranges. A quote left open at a paragraph break is closed
        there (a multi-paragraph quote then gives one range per paragraph). Two apostrophes
        (``''``, the New York Times archive's double quotation mark) count as one mark.

    Examples
    --------
    >>> text = 'He said "we will win" and left.'
    >>> [text[s:e] for s, e in quote_ranges(text)]
    ['we will win']
    """
    out: list[tuple[int, int]] = []
    start = -1
    n = len(text)
    for match in _MARKS.finditer(text):  # only marks and line breaks (framing.lines) matter
        i, c = match.start(), match.group()
        if c == "''":
            # two apostrophes for a double quotation mark, as in the New York Times archive
            if start < 0:
                start = i + 2
            else:
                if i > start:
                    out.append((start, i))
                start = -1
        elif c[0] in BREAK_CHARS:
            if start >= 0:
                if i > start:
                    out.append((start, i))
                start = -1
        elif start < 0:
            if c in _OPEN or c == _STRAIGHT:
                start = i + 1
        elif c in _CLOSE or c == _STRAIGHT:
            if i > start:
                out.append((start, i))
            start = -1
        elif c in _OPEN:  # a new opening mark inside an open quote: the old one was never closed
            if i > start:
                out.append((start, i))
            start = i + 1
    if start >= 0 and n > start:
        out.append((start, n))
    return out


class RangeIndex:
    """Sorted, non-overlapping ``[start, end)`` ranges with O(log n) containment lookups."""

    def __init__(self, ranges: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for s, e in sorted(ranges):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __len__(self) -> int:
        return len(self.starts)

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies mostly (its midpoint) inside one range."""
        mid = (start + end) // 2 if end > start else start
        k = bisect.bisect_right(self.starts, mid) - 1
        return k >= 0 and mid < self.ends[k]

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares at least one character with a range."""
        k = bisect.bisect_left(self.starts, end) - 1
        return k >= 0 and self.ends[k] > start

    def chars(self) -> int:
        """Characters covered."""
        return sum(e - s for s, e in zip(self.starts, self.ends))


class Voices:
    """Whose words a character range is: the narrator's, a source's reported speech, or words
    inside quotation marks.

    Parameters
    ----------
    quoted : RangeIndex
        Text inside quotation marks.
    reported : RangeIndex
        The content of attributions (reported speech).
    sources : RangeIndex
        The sources of attributions. A source's own words about itself in the narrator's
        sentence ("Libyan Prime Minister Fayez al-Sarraj confirmed ...") are the narrator's,
        even when that sentence is itself inside someone else's reported content.
    """

    def __init__(self, quoted: RangeIndex, reported: RangeIndex, sources: RangeIndex):
        self.quoted = quoted
        self.reported = reported
        self.sources = sources

    @classmethod
    def from_attribution(cls, quotes: list[tuple[int, int]], items: list[dict]) -> Voices:
        """From quotation ranges and the ``attribution`` section's items.

        A direct item's content with no quotation mark in it (a dash-style quotation) counts
        as quoted; every other content (its ``content_parts`` when given) as reported."""
        marks = RangeIndex(quotes)
        quoted = list(quotes)
        reported: list[tuple[int, int]] = []
        sources: list[tuple[int, int]] = []
        for item in items:
            source = item.get("source")
            if source:
                sources.append((source["start"], source["end"]))
            for start, end in content_ranges(item):
                if item.get("kind") == "direct" and not marks.overlaps(start, end):
                    quoted.append((start, end))
                else:
                    reported.append((start, end))
        return cls(RangeIndex(quoted), RangeIndex(reported), RangeIndex(sources))

    def voice(self, start: int, end: int) -> str:
        """``quoted``, ``reported`` or ``narrator`` for the range ``[start, end)``."""
        if self.quoted.covers(start, end):
            return "quoted"
        if self.sources.covers(start, end):
            return "narrator"
        if self.reported.covers(start, end):
            return "reported"
        return "narrator"


def content_ranges(item: dict) -> list[tuple[int, int]]:
    """An attribution item's content as character ranges (its ``content_parts`` when given)."""
    parts = item.get("content_parts")
    if parts:
        return [(int(s), int(e)) for s, e in parts]
    content = item.get("content")
    return [(content["start"], content["end"])] if content else []


#: A scare quote is a short quotation: at most this many words.
SCARE_QUOTE_MAX_WORDS = 4
#: ... in a sentence with at least this many of the narrator's words around it.
SCARE_QUOTE_MIN_CONTEXT = 3
_STRIP = " \t\n,.;:!?"
_MAX_CLIMB = 4


def scare_quotes(doc: Doc, quotes: list[tuple[int, int]], items: list[dict], text: str | None = None) -> list[tuple[int, int]]:
    """Short quoted phrases with no speaker inside the narrator's sentence: ``[start, end)``.

    A quotation counts when it has 1 to :data:`SCARE_QUOTE_MAX_WORDS` words, lies outside every
    source, cue and content of an attribution that has a source (a partial quotation inside
    reported speech has a speaker), is not governed by a verb of :func:`quote_verbs` with a
    subject ("called the Democrats "obstructionist""), and its sentence has at least :data:`SCARE_QUOTE_MIN_CONTEXT` words outside it
    (a quoted headline or a one-word answer is not a scare quote). The range excludes the
    quotation marks and the spaces and punctuation just inside them. ``text`` is ``doc.text``
    when the caller has it already.
    """
    claimed = RangeIndex([r for item in items for r in _claimed(item)])
    full = doc.text if text is None else text  # Doc.text joins every token: pass the text when you have it
    parsed = doc.has_annotation("DEP")
    sentences = parsed or doc.has_annotation("SENT_START")
    verbs = quote_verbs()
    out: list[tuple[int, int]] = []
    for start, end in quotes:
        text = full[start:end]
        start, end = start + len(text) - len(text.lstrip(_STRIP)), end - (len(text) - len(text.rstrip(_STRIP)))
        if end <= start or claimed.overlaps(start, end):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not 1 <= sum(t.is_alpha for t in span) <= SCARE_QUOTE_MAX_WORDS:
            continue
        if parsed and _has_speaker(span, verbs):
            continue
        lo, hi = _sentence(doc, span.start, span.end) if sentences else (0, len(doc))
        outside = sum(doc[k].is_alpha for k in (*range(lo, span.start - 1), *range(span.end + 1, hi)))
        if outside >= SCARE_QUOTE_MIN_CONTEXT:
            out.append((start, end))
    return out


@functools.lru_cache(maxsize=1)
def quote_verbs() -> frozenset[str]:
    """Lemmas of verbs that give a quoted word to their subject (``quote_verbs.tsv``)."""
    return frozenset("\t".join(row).strip() for row in tsv_rows("quote_verbs.tsv"))


def _has_speaker(span: Span, verbs: frozenset[str]) -> bool:
    """Is the quotation governed by a verb of :func:`quote_verbs` that has a subject?
    ("Trump called the Democrats "obstructionist"": Trump's word, not a scare quote)."""
    tok = span.root
    for _ in range(_MAX_CLIMB):
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in verbs:
            return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("it", "there") for c in tok.children)
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _sentence(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range of the sentence around ``[start, end)``, walked from the span (``Span.sent``
    reads the whole Doc each time)."""
    lo = start
    while lo > 0 and not doc[lo].is_sent_start:
        lo -= 1
    hi = max(end, start + 1)
    while hi < len(doc) and not doc[hi].is_sent_start:
        hi += 1
    return lo, hi


def _claimed(item: dict) -> list[tuple[int, int]]:
    """What an attribution with a speaker covers; one without a source ("the so-called
    "peace talks"" read as a cue with no speaker) gives no speaker to its quotation."""
    if not item.get("source"):
        return []
    spans = [item[k] for k in ("source", "cue") if item.get(k)]
    return [(s["start"], s["end"]) for s in spans] + content_ranges(item)
