"""Built-in analyzers, registered lazily by import path (see :mod:`framing.registry`).

Nothing here imports an analyzer module: each is imported the first time its name is used.
"""

from __future__ import annotations

from .base import Analyzer, BaseAnalyzer, Context, default_features

__all__ = ["BUILTINS", "DEFAULT_ANALYZERS", "Analyzer", "BaseAnalyzer", "Context", "default_features"]

#: name -> "module:attribute" of the factory.
BUILTINS: dict[str, str] = {
    "readability": "framing.analyzers.readability:ReadabilityAnalyzer",
    "actors": "framing.analyzers.actors:ActorsAnalyzer",
    "attribution": "framing.analyzers.attribution:AttributionAnalyzer",
    "terminology": "framing.analyzers.terminology:TerminologyAnalyzer",
    "sentiment": "framing.analyzers.sentiment:SentimentAnalyzer",
    "passages": "framing.analyzers.passages:PassagesAnalyzer",
}

#: What :func:`framing.analyze` runs when ``analyzers=None``.
DEFAULT_ANALYZERS: tuple[str, ...] = ("readability", "actors", "attribution", "terminology", "sentiment", "passages")
