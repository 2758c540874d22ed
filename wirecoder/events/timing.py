"""When: the time expression of the event's own clause, else the publication date at month precision.

The time stage already resolved each expression, and gives "depuis le 17 octobre" its interval
(``period``: 2023-10-17/2023-12); an event takes the expression attached to its trigger in the parse,
else the nearest one in its sentence that no other trigger holds.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from ..timex.calendar import value_bounds
from .model import Span

ATTACH_STEPS = 4  # from a time expression up the parse to the trigger it dates
DATED_TYPES = ("DATE", "TIME")
STORY_DAYS = 7  # how far before a dated article the day its story is told at may lie


def publication_period(date: str | None, precision: str | None) -> str | None:
    """What an undated event's date can be said to be: the publication month (or year)."""
    if not date:
        return None
    return date[:4] if precision == "year" else date[:7]


def story_day(timexes: list[dict[str, Any]], date: str | None, precision: str | None) -> str | None:
    """The day the news is told at: the day the article names most often (first named on a tie) among
    those of the last STORY_DAYS days up to the publication date ("ce mercredi", "jeudi 26 avril")."""
    if not date:
        return None
    last = value_bounds(date)[1]
    if last is None:
        return None
    end = dt.date.fromisoformat(last)
    first = value_bounds(date)[0] or last
    start = end - dt.timedelta(days=STORY_DAYS) if precision == "day" else dt.date.fromisoformat(first)
    days = [t["value"][:10] for t in timexes if t["type"] in DATED_TYPES and t.get("value")]
    days = [d for d in days if _is_day(d) and start <= dt.date.fromisoformat(d) <= end]
    if not days:
        return None
    counts = Counter(days)
    return max(days, key=lambda d: (counts[d], -days.index(d)))


def day_told_before(timexes: list[dict[str, Any]], position: int) -> str | None:
    """The last day named before ``position``: the day a sentence that says "plus tard" or "dans le même
    temps" goes on telling (the time stage's own story day, as French TimeBank reads it)."""
    days = [t["value"][:10] for t in timexes
            if t["type"] in DATED_TYPES and t.get("value") and t["end"] <= position and _is_day(t["value"][:10])]
    return days[-1] if days else None


def _is_day(value: str) -> bool:
    """An ISO calendar day, YYYY-MM-DD (Python also reads weeks, "2020-W21", as days)."""
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


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


def event_date(anchors: set[int], others: set[int], sentence: Any, timexes: list[dict[str, Any]]
               ) -> tuple[str, Span] | None:
    """The date of a trigger (its token and its verb: ``anchors``) among the sentence's time expressions;
    ``others`` are the tokens of the sentence's other triggers, which keep their own dates."""
    doc = sentence.doc
    best: tuple[int, int, dict[str, Any]] | None = None
    for t in timexes:
        value = t.get("period") or t.get("value")
        if t["type"] not in DATED_TYPES or not value or not sentence.start_char <= t["start"] < sentence.end_char:
            continue
        if None in value_bounds(_as_event_date(t)):
            continue  # "actuellement" PRESENT_REF: no date to give
        span = doc.char_span(t["start"], t["end"], alignment_mode="expand")
        if span is None:
            continue
        chain = _chain(span.root, ATTACH_STEPS + 2 if phrase_of(span.root, anchors) else ATTACH_STEPS)
        attached = next((i for i in chain if i in anchors or i in others), None)
        if attached is not None and attached in others:
            continue  # "quatre jours avant les premières frappes ..., le 19 mars": the strikes' date
        if attached is None and span.root.head.pos_ in ("NOUN", "PROPN") and span.root.head.i != span.root.i:
            continue  # "sa campagne présidentielle de 2007": the date of a thing, not of this event
        distance = min(abs(span.root.i - a) for a in anchors)
        rank = (0 if attached is not None else 1, distance)
        if best is None or rank < best[:2]:
            best = (*rank, t)
    if best is None:
        return None
    t = best[2]
    return _as_event_date(t), Span(t["start"], t["end"])


def _as_event_date(t: dict[str, Any]) -> str:
    """A time expression's value as an event date: an ISO day, month, year or interval of them. A time of
    day is its day ("lundi soir" 2019-11-25TEV); a week or a season is its month when it lies in one
    ("la semaine dernière" 2017-W07 -> 2017-02), else the interval of its days."""
    value: str = t.get("period") or t["value"]
    if "T" in value and "/" not in value:
        return value.split("T")[0]
    if value_bounds(value) != (None, None) or not (t.get("earliest") and t.get("latest")):
        return value
    first, last = t["earliest"][:10], t["latest"][:10]
    return first[:7] if first[:7] == last[:7] else f"{first}/{last}"

