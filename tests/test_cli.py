"""The framing command line: output, and exit status 2 with one line on bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from framing.cli import main

ARGS = ["--analyzers", "readability,actors,terminology", "--no-progress"]


@pytest.fixture
def articles(tmp_path):
    (tmp_path / "a.txt").write_text("Marshal Khalifa Haftar met Sergei Shoigu in Moscow on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Retired Major General Khalifa Hifter shelled Tripoli, officials said.", encoding="utf-8")
    return tmp_path


def test_analyze_writes_json_lines(articles, capsys, nlp):
    assert main(["analyze", str(articles / "a.txt"), str(articles / "b.txt"), *ARGS]) == 0
    lines = capsys.readouterr().out.splitlines()
    profiles = [json.loads(line) for line in lines]
    assert [p["article"]["id"] for p in profiles] == ["a", "b"]
    assert all(p["schema_version"] == 1 and p["error"] is None for p in profiles)


def test_compare_folder_html_and_profiles_roundtrip(articles, tmp_path, capsys, nlp):
    out = tmp_path / "profiles.jsonl"
    assert main(["analyze", str(articles), "-o", str(out), *ARGS]) == 0
    html = tmp_path / "r.html"
    assert main(["compare", str(out), "--html", str(html), "--markdown"]) == 0
    text = capsys.readouterr().out
    assert "Khalifa" in text and html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_compare_terminal_tables(articles, capsys, nlp):
    assert main(["compare", str(articles / "a.txt"), str(articles / "b.txt"), *ARGS]) == 0
    out = capsys.readouterr().out
    assert "Actors: names and labels" in out and "|---" not in out


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: [str(d / "missing.txt")], "No such file"),
        (lambda d: [str(d / "empty")], "No .txt or .html files"),
        (lambda d: [str(d / "bad.txt")], "UTF-8"),
        (lambda d: [str(d / "a.txt"), "--catalog", str(d / "bad.toml")], "not a valid TOML"),
        (lambda d: [str(d / "rows.csv"), "--text-col", "body"], "body"),
    ],
)
def test_bad_input_exit_2_one_line(articles, capsys, make, message):
    (articles / "empty").mkdir()
    (articles / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    (articles / "bad.toml").write_text("[[actor]\n", encoding="utf-8")
    (articles / "rows.csv").write_text("id,text\n1,hello\n", encoding="utf-8")
    assert main(["compare", *make(articles), *ARGS]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("framing: error:") and message in err[0]


def test_console_script_help_and_usage_error():
    proc = subprocess.run([sys.executable, "-m", "framing.cli", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "analyze" in proc.stdout and "compare" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "framing.cli", "compare"], capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "framing.cli", "analyze", "--help"], capture_output=True, text=True)
    assert "examples:" in proc.stdout


def test_compare_terminal_wraps_to_the_width(articles, capsys, nlp, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["compare", str(articles / "a.txt"), str(articles / "b.txt"), *ARGS]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 60
    assert "…" not in out
    words = " ".join(out.split())
    assert "Retired Major General" in words or "retired Major General" in words  # wrapped, not cut


def test_compare_by_a_metadata_field(tmp_path, capsys, nlp):
    records = [{"id": f"r{i}", "outlet": f"O{i}", "bias": bias, "text": f"Officials in Tripoli said talks resumed on day {i}."}
               for i, bias in enumerate(["left", "right", "left", "center"])]
    path = tmp_path / "s.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out_json = tmp_path / "c.json"
    assert main(["compare", str(path), "--by", "bias", "--json", str(out_json), "--analyzers", "readability", "--no-progress"]) == 0
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["units"] == ["left", "right", "center"] and data["n_articles"]["left"] == 2
    assert "Comparison by bias" in capsys.readouterr().out
    assert main(["compare", str(path), "--by", "nope", "--analyzers", "readability", "--no-progress"]) == 2
