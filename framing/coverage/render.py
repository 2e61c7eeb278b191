"""Report sections for emphasis and coverage: distinctive terms, only-here passages, the
coverage matrix, shared quotations side by side with the differing words marked.

Both functions take a :class:`framing.Comparison` and return one section; the HTML one is
an escaped, self-contained fragment (inline styles only, no scripts, no remote resources).
"""

from __future__ import annotations

import html as _html
from typing import Any, Mapping, Sequence

__all__ = ["html_section", "markdown_section"]


def _cell(text: Any) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _marked(span: Mapping[str, Any], mark: tuple[str, str], escape: Any) -> str:
    """The span's text with its ``only`` words wrapped in ``mark``, the rest escaped."""
    text, start, out, pos = span["text"], span["start"], [], 0
    for w in sorted(span.get("only") or [], key=lambda w: w["start"]):
        a, b = w["start"] - start, w["end"] - start
        if a < pos or b > len(text):
            continue
        out += [escape(text[pos:a]), mark[0], escape(text[a:b]), mark[1]]
        pos = b
    out.append(escape(text[pos:]))
    return " ".join("".join(out).split())


def _parts(span: Mapping[str, Any], mark: tuple[str, str], escape: Any) -> str:
    """What a unit's version reports, part by part (" … " between parts), only-words marked."""
    only = span.get("only") or []
    out = []
    for part in span.get("parts") or [span]:
        inside = [w for w in only if part["start"] <= w["start"] and w["end"] <= part["end"]]
        out.append(_marked(dict(part, only=inside), mark, escape))
    return " … ".join(out)


def markdown_section(comparison: Any, *, max_passages: int = 8, max_quotes: int = 5, max_terms: int = 10) -> str:
    """A Markdown section: ``## Emphasis and coverage`` with four sub-sections."""
    units: Sequence[str] = comparison.units
    lines = ["## Emphasis and coverage", "", "### Distinctive terms (against the other units)", "",
             "| unit | terms |", "|---|---|"]
    for u in units:
        terms = comparison.distinctive_terms.get(u) or []
        lines.append(f"| {_cell(u)} | " + (_cell(", ".join(t["term"] for t in terms[:max_terms])) or "–") + " |")
    cov = comparison.coverage
    lines += ["", "### Reported only here", ""]
    for u in units:
        only = cov[u]["only_here"]
        lines += [f"**{_cell(u)}** ({len(only)} of {cov[u]['n_passages']} sentences)", ""]
        for p in only[:max_passages]:
            lines.append(f"> {_cell(p['text'])} — *{_cell(p['article'])}*")
            lines.append(">")
        if lines[-1] == ">":
            lines.pop()
        lines.append("")
    lines += ["### Coverage: share of the row unit's sentences that the column unit also reports", "",
              "| | " + " | ".join(_cell(u) for u in units) + " |", "|---|" + "---|" * len(units)]
    for u in units:
        row = cov[u]["covered_by"]
        lines.append(f"| **{_cell(u)}** | " + " | ".join("–" if v == u else _pct(row.get(v)) for v in units) + " |")
    lines += ["", "### Shared quotations (words only one version carries in bold)", ""]
    quotes = comparison.shared_quotes[:max_quotes]
    if not quotes:
        lines.append("No statement is reported by more than one unit.")
    for q in quotes:
        lines.append(f"- **{_cell(q['source'] or 'unattributed')}**")
        for u, span in q["units"].items():
            lines.append(f"  - {_cell(u)}: {_cell(_parts(span, ('**', '**'), str))} — *{_cell(span['article'])}*")
    return "\n".join(lines).rstrip() + "\n"


_STYLE_MARK = "background:#ffe08a;padding:0 1px"
_STYLE_QUOTE = "margin:.3em 0 .6em;padding:.2em .8em;border-left:3px solid #bbb;color:#222"
_STYLE_TABLE = "border-collapse:collapse;margin:.5em 0"
_STYLE_TD = "border:1px solid #ddd;padding:4px 8px;vertical-align:top"


def html_section(comparison: Any, *, max_passages: int = 8, max_quotes: int = 5, max_terms: int = 10) -> str:
    """An HTML fragment (``<section class="coverage">``), everything escaped."""
    esc = _html.escape
    units: Sequence[str] = comparison.units
    td = f'<td style="{_STYLE_TD}">'
    th = f'<th style="{_STYLE_TD}">'
    out = ['<section class="coverage"><h2>Emphasis and coverage</h2>', "<h3>Distinctive terms</h3>",
           f'<table style="{_STYLE_TABLE}">']
    for u in units:
        terms = comparison.distinctive_terms.get(u) or []
        out.append(f"<tr>{th}{esc(u)}</th>{td}{esc(', '.join(t['term'] for t in terms[:max_terms])) or '–'}</td></tr>")
    out.append("</table><h3>Reported only here</h3>")
    cov = comparison.coverage
    for u in units:
        only = cov[u]["only_here"]
        out.append(f"<h4>{esc(u)} <small>({len(only)} of {cov[u]['n_passages']} sentences)</small></h4>")
        for p in only[:max_passages]:
            out.append(f'<blockquote style="{_STYLE_QUOTE}">{esc(" ".join(p["text"].split()))}'
                       f' <cite>— {esc(p["article"])}</cite></blockquote>')
    out.append(f"<h3>Coverage</h3><p>Share of the row unit's sentences that the column unit also reports.</p>"
               f'<table style="{_STYLE_TABLE}"><tr>{th}</th>' + "".join(f"{th}{esc(u)}</th>" for u in units) + "</tr>")
    for u in units:
        row = cov[u]["covered_by"]
        out.append(f"<tr>{th}{esc(u)}</th>" + "".join(f"{td}{'–' if v == u else _pct(row.get(v))}</td>" for v in units) + "</tr>")
    out.append("</table><h3>Shared quotations</h3>")
    quotes = comparison.shared_quotes[:max_quotes]
    if not quotes:
        out.append("<p>No statement is reported by more than one unit.</p>")
    mark = (f'<mark style="{_STYLE_MARK}">', "</mark>")
    for q in quotes:
        cols = list(q["units"].items())
        out.append(f'<p><strong>{esc(q["source"] or "unattributed")}</strong></p><table style="{_STYLE_TABLE}"><tr>'
                   + "".join(f"{th}{esc(u)} <small>({esc(s['article'])})</small></th>" for u, s in cols) + "</tr><tr>"
                   + "".join(f"{td}{_parts(s, mark, esc)}</td>" for _, s in cols) + "</tr></table>")
    out.append("<p><small>Marked: words only that version carries.</small></p></section>")
    return "\n".join(out) + "\n"
