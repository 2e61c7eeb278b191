"""Distinctive terms between groups of articles: "Fightin' Words".

The weighted log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn
(2008, *Political Analysis* 16(4), "Fightin' Words: Lexical Feature Selection and Evaluation
for Identifying the Content of Political Conflict"). For each group against the rest of the
corpus and each word ``w``::

    delta_w = log((y_gw + a_w) / (n_g + a_0 - y_gw - a_w)) - log((y_rw + a_w) / (n_r + a_0 - y_rw - a_w))
    var_w   = 1 / (y_gw + a_w) + 1 / (y_rw + a_w)
    z_w     = delta_w / sqrt(var_w)

where ``y`` are word counts, ``n`` the group's and the rest's totals, and the prior
``a_w = a_0 * (corpus frequency of w)``. Unlike raw frequency differences, ``z`` neither
favours rare words nor drowns in function words.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any, Mapping, Sequence

from ..errors import InputTypeError, InputValueError

__all__ = ["distinctive_terms", "english_frequencies", "log_odds", "term_counts"]

_WORD = re.compile(r"[^\W\d_]{2,}(?:['’-][^\W\d_]+)*", re.UNICODE)


def term_counts(item: Any, *, boilerplate: bool = True) -> Counter:
    """Content-word counts of a raw text (without its page boilerplate unless
    ``boilerplate=False``), or the ``terminology.terms`` of a profile."""
    if isinstance(item, str):
        from spacy.lang.en.stop_words import STOP_WORDS

        if boilerplate:
            from ..coverage.boilerplate import strip_boilerplate

            item = strip_boilerplate(item)

        return Counter(w for w in (m.group(0).lower() for m in _WORD.finditer(item)) if w not in STOP_WORDS)
    section = None
    if isinstance(item, Mapping):
        section = (item.get("terminology") or {}) if "terminology" in item else None
    else:
        sections = getattr(item, "sections", None)
        if isinstance(sections, Mapping):
            section = sections.get("terminology") or {}
    if section is None:
        raise InputTypeError(
            f"[E072] distinctive_terms needs texts or profiles, got {type(item).__name__}."
        )
    terms = section.get("terms")
    if terms is None:
        raise InputValueError(
            "[E073] this profile has no terminology.terms: analyze with the 'terminology' analyzer (keep_terms=True)."
        )
    return Counter(terms)


def distinctive_terms(
    items: Sequence[Any],
    groups: Sequence[Any],
    *,
    top: int = 20,
    min_count: int = 3,
    prior: float = 1000.0,
    background: str | None = None,
    boilerplate: bool = True,
) -> dict[Any, list[dict[str, Any]]]:
    """The words most distinctive of each group against all the others.

    Parameters
    ----------
    items : sequence of str or ArticleProfile (or profile dicts)
        Raw texts, or profiles analysed with the ``terminology`` analyzer.
    groups : sequence
        The group of each item (an outlet, a bias rating, ...); at least two groups.
    top : int
        How many words per group (the highest z-scores).
    min_count : int
        Ignore words seen fewer times in the whole corpus.
    prior : float
        ``a_0``, the total weight of the Dirichlet prior.
    background : {None, "english"}
        The prior's word distribution: the corpus' own (default), or general English word
        frequencies from ``wordfreq`` ("english"), which keeps words every text uses from
        ranking high even for two short texts.
    boilerplate : bool
        Leave out page boilerplate of raw texts (captions, photo credits, sign-up
        prompts; the patterns of ``framing/data/boilerplate.tsv``).

    Returns
    -------
    dict
        ``{group: [{"term", "z", "log_odds", "count", "rate"}]}`` with groups in order of
        first appearance; ``rate`` is the word's count per 1,000 words in the group.

    Examples
    --------
    >>> texts = ["the regime bombed", "the regime fell", "the government met", "the government said"]
    >>> out = distinctive_terms(texts, ["a", "a", "b", "b"], min_count=1, top=1)
    >>> out["a"][0]["term"], out["b"][0]["term"]
    ('regime', 'government')
    """
    items = list(items)
    groups = list(groups)
    if len(items) != len(groups):
        raise InputValueError(f"[E074] {len(items)} items but {len(groups)} group labels.")
    order = list(dict.fromkeys(groups))
    if len(order) < 2:
        raise InputValueError("[E075] distinctive_terms needs at least two groups.")
    by_group: dict[Any, Counter] = {g: Counter() for g in order}
    for item, group in zip(items, groups):
        by_group[group].update(term_counts(item, boilerplate=boilerplate))
    return log_odds(by_group, top=top, min_count=min_count, prior=prior, background=background)


def english_frequencies(terms: Sequence[str]) -> dict[str, float]:
    """General-English frequency of each term (multi-word terms too), from ``wordfreq``.

    wordfreq (Robyn Speer; code Apache-2.0, data CC BY-SA 4.0, shipped in its wheel)
    combines Wikipedia, subtitles, news, books, web text and social media. A multi-word
    term ("sea port", "al-sarraj") gets the half-harmonic mean of its words' frequencies
    (wordfreq's own rule for phrases); a term with a word it does not know gets its floor
    frequency, 1e-8.
    """
    table = _english_table()
    out = {}
    for term in terms:
        words = _WORD.findall(term.lower()) or [term]
        if all(w in table for w in words):
            out[term] = 1.0 / sum(1.0 / table[w] for w in words)
        else:
            out[term] = _FLOOR  # a word wordfreq has never seen
    return out


_FLOOR = 1e-8


@functools.lru_cache(maxsize=1)
def _english_table() -> dict[str, float]:
    """wordfreq's English word -> frequency table ("large" list), loaded once.

    Read from the package's data file directly: importing ``wordfreq`` itself costs a
    second or more (it inspects the call stack to find its data folder). The file is
    wordfreq's documented "cBpack" (gzipped msgpack: a header, then one list of words per
    centibel of frequency); anything unexpected falls back to ``wordfreq.get_frequency_dict``.
    """
    import gzip
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise InputValueError("[E077] background='english' needs the wordfreq package (pip install wordfreq).")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "large_en.msgpack.gz"
    try:
        import msgpack

        with gzip.open(path, "rb") as fh:
            data = msgpack.load(fh, raw=False)
        if data[0] != {"format": "cB", "version": 1}:
            raise ValueError(data[0])
    except (OSError, ValueError, ImportError):  # another wordfreq layout: ask wordfreq
        from wordfreq import get_frequency_dict

        return get_frequency_dict("en")
    return {word: 10 ** (-index / 100) for index, bucket in enumerate(data[1:]) for word in bucket}


def log_odds(
    by_group: Mapping[Any, Mapping[str, int]],
    *,
    top: int = 20,
    min_count: int = 3,
    prior: float = 1000.0,
    background: str | None = None,
) -> dict[Any, list[dict[str, Any]]]:
    """Weighted log-odds with an informative Dirichlet prior, each group against the rest.

    ``by_group`` maps each group to its term counts. The prior's shape is the corpus'
    own term distribution (``background=None``) or general English
    (``background="english"``, :func:`english_frequencies` renormalised over the
    vocabulary); ``prior`` is its total weight ``a_0``.
    """
    import numpy as np

    if background not in (None, "english"):
        raise InputValueError(f"[E078] background must be None or 'english', got {background!r}.")
    if prior <= 0:
        raise InputValueError(f"[E076] prior must be positive, got {prior}.")
    order = list(by_group)
    total: Counter = Counter()
    for counts in by_group.values():
        total.update(counts)
    vocab = sorted(w for w, c in total.items() if c >= min_count)
    if not vocab or sum(total[w] for w in vocab) == 0:
        return {g: [] for g in order}
    column = {w: k for k, w in enumerate(vocab)}
    y = np.zeros((len(order), len(vocab)))
    for g, group in enumerate(order):
        for w, c in by_group[group].items():
            k = column.get(w)
            if k is not None:
                y[g, k] = c
    t = y.sum(axis=0)
    if background == "english":
        freq = english_frequencies(vocab)
        shape = np.array([freq[w] for w in vocab])
    else:
        shape = t
    a = prior * shape / shape.sum()
    n = y.sum(axis=1, keepdims=True)
    rest, n_rest = t - y, n.sum() - n
    delta = np.log((y + a) / (n + prior - y - a)) - np.log((rest + a) / (n_rest + prior - rest - a))
    z = delta / np.sqrt(1.0 / (y + a) + 1.0 / (rest + a))
    out: dict[Any, list[dict[str, Any]]] = {}
    for g, group in enumerate(order):
        ranked = sorted((k for k in np.flatnonzero(y[g] > 0)), key=lambda k: (-z[g, k], vocab[k]))[:top]
        n_g = float(n[g, 0])
        out[group] = [
            {"term": vocab[k], "z": float(z[g, k]), "log_odds": float(delta[g, k]), "count": int(y[g, k]),
             "rate": 1000.0 * y[g, k] / n_g if n_g else None}
            for k in ranked
        ]
    return out
