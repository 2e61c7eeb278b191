"""Rule-based attribution extraction on a dependency parse.

An attribution links a *cue* ("said", "according to", "believes"), a *source* (who says it)
and a *content* (what is said). The rules:

1. **Cue verbs** come from a lexicon learned on PolNeAR train (:mod:`.lexicon`): every verb
   or noun whose lemma heads gold cues is a candidate when the parse gives it a speaker or a
   content ("X said ...", "..., X said", "X told reporters that ...", "X believes ..."), and
   the cue model (:mod:`.model`) decides; without a model, the lemma's cue ratio does.
2. **Source**: the verb's subject, the agent of a passive ("was quoted by X"), or the subject
   inherited from the governing verb for participles and nested cues ("..., adding that",
   "the agency quoted Shoigu as saying that": the agency is the source of *quoted*, Shoigu
   of *saying*).
3. **Content**: the clausal complement (``ccomp``, ``xcomp``), else the object (the
   preposition's object for "accused X *of* ...", "apologized *for* ..."), else the
   quotation in or right before the sentence, else the sentence around a parenthetical cue
   ("The question, *she said*, is not so cut and dried"), else what follows a colon — the
   next paragraph, or a run of paragraphs that open with quotation marks, when the colon
   ends a lead-in ("Trump said:", "Breitbart News responded:", "Transcript as follows:").
   A quotation is content with its quotation marks and runs on into the quotations that
   follow it with no cue of their own, over paragraph breaks; a paragraph that opens with
   a quotation and has no cue continues the speaker of the paragraph before it. In an
   interview or a transcript (two or more lines that open with "Q:", "A:" or a capitalised
   name and a colon: "TAPPER:"), each such line is its speaker's turn.
4. **"according to X"**: cue "according to", source X, content the rest of the clause; the
   same for a poll or survey opening the sentence ("In a CNN poll, Clinton led ..."). A
   "reportedly" is a report with no source, its clause the content.
5. **Kind**: ``direct`` when the content is inside quotation marks, ``mixed`` when partly,
   ``according_to``, ``indirect`` for reported speech, ``other`` for beliefs and intentions
   (lemmas such as *believe*, *want*, *fear*).

The extraction is a sequence of passes, each a pure function of a :class:`~.layout.TextLayout`
(the text, its paragraphs, sentences and quotations) and the attributions found so far,
returning the attributions after it: :func:`find_cues` (one pass over the tokens, cue
finders in :mod:`.cues`, the cue model deciding), then :data:`PASSES` (colons in
:mod:`.colons`, quotations and credits in :mod:`.quotations`). Linear in the length of the
text.
"""


from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .colons import colon_attributions, paragraphs_after_colon
from .cues import according_to, in_poll, noun_cue, reportedly, takes_clause, verb_cue
from .layout import Quotes, TextLayout
from .lexicon import coarse_pos
from .model import cue_features, strong_cues
from .quotations import (
    continue_quotations,
    credited_quotations,
    outlet_credits,
    quotation_marks_in_content,
    quotation_paragraphs_after,
)
from .record import Attribution

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .lexicon import CueLexicon
    from .model import CueModel

__all__ = ["PASSES", "Attribution", "coarse_pos", "extract", "find_cues"]

#: The passes after :func:`find_cues`, in order: each ``(layout, found) -> found``.
PASSES: tuple[Callable[[TextLayout, list[Attribution]], list[Attribution]], ...] = (
    colon_attributions, paragraphs_after_colon, credited_quotations, outlet_credits, continue_quotations,
    quotation_paragraphs_after, quotation_marks_in_content,
)


#: With a model, lemmas that head a cue less often than this (per occurrence) are not

#: candidates: "be" and "have" head a few hundred cues in 28,000 occurrences.

MIN_CANDIDATE_RATE = 0.02


def extract(doc: Doc, lexicon: CueLexicon, quote_ranges: list[tuple[int, int]], text: str | None = None,
            model: CueModel | None = None, collect: list[tuple[int, tuple[int, int], dict[str, float]]] | None = None,
            ) -> list[Attribution]:
    """All attributions in a parsed Doc (needs the dependency parse).

    ``text`` is ``doc.text`` when the caller already has it (analyzers do: ``context.text``).
    With a ``model`` (:class:`~framing.attribution.model.CueModel`), every verb or noun whose
    lemma heads gold cues in the lexicon's training data is a candidate and the model decides;
    without one, the lexicon's ratio threshold does. ``collect``, if a list, receives
    ``(token index, cue span, features)`` for every candidate the model saw (for training).
    """
    layout = TextLayout(doc, doc.text if text is None else text, quote_ranges)
    found = find_cues(layout, lexicon, model, collect)
    for step in PASSES:
        found = step(layout, found)
    return found


def find_cues(layout: TextLayout, lexicon: CueLexicon, model: CueModel | None = None,
              collect: list[tuple[int, tuple[int, int], dict[str, float]]] | None = None) -> list[Attribution]:
    """The first pass: every cue token's attribution (:mod:`.cues`), sentence by sentence,
    decided by the cue model when there is one; passive subjects that are topics dropped."""
    doc, quotes = layout.doc, layout.quotes
    out: list[Attribution] = []
    used_cues: set[int] = set()
    strong = strong_cues(doc, lexicon) if model is not None else {}
    pending: list[tuple[int, Token, Attribution, str, bool]] = []
    for sent in doc.sents:
        sent_start, sent_end = sent.start_char, sent.end_char
        sent_quotes = quotes.in_window(sent_start, sent_end)
        for tok in sent:
            if tok.i in used_cues:
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                att = according_to(layout, sent, tok)
                if att is not None:
                    out.append(att)
                    used_cues.update((tok.i, tok.i + 1))
                continue
            if tok.lower_ == "reportedly" and tok.dep_ == "advmod":
                att = reportedly(layout, tok, lexicon)
                if att is not None:
                    out.append(att)
                    used_cues.add(tok.i)
                continue
            if tok.i == sent.start and tok.lower_ == "in":
                att = in_poll(layout, sent, tok)
                if att is not None:
                    out.append(att)
                    used_cues.add(tok.i)
                    continue
            pos = coarse_pos(tok)
            if pos not in ("VERB", "NOUN"):
                continue
            lemma = tok.lemma_.lower()
            if model is not None:
                n_cue, n_total = lexicon.counts(lemma, pos)
                if n_cue < lexicon.min_count or n_cue < MIN_CANDIDATE_RATE * n_total:
                    continue
            elif not lexicon.is_cue(lemma, pos):
                # a weaker cue counts when it takes a clause with its own subject:
                # "Haftar believes that the war can be won"
                if not (pos == "VERB" and lexicon.ratio(lemma, pos) >= lexicon.min_ratio / 3 and takes_clause(tok)):
                    continue
            att = (verb_cue(layout, sent, tok, sent_quotes, model is not None) if pos == "VERB"
                   else noun_cue(doc, sent, tok, sent_quotes))
            if att is None:
                continue
            if model is not None:
                pending.append((len(out), tok, att, pos, bool(sent_quotes)))
            out.append(att)
            used_cues.add(tok.i)
    if model is not None:
        out = _decide(doc, out, pending, lexicon, model, quotes, strong, collect)
    return _drop_passive_topics(out)


def _decide(doc: Doc, found: list[Attribution], pending: list[tuple[int, Token, Attribution, str, bool]],
            lexicon: CueLexicon, model: CueModel, quotes: Quotes, strong: dict[int, tuple[str, int]],
            collect: list[tuple[int, tuple[int, int], dict[str, float]]] | None) -> list[Attribution]:
    """The cue model's verdict on every candidate (``pending``: its place in ``found``, token,
    attribution, coarse POS, whether its sentence holds a quotation), taken once every
    candidate's content is known, so that a candidate inside another one's content ("X said
    [Y *told* him ...]") can be told: PolNeAR annotates no attribution inside another."""
    parts = sorted(((p, a, t) for _, t, a, _, _ in pending for p in (a.content_parts or [])), key=lambda c: c[0])
    starts = [p[0] for p, _, _ in parts]
    rejected: set[int] = set()
    for k, tok, att, pos, sentence_quoted in pending:
        content_quoted = quotes.coverage(*att.content) if att.content is not None else 0.0
        cue_quoted = quotes.coverage(tok.idx, tok.idx + len(tok)) > 0
        lo, hi = att.cue
        j = bisect.bisect_right(starts, lo)
        outer = next(((a, t) for (s, e), a, t in reversed(parts[max(0, j - 50):j]) if a is not att and s <= lo and hi <= e),
                     None)
        features = cue_features(doc, tok, att, lexicon, pos, sentence_quoted, content_quoted, cue_quoted, strong, outer)
        if collect is not None:
            collect.append((tok.i, att.cue, features))
        if not model.accepts(features):
            rejected.add(k)
    return [a for k, a in enumerate(found) if k not in rejected] if rejected else found


def _drop_passive_topics(found: list[Attribution]) -> list[Attribution]:
    """A passive subject is what is talked about, not who talks (``passive_topic``): the
    attribution loses it as its source, and a meeting verb's goes when it has no content."""
    out = []
    for att in found:
        if att.passive_topic:
            if att.content is None and att.passive_topic == "meeting":
                continue
            att = replace(att, source=None, source_head=None, source_token=None)
        out.append(att)
    return out
