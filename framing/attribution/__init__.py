"""Attribution extraction: cues, sources and contents of reported speech, quotes and beliefs."""

from .extract import Attribution, extract
from .lexicon import CueLexicon, default_lexicon

__all__ = ["Attribution", "CueLexicon", "default_lexicon", "extract"]
