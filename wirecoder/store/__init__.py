"""The store: SQLAlchemy tables, Alembic migrations, idempotent writes and read queries."""

from .database import migrate, open_engine
from .event_query import EventQuery
from .writer import IngestResult, Store

__all__ = ["EventQuery", "IngestResult", "Store", "migrate", "open_engine"]
