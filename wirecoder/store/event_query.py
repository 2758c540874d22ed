"""Selecting stored events with filters (type, mode, actor, country, place, date range, factuality), sorted and
paged: one set of filters for the CLI, the API, the aggregates and the exports."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, FromClause, Select, and_, func, or_, select

from ..annotations import Event
from ..core.time_value import TimeValue
from ..errors import InvalidParameter
from .tables import actors, articles, event_data, events

ISO_DATE_LENGTH = 10

# Orders of the event list; each ends on the article and the offset, so pages never overlap, and the date
# orders follow the index ix_events_date_order (forwards or backwards), so a deep page is not a sort.
SORTS: dict[str, tuple[Any, ...]] = {
    # Undated first going forwards, last going backwards, in every database (SQLite's own order; PostgreSQL's
    # default is the other way round).
    "article": (articles.c.date.asc().nulls_first(), articles.c.id, events.c.evidence_start, events.c.pk),
    "date": (events.c.date_start.asc().nulls_first(), events.c.article_pk, events.c.evidence_start, events.c.pk),
    "-date": (events.c.date_start.desc().nulls_last(), events.c.article_pk.desc(), events.c.evidence_start.desc(),
              events.c.pk.desc()),
    "type": (events.c.type, events.c.date_start.asc().nulls_first(), events.c.article_pk, events.c.evidence_start,
             events.c.pk),
}


@dataclass(frozen=True, kw_only=True)
class EventQuery:
    """What the event filters select; empty fields do not filter."""

    types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    factualities: tuple[str, ...] = ()
    actor: str | None = None  # an actor id, or part of its name (actor or recipient)
    actor_id: str | None = None  # exactly this actor, as actor or recipient
    country: str | None = None  # ISO alpha-3: of the actor, the recipient or the location
    place: str | None = None  # part of the location's name
    since: str | None = None  # ISO date: events whose date may fall on or after it
    until: str | None = None  # ISO date: events whose date may fall on or before it
    article: str | None = None
    limit: int | None = None
    offset: int = 0
    sort: str = "article"

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise InvalidParameter("sort", f"unknown order {self.sort!r}; known: {', '.join(SORTS)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value:
                day_bound(value, last=name == "until", field=name)

    def page(self, number: int, size: int) -> EventQuery:
        return replace(self, limit=size, offset=(number - 1) * size)


def day_bound(value: str, *, last: bool, field: str = "date") -> str:
    """"2023-12" -> 2023-12-01 (or the 31st with ``last``): ranges compare whole days."""
    first_day, last_day = TimeValue.parse(value).bounds()
    bound = last_day if last else first_day
    if bound is None or len(bound) != ISO_DATE_LENGTH:
        raise InvalidParameter(field, f"not an ISO date, month or year: {value!r}")
    return bound


def filtered(query: EventQuery) -> tuple[FromClause, list[ColumnElement[bool]]]:
    """The events (joined to their article only when filtering on it) and the conditions of ``query``."""
    source: FromClause = events
    conditions: list[ColumnElement[bool]] = []
    if query.types:
        conditions.append(events.c.type.in_([t.upper() for t in query.types]))
    if query.modes:
        conditions.append(events.c.mode.in_(query.modes))
    if query.factualities:
        conditions.append(events.c.factuality.in_(query.factualities))
    if query.actor:
        # The few actors that match, looked up once, rather than a name test on every event.
        named = select(actors.c.id).where(or_(actors.c.id == query.actor, actors.c.name.ilike(f"%{query.actor}%")))
        conditions.append(or_(events.c.actor_id.in_(named), events.c.recipient_id.in_(named)))
    if query.actor_id:
        conditions.append(or_(events.c.actor_id == query.actor_id, events.c.recipient_id == query.actor_id))
    if query.country:
        pattern = f"%{query.country.upper()}%"
        conditions.append(or_(events.c.actor_country.like(pattern), events.c.recipient_country.like(pattern),
                              events.c.country.like(pattern)))
    if query.place:
        pattern = f"%{query.place}%"
        conditions.append(or_(events.c.location.ilike(pattern), events.c.location_text.ilike(pattern)))
    if query.since:
        conditions.append(events.c.date_end >= day_bound(query.since, last=False))
    if query.until:
        conditions.append(events.c.date_start <= day_bound(query.until, last=True))
    if query.article:
        source = events.join(articles, articles.c.pk == events.c.article_pk)
        conditions.append(articles.c.id == query.article)
    return source, conditions


def _listing(query: EventQuery) -> Select[Any]:
    source, conditions = filtered(query)
    if not query.article:
        source = source.join(articles, articles.c.pk == events.c.article_pk)
    source = source.join(event_data, event_data.c.event_pk == events.c.pk)
    stmt = (select(events.c.pk, event_data.c.data, articles.c.id.label("article_id"),
                   articles.c.date.label("article_date"), articles.c.title.label("article_title"),
                   articles.c.url.label("article_url"))
            .select_from(source).where(and_(True, *conditions)).order_by(*SORTS[query.sort]))
    if query.limit:
        stmt = stmt.limit(query.limit)
    if query.offset:
        stmt = stmt.offset(query.offset)
    return stmt


@dataclass(slots=True, kw_only=True)
class StoredEvent:
    """A stored event, typed, with its row id and its article's fields (what the exports read)."""

    event: Event
    id: int
    article_id: str
    article_date: str | None = None
    article_title: str | None = None
    article_url: str | None = None

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> StoredEvent:
        """From an event as ``select_events`` gives it: its Document JSON plus the article's fields."""
        return cls(event=Event.from_dict(item), id=item["id"], article_id=item["article_id"],
                   article_date=item.get("article_date"), article_title=item.get("article_title"),
                   article_url=item.get("article_url"))

    def to_dict(self) -> dict[str, Any]:
        return {**self.event.to_dict(), "id": self.id, "article_id": self.article_id,
                "article_date": self.article_date, "article_title": self.article_title,
                "article_url": self.article_url}


def _item(row: Any) -> dict[str, Any]:
    return {**dict(row.data), "id": row.pk, "article_id": row.article_id, "article_date": row.article_date,
            "article_title": row.article_title, "article_url": row.article_url}


def select_events(conn: Connection, query: EventQuery) -> list[dict[str, Any]]:
    """Matching events, each as its Document JSON plus ``id``, ``article_id``, ``article_date``,
    ``article_title`` and ``article_url``."""
    return [_item(row) for row in conn.execute(_listing(query))]


def iter_events(conn: Connection, query: EventQuery) -> Iterator[StoredEvent]:
    """The same, typed and streamed from the database (exports of any size in constant memory)."""
    for row in conn.execution_options(stream_results=True, yield_per=1000).execute(_listing(query)):
        yield StoredEvent.from_item(_item(row))


def count_events(conn: Connection, query: EventQuery) -> int:
    source, conditions = filtered(query)
    return conn.execute(select(func.count()).select_from(source).where(and_(True, *conditions))).scalar_one()
