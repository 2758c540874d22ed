"""Quotation marks: pair « », “ ” and straight quotes into quoted spans, paragraph by paragraph.

French wires open a quote that runs over paragraphs with « at the start of each paragraph and close it
only in the last one; each paragraph's part is then its own span. Straight quotes pair in order of
appearance. A mark that never closes yields a span to the end of its paragraph only when it opens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAIRS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
STRAIGHT = '"'
# The quoted words: inside the marks, without the spaces next to them (« Nous ... » -> Nous ...).
_INNER_SPACE = re.compile(r"^[\s\u00a0\u202f]*(.*?)[\s\u00a0\u202f]*$", re.DOTALL)


@dataclass(frozen=True)
class Quoted:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (end of paragraph for an unclosed one)
    start: int  # first character of the quoted words
    end: int  # end of the quoted words (exclusive)
    closed: bool

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.closed else self.close


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space at its ends."""
    inner = text[start:end]
    m = _INNER_SPACE.match(inner)
    assert m is not None
    return start + m.start(1), start + m.end(1)


def quoted_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[Quoted]:
    """Outermost quoted spans in reading order (inner quotes stay part of their outer quote)."""
    found: list[Quoted] = []
    for p_start, p_end in paragraphs:
        found += _in_paragraph(text, p_start, p_end)
    return found


def _in_paragraph(text: str, p_start: int, p_end: int) -> list[Quoted]:
    spans: list[Quoted] = []
    stack: list[tuple[str, int]] = []  # (expected closing mark, opening offset)
    straight_open: int | None = None
    first = _first_visible(text, p_start, p_end)
    straights = [i for i in range(p_start, p_end) if text[i] == STRAIGHT and not _looks_like_inch(text, i)]
    # An odd number of straight quotes whose first closes a quote begun before the paragraph (or sentence):
    # '... sans les moyens " , explique un rival .'
    orphan_close = straights[0] if len(straights) % 2 and _closes(text, straights[0]) else None
    closers = set(PAIRS.values())
    for i in range(p_start, p_end):
        ch = text[i]
        if stack and ch == stack[-1][0]:
            _, opened = stack.pop()
            if not stack and straight_open is None:
                spans.append(_span(text, opened, i, closed=True))
            continue
        if ch in closers and not stack and ch != "“" and i > first:  # closes a quote opened before the paragraph
            if not spans:
                spans.append(_span(text, first - 1, i, closed=True))
            continue
        if ch in PAIRS and not (ch == "“" and stack and stack[-1][0] == "“"):
            stack.append((PAIRS[ch], i))
            continue
        if ch == STRAIGHT and i in straights:
            role = _straight_role(text, i, p_start, p_end)
            if i == orphan_close:
                spans.append(_span(text, first - 1, i, closed=True))
            elif straight_open is None and role != "close":
                straight_open = i
            elif straight_open is not None and role == "open":
                straight_open = i  # the earlier one never closed: a stray mark, start again here
            elif straight_open is not None:
                if not stack:
                    spans.append(_span(text, straight_open, i, closed=True))
                straight_open = None
    opened_at = stack[0][1] if stack else straight_open
    if opened_at is not None and (opened_at == first or text[p_start:opened_at].rstrip().endswith(":")):
        spans.append(_span(text, opened_at, p_end, closed=False))  # runs on into the next paragraph
    return sorted(spans, key=lambda q: q.open)


def _straight_role(text: str, i: int, p_start: int, p_end: int) -> str | None:
    """Whether a straight quote can only open ('"Nous') or only close ('fin",') a quotation; None when
    spacing does not say (then quotes pair in order)."""
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    opens = (before.isspace() or before in "([{«“'-–—:/") and not after.isspace() and after not in ".,;!?)]}»"
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}»…")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return None


def _closes(text: str, i: int) -> bool:
    """A straight quote followed by a comma or full stop ends a quotation."""
    following = text[i + 1:i + 4].lstrip()
    return following[:1] in (",", ".", ";", "!", "?") or i + 1 >= len(text)


def _span(text: str, opened: int, close: int, *, closed: bool) -> Quoted:
    start, end = trimmed(text, opened + 1, close)
    return Quoted(opened, close, start, end, closed)


def _first_visible(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if not text[i].isspace():
            return i
    return end


def _looks_like_inch(text: str, i: int) -> bool:
    """12" or 5'10": a measure, not a quotation mark."""
    return i > 0 and text[i - 1].isdigit() and (i + 1 >= len(text) or not text[i + 1].isalpha())
