"""The shipped data files (rule words, lexicons, metric texts); :func:`tsv_rows` reads a TSV."""

from __future__ import annotations

from importlib import resources

__all__ = ["tsv_rows"]


def tsv_rows(filename: str) -> list[list[str]]:
    """The rows of the shipped TSV ``framing/data/<filename>``, each split at tabs.

    Blank lines and ``#`` comment lines are skipped, and so is the header: the first other
    line (every shipped TSV has one, naming its columns)."""
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]
