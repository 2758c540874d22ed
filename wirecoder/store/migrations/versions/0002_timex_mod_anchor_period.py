"""timexes: mod, anchor and period (issue 3, time expressions)

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('timexes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mod', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('anchor', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('period', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('timexes', schema=None) as batch_op:
        batch_op.drop_column('period')
        batch_op.drop_column('anchor')
        batch_op.drop_column('mod')
