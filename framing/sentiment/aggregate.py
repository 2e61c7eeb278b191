"""The sentiment of an article toward an actor, from the scores of its mentions.

A mention's score says how its sentence speaks of the actor; an article's score should say
what a reader would call the author's attitude toward the actor. Two things close most of
that gap on PerSenT (articles labelled with the author's sentiment toward their main person):

- sentences that speak of a person without repeating the name ("He built the company from
  nothing") count too: :func:`pronoun_targets` gives each he/she/his/her to the person
  named last before it, and those mentions weigh ``pronoun_weight`` in the mean. (The
  pronoun words are the person pronouns of ``framing/data/pronouns.tsv``, the list source
  resolution reads; source resolution's own choice of antecedent, by subject position and
  gender, scores lower here: nested CV 0.476 against 0.500 over ten seeds, see
  docs/evaluation.md);
- the mention model leans negative on news prose, so the weighted mean is mapped through a
  neutral band chosen by cross-validation (``band``) onto a calibrated score whose
  neutral band is ``[-LABEL_THRESHOLD, LABEL_THRESHOLD]``.

The constants live in ``data/aggregation.json``, written by ``benchmarks/eval_persent.py
--write`` with the cross-validated scores that chose them.
"""

from __future__ import annotations

import bisect
import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any, Collection, Iterable, Sequence

from .api import score_label

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["LABEL_THRESHOLD", "Aggregation", "default_aggregation", "from_dict", "pronoun_targets"]

#: |calibrated score| from which an article's label is negative or positive (what
#: ``score_label`` uses by default, so a comparison's mean of calibrated scores reads alike)
LABEL_THRESHOLD = 0.1


def pronoun_targets(doc: Doc, person_mentions: Iterable[tuple[str, int, int]],
                    words: Collection[str]) -> list[tuple[str, int, int]]:
    """``(actor id, start, end)`` of every pronoun in ``words`` (lowercase) after a person's
    mention, given to the person whose mention (``(actor id, start, end)``) comes last before
    it. Pronouns inside a mention and those before any person is named are left out."""
    named = sorted((start, end, actor) for actor, start, end in person_mentions)
    if not named:
        return []
    starts = [s for s, _, _ in named]
    out = []
    for idx, text in _tokens_in(doc, words):
        k = bisect.bisect_right(starts, idx) - 1
        if k < 0 or named[k][1] > idx:
            continue
        out.append((named[k][2], idx, idx + len(text)))
    return out


def _tokens_in(doc: Doc, words: Collection[str]) -> list[tuple[int, str]]:
    """``(token.idx, token.text)`` of the tokens whose lower-cased text is in ``words``, in
    order, read with one ``doc.to_array`` (each distinct text looked up once)."""
    if not len(doc):
        return []
    import numpy as np
    from spacy.attrs import IDX, ORTH

    arr = doc.to_array([IDX, ORTH])
    strings = doc.vocab.strings
    distinct, inverse = np.unique(arr[:, 1], return_inverse=True)
    texts = [strings[i] for i in distinct.tolist()]
    wanted = [k for k, text in enumerate(texts) if text.lower() in words]
    rows = np.flatnonzero(np.isin(inverse.reshape(-1), wanted)).tolist()
    idx = arr[:, 0].astype(np.int64)
    inverse = inverse.reshape(-1)
    return [(int(idx[r]), texts[inverse[r]]) for r in rows]


@dataclass(frozen=True)
class Aggregation:
    """How mention scores make an article's score toward an actor.

    Attributes
    ----------
    pronoun_weight : float
        Weight of a pronoun mention in the mean (a name weighs 1).
    band : (float, float)
        The weighted mean mention score maps to 0 at the band's middle and to
        ``-LABEL_THRESHOLD`` / ``+LABEL_THRESHOLD`` at its ends; the map is piecewise
        linear and monotone, with -1 and 1 fixed.
    meta : dict
        Where the constants come from (data, command, cross-validated scores).
    """

    pronoun_weight: float
    band: tuple[float, float]
    meta: dict[str, Any]

    def weighted_mean(self, scores: Sequence[float], is_pronoun: Sequence[bool]) -> float:
        """The mean of ``scores``, pronoun mentions weighing ``pronoun_weight``."""
        weights = [self.pronoun_weight if p else 1.0 for p in is_pronoun]
        total = sum(weights)
        if total <= 0:
            return sum(scores) / len(scores)
        return sum(w * s for w, s in zip(weights, scores)) / total

    def calibrate(self, mean: float) -> float:
        """The calibrated score of a weighted mean: monotone, in [-1, 1], 0 mid-band."""
        lo, hi = self.band
        t = LABEL_THRESHOLD
        mid = (lo + hi) / 2
        if mean <= lo:
            value = -1 + (1 - t) * (mean + 1) / (lo + 1)
        elif mean >= hi:
            value = t + (1 - t) * (mean - hi) / (1 - hi)
        else:
            value = t * (mean - mid) / (hi - mid)
        return max(-1.0, min(1.0, value))

    def __call__(self, scores: Sequence[float], labels: Sequence[str], is_pronoun: Sequence[bool]) -> tuple[float, str]:
        """(calibrated score, label) of one actor's mentions. The label is negative or
        positive only when some mention has that label; otherwise it is neutral and the
        score, kept in order, is folded into the outer half of the neutral band on its side
        (``[t/2, t)`` for ``[t, 1]``), so score and label never disagree."""
        score = self.calibrate(self.weighted_mean(scores, is_pronoun))
        label = score_label(score, LABEL_THRESHOLD)
        if label != "neutral" and label not in labels:
            t = LABEL_THRESHOLD
            folded = t / 2 + (t / 2 - 1e-3) * (abs(score) - t) / (1 - t)
            score = folded if score > 0 else -folded
            label = "neutral"
        return score, label


def from_dict(data: dict[str, Any]) -> Aggregation:
    """An :class:`Aggregation` from the JSON of ``data/aggregation.json``."""
    lo, hi = (float(x) for x in data["band"])
    if not -1 < lo < hi < 1:
        from ..errors import InputValueError

        raise InputValueError(f"[E107] sentiment aggregation: band must satisfy -1 < lo < hi < 1, got {data['band']}")
    return Aggregation(float(data["pronoun_weight"]), (lo, hi), data)


@functools.lru_cache(maxsize=1)
def default_aggregation() -> Aggregation:
    """The aggregation shipped in ``framing/sentiment/data/aggregation.json`` (loaded once)."""
    text = resources.files("framing.sentiment").joinpath("data", "aggregation.json").read_text(encoding="utf-8")
    return from_dict(json.loads(text))
