"""The comparison as plain-text tables for a terminal, wrapped to its width (rich).

Cells wrap instead of being cut, so "quoted: retired Major General" stays whole. When the
units do not fit side by side (many outlets on a narrow terminal), a table turns into one
row per unit and row name.
"""

from __future__ import annotations

import io
import shutil
import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .compare import Comparison

__all__ = ["terminal_report"]

_MIN_COL = 14  # narrowest useful unit column


def _console(width: int) -> Any:
    from rich.console import Console

    return Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False, highlight=False,
                   emoji=False, markup=False, soft_wrap=False)


def _matrix(console: Any, title: str, corner: str, rows: list[tuple[str, list[str]]], columns: list[str]) -> None:
    """Rows by columns when the columns fit, else one line per (row, column) pair."""
    from rich import box
    from rich.table import Table

    fits = (len(columns) + 1) * _MIN_COL <= console.width
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_lines=False, expand=False)
    if fits:
        table.add_column(corner, overflow="fold", ratio=1)
        for col in columns:
            table.add_column(col, overflow="fold", ratio=1)
        for name, cells in rows:
            table.add_row(name, *cells)
    else:
        for head in (corner, "unit", "value"):
            table.add_column(head, overflow="fold")
        for name, cells in rows:
            for col, cell in zip(columns, cells):
                if cell != "–":
                    table.add_row(name, col, cell)
    console.print(table)


def terminal_report(comparison: Comparison, width: int | None = None, *, max_actors: int = 15) -> str:
    """The report's sections as text tables ``width`` columns wide (default: the terminal's)."""
    from .report import _actor_cell, _metric_keys, _name, _value

    c = comparison
    width = width or shutil.get_terminal_size((100, 24)).columns
    console = _console(max(width, 40))
    units = [c.label(u) for u in c.units]
    console.print(f"Comparison by {c.by}: {', '.join(units)}\n")
    errors = {a: p.error for a, p in zip(c.article_ids, c.profiles) if p.error}
    if errors:
        console.print("Not analyzed: " + "; ".join(f"{a}: {e}" for a, e in errors.items()) + "\n")
    console.print("Key differences")
    for d in c.differences or [{"summary": "None found."}]:
        console.print(textwrap.fill(d["summary"], console.width, initial_indent="- ", subsequent_indent="  "))
    console.print()
    actors = c.actors[:max_actors]
    _matrix(console, "Actors: names and labels", "actor",
            [(a["name"], [_actor_cell(a["articles"][u]) if u in a["articles"] else "–" for u in c.units]) for a in actors], units)
    sent = []
    for a in actors:
        cells = [f"{s['score']:+.2f} (n={s['n']})" if (s := (a["articles"].get(u) or {}).get("sentiment")) else "–" for u in c.units]
        if any(x != "–" for x in cells):
            sent.append((a["name"], cells))
    if sent:
        _matrix(console, "Sentiment toward actors (-1 ... +1, n = scored mentions)", "actor", sent, units)
    for section, title in (("attribution", "Attribution"), ("readability", "Readability")):
        keys = _metric_keys(c, section)
        if keys:
            _matrix(console, title, "measure",
                    [(_name(k), [_value(k, c.metrics[u].get(k), c.intervals.get(u, {}).get(k)) for u in c.units]) for k in keys],
                    units)
    console.print("Sources each unit rests on" if c.has_section("attribution")
                  else "Sources: no attribution section in these profiles.")
    for u in c.units if c.has_section("attribution") else ():
        srcs = "; ".join(f"{s['source']} ({s['source_type']}, {s['n']}, {s['share']:.0%})" for s in c.sources(u, top=6))
        console.print(textwrap.fill(f"{c.label(u)}: {srcs or 'none'}", console.width, initial_indent="- ",
                                    subsequent_indent="  "))
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines()) + "\n"
