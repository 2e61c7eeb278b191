"""Errors and warnings raised by framing.

Every error is a :class:`FramingError` and also inherits the builtin it resembles, so
``except TypeError`` or ``except LookupError`` keep working for callers that do not know
this library. Messages start with a stable code (``[E001]``) and say what to do.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AnalyzerDependencyError",
    "AnalyzerError",
    "ArticleError",
    "CatalogError",
    "FramingError",
    "FramingWarning",
    "InputTypeError",
    "InputValueError",
    "ModelNotFoundError",
    "NoModelWarning",
    "NotFittedError",
    "OutputError",
    "ReaderError",
    "UnknownAnalyzerError",
]


class FramingError(Exception):
    """Base class of every error raised by framing."""


class InputTypeError(FramingError, TypeError):
    """An argument has the wrong type (e.g. ``analyze(b"bytes")``)."""


class InputValueError(FramingError, ValueError):
    """An argument has the right type but an unusable value."""


class ModelNotFoundError(FramingError, OSError):
    """A requested spaCy pipeline is not installed."""


class UnknownAnalyzerError(FramingError, LookupError):
    """An analyzer name is not registered; the message lists the registered names."""


class AnalyzerDependencyError(FramingError, ValueError):
    """An analyzer requires another analyzer that cannot be provided."""


class AnalyzerError(FramingError, RuntimeError):
    """An analyzer failed on an article."""


class ArticleError(FramingError, RuntimeError):
    """Analysis of one article failed (raised with ``on_error="raise"``); names the article."""

    def __init__(self, message: str, article_id: str | None = None) -> None:
        super().__init__(message)
        self.article_id = article_id

    def __reduce__(self) -> tuple[Any, ...]:
        # keep the id when the error crosses a process boundary (``n_process > 1``)
        return (type(self), (str(self), self.article_id))


class CatalogError(FramingError, ValueError):
    """An actor catalog file or object is malformed."""


class ReaderError(FramingError, OSError):
    """An input file or folder cannot be read as articles."""


class OutputError(FramingError, OSError):
    """An output file cannot be written (checked before any work is done)."""


class NotFittedError(FramingError, ValueError, AttributeError):
    """An estimator was used before ``fit``."""


class FramingWarning(UserWarning):
    """Base class of framing's warnings."""


class NoModelWarning(FramingWarning):
    """No trained spaCy pipeline is installed; a blank pipeline is used instead."""
