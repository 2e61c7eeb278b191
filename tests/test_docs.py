"""The documentation site builds with --strict, and its contract twin matches the shared one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mkdocs_build_strict(tmp_path):
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (tmp_path / "site" / "index.html").is_file()


def test_api_contract_twin(shared_dir):
    shared = shared_dir / "design" / "API.md"
    if not shared.is_file():
        pytest.skip("no shared API.md")
    assert (ROOT / "docs" / "api-contract.md").read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")


def test_examples_are_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for example in sorted((ROOT / "examples").glob("*.py")):
        assert example.name in readme, f"README does not mention examples/{example.name}"
