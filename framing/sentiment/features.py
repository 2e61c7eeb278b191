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
- ``r:agent`` / ``r:patient``: the target's role toward its verb;
- ``c:in_*`` / ``c:out_*``: VADER valence inside the target's own clause (the subtree of
  the nearest verb above it that heads a clause) and in the rest of the sentence (without a
  parse, as in the ``fast`` preset, the sentence stands for the clause);
- ``a:<rel>:<lemma>``: the target's first three ancestors, each with the relation by which
  the path from the target reaches it;
- ``s:<word>``: the words of the target's own subtree (its modifiers, relative clauses).

Apart from these, :func:`dense_features` reads the pipeline's own contextual token vectors
(``doc.tensor``, the output of the shared embedding layer the tagger and parser use): their
mean over the target, the vector of its governing word, their mean over the sentence, and
their means over the sentence's positive and negative VADER words, weighted by valence.
The model uses them only on Docs from the pipeline it was trained with (they mean nothing
in another pipeline's space), and does without them where the Doc has none (the ``fast``
preset, a blank pipeline).

The same function serves training (``benchmarks/train_sentiment.py``) and inference, so the
shipped weights always meet the features they were trained on (``FEATURES_VERSION``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["DENSE_PARTS", "FEATURES_VERSION", "TokenTable", "clause_bounds", "dense_features", "featurize", "vader_lexicon"]

FEATURES_VERSION = 4  # 2: sentence compound, left/right words, dependency label, tree distance; 3: dense_features;
# 4: own clause's valence, ancestors, subtree words, valence-weighted token vectors
#: What :func:`dense_features` concatenates, each ``doc.tensor``'s width wide.
DENSE_PARTS = ("target", "governor", "sentence", "positive words", "negative words")
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "csubj", "acl", "parataxis", "conj", "pcomp"}
_ANCESTORS = 3
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


def _tree_distance(i: int, ancestors: dict[int, int], heads: list[int]) -> int | None:
    """Arcs from token ``i`` to the target root through their lowest common ancestor
    (``ancestors``: target root and its ancestors -> distance from the root)."""
    up = 0
    while True:
        if i in ancestors:
            return up + ancestors[i]
        if heads[i] == i:
            return None
        i = heads[i]
        up += 1


@functools.lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (-4 … +4), from the vaderSentiment package."""
    return dict(_vader().lexicon)  # type: ignore[attr-defined]


class TokenTable:
    """Per-token attributes of one Doc, read once and shared by every mention's features.

    Reading ``tok.lower_`` or ``doc[i]`` builds a new Python object each time; a sentence
    with several targets would pay for it again per target. ``featurize`` takes a table
    (the batch API builds one per Doc) and otherwise builds its own.
    """

    __slots__ = ("doc", "lower", "lemma", "skip", "space", "text", "_heads", "_tensor", "_sent_means", "_sents", "static_rows", "_valence")

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH

        self.doc = doc
        # one array read instead of a Token object per token and attribute
        arr = doc.to_array([LOWER, LEMMA, ORTH, IS_SPACE, IS_PUNCT]).reshape(len(doc), 5)
        strings = doc.vocab.strings
        self.lower = _strings(arr[:, 0], lambda i: strings[i])
        self.lemma = _strings(arr[:, 1], lambda i: strings[i].lower() if i else "")
        self.text = _strings(arr[:, 2], lambda i: strings[i])
        self.space = arr[:, 3].astype(bool).tolist()
        self.skip = (arr[:, 3] | arr[:, 4]).astype(bool).tolist()  # punctuation or space
        self._heads: list[int] | None = None
        self._tensor: Any = False  # not read yet
        self._sent_means: dict[int, Any] = {}
        self._sents: Any = False  # not read yet
        self.static_rows: Any = None  # each token's row in the static vectors (framing.sentiment.static)
        self._valence: Any = None

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """``(start, end)`` token indices of the sentence holding token ``i`` (what
        ``doc[i].sent`` gives, without building a Token and a Span)."""
        if self._sents is False:
            from .sentences import sentences

            self._sents = sentences(self.doc)
        if self._sents is None:
            sent = self.doc[i].sent
            return sent.start, sent.end
        return self._sents.bounds(i)

    @property
    def tensor(self) -> Any:
        """``doc.tensor`` when it holds one vector per token, else ``None``."""
        if self._tensor is False:
            t = self.doc.tensor
            ok = getattr(t, "ndim", 0) == 2 and t.shape[0] == len(self.doc) and t.shape[1] > 0
            self._tensor = t if ok else None
        return self._tensor

    def sentence_mean(self, start: int, end: int) -> Any:
        """Mean tensor row over tokens ``start:end`` (a sentence), computed once per sentence."""
        if start not in self._sent_means:
            self._sent_means[start] = self.tensor[start:end].mean(axis=0)
        return self._sent_means[start]

    @property
    def word_valence(self) -> Any:
        """Each token's VADER valence (its lowercase form, else its lemma; 0 for none), an array."""
        if self._valence is None:
            import numpy as np

            lex = vader_lexicon()
            values = []
            for low, lem in zip(self.lower, self.lemma):
                v = lex.get(low)
                if v is None and lem:
                    v = lex.get(lem)
                values.append(v or 0.0)
            self._valence = np.array(values, dtype=np.float64)
        return self._valence

    @property
    def heads(self) -> list[int]:
        """The head index of every token (from ``doc.to_array``; a root is its own head)."""
        if self._heads is None:
            from spacy.attrs import HEAD

            rel = self.doc.to_array([HEAD]).reshape(-1).astype("int64")  # HEAD is relative
            self._heads = [i + int(r) for i, r in enumerate(rel)]
        return self._heads

    def valence(self, indices: Iterable[int], lex: dict[str, float]) -> tuple[float, float]:
        """(positive mass, negative mass) of some tokens, flipping after a negation."""
        pos = neg = 0.0
        flip = False
        lower, lemma = self.lower, self.lemma
        for i in indices:
            low = lower[i]
            if low in _NEGATIONS:
                flip = True
                continue
            v = lex.get(low)
            if v is None and lemma[i]:
                v = lex.get(lemma[i])
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


def dense_features(doc: Doc, start: int, end: int, *, table: TokenTable | None = None) -> Any:
    """The target's :data:`DENSE_PARTS` from ``doc.tensor``, concatenated (a float array),
    or ``None`` when the Doc has no per-token tensor or the span covers no token."""
    import numpy as np

    if table is None or table.doc is not doc:
        table = TokenTable(doc)
    tensor = table.tensor
    if tensor is None:
        return None
    target = doc.char_span(start, end, alignment_mode="expand")
    if target is None or len(target) == 0:
        return None
    s0, s1 = table.sentence_bounds(target.start) if doc.has_annotation("SENT_START") else (0, len(doc))
    governor = target.root.head.i
    return np.concatenate([tensor[target.start:target.end].mean(axis=0), tensor[governor],
                           table.sentence_mean(s0, s1),
                           *_valence_means(table, s0, s1, target.start, target.end)]).astype(np.float64)


def _valence_means(table: TokenTable, s0: int, s1: int, t0: int, t1: int) -> tuple[Any, Any]:
    """Token vectors of the sentence's positive and of its negative VADER words (the target's
    own tokens aside), each averaged with the words' valence as weights; zeros without any."""
    import numpy as np

    weights = table.word_valence[s0:s1].copy()
    weights[max(t0, s0) - s0:max(min(t1, s1), s0) - s0] = 0.0
    rows = table.tensor[s0:s1]
    pos, neg = np.clip(weights, 0, None), np.clip(-weights, 0, None)
    width = rows.shape[1]
    return tuple((w @ rows) / w.sum() if w.any() else np.zeros(width) for w in (pos, neg))


def _strings(ids: Any, name: Any) -> list[str]:
    """``[name(id) for id in ids]``, each distinct id named once (reading a column of
    64-bit string ids with ``tolist`` costs more than the lookups)."""
    import numpy as np

    distinct, inverse = np.unique(ids, return_inverse=True)
    names = [name(i) for i in distinct.tolist()]
    return [names[k] for k in inverse.reshape(-1).tolist()]


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


def _clause_head(root: Token) -> Token:
    """The nearest verb above ``root`` that heads a clause (or the sentence's root)."""
    tok = root
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS:
            break
    return tok


def clause_bounds(root: Token) -> tuple[int, int]:
    """``(start, end)`` token indices of the clause holding ``root`` (see :func:`_clause_head`)."""
    head = _clause_head(root)
    return head.left_edge.i, head.right_edge.i + 1


def _clause_features(feats: dict[str, float], table: TokenTable, clause: tuple[int, int], sent: tuple[int, int],
                     span: tuple[int, int], lex: dict[str, float]) -> None:
    """``c:in_*`` / ``c:out_*``: valence inside the target's own clause and outside it."""
    (lo, hi), (s0, s1), (t0, t1) = clause, sent, span
    inside = [i for i in range(lo, hi) if not (t0 <= i < t1)]
    outside = [i for i in range(s0, s1) if not (lo <= i < hi)]
    for name, indices in (("in", inside), ("out", outside)):
        pos, neg = table.valence(indices, lex)
        feats[f"c:{name}_pos"] = pos / 4.0
        feats[f"c:{name}_neg"] = neg / 4.0


def _tree_features(feats: dict[str, float], table: TokenTable, root: Token, t0: int, t1: int) -> None:
    """``a:<rel>:<lemma>`` for the target's first ancestors, ``s:<word>`` for its subtree."""
    child = root
    for k, anc in enumerate(root.ancestors):
        if k >= _ANCESTORS:
            break
        feats[f"a:{child.dep_}:{table.lemma[anc.i]}"] = 1.0
        child = anc
    lower, skip = table.lower, table.skip
    for i in range(root.left_edge.i, root.right_edge.i + 1):
        if not (t0 <= i < t1) and not skip[i] and lower[i] not in _SKIP:
            feats["s:" + lower[i]] = 1.0


def featurize(
    doc: Doc,
    start: int,
    end: int,
    *,
    sentence: Span | None = None,
    quoted: bool = False,
    table: TokenTable | None = None,
) -> dict[str, float]:
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
    table : TokenTable, optional
        ``TokenTable(doc)``, to share between the mentions of one Doc (without it each
        call reads the whole Doc once; :func:`framing.sentiment.score_targets` shares one).
    """
    lex = vader_lexicon()
    if table is None or table.doc is not doc:
        table = TokenTable(doc)
    lower, skip = table.lower, table.skip
    target = doc.char_span(start, end, alignment_mode="expand")
    if target is None or len(target) == 0:
        target = doc[0:0]
    if sentence is None:
        if len(target) and doc.has_annotation("SENT_START"):
            first, last = table.sentence_bounds(target.start)
            sentence = doc[first:last]
        else:
            sentence = doc[:]
    s0, s1 = sentence.start, sentence.end
    t0, t1 = (target.start, target.end) if len(target) else (s0, s0)
    outside = [i for i in range(s0, s1) if not (t0 <= i < t1)]  # the sentence minus the target
    feats: dict[str, float] = {}
    words: list[str] = []
    for i in range(s0, s1):
        if t0 <= i < t1:
            if not words or words[-1] != "<T>":
                words.append("<T>")
            continue
        if skip[i] and (table.space[i] or table.text[i] not in ("!", "?")):
            continue
        words.append(lower[i])
    for w in words:
        if w not in _SKIP:
            feats["b:" + w] = 1.0
    for a, b in zip(words, words[1:]):
        feats[f"b:{a}_{b}"] = 1.0
    lo, hi = max(s0, t0 - _WINDOW), min(s1, t1 + _WINDOW)
    window = [i for i in range(lo, hi) if not (t0 <= i < t1)]
    for i in window:
        if not skip[i] and lower[i] not in _SKIP:
            feats["n:" + lower[i]] = 1.0
    # VADER masses
    for name, indices in (("sent", outside), ("win", window)):
        pos, neg = table.valence(indices, lex)
        feats[f"v:{name}_pos"] = pos / 4.0
        feats[f"v:{name}_neg"] = neg / 4.0
    parsed = doc.has_annotation("DEP") and len(target) > 0
    if parsed:
        head = target.root
        role, gov = _role(head)
        tied: list[int] = []
        if role is not None and gov is not None:
            feats["r:" + role] = 1.0
            lemma = table.lemma[gov.i]
            feats[f"d:{role}:{lemma}"] = 1.0
            tied.append(gov.i)
            for child in gov.children:
                if child.i < t0 or child.i >= t1:
                    if child.dep_ in ("dobj", "obj", "acomp", "xcomp", "ccomp", "advmod", "attr", "neg", "prt", "oprd"):
                        tied.append(child.i)
                        if child.dep_ == "neg":
                            feats["d:neg"] = 1.0
                        else:
                            feats[f"d:{role}:{lemma}:{child.dep_}:{table.lemma[child.i]}"] = 1.0
            clause = [t.i for t in gov.subtree if not (t0 <= t.i < t1)]
            pos, neg = table.valence(clause, lex)
            feats["v:clause_pos"] = pos / 4.0
            feats["v:clause_neg"] = neg / 4.0
        for child in head.children:
            if child.dep_ in ("amod", "appos", "acl", "relcl", "compound") and not (t0 <= child.i < t1):
                tied.extend(t.i for t in child.subtree)
                feats[f"d:mod:{table.lemma[child.i]}"] = 1.0
        pos, neg = table.valence(tied, lex)
        feats["v:tied_pos"] = pos / 4.0
        feats["v:tied_neg"] = neg / 4.0
    compound = _sentence_compound(doc, sentence)
    feats["x:sent_pos"] = max(compound, 0.0)
    feats["x:sent_neg"] = max(-compound, 0.0)
    if len(target):
        for i in range(max(s0, t0 - _WINDOW), t0):
            if not skip[i]:
                feats["lw:" + lower[i]] = 1.0
        for i in range(t1, min(s1, t1 + _WINDOW)):
            if not skip[i]:
                feats["rw:" + lower[i]] = 1.0
    if parsed:
        root = target.root
        feats["x:dep=" + root.dep_] = 1.0
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT":
            feats["x:main_subj"] = 1.0
        ancestors = {root.i: 0}
        for k, anc in enumerate(root.ancestors, start=1):
            ancestors[anc.i] = k
        heads = table.heads
        for i in outside:
            v = lex.get(lower[i])
            if not v:
                continue
            d = _tree_distance(i, ancestors, heads)
            band = "1" if d is not None and d <= 2 else "2" if d is not None and d <= 4 else "3"
            name = f"g:{band}_{'pos' if v > 0 else 'neg'}"
            feats[name] = feats.get(name, 0.0) + abs(v) / 4.0
    if parsed:
        _clause_features(feats, table, clause_bounds(target.root), (s0, s1), (t0, t1), lex)
        _tree_features(feats, table, target.root, t0, t1)
    elif len(target):  # no parse (the fast preset): the sentence stands for the clause
        _clause_features(feats, table, (s0, s1), (s0, s1), (t0, t1), lex)
    if quoted:
        feats["q:quoted"] = 1.0
    feats["bias"] = 1.0
    return feats
