"""Passes over colons: each a pure function ``(layout, found) -> attributions``.

- :func:`colon_attributions`: a speaker before a colon with no speech verb -- a headline
  or lead-in (``Graham: Trump's rhetoric is destroying the GOP``), a name before a
  quotation (``pollster Daron Shaw: "Historically, ..."``), a turn of an interview or
  transcript (``TAPPER: ...``);
- :func:`paragraphs_after_colon`: a lead-in ending its paragraph with a colon (``Trump
  said:``, ``Transcript as follows:``) takes the paragraphs after it as content.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..lines import BREAK_CLASS, LINE_START, line_end
from .layout import span_chars, trim
from .quotations import owned_ranges
from .record import Attribution
from .thresholds import DIRECT_SHARE

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .layout import TextLayout

__all__ = ["colon_attributions", "paragraphs_after_colon"]


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

_SPEAKER_LABEL = re.compile(rf"{LINE_START}[ \t\xa0]*(Q|A|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){{0,2}}):[ \t\xa0]+\S")


def _speaker_labels(text: str) -> frozenset[str]:
    """The labels of an interview or transcript: line-opening "Q:" / "A:" or capitalised
    names before a colon, when the text has at least two such lines (one "WASHINGTON:" or
    "UPDATE:" line is a dateline or a heading, not a transcript)."""
    found = [m.group(1) for m in _SPEAKER_LABEL.finditer(text)]
    labels = {label for label in found if label.lower() not in _COLON_NOT_SOURCES or label in ("Q", "A")}
    if sum(1 for label in found if label in labels) < 2:
        return frozenset()
    return frozenset(labels)


def colon_attributions(layout: TextLayout, found: list[Attribution]) -> list[Attribution]:
    """Colon attributions with no speech verb, which news uses in two places:

    - headlines and lead-ins, ``Graham: Trump's rhetoric is destroying the GOP`` — a short
      speaker (a named person, organisation or group, or a source noun such as "Poll") at
      the start of a line, what they said up to the end of the line;
    - a quotation introduced by a speaker's name, ``... surprise pollster Daron Shaw:
      "Historically, ..."`` — the quotation must open right after the colon.

    Colons inside the content or cue of an attribution already found are skipped.
    """
    doc, text, quotes = layout.doc, layout.text, layout.quotes
    owned = owned_ranges(found)
    speakers = _speaker_labels(text)

    out = []
    dropped: set[int] = set()
    known: set[str] | None = None
    for pos in (m.start() for m in re.finditer(":", text)):  # the colons only, not every token
        colon = doc.char_span(pos, pos + 1)
        if colon is None:
            continue  # inside a token ("10:30", "http://")
        tok = colon[0]
        if owned.overlaps(tok.idx, tok.idx + 1) or quotes.coverage(tok.idx, tok.idx + 1) > 0:
            continue
        line_lo, line_hi = layout.line_bounds(tok.idx)
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
            owners = [a for a in found if a.content and a.content[0] < opened[0][1] and opened[0][0] < a.content[1]]
            if owned.overlaps(*opened[0]) and (not owners or any(_speaker_like(a.source_token) for a in owners)):
                continue  # the quotation is already someone's: "He added, with a reference to Gen. Petraeus: "...""
            # a verb cue whose source is no speaker ("The survey surprised pollster Daron
            # Shaw: "..."") gives way to the name that opens the quotation
            dropped.update(id(a) for a in owners)
            src = (lo, tok.i)
            content = opened[0]
        elif line_initial and speakers and doc[first:tok.i].text.strip() in speakers:
            # a speaker's turn in an interview or transcript: the rest of the line
            end = trim(doc, after, _last_on_line(doc, after, line_hi))
            if end[1] - end[0] < 2:
                continue
            src = trim(doc, first, tok.i)
            content = span_chars(doc, *end)
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
            end = trim(doc, after, _last_on_line(doc, after, line_hi))
            if end[1] - end[0] < 3:
                continue
            src = trim(doc, first, tok.i)
            content = span_chars(doc, *end)
        else:
            continue
        if src[1] <= src[0]:
            continue
        kind = "direct" if quotes.coverage(*content) >= DIRECT_SHARE else "indirect"
        head = doc[src[1] - 1]
        out.append(Attribution(kind, (tok.idx, tok.idx + 1), span_chars(doc, *src), content, [content], head.idx, head))
    return [*(a for a in found if id(a) not in dropped), *out]


def _speaker_like(token: Any) -> bool:
    """Whether a source's head can speak: a pronoun, a proper name, or a named entity."""
    return token is not None and (token.pos_ in ("PRON", "PROPN") or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"))


#: A lead-in ending its paragraph with a colon: what follows is the content.

_LEAD_IN = re.compile(r"\b(transcript|as follows|statement|remarks|tweeted|wrote|writes|said|says|added|stated)\s*:[ \t]*$",
                      re.IGNORECASE)


_LEAD_IN_NOUNS = ("transcript", "as follows", "statement", "remarks")


_OPENING_QUOTES = frozenset('"“„«‘\'')


def paragraphs_after_colon(layout: TextLayout, found: list[Attribution]) -> list[Attribution]:
    """Content set off in the paragraphs after a lead-in that ends its paragraph with a colon:
    ``Trump said:`` or ``Partial transcript as follows:`` followed by a paragraph, or by a run
    of paragraphs that each open with a quotation mark (the convention for a quotation
    running over several paragraphs). An attribution already found on the lead-in line gets
    this content; a lead-in with no speech verb ("Transcript as follows:") becomes an
    attribution with no source."""
    doc, text, quotes = layout.doc, layout.text, layout.quotes
    found = [replace(a, content_parts=list(a.content_parts)) for a in found]
    out: list[Attribution] = []
    by_cue = sorted(((a.cue[0], a) for a in found), key=lambda x: x[0])
    cue_starts = [c for c, _ in by_cue]
    for m in re.finditer(rf":[ \t]*(?=[{BREAK_CLASS}])", text):
        colon = m.start()
        line_lo, _ = layout.line_bounds(colon)
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
            hi = line_end(text, k)
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
    return [*found, *out]


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
