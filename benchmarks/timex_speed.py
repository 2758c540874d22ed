#!/usr/bin/env python3
"""Speed of the timex stage alone, spaCy parsing excluded, on French TimeBank's dev half (or any JSONL).

    python benchmarks/timex_speed.py [--input ../shared/eval/timex/ftib-dev.jsonl] [--rounds 20]

The documents are parsed once (structure, parse); then the timex stage runs ``--rounds`` times over all of
them on one core, with the clause-tense lookups into the parse included. Prints documents/s for the stage
with tense and for the plain-text tagger alone (``find_timexes``), and the target (500 documents/s).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "timex" / "ftib-dev.jsonl"
TARGET = 500.0  # documents/s on one core, from issue 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    from wirecoder import Pipeline
    from wirecoder.article import Article
    from wirecoder.core.dates import publication_date
    from wirecoder.document import Document
    from wirecoder.stages.base import REGISTRY, Context
    from wirecoder.timex import Reference, find_timexes

    records = [json.loads(line) for line in args.input.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = []
    for r in records:
        published = publication_date(r.get("date"))
        date, precision = (published.value, published.precision) if published else (None, None)
        articles.append(Article(r["id"], r["text"], date=date, date_precision=precision))
    pipeline = Pipeline(stages=["structure", "parse"])
    pipeline.setup()
    contexts: list[Context] = []
    for article in articles:  # parse once, keep the spaCy docs
        ctx = Context(article, Document.from_article(article), pipeline.settings)
        for name in ("structure", "parse"):
            REGISTRY[name].run(ctx)
        contexts.append(ctx)
    stage = REGISTRY["timex"].run
    stage(contexts[0])  # warm the grammar and lexicon caches

    start = time.perf_counter()
    for _ in range(args.rounds):
        for ctx in contexts:
            stage(ctx)
    with_tense = len(contexts) * args.rounds / (time.perf_counter() - start)

    start = time.perf_counter()
    for _ in range(args.rounds):
        for a in articles:
            find_timexes(a.text, Reference.of(a.date) if a.date else None)
    tagger_only = len(articles) * args.rounds / (time.perf_counter() - start)

    chars = sum(len(a.text) for a in articles) / len(articles)
    found = sum(len(c.document.timexes) for c in contexts)
    print(f"input: {args.input} ({len(articles)} documents, {chars:.0f} characters on average, {found} timexes)")
    print(f"timex stage (with clause tense): {with_tense:8.0f} documents/s")
    print(f"tagger alone (plain text):       {tagger_only:8.0f} documents/s")
    print(f"target: {TARGET:.0f} documents/s -> {'met' if with_tense >= TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
