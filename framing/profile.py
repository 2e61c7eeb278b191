"""The per-article profile: one section per analyzer, JSON schema version 1."""

from __future__ import annotations

import copy
import json
import math
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from .errors import InputTypeError, InputValueError

__all__ = ["SCHEMA_VERSION", "ArticleProfile", "jsonable"]

SCHEMA_VERSION = 1
_TOP_LEVEL = ("schema_version", "article", "pipeline", "error")


def jsonable(value: Any) -> Any:
    """A deep copy of ``value`` as plain JSON data: NaN/inf become ``None``, tuples lists,
    numpy scalars Python numbers, mapping keys strings."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    # numpy scalars and arrays, without importing numpy
    if hasattr(value, "item") and hasattr(value, "dtype"):
        return jsonable(value.tolist())
    raise InputTypeError(f"[E020] Value of type {type(value).__name__} is not JSON-able: {value!r}")


@dataclass
class ArticleProfile:
    """What framing found in one article.

    Attributes
    ----------
    article : dict
        ``{id, outlet, title, n_words, n_sentences}``.
    pipeline : dict
        ``{framing_version, spacy_model, analyzers: {name: version}}``.
    error : str or None
        Why the article could not be analyzed, or ``None``.
    sections : dict
        One JSON-able section per analyzer, by analyzer name. Also reachable as
        ``profile["readability"]`` or ``profile.readability``.

    Examples
    --------
    >>> p = ArticleProfile(article={"id": "a"}, pipeline={}, sections={"x": {"n": 1}})
    >>> ArticleProfile.from_dict(p.to_dict()) == p
    True
    """

    article: dict[str, Any]
    pipeline: dict[str, Any]
    error: str | None = None
    sections: dict[str, Any] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION

    # -- access -------------------------------------------------------------------------
    @property
    def id(self) -> str | None:
        """The article id."""
        return self.article.get("id")

    @property
    def outlet(self) -> str | None:
        """The article's outlet, if known."""
        return self.article.get("outlet")

    @property
    def ok(self) -> bool:
        """True when the article was analyzed without error."""
        return self.error is None

    def _summary(self) -> dict[str, Any]:
        def count(section: str) -> int | None:
            items = (self.sections.get(section) or {}).get("items")
            return None if items is None else len(items)

        return {"id": self.id, "outlet": self.outlet, "words": self.article.get("n_words"),
                "actors": count("actors"), "attributions": count("attribution")}

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self._summary().items())
        return f"ArticleProfile({fields}{', error=' + repr(self.error) if self.error else ''})"

    def _repr_html_(self) -> str:
        import html

        rows = "".join(f'<tr><th scope="row">{k}</th><td>{html.escape(str(v if v is not None else "–"))}</td></tr>'
                       for k, v in self._summary().items())
        if self.error:
            rows += f'<tr><th scope="row">error</th><td>{html.escape(self.error)}</td></tr>'
        sections = html.escape(", ".join(self.sections) or "none")
        return f"<table><caption>ArticleProfile (sections: {sections})</caption>{rows}</table>"

    def __getitem__(self, key: str) -> Any:
        if key in _TOP_LEVEL:
            return getattr(self, key)
        try:
            return self.sections[key]
        except KeyError:
            raise KeyError(
                f"profile has no section {key!r}; sections: {sorted(self.sections)}"
            ) from None

    def __getattr__(self, key: str) -> Any:
        # only called when normal lookup fails: expose sections as attributes
        sections = self.__dict__.get("sections")
        if sections is not None and key in sections:
            return sections[key]
        raise AttributeError(f"{type(self).__name__!s} has no attribute or section {key!r}")

    def __contains__(self, key: object) -> bool:
        return key in _TOP_LEVEL or key in self.sections

    def keys(self) -> Iterator[str]:
        """Top-level keys of :meth:`to_dict`."""
        yield from _TOP_LEVEL
        yield from self.sections

    # -- serialisation ------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (NaN becomes ``None``); :meth:`from_dict` inverts it."""
        out: dict[str, Any] = {
            "schema_version": self.schema_version,
            "article": jsonable(self.article),
            "pipeline": jsonable(self.pipeline),
            "error": self.error,
        }
        for name, section in self.sections.items():
            out[name] = jsonable(section)
        return out

    def to_json(self, **kwargs: Any) -> str:
        """The profile as a JSON string (``kwargs`` go to :func:`json.dumps`)."""
        kwargs.setdefault("ensure_ascii", False)
        if "indent" not in kwargs:
            kwargs.setdefault("separators", (",", ":"))
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArticleProfile:
        """Rebuild a profile from :meth:`to_dict` output (or parsed JSON)."""
        if not isinstance(data, Mapping):
            raise InputTypeError(f"[E021] A profile must be a mapping, got {type(data).__name__}.")
        missing = [k for k in ("article", "pipeline") if k not in data]
        if missing:
            raise InputValueError(f"[E022] Not a framing profile: missing {', '.join(missing)}.")
        version = data.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise InputValueError(
                f"[E023] Profile schema_version {version!r} is not supported (this framing "
                f"reads version {SCHEMA_VERSION})."
            )
        for key in ("article", "pipeline"):
            if not isinstance(data[key], Mapping):
                raise InputValueError(
                    f"[E140] Not a framing profile: {key!r} must be a mapping, got {type(data[key]).__name__}."
                )
        if not isinstance(data.get("error"), (str, type(None))):
            raise InputValueError(f"[E140] Not a framing profile: 'error' must be a string or null, got {type(data['error']).__name__}.")
        article_id = data["article"].get("id")
        if not isinstance(article_id, (str, type(None))):
            raise InputValueError(f"[E140] Not a framing profile: the article 'id' must be a string or null, got {type(article_id).__name__}.")
        sections = {k: copy.deepcopy(v) for k, v in data.items() if k not in _TOP_LEVEL}
        return cls(
            article=copy.deepcopy(dict(data["article"])),
            pipeline=copy.deepcopy(dict(data["pipeline"])),
            error=data.get("error"),
            sections=sections,
            schema_version=version,
        )

    @classmethod
    def from_json(cls, text: str) -> ArticleProfile:
        """Inverse of :meth:`to_json`."""
        if not isinstance(text, (str, bytes, bytearray)):
            raise InputTypeError(f"[E141] A profile in JSON must be a str, got {type(text).__name__}.")
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # JSONDecodeError is a ValueError
            raise InputValueError(f"[E141] Not a framing profile: not JSON ({type(exc).__name__}: {exc}).") from None
        return cls.from_dict(data)

    # -- numbers ------------------------------------------------------------------------
    def features(self) -> dict[str, float]:
        """Flat ``{"<section>__<metric>": float}`` of the comparable numbers, sorted by key.

        Undefined values are NaN; a section that is not a mapping (``None`` for a failed
        article) counts as missing. Each section's analyzer decides what is comparable (its
        ``features`` method); sections of unknown analyzers use
        :func:`framing.analyzers.default_features`.
        """
        from .analyzers.base import default_features
        from .registry import analyzer_features

        out: dict[str, float] = {}
        for key in ("n_words", "n_sentences"):
            value = self.article.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                out[f"article__{key}"] = float(value)
        for name, section in self.sections.items():
            if not isinstance(section, Mapping):  # None for a failed article; NaN or junk read back
                continue
            feats = analyzer_features(name, section)
            if feats is None:
                feats = default_features(name, section)
            for key, value in feats.items():
                out[key] = _as_float(value)
        return dict(sorted(out.items()))


def _as_float(value: Any) -> float:
    """A feature value as a float; ``None`` and anything that is not a number (junk read
    back from a hand-edited profile) are undefined: NaN."""
    if isinstance(value, str):
        return math.nan
    try:
        return float(value) if value is not None else math.nan
    except (TypeError, ValueError):
        return math.nan
