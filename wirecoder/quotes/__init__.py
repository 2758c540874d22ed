"""Reported speech: direct, mixed and indirect quotes with their speaker and speech cue."""

from __future__ import annotations

from .finder import Quote, find_quotes
from .lexicon import Cue, QuoteLexicon
from .speakers import Speaker

__all__ = ["Cue", "Quote", "QuoteLexicon", "Speaker", "find_quotes"]
