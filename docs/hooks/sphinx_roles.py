"""mkdocs hook: Sphinx cross-reference roles in docstrings (":func:`x`", ":class:`~a.b.C`")
rendered as code, linked to the object's entry when the page documents it.

mkdocstrings renders numpy-style docstrings as Markdown, where a Sphinx role stays as raw
text (":func:" before the code). The docstrings keep their roles for ``help()`` and Sphinx
users; the documentation site shows ``framing.load_pipeline`` (a link) instead.
"""

from __future__ import annotations

import re

_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|attr|obj|exc|data|const):<code>(~?)([^<]+)</code>")


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def _target(name: str, ids: set[str]) -> str | None:
    """The anchor of ``name`` on this page: as written, under ``framing.``, or the one
    documented object whose dotted path ends with it."""
    for candidate in (name, f"framing.{name}"):
        if candidate in ids:
            return candidate
    ends = [i for i in ids if i.endswith(f".{name}")]
    return ends[0] if len(ends) == 1 else None


def on_page_content(html: str, **_: object) -> str:
    ids = _ids(html)

    def replace(m: re.Match[str]) -> str:
        short, name = m.group(1), m.group(2)
        shown = name.rsplit(".", 1)[-1] if short else name
        target = _target(name, ids)
        code = f"<code>{shown}</code>"
        return f'<a href="#{target}">{code}</a>' if target else code

    return _ROLE.sub(replace, html)
