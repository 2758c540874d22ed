"""Reported speech: direct, mixed and indirect quotes with their speaker and speech cue, over the clause layer."""

from __future__ import annotations

from .finder import find_quotes
from .model import SCOPES, Quote

__all__ = ["SCOPES", "Quote", "find_quotes"]
