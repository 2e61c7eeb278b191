"""Line breaks: the one definition every module uses for line and paragraph boundaries.

A line break is ``\\r\\n`` (one break), ``\\n``, ``\\r``, ``\\v``, ``\\f``, ``\\x1c``-``\\x1e``,
``\\x85``, U+2028 or U+2029 -- what :meth:`str.splitlines` splits on. The text is never
rewritten: every position here is an offset into the text as given, and a position inside a
``\\r\\n`` pair counts as the position of its ``\\r``.

Examples
--------
>>> text = "Headline\\r\\nBody one.\\u2028Body two."
>>> [text[a:b] for a, b in lines(text)]
['Headline', 'Body one.', 'Body two.']
>>> line_start(text, 12), line_end(text, 12)
(10, 19)
"""

from __future__ import annotations

import bisect
import re

__all__ = ["BREAK_CHARS", "BREAK_CLASS", "LINE_BREAK", "LINE_END", "LINE_START", "LineIndex", "break_before",
           "has_break", "line_end", "line_start", "lines"]

#: The characters that end a line (``\\r\\n`` is one break made of two of them).
BREAK_CHARS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
#: The same characters for a regex character class: ``f"[^{BREAK_CLASS}]"``.
BREAK_CLASS = r"\n\r\v\f\x1c-\x1e\x85\u2028\u2029"
#: One line break (a ``\r`` before ``\n`` is never a break of its own, even when backtracking).
LINE_BREAK = re.compile(r"\r\n|\r(?!\n)|[\n\v\f\x1c-\x1e\x85\u2028\u2029]")
#: Regex fragments for a line's start and end, like ``(?m)^`` and ``(?m)$`` for ``\\n`` alone.
LINE_START = rf"(?:\A|(?<=[{BREAK_CLASS}]))"
LINE_END = rf"(?=[{BREAK_CLASS}]|\Z)"


def has_break(s: str) -> bool:
    """True when ``s`` holds a line break."""
    return any(c in BREAK_CHARS for c in s)


def _outside_pair(text: str, idx: int) -> int:
    """``idx``, or the ``\\r`` before it when ``idx`` is inside a ``\\r\\n`` pair."""
    return idx - 1 if 0 < idx < len(text) and text[idx] == "\n" and text[idx - 1] == "\r" else idx


def line_start(text: str, idx: int) -> int:
    """Start of the line holding ``idx``: just after the last break ending at or before it, or 0."""
    i = _outside_pair(text, idx)
    while i > 0 and text[i - 1] not in BREAK_CHARS:
        i -= 1
    return i


def line_end(text: str, idx: int) -> int:
    """End of the line holding ``idx`` (its break excluded): the first break at or after it,
    or ``len(text)``."""
    m = LINE_BREAK.search(text, _outside_pair(text, idx))
    return m.start() if m else len(text)


def break_before(text: str, idx: int) -> int:
    """Start of the last break ending at or before ``idx``; -1 on the first line."""
    i = line_start(text, idx)
    if i == 0:
        return -1
    return i - 2 if text[i - 2 : i] == "\r\n" else i - 1


def lines(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every line, breaks excluded (the offsets of ``text.split("\\n")``
    for a text with ``\\n`` breaks)."""
    out, pos = [], 0
    for m in LINE_BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


class LineIndex:
    """Line bounds of one text by bisection over its breaks.

    Parameters
    ----------
    text : str
    """

    def __init__(self, text: str):
        self.n = len(text)
        found = [(m.start(), m.end()) for m in LINE_BREAK.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def bounds(self, idx: int) -> tuple[int, int]:
        """The line holding character ``idx``: ``[start, end)`` without its break (a break
        belongs to the line it ends)."""
        k = bisect.bisect_right(self.ends, idx)
        lo = self.ends[k - 1] if k > 0 else 0
        hi = self.starts[k] if k < len(self.starts) else self.n
        return lo, hi
