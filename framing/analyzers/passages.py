"""The ``passages`` analyzer: the article's sentences with what each one says.

Comparisons need to know, per passage, which content words, actors and numbers it carries
(to align passages across articles and find what only one article reports) and where its
words are (to mark what one article's version of a quotation cuts or adds). Profiles keep
no text otherwise, so this section holds it, passage by passage.

Section::

    {"items": [{"start", "end", "text", "kind",
                "lemmas": "lemma lemma ...", "offsets": [offset, length, offset, length, ...],
                "actors": [actor id], "numbers": [str], "quotes": [[start, end]]}],
     "chunks": {multi-word term: count},
     "metrics": {"n_passages", "n_sentences", "n_boilerplate"}}

``lemmas`` and ``offsets`` are the content words, written compactly: word *k* is
``text[start + offsets[2k] : start + offsets[2k] + offsets[2k + 1]]`` (offsets relative to
the passage's ``start``) and its lemma the *k*-th of ``lemmas``; :func:`passage_words`
turns them back into ``[start, end, lemma]`` triples. Keys whose list would be empty are
left out.

Passages tile the article: each runs from its first character to the start of the next
passage (trailing whitespace and stray closing quotation marks included, so that ``text[a.start:b.end]`` of two passages is
exact); ``kind`` is ``sentence`` (a verb and at least four content words), ``fragment``
(headings, bylines, embed ids) or ``boilerplate`` (captions, credits, sign-up prompts; see
``framing/data/boilerplate.tsv``; their words are not kept). The content words are
nouns, proper nouns, verbs and adjectives (no stop words) with their lower-case lemma;
``numbers`` are the passage's numbers, digits or words, normalised ("three" -> "3",
"1,000" -> "1000"); ``quotes`` the ranges inside quotation marks.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import TYPE_CHECKING, Any, Mapping

from ..lines import lines
from .base import BaseAnalyzer, Context

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["PassagesAnalyzer", "number_value", "passage_words"]

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
                      "million": "1000000", "billion": "1000000000", "dozen": "12"})
_MIN_SENTENCE_WORDS = 4


def number_value(word: str) -> str | None:
    """A number word or numeral, normalised: ``"three" -> "3"``, ``"1,000" -> "1000"``.

    >>> number_value("Three"), number_value("1,000"), number_value("13th"), number_value("port")
    ('3', '1000', '13', None)
    """
    low = word.lower().replace(",", "")
    if low in _NUMBER_WORDS:
        return _NUMBER_WORDS[low]
    digits = low.rstrip("stndrh") if low[:1].isdigit() else low
    try:
        value = float(digits)
    except ValueError:
        return None
    return str(int(value)) if value.is_integer() else str(value)


def passage_words(item: Mapping[str, Any]) -> list[tuple[int, int, str]]:
    """The content words of a passage item as ``(start, end, lemma)`` (absolute offsets).

    >>> passage_words({"start": 10, "lemmas": "force bomb", "offsets": [7, 6, 14, 6]})
    [(17, 23, 'force'), (24, 30, 'bomb')]
    """
    lemmas = (item.get("lemmas") or "").split()
    offsets = item.get("offsets") or []
    start = item["start"]
    return [(start + offsets[2 * k], start + offsets[2 * k] + offsets[2 * k + 1], lemma) for k, lemma in enumerate(lemmas)]


class PassagesAnalyzer(BaseAnalyzer):
    """Sentences with their content lemmas, actors, numbers and quotations (see module doc).

    Needs the ``actors`` section (actor ids of the mentions in each passage); with a
    pipeline without sentence boundaries, passages are the text's lines; without a tagger
    (the ``fast`` preset), content words are all alphabetic non-stop words, lower-cased.
    """

    name = "passages"
    version = "1"
    requires: tuple[str, ...] = ("actors",)

    def analyze(self, doc: Doc, context: Context) -> dict[str, Any]:
        from ..coverage.boilerplate import boilerplate_ranges
        from ..terminology.voice import RangeIndex

        text = context.text
        bounds = _passage_bounds(doc, text)
        boiler = RangeIndex(boilerplate_ranges(text))
        mentions = sorted(
            (m["start"], m["end"], item["id"])
            for item in ((context.results.get("actors") or {}).get("items") or [])
            for m in item.get("mentions") or []
        )
        mention_starts = [s for s, _, _ in mentions]
        longest = max((e - s for s, e, _ in mentions), default=0)  # no mention starting earlier reaches a passage
        quotes = context.quotes()
        tagged = doc.has_annotation("POS")
        items: list[dict[str, Any]] = []
        tokens = iter(context.words(doc))  # no punctuation or spaces; shared by the analyzers
        token = next(tokens, None)
        for i, (start, stop) in enumerate(bounds):
            end = bounds[i + 1][0] if i + 1 < len(bounds) else stop
            words, numbers, has_verb = [], [], False
            while token is not None and token.idx < stop:
                t_end = token.idx + len(token)
                if not boiler.covers(token.idx, t_end):
                    has_verb = has_verb or token.pos_ in ("VERB", "AUX") or not tagged
                    _read_token(token, words, numbers, tagged)
                token = next(tokens, None)
            kind = "sentence" if has_verb and len(words) >= _MIN_SENTENCE_WORDS else "fragment"
            if len(words) < _MIN_SENTENCE_WORDS and boiler.overlaps(start, stop):
                kind, words, numbers = "boilerplate", [], []
            item: dict[str, Any] = {"start": start, "end": end, "text": text[start:end], "kind": kind}
            if words:
                item["lemmas"] = " ".join(w[2] for w in words)
                item["offsets"] = [x for w in words for x in (w[0] - start, w[1] - w[0])]
            optional = {
                "actors": sorted({aid for s, e, aid in mentions[bisect.bisect_left(mention_starts, start - longest):
                                                                bisect.bisect_left(mention_starts, stop)] if e > start}),
                "numbers": numbers,
                "quotes": [[max(s, start), min(e, stop)] for s, e in quotes if s < stop and e > start],
            }
            item.update((k, v) for k, v in optional.items() if v)
            items.append(item)
        return {
            "items": items,
            "chunks": _chunks(doc, boiler),
            "metrics": {
                "n_passages": len(items),
                "n_sentences": sum(1 for p in items if p["kind"] == "sentence"),
                "n_boilerplate": sum(1 for p in items if p["kind"] == "boilerplate"),
            },
        }

    def features(self, section: dict[str, Any] | None) -> dict[str, float]:
        """None: passage counts depend on length, not on how the article is written."""
        return {}


def _read_token(token: Any, words: list[list[Any]], numbers: list[str], tagged: bool = True) -> None:
    """Add a content word or a number. Without a tagger (the ``fast`` preset) every
    alphabetic non-stop word counts, under its lower-case form."""
    if token.like_num or token.pos_ == "NUM":
        value = number_value(token.text)
        if value is not None:
            numbers.append(value)
            return
    if token.is_stop or not token.is_alpha or len(token) < 2 or (tagged and token.pos_ not in _CONTENT_POS):
        return
    lemma = token.lower_ if token.pos_ == "PROPN" or not tagged else (token.lemma_ or token.text).lower()
    words.append([token.idx, token.idx + len(token), lemma])


def _passage_bounds(doc: Doc, text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence piece, whitespace trimmed, split at line breaks."""
    if doc.has_annotation("SENT_START"):
        sents = [(s.start_char, s.end_char) for s in doc.sents]
    else:
        sents = [(0, len(text))]
    out = []
    for s0, s1 in sents:
        for a, b in lines(text[s0:s1]):
            a, b = a + s0, b + s0
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a and any(c.isalnum() for c in text[a:b]):
                out.append((a, b))
    return out


def _chunks(doc: Doc, boiler: Any) -> dict[str, int]:
    """Multi-word common-noun terms as lemma strings ("territorial integrity", "sea port"):
    runs of two to four adjectives and nouns (no stop words) that end in a noun. Names come
    to comparisons as aligned actors instead. Read from arrays, not Token objects."""
    if not doc.has_annotation("POS"):
        return {}
    from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LEMMA, POS

    arr = doc.to_array([POS, IS_ALPHA, IS_STOP, LEMMA, IDX])
    noun, adj = doc.vocab.strings["NOUN"], doc.vocab.strings["ADJ"]
    strings = doc.vocab.strings
    # plain lists: indexing a numpy array element by element costs more than the loop
    pos, idx = arr[:, 0].tolist(), arr[:, 4].tolist()
    ok = ((arr[:, 0] == noun) | (arr[:, 0] == adj)) & (arr[:, 1] != 0) & (arr[:, 2] == 0)
    counts: Counter = Counter()
    run: list[int] = []
    for i, fits in enumerate(ok.tolist() + [False]):
        if fits:
            run.append(i)
            continue
        while run and pos[run[-1]] != noun:
            run.pop()  # a term ends in a noun
        if 2 <= len(run) <= 4 and not boiler.covers(idx[run[0]], idx[run[-1]] + 1):
            counts[" ".join(strings[int(arr[k, 3])].lower() for k in run)] += 1
        run = []
    return dict(sorted(counts.items()))
