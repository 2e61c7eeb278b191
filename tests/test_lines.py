"""Line breaks: one definition (framing.lines) for every line and paragraph boundary, so an
article reads the same with \\n, \\r\\n, \\r or U+2028 breaks, with offsets into the text as given."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.actors.text import boilerplate_ranges, headline_range
from framing.analyzers.attribution import _paragraph_starts
from framing.attribution.layout import TextLayout
from framing.lines import LINE_BREAK, LineIndex, break_before, has_break, line_end, line_start, lines
from framing.terminology import quote_ranges

SEPS = ["\n", "\r\n", "\r", "\u2028"]

PARAGRAPHS = [
    "Talks Stall in Tripoli",
    "Richards also spoke about the case before the Supreme Court.",
    "\u201cRoe v. Wade is the law of the land. But it is not a right if you can\u2019t access it.\u201d",
    "\u201cI\u2019m in disbelief,\u201d he said. \u201cI wish everyone could read them.\u201d",
    "\u201cDon\u2019t wait until the election. Start now.\u201d",
    "\u201cWe will not go back on this promise to the voters of the state.\u201d",
    "- Bernie Sanders.",
    "The governor added:",
    "\u201cThe ruling will be close. Nobody expects it soon.\u201d",
    "According to Reuters, the shelling forced the suspension of the talks.",
]


def article(sep: str, gap: int = 1) -> str:
    return (sep * gap).join(PARAGRAPHS)


def blank_line(s: str):
    return re.fullmatch(f"(?:{LINE_BREAK.pattern}){{2}}", s)


def to_lf(text: str, offset: int) -> int:
    """The offset in the same article with \\n breaks (only \\r\\n changes lengths)."""
    return offset - text.count("\r\n", 0, offset)


def mapped(text: str, ranges) -> list[tuple[int, int]]:
    return [(to_lf(text, s), to_lf(text, e)) for s, e in ranges]


def test_every_break_is_one_break():
    text = "a\r\nb\rc\u2028d\n\ne\x85f\u2029g\vh\fi\x1cj"
    assert [text[a:b] for a, b in lines(text)] == text.splitlines() == list("abcd") + ["", *"efghij"]
    assert [m.group() for m in LINE_BREAK.finditer("a\r\n\r\nb")] == ["\r\n", "\r\n"]
    assert blank_line("\r\n") is None and blank_line("\r\n\r\n") is not None  # no "\r" + "\n" on backtracking
    assert has_break("x\u2028") and not has_break("x \t\xa0y")


def test_line_helpers_on_crlf():
    text = "one\r\ntwo\r\nthree"
    assert line_start(text, 6) == 5 and line_end(text, 6) == 8
    assert break_before(text, 5) == 3 and break_before(text, 2) == -1
    # a position inside a \r\n pair counts as its \r: the line it ends
    assert line_start(text, 4) == 0 and line_end(text, 4) == 3
    assert LineIndex(text).bounds(4) == (0, 3) and LineIndex(text).bounds(10) == (10, 15)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n\r\u2028\x85", max_size=40))
def test_line_index_agrees_with_the_helpers(text):
    index = LineIndex(text)
    for i in range(len(text) + 1):
        lo, hi = index.bounds(i)
        assert (lo, hi) == (line_start(text, i), line_end(text, i))
        assert not has_break(text[lo:hi])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n", max_size=40))
def test_lf_only_texts_read_as_before(text):
    """On \\n-only texts the helpers are the str.find/split arithmetic they replaced."""
    pos, split = 0, []
    for line in text.split("\n"):
        split.append((pos, pos + len(line)))
        pos += len(line) + 1
    assert lines(text) == split
    for i in range(len(text) + 1):
        assert line_start(text, i) == text.rfind("\n", 0, i) + 1
        assert line_end(text, i) == (text.find("\n", i) if "\n" in text[i:] else len(text))
        assert break_before(text, i) == text.rfind("\n", 0, i)


@pytest.mark.parametrize("sep", SEPS[1:])
@pytest.mark.parametrize("gap", [1, 2])
def test_quotes_paragraphs_and_lines_do_not_depend_on_the_break(sep, gap, blank_nlp):
    base, text = article("\n", gap), article(sep, gap)
    assert mapped(text, quote_ranges(text)) == quote_ranges(base)
    # an unclosed quotation is closed at the line break, whichever it is
    assert quote_ranges(f'He said "we will{sep}win" then.')[0] == (9, 16)
    assert [to_lf(text, p) for p in _paragraph_starts(text)] == _paragraph_starts(base)
    layout, base_layout = TextLayout(blank_nlp(text), text, []), TextLayout(blank_nlp(base), base, [])
    for i, c in enumerate(text):
        if c not in "\r\n\u2028":
            assert mapped(text, [layout.line_bounds(i)]) == [base_layout.line_bounds(to_lf(text, i))]
    for got, want in zip(boilerplate_ranges(text), boilerplate_ranges(base)):
        assert mapped(text, got) == want
    assert mapped(text, [headline_range(text)] if headline_range(text) else []) == (
        [headline_range(base)] if headline_range(base) else [])


def _spans(text: str, section: dict) -> list[dict]:
    """Each attribution's spans and kind, as offsets into the \\n version of the text."""
    out = []
    for item in section["items"]:
        row = {"kind": item["kind"], "parts": mapped(text, item.get("content_parts", []))}
        for key in ("cue", "source", "content"):
            span = item[key]
            if span:
                assert text[span["start"]:span["end"]] == span["text"]
                row[key] = mapped(text, [(span["start"], span["end"])])[0]
        out.append(row)
    return out


@pytest.mark.model
@pytest.mark.parametrize("gap", [1, 2])
def test_attributions_do_not_depend_on_the_break(gap, nlp):
    """Quotation paragraphs, run-on quotations, a credit line and a colon lead-in find the
    same spans with every kind of line break. (Actors may differ: the statistical NER reads
    a \\r\\n token differently from a \\n token, and the text is never rewritten.)"""
    found = {}
    for sep in SEPS:
        text = article(sep, gap)
        found[sep] = _spans(text, framing.analyze(text, nlp=nlp, analyzers=["actors", "attribution"])["attribution"])
    assert len(found["\n"]) == 5
    assert {sep: rows for sep, rows in found.items()} == {sep: found["\n"] for sep in SEPS}
