"""The ``terminology`` analyzer: which names and labels an article gives each actor, in whose voice.

For every mention the ``actors`` analyzer found, it records

- the surface name ("Hifter", "Khalifa Haftar", "Al-Wefaq");
- labels: titles and ranks before the name ("retired Major General", "Marshal"),
  appositions ("the commander of the Libyan National Army, Marshal Khalifa Haftar"),
  descriptive modifiers ("legitimate", "Tripoli-based"), descriptor nouns the name
  modifies ("Haftar forces") and predicate nominals ("Haftar is a warlord");
- voice: ``narrator`` when the outlet speaks, ``quoted`` inside quotation marks,
  ``reported`` inside the content of reported speech (from the ``attribution`` analyzer);
- role: the verb whose agent or patient the mention is ("Haftar forces bombed the port":
  agent of *bomb*).

It also counts contested terms (regime / government, militia / forces, ...; see
:class:`framing.terminology.ContestedTerms`) and keeps the article's content-word counts
for :func:`framing.distinctive_terms`.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ..actors.names import titles
from ..terminology.contested import ContestedTerms
from ..terminology.voice import RangeIndex
from .base import BaseAnalyzer, Context

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["TerminologyAnalyzer"]

_PRE_MODIFIERS = {"retired", "former", "late", "self-styled", "self-proclaimed", "acting", "deputy", "interim",
                  "then", "renegade", "rogue", "embattled", "veteran", "elected", "outgoing", "incoming", "exiled",
                  "top", "senior", "chief", "special", "ex"}
_DETS = {"the", "a", "an", "this", "that", "these", "those"}
_SKIP_AMOD = {"other", "same", "such", "own", "many", "several", "new"}
_MAX_LABEL_TOKENS = 14
_AGENT_DEPS = {"nsubj", "csubj", "nsubj:agent"}
_PATIENT_DEPS = {"nsubjpass", "dobj", "obj", "iobj", "dative"}
_STOP: frozenset[str] | None = None


def _stop_words() -> frozenset[str]:
    global _STOP
    if _STOP is None:
        from spacy.lang.en.stop_words import STOP_WORDS

        _STOP = frozenset(STOP_WORDS)
    return _STOP


class TerminologyAnalyzer(BaseAnalyzer):
    """Names, labels, voice and roles per actor; contested terms; word counts.

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
    roles, voices, label_spans}}, "contested_terms": {...}, "terms": {...},
    "metrics": {...}}``; ``voices`` counts the actor's mentions by voice (narrator, quoted,
    reported), ``label_spans`` locates every label (with its kind and voice), and the
    labels a source used (quoted or reported) are ``labels`` minus ``narrator_labels``. Voice uses the ``attribution`` analyzer's content spans when that
    section is present, quotation marks otherwise.
    """

    name = "terminology"
    version = "2"  # 2: '' counts as a quotation mark (voice)
    requires: tuple[str, ...] = ("actors", "attribution")

    def __init__(self, contested: ContestedTerms | None = None, keep_terms: bool = False):
        self.contested = contested
        self.keep_terms = keep_terms

    # -- voice ----------------------------------------------------------------------------
    @staticmethod
    def _voice_index(context: Context) -> tuple[RangeIndex, RangeIndex]:
        quoted = list(context.quotes())  # a copy: direct quotations' content is added below
        reported: list[tuple[int, int]] = []
        attribution = context.results.get("attribution") or {}
        for item in attribution.get("items") or ():
            content = item.get("content")
            if not content:
                continue
            if item.get("kind") == "direct":
                quoted.append((content["start"], content["end"]))
            else:
                reported.append((content["start"], content["end"]))
        return RangeIndex(quoted), RangeIndex(reported)

    @staticmethod
    def _voice(start: int, end: int, quoted: RangeIndex, reported: RangeIndex) -> str:
        if quoted.covers(start, end):
            return "quoted"
        if reported.covers(start, end):
            return "reported"
        return "narrator"

    # -- labels ---------------------------------------------------------------------------
    def _title_label(self, doc: Doc, span: Span, taken: set[int]) -> tuple[int, int] | None:
        """Token range of the title/rank run right before the name ("retired Major General")."""
        table = titles()
        title_words = _title_words()
        parsed = doc.has_annotation("DEP")
        i = span.start - 1
        first = span.start
        while i >= 0 and span.start - i <= _MAX_LABEL_TOKENS:
            tok = doc[i]
            low = tok.lower_
            if tok.is_punct or tok.is_space or low in _DETS or i in taken:
                break
            ok = low in table or low.rstrip(".") in table or low in title_words or low in _PRE_MODIFIERS
            if not ok and parsed and tok.dep_ in ("compound", "amod", "nmod") and tok.pos_ in ("ADJ", "PROPN", "NOUN"):
                head = tok.head
                ok = span.start <= head.i < span.end or first <= head.i < span.start
            if not ok:
                break
            first = i
            i -= 1
        if first == span.start:
            return None
        # a title run must contain a title word; bare adjectives ("Libyan Fayez") are not labels
        if not any(doc[k].lower_ in title_words or doc[k].lower_.rstrip(".") in table for k in range(first, span.start)):
            return None
        return first, span.start

    @staticmethod
    def _apposition(doc: Doc, span: Span, title: tuple[int, int] | None) -> tuple[int, int] | None:
        """Token range of a common-noun apposition to the mention, in either direction:
        "Ghassan Salama, the UN envoy" or "the commander of the LNA, Marshal Khalifa Haftar"."""
        root = span.root
        for child in root.children:
            if child.dep_ == "appos" and child.i >= span.end and child.pos_ == "NOUN":
                return _trim(doc, child.left_edge.i, child.right_edge.i + 1)
        if root.dep_ != "appos" or root.head.i >= span.start:
            return None
        # the name must follow a comma: "<noun phrase>, [title] Name"
        first = title[0] if title is not None else span.start
        if first == 0 or doc[first - 1].text != ",":
            return None
        head = root.head
        # the parser often hangs the name on the last proper noun: "envoy to Libya, Ghassan Salama"
        for _ in range(2):
            if head.pos_ == "NOUN":
                break
            if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i < head.i:
                head = head.head.head
            else:
                break
        if head.pos_ != "NOUN":
            return None
        return _trim(doc, head.left_edge.i, first - 1)

    @staticmethod
    def _modifiers(doc: Doc, span: Span, after: int) -> list[tuple[str, int, int]]:
        """Adjectives of the mention, the group noun it modifies ("Haftar forces", "the
        Tripoli-based Al-Wefaq government") and predicate nominals ("Haftar is a warlord")."""
        out: list[tuple[str, int, int]] = []
        root = span.root

        def adjectives(noun: Token) -> None:
            for child in noun.children:
                if child.dep_ == "amod" and child.i < after and child.lower_ not in _SKIP_AMOD and child.pos_ in ("ADJ", "VERB"):
                    out.append(("modifier", child.left_edge.i, child.i + 1))

        adjectives(root)
        if root.dep_ in ("compound", "nmod") and root.head.i >= span.end and root.head.lower_ in _group_nouns():
            noun = root.head
            out.append(("descriptor", noun.i, noun.i + 1))
            adjectives(noun)
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            for child in root.head.children:
                if child.dep_ == "attr" and child.pos_ == "NOUN" and child.i > root.i:
                    lo, hi = _trim(doc, child.left_edge.i, child.i + 1)
                    out.append(("predicate", lo, hi))
        return out

    # -- roles ----------------------------------------------------------------------------
    @staticmethod
    def _role(span: Span) -> tuple[str, Token] | None:
        tok = span.root
        for _ in range(6):
            if tok.dep_ in ("compound", "poss", "amod", "nmod", "flat", "appos") and tok.head.i != tok.i:
                tok = tok.head
            elif tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
                tok = tok.head
            else:
                break
        dep, head = tok.dep_, tok.head
        if dep in _AGENT_DEPS and head.pos_ in ("VERB", "AUX") and head.lemma_ != "be":
            return "agent", head
        if dep in _PATIENT_DEPS and head.pos_ == "VERB":
            return "patient", head
        if dep == "pobj" and head.dep_ == "agent" and head.head.pos_ == "VERB":
            return "agent", head.head
        return None

    # -- analysis -------------------------------------------------------------------------
    def analyze(self, doc: Doc, context: Context) -> dict[str, Any]:
        text = context.text
        quoted, reported = self._voice_index(context)
        parsed = doc.has_annotation("DEP")
        actors_section = context.results.get("actors") or {}
        items = actors_section.get("items") or []

        # token index -> actor id, for stopping label runs at other actors' names
        token_of: dict[int, str] = {}
        spans: list[tuple[dict[str, Any], str, Span]] = []
        for item in items:
            for m in item["mentions"]:
                span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                spans.append((m, item["id"], span))
                for k in range(span.start, span.end):
                    token_of[k] = item["id"]
        taken = set(token_of)

        per_actor: dict[str, dict[str, Any]] = {}
        n_labels = 0
        n_label_voice: Counter = Counter()
        for m, actor_id, span in spans:
            entry = per_actor.setdefault(
                actor_id,
                {"names": Counter(), "labels": Counter(), "narrator_labels": Counter(), "quoted_labels": Counter(),
                 "roles": {"agent": Counter(), "patient": Counter()}, "voices": Counter(), "label_spans": []},
            )
            voice = self._voice(m["start"], m["end"], quoted, reported)
            entry["voices"][voice] += 1
            if m.get("kind") != "title":
                entry["names"][m["text"]] += 1
            labels: list[tuple[str, int, int]] = []
            title = None
            if m.get("kind") == "title":
                labels.append(("title", span.start, span.end))
            else:
                title = self._title_label(doc, span, taken)
                if title is not None:
                    labels.append(("title", *title))
            if parsed:
                appos = self._apposition(doc, span, title if m.get("kind") != "title" else None)
                if appos is not None and appos[1] > appos[0]:
                    labels.append(("apposition", *appos))
                labels.extend(self._modifiers(doc, span, title[0] if title is not None else span.start))
            for kind, lo, hi in labels:
                if hi - lo > _MAX_LABEL_TOKENS or hi <= lo:
                    continue
                start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
                label_text = text[start:end]
                label_voice = self._voice(start, end, quoted, reported)
                entry["label_spans"].append({"start": start, "end": end, "text": label_text, "kind": kind, "voice": label_voice})
                entry["labels"][label_text] += 1
                (entry["narrator_labels"] if label_voice == "narrator" else entry["quoted_labels"])[label_text] += 1
                n_labels += 1
                n_label_voice[label_voice] += 1
            role = self._role(span) if parsed else None
            if role is not None:
                kind, verb = role
                entry["roles"][kind][verb.lemma_.lower() or verb.lower_] += 1

        actors_out = {
            actor_id: {
                "names": dict(entry["names"].most_common()),
                "labels": dict(entry["labels"].most_common()),
                "narrator_labels": dict(entry["narrator_labels"].most_common()),
                "roles": {k: dict(v.most_common()) for k, v in entry["roles"].items()},
                "voices": {k: entry["voices"].get(k, 0) for k in ("narrator", "quoted", "reported")},
                "label_spans": entry["label_spans"],
            }
            for actor_id, entry in per_actor.items()
        }

        contested, n_contested, n_negative, n_narrator_negative, n_narrator = self._contested(doc, quoted, reported)
        words = context.words(doc)
        n_words = len(words)
        n_mentions = len(spans)
        section: dict[str, Any] = {
            "actors": actors_out,
            "contested_terms": contested,
            "metrics": {
                "n_labels": n_labels,
                "labels_per_mention": n_labels / n_mentions if n_mentions else None,
                "quoted_label_share": (n_labels - n_label_voice["narrator"]) / n_labels if n_labels else None,
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

    def _contested(self, doc: Doc, quoted: RangeIndex, reported: RangeIndex) -> tuple[dict[str, Any], int, int, int, int]:
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
            voice = self._voice(start, end, quoted, reported)
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


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and (doc[lo].lower_ in _DETS or doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return lo, hi


_GROUP_NOUNS = frozenset(
    "forces force troops army militia militias regime government administration authorities junta loyalists "
    "supporters allies fighters rebels insurgents militants gunmen mercenaries terrorists separatists "
    "camp coalition faction factions movement party leadership officials ministry cabinet parliament".split()
)


def _group_nouns() -> frozenset[str]:
    return _GROUP_NOUNS


_TITLE_WORDS: frozenset[str] | None = None


def _title_words() -> frozenset[str]:
    """Every single word of every title ("prime", "minister", "major", "general")."""
    global _TITLE_WORDS
    if _TITLE_WORDS is None:
        _TITLE_WORDS = frozenset(w for t in titles() for w in t.split() if w not in ("of", "the"))
    return _TITLE_WORDS
