"""The ``terminology`` analyzer: which names and labels an article gives each actor, in whose voice.

For every mention the ``actors`` analyzer found, it records

- the surface name ("Hifter", "Khalifa Haftar", "Al-Wefaq");
- labels that grammar ties to the mention (:mod:`framing.terminology.labels`): titles with
  the modifiers that carry the word choice ("retired Major General", "Al-Wefaq Prime
  Minister"), appositions ("the commander of the Libyan National Army, Marshal Khalifa
  Haftar"), the copula ("Haftar is a warlord"), descriptor nouns ("Haftar forces") and
  adjectives ("Tripoli-based");
- voice, of each mention and each label: ``quoted`` inside quotation marks, ``reported``
  inside the content of reported speech (from the ``attribution`` analyzer), ``narrator``
  otherwise; a source's own title in the narrator's sentence is the narrator's;
- roles: the verb whose agent or patient the mention is ("Haftar forces bombed the port":
  agent of *bomb*) when the narrator asserts it, ``attributed_roles`` with the source when the
  verb is inside attributed content ("Ford alleges Kavanaugh groped her").

It also finds scare quotes (short quoted phrases with no speaker in the narrator's
sentence), counts contested terms (regime / government, militia / forces, ...; see
:class:`framing.terminology.ContestedTerms`) and keeps the article's content-word counts
for :func:`framing.distinctive_terms`.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..terminology.contested import ContestedTerms
from ..terminology.labels import label_words, mention_labels
from ..terminology.roles import Claims, role_of
from ..terminology.voice import Voices, scare_quotes
from .base import BaseAnalyzer, Context

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

__all__ = ["TerminologyAnalyzer"]

_VOICES = ("narrator", "reported", "quoted")


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


class TerminologyAnalyzer(BaseAnalyzer):
    """Names, labels, voice and roles per actor; scare quotes; contested terms; word counts.

    Parameters
    ----------
    contested : ContestedTerms or None
        The contested-term lexicon; ``None`` uses the shipped one.
    keep_terms : bool
        Keep the article's content-word counts (``section["terms"]``) so that
        :func:`framing.distinctive_terms` can run on profiles (it also runs on raw texts).
        Off by default: about 4 KB of JSON per 1,000 words.

    Notes
    -----
    The section is ``{"actors": {<actor id>: {names, labels, narrator_labels,
    reported_labels, quoted_labels, roles, role_spans, attributed_roles, voices, label_spans}},
    "scare_quotes": [SPAN], "contested_terms": {...}, "terms": {...}, "metrics": {...}}``.
    ``labels`` counts every label in any voice; ``narrator_labels``, ``reported_labels`` and
    ``quoted_labels`` split it by voice. ``voices`` counts the actor's mentions by voice,
    ``label_spans`` locates every label (with its kind and voice). ``roles`` hold what the
    narrator asserts, ``role_spans`` where (mention to verb); ``attributed_roles`` what a
    source asserts, with the source. Voice uses
    the ``attribution`` analyzer's spans when that section is present, quotation marks otherwise.
    """

    name = "terminology"
    version = "4"  # 4: role_spans locate the narrator's roles; 3: grammar-tied labels, three voices, attributed roles, scare quotes
    requires: tuple[str, ...] = ("actors", "attribution")

    def __init__(self, contested: ContestedTerms | None = None, keep_terms: bool = False):
        self.contested = contested
        self.keep_terms = keep_terms

    # -- analysis -------------------------------------------------------------------------
    def analyze(self, doc: Doc, context: Context) -> dict[str, Any]:
        text = context.text
        quotes = list(context.quotes())
        items = list((context.results.get("attribution") or {}).get("items") or ())
        voices = Voices.from_attribution(quotes, items)
        claims = Claims(items, quotes)
        spans = _mention_spans(doc, (context.results.get("actors") or {}).get("items") or [])
        parsed = doc.has_annotation("DEP")

        per_actor: dict[str, dict[str, Any]] = {}
        n_voice: Counter = Counter()
        for m, actor_id, span, blocked in spans:
            entry = per_actor.get(actor_id)
            if entry is None:
                entry = per_actor[actor_id] = _new_entry()
            entry["voices"][voices.voice(m["start"], m["end"])] += 1
            if m.get("kind") != "title":
                entry["names"][m["text"]] += 1
            for label in mention_labels(doc, span, blocked, is_title=m.get("kind") == "title"):
                voice = self._add_label(entry, doc, text, label, voices)
                if voice is not None:
                    n_voice[voice] += 1
            if parsed:
                self._add_role(entry, doc, text, span, claims)

        n_labels = sum(n_voice.values())
        contested, n_contested, n_negative, n_narrator_negative, n_narrator = self._contested(doc, voices)
        words = context.words(doc)
        n_words = len(words)
        n_mentions = len(spans)
        scare = [_span(text, s, e) for s, e in scare_quotes(doc, quotes, items, text)]
        section: dict[str, Any] = {
            "actors": {actor_id: _entry_out(entry) for actor_id, entry in per_actor.items()},
            "scare_quotes": scare,
            "contested_terms": contested,
            "metrics": {
                "n_labels": n_labels,
                "labels_per_mention": n_labels / n_mentions if n_mentions else None,
                "quoted_label_share": (n_labels - n_voice["narrator"]) / n_labels if n_labels else None,
                "n_scare_quotes": len(scare),
                "scare_quotes_per_100_words": 100.0 * len(scare) / n_words if n_words else None,
                "n_contested_terms": n_contested,
                "contested_per_100_words": 100.0 * n_contested / n_words if n_words else None,
                "negative_contested_share": n_negative / n_contested if n_contested else None,
                "narrator_negative_contested_share": n_narrator_negative / n_narrator if n_narrator else None,
            },
        }
        if self.keep_terms:
            stop = _stop_words()
            counts = Counter(t.lower_ for t in words if t.is_alpha and len(t) > 1 and t.lower_ not in stop)
            section["terms"] = dict(sorted(counts.items()))
        return section

    @staticmethod
    def _add_label(entry: dict[str, Any], doc: Doc, text: str, label: Any, voices: Voices) -> str | None:
        """Record one label unless this actor already has a label at these tokens."""
        key = (label.start, label.end)
        if key in entry["seen"]:
            return None
        entry["seen"].add(key)
        start, end = doc[label.start].idx, doc[label.end - 1].idx + len(doc[label.end - 1])
        label_text = text[start:end]
        voice = voices.voice(start, end)
        entry["label_spans"].append({"start": start, "end": end, "text": label_text, "kind": label.kind, "voice": voice})
        entry["labels"][label_text] += 1
        entry[f"{voice}_labels"][label_text] += 1
        return voice

    @staticmethod
    def _add_role(entry: dict[str, Any], doc: Doc, text: str, span: Span, claims: Claims) -> None:
        """A narrator-asserted role, or an attributed one when the verb is inside a claim."""
        words = label_words()
        role = role_of(span, words.title_words | words.role)
        if role is None or (role[0], role[1].i) in entry["seen_roles"]:
            return  # one action counts once for an actor ("Dr. (Ghassan) Salama is holding")
        entry["seen_roles"].add((role[0], role[1].i))
        kind, verb = role
        lemma = verb.lemma_.lower() or verb.lower_
        attributed, item = claims.claim(verb.idx, verb.idx + len(verb))
        lo, hi = min(span.start_char, verb.idx), max(span.end_char, verb.idx + len(verb))
        if not attributed:
            entry["roles"][kind][lemma] += 1
            entry["role_spans"].append({"role": kind, "verb": lemma, **_span(text, lo, hi)})
            return
        item = item or {}
        entry["attributed_roles"].append({
            "role": kind, "verb": lemma, "source_actor": item.get("actor"), "stance": item.get("stance"),
            "cue_verb": item.get("verb"), "source": item.get("source"), "span": _span(text, lo, hi),
        })

    def _contested(self, doc: Doc, voices: Voices) -> tuple[dict[str, Any], int, int, int, int]:
        lexicon = self.contested if self.contested is not None else ContestedTerms.default()
        from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER

        # one array read instead of a Token object per token: (lower, start, length) of the
        # tokens that are not whitespace
        strings = doc.vocab.strings
        toks = [(strings[low], idx, n) for low, idx, n, space in
                (doc.to_array([LOWER, IDX, LENGTH, IS_SPACE]).tolist() if len(doc) else []) if not space]
        found = lexicon.find([low for low, _, _ in toks])
        out: dict[str, dict[str, dict[str, Any]]] = {}
        n_negative = n_narrator_negative = n_narrator = 0
        for i, j, term in found:
            start, end = toks[i][1], toks[j - 1][1] + toks[j - 1][2]
            voice = voices.voice(start, end)
            slot = out.setdefault(term.set, {}).setdefault(
                term.term, {"count": 0, "narrator": 0, "connotation": term.connotation}
            )
            slot["count"] += 1
            if voice == "narrator":
                slot["narrator"] += 1
                n_narrator += 1
                n_narrator_negative += term.connotation == "negative"
            n_negative += term.connotation == "negative"
        return out, len(found), n_negative, n_narrator_negative, n_narrator

    def features(self, section: dict[str, Any] | None) -> dict[str, float]:
        """The metrics only (per-actor counts are not comparable across articles)."""
        from .base import default_features

        if not section:
            return {}
        return default_features(self.name, {"metrics": section.get("metrics", {})})


def _new_entry() -> dict[str, Any]:
    return {"names": Counter(), "labels": Counter(), **{f"{v}_labels": Counter() for v in _VOICES},
            "roles": {"agent": Counter(), "patient": Counter()}, "role_spans": [], "attributed_roles": [],
            "voices": Counter(), "label_spans": [], "seen": set(), "seen_roles": set()}


def _entry_out(entry: dict[str, Any]) -> dict[str, Any]:
    out = {"names": dict(entry["names"].most_common()), "labels": dict(entry["labels"].most_common())}
    out.update({f"{v}_labels": dict(entry[f"{v}_labels"].most_common()) for v in _VOICES})
    out["roles"] = {k: dict(v.most_common()) for k, v in entry["roles"].items()}
    out["role_spans"] = entry["role_spans"]
    out["attributed_roles"] = entry["attributed_roles"]
    out["voices"] = {k: entry["voices"].get(k, 0) for k in ("narrator", "quoted", "reported")}
    out["label_spans"] = entry["label_spans"]
    return out


def _mention_spans(doc: Doc, items: list[dict[str, Any]]) -> list[tuple[dict[str, Any], str, Span, _Others]]:
    """(mention, actor id, Span, tokens of other people's names) for every actor mention."""
    spans: list[tuple[dict[str, Any], str, Span]] = []
    people: dict[int, str] = {}
    for item in items:
        for m in item["mentions"]:
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            spans.append((m, item["id"], span))
            if item.get("type") == "person" and m.get("kind") != "title":
                people.update((k, item["id"]) for k in range(span.start, span.end))
    return [(m, actor_id, span, _Others(people, actor_id)) for m, actor_id, span in spans]


class _Others:
    """Token indexes of other people's names (``k in others``)."""

    __slots__ = ("actor_id", "people")

    def __init__(self, people: dict[int, str], actor_id: str):
        self.people = people
        self.actor_id = actor_id

    def __contains__(self, k: object) -> bool:
        owner = self.people.get(k)  # type: ignore[call-overload]
        return owner is not None and owner != self.actor_id


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}
