"""The ``framing`` command line: analyze articles, compare them.

Exit status:

- 0: every input was read and analyzed.
- 2: bad arguments, found before any work is done: a missing or unusable input path (a
  pipe, an empty folder, a CSV without the text column), an output (``-o``, ``--html``,
  ``--json``) that cannot be written, a malformed catalog, an unknown analyzer; or, for
  ``compare``, no input could be read at all. One line on stderr, no traceback.
- 3: the run finished, but some inputs could not be read (an undecodable file in a folder,
  a malformed JSON line) or analyzed: each has a profile whose ``error`` says why, with
  its id kept; one line on stderr counts them.
- 1: an unexpected error (a bug: please report it).

``analyze`` writes each profile as soon as it is made (one JSON line, flushed), so an
interrupted run keeps what it finished. Inputs are read twice: once for their ids (repeated
ids are numbered ``id#2``, ``id#3``, ... never clashing with another input's id), then to
analyze them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

from ._version import __version__
from .errors import FramingError

__all__ = ["main"]

_EPILOG_ANALYZE = """examples:
  framing analyze article.txt other.html              JSON lines of profiles on stdout
  framing analyze articles/ -o profiles.jsonl         every .txt/.md/.html file of a folder (not README)
  framing analyze data.csv --text-col body            one article per CSV row
  framing analyze data.jsonl --analyzers readability,attribution
"""

_EPILOG_COMPARE = """examples:
  framing compare a.txt b.txt                         tables in the terminal
  framing compare a.txt b.txt --catalog actors.toml --html report.html
  framing compare sample.jsonl --by outlet --markdown
  framing compare sample.jsonl --by bias              pool articles by a field of the input records
  framing compare profiles.jsonl                      profiles written by `framing analyze`
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Media-bias and framing analysis: names and labels per actor, attribution, "
        "sentiment toward actors and readability, compared across articles.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help="text/HTML files, folders, JSONL or CSV files")
        p.add_argument("--text-col", default="text", help="the text column of CSV/JSONL input (default: text)")
        p.add_argument("--outlet", default=None, help="outlet name for articles read from text/HTML files")
        p.add_argument("--catalog", default=None, help="actor catalog (TOML, YAML or JSON)")
        p.add_argument("--analyzers", default=None, help="comma-separated analyzer names (default: all built-in)")
        p.add_argument("--model", default=None, help="spaCy pipeline name (default: best installed English one)")
        p.add_argument("--n-process", type=int, default=1, help="worker processes (each parses and profiles its articles; -1: one per CPU)")
        p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    pa = sub.add_parser("analyze", help="write one JSON profile per article (JSON lines)",
                        epilog=_EPILOG_ANALYZE, formatter_class=argparse.RawDescriptionHelpFormatter)
    common(pa)
    pa.add_argument("-o", "--output", default=None, help="write JSON lines here instead of stdout")

    pc = sub.add_parser("compare", help="compare articles or outlets side by side",
                        epilog=_EPILOG_COMPARE, formatter_class=argparse.RawDescriptionHelpFormatter)
    common(pc)
    pc.add_argument("--by", default="article", metavar="FIELD",
                    help="compare articles (default), outlets, or groups sharing a metadata field of the input (bias, topic, ...)")
    pc.add_argument("--html", default=None, metavar="FILE", help="also write a self-contained HTML report")
    pc.add_argument("--markdown", action="store_true", help="print Markdown instead of terminal tables")
    pc.add_argument("--json", default=None, metavar="FILE", help="also write the comparison as JSON")
    return parser


def _is_profile_file(path: Path) -> bool:
    """A JSONL file whose first record is an ArticleProfile (output of `framing analyze`)."""
    if path.suffix.lower() not in (".jsonl", ".ndjson") or not path.is_file():
        return False
    with path.open("rb") as fh:
        first = fh.readline()
    try:
        record = json.loads(first)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False
    return isinstance(record, dict) and "schema_version" in record and "article" in record


def _profile_entries(path: Path) -> Iterator[Any]:
    """One entry per line of a profile file; a line that is not a profile fails alone."""
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if raw.strip():
                yield _profile_entry(raw, f"{path}:{lineno}", f"{path.stem}:{lineno}")


def _profile_entry(raw: bytes, where: str, default_id: str) -> Any:
    from .errors import ReaderError
    from .profile import ArticleProfile
    from .readers import Entry, _clean_id, _find_unicode_problem

    try:
        record = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        return Entry.failing(default_id, ReaderError(f"[E048] {where}: not a framing profile ({type(exc).__name__})"))
    article = record.get("article") if isinstance(record, dict) else None
    given = article.get("id") if isinstance(article, dict) else None

    def load() -> Any:
        if _find_unicode_problem(record) is not None:
            raise ReaderError(f"[E048] {where}: not a framing profile (an unpaired surrogate \\udXXX).")
        try:
            return ArticleProfile.from_dict(record)
        except FramingError as exc:
            raise ReaderError(f"[E048] {where}: not a framing profile ({exc})") from None

    return Entry(_clean_id(given) if isinstance(given, str) and given else default_id, load)


def _entries(args: argparse.Namespace) -> Iterator[tuple[Any, bool]]:
    """(entry, is a ready profile) for every input of every path, in order. A path that is
    unusable as a whole (missing, a pipe, an empty folder) raises a ReaderError."""
    from .readers import iter_entries

    for raw in args.paths:
        path = Path(raw)
        if _is_profile_file(path):
            yield from ((entry, True) for entry in _profile_entries(path))
        else:
            yield from ((entry, False) for entry in iter_entries(path, text_col=args.text_col, outlet=args.outlet))


def _unique_ids(ids: list[str]) -> list[str]:
    """Ids made unique for comparison: the first of a repeated id keeps it, later ones
    become ``id#2``, ``id#3``, ... skipping any id already in the input or handed out, so
    an id that was unique is never renamed and a new one never collides."""
    taken = set(ids)
    seen: set[str] = set()
    next_n: dict[str, int] = {}
    out = []
    for id_ in ids:
        if id_ not in seen:
            seen.add(id_)
            out.append(id_)
            continue
        n = next_n.get(id_, 2)
        while f"{id_}#{n}" in taken:
            n += 1
        next_n[id_] = n + 1
        taken.add(f"{id_}#{n}")
        out.append(f"{id_}#{n}")
    return out


@dataclass(frozen=True)
class _Failure:
    """An input that could not be read: its (final) id and why."""

    id: str
    message: str


def _items(args: argparse.Namespace, raw_ids: list[str]) -> Iterator[Any]:
    """Articles, ready profiles and failures in input order, ids made unique. Reads the
    inputs a second time (the first pass, :func:`_read_ids`, only collected ids)."""
    from dataclasses import replace

    from .errors import ReaderError
    from .profile import ArticleProfile

    final = _unique_ids(raw_ids)
    count = 0
    for count, (entry, _) in enumerate(_entries(args), 1):
        if count > len(raw_ids) or entry.id != raw_ids[count - 1]:
            raise ReaderError("[E126] An input changed while it was being read; run again.")
        new_id = final[count - 1]
        try:
            item = entry.load()
        except ReaderError as exc:
            yield _Failure(new_id, str(exc))
            continue
        if isinstance(item, ArticleProfile):
            item.article["id"] = new_id
            yield item
        else:
            yield replace(item, id=new_id)
    if count != len(raw_ids):
        raise ReaderError("[E126] An input changed while it was being read; run again.")


def _read_ids(args: argparse.Namespace) -> tuple[list[str], bool]:
    """First pass over the inputs: every id (to make them unique without renaming one
    that already is) and whether any input needs analysing."""
    ids, needs_engine = [], False
    for entry, is_profile in _entries(args):
        ids.append(entry.id)
        needs_engine = needs_engine or not is_profile
    return ids, needs_engine


def _engine(args: argparse.Namespace, catalog: Any) -> Any:
    from .engine import get_engine
    from .pipeline import load_pipeline

    analyzers = [a.strip() for a in args.analyzers.split(",") if a.strip()] if args.analyzers else None
    nlp = load_pipeline(args.model) if args.model else None
    return get_engine(nlp, analyzers, catalog)


def _profiles(args: argparse.Namespace, items: Iterator[Any], engine: Any, n_inputs: int) -> Iterator[Any]:
    """One profile per item, in order: ready profiles as they are, failures as error
    profiles, articles analysed in one streaming run of the engine."""
    from .article import Article

    order: deque[Any] = deque()

    def feed() -> Iterator[Any]:
        for item in items:
            order.append(item)
            if isinstance(item, Article):
                yield item

    def settle() -> Iterator[Any]:  # the items before the next article
        while order and not isinstance(order[0], Article):
            yield _ready(order.popleft(), engine)

    if engine is None:  # only profile files: nothing to analyze
        yield from (_ready(item, None) for item in items)
        return
    progress = not args.no_progress and n_inputs > 5 and sys.stderr.isatty()
    for profile in engine.analyze_many(feed(), n_process=args.n_process, progress=progress, total=n_inputs):
        yield from settle()
        article = order.popleft()
        profile.article["id"] = article.id  # a failed article keeps its id, not its position
        yield profile
    yield from settle()


def _ready(item: Any, engine: Any) -> Any:
    """A ready profile as it is; a failure as an error profile (the engine's, which names
    the pipeline, when there is one)."""
    if not isinstance(item, _Failure):
        return item
    if engine is not None:
        return engine.error_profile(None, item.message, item.id)
    from .profile import ArticleProfile

    article = {"id": item.id, "outlet": None, "title": None, "n_words": None, "n_sentences": None, "meta": {}}
    pipeline = {"framing_version": __version__, "spacy_model": None, "parsed": None, "analyzers": {}}
    return ArticleProfile(article=article, pipeline=pipeline, error=item.message)


def _check_output(value: str | None, flag: str, inputs: Sequence[str]) -> None:
    """Fail before any work when ``value`` cannot be written (exit status 2)."""
    from .errors import OutputError

    if value is None:
        return
    path = Path(value)
    folder = path.parent
    if path.is_dir():
        raise OutputError(f"[E120] {flag} {path}: is a folder; give a file name.")
    if not folder.is_dir():
        raise OutputError(f"[E120] {flag} {path}: the folder {folder} does not exist.")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(f"[E120] {flag} {path}: not writable.")
    if not path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"[E120] {flag} {path}: cannot create files in {folder}.")
    from .readers import HTML_SUFFIXES, TEXT_SUFFIXES

    for raw in map(Path, inputs):
        same = path.exists() and raw.exists() and os.path.samefile(path, raw)
        # a new .txt/.html file inside an input folder would be read as an article
        inside = raw.is_dir() and path.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES and os.path.samefile(folder, raw)
        if same or inside:
            raise OutputError(f"[E125] {flag} {path} is also an input; write somewhere else.")


def _prepare(args: argparse.Namespace) -> tuple[Iterator[Any], Any, int]:
    """Everything that can fail on bad arguments, before any work: outputs, catalog,
    every input path; then the engine (loads the pipeline) when something needs it."""
    from .actors import coerce_catalog

    for value, flag in ((getattr(args, "output", None), "-o"), (getattr(args, "html", None), "--html"), (getattr(args, "json", None), "--json")):
        _check_output(value, flag, args.paths)
    catalog = coerce_catalog(args.catalog)
    raw_ids, needs_engine = _read_ids(args)
    engine = _engine(args, catalog) if needs_engine else None
    return _items(args, raw_ids), engine, len(raw_ids)


def _report_failures(failed: int, total: int) -> int:
    if failed:
        print(
            f"framing: {failed} of {total} inputs could not be read or analyzed (see their 'error' field); exit status 3",
            file=sys.stderr,
        )
        return 3
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    items, engine, n_inputs = _prepare(args)
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    except OSError as exc:
        from .errors import OutputError

        raise OutputError(f"[E120] -o {args.output}: {exc.strerror or exc}") from None
    failed = total = 0
    try:
        for profile in _profiles(args, items, engine, n_inputs):
            with _writing(args.output or "stdout"):
                out.write(profile.to_json() + "\n")
                out.flush()  # each profile is on disk as soon as it exists
            total += 1
            failed += profile.error is not None
    finally:
        if args.output:
            out.close()
    return _report_failures(failed, total)


@contextlib.contextmanager
def _writing(where: str) -> Iterator[None]:
    """An OSError while writing (a full disk) as a one-line error; a closed pipe
    (``| head``) still ends the run quietly."""
    from .errors import OutputError

    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"[E120] Cannot write {where}: {exc.strerror or exc}") from None


def _cmd_compare(args: argparse.Namespace) -> int:
    from .compare import compare
    from .errors import ReaderError

    items, engine, n_inputs = _prepare(args)
    profiles = list(_profiles(args, items, engine, n_inputs))
    failed = [p for p in profiles if p.error is not None]
    if profiles and len(failed) == len(profiles):  # nothing to compare: say why, as bad input
        raise ReaderError(failed[0].error)
    comparison = compare(profiles, by=args.by, catalog=args.catalog)
    if args.markdown:
        print(comparison.to_markdown())
    else:
        from .terminal import terminal_report

        print(terminal_report(comparison), end="")
    if args.html:
        with _writing(args.html):
            comparison.to_html(args.html)
        print(f"framing: wrote {args.html}", file=sys.stderr)
    if args.json:
        with _writing(args.json):
            Path(args.json).write_text(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    return _report_failures(len(failed), len(profiles))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "analyze":
            return _cmd_analyze(args)
        return _cmd_compare(args)
    except (FramingError, UnicodeDecodeError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"framing: error: {message}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `framing analyze ... | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
