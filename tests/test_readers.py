"""Readers: text files, folders, JSONL, CSV, HTML; clear errors on bad input."""

from __future__ import annotations

import io
import json
import os
import signal
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.errors import ReaderError
from framing.readers import iter_entries


def test_text_file_and_folder(tmp_path):
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("\ufeffFirst.", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    (tmp_path / "README.md").write_text("What this folder holds.", encoding="utf-8")
    arts = list(framing.read_path(tmp_path))
    assert [(a.id, a.text) for a in arts] == [("a", "First."), ("b", "Second.")]
    assert framing.read_text(tmp_path / "a.txt", outlet="O").outlet == "O"


def test_jsonl(tmp_path):
    path = tmp_path / "x.jsonl"
    rows = [{"id": 7, "text": "Hello.", "outlet": "O", "bias": "left"}, {"text": "No id."}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    arts = list(framing.read_path(path))
    assert arts[0].id == "7" and arts[0].outlet == "O" and arts[0].meta == {"bias": "left"}
    assert arts[1].id == "x:2"


def test_jsonl_errors(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ReaderError, match=r"bad.jsonl:2"):
        list(framing.read_jsonl(path))
    path.write_text('{"body": "x"}\n', encoding="utf-8")
    with pytest.raises(ReaderError, match="no 'text' field"):
        list(framing.read_jsonl(path))


def test_csv_with_text_column(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text('id,body,outlet\n1,"Line one, with comma",A\n2,Two,B\n', encoding="utf-8")
    arts = list(framing.read_csv(path, text_col="body"))
    assert [a.text for a in arts] == ["Line one, with comma", "Two"]
    with pytest.raises(ReaderError, match="no column 'text'.*body"):
        list(framing.read_csv(path))


def test_missing_and_undecodable(tmp_path):
    with pytest.raises(ReaderError, match="No such file"):
        list(framing.read_path(tmp_path / "missing.txt"))
    bad = tmp_path / "latin.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(ReaderError, match="not valid UTF-8"):
        list(framing.read_path(bad))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ReaderError, match="No .txt or .html"):
        list(framing.read_path(empty))
    assert isinstance(ReaderError("x"), OSError)


HTML = """<html><head><title>Talks suspended | Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Subscribe now!</nav>
<article><h1>Talks suspended</h1>
<p>The Government of National Accord announced on Tuesday that it would suspend its
participation in the military talks in Geneva after the shelling of the port of Tripoli.</p>
<p>"There must first be a clear message from all the international parties," Prime Minister
Fayez al-Sarraj told reporters in the port, where smoke was still rising from a tanker.</p>
<p>The United Nations mission said it was seeking to save the talks on a ceasefire.</p>
</article>
<footer>Copyright 2020 Example News. All rights reserved. Cookie settings.</footer>
</body></html>"""


def test_html_boilerplate_removed(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    art = framing.read_html(path)
    assert "suspend its" in art.text and "al-Sarraj" in art.text
    assert "Cookie settings" not in art.text and "Subscribe now" not in art.text
    assert art.title and "Talks suspended" in art.title
    assert art.id == "page"
    assert framing.read_html(HTML).text == art.text


def test_html_dependency_pinned():
    """jusText (trafilatura's fallback) imports lxml.html.clean, a separate package since
    lxml 5.2: a fresh install must get it."""
    import re
    from pathlib import Path

    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    names = {re.split(r"[\[<>=!~; ]", d, maxsplit=1)[0].lower().replace("_", "-") for d in project["project"]["dependencies"]}
    assert "lxml-html-clean" in names or any("lxml[html_clean]" in d.replace("-", "_") for d in project["project"]["dependencies"])
    import lxml.html.clean  # noqa: F401  (the environment the tests run in has it)


def test_html_without_lxml_html_clean_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "lxml.html.clean", None)
    with pytest.raises(ReaderError, match="E122.*pip install lxml_html_clean"):
        framing.read_html(HTML)


def test_read_html_path_or_markup(tmp_path, monkeypatch):
    weird = tmp_path / "weird name <x>.html"
    weird.write_text(HTML, encoding="utf-8")
    assert framing.read_html(str(weird)).id == "weird name <x>"
    assert framing.read_html(weird).id == "weird name <x>"
    monkeypatch.chdir(tmp_path)
    assert framing.read_html("weird name <x>.html").id == "weird name <x>"
    with pytest.raises(ReaderError, match="E040.*missing <y>.html"):
        framing.read_html("missing <y>.html")
    with pytest.raises(ReaderError, match="E040"):
        framing.read_html("page.htm")
    one_line = HTML.replace("\n", " ")
    assert framing.read_html(one_line).text == framing.read_html(weird).text
    with pytest.raises(TypeError, match="E124"):
        framing.read_html(b"<p>bytes</p>")


def test_read_csv_and_jsonl_from_open_files():
    arts = list(framing.read_csv(io.StringIO("id,text\n1,Hello.\n,World.\n")))
    assert [(a.id, a.text) for a in arts] == [("1", "Hello."), ("csv:3", "World.")]
    arts = list(framing.read_csv(io.BytesIO("text\tid\ncaf\u00e9.\tx\n".encode()), delimiter="\t"))
    assert [(a.id, a.text) for a in arts] == [("x", "caf\u00e9.")]
    assert [a.text for a in framing.read_jsonl(io.StringIO('{"text": "A."}\n'))] == ["A."]
    with pytest.raises(TypeError, match="E124"):
        list(framing.read_csv(42))


def _alarm(seconds):
    def fail(signum, frame):
        raise TimeoutError("reader blocked")

    signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)


def test_fifo_is_refused_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _alarm(10)
    try:
        with pytest.raises(ReaderError, match="E121.*not a regular file"):
            framing.read_text(fifo)
        with pytest.raises(ReaderError, match="E121"):
            list(framing.read_path(fifo))
        (tmp_path / "a.txt").write_text("Fine.", encoding="utf-8")
        entries = list(iter_entries(tmp_path))
        assert [e.id for e in entries] == ["a", "pipe"]
        assert entries[0].load().text == "Fine."
        with pytest.raises(ReaderError, match="E121"):
            entries[1].load()
    finally:
        signal.alarm(0)


def test_one_bad_input_fails_alone(tmp_path):
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"caf\xe9")
    (tmp_path / "c.txt").write_text("Third.", encoding="utf-8")
    entries = list(iter_entries(tmp_path))
    assert [e.id for e in entries] == ["a", "b", "c"]
    with pytest.raises(ReaderError, match="E041"):
        entries[1].load()
    assert entries[2].load().text == "Third."
    rows = tmp_path / "rows.jsonl"
    rows.write_bytes(b'{"id": "x", "text": "A."}\nnot json\n\xff\n{"id": "y"}\n{"text": "\\ud800"}\n{"text": "B."}\n')
    entries = list(iter_entries(rows))
    assert [e.id for e in entries] == ["x", "rows:2", "rows:3", "y", "rows:5", "rows:6"]
    outcomes = []
    for entry in entries:
        try:
            outcomes.append(entry.load().text)
        except ReaderError as exc:
            outcomes.append(str(exc)[:5])
    assert outcomes == ["A.", "[E045", "[E041", "[E044", "[E041", "B."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.binary(max_size=40) | st.builds(lambda d: json.dumps(d).encode(), st.dictionaries(
    st.sampled_from(["id", "text", "outlet", "meta"]), st.none() | st.text(max_size=8) | st.integers(), max_size=4)), max_size=8))
def test_any_jsonl_lines_give_one_entry_each(tmp_path_factory, lines):
    lines = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines]
    path = tmp_path_factory.mktemp("j") / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    entries = list(iter_entries(path))
    nonblank = [n for n, line in enumerate(lines, 1) if line.strip() and not (n == 1 and line.strip() == b"\xef\xbb\xbf")]
    assert len(entries) == len(nonblank)
    for n, entry in zip(nonblank, entries):
        try:
            record = json.loads(lines[n - 1].decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError):
            record = None
        given_id = record.get("id") if isinstance(record, dict) else None
        assert entry.id == (f"in:{n}" if given_id in (None, "") else str(given_id))
        try:
            article = entry.load()
        except ReaderError:
            continue
        assert article.id == entry.id and isinstance(article.text, str)
        article.text.encode("utf-8")


def test_open_text_file_with_a_lone_surrogate_fails_that_record_only():
    articles = framing.read_jsonl(io.StringIO('{"text": "ok"}\n{"text": "a\ud800"}\n'))
    assert next(articles).text == "ok"
    with pytest.raises(ReaderError, match="E041.*:2"):
        next(articles)
    with pytest.raises(ReaderError, match="E041"):
        list(framing.read_csv(io.StringIO("text\na\ud800\n")))
