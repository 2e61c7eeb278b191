"""The reader of the shipped TSV data files (framing/data/*.tsv)."""

from importlib import resources

import pytest

from framing.data import tsv_rows

TSV_FILES = sorted(p.name for p in resources.files("framing.data").iterdir() if p.name.endswith(".tsv"))


def _header(name: str) -> list[str]:
    text = resources.files("framing.data").joinpath(name).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.strip() and not line.startswith("#")).split("\t")


@pytest.mark.parametrize("name", TSV_FILES)
def test_every_row_of_a_shipped_tsv_has_its_header_columns(name):
    header, table = _header(name), tsv_rows(name)
    assert table, name
    assert all(len(row) == len(header) for row in table), name
    assert header not in table and not any(row[0].startswith("#") or not row[0].strip() for row in table)


def test_rows_skip_comments_blank_lines_and_the_header():
    # attribution_cues.tsv has a blank line between its comments and its header
    assert _header("attribution_cues.tsv") == ["lemma", "pos", "n_cue", "n_total"]
    assert tsv_rows("attribution_cues.tsv")[0][:2] == ["say", "VERB"]
    assert tsv_rows("quote_verbs.tsv")[0] == ["call"]
