"""Character or token spans as half-open ``(start, end)`` pairs: is a position inside one, does a range
overlap one. Spans may be any iterable (a generator is consumed)."""

from __future__ import annotations

from collections.abc import Iterable

Span = tuple[int, int]


def inside(position: int, spans: Iterable[Span]) -> bool:
    """``position`` lies in one of ``spans`` (``start <= position < end``)."""
    return any(start <= position < end for start, end in spans)


def overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    """The range ``[start, end)`` shares at least one position with one of ``spans``."""
    return any(start < e and s < end for s, e in spans)
