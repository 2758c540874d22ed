"""Batch ingestion at scale: worker processes, resuming, Ctrl-C, a Dask LocalCluster with two workers, and
Parquet shards imported by ``wirecoder load``."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from wirecoder.cli import cli, samples_dir
from wirecoder.readers import SkipLog, count_records, read_paths
from wirecoder.store import Store
from wirecoder.store.tables import articles, event_data, events

pytestmark = pytest.mark.model
WIRECODER = str(Path(sys.executable).parent / "wirecoder")


def _corpus(tmp_path: Path, copies: int) -> Path:
    """The sample stories ``copies`` times under other ids, plus two bad records, as JSON Lines."""
    stories = list(read_paths([samples_dir()], skips=SkipLog()))
    lines = [json.dumps({"id": f"{a.id}-{n}", "date": a.date, "text": a.text}, ensure_ascii=False)
             for n in range(copies) for a in stories]
    lines.insert(3, '{"id": "no-text"}')
    lines.insert(7, "{not json")
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _consistent(url: str) -> int:
    """Every stored article has all of its events (as its Document lists them): nothing half-written."""
    with Store(url) as store, store.engine.connect() as conn:
        stored = conn.execute(select(articles.c.pk, articles.c.document)).all()
        for pk, document in stored:
            n = conn.execute(select(func.count()).select_from(events).where(events.c.article_pk == pk)).scalar_one()
            assert n == len(document["events"])
        assert conn.execute(select(func.count()).select_from(event_data)).scalar_one() == \
            conn.execute(select(func.count()).select_from(events)).scalar_one()
    return len(stored)


def test_count_records_for_the_progress_bar(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 1)
    assert count_records([str(corpus), samples_dir()]) == 16 + 14
    assert count_records(["-"]) is None


def test_ingest_with_workers_then_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    corpus = _corpus(tmp_path, 2)
    first = CliRunner().invoke(cli, ["--db", url, "ingest", "--workers", "2", str(corpus)])
    assert first.exit_code == 0, first.output
    assert "28 added, 0 replaced, 0 unchanged" in first.output
    assert "skipped: 2 (json-syntax 1, missing-field 1)" in first.output
    assert f"{corpus}:4: field 'text'" in first.output  # each skip named, with its line
    assert re.search(r"slowest article: '[^']+' \d+\.\d\d s \(of 28\); peak memory per process: \d{3,} MB",
                     first.output), first.output  # measured in the workers, gathered by the parent
    again = CliRunner().invoke(cli, ["--db", url, "ingest", "--workers", "2", str(corpus)])
    assert "0 added, 0 replaced, 28 unchanged" in again.output
    assert _consistent(url) == 28


def test_ctrl_c_leaves_a_consistent_database_and_the_run_resumes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    corpus = _corpus(tmp_path, 4)
    run = subprocess.Popen([WIRECODER, "--db", url, "ingest", "--workers", "2", str(corpus)],
                           stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    stored = 0
    while stored < 3 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.5)
        try:
            with Store(url) as store, store.engine.connect() as conn:
                stored = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        except Exception:
            stored = 0  # the database is being created
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130, err
    assert "interrupted: " in err and " stored, run the same command to resume" in err
    before = _consistent(url)
    assert 0 < before < 56
    again = subprocess.run([WIRECODER, "--db", url, "ingest", "--workers", "2", str(corpus)],
                           capture_output=True, text=True, timeout=600)
    assert f"{56 - before} added, 0 replaced, {before} unchanged" in again.stderr
    assert _consistent(url) == 56
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".partial")]


def test_dask_local_cluster_to_the_database_and_to_shards(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'd.db'}"
    runner = CliRunner()
    direct = runner.invoke(cli, ["--db", url, "ingest", "--engine", "dask", "--workers", "2", samples_dir()])
    assert direct.exit_code == 0, direct.output
    assert "14 added" in direct.output and _consistent(url) == 14
    assert "(of 14); peak memory per process" in direct.output
    shards = tmp_path / "shards"
    to_shards = runner.invoke(cli, ["ingest", "--engine", "dask", "--workers", "2", "--shards", str(shards),
                                    samples_dir()])
    assert to_shards.exit_code == 0 and "14 added" in to_shards.output
    assert list(shards.glob("part-*.parquet"))
    resumed = runner.invoke(cli, ["ingest", "--engine", "dask", "--workers", "2", "--shards", str(shards),
                                  samples_dir()])
    assert "0 added, 0 replaced, 14 unchanged" in resumed.output  # the shards already hold them
    loaded_url = f"sqlite:///{tmp_path / 'l.db'}"
    loaded = runner.invoke(cli, ["--db", loaded_url, "load", str(shards)])
    assert loaded.exit_code == 0 and "14 added, 0 replaced, 0 unchanged" in loaded.output
    with Store(url) as a, Store(loaded_url) as b:
        assert [a.document(d) for d in ("02-erbil-roquettes", "07-gaza-otages")] == \
            [b.document(d) for d in ("02-erbil-roquettes", "07-gaza-otages")]
    again = runner.invoke(cli, ["--db", loaded_url, "load", str(shards)])
    assert "0 added, 0 replaced, 14 unchanged" in again.output


def test_a_damaged_shard_is_a_skip_and_the_others_load(tmp_path: Path) -> None:
    shards = tmp_path / "shards"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", "--workers", "1", "--shards", str(shards), samples_dir()]).exit_code == 0
    (shards / "part-00001.parquet").write_bytes(b"not parquet")
    result = runner.invoke(cli, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "load", str(shards)])
    assert "14 added" in result.output and "part-00001.parquet: cannot read shard" in result.output
    assert "skipped: 1 (unreadable 1)" in result.output


def test_a_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", "--scheduler", "tcp://127.0.0.1:1", samples_dir()])
    assert result.exit_code == 2 and "a scheduler is for --engine dask" in result.output
    unreachable = CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path / 'u.db'}", "ingest", "--engine", "dask",
                                           "--scheduler", "tcp://127.0.0.1:9", samples_dir()])
    assert unreachable.exit_code != 0
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in str(unreachable.exception or unreachable.output)
