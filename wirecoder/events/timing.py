"""When: the time expression of the event's own clause, else the publication date at month precision.

The time stage already resolved each expression, and gives "depuis le 17 octobre" its interval
(``period``: 2023-10-17/2023-12); an event takes the expression attached to its trigger in the parse,
else the nearest one in its sentence that no other trigger holds.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..annotations import Timex
from ..core.dates import PublicationDate
from ..core.spans import inside
from ..core.time_value import TimeValue
from .model import Span

ATTACH_STEPS = 4  # from a time expression up the parse to the trigger it dates
DATED_TYPES = ("DATE", "TIME")
STORY_DAYS = 7  # how far before a dated article the day its story is told at may lie


def story_day(timexes: list[Timex], published: PublicationDate | None) -> TimeValue | None:
    """The day the news is told at: the day the article names most often (first named on a tie) among
    those of the last STORY_DAYS days up to the publication date ("ce mercredi", "jeudi 26 avril"), or
    among the days of its month or year when only those are known. One day for the whole article, unlike
    the time stage's running story day (``timex.tagger``: the last day named before an expression)."""
    if published is None:
        return None
    end = published.last
    start = end - dt.timedelta(days=STORY_DAYS) if published.precision == "day" else published.first
    days = [day for t in timexes if t.type in DATED_TYPES and (day := _day(t.value)) is not None]
    days = [d for d in days if start <= d <= end]
    if not days:
        return None
    counts = Counter(days)
    return TimeValue.parse(max(days, key=lambda d: (counts[d], -days.index(d))).isoformat())


def day_told_before(timexes: list[Timex], position: int, quoted: Sequence[tuple[int, int]] = ()
                    ) -> TimeValue | None:
    """The last day or month the narrative named before ``position``: the time a sentence that says "plus
    tard" or "dans le même temps" goes on telling (the time stage's own story day, as French TimeBank reads
    it). A bare year is too coarse to be the time just told, and a date inside quote marks is the speaker's."""
    told = [t.value.day_of() for t in timexes
            if t.type in DATED_TYPES and t.value is not None and t.end <= position
            and (_day(t.value) is not None or (t.value.precision == "month" and t.value.calendar))
            and not inside(t.start, quoted)]
    return told[-1] if told else None


def _day(value: TimeValue | None) -> dt.date | None:
    """The one day a value names, at day precision or finer ("2023-12-08", "2023-12-08TEV")."""
    return value.earliest if value is not None and value.one_day else None




def phrase_of(token: Any, anchors: set[int]) -> bool:
    """The token is inside the phrase of an anchor ("leur déploiement au Sahel en 2013")."""
    tok = token
    for _ in range(ATTACH_STEPS + 2):
        if tok.i in anchors:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _chain(token: Any, steps: int = ATTACH_STEPS) -> list[int]:
    found, tok = [], token
    for _ in range(steps):
        found.append(tok.i)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return found


def event_date(anchors: set[int], others: set[int], sentence: Any, timexes: list[Timex],
               quoted: Sequence[tuple[int, int]] = ()) -> tuple[TimeValue, Span] | None:
    """The date of a trigger (its token and its verb: ``anchors``) among the sentence's time expressions;
    ``others`` are the tokens of the sentence's other triggers, which keep their own dates. A date inside
    quote marks dates only a trigger inside the same marks ("tout en reconnaissant que « cette soirée ... »")."""
    doc = sentence.doc
    best: tuple[int, int, Timex] | None = None
    own_quote = [(s, e) for s, e in quoted if any(s <= doc[a].idx < e for a in anchors)][:1]
    triggers = anchors | others
    for t in timexes:
        value = t.period or t.value
        if t.type not in DATED_TYPES or value is None or not sentence.start_char <= t.start < sentence.end_char:
            continue
        if None in _as_event_date(t).day_range():
            continue  # "actuellement" PRESENT_REF: no date to give
        if inside(t.start, quoted) and not inside(t.start, own_quote):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        attached = _apposed_to(span, triggers)  # "avant les premières frappes ..., le 19 mars,": the strikes'
        if attached is None and span.start == sentence.start and span.end < sentence.end and \
                doc[span.end].text == "," and sentence.root.i in triggers:
            attached = sentence.root.i  # "Le 15 mars 2011, ..., la journaliste a rencontré": the main clause's
        if attached is None:
            chain = _chain(span.root, ATTACH_STEPS + 2 if phrase_of(span.root, anchors) else ATTACH_STEPS)
            attached = next((i for i in chain if i in triggers), None)
        if attached is None:
            attached = _sibling(span.root, anchors, others)
        if attached is not None and attached in others:
            continue  # "depuis l'attentat du Drakkar ... en 1983": another trigger's date
        if attached is None and span.root.head.pos_ in ("NOUN", "PROPN") and span.root.head.i != span.root.i:
            continue  # "sa campagne présidentielle de 2007": the date of a thing, not of this event
        distance = min(abs(span.root.i - a) for a in anchors)
        rank = (0 if attached is not None else 1, distance)
        if best is None or rank < best[:2]:
            best = (*rank, t)
    if best is None:
        return None
    t = best[2]
    return _as_event_date(t), Span(t.start, t.end)


def _sibling(root: Any, anchors: set[int], others: set[int]) -> int | None:
    """A trigger noun the date shares its head with, which the parser hung both on: "le début de leur
    déploiement au Sahel en 2013" (2013 and déploiement both on "début")."""
    head = root.head
    if head.i == root.i or head.pos_ not in ("NOUN", "PRON"):
        return None
    near = [c.i for c in head.children if c.i != root.i and (c.i in anchors or c.i in others)]
    return min(near, key=lambda i: abs(i - root.i)) if near else None


def _apposed_to(span: Any, triggers: set[int]) -> int | None:
    """The trigger noun whose phrase the date follows between commas, with no verb between ("avant les
    premières frappes occidentales sur la Libye, le 19 mars, ..."): the date is that noun's."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "," or doc[span.end].text != ",":
        return None
    before = doc[span.start - 2]
    for i in range(span.start - 2, max(span.sent.start, span.start - 10) - 1, -1):
        if doc[i].pos_ in ("VERB", "AUX") or doc[i].text in (",", ";", ":"):
            return None
        if i in triggers and doc[i].pos_ == "NOUN" and before.i in {t.i for t in doc[i].subtree}:
            return i
    return None


def _as_event_date(t: Timex) -> TimeValue:
    """A time expression's value as an event date: an ISO day, month, year or interval of them. A time of
    day is its day ("lundi soir" 2019-11-25TEV); a week or a season is its month when it lies in one
    ("la semaine dernière" 2017-W07 -> 2017-02), else the interval of its days."""
    value = t.period or t.value
    assert value is not None  # event_date looks only at expressions with a value
    if value.precision in ("part_of_day", "minute"):
        return value.day_of()
    if value.day_range() != (None, None) or not (t.earliest and t.latest):
        return value
    first, last = t.earliest[:10], t.latest[:10]
    return TimeValue.parse(first[:7] if first[:7] == last[:7] else f"{first}/{last}")
