"""Fixtures for the speed benchmarks: real articles from the AllSides sample, the pipeline."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides" / "sample.jsonl"


def load_articles(n: int, offset: int = 0) -> list[dict]:
    if not SAMPLE.is_file():
        pytest.skip(f"AllSides sample not found at {SAMPLE}")
    with SAMPLE.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, offset, offset + n)]
    return [{"id": r["id"], "text": r["text"], "outlet": r["outlet"]} for r in rows]


@pytest.fixture(scope="session")
def articles() -> list[dict]:
    return load_articles(40)


@pytest.fixture(scope="session")
def texts(articles) -> list[str]:
    return [a["text"] for a in articles]


@pytest.fixture(scope="session")
def nlp():
    import framing

    nlp = framing.load_pipeline()
    list(nlp.pipe(["Warm up the pipeline."]))
    return nlp


@pytest.fixture(scope="session")
def n_words(texts) -> int:
    return sum(len(t.split()) for t in texts)
