"""Which candidate cues are attributions: a logistic regression over parse features.

The lexicon (:mod:`.lexicon`) proposes candidates: every verb or noun whose lemma heads gold
cues in PolNeAR train. The rules of :mod:`.extract` find each candidate's source and content.
Whether the candidate *is* an attribution cue depends on more than its lemma: "support" is a
cue in "Sanders said he would support the bill" only in a reading PolNeAR annotates as a
stance ("voters who support Trump"), "show" in "polls show that ..." but not in "the
photo shows ...". This model decides, from the lemma, the parse around it and what the rules
found (a source? a clause, a quotation, an object as content?).

It is a plain logistic regression trained by ``benchmarks/train_attribution.py`` on PolNeAR
train (grouped by article, fixed seed) and shipped as JSON: feature name -> weight, the bias
and the decision threshold. No pickles; scoring is a dictionary lookup and a sigmoid.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .lexicon import coarse_pos
from .thresholds import DIRECT_SHARE, MIXED_SHARE

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .lexicon import CueLexicon
    from .record import Attribution

__all__ = ["CueModel", "cue_features", "default_cue_model", "strong_cues"]

#: Lemmas with at least this many gold cues get their own weight; rarer ones share one.
LEMMA_MIN_CUES = 3
_MODALS = {"would", "will", "could", "can", "may", "might", "should", "must", "'ll", "'d", "wo", "ca"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "that", "which", "this", "these", "those"}
#: A lemma that heads at least this many gold cues, at a cue ratio of at least
#: ``STRONG_MIN_RATIO``, is a *strong* cue ("say", "tell", "add", "according"): a candidate
#: under one is likely part of its content, which PolNeAR never annotates as a cue of its own.
STRONG_MIN_CUES = 20
STRONG_MIN_RATIO = 0.3
#: Dependency labels through which a candidate's governing strong cue, or the strong cue it
#: governs, is looked for.
_GOVERNED_DEPS = ("xcomp", "ccomp", "conj", "advcl")
_MAX_ANCESTORS = 8
_CHILD_DEPS = {"ccomp", "xcomp", "dobj", "dative", "neg", "auxpass", "prt", "agent", "advcl", "prep", "npadvmod",
               "attr", "acomp", "oprd", "conj", "advmod", "poss", "det", "acl", "relcl", "compound", "amod"}


def strong_cues(doc: Doc, lexicon: CueLexicon) -> dict[int, tuple[str, int]]:
    """Token index -> (lemma, gold cues it heads) for every strong cue of the Doc (see
    ``STRONG_MIN_CUES``), from one ``doc.to_array`` read."""
    from spacy.attrs import LEMMA, POS
    from spacy.symbols import AUX, NOUN, PROPN, VERB

    if not len(doc):
        return {}
    coarse = {VERB: "VERB", AUX: "VERB", NOUN: "NOUN", PROPN: "NOUN"}
    strings = doc.vocab.strings
    known: dict[tuple[int, str], tuple[str, int] | None] = {}
    out: dict[int, tuple[str, int]] = {}
    for i, (lemma_id, pos_id) in enumerate(doc.to_array([LEMMA, POS]).tolist()):
        pos = coarse.get(pos_id)
        if pos is None:
            continue
        key = (lemma_id, pos)
        if key not in known:
            lemma = strings[lemma_id].lower()
            n_cue, n_total = lexicon.counts(lemma, pos)
            known[key] = (lemma, n_cue) if n_cue >= STRONG_MIN_CUES and n_cue >= STRONG_MIN_RATIO * n_total else None
        if known[key] is not None:
            out[i] = known[key]  # type: ignore[assignment]
    return out


def _strong_neighbourhood(tok: Token, strong: dict[int, tuple[str, int]], f: dict[str, float]) -> None:
    """Features of the strong cues around a candidate: the one that governs it (nearest
    ancestor: "said [that he *believes* ...]"), the ones it governs ("went on to *say*"),
    and how many others its sentence has."""
    t, path = tok, []
    for depth in range(_MAX_ANCESTORS):
        if t.head.i == t.i:
            break
        path.append(t.dep_)
        t = t.head
        if t.i in strong:
            lemma, n_cue = strong[t.i]
            f["anc_cue"] = 1.0
            f["anc_cue_dep=" + path[0]] = 1.0
            f["anc_cue_path=" + "/".join(path[:2])] = 1.0
            f["anc_cue_depth"] = min(depth + 1, 6) / 6
            f["anc_cue_lemma=" + (lemma if n_cue >= 100 else "<other>")] = 1.0
            break
    for child in tok.children:
        if child.dep_ in _GOVERNED_DEPS and child.i in strong:
            f["desc_cue=" + child.dep_] = 1.0
    sent = tok.sent
    others = [i for i in range(sent.start, sent.end) if i in strong and i != tok.i] if strong else []
    f["sent_n_strong"] = min(len(others), 4) / 4
    if others and others[0] < tok.i:
        f["strong_before_in_sent"] = 1.0


def cue_features(doc: Doc, tok: Token, att: Attribution, lexicon: CueLexicon, pos: str,
                 sentence_quoted: bool, content_quoted: float, cue_quoted: bool = False,
                 strong: dict[int, tuple[str, int]] | None = None,
                 outer: tuple[Attribution, Token] | None = None) -> dict[str, float]:
    """The features of one candidate cue ``tok`` and the attribution the rules built on it.

    ``sentence_quoted``: the sentence holds a quotation; ``content_quoted``: the share of the
    content's characters inside quotation marks (0 without content); ``cue_quoted``: the cue
    itself is inside a quotation (a speaker quoting someone else); ``strong``: the Doc's
    strong cues (:func:`strong_cues`, computed here when not given); ``outer``: the
    attribution of another candidate whose content holds this cue, and its cue token."""
    lemma = tok.lemma_.lower()
    n_cue, n_total = lexicon.counts(lemma, pos)
    f: dict[str, float] = {}
    key = f"{lemma}/{pos}" if n_cue >= LEMMA_MIN_CUES else f"<rare>/{pos}"
    f["lemma=" + key] = 1.0
    rate = (n_cue + 0.5) / (n_total + 1.0)
    f["ratio_logit"] = math.log(rate / (1.0 - rate)) / 4.0 if rate < 1.0 else 1.0
    f["log_n_cue"] = math.log1p(n_cue) / 8.0
    f["dep=" + tok.dep_] = 1.0
    f["tag=" + tok.tag_] = 1.0
    if tok.head.i != tok.i:
        f["head_dep=" + tok.head.dep_] = 1.0
        f["head_pos=" + tok.head.pos_] = 1.0
    for child in tok.children:
        if child.dep_ in _CHILD_DEPS:
            f["child=" + child.dep_] = 1.0
        if child.dep_ == "aux" and child.lower_ in _MODALS:
            f["modal"] = 1.0
        if child.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children):
            f["that_clause"] = 1.0
        if child.dep_ in ("dobj", "prt", "prep", "acomp"):
            # "made clear", "took aim at", "pointed out", "spoke about"
            f[f"{child.dep_}_word={child.lemma_.lower()}"] = 1.0
    subj = att.source_token
    has_source = att.source is not None
    if not has_source or subj is None:
        f["source=none"] = 1.0
    else:
        f["source_ent=" + (subj.ent_type_ or subj.pos_)] = 1.0
        f["source_dep=" + subj.dep_] = 1.0
        f["source_word=" + subj.lemma_.lower()] = 1.0  # "poll" shows, "photo" shows
        if subj.lower_ in _PRONOUNS:
            f["source_pron=" + subj.lower_] = 1.0
        f["source_before"] = 1.0 if subj.i < tok.i else 0.0
    content_kind = "none"
    if att.content is not None:
        length = att.content[1] - att.content[0]
        f["content_len"] = math.log1p(length) / 8.0
        f["content_before"] = 1.0 if att.content[1] <= att.cue[0] else 0.0
        if att.content[1] <= tok.sent.start_char:
            # "He said." after a quoted sentence; "The crowd cheered." is no attribution
            f["content_previous_sentence"] = 1.0
            f[f"content_previous_sentence={key}"] = 1.0
        content_kind = "quote" if content_quoted >= DIRECT_SHARE else "mixed" if content_quoted >= MIXED_SHARE else "clause"
    f["content=" + content_kind] = 1.0
    f["sentence_quoted"] = 1.0 if sentence_quoted else 0.0
    if cue_quoted:
        f["cue_quoted"] = 1.0
        f[f"cue_quoted_source={int(has_source)}"] = 1.0
    if n_cue >= LEMMA_MIN_CUES:
        f[f"lemma_content={key}:{content_kind}"] = 1.0
        f[f"lemma_source={key}:{int(has_source)}"] = 1.0
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prv = doc[tok.i - 1] if tok.i > 0 else None
    f["next=" + (nxt.text if nxt is not None and nxt.is_punct else "<w>" if nxt is not None else "<end>")] = 1.0
    f["prev=" + (prv.text if prv is not None and prv.is_punct else "<w>" if prv is not None else "<start>")] = 1.0
    _strong_neighbourhood(tok, strong_cues(doc, lexicon) if strong is None else strong, f)
    if outer is not None:
        outer_att, outer_tok = outer
        f["in_content"] = 1.0
        f["in_content=" + outer_att.kind] = 1.0
        f["in_content_before=" + str(int(outer_att.cue[0] < att.cue[0]))] = 1.0
        f["in_content_ratio"] = lexicon.ratio(outer_tok.lemma_.lower(), coarse_pos(outer_tok))
    return f


@dataclass(frozen=True)
class CueModel:
    """A logistic regression over :func:`cue_features`: weights by feature name."""

    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict[str, Any]

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def accepts(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold

    def to_json(self) -> str:
        return json.dumps({"meta": self.meta, "bias": self.bias, "threshold": self.threshold,
                           "weights": dict(sorted(self.weights.items()))}, indent=1, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> CueModel:
        data = json.loads(text)
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                   float(data["threshold"]), dict(data.get("meta") or {}))

    @classmethod
    def load(cls, path: str | Path) -> CueModel:
        return cls.from_json(Path(path).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def default_cue_model() -> CueModel:
    """The shipped model (``framing/data/attribution_cue_model.json``), loaded once."""
    text = resources.files("framing.data").joinpath("attribution_cue_model.json").read_text(encoding="utf-8")
    return CueModel.from_json(text)
