"""The passages of a comparison's articles, with the features they are aligned by."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from ..analyzers.passages import passage_words

__all__ = ["Passage", "collect_passages", "trimmed_span"]


@dataclass
class Passage:
    """One passage of one article, ready to be compared.

    ``start``/``end``/``text`` are trimmed of surrounding whitespace (the profile keeps
    passages tiled, whitespace included); ``features`` are the stemmed content lemmas,
    ``@`` + aligned actor ids and ``#`` + numbers it carries; ``mentions`` the
    ``(start, end, aligned actor id)`` of the actor mentions inside it.
    """

    article: str
    unit: str
    index: int
    start: int
    end: int
    text: str
    kind: str
    words: list[tuple[int, int, str]]
    features: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)

    def span(self) -> dict[str, Any]:
        """``{article, start, end, text}``."""
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text}


def trimmed_span(item: Mapping[str, Any]) -> tuple[int, int, str]:
    """A passage's ``(start, end, text)`` without leading or trailing whitespace."""
    text = item["text"]
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    start = item["start"] + lead
    return start, start + len(body), body


def _aligned_ids(alignment: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], str]:
    return {(aid, lid): a["id"] for a in alignment for aid, lids in a["members"].items() for lid in lids}


def _mentions(d: Mapping[str, Any], aid: str, aligned: Mapping[tuple[str, str], str]) -> list[tuple[int, int, str]]:
    """(start, end, aligned actor id) of every actor mention of an article, sorted."""
    return sorted(
        (m["start"], m["end"], aligned.get((aid, item["id"]), f"{aid}:{item['id']}"))
        for item in ((d.get("actors") or {}).get("items") or [])
        for m in item.get("mentions") or []
    )


def _features(words: list[tuple[int, int, str]], item: Mapping[str, Any], mentions: list[tuple[int, int, str]]) -> list[str]:
    """Stemmed content lemmas outside actor mentions, ``@actor`` once per mention,
    ``#number`` for numbers from 10 up.

    A mention counts as its aligned actor, not as its words: "Hifter" here and "Haftar"
    there are one feature, and a long title ("Russian Defense Minister Sergey Shoigu")
    does not outweigh what the sentence says.
    """
    inside = mentions
    feats = [stem(w[2]) for w in words if not any(s <= w[0] < e for s, e, _ in inside)]
    feats += ["@" + actor for _, _, actor in inside]
    feats += ["#" + n for n in item.get("numbers") or [] if _telling_number(n)]
    return feats


@functools.lru_cache(maxsize=1)
def _stemmer() -> object:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=1 << 15)
def stem(lemma: str) -> str:
    """The Snowball stem of a lemma, so that "resignation" meets "resign" and
    "investigation" meets "investigate" (on NewsWCL50 event 0 this turned 4 of 13
    only-here passages that another article does report into 2 of 9)."""
    return _stemmer().stemWord(lemma)  # type: ignore[attr-defined]


def _telling_number(value: str) -> bool:
    """Numbers from 10 up (dates, years, tolls, sums): "five" wounded here and a "5 + 5"
    committee there are no evidence of saying the same thing."""
    try:
        return abs(float(value)) >= 10
    except ValueError:
        return False


def collect_passages(dicts: Iterable[Mapping[str, Any]], unit_of: Mapping[str, str],
                     alignment: Iterable[Mapping[str, Any]]) -> list[Passage]:
    """Every passage of every profile dict that has a ``passages`` section, in order.

    The cyclic garbage collector is paused meanwhile: the hundreds of thousands of small
    word tuples made here would otherwise trigger full collections over every profile in
    memory (0.85 of 1.3 s for 100 articles).
    """
    import gc

    paused = gc.isenabled()
    gc.disable()
    try:
        return _collect(dicts, unit_of, alignment)
    finally:
        if paused:
            gc.enable()


def _collect(dicts: Iterable[Mapping[str, Any]], unit_of: Mapping[str, str],
             alignment: Iterable[Mapping[str, Any]]) -> list[Passage]:
    aligned = _aligned_ids(alignment)
    out = []
    for d in dicts:
        aid = d["article"]["id"]
        items = ((d.get("passages") or {}).get("items")) or []
        mentions = _mentions(d, aid, aligned)
        starts = [m[0] for m in mentions]
        longest = max((m[1] - m[0] for m in mentions), default=0)
        for i, item in enumerate(items):
            start, end, text = trimmed_span(item)
            lo = bisect.bisect_left(starts, item["start"] - longest)
            hi = bisect.bisect_left(starts, item["end"])
            inside = [m for m in mentions[lo:hi] if m[1] > item["start"]]
            words = passage_words(item)
            out.append(Passage(aid, unit_of[aid], i, start, end, text, item.get("kind", "sentence"),
                               words, _features(words, item, inside), inside))
    return out
