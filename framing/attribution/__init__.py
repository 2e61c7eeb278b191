"""Attribution extraction: cues, sources and contents of reported speech, quotes and beliefs."""

from .extract import Attribution, extract
from .lexicon import CueLexicon, default_lexicon
from .model import CueModel, default_cue_model

__all__ = ["Attribution", "CueLexicon", "CueModel", "default_cue_model", "default_lexicon", "extract"]
