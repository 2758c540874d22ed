"""PostgreSQL: French full-text search of articles (a generated tsvector and its GIN index) (issue 8, scale)

SQLite has its FTS5 table since 0004; this revision changes nothing there.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# The 'french' configuration stems ("roquettes" finds "roquette") and drops stop words.
SEARCH_COLUMN = ("ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
                 "(to_tsvector('french', coalesce(title, '') || ' ' || text)) STORED")


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(SEARCH_COLUMN)
        op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search)")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search")
