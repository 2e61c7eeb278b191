"""Rebuild framing/data/attribution_cues.tsv from the PolNeAR training split.

    python benchmarks/build_attribution_lexicon.py [--data ../shared/data/polnear] [--out framing/data/attribution_cues.tsv]

For every gold cue the head token is found (its last verb, else its last word); for every
(lemma, coarse POS) the script counts how many gold cues it heads (``n_cue``) and how often
it occurs in the training texts (``n_total``). Entries heading at least two cues are kept.
Deterministic: same data and spaCy pipeline, same file.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _polnear  # noqa: E402

import framing  # noqa: E402
from framing.attribution.extract import coarse_pos  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "framing" / "data" / "attribution_cues.tsv"
HEADER = """# Attribution cue lexicon: lemmas that head attribution cues ("said", "according to", "believes").
# Source: learned from the training split of PolNeAR (Newell, Margolin & Ruths, LREC 2018,
# "An Attribution Relations Corpus for Political News"), github networkdynamics/PolNeAR; the
# corpus states no data license (research use). This file holds counts only, no text.
# Built by: python benchmarks/build_attribution_lexicon.py (pipeline: {model})
# Columns: lemma, pos (VERB|NOUN|ADP|OTHER), n_cue (gold cues it heads), n_total (occurrences in train)
"""


def cue_head(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if span.text.lower().startswith("according"):
        return span[0]
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.lemma_ != "be"]
    if verbs:
        return max(verbs, key=lambda t: (t.dep_ == "ROOT", -abs(t.i - span.root.i)))
    return span.root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=_polnear.ROOT)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    articles = _polnear.load("train", args.data)
    if not articles:
        print(f"no PolNeAR training data under {args.data}", file=sys.stderr)
        return 2
    nlp = framing.load_pipeline()
    n_cue: Counter = Counter()
    n_total: Counter = Counter()
    for art, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=32)):
        for tok in doc:
            n_total[(tok.lemma_.lower(), coarse_pos(tok))] += 1
        for att in art.attributions:
            head = cue_head(doc, att.cue[0][0], att.cue[-1][1])
            if head is not None:
                n_cue[(head.lemma_.lower(), coarse_pos(head))] += 1
    rows = sorted(((k, c, n_total[k]) for k, c in n_cue.items() if c >= 2), key=lambda r: (-r[1], r[0]))
    lines = [HEADER.format(model=framing.pipeline.pipeline_name(nlp)), "lemma\tpos\tn_cue\tn_total"]
    lines += [f"{lemma}\t{pos}\t{c}\t{max(t, c)}" for (lemma, pos), c, t in rows if "\t" not in lemma and lemma.strip()]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} cue lemmas to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
