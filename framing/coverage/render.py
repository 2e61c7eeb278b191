"""Report sections for emphasis and coverage: distinctive terms, only-here passages, the
coverage matrix, shared quotations side by side with the differing words marked.

Both functions take a :class:`framing.Comparison` and return one section; the HTML one is
an escaped, self-contained fragment (inline styles only, no scripts, no remote resources).
"""

from __future__ import annotations

import html as _html
from typing import Any, Mapping, Sequence

__all__ = ["html_section", "markdown_section"]


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


def _article_label(comparison: Any, article: str) -> str:
    """An article's label: its unit's label when the unit is the article, else the id."""
    return comparison.label(article) if article in comparison.units else article


def markdown_section(comparison: Any, *, max_passages: int = 8, max_quotes: int = 5, max_terms: int = 10) -> str:
    """A Markdown section: ``## Emphasis and coverage`` with four sub-sections; every
    field from the input (labels, passages, sources) escaped as the rest of the report."""
    from ..report import md, md_piece

    if not comparison.has_section("passages"):
        return "## Emphasis and coverage\n\nNo passages section in these profiles."
    units: Sequence[str] = comparison.units
    name = {u: md(comparison.label(u)) for u in units}
    lines = ["## Emphasis and coverage", "", "### Distinctive terms (against the other units)", "",
             "| unit | terms |", "|---|---|"]
    for u in units:
        terms = comparison.distinctive_terms.get(u) or []
        lines.append(f"| {name[u]} | " + (md(", ".join(t["term"] for t in terms[:max_terms])) or "–") + " |")
    cov = comparison.coverage
    lines += ["", "### Reported only here", ""]
    for u in units:
        only = cov[u]["only_here"]
        lines += [f"**{name[u]}** ({len(only)} of {cov[u]['n_passages']} sentences)", ""]
        for p in only[:max_passages]:
            cite = "" if p["article"] == u else f" — *{md(_article_label(comparison, p['article']))}*"
            lines.append(f"> {md(p['text'])}{cite}")
            lines.append(">")
        if lines[-1] == ">":
            lines.pop()
        lines.append("")
    lines += ["### Coverage: share of the row unit's sentences that the column unit also reports", "",
              "| | " + " | ".join(name[u] for u in units) + " |", "|---|" + "---|" * len(units)]
    for u in units:
        row = cov[u]["covered_by"]
        lines.append(f"| **{name[u]}** | " + " | ".join("–" if v == u else _pct(row.get(v)) for v in units) + " |")
    lines += ["", "### Shared quotations (words only one version carries in bold)", ""]
    quotes = comparison.shared_quotes[:max_quotes]
    if not quotes:
        lines.append("No statement is reported by more than one unit.")
    for q in quotes:
        lines.append(f"- **{md(q['source'] or 'unattributed')}**")
        for u, span in q["units"].items():
            text = " ".join(_parts(span, ("**", "**"), md_piece).split())
            lines.append(f"  - {name.get(u, md(u))}: {text} — *{md(_article_label(comparison, span['article']))}*")
    return "\n".join(lines).rstrip() + "\n"


_STYLE_MARK = "background:#ffe08a;padding:0 1px"
_STYLE_QUOTE = "margin:.3em 0 .6em;padding:.2em .8em;border-left:3px solid #767676;color:#222"
_STYLE_TABLE = "border-collapse:collapse;margin:.5em 0"
_STYLE_TD = "border:1px solid #ddd;padding:4px 8px;vertical-align:top"


def html_section(comparison: Any, *, max_passages: int = 8, max_quotes: int = 5, max_terms: int = 10) -> str:
    """An HTML fragment (``<section class="coverage">``), everything escaped; wide tables
    scroll inside their box on a phone."""
    if not comparison.has_section("passages"):
        return '<section class="coverage"><h2>Emphasis and coverage</h2><p class=m>No passages section in these profiles.</p></section>'
    esc = _html.escape
    units: Sequence[str] = comparison.units
    name = {u: esc(comparison.label(u)) for u in units}
    td = f'<td style="{_STYLE_TD}">'

    def th(scope: str) -> str:
        return f'<th scope="{scope}" style="{_STYLE_TD}">'

    out = ['<section class="coverage"><h2>Emphasis and coverage</h2>',
           '<div class="scroll"><table style="' + _STYLE_TABLE + '"><caption>Distinctive terms: words and names each '
           "unit uses more than the others and than general English</caption>"]
    for u in units:
        terms = comparison.distinctive_terms.get(u) or []
        out.append(f"<tr>{th('row')}{name[u]}</th>{td}{esc(', '.join(t['term'] for t in terms[:max_terms])) or '–'}</td></tr>")
    out.append("</table></div><h3>Reported only here</h3>")
    cov = comparison.coverage
    for u in units:
        only = cov[u]["only_here"]
        out.append(f"<h4>{name[u]} <small>({len(only)} of {cov[u]['n_passages']} sentences)</small></h4>")
        for p in only[:max_passages]:
            cite = "" if p["article"] == u else f' <cite>— {esc(_article_label(comparison, p["article"]))}</cite>'
            out.append(f'<blockquote style="{_STYLE_QUOTE}">{esc(" ".join(p["text"].split()))}{cite}</blockquote>')
    out.append('<h3>Coverage</h3><div class="scroll"><table style="' + _STYLE_TABLE + '"><caption>Share of the row '
               f"unit's sentences that the column unit also reports</caption><tr>{th('col')}unit</th>"
               + "".join(f"{th('col')}{name[u]}</th>" for u in units) + "</tr>")
    for u in units:
        row = cov[u]["covered_by"]
        out.append(f"<tr>{th('row')}{name[u]}</th>" + "".join(f"{td}{'–' if v == u else _pct(row.get(v))}</td>" for v in units) + "</tr>")
    out.append("</table></div><h3>Shared quotations</h3>")
    quotes = comparison.shared_quotes[:max_quotes]
    if not quotes:
        out.append("<p>No statement is reported by more than one unit.</p>")
    mark = (f'<mark style="{_STYLE_MARK}">', "</mark>")
    for q in quotes:
        cols = list(q["units"].items())
        out.append(f'<div class="scroll"><table style="{_STYLE_TABLE}"><caption>{esc(q["source"] or "unattributed")}'
                   "</caption><tr>" + "".join(f"{th('col')}{name.get(u, esc(u))}</th>" for u, _ in cols) + "</tr><tr>"
                   + "".join(f"{td}{_parts(s, mark, esc)}</td>" for _, s in cols) + "</tr></table></div>")
    out.append("<p><small>Marked: words only that version carries.</small></p></section>")
    return "\n".join(out) + "\n"
