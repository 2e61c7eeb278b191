"""Sentiment toward a target mention: ``sentiment_toward(text, start, end)``."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from ..article import check_text
from ..errors import FramingWarning, InputTypeError, InputValueError
from .features import TokenTable, dense_features, featurize

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["BACKENDS", "TargetSentiment", "score_label", "score_targets", "sentiment_toward", "sentiment_toward_many"]

BACKENDS = ("model", "vader")
_VADER_THRESHOLD = 0.05


@dataclass(frozen=True)
class TargetSentiment:
    """The sentiment of a text toward one target mention.

    Attributes
    ----------
    label : {"negative", "neutral", "positive"}
    score : float
        In [-1, 1]: P(positive) - P(negative) for the model backend, VADER's compound
        score of the target's context for the VADER backend.
    probabilities : dict
        Class probabilities (model backend; empty for VADER).
    backend : str
    """

    label: str
    score: float
    probabilities: dict[str, float] = field(default_factory=dict)
    backend: str = "model"

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "score": self.score, "probabilities": dict(self.probabilities), "backend": self.backend}


def score_label(score: float, threshold: float = 0.1) -> str:
    """The label of a mean score: negative below ``-threshold``, positive above ``threshold``."""
    if score <= -threshold:
        return "negative"
    if score >= threshold:
        return "positive"
    return "neutral"


def _check_backend(backend: str) -> None:
    if backend not in BACKENDS:
        raise InputValueError(f"[E100] unknown sentiment backend {backend!r}; choose one of {BACKENDS}.")


def _check_span(length: int, start: Any, end: Any) -> None:
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise InputTypeError(f"[E101] target offsets must be integers, got {type(start).__name__} and {type(end).__name__}.")
    if not (0 <= start < end <= length):
        raise InputValueError(f"[E102] target ({start}, {end}) is not a non-empty span of a text of length {length}.")


def score_targets(
    doc: Doc,
    spans: Sequence[tuple[int, int]],
    *,
    backend: str = "model",
    quoted: Sequence[bool] | None = None,
    nlp: Language | None = None,
) -> list[TargetSentiment]:
    """Score many targets of one parsed Doc (the batch API: no parsing here).

    Parameters
    ----------
    doc : spacy.tokens.Doc
    spans : sequence of (start, end)
        Character offsets of the targets in ``doc.text``.
    backend : {"model", "vader"}
    quoted : sequence of bool, optional
        Whether each target sits inside a quotation (a feature of the model).
    nlp : spacy.Language, optional
        The pipeline that parsed ``doc``. The model reads the pipeline's token vectors
        (``doc.tensor``) only when they come from the pipeline it was trained with; a Doc
        from a pipeline :func:`framing.load_pipeline` returned is recognised without it.
        Otherwise the model does without them (macro-F1 about 0.02 lower in
        cross-validation: 0.656 against 0.680, measured with features v3).
    """
    _check_backend(backend)
    if not spans:
        return []
    # len(doc.text) without rebuilding the text from every token (what doc.text does)
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    for start, end in spans:
        _check_span(length, start, end)
    if backend == "vader":
        return [_vader(doc, s, e) for s, e in spans]
    from .model import default_model

    model = default_model()
    flags = list(quoted) if quoted is not None else [False] * len(spans)
    table = TokenTable(doc)
    rows = [featurize(doc, s, e, quoted=q, table=table) for (s, e), q in zip(spans, flags)]
    dense = None
    if model.dense_pipeline is not None and table.tensor is not None:
        if _same_pipeline(doc, nlp, model.dense_pipeline):
            dense = [dense_features(doc, s, e, table=table) for s, e in spans]
        elif nlp is None or getattr(nlp, "vocab", None) is not doc.vocab:
            warnings.warn("score_targets: cannot tell which pipeline parsed this Doc, so the model does without its "
                          f"token vectors (macro-F1 about 0.02 lower); pass nlp= (the model's: {model.dense_pipeline})",
                          FramingWarning, stacklevel=2)
    proba = model.proba(rows, dense, _static(doc, spans, table) if model.static_coef is not None else None)
    classes = model.classes
    i_neg, i_pos = classes.index("negative"), classes.index("positive")
    out = []
    for p in proba:
        label = classes[int(p.argmax())]
        out.append(TargetSentiment(label, float(p[i_pos] - p[i_neg]), {c: float(v) for c, v in zip(classes, p)}, "model"))
    return out


def _static(doc: Doc, spans: Sequence[tuple[int, int]], table: TokenTable) -> list[np.ndarray | None]:
    """Each span's static-vector features (:mod:`.static`), ``None`` for a span covering no token."""
    from .static import default_vectors, static_features

    vectors = default_vectors()
    out: list[np.ndarray | None] = []
    for start, end in spans:
        target = doc.char_span(start, end, alignment_mode="expand")
        if target is None or len(target) == 0:
            out.append(None)
            continue
        bounds = table.sentence_bounds(target.start) if doc.has_annotation("SENT_START") else (0, len(doc))
        out.append(static_features(doc, target, bounds, table, vectors))
    return out


def _same_pipeline(doc: Doc, nlp: Language | None, name: str) -> bool:
    """Whether ``doc`` was parsed by the pipeline called ``name`` (``nlp``, or one that
    :func:`framing.load_pipeline` loaded and whose vocabulary the Doc shares)."""
    from ..pipeline import pipeline_name, pipeline_of

    for candidate in (nlp, pipeline_of(doc)):
        if candidate is not None and getattr(candidate, "vocab", None) is doc.vocab:
            return pipeline_name(candidate) == name
    return False


def _vader(doc: Doc, start: int, end: int) -> TargetSentiment:
    """VADER on the target's clause (its governing verb's subtree) or, unparsed, its sentence."""
    analyzer = _vader_analyzer()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        context = doc.text
    else:
        sent = span[0].sent if doc.has_annotation("SENT_START") else doc[:]
        context_tokens = list(sent)
        if doc.has_annotation("DEP"):
            gov = span.root.head
            sub = list(gov.subtree)
            if len(sub) >= 4:
                context_tokens = sub
        context = "".join(t.text_with_ws for t in context_tokens if not (span.start <= t.i < span.end))
    score = float(analyzer.polarity_scores(context)["compound"])
    label = "positive" if score >= _VADER_THRESHOLD else "negative" if score <= -_VADER_THRESHOLD else "neutral"
    return TargetSentiment(label, score, {}, "vader")


_ANALYZER: Any = None


def _vader_analyzer() -> Any:
    global _ANALYZER
    if _ANALYZER is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        _ANALYZER = SentimentIntensityAnalyzer()
    return _ANALYZER


def _pipeline(nlp: Any, method: str) -> Any:
    """``None`` (the default pipeline), a pipeline name, or anything with ``method`` (a
    spaCy Language, or a stand-in that parses); InputTypeError [E143] otherwise."""
    if nlp is None or isinstance(nlp, str):
        from ..pipeline import load_pipeline

        return load_pipeline(nlp)
    if not callable(getattr(nlp, method, None)):
        raise InputTypeError(
            f"[E143] nlp must be a spaCy Language or the name of an installed pipeline, got {type(nlp).__name__}."
        )
    return nlp


def sentiment_toward(text: str, start: int, end: int, *, nlp: Language | None = None, backend: str = "model") -> TargetSentiment:
    """The sentiment of ``text`` toward the mention ``text[start:end]``.

    Parameters
    ----------
    text : str
    start, end : int
        Character offsets of the target (``end`` exclusive).
    nlp : spacy.Language or str, optional
        Pipeline to parse with, or its name (default: :func:`framing.load_pipeline`).
    backend : {"model", "vader"}

    Examples
    --------
    >>> text = "Haftar forces bombed the port, killing three civilians."
    >>> sentiment_toward(text, 0, 13).label          # doctest: +SKIP
    'negative'
    """
    if not isinstance(text, str):
        raise InputTypeError(f"[E103] sentiment_toward needs a str text, got {type(text).__name__}.")
    check_text(text)
    _check_backend(backend)
    _check_span(len(text), start, end)
    nlp = _pipeline(nlp, "__call__")
    return score_targets(nlp(text), [(start, end)], backend=backend, nlp=nlp)[0]


def _checked_item(n: int, item: Any) -> tuple[str, list[tuple[int, int]]]:
    """``(text, [(start, end), ...])`` checked: str text, valid Unicode, in-range pairs."""
    if not (isinstance(item, (tuple, list)) and len(item) == 2 and isinstance(item[0], str)):
        raise InputTypeError(f"[E104] item #{n} must be (text, [(start, end), ...]).")
    text = check_text(item[0])
    try:
        targets = [tuple(t) for t in item[1]]
    except TypeError:
        targets = None
    if targets is None or not all(len(t) == 2 for t in targets):
        raise InputTypeError(f"[E104] item #{n} must be (text, [(start, end), ...]); its targets are not (start, end) pairs.")
    for start, end in targets:
        _check_span(len(text), start, end)
    return text, targets  # type: ignore[return-value]


def sentiment_toward_many(
    items: Iterable[tuple[str, Sequence[tuple[int, int]]]],
    *,
    nlp: Language | None = None,
    backend: str = "model",
    batch_size: int = 64,
) -> list[list[TargetSentiment]]:
    """Many texts, many targets each: ``[(text, [(start, end), ...]), ...]``.

    Each distinct text is parsed once (``nlp.pipe``); results come back in input order,
    one list per item.
    """
    _check_backend(backend)
    items = [_checked_item(n, item) for n, item in enumerate(items)]
    nlp = _pipeline(nlp, "pipe")
    distinct = list(dict.fromkeys(text for text, _ in items))
    docs = dict(zip(distinct, nlp.pipe(distinct, batch_size=batch_size)))
    return [score_targets(docs[text], list(spans), backend=backend, nlp=nlp) for text, spans in items]
