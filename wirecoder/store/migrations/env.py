"""Alembic environment: the connection is handed over by ``wirecoder.store.database.migrate``."""

from __future__ import annotations

from alembic import context

from wirecoder.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through wirecoder.store.database.migrate()")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
