"""The public surface: __all__, import cost, no network during analysis."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

import framing


def test_all_is_sorted_and_exported():
    assert framing.__all__ == sorted(framing.__all__)
    for name in framing.__all__:
        assert hasattr(framing, name), name
    public = {n for n in dir(framing) if not n.startswith("_") and n != "annotations"}
    modules = {n for n in public if type(getattr(framing, n)).__name__ == "module"}
    assert public - modules - {"logging"} <= set(framing.__all__)


def test_contract_names_exist():
    for name in ("analyze", "analyze_many", "compare", "sentiment_toward", "load_pipeline",
                 "Article", "ArticleProfile", "ActorCatalog", "register_analyzer", "FramingError"):
        assert name in framing.__all__, name


def test_errors_subclass_builtins():
    assert issubclass(framing.InputTypeError, (framing.FramingError, TypeError))
    assert issubclass(framing.UnknownAnalyzerError, LookupError)
    assert issubclass(framing.ModelNotFoundError, OSError)
    assert issubclass(framing.NotFittedError, ValueError) and issubclass(framing.NotFittedError, AttributeError)


def test_import_is_light():
    code = "import sys; import framing; print('spacy' in sys.modules, 'sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"], "import framing must not import spaCy or scikit-learn"



@pytest.fixture
def no_network(monkeypatch):
    def guard(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", guard)
    monkeypatch.setattr(socket.socket, "connect_ex", guard)
    monkeypatch.setattr(socket, "create_connection", guard)
    monkeypatch.setattr(socket, "getaddrinfo", guard)


def test_analysis_uses_no_network(nlp, no_network):
    text = (
        'Russian Defense Minister Sergei Shoigu met Khalifa Haftar in Moscow. "The talks are '
        'important," the ministry said. According to Reuters, the GNA suspended its participation.'
    )
    profile = framing.analyze(text, nlp=nlp)
    assert profile.error is None
    assert set(framing.DEFAULT_ANALYZERS) <= set(profile.sections)
