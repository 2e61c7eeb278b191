"""The ``attribution`` analyzer: who is quoted or cited, how, and how much of the article rests on it.

Items: ``{kind, cue, source, content, content_parts, source_type, actor}`` with character
spans into the text (see :mod:`framing.attribution.extract` for the rules). Metrics:

- ``attributions_per_100_words``;
- ``share_sentences_attributed``: sentences holding a cue or attributed content;
- ``share_words_attributed``: words inside attributed content — how much of the article
  rests on what others said;
- ``direct_share``, ``anonymous_share``: shares of the attributions;
- ``n_sources`` (distinct), ``source_entropy`` (Shannon entropy, bits, of the distribution
  of attributions over distinct sources: 0 = one voice), and ``source_types`` shares.

Without a dependency parse (a blank pipeline) only "according to" phrases and quotations
closed by a speech verb are found, by surface patterns.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..attribution.extract import Attribution, extract
from ..attribution.lexicon import CueLexicon, default_lexicon
from ..attribution.model import CueModel, default_cue_model
from ..attribution.outlets import media_outlet
from ..attribution.resolve import CONTINUATION_PARAGRAPHS, Resolution, SourceResolver
from ..attribution.stance import STANCES, stances
from ..lines import LINE_BREAK
from ..terminology.voice import RangeIndex
from .base import BaseAnalyzer, Context

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["AttributionAnalyzer", "SOURCE_TYPES"]

SOURCE_TYPES = ("person", "organization", "media", "anonymous", "unknown")
_ANONYMOUS_HEADS = {"source", "sources", "official", "officials", "aide", "aides", "insider", "insiders", "person",
                    "people", "diplomat", "diplomats", "someone", "witness", "witnesses", "resident", "residents",
                    "observer", "observers", "expert", "experts", "analyst", "analysts", "activist", "activists",
                    "spokesman", "spokeswoman", "spokesperson", "member", "members", "staffer", "staffers"}
_MEDIA_WORDS = {"agency", "newspaper", "news", "media", "reuters", "tass", "afp", "ap", "bbc", "cnn", "times", "post",
                "journal", "report", "reports", "reported", "television", "tv", "channel", "outlet", "outlets", "ria",
                "interfax", "xinhua", "al-jazeera", "aljazeera", "sputnik", "press", "broadcaster", "network", "magazine",
                "daily", "tribune", "herald", "guardian", "telegraph", "bloomberg", "politico", "axios", "breitbart",
                "fox", "msnbc", "nbc", "abc", "cbs", "npr", "radio", "website"}
_ORG_WORDS = {"ministry", "government", "department", "office", "council", "committee", "campaign", "army", "police",
              "military", "administration", "kremlin", "pentagon", "party", "commission", "court", "agency", "mission",
              "organization", "organisation", "union", "bank", "company", "group", "house", "senate", "congress",
              "parliament", "embassy", "presidency", "cabinet", "authorities", "forces", "command", "center", "centre",
              "institute", "foundation", "university", "board", "spokesman"}
_PERSON_PRONOUNS = {"he", "she", "i", "him", "her", "me"}
_WORD = re.compile(r"\w+", re.UNICODE)
#: Cues that continue what the previous speaker said ("He added ...", "..., adding that"):
#: without a source of their own they continue the previous speaker; other cues with no
#: source stay unresolved (on PolNeAR dev, sourceless "saying", "footage", "as follows"
#: are as often someone else's).
_CONTINUING = frozenset({"add", "continue", "go on", "conclude", "elaborate"})
_ACTOR_SOURCE_TYPES = {"person": "person", "media": "media", "organization": "organization", "government": "organization",
                       "armed_group": "organization", "country": "organization", "place": "organization",
                       "group": "organization"}
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_PARAGRAPH = re.compile(rf"(?:{LINE_BREAK.pattern})\s*")  # a line break and the blank lines after it
_SURFACE_CUE = re.compile(r"\b(said|says|told|added|stated|wrote|according to)\b", re.IGNORECASE)


class AttributionAnalyzer(BaseAnalyzer):
    """Find attributions and measure how much of the article rests on them.

    Parameters
    ----------
    cue_model : CueModel, "default" or None
        Decides which candidate cues are attributions (:mod:`framing.attribution.model`):
        ``"default"`` is the shipped logistic regression (PolNeAR train); ``None`` uses the
        lexicon's ratio threshold alone (``min_ratio``).
    min_ratio : float
        Without a cue model: minimum learned P(cue | lemma) for a verb or noun to count as a cue.
    lexicon : CueLexicon or None
        A cue lexicon; ``None`` uses the shipped one (PolNeAR train). A custom lexicon with
        the default model changes the candidates and their lemma-rate features.
    """

    name = "attribution"
    version = "6"  # 6: sources resolved to actors (pronouns, descriptions, continuations), verb and stance; 2: the learned cue model decides cues; 3: quotations with their marks, run-on quotes; 4: the model sees the cues around a candidate, quotation paragraphs continue the previous speaker; 5: a byline before a colon ("by Times' X: ...") credits an excerpt, a credit line ("- Name.") under a quotation paragraph names its speaker
    requires: tuple[str, ...] = ("actors",)

    def __init__(self, min_ratio: float = 0.3, lexicon: CueLexicon | None = None,
                 cue_model: CueModel | str | None = "default"):
        if isinstance(cue_model, str) and cue_model != "default":
            from ..errors import InputValueError

            raise InputValueError(f"[E105] cue_model must be a CueModel, 'default' or None, got {cue_model!r}.")
        self.min_ratio = min_ratio
        self.lexicon = lexicon
        self.cue_model = cue_model

    def _cue_model(self) -> CueModel | None:
        """The cue model to use: ``cue_model`` itself, or the shipped one for "default".
        ``cue_model`` keeps what the caller passed (``get_params()`` returns it)."""
        if isinstance(self.cue_model, str):  # "default", checked in __init__
            return default_cue_model()  # loaded once (cached)
        return self.cue_model

    def _lexicon(self) -> CueLexicon:
        """The lexicon at ``min_ratio``, built once per (lexicon, min_ratio) and kept in a
        private attribute; ``lexicon`` keeps what the caller passed."""
        base = self.lexicon if self.lexicon is not None else default_lexicon()
        if base.min_ratio == self.min_ratio:
            return base
        cached = getattr(self, "_resolved_lexicon", None)
        if cached is None or cached[0] is not base or cached[1] != self.min_ratio:
            cached = self._resolved_lexicon = (base, self.min_ratio, base.with_threshold(self.min_ratio))
        return cached[2]

    def analyze(self, doc: Doc, context: Context) -> dict[str, Any]:
        text = context.text
        quotes = context.quotes()
        if doc.has_annotation("DEP"):
            found = extract(doc, self._lexicon(), quotes, text, model=self._cue_model())
        else:
            found = _surface(doc, quotes, text)
        found.sort(key=lambda a: (a.cue[0], a.cue[1]))
        resolver = SourceResolver(doc, text, context.results.get("actors"))
        paragraphs = _paragraph_starts(text)
        items = []
        previous: tuple[int, Resolution] | None = None  # paragraph and resolution of the last source
        for att in found:
            verb = _cue_lemma(doc, att)
            paragraph = bisect.bisect_right(paragraphs, att.cue[0])
            resolution = self._resolve(resolver, att, verb, paragraph, previous)
            source_type = self._source_type(doc, text, att, resolution, resolver)
            actor = resolution.actor if source_type != "anonymous" else None
            item: dict[str, Any] = {
                "kind": att.kind,
                "cue": context.span(*att.cue),
                "source": context.span(*att.source) if att.source else None,
                "content": context.span(*att.content) if att.content else None,
                "source_type": source_type,
                "actor": actor,
                "resolution": resolution.how if actor is not None else None,
                "verb": verb,
                "stance": stances().get(verb) if verb else None,
            }
            if len(att.content_parts) > 1:
                # the pieces of a content broken by the cue ("..., he said, ..."): [start, end]
                # pairs; their text is inside ``content``
                item["content_parts"] = [[s, e] for s, e in att.content_parts]
            items.append(item)
            if att.source is not None or actor is not None:
                previous = (paragraph, Resolution(actor, item["resolution"]))
        return {"items": items, "metrics": self._metrics(doc, items, found, context.words(doc))}

    # -- sources --------------------------------------------------------------------------
    @staticmethod
    def _resolve(resolver: SourceResolver, att: Attribution, verb: str | None, paragraph: int,
                 previous: tuple[int, Resolution] | None) -> Resolution:
        if att.source is not None:
            # "He added": the previous speaker, when "he" fits them
            speaker = (previous[1].actor if previous is not None and verb in _CONTINUING
                       and paragraph - previous[0] <= CONTINUATION_PARAGRAPHS else None)
            return resolver.resolve(att.source[0], att.source[1], att.source_token, speaker)
        if (previous is not None and verb in _CONTINUING
                and paragraph - previous[0] <= CONTINUATION_PARAGRAPHS):
            return resolver.continuation(previous[1])
        return Resolution(None, None)

    @staticmethod
    def _source_type(doc: Doc, text: str, att: Attribution, resolution: Resolution, resolver: SourceResolver) -> str:
        actor = resolution.actor
        actor_type = resolver.types.get(actor) if actor is not None else None
        if actor is not None and (media_outlet(resolver.display(actor)) is not None):
            return "media"
        if att.source is None:
            return actor_type_to_source_type(actor_type) if actor_type else "unknown"
        start, end = att.source
        span = doc.char_span(start, end, alignment_mode="expand")
        words = [w.lower() for w in _WORD.findall(text[start:end])]
        head = att.source_token.lower_ if att.source_token is not None else (words[-1] if words else "")
        has_name = span is not None and any(
            (t.ent_type_ == "PERSON" or t.pos_ == "PROPN") and t.i <= (att.source_token.i if att.source_token is not None else t.i)
            for t in span
        )
        if head in _ANONYMOUS_HEADS and head not in ("spokesman", "spokeswoman", "spokesperson", "member", "members") and not (
            span is not None and any(t.ent_type_ == "PERSON" for t in span)
        ):
            return "anonymous"
        if media_outlet(text[start:end]) is not None:
            return "media"
        if actor_type == "media" or (set(words) & _MEDIA_WORDS and head in _MEDIA_WORDS | {"agency"}):
            return "media"
        if actor_type == "person" or head in _PERSON_PRONOUNS:
            return "person"
        if actor_type == "group" and span is not None and any(t.ent_type_ == "PERSON" for t in span):
            return "person"  # "Russian ministers ... Sergei Lavrov and Sergei Shoigu": people, named
        if actor_type in ("organization", "government", "armed_group", "country", "place", "group"):
            return "organization"
        if not has_name and (head in _ANONYMOUS_HEADS or head.rstrip("s") in _ANONYMOUS_HEADS):
            return "anonymous"
        if span is not None and any(t.ent_type_ == "PERSON" for t in span):
            return "person"
        if span is not None and any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in span) or set(words) & _ORG_WORDS:
            return "organization"
        return "unknown"

    # -- metrics --------------------------------------------------------------------------
    @staticmethod
    def _metrics(doc: Doc, items: list[dict[str, Any]], found: list[Attribution], words: list[Any]) -> dict[str, Any]:
        n_words = len(words)
        sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else []
        n = len(items)
        content = RangeIndex([(p[0], p[1]) for a in found for p in (a.content_parts or ([a.content] if a.content else []))])
        attributed_words = sum(1 for t in words if content.covers(t.idx, t.idx + len(t)))
        touched = RangeIndex([(p[0], p[1]) for a in found for p in [a.cue, *a.content_parts]])
        n_sent_attr = sum(1 for s in sents if _touches(touched, s.start_char, s.end_char))
        sources = Counter(_source_key(i) for i in items if i["actor"] or i["source"])
        n_sourced = sum(sources.values())
        types = Counter(i["source_type"] for i in items)
        entropy = -sum((c / n_sourced) * math.log2(c / n_sourced) for c in sources.values()) if n_sourced else None
        stance_counts = Counter(i["stance"] for i in items)
        return {
            "n_attributions": n,
            "attributions_per_100_words": 100.0 * n / n_words if n_words else None,
            "share_sentences_attributed": n_sent_attr / len(sents) if sents else None,
            "share_words_attributed": attributed_words / n_words if n_words else None,
            "direct_share": sum(1 for i in items if i["kind"] in ("direct", "mixed")) / n if n else None,
            "anonymous_share": types["anonymous"] / n if n else None,
            "n_sources": len(sources),
            "source_entropy": entropy,
            "top_source_share": max(sources.values()) / n_sourced if n_sourced else None,
            "stance_shares": {s: (stance_counts[s] / n if n else None) for s in STANCES},
            "source_types": {t: (types[t] / n if n else None) for t in SOURCE_TYPES},
        }


def _source_key(item: dict[str, Any]) -> str:
    """One source: its actor, else its text lowercased without a leading article."""
    if item["actor"]:
        return item["actor"]
    return _ARTICLE.sub("", " ".join(item["source"]["text"].lower().split()))


def actor_type_to_source_type(actor_type: str | None) -> str:
    """The source type of an actor type (``government`` -> ``organization``)."""
    return _ACTOR_SOURCE_TYPES.get(actor_type or "", "unknown")


def _paragraph_starts(text: str) -> list[int]:
    return [m.end() for m in _PARAGRAPH.finditer(text)]


def _cue_lemma(doc: Doc, att: Attribution) -> str | None:
    """The cue's lemma: "say" for "said", "point out" for "pointed out", "according to"."""
    span = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    words = [t for t in span if t.dep_ != "neg" and not t.is_space]
    if not words:
        return None
    if words[0].lower_ == "according":
        return "according to"
    return " ".join((t.lemma_ or t.text).lower() for t in words)


def _touches(index: RangeIndex, start: int, end: int) -> bool:
    import bisect

    k = bisect.bisect_right(index.starts, end - 1) - 1
    return k >= 0 and index.ends[k] > start


class _MentionIndex:
    """The actors' mentions sorted by start, for the ones overlapping a span in
    O(log n + k): a mention overlapping ``[start, end)`` starts after
    ``start - longest``."""

    def __init__(self, section: dict[str, Any] | None):
        self.mentions = sorted((m["start"], m["end"], item["id"], item["type"])
                               for item in (section or {}).get("items") or [] for m in item["mentions"])
        self.starts = [m[0] for m in self.mentions]
        self.longest = max((e - s for s, e, _, _ in self.mentions), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        k = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end, lo=k)
        return [m for m in self.mentions[k:hi] if m[1] > start]


def _surface(doc: Doc, quotes: list[tuple[int, int]], text: str) -> list[Attribution]:
    """Without a parse: "according to X" and speech verbs, content = the sentence's quotes."""
    index = RangeIndex(quotes)
    out = []
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        s0, s1 = sent.start_char, sent.end_char
        for m in _SURFACE_CUE.finditer(text, s0, s1):
            if index.covers(m.start(), m.end()):
                continue
            parts = [(a, b) for a, b in quotes if s0 <= a and b <= s1]
            if m.group(1).lower() == "according to":
                rest = text[m.end():s1]
                src_end = m.end() + (re.search(r"[,.;]", rest).start() if re.search(r"[,.;]", rest) else len(rest))
                src = (m.end() + (len(rest) - len(rest.lstrip())), src_end)
                content = (s0, m.start()) if m.start() - s0 > s1 - src_end else (src_end, s1)
                content = _strip(text, *content)
                out.append(Attribution("according_to", (m.start(), m.end()), src if src[1] > src[0] else None,
                                       content, [content] if content else []))
            elif parts:
                content = (parts[0][0], parts[-1][1])
                out.append(Attribution("direct", (m.start(), m.end()), None, content, parts))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if end > start else None
