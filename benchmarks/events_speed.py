#!/usr/bin/env python3
"""The events stage alone on articles parsed once (structure to quotes), and how many events it codes.

    python benchmarks/events_speed.py [--corpus ../shared/corpus/orangesum-fr-news.jsonl.gz] [--limit 300]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from itertools import islice
from pathlib import Path

from parsed import parsed_contexts

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "orangesum-fr-news.jsonl.gz"
BEFORE = ["structure", "parse", "actors", "timex", "places", "quotes"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in islice(f, args.limit)]
    contexts, stage = parsed_contexts(records, BEFORE, "events")
    failures = 0
    start = time.perf_counter()
    for ctx in contexts:
        try:
            stage(ctx)
        except Exception as exc:  # counted and shown: a benchmark over real text also checks robustness
            failures += 1
            print(f"{ctx.article.id}: {type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - start
    events = [e for ctx in contexts for e in ctx.document.events]
    types = Counter(e.type for e in events)
    print(f"events stage: {len(contexts) / seconds:,.0f} articles/s on {len(contexts)} articles "
          f"({sum(len(c.article.text.split()) for c in contexts) / seconds:,.0f} words/s), {failures} failed")
    print(f"{len(events)} events, {len(events) / len(contexts):.1f} per article; "
          + ", ".join(f"{t} {n}" for t, n in types.most_common()))


if __name__ == "__main__":
    main()
