#!/usr/bin/env python3
"""Soak test of `wirecoder ingest`: kill the run at random moments until it completes, then check the store.

    python benchmarks/soak.py [--limit N] [--workers 2] [--seed 7] [--kill-after 20 120] [--keep DIR]

1. An uninterrupted `wirecoder ingest` of the articles into ``reference.db``.
2. The same command into ``soak.db``, killed with SIGKILL (the parent only: its workers must die with it) after a
   random number of seconds in ``--kill-after``, again and again, until one run ends by itself.
3. Checks: after each kill, no worker of the killed run is left; at the end, ``PRAGMA integrity_check`` is ok,
   every article is stored once, and each stored Document and its rows (events, quotes, places, time
   expressions, actor mentions) are those of the uninterrupted run.

The whole OrangeSum corpus (11,932 articles) takes about an hour on two cores; ``--limit`` takes the first N.
Prints what it did (with the uninterrupted run's slowest article and peak memory per process) and exits 1 when a
check fails. Only local processes and files are involved.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "orangesum-fr-news.jsonl.gz"
ROW_TABLES = ("events", "quotes", "places", "timexes", "mentions")
WORKER_GRACE_S = 10  # how long the workers of a killed parent may take to notice and exit
MAX_RUNS = 200  # a run that never completes is a failure, not an endless loop


def ingest(db: Path, articles: Path, workers: int, log: Path) -> subprocess.Popen[bytes]:
    """The run, its messages to ``log`` (a file: a pipe nobody reads would block a long run)."""
    command = [sys.executable, "-c", "from wirecoder.cli import main; main()", "--db", f"sqlite:///{db}",
               "ingest", str(articles), "--workers", str(workers)]
    with log.open("ab") as err:
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)


def summary_lines(log: Path) -> list[str]:
    """The lines a run ends with (counts, slowest article, skips), without the progress display."""
    text = log.read_text(encoding="utf-8", errors="replace").replace("\r", "\n")
    return [line for line in text.splitlines() if line.startswith(("ingested", "slowest", "skipped", "interrupted"))]


def children_of(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def count_stored(db: Path) -> int:
    """Articles stored so far (0 before the schema exists); opened read-only, so nothing is created."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def stored(db: Path) -> dict[str, tuple[str, tuple[int, ...]]]:
    """Per article id: its Document JSON and its row count in each table of ROW_TABLES."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"{db}: integrity check failed"
        ids = conn.execute("SELECT id, COUNT(*) FROM articles GROUP BY id HAVING COUNT(*) > 1").fetchall()
        assert not ids, f"{db}: articles stored twice: {ids[:5]}"
        counts = {table: dict(conn.execute(f"SELECT a.id, COUNT(*) FROM {table} t JOIN articles a "
                                           f"ON a.pk = t.article_pk GROUP BY a.id").fetchall())
                  for table in ROW_TABLES}
        return {doc_id: (document, tuple(counts[t].get(doc_id, 0) for t in ROW_TABLES))
                for doc_id, document in conn.execute("SELECT id, document FROM articles")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="the first N articles (default: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kill-after", type=float, nargs=2, default=(20.0, 120.0), metavar=("LEAST", "MOST"),
                        help="seconds after its start at which a run is killed, drawn uniformly")
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        articles = folder / "articles.jsonl"
        with gzip.open(args.corpus, "rt", encoding="utf-8") as src, articles.open("w", encoding="utf-8") as out:
            out.writelines(islice(src, args.limit))
        reference, soak = folder / "reference.db", folder / "soak.db"
        for db in (reference, soak):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
        reference_log, soak_log = folder / "reference.log", folder / "soak.log"
        for log in (reference_log, soak_log):
            log.unlink(missing_ok=True)
        start = time.monotonic()
        done = ingest(reference, articles, args.workers, reference_log)
        if done.wait() != 0:
            print(reference_log.read_text(encoding="utf-8", errors="replace")[-2000:], file=sys.stderr)
            return 1
        print(f"uninterrupted run: {time.monotonic() - start:.0f} s", flush=True)
        for line in summary_lines(reference_log):
            print(f"  {line}", flush=True)
        kills, failures = 0, []
        for _ in range(MAX_RUNS):
            run = ingest(soak, articles, args.workers, soak_log)
            delay = rng.uniform(*args.kill_after)
            try:
                code = run.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                workers = children_of(run.pid)
                os.kill(run.pid, signal.SIGKILL)
                run.wait()
                kills += 1
                deadline = time.monotonic() + WORKER_GRACE_S
                while any(alive(w) for w in workers) and time.monotonic() < deadline:
                    time.sleep(0.2)
                left = [w for w in workers if alive(w)]
                if left:
                    failures.append(f"kill {kills}: workers {left} outlived their parent")
                    for w in left:
                        os.kill(w, signal.SIGKILL)
                print(f"kill {kills} after {delay:.0f} s: {count_stored(soak)} articles stored", flush=True)
                continue
            if code != 0:
                failures.append(f"a run ended with status {code}: {soak_log.read_text(errors='replace')[-500:]}")
            print(f"run {kills + 1} completed: {'; '.join(summary_lines(soak_log)[-3:])}", flush=True)
            break
        else:
            failures.append(f"no run completed in {MAX_RUNS} tries")
        expected, got = stored(reference), stored(soak)
        missing, extra = sorted(set(expected) - set(got)), sorted(set(got) - set(expected))
        changed = sorted(k for k in set(expected) & set(got) if expected[k] != got[k])
        if missing or extra or changed:
            failures.append(f"{len(missing)} missing, {len(extra)} extra, {len(changed)} different "
                            f"(first: {(missing + extra + changed)[:5]})")
        print(f"{kills} kills; {len(got)} articles stored, {len(expected)} in the uninterrupted run; "
              f"{len(changed)} differ")
        for failure in failures:
            print(f"FAILED: {failure}")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
