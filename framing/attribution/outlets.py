"""News agencies and broadcasters a text cites as sources (``framing/data/media_outlets.tsv``).

A source naming one ("Reuters", "TASS", "RIA Novosti", "Al Arabia") is of type ``media``,
whatever the named-entity recogniser made of it (a place, an organisation).
"""

from __future__ import annotations

import re

from ..actors.names import forms_table, normalize_name

__all__ = ["media_outlet", "outlets"]

_SUFFIX = re.compile(r"\s+(?:news agency|agency|news|television|tv|channel|network)$")


def outlets() -> dict[str, str]:
    """Normalised form -> outlet id, loaded once."""
    return forms_table("media_outlets.tsv")


def media_outlet(name: str) -> str | None:
    """The outlet id a name stands for ("Reuters news agency" -> ``"reuters"``), else None."""
    key = normalize_name(name)
    table = outlets()
    if key in table:
        return table[key]
    short = _SUFFIX.sub("", key)
    return table.get(short) if short != key else None
