"""Cutting texts for the parse, and sentence boundaries at line breaks.

Two guards keep one text from tying up the machine, both measured (``docs/evaluation.md``):

- spaCy's tokenizer peels prefixes and suffixes off a whitespace-free run one at a time, each
  time copying the rest of the run: 8 KB of ``!`` or ``((((`` takes 6 s, 16 KB half a minute.
  Runs longer than :data:`MAX_RUN` characters are tokenized in pieces (cut between two
  punctuation characters where there are some), then joined before the pipeline runs.
- The parser's memory grows with the tokens of one call: a 0.5 MB text parsed at once peaks
  at 1.7 GB. Texts longer than :data:`CHUNK_CHARS` are parsed chunk by chunk (cut after a
  paragraph, a line, a sentence end or a space) and joined with ``Doc.from_docs``.

Texts without such runs and shorter than :data:`CHUNK_CHARS` (every news article we hold) are
parsed exactly as ``nlp(text)`` parses them. The joined Doc's text is the input text, so every
offset stays an offset into what the caller passed in.

:func:`mark_line_breaks` (the pipeline component ``framing_line_breaks``) makes paragraph
breaks and headline lines sentence boundaries before the parser runs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from .errors import FramingError
from .lines import LINE_BREAK

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "CHUNK_CHARS",
    "COMPONENT",
    "MAX_RUN",
    "add_line_breaks",
    "chunk_bounds",
    "mark_line_breaks",
    "needs_pieces",
    "parse",
    "run_cuts",
    "tokenize",
]

#: Longest whitespace-free run tokenized in one piece. The longest in 2,100 AllSides and
#: 924 PolNeAR articles is 145 characters; a 256-character run of ``!`` tokenizes in ~5 ms.
MAX_RUN = 256
#: Characters parsed in one call (bounds the parser's memory; no news article is longer).
CHUNK_CHARS = 50_000
#: Name of the line-break component in :func:`framing.load_pipeline`'s pipelines.
COMPONENT = "framing_line_breaks"

_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
#: Chunk cuts, best first: after a paragraph break, a line break, a sentence end, a space.
_CHUNK_SEPS = ("\n\n", "\n", ". ", " ")


def _is_punct(ch: str) -> bool:
    return not ch.isalnum() and not ch.isspace()


def _run_cut(text: str, lo: int, hi: int) -> int | None:
    """The last cut in ``text[lo:hi]`` between two punctuation characters (or, failing that,
    between a letter and punctuation); ``None`` when the window has neither."""
    fallback = None
    for p in range(hi - 1, lo, -1):
        a, b = text[p - 1], text[p]
        if _is_punct(a) and _is_punct(b):
            return p
        if fallback is None and (_is_punct(a) or _is_punct(b)):
            fallback = p
    return fallback


def run_cuts(text: str, max_run: int = MAX_RUN) -> list[int]:
    """Positions inside whitespace-free runs longer than ``max_run`` where the run is cut for
    the tokenizer, so that no piece of a run is longer than ``max_run`` where it has
    punctuation to cut at. Runs without punctuation are left whole: the tokenizer reads
    them in one step (its cost comes from peeling punctuation affixes)."""
    pattern = _LONG_RUN if max_run == MAX_RUN else re.compile(r"\S{%d,}" % (max_run + 1))
    cuts: list[int] = []
    for m in pattern.finditer(text):
        start, end = m.span()
        while end - start > max_run:
            cut = _run_cut(text, start + max_run // 2, start + max_run + 1)
            if cut is None:  # no punctuation in this window: move on without cutting
                start += max_run // 2
                continue
            cuts.append(cut)
            start = cut
    return cuts


def chunk_bounds(text: str, max_chars: int = CHUNK_CHARS) -> list[int]:
    """Cut positions (excluding 0 and ``len(text)``) splitting ``text`` into chunks of at most
    ``max_chars`` characters, each cut after a paragraph break, else a line break, else a
    sentence end, else whitespace, in the chunk's last three quarters; else at the limit."""
    limit = max(max_chars, 1)
    cuts: list[int] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = limit
        for sep in _CHUNK_SEPS:
            pos = window.rfind(sep)
            if pos > limit // 4:
                cut = pos + len(sep)
                break
        start += cut
        cuts.append(start)
    return cuts


def needs_pieces(nlp: Language, text: str, max_chars: int = CHUNK_CHARS, max_run: int = MAX_RUN) -> bool:
    """Whether :func:`parse` would parse ``text`` in more than one piece."""
    if len(text) > min(max_chars, nlp.max_length):
        return True
    pattern = _LONG_RUN if max_run == MAX_RUN else re.compile(r"\S{%d,}" % (max_run + 1))
    return pattern.search(text) is not None


def _spans(cuts: list[int], start: int, end: int) -> Iterator[tuple[int, int]]:
    bounds = [start, *cuts, end]
    return ((a, b) for a, b in zip(bounds, bounds[1:]) if b > a)


def _make_doc(nlp: Language, text: str, start: int, end: int, max_run: int) -> Doc:
    """The tokens of ``text[start:end]``, long runs tokenized in pieces."""
    chunk = text[start:end]
    cuts = run_cuts(chunk, max_run)
    if not cuts:
        return nlp.make_doc(chunk)
    from spacy.tokens import Doc

    pieces = [nlp.make_doc(chunk[a:b]) for a, b in _spans(cuts, 0, len(chunk))]
    return Doc.from_docs(pieces, ensure_whitespace=False)


def tokenize(nlp: Language, text: str, max_chars: int = CHUNK_CHARS, max_run: int = MAX_RUN) -> Doc:
    """The tokens of ``text`` without the pipeline, cut as :func:`parse` cuts it (long runs
    in pieces, long texts chunk by chunk), so tokenizing stays linear."""
    if not needs_pieces(nlp, text, max_chars, max_run):
        return nlp.tokenizer(text)
    max_chars = min(max_chars, nlp.max_length)
    docs = [_make_doc(nlp, text, a, b, max_run) for a, b in _spans(chunk_bounds(text, max_chars), 0, len(text))]
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


def parse(nlp: Language, text: str, max_chars: int = CHUNK_CHARS, max_run: int = MAX_RUN) -> Doc:
    """``nlp(text)``, with whitespace-free runs longer than ``max_run`` tokenized in pieces and
    texts longer than ``max_chars`` parsed one chunk at a time (joined with ``Doc.from_docs``).

    Raises
    ------
    FramingError
        [E030] if the joined Doc's text differs from ``text`` (a guarded invariant).
    """
    if not needs_pieces(nlp, text, max_chars, max_run):
        return nlp(text)
    max_chars = min(max_chars, nlp.max_length)
    spans = list(_spans(chunk_bounds(text, max_chars), 0, len(text)))
    docs = (_make_doc(nlp, text, a, b, max_run) for a, b in spans)
    parsed = list(nlp.pipe(docs, batch_size=1))  # one chunk at a time: memory stays bounded
    if len(parsed) == 1:
        doc = parsed[0]
    else:
        from spacy.tokens import Doc

        doc = Doc.from_docs(parsed, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - guarded invariant
        raise FramingError("[E030] Chunked parsing changed the text; offsets would be wrong.")
    return doc


# -- sentence boundaries at line breaks ------------------------------------------------------
#: A text reads as hard-wrapped (line breaks inside sentences) when at least this share of
#: its single line breaks (at least :data:`_WRAP_MIN` of them) go on in lower case.
_WRAP_SHARE = 0.25
_WRAP_MIN = 3


def _breaks(doc: Doc) -> list[tuple[int, int, bool]]:
    """(token index, line breaks before it, starts lower case) for every non-space token
    that follows a line break, except after a colon (``Caddell continued:`` + a quotation
    paragraph is one sentence to the attribution analyzer)."""
    out: list[tuple[int, int, bool]] = []
    gap, prev = "", ""
    for tok in doc:
        if tok.is_space:
            gap += tok.text_with_ws
            continue
        if gap and not prev.endswith(":"):
            n = len(LINE_BREAK.findall(gap)) + gap.count("\u2029")  # a paragraph separator is a blank line
            if n:
                out.append((tok.i, n, tok.text[:1].islower()))
        gap, prev = tok.whitespace_, tok.text
    return out


def mark_line_breaks(doc: Doc) -> Doc:
    """Mark sentence starts after paragraph breaks and line breaks, for the parser to keep.

    - After a blank line (two or more line breaks, or U+2029): a new sentence.
    - After a single line break: a new sentence (a headline, a heading, a paragraph per
      line), unless the next line starts in lower case (the sentence goes on), or the text
      reads as hard-wrapped (a quarter or more of its single line breaks, and at least three,
      go on in lower case), where single line breaks are left to the parser.
    - Never after a line that ends with a colon: it introduces what follows (``The governor
      added:`` and a quotation paragraph; on PolNeAR dev, boundaries there cost two
      articles 0.09 and 0.26 of their attributed share).

    Only ``is_sent_start = True`` is set; other tokens stay undecided, so the parser splits
    sentences inside a paragraph as before. spaCy's parser, ``senter`` and ``sentencizer``
    keep sentence starts set before them.
    """
    breaks = _breaks(doc)
    singles = [lower for _, n, lower in breaks if n == 1]
    n_lower = sum(singles)
    wrapped = n_lower >= _WRAP_MIN and n_lower >= _WRAP_SHARE * len(singles)
    for i, n, lower in breaks:
        if n >= 2 or not (lower or wrapped):
            doc[i].is_sent_start = True
    return doc


def add_line_breaks(nlp: Language) -> Language:
    """Add :func:`mark_line_breaks` to ``nlp`` as the component ``framing_line_breaks``, before
    the parser (else before ``senter`` or ``sentencizer``; else last). A no-op when it is
    there already. :func:`framing.load_pipeline` does this for the pipelines it loads; call
    it on a pipeline of your own to have paragraph breaks and headlines read the same way.
    Registers the component factory with spaCy on first use."""
    from spacy.language import Language as _Language

    if not _Language.has_factory(COMPONENT):
        _Language.component(COMPONENT, func=mark_line_breaks)
    if COMPONENT in nlp.component_names:
        return nlp
    before = next((n for n in ("parser", "senter", "sentencizer") if n in nlp.pipe_names), None)
    if before is None:
        nlp.add_pipe(COMPONENT)
    else:
        nlp.add_pipe(COMPONENT, before=before)
    return nlp
