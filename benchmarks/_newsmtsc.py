"""NewsMTSC (Hamborg & Donnay, EACL 2021) reading and featurisation shared by the train and eval scripts."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from framing.sentiment.features import TokenTable, dense_features, featurize
from framing.sentiment.static import StaticVectors, static_features
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
    tensors = path.with_suffix(".tensors.npy") if path is not None else None
    if path is not None and path.is_file() and tensors.is_file():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        stacked = np.load(tensors, allow_pickle=False)  # DocBin keeps no tensors: they sit beside it
        k = 0
        for doc in docs:
            if stacked.shape[1]:
                doc.tensor = stacked[k : k + len(doc)]
            k += len(doc)
        return docs
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
        widths = {d.tensor.shape[1] for d in docs if d.tensor.ndim == 2 and len(d)}
        width = widths.pop() if len(widths) == 1 else 0
        rows = [d.tensor if width else np.zeros((len(d), 0), dtype="float32") for d in docs]
        np.save(tensors, np.concatenate(rows).astype("float32") if rows else np.zeros((0, 0), dtype="float32"))
    return docs


def featurize_all(rows: list[dict], nlp, batch_size: int = 256, docs: list | None = None,
                  vectors: StaticVectors | None = None):
    """Feature dicts, labels, group ids (one group per sentence), dense vectors (``None``
    where the Doc has no tensor) and static-vector features (``None`` without ``vectors``)
    for every target."""
    feats, y, groups, dense, static = [], [], [], [], []
    if docs is None:
        docs = parse_all(rows, nlp, batch_size=batch_size)
    for g, (row, doc) in enumerate(zip(rows, docs)):
        quotes = RangeIndex(quote_ranges(doc.text))
        table = TokenTable(doc)
        for t in row["targets"]:
            start, end = int(t["from"]), int(t["to"])
            feats.append(featurize(doc, start, end, quoted=quotes.covers(start, end), table=table))
            dense.append(dense_features(doc, start, end, table=table))
            target = doc.char_span(start, end, alignment_mode="expand")
            ok = vectors is not None and target is not None and len(target) > 0
            static.append(static_features(doc, target, table.sentence_bounds(target.start), table, vectors) if ok else None)
            y.append(POLARITY[float(t["polarity"])])
            groups.append(g)
    return feats, np.asarray(y), np.asarray(groups), dense, static


#: How far the standardised dense vectors are scaled down before they meet the sparse
#: features (chosen by eval_sentiment.py's cross-validation: 0.05 / 0.07 / 0.1 / 0.14 / 0.2
#: gave 0.676 / 0.680 / 0.680 / 0.678 / 0.675 in a throw-away run).
DENSE_SCALE = 0.1
#: The same for the static word-vector features (framing.sentiment.static), chosen likewise.
STATIC_SCALE = 0.1


def dense_matrix(dense: list, mean: np.ndarray | None = None, scale: np.ndarray | None = None, factor: float = DENSE_SCALE):
    """Standardised, scaled dense vectors as a matrix (a missing vector is the mean: zeros),
    with the mean and per-column scale used (fitted here unless given)."""
    width = len(mean) if mean is not None else next((len(v) for v in dense if v is not None), 0)
    M = np.zeros((len(dense), width))
    have = np.array([v is not None for v in dense])
    if width and have.any():
        M[have] = np.stack([v for v in dense if v is not None])
    if mean is None:
        mean = M[have].mean(axis=0)
        scale = factor / (M[have].std(axis=0) + 1e-6)
    out = (M - mean) * scale
    out[~have] = 0.0
    return out, mean, scale


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
