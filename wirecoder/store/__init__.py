"""The store: SQLAlchemy tables, Alembic migrations, idempotent writes and read queries."""

from .database import migrate, open_engine
from .writer import IngestResult, Store

__all__ = ["IngestResult", "Store", "migrate", "open_engine"]
