"""Step 4 of the actors analyzer: the article's own names where the NER missed them.

Every name an actor has in the article (and, for a person, the surname of a full name)
is looked for again in the text, longest first, capitalised and in no mention yet: "Trump"
in a heading, "Haftar" in a sentence the NER read wrong. A name two actors share is
nobody's, except that a surname the article also writes alone goes to the person those
bare mentions went to ("Trump" beside "Melania Trump").
"""

from __future__ import annotations

from .clusters import Cluster, MentionClusters
from .names import titles
from .text import stop_words

__all__ = ["propagate"]

Aliases = dict[tuple[str, ...], "Cluster | None"]


def _aliases(mc: MentionClusters) -> Aliases:
    """Lowercase word tuples of the article's names -> their actor (None: shared by two)."""
    stop, table = stop_words(), titles()
    aliases: Aliases = {}
    surnames: Aliases = {}  # last words of full names

    def register(table_: Aliases, words: tuple[str, ...], cluster: Cluster) -> None:
        if len(words) == 1 and (words[0] in stop or words[0] in table or len(words[0]) < 3):
            return
        owner = table_.get(words, cluster)
        table_[words] = cluster if owner is cluster else None  # ambiguous: two actors share it

    for cluster in mc.clusters:
        if cluster.tentative or not cluster.mentions:
            continue
        for m in cluster.mentions:
            if m["kind"] == "title":
                continue
            span = mc.doc.char_span(m["start"], m["end"], alignment_mode="expand")
            words = tuple(t.lower_ for t in span) if span is not None else ()
            if not words or len(words) > 5:
                continue
            register(aliases, words, cluster)
            if cluster.kind == "person" and len(words) > 1:
                register(surnames, words[-1:], cluster)
    # a surname the article also writes alone is that actor's ("Trump" beside "Melania
    # Trump"), as the bare surnames the NER found went to it
    for words, cluster in surnames.items():
        aliases.setdefault(words, cluster)
    return aliases


def propagate(mc: MentionClusters) -> None:
    """Add the mentions of the article's own names that the NER missed."""
    from spacy.attrs import LOWER, ORTH

    doc, taken = mc.doc, mc.taken
    aliases = _aliases(mc)
    if not aliases:
        return
    longest = max(len(k) for k in aliases)
    strings = doc.vocab.strings
    rows = doc.to_array([LOWER, ORTH]).tolist() if len(doc) else []
    lowered = [strings[low] for low, _ in rows]
    capital = [strings[orth][:1].isupper() for _, orth in rows]
    i = 0
    while i < len(doc):
        if i in taken or not capital[i]:
            i += 1
            continue
        hit = None
        for n in range(min(longest, len(doc) - i), 0, -1):
            key = tuple(lowered[i : i + n])
            if key in aliases and not any(k in taken for k in range(i, i + n)):
                hit = (n, aliases[key])
                break
        if hit is None or hit[1] is None:
            i += 1
            continue
        n, cluster = hit
        span = doc[i : i + n]
        if not mc.in_debris(span):
            mc.add_mention(cluster, span, "surname" if n == 1 and cluster.kind == "person" else "name")
        i += n
