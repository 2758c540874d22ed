"""Opening the database: engine creation (SQLite in WAL mode, one writer), and Alembic migrations.

SQLite is driven in real transactions: Python's sqlite3 module, left to itself, sends no BEGIN before DDL or
SELECT, so a schema creation ran statement by statement in autocommit (an interruption left half a schema) and a
writer's "is this article stored?" was read outside the transaction that then inserted it (two writers both
inserted). Here the driver's own transaction handling is switched off and SQLAlchemy emits BEGIN itself (the
recipe of SQLAlchemy's SQLite documentation), BEGIN IMMEDIATE for writes: a writer takes SQLite's one write lock
before it reads, so a second writer waits (busy timeout) instead of working from a stale read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError

MIGRATION_LOCK = 0x77697265  # PostgreSQL advisory lock key held while migrating ("wire")
BUSY_TIMEOUT_MS = 30_000  # how long a SQLite writer waits for another one before the write is retried
WRITE = "wirecoder_write"  # execution option: this transaction writes (SQLite: BEGIN IMMEDIATE)


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # SQLAlchemy, not sqlite3, says where transactions begin (see _sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("wirecoder.store") / "migrations"))
    return cfg


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    if parsed.query.get("uri") == "true":
        return None  # the caller chose its own SQLite URI options
    return Path(str(parsed.database))


def cannot_write(path: Path) -> bool:
    """True when a read command must open ``path`` read-only: the file, or the folder that holds its WAL
    and shared-memory files, cannot be written by this process."""
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _read_only_url(url: str, path: Path) -> str:
    """A SQLite URI that opens ``path`` read-only and changes nothing in it or next to it.

    With no -wal file no writer is at work, and ``immutable`` reads the file as it is, without the -shm file a
    WAL reader otherwise creates (in a read-only folder it cannot; in a writable one it would be left behind,
    owned by the reader, where it can block the file's owner). With a -wal file its pages must be read: a plain
    read-only open, through the -shm file."""
    options = "mode=ro" if Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
    driver = make_url(url).drivername
    return f"{driver}:///file:{quote(str(path.absolute()))}?{options}&uri=true"


def open_engine(url: str, *, migrate_schema: bool = True, read_only: bool = False) -> Engine:
    """An engine for ``url``, its schema migrated to the newest revision.

    ``read_only`` is a reader's request: a SQLite file this process cannot write is then opened read-only, with
    no migration (its schema must already be current) and no switch to WAL."""
    try:
        shown = make_url(url).render_as_string(hide_password=True)
        path = sqlite_path(url)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {url!r}: {exc.__class__.__name__}: {exc}") from None
    try:
        if read_only and path is not None and cannot_write(path):
            engine = _sqlite_engine(_read_only_url(url, path))
            check_schema(engine, url)
            return engine
        if path is None and make_url(url).get_backend_name() != "sqlite":
            engine = create_engine(url)
        else:
            engine = _sqlite_engine(url)
        if migrate_schema:
            migrate(engine)
            if path is not None:
                _use_wal(engine)
        return engine
    except ImportError as exc:  # the URL names a driver that is not installed (mysql:// without mysqlclient)
        raise StoreError(f"cannot open database {shown!r}: its driver is not installed ({exc}); install it "
                         "or use a sqlite:// or postgresql:// URL") from None
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {shown!r}: {exc.__class__.__name__}: {exc}") from None


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _use_wal(engine: Engine) -> None:
    # WAL lets readers (show, stats, the API) read while the single writer ingests. It is a property of the
    # file, set once the file is known to be wirecoder's (never on another application's database), and
    # outside any transaction, as SQLite requires.
    raw = engine.raw_connection()  # the DBAPI connection, with no BEGIN of SQLAlchemy's around it
    try:
        cur = raw.cursor()
        if cur.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            cur.execute("PRAGMA journal_mode=WAL")
        cur.close()
    finally:
        raw.close()


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that will write: on SQLite it holds the write lock from its first read."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            yield conn


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest Alembic revision (a no-op when it is current), in one transaction: an
    interruption leaves the database as it was. A database with tables but no wirecoder schema is refused."""
    cfg = alembic_config()
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with write_transaction(engine) as conn:
        if conn.dialect.name == "postgresql":
            # Several writers may open a new database at once: one migrates, the others wait, then see it done.
            # (On SQLite, BEGIN IMMEDIATE does the same.)
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        if current is None:
            _refuse_foreign(conn, engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _refuse_foreign(conn: Connection, engine: Engine) -> None:
    """A database with tables but no migration revision is another application's (or one whose schema creation
    was interrupted before migrations were atomic): changing it would damage it."""
    tables = sorted(inspect(conn).get_table_names())
    if tables:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(f"{engine.url.render_as_string(hide_password=True)} is not a wirecoder database "
                         f"(it has tables {shown} and no wirecoder schema revision); refusing to change it: "
                         "give an empty or new database")


def check_schema(engine: Engine, url: str) -> None:
    """A read-only database is read as it is: its schema must be wirecoder's, at the newest revision."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current is None:
            _refuse_foreign(conn, engine)
            raise StoreError(f"{url} is read-only and has no wirecoder schema: nothing to read")
    if current != head:
        raise StoreError(f"{url} is read-only and its schema is at revision {current}, not {head}: "
                         "open it once with write access (e.g. `wirecoder stats`) to upgrade it")
