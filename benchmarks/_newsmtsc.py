"""NewsMTSC (Hamborg & Donnay, EACL 2021) reading and featurisation shared by the train and eval scripts."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from framing.sentiment.features import featurize
from framing.terminology import RangeIndex, quote_ranges

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "newsmtsc" / "train.jsonl"
CACHE = Path("/tmp/framing-cache")
POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}
LABELS = {0: "negative", 1: "neutral", 2: "positive"}


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def parse_all(rows: list[dict], nlp, batch_size: int = 256, cache: Path | None = CACHE):
    """Parsed Docs of every sentence, cached as a DocBin under /tmp (never in the repo).

    The cache key is the pipeline's name and version and a hash of the texts, so a changed
    file or model re-parses.
    """
    import hashlib

    from spacy.tokens import DocBin

    texts = [r["sentence_normalized"] for r in rows]
    key = hashlib.sha1(("\n".join([nlp.meta.get("name", ""), nlp.meta.get("version", ""), *nlp.pipe_names, *texts])).encode()).hexdigest()[:16]
    path = cache / f"newsmtsc-{key}.spacy" if cache is not None else None
    if path is not None and path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def featurize_all(rows: list[dict], nlp, batch_size: int = 256, docs: list | None = None):
    """Feature dicts, labels and group ids (one group per sentence) for every target."""
    feats, y, groups = [], [], []
    if docs is None:
        docs = parse_all(rows, nlp, batch_size=batch_size)
    for g, (row, doc) in enumerate(zip(rows, docs)):
        quotes = RangeIndex(quote_ranges(doc.text))
        for t in row["targets"]:
            start, end = int(t["from"]), int(t["to"])
            feats.append(featurize(doc, start, end, quoted=quotes.covers(start, end)))
            y.append(POLARITY[float(t["polarity"])])
            groups.append(g)
    return feats, np.asarray(y), np.asarray(groups)


def build_matrix(feats: list[dict], min_df: int = 2, names: list[str] | None = None):
    """A CSR matrix over a sorted vocabulary of features seen in >= min_df rows."""
    from collections import Counter

    from scipy.sparse import csr_matrix

    if names is None:
        df = Counter(k for f in feats for k in f)
        names = sorted(k for k, c in df.items() if c >= min_df)
    index = {k: i for i, k in enumerate(names)}
    indptr, indices, data = [0], [], []
    for f in feats:
        for k, v in f.items():
            j = index.get(k)
            if j is not None:
                indices.append(j)
                data.append(v)
        indptr.append(len(indices))
    return csr_matrix((np.asarray(data, dtype=np.float64), indices, indptr), shape=(len(feats), len(names))), names
