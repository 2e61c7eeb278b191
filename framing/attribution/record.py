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
    #: the source is the subject of a passive that is not a speech or cognition verb ("the
    #: situation in Libya was discussed"): the topic, dropped once the cue model has decided
    passive_topic: bool = False
