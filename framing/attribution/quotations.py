"""Passes over quotations: each a pure function ``(layout, found) -> attributions``.

- :func:`credited_quotations`: a quotation paragraph over a credit line ("- Bernie
  Sanders.") is the credited speaker's;
- :func:`outlet_credits`: a sentence ending ", Al Arabia." credits the outlet;
- :func:`continue_quotations`: a quotation runs on into the quotations after it that have
  no cue of their own, over paragraph breaks;
- :func:`quotation_paragraphs_after`: a paragraph opening with a quotation and no cue
  continues the speaker of the paragraph before;
- :func:`quotation_marks_in_content`: a quoted content takes its quotation marks.

None changes the attributions it is given: those it extends are copies.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lines import BREAK_CHARS, BREAK_CLASS, LINE_END, LINE_START, break_before, has_break, line_start
from ..terminology.voice import RangeIndex
from .layout import QUOTE_CHARS
from .record import Attribution

if TYPE_CHECKING:  # pragma: no cover
    from .layout import TextLayout

__all__ = ["continue_quotations", "credited_quotations", "outlet_credits", "owned_ranges", "quotation_marks_in_content",
           "quotation_paragraphs_after"]


def _copies(found: list[Attribution]) -> list[Attribution]:
    """Copies of the attributions that a pass may extend without changing its input."""
    return [replace(a, content_parts=list(a.content_parts)) for a in found]


_OPENING_AT_END = re.compile(r"\s(?:''|[\"“„«])\s*$")
#: A line's first character that is not white space (:mod:`framing.lines`).
_PARAGRAPH_TEXT = re.compile(rf"{LINE_START}[ \t\xa0]*(?=\S)")


def owned_ranges(found: list[Attribution]) -> RangeIndex:
    """The characters that attributions already found use as cue or content."""
    return RangeIndex([r for a in found for r in (a.cue, *a.content_parts, *([a.content] if a.content else []))])


def quotation_marks_in_content(layout: TextLayout, found: list[Attribution]) -> list[Attribution]:
    """A content that is (or starts or ends with) a quotation takes its quotation marks, as
    annotators mark it: ``“I'm in disbelief,”`` rather than ``I'm in disbelief`` or
    ``“I'm in disbelief``."""
    text, quotes = layout.text, layout.quotes
    found = _copies(found)

    def snap(part: tuple[int, int]) -> tuple[int, int]:
        lo, hi = part
        inside = quotes.in_window(lo - 2, hi + 2)
        if not inside:
            return part
        first, last = inside[0], inside[-1]
        if abs(first[0] - lo) <= 2 and first[0] <= hi:
            lo = first[0] - (2 if text.startswith("''", first[0] - 2) else 1 if text[first[0] - 1] in QUOTE_CHARS else 0)
        if abs(last[1] - hi) <= 2 and last[1] >= lo:
            hi = last[1] + (2 if text.startswith("''", last[1]) else 1 if last[1] < len(text) and text[last[1]] in QUOTE_CHARS else 0)
        return (lo, hi) if lo < hi else part

    for att in found:
        if att.content is None or att.kind not in ("direct", "mixed"):
            continue
        if att.content_parts:
            att.content_parts = [snap(p) for p in att.content_parts]
            att.content = (min(p[0] for p in att.content_parts), max(p[1] for p in att.content_parts))
        else:
            att.content = snap(att.content)
    return found


#: A quotation paragraph with fewer words is a title or a scare quote, not what was said.

_MIN_QUOTATION_WORDS = 3


def quotation_paragraphs_after(layout: TextLayout, found: list[Attribution]) -> list[Attribution]:
    """A paragraph that opens with a quotation and has no cue of its own continues the
    speaker of the paragraph before it, as news runs a quote on after a paragraph of reported
    speech: ``Richards also spoke about the case before the Supreme Court.`` / ``“Roe v. Wade
    is the law of the land ...”``. The quotation (the whole paragraph when the quotation
    ends it) joins the content of the last attribution with a source whose cue is in the
    previous paragraph; on PolNeAR train, 70% of such paragraphs' characters are gold content
    (throw-away count, 100 paragraphs)."""
    quotes = layout.quotes
    if not found or not quotes.ranges:
        return list(found)
    text = layout.text
    found = _copies(found)
    owned = owned_ranges(found)
    by_cue = sorted(found, key=lambda a: a.cue[0])
    cue_starts = [a.cue[0] for a in by_cue]
    paragraphs = [m.end() for m in _PARAGRAPH_TEXT.finditer(text)]  # first character of each
    for n, lo in enumerate(paragraphs[1:], start=1):
        if text[lo] not in QUOTE_CHARS:
            continue
        opening = [r for r in quotes.in_window(lo, lo + 3) if 0 <= r[0] - lo <= 2]
        if not opening:
            continue
        quote = opening[0]
        line_lo, line_hi = layout.line_bounds(lo)
        k = bisect.bisect_left(cue_starts, line_lo)
        if k < len(cue_starts) and cue_starts[k] < line_hi:
            continue  # a cue of its own
        if owned.overlaps(*quote) or len(text[quote[0]:quote[1]].split()) < _MIN_QUOTATION_WORDS:
            continue
        before_lo = layout.line_bounds(paragraphs[n - 1])[0]
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
    return found


#: A paragraph that credits the quotation paragraph above it: a dash and the speaker's name,

#: perhaps a description after a comma -- ``- Bernie Sanders.``, ``-Michelle Marks,

#: Philadelphia.`` (fact checks, notebooks). A second dash makes it a subheading instead

#: (``– Old hands –.``).

_CREDIT_LINE = re.compile(rf"{LINE_START}[ \t\xa0]*[-—–―]{{1,2}}[ \t\xa0]?(?P<name>[A-Z][^,.{BREAK_CLASS}—–―-]*"
                          rf"(?:-[^,.{BREAK_CLASS}—–―-]+)*)(?P<rest>[,.][^{BREAK_CLASS}—–―]*)?{LINE_END}")


_NAME_LINKS = frozenset({"of", "de", "da", "del", "van", "von", "bin", "al", "el", "la", "le", "the"})


def credited_quotations(layout: TextLayout, found: list[Attribution]) -> list[Attribution]:
    """A quotation paragraph followed by a credit line (:data:`_CREDIT_LINE`) is the credited
    speaker's: the dash is the cue, the name the source, the quotation paragraph the
    content. Any cue found inside the quotation or on the credit line gives way (PolNeAR
    annotates no attribution inside another); a quotation another attribution already has as
    content is left to it. On PolNeAR train 7 quotation paragraphs are followed by such a
    line and all 7 are annotated so."""
    doc, text, quotes = layout.doc, layout.text, layout.quotes
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
        hi = break_before(text, m.start())
        if hi < 0:
            continue  # the text's first line: no paragraph above
        while hi > 0 and text[hi - 1].isspace():
            hi -= 1
        lo = line_start(text, hi)
        while lo < hi and text[lo] in " \t\xa0":
            lo += 1
        if hi <= lo or text[lo] not in QUOTE_CHARS:
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
        return list(found)
    inside = RangeIndex([a.content for a in credited] + lines)
    return [a for a in found if not inside.overlaps(*a.cue)] + credited


def continue_quotations(layout: TextLayout, found: list[Attribution]) -> list[Attribution]:
    """Extend direct and mixed quotations with the quotations that follow them with no cue
    of their own, as news runs a quote on: ``"It is insulting," Barkley said. "This is the
    United States of America."``, also into the next paragraphs while each opens with a
    quotation, which ends its sentence (no cue of its own after it) and which no other
    attribution owns."""
    quotes = layout.quotes
    if not found or not quotes.ranges:
        return list(found)
    text = layout.text
    found = _copies(found)
    owned = owned_ranges(found)
    sentence_end = layout.sentence_end
    for att in found:
        if att.kind not in ("direct", "mixed") or att.content is None:
            continue
        parts = list(att.content_parts) or [att.content]
        last = max(att.cue[1], parts[-1][1]) - 1
        pos = min(sentence_end(last), layout.line_bounds(last)[1])
        opening = _OPENING_AT_END.search(text, last, pos)  # the parse put the next opening mark here
        if opening is not None:
            pos = opening.start() + 1
        while True:
            nxt = pos
            while nxt < len(text) and (text[nxt] in " \t\xa0" or text[nxt] in BREAK_CHARS):
                nxt += 1
            if nxt >= len(text) or text[nxt] not in QUOTE_CHARS:
                break
            following = [r for r in quotes.in_window(nxt, nxt + 3) if 0 <= r[0] - nxt <= 2]
            if not following or owned.overlaps(*following[0]) or has_break(text[following[0][0]:following[0][1]]):
                break
            quote = following[0]
            # the quotation must end its sentence (a cue after it would make it someone's);
            # the parse's sentences may run over a paragraph break, the check stops there
            pos = min(sentence_end(quote[1]), layout.line_bounds(quote[1])[1])
            if text[quote[1]:pos].strip(" \t\xa0\"”’'.,!?") != "":
                break
            parts.append(quote)
        if len(parts) > max(1, len(att.content_parts)):
            att.content_parts = parts
            att.content = (min(p[0] for p in parts), max(p[1] for p in parts))
    return found


#: A news outlet credited at the end of a sentence: "..., Al Arabia." / "..., Reuters reported"

#: is a verb cue; this is the bare name after the last comma.

_TRAILING_NAME = re.compile(r",[ \t\xa0]+([A-Z][\w’'-]*(?:[ \t\xa0-]+[A-Z][\w’'-]*){0,3})[ \t\xa0]*[.!?]?[ \t\xa0\"”’']*$")


def outlet_credits(layout: TextLayout, found: list[Attribution]) -> list[Attribution]:
    """A sentence that ends with a comma and the name of a news outlet
    (``framing/data/media_outlets.tsv``) credits that outlet with the rest of the sentence:
    "The GNA announced that it would suspend its participation, Al Arabia." -- kind
    ``according_to``, the comma as the cue, the outlet as the source. A sentence whose end
    already belongs to an attribution is left alone."""
    from .outlets import media_outlet

    doc, text = layout.doc, layout.text
    owned = RangeIndex([a.cue for a in found] + [a.source for a in found if a.source])
    out = []
    for sent in doc.sents:
        lo, hi = sent.start_char, min(sent.end_char, layout.line_bounds(sent.start_char)[1])
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
    return [*found, *out]
