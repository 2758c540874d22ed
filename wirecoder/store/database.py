"""Opening the database: engine creation (SQLite in WAL mode, one writer), and Alembic migrations."""

from __future__ import annotations

from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError

MIGRATION_LOCK = 0x77697265  # PostgreSQL advisory lock key held while migrating ("wire")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets readers (show, stats, the API) read while the single writer ingests.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("wirecoder.store") / "migrations"))
    return cfg


def open_engine(url: str, *, migrate_schema: bool = True) -> Engine:
    """An engine for ``url``, its schema migrated to the newest revision."""
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {url!r}: {exc.__class__.__name__}: {exc}") from None
    try:
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        if migrate_schema:
            migrate(engine)
        return engine
    except ImportError as exc:  # the URL names a driver that is not installed (mysql:// without mysqlclient)
        raise StoreError(f"cannot open database {shown!r}: its driver is not installed ({exc}); install it "
                         "or use a sqlite:// or postgresql:// URL") from None
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {shown!r}: {exc.__class__.__name__}: {exc}") from None


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest Alembic revision (a no-op when it is current)."""
    cfg = alembic_config()
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Several writers may open a new database at once: one migrates, the others wait, then see it done.
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
