"""Markdown and self-contained HTML reports of a :class:`framing.Comparison`.

The HTML report has no remote scripts, styles or fonts: charts are inline SVG drawn here,
so the file opens offline and can be mailed or archived as is.
"""

from __future__ import annotations

import html as _html
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .compare import Comparison

__all__ = ["html_report", "markdown_report"]

_READABILITY = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score")
_ATTRIBUTION = ("attributions_per_100_words", "share_sentences_attributed", "share_words_attributed",
                "direct_share", "anonymous_share", "n_sources", "source_entropy")
_KINDS = ("direct", "indirect", "mixed", "according_to", "other")
_PALETTE = ("#3366cc", "#dc3912", "#ff9900", "#109618", "#990099", "#0099c6", "#dd4477", "#66aa00")


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _top(counts: dict[str, int], n: int = 4) -> str:
    return ", ".join(f"{k} ({v})" if v > 1 else k for k, v in list(counts.items())[:n])


def markdown_report(comparison: Comparison, *, max_actors: int = 15) -> str:
    units = comparison.units
    lines = [f"# Comparison by {comparison.by}: {', '.join(units)}", ""]
    errors = {a: p.error for a, p in zip(comparison.article_ids, comparison.profiles) if p.error}
    if errors:
        lines += ["**Articles that could not be analyzed:** " + "; ".join(f"{a}: {e}" for a, e in errors.items()), ""]

    lines += ["## Actors: names and labels", "", "| actor | " + " | ".join(units) + " |",
              "|---|" + "---|" * len(units)]
    for actor in comparison.actors[:max_actors]:
        cells = []
        for u in units:
            s = actor["articles"].get(u)
            if s is None:
                cells.append("–")
                continue
            text = _top(s["names"])
            if s["narrator_labels"]:
                text += f"; labels: {_top(s['narrator_labels'])}"
            if s["quoted_labels"]:
                text += f"; quoted: {_top(s['quoted_labels'], 2)}"
            cells.append(_md_cell(text))
        lines.append(f"| **{_md_cell(actor['name'])}** | " + " | ".join(cells) + " |")

    lines += ["", "## Sentiment toward actors (mean score in [-1, 1], mentions)", "",
              "| actor | " + " | ".join(units) + " |", "|---|" + "---|" * len(units)]
    for actor in comparison.actors[:max_actors]:
        cells = []
        for u in units:
            sent = (actor["articles"].get(u) or {}).get("sentiment")
            cells.append(f"{sent['score']:+.2f} ({sent['n']})" if sent else "–")
        if any(c != "–" for c in cells):
            lines.append(f"| {_md_cell(actor['name'])} | " + " | ".join(cells) + " |")

    lines += ["", "## Attribution", "", "| metric | " + " | ".join(units) + " |", "|---|" + "---|" * len(units)]
    for kind in _KINDS:
        lines.append(f"| {kind} | " + " | ".join(str(comparison.attribution_mix(u).get(kind, 0)) for u in units) + " |")
    for metric in _ATTRIBUTION:
        key = f"attribution__{metric}"
        lines.append(f"| {metric} | " + " | ".join(_fmt(comparison.metrics[u].get(key)) for u in units) + " |")
    lines += ["", "Top sources:", ""]
    for u in units:
        srcs = comparison.sources(u, top=6)
        lines.append(f"- **{u}**: " + ("; ".join(f"{s['source']} ({s['source_type']}, {s['n']})" for s in srcs) or "none"))

    lines += ["", "## Readability", "", "| metric | " + " | ".join(units) + " |", "|---|" + "---|" * len(units)]
    for metric in _READABILITY:
        key = f"readability__{metric}"
        lines.append(f"| {metric} | " + " | ".join(_fmt(comparison.metrics[u].get(key), 1) for u in units) + " |")

    pairs = [p for p in comparison.distances["pairs"] if p["distance"] is not None]
    if pairs:
        lines += ["", f"## Distance between profiles (RMS of standardized feature differences: {comparison.distances['method']})", ""]
        for p in sorted(pairs, key=lambda p: -p["distance"])[:10]:
            drivers = ", ".join(f"{d['feature']} ({d['z_diff']:+.1f})" for d in p["drivers"][:3])
            lines.append(f"- {p['a']} vs {p['b']}: {p['distance']:.2f} — driven by {drivers}")
    lines.append("")
    return "\n".join(lines)


# -- HTML ---------------------------------------------------------------------------------
def _esc(value: Any) -> str:
    return _html.escape(str(value), quote=True)


def _bar_chart(title: str, categories: list[str], series: dict[str, list[float | None]], *,
               symmetric: bool = False, width: int = 720) -> str:
    """Horizontal grouped bars: one group per category, one bar per series."""
    names = list(series)
    bar_h, gap, left, right = 14, 10, 190, 60
    group_h = bar_h * max(1, len(names)) + gap
    height = 40 + group_h * max(1, len(categories)) + 24 * ((len(names) + 3) // 4)
    values = [abs(v) for vals in series.values() for v in vals if v is not None]
    vmax = max(values) if values else 1.0
    vmax = vmax or 1.0
    plot_w = width - left - right
    zero = left + plot_w / 2 if symmetric else left
    # leave room for the value printed beyond the end of the longest bar, on either side
    scale = max(1.0, (plot_w / 2 if symmetric else plot_w) - 40) / vmax
    parts = [f'<svg class="chart" role="img" aria-label="{_esc(title)}" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<text x="0" y="16" class="ct">{_esc(title)}</text>',
             f'<line x1="{zero:.1f}" y1="28" x2="{zero:.1f}" y2="{40 + group_h * len(categories):.1f}" stroke="#999"/>']
    for ci, cat in enumerate(categories):
        y0 = 34 + ci * group_h
        parts.append(f'<text x="{left - 8}" y="{y0 + group_h / 2:.1f}" text-anchor="end" class="cl">{_esc(cat[:30])}</text>')
        for si, name in enumerate(names):
            v = series[name][ci]
            y = y0 + si * bar_h
            if v is None:
                parts.append(f'<text x="{zero + 4:.1f}" y="{y + bar_h - 3}" class="na">n/a</text>')
                continue
            w = abs(v) * scale
            x = zero - w if v < 0 else zero
            color = _PALETTE[si % len(_PALETTE)]
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{max(w, 0.5):.1f}" height="{bar_h - 2}" fill="{color}">'
                         f'<title>{_esc(name)}: {_fmt(v)}</title></rect>')
            tx = x - 4 if v < 0 else x + w + 4
            anchor = "end" if v < 0 else "start"
            parts.append(f'<text x="{tx:.1f}" y="{y + bar_h - 3}" text-anchor="{anchor}" class="cv">{_fmt(v)}</text>')
    ly = 40 + group_h * len(categories) + 8
    for si, name in enumerate(names):
        lx = left + (si % 4) * 130
        yy = ly + (si // 4) * 20
        parts.append(f'<rect x="{lx}" y="{yy}" width="12" height="12" fill="{_PALETTE[si % len(_PALETTE)]}"/>'
                     f'<text x="{lx + 16}" y="{yy + 11}" class="cl">{_esc(name[:18])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _stacked_chart(title: str, rows: dict[str, dict[str, int]], keys: tuple[str, ...], width: int = 720) -> str:
    """One horizontal 100% stacked bar per row."""
    left, bar_h = 190, 20
    height = 40 + (bar_h + 8) * max(1, len(rows)) + 30
    plot_w = width - left - 20
    parts = [f'<svg class="chart" role="img" aria-label="{_esc(title)}" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<text x="0" y="16" class="ct">{_esc(title)}</text>']
    for ri, (name, counts) in enumerate(rows.items()):
        y = 30 + ri * (bar_h + 8)
        total = sum(counts.get(k, 0) for k in keys)
        parts.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" class="cl">{_esc(name[:30])} ({total})</text>')
        x = float(left)
        for ki, key in enumerate(keys):
            n = counts.get(key, 0)
            if not total or not n:
                continue
            w = plot_w * n / total
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{_PALETTE[ki % len(_PALETTE)]}">'
                         f'<title>{_esc(key)}: {n}</title></rect>')
            x += w
    ly = 30 + len(rows) * (bar_h + 8) + 6
    for ki, key in enumerate(keys):
        lx = left + ki * 100
        parts.append(f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{_PALETTE[ki % len(_PALETTE)]}"/>'
                     f'<text x="{lx + 16}" y="{ly + 11}" class="cl">{_esc(key)}</text>')
    parts.append("</svg>")
    return "".join(parts)


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1000px;color:#222;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f4f4f4}.q{color:#777;font-style:italic}.chart{display:block;margin:1rem 0;max-width:100%;height:auto}
.ct{font-weight:600;font-size:14px}.cl{font-size:12px}.cv{font-size:11px;fill:#333}.na{font-size:11px;fill:#999}
.note{color:#555;font-size:.85rem}
"""


def html_report(comparison: Comparison, *, max_actors: int = 15, title: str = "framing comparison") -> str:
    units = comparison.units
    actors = comparison.actors[:max_actors]
    body = [f"<h1>{_esc(title)}</h1>",
            f'<p class="note">Compared by {_esc(comparison.by)}: {_esc(", ".join(units))}. '
            "Scores come from statistical models and rules that make errors; labels inside quotes "
            "belong to the quoted source, not to the outlet.</p>"]
    errors = {a: p.error for a, p in zip(comparison.article_ids, comparison.profiles) if p.error}
    if errors:
        body.append("<p><strong>Not analyzed:</strong> " + "; ".join(f"{_esc(a)}: {_esc(e)}" for a, e in errors.items()) + "</p>")

    sent_actors = [a for a in actors if any((a["articles"].get(u) or {}).get("sentiment") for u in units)]
    body.append("<h2>Sentiment toward actors</h2>")
    if sent_actors:
        series = {u: [((a["articles"].get(u) or {}).get("sentiment") or {}).get("score") for a in sent_actors] for u in units}
        body.append(_bar_chart("Mean sentiment toward each actor (-1 negative … +1 positive)",
                               [a["name"] for a in sent_actors], series, symmetric=True))
    else:
        body.append('<p class="note">No sentiment section in these profiles.</p>')

    body.append("<h2>Attribution</h2>")
    mix = {u: comparison.attribution_mix(u) for u in units}
    if any(mix.values()):
        body.append(_stacked_chart("Attributions by kind", mix, _KINDS))
    else:
        body.append('<p class="note">No attributions found (or no attribution section).</p>')
    rows = "".join(
        f"<tr><td>{_esc(m)}</td>" + "".join(f"<td>{_fmt(comparison.metrics[u].get('attribution__' + m))}</td>" for u in units) + "</tr>"
        for m in _ATTRIBUTION
    )
    body.append(f"<table><tr><th>metric</th>{''.join(f'<th>{_esc(u)}</th>' for u in units)}</tr>{rows}</table>")
    src_rows = "".join(
        f"<tr><td>{_esc(u)}</td><td>" + "; ".join(f"{_esc(s['source'])} <span class=q>({_esc(s['source_type'])}, {s['n']})</span>"
                                                   for s in comparison.sources(u, top=8)) + "</td></tr>"
        for u in units
    )
    body.append(f"<h3>Top sources</h3><table><tr><th>{_esc(comparison.by)}</th><th>sources</th></tr>{src_rows}</table>")

    body.append("<h2>Readability</h2>")
    read = {u: [comparison.metrics[u].get(f"readability__{m}") for m in _READABILITY[1:]] for u in units}
    body.append(_bar_chart("Grade-level readability formulas (higher = harder)", list(_READABILITY[1:]), read))
    fre = {u: [comparison.metrics[u].get("readability__flesch_reading_ease")] for u in units}
    body.append(_bar_chart("Flesch reading ease (higher = easier)", ["flesch_reading_ease"], fre))

    body.append("<h2>Names and labels per actor</h2>")
    head = "".join(f"<th>{_esc(u)}</th>" for u in units)
    trs = []
    for a in actors:
        cells = []
        for u in units:
            s = a["articles"].get(u)
            if s is None:
                cells.append("<td>–</td>")
                continue
            parts = [_esc(_top(s["names"], 5))]
            if s["narrator_labels"]:
                parts.append("<br><strong>labels:</strong> " + _esc(_top(s["narrator_labels"], 5)))
            if s["quoted_labels"]:
                parts.append("<br><span class=q>quoted: " + _esc(_top(s["quoted_labels"], 3)) + "</span>")
            roles = s.get("roles") or {}
            done = [f"{verb}: {_top(roles[key], 4)}" for key, verb in (("agent", "does"), ("patient", "undergoes"))
                    if roles.get(key)]
            if done:
                parts.append("<br><span class=q>" + _esc("; ".join(done)) + "</span>")
            cells.append("<td>" + "".join(parts) + "</td>")
        trs.append(f"<tr><td><strong>{_esc(a['name'])}</strong><br><span class=q>{_esc(a['type'])}</span></td>{''.join(cells)}</tr>")
    body.append(f"<table><tr><th>actor</th>{head}</tr>{''.join(trs)}</table>")

    pairs = [p for p in comparison.distances["pairs"] if p["distance"] is not None]
    if pairs:
        body.append("<h2>Distance between profiles</h2><table><tr><th>pair</th><th>distance</th><th>driven by</th></tr>")
        for p in sorted(pairs, key=lambda p: -p["distance"])[:20]:
            drivers = ", ".join(f"{d['feature']} ({d['z_diff']:+.1f})" for d in p["drivers"][:3])
            body.append(f"<tr><td>{_esc(p['a'])} vs {_esc(p['b'])}</td><td>{p['distance']:.2f}</td><td>{_esc(drivers)}</td></tr>")
        body.append("</table>")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_esc(title)}</title>'
        f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>\n"
    )
