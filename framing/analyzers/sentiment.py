"""The ``sentiment`` analyzer: sentiment toward each actor, per mention, with the evidence.

Every mention the ``actors`` analyzer found is scored in its sentence by the target-aware
model (:mod:`framing.sentiment`), so "Haftar forces bombed the port, killing three
civilians" is negative toward Haftar's forces even in an otherwise neutral article; so is
every he/she/his/her (the person pronouns of ``framing/data/pronouns.tsv``, the list
source resolution reads) that stands for a person named before it. Per actor: a calibrated
score and label of the author's attitude (:mod:`framing.sentiment.aggregate`, chosen on
PerSenT), label counts, the number of mentions, the most negative and most positive
mentions with their sentence (cut to about 100 characters each side), and every mention
the score averages: ``{start, end, score, label, context}`` with the sentence it was scored
in as ``context``, so a report can show the sentence behind a number. A whole-article VADER
score is not reported: it saturates on long texts and says nothing about any actor.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ..attribution.resolve import pronouns
from ..lines import line_end, line_start
from ..sentiment.aggregate import default_aggregation, pronoun_targets
from ..sentiment.api import BACKENDS, score_label, score_targets
from ..sentiment.sentences import Sentences, sentences
from ..terminology.voice import RangeIndex
from .base import BaseAnalyzer, Context

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["SentimentAnalyzer"]

_EVIDENCE = 60


class SentimentAnalyzer(BaseAnalyzer):
    """Target-dependent sentiment toward every actor of the article.

    Parameters
    ----------
    backend : {"model", "vader"}
        The shipped logistic-regression model (default) or VADER on each mention's clause.
    types : tuple of str or None
        Actor types to score (default: all but places).
    evidence : int
        How many actors (the most mentioned) get evidence contexts; the others get the
        evidence mention spans only, which keeps profiles small.
    calibrate : bool
        The calibrated per-article score with pronoun mentions (default); ``False`` gives
        the plain mean of the actor's own mentions, labelled at +-0.1 (as before version 2).
    """

    name = "sentiment"
    version = "2"
    requires: tuple[str, ...] = ("actors",)

    def __init__(self, backend: str = "model", types: tuple[str, ...] | None = None, evidence: int = 8,
                 calibrate: bool = True):
        if backend not in BACKENDS:
            from ..errors import InputValueError

            raise InputValueError(f"[E100] unknown sentiment backend {backend!r}; choose one of {BACKENDS}.")
        self.backend = backend
        self.types = types
        self.evidence = evidence
        self.calibrate = calibrate

    def analyze(self, doc: Doc, context: Context) -> dict[str, Any]:
        items = [i for i in (context.results.get("actors") or {}).get("items") or []
                 if (i["type"] != "place" if self.types is None else i["type"] in self.types)]
        targets = self._targets(doc, items)
        quotes = RangeIndex(context.quotes())
        spans = [(m["start"], m["end"]) for _, m in targets]
        results = score_targets(doc, spans, backend=self.backend, quoted=[quotes.covers(s, e) for s, e in spans],
                                nlp=context.nlp) if spans else []
        per_actor: dict[str, list[tuple[dict[str, Any], Any]]] = {}
        for (actor_id, mention), result in zip(targets, results):
            per_actor.setdefault(actor_id, []).append((mention, result))
        # sentence bounds read once per Doc (False: none; None: ask Token.sent, a user hook defines them)
        has_sents = sentences(doc) or None if doc.has_annotation("SENT_START") else False
        ranked = sorted(per_actor, key=lambda a: -len(per_actor[a]))
        with_context = set(ranked[: self.evidence])
        actors_out = {actor_id: self._actor(doc, context, sorted(scored, key=lambda mr: mr[0]["start"]), has_sents,
                                            actor_id in with_context)
                      for actor_id, scored in per_actor.items()}
        scores = [r.score for r in results]
        labels_all = Counter(r.label for r in results)
        n = len(scores)
        return {
            "backend": self.backend,
            "actors": actors_out,
            "metrics": {
                "mean_score": round(sum(scores) / n, 4) if n else None,
                "share_negative": labels_all["negative"] / n if n else None,
                "share_positive": labels_all["positive"] / n if n else None,
                "n_scored": n,
            },
        }

    def _targets(self, doc: Doc, items: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
        """(actor id, mention) to score: every mention of every actor and, when calibrated,
        the pronouns that stand for a person named before them (kind ``pronoun``)."""
        targets = [(item["id"], m) for item in items for m in item["mentions"]]
        if self.calibrate:
            people = [(item["id"], m["start"], m["end"]) for item in items if item["type"] == "person"
                      for m in item["mentions"]]
            words = {w for w, (_, types) in pronouns()[0].items() if "person" in types}
            targets += [(actor_id, {"start": s, "end": e, "kind": "pronoun"})
                        for actor_id, s, e in pronoun_targets(doc, people, words)]
        return targets

    def _actor(self, doc: Doc, context: Context, scored: list[tuple[dict[str, Any], Any]], has_sents: Any,
               with_context: bool) -> dict[str, Any]:
        scores = [r.score for _, r in scored]
        labels = Counter(r.label for _, r in scored)
        if self.calibrate:
            score, label = default_aggregation()(scores, list(labels), [m.get("kind") == "pronoun" for m, _ in scored])
        else:
            score = sum(scores) / len(scores)
            label = score_label(score)
        neg_m, neg_r = min(scored, key=lambda mr: mr[1].score)
        pos_m, pos_r = max(scored, key=lambda mr: mr[1].score)
        return {
            "score": round(score, 4),
            "label": label,
            "n": len(scores),
            "labels": {k: labels.get(k, 0) for k in ("negative", "neutral", "positive")},
            "most_negative": self._evidence(doc, context, neg_m, neg_r, has_sents, with_context),
            "most_positive": (self._evidence(doc, context, pos_m, pos_r, has_sents, with_context)
                              if len(scored) > 1 else None),
            "mentions": [self._mention(doc, context, m, r, has_sents) for m, r in scored],
        }

    @staticmethod
    def _mention(doc: Doc, context: Context, mention: dict[str, Any], result: Any, has_sents: Any) -> dict[str, Any]:
        """One scored mention with the sentence it was scored in (the evidence behind the number)."""
        lo, hi = _sentence_bounds(doc, context.text, mention["start"], mention["end"], has_sents)
        out = {"start": mention["start"], "end": mention["end"], "score": round(result.score, 3),
               "label": result.label, "context": context.span(lo, hi)}
        if mention.get("kind") == "pronoun":
            out["kind"] = "pronoun"
        return out

    @staticmethod
    def _evidence(doc: Doc, context: Context, mention: dict[str, Any], result: Any, has_sents: Any,
                  with_context: bool = True) -> dict[str, Any]:
        if not with_context:
            return {"score": round(result.score, 4), "label": result.label, "mention": context.span(mention["start"], mention["end"]),
                    "context": None}
        text = context.text
        lo, hi = _sentence_bounds(doc, text, mention["start"], mention["end"], has_sents)
        # the sentence, cut to a window of about 100 characters on each side at word boundaries
        start, end = max(lo, mention["start"] - _EVIDENCE), min(hi, mention["end"] + _EVIDENCE)
        if start > lo:
            space = text.find(" ", start, mention["start"])
            start = space + 1 if space >= 0 else start
        if end < hi:
            space = text.rfind(" ", mention["end"], end)
            end = space if space >= 0 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        return {
            "score": round(result.score, 4),
            "label": result.label,
            "mention": context.span(mention["start"], mention["end"]),
            "context": context.span(start, end),
        }


def _sentence_bounds(doc: Doc, text: str, start: int, end: int, has_sents: Any) -> tuple[int, int]:
    """The character bounds of the sentence holding ``text[start:end]``, whitespace trimmed;
    without sentence boundaries (``has_sents`` False), its line. Always contains the
    mention. ``has_sents`` may be the Doc's :class:`~framing.sentiment.sentences.Sentences`
    (read once per Doc); otherwise each call asks ``Token.sent``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span) and has_sents is not False:
        if not isinstance(has_sents, Sentences):
            sent = span[0].sent
            first, last = sent.start_char, sent.end_char
        else:
            first, last = has_sents.char_bounds(span.start)
        lo, hi = min(first, start), max(last, end)
    else:
        lo, hi = line_start(text, start), line_end(text, end)
    while lo < start and text[lo].isspace():
        lo += 1
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    return lo, hi
