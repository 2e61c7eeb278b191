"""ActorCatalog: known actors and their aliases, for what no text can teach.

That "Al-Wefaq" is the Government of National Accord, or that "Haftar forces" are the
Libyan National Army, is world knowledge. A catalog file lists canonical actors::

    [[actor]]
    id = "gna"
    name = "Government of National Accord"
    type = "government"
    aliases = ["GNA", "Al-Wefaq", "Al-Wefaq government", "National Accord government"]

TOML, YAML (``actor:`` list) and JSON (``{"actor": [...]}`` or ``{"actors": [...]}``) are
read with safe loaders only.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ..errors import CatalogError
from .names import name_key, normalize_name

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["ActorCatalog", "CatalogActor", "coerce_catalog"]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


@dataclass(frozen=True)
class CatalogActor:
    """One canonical actor: id, display name, type and aliases (the name included)."""

    id: str
    name: str
    type: str = "organization"
    aliases: tuple[str, ...] = ()
    description: str = ""

    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class ActorCatalog:
    """Known actors with their aliases.

    Examples
    --------
    >>> cat = ActorCatalog.from_dict({"actor": [{"id": "gna", "name": "Government of National Accord",
    ...                                          "type": "government", "aliases": ["GNA", "Al-Wefaq"]}]})
    >>> cat.lookup("al-wefaq").id
    'gna'
    """

    actors: tuple[CatalogActor, ...] = ()
    source: str | None = None
    _by_norm: dict[str, CatalogActor] = field(default_factory=dict, init=False, repr=False)
    _by_key: dict[str, CatalogActor] = field(default_factory=dict, init=False, repr=False)
    _matchers: dict[int, Any] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for actor in self.actors:
            if actor.id in seen:
                raise CatalogError(f"[E060] {self._where()}: actor id {actor.id!r} is defined twice.")
            seen.add(actor.id)
            for alias in actor.all_names():
                self._by_norm.setdefault(normalize_name(alias), actor)
                self._by_key.setdefault(name_key(alias), actor)

    def _where(self) -> str:
        return self.source or "catalog"

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self):
        return iter(self.actors)

    def get(self, actor_id: str) -> CatalogActor | None:
        """The actor with this id, or ``None``."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def lookup(self, name: str) -> CatalogActor | None:
        """The actor one of whose aliases is ``name`` (case, accents, "the", "al-" and
        transliteration variants ignored), or ``None``."""
        norm = normalize_name(name)
        if norm in self._by_norm:
            return self._by_norm[norm]
        key = name_key(name)
        return self._by_key.get(key) if key else None

    def matcher(self, vocab: Any) -> Any:
        """A spaCy PhraseMatcher (case-insensitive) over every alias, built once per vocab."""
        matcher = self._matchers.get(id(vocab))
        if matcher is None:
            from spacy.matcher import PhraseMatcher
            from spacy.tokens import Doc

            matcher = PhraseMatcher(vocab, attr="LOWER")
            tokenizer = _tokenizer()
            for actor in self.actors:
                patterns = []
                for alias in actor.all_names():
                    # tokenised as spaCy's English tokenizer does ("al-Sarraj" -> al - Sarraj)
                    words = [t.text for t in tokenizer(alias)]
                    if words:
                        patterns.append(Doc(vocab, words=words))
                matcher.add(actor.id, patterns)
            self._matchers[id(vocab)] = matcher
        return matcher

    def matches(self, doc: Doc) -> list[tuple[int, int, CatalogActor]]:
        """Longest non-overlapping alias matches in ``doc`` as (start token, end token, actor)."""
        from spacy.util import filter_spans

        found = self.matcher(doc.vocab)(doc)
        spans = [doc[s:e] for _, s, e in found]
        by_span = {(s, e): doc.vocab.strings[m] for m, s, e in found}
        out = []
        for span in filter_spans(spans):
            actor = self.get(by_span[(span.start, span.end)])
            if actor is not None:
                out.append((span.start, span.end, actor))
        return out

    # -- construction -------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str | None = None) -> ActorCatalog:
        """Build from ``{"actor": [...]}`` (or ``"actors"``); each entry needs ``id`` and
        ``name``, and may have ``type``, ``aliases`` and ``description``."""
        where = source or "catalog"
        if not isinstance(data, Mapping):
            raise CatalogError(f"[E061] {where}: expected a table/mapping at the top, got {type(data).__name__}.")
        entries = data.get("actor", data.get("actors"))
        if entries is None:
            raise CatalogError(f"[E061] {where}: no 'actor' list (write [[actor]] tables in TOML).")
        if not isinstance(entries, list):
            raise CatalogError(f"[E061] {where}: 'actor' must be a list of tables.")
        actors = []
        for i, entry in enumerate(entries, 1):
            if not isinstance(entry, Mapping):
                raise CatalogError(f"[E062] {where}: actor #{i} is not a table.")
            actor_id, name = entry.get("id"), entry.get("name")
            if not isinstance(actor_id, str) or not _ID.match(actor_id):
                raise CatalogError(f"[E062] {where}: actor #{i} needs an 'id' of letters, digits, '_', '-', '.', ':' (got {actor_id!r}).")
            if not isinstance(name, str) or not name.strip():
                raise CatalogError(f"[E062] {where}: actor {actor_id!r} needs a 'name'.")
            aliases = entry.get("aliases", [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
                raise CatalogError(f"[E062] {where}: actor {actor_id!r}: 'aliases' must be a list of non-empty strings.")
            kind = entry.get("type", "organization")
            if not isinstance(kind, str):
                raise CatalogError(f"[E062] {where}: actor {actor_id!r}: 'type' must be a string.")
            actors.append(
                CatalogActor(actor_id, name.strip(), kind, tuple(a.strip() for a in aliases), str(entry.get("description", "")))
            )
        return cls(tuple(actors), source=source)

    @classmethod
    def load(cls, path: str | Path) -> ActorCatalog:
        """Read a TOML, YAML or JSON catalog file (by suffix)."""
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CatalogError(f"[E063] Cannot read catalog {path}: {exc.strerror or exc}") from None
        suffix = path.suffix.lower()
        try:
            text = raw.decode("utf-8")
            if suffix == ".toml":
                if sys.version_info >= (3, 11):
                    import tomllib
                else:  # pragma: no cover
                    import tomli as tomllib
                data = tomllib.loads(text)
            elif suffix in (".yaml", ".yml"):
                import yaml

                data = yaml.safe_load(text)
            elif suffix == ".json":
                data = json.loads(text)
            else:
                raise CatalogError(f"[E064] {path}: unknown catalog format {suffix!r} (use .toml, .yaml or .json).")
        except CatalogError:
            raise
        except Exception as exc:  # parse errors of three libraries, one message
            raise CatalogError(f"[E065] {path} is not a valid {suffix.lstrip('.').upper()} catalog: {exc}") from None
        return cls.from_dict(data, source=str(path))

    def to_dict(self) -> dict[str, Any]:
        """``{"actor": [...]}``, the form :meth:`from_dict` reads."""
        return {
            "actor": [
                {"id": a.id, "name": a.name, "type": a.type, "aliases": list(a.aliases)}
                | ({"description": a.description} if a.description else {})
                for a in self.actors
            ]
        }


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from spacy.lang.en import English

    return English().tokenizer


def coerce_catalog(obj: Any) -> ActorCatalog | None:
    """``None``, an :class:`ActorCatalog`, a path, or a mapping -> catalog or ``None``."""
    if obj is None or isinstance(obj, ActorCatalog):
        return obj
    if isinstance(obj, (str, Path)):
        return ActorCatalog.load(obj)
    if isinstance(obj, Mapping):
        return ActorCatalog.from_dict(obj)
    if isinstance(obj, Iterable):
        return ActorCatalog.from_dict({"actor": list(obj)})
    raise CatalogError(f"[E066] A catalog must be an ActorCatalog, a path or a mapping, got {type(obj).__name__}.")
