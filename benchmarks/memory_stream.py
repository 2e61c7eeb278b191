"""Memory while streaming articles through ``framing.analyze_many``: does it stay flat?

    python benchmarks/memory_stream.py                 # 2,000 AllSides articles, default pipeline
    python benchmarks/memory_stream.py --n 500 --preset fast

Articles are read lazily from the JSONL file and each profile is serialised and dropped, as a
user streaming a corpus to disk would. Every ``--every`` articles it prints the resident set
size (RSS) twice: as it is, and after asking glibc to return freed heap pages to the OS
(``malloc_trim``), which shows the memory actually held. The verdict compares the held
memory after the first tenth of the stream (models and caches warmed up) with the end, and
the peak RSS of the first and second halves.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import resource
import sys
import time
from pathlib import Path

import framing
from framing.engine import _release_heap

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides" / "sample.jsonl"


def rss_mb() -> float:
    """Current resident set size in MiB (Linux /proc; falls back to the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:  # pragma: no cover - not Linux
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stream(path: Path, n: int):
    with path.open(encoding="utf-8") as fh:
        for line in itertools.islice(fh, n):
            row = json.loads(line)
            yield {"id": row["id"], "text": row["text"], "outlet": row.get("outlet")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SAMPLE)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--every", type=int, default=200)
    parser.add_argument("--preset", default="default", choices=("default", "fast"))
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"AllSides sample not found: {args.data}", file=sys.stderr)
        return 2

    nlp = framing.load_pipeline(preset=args.preset)
    print(f"streaming {args.n} articles from {args.data.name}, model {nlp.meta['name']}-{nlp.meta['version']}, "
          f"preset {args.preset}; RSS at start {rss_mb():.0f} MiB")
    t0 = time.perf_counter()
    marks: list[tuple[int, float]] = []  # held memory (RSS after malloc_trim)
    untrimmed: list[tuple[int, float]] = []
    n_bytes = n_errors = 0
    for i, profile in enumerate(framing.analyze_many(stream(args.data, args.n), nlp=nlp), start=1):
        n_bytes += len(profile.to_json())
        n_errors += profile.error is not None
        if i % args.every == 0 or i == args.n:
            gc.collect()
            before_trim = rss_mb()
            untrimmed.append((i, before_trim))
            _release_heap()  # glibc's malloc_trim: RSS then shows what is held, not what the allocator keeps
            marks.append((i, rss_mb()))
            print(f"  {i:>6} articles  RSS {before_trim:7.0f} MiB, after malloc_trim {marks[-1][1]:7.0f} MiB"
                  f"  ({time.perf_counter() - t0:5.0f}s)", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB; {n_errors} errors; {n_bytes / 2**20:.1f} MiB of profile JSON written and dropped")
    if len(marks) >= 2:
        first = next((m for m in marks if m[0] >= args.n // 10), marks[0])
        last = marks[-1]
        growth = last[1] - first[1]
        per_k = 1000 * growth / max(1, last[0] - first[0])
        print(f"held after {first[0]} articles {first[1]:.0f} MiB, after {last[0]} {last[1]:.0f} MiB: "
              f"{growth:+.0f} MiB ({per_k:+.1f} MiB per 1,000 articles)")
        half = args.n // 2
        for name, part in (("first", [r for i, r in untrimmed if i <= half]), ("second", [r for i, r in untrimmed if i > half])):
            if part:
                print(f"highest RSS seen in the {name} half: {max(part):.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
