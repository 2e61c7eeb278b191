"""The HTML report in a real browser: headless Chromium opens it at 1400 and 390 px wide.

Checks, at both widths: no console errors, no network request, every SVG text inside its
chart, no body text wider than the window (tables scroll inside their own box), and
coloured bars in the screenshot. A report of hostile ids and outlets must render them as
text: no element the input smuggled in.

Skipped with a reason where no Chromium is installed (Debian: ``apt-get install chromium``);
``.ci/run`` installs it and sets ``FRAMING_REQUIRE_BROWSER``, which turns the skip into a
failure. Set ``FRAMING_SCREENSHOT_DIR`` to keep the screenshots.
"""

from __future__ import annotations

import json
from html import escape as html_escape
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import framing

Image = pytest.importorskip("PIL.Image", reason="Pillow (the dev extra) reads the screenshot")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
WIDTHS = (1400, 390)
HEIGHT = 6000

# A page that holds the report in an iframe exactly `width` px wide (headless Chromium's
# window is at least 500 px) and measures it once loaded, every <details> opened.
CHECK = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="r" style="border:0;width:%(width)dpx;height:%(height)dpx" srcdoc="%(srcdoc)s"></iframe>
<script>document.getElementById('r').addEventListener('load', function () {
  var win = this.contentWindow, doc = this.contentDocument;
  doc.querySelectorAll('details').forEach(function (d) { d.open = true; });
  var vw = win.innerWidth, out = {width: vw, scrollWidth: doc.documentElement.scrollWidth,
    overflow: [], outside: [], svgs: 0, texts: 0};
  doc.querySelectorAll('p, li, h1, h2, h3, figcaption, summary, caption, td, th').forEach(function (el) {
    if (el.closest('.scroll')) { return; }
    var r = el.getBoundingClientRect();
    if (r.width && (r.right > vw + 1 || r.left < -1)) { out.overflow.push(el.tagName + ': ' + el.textContent.slice(0, 60)); }
  });
  doc.querySelectorAll('.scroll').forEach(function (el) {
    if (el.getBoundingClientRect().right > vw + 1) { out.overflow.push('scroll box: ' + el.textContent.slice(0, 60)); }
  });
  doc.querySelectorAll('svg').forEach(function (svg) {
    out.svgs += 1;
    var vb = svg.viewBox.baseVal;
    svg.querySelectorAll('text').forEach(function (t) {
      out.texts += 1;
      var b = t.getBBox();
      if (b.x < vb.x - 0.5 || b.y < vb.y - 0.5 || b.x + b.width > vb.x + vb.width + 0.5 || b.y + b.height > vb.y + vb.height + 0.5) {
        out.outside.push(t.textContent);
      }
    });
  });
  out.resources = win.performance.getEntriesByType('resource').map(function (e) { return e.name; });
  out.foreign = doc.querySelectorAll('img, iframe, object, embed, link, script').length;
  var pre = document.createElement('pre'); pre.id = 'framing-result'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});</script></body></html>"""


def _browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    message = f"no headless Chromium found (tried {', '.join(BROWSERS)}); on Debian: apt-get install chromium"
    if os.environ.get("FRAMING_REQUIRE_BROWSER"):  # set by .ci/run, which installs it
        pytest.fail(message)
    pytest.skip(message)


def _run(browser: str, tmp: Path, width: int, page: Path, *extra: str) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr",
         "--v=0", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND", f"--window-size={width},{HEIGHT}",
         f"--user-data-dir={tmp / f'profile-{width}'}", *extra, page.as_uri()],
        capture_output=True, text=True, timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
    assert console == [], "\n".join(console)
    assert "net::ERR" not in proc.stderr, proc.stderr[-2000:]
    return proc


def _measure(browser: str, tmp: Path, html: str, width: int) -> dict:
    page = tmp / f"check-{width}.html"
    page.write_text(CHECK % {"width": width, "height": HEIGHT, "srcdoc": html_escape(html, quote=True)}, encoding="utf-8")
    proc = _run(browser, tmp, width, page, "--dump-dom", "--virtual-time-budget=5000")
    found = re.search(r'<pre id="framing-result">(.*?)</pre>', proc.stdout, re.S)
    assert found, proc.stdout[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


@pytest.fixture(scope="module")
def seed_report(nlp) -> str:
    """The seed articles' report (the shipped example pair where ../shared is absent)."""
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    outlets = {"000": "Arabic outlet (translated)", "003": "Fort Russ"}
    if len(files) >= 2:
        articles = [framing.read_text(f, id=f.stem[:3], outlet=outlets.get(f.stem[:3])) for f in files]
    else:
        articles = [framing.read_text(f) for f in sorted((ROOT / "examples" / "data").glob("libya_*.txt"))]
    catalog = framing.ActorCatalog.load(ROOT / "examples" / "catalogs" / "libya.toml")
    profiles = list(framing.analyze_many(articles, nlp=nlp, catalog=catalog))
    return framing.compare(profiles, catalog=catalog).to_html(title="Two outlets, one meeting: Moscow, February 2020")


@pytest.fixture(scope="module")
def browser():
    return _browser()


@pytest.mark.parametrize("width", WIDTHS)
def test_html_report_in_chromium(seed_report, browser, tmp_path, width):
    html = seed_report
    assert not re.search(r"""(src|href)\s*=|url\(|@import""", html), "the report must load nothing"
    result = _measure(browser, tmp_path, html, width)
    assert result["width"] == width
    assert result["svgs"] >= 3 and result["texts"] > 20
    assert result["outside"] == [], result["outside"]
    assert result["overflow"] == [], result["overflow"]
    assert result["scrollWidth"] <= width, result
    assert result["resources"] == [] and result["foreign"] == 0, result

    report = tmp_path / "report.html"
    report.write_text(html, encoding="utf-8")
    shot_dir = Path(os.environ.get("FRAMING_SCREENSHOT_DIR") or tmp_path)
    shot_dir.mkdir(parents=True, exist_ok=True)
    shot = shot_dir / f"report-{width}.png"
    _run(browser, tmp_path, width, report, f"--screenshot={shot}")
    image = Image.open(shot).convert("RGB")
    assert image.size == (width, HEIGHT)
    small = image.resize((width // 4, HEIGHT // 4))
    data = small.tobytes()
    coloured = sum(1 for i in range(0, len(data), 3) if max(data[i:i + 3]) - min(data[i:i + 3]) > 60)
    assert coloured > 200, f"only {coloured} sampled pixels are coloured: are the charts drawn?"


def test_hostile_input_renders_as_text(browser, tmp_path):
    hostile = '<img src=x onerror="document.title=1"> | <script>alert(1)</script>'
    profiles = []
    for i, outlet in enumerate([hostile, "Plain | outlet\nwith a line break"]):
        profiles.append({"schema_version": 1, "pipeline": {}, "error": None,
                         "article": {"id": f"{hostile}{i}", "outlet": outlet, "title": None, "n_words": 10},
                         "readability": {"flesch_reading_ease": 50.0 + i, "flesch_kincaid_grade": 8.0},
                         "attribution": {"items": [{"kind": "direct", "cue": {"start": 0, "end": 4, "text": "said"},
                                                    "source": {"start": 5, "end": 20, "text": hostile}, "content": None,
                                                    "source_type": "person", "actor": None}], "metrics": {}}})
    html = framing.compare(profiles).to_html()
    result = _measure(browser, tmp_path, html, 390)
    assert result["foreign"] == 0 and result["resources"] == [], result
    assert result["overflow"] == [], result["overflow"]
