"""The attribution cue lexicon: which words introduce what someone said, thinks or wants.

Learned from the training split of PolNeAR (Newell, Margolin & Ruths, LREC 2018) by
``benchmarks/build_attribution_lexicon.py``: for every lemma that heads a gold cue, how often
it does (``n_cue``) out of its occurrences (``n_total``). ``ratio`` is the estimate of
P(cue | lemma) the extractor thresholds on. The file ships as TSV with its provenance in the
header; no pickles.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..data import tsv_rows

__all__ = ["CueLexicon", "coarse_pos", "default_lexicon"]


def coarse_pos(tok: Any) -> str:
    """The lexicon's part-of-speech class of a spaCy token: VERB (verbs and auxiliaries),
    NOUN (nouns and proper nouns), ADP or OTHER."""
    if tok.pos_ in ("VERB", "AUX"):
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    if tok.pos_ == "ADP":
        return "ADP"
    return "OTHER"


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    pos: str
    n_cue: int
    n_total: int

    @property
    def ratio(self) -> float:
        return self.n_cue / self.n_total if self.n_total else 0.0


class CueLexicon:
    """Cue lemmas by coarse part of speech, with their learned cue ratio."""

    def __init__(self, entries: list[CueEntry], *, min_ratio: float = 0.3, min_count: int = 2):
        self.entries = entries
        self.min_ratio = min_ratio
        self.min_count = min_count
        self._index = {(e.lemma, e.pos): e for e in entries}

    def ratio(self, lemma: str, pos: str) -> float:
        entry = self._index.get((lemma, pos))
        return entry.ratio if entry is not None else 0.0

    def counts(self, lemma: str, pos: str) -> tuple[int, int]:
        """(gold cues the lemma heads, its occurrences) in the training data; (0, 0) if unknown."""
        entry = self._index.get((lemma, pos))
        return (entry.n_cue, entry.n_total) if entry is not None else (0, 0)

    def is_cue(self, lemma: str, pos: str) -> bool:
        entry = self._index.get((lemma, pos))
        return entry is not None and entry.n_cue >= self.min_count and entry.ratio >= self.min_ratio

    def with_threshold(self, min_ratio: float, min_count: int | None = None) -> CueLexicon:
        return CueLexicon(self.entries, min_ratio=min_ratio, min_count=self.min_count if min_count is None else min_count)

    @classmethod
    def from_tsv(cls, text: str, **kwargs: float) -> CueLexicon:
        lines = [line for line in text.splitlines()
                 if line.strip() and not line.startswith("#") and not line.startswith("lemma\t")]
        return cls(_entries(line.split("\t") for line in lines), **kwargs)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: str | Path, **kwargs: float) -> CueLexicon:
        return cls.from_tsv(Path(path).read_text(encoding="utf-8"), **kwargs)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> CueLexicon:
    """The shipped lexicon (``framing/data/attribution_cues.tsv``), loaded once."""
    return CueLexicon(_entries(tsv_rows("attribution_cues.tsv")))


def _entries(table: Iterable[list[str]]) -> list[CueEntry]:
    """Lexicon entries from ``lemma, pos, n_cue, n_total`` rows (later columns ignored)."""
    entries = []
    for row in table:
        lemma, pos, n_cue, n_total = row[:4]
        entries.append(CueEntry(lemma, pos, int(n_cue), int(n_total)))
    return entries
