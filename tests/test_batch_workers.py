"""Worker processes of ``wirecoder ingest --workers 2`` under kill -9: they die with their parent, and a worker
killed from outside (the system's out-of-memory killer) ends the run with one line saying how to resume.

Real processes, a real SQLite file, wire stories of our own; each test stays well under a minute (most of it
is the model load in each worker)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process table in /proc")]
WIRECODER = str(Path(sys.executable).parent / "wirecoder")

PLACES = ["Lyon", "Marseille", "Bordeaux", "Lille", "Rennes", "Toulouse", "Nantes", "Strasbourg"]
PEOPLE = ["Claire Dumont", "Olivier Marchand", "Sophie Lefèvre", "Julien Moreau", "Nadia Benali"]
STORIES = [
    "{place}, {day} mars (AFP) - Le conseil municipal de {place} a adopté {day} voix contre {n} un budget de "
    "{n} millions d'euros pour la rénovation des écoles, a annoncé mardi le maire, {person}.\n\n"
    "« Nous ne pouvions plus attendre », a déclaré {person} devant la presse.",
    "{place}, {day} mars (AFP) - Plusieurs centaines de salariés ont manifesté jeudi devant l'usine de {place}, "
    "menacée de fermeture, selon la préfecture.\n\nLa direction a promis de recevoir les syndicats lundi, "
    "a indiqué {person}, déléguée CGT.",
    "{place}, {day} mars (AFP) - Un incendie a ravagé dans la nuit de samedi à dimanche un entrepôt de {place}, "
    "sans faire de victime, ont indiqué les pompiers.\n\nUne enquête a été ouverte pour déterminer l'origine "
    "du sinistre, a précisé {person}, procureur de la République.",
]


def write_corpus(tmp_path: Path, n: int) -> Path:
    """``n`` short wire stories as JSON Lines, plus one broken line (a skip the summary must count)."""
    lines = []
    for i in range(n):
        text = STORIES[i % len(STORIES)].format(place=PLACES[i % len(PLACES)], person=PEOPLE[i % len(PEOPLE)],
                                                day=1 + i % 28, n=10 + i)
        lines.append(json.dumps({"id": f"depeche-{i:03d}", "date": f"2024-03-{1 + i % 28:02d}", "text": text},
                                ensure_ascii=False))
    lines.insert(5, "{pas du json")
    path = tmp_path / "depeches.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def alive(pid: int) -> bool:
    """Running (a zombie waiting for whoever adopted it to reap it is not running)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def start_ingest(db: Path, corpus: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([WIRECODER, "--db", f"sqlite:///{db}", "ingest", "--workers", "2", str(corpus)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)


def reap(run: subprocess.Popen[str], pids: list[int]) -> None:
    """Leave nothing behind, whatever the test saw."""
    for pid in [run.pid, *pids]:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    run.wait(timeout=10)


@pytest.mark.parametrize("moment", ["loading the model", "articles stored"])
def test_workers_die_with_their_parent(tmp_path: Path, moment: str) -> None:
    db = tmp_path / "parent.db"
    run = start_ingest(db, write_corpus(tmp_path, 200))
    workers: list[int] = []
    try:
        wait_for(lambda: len(children(run.pid)) >= 2, 30, "two workers")
        workers = children(run.pid)
        if moment == "articles stored":  # the workers are loaded and busy, or blocked on the task pipe
            wait_for(lambda: stored(db) > 0, 90, "a first stored article")
        else:
            time.sleep(1)
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=10)
        wait_for(lambda: not any(alive(pid) for pid in workers), 5, f"workers {workers} to die with their parent")
    finally:
        reap(run, workers)


def test_a_killed_worker_ends_the_run_with_one_line_and_the_same_command_resumes(tmp_path: Path) -> None:
    db = tmp_path / "oom.db"
    corpus = write_corpus(tmp_path, 80)
    run = start_ingest(db, corpus)
    workers: list[int] = []
    try:
        wait_for(lambda: len(children(run.pid)) >= 2, 30, "two workers")
        workers = children(run.pid)
        wait_for(lambda: stored(db) > 0, 90, "a first stored article")
        os.kill(workers[0], signal.SIGKILL)  # what the out-of-memory killer does
        _, err = run.communicate(timeout=30)
    finally:
        reap(run, workers)
    assert run.returncode == 1, err
    assert "Traceback" not in err and "BrokenProcessPool" not in err, err
    before = stored(db)
    assert 0 < before < 80
    assert f"interrupted: {before} stored, run the same command to resume (a worker process died" in err, err
    assert "skipped: 1 (json-syntax 1)" in err, err
    again = subprocess.run([WIRECODER, "--db", f"sqlite:///{db}", "ingest", "--workers", "2", str(corpus)],
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert f"{80 - before} added, 0 replaced, {before} unchanged" in again.stderr
    assert stored(db) == 80
