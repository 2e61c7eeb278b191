"""Parse texts once and keep the Docs under /tmp (never in the repo) for repeated evaluation.

The cache key is the pipeline's name, version and components and a hash of the texts, so a changed
pipeline or corpus parses again. Docs are stored as a spaCy DocBin (no pickles).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

CACHE = Path("/tmp/framing-cache")


def parse_cached(texts: list[str], nlp: Any, engine: Any, label: str, cache: Path | None = CACHE) -> list[Any]:
    """The Docs of ``texts`` as ``engine.parse`` makes them, read from ``cache`` when present."""
    from spacy.tokens import DocBin

    from framing.pipeline import pipeline_name

    key = hashlib.sha1("\x00".join([pipeline_name(nlp), ",".join(nlp.pipe_names), *texts]).encode("utf-8")).hexdigest()[:16]
    path = cache / f"{label}-{key}.spacy" if cache is not None else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = [engine.parse(t) for t in texts]
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs
