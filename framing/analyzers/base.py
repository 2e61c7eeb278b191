"""The analyzer protocol and the context every analyzer receives.

An analyzer is any object with

- ``name``: the registered name, also the profile section it owns;
- ``version``: a string recorded in ``profile.pipeline.analyzers``;
- ``requires``: names of analyzers whose sections it reads from ``context.results``;
- ``analyze(doc, context) -> dict``: the JSON-able section for one article.

Optionally ``features(section) -> dict[str, float]`` turns its section into comparable
numbers (see :func:`default_features` for what happens without it), and ``needs_parse =
False`` says the analyzer reads only the text, tokens and sentences: when every analyzer of
a run says so, the engine skips the pipeline and makes the Doc with the tokenizer and a
rule-based sentencizer. ``needs_doc = False`` says it reads only ``context.text``: when
every analyzer of a run says so, the engine makes no Doc at all, passes ``doc=None``, and
the profile's ``article.n_words`` and ``n_sentences`` are null (nothing counted tokens;
readability alone runs this way, many times faster than on a parse). Analyzers never parse
text themselves: the one spaCy ``Doc`` of the article is shared by all of them, and
``doc.text == context.text`` always holds, so token offsets are offsets into the text the
user passed in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping, Protocol, runtime_checkable

from ..spans import make_span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..article import Article
    from ..actors.catalog import ActorCatalog

__all__ = ["Analyzer", "BaseAnalyzer", "Context", "default_features"]


@runtime_checkable
class Analyzer(Protocol):
    """What :func:`framing.analyze` needs from an analyzer."""

    name: str
    version: str
    requires: tuple[str, ...]

    def analyze(self, doc: Doc, context: Context) -> dict[str, Any]:  # pragma: no cover
        ...


@dataclass
class Context:
    """Everything an analyzer may read besides the ``Doc``.

    Attributes
    ----------
    text : str
        The exact text passed in (``doc.text == text``).
    article : Article
        The article record (id, outlet, title, ...).
    results : dict
        Sections already produced for this article, by analyzer name. An analyzer may read
        only the sections of the analyzers it ``requires``.
    catalog : ActorCatalog or None
        Known actors and aliases supplied by the user.
    nlp : spacy.Language or None
        The pipeline that parsed the doc (for its vocab or meta, never to parse again).
    """

    text: str
    article: Article
    results: dict[str, Any] = field(default_factory=dict)
    catalog: ActorCatalog | None = None
    nlp: Language | None = None
    _words: tuple[Any, list[Any]] | None = field(default=None, init=False, repr=False, compare=False)
    _quotes: list[tuple[int, int]] | None = field(default=None, init=False, repr=False, compare=False)

    def words(self, doc: Doc) -> list[Any]:
        """The tokens of ``doc`` that are neither punctuation nor whitespace, computed once
        per article and shared by the analyzers (iterating a Doc builds Token objects)."""
        if self._words is None or self._words[0] is not doc:
            self._words = (doc, [t for t in doc if not (t.is_punct or t.is_space)])
        return self._words[1]

    def quotes(self) -> list[tuple[int, int]]:
        """:func:`framing.terminology.quote_ranges` of the text, computed once per article
        and shared by the analyzers (do not modify the list)."""
        if self._quotes is None:
            from ..terminology.voice import quote_ranges

            self._quotes = quote_ranges(self.text)
        return self._quotes

    def span(self, start: int, end: int, **extra: Any) -> dict[str, Any]:
        """A ``{start, end, text}`` span of the original text."""
        return make_span(self.text, start, end, **extra)


class BaseAnalyzer:
    """Convenience base class: stores keyword configuration, provides ``get_params``.

    Subclasses set ``name``, ``version``, ``requires`` and implement :meth:`analyze`.
    Like scikit-learn estimators, constructors only store their arguments; anything
    expensive (lexicons, models) is loaded lazily on first use and cached.
    """

    name: str = ""
    version: str = "1"
    requires: tuple[str, ...] = ()
    #: Whether :meth:`analyze` reads the pipeline's annotations (tags, parse, entities).
    needs_parse: bool = True
    #: Whether :meth:`analyze` reads the Doc at all (False: only ``context.text``; it may
    #: then be given ``doc=None``).
    needs_doc: bool = True

    def get_params(self) -> dict[str, Any]:
        """The constructor arguments, for reproducing this analyzer."""
        import inspect

        sig = inspect.signature(type(self).__init__)
        return {
            p: getattr(self, p)
            for p in sig.parameters
            if p != "self" and hasattr(self, p)
        }

    def analyze(self, doc: Doc, context: Context) -> dict[str, Any]:  # pragma: no cover
        raise NotImplementedError

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({params})"


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _flatten(prefix: str, value: Any, out: dict[str, float]) -> None:
    if _is_number(value):
        out[prefix] = float(value)
    elif value is None:
        out[prefix] = math.nan
    elif isinstance(value, Mapping):
        for key, sub in value.items():
            _flatten(f"{prefix}__{key}", sub, out)


def default_features(name: str, section: Mapping[str, Any] | None) -> dict[str, float]:
    """Comparable numbers of a section, for sections whose analyzer has no ``features``.

    Takes the section's top-level numbers (``None`` becomes NaN) and, recursively, every
    number inside its ``metrics`` mapping. Keys are ``"<section>__<metric>"``.
    """
    out: dict[str, float] = {}
    if not section:
        return out
    for key, value in section.items():
        if key == "metrics" and isinstance(value, Mapping):
            _flatten(name, value, out)
        elif _is_number(value) or value is None:
            _flatten(f"{name}__{key}", value, out)
    return out
