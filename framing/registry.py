"""The analyzer registry: decorator, entry points and lazy built-ins.

Built-in analyzers are listed in :data:`framing.analyzers.BUILTINS` as import paths and
imported only when first used. Third-party packages register analyzers either with the
:func:`register_analyzer` decorator or through the ``framing.analyzers`` entry-point group::

    [project.entry-points."framing.analyzers"]
    hedging = "my_package.hedging:HedgingAnalyzer"

A registered object is a *factory*: a class or callable that takes keyword configuration
and returns an analyzer.
"""

from __future__ import annotations

import importlib
import threading
from typing import Any, Callable, Iterable, Sequence

from .errors import AnalyzerDependencyError, InputTypeError, UnknownAnalyzerError

__all__ = [
    "get_analyzer",
    "register_analyzer",
    "registered_analyzers",
    "resolve_analyzers",
]

ENTRY_POINT_GROUP = "framing.analyzers"

_factories: dict[str, Callable[..., Any]] = {}
_lazy: dict[str, str] = {}
_loaded_builtins = False
_loaded_entry_points = False
_lock = threading.RLock()
#: Bumped whenever a name is (re-)registered, so that caches built from the old factories
#: (engines, feature analyzers) are not used again.
_generation = [0]


def generation() -> int:
    """How many registrations this process has seen (a cache key)."""
    return _generation[0]


def _ensure_loaded() -> None:
    global _loaded_builtins, _loaded_entry_points
    with _lock:
        if not _loaded_builtins:
            from .analyzers import BUILTINS

            for name, path in BUILTINS.items():
                if name not in _factories:
                    _lazy.setdefault(name, path)
            _loaded_builtins = True
        if not _loaded_entry_points:
            from importlib.metadata import entry_points

            for ep in entry_points(group=ENTRY_POINT_GROUP):
                if ep.name not in _factories:
                    _lazy.setdefault(ep.name, ep.value)
            _loaded_entry_points = True


def register_analyzer(name: str, factory: Callable[..., Any] | None = None) -> Any:
    """Register an analyzer factory under ``name``.

    Use as a decorator on a class (or function returning an analyzer) or call directly.
    Registering a name again replaces the earlier factory.

    Examples
    --------
    >>> import framing
    >>> @framing.register_analyzer("shouting")
    ... class Shouting:
    ...     name, version, requires = "shouting", "1", ()
    ...     def analyze(self, doc, context):
    ...         return {"share_upper": sum(t.is_upper for t in doc) / max(len(doc), 1)}
    >>> "shouting" in framing.registered_analyzers()
    True
    """
    if not isinstance(name, str) or not name:
        raise InputTypeError("[E010] An analyzer name must be a non-empty string.")

    def decorator(obj: Callable[..., Any]) -> Callable[..., Any]:
        with _lock:
            _factories[name] = obj
            _lazy.pop(name, None)
            _feature_instances.pop(name, None)
            _generation[0] += 1
        return obj

    if factory is not None:
        return decorator(factory)
    return decorator


def registered_analyzers() -> list[str]:
    """Sorted names of every registered analyzer (built-in, decorated, entry points)."""
    _ensure_loaded()
    return sorted(set(_factories) | set(_lazy))


def _factory(name: str) -> Callable[..., Any]:
    _ensure_loaded()
    with _lock:
        if name in _factories:
            return _factories[name]
        if name in _lazy:
            module, _, attr = _lazy[name].partition(":")
            obj: Any = importlib.import_module(module)
            for part in attr.split("."):
                obj = getattr(obj, part)
            _factories[name] = obj
            del _lazy[name]
            return obj
    raise UnknownAnalyzerError(
        f"[E011] No analyzer named {name!r}. Registered analyzers: "
        f"{', '.join(registered_analyzers())}. Register new ones with "
        f"@framing.register_analyzer(name) or the {ENTRY_POINT_GROUP!r} entry-point group."
    )


def get_analyzer(name: str, **config: Any) -> Any:
    """Create the analyzer registered as ``name`` with keyword ``config``."""
    analyzer = _factory(name)(**config)
    _check_protocol(analyzer, name)
    return analyzer


def _check_protocol(analyzer: Any, label: str) -> None:
    missing = [a for a in ("name", "version", "requires", "analyze") if not hasattr(analyzer, a)]
    if missing:
        raise InputTypeError(
            f"[E012] {label!r} is not an analyzer: it lacks {', '.join(missing)}. An analyzer "
            "needs name, version, requires and analyze(doc, context) -> dict."
        )
    if not callable(analyzer.analyze):
        raise InputTypeError(f"[E012] {label!r}.analyze is not callable.")


def resolve_analyzers(spec: Iterable[Any] | None, default: Sequence[str]) -> list[Any]:
    """Turn a user's ``analyzers=`` argument into analyzer instances in run order.

    ``spec`` items are registered names, ``(name, config_dict)`` pairs or analyzer
    instances. Requirements that are not in ``spec`` are added from the registry with
    their default configuration; a requirement nobody provides, or a cycle, raises
    :class:`AnalyzerDependencyError` before any article is analyzed. The order is a
    topological order that otherwise keeps the order given.
    """
    if spec is None:
        spec = list(default)
    elif isinstance(spec, (str, bytes)) or not isinstance(spec, Iterable):
        spec = [spec]
    chosen: dict[str, Any] = {}
    for item in spec:
        if isinstance(item, str):
            analyzer = get_analyzer(item)
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            analyzer = get_analyzer(item[0], **dict(item[1]))
        else:
            _check_protocol(item, type(item).__name__)
            analyzer = item
        if analyzer.name in chosen:
            raise AnalyzerDependencyError(f"[E013] Analyzer {analyzer.name!r} is listed twice.")
        chosen[analyzer.name] = analyzer
    # add missing requirements from the registry
    queue = list(chosen.values())
    while queue:
        analyzer = queue.pop()
        for req in tuple(analyzer.requires):
            if req in chosen:
                continue
            try:
                dep = get_analyzer(req)
            except UnknownAnalyzerError as exc:
                raise AnalyzerDependencyError(
                    f"[E014] Analyzer {analyzer.name!r} requires {req!r}, which is not "
                    f"registered. Registered analyzers: {', '.join(registered_analyzers())}."
                ) from exc
            chosen[req] = dep
            queue.append(dep)
    # topological order, stable with respect to the given order
    order: list[Any] = []
    state: dict[str, int] = {}

    def visit(name: str, path: tuple[str, ...]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            raise AnalyzerDependencyError(
                f"[E015] Analyzers require each other in a cycle: {' -> '.join(path + (name,))}."
            )
        state[name] = 1
        for req in chosen[name].requires:
            visit(req, path + (name,))
        state[name] = 2
        order.append(chosen[name])

    for name in list(chosen):
        visit(name, ())
    return order


_feature_instances: dict[str, Any] = {}


def analyzer_features(name: str, section: Any) -> dict[str, float] | None:
    """The registered analyzer's ``features(section)``, or ``None`` when it has none.

    Works on sections read back from JSON: the analyzer is created with its default
    configuration (cheap: constructors only store arguments) and never runs.
    """
    try:
        with _lock:  # a re-registration between the read and the write must not be undone
            analyzer = _feature_instances.get(name)
            if analyzer is None:
                analyzer = _factory(name)()
                _feature_instances[name] = analyzer
    except UnknownAnalyzerError:  # a third-party section read back without its analyzer
        return None
    method = getattr(analyzer, "features", None)
    if method is None or not callable(method):
        return None
    return dict(method(section))
