"""Character spans into the exact text the user passed in."""

from __future__ import annotations

from typing import Any, TypedDict

__all__ = ["SpanDict", "make_span", "overlaps"]


class SpanDict(TypedDict):
    """``{"start", "end", "text"}`` with ``text == original[start:end]``."""

    start: int
    end: int
    text: str


def make_span(text: str, start: int, end: int, **extra: Any) -> dict[str, Any]:
    """Return a JSON-able span of ``text[start:end]`` (plus any ``extra`` fields).

    Raises ``ValueError`` when the offsets do not describe a span of ``text``: a span
    that does not point into the original text is a bug, never silently clipped.
    """
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"span ({start}, {end}) is outside a text of length {len(text)}")
    span: dict[str, Any] = {"start": int(start), "end": int(end), "text": text[start:end]}
    span.update(extra)
    return span


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when the half-open intervals [a_start, a_end) and [b_start, b_end) overlap."""
    return a_start < b_end and b_start < a_end
