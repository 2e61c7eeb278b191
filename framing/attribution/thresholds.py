"""Named thresholds of attribution extraction, in one place.

``DIRECT_SHARE``: a content with at least this share of its characters inside quotation
marks is a direct quotation (kind ``direct``); ``MIXED_SHARE``: with at least this share and
less than ``DIRECT_SHARE``, it is ``mixed`` (reported speech with quoted words). The cue
model's content feature (:mod:`.model`) reads the same two numbers, so changing them means
retraining the model (``benchmarks/train_attribution.py``).
"""

from __future__ import annotations

__all__ = ["DIRECT_SHARE", "MIXED_SHARE"]

DIRECT_SHARE = 0.85
MIXED_SHARE = 0.15
