"""Inline SVG charts for the HTML report: one small chart per question, fixed labelled axes.

Each chart is 360 units wide, so on a 390 px phone it is drawn at about its own size and
its 12 px text stays readable; wider screens put several side by side. Every bar has a text
line above it with the unit's label and the number (and n, where the number is a mean over
mentions), so nothing depends on colour alone and no label is cut: long labels wrap.
"""

from __future__ import annotations

import html as _html
import math
import textwrap
from dataclasses import dataclass, field

__all__ = ["Axis", "Row", "bar_chart", "stacked_chart", "unit_colours", "KIND_COLOURS", "PALETTE"]

#: One colour per unit, 20 before any repeats (Kelly's colours of maximum contrast, minus
#: white, black and the palest ones, reordered so the first few are furthest apart).
PALETTE = ("#0067a5", "#f38400", "#008856", "#be0032", "#875692", "#882d17", "#a1caf1", "#e68fac",
           "#848482", "#f3c300", "#604e97", "#8db600", "#b3446c", "#c2b280", "#2b3d26", "#f99379",
           "#dcd300", "#654522", "#e25822", "#f6a600")
#: Attribution kinds in greys (with the text colour that reads on each), so they are never
#: mistaken for units.
KIND_COLOURS = {"direct": ("#252525", "#fff"), "mixed": ("#636363", "#fff"), "indirect": ("#969696", "#000"),
                "according_to": ("#cccccc", "#000"), "other": ("#f0f0f0", "#000")}

WIDTH = 360
_PAD = 20          # room for half a tick label ("100%") at either end of the axis
_LINE = 15         # text line height (12 px text)
_BAR = 12
_CHARS = 50        # characters per label line at 12 px in 332 px


@dataclass
class Axis:
    lo: float
    hi: float
    ticks: list[float]
    title: str
    fmt: str = "{:g}"
    signed: bool = False                 # tick labels with a sign (and a true minus), 0 without

    def tick(self, value: float) -> str:
        if self.signed:
            return "0" if value == 0 else ("+" if value > 0 else "−") + f"{abs(value):g}"
        return self.fmt.format(value)


@dataclass
class Row:
    label: str
    value: float | None
    colour: str
    note: str = ""                       # printed after the value ("n=3")
    faded: bool = False
    interval: list[float] | None = None
    segments: list[tuple[str, int]] = field(default_factory=list)


def unit_colours(units: list[str]) -> dict[str, str]:
    """One colour per unit, the same in every chart."""
    return {u: PALETTE[i % len(PALETTE)] for i, u in enumerate(units)}


def _esc(value: object) -> str:
    return _html.escape(str(value), quote=True)


def _x(axis: Axis, value: float) -> float:
    v = min(max(value, axis.lo), axis.hi)
    return _PAD + (WIDTH - 2 * _PAD) * (v - axis.lo) / (axis.hi - axis.lo)


def _label_lines(row: Row, value_text: str, y: float) -> tuple[list[str], float]:
    text = f"{row.label} · {value_text}" + (f" · {row.note}" if row.note else "")
    lines = textwrap.wrap(text, _CHARS, break_long_words=True) or [""]
    parts = [f'<text x="{_PAD}" y="{y + _LINE * (i + 1) - 3:.0f}" class="cl">{_esc(line)}</text>' for i, line in enumerate(lines)]
    return parts, y + _LINE * len(lines)


def _axis(axis: Axis, y: float, top: float) -> tuple[list[str], float]:
    parts = [f'<line x1="{_PAD}" y1="{y:.0f}" x2="{WIDTH - _PAD}" y2="{y:.0f}" class="ax"/>']
    for t in axis.ticks:
        x = _x(axis, t)
        parts.append(f'<line x1="{x:.1f}" y1="{top:.0f}" x2="{x:.1f}" y2="{y:.0f}" class="grid"/>')
        parts.append(f'<line x1="{x:.1f}" y1="{y:.0f}" x2="{x:.1f}" y2="{y + 4:.0f}" class="ax"/>')
        parts.append(f'<text x="{x:.1f}" y="{y + 16:.0f}" text-anchor="middle" class="tk">{_esc(axis.tick(t))}</text>')
    parts.append(f'<text x="{WIDTH / 2:.0f}" y="{y + 32:.0f}" text-anchor="middle" class="at">{_esc(axis.title)}</text>')
    return parts, y + 40


def _svg(title: str, parts: list[str], height: float) -> str:
    return (f'<svg class="chart" role="img" aria-label="{_esc(title)}" width="{WIDTH}" height="{height:.0f}" '
            f'viewBox="0 0 {WIDTH} {height:.0f}" xmlns="http://www.w3.org/2000/svg">'
            f"<title>{_esc(title)}</title>{''.join(parts)}</svg>")


def bar_chart(title: str, rows: list[Row], axis: Axis, *, digits: int = 2, signed: bool = False) -> str:
    """One horizontal bar per row from the axis origin (0, or the low end), each under a
    text line naming its row and value; intervals drawn as whiskers."""
    origin = _x(axis, 0.0 if axis.lo <= 0 <= axis.hi else axis.lo)
    parts: list[str] = []
    y = 4.0
    top = y
    for row in rows:
        value_text = "no value" if row.value is None else (f"{row.value:+.{digits}f}" if signed else f"{row.value:.{digits}f}")
        if row.interval:
            value_text += f" (95% {row.interval[0]:.{digits}f} to {row.interval[1]:.{digits}f})"
        lines, y = _label_lines(row, value_text, y)
        parts += lines
        if row.value is not None and not math.isnan(row.value):
            x = _x(axis, row.value)
            left, w = min(origin, x), max(abs(x - origin), 1.0)
            opacity = ' fill-opacity="0.35"' if row.faded else ""
            parts.append(f'<rect x="{left:.1f}" y="{y:.0f}" width="{w:.1f}" height="{_BAR}" fill="{row.colour}"{opacity}>'
                         f"<title>{_esc(row.label)}: {_esc(value_text)}</title></rect>")
            if row.interval:
                a, b, m = _x(axis, row.interval[0]), _x(axis, row.interval[1]), y + _BAR / 2
                parts.append(f'<path d="M{a:.1f} {m - 4:.0f}v8M{a:.1f} {m:.0f}H{b:.1f}M{b:.1f} {m - 4:.0f}v8" class="ci"/>')
        y += _BAR + 8
    parts.append(f'<line x1="{origin:.1f}" y1="{top:.0f}" x2="{origin:.1f}" y2="{y:.0f}" class="zero"/>')
    axis_parts, y = _axis(axis, y, top)
    return _svg(title, axis_parts + parts, y)  # grid lines behind the bars


def stacked_chart(title: str, rows: list[Row]) -> str:
    """One 100% bar per row, its segments in `KIND_COLOURS` with their counts."""
    axis = Axis(0, 100, [0, 25, 50, 75, 100], "share of the unit's attributions (%)", "{:g}%")
    parts: list[str] = []
    y = top = 4.0
    for row in rows:
        total = sum(n for _, n in row.segments)
        lines, y = _label_lines(row, f"{total} attributions", y)
        parts.append(f'<rect x="{_PAD - 10}" y="{y - _LINE + 3:.0f}" width="7" height="9" fill="{row.colour}"/>')
        parts += lines
        x = float(_PAD)
        for kind, n in row.segments:
            if not n or not total:
                continue
            w = (WIDTH - 2 * _PAD) * n / total
            fill, ink = KIND_COLOURS.get(kind, KIND_COLOURS["other"])
            parts.append(f'<rect x="{x:.1f}" y="{y:.0f}" width="{w:.1f}" height="{_BAR + 4}" fill="{fill}" class="seg">'
                         f"<title>{_esc(kind)}: {n} of {total}</title></rect>")
            if w >= 8 * len(str(n)) + 4:
                parts.append(f'<text x="{x + w / 2:.1f}" y="{y + _BAR:.0f}" text-anchor="middle" class="sv" fill="{ink}">{n}</text>')
            x += w
        y += _BAR + 12
    axis_parts, y = _axis(axis, y, top)
    return _svg(title, axis_parts + parts, y)  # grid lines behind the bars
