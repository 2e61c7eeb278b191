"""framing: media-bias and framing analysis of news articles.

Turn each article into a comparable profile — terminology choice per actor, attribution
density, sentiment toward actors, readability — and compare outlets side by side.

>>> import framing
>>> profile = framing.analyze("Haftar forces bombed the port.")   # doctest: +SKIP
>>> comparison = framing.compare([p1, p2])                          # doctest: +SKIP

``import framing`` is cheap: spaCy, models and lexicons load on first use.
"""

from __future__ import annotations

import logging

from ._version import __version__
from ._frames import to_frame
from .actors import ActorCatalog, align_actors
from .analyzers import DEFAULT_ANALYZERS, Analyzer, BaseAnalyzer, Context
from .article import Article
from .compare import Comparison, compare
from .engine import Engine, analyze, analyze_many
from .errors import (
    AnalyzerDependencyError,
    AnalyzerError,
    ArticleError,
    CatalogError,
    FramingError,
    FramingWarning,
    InputTypeError,
    InputValueError,
    ModelNotFoundError,
    NoModelWarning,
    NotFittedError,
    ReaderError,
    UnknownAnalyzerError,
)
from .pipeline import load_pipeline
from .profile import ArticleProfile
from .readers import read_csv, read_html, read_jsonl, read_path, read_text, read_texts
from .registry import get_analyzer, register_analyzer, registered_analyzers
from .terminology import ContestedTerms, distinctive_terms

# Names whose modules import heavy dependencies (scikit-learn, numpy models) load on first use.
_LAZY = {
    "ProfileVectorizer": "framing.vectorize",
    "TargetSentiment": "framing.sentiment",
    "sentiment_toward": "framing.sentiment",
    "sentiment_toward_many": "framing.sentiment",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "ActorCatalog",
    "Analyzer",
    "AnalyzerDependencyError",
    "AnalyzerError",
    "Article",
    "ArticleError",
    "ArticleProfile",
    "BaseAnalyzer",
    "CatalogError",
    "Comparison",
    "ContestedTerms",
    "Context",
    "DEFAULT_ANALYZERS",
    "Engine",
    "FramingError",
    "FramingWarning",
    "InputTypeError",
    "InputValueError",
    "ModelNotFoundError",
    "NoModelWarning",
    "NotFittedError",
    "ProfileVectorizer",
    "ReaderError",
    "TargetSentiment",
    "UnknownAnalyzerError",
    "__version__",
    "align_actors",
    "analyze",
    "analyze_many",
    "compare",
    "distinctive_terms",
    "get_analyzer",
    "load_pipeline",
    "read_csv",
    "read_html",
    "read_jsonl",
    "read_path",
    "read_text",
    "read_texts",
    "register_analyzer",
    "registered_analyzers",
    "sentiment_toward",
    "sentiment_toward_many",
    "to_frame",
]
