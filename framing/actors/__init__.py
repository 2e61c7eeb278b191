"""Actors: who an article names, how names vary, and which actor is the same across articles.

- :mod:`framing.actors.names` — normalisation and transliteration-tolerant name keys;
- :mod:`framing.actors.catalog` — :class:`ActorCatalog`, known actors and their aliases;
- :mod:`framing.actors.align` — :func:`align_actors`, cross-article alignment.

The analyzer itself is :class:`framing.analyzers.actors.ActorsAnalyzer`.
"""

from __future__ import annotations

from .align import align_actors
from .catalog import ActorCatalog, coerce_catalog
from .names import country_of, name_key, normalize_name, party_of, skeleton

__all__ = ["ActorCatalog", "align_actors", "coerce_catalog", "country_of", "name_key", "normalize_name", "party_of", "skeleton"]
