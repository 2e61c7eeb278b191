"""Contested terms: word sets for one referent with different connotations.

The shipped lexicon (``framing/data/contested_terms.tsv``) lists sets such as
regime / government / administration or militia / forces / army. Users extend it::

    terms = ContestedTerms.default().extend([("leader", "tyrant", "tyrant|tyrants", "negative")])
    framing.analyze(text, analyzers=[TerminologyAnalyzer(contested=terms)])
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..data import tsv_rows
from ..errors import InputValueError

__all__ = ["ContestedTerm", "ContestedTerms"]

_CONNOTATIONS = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class ContestedTerm:
    """One term of a contested set, with the lowercase surface forms that count for it."""

    set: str
    term: str
    forms: tuple[tuple[str, ...], ...]
    connotation: str = "neutral"


class ContestedTerms:
    """A contested-term lexicon, matched on lowercase token sequences.

    Parameters
    ----------
    terms : iterable of ContestedTerm
    """

    def __init__(self, terms: Iterable[ContestedTerm]):
        self.terms: tuple[ContestedTerm, ...] = tuple(terms)
        # first word -> [(words, term)], longest forms first
        index: dict[str, list[tuple[tuple[str, ...], ContestedTerm]]] = {}
        for term in self.terms:
            if term.connotation not in _CONNOTATIONS:
                raise InputValueError(
                    f"[E070] contested term {term.term!r}: connotation must be one of {_CONNOTATIONS}, got {term.connotation!r}."
                )
            for form in term.forms:
                index.setdefault(form[0], []).append((form, term))
        for forms in index.values():
            forms.sort(key=lambda f: -len(f[0]))
        self._index = index

    def __len__(self) -> int:
        return len(self.terms)

    @property
    def sets(self) -> list[str]:
        """Names of the sets, in lexicon order."""
        return list(dict.fromkeys(t.set for t in self.terms))

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[str]]) -> ContestedTerms:
        """Build from ``(set, term, forms, connotation)`` rows; ``forms`` separated by ``|``."""
        terms = []
        for n, row in enumerate(rows, 1):
            if len(row) < 3:
                raise InputValueError(f"[E071] contested-term row {n} needs set, term and forms, got {list(row)!r}.")
            set_, term, forms = (c.strip() for c in row[:3])
            connotation = row[3].strip() if len(row) > 3 and row[3].strip() else "neutral"
            parsed = tuple(tuple(f.lower().split()) for f in forms.split("|") if f.strip())
            if not set_ or not term or not parsed:
                raise InputValueError(f"[E071] contested-term row {n} has an empty set, term or forms: {list(row)!r}.")
            terms.append(ContestedTerm(set_, term, parsed, connotation))
        return cls(terms)

    @classmethod
    def load(cls, path: str | Path) -> ContestedTerms:
        """Read a TSV with the shipped file's columns (``#`` lines are comments)."""
        return cls.from_rows(_read_tsv(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def default(cls) -> ContestedTerms:
        """The lexicon shipped with framing (cached)."""
        return _default()

    def extend(self, rows: Iterable[Sequence[str] | ContestedTerm]) -> ContestedTerms:
        """A new lexicon with more terms (rows or :class:`ContestedTerm`)."""
        items = list(rows)
        given = [r for r in items if isinstance(r, ContestedTerm)]
        parsed = ContestedTerms.from_rows([r for r in items if not isinstance(r, ContestedTerm)]).terms
        return ContestedTerms([*self.terms, *given, *parsed])

    def find(self, words: Sequence[str]) -> list[tuple[int, int, ContestedTerm]]:
        """Non-overlapping matches in a sequence of lowercase words: (first, end, term)."""
        out: list[tuple[int, int, ContestedTerm]] = []
        i, n = 0, len(words)
        while i < n:
            step = 1
            for form, term in self._index.get(words[i], ()):
                k = len(form)
                if tuple(words[i : i + k]) == form:
                    out.append((i, i + k, term))
                    step = k
                    break
            i += step
        return out


def _read_tsv(text: str) -> list[list[str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter="\t"))
    if rows and [c.strip().lower() for c in rows[0][:3]] == ["set", "term", "forms"]:
        rows = rows[1:]
    return rows


@functools.lru_cache(maxsize=1)
def _default() -> ContestedTerms:
    return ContestedTerms.from_rows(tsv_rows("contested_terms.tsv"))
