"""The ``framing`` command line: analyze articles, compare them.

Exit status: 0 on success, 2 on bad input (a missing file, undecodable bytes, an empty
folder, a malformed catalog) with one line on stderr and no traceback, 1 on unexpected
errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Sequence

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
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(record, dict) and "schema_version" in record and "article" in record


def _read_inputs(args: argparse.Namespace) -> tuple[list[Any], list[Any]]:
    """Articles to analyze, and ready profiles read from profile JSONL files."""
    from .errors import ReaderError
    from .profile import ArticleProfile
    from .readers import read_path

    articles: list[Any] = []
    profiles: list[Any] = []
    for raw in args.paths:
        path = Path(raw)
        if _is_profile_file(path):
            with path.open(encoding="utf-8") as fh:
                for lineno, line in enumerate(fh, 1):
                    if line.strip():
                        try:
                            profiles.append(ArticleProfile.from_json(line))
                        except Exception as exc:  # noqa: BLE001
                            raise ReaderError(f"[E048] {path}:{lineno}: not a framing profile ({exc})") from None
            continue
        articles.extend(read_path(path, text_col=args.text_col, outlet=args.outlet))
    # ids must be unique for comparison: number repeated ones
    from dataclasses import replace

    seen: dict[str, int] = {str(p.id): 1 for p in profiles}
    unique = []
    for i, article in enumerate(articles):
        key = article.id if article.id is not None else str(i)
        seen[key] = seen.get(key, 0) + 1
        unique.append(replace(article, id=key if seen[key] == 1 else f"{key}#{seen[key]}"))
    return unique, profiles


def _analyze(args: argparse.Namespace, articles: list[Any]) -> list[Any]:
    from .actors import coerce_catalog
    from .engine import analyze_many
    from .pipeline import load_pipeline

    catalog = coerce_catalog(args.catalog)  # read (and validated) even when only profiles are given
    if not articles:
        return []
    analyzers = [a.strip() for a in args.analyzers.split(",") if a.strip()] if args.analyzers else None
    nlp = load_pipeline(args.model) if args.model else None
    progress = not args.no_progress and len(articles) > 5 and sys.stderr.isatty()
    return list(
        analyze_many(articles, n_process=args.n_process, progress=progress, nlp=nlp, analyzers=analyzers, catalog=catalog)
    )


def _cmd_analyze(args: argparse.Namespace) -> int:
    articles, profiles = _read_inputs(args)
    profiles = profiles + _analyze(args, articles)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for p in profiles:
            out.write(p.to_json() + "\n")
    finally:
        if args.output:
            out.close()
    failed = sum(1 for p in profiles if p.error)
    if failed:
        print(f"framing: {failed} of {len(profiles)} articles could not be analyzed (see their 'error' field)", file=sys.stderr)
    return 0


def _keep_meta(article: Any, profile: Any) -> None:
    """The input record's metadata on its profile (``article.meta``), for ``--by FIELD``,
    where the profile does not carry it already."""
    if "meta" in profile.article:
        return
    meta = dict(article.meta or {})
    for key, name in (("published", "date"), ("url", "url")):
        if getattr(article, key, None) and name not in meta:
            meta[name] = getattr(article, key)
    profile.article["meta"] = meta


def _cmd_compare(args: argparse.Namespace) -> int:
    from .compare import compare

    articles, profiles = _read_inputs(args)
    analyzed = _analyze(args, articles)
    for article, profile in zip(articles, analyzed):
        _keep_meta(article, profile)
    comparison = compare(profiles + analyzed, by=args.by, catalog=args.catalog)
    if args.markdown:
        print(comparison.to_markdown())
    else:
        from .terminal import terminal_report

        print(terminal_report(comparison), end="")
    if args.html:
        comparison.to_html(args.html)
        print(f"framing: wrote {args.html}", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


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
