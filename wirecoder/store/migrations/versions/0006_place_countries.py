"""places: a place shared by a few countries has their codes, "; "-joined ("Pyrénées": "FRA; ESP; AND")

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.alter_column('country', existing_type=sa.String(length=3), type_=sa.Text(), existing_nullable=True)


def downgrade() -> None:
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.alter_column('country', existing_type=sa.Text(), type_=sa.String(length=3), existing_nullable=True)
