"""Target-aware features for sentiment toward one mention in its sentence.

For a target span in a parsed sentence the features are (names are the keys of a sparse
dict, values floats):

- ``b:<word>`` / ``b:<w1>_<w2>``: words and bigrams of the sentence, the target masked as
  ``<T>`` so the model learns what is said *about* it, not who it is;
- ``n:<word>``: words within four tokens of the target;
- ``d:<rel>:<lemma>``: the syntactic neighbourhood — the target's governing verb with the
  target's role (``d:agent:bomb``, ``d:patient:kill``), adjectives and nouns attached to it;
- ``v:*``: VADER lexicon valence (Hutto & Gilbert 2014) of the sentence, of the target's
  clause, of the window, and of the words syntactically tied to the target, each split into
  positive and negative mass, with negation flips;
- ``x:sent_pos`` / ``x:sent_neg``: VADER's compound score of the whole sentence (with its
  own negation and intensifier rules), split by sign: the sentence's mood, which the
  target-specific features then correct;
- ``lw:<word>`` / ``rw:<word>``: the four words left and right of the target, apart;
- ``x:dep=<label>``, ``x:main_subj``: the target's dependency label, and whether it is the
  subject of the sentence's main verb;
- ``g:<d>_pos`` / ``g:<d>_neg``: VADER valence of the sentence's words by their distance
  to the target in the dependency tree (1: up to 2 arcs, 2: 3-4, 3: farther or unconnected);
- ``q:quoted``: the target sits inside a quotation;
- ``r:agent`` / ``r:patient``: the target's role toward its verb.

The same function serves training (``benchmarks/train_sentiment.py``) and inference, so the
shipped weights always meet the features they were trained on (``FEATURES_VERSION``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["FEATURES_VERSION", "featurize", "vader_lexicon"]

FEATURES_VERSION = 2  # 2: sentence compound, left/right words, dependency label, tree distance
_NEGATIONS = {"not", "no", "never", "n't", "nor", "without", "none", "nobody", "nothing", "neither", "cannot", "hardly"}
_WINDOW = 4
_SKIP = {"the", "a", "an", ",", ".", "of", "and", "to", "in", "on", "for", "at", "by", "with", "'s", "’s", "-", "\"", "“", "”"}


@functools.lru_cache(maxsize=1)
def _vader() -> object:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


_COMPOUND_KEY = "framing.sentiment.compound"


def _sentence_compound(doc: Doc, sentence: Span) -> float:
    """VADER's compound score of a sentence, computed once per sentence of a Doc."""
    cache = doc.user_data.setdefault(_COMPOUND_KEY, {})
    key = f"{sentence.start}:{sentence.end}"  # str keys: user_data stays serialisable (DocBin, msgpack)
    if key not in cache:
        cache[key] = _vader().polarity_scores(sentence.text)["compound"]  # type: ignore[attr-defined]
    return cache[key]


def _tree_distance(tok: Token, ancestors: dict[int, int]) -> int | None:
    """Arcs from ``tok`` to the target root through their lowest common ancestor
    (``ancestors``: target root and its ancestors -> distance from the root)."""
    up = 0
    while True:
        if tok.i in ancestors:
            return up + ancestors[tok.i]
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        up += 1


@functools.lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (-4 … +4), from the vaderSentiment package."""
    return dict(_vader().lexicon)  # type: ignore[attr-defined]


def _valence(tokens: list[Token], lex: dict[str, float]) -> tuple[float, float]:
    """(positive mass, negative mass) of a token list, flipping after a negation."""
    pos = neg = 0.0
    flip = False
    for tok in tokens:
        low = tok.lower_
        if low in _NEGATIONS:
            flip = True
            continue
        v = lex.get(low)
        if v is None:
            v = lex.get(tok.lemma_.lower()) if tok.lemma_ else None
        if v is None:
            continue
        if flip:
            v = -0.5 * v
            flip = False
        if v > 0:
            pos += v
        else:
            neg -= v
    return pos, neg


def _role(head: Token) -> tuple[str | None, Token | None]:
    tok = head
    for _ in range(4):
        if tok.dep_ in ("compound", "poss", "amod", "nmod", "flat", "appos", "det") and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    dep, gov = tok.dep_, tok.head
    if dep in ("nsubj", "csubj") and gov.pos_ in ("VERB", "AUX"):
        return "agent", gov
    if dep in ("nsubjpass", "dobj", "obj", "iobj", "dative"):
        return "patient", gov
    if dep == "pobj" and gov.dep_ == "agent":
        return "agent", gov.head
    if dep == "pobj":
        return "pobj", gov.head
    if dep == "attr" and gov.pos_ in ("VERB", "AUX"):
        return "attr", gov
    return None, gov


def featurize(doc: Doc, start: int, end: int, *, sentence: Span | None = None, quoted: bool = False) -> dict[str, float]:
    """Sparse features of the sentiment toward ``doc.text[start:end]``.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A parsed document (a blank pipeline works, with fewer features).
    start, end : int
        Character offsets of the target mention.
    sentence : Span, optional
        The sentence to use (default: the sentence holding the target's first token).
    quoted : bool
        Whether the target sits inside a quotation.
    """
    lex = vader_lexicon()
    target = doc.char_span(start, end, alignment_mode="expand")
    if target is None or len(target) == 0:
        target = doc[0:0]
    if sentence is None:
        if len(target) and doc.has_annotation("SENT_START"):
            sentence = target[0].sent
        else:
            sentence = doc[:]
    t0, t1 = (target.start, target.end) if len(target) else (sentence.start, sentence.start)
    feats: dict[str, float] = {}
    words: list[str] = []
    for tok in sentence:
        if t0 <= tok.i < t1:
            if not words or words[-1] != "<T>":
                words.append("<T>")
            continue
        if tok.is_space or tok.is_punct and tok.text not in ("!", "?"):
            continue
        words.append(tok.lower_)
    for w in words:
        if w not in _SKIP:
            feats["b:" + w] = 1.0
    for a, b in zip(words, words[1:]):
        feats[f"b:{a}_{b}"] = 1.0
    lo, hi = max(sentence.start, t0 - _WINDOW), min(sentence.end, t1 + _WINDOW)
    window = [doc[i] for i in range(lo, hi) if not (t0 <= i < t1)]
    for tok in window:
        if not (tok.is_punct or tok.is_space) and tok.lower_ not in _SKIP:
            feats["n:" + tok.lower_] = 1.0
    # VADER masses
    sent_tokens = [t for t in sentence if not (t0 <= t.i < t1)]
    for name, toks in (("sent", sent_tokens), ("win", window)):
        pos, neg = _valence(toks, lex)
        feats[f"v:{name}_pos"] = pos / 4.0
        feats[f"v:{name}_neg"] = neg / 4.0
    parsed = doc.has_annotation("DEP") and len(target) > 0
    if parsed:
        head = target.root
        role, gov = _role(head)
        tied: list[Token] = []
        if role is not None and gov is not None:
            feats["r:" + role] = 1.0
            lemma = gov.lemma_.lower()
            feats[f"d:{role}:{lemma}"] = 1.0
            tied.append(gov)
            for child in gov.children:
                if child.i < t0 or child.i >= t1:
                    if child.dep_ in ("dobj", "obj", "acomp", "xcomp", "ccomp", "advmod", "attr", "neg", "prt", "oprd"):
                        tied.append(child)
                        if child.dep_ == "neg":
                            feats["d:neg"] = 1.0
                        else:
                            feats[f"d:{role}:{lemma}:{child.dep_}:{child.lemma_.lower()}"] = 1.0
            clause = [t for t in gov.subtree if not (t0 <= t.i < t1)]
            pos, neg = _valence(clause, lex)
            feats["v:clause_pos"] = pos / 4.0
            feats["v:clause_neg"] = neg / 4.0
        for child in head.children:
            if child.dep_ in ("amod", "appos", "acl", "relcl", "compound") and not (t0 <= child.i < t1):
                tied.extend(child.subtree)
                feats[f"d:mod:{child.lemma_.lower()}"] = 1.0
        pos, neg = _valence(tied, lex)
        feats["v:tied_pos"] = pos / 4.0
        feats["v:tied_neg"] = neg / 4.0
    compound = _sentence_compound(doc, sentence)
    feats["x:sent_pos"] = max(compound, 0.0)
    feats["x:sent_neg"] = max(-compound, 0.0)
    if len(target):
        for tok in doc[max(sentence.start, t0 - _WINDOW) : t0]:
            if not (tok.is_punct or tok.is_space):
                feats["lw:" + tok.lower_] = 1.0
        for tok in doc[t1 : min(sentence.end, t1 + _WINDOW)]:
            if not (tok.is_punct or tok.is_space):
                feats["rw:" + tok.lower_] = 1.0
    if parsed:
        root = target.root
        feats["x:dep=" + root.dep_] = 1.0
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT":
            feats["x:main_subj"] = 1.0
        ancestors = {root.i: 0}
        for k, anc in enumerate(root.ancestors, start=1):
            ancestors[anc.i] = k
        for tok in sentence:
            if t0 <= tok.i < t1:
                continue
            v = lex.get(tok.lower_)
            if not v:
                continue
            d = _tree_distance(tok, ancestors)
            band = "1" if d is not None and d <= 2 else "2" if d is not None and d <= 4 else "3"
            name = f"g:{band}_{'pos' if v > 0 else 'neg'}"
            feats[name] = feats.get(name, 0.0) + abs(v) / 4.0
    if quoted:
        feats["q:quoted"] = 1.0
    feats["bias"] = 1.0
    return feats
