"""Reading articles from files: plain text, folders, JSON lines, CSV and HTML pages.

Every reader yields :class:`~framing.article.Article` records lazily. Problems with the
input (a missing file, undecodable bytes, a CSV without the text column, an empty folder)
raise :class:`~framing.errors.ReaderError` naming the file and what is wrong.

Underneath, :func:`iter_entries` splits a path into its inputs (:class:`Entry`: an id known
without reading the article, and ``load()``), so that a caller can go on past one bad input:
the command line turns a failed ``load()`` into an error profile and reads the rest.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterator

from .article import Article
from .errors import InputTypeError, ReaderError

__all__ = ["Entry", "iter_entries", "read_csv", "read_html", "read_jsonl", "read_path", "read_text", "read_texts"]

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
_ARTICLE_KEYS = ("id", "outlet", "title", "published", "url")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_PATH_CHARS = 4096  # a longer str given to read_html is markup, never a path


@dataclass(frozen=True)
class Entry:
    """One input of a path: its ``id`` (known without reading the article) and ``load()``,
    which returns the :class:`Article` or raises :class:`ReaderError` naming the problem."""

    id: str
    load: Callable[[], Article]

    @classmethod
    def failing(cls, id: str, error: ReaderError) -> Entry:
        """An entry whose ``load()`` raises ``error``."""

        def load() -> Article:
            raise error

        return cls(id, load)


def _as_path(value: Any, what: str) -> Path:
    """``value`` as a Path, or InputTypeError [E124] for anything that is not a str or path."""
    if not isinstance(value, (str, os.PathLike)):
        raise InputTypeError(f"[E124] {what} must be a path (str or pathlib.Path), got {type(value).__name__}.")
    return Path(value)


def _open_regular(path: Path) -> IO[bytes]:
    """``path`` opened for reading in binary; only a regular file (a FIFO or a device
    would block or never end)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise ReaderError(f"[E040] No such file: {path}") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the name
        raise ReaderError(f"[E040] Cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        raise ReaderError(f"[E121] {path} is not a regular file (a pipe, device or socket); give a file or a folder.")
    return handle


def _read_text_file(path: Path) -> str:
    with _open_regular(path) as handle:
        try:
            data = handle.read()
        except OSError as exc:
            raise ReaderError(f"[E040] Cannot read {path}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReaderError(
            f"[E041] {path} is not valid UTF-8 (byte {exc.start}); re-encode it as UTF-8."
        ) from None


def _clean_id(value: str) -> str:
    """An id that can be written as UTF-8: undecodable bytes of a file name (or an escaped
    lone surrogate in JSON) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def read_text(path: str | Path, *, id: str | None = None, outlet: str | None = None) -> Article:
    """One plain-text file as an article (id: the file name without suffix)."""
    path = _as_path(path, "read_text's path")
    return Article(text=_read_text_file(path), id=id or _clean_id(path.stem), outlet=outlet)


def read_texts(folder: str | Path, *, pattern: str = "*.txt", outlet: str | None = None) -> Iterator[Article]:
    """Every file matching ``pattern`` in ``folder`` (sorted by name) as an article."""
    folder = _as_path(folder, "read_texts' folder")
    if not folder.is_dir():
        raise ReaderError(f"[E042] Not a folder: {folder}")
    files = sorted(p for p in folder.glob(pattern) if p.is_file())
    if not files:
        raise ReaderError(f"[E043] No files matching {pattern!r} in {folder}")
    for path in files:
        yield read_text(path, outlet=outlet)


def _find_unicode_problem(value: Any) -> str | None:
    """The first string (key or value) inside ``value`` holding a lone surrogate, or None."""
    if isinstance(value, str):
        return value if _SURROGATE.search(value) else None
    if isinstance(value, dict):
        items = [*value.keys(), *value.values()]
    elif isinstance(value, list):
        items = value
    else:
        return None
    return next((bad for bad in map(_find_unicode_problem, items) if bad is not None), None)


def _record_id(record: dict[str, Any], default_id: str) -> str:
    value = record.get("id")
    return default_id if value in (None, "") else _clean_id(str(value))


def _article_from_record(record: dict[str, Any], text_key: str, where: str, default_id: str) -> Article:
    if text_key not in record:
        raise ReaderError(f"[E044] {where}: no {text_key!r} field (fields: {', '.join(map(str, record))})")
    text = record[text_key]
    if not isinstance(text, str):
        raise ReaderError(f"[E044] {where}: {text_key!r} is {type(text).__name__}, not text")
    if _find_unicode_problem(record) is not None:
        raise ReaderError(f"[E041] {where} is not valid Unicode (undecodable bytes or an unpaired surrogate \\udXXX).")
    fields = {k: (str(record[k]) if record.get(k) not in (None, "") else None) for k in _ARTICLE_KEYS}
    fields["id"] = _record_id(record, default_id)
    meta = {k: v for k, v in record.items() if k not in _ARTICLE_KEYS and k != text_key}
    return Article(text=text, meta=meta, **fields)


def _from_record(record: dict[str, Any], text_key: str, where: str, default_id: str) -> Callable[[], Article]:
    return lambda: _article_from_record(record, text_key, where, default_id)


def _source(source: Any, what: str) -> tuple[IO[bytes], str, str, bool]:
    """(binary handle, name for messages, stem for default ids, close it?) of a path or a
    file-like object (text or binary)."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        return _open_regular(path), str(path), _clean_id(path.stem), True
    if hasattr(source, "read"):
        name = getattr(source, "name", None)
        label = str(name) if isinstance(name, (str, os.PathLike)) else f"the {what} given"
        stem = _clean_id(Path(name).stem) if isinstance(name, (str, os.PathLike)) else what
        if isinstance(source, io.TextIOBase) or isinstance(source.read(0), str):
            return io.BufferedReader(_TextAsBytes(source)), label, stem, False
        return source, label, stem, False
    raise InputTypeError(
        f"[E124] Expected a path or an open file for {what} input, got {type(source).__name__}."
    )


class _TextAsBytes(io.RawIOBase):
    """A text-mode file read as UTF-8 bytes, so one decoding path serves paths and files."""

    def __init__(self, text: IO[str]) -> None:
        self._text, self._pending = text, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = self._text.read(65536)
            if not chunk:
                return 0
            self._pending = chunk.encode("utf-8", "surrogatepass")  # a lone surrogate then fails to decode, as bad bytes do
        n = min(len(buffer), len(self._pending))
        buffer[:n], self._pending = self._pending[:n], self._pending[n:]
        return n


def _jsonl_entries(source: Any, text_key: str) -> Iterator[Entry]:
    handle, where, stem, close = _source(source, "jsonl")
    try:
        for lineno, raw in enumerate(handle, 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if raw.strip():
                yield _jsonl_entry(raw, text_key, f"{where}:{lineno}", f"{stem}:{lineno}")
    finally:
        if close:
            handle.close()


def _jsonl_entry(raw: bytes, text_key: str, where: str, default_id: str) -> Entry:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Entry.failing(default_id, ReaderError(f"[E041] {where} is not valid UTF-8 (byte {exc.start})"))
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Entry.failing(default_id, ReaderError(f"[E045] {where}: not JSON ({exc.msg})"))
    except (ValueError, RecursionError) as exc:  # a 5000-digit number, nesting too deep
        return Entry.failing(default_id, ReaderError(f"[E045] {where}: not readable JSON ({type(exc).__name__})"))
    if not isinstance(record, dict):
        return Entry.failing(default_id, ReaderError(f"[E045] {where}: expected a JSON object"))
    return Entry(_record_id(record, default_id), _from_record(record, text_key, where, default_id))


def read_jsonl(path: str | Path | IO[Any], *, text_key: str = "text") -> Iterator[Article]:
    """Articles from a JSON-lines file (a path or an open file): one object per line with
    at least ``text_key``.

    ``id``, ``outlet``, ``title``, ``published`` and ``url`` become article fields, the
    rest goes to ``meta``. Articles without an id get ``"<file stem>:<line number>"``.
    """
    for entry in _jsonl_entries(path, text_key):
        yield entry.load()


def _csv_entries(source: Any, text_col: str, delimiter: str | None) -> Iterator[Entry]:
    handle, where, stem, close = _source(source, "csv")
    if delimiter is None:
        delimiter = "\t" if where.lower().endswith(".tsv") else ","
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        reader = csv.DictReader(text, delimiter=delimiter)
        fieldnames = _csv_header(reader, where)
        if text_col not in fieldnames:
            raise ReaderError(
                f"[E046] {where} has no column {text_col!r}; columns: {', '.join(fieldnames)} "
                "(choose one with text_col=... / --text-col)"
            )
        yield from _csv_rows(reader, text_col, where, stem)
    finally:
        if close:
            text.close()
        else:
            text.detach()


def _csv_header(reader: csv.DictReader, where: str) -> list[str]:
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        raise ReaderError(f"[E046] {where}: malformed CSV ({exc})") from None
    if fieldnames is None:
        raise ReaderError(f"[E046] {where} is empty")
    if _find_unicode_problem(list(fieldnames)) is not None:
        raise ReaderError(f"[E041] {where}: the header row is not valid UTF-8")
    return list(fieldnames)


def _csv_rows(reader: csv.DictReader, text_col: str, where: str, stem: str) -> Iterator[Entry]:
    rowno = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the rest of the file cannot be split into rows
            yield Entry.failing(f"{stem}:{reader.line_num}", ReaderError(f"[E046] {where}:{reader.line_num}: malformed CSV ({exc})"))
            return
        rowno += 1
        record = {str(k): v for k, v in row.items()}  # extra cells sit under the key None
        yield Entry(_record_id(record, f"{stem}:{rowno}"), _from_record(record, text_col, f"{where}:{rowno}", f"{stem}:{rowno}"))


def read_csv(path: str | Path | IO[Any], *, text_col: str = "text", delimiter: str | None = None) -> Iterator[Article]:
    """Articles from a CSV (or TSV) file with a header row, given as a path or an open file
    (text or binary); ``text_col`` holds the text. Rows without an id get
    ``"<file stem>:<row number>"`` (``"csv:<row number>"`` for a file object without a name)."""
    for entry in _csv_entries(path, text_col, delimiter):
        yield entry.load()


def _html_path(source: str | os.PathLike[str]) -> Path | None:
    """The path ``source`` names, or None when it is markup.

    A Path is a path. A str is a path when it is one line that names an existing file,
    ends in .html/.htm/.xhtml, or has no '<' at all (a missing one is then reported as
    missing, not parsed as a page); anything else is markup.
    """
    if isinstance(source, os.PathLike):
        return Path(source)
    if not isinstance(source, str):
        raise InputTypeError(f"[E124] read_html needs a path or HTML markup (str), got {type(source).__name__}.")
    if "\n" in source or len(source) > _MAX_PATH_CHARS or not source.strip():
        return None
    try:
        exists = os.path.exists(source)
    except (OSError, ValueError):  # a NUL character, an over-long name
        exists = False
    name = source.strip()
    if exists or "<" not in source or (name.lower().endswith(HTML_SUFFIXES) and not name.startswith("<")):
        return Path(source)
    return None


def _trafilatura() -> Any:
    try:
        import lxml.html.clean  # noqa: F401  (jusText, trafilatura's fallback extractor, needs it)
    except ImportError:
        raise ReaderError(
            "[E122] Reading HTML needs the package lxml_html_clean (lxml no longer ships "
            "lxml.html.clean): pip install lxml_html_clean"
        ) from None
    import trafilatura

    return trafilatura


def read_html(source: str | Path, *, id: str | None = None, outlet: str | None = None, url: str | None = None) -> Article:
    """The main text and title of an HTML page, boilerplate removed by trafilatura.

    ``source`` is a path to an HTML file (a :class:`~pathlib.Path`, or a one-line str naming
    a file) or the HTML markup itself. Offsets in the profile refer to the extracted text
    (``article.text``), not to the markup.
    """
    path = _html_path(source)
    markup = _read_text_file(path) if path is not None else str(source)
    trafilatura = _trafilatura()
    extracted = trafilatura.bare_extraction(markup, url=url, include_comments=False, with_metadata=True)
    data = {} if extracted is None else extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = data.get("text") or ""
    if not text.strip():
        raise ReaderError(f"[E047] No article text found in {path or 'the HTML given'}")
    return Article(
        text=text,
        id=id or (_clean_id(path.stem) if path is not None else None),
        outlet=outlet or data.get("sitename") or None,
        title=data.get("title") or None,
        published=data.get("date") or None,
        url=url or data.get("url") or None,
    )


def _is_folder_doc(path: Path) -> bool:
    """A file that describes the folder rather than being an article (README.md, LICENSE.txt)."""
    return path.stem.upper().startswith(("README", "LICENSE", "LICENCE", "CHANGELOG"))


def _file_entry(path: Path, outlet: str | None) -> Entry:
    if path.suffix.lower() in HTML_SUFFIXES:
        return Entry(_clean_id(path.stem), lambda: read_html(path, outlet=outlet))
    return Entry(_clean_id(path.stem), lambda: read_text(path, outlet=outlet))


def iter_entries(path: str | Path, *, text_col: str = "text", outlet: str | None = None) -> Iterator[Entry]:
    """The inputs of any supported path, in order, each read only by its ``load()``.

    A problem with the path as a whole (missing, not a regular file or folder, an empty
    folder, a CSV without ``text_col``) raises :class:`ReaderError` at once; a problem with
    one input (an undecodable file in a folder, a malformed JSON line) is raised by that
    entry's ``load()``, and the entries after it still come.
    """
    path = _as_path(path, "The input")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise ReaderError(f"[E040] No such file or folder: {path}") from None
    except (OSError, ValueError) as exc:
        raise ReaderError(f"[E040] Cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if stat.S_ISDIR(mode):
        yield from _folder_entries(path, outlet)
        return
    if not stat.S_ISREG(mode):
        raise ReaderError(f"[E121] {path} is not a regular file (a pipe, device or socket); give a file or a folder.")
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_entries(path, text_col)
    elif suffix in CSV_SUFFIXES:
        yield from _csv_entries(path, text_col, None)
    else:
        yield _file_entry(path, outlet)


def _folder_entries(folder: Path, outlet: str | None) -> Iterator[Entry]:
    """Its .txt, .text, .md and .html files (not a README or LICENSE), sorted by name; a
    pipe or device among them is an entry that fails, not one that blocks."""
    files = sorted(
        p for p in folder.iterdir()
        if p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES and not _is_folder_doc(p) and not p.is_dir()
    )
    if not files:
        raise ReaderError(f"[E043] No .txt or .html files in {folder}")
    for file in files:
        yield _file_entry(file, outlet)


def read_path(path: str | Path, *, text_col: str = "text", outlet: str | None = None) -> Iterator[Article]:
    """Articles from any supported path: a folder (its .txt, .text, .md and .html files,
    except a README or LICENSE describing the folder), a text, HTML, JSON-lines or CSV/TSV
    file. The format is chosen by suffix. The first bad input raises :class:`ReaderError`
    (use :func:`iter_entries` to go on past it)."""
    for entry in iter_entries(path, text_col=text_col, outlet=outlet):
        yield entry.load()
