"""Readers: text files, folders, JSONL, CSV, HTML; clear errors on bad input."""

from __future__ import annotations

import json

import pytest

import framing
from framing.errors import ReaderError


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
