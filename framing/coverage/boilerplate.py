"""Page boilerplate in scraped article text (captions, credits, sign-up prompts).

The patterns are data (``framing/data/boilerplate.tsv``). Text they match is not what an
article says: the ``passages`` analyzer leaves its words out, and
:func:`framing.distinctive_terms` drops it from raw texts.
"""

from __future__ import annotations

import functools
import re

from ..data import tsv_rows

__all__ = ["boilerplate_ranges", "strip_boilerplate"]


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    patterns = ["\t".join(row) for row in tsv_rows("boilerplate.tsv")]  # one column: a tab is part of the pattern
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Sorted ``[start, end)`` ranges of ``text`` that are page boilerplate.

    >>> text = "Photo Credit: Russian Ministry of Defense\\n\\nShoigu met Haftar."
    >>> [text[s:e] for s, e in boilerplate_ranges(text)]
    ['Photo Credit: Russian Ministry of Defense']
    """
    out = []
    for m in _pattern().finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            out.append((start, end))
    return out


def strip_boilerplate(text: str) -> str:
    """``text`` with its boilerplate replaced by spaces (offsets stay valid)."""
    ranges = boilerplate_ranges(text)
    if not ranges:
        return text
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
