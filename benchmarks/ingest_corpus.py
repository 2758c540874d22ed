#!/usr/bin/env python3
"""The whole corpus into SQLite and into PostgreSQL with ``wirecoder ingest``, twice each: the first run must
store every readable record (skips listed with their reasons), the second must add nothing.

    python benchmarks/ingest_corpus.py [--workers 2] [--corpus ../shared/corpus/orangesum-fr-news.jsonl.gz]
                                       [--only sqlite|postgres] [--limit N]

PostgreSQL is a throwaway server (Debian's postgresql, as the tests start it). Prints, per database and run:
wall time, articles/s, peak RSS of the largest process, and the counts in the database.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

import psutil
from sqlalchemy import create_engine, func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.postgres import find_postgres, throwaway_postgres
from wirecoder.store.tables import articles, events

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "orangesum-fr-news.jsonl.gz"
WIRECODER = str(Path(sys.executable).parent / "wirecoder")


def ingest(url: str, corpus: Path, workers: int) -> dict[str, object]:
    """One run, its wall time and the peak RSS of the largest of its processes (sampled)."""
    start = time.perf_counter()
    run = subprocess.Popen([WIRECODER, "--db", url, "ingest", "--workers", str(workers), str(corpus)],
                           stderr=subprocess.PIPE, text=True)
    peak = 0.0
    parent = psutil.Process(run.pid)
    while run.poll() is None:
        try:
            for p in [parent, *parent.children(recursive=True)]:
                peak = max(peak, p.memory_info().rss / 2**20)
        except psutil.Error:
            pass
        time.sleep(0.5)
    err = run.stderr.read() if run.stderr else ""
    seconds = time.perf_counter() - start
    summary = re.search(r"(\d+) added, (\d+) replaced, (\d+) unchanged", err)
    skipped = [line for line in err.splitlines() if line.startswith(("skipped", "error"))]
    if run.returncode != 0 or summary is None:
        raise SystemExit(f"ingest into {url} failed ({run.returncode}):\n{err[-2000:]}")
    added, replaced, unchanged = (int(g) for g in summary.groups())
    return {"seconds": seconds, "added": added, "replaced": replaced, "unchanged": unchanged,
            "peak_rss_mb": peak, "skips": skipped}


def stored(url: str) -> tuple[int, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        counts = (conn.execute(select(func.count()).select_from(articles)).scalar_one(),
                  conn.execute(select(func.count()).select_from(events)).scalar_one())
    engine.dispose()
    return counts


def report(name: str, url: str, corpus: Path, workers: int, records: int) -> None:
    for label in ("first run", "second run"):
        r = ingest(url, corpus, workers)
        articles_n, events_n = stored(url)
        rate = (r["added"] + r["replaced"] + r["unchanged"]) / r["seconds"]  # type: ignore[operator]
        print(f"| {name} | {label} | {r['seconds']:.0f} s | {rate:.1f} | {r['peak_rss_mb']:,.0f} | "
              f"{r['added']} added, {r['unchanged']} unchanged | {articles_n:,} articles, {events_n:,} events |")
        skips: list[str] = r["skips"]  # type: ignore[assignment]
        for line in skips:
            print(f"|  |  | {line} |  |  |  |  |")
        listed = sum(1 for line in skips if line.startswith("skipped ["))
        verdict = "every record stored or listed" if articles_n + listed == records else "MISMATCH"
        print(f"|  |  | {verdict}: {records:,} records = {articles_n:,} stored + {listed} skipped |  |  |  |  |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--only", choices=["sqlite", "postgres"])
    ap.add_argument("--limit", type=int, help="only the first N records (a quick check)")
    args = ap.parse_args()
    corpus = args.corpus
    with tempfile.TemporaryDirectory(prefix="wirecoder-corpus-") as tmp:
        if args.limit:
            corpus = Path(tmp) / "part.jsonl.gz"
            with gzip.open(args.corpus, "rb") as f, gzip.open(corpus, "wb") as out:
                out.writelines(islice(f, args.limit))
        with gzip.open(corpus, "rb") as f:
            records = sum(1 for line in f if line.strip())
        print(f"{records:,} records of {corpus.name}, {args.workers} workers\n")
        print("| database | run | wall | articles/s | peak RSS of a process (MB) | run | stored |\n"
              "|---|---|---|---|---|---|---|")
        if args.only in (None, "sqlite"):
            report("SQLite", f"sqlite:///{tmp}/corpus.db", corpus, args.workers, records)
        if args.only in (None, "postgres"):
            bin_dir, why = find_postgres()
            if bin_dir is None:
                raise SystemExit(f"no PostgreSQL: {why}")
            with throwaway_postgres(bin_dir) as url:
                report("PostgreSQL", url, corpus, args.workers, records)


if __name__ == "__main__":
    main()
