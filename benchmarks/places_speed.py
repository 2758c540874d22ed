#!/usr/bin/env python3
"""Gazetteer load time, resolutions per second and memory, and the places stage's speed on parsed articles.

    python benchmarks/places_speed.py [--input ../shared/eval/events/dev.jsonl] [--names 50000] [--rebuild]

Load time and memory are measured in a fresh process that loads the cached gazetteer (built first if
missing; --rebuild times a build too). Resolutions: names drawn from the gazetteer's French phrases and
its towns, each looked up and ranked with a country context, on one core. Targets (issue 5): load < 1 s,
>= 10,000 resolutions/s, <= 300 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "events" / "dev.jsonl"
TARGET_LOAD_S, TARGET_RATE, TARGET_MB = 1.0, 10_000, 300

_LOAD = """
import json, resource, sys, time
from wirecoder.settings import Settings
from wirecoder.places.gazetteer import load_or_build
s = Settings.load()
start = time.perf_counter()
gaz, path = load_or_build(s["nlp.language"], s["places.min_population"], s["places.cache_dir"] or None)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "places": len(gaz), "names": len(gaz.index), "path": str(path),
                  "file_mb": path.stat().st_size / 2**20 if path else None}))
"""


def _fresh_load() -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _LOAD], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--names", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--rebuild", action="store_true", help="time a build of the gazetteer first")
    args = parser.parse_args()

    from wirecoder.places.gazetteer import load_or_build
    from wirecoder.places.resolve import Clues, best
    from wirecoder.settings import Settings

    settings = Settings.load()
    if args.rebuild:
        start = time.perf_counter()
        load_or_build(settings["nlp.language"], settings["places.min_population"],
                      settings["places.cache_dir"] or None, rebuild=True)
        print(f"build: {time.perf_counter() - start:.1f} s")
    load = _fresh_load()
    print(f"load: {load['seconds']:.2f} s (target < {TARGET_LOAD_S} s), process peak {load['max_rss_mb']:.0f} MB "
          f"(target <= {TARGET_MB} MB); {load['places']:,} places under {load['names']:,} names, "
          f"file {load['file_mb']:.1f} MB")

    gaz, _ = load_or_build(settings["nlp.language"], settings["places.min_population"],
                           settings["places.cache_dir"] or None)
    rng = random.Random(5)
    towns = [p.name for p in rng.sample(gaz.places, min(len(gaz.places), args.names // 2))]
    phrases = list(gaz.phrases)
    names = towns + [rng.choice(phrases) for _ in range(args.names - len(towns))]
    context = {"FRA", "USA", "IRQ"}
    clues = Clues(before="town_preposition", sentence_countries=frozenset({"FRA"}))
    start = time.perf_counter()
    resolved = sum(best(gaz.candidates(n), clues, context) is not None for n in names)
    rate = len(names) / (time.perf_counter() - start)
    print(f"resolutions: {rate:,.0f}/s (target >= {TARGET_RATE:,}/s); {resolved:,} of {len(names):,} names resolved")

    if args.input.exists():
        _stage_speed(args.input, args.rounds)


def _stage_speed(path: Path, rounds: int) -> None:
    """The places stage alone (mention finding + resolution) on articles parsed once."""
    from parsed import parsed_contexts

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    contexts, stage = parsed_contexts(records, ["structure", "parse", "actors"], "places")
    start = time.perf_counter()
    for _ in range(rounds):
        for ctx in contexts:
            stage(ctx)
    seconds = time.perf_counter() - start
    mentions = sum(len(m) for ctx in contexts for p in ctx.document.places for m in [p.mentions])
    print(f"places stage: {len(contexts) * rounds / seconds:,.0f} articles/s, "
          f"{mentions * rounds / seconds:,.0f} mentions/s ({len(contexts)} articles from {path.name}, {rounds} rounds)")


if __name__ == "__main__":
    main()
