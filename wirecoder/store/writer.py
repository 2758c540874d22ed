"""The Store: idempotent writes of Documents (by content hash) and the read queries of the CLI.

Writing an article is one transaction: a new article is inserted with all its annotations; a changed
one (same id, other content hash) has its annotations deleted and written anew; an unchanged one is
left as it is. SQLite has one writer at a time: a second one waits for the lock (busy timeout); readers go on
reading through WAL. On either database a write that loses a race is retried and then sees the winner's row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, OperationalError

from ..annotations import Event, EventRole
from ..core.time_value import TimeValue
from ..document import Document
from ..errors import StoreError
from .database import open_engine, write_transaction
from .event_query import EventQuery, select_events
from .tables import (
    ANNOTATION_TABLES,
    actors,
    article_actors,
    articles,
    event_data,
    events,
    mentions,
    places,
    quotes,
    timexes,
)

WriteOutcome = Literal["added", "replaced", "unchanged"]
WRITE_ATTEMPTS = 3


@dataclass
class IngestResult:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0

    def count(self, outcome: WriteOutcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


class Store:
    def __init__(self, url: str, *, read_only: bool = False) -> None:
        """``read_only``: the caller only reads, so a SQLite file it cannot write is opened read-only."""
        self.url = url
        self.engine = open_engine(url, read_only=read_only)

    def close(self) -> None:
        self.engine.dispose()  # idempotent

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def stored_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """Content hashes of the given article ids that are already stored."""
        ids = list(ids)
        if not ids:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.content_hash).where(articles.c.id.in_(ids)))
            return {r.id: r.content_hash for r in rows}

    def write(self, doc: Document, content_hash: str) -> WriteOutcome:
        """Store one article and its annotations in one transaction. With concurrent writers a race on the same
        article, a deadlock on shared actors (PostgreSQL) or a lock held past the busy timeout (SQLite) is
        retried: the retry sees the other's row."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                return self._write_once(doc, content_hash)
            except (IntegrityError, OperationalError) as exc:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise StoreError(f"cannot write article {doc.id!r} to {self.url}: {exc.orig}") from None
        raise AssertionError("unreachable")

    def _write_once(self, doc: Document, content_hash: str) -> WriteOutcome:
        with write_transaction(self.engine) as conn:
            row = conn.execute(select(articles.c.pk, articles.c.content_hash)
                               .where(articles.c.id == doc.id)).first()
            if row is not None and row.content_hash == content_hash:
                return "unchanged"
            values = dict(id=doc.id, content_hash=content_hash, date=doc.date, date_precision=doc.date_precision,
                          title=doc.title, source=doc.source, url=doc.url,
                          dateline=doc.dateline.place if doc.dateline else None, text=doc.text,
                          document=doc.to_dict(), ingested_at=dt.datetime.now(dt.UTC))
            if row is None:
                inserted = conn.execute(insert(articles).values(**values)).inserted_primary_key
                assert inserted is not None
                pk = inserted[0]
            else:
                pk = row.pk
                for table in ANNOTATION_TABLES:
                    conn.execute(delete(table).where(table.c.article_pk == pk))
                conn.execute(articles.update().where(articles.c.pk == pk).values(**values))
            self._write_annotations(conn, pk, doc)
            return "added" if row is None else "replaced"

    def _upsert_actors(self, conn: Connection, doc: Document) -> None:
        # In id order: concurrent writers then lock shared actors in the same order and cannot deadlock.
        rows = [dict(id=a.id, name=a.name, type=a.type, country=None if a.type == "person" else a.country,
                     qid=a.qid) for a in sorted(doc.actors, key=lambda a: a.id)]
        if not rows:
            return
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        stmt = dialect.insert(actors).values(rows)
        # First writer wins: a canonical actor's name and type come from the dictionary, not the article.
        conn.execute(stmt.on_conflict_do_nothing(index_elements=["id"]))

    def _write_annotations(self, conn: Connection, pk: int, doc: Document) -> None:
        self._upsert_actors(conn, doc)
        if doc.actors:
            conn.execute(insert(article_actors), [
                dict(article_pk=pk, actor_id=a.id, role=a.role, country=a.country, affiliation=a.affiliation,
                     mention_count=len(a.mentions)) for a in doc.actors])
        rows: list[dict[str, Any]] = [
            dict(article_pk=pk, start=e.start, end=e.end, text=e.text, label=e.label, actor_id=e.actor,
                 metonymy=e.metonymy, repeat=e.repeat) for e in doc.entities]
        spans = {(e.start, e.end) for e in doc.entities}
        rows += [dict(article_pk=pk, start=m.start, end=m.end, text=m.text, label="NOMINAL", actor_id=a.id,
                      metonymy=False, repeat=m.repeat)
                 for a in doc.actors for m in a.mentions if (m.start, m.end) not in spans]
        if rows:
            conn.execute(insert(mentions), rows)
        self._write_later_annotations(conn, pk, doc)

    def _write_later_annotations(self, conn: Connection, pk: int, doc: Document) -> None:
        """Rows for the time, places, quotes and events stages, in the fields their issues define."""
        if doc.timexes:
            conn.execute(insert(timexes), [dict(article_pk=pk, start=t.start, end=t.end, text=t.text, type=t.type,
                                                value=_text(t.value), mod=t.mod, earliest=t.earliest,
                                                latest=t.latest, precision=t.precision, anchor=t.anchor,
                                                period=_text(t.period))
                                           for t in doc.timexes])
        if doc.places:
            conn.execute(insert(places), [dict(article_pk=pk, start=p.start, end=p.end, text=p.text, name=p.name,
                                               country=p.country, kind=p.kind, lat=p.lat, lon=p.lon,
                                               geonames_id=p.geonames_id, precision=p.precision)
                                          for p in doc.places])
        if doc.quotes:
            conn.execute(insert(quotes), [dict(article_pk=pk, start=q.start, end=q.end, kind=q.kind,
                                               speaker_id=q.speaker.actor if q.speaker else None,
                                               speaker_start=q.speaker.start if q.speaker else None,
                                               speaker_end=q.speaker.end if q.speaker else None, data=q.to_dict())
                                          for q in doc.quotes])
        if doc.events:
            inserted = conn.execute(insert(events).returning(events.c.pk, sort_by_parameter_order=True),
                                    [_event_row(pk, e) for e in doc.events]).scalars().all()
            conn.execute(insert(event_data), [dict(event_pk=event_pk, data=e.to_dict())
                                              for event_pk, e in zip(inserted, doc.events, strict=True)])

    # -- reading -------------------------------------------------------------------------------

    def document(self, article_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            doc = conn.execute(select(articles.c.document).where(articles.c.id == article_id)).scalar()
            return dict(doc) if doc is not None else None

    def events(self, query: EventQuery) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return select_events(conn, query)

    def stats(self) -> dict[str, Any]:
        """Row counts, date range, and the most mentioned actors."""
        with self.engine.connect() as conn:
            counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                      for t in (articles, actors, mentions, events, quotes, places, timexes)}
            first, last = conn.execute(select(func.min(articles.c.date), func.max(articles.c.date))).one()
            type_rows = conn.execute(select(actors.c.type, func.count()).group_by(actors.c.type)).all()
            by_type: dict[str, int] = {row[0]: row[1] for row in type_rows}
            event_rows = conn.execute(select(events.c.type, func.count()).group_by(events.c.type)
                                      .order_by(func.count().desc(), events.c.type)).all()
            top = conn.execute(
                select(actors.c.name, actors.c.type, func.count(article_actors.c.article_pk).label("n"))
                .join(article_actors, article_actors.c.actor_id == actors.c.id)
                .group_by(actors.c.id, actors.c.name, actors.c.type)
                .order_by(func.count(article_actors.c.article_pk).desc(), actors.c.name).limit(10)).all()
        return {"counts": counts, "dates": [first, last], "actor_types": by_type,
                "event_types": {row[0]: row[1] for row in event_rows},
                "top_actors": [{"name": r.name, "type": r.type, "articles": r.n} for r in top]}


def _text(value: TimeValue | None) -> str | None:
    return str(value) if value is not None else None


def _event_row(pk: int, e: Event) -> dict[str, Any]:
    actor, recipient, location = e.actor or EventRole(), e.recipient or EventRole(), e.location or EventRole()
    date_start, date_end = e.date.bounds() if e.date is not None else (None, None)
    return dict(article_pk=pk, type=e.type, mode=e.mode, actor_id=actor.actor, recipient_id=recipient.actor,
                location=location.name, location_text=location.text, country=location.country, lat=location.lat,
                lon=location.lon, geo_precision=location.geo_precision, actor_country=actor.country,
                recipient_country=recipient.country, date=_text(e.date), date_start=date_start, date_end=date_end,
                count=e.count, killed=e.killed, injured=e.injured, factuality=e.factuality,
                evidence_start=e.evidence.start, evidence_end=e.evidence.end,
                trigger_start=e.trigger.start if e.trigger else None,
                trigger_end=e.trigger.end if e.trigger else None,
                cameo=e.cameo, acled_event_type=e.acled_event_type, acled_sub_event_type=e.acled_sub_event_type)
