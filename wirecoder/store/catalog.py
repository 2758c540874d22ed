"""Browsing what the store holds besides events: articles (full-text search), actors, quotes and places."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, desc, func, or_, select, text

from .event_query import EventQuery, day_bound, select_events
from .tables import ARTICLE_SEARCH_TABLE, actors, article_actors, articles, events, places, quotes

SNIPPET_CHARS = 240
DETAIL_ROWS = 100  # events, quotes and articles listed on one actor's page


@dataclass(frozen=True)
class Page:
    number: int = 1
    size: int = 50

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


def _fts_query(q: str) -> str:
    """A user's words as an FTS5 query: each word or "quoted phrase" must occur. Quoting every term keeps
    FTS5 operators and punctuation in the user's text from being read as syntax."""
    terms = re.findall(r'"([^"]+)"|(\S+)', q)
    words = [phrase or word for phrase, word in terms]
    return " ".join('"' + w.replace('"', "") + '"' for w in words if w.replace('"', "").strip())


def _article_search(conn: Connection, q: str) -> ColumnElement[bool]:
    if conn.dialect.name == "sqlite":
        match = text(f"articles.pk IN (SELECT rowid FROM {ARTICLE_SEARCH_TABLE} "
                     f"WHERE {ARTICLE_SEARCH_TABLE} MATCH :fts)").bindparams(fts=_fts_query(q))
        return match  # type: ignore[return-value]
    if conn.dialect.name == "postgresql":
        # The generated tsvector of migration 0005, French stemming; "a phrase" and -word as on the web.
        match = text("articles.search @@ websearch_to_tsquery('french', :fts)").bindparams(fts=q)
        return match  # type: ignore[return-value]
    # Other databases: every word in the title or the text, case-insensitively.
    return and_(*[or_(articles.c.title.ilike(f"%{w}%"), articles.c.text.ilike(f"%{w}%")) for w in q.split()])


def _snippet(body: str, q: str | None) -> str:
    """The text around the first word of the query found, else its beginning."""
    at = 0
    for word in (q or "").replace('"', " ").split():
        found = body.lower().find(word.lower())
        if found >= 0:
            at = max(0, found - SNIPPET_CHARS // 3)
            break
    piece = " ".join(body[at:at + SNIPPET_CHARS].split())
    return ("…" if at else "") + piece + ("…" if at + SNIPPET_CHARS < len(body) else "")


def search_articles(conn: Connection, page: Page, q: str | None = None, since: str | None = None,
                    until: str | None = None, source: str | None = None) -> dict[str, Any]:
    conditions: list[ColumnElement[bool]] = []
    if q and _fts_query(q):  # a query of quote marks alone searches nothing
        conditions.append(_article_search(conn, q))
    if since:
        # An article dated to a month or year that contains the first day may fall on or after it.
        first = day_bound(since, last=False, field="since")
        conditions.append(articles.c.date.in_([first[:7], first[:4]]) | (articles.c.date >= first))
    if until:
        conditions.append(articles.c.date <= day_bound(until, last=True, field="until"))
    if source:
        conditions.append(articles.c.source.ilike(f"%{source}%"))
    where = and_(True, *conditions)
    total = conn.execute(select(func.count()).select_from(articles).where(where)).scalar_one()
    event_count = select(func.count()).where(events.c.article_pk == articles.c.pk).scalar_subquery()
    quote_count = select(func.count()).where(quotes.c.article_pk == articles.c.pk).scalar_subquery()
    rows = conn.execute(select(articles.c.id, articles.c.date, articles.c.date_precision, articles.c.title,
                               articles.c.source, articles.c.url, articles.c.dateline,
                               func.substr(articles.c.text, 1, 4000).label("head"),
                               event_count.label("events"), quote_count.label("quotes"))
                        .where(where).order_by(articles.c.date.desc().nulls_last(), articles.c.id)
                        .limit(page.size).offset(page.offset))
    items = [{"id": r.id, "date": r.date, "date_precision": r.date_precision, "title": r.title,
              "source": r.source, "url": r.url, "dateline": r.dateline, "snippet": _snippet(r.head, q),
              "events": r.events, "quotes": r.quotes} for r in rows]
    return {"total": total, "page": page.number, "page_size": page.size, "items": items}


def _actor_counts() -> tuple[Any, Any]:
    article_count = (select(func.count()).where(article_actors.c.actor_id == actors.c.id)
                     .scalar_subquery().label("articles"))
    event_count = (select(func.count()).where(or_(events.c.actor_id == actors.c.id,
                                                  events.c.recipient_id == actors.c.id))
                   .scalar_subquery().label("events"))
    return article_count, event_count


def list_actors(conn: Connection, page: Page, q: str | None = None, kind: str | None = None,
                country: str | None = None) -> dict[str, Any]:
    conditions: list[ColumnElement[bool]] = []
    if q:
        conditions.append(or_(actors.c.name.ilike(f"%{q}%"), actors.c.id == q))
    if kind:
        conditions.append(actors.c.type == kind)
    if country:
        conditions.append(actors.c.country == country.upper())
    where = and_(True, *conditions)
    total = conn.execute(select(func.count()).select_from(actors).where(where)).scalar_one()
    article_count, event_count = _actor_counts()
    rows = conn.execute(select(actors, article_count, event_count).where(where)
                        .order_by(desc("articles"), actors.c.name).limit(page.size).offset(page.offset))
    return {"total": total, "page": page.number, "page_size": page.size,
            "items": [dict(r._mapping) for r in rows]}


def actor_detail(conn: Connection, actor_id: str) -> dict[str, Any] | None:
    article_count, event_count = _actor_counts()
    row = conn.execute(select(actors, article_count, event_count).where(actors.c.id == actor_id)).first()
    if row is None:
        return None
    recent = select_events(conn, EventQuery(actor_id=actor_id, sort="-date", limit=DETAIL_ROWS))
    said = list_quotes(conn, Page(1, DETAIL_ROWS), speaker_id=actor_id)["items"]
    listed = conn.execute(select(articles.c.id, articles.c.date, articles.c.title)
                          .join(article_actors, article_actors.c.article_pk == articles.c.pk)
                          .where(article_actors.c.actor_id == actor_id)
                          .order_by(articles.c.date.desc().nulls_last(), articles.c.id).limit(DETAIL_ROWS))
    fields = dict(row._mapping)
    fields["event_count"] = fields.pop("events")
    return {**fields, "events": recent, "quotes": said,
            "article_list": [dict(r._mapping) for r in listed]}


def list_quotes(conn: Connection, page: Page, speaker: str | None = None, q: str | None = None,
                article: str | None = None, speaker_id: str | None = None) -> dict[str, Any]:
    """Quotes by ``speaker`` (an actor id or part of the speaker's name) or exactly ``speaker_id``."""
    source = quotes.join(articles, articles.c.pk == quotes.c.article_pk)
    conditions: list[ColumnElement[bool]] = []
    if speaker_id:
        conditions.append(quotes.c.speaker_id == speaker_id)
    if speaker:
        speaker_actor = actors.alias("speaker")
        source = source.outerjoin(speaker_actor, speaker_actor.c.id == quotes.c.speaker_id)
        conditions.append(or_(quotes.c.speaker_id == speaker, speaker_actor.c.name.ilike(f"%{speaker}%")))
    if q:
        # The quote's words are a slice of the article's text.
        conditions.append(func.instr(func.lower(func.substr(articles.c.text, quotes.c.start + 1,
                                                            quotes.c.end - quotes.c.start)), q.lower()) > 0
                          if conn.dialect.name == "sqlite" else
                          func.substr(articles.c.text, quotes.c.start + 1, quotes.c.end - quotes.c.start)
                          .ilike(f"%{q}%"))
    if article:
        conditions.append(articles.c.id == article)
    where = and_(True, *conditions)
    total = conn.execute(select(func.count()).select_from(source).where(where)).scalar_one()
    rows = conn.execute(select(quotes.c.data, articles.c.id, articles.c.date, articles.c.title)
                        .select_from(source).where(where)
                        .order_by(articles.c.date.desc().nulls_last(), articles.c.id, quotes.c.start)
                        .limit(page.size).offset(page.offset))
    items = [{**dict(r.data), "article_id": r.id, "article_date": r.date, "article_title": r.title} for r in rows]
    return {"total": total, "page": page.number, "page_size": page.size, "items": items}


def list_places(conn: Connection, page: Page, q: str | None = None, country: str | None = None) -> dict[str, Any]:
    conditions: list[ColumnElement[bool]] = [places.c.name.is_not(None)]
    if q:
        conditions.append(or_(places.c.name.ilike(f"%{q}%"), places.c.text.ilike(f"%{q}%")))
    if country:  # one of a shared place's codes ("FRA; ESP; AND") counts too
        code = country.upper()
        conditions.append(or_(places.c.country == code, places.c.country.like(f"{code}; %"),
                              places.c.country.like(f"%; {code}"), places.c.country.like(f"%; {code}; %")))
    keys = (places.c.name, places.c.country, places.c.kind, places.c.lat, places.c.lon, places.c.geonames_id,
            places.c.precision)
    grouped = (select(*keys, func.count(func.distinct(places.c.article_pk)).label("articles"))
               .where(and_(*conditions)).group_by(*keys))
    total = conn.execute(select(func.count()).select_from(grouped.subquery())).scalar_one()
    rows = conn.execute(grouped.order_by(desc("articles"), places.c.name).limit(page.size).offset(page.offset))
    return {"total": total, "page": page.number, "page_size": page.size,
            "items": [dict(r._mapping) for r in rows]}
