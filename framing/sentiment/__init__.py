"""Target-dependent sentiment: the sentiment of a text toward one mention, not its mood."""

from .api import BACKENDS, TargetSentiment, score_targets, sentiment_toward, sentiment_toward_many

__all__ = ["BACKENDS", "TargetSentiment", "score_targets", "sentiment_toward", "sentiment_toward_many"]
