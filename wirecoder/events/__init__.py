"""Events: PLOVER event coding with roles, place, date, figures and factuality (docs/events.md)."""

from __future__ import annotations

from .coder import find_events
from .lexicon import PLOVER_MODES, PLOVER_TYPES
from .model import Event, Mention, Role, Span

__all__ = ["PLOVER_MODES", "PLOVER_TYPES", "Event", "Mention", "Role", "Span", "find_events"]
