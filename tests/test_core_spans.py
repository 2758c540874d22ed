"""``core.spans``: half-open spans, a position at the end of a span is outside it."""

from __future__ import annotations

import pytest

from wirecoder.core.spans import inside, overlaps

SPANS = [(3, 7), (10, 12)]


@pytest.mark.parametrize(("position", "expected"), [
    (2, False), (3, True), (6, True), (7, False), (9, False), (10, True), (11, True), (12, False)])
def test_inside(position: int, expected: bool) -> None:
    assert inside(position, SPANS) is expected


@pytest.mark.parametrize(("start", "end", "expected"), [
    (0, 3, False),   # ends where a span starts
    (0, 4, True),
    (7, 10, False),  # fills the gap exactly
    (6, 8, True),
    (4, 5, True),    # within
    (0, 20, True),   # around both
    (12, 15, False),
    (5, 5, True),    # an empty range strictly inside a span counts (no caller passes one)
])
def test_overlaps(start: int, end: int, expected: bool) -> None:
    assert overlaps(start, end, SPANS) is expected


def test_no_spans_and_generators() -> None:
    assert not inside(0, [])
    assert not overlaps(0, 10, ())
    assert inside(4, ((s, e) for s, e in SPANS))
