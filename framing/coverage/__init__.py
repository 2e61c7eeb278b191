"""The comparison layer of emphasis and coverage: what each unit says, stresses, quotes and
leaves out, against the other units of a comparison.

- :func:`comparison_passages`: the passages of a comparison's articles (from the
  ``passages`` analyzer's sections), with aligned actor ids;
- :func:`comparison_coverage`: only-here passages, shared passages, the coverage matrix;
- :func:`comparison_distinctive_terms`: distinctive terms per unit against the others,
  with a general-English prior;
- :func:`comparison_shared_quotes`: one statement reported by several units, what each kept;
- :func:`markdown_section`, :func:`html_section`: the report sections.

:class:`framing.Comparison` computes each lazily (``comparison.coverage``, ...).
"""

from __future__ import annotations

from typing import Any

from .align import ONLY_HERE_BELOW, THRESHOLD, match_passages
from .boilerplate import boilerplate_ranges, strip_boilerplate
from .coverage import coverage
from .frames import frame_rows
from .passages import Passage, collect_passages

__all__ = [
    "ONLY_HERE_BELOW",
    "THRESHOLD",
    "Passage",
    "boilerplate_ranges",
    "collect_passages",
    "comparison_coverage",
    "comparison_distinctive_terms",
    "comparison_passages",
    "comparison_shared_quotes",
    "coverage",
    "frame_rows",
    "html_section",
    "markdown_section",
    "match_passages",
    "strip_boilerplate",
]


def comparison_passages(comparison: Any) -> list[Passage]:
    """The passages of every article of ``comparison`` (a :class:`framing.Comparison`)."""
    return collect_passages(comparison._dicts, comparison.unit_of, comparison.alignment)


def comparison_coverage(comparison: Any) -> dict[str, dict[str, Any]]:
    """:func:`coverage` of the comparison's units."""
    return coverage(comparison.passages, comparison.units)


def comparison_distinctive_terms(comparison: Any, top: int = 15) -> dict[str, list[dict[str, Any]]]:
    """Distinctive terms of each unit against the other units (see :mod:`.terms`)."""
    from .terms import unit_terms

    return unit_terms(comparison, top=top)


def comparison_shared_quotes(comparison: Any) -> list[dict[str, Any]]:
    """Statements reported by several units (see :mod:`.quotes`)."""
    from .quotes import shared_quotes

    return shared_quotes(comparison)


def markdown_section(comparison: Any, **kwargs: Any) -> str:
    """The Markdown report section (see :mod:`.render`)."""
    from .render import markdown_section as render

    return render(comparison, **kwargs)


def html_section(comparison: Any, **kwargs: Any) -> str:
    """The HTML report section, a self-contained escaped fragment (see :mod:`.render`)."""
    from .render import html_section as render

    return render(comparison, **kwargs)
