"""The analyzer registry: names, decorator, requirements, errors."""

from __future__ import annotations

import pytest

import framing
from framing.errors import AnalyzerDependencyError, InputTypeError, UnknownAnalyzerError
from framing.registry import resolve_analyzers


class _Counter:
    version = "1"

    def __init__(self, name: str = "counter", requires: tuple[str, ...] = ()):
        self.name = name
        self.requires = requires

    def analyze(self, doc, context):
        return {"n_tokens": len(doc), "seen": sorted(context.results)}


def test_builtins_are_registered():
    names = framing.registered_analyzers()
    for name in ("readability", "actors", "attribution", "terminology", "sentiment"):
        assert name in names
    assert names == sorted(names)


def test_unknown_name_lists_registered_names():
    with pytest.raises(UnknownAnalyzerError) as info:
        framing.get_analyzer("no-such-analyzer")
    message = str(info.value)
    assert "no-such-analyzer" in message and "readability" in message
    assert isinstance(info.value, LookupError)


def test_decorator_registers_and_analyze_uses_it(blank_nlp):
    @framing.register_analyzer("test-shout")
    class Shout:
        name, version, requires = "test-shout", "2", ("readability",)

        def analyze(self, doc, context):
            assert "readability" in context.results  # requirement ran first
            return {"share_upper": sum(t.is_upper for t in doc) / len(doc) if len(doc) else None}

    assert "test-shout" in framing.registered_analyzers()
    profile = framing.analyze("WAR is HERE.", nlp=blank_nlp, analyzers=["test-shout"])
    # the requirement was added automatically and ran before
    assert list(profile.sections) == ["readability", "test-shout"]
    assert profile.pipeline["analyzers"] == {"readability": "1", "test-shout": "2"}
    assert profile.features()["test-shout__share_upper"] == pytest.approx(2 / 4)


def test_instances_and_config_pairs(blank_nlp):
    profile = framing.analyze("One two three.", nlp=blank_nlp, analyzers=[_Counter()])
    assert profile["counter"]["n_tokens"] == 4


def test_missing_requirement_fails_before_running():
    with pytest.raises(AnalyzerDependencyError, match="requires 'nowhere'"):
        resolve_analyzers([_Counter(requires=("nowhere",))], default=())


def test_cycle_is_reported():
    a = _Counter("a", requires=("b",))
    b = _Counter("b", requires=("a",))
    with pytest.raises(AnalyzerDependencyError, match="cycle"):
        resolve_analyzers([a, b], default=())


def test_duplicate_names_rejected():
    with pytest.raises(AnalyzerDependencyError, match="twice"):
        resolve_analyzers([_Counter(), _Counter()], default=())


def test_order_is_topological_and_stable():
    c = _Counter("c", requires=("a",))
    a = _Counter("a")
    b = _Counter("b")
    order = [x.name for x in resolve_analyzers([c, b, a], default=())]
    assert order.index("a") < order.index("c")
    assert order == ["a", "c", "b"]


def test_not_an_analyzer():
    with pytest.raises(InputTypeError, match="not an analyzer"):
        resolve_analyzers([object()], default=())


def test_entry_points_are_read(monkeypatch):
    import importlib.metadata as md

    from framing import registry

    ep = md.EntryPoint(name="test-ep", value="tests.test_registry:_Counter", group=registry.ENTRY_POINT_GROUP)

    def fake_entry_points(group=None):
        return [ep] if group == registry.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(registry, "_loaded_entry_points", False)
    monkeypatch.setattr(md, "entry_points", fake_entry_points)
    try:
        assert "test-ep" in registry.registered_analyzers()
    finally:
        registry._lazy.pop("test-ep", None)
