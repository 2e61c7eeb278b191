"""Terminology: contested-term lexicons, quotation voice and distinctive terms between groups."""

from .contested import ContestedTerm, ContestedTerms
from .distinctive import distinctive_terms, term_counts
from .voice import RangeIndex, quote_ranges

__all__ = ["ContestedTerm", "ContestedTerms", "RangeIndex", "distinctive_terms", "quote_ranges", "term_counts"]
