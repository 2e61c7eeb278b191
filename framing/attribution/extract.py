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

Everything runs in one pass over the tokens with per-sentence quote lookups: linear in the
length of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..terminology.voice import RangeIndex
from .lexicon import coarse_pos
from .model import cue_features, strong_cues
from .thresholds import DIRECT_SHARE, MIXED_SHARE

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from .lexicon import CueLexicon
    from .model import CueModel

__all__ = ["Attribution", "coarse_pos", "extract"]

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
_QUOTE_CHARS = set('"“”„«»\'')
_TEXT_KEY = "framing.text"
_OPENING_AT_END = re.compile(r"\s(?:''|[\"“„«])\s*$")


@dataclass
class Attribution:
    """One attribution, as token and character offsets into the Doc's text."""

    kind: str
    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    content_parts: list[tuple[int, int]] = field(default_factory=list)
    source_head: int | None = None  # char offset of the source's head token
    source_token: Any = None
    #: the source is the subject of a passive that is not a speech or cognition verb ("the
    #: situation in Libya was discussed"): the topic, dropped once the cue model has decided
    passive_topic: bool = False


def _span_chars(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])


#: Complementizers that open reported content. PolNeAR's content spans include them ("said
#: [that the talks failed]"): on train's first 300 articles, 680 of 702 contents that follow
#: "that", 25 of 28 after "if", 16 of 21 after "whether".
_COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
_CLAUSE_MARKS = _COMPLEMENTIZERS | {"for"}


def _trim(doc: Doc, lo: int, hi: int, complementizer: bool = False) -> tuple[int, int]:
    """Strip spaces, punctuation other than quotation marks, and leading conjunctions and
    subordinators from ``doc[lo:hi]``; with ``complementizer``, a leading "that", "whether"
    or "if" stays (content of reported speech)."""
    while lo < hi and (doc[lo].is_space or (doc[lo].is_punct and doc[lo].text not in _QUOTE_CHARS) or doc[lo].dep_ in ("mark", "cc")):
        if complementizer and doc[lo].dep_ == "mark" and doc[lo].lower_ in _COMPLEMENTIZERS:
            break
        lo += 1
    while hi > lo and (doc[hi - 1].is_space or (doc[hi - 1].is_punct and doc[hi - 1].text not in _QUOTE_CHARS and doc[hi - 1].text not in ".!?")):
        hi -= 1
    return lo, hi


def _text(doc: Doc) -> str:
    """``doc.text`` rebuilds the string from the tokens on every access: read it once per
    extraction (see :func:`extract`)."""
    return doc.user_data.get(_TEXT_KEY) or doc.text


def _line_bounds(text: str, idx: int) -> tuple[int, int]:
    """The paragraph (line) holding character ``idx``."""
    lo = text.rfind("\n", 0, idx) + 1
    hi = text.find("\n", idx)
    return lo, len(text) if hi < 0 else hi


def _clip(doc: Doc, lo: int, hi: int, anchor: Token) -> tuple[int, int]:
    """Token range ``[lo, hi)`` cut to the anchor's paragraph: parses that run across
    paragraph breaks (headings, photo credits) never make one source or content."""
    line_lo, line_hi = _line_bounds(_text(doc), anchor.idx)
    while lo < hi and doc[lo].idx < line_lo:
        lo += 1
    while hi > lo and doc[hi - 1].idx >= line_hi:
        hi -= 1
    return lo, hi


def _subtree_range(tok: Token, exclude: Token | None = None) -> tuple[int, int]:
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    if exclude is not None and lo <= exclude.i < hi:
        # keep the side of the subtree without the cue
        if exclude.i - lo > hi - exclude.i - 1:
            hi = exclude.i
        else:
            lo = exclude.i + 1
    return lo, hi


def _source_range(subj: Token) -> tuple[int, int]:
    """The subject's noun phrase without trailing relative clauses or appositions' commas."""
    lo, hi = subj.left_edge.i, subj.right_edge.i + 1
    for child in subj.rights:
        if child.dep_ in ("relcl", "acl") and child.i < hi:
            hi = min(hi, child.left_edge.i)
    return lo, max(hi, subj.i + 1)


class _Quotes:
    """Quote ranges (from :func:`framing.terminology.quote_ranges`) with bisect lookups."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = ranges
        self.starts = [s for s, _ in ranges]

    def in_window(self, start: int, end: int) -> list[tuple[int, int]]:
        k = bisect.bisect_left(self.starts, start)
        # a quote may start just before the window
        if k > 0 and self.ranges[k - 1][1] > start:
            k -= 1
        out = []
        while k < len(self.ranges) and self.ranges[k][0] < end:
            out.append(self.ranges[k])
            k += 1
        return out

    def coverage(self, start: int, end: int) -> float:
        if end <= start:
            return 0.0
        covered = 0
        for s, e in self.in_window(start, end):
            covered += max(0, min(e, end) - max(s, start))
        return covered / (end - start)


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


def _subject_on_line(doc: Doc, verb: Token) -> Token | None:
    """When the parse hangs the subject on a heading line above, the last noun phrase
    root between the start of the verb's paragraph and the verb."""
    line_lo, _ = _line_bounds(_text(doc), verb.idx)
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
    doc.user_data[_TEXT_KEY] = doc.text if text is None else text
    try:
        return _extract(doc, lexicon, quote_ranges, model, collect)
    finally:
        doc.user_data.pop(_TEXT_KEY, None)


#: With a model, lemmas that head a cue less often than this (per occurrence) are not
#: candidates: "be" and "have" head a few hundred cues in 28,000 occurrences.
MIN_CANDIDATE_RATE = 0.02


def _extract(doc: Doc, lexicon: CueLexicon, quote_ranges: list[tuple[int, int]], model: CueModel | None = None,
             collect: list[tuple[int, tuple[int, int], dict[str, float]]] | None = None) -> list[Attribution]:
    quotes = _Quotes(quote_ranges)
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
                att = _according_to(doc, sent, tok)
                if att is not None:
                    out.append(att)
                    used_cues.update((tok.i, tok.i + 1))
                continue
            if tok.lower_ == "reportedly" and tok.dep_ == "advmod":
                att = _reportedly(doc, tok, lexicon)
                if att is not None:
                    out.append(att)
                    used_cues.add(tok.i)
                continue
            if tok.i == sent.start and tok.lower_ == "in":
                att = _in_poll(doc, sent, tok)
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
                if not (pos == "VERB" and lexicon.ratio(lemma, pos) >= lexicon.min_ratio / 3 and _takes_clause(tok)):
                    continue
            att = (_verb_cue(doc, sent, tok, sent_quotes, quotes, model is not None) if pos == "VERB"
                   else _noun_cue(doc, sent, tok, sent_quotes))
            if att is None:
                continue
            if model is not None:
                pending.append((len(out), tok, att, pos, bool(sent_quotes)))
            out.append(att)
            used_cues.add(tok.i)
    if model is not None:
        out = _decide(doc, out, pending, lexicon, model, quotes, strong, collect)
    out = _drop_passive_topics(out)
    out.extend(_colon_attributions(doc, out, quotes))
    out.extend(_paragraphs_after_colon(doc, out, quotes))
    out = _credited_quotations(doc, out, quotes)
    out.extend(_outlet_credits(doc, out))
    _continue_quotations(doc, out, quotes)
    _quotation_paragraphs_after(doc, out, quotes)
    _quotation_marks_in_content(_text(doc), out, quotes)
    return out


def _drop_passive_topics(found: list[Attribution]) -> list[Attribution]:
    """A passive subject is what is talked about, not who talks (see ``_PASSIVE_SOURCES``):
    the attribution loses it as its source, and goes when nothing is left but the cue."""
    out = []
    for att in found:
        if att.passive_topic:
            att.source, att.source_head, att.source_token = None, None, None
            if att.content is None:
                continue
        out.append(att)
    return out


def _decide(doc: Doc, found: list[Attribution], pending: list[tuple[int, Token, Attribution, str, bool]],
            lexicon: CueLexicon, model: CueModel, quotes: _Quotes, strong: dict[int, tuple[str, int]],
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


def _quotation_marks_in_content(text: str, found: list[Attribution], quotes: _Quotes) -> None:
    """A content that is (or starts or ends with) a quotation takes its quotation marks, as
    annotators mark it: ``“I'm in disbelief,”`` rather than ``I'm in disbelief`` or
    ``“I'm in disbelief``."""

    def snap(part: tuple[int, int]) -> tuple[int, int]:
        lo, hi = part
        inside = quotes.in_window(lo - 2, hi + 2)
        if not inside:
            return part
        first, last = inside[0], inside[-1]
        if abs(first[0] - lo) <= 2 and first[0] <= hi:
            lo = first[0] - (2 if text.startswith("''", first[0] - 2) else 1 if text[first[0] - 1] in _QUOTE_CHARS else 0)
        if abs(last[1] - hi) <= 2 and last[1] >= lo:
            hi = last[1] + (2 if text.startswith("''", last[1]) else 1 if last[1] < len(text) and text[last[1]] in _QUOTE_CHARS else 0)
        return (lo, hi) if lo < hi else part

    for att in found:
        if att.content is None or att.kind not in ("direct", "mixed"):
            continue
        if att.content_parts:
            att.content_parts = [snap(p) for p in att.content_parts]
            att.content = (min(p[0] for p in att.content_parts), max(p[1] for p in att.content_parts))
        else:
            att.content = snap(att.content)


#: A news outlet credited at the end of a sentence: "..., Al Arabia." / "..., Reuters reported"
#: is a verb cue; this is the bare name after the last comma.
_TRAILING_NAME = re.compile(r",[ \t\xa0]+([A-Z][\w’'-]*(?:[ \t\xa0-]+[A-Z][\w’'-]*){0,3})[ \t\xa0]*[.!?]?[ \t\xa0\"”’']*$")


def _outlet_credits(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """A sentence that ends with a comma and the name of a news outlet
    (``framing/data/media_outlets.tsv``) credits that outlet with the rest of the sentence:
    "The GNA announced that it would suspend its participation, Al Arabia." -- kind
    ``according_to``, the comma as the cue, the outlet as the source. A sentence whose end
    already belongs to an attribution is left alone."""
    from .outlets import media_outlet

    text = _text(doc)
    owned = RangeIndex([a.cue for a in found] + [a.source for a in found if a.source])
    out = []
    for sent in doc.sents:
        lo, hi = sent.start_char, min(sent.end_char, _line_bounds(text, sent.start_char)[1])
        m = _TRAILING_NAME.search(text, lo, hi)
        if m is None or media_outlet(m.group(1)) is None or owned.overlaps(m.start(1), m.end(1)):
            continue
        content = (lo, m.start())
        while content[0] < content[1] and not text[content[0]].isalnum():
            content = (content[0] + 1, content[1])
        if len(text[content[0]:content[1]].split()) < 4:
            continue
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        head = name[-1] if name is not None and len(name) else None
        out.append(Attribution("according_to", (m.start(), m.start() + 1), (m.start(1), m.end(1)), content, [content],
                               head.idx if head is not None else None, head))
    return out


#: A quotation paragraph with fewer words is a title or a scare quote, not what was said.
_MIN_QUOTATION_WORDS = 3


def _quotation_paragraphs_after(doc: Doc, found: list[Attribution], quotes: _Quotes) -> None:
    """A paragraph that opens with a quotation and has no cue of its own continues the
    speaker of the paragraph before it, as news runs a quote on after a paragraph of reported
    speech: ``Richards also spoke about the case before the Supreme Court.`` / ``“Roe v. Wade
    is the law of the land ...”``. The quotation (the whole paragraph when the quotation
    ends it) joins the content of the last attribution with a source whose cue is in the
    previous paragraph; on PolNeAR train, 70% of such paragraphs' characters are gold content
    (throw-away count, 100 paragraphs)."""
    if not found or not quotes.ranges:
        return
    text = _text(doc)
    owned = _owned(found)
    by_cue = sorted(found, key=lambda a: a.cue[0])
    cue_starts = [a.cue[0] for a in by_cue]
    paragraphs = [m.end() for m in re.finditer(r"(?m)^[ \t\xa0]*(?=\S)", text)]  # first character of each
    for n, lo in enumerate(paragraphs[1:], start=1):
        if text[lo] not in _QUOTE_CHARS:
            continue
        opening = [r for r in quotes.in_window(lo, lo + 3) if 0 <= r[0] - lo <= 2]
        if not opening:
            continue
        quote = opening[0]
        line_lo, line_hi = _line_bounds(text, lo)
        k = bisect.bisect_left(cue_starts, line_lo)
        if k < len(cue_starts) and cue_starts[k] < line_hi:
            continue  # a cue of its own
        if owned.overlaps(*quote) or len(text[quote[0]:quote[1]].split()) < _MIN_QUOTATION_WORDS:
            continue
        before_lo = _line_bounds(text, paragraphs[n - 1])[0]
        speaker = next((a for a in reversed(by_cue[:k]) if a.cue[0] >= before_lo and a.source is not None), None)
        if speaker is None:
            continue
        hi = line_hi
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        part = (lo, hi) if text[quote[1]:hi].strip(" \t\xa0\"”’'.,!?") == "" else (lo, min(hi, quote[1] + 1))
        speaker.content_parts = sorted([*(speaker.content_parts or ([speaker.content] if speaker.content else [])), part])
        speaker.content = (speaker.content_parts[0][0], speaker.content_parts[-1][1])
        if speaker.kind == "indirect":
            speaker.kind = "mixed"  # reported speech, then the speaker's own words


#: A paragraph that credits the quotation paragraph above it: a dash and the speaker's name,
#: perhaps a description after a comma -- ``- Bernie Sanders.``, ``-Michelle Marks,
#: Philadelphia.`` (fact checks, notebooks). A second dash makes it a subheading instead
#: (``– Old hands –.``).
_CREDIT_LINE = re.compile(r"^[ \t\xa0]*[-—–―]{1,2}[ \t\xa0]?(?P<name>[A-Z][^,.\n—–―-]*(?:-[^,.\n—–―-]+)*)(?P<rest>[,.][^\n—–―]*)?$",
                          re.MULTILINE)
_NAME_LINKS = frozenset({"of", "de", "da", "del", "van", "von", "bin", "al", "el", "la", "le", "the"})


def _credited_quotations(doc: Doc, found: list[Attribution], quotes: _Quotes) -> list[Attribution]:
    """A quotation paragraph followed by a credit line (:data:`_CREDIT_LINE`) is the credited
    speaker's: the dash is the cue, the name the source, the quotation paragraph the
    content. Any cue found inside the quotation or on the credit line gives way (PolNeAR
    annotates no attribution inside another); a quotation another attribution already has as
    content is left to it. On PolNeAR train 7 quotation paragraphs are followed by such a
    line and all 7 are annotated so."""
    text = _text(doc)
    credited: list[Attribution] = []
    lines: list[tuple[int, int]] = []
    for m in _CREDIT_LINE.finditer(text):
        name = m.group("name").rstrip()
        words = name.split()
        if not 1 <= len(words) <= 6 or not all(w[0].isupper() or w.lower() in _NAME_LINKS for w in words):
            continue
        if m.group("rest") and len(m.group("rest").split()) > 12:
            continue
        # the paragraph above: it must be a quotation from its first character to its end
        hi = text.rfind("\n", 0, m.start())
        if hi < 0:
            continue  # the text's first line: no paragraph above
        while hi > 0 and text[hi - 1].isspace():
            hi -= 1
        lo = text.rfind("\n", 0, hi) + 1
        while lo < hi and text[lo] in " \t\xa0":
            lo += 1
        if hi <= lo or text[lo] not in _QUOTE_CHARS:
            continue
        opening = [r for r in quotes.in_window(lo, lo + 3) if 0 <= r[0] - lo <= 2]
        if not opening or text[opening[0][1]:hi].strip(" \t\xa0\"”’'.,!?") != "":
            continue
        # a cue on the credit line itself ("-President Obama, tweeting after ...") gives way
        others = [a for a in found if not m.start() <= a.cue[0] < m.end()]
        if any(p[0] < hi and lo < p[1] for a in others for p in (*a.content_parts, *([a.content] if a.content else []))):
            continue
        name_lo = m.start("name")
        source = (name_lo, name_lo + len(name))
        span = doc.char_span(*source, alignment_mode="expand")
        head = span[-1] if span is not None and len(span) else None
        prefix = text[m.start():name_lo]
        marks = prefix.strip(" \t\xa0")  # the dash(es)
        dash = m.start() + prefix.index(marks)
        credited.append(Attribution("direct", (dash, dash + len(marks)), source, (lo, hi), [(lo, hi)],
                                    head.idx if head is not None else None, head))
        lines.append((m.start(), m.end()))
    if not credited:
        return found
    inside = RangeIndex([a.content for a in credited] + lines)
    return [a for a in found if not inside.overlaps(*a.cue)] + credited


def _owned(found: list[Attribution]) -> RangeIndex:
    """The characters that attributions already found use as cue or content."""
    return RangeIndex([r for a in found for r in (a.cue, *a.content_parts, *([a.content] if a.content else []))])


def _continue_quotations(doc: Doc, found: list[Attribution], quotes: _Quotes) -> None:
    """Extend direct and mixed quotations with the quotations that follow them with no cue
    of their own, as news runs a quote on: ``"It is insulting," Barkley said. "This is the
    United States of America."``, also into the next paragraphs while each opens with a
    quotation, which ends its sentence (no cue of its own after it) and which no other
    attribution owns."""
    if not found or not quotes.ranges:
        return
    text = _text(doc)
    owned = _owned(found)
    sent_ends = sorted({sent.end_char for sent in doc.sents})

    def sentence_end(pos: int) -> int:
        k = bisect.bisect_right(sent_ends, pos)
        return sent_ends[k] if k < len(sent_ends) else len(text)

    for att in found:
        if att.kind not in ("direct", "mixed") or att.content is None:
            continue
        parts = list(att.content_parts) or [att.content]
        last = max(att.cue[1], parts[-1][1]) - 1
        pos = min(sentence_end(last), _line_bounds(text, last)[1])
        opening = _OPENING_AT_END.search(text, last, pos)  # the parse put the next opening mark here
        if opening is not None:
            pos = opening.start() + 1
        while True:
            nxt = pos
            while nxt < len(text) and text[nxt] in " \t\xa0\n":
                nxt += 1
            if nxt >= len(text) or text[nxt] not in _QUOTE_CHARS:
                break
            following = [r for r in quotes.in_window(nxt, nxt + 3) if 0 <= r[0] - nxt <= 2]
            if not following or owned.overlaps(*following[0]) or "\n" in text[following[0][0]:following[0][1]]:
                break
            quote = following[0]
            # the quotation must end its sentence (a cue after it would make it someone's);
            # the parse's sentences may run over a paragraph break, the check stops there
            pos = min(sentence_end(quote[1]), _line_bounds(text, quote[1])[1])
            if text[quote[1]:pos].strip(" \t\xa0\"”’'.,!?") != "":
                break
            parts.append(quote)
        if len(parts) > max(1, len(att.content_parts)):
            att.content_parts = parts
            att.content = (min(p[0] for p in parts), max(p[1] for p in parts))


#: Head words of a colon source that is not a named entity ("Poll: ...", "Clinton camp: ...").
_COLON_SOURCE_NOUNS = frozenset({
    "poll", "polls", "survey", "study", "report", "newspaper", "paper", "camp", "campaign", "source", "sources",
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "aide", "aides", "expert", "experts",
    "analyst", "analysts", "lawmakers", "critics", "ministry", "statement", "he", "she", "they",
})
#: Words that make a line-initial "X:" a heading, dateline or web furniture, not a speaker.
_COLON_NOT_SOURCES = frozenset({
    "update", "updated", "related", "watch", "video", "photos", "photo", "note", "editor", "read", "more",
    "breaking", "exclusive", "live", "opinion", "analysis", "correction", "advertisement", "see", "also", "source",
    "sources", "credit", "caption", "share", "subscribe", "follow", "listen", "q", "a", "question", "answer", "tags",
    "filed", "posted", "contact", "email", "phone", "time", "date", "image", "images", "pic", "via",
})
_COLON_ENTS = ("PERSON", "ORG", "NORP")
_COLON_LOOKBACK = 16
#: A speaker label opening a line of an interview or transcript: "Q:", "A:", "TAPPER:",
#: "KATE BOLDUAN:".
_SPEAKER_LABEL = re.compile(r"^[ \t\xa0]*(Q|A|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t\xa0]+\S", re.MULTILINE)


def _speaker_labels(text: str) -> frozenset[str]:
    """The labels of an interview or transcript: line-opening "Q:" / "A:" or capitalised
    names before a colon, when the text has at least two such lines (one "WASHINGTON:" or
    "UPDATE:" line is a dateline or a heading, not a transcript)."""
    found = [m.group(1) for m in _SPEAKER_LABEL.finditer(text)]
    labels = {label for label in found if label.lower() not in _COLON_NOT_SOURCES or label in ("Q", "A")}
    if sum(1 for label in found if label in labels) < 2:
        return frozenset()
    return frozenset(labels)


def _colon_attributions(doc: Doc, found: list[Attribution], quotes: _Quotes) -> list[Attribution]:
    """Colon attributions with no speech verb, which news uses in two places:

    - headlines and lead-ins, ``Graham: Trump's rhetoric is destroying the GOP`` — a short
      speaker (a named person, organisation or group, or a source noun such as "Poll") at
      the start of a line, what they said up to the end of the line;
    - a quotation introduced by a speaker's name, ``... surprise pollster Daron Shaw:
      "Historically, ..."`` — the quotation must open right after the colon.

    Colons inside the content or cue of an attribution already found are skipped.
    """
    text = _text(doc)
    owned = _owned(found)
    speakers = _speaker_labels(text)

    out = []
    known: set[str] | None = None
    for pos in (m.start() for m in re.finditer(":", text)):  # the colons only, not every token
        colon = doc.char_span(pos, pos + 1)
        if colon is None:
            continue  # inside a token ("10:30", "http://")
        tok = colon[0]
        if owned.overlaps(tok.idx, tok.idx + 1) or quotes.coverage(tok.idx, tok.idx + 1) > 0:
            continue
        line_lo, line_hi = _line_bounds(text, tok.idx)
        first = tok.i
        # a speaker before the colon is a few words: look back no further (a text with no
        # line breaks would otherwise make every colon walk back to its start)
        while first > 0 and doc[first - 1].idx >= line_lo and tok.i - first < _COLON_LOOKBACK:
            first -= 1
        line_initial = first == 0 or doc[first - 1].idx < line_lo
        after = tok.i + 1
        while after < len(doc) and doc[after].is_space:
            after += 1
        if after >= len(doc):
            continue
        before = doc[first:tok.i]
        words = [t for t in before if not (t.is_punct or t.is_space)]
        # quote ranges start after the opening mark
        opened = [r for r in quotes.in_window(doc[after].idx, doc[after].idx + 2) if 0 <= r[0] - doc[after].idx <= 1]
        if opened and doc[tok.i - 1].ent_type_ in ("PERSON", "ORG") and doc[tok.i - 1].ent_iob_ in ("I", "B"):
            # a quotation right after a name: the entity that ends at the colon
            lo = tok.i - 1
            while lo > first and doc[lo].ent_iob_ == "I":
                lo -= 1
            if _after_byline(doc, lo, first):
                continue  # "..., by Times' Michael Paulson: "...": a credit for an excerpt
            if owned.overlaps(*opened[0]):
                continue  # the quotation is already someone's: "He added, with a reference to Gen. Petraeus: "...""
            src = (lo, tok.i)
            content = opened[0]
        elif line_initial and speakers and doc[first:tok.i].text.strip() in speakers:
            # a speaker's turn in an interview or transcript: the rest of the line
            end = _trim(doc, after, _last_on_line(doc, after, line_hi))
            if end[1] - end[0] < 2:
                continue
            src = _trim(doc, first, tok.i)
            content = _span_chars(doc, *end)
        elif line_initial and 1 <= len(words) <= 5 and not any(t.pos_ in ("VERB", "AUX") for t in words):
            # a line-initial speaker
            lowered = {t.lower_ for t in words}
            if lowered & _COLON_NOT_SOURCES or any(t.like_num for t in words):
                continue
            if all(t.is_upper for t in words) and not any(t.ent_type_ in _COLON_ENTS for t in words):
                continue  # a dateline or a shouted heading ("WASHINGTON:", "BREAKING:")
            if known is None:
                # headlines defeat the NER: a name the article names elsewhere still counts
                known = {ent[-1].text for ent in doc.ents if ent.label_ in ("PERSON", "ORG")}
            if not (any(t.ent_type_ in _COLON_ENTS for t in words) or words[-1].lower_ in _COLON_SOURCE_NOUNS
                    or (words[-1].text in known and all(t.tag_ in ("NNP", "NNPS") for t in words))):
                continue
            end = _trim(doc, after, _last_on_line(doc, after, line_hi))
            if end[1] - end[0] < 3:
                continue
            src = _trim(doc, first, tok.i)
            content = _span_chars(doc, *end)
        else:
            continue
        if src[1] <= src[0]:
            continue
        kind = "direct" if quotes.coverage(*content) >= DIRECT_SHARE else "indirect"
        head = doc[src[1] - 1]
        out.append(Attribution(kind, (tok.idx, tok.idx + 1), _span_chars(doc, *src), content, [content], head.idx, head))
    return out


#: A lead-in ending its paragraph with a colon: what follows is the content.
_LEAD_IN = re.compile(r"\b(transcript|as follows|statement|remarks|tweeted|wrote|writes|said|says|added|stated)\s*:[ \t]*$",
                      re.IGNORECASE)
_LEAD_IN_NOUNS = ("transcript", "as follows", "statement", "remarks")
_OPENING_QUOTES = frozenset('"“„«‘\'')


def _paragraphs_after_colon(doc: Doc, found: list[Attribution], quotes: _Quotes) -> list[Attribution]:
    """Content set off in the paragraphs after a lead-in that ends its paragraph with a colon:
    ``Trump said:`` or ``Partial transcript as follows:`` followed by a paragraph, or by a run
    of paragraphs that each open with a quotation mark (the convention for a quotation
    running over several paragraphs). An attribution already found on the lead-in line gets
    this content; a lead-in with no speech verb ("Transcript as follows:") becomes an
    attribution with no source."""
    text = _text(doc)
    out: list[Attribution] = []
    by_cue = sorted(((a.cue[0], a) for a in found), key=lambda x: x[0])
    cue_starts = [c for c, _ in by_cue]
    for m in re.finditer(r":[ \t]*(?=\n)", text):
        colon = m.start()
        line_lo, _ = _line_bounds(text, colon)
        lead = _LEAD_IN.search(text, line_lo, m.end())
        if quotes.coverage(colon, colon + 1) > 0:
            continue
        # the lead-in: a speech word before the colon, or a cue found on the line that has
        # no content of its own before the colon ("Breitbart News responded:")
        k = bisect.bisect_left(cue_starts, line_lo)
        owner = next((a for _, a in by_cue[k:bisect.bisect_left(cue_starts, colon, lo=k)]
                      if a.content is None or a.content[0] >= colon), None)
        if lead is None and (owner is None or _is_credit_line(doc, line_lo, colon)):
            continue
        parts: list[tuple[int, int]] = []
        k = m.end()
        while k < len(text):
            while k < len(text) and text[k].isspace():
                k += 1
            if k >= len(text):
                break
            hi = text.find("\n", k)
            hi = len(text) if hi < 0 else hi
            end = hi
            while end > k and text[end - 1].isspace():
                end -= 1
            if parts and text[k] not in _OPENING_QUOTES:
                break
            parts.append((k, end))
            if text[k] not in _OPENING_QUOTES:
                break
            k = hi
        if not parts or (lead is None and text[parts[0][0]] not in _OPENING_QUOTES):
            continue  # with no speech word before the colon, only a quotation is content
        content = (parts[0][0], parts[-1][1])
        kind = "direct" if quotes.coverage(*content) >= DIRECT_SHARE or all(text[s] in _OPENING_QUOTES for s, _ in parts) else "indirect"
        if owner is not None:
            owner.content, owner.content_parts = content, [content]
            if owner.kind in ("indirect", "direct", "mixed"):
                owner.kind = kind
        elif lead is not None and lead.group(1).lower() in _LEAD_IN_NOUNS:
            out.append(Attribution(kind, (lead.start(1), lead.end(1)), None, content, [content]))
    return out


#: Words before a name that make "<word> <name>: “...”" a credit, not a speaker: a byline
#: ("by DNAinfo's Nicole Levy:") or a place of publication ("writing at The New York Post:").
#: On PolNeAR train the nine such colons are none of them annotated attributions.
_BYLINE_WORDS = frozenset({"by", "at"})


def _after_byline(doc: Doc, lo: int, first: int) -> bool:
    """Whether the name starting at token ``lo`` follows "by" or "at", past the names,
    determiners and possessives that qualify it ("by the Courier's Dana Whitfield"), looking
    back to ``first``."""
    k = lo - 1
    while k >= first and k >= lo - 5 and (doc[k].pos_ in ("PROPN", "DET") or doc[k].tag_ == "POS" or doc[k].dep_ == "case"):
        k -= 1
    return k >= first and doc[k].lower_ in _BYLINE_WORDS


def _is_credit_line(doc: Doc, lo: int, hi: int) -> bool:
    """``From Andrea Peyser writing at The New York Post:`` -- a lead-in with no finite verb
    credits the excerpt that follows; it states nothing itself."""
    span = doc.char_span(lo, hi, alignment_mode="expand")
    return span is not None and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span)


def _last_on_line(doc: Doc, start: int, line_hi: int) -> int:
    """Index one past the last token that starts before ``line_hi``."""
    end = start
    while end < len(doc) and doc[end].idx < line_hi:
        end += 1
    return end


def _takes_clause(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" and any(g.dep_ in _SUBJ for g in c.children) for c in verb.children) and _subject(verb) is not None


def _kind(lemma: str, content: tuple[int, int] | None, quotes: _Quotes) -> str:
    if content is not None:
        share = quotes.coverage(*content)
        if share >= DIRECT_SHARE:
            return "direct"
        if share >= MIXED_SHARE:
            return "mixed"
    return "other" if lemma in _BELIEF else "indirect"


def _verb_cue(doc: Doc, sent: Span, verb: Token, sent_quotes: list[tuple[int, int]], quotes: _Quotes,
              learned: bool = False) -> Attribution | None:
    lemma = verb.lemma_.lower()
    subj = _subject(verb) or _inherited_subject(verb)
    if subj is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        subj = verb.head  # "voters supporting Trump", "a statement saying that ..."
    if subj is not None and _line_bounds(_text(doc), subj.idx) != _line_bounds(_text(doc), verb.idx):
        subj = _subject_on_line(doc, verb)
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
        lo, hi = _trim(doc, *_clip(doc, *_subtree_range(content_tok, exclude=verb), verb), complementizer=True)
        if hi > lo:
            parts.append(_span_chars(doc, lo, hi))
    # the verb is the head of the sentence: "“...,” he said." (content parsed as ccomp) or a
    # bare "he said." after a quote; take the sentence's quotes outside the subject/cue
    if sent_quotes:
        # the parse's sentence may run over a paragraph break: only the cue's paragraph counts
        line_lo, line_hi = _line_bounds(_text(doc), verb.idx)
        sent_quotes = [q for q in sent_quotes if line_lo <= q[0] and q[1] <= line_hi]
    if sent_quotes:
        cue_start = verb.idx
        src = _source_range(subj) if subj is not None else None
        for s, e in sent_quotes:
            if src is not None and doc[src[0]].idx <= s and e <= doc[src[1] - 1].idx + len(doc[src[1] - 1]):
                continue
            if s <= cue_start < e:
                continue  # the cue is itself quoted
            if _text(doc).count(" ", s, e) < 3 and parts:
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
        head_lo, head_hi = _clip(doc, *_subtree_range(verb.head), verb)
        cue_lo, cue_hi = verb.left_edge.i, verb.right_edge.i + 1
        for lo, hi in ((head_lo, min(cue_lo, head_hi)), (max(cue_hi, head_lo), head_hi)):
            lo, hi = _trim(doc, lo, hi)
            if hi > lo:
                parts.append(_span_chars(doc, lo, hi))
    if not parts:
        # colon-introduced content: "X said: ..."
        nxt = verb.i + 1
        if nxt < sent.end and doc[nxt].text == ":" and nxt + 1 < sent.end:
            lo, hi = _trim(doc, nxt + 1, sent.end)
            if hi > lo:
                parts.append(_span_chars(doc, lo, hi))
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
        lo, hi = _trim(doc, *_clip(doc, *_source_range(subj), subj))
        lo, hi = _balance(doc, lo, hi)
        if hi > lo:
            source = _span_chars(doc, lo, hi)
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
    passive_topic = (subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == verb.i
                     and lemma not in _PASSIVE_SOURCES and not any(c.dep_ == "agent" for c in verb.children))
    return Attribution(_kind(lemma, content, quotes), cue, source, content, parts, source_head, subj, passive_topic)


#: Meeting and topic verbs: cues only when they introduce what was said (a clause, a
#: quotation), never with a topic or a purpose ("discussed security issues", "aimed at
#: ensuring a ceasefire", "met with Haftar").
_TOPIC_VERBS = frozenset({"meet", "aim", "negotiate", "discuss"})


def _introduces_content(verb: Token, content_tok: Token | None, parts: list[tuple[int, int]], quotes: _Quotes) -> bool:
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


def _balance(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Close an opened parenthesis: "the Government of National Accord (GNA" -> "... (GNA)"."""
    opened = sum(1 for t in doc[lo:hi] if t.text == "(") - sum(1 for t in doc[lo:hi] if t.text == ")")
    if opened > 0 and hi < len(doc) and doc[hi].text == ")":
        return lo, hi + 1
    return lo, hi


def _that_clause(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _COMPLEMENTIZERS for c in tok.children)


def _noun_cue(doc: Doc, sent: Span, noun: Token, sent_quotes: list[tuple[int, int]]) -> Attribution | None:
    """Nominal cues: "in a statement", "the claim that ...", "X's statement: ..."."""
    content_tok = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if content_tok is not None and not _that_clause(content_tok) and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None  # an event, not a report: "upon the conclusion of the conference ... to create"
    parts = []
    if content_tok is not None:
        lo, hi = _trim(doc, *_subtree_range(content_tok), complementizer=True)
        if hi > lo:
            parts.append(_span_chars(doc, lo, hi))
    if not parts:
        return None
    source = None
    if owner is not None:
        lo, hi = _trim(doc, owner.left_edge.i, owner.i + 1)
        if hi > lo:
            source = _span_chars(doc, lo, hi)
    return Attribution("indirect", (noun.idx, noun.idx + len(noun)), source, parts[0], parts,
                       owner.idx if owner is not None else None, owner)


#: What "In a ... X, ..." opens as a source: on PolNeAR train a sentence-initial "In" before
#: a poll or survey is a gold cue 17 times in 21 (before "a statement", "a video", "a
#: speech", 3 in 44: the verb of the main clause is the cue there).
_IN_SOURCES = frozenset({"poll", "survey"})


def _in_poll(doc: Doc, sent: Span, in_: Token) -> Attribution | None:
    """``In an NBC News poll released Monday, 50 percent ...``: cue "In", source the poll,
    content the rest of the sentence (kind ``according_to``: the same construction)."""
    pobj = next((c for c in in_.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in _IN_SOURCES:
        return None
    src_lo, src_hi = _trim(doc, *_source_range(pobj))
    lo, hi = _trim(doc, *_clip(doc, max(src_hi, in_.right_edge.i + 1), sent.end, in_))
    if src_hi <= src_lo or hi - lo < 3:
        return None
    return Attribution("according_to", (in_.idx, in_.idx + len(in_)), _span_chars(doc, src_lo, src_hi),
                       _span_chars(doc, lo, hi), [_span_chars(doc, lo, hi)], pobj.idx, pobj)


def _reportedly(doc: Doc, adverb: Token, lexicon: CueLexicon) -> Attribution | None:
    """``Bloomberg is reportedly considering a run``: a report with no source (on PolNeAR
    train "reportedly" is a gold cue 19 times in 29; "allegedly" 2 in 12, not taken). The
    content is the clause around the adverb. Where the verb is itself a cue ("reportedly
    said"), the verb's attribution is the one."""
    verb = adverb.head
    if verb.i == adverb.i or verb.pos_ not in ("VERB", "AUX") or lexicon.is_cue(verb.lemma_.lower(), "VERB"):
        return None
    lo, hi = _clip(doc, *_subtree_range(verb), adverb)
    parts = [p for p in (_trim(doc, lo, adverb.i), _trim(doc, adverb.i + 1, hi)) if p[1] > p[0]]
    if not parts or sum(b - a for a, b in parts) < 3:
        return None
    chars = [_span_chars(doc, a, b) for a, b in parts]
    return Attribution("indirect", (adverb.idx, adverb.idx + len(adverb)), None, (chars[0][0], chars[-1][1]), chars)


#: Named-entity labels of a source-like object of "according to".
_SOURCE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "WORK_OF_ART", "LAW"})


def _source_like(tok: Token) -> bool:
    """Whether "according to" has a source as its object: a person, organisation, outlet,
    document or poll (a name, a pronoun, or a noun of ``source_descriptions.tsv``, titles
    or group nouns), not a formula or a plan."""
    from ..actors.names import group_nouns, titles
    from .resolve import descriptions

    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in _SOURCE_ENTS:
        return True
    for word in {tok.lemma_.lower(), tok.lower_}:  # "media" has the lemma "medium"
        if word in descriptions() or word in group_nouns() or word in titles():
            return True
    return any(c.dep_ in ("poss", "compound") and (c.pos_ == "PROPN" or c.ent_type_ in _SOURCE_ENTS) for c in tok.children)


def _according_to(doc: Doc, sent: Span, according: Token) -> Attribution | None:
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
        src_lo, src_hi = _source_range(pobj)
    if src_hi <= src_lo:
        return None
    if pobj is not None and not _source_like(pobj):
        return None  # "according to the 5 + 5 formula", "according to plan"
    phrase_lo, phrase_hi = according.i, src_hi
    # content: the rest of the sentence, on the larger side of the phrase
    left = _trim(doc, *_clip(doc, sent.start, phrase_lo, according))
    right = _trim(doc, *_clip(doc, phrase_hi, sent.end, according))
    lo, hi = left if left[1] - left[0] >= right[1] - right[0] else right
    content = _span_chars(doc, lo, hi) if hi > lo else None
    source = _span_chars(doc, *_trim(doc, src_lo, src_hi)) if _trim(doc, src_lo, src_hi)[1] > _trim(doc, src_lo, src_hi)[0] else None
    cue = (according.idx, to.idx + len(to))
    src_tok = pobj if pobj is not None else doc[src_lo]
    return Attribution("according_to", cue, source, content, [content] if content else [], src_tok.idx, src_tok)
