"""The clause layer: who speaks and who acts in each clause of an article (``Clauses``), shared by the quotes
and events stages, which never import each other."""

from __future__ import annotations

from .boundaries import LONG_QUE_WINDOW, SENTENCE_ENDS
from .layer import OBJECT_DEPS, Clauses
from .lexicon import ClauseLexicon, Cue
from .marks import Quoted, quoted_spans, trimmed
from .speakers import Speaker, is_role
from .subjects import CLOSING_MARKS, DASHES, OPENING_MARKS, non_finite, pronominal

__all__ = [
    "CLOSING_MARKS",
    "COMPLEMENT_DEPS",
    "DASHES",
    "LONG_QUE_WINDOW",
    "OBJECT_DEPS",
    "OPENING_MARKS",
    "SENTENCE_ENDS",
    "ClauseLexicon",
    "Clauses",
    "Cue",
    "Quoted",
    "Speaker",
    "is_role",
    "non_finite",
    "pronominal",
    "quoted_spans",
    "trimmed",
]
