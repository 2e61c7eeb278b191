"""When does ``framing analyze -o out.jsonl`` put its first profile on disk?

    python benchmarks/cli_streaming.py                  # 60 AllSides articles, all analyzers
    python benchmarks/cli_streaming.py --n 200 --analyzers readability

Writes the first ``--n`` articles of the AllSides sample to a temporary JSONL file, runs the
command line on it in a subprocess (with this checkout's ``framing`` first on the path) and
polls the output file every 50 ms. Prints the seconds until the first profile line was on
disk, until the run ended, and how many lines the file held halfway through the run. A CLI
that collects every profile before writing shows its first line only at the end.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "data" / "allsides" / "sample.jsonl"


def lines_in(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--analyzers", default=None)
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with args.sample.open(encoding="utf-8") as src:
            inputs.write_text("".join(itertools.islice(src, args.n)), encoding="utf-8")
        command = [sys.executable, "-m", "framing.cli", "analyze", str(inputs), "-o", str(out), "--no-progress"]
        if args.analyzers:
            command += ["--analyzers", args.analyzers]
        env = dict(os.environ, PYTHONPATH=os.environ.get("PYTHONPATH", str(ROOT)))  # which framing runs
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=env, cwd=tmp)  # not the current folder first on the path
        first, samples = None, []
        while proc.poll() is None:
            n = lines_in(out)
            now = time.perf_counter() - start
            samples.append((now, n))
            if n and first is None:
                first = now
            time.sleep(0.05)
        total = time.perf_counter() - start
        first = first if first is not None else total
        halfway = next((n for t, n in samples if t >= total / 2), lines_in(out))
        print(json.dumps({
            "articles": args.n, "exit": proc.returncode, "lines": lines_in(out),
            "first_line_s": round(first, 1), "total_s": round(total, 1), "lines_at_half_time": halfway,
        }))


if __name__ == "__main__":
    main()
