"""Where: the places of the event's sentence (from the places stage), nearest the trigger, with the
places coordinated with them ("en Irak et en Syrie"); else, flagged as inferred, where the article is."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..annotations import Place
from ..core.spans import inside
from ..core.text import strip_accents_lower
from .lexicon import EventLexicon
from .model import Role

COORDINATION_CHARS = 25  # "en Irak, mais aussi en Syrie": places this close belong to one location


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    name: str | None  # None for a place the gazetteer does not know
    country: str | None
    point: tuple[float, float, int | None] | None = None  # lat, lon and geo precision, when geocoded


def _point(place: Place) -> tuple[float, float, int | None] | None:
    if place.lat is None or place.lon is None:
        return None
    return place.lat, place.lon, place.precision


def place_mentions(places: list[Place]) -> list[PlaceMention]:
    found = [PlaceMention(s, e, p.name, p.country, _point(p)) for p in places for s, e in p.spans()]
    return sorted(found, key=lambda m: m.start)


def _joined(values: list[str | None]) -> str | None:
    kept = list(dict.fromkeys(v for v in values if v))
    return "; ".join(kept) if kept else None


def _locative_before(text: str, start: int, lex: EventLexicon) -> bool:
    words = text[max(0, start - 12):start].split()
    return any(lex.has("locative", w) for w in words[-2:])


def locate(text: str, scope: tuple[int, int] | list[tuple[int, int]], trigger: int, mentions: list[PlaceMention],
           lex: EventLexicon) -> Role | None:
    """The location said in ``scope`` (a sentence's range, or the ranges of a clause's words)."""
    ranges = [scope] if isinstance(scope, tuple) else scope
    said = [m for m in mentions if inside(m.start, ranges)]
    if not said:
        return None
    best = min(said, key=lambda m: (not _locative_before(text, m.start, lex), abs(m.start - trigger)))
    group = [best]
    for m in sorted(said, key=lambda m: abs(m.start - best.start)):
        if m in group:
            continue
        if any(0 <= m.start - g.end <= COORDINATION_CHARS or 0 <= g.start - m.end <= COORDINATION_CHARS
               for g in group) and _locative_before(text, m.start, lex):
            group.append(m)
    group.sort(key=lambda m: m.start)
    start, end = group[0].start, group[-1].end
    # One point per event, as ACLED gives: the place nearest the trigger.
    return Role(text[start:end], start, end, _joined([m.name for m in group]),
                _joined([m.country for m in group]), point=best.point)


def dateline_place(document: Any, mentions: list[PlaceMention]) -> PlaceMention | None:
    if document.dateline is None:
        return None
    key = strip_accents_lower(document.dateline.place)
    return next((m for m in mentions if strip_accents_lower(document.text[m.start:m.end]) == key), None)


def setting(document: Any, mentions: list[PlaceMention]) -> Role | None:
    """Where the article is, for an event that says nothing of its place: the dateline's place, else the
    place mentioned most often."""
    if not mentions:
        return None
    chosen = dateline_place(document, mentions)
    if chosen is None:
        counts = Counter(m.name for m in mentions)
        name = counts.most_common(1)[0][0]
        chosen = next(m for m in mentions if m.name == name)
    return Role(document.text[chosen.start:chosen.end], chosen.start, chosen.end, chosen.name, chosen.country,
                inferred=True, point=chosen.point)
