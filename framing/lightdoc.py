"""Docs without the pipeline: tokens and rule-based sentences, for runs whose analyzers
read tokens and sentences but no parse. Many times faster than the trained pipeline.

The sentence rule is spaCy's ``Sentencizer`` (a sentence ends after a run of sentence-final
punctuation), computed from two integer arrays instead of a ``Token`` object per token.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["light_doc", "n_words"]


def light_doc(nlp: Language, text: str) -> Doc:
    """``text`` tokenized by ``nlp``'s tokenizer, with the sentence starts spaCy's
    ``Sentencizer`` would set (its default punctuation)."""
    import numpy
    from spacy.attrs import IS_PUNCT, ORTH, SENT_START
    from spacy.pipeline import Sentencizer

    from .segment import tokenize

    doc = tokenize(nlp, text)
    if not len(doc):
        return doc
    enders = {nlp.vocab.strings.add(c) for c in Sentencizer.default_punct_chars}
    orth, punct = doc.to_array([ORTH, IS_PUNCT]).T.tolist()
    starts = numpy.full(len(doc), -1, dtype="int64")  # -1: not a start; 1: a start
    start, seen_end = 0, False
    for i, (o, p) in enumerate(zip(orth, punct)):
        is_ender = o in enders
        if seen_end and not p and not is_ender:
            starts[start], start, seen_end = 1, i, False
        elif is_ender:
            seen_end = True
    starts[start] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))  # spaCy's layout: -1 wraps
    return doc


def n_words(doc: Doc) -> int:
    """Tokens that are neither punctuation nor whitespace (as ``Context.words``), counted
    from one array read."""
    from spacy.attrs import IS_PUNCT, IS_SPACE

    if not len(doc):
        return 0
    flags = doc.to_array([IS_PUNCT, IS_SPACE])
    return int((flags.sum(axis=1) == 0).sum())
