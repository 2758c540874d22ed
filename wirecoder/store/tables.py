"""The database schema (SQLAlchemy Core). Every annotation row keeps its character offsets into
``articles.text``; ``articles.document`` keeps the whole Document JSON for exact round-trips.

Changes to these tables go with an Alembic migration in ``migrations/versions``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _article_fk() -> Column[int]:
    return Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False,
                  index=True)


def _span() -> list[Column[int]]:
    return [Column("start", Integer, nullable=False), Column("end", Integer, nullable=False)]


articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True),
    Column("id", String(512), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False),
    Column("date", String(10)),
    Column("date_precision", String(8)),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("dateline", Text),
    Column("text", Text, nullable=False),
    Column("document", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("id", String(512), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("country", String(3)),
    Column("qid", String(32)),
)

# An actor as it appears in one article: a person's role and country are what that article says.
article_actors = Table(
    "article_actors", metadata,
    _article_fk(),
    Column("actor_id", String(512), ForeignKey("actors.id"), nullable=False, index=True),
    Column("role", Text),
    Column("country", String(3)),
    Column("affiliation", String(3)),
    Column("mention_count", Integer, nullable=False),
    UniqueConstraint("article_pk", "actor_id"),
)

mentions = Table(
    "mentions", metadata,
    Column("pk", Integer, primary_key=True),
    _article_fk(),
    *_span(),
    Column("text", Text, nullable=False),
    Column("label", String(16), nullable=False),  # PER, ORG, LOC, MISC, or NOMINAL (no named entity)
    Column("actor_id", String(512), ForeignKey("actors.id"), index=True),
    Column("metonymy", Boolean, nullable=False, default=False),
    Column("repeat", Boolean, nullable=False, default=False),
)

events = Table(
    "events", metadata,
    Column("pk", Integer, primary_key=True),
    _article_fk(),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("actor_id", String(512)),
    Column("recipient_id", String(512)),
    Column("location", Text),  # the location's name(s); location_text: the words of the article
    Column("location_text", Text),
    Column("country", Text),  # the location's countries, "; "-joined
    Column("lat", Float),  # the location's point (the place nearest the trigger), for maps and exports
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("actor_country", String(64)),
    Column("recipient_country", String(64)),
    Column("date", String(32)),
    Column("date_start", String(10)),  # first and last day the date covers, for date ranges
    Column("date_end", String(10)),
    Column("count", Integer),
    Column("killed", Integer),
    Column("injured", Integer),
    Column("factuality", String(16), nullable=False, default="asserted"),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("cameo", String(4)),
    Column("acled_event_type", String(64)),
    Column("acled_sub_event_type", String(64)),
)

# The whole event record, apart: the events table stays narrow, so counting and grouping scan small rows.
event_data = Table(
    "event_data", metadata,
    Column("event_pk", Integer, ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    Column("data", JSON, nullable=False),
)

quotes = Table(
    "quotes", metadata,
    Column("pk", Integer, primary_key=True),
    _article_fk(),
    *_span(),
    Column("kind", String(16), nullable=False),
    Column("speaker_id", String(512)),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("data", JSON, nullable=False),
)

places = Table(
    "places", metadata,
    Column("pk", Integer, primary_key=True),
    _article_fk(),
    *_span(),
    Column("text", Text, nullable=False),
    Column("name", Text),
    Column("country", Text),  # "; "-joined for a place shared by a few countries ("FRA; ESP; AND")
    Column("kind", String(16)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
    Column("precision", Integer),
)

timexes = Table(
    "timexes", metadata,
    Column("pk", Integer, primary_key=True),
    _article_fk(),
    *_span(),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", String(64)),
    Column("mod", String(16)),
    Column("earliest", String(32)),
    Column("latest", String(32)),
    Column("precision", String(16)),
    Column("anchor", String(16)),
    Column("period", String(64)),
)

Index("ix_articles_date", articles.c.date)
# The event list's date orders (and date ranges): walked forwards or backwards, a deep page is not a sort.
Index("ix_events_date_order", events.c.date_start, events.c.article_pk, events.c.evidence_start)
# Covering indexes of the aggregates and the map: counts by type, country or actor and day, and by place,
# read from the index alone.
Index("ix_events_type_day", events.c.type, events.c.date_start)
Index("ix_events_country_day", events.c.country, events.c.date_start)
Index("ix_events_actor_day", events.c.actor_id, events.c.date_start)
Index("ix_events_place", events.c.lat, events.c.lon, events.c.type, events.c.location, events.c.country)

# Full-text search of articles is an SQLite FTS5 table kept in step by triggers (migration 0004); it is not
# part of this metadata, as SQLAlchemy does not model virtual tables.
ARTICLE_SEARCH_TABLE = "articles_fts"

ANNOTATION_TABLES = (article_actors, mentions, events, quotes, places, timexes)  # event_data: by cascade
