#!/usr/bin/env python3
"""What one hostile or very long article costs: seconds per stage and peak memory, each case in its own process.

    python benchmarks/hostile_inputs.py [--cases marks-16000,quotes-200k,...] [--limit 300] [--timeout 600]

Cases (default: all below): ``marks-N`` is a sentence followed by N « with no space (a run spaCy's tokenizer
once took quadratic time over); ``quotes-N`` is ``quote_rich_fr.txt`` (French wire copy dense in quotes)
repeated to N characters (``k`` and ``mb`` suffixes), ``flatquotes-N`` the same in a single paragraph (as the
corpus's copy comes); ``corpus`` runs the first ``--limit`` corpus articles one by one and reports the slowest.
Each case runs in a child process (model loading excluded from the times, peak RSS included) that is killed
after ``--timeout`` seconds, so a case that does not finish is reported as such instead of hanging.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpus" / "orangesum-fr-news.jsonl.gz"
DEFAULT_CASES = "marks-16000,marks-100000,quotes-200k,flatquotes-200k,quotes-1mb,corpus"


def _size(spec: str) -> int:
    for suffix, factor in (("mb", 1_000_000), ("k", 1_000)):
        if spec.endswith(suffix):
            return int(float(spec[:-len(suffix)]) * factor)
    return int(spec)


def case_texts(case: str, corpus: Path, limit: int) -> list[tuple[str, str]]:
    """(id, text) pairs of one case."""
    kind, _, arg = case.partition("-")
    if kind == "marks":
        return [(case, "Il a dit " + "«" * _size(arg))]
    if kind in ("quotes", "flatquotes"):
        # flatquotes: the paragraphs run together into one, as in the corpus's copy
        unit = (HERE / "quote_rich_fr.txt").read_text(encoding="utf-8").strip() + "\n\n"
        if kind == "flatquotes":
            unit = unit.replace("\n\n", " ")
        size = _size(arg)
        text = (unit * (size // len(unit) + 1))[:size]
        # Under the 1,000,000-byte input limit (accented letters take two bytes in UTF-8).
        while len(text.encode()) > 1_000_000:
            text = text[:-1000]
        return [(case, text)]
    if kind == "corpus":
        with gzip.open(corpus, "rt", encoding="utf-8") as f:
            return [(r["id"], r["text"]) for r in map(json.loads, islice(f, limit))]
    raise SystemExit(f"unknown case {case!r}")


def _timed(call: Callable[[Any], None], name: str, spent: Counter[str]) -> Callable[[Any], None]:
    def run(arg: Any) -> None:
        start = time.perf_counter()
        try:
            call(arg)
        finally:
            spent[name] += time.perf_counter() - start
    return run


def run_case(case: str, corpus: Path, limit: int) -> dict[str, Any]:
    """In the child: every text of the case through the pipeline, one at a time."""
    from wirecoder import Article, Pipeline

    pipeline = Pipeline()
    pipeline.extract(Article(id="warm", text="PARIS (AFP) - « Bonjour », a dit le ministre."))
    spent: Counter[str] = Counter()
    for st in pipeline.stages:  # Stage is frozen: wrap its functions in place for this run only
        object.__setattr__(st, "run", _timed(st.run, st.name, spent))
        if st.batch is not None:
            object.__setattr__(st, "batch", _timed(st.batch, st.name, spent))
    worst: tuple[float, str, int, Counter[str]] = (0.0, "", 0, Counter())
    total = 0.0
    texts = case_texts(case, corpus, limit)
    for ident, text in texts:
        before = Counter(spent)
        start = time.perf_counter()
        pipeline.extract(Article(id=ident, text=text))
        seconds = time.perf_counter() - start
        total += seconds
        if seconds >= worst[0]:
            worst = (seconds, ident, len(text), spent - before)
    return {"case": case, "articles": len(texts), "total_s": round(total, 2), "worst_s": round(worst[0], 2),
            "worst_id": worst[1], "worst_chars": worst[2],
            "worst_stages": {k: round(v, 2) for k, v in worst[3].most_common(4)},
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default=DEFAULT_CASES)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(args.child, args.corpus, args.limit)))
        return
    print("| case | articles | chars (worst) | worst article s | slowest stages (worst) | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    for case in args.cases.split(","):
        cmd = [sys.executable, __file__, "--child", case, "--corpus", str(args.corpus), "--limit", str(args.limit)]
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout, check=True).stdout
        except subprocess.TimeoutExpired:
            print(f"| {case} | | | did not finish in {args.timeout:.0f} s | | |", flush=True)
            continue
        except subprocess.CalledProcessError as exc:
            print(f"| {case} | | | failed: {exc.stderr.strip().splitlines()[-1:]} | | |", flush=True)
            continue
        r = json.loads(out.strip().splitlines()[-1])
        stages = ", ".join(f"{k} {v}" for k, v in r["worst_stages"].items())
        print(f"| {case} | {r['articles']} | {r['worst_chars']} ({r['worst_id']}) | {r['worst_s']} | {stages} "
              f"| {r['peak_rss_mb']} |", flush=True)


if __name__ == "__main__":
    main()
