"""Where in an article's text names may stand for actors, and fast token lookups.

Scraped-page debris (photo credits, bylines, video-embed ids) never holds an actor; a
heading line ("Resume conversations") or the headline holds one only if the body names it
too; a headline's title-case verbs are no part of names ("Cheney Tells").
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from ..lines import LINE_BREAK, has_break, lines

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

__all__ = ["Ranges", "body_words", "boilerplate_ranges", "headline_range", "lowercase_words", "stop_words",
           "token_indices", "trim_headline_words"]

_CREDIT = re.compile(r"^\s*(?:photo(?:\s+credit)?|image|credit|credits|source|by|video|watch|read more|related|advertisement|"
                     r"subscribe|follow us|share|copyright|©|file photo)\b", re.IGNORECASE)
_ID_LIKE = re.compile(r"\b(?:\d{6,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b", re.IGNORECASE)
_TERMINAL = tuple('.!?:;"”’)»…,')


def boilerplate_ranges(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of credit/byline/id lines (never actors) and of heading lines
    (actors only when named elsewhere too)."""
    debris: list[tuple[int, int]] = []
    headings: list[tuple[int, int]] = []
    bounds = lines(text)
    n_lines = len(bounds)
    for start, end in bounds:
        stripped = text[start:end].strip()
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
#: A blank line: two line breaks in a row, or a paragraph separator (U+2029).
_BLANK_LINE = re.compile(rf"(?:{LINE_BREAK.pattern}){{2}}|\u2029")


def headline_range(text: str) -> tuple[int, int] | None:
    """Character range of the headline: a first paragraph of at most 30 words followed by a
    blank line that is not a sentence of prose (no final full stop, or title case: most of
    its words capitalised). A headline's title-case verbs are no part of names."""
    blank = _BLANK_LINE.search(text)
    cut = blank.start() if blank else -1
    if cut <= 0:
        return None
    first = text[:cut].strip()
    words = first.split()
    if not words or len(words) > _HEADLINE_WORDS or has_break(first):
        return None
    alpha = [w for w in words if w[:1].isalpha()]
    capitalised = sum(1 for w in alpha if w[0].isupper())
    if first.endswith((".", "?", "!", '."', ".”")) and capitalised < 0.6 * max(1, len(alpha)):
        return None
    start = len(text) - len(text.lstrip())
    return start, cut


def body_words(text: str, headline: tuple[int, int] | None) -> set[str]:
    """The lowercase words after the headline (none without one)."""
    return {w.lower() for w in _WORD.findall(text, headline[1])} if headline else set()


def trim_headline_words(span: Span, body_words: set[str]) -> Span:
    """A headline entity without its last words when the body never uses them: "Cheney
    Tells", "Trump Team Responds" -> "Cheney", "Trump Team"."""
    end = span.end
    while end - span.start > 1 and span.doc[end - 1].lower_ not in body_words:
        end -= 1
    return span.doc[span.start : end]


class Ranges:
    """Sorted character ranges with a bisect lookup (a scan per mention made long texts,
    with a heading range per short line, quadratic)."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.starts = [s for s, _ in self.ranges]

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        # a range starting at or before ``start``; the headline may share its start with a line
        return any(self.ranges[k][1] >= end for k in (i, i - 1) if k >= 0)


def token_indices(doc: Doc, keep: Any, attr: str = "LOWER") -> list[int]:
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


def lowercase_words(doc: Doc) -> set[str]:
    """The words the article writes in lower case (one array read, no Token objects)."""
    from spacy.attrs import IS_LOWER, LOWER

    if not len(doc):
        return set()
    strings = doc.vocab.strings
    return {strings[h] for h, low in doc.to_array([LOWER, IS_LOWER]).tolist() if low}


def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return STOP_WORDS
