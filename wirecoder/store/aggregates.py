"""Event counts for timelines and maps: by day, ISO week or month, and by type, location country or actor;
and the map's points, one per geocoded place."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import Connection, and_, func, literal_column, select

from ..errors import InvalidParameter
from .event_query import EventQuery, filtered
from .tables import actors, events

PERIODS = ("day", "week", "month")
GROUPS = ("type", "country", "actor")
MONTH_CHARS = 7  # "2023-12" of "2023-12-08"


def _week(day: str) -> str:
    year, week, _ = dt.date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def event_counts(conn: Connection, query: EventQuery, by: str = "month", group: str = "type") -> dict[str, Any]:
    """``{"by", "group", "buckets": [{"period", "key", "label", "count"}], "undated"}``. An event is counted on
    its first possible day; one in two countries counts for each."""
    if by not in PERIODS:
        raise InvalidParameter("by", f"unknown period {by!r}; known: {', '.join(PERIODS)}")
    if group not in GROUPS:
        raise InvalidParameter("group", f"unknown dimension {group!r}; known: {', '.join(GROUPS)}")
    source, conditions = filtered(query)
    # Weeks are folded from days in Python: ISO weeks are not portable SQL.
    period = func.substr(events.c.date_start, 1, MONTH_CHARS) if by == "month" else events.c.date_start
    key: Any = {"type": events.c.type, "country": events.c.country, "actor": events.c.actor_id}[group]
    if conditions and conn.dialect.name == "sqlite":
        # "+type" keeps SQLite from walking the covering index in key order and fetching every filtered row
        # from the table by rowid (3x slower than one scan of the table).
        key = literal_column(f"+{events.name}.{key.name}")
    # Grouped by key then day, the order of the covering indexes (ix_events_*_day): no table rows are read.
    rows = conn.execute(select(period.label("period"), key.label("key"), func.count().label("n"))
                        .select_from(source).where(and_(True, *conditions)).group_by(key, period))
    counts: Counter[tuple[str, str | None]] = Counter()
    undated = 0
    for row in rows:
        if row.period is None:
            undated += row.n
            continue
        name = _week(row.period) if by == "week" else row.period
        keys = row.key.split("; ") if group == "country" and row.key else [row.key]
        for k in keys:
            counts[(name, k)] += row.n
    labels = _actor_names(conn, {k for _, k in counts if k}) if group == "actor" else {}
    buckets = [{"period": p, "key": k, "label": labels.get(k, k) if k else None, "count": n}
               for (p, k), n in sorted(counts.items(), key=lambda item: (item[0][0], item[0][1] or ""))]
    return {"by": by, "group": group, "buckets": buckets, "undated": undated}


def _actor_names(conn: Connection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return {r.id: r.name for r in conn.execute(select(actors.c.id, actors.c.name).where(actors.c.id.in_(ids)))}


def event_points(conn: Connection, query: EventQuery) -> list[dict[str, Any]]:
    """One point per geocoded location of the matching events, with its count and its counts by type."""
    source, conditions = filtered(query)
    rows = conn.execute(select(events.c.lat, events.c.lon, events.c.location, events.c.country, events.c.type,
                               func.count().label("n"))
                        .select_from(source).where(and_(events.c.lat.is_not(None), *conditions))
                        .group_by(events.c.lat, events.c.lon, events.c.type, events.c.location, events.c.country))
    points: dict[tuple[float, float], dict[str, Any]] = {}
    types: dict[tuple[float, float], Counter[str]] = defaultdict(Counter)
    for row in rows:
        where = (row.lat, row.lon)
        point = points.setdefault(where, {"lat": row.lat, "lon": row.lon, "name": row.location,
                                          "country": row.country, "count": 0})
        point["count"] += row.n
        types[where][row.type] += row.n
    return sorted(({**p, "types": dict(types[k])} for k, p in points.items()), key=lambda p: -p["count"])
