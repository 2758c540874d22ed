"""French time expressions: find them, give their TIMEX3 value, interval and precision (docs/time.md).

``find_timexes`` works on plain text and needs no model; the ``timex`` stage adds each clause's tense from
the spaCy parse. ``event_date`` is what the events stage uses to date an event.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core.time_value import TimeValue
from .resolve import Reference
from .tagger import Timex, find_timexes


def event_date(timex: Mapping[str, Any] | Timex) -> str | None:
    """The ISO 8601 date or interval an expression gives an event: ``2023-12-08``, ``2023-12``,
    ``2023-10-17/2023-12``; None for durations, sets, vague references and event-relative expressions."""
    get = timex.get if isinstance(timex, Mapping) else lambda k: getattr(timex, k)
    if get("anchor") == "event":
        return None
    period = get("period")
    return period if period and TimeValue.parse(period).earliest is not None else None


__all__ = ["Reference", "Timex", "event_date", "find_timexes"]
