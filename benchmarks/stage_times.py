#!/usr/bin/env python3
"""Time spent in each stage of the pipeline, in one process, on the first N corpus articles.

    python benchmarks/stage_times.py [--limit 300] [--corpus ../shared/corpus/orangesum-fr-news.jsonl.gz]

The throughput benchmark (``throughput.py``) compares whole runs with bare spaCy, and on a shared machine
its ratio moves by several points between runs of the same code. Here every stage is timed on the same
articles in the same process, and each is also given as a share of the parse, which slows and speeds with
the machine as the rule stages do: compare two revisions by those shares (run a revision with
``PYTHONPATH=its/checkout``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

from wirecoder import Article, Pipeline

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "orangesum-fr-news.jsonl.gz"


def timed(call: Callable[[Any], None], name: str, spent: Counter[str]) -> Callable[[Any], None]:
    def run(arg: Any) -> None:
        start = time.perf_counter()
        call(arg)
        spent[name] += time.perf_counter() - start
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        articles = [Article(id=r["id"], text=r["text"], title=r.get("title"))
                    for r in map(json.loads, islice(f, args.limit))]
    pipeline = Pipeline()
    pipeline.extract(articles[0])  # the model and the tables load outside the clock
    spent: Counter[str] = Counter()
    for st in pipeline.stages:  # Stage is frozen: wrap its functions in place for this run only
        object.__setattr__(st, "run", timed(st.run, st.name, spent))
        if st.batch is not None:
            object.__setattr__(st, "batch", timed(st.batch, st.name, spent))
    start = time.perf_counter()
    for _ in pipeline.process(articles):
        pass
    total = time.perf_counter() - start
    parse = spent["parse"] or 1.0
    print(f"{len(articles)} articles in {total:.1f} s ({len(articles) / total:.1f} articles/s)\n")
    print("| stage | seconds | share of the parse |\n|---|---|---|")
    for st in pipeline.stages:
        print(f"| {st.name} | {spent[st.name]:.2f} | {spent[st.name] / parse:.3f} |")
    rules = sum(v for k, v in spent.items() if k != "parse")
    print(f"| all but parse | {rules:.2f} | {rules / parse:.3f} |")


if __name__ == "__main__":
    main()
