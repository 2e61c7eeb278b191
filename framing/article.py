"""The :class:`Article` record and the coercion of user input into it."""

from __future__ import annotations

import re
from pathlib import Path, PurePath
from dataclasses import asdict, dataclass, field
from typing import Any, Mapping

from .errors import InputTypeError, InputValueError

__all__ = ["Article", "caller_id", "check_text", "coerce_article"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELDS = ("text", "id", "outlet", "title", "published", "url", "meta")


@dataclass(frozen=True)
class Article:
    """One news article.

    Parameters
    ----------
    text : str
        The body text. Every span framing reports is a character offset into exactly this
        string.
    id : str, optional
        A stable identifier; :func:`framing.analyze_many` fills in the input position
        (``"0"``, ``"1"``, ...) when it is missing.
    outlet, title, published, url : str, optional
        Metadata carried into the profile.
    meta : dict
        Anything else (JSON-able), kept as is.

    Examples
    --------
    >>> Article("Haftar forces bombed the port.", id="a1", outlet="X").outlet
    'X'
    """

    text: str
    id: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict of the record's fields."""
        return asdict(self)


def check_text(text: str) -> str:
    """``text`` itself, or :class:`InputValueError` [E004] when it holds an unpaired
    surrogate (not valid Unicode: spaCy and every encoder fail on it)."""
    bad = _SURROGATE.search(text)
    if bad is not None:
        raise InputValueError(
            f"[E004] Article text is not valid Unicode: unpaired surrogate U+{ord(bad.group()):04X} "
            f"at character {bad.start()} (decode the source with errors='replace')."
        )
    return text


def _opt_str(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value)
    raise InputTypeError(f"[E003] Article field '{name}' must be a string, got {type(value).__name__}.")


def _meta(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InputTypeError(f"[E005] Article field 'meta' must be a dict, got {type(value).__name__}.")
    return {str(k): v for k, v in value.items()}


def caller_id(obj: Any) -> str | None:
    """The id the caller gave ``obj`` (an :class:`Article` or a mapping), if it is usable,
    even when the rest of the record is not; ``None`` otherwise."""
    try:
        value = obj.id if isinstance(obj, Article) else obj.get("id") if isinstance(obj, Mapping) else None
        return _opt_str(value, "id")
    except Exception:  # a mapping that raises on access: it has no usable id
        return None


def _looks_like_path(text: str) -> bool:
    """A one-line string without spaces that names an existing file: almost surely a path
    passed by mistake instead of the file's text."""
    if not text or len(text) > 4096 or any(c.isspace() for c in text):
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def coerce_article(
    obj: Any,
    *,
    id: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    default_id: str | None = None,
) -> Article:
    """Turn a string, :class:`Article` or mapping into an :class:`Article`.

    Keyword arguments override the record's own fields. Raises :class:`InputTypeError`
    naming the offending type for anything else (bytes, None, numbers, ...).
    """
    article = _record(obj)
    if not isinstance(article.text, str):
        raise InputTypeError(f"[E001] Article text must be str, got {type(article.text).__name__}.")
    check_text(article.text)
    changes: dict[str, Any] = {}
    if id is not None:
        changes["id"] = _opt_str(id, "id")
    if outlet is not None:
        changes["outlet"] = _opt_str(outlet, "outlet")
    if title is not None:
        changes["title"] = _opt_str(title, "title")
    if article.id is None and default_id is not None and "id" not in changes:
        changes["id"] = default_id
    if changes:
        from dataclasses import replace

        article = replace(article, **changes)
    return article


def _decode_hint(value: Any) -> str:
    return " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(value, (bytes, bytearray)) else ""


def _record(obj: Any) -> Article:
    """The :class:`Article` a string, Article or mapping stands for, fields as given."""
    if isinstance(obj, Article):
        return obj
    if isinstance(obj, str):
        if _looks_like_path(obj):
            raise InputValueError(
                f"[E006] The text {obj!r} is the path of a file, not article text; read it first "
                "(framing.read_text(path)), or pass the text itself."
            )
        return Article(text=obj)
    if isinstance(obj, PurePath):
        raise InputTypeError(
            f"[E001] Got a path ({obj}), not article text; read it first (framing.read_text(path))."
        )
    if isinstance(obj, Mapping):
        return _from_mapping(obj)
    raise InputTypeError(
        f"[E001] Expected article text (str), a framing.Article or a dict with 'text'; "
        f"got {type(obj).__name__}{_decode_hint(obj)}."
    )


def _from_mapping(obj: Mapping[str, Any]) -> Article:
    if "text" not in obj:
        raise InputValueError(f"[E002] An article mapping needs a 'text' key; got keys {sorted(map(str, obj))}.")
    text = obj["text"]
    if not isinstance(text, str):
        raise InputTypeError(f"[E001] Article text must be str, got {type(text).__name__}{_decode_hint(text)}.")
    meta = _meta(obj.get("meta"))
    meta.update({k: v for k, v in obj.items() if k not in _FIELDS})  # other fields are metadata
    return Article(
        text=text,
        id=_opt_str(obj.get("id"), "id"),
        outlet=_opt_str(obj.get("outlet"), "outlet"),
        title=_opt_str(obj.get("title"), "title"),
        published=_opt_str(obj.get("published"), "published"),
        url=_opt_str(obj.get("url"), "url"),
        meta=meta,
    )
