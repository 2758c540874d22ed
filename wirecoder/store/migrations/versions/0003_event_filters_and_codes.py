"""events: actor and recipient countries, the days a date covers, CAMEO and ACLED codes (issue 6, events)

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('location_text', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('actor_country', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('recipient_country', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('date_start', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('date_end', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('cameo', sa.String(length=4), nullable=True))
        batch_op.add_column(sa.Column('acled_event_type', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('acled_sub_event_type', sa.String(length=64), nullable=True))
        batch_op.create_index('ix_events_date_start', ['date_start'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_date_start')
        for column in ('acled_sub_event_type', 'acled_event_type', 'cameo', 'date_end', 'date_start',
                       'recipient_country', 'actor_country', 'location_text'):
            batch_op.drop_column(column)
