"""Reading articles from files: plain text, folders, JSON lines, CSV and HTML pages.

Every reader yields :class:`~framing.article.Article` records lazily. Problems with the
input (a missing file, undecodable bytes, a CSV without the text column, an empty folder)
raise :class:`~framing.errors.ReaderError` naming the file and what is wrong.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, Iterator

from .article import Article
from .errors import ReaderError

__all__ = ["read_csv", "read_html", "read_jsonl", "read_path", "read_text", "read_texts"]

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
_ARTICLE_KEYS = ("id", "outlet", "title", "published", "url")


def _read_text_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReaderError(f"[E040] No such file: {path}") from None
    except OSError as exc:
        raise ReaderError(f"[E040] Cannot read {path}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReaderError(
            f"[E041] {path} is not valid UTF-8 (byte {exc.start}); re-encode it as UTF-8."
        ) from None


def read_text(path: str | Path, *, id: str | None = None, outlet: str | None = None) -> Article:
    """One plain-text file as an article (id: the file name without suffix)."""
    path = Path(path)
    return Article(text=_read_text_file(path), id=id or path.stem, outlet=outlet)


def read_texts(folder: str | Path, *, pattern: str = "*.txt", outlet: str | None = None) -> Iterator[Article]:
    """Every file matching ``pattern`` in ``folder`` (sorted by name) as an article."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ReaderError(f"[E042] Not a folder: {folder}")
    files = sorted(p for p in folder.glob(pattern) if p.is_file())
    if not files:
        raise ReaderError(f"[E043] No files matching {pattern!r} in {folder}")
    for path in files:
        yield read_text(path, outlet=outlet)


def _article_from_record(record: dict[str, Any], text_key: str, where: str, default_id: str) -> Article:
    if text_key not in record:
        raise ReaderError(f"[E044] {where}: no {text_key!r} field (fields: {', '.join(map(str, record))})")
    text = record[text_key]
    if not isinstance(text, str):
        raise ReaderError(f"[E044] {where}: {text_key!r} is {type(text).__name__}, not text")
    fields = {k: (str(record[k]) if record.get(k) not in (None, "") else None) for k in _ARTICLE_KEYS}
    if fields["id"] is None:
        fields["id"] = default_id
    meta = {k: v for k, v in record.items() if k not in _ARTICLE_KEYS and k != text_key}
    return Article(text=text, meta=meta, **fields)


def read_jsonl(path: str | Path, *, text_key: str = "text") -> Iterator[Article]:
    """Articles from a JSON-lines file: one object per line with at least ``text_key``.

    ``id``, ``outlet``, ``title``, ``published`` and ``url`` become article fields, the
    rest goes to ``meta``. Articles without an id get ``"<file stem>:<line number>"``.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise ReaderError(f"[E040] Cannot read {path}: {exc.strerror or exc}") from None
    with handle:
        try:
            for lineno, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ReaderError(f"[E045] {path}:{lineno}: not JSON ({exc.msg})") from None
                if not isinstance(record, dict):
                    raise ReaderError(f"[E045] {path}:{lineno}: expected a JSON object")
                yield _article_from_record(record, text_key, f"{path}:{lineno}", f"{path.stem}:{lineno}")
        except UnicodeDecodeError as exc:
            raise ReaderError(f"[E041] {path} is not valid UTF-8 (byte {exc.start})") from None


def read_csv(path: str | Path, *, text_col: str = "text", delimiter: str | None = None) -> Iterator[Article]:
    """Articles from a CSV (or TSV) file with a header row; ``text_col`` holds the text."""
    path = Path(path)
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ReaderError(f"[E040] Cannot read {path}: {exc.strerror or exc}") from None
    with handle:
        try:
            reader = csv.DictReader(handle, delimiter=delimiter)
            if reader.fieldnames is None:
                raise ReaderError(f"[E046] {path} is empty")
            if text_col not in reader.fieldnames:
                raise ReaderError(
                    f"[E046] {path} has no column {text_col!r}; columns: {', '.join(reader.fieldnames)} "
                    "(choose one with text_col=... / --text-col)"
                )
            for rowno, row in enumerate(reader, 2):
                yield _article_from_record(dict(row), text_col, f"{path}:{rowno}", f"{path.stem}:{rowno}")
        except UnicodeDecodeError as exc:
            raise ReaderError(f"[E041] {path} is not valid UTF-8 (byte {exc.start})") from None
        except csv.Error as exc:
            raise ReaderError(f"[E046] {path}: malformed CSV ({exc})") from None


def read_html(source: str | Path, *, id: str | None = None, outlet: str | None = None, url: str | None = None) -> Article:
    """The main text and title of an HTML page, boilerplate removed by trafilatura.

    ``source`` is a path to an HTML file or the HTML markup itself. Offsets in the
    profile refer to the extracted text (``article.text``), not to the markup.
    """
    import trafilatura

    path = Path(source) if not (isinstance(source, str) and "<" in source) else None
    markup = _read_text_file(path) if path is not None else str(source)
    extracted = trafilatura.bare_extraction(markup, url=url, include_comments=False, with_metadata=True)
    if extracted is None:
        raise ReaderError(f"[E047] No article text found in {path or 'the HTML given'}")
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = data.get("text") or ""
    if not text.strip():
        raise ReaderError(f"[E047] No article text found in {path or 'the HTML given'}")
    return Article(
        text=text,
        id=id or (path.stem if path is not None else None),
        outlet=outlet or data.get("sitename") or None,
        title=data.get("title") or None,
        published=data.get("date") or None,
        url=url or data.get("url") or None,
    )


def _is_folder_doc(path: Path) -> bool:
    """A file that describes the folder rather than being an article (README.md, LICENSE.txt)."""
    return path.stem.upper().startswith(("README", "LICENSE", "LICENCE", "CHANGELOG"))


def read_path(path: str | Path, *, text_col: str = "text", outlet: str | None = None) -> Iterator[Article]:
    """Articles from any supported path: a folder (its .txt, .text, .md and .html files,
    except a README or LICENSE describing the folder), a text, HTML, JSON-lines or CSV/TSV
    file. The format is chosen by suffix."""
    path = Path(path)
    if not path.exists():
        raise ReaderError(f"[E040] No such file or folder: {path}")
    if path.is_dir():
        files = sorted(
            p for p in path.iterdir()
            if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES and not _is_folder_doc(p)
        )
        if not files:
            raise ReaderError(f"[E043] No .txt or .html files in {path}")
        for file in files:
            yield from read_path(file, text_col=text_col, outlet=outlet)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, text_key=text_col)
    elif suffix in CSV_SUFFIXES:
        yield from read_csv(path, text_col=text_col)
    elif suffix in HTML_SUFFIXES:
        yield read_html(path, outlet=outlet)
    else:
        yield read_text(path, outlet=outlet)
