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
from .analyzers import DEFAULT_ANALYZERS, Analyzer, BaseAnalyzer, Context
from .article import Article
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

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Analyzer",
    "AnalyzerDependencyError",
    "AnalyzerError",
    "Article",
    "ArticleError",
    "ArticleProfile",
    "BaseAnalyzer",
    "CatalogError",
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
    "ReaderError",
    "UnknownAnalyzerError",
    "__version__",
    "analyze",
    "analyze_many",
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
]
