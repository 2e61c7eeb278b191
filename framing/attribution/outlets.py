"""News agencies and broadcasters a text cites as sources (``framing/data/media_outlets.tsv``).

A source naming one ("Reuters", "TASS", "RIA Novosti", "Al Arabia") is of type ``media``,
whatever the named-entity recogniser made of it (a place, an organisation).
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from ..actors.names import normalize_name

__all__ = ["media_outlet", "outlets"]

_SUFFIX = re.compile(r"\s+(?:news agency|agency|news|television|tv|channel|network)$")


@functools.lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    """Normalised form -> outlet id, loaded once."""
    text = resources.files("framing.data").joinpath("media_outlets.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines()[1:]:
        if not line or line.startswith("#") or line.startswith("id\t"):
            continue
        ident, forms = line.split("\t")
        for form in forms.split("|"):
            out[normalize_name(form)] = ident
    return out


def media_outlet(name: str) -> str | None:
    """The outlet id a name stands for ("Reuters news agency" -> ``"reuters"``), else None."""
    key = normalize_name(name)
    table = outlets()
    if key in table:
        return table[key]
    short = _SUFFIX.sub("", key)
    return table.get(short) if short != key else None
