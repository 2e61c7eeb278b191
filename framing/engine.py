"""Running analyzers over articles: one spaCy parse per article, shared by all analyzers.

:class:`Engine` holds what is expensive to set up — the pipeline, the resolved analyzers,
the catalog — so that :func:`framing.analyze` and :func:`framing.analyze_many` reuse it.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import sys
import threading
from collections import OrderedDict, deque
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from ._version import __version__
from .analyzers import DEFAULT_ANALYZERS
from .analyzers.base import Context
from .article import Article, caller_id, coerce_article
from .errors import AnalyzerError, ArticleError, FramingError, InputTypeError, InputValueError
from .lightdoc import n_words
from .pipeline import load_pipeline, pipeline_name
from .profile import ArticleProfile, jsonable
from .registry import resolve_analyzers

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Engine", "analyze", "analyze_many", "get_engine"]

_ON_ERROR = ("record", "raise")
#: Articles per spaCy memory zone in :meth:`Engine.analyze_many` (see ``_iter_profiles``).
ZONE_ARTICLES = 256


def _json_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The article's metadata as JSON data; a value JSON cannot hold (a date, a custom
    object) is kept as its ``str``."""
    out: dict[str, Any] = {}
    for key, value in meta.items():
        try:
            out[str(key)] = jsonable(value)
        except FramingError:
            out[str(key)] = str(value)
    return out


def _coerce_nlp(nlp: Any) -> Any:
    """The pipeline: ``None`` loads the default, a string names one (as
    :func:`framing.load_pipeline`), anything else must be a spaCy ``Language``."""
    if nlp is None or isinstance(nlp, str):
        return load_pipeline(nlp)
    if not (callable(nlp) and hasattr(nlp, "pipe") and hasattr(nlp, "vocab")):
        raise InputTypeError(
            f"[E037] nlp must be a spaCy Language or the name of an installed pipeline, got "
            f"{type(nlp).__name__}."
        )
    return nlp


def _coerce_catalog(catalog: Any) -> Any:
    if catalog is None:
        return None
    from .actors.catalog import coerce_catalog

    return coerce_catalog(catalog)


class Engine:
    """A pipeline, analyzers and a catalog, ready to profile articles.

    Parameters
    ----------
    nlp : spacy.Language, optional
        Default: :func:`framing.load_pipeline`.
    analyzers : list, optional
        Registered names, ``(name, config)`` pairs or analyzer instances; requirements
        are added and ordered (see :func:`framing.registry.resolve_analyzers`).
    catalog : ActorCatalog or path, optional
        Known actors and aliases.
    """

    def __init__(self, nlp: Language | None = None, analyzers: Any = None, catalog: Any = None):
        self.analyzers = resolve_analyzers(analyzers, DEFAULT_ANALYZERS)
        self.catalog = _coerce_catalog(catalog)
        self.nlp = _coerce_nlp(nlp)
        #: False when no analyzer reads the Doc (readability alone): no Doc is made.
        self.needs_doc = any(getattr(a, "needs_doc", True) for a in self.analyzers)
        #: False when no analyzer reads the parse: the tokenizer and a rule-based
        #: sentencizer then make the Doc, many times faster than the pipeline.
        self.needs_parse = any(getattr(a, "needs_doc", True) and getattr(a, "needs_parse", True)
                               for a in self.analyzers)
        self.pipeline_info = {
            "framing_version": __version__,
            "spacy_model": pipeline_name(self.nlp),
            "parsed": self.needs_parse,
            "analyzers": {a.name: str(a.version) for a in self.analyzers},
        }

    # -- parsing ------------------------------------------------------------------------
    def parse(self, text: str) -> Doc:
        """Parse one text; long texts chunk by chunk and long whitespace-free runs in pieces,
        with offsets into ``text`` (see :func:`framing.segment.parse`)."""
        from .segment import parse

        return parse(self.nlp, text)

    def make_doc(self, text: str) -> Doc | None:
        """The Doc the analyzers read: the full parse (:meth:`parse`); when no analyzer
        needs it, the tokens with rule-based sentences; when no analyzer reads a Doc,
        ``None``."""
        if self.needs_parse:
            return self.parse(text)
        if self.needs_doc:
            return self._light_doc(text)
        return None

    def _light_doc(self, text: str) -> Doc:
        from .lightdoc import light_doc

        return light_doc(self.nlp, text)

    # -- analysis -----------------------------------------------------------------------
    def profile_doc(self, doc: Doc | None, article: Article) -> ArticleProfile:
        """Run every analyzer on a parsed ``doc`` of ``article.text`` (``None`` only when no
        analyzer reads a Doc, as :meth:`make_doc` gives then)."""
        if doc is None:
            if self.needs_doc:
                raise InputTypeError("[E039] profile_doc needs a spaCy Doc of the article text; got None.")
            return self._profile(None, article)
        if doc.text != article.text:
            raise InputValueError(
                "[E031] The Doc's text differs from the article text; spans would not be "
                "offsets into the text passed in."
            )
        return self._profile(doc, article)

    def _profile(self, doc: Doc | None, article: Article) -> ArticleProfile:
        """:meth:`profile_doc` for a Doc this engine made from ``article.text`` (spaCy and
        :mod:`framing.segment` keep the text exactly, so it is not rebuilt to check)."""
        context = Context(text=article.text, article=article, catalog=self.catalog, nlp=self.nlp)
        for analyzer in self.analyzers:
            try:
                section = analyzer.analyze(doc, context)
            except FramingError:
                raise
            except Exception as exc:
                raise AnalyzerError(
                    f"[E032] Analyzer {analyzer.name!r} failed: {type(exc).__name__}: {exc}"
                ) from exc
            context.results[analyzer.name] = section
        return ArticleProfile(
            article=self._article_info(article, doc),
            pipeline=dict(self.pipeline_info, analyzers=dict(self.pipeline_info["analyzers"])),
            error=None,
            sections=dict(context.results),
        )

    def _article_info(self, article: Article, doc: Doc | None) -> dict[str, Any]:
        info: dict[str, Any] = {
            "id": article.id,
            "outlet": article.outlet,
            "title": article.title,
            "n_words": None,
            "n_sentences": None,
        }
        if doc is not None:
            info["n_words"] = n_words(doc)
            if doc.has_annotation("SENT_START") or len(doc) == 0:
                # offsets into the article's text: Span.text would build every token again
                length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
                text = article.text if len(article.text) == length else doc.text
                info["n_sentences"] = sum(1 for s in doc.sents if text[s.start_char:s.end_char].strip())
        for key in ("published", "url"):
            value = getattr(article, key)
            if value is not None:
                info[key] = value
        info["meta"] = _json_meta(article.meta)
        return info

    def error_profile(self, article: Article | None, message: str, default_id: str | None) -> ArticleProfile:
        """A profile that records why an article could not be analyzed."""
        info = (
            self._article_info(article, None)
            if article is not None
            else {"id": default_id, "outlet": None, "title": None, "n_words": None, "n_sentences": None, "meta": {}}
        )
        return ArticleProfile(
            article=info,
            pipeline=dict(self.pipeline_info, analyzers=dict(self.pipeline_info["analyzers"])),
            error=message,
            sections={a.name: None for a in self.analyzers},
        )

    def analyze(self, article: Article) -> ArticleProfile:
        """Parse and profile one article (exceptions propagate)."""
        return self._profile(self.make_doc(article.text), article)

    def analyze_many(
        self,
        items: Iterable[Any],
        *,
        n_process: int = 1,
        batch_size: int = 16,
        on_error: str = "record",
        progress: bool = False,
        first_index: int = 0,
        total: int | None = None,
    ) -> Iterator[ArticleProfile]:
        """Profiles of ``items`` in input order, one per item; see :func:`framing.analyze_many`.

        ``first_index`` is the position of the first item in a larger stream split into
        parts (a Dask partition), so that unnamed articles are named by their position in
        the whole stream. ``total`` is the number of items of a stream without a length,
        for the progress bar's total and ETA."""
        if on_error not in _ON_ERROR:
            raise InputValueError(f"[E033] on_error must be one of {_ON_ERROR}, got {on_error!r}.")
        if not isinstance(n_process, int) or n_process == 0 or n_process < -1:
            raise InputValueError(f"[E034] n_process must be a positive int or -1, got {n_process!r}.")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise InputValueError(f"[E035] batch_size must be a positive int, got {batch_size!r}.")
        if isinstance(items, (str, bytes, bytearray, Article, Mapping)) or not isinstance(items, Iterable):
            raise InputTypeError(
                f"[E038] analyze_many() takes an iterable of articles (a list of texts, dicts or "
                f"Articles), got a single {type(items).__name__}; for one article use analyze()."
            )
        return self._iter_profiles(_numbered(items, first_index), n_process, batch_size, on_error,
                                   _progress(progress, total=total if total is not None else _length(items)))

    def _iter_profiles(
        self, numbered: Iterator[tuple[int, Any, str]], n_process: int, batch_size: int, on_error: str, bar: Any
    ) -> Iterator[ArticleProfile]:
        workers = (os.cpu_count() or 1) if n_process == -1 else n_process
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            yield from self._parallel_profiles(numbered, workers, batch_size, on_error, bar)
        elif not self._use_zones():
            yield from self._profile_chunk(numbered, n_process, batch_size, on_error, bar)
        else:
            # spaCy keeps every new string and lexeme it meets (and caches tokenizations):
            # streaming thousands of articles would grow memory without bound. Each chunk of
            # articles runs inside a memory zone, which frees them; profiles hold no spaCy
            # objects. Lazy resources that live in the vocab (catalog matchers, a custom
            # analyzer's Matcher) are built first, outside any zone, by a warm-up article.
            self._warm_up()
            while True:
                chunk = list(itertools.islice(numbered, ZONE_ARTICLES))
                if not chunk:
                    break
                with self.nlp.memory_zone():
                    yield from self._profile_chunk(iter(chunk), n_process, batch_size, on_error, bar)
                _release_heap()
        bar(0, close=True)

    def _parallel_profiles(
        self, numbered: Iterator[tuple[int, Any, str]], workers: int, batch_size: int, on_error: str, bar: Any
    ) -> Iterator[ArticleProfile]:
        """Parse *and* profile in ``workers`` forked processes, ``batch_size`` articles a task.

        spaCy's own ``nlp.pipe(n_process=...)`` parses in workers but ships every Doc back,
        serialised, to the parent, which then runs all analyzers alone: the parent becomes
        the bottleneck. Here each worker (a fork of this process, so the pipeline and the
        analyzers' lazy resources are shared copy-on-write, not reloaded) returns finished
        profiles. At most two tasks per worker are in flight, so a stream is read lazily and
        memory stays bounded; results come back in input order. A worker that dies (killed,
        out of memory) raises a :class:`FramingError` instead of leaving the caller waiting.
        """
        self._warm_up()  # lazy resources (lexicons, models, matchers) load once, before the fork
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        pool = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"),
            initializer=_set_worker_engine, initargs=(self,),
        )
        inflight: deque[Any] = deque()
        try:
            while True:
                chunk = list(itertools.islice(numbered, batch_size))
                if chunk:
                    inflight.append(pool.submit(_worker_profiles, chunk, batch_size, on_error))
                if inflight and (not chunk or len(inflight) >= 2 * workers):
                    try:
                        profiles = inflight.popleft().result()
                    except BrokenProcessPool as exc:
                        raise FramingError(
                            "[E036] A worker process died (killed, out of memory, or a crash in "
                            "native code); run with n_process=1 to find the article."
                        ) from exc
                    bar(len(profiles))
                    yield from profiles
                if not chunk and not inflight:
                    break
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _warm_up(self) -> None:
        """Profile a tiny article so that analyzers build what they load lazily."""
        try:
            self.profile_doc(self.make_doc("Warm-up."), Article(text="Warm-up.", id="warm-up"))
        except Exception:  # an analyzer that fails here fails (and is recorded) on real articles
            pass

    def _use_zones(self) -> bool:
        # spaCy >= 3.8; zones must not nest (a caller may already be inside one)
        return hasattr(self.nlp, "memory_zone") and getattr(self.nlp.vocab, "in_memory_zone", True) is False

    def _profile_chunk(
        self, numbered: Iterator[tuple[int, Any, str]], n_process: int, batch_size: int, on_error: str, bar: Any
    ) -> Iterator[ArticleProfile]:
        from .segment import needs_pieces

        # pending: (index, default id, article or None, error message or None)
        pending: deque[tuple[int, str, Article | None, str | None]] = deque()

        def feed() -> Iterator[tuple[str, int]]:
            for index, item, default_id in numbered:
                try:
                    article = coerce_article(item, default_id=default_id)
                except Exception as exc:  # any bad record: FramingError or a broken mapping
                    article_id = caller_id(item) or default_id
                    message = str(exc) if isinstance(exc, FramingError) else f"{type(exc).__name__}: {exc}"
                    if on_error == "raise":
                        raise ArticleError(f"article {article_id}: {message}", article_id) from exc
                    pending.append((index, article_id, None, message))
                    continue
                pending.append((index, default_id, article, None))
                # a text parsed in pieces is parsed in finish(), as every text without a parse
                if not self.needs_parse or not needs_pieces(self.nlp, article.text):
                    yield article.text, index

        def finish(entry: tuple[int, str, Article | None, str | None], doc: Doc | None) -> ArticleProfile:
            index, default_id, article, message = entry
            if message is not None:
                result = self.error_profile(article, message, default_id)
            else:
                assert article is not None
                try:
                    if doc is None:
                        doc = self.make_doc(article.text)
                    result = self._profile(doc, article)
                except Exception as exc:
                    if on_error == "raise":
                        raise ArticleError(
                            f"article {article.id}: {type(exc).__name__}: {exc}", article.id
                        ) from exc
                    result = self.error_profile(article, f"{type(exc).__name__}: {exc}", default_id)
            bar(1)
            return result

        if not self.needs_parse:  # finish() makes each Doc from the tokenizer, or none
            for _ in feed():
                while pending:
                    yield finish(pending.popleft(), None)
        else:
            docs = self.nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process)
            for doc, index in docs:
                while pending and pending[0][0] != index:
                    yield finish(pending.popleft(), None)
                yield finish(pending.popleft(), doc)
        while pending:
            yield finish(pending.popleft(), None)


_WORKER_ENGINE: Engine | None = None


def _set_worker_engine(engine: Engine) -> None:
    """Pool initializer: the forked worker keeps the parent's engine (inherited, not pickled)."""
    global _WORKER_ENGINE
    _WORKER_ENGINE = engine


def _worker_profiles(chunk: list[tuple[int, Any, str]], batch_size: int, on_error: str) -> list[ArticleProfile]:
    """One task of :meth:`Engine._parallel_profiles`: profiles of ``chunk``, in order."""
    engine = _WORKER_ENGINE
    assert engine is not None
    no_bar = _progress(False)
    if not engine._use_zones():
        return list(engine._profile_chunk(iter(chunk), 1, batch_size, on_error, no_bar))
    with engine.nlp.memory_zone():
        profiles = list(engine._profile_chunk(iter(chunk), 1, batch_size, on_error, no_bar))
    _release_heap()
    return profiles


_malloc_trim: Any = None


def _release_heap() -> None:
    """Hand the heap pages freed by a memory zone back to the OS (glibc's ``malloc_trim``).

    Without it glibc keeps them for reuse and the resident set size of a long stream sits
    hundreds of MiB above what is in use (``benchmarks/memory_stream.py`` shows both). A
    no-op where the C library is not glibc.
    """
    global _malloc_trim
    if _malloc_trim is None:
        try:
            import ctypes

            _malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


def _numbered(items: Iterable[Any], first_index: int = 0) -> Iterator[tuple[int, Any, str]]:
    """``(position, item, default id)`` for each item.

    An article without an id is named by its position (``"0"``, ``"1"``, ...), unless an
    earlier article already holds that id: then ``"<position>#2"`` (``#3``, ...), so that a
    made-up id never repeats a caller's. Caller ids are never changed. Only caller ids made
    of digits can clash with positions; just those are remembered.
    """
    digit_ids: set[str] = set()
    for index, item in enumerate(items, first_index):
        given = caller_id(item)
        if given is not None:
            if given.isdigit():
                digit_ids.add(given)
            yield index, item, given
            continue
        default = str(index)
        suffix = 2
        while default in digit_ids:
            default = f"{index}#{suffix}"
            suffix += 1
        yield index, item, default


def _length(items: Iterable[Any]) -> int | None:
    try:
        return len(items)  # type: ignore[arg-type]
    except TypeError:  # a generator or stream: no total
        return None


def _progress(enabled: bool, total: int | None = None) -> Any:
    """A tiny progress reporter on stderr (tqdm when installed), with a total and an ETA
    when the input has a length."""
    if not enabled:
        return lambda n, close=False: None
    try:
        from tqdm import tqdm

        bar = tqdm(unit="article", file=sys.stderr, total=total)

        def update(n: int, close: bool = False) -> None:
            bar.update(n)
            if close:
                bar.close()

        return update
    except ImportError:  # pragma: no cover
        count = [0]
        of = f" of {total}" if total is not None else ""

        def update(n: int, close: bool = False) -> None:
            count[0] += n
            if close or count[0] % 50 == 0:
                print(f"\r{count[0]}{of} articles", end="\n" if close else "", file=sys.stderr)

        return update


#: Engines that :func:`analyze` and :func:`analyze_many` keep for reuse (least recently used
#: dropped first).
ENGINE_CACHE_SIZE = 8
_engines: OrderedDict[tuple[Any, ...], Engine] = OrderedDict()
_engines_lock = threading.Lock()


def _analyzers_key(analyzers: Any) -> tuple[Any, ...] | None:
    """A key for analyzers given by name (``None`` when instances are given: not cached)."""
    if analyzers is None:
        return ("<default>",)
    spec = [analyzers] if isinstance(analyzers, str) else analyzers
    if not isinstance(spec, (list, tuple)):
        return None
    key: list[Any] = []
    for item in spec:
        if isinstance(item, str):
            key.append(item)
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], Mapping):
            key.append((item[0], json.dumps(dict(item[1]), sort_keys=True, default=repr)))
        else:
            return None
    return tuple(key)


def _catalog_key(catalog: Any) -> Any:
    """A key for a catalog: a file by its resolved path, size and modification time (so an
    edited file is read again), an object by identity; ``None`` when not cacheable."""
    if catalog is None:
        return ("<none>",)
    if isinstance(catalog, (str, os.PathLike)):
        try:
            stat = os.stat(catalog)
        except OSError:
            return None  # let the loader report the missing file
        return ("file", os.path.realpath(catalog), stat.st_size, stat.st_mtime_ns)
    from .actors.catalog import ActorCatalog

    return ("object", id(catalog)) if isinstance(catalog, ActorCatalog) else None


def get_engine(nlp: Any = None, analyzers: Any = None, catalog: Any = None) -> Engine:
    """An :class:`Engine`, reused across calls with the same pipeline, analyzer names and
    catalog. Analyzer instances are not cached (each call builds an engine around them);
    registering an analyzer again drops the engines built before. At most
    :data:`ENGINE_CACHE_SIZE` engines are kept."""
    from .registry import generation

    nlp = _coerce_nlp(nlp)
    spec_key, cat_key = _analyzers_key(analyzers), _catalog_key(catalog)
    if spec_key is None or cat_key is None:
        return Engine(nlp, analyzers, catalog)
    key = (id(nlp), spec_key, cat_key, generation())
    with _engines_lock:
        engine = _engines.get(key)
        if engine is not None and engine.nlp is nlp:
            _engines.move_to_end(key)
            return engine
    engine = Engine(nlp, analyzers, catalog)  # outside the lock: may load lexicons or a catalog
    with _engines_lock:
        _engines[key] = engine
        while len(_engines) > ENGINE_CACHE_SIZE:
            _engines.popitem(last=False)
    return engine


def analyze(
    text_or_article: Any,
    *,
    id: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    nlp: Language | None = None,
    analyzers: Sequence[Any] | None = None,
    catalog: Any = None,
) -> ArticleProfile:
    """Profile one article.

    Parameters
    ----------
    text_or_article : str, Article or dict
        The article; a dict needs ``text`` and may have ``id``, ``outlet``, ``title``,
        ``published``, ``url``, ``meta``.
    id, outlet, title : str, optional
        Override the article's own fields.
    nlp : spacy.Language, optional
        The pipeline (default: `framing.load_pipeline()`).
    analyzers : list of str, (name, config) pairs or BaseAnalyzer instances, optional
        Analyzer names, ``(name, config)`` pairs or instances (default: all built-ins).
    catalog : ActorCatalog, str or Path, optional
        Known actors and their aliases, or the path of a catalog file.

    Returns
    -------
    ArticleProfile

    Raises
    ------
    InputTypeError
        When the input is not text, an Article or a dict with ``text`` (also a TypeError).

    Examples
    --------
    >>> import framing
    >>> p = framing.analyze("The minister said the talks failed.", id="a1",
    ...                     analyzers=["readability"], nlp=framing.load_pipeline("blank:en"))
    >>> p.article["id"], p.error
    ('a1', None)
    """
    article = coerce_article(text_or_article, id=id, outlet=outlet, title=title)
    return get_engine(nlp, analyzers, catalog).analyze(article)


def analyze_many(
    articles: Iterable[Any],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    progress: bool = False,
    on_error: str = "record",
    nlp: Language | None = None,
    analyzers: Sequence[Any] | None = None,
    catalog: Any = None,
) -> Iterator[ArticleProfile]:
    """Profile many articles, streaming: one profile per input, in input order.

    Parameters
    ----------
    articles : iterable
        Strings, `framing.Article` records or dicts with ``text``. Consumed lazily.
    n_process : int
        Worker processes (``-1``: one per CPU). Where the ``fork`` start method exists (Linux,
        macOS), each worker parses *and* profiles its articles and sends back
        only the profiles; elsewhere the parse runs in ``nlp.pipe(n_process=...)`` workers
        and the analyzers in this process. Results are identical to ``n_process=1``.
    batch_size : int
        Texts per ``nlp.pipe`` batch.
    progress : bool
        Show a progress bar on stderr.
    on_error : {"record", "raise"}
        ``"record"``: a failing article yields a profile whose ``error`` says why and
        nothing else is affected. ``"raise"``: raise `framing.errors.ArticleError` naming the id.
    nlp : spacy.Language, optional
        The pipeline (default: `framing.load_pipeline()`).
    analyzers : list of str, (name, config) pairs or BaseAnalyzer instances, optional
        As in `framing.analyze`: names, ``(name, config)`` pairs or instances (default: all built-ins).
    catalog : ActorCatalog, str or Path, optional
        As in `framing.analyze`: known actors and their aliases, or a catalog file's path.

    Yields
    ------
    ArticleProfile
        Articles without an id get their input position (``"0"``, ``"1"``, ...).

    Notes
    -----
    With spaCy 3.8 or later, each run of 256 articles is parsed inside ``nlp.memory_zone()``
    (unless the caller is already inside one), so the strings and lexemes a long stream
    brings into the vocabulary are freed and memory stays flat. Profiles hold no spaCy
    objects; analyzers that build spaCy objects lazily get them built by a warm-up article
    before the first zone.
    """
    engine = get_engine(nlp, analyzers, catalog)
    return engine.analyze_many(
        articles, n_process=n_process, batch_size=batch_size, on_error=on_error, progress=progress
    )
