"""events: the whole record moved to event_data (narrow rows to count and group), the location's point, indexes
for the date orders and the aggregates; SQLite full-text search of articles (issue 7, explore)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# External-content FTS5: the text is stored once (in articles); diacritics are folded so "Irak" finds "irak"
# and "securite" finds "sécurité".
AGGREGATE_INDEXES = {
    'ix_events_type_day': ['type', 'date_start'],
    'ix_events_country_day': ['country', 'date_start'],
    'ix_events_actor_day': ['actor_id', 'date_start'],
    'ix_events_place': ['lat', 'lon', 'type', 'location', 'country'],
}

SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='pk', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    op.create_table('event_data',
                    sa.Column('event_pk', sa.Integer(), nullable=False),
                    sa.Column('data', sa.JSON(), nullable=False),
                    sa.ForeignKeyConstraint(['event_pk'], ['events.pk'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('event_pk'))
    op.execute("INSERT INTO event_data (event_pk, data) SELECT pk, data FROM events")
    # No batch (copy-and-rename) of events from here on: dropping the old table would cascade to event_data.
    # SQLite drops and adds these plain columns in place (3.35+).
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("ALTER TABLE events DROP COLUMN data")
    else:
        op.drop_column('events', 'data')
    op.add_column('events', sa.Column('lat', sa.Float(), nullable=True))
    op.add_column('events', sa.Column('lon', sa.Float(), nullable=True))
    op.add_column('events', sa.Column('geo_precision', sa.Integer(), nullable=True))
    op.drop_index('ix_events_date_start', table_name='events')
    op.drop_index('ix_events_type', table_name='events')
    op.create_index('ix_events_date_order', 'events', ['date_start', 'article_pk', 'evidence_start'], unique=False)
    for name, columns in AGGREGATE_INDEXES.items():
        op.create_index(name, 'events', columns, unique=False)
    if op.get_bind().dialect.name == 'sqlite':
        for statement in SQLITE_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for name in ('articles_fts_update', 'articles_fts_delete', 'articles_fts_insert'):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    op.add_column('events', sa.Column('data', sa.JSON(), nullable=True))
    op.execute("UPDATE events SET data = (SELECT data FROM event_data WHERE event_pk = events.pk)")
    op.drop_table('event_data')
    for name in AGGREGATE_INDEXES:
        op.drop_index(name, table_name='events')
    op.drop_index('ix_events_date_order', table_name='events')
    op.create_index('ix_events_type', 'events', ['type'], unique=False)
    op.create_index('ix_events_date_start', 'events', ['date_start'], unique=False)
    with op.batch_alter_table('events', schema=None) as batch_op:
        for column in ('geo_precision', 'lon', 'lat'):
            batch_op.drop_column(column)
