"""Compare the two seed articles: the same Moscow meeting told by two outlets.

Reads ../shared/seeds when present. Run: ``make demo`` or ``python examples/compare_libya.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import framing

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def load_articles() -> list[framing.Article]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(files) < 2:
        sys.exit(f"seed articles not found in {SEEDS}")
    return [framing.Article(text=f.read_text(encoding="utf-8"), id=f.stem[:3]) for f in files]


def main() -> None:
    articles = load_articles()
    profiles = list(framing.analyze_many(articles, analyzers=["readability"]))
    names = [p.id for p in profiles]
    print("Readability".ljust(32) + "".join(n.rjust(12) for n in names))
    for key in profiles[0].readability:
        row = [p.readability[key] for p in profiles]
        print(key.ljust(32) + "".join(("—" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v)).rjust(12) for v in row))


if __name__ == "__main__":
    main()
