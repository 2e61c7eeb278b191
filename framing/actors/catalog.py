"""ActorCatalog: known actors and their aliases, for what no text can teach.

That "Al-Wefaq" is the Government of National Accord, or that "Haftar forces" are the
Libyan National Army, is world knowledge. A catalog file lists canonical actors::

    [[actor]]
    id = "gna"
    name = "Government of National Accord"
    type = "government"
    aliases = ["GNA", "Al-Wefaq", "Al-Wefaq government", "National Accord government"]

TOML, YAML (``actor:`` list) and JSON (``{"actor": [...]}`` or ``{"actors": [...]}``) are
read with safe loaders only. A catalog is untrusted input: YAML aliases (``*name``, which can
expand a few hundred bytes into gigabytes) are refused, every field's type is checked, and
sizes are bounded by the ``MAX_*`` constants below before anything is built from it.
"""

from __future__ import annotations

import functools
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ..errors import CatalogError, InputTypeError
from .names import name_key, normalize_name

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["ActorCatalog", "CatalogActor", "coerce_catalog"]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")

#: Largest catalog file read (bytes); a catalog of every national politician fits many times.
MAX_CATALOG_BYTES = 32 * 1024 * 1024
#: Most actors in one catalog.
MAX_ACTORS = 100_000
#: Most aliases of one actor.
MAX_ALIASES = 1_000
#: Longest id, name, type or alias (characters).
MAX_NAME_CHARS = 300
#: Longest description (characters).
MAX_DESCRIPTION_CHARS = 10_000


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
        if not isinstance(name, str):
            raise InputTypeError(f"[E133] ActorCatalog.lookup needs a name (str), got {type(name).__name__}.")
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
        ``name``, and may have ``type``, ``aliases`` and ``description`` (all strings,
        ``aliases`` a list of them; sizes bounded by the module's ``MAX_*`` constants)."""
        where = source or "catalog"
        if not isinstance(data, Mapping):
            raise CatalogError(f"[E061] {where}: expected a table/mapping at the top, got {type(data).__name__}.")
        entries = data.get("actor", data.get("actors"))
        if entries is None:
            raise CatalogError(f"[E061] {where}: no 'actor' list (write [[actor]] tables in TOML).")
        if not isinstance(entries, list):
            raise CatalogError(f"[E061] {where}: 'actor' must be a list of tables.")
        if len(entries) > MAX_ACTORS:
            raise CatalogError(f"[E132] {where}: {len(entries)} actors; a catalog holds at most {MAX_ACTORS}.")
        actors = [_actor_from_entry(entry, i, where) for i, entry in enumerate(entries, 1)]
        return cls(tuple(actors), source=source)

    @classmethod
    def load(cls, path: str | Path) -> ActorCatalog:
        """Read a TOML, YAML or JSON catalog file (by suffix)."""
        if not isinstance(path, (str, os.PathLike)):
            raise InputTypeError(f"[E133] ActorCatalog.load needs a path (str or pathlib.Path), got {type(path).__name__}.")
        path = Path(path)
        raw = _read_catalog_bytes(path)
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
                data = _yaml_load(text, str(path))
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


def _actor_from_entry(entry: Any, i: int, where: str) -> CatalogActor:
    """One checked actor entry: types first, then sizes, then the actor."""
    if not isinstance(entry, Mapping):
        raise CatalogError(f"[E062] {where}: actor #{i} is not a table.")
    actor_id, name = entry.get("id"), entry.get("name")
    if not isinstance(actor_id, str) or len(actor_id) > MAX_NAME_CHARS or not _ID.match(actor_id):
        shown = repr(actor_id) if isinstance(actor_id, str) and len(actor_id) <= 60 else f"a {type(actor_id).__name__}"
        raise CatalogError(
            f"[E062] {where}: actor #{i} needs an 'id' of at most {MAX_NAME_CHARS} letters, digits, "
            f"'_', '-', '.', ':' (got {shown})."
        )
    if not isinstance(name, str) or not name.strip():
        raise CatalogError(f"[E062] {where}: actor {actor_id!r} needs a 'name' (a non-empty string).")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise CatalogError(f"[E062] {where}: actor {actor_id!r}: 'aliases' must be a list of non-empty strings.")
    kind = entry.get("type", "organization")
    description = entry.get("description") or ""  # YAML's empty `description:` is null
    for field_name, value in (("type", kind), ("description", description)):
        if not isinstance(value, str):
            raise CatalogError(f"[E062] {where}: actor {actor_id!r}: {field_name!r} must be a string, got {type(value).__name__}.")
    _check_sizes(actor_id, name, kind, aliases, description, where)
    return CatalogActor(actor_id, name.strip(), kind, tuple(a.strip() for a in aliases), description)


def _check_sizes(actor_id: str, name: str, kind: str, aliases: list[str], description: str, where: str) -> None:
    if len(aliases) > MAX_ALIASES:
        raise CatalogError(f"[E132] {where}: actor {actor_id!r} has {len(aliases)} aliases; at most {MAX_ALIASES}.")
    for field_name, value in (("name", name), ("type", kind), *(("an alias", a) for a in aliases)):
        if len(value) > MAX_NAME_CHARS:
            raise CatalogError(
                f"[E132] {where}: actor {actor_id!r}: {field_name} is {len(value)} characters long; at most {MAX_NAME_CHARS}."
            )
    if len(description) > MAX_DESCRIPTION_CHARS:
        raise CatalogError(
            f"[E132] {where}: actor {actor_id!r}: the description is {len(description)} characters long; "
            f"at most {MAX_DESCRIPTION_CHARS}."
        )


def _read_catalog_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file of at most MAX_CATALOG_BYTES (a FIFO would block)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise CatalogError(f"[E063] Cannot read catalog {path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise CatalogError(f"[E063] Cannot read catalog {path}: not a regular file.")
        if info.st_size > MAX_CATALOG_BYTES:
            raise CatalogError(f"[E131] Catalog {path} is {info.st_size} bytes; at most {MAX_CATALOG_BYTES} are read.")
        try:
            raw = handle.read(MAX_CATALOG_BYTES + 1)
        except OSError as exc:
            raise CatalogError(f"[E063] Cannot read catalog {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_CATALOG_BYTES:  # the file grew while being read
        raise CatalogError(f"[E131] Catalog {path} is larger than {MAX_CATALOG_BYTES} bytes.")
    return raw


def _yaml_load(text: str, where: str) -> Any:
    """YAML through the safe loader, refusing aliases: ``*name`` references let a few
    hundred bytes stand for gigabytes of nested lists ("billion laughs")."""
    return _no_alias_loader()(text, where)


@functools.lru_cache(maxsize=1)
def _no_alias_loader() -> Any:
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                raise CatalogError(
                    f"[E130] {self.name}: line {mark.line + 1}: YAML aliases (*name) are not allowed "
                    "in a catalog; write the value out."
                )
            return super().compose_node(parent, index)

    def load(text: str, where: str) -> Any:
        loader = NoAliasLoader(text)
        loader.name = where
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()

    return load


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
