"""Listing stored events with filters: type, mode, actor, country, place, date range, factuality."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, or_, select

from .tables import actors, articles, events

ISO_DATE_LENGTH = 10


@dataclass(frozen=True)
class EventQuery:
    """What ``wirecoder events`` filters on; empty fields do not filter."""

    types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    factualities: tuple[str, ...] = ()
    actor: str | None = None  # an actor id, or part of its name (actor or recipient)
    country: str | None = None  # ISO alpha-3: of the actor, the recipient or the location
    place: str | None = None  # part of the location's name
    since: str | None = None  # ISO date: events whose date may fall on or after it
    until: str | None = None  # ISO date: events whose date may fall on or before it
    article: str | None = None
    limit: int | None = None


def _day(value: str, *, last: bool) -> str:
    """"2023-12" -> 2023-12-01 (or the 31st with ``last``): ranges compare whole days."""
    from ..timex.calendar import value_bounds

    first_day, last_day = value_bounds(value)
    bound = last_day if last else first_day
    if bound is None or len(bound) != ISO_DATE_LENGTH:
        raise ValueError(f"not an ISO date, month or year: {value!r}")
    return bound


def select_events(conn: Connection, query: EventQuery) -> list[dict[str, Any]]:
    """Matching events, by article date then position, each as its Document JSON plus ``article_id``
    and ``article_date``."""
    actor_table = actors.alias("actor")
    recipient_table = actors.alias("recipient")
    stmt = (select(events.c.data, articles.c.id.label("article_id"), articles.c.date.label("article_date"))
            .join(articles, articles.c.pk == events.c.article_pk)
            .outerjoin(actor_table, actor_table.c.id == events.c.actor_id)
            .outerjoin(recipient_table, recipient_table.c.id == events.c.recipient_id))
    conditions: list[ColumnElement[bool]] = []
    if query.types:
        conditions.append(events.c.type.in_([t.upper() for t in query.types]))
    if query.modes:
        conditions.append(events.c.mode.in_(query.modes))
    if query.factualities:
        conditions.append(events.c.factuality.in_(query.factualities))
    if query.actor:
        pattern = f"%{query.actor}%"
        conditions.append(or_(events.c.actor_id == query.actor, events.c.recipient_id == query.actor,
                              actor_table.c.name.ilike(pattern), recipient_table.c.name.ilike(pattern)))
    if query.country:
        pattern = f"%{query.country.upper()}%"
        conditions.append(or_(events.c.actor_country.like(pattern), events.c.recipient_country.like(pattern),
                              events.c.country.like(pattern)))
    if query.place:
        pattern = f"%{query.place}%"
        conditions.append(or_(events.c.location.ilike(pattern), events.c.location_text.ilike(pattern)))
    if query.since:
        conditions.append(events.c.date_end >= _day(query.since, last=False))
    if query.until:
        conditions.append(events.c.date_start <= _day(query.until, last=True))
    if query.article:
        conditions.append(articles.c.id == query.article)
    if conditions:
        stmt = stmt.where(and_(*conditions))
    stmt = stmt.order_by(articles.c.date, articles.c.id, events.c.evidence_start)
    if query.limit:
        stmt = stmt.limit(query.limit)
    return [{**dict(row.data), "article_id": row.article_id, "article_date": row.article_date}
            for row in conn.execute(stmt)]
