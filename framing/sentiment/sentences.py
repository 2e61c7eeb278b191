"""The sentences of a Doc as token and character bounds, read once per Doc.

``doc[i].sent`` builds a Token and a Span and walks the sentence-start flags each time; the
sentiment features and the analyzer ask it once or twice per mention. :func:`sentences`
reads the flags with one ``doc.to_array`` and answers by bisection, with the same bounds
(``Span.sent`` without user hooks: the last sentence start at or before the token, or the
Doc's first token, up to the next sentence start, or the Doc's end).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["Sentences", "sentences"]


class Sentences:
    """Token bounds ``[start, end)`` and character bounds of every sentence of a Doc."""

    __slots__ = ("starts", "ends", "start_chars", "end_chars")

    def __init__(self, doc: Doc) -> None:
        import numpy as np
        from spacy.attrs import IDX, LENGTH, SENT_START

        arr = doc.to_array([SENT_START, IDX, LENGTH])
        starts = np.flatnonzero(arr[:, 0] == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        self.starts: list[int] = starts
        self.ends: list[int] = starts[1:] + [len(doc)]
        idx = arr[:, 1].astype(np.int64)
        last = np.asarray(self.ends, dtype=np.int64) - 1
        self.start_chars: list[int] = idx[starts].tolist()
        self.end_chars: list[int] = (idx[last] + arr[last, 2].astype(np.int64)).tolist()

    def index(self, i: int) -> int:
        """The number of the sentence holding token ``i``."""
        return bisect.bisect_right(self.starts, i) - 1

    def bounds(self, i: int) -> tuple[int, int]:
        """``(start, end)`` token indices of the sentence holding token ``i``."""
        k = bisect.bisect_right(self.starts, i) - 1
        return self.starts[k], self.ends[k]

    def char_bounds(self, i: int) -> tuple[int, int]:
        """``(start_char, end_char)`` of the sentence holding token ``i`` (``Span.start_char``,
        ``Span.end_char``: no trailing whitespace)."""
        k = bisect.bisect_right(self.starts, i) - 1
        return self.start_chars[k], self.end_chars[k]


def sentences(doc: Doc) -> Sentences | None:
    """The :class:`Sentences` of ``doc``; ``None`` when it is empty, has no sentence
    boundaries or a user hook defines its sentences (then ask ``Token.sent``)."""
    if (not len(doc) or not doc.has_annotation("SENT_START") or "sent" in doc.user_token_hooks
            or "sent" in doc.user_span_hooks or "sents" in doc.user_hooks):
        return None
    return Sentences(doc)
