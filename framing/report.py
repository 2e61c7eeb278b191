"""Markdown and self-contained HTML reports of a `framing.Comparison`.

Both lead with the key differences and show the sentences behind them. The HTML report has
no scripts and no remote styles, fonts or images: charts are inline SVG (see
`framing.charts`), each with its data as a table, so the file opens offline and can be
mailed or archived as is. Every string that comes from the input (ids, outlets, titles,
names, labels, sources, sentences) is escaped for the format it goes into.
"""

from __future__ import annotations

import functools
import html as _html
import re
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from . import coverage
from .charts import KIND_COLOURS, PALETTE, Axis, Row, bar_chart, stacked_chart, unit_colours
from .data import tsv_rows
from .evidence import snippet
from .sections import ATTRIBUTION_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from .compare import Comparison

__all__ = ["attributed_by", "attributed_roles_text", "html_fragment", "html_report", "markdown_report", "metric_info"]

_FEW = 3
_SECTIONS = (("attribution", "Attribution"), ("readability", "Readability"), ("sentiment", "Sentiment"),
             ("terminology", "Terminology"), ("actors", "Actors"), ("article", "Length"))
_SENTIMENT_AXIS = Axis(-1, 1, [-1, -0.5, 0, 0.5, 1], "sentiment: −1 negative … 0 neutral … +1 positive", signed=True)
_EASE_AXIS = Axis(0, 100, [0, 20, 40, 60, 80, 100], "Flesch reading ease: 0 hardest … 100 easiest")


@functools.lru_cache(maxsize=1)
def metric_info() -> dict[str, dict[str, str]]:
    """``{feature: {name, explanation, scale}}`` from ``framing/data/metrics.tsv``, in the
    order reports show them."""
    return {r[0]: {"name": r[1], "explanation": r[2], "scale": r[3]} for r in tsv_rows("metrics.tsv")}


def _metric_keys(comparison: Comparison, section: str) -> list[str]:
    """The features of one section that the profiles' analyzers produced, in the order of
    `metric_info` (features it does not know last, by name)."""
    present = {k for row in comparison.metrics.values() for k in row if k.split("__", 1)[0] == section}
    order = {k: i for i, k in enumerate(metric_info())}
    return sorted(present, key=lambda k: (order.get(k, len(order)), k))


def _name(feature: str) -> str:
    return metric_info().get(feature, {}).get("name") or feature.split("__", 1)[-1].replace("_", " ").replace("  ", ": ")


def _value(feature: str, value: Any, interval: list[float] | None = None) -> str:
    if value is None:
        return "–"
    scale = metric_info().get(feature, {}).get("scale")
    if scale == "share":
        text, ci = f"{value:.0%}", interval and f"{interval[0]:.0%}–{interval[1]:.0%}"
    elif scale == "score":
        text, ci = f"{value:+.2f}", interval and f"{interval[0]:+.2f} to {interval[1]:+.2f}"
    elif scale == "count" and float(value).is_integer():
        text, ci = f"{value:.0f}", interval and f"{interval[0]:.1f}–{interval[1]:.1f}"
    else:
        text, ci = f"{value:.1f}", interval and f"{interval[0]:.1f}–{interval[1]:.1f}"
    return f"{text} ({ci})" if ci else text


def _kinds(mix: Mapping[str, Mapping[str, int]]) -> list[str]:
    """The attribution kinds to show: the known ones, then any other the profiles hold."""
    seen = {k for counts in mix.values() for k in counts}
    return list(ATTRIBUTION_KINDS) + sorted(seen - set(ATTRIBUTION_KINDS))


def _top(counts: Mapping[str, int], n: int = 4) -> str:
    return ", ".join(f"{k} ({v})" if v > 1 else k for k, v in list(counts.items())[:n])


def attributed_by(role: Mapping[str, Any]) -> str:
    """Who asserts an attributed role, in the stance of the reporting verb: "alleged by Ford",
    "claimed by ...", "confirmed by ...", "according to ..."."""
    source = role.get("source") or "an unnamed source"
    stance, cue = role.get("stance"), role.get("cue_verb") or ""
    if stance == "distancing":
        return f"{'alleged' if cue.startswith('alleg') else 'claimed'} by {source}"
    return f"{'confirmed by' if stance == 'endorsing' else 'according to'} {source}"


def attributed_roles_text(roles: Iterable[Mapping[str, Any]], n: int = 4) -> list[str]:
    """Attributed roles grouped by who asserts them: ``["alleged by Ford: assault, grope"]``;
    an action the actor undergoes reads "undergoes arrest"."""
    groups: dict[str, list[str]] = {}
    for r in sorted(roles, key=lambda r: r.get("role") == "patient"):  # what it does, then what it undergoes
        verb = r.get("verb") or "?"
        verb = f"undergoes {verb}" if r.get("role") == "patient" else verb
        verbs = groups.setdefault(attributed_by(r), [])
        if verb not in verbs:
            verbs.append(verb)
    return [f"{who}: {', '.join(verbs[:n])}" for who, verbs in groups.items()]


def _evidence_text(e: Mapping[str, Any]) -> str:
    """The sentence (or the parts of an attribution) an evidence item rests on."""
    if "cue" in e and "start" not in e:
        return snippet(e)
    ctx = e.get("context")
    return (ctx or {}).get("text") or e.get("text") or ""


# -- Markdown -----------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~!])")


def md(value: Any) -> str:
    """``value`` as inline Markdown text: one line, HTML escaped, Markdown syntax escaped."""
    return md_piece(" ".join(str(value).split()))


def md_piece(value: Any) -> str:
    """:func:`md` for a piece of a longer line: spaces at its edges kept, any line break
    made a space."""
    text = _html.escape(re.sub(r"\s", " ", str(value)), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_table(head: list[str], rows: Iterable[list[str]]) -> list[str]:
    return ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)] + ["| " + " | ".join(r) + " |" for r in rows]


def markdown_report(comparison: Comparison, *, max_actors: int = 15) -> str:
    c = comparison
    labels = [md(c.label(u)) for u in c.units]
    lines = [f"# Comparison by {md(c.by)}: {', '.join(labels)}", ""]
    if c.by != "article" or any(c.label(u) != u for u in c.units):
        lines += _md_table(["unit", "articles"], ([md(c.label(u)), md(", ".join(a for a in c.article_ids if c.unit_of[a] == u))]
                                                  for u in c.units)) + [""]
    errors = {a: p.error for a, p in zip(c.article_ids, c.profiles) if p.error}
    if errors:
        lines += ["**Articles that could not be analyzed:** " + "; ".join(f"{md(a)}: {md(e)}" for a, e in errors.items()), ""]
    lines += ["## Key differences", ""]
    for d in c.differences:
        lines.append(f"- {md(d['summary'])}")
        for e in d["evidence"][:2]:
            lines.append(f"  > {md(c.label(e['unit']))}: “{md(_evidence_text(e))}”")
    if not c.differences:
        lines.append("- None found (one unit, or units that name, label and cite alike).")
    lines += ["", "## Actors: names and labels", ""]
    rows = []
    for actor in c.actors[:max_actors]:
        cells = []
        for u in c.units:
            s = actor["articles"].get(u)
            cells.append(md(_actor_cell(s)) if s else "–")
        rows.append([f"**{md(actor['name'])}**"] + cells)
    lines += (_md_table(["actor"] + labels, rows) + _md_attributed_roles(c, max_actors) if c.has_section("actors")
              else ["No actors section in these profiles."])
    lines += _md_sentiment(c, max_actors) + _md_metrics(c, "attribution", "Attribution")
    if c.has_section("attribution"):
        lines += ["", "Sources each unit rests on (share of its attributions):", ""]
        for u in c.units:
            srcs = c.sources(u, top=6)
            text = "; ".join(f"{md(s['source'])} ({md(s['source_type'])}, {s['n']}, {s['share']:.0%})" for s in srcs) or "none"
            lines.append(f"- **{md(c.label(u))}**: {text}")
    else:
        lines += ["", "No attribution section in these profiles."]
    lines += _md_metrics(c, "readability", "Readability")
    lines += [coverage.markdown_section(c), ""]
    lines += _md_distances(c) + [""]
    return "\n".join(lines)


def _actor_cell(s: Mapping[str, Any]) -> str:
    text = _top(s["names"])
    for voice, name in (("narrator", "labels"), ("reported", "reported"), ("quoted", "quoted")):
        if s.get(f"{voice}_labels"):
            text += f"; {name}: {_top(s[f'{voice}_labels'], 3)}"
    for line in attributed_roles_text(s.get("attributed_roles") or [], 3)[:3]:
        text += f"; {line}"
    return text


def _md_attributed_roles(c: Comparison, max_actors: int) -> list[str]:
    """What sources say the actors did, each with the sentence it is in."""
    lines = []
    for actor in c.actors[:max_actors]:
        for u in c.units:
            for r in ((actor["articles"].get(u) or {}).get("attributed_roles") or [])[:3]:
                (what,) = attributed_roles_text([r])
                quote = f": “{md(_evidence_text(r))}”" if r.get("text") else ""
                lines.append(f"- **{md(actor['name'])}**, {md(c.label(u))}, {md(what)}{quote}")
    if not lines:
        return []
    return ["", "Actions a source asserts, not the article (“alleged by X: verb”), with their sentences:", ""] + lines


def _md_sentiment(c: Comparison, max_actors: int) -> list[str]:
    lines = ["", "## Sentiment toward actors", "",
             "Mean score per mention from −1 (negative) to +1 (positive), n = scored mentions; "
             f"under {_FEW} mentions a score says little.", ""]
    rows, quotes = [], []
    for actor in c.actors[:max_actors]:
        cells = []
        for u in c.units:
            sent = (actor["articles"].get(u) or {}).get("sentiment")
            cells.append(f"{sent['score']:+.2f} (n={sent['n']})" if sent else "–")
            if sent and sent["evidence"]:
                e = sent["evidence"][0]
                quotes.append(f"- {md(actor['name'])}, {md(c.label(u))} ({e['score']:+.2f}): “{md(_evidence_text(e))}”")
        if any(x != "–" for x in cells):
            rows.append([md(actor["name"])] + cells)
    if not rows:
        return lines + ["No sentiment section in these profiles."]
    return lines + _md_table(["actor"] + [md(c.label(u)) for u in c.units], rows) + [
        "", "The most extreme scored mention behind each score:", ""] + quotes


def _md_metrics(c: Comparison, section: str, title: str) -> list[str]:
    keys = _metric_keys(c, section)
    if not keys:
        return []
    head = ["measure"] + [md(c.label(u)) for u in c.units] + ["what it means"]
    rows = [[md(_name(k))] + [md(_value(k, c.metrics[u].get(k), c.intervals.get(u, {}).get(k))) for u in c.units]
            + [md(metric_info().get(k, {}).get("explanation", ""))] for k in keys]
    lines = ["", f"## {title}", ""]
    if section == "attribution":
        mix = {u: c.attribution_mix(u) for u in c.units}
        rows = [[md(f"{kind.replace('_', ' ')} attributions")] + [str(mix[u].get(kind, 0)) for u in c.units]
                + ["Attributions of this kind (direct = verbatim quotation)."] for kind in _kinds(mix)] + rows
    if c.intervals:
        lines += ["Means of units with 3 or more articles carry a 95% bootstrap interval in brackets.", ""]
    return lines + _md_table(head, rows)


def _md_distances(c: Comparison) -> list[str]:
    pairs = [p for p in c.distances["pairs"] if p["distance"] is not None]
    if len(c.units) < 3 or not pairs:
        return []
    lines = ["", "## Which units differ most", "", md(_DISTANCE_NOTE), ""]
    for p in sorted(pairs, key=lambda p: -p["distance"])[:10]:
        drivers = ", ".join(f"{_name(d['feature'])} ({d['z_diff']:+.1f} sd)" for d in p["drivers"][:3])
        lines.append(f"- {md(c.label(p['a']))} vs {md(c.label(p['b']))}: {p['distance']:.2f}, most in {md(drivers)}")
    return lines


_DISTANCE_NOTE = ("Distance: the root mean square, over every measure both units have, of the difference between "
                  "the two units divided by that measure's standard deviation across all units. 0 means the same "
                  "profile; about 1.4 is the distance between two typical units. Positive sd: the first unit is higher.")


# -- HTML ---------------------------------------------------------------------------------
def _esc(value: Any) -> str:
    return _html.escape(str(value), quote=True)


def _mark(e: Mapping[str, Any]) -> str:
    """The evidence sentence with the words it is about highlighted."""
    if "cue" in e and "start" not in e:
        return _esc(_evidence_text(e))
    ctx = e.get("context")
    if not ctx or not (ctx["start"] <= e["start"] and e["end"] <= ctx["end"]):
        return f"<mark>{_esc(e.get('text') or '')}</mark>"
    a, b = e["start"] - ctx["start"], e["end"] - ctx["start"]
    t = ctx["text"]
    return f"{_esc(t[:a])}<mark>{_esc(t[a:b])}</mark>{_esc(t[b:])}"


def _evidence(c: Comparison, items: list[Mapping[str, Any]], summary: str = "sentences", unit: str | None = None,
              *, count: bool = True) -> str:
    """A ``<details>`` with each evidence sentence, the words it is about highlighted;
    ``summary`` is shown with the count after it (unless ``count`` is false)."""
    if not items:
        return ""
    lis = []
    for e in items:
        u = e.get("unit") or unit or c.unit_of.get(e.get("article"), "")
        where = _esc(c.label(u)) + (f" ({_esc(e['article'])})" if e.get("article") and e["article"] != u else "")
        extra = f" <span class=m>score {e['score']:+.2f}</span>" if e.get("score") is not None else ""
        voice = {"narrator": "article's voice", "reported": "reported speech", "quoted": "quotation"}.get(e.get("voice"))
        voice = e.get("note") or voice
        extra += f" <span class=m>({_esc(voice)})</span>" if voice else ""
        lis.append(f"<li><span class=m>{where}</span>{extra} “{_mark(e)}”</li>")
    summary = f"{summary} ({len(items)})" if count else summary
    return f'<details class=ev><summary>{_esc(summary)}</summary><ul>{"".join(lis)}</ul></details>'


def _table(caption: str, head: list[str], rows: list[tuple[str, list[str]]], *, raw: bool = False,
           numbers: bool = False) -> str:
    """A table with a caption, column headers and row headers (scope set); with ``raw`` the
    row headers and cells are HTML the caller escaped; ``numbers``: cells hold short
    values, so columns may be narrow (a phone shows two units without scrolling)."""
    ths = "".join(f'<th scope="col">{_esc(h)}</th>' for h in head)
    body = "".join(f'<tr><th scope="row">{r if raw else _esc(r)}</th>' + "".join(f"<td>{v if raw else _esc(v)}</td>" for v in vals)
                   + "</tr>" for r, vals in rows)
    cls = " class=num" if numbers else ""
    return f'<div class=scroll><table{cls}><caption>{_esc(caption)}</caption><thead><tr>{ths}</tr></thead><tbody>{body}</tbody></table></div>'


def _data(caption: str, head: list[str], rows: list[tuple[str, list[str]]]) -> str:
    return f"<details class=data><summary>Data table</summary>{_table(caption, head, rows, numbers=True)}</details>"


def _figure(svg: str, caption: str, note: str = "", *, before: str = "", after: str = "") -> str:
    note = f"<p class=m>{_esc(note)}</p>" if note else ""
    return f"<figure><figcaption>{_esc(caption)}</figcaption>{before}{svg}{note}{after}</figure>"


def _charted(c: Comparison) -> list[str]:
    """The units the charts draw: all of them up to one per palette colour, else those with
    the most articles (in the comparison's order)."""
    if len(c.units) <= len(PALETTE):
        return list(c.units)
    top = set(sorted(c.units, key=lambda u: -c.n_articles[u])[: len(PALETTE)])
    return [u for u in c.units if u in top]


def _legend(c: Comparison, colours: dict[str, str]) -> str:
    items = "".join(f'<li><span class=sw style="background:{colours[u]}"></span>{_esc(c.label(u))} '
                    f'<span class=m>({_articles(c.n_articles[u])[2:]})</span></li>' for u in colours)
    rest = len(c.units) - len(colours)
    note = (f"<p class=m>Charts and source lists show the {len(colours)} units with the most articles, one colour each; "
            f"the {rest} others are in the tables.</p>") if rest else ""
    return f'<ul class=legend aria-label="units and their colours">{items}</ul>{note}'


def _differences_html(c: Comparison) -> str:
    if not c.differences:
        return "<p>None found: one unit, or units that name, label and cite alike.</p>"
    kinds = {"names": "Names", "labels": "Labels", "sources": "Sources", "sentiment": "Sentiment"}
    lis = [f'<li><strong>{_esc(kinds.get(d["kind"], d["kind"]))}.</strong> {_esc(d["summary"])}'
           f'{_evidence(c, d["evidence"], "the sentences")}</li>' for d in c.differences]
    return f'<ol class=diffs>{"".join(lis)}</ol>'


def _sentiment_html(c: Comparison, actors: list[dict[str, Any]], colours: dict[str, str]) -> str:
    scored = [a for a in actors if any((a["articles"].get(u) or {}).get("sentiment") for u in c.units)]
    if not scored:
        return '<p class=m>No sentiment section in these profiles.</p>'
    # a chart compares: actors scored in one unit only are in the data table alone
    need = min(2, len(c.units))
    charted = [a for a in scored if sum(1 for u, s in a["articles"].items() if s.get("sentiment") and u in colours) >= need]
    figures, table = [], []
    for a in charted:
        rows = []
        for u in colours:
            sent = (a["articles"].get(u) or {}).get("sentiment")
            if sent is None:
                if len(colours) <= 6:  # with many units, only those with a score
                    rows.append(Row(c.label(u), None, colours[u], "not mentioned" if u not in a["articles"] else "not scored"))
                continue
            rows.append(Row(c.label(u), sent["score"], colours[u], f"n={sent['n']}", sent["n"] < _FEW, sent.get("ci")))
        svg = bar_chart(f"Sentiment toward {a['name']}", rows, _SENTIMENT_AXIS, signed=True)
        evidence = [dict(e, unit=u) for u, s in a["articles"].items() for e in ((s.get("sentiment") or {}).get("evidence") or [])[:2]]
        figures.append(_figure(svg, a["name"], after=_evidence(c, evidence, "sentences behind the scores")))
    for a in scored:
        table.append((a["name"], [(_value("sentiment__mean_score", s["score"], s.get("ci")) + f" (n={s['n']})")
                                  if (s := (a["articles"].get(u) or {}).get("sentiment")) else "–" for u in c.units]))
    note = (f"Mean score per mention, −1 to +1; n = scored mentions. Bars on fewer than {_FEW} mentions are faded: "
            "one or two mentions say little. Whiskers: 95% bootstrap interval over a unit's articles (3 or more). "
            f"Charts show the actors scored in {need} or more units; the data table has them all.")
    return (f"<p class=m>{_esc(note)}</p><div class=multiples>{''.join(figures)}</div>"
            + _data("Mean sentiment toward each actor (n = scored mentions)", ["actor"] + [c.label(u) for u in c.units], table))


def _attribution_html(c: Comparison, colours: dict[str, str]) -> str:
    mix = {u: c.attribution_mix(u) for u in c.units}
    out = []
    if any(mix.values()):
        kinds = _kinds(mix)
        rows = [Row(c.label(u), None, colours[u], segments=[(k, mix[u].get(k, 0)) for k in kinds]) for u in colours]
        keys = "".join(f'<li><span class=sw style="background:{KIND_COLOURS.get(k, KIND_COLOURS["other"])[0]}"></span>'
                       f'{_esc(k.replace("_", " "))}</li>' for k in kinds)
        out.append(_figure(stacked_chart("Attributions by kind", rows), "Attributions by kind",
                           "direct: verbatim quotation; mixed: reported speech, then a quotation; indirect: reported speech; according to: "
                           "“according to X”; other: other cues.", before=f"<ul class=legend aria-label=kinds>{keys}</ul>"))
        out.append(_data("Attributions by kind", ["unit"] + [k.replace("_", " ") for k in kinds] + ["all"],
                         [(c.label(u), [str(mix[u].get(k, 0)) for k in kinds] + [str(sum(mix[u].values()))]) for u in c.units]))
    elif c.has_section("attribution"):
        out.append('<p class=m>No attributions found.</p>')
    else:
        return '<p class=m>No attribution section in these profiles.</p>'
    out.append(_metrics_table(c, "attribution", "Attribution measures"))
    out.append("<h3>Sources each unit rests on</h3><p class=m>Most cited first: type; attributions, share of the "
               "unit's attributions. Open a source for what it said.</p>")
    cards = []
    for u in colours:
        items = [_evidence(c, [dict(e, unit=u) for e in s["evidence"]],
                           f"{s['source']} ({s['source_type']}; {s['n']}, {s['share']:.0%})", count=False)
                 for s in c.sources(u, top=8)]
        cards.append(f'<section class=card><h4><span class=sw style="background:{colours[u]}"></span>{_esc(c.label(u))}</h4>'
                     f'{"".join(items) or "<p>no attributions</p>"}</section>')
    out.append(f"<div class=multiples>{''.join(cards)}</div>")
    return "".join(out)


def _metrics_table(c: Comparison, section: str, caption: str) -> str:
    keys = _metric_keys(c, section)
    if not keys:
        return ""
    rows = [(f'{_esc(_name(k))}<br><span class="m x">{_esc(metric_info().get(k, {}).get("explanation", ""))}</span>',
             [_esc(_value(k, c.metrics[u].get(k), c.intervals.get(u, {}).get(k))) for u in c.units]) for k in keys]
    note = "<p class=m>95% bootstrap interval in brackets where a unit has 3 or more articles.</p>" if c.intervals else ""
    return note + _table(caption, ["measure"] + [c.label(u) for u in c.units], rows, raw=True, numbers=True)


def _articles(n: int) -> str:
    return f"n={n} article{'s' if n != 1 else ''}"


def _readability_html(c: Comparison, colours: dict[str, str]) -> str:
    keys = _metric_keys(c, "readability")
    if not keys:
        return '<p class=m>No readability section in these profiles.</p>'
    grades = [v for k in keys if metric_info().get(k, {}).get("scale") == "grade"
              for u in colours if (v := c.metrics[u].get(k)) is not None]
    top = max(20, 5 * -(-max(grades, default=20) // 5))
    grade_axis = Axis(0, top, list(range(0, int(top) + 1, 5)), "US school grade (higher = harder)")
    figures = []
    for k in keys:
        axis = _EASE_AXIS if metric_info().get(k, {}).get("scale") == "ease" else grade_axis
        rows = [Row(c.label(u), c.metrics[u].get(k), colours[u], _articles(c.n_articles[u]), interval=c.intervals.get(u, {}).get(k))
                for u in colours]
        figures.append(_figure(bar_chart(_name(k), rows, axis, digits=1), _name(k),
                               metric_info().get(k, {}).get("explanation", "")))
    return f"<div class=multiples>{''.join(figures)}</div>" + _metrics_table(c, "readability", "Readability formulas")


def _names_cell(c: Comparison, u: str, s: Mapping[str, Any]) -> str:
    """One actor in one unit: names; labels by voice; the article's roles; roles sources
    assert; each group followed by the sentences behind it."""
    parts = [f"<div>{_esc(_top(s['names'], 5))}</div>"]
    for voice, name in (("narrator", "labels"), ("reported", "in reported speech"), ("quoted", "in quotations")):
        if s.get(f"{voice}_labels"):
            parts.append(f"<div><strong>{name}:</strong> {_esc(_top(s[f'{voice}_labels'], 5))}</div>")
    parts.append(_evidence(c, [dict(e, unit=u) for e in s.get("label_evidence") or []], "labels in context"))
    roles = s.get("roles") or {}
    done = [f"{verb}: {_top(roles[key], 4)}" for key, verb in (("agent", "does"), ("patient", "undergoes")) if roles.get(key)]
    if done:
        parts.append(f"<div class=m>{_esc('; '.join(done))}</div>")
        parts.append(_evidence(c, [dict(e, unit=u, note=("undergoes " if e.get("role") == "patient" else "does ") + str(e.get("verb")))
                                  for e in s.get("role_evidence") or []], "roles in context"))
    claimed = s.get("attributed_roles") or []
    parts.extend(f"<div class=m>{_esc(line)}</div>" for line in attributed_roles_text(claimed))
    parts.append(_evidence(c, [dict(r, unit=u, note=attributed_roles_text([r])[0]) for r in claimed if r.get("text")],
                           "attributed roles in context"))
    return "".join(parts)


def _names_html(c: Comparison, actors: list[dict[str, Any]]) -> str:
    if not c.has_section("actors"):
        return "<p class=m>No actors section in these profiles.</p>"
    rows = []
    for a in actors:
        cells = [_names_cell(c, u, a["articles"][u]) if u in a["articles"] else "–" for u in c.units]
        rows.append((f"{_esc(a['name'])}<br><span class=\"m x\">{_esc(a['type'].replace('_', ' '))}</span>", cells))
    return ("<p class=m>Labels: in the article's own voice; reported speech and quotations apart. "
            "“does” and “undergoes”: the verbs of which the actor is subject and object, as the article states them; "
            "“alleged by X: verb” (or claimed by, confirmed by, according to): an action a source asserts, "
            "not the article.</p>"
            + _table("Names and labels per actor", ["actor"] + [c.label(u) for u in c.units], rows, raw=True))


def _distances_html(c: Comparison) -> str:
    pairs = [p for p in c.distances["pairs"] if p["distance"] is not None]
    if len(c.units) < 3 or not pairs:
        return ""
    rows = [(f"{c.label(p['a'])} vs {c.label(p['b'])}",
             [f"{p['distance']:.2f}", ", ".join(f"{_name(d['feature'])} ({d['z_diff']:+.1f} sd)" for d in p["drivers"][:3])])
            for p in sorted(pairs, key=lambda p: -p["distance"])[:20]]
    return (f"<h2>Which units differ most</h2><p class=m>{_esc(_DISTANCE_NOTE)}</p>"
            + _table("Most different pairs", ["pair", "distance", "differs most in"], rows))


_CSS = """
.fr{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;line-height:1.45;max-width:1200px;margin:0 auto;overflow-wrap:break-word}
.fr h1{font-size:1.5rem}.fr h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}.fr h3{font-size:1rem}
.fr .scroll{overflow-x:auto;max-width:100%}
.fr table{border-collapse:collapse;font-size:.9rem;min-width:100%}
.fr td,.fr th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left;min-width:5rem}
.fr tbody th{min-width:9rem;max-width:22rem}.fr .x{font-weight:normal;font-size:.85em}
.fr thead th{background:#f2f2f2}.fr tbody th{background:#fafafa;position:sticky;left:0;z-index:1;font-weight:600}
.fr caption{text-align:left;font-weight:600;padding:.3rem 0;caption-side:top}
.fr .m{color:#555}.fr mark{background:#fff3a8;color:#1a1a1a}
.fr .multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,360px),1fr));gap:1rem 1.5rem}
.fr figure{margin:0}.fr figure p{font-size:.85rem;margin:.2rem 0}.fr figcaption{font-weight:600;margin:.5rem 0 .2rem}
.fr .chart{display:block;max-width:100%;height:auto}
.fr .cl{font-size:12px;fill:#1a1a1a;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}.fr .tk{font-size:11px;fill:#1a1a1a}.fr .at{font-size:11px;fill:#444}.fr .sv{font-size:11px}
.fr .ax{stroke:#444}.fr .grid{stroke:#e0e0e0}.fr .zero{stroke:#444;stroke-dasharray:3 2}.fr .ci{stroke:#1a1a1a;fill:none;stroke-width:1.5}
.fr .seg{stroke:#fff;stroke-width:.5}
.fr .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.5rem 0}
.fr .sw{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-.1rem;border:1px solid #999}
.fr h4{font-size:.95rem;margin:.5rem 0 .2rem}.fr .diffs li{margin:.4rem 0}.fr details{margin:.2rem 0}.fr summary{cursor:pointer;color:#1f4e8c}
.fr .ev ul{margin:.3rem 0;padding-left:1.2rem}.fr .ev li{margin:.2rem 0}.fr .src{margin:0;padding-left:1rem}
.fr table.num td{min-width:3.5rem}
@media (max-width:600px){.fr tbody th{min-width:6rem;max-width:8rem}.fr td{min-width:10rem}.fr table.num td{min-width:3.5rem;width:1%}.fr table.num tbody th{max-width:14rem}}
@media print{.fr .scroll{overflow:visible}}
"""


def html_fragment(comparison: Comparison, *, max_actors: int = 15, title: str = "framing comparison") -> str:
    """The report as one ``<div class="fr">`` with its own style, for notebooks and pages."""
    c = comparison
    colours = unit_colours(_charted(c))
    actors = c.actors[:max_actors]
    body = [f"<h1>{_esc(title)}</h1>",
            f"<p>Compared by {_esc(c.by)}: {len(c.units)} unit{'s' if len(c.units) != 1 else ''}, "
            f"{len(c.article_ids)} article{'s' if len(c.article_ids) != 1 else ''}. Each unit keeps its colour in every chart.</p>",
            _legend(c, colours),
            '<p class=m>Scores come from statistical models and rules that make errors: open “sentences” to see what a '
            "number rests on. Labels inside quotations belong to the quoted source, not to the outlet.</p>"]
    errors = {a: p.error for a, p in zip(c.article_ids, c.profiles) if p.error}
    if errors:
        body.append("<p><strong>Not analyzed:</strong> " + "; ".join(f"{_esc(a)}: {_esc(e)}" for a, e in errors.items()) + "</p>")
    body += ["<h2>Key differences</h2>", _differences_html(c),
             "<h2>Sentiment toward actors</h2>", _sentiment_html(c, actors, colours),
             "<h2>Attribution: who is quoted, and how</h2>", _attribution_html(c, colours),
             "<h2>Names and labels per actor</h2>", _names_html(c, actors),
             "<h2>Readability</h2>", _readability_html(c, colours)]
    for section, name in _SECTIONS[2:]:
        table = _metrics_table(c, section, f"{name} measures")
        if table:
            body += [f"<h3>{_esc(name)} measures</h3>", table]
    body.append(coverage.html_section(c))
    body.append(_distances_html(c))
    return f'<div class="fr"><style>{_CSS}</style>{"".join(body)}</div>'


def html_report(comparison: Comparison, *, max_actors: int = 15, title: str = "framing comparison") -> str:
    """A self-contained HTML document (see the module docstring)."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_esc(title)}</title>'
        '<style>body{margin:1rem;padding:0}</style></head>'
        f"<body><main>{html_fragment(comparison, max_actors=max_actors, title=title)}</main></body></html>\n"
    )
