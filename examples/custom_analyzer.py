"""Write, register and use your own analyzer: hedging words per 100 words.

Hedges ("reportedly", "allegedly", "may", "could") signal distance from a claim. This
analyzer counts them from a small lexicon, separately in the narrator's words and inside
attributed content (it reads the built-in ``attribution`` section, so it declares it in
``requires`` and framing runs attribution first, on the same parse).

    python examples/custom_analyzer.py

To ship it in your own package instead, expose the class under the entry-point group
``framing.analyzers`` in your pyproject.toml::

    [project.entry-points."framing.analyzers"]
    hedging = "mypackage.hedging:HedgingAnalyzer"
"""

from __future__ import annotations

import framing
from framing.terminology import RangeIndex

HEDGES = frozenset(
    "reportedly allegedly apparently purportedly supposedly seemingly possibly perhaps maybe may might could "
    "likely unlikely unclear unconfirmed claim claims claimed suggest suggests suggested".split()
)


@framing.register_analyzer("hedging")
class HedgingAnalyzer(framing.BaseAnalyzer):
    """Hedging words per 100 words, in the narrator's voice and in attributed content."""

    name = "hedging"
    version = "1"
    requires = ("attribution",)

    def __init__(self, words: frozenset[str] = HEDGES):
        self.words = words

    def analyze(self, doc, context):
        attributed = RangeIndex([
            (item["content"]["start"], item["content"]["end"])
            for item in context.results["attribution"]["items"] if item["content"]
        ])
        tokens = [t for t in doc if t.is_alpha]
        hedges = [t for t in tokens if t.lower_ in self.words]
        narrator = [t for t in hedges if not attributed.covers(t.idx, t.idx + len(t))]
        n = len(tokens)
        return {
            "items": [context.span(t.idx, t.idx + len(t), voice="narrator" if t in narrator else "attributed")
                      for t in hedges],
            "metrics": {
                "hedges_per_100_words": 100 * len(hedges) / n if n else None,  # undefined for an empty text
                "narrator_hedges_per_100_words": 100 * len(narrator) / n if n else None,
            },
        }


def main() -> None:
    text = ("Haftar forces reportedly shelled the port on Tuesday. Officials said the attack may have killed "
            "three civilians, a claim that could not be independently confirmed.")
    profile = framing.analyze(text, analyzers=["readability", "hedging"])
    print("analyzers run:", list(profile.pipeline["analyzers"]))
    print("hedges:", [(h["text"], h["voice"]) for h in profile["hedging"]["items"]])
    print("features:", {k: round(v, 2) for k, v in profile.features().items() if k.startswith("hedging")})


if __name__ == "__main__":
    main()
