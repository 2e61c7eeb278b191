"""Read PolNeAR (Newell, Margolin & Ruths, LREC 2018): texts and brat attribution annotations.

Each article ``<name>.txt`` has one or more annotation files ``<name>_<annotator>.ann``;
the first in sorted order is used, deterministically.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


@dataclass
class Attribution:
    cue: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Article:
    name: str
    text: str
    attributions: list[Attribution]


def _spans(field_: str) -> list[tuple[int, int]]:
    # "Cue 113 119" or discontinuous "Content 10 20;25 40"
    _, offsets = field_.split(" ", 1)
    out = []
    for part in offsets.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind = parts[1].split(" ", 1)[0]
            spans[parts[0]] = (kind, _spans(parts[1]))
        elif line.startswith("E") and len(parts) >= 2:
            roles = {}
            for arg in parts[1].split():
                role, ref = arg.split(":", 1)
                roles[role] = ref
            events.append(roles)
    out = []
    for ev in events:
        att = Attribution()
        for role, ref in ev.items():
            if ref not in spans:
                continue
            kind, offs = spans[ref]
            if role.startswith("Cue"):
                att.cue += offs
            elif role.startswith("Source"):
                att.source += offs
            elif role.startswith("Content"):
                att.content += offs
        if att.cue:
            out.append(att)
    return out


def load(split: str, root: Path = ROOT) -> list[Article]:
    texts = sorted((root / split / "text").glob("*.txt"))
    anns = sorted((root / split / "attributions").glob("*.ann"))
    by_name: dict[str, Path] = {}
    for ann in anns:
        base = ann.stem.rsplit("_", 1)[0]
        by_name.setdefault(base, ann)
    out = []
    for t in texts:
        ann = by_name.get(t.stem)
        if ann is None:
            continue
        out.append(Article(t.stem, t.read_text(encoding="utf-8"), read_ann(ann)))
    return out
