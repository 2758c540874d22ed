"""Character or token spans as half-open ``(start, end)`` pairs: is a position inside one, does a range
overlap one. Spans may be any iterable (a generator is consumed)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

Span = tuple[int, int]


def inside(position: int, spans: Iterable[Span]) -> bool:
    """``position`` lies in one of ``spans`` (``start <= position < end``)."""
    return any(start <= position < end for start, end in spans)


def overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    """The range ``[start, end)`` shares at least one position with one of ``spans``."""
    return any(start < e and s < end for s, e in spans)


class SpanIndex:
    """``inside`` for many queries over the same spans: sorted starts and the running maximum of their ends
    make each query a bisection, where ``inside`` scans every span (quadratic over a quote-dense article)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to each one
        for _, end in ordered:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def covers(self, position: int) -> bool:
        """``position`` lies in one of the spans (``start <= position < end``), as ``inside`` says."""
        i = bisect_right(self._starts, position)
        return i > 0 and self._reach[i - 1] > position
