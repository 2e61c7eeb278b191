"""The framing command line: output, and exit status 2 with one line on bad input."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# -- hardening: streaming output, outputs checked first, one bad input fails alone ---------
FAST = ["--analyzers", "readability", "--model", "blank:en", "--no-progress"]


class _Probe:
    """Records how many profile lines were on disk when it ran; interrupts on id 'crash'."""

    name, version, requires = "test-probe", "1", ()

    def analyze(self, doc, context):
        if context.article.id == "crash":
            raise KeyboardInterrupt
        out = os.environ["FRAMING_TEST_PROBE_OUT"]
        return {"lines_on_disk": len(open(out, encoding="utf-8").read().splitlines())}


@pytest.fixture
def probe(monkeypatch, tmp_path):
    from framing import registry

    monkeypatch.setitem(registry._factories, "test-probe", _Probe)
    out = tmp_path / "out.jsonl"
    monkeypatch.setenv("FRAMING_TEST_PROBE_OUT", str(out))
    return out


def _jsonl(path, ids):
    path.write_text("".join(json.dumps({"id": i, "text": f"Article {i} text."}) + "\n" for i in ids), encoding="utf-8")
    return path


def test_analyze_streams_each_profile_to_disk(tmp_path, probe):
    inputs = _jsonl(tmp_path / "in.jsonl", ["a", "b", "c", "crash", "d"])
    assert main(["analyze", str(inputs), "-o", str(probe), "--analyzers", "test-probe", "--model", "blank:en", "--no-progress"]) == 130
    written = [json.loads(line) for line in probe.read_text(encoding="utf-8").splitlines()]
    assert [p["article"]["id"] for p in written] == ["a", "b", "c"]  # kept although the run was interrupted
    assert [p["test-probe"]["lines_on_disk"] for p in written] == [0, 1, 2]


@pytest.mark.parametrize(
    "make",
    [
        lambda d: ["analyze", "-o", str(d / "nowhere" / "out.jsonl")],
        lambda d: ["analyze", "-o", str(d)],
        lambda d: ["compare", "--html", str(d / "in.jsonl" / "r.html")],
        lambda d: ["compare", "--json", str(d / "nowhere" / "c.json")],
        lambda d: ["analyze", "-o", str(d / "in.jsonl")],
        lambda d: ["analyze", str(d), "-o", str(d / "new.txt")],
    ],
)
def test_unwritable_output_fails_before_any_work(tmp_path, capsys, monkeypatch, make):
    import framing.engine

    def no_work(*args, **kwargs):
        raise AssertionError("the engine was created before the output was checked")

    monkeypatch.setattr(framing.engine, "get_engine", no_work)
    inputs = _jsonl(tmp_path / "in.jsonl", ["a"])
    before = inputs.read_bytes()
    command, *outputs = make(tmp_path)
    assert main([command, str(inputs), *outputs, *FAST]) == 2
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and re.match(r"framing: error: \[E12[05]\]", err[0]) and captured.out == ""
    assert inputs.read_bytes() == before


def test_one_bad_input_becomes_an_error_profile(tmp_path, capsys):
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a.txt").write_text("First article.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"caf\xe9 au lait.")
    (folder / "c.txt").write_text("Third article.", encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    rows.write_bytes(b'{"id": "x", "text": "Fine."}\n{"id": "y", "text": \n\xff\xfe\n{"text": "Also fine."}\n')
    assert main(["analyze", str(folder), str(rows), *FAST]) == 3
    captured = capsys.readouterr()
    profiles = [json.loads(line) for line in captured.out.splitlines()]
    assert [p["article"]["id"] for p in profiles] == ["a", "b", "c", "x", "rows:2", "rows:3", "rows:4"]
    assert [(p["error"] or "")[:6] for p in profiles] == ["", "[E041]", "", "", "[E045]", "[E041]", ""]
    assert all(p["readability"] is None for p in profiles if p["error"])
    assert "3 of 7 inputs" in captured.err and "Traceback" not in captured.err


def test_repeated_ids_never_collide_and_compare_reads_them(tmp_path, capsys):
    inputs = _jsonl(tmp_path / "in.jsonl", ["a", "a", "a#2", "b", "a"])
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(inputs), "-o", str(out), *FAST]) == 0
    ids = [json.loads(line)["article"]["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "a#3", "a#2", "b", "a#4"]
    assert main(["compare", str(out), "--markdown", "--no-progress"]) == 0
    assert main(["compare", str(out), str(out), "--markdown", "--no-progress"]) == 0  # the same profiles twice


def test_fifo_input_refused_not_waited_for(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    signal.signal(signal.SIGALRM, lambda *a: (_ for _ in ()).throw(TimeoutError("the CLI blocked on a FIFO")))
    signal.alarm(20)
    try:
        assert main(["analyze", str(fifo), *FAST]) == 2
    finally:
        signal.alarm(0)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "E121" in err[0] and "not a regular file" in err[0]


_line = st.one_of(
    st.binary(max_size=30).map(lambda b: b.replace(b"\n", b" ").replace(b"\r", b" ")),
    st.builds(
        lambda d: json.dumps(d).encode(),
        st.fixed_dictionaries({"text": st.text(max_size=20) | st.integers()},
                              optional={"id": st.sampled_from(["a", "a#2", "b", "", "in:1"]) | st.integers(0, 3)}),
    ),
)


@settings(max_examples=25, deadline=None)
@given(st.lists(_line, min_size=1, max_size=6))
def test_any_jsonl_gives_one_profile_per_line_ids_kept(tmp_path_factory, lines):
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    out = folder / "out.jsonl"
    try:
        status = main(["analyze", str(path), "-o", str(out), *FAST])
    except SystemExit as exc:  # argparse: nothing to do here
        raise AssertionError(exc) from None
    kept = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not (n == 1 and line.strip() == b"\xef\xbb\xbf")]
    profiles = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(profiles) == len(kept)
    expected = []
    for n, line in kept:
        try:
            record = json.loads(line.decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError):
            record = None
        given_id = record.get("id") if isinstance(record, dict) else None
        expected.append(f"in:{n}" if given_id in (None, "") else str(given_id))
    ids = [p["article"]["id"] for p in profiles]
    assert len(set(ids)) == len(ids)
    for want, got in zip(expected, ids):  # unique ids unchanged; a repeat is numbered
        assert got == want or (expected.count(want) > 1 and got.startswith(want + "#"))
    assert status == (3 if any(p["error"] for p in profiles) else 0)


def test_bad_line_in_a_profile_file_fails_alone(tmp_path, capsys):
    out = _jsonl(tmp_path / "in.jsonl", ["a", "b"])
    profiles = tmp_path / "profiles.jsonl"
    assert main(["analyze", str(out), "-o", str(profiles), *FAST]) == 0
    lines = profiles.read_text(encoding="utf-8").splitlines()
    profiles.write_text("\n".join([lines[0], '{"article": 5, "pipeline": {}}', "{oops", lines[1]]) + "\n", encoding="utf-8")
    assert main(["analyze", str(profiles), "--no-progress"]) == 3
    got = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [p["article"]["id"] for p in got] == ["a", "profiles:2", "profiles:3", "b"]
    assert [(p["error"] or "")[:6] for p in got] == ["", "[E048]", "[E048]", ""]
    assert main(["compare", str(profiles), "--markdown", "--no-progress"]) == 3


@settings(max_examples=12, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "a#2", "README", "c d"]), st.sampled_from([".txt", ".md", ".html"]),
                          st.binary(max_size=40) | st.text(max_size=40).map(str.encode)),
                min_size=1, max_size=5, unique_by=lambda f: f[0] + f[1]))
def test_any_folder_gives_one_profile_per_file_ids_kept(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("folder")
    for stem, suffix, data in files:
        (folder / (stem + suffix)).write_bytes(data)
    articles = sorted((stem + suffix, stem) for stem, suffix, _ in files if stem != "README")
    if not articles:
        return
    out = tmp_path_factory.mktemp("out") / "out.jsonl"
    status = main(["analyze", str(folder), "-o", str(out), *FAST])
    profiles = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    stems = [stem for _, stem in articles]
    ids = [p["article"]["id"] for p in profiles]
    assert len(ids) == len(stems) and len(set(ids)) == len(ids)
    for want, got in zip(stems, ids):
        assert got == want or (stems.count(want) > 1 and got.startswith(want + "#"))
    assert status == (3 if any(p["error"] for p in profiles) else 0)
