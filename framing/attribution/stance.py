"""How the outlet frames a claim: the stance of the reporting verb that introduces it.

``framing/data/attribution_stance.tsv`` maps cue lemmas to ``neutral`` ("say", "tell",
"report"), ``endorsing`` ("confirm", "acknowledge", "point out", "reveal": the content is
presented as true) or ``distancing`` ("claim", "allege", "insist", "purport": doubt is cast
on it); see the file's header for its sources. A lemma not in the file has no stance.
"""

from __future__ import annotations

import functools

from ..data import tsv_rows

__all__ = ["STANCES", "stances"]

STANCES = ("neutral", "endorsing", "distancing")


@functools.lru_cache(maxsize=1)
def stances() -> dict[str, str]:
    """Cue lemma -> stance, loaded once."""
    return {lemma: stance for lemma, stance in tsv_rows("attribution_stance.tsv")}
