"""The HTML report in a real browser: headless Chromium opens it with no console errors and
its screenshot shows the charts.

Skipped with a reason where no Chromium is installed (Debian: ``apt-get install chromium``).
Set ``FRAMING_SCREENSHOT_DIR`` to keep the screenshot.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import framing

Image = pytest.importorskip("PIL.Image", reason="Pillow (the dev extra) reads the screenshot")

ROOT = Path(__file__).resolve().parents[1]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip(f"no headless Chromium found (tried {', '.join(BROWSERS)}); on Debian: apt-get install chromium")


def test_html_report_renders_in_chromium(nlp, tmp_path):
    browser = _browser()
    texts = sorted((ROOT / "examples" / "data").glob("libya_*.txt"))
    assert len(texts) == 2
    profiles = [framing.analyze(p.read_text(encoding="utf-8"), id=p.stem, nlp=nlp) for p in texts]
    comparison = framing.compare(profiles, catalog=ROOT / "examples" / "catalogs" / "libya.toml")
    report = tmp_path / "report.html"
    comparison.to_html(report)

    shot_dir = Path(os.environ.get("FRAMING_SCREENSHOT_DIR") or tmp_path)
    shot_dir.mkdir(parents=True, exist_ok=True)
    shot = shot_dir / "report.png"
    proc = subprocess.run(
        [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--enable-logging=stderr", "--v=0", "--window-size=1280,2400",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", report.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
    assert console == [], "\n".join(console)
    # no request left the file: a remote script, style or font would show up as a failed load
    assert "net::ERR" not in proc.stderr, proc.stderr[-2000:]

    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 2400)
    # the charts are coloured bars: count sampled pixels that are neither white, black nor grey
    small = image.resize((320, 600))
    data = small.tobytes()
    coloured = sum(1 for i in range(0, len(data), 3) if max(data[i:i + 3]) - min(data[i:i + 3]) > 60)
    assert coloured > 500, f"only {coloured} of 192,000 sampled pixels are coloured: are the charts drawn?"
