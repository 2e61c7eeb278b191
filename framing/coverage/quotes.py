"""Shared quotations: one statement reported by several units, and what each kept.

A *piece* is what one sentence of an article reports: the parts of the sentence inside
the content of an attribution (the ``attribution`` section) or inside quotation marks.
Pieces of different units report the same statement when they share at least
:data:`MIN_SHARED` content lemmas and those cover at least
:data:`MIN_OVERLAP` of the shorter piece. Matched pieces form groups; groups whose pieces
lie within :data:`NEAR` sentences of each other in two articles of different units are one
statement (a ministry's statement quoted sentence by sentence in both). For each unit the
result gives the covering span, the pieces, and the words no other unit's version carries.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Mapping, Sequence

from ..analyzers.passages import passage_words
from ..terminology.voice import RangeIndex
from .passages import Passage

__all__ = ["MIN_OVERLAP", "MIN_SHARED", "NEAR", "shared_quotes"]

MIN_SHARED = 3
MIN_OVERLAP = 0.5
NEAR = 2


class _Piece:
    __slots__ = ("passage", "order", "ranges", "lemmas", "words", "sources")

    def __init__(self, passage: Passage, order: int, ranges: list[tuple[int, int]], sources: list[tuple[str | None, str | None]]):
        self.passage = passage
        self.order = order
        self.ranges = ranges
        self.words = [w for w in passage.words if any(s <= w[0] < e for s, e in ranges)]
        self.lemmas = {w[2] for w in self.words}
        self.sources = sources


def _reported_ranges(d: Mapping[str, Any], aligned: Mapping[tuple[str, str], str]) -> list[tuple[int, int, str | None, str | None]]:
    """(start, end, aligned actor, source text) of attribution contents and of quotations
    of at least :data:`MIN_SHARED` words (a quoted name or scare quote is no statement).
    Media that relay a statement ("TASS quoted the ministry") are not its source."""
    aid = d["article"]["id"]
    out = []
    for item in ((d.get("attribution") or {}).get("items")) or []:
        content = item.get("content")
        if not content:
            continue
        parts = item.get("content_parts") or [[content["start"], content["end"]]]
        relay = item.get("source_type") == "media"
        actor = aligned.get((aid, item["actor"])) if item.get("actor") is not None and not relay else None
        source = " ".join(item["source"]["text"].split()) if item.get("source") and not relay else None
        out.extend((s, e, actor, source) for s, e in parts)
    for p in ((d.get("passages") or {}).get("items")) or []:
        words = passage_words(p) if p.get("quotes") else []
        out.extend((s, e, None, None) for s, e in p.get("quotes") or []
                   if sum(1 for w in words if s <= w[0] < e) >= MIN_SHARED)
    return out


def _pieces(comparison: Any) -> list[_Piece]:
    aligned = {(aid, lid): a["id"] for a in comparison.alignment for aid, lids in a["members"].items() for lid in lids}
    by_article: dict[str, list[Passage]] = defaultdict(list)
    for p in comparison.passages:
        if p.kind == "sentence":
            by_article[p.article].append(p)
    out = []
    for d in comparison._dicts:
        reported = _reported_ranges(d, aligned)
        for order, p in enumerate(by_article.get(d["article"]["id"], [])):
            inside = [(max(s, p.start), min(e, p.end), a, src) for s, e, a, src in reported if s < p.end and e > p.start]
            if not inside:
                continue
            ranges = [r for r in _merge([(s, e) for s, e, _, _ in inside])
                      if sum(1 for w in p.words if r[0] <= w[0] < r[1]) >= 2]
            piece = _Piece(p, order, ranges, [(a, src) for _, _, a, src in inside if a or src])
            if len(piece.lemmas) >= MIN_SHARED:
                out.append(piece)
    return out


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching ranges joined, sorted (as :class:`RangeIndex` keeps them)."""
    index = RangeIndex(ranges)
    return list(zip(index.starts, index.ends))


def _match(a: _Piece, b: _Piece) -> float | None:
    shared = len(a.lemmas & b.lemmas)
    if shared < MIN_SHARED:
        return None
    overlap = shared / min(len(a.lemmas), len(b.lemmas))
    return overlap if overlap >= MIN_OVERLAP else None


class _Groups:
    """Union-find over piece indices."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


def _link(pieces: Sequence[_Piece]) -> tuple[_Groups, dict[int, float]]:
    groups = _Groups(len(pieces))
    best: dict[int, float] = {}
    index: dict[str, list[int]] = defaultdict(list)
    for k, piece in enumerate(pieces):
        for lemma in piece.lemmas:
            index[lemma].append(k)
    seen: set[tuple[int, int]] = set()
    for ks in index.values():
        for x, i in enumerate(ks):
            for j in ks[x + 1 :]:
                if (i, j) in seen or pieces[i].passage.unit == pieces[j].passage.unit:
                    continue
                seen.add((i, j))
                score = _match(pieces[i], pieces[j])
                if score is not None:
                    groups.union(i, j)
                    best[i] = max(best.get(i, 0.0), score)
                    best[j] = max(best.get(j, 0.0), score)
    return groups, best


def _merge_near(pieces: Sequence[_Piece], members: dict[int, list[int]]) -> list[list[int]]:
    """Join groups whose pieces are within NEAR sentences in two articles of different units."""
    roots = list(members)
    joined = _Groups(len(roots))
    orders = [defaultdict(list) for _ in roots]
    for r, root in enumerate(roots):
        for k in members[root]:
            orders[r][pieces[k].passage.article].append(pieces[k].order)
    for x in range(len(roots)):
        for y in range(x + 1, len(roots)):
            near_units = {
                _unit_of(pieces, members[roots[x]], art)
                for art in set(orders[x]) & set(orders[y])
                if min(abs(i - j) for i in orders[x][art] for j in orders[y][art]) <= NEAR
            }
            if len(near_units) >= 2:
                joined.union(x, y)
    out: dict[int, list[int]] = defaultdict(list)
    for r, root in enumerate(roots):
        out[joined.find(r)].extend(members[root])
    return list(out.values())


def _unit_of(pieces: Sequence[_Piece], ks: list[int], article: str) -> str:
    return next(pieces[k].passage.unit for k in ks if pieces[k].passage.article == article)


def shared_quotes(comparison: Any) -> list[dict[str, Any]]:
    """``[{source, actor, sources, units: {unit: {article, start, end, text, parts, only}},
    shared_words, overlap}]``, statements reported by at least two units, most units and words first."""
    pieces = _pieces(comparison)
    groups, best = _link(pieces)
    members: dict[int, list[int]] = defaultdict(list)
    for k in range(len(pieces)):
        if k in best:
            members[groups.find(k)].append(k)
    out = [_entry(comparison, [pieces[k] for k in sorted(ks)], best, ks) for ks in _merge_near(pieces, members)]
    out = [e for e in out if len(e["units"]) >= 2]
    out.sort(key=lambda e: (-len(e["units"]), -len(e["shared_words"]), e["source"] or ""))
    return out


def _entry(comparison: Any, group: list[_Piece], best: Mapping[int, float], ks: list[int]) -> dict[str, Any]:
    by_unit: dict[str, dict[str, list[_Piece]]] = defaultdict(lambda: defaultdict(list))
    for piece in group:
        by_unit[piece.passage.unit][piece.passage.article].append(piece)
    chosen = {u: max(arts.values(), key=len) for u, arts in by_unit.items()}
    lemmas = {u: set().union(*(p.lemmas for p in ps)) for u, ps in chosen.items()}
    common = set.intersection(*lemmas.values()) if lemmas else set()
    units = {}
    for u, ps in chosen.items():
        others = set().union(*(lemmas[v] for v in lemmas if v != u))
        units[u] = _unit_span(comparison, ps, others)
    actors = Counter(a for p in group for a, _ in p.sources if a)
    texts = Counter(src for p in group for a, src in p.sources if src and not a)
    names = {a["id"]: a["name"] for a in comparison.alignment}
    actor = actors.most_common(1)[0][0] if actors else None
    sources = [names.get(a, a) for a, _ in actors.most_common()] + [t for t, _ in texts.most_common()]
    return {
        "source": sources[0] if sources else None,
        "actor": actor,
        "sources": list(dict.fromkeys(sources)),
        "units": units,
        "shared_words": sorted(common),
        "overlap": round(max(best[k] for k in ks), 3),
    }


def _unit_span(comparison: Any, pieces: list[_Piece], others: set[str]) -> dict[str, Any]:
    article = pieces[0].passage.article
    start = min(r[0] for p in pieces for r in p.ranges)
    end = max(r[1] for p in pieces for r in p.ranges)
    text = _article_text(comparison, article, start, end)
    parts = [{"start": s, "end": e, "text": text[s - start : e - start]} for p in pieces for s, e in p.ranges]
    only = [{"start": w[0], "end": w[1], "text": text[w[0] - start : w[1] - start]}
            for p in pieces for w in p.words if w[2] not in others]
    return {"article": article, "start": start, "end": end, "text": text, "parts": parts, "only": only}


def _article_text(comparison: Any, article: str, start: int, end: int) -> str:
    """``text[start:end]`` of an article, rebuilt from its passages (they tile the text)."""
    d = next(d for d in comparison._dicts if d["article"]["id"] == article)
    chunks = [(p["start"], p["text"]) for p in d["passages"]["items"] if p["start"] < end and p["end"] > start]
    first = chunks[0][0]
    whole = "".join(t for _, t in chunks)
    return whole[start - first : end - first]
