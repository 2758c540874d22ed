"""The SQLite store under interruptions, a second writer, another application's file and a read-only file.

Each test uses real processes where the failure is between processes: a child killed (SIGKILL) at a chosen SQL
statement of the first schema creation, two children creating the schema or writing the same articles at once.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text

from wirecoder import Article
from wirecoder.cli import cli
from wirecoder.errors import StoreError
from wirecoder.store import Store
from wirecoder.store import database as database_module
from wirecoder.store.tables import articles

ROOT = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT = 50  # seconds; each child does well under one

# Run in a child: hooks on every engine (SQLAlchemy's class-level event), then the given body.
CHILD_PRELUDE = textwrap.dedent("""
    import os, signal, sys, time
    from sqlalchemy import Engine, event
    seen = {"create": 0}

    @event.listens_for(Engine, "before_cursor_execute")
    def hook(conn, cursor, statement, params, context, executemany):
        head = statement.lstrip().upper()
        if head.startswith("CREATE TABLE"):
            seen["create"] += 1
            if seen["create"] == int(os.environ.get("KILL_AT_CREATE", "0")):
                os.kill(os.getpid(), signal.SIGKILL)
            time.sleep(float(os.environ.get("SLOW_CREATE", "0")))
        if head.startswith("INSERT INTO ARTICLES"):
            # Widen the window between "is it stored?" and the insert, where two writers race.
            time.sleep(float(os.environ.get("SLOW_INSERT", "0")))
""")


def run_child(body: str, **env: str) -> subprocess.Popen[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return subprocess.Popen([sys.executable, "-c", CHILD_PRELUDE + textwrap.dedent(body)], env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen[str]) -> tuple[int, str]:
    try:
        _, err = proc.communicate(timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    return proc.returncode, err


def wirecoder_command(*args: str, prefix: tuple[str, ...] = (), cwd: Path | None = None
                      ) -> subprocess.CompletedProcess[str]:
    """The ``wirecoder`` command line in a child process, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*prefix, sys.executable, "-c", "from wirecoder.cli import main; main()", *args],
                          env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT, cwd=cwd)


def one_article(article_id: str) -> tuple[object, str]:
    from wirecoder import Pipeline
    art = Article(article_id, "(Dakar) Le président a reçu son homologue.\n\nAFP", date="2024-05",
                  date_precision="month")
    return next(iter(Pipeline(stages=["structure"]).process([art]))), art.content_hash


def usable(url: str) -> None:
    """The database opens, takes an article and reads it back."""
    with Store(url) as store:
        doc, content_hash = one_article("after")
        assert store.write(doc, content_hash) == "added"  # type: ignore[arg-type]
        assert store.document("after") is not None
        assert store.stats()["counts"]["articles"] >= 1


# -- item 2: an interrupted first schema creation ----------------------------------------------------------


@pytest.mark.parametrize("kill_at", [3, 6, 10])  # the 1st is alembic_version's, the 10th the last
def test_first_schema_creation_killed_at_a_create_table_leaves_a_usable_database(tmp_path: Path,
                                                                                  kill_at: int) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    child = run_child(f"""
        from wirecoder.store import Store
        Store({url!r})
        print("not killed")
    """, KILL_AT_CREATE=str(kill_at))
    code, err = finish(child)
    assert code == -signal.SIGKILL, err
    usable(url)


def test_two_processes_creating_the_schema_at_once_both_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    body = f"""
        from wirecoder.store import Store
        with Store({url!r}) as store:
            print(store.stats()["counts"]["articles"])
    """
    # Each CREATE TABLE is slowed down, so the two schema creations overlap for certain.
    children = [run_child(body, SLOW_CREATE="0.05") for _ in range(2)]
    results = [finish(c) for c in children]
    assert [code for code, _ in results] == [0, 0], [err for _, err in results]
    usable(url)


# -- item 3: two writers into one SQLite file ---------------------------------------------------------------


def test_two_processes_writing_overlapping_articles_both_finish_and_store_each_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    Store(url).close()
    files = []
    # Both start with the same 20 articles, in the same order: the two writers race on each of them.
    for name, ids in (("a.jsonl", range(0, 40)), ("b.jsonl", [*range(0, 20), *range(40, 60)])):
        path = tmp_path / name
        path.write_text("".join(json.dumps({"id": f"n{i}", "date": "2024-05-02",
                                            "text": f"(Dakar) Le président a reçu son homologue {i}.\n\nAFP"})
                                + "\n" for i in ids), encoding="utf-8")
        files.append(path)
    body = f"""
        import os
        from wirecoder import Pipeline
        from wirecoder.readers import SkipLog, read_paths
        from wirecoder.store import Store
        arts = list(read_paths([os.environ["ARTICLES"]], skips=SkipLog()))
        with Store({url!r}) as store:
            for doc, art in zip(Pipeline(stages=["structure"]).process(arts), arts):
                store.write(doc, art.content_hash)
        print("done", len(arts))
    """
    children = [run_child(body, ARTICLES=str(path), SLOW_INSERT="0.02") for path in files]
    results = [finish(c) for c in children]
    assert [code for code, _ in results] == [0, 0], [err for _, err in results]
    with Store(url) as store, store.engine.connect() as conn:
        ids = conn.execute(select(articles.c.id)).scalars().all()
        assert sorted(ids) == sorted(f"n{i}" for i in range(60))
        assert conn.execute(select(func.count()).select_from(articles)).scalar() == 60


# -- item 10: another application's database -------------------------------------------------------------


def foreign_db(path: Path) -> bytes:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO customers (name) VALUES ('Ada')")
    con.commit()
    con.close()
    return path.read_bytes()


def test_stats_refuses_another_applications_database_and_leaves_it_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    before = foreign_db(path)
    proc = wirecoder_command("--db", f"sqlite:///{path}", "stats")
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and proc.stderr.count("\n") == 1  # one line, no traceback
    assert "not a wirecoder database" in proc.stderr and "customers" in proc.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no -wal, -shm or -journal left
    with pytest.raises(StoreError, match="not a wirecoder database"):
        Store(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_an_empty_file_becomes_a_wirecoder_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{path}", "stats"])
    assert result.exit_code == 0, result.output
    usable(f"sqlite:///{path}")


# -- item 5: a database that cannot be written ------------------------------------------------------------


@pytest.fixture
def filled_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    with Store(url) as store:
        doc, content_hash = one_article("a1")
        store.write(doc, content_hash)  # type: ignore[arg-type]
    return url


def test_a_reader_opens_a_file_it_cannot_write_read_only(filled_db: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, who may write anything: the store's decision is tested through os.access.
    monkeypatch.setattr(database_module.os, "access", lambda path, mode: mode != os.W_OK)
    before = (tmp_path / "w.db").read_bytes()
    with Store(filled_db, read_only=True) as store:
        assert "mode=ro" in str(store.engine.url) and "immutable=1" in str(store.engine.url)
        assert store.document("a1") is not None
        assert store.stats()["counts"]["articles"] == 1
        doc, content_hash = one_article("a2")
        with pytest.raises(StoreError, match="readonly"):
            store.write(doc, content_hash)  # type: ignore[arg-type]
    assert (tmp_path / "w.db").read_bytes() == before
    with Store(filled_db) as writer:  # a writer is not turned read-only: it fails where it would write
        assert "mode=ro" not in str(writer.engine.url)


def test_a_read_only_file_whose_schema_is_not_current_is_named(filled_db: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    con = sqlite3.connect(tmp_path / "w.db")
    con.execute("UPDATE alembic_version SET version_num = '0003'")
    con.commit()
    con.close()
    monkeypatch.setattr(database_module.os, "access", lambda path, mode: mode != os.W_OK)
    with pytest.raises(StoreError, match="read-only and its schema is at revision 0003"):
        Store(filled_db, read_only=True)


@pytest.fixture
def unprivileged() -> Iterator[list[str]]:
    """A command prefix that runs as user nobody (tests run as root, who bypasses file permissions)."""
    if os.geteuid() != 0:
        yield []
        return
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot run a reader without write permission")
    yield ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]


@pytest.mark.parametrize("folder_mode", [0o555, 0o777], ids=["read-only folder", "writable folder"])
def test_read_commands_read_a_read_only_file(unprivileged: list[str], folder_mode: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="wirecoder-ro-"))
    try:
        url = f"sqlite:///{folder / 'w.db'}"
        with Store(url) as store:
            doc, content_hash = one_article("a1")
            store.write(doc, content_hash)  # type: ignore[arg-type]
        before = (folder / "w.db").read_bytes()
        (folder / "w.db").chmod(0o444)
        folder.chmod(folder_mode)
        assert subprocess.run([*unprivileged, "test", "-w", str(folder / "w.db")]).returncode == 1  # truly unable
        for args in (["stats"], ["show", "a1", "--format", "json"], ["events"]):
            proc = wirecoder_command("--db", url, *args, prefix=tuple(unprivileged), cwd=folder)
            assert proc.returncode == 0, (args, proc.stderr)
        assert (folder / "w.db").read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == ["w.db"]  # no -shm or -wal left behind
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_serve_reads_a_read_only_file(filled_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from wirecoder import Settings
    from wirecoder.api import create_app

    monkeypatch.setattr(database_module.os, "access", lambda path, mode: mode != os.W_OK)
    client = TestClient(create_app(Settings({"store.url": filled_db})))
    assert client.get("/api/articles/a1").status_code == 200


def test_readers_are_not_blocked_by_a_writer_holding_the_lock(filled_db: str) -> None:
    with Store(filled_db) as writer, Store(filled_db, read_only=True) as reader:
        with database_module.write_transaction(writer.engine) as conn:
            conn.execute(text("DELETE FROM articles WHERE id = 'nothing'"))
            started = time.monotonic()
            assert reader.document("a1") is not None
            assert time.monotonic() - started < 1
