"""Cue finders: one candidate token at a time, its attribution with source and content.

Each finder takes the :class:`~.layout.TextLayout` (or the Doc) and one token, and returns
an :class:`~.record.Attribution` or None: :func:`verb_cue` ("X said ...", "..., X said",
"X told reporters that ...", "X believes ..."), :func:`noun_cue` ("the claim that ..."),
:func:`according_to`, :func:`reportedly`, :func:`in_poll` ("In a CNN poll, ..."). The
source is the verb's subject (a passive's agent, or the subject inherited from the governing
verb for participles and nested cues); the content the clausal complement, else the object,
else the quotations of the sentence, else the sentence around a parenthetical cue, else
what follows a colon. Which candidates are cues at all is the cue model's call
(:mod:`.model`, in :mod:`.extract`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .layout import (
    COMPLEMENTIZERS,
    Quotes,
    TextLayout,
    balance,
    source_range,
    span_chars,
    subtree_range,
    trim,
)
from .record import Attribution
from .thresholds import DIRECT_SHARE, MIXED_SHARE

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from .lexicon import CueLexicon

__all__ = ["according_to", "in_poll", "noun_cue", "reportedly", "takes_clause", "verb_cue"]


_BELIEF = {"believe", "think", "want", "fear", "hope", "feel", "expect", "worry", "doubt", "suspect", "assume",
           "consider", "wish", "prefer", "like", "love", "hate", "know", "understand", "seem", "appear", "agree",
           "support", "oppose", "favor", "plan", "intend", "decide", "refuse", "decline", "try", "seek", "need"}


_NO_OBJECT_CONTENT = {"tell", "ask", "inform", "remind", "assure", "warn", "urge", "brief", "call", "quote", "cite"}


_SUBJ = ("nsubj", "nsubjpass", "csubj")


#: Verbs whose object is a target and whose preposition holds what is said of it.


_CHARGE_VERBS = {"accuse", "charge", "criticize", "criticise", "blame", "praise", "thank", "credit", "fault",
                 "slam", "attack", "condemn", "commend", "applaud", "chide", "rebuke", "scold", "hail"}


#: Prepositions whose object is the content when the verb has no clause or object.


_CONTENT_PREPS = ("about", "of", "for", "on", "over", "against", "with")


_CLAUSE_MARKS = COMPLEMENTIZERS | {"for"}


#: Verbs whose passive subject is still who speaks or thinks: "Shoigu was quoted as


#: saying", "he was convinced that ...". Any other passive subject is what is talked about


#: ("the situation in Libya was discussed"), not a source.


_PASSIVE_SOURCES = frozenset({"quote", "cite", "hear", "record", "overhear", "convince", "persuade", "worry", "concern",
                              "satisfy", "disappoint", "surprise", "shock", "encourage", "alarm", "reassure", "determine",
                              "resolve", "frighten", "scare", "upset", "anger", "please", "inform"})


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJ:
            return child
    for child in verb.children:
        if child.dep_ == "agent":  # passive: "was quoted by X"
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _subject_on_line(layout: TextLayout, verb: Token) -> Token | None:
    """When the parse hangs the subject on a heading line above, the last noun phrase
    root between the start of the verb's paragraph and the verb."""
    doc = layout.doc
    line_lo, _ = layout.line_bounds(verb.idx)
    first = verb.i
    while first > 0 and doc[first - 1].idx >= line_lo:
        first -= 1
    best = None
    for tok in doc[first : verb.i]:
        outside = not (first <= tok.head.i < verb.i) or tok.head.i == tok.i
        if outside and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            best = tok
    return best


def _inherited_subject(verb: Token) -> Token | None:
    """Subject of the governing verb for participles, xcomps and nested cues."""
    tok = verb
    for _ in range(3):
        if tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and tok.head.i != tok.i:
            head = tok.head
            if tok.dep_ == "pcomp" and head.head.i != head.i:  # "quoted Shoigu as saying": as -> quoted
                head = head.head
                for child in head.children:
                    if child.dep_ in ("dobj", "obj"):
                        return child
            subj = _subject(head)
            if subj is not None:
                return subj
            tok = head
        else:
            break
    return None


def takes_clause(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" and any(g.dep_ in _SUBJ for g in c.children) for c in verb.children) and _subject(verb) is not None


def _kind(lemma: str, content: tuple[int, int] | None, quotes: Quotes) -> str:
    if content is not None:
        share = quotes.coverage(*content)
        if share >= DIRECT_SHARE:
            return "direct"
        if share >= MIXED_SHARE:
            return "mixed"
    return "other" if lemma in _BELIEF else "indirect"


def verb_cue(layout: TextLayout, sent: Span, verb: Token, sent_quotes: list[tuple[int, int]],
              learned: bool = False) -> Attribution | None:
    doc, quotes = layout.doc, layout.quotes
    lemma = verb.lemma_.lower()
    subj = _subject(verb) or _inherited_subject(verb)
    if subj is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        subj = verb.head  # "voters supporting Trump", "a statement saying that ..."
    if subj is not None and layout.line_bounds(subj.idx) != layout.line_bounds(verb.idx):
        subj = _subject_on_line(layout, verb)
    content_tok = None
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "csubj") and child is not subj:
            content_tok = child
            break
    if content_tok is None:
        # a clause the parse attached as an adverbial or object, recognisable by its
        # complementizer: "asked Clinton [if Trump benefits ...]", "is calling [for the US to
        # step up ...]", "Asked [if she believed ...]"
        for child in verb.children:
            if (child.dep_ in ("advcl", "dobj", "obj") and child.pos_ in ("VERB", "AUX") and child is not subj
                    and any(c.dep_ == "mark" and c.lower_ in _CLAUSE_MARKS and c.i < child.i for c in child.children)):
                content_tok = child
                break
    if content_tok is None and lemma in _CHARGE_VERBS:
        content_tok = _prep_object(verb, ("of", "for", "with"))  # "accused Republicans of placing ..."
    if content_tok is None and lemma not in _NO_OBJECT_CONTENT:
        for child in verb.children:
            if child.dep_ in ("dobj", "obj", "attr", "oprd"):
                content_tok = child
                break
    if content_tok is None:
        content_tok = _prep_object(verb, _CONTENT_PREPS)  # "apologized for ...", "spoke of ..."
    parts: list[tuple[int, int]] = []
    if content_tok is not None:
        lo, hi = trim(doc, *layout.clip(*subtree_range(content_tok, exclude=verb), verb), complementizer=True)
        if hi > lo:
            parts.append(span_chars(doc, lo, hi))
    # the verb is the head of the sentence: "“...,” he said." (content parsed as ccomp) or a
    # bare "he said." after a quote; take the sentence's quotes outside the subject/cue
    if sent_quotes:
        # the parse's sentence may run over a paragraph break: only the cue's paragraph counts
        line_lo, line_hi = layout.line_bounds(verb.idx)
        sent_quotes = [q for q in sent_quotes if line_lo <= q[0] and q[1] <= line_hi]
    if sent_quotes:
        cue_start = verb.idx
        src = source_range(subj) if subj is not None else None
        for s, e in sent_quotes:
            if src is not None and doc[src[0]].idx <= s and e <= doc[src[1] - 1].idx + len(doc[src[1] - 1]):
                continue
            if s <= cue_start < e:
                continue  # the cue is itself quoted
            if layout.text.count(" ", s, e) < 3 and parts:
                continue  # a quoted name or scare quote ("TASS"), not what was said
            overlapping = [p for p in parts if p[0] < e and s < p[1]]
            if overlapping:  # the clause and the quotation are one content: their union
                parts = [p for p in parts if p not in overlapping]
                parts.append((min(s, *(p[0] for p in overlapping)), max(e, *(p[1] for p in overlapping))))
                parts.sort()
            elif not parts or abs(s - verb.idx) < 300:
                parts.append((s, e))
    elif not parts and sent.start > 0:
        # "He said." right after a quoted sentence
        prev = doc[sent.start - 1].sent
        prev_quotes = quotes.in_window(prev.start_char, prev.end_char)
        if prev_quotes and len(sent) <= 12:
            parts.extend(prev_quotes)
    if not parts and verb.dep_ == "parataxis" and verb.head.i != verb.i:
        # a parenthetical cue: "The question, she said, is not so cut and dried." -- the
        # sentence around the cue's clause
        head_lo, head_hi = layout.clip(*subtree_range(verb.head), verb)
        cue_lo, cue_hi = verb.left_edge.i, verb.right_edge.i + 1
        for lo, hi in ((head_lo, min(cue_lo, head_hi)), (max(cue_hi, head_lo), head_hi)):
            lo, hi = trim(doc, lo, hi)
            if hi > lo:
                parts.append(span_chars(doc, lo, hi))
    if not parts:
        # colon-introduced content: "X said: ..."
        nxt = verb.i + 1
        if nxt < sent.end and doc[nxt].text == ":" and nxt + 1 < sent.end:
            lo, hi = trim(doc, nxt + 1, sent.end)
            if hi > lo:
                parts.append(span_chars(doc, lo, hi))
    if subj is None and not parts:
        return None
    if lemma in _TOPIC_VERBS and not _introduces_content(verb, content_tok, parts, quotes):
        return None  # "met with Haftar", "discussing security issues", "aimed at ensuring a ceasefire"
    if not learned:
        # without a cue model, rules: a verb inside a quotation belongs to the quoted
        # speaker's words, and only speech verbs go without a subject; a model weighs both
        if quotes.coverage(verb.idx, verb.idx + len(verb)) > 0:
            return None
        if subj is None and lemma not in ("say", "tell", "add", "write", "report", "announce", "state", "claim"):
            return None
    source = None
    source_head = None
    if subj is not None and subj.lower_ not in ("it", "there", "that", "which", "what"):
        lo, hi = trim(doc, *layout.clip(*source_range(subj), subj))
        lo, hi = balance(doc, lo, hi)
        if hi > lo:
            source = span_chars(doc, lo, hi)
            source_head = subj.idx
    if source is None and (not parts or sum(e - s for s, e in parts) < 8):
        return None
    parts.sort()
    content = (parts[0][0], parts[-1][1]) if parts else None
    cue = (verb.idx, verb.idx + len(verb))
    # extend the cue over negation and particles ("did not say", "pointed out")
    for child in verb.children:
        if child.dep_ in ("neg", "prt") and abs(child.i - verb.i) <= 2:
            cue = (min(cue[0], child.idx), max(cue[1], child.idx + len(child)))
    passive_topic = ""
    if (subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == verb.i and lemma not in _PASSIVE_SOURCES
            and not any(c.dep_ == "agent" for c in verb.children)):
        passive_topic = "meeting" if lemma in _MEETING_VERBS else "topic"
    return Attribution(_kind(lemma, content, quotes), cue, source, content, parts, source_head, subj, passive_topic)


#: Meeting and topic verbs: cues only when they introduce what was said (a clause, a


#: quotation), never with a topic or a purpose ("discussed security issues", "aimed at


#: ensuring a ceasefire", "met with Haftar").


_TOPIC_VERBS = frozenset({"meet", "aim", "discuss"})


#: Meeting verbs whose passive subject with no content is no attribution at all ("the


#: situation in Libya was discussed"); other passives keep the cue, without a source


#: ("Sanders is seen as ...", "Trump was asked": PolNeAR annotates those cues).


_MEETING_VERBS = frozenset({"meet", "discuss", "debate", "negotiate"})


def _introduces_content(verb: Token, content_tok: Token | None, parts: list[tuple[int, int]], quotes: Quotes) -> bool:
    if verb.lemma_.lower() == "aim":
        # "He's aiming to expand ...", "Glass-Steagall aimed to protect ..." are intentions
        # (PolNeAR cues); a bare participle is a purpose: "negotiations ..., aimed at ensuring"
        return not (verb.dep_ in ("acl", "advcl") and verb.tag_ in ("VBN", "VBG")
                    and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))
    if verb.lemma_.lower() == "discuss" and not (any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
                                                 or verb.head.lemma_.lower() in _TOPIC_VERBS - {"discuss"}):
        return True  # "discussed the plan" reports talk (PolNeAR annotates it); "discussed X with Y" is a meeting
    if any(quotes.coverage(*p) >= 0.5 for p in parts):
        return True
    return content_tok is not None and content_tok.dep_ == "ccomp" and content_tok.head.i == verb.i


def _prep_object(verb: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of the verb's first preposition among ``preps``."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    return grand
    return None


def _that_clause(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in COMPLEMENTIZERS for c in tok.children)


def noun_cue(doc: Doc, sent: Span, noun: Token, sent_quotes: list[tuple[int, int]]) -> Attribution | None:
    """Nominal cues: "in a statement", "the claim that ...", "X's statement: ..."."""
    content_tok = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if content_tok is not None and not _that_clause(content_tok) and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None  # an event, not a report: "upon the conclusion of the conference ... to create"
    parts = []
    if content_tok is not None:
        lo, hi = trim(doc, *subtree_range(content_tok), complementizer=True)
        if hi > lo:
            parts.append(span_chars(doc, lo, hi))
    if not parts:
        return None
    source = None
    if owner is not None:
        lo, hi = trim(doc, owner.left_edge.i, owner.i + 1)
        if hi > lo:
            source = span_chars(doc, lo, hi)
    return Attribution("indirect", (noun.idx, noun.idx + len(noun)), source, parts[0], parts,
                       owner.idx if owner is not None else None, owner)


#: What "In a ... X, ..." opens as a source: on PolNeAR train a sentence-initial "In" before


#: a poll or survey is a gold cue 17 times in 21 (before "a statement", "a video", "a


#: speech", 3 in 44: the verb of the main clause is the cue there).


_IN_SOURCES = frozenset({"poll", "survey"})


def in_poll(layout: TextLayout, sent: Span, in_: Token) -> Attribution | None:
    """``In an NBC News poll released Monday, 50 percent ...``: cue "In", source the poll,
    content the rest of the sentence (kind ``according_to``: the same construction)."""
    doc = layout.doc
    pobj = next((c for c in in_.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in _IN_SOURCES:
        return None
    src_lo, src_hi = trim(doc, *source_range(pobj))
    lo, hi = trim(doc, *layout.clip(max(src_hi, in_.right_edge.i + 1), sent.end, in_))
    if src_hi <= src_lo or hi - lo < 3:
        return None
    return Attribution("according_to", (in_.idx, in_.idx + len(in_)), span_chars(doc, src_lo, src_hi),
                       span_chars(doc, lo, hi), [span_chars(doc, lo, hi)], pobj.idx, pobj)


def reportedly(layout: TextLayout, adverb: Token, lexicon: CueLexicon) -> Attribution | None:
    """``Bloomberg is reportedly considering a run``: a report with no source (on PolNeAR
    train "reportedly" is a gold cue 19 times in 29; "allegedly" 2 in 12, not taken). The
    content is the clause around the adverb. Where the verb is itself a cue ("reportedly
    said"), the verb's attribution is the one."""
    doc = layout.doc
    verb = adverb.head
    if verb.i == adverb.i or verb.pos_ not in ("VERB", "AUX") or lexicon.is_cue(verb.lemma_.lower(), "VERB"):
        return None
    lo, hi = layout.clip(*subtree_range(verb), adverb)
    parts = [p for p in (trim(doc, lo, adverb.i), trim(doc, adverb.i + 1, hi)) if p[1] > p[0]]
    if not parts or sum(b - a for a, b in parts) < 3:
        return None
    chars = [span_chars(doc, a, b) for a, b in parts]
    return Attribution("indirect", (adverb.idx, adverb.idx + len(adverb)), None, (chars[0][0], chars[-1][1]), chars)


#: Named-entity labels of a source-like object of "according to".


_SOURCE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "WORK_OF_ART", "LAW"})


def _source_like(tok: Token) -> bool:
    """Whether "according to" has a source as its object, not a rule to follow ("according
    to the 5 + 5 formula"): anything but a noun of class ``nonsource`` in
    ``source_descriptions.tsv``. On PolNeAR train "according to" is a cue 394 times in 430,
    before polls, results, averages, laws and plans alike."""
    from .resolve import descriptions

    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in _SOURCE_ENTS:
        return True
    table = descriptions()
    return not any(word in table and table[word].cls == "nonsource" for word in {tok.lemma_.lower(), tok.lower_})


def according_to(layout: TextLayout, sent: Span, according: Token) -> Attribution | None:
    doc = layout.doc
    to = doc[according.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in according.children if c.dep_ == "pobj"), None)
    if pobj is None:
        # parse failed: the next noun-ish tokens up to punctuation
        end = to.i + 1
        while end < sent.end and not doc[end].is_punct and doc[end].pos_ != "VERB":
            end += 1
        src_lo, src_hi = to.i + 1, end
    else:
        src_lo, src_hi = source_range(pobj)
    if src_hi <= src_lo:
        return None
    if pobj is not None and not _source_like(pobj):
        return None  # "according to the 5 + 5 formula", "according to plan"
    phrase_lo, phrase_hi = according.i, src_hi
    # content: the rest of the sentence, on the larger side of the phrase
    left = trim(doc, *layout.clip(sent.start, phrase_lo, according))
    right = trim(doc, *layout.clip(phrase_hi, sent.end, according))
    lo, hi = left if left[1] - left[0] >= right[1] - right[0] else right
    content = span_chars(doc, lo, hi) if hi > lo else None
    source = span_chars(doc, *trim(doc, src_lo, src_hi)) if trim(doc, src_lo, src_hi)[1] > trim(doc, src_lo, src_hi)[0] else None
    cue = (according.idx, to.idx + len(to))
    src_tok = pobj if pobj is not None else doc[src_lo]
    return Attribution("according_to", cue, source, content, [content] if content else [], src_tok.idx, src_tok)
