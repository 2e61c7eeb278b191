"""Cutting texts for the parse (long whitespace-free runs, long texts) and sentence starts at
line breaks (framing/segment.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing import segment

# texts rich in what the guards look at: punctuation runs, line breaks, spaces, words
_ALPHABET = st.sampled_from(list("!?.,;:()[]\"'’-") + ["\n", "\n\n", " ", "  ", "word", "Haftar", "’s", ":)"])
_TEXTS = st.lists(_ALPHABET, max_size=120).map("".join)


# -- run cuts --------------------------------------------------------------------------------
def test_short_runs_are_not_cut():
    assert segment.run_cuts("a" * 256 + " " + "!" * 256) == []
    assert segment.run_cuts("x" * 100, max_run=100) == []


def test_long_punctuation_run_is_cut_into_pieces_of_at_most_max_run():
    text = "He said " + "!" * 1000 + " then"
    cuts = segment.run_cuts(text, max_run=64)
    bounds = [8, *cuts, 1008]
    assert all(0 < b - a <= 64 for a, b in zip(bounds, bounds[1:]))


def test_cut_prefers_two_punctuation_characters():
    text = "abc" + "x" * 40 + "?!" + "y" * 40
    (cut,) = segment.run_cuts(text, max_run=64)
    assert text[cut - 1 : cut + 1] == "?!"


def test_cut_falls_back_to_a_letter_beside_punctuation():
    text = "'s" * 100  # the suffix 's peeled one at a time: quadratic unless cut
    cuts = segment.run_cuts(text, max_run=64)
    assert cuts and all(text[c] == "'" for c in cuts)


def test_run_of_letters_only_is_left_whole():
    assert segment.run_cuts("a" * 5000, max_run=64) == []


@given(_TEXTS, st.integers(min_value=4, max_value=40))
def test_cuts_lie_inside_long_runs_and_never_on_whitespace(text, max_run):
    for cut in segment.run_cuts(text, max_run=max_run):
        assert 0 < cut < len(text)
        assert not text[cut - 1].isspace() and not text[cut].isspace()


# -- chunks ----------------------------------------------------------------------------------
def test_chunks_cut_after_paragraph_breaks():
    text = ("One two three. " * 3 + "\n\n") * 10
    cuts = segment.chunk_bounds(text, max_chars=100)
    bounds = [0, *cuts, len(text)]
    assert all(0 < b - a <= 100 for a, b in zip(bounds, bounds[1:]))
    assert all(text[c - 2 : c] == "\n\n" for c in cuts)


def test_chunks_of_text_without_spaces_cut_at_the_limit():
    assert segment.chunk_bounds("x" * 250, max_chars=100) == [100, 200]


def test_short_text_needs_no_pieces(blank_nlp):
    assert not segment.needs_pieces(blank_nlp, "A short text. " * 10)
    assert segment.needs_pieces(blank_nlp, "(" * 300)
    assert segment.needs_pieces(blank_nlp, "word " * 20, max_chars=50)


# -- parse -----------------------------------------------------------------------------------
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_TEXTS, st.integers(min_value=4, max_value=40), st.integers(min_value=10, max_value=200))
def test_parsed_text_is_the_input_with_valid_offsets(blank_nlp, text, max_run, max_chars):
    doc = segment.parse(blank_nlp, text, max_chars=max_chars, max_run=max_run)
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text
    # every cut is a token boundary of the parsed Doc
    starts = {tok.idx for tok in doc} | {len(text)}
    cuts = segment.chunk_bounds(text, min(max_chars, blank_nlp.max_length))
    assert all(c in starts for c in cuts)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_TEXTS)
def test_text_without_long_runs_is_tokenized_as_by_nlp(blank_nlp, text):
    if segment.needs_pieces(blank_nlp, text, max_run=40):
        return
    doc = segment.parse(blank_nlp, text, max_run=40)
    assert [(t.text, t.whitespace_, t.is_sent_start) for t in doc] == [
        (t.text, t.whitespace_, t.is_sent_start) for t in blank_nlp(text)
    ]


def test_pathological_runs_keep_offsets(blank_nlp):
    text = "Before. " + "((((" * 200 + "))))" * 200 + " after " + ":)" * 300 + "."
    doc = segment.parse(blank_nlp, text, max_run=64)
    assert doc.text == text
    assert [t.text for t in doc][:2] == ["Before", "."]
    assert doc[-1].text == "."


class _Tokens:
    """Every token as a span (checks offsets into the original text)."""

    name, version, requires = "tokens", "1", ()

    def analyze(self, doc, context):
        return {"items": [context.span(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]}


def test_engine_parse_and_stream_agree_on_a_guarded_text(blank_nlp):
    text = "The minister spoke. " + "!" * 600 + "\n\nHaftar forces bombed the port."
    single = framing.analyze(text, nlp=blank_nlp, analyzers=[_Tokens()])
    streamed = list(framing.analyze_many(["short.", text], nlp=blank_nlp, analyzers=[_Tokens()]))
    assert streamed[1].error is None and single.error is None
    items = single["tokens"]["items"]
    assert items == streamed[1]["tokens"]["items"]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in items)
    assert items[-2]["text"] == "port"


# -- line breaks -----------------------------------------------------------------------------
def _starts(nlp, text):
    doc = segment.mark_line_breaks(nlp.make_doc(text))
    return [t.text for t in doc[1:] if t.is_sent_start]


def test_blank_line_and_heading_line_start_sentences(blank_nlp):
    text = "Bombing and victims\nOn the ground, a source said.\n\nthe next paragraph"
    assert _starts(blank_nlp, text) == ["On", "the"]


def test_line_ending_in_a_colon_is_not_a_boundary(blank_nlp):
    assert _starts(blank_nlp, "The governor added:\n\nIt is typical of her.\n\nNext") == ["Next"]


def test_line_going_on_in_lower_case_is_not_a_boundary(blank_nlp):
    assert _starts(blank_nlp, "He said the talks\nfailed in Geneva.\nNew line") == ["New"]


def test_hard_wrapped_text_leaves_single_breaks_to_the_parser(blank_nlp):
    text = "The minister\nsaid on Monday that\nthe talks had\nfailed and that\nThe Hague would rule.\n\nNext"
    assert _starts(blank_nlp, text) == ["Next"]


def test_paragraph_separator_and_crlf_count_as_breaks(blank_nlp):
    assert _starts(blank_nlp, "One\r\n\r\nTwo\u2029Three\r\nFour") == ["Two", "Three", "Four"]


def test_line_break_component_is_added_once_before_the_sentence_splitter():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    segment.add_line_breaks(nlp)
    segment.add_line_breaks(nlp)
    assert nlp.pipe_names == [segment.COMPONENT, "sentencizer"]
    doc = nlp("Resume conversations\nThese developments come as talks stall.")
    assert [s.text for s in doc.sents] == ["Resume conversations\n", "These developments come as talks stall."]


@pytest.mark.model
def test_parser_keeps_the_heading_apart_from_the_next_sentence(nlp):
    assert segment.COMPONENT in nlp.pipe_names
    doc = nlp("Bombing and victims\nOn the ground, a medical source said that three civilians were killed.")
    said = next(t for t in doc if t.text == "said")
    assert all(c.text != "Bombing" for c in said.subtree)
    assert doc[4].is_sent_start  # "On"
