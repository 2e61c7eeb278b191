"""One attribution: cue, source and content as character spans, and how it was found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Attribution"]


@dataclass
class Attribution:
    """One attribution, as token and character offsets into the Doc's text."""

    kind: str
    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    content_parts: list[tuple[int, int]] = field(default_factory=list)
    source_head: int | None = None  # char offset of the source's head token
    source_token: Any = None
    #: "topic" when the source is the subject of a passive that is not a speech or cognition
    #: verb ("Sanders is seen as ..."): what is talked about, dropped as the source once the
    #: cue model has decided; "meeting" for a meeting verb ("the situation in Libya was
    #: discussed"), whose attribution goes too when it has no content; "" otherwise
    passive_topic: str = ""
