"""Actor catalogs as untrusted input: no alias expansion, field types and sizes checked."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.actors import ActorCatalog
from framing.actors import catalog as catalog_module
from framing.errors import CatalogError

# 391 bytes standing for 9**9 (387 million) strings: before aliases were refused,
# ActorCatalog.load ran out of 1.5 GB of memory after 26 s on it (the issue: 50 s, 3 GB).
_LEVELS = "abcdefghi"
LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]" for p, n in zip(_LEVELS, _LEVELS[1:])]
    + ["actor:", "  - id: x", "    name: X", "    description: *i", ""]
)


def test_yaml_billion_laughs_refused(tmp_path):
    path = tmp_path / "laughs.yaml"
    path.write_text(LAUGHS, encoding="utf-8")
    with pytest.raises(CatalogError, match=r"E130.*line 2.*aliases"):
        ActorCatalog.load(path)


def test_yaml_alias_to_a_string_refused_and_plain_yaml_read(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("actor:\n  - {id: a, name: &n Alpha, aliases: [*n]}\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="E130"):
        ActorCatalog.load(path)
    path.write_text("actor:\n  - id: a\n    name: Alpha\n    description:\n", encoding="utf-8")
    assert ActorCatalog.load(path).get("a").description == ""


@pytest.mark.parametrize(
    ("field", "value"),
    [("description", ["lol"] * 3), ("description", 5), ("type", {"a": 1}), ("aliases", "GNA"),
     ("aliases", [["GNA"]]), ("id", 7), ("name", None)],
)
def test_field_types_checked(field, value):
    entry = {"id": "gna", "name": "Government of National Accord"} | {field: value}
    with pytest.raises(CatalogError, match=rf"E062.*{field}"):
        ActorCatalog.from_dict({"actor": [entry]})


@pytest.mark.parametrize(
    ("entry", "what"),
    [
        ({"aliases": ["x"] * (catalog_module.MAX_ALIASES + 1)}, "aliases"),
        ({"aliases": ["x" * (catalog_module.MAX_NAME_CHARS + 1)]}, "alias"),
        ({"name": "N" * (catalog_module.MAX_NAME_CHARS + 1)}, "name"),
        ({"description": "d" * (catalog_module.MAX_DESCRIPTION_CHARS + 1)}, "description"),
    ],
)
def test_field_sizes_bounded(entry, what):
    with pytest.raises(CatalogError, match=rf"E132.*{what}"):
        ActorCatalog.from_dict({"actor": [{"id": "a", "name": "A"} | entry]})


def test_actor_count_and_id_length_bounded(monkeypatch):
    monkeypatch.setattr(catalog_module, "MAX_ACTORS", 3)
    with pytest.raises(CatalogError, match="E132.*4 actors"):
        ActorCatalog.from_dict({"actor": [{"id": f"a{i}", "name": "A"} for i in range(4)]})
    with pytest.raises(CatalogError, match="E062.*at most"):
        ActorCatalog.from_dict({"actor": [{"id": "a" * 10_000, "name": "A"}]})


def test_file_size_bounded_and_fifo_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_text('{"actor": []}' + " " * 100, encoding="utf-8")
    monkeypatch.setattr(catalog_module, "MAX_CATALOG_BYTES", 50)
    with pytest.raises(CatalogError, match="E131"):
        ActorCatalog.load(path)
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(CatalogError, match="E063.*not a regular file"):
        ActorCatalog.load(fifo)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=10,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "name", "type", "aliases", "description"]), json_values))
def test_any_entry_gives_a_catalog_or_a_catalog_error(entry):
    try:
        catalog = ActorCatalog.from_dict({"actor": [entry]})
    except CatalogError:
        return
    actor = catalog.actors[0]
    assert all(isinstance(v, str) for v in (actor.id, actor.name, actor.type, actor.description, *actor.aliases))
