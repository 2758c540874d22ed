#!/usr/bin/env python3
"""Run ``wirecoder extract`` on the four dev sets and list every difference from a saved run.

    python benchmarks/compare_outputs.py --save out/before          # keep the current outputs
    python benchmarks/compare_outputs.py --against out/before       # run again and compare
    python benchmarks/compare_outputs.py --ref main~3 --against-ref  # the outputs of a git revision, then now

A refactoring that should change nothing must print no difference. Each difference names the set, the
article id and the JSON path that changed, with both values, so a change that was meant can be explained
in a note. ``--ref REV`` checks the revision out in a temporary worktree and runs it with this
interpreter (the same packages), so "before" needs no second install. Exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
# name -> (input file, extra extract options)
SETS: dict[str, tuple[Path, tuple[str, ...]]] = {
    "events": (EVAL / "events" / "dev.jsonl", ()),
    "ftib": (EVAL / "timex" / "ftib-dev.jsonl", ()),
    "asfalda-quotes": (EVAL / "quotes" / "asfalda-dev.jsonl", ("--quote-scope", "quotes")),
    "asfalda-speech": (EVAL / "quotes" / "asfalda-dev.jsonl", ("--quote-scope", "speech")),
}
MAX_SHOWN = 200  # differences printed in full; the count covers all


def run_sets(out_dir: Path, source: Path, names: list[str]) -> None:
    """``wirecoder extract`` of each set into ``out_dir/NAME.jsonl``, with the package found in ``source``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(source)}
    for name in names:
        path, options = SETS[name]
        target = out_dir / f"{name}.jsonl"
        print(f"extract {name} ({source.name}) -> {target}", file=sys.stderr)
        command = [sys.executable, "-c", "from wirecoder.cli import main; main()", "extract", str(path), *options]
        subprocess.run([*command, "-o", str(target)], env=env, check=True, cwd=source)


def documents(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return {doc["id"]: doc for doc in map(json.loads, f)}


def differences(before: Any, after: Any, where: str = "") -> Iterator[tuple[str, Any, Any]]:
    """(JSON path, before, after) for every value that differs."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after), key=str):
            yield from differences(before.get(key, "<absent>"), after.get(key, "<absent>"), f"{where}.{key}")
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for i, (b, a) in enumerate(zip(before, after, strict=True)):
            yield from differences(b, a, f"{where}[{i}]")
    elif before != after or type(before) is not type(after):
        yield where or ".", before, after


def compare(before_dir: Path, after_dir: Path, names: list[str]) -> int:
    total = 0
    for name in names:
        before, after = documents(before_dir / f"{name}.jsonl"), documents(after_dir / f"{name}.jsonl")
        found = 0
        for doc_id in sorted(set(before) | set(after)):
            for path, old, new in differences(before.get(doc_id, "<absent>"), after.get(doc_id, "<absent>")):
                if total + found < MAX_SHOWN:
                    print(f"{name} {doc_id} {path}\n  before: {json.dumps(old, ensure_ascii=False)[:300]}"
                          f"\n  after:  {json.dumps(new, ensure_ascii=False)[:300]}")
                found += 1
        byte_same = (before_dir / f"{name}.jsonl").read_bytes() == (after_dir / f"{name}.jsonl").read_bytes()
        print(f"{name}: {len(after)} documents, {found} differences, byte-identical: {'yes' if byte_same else 'no'}")
        total += found
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--save", type=Path, help="write the current outputs here and stop")
    parser.add_argument("--against", type=Path, help="compare the current outputs with those saved here")
    parser.add_argument("--ref", help="git revision whose outputs are the 'before' (run in a temporary worktree)")
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=list(SETS))
    parser.add_argument("--out", type=Path, help="where the current outputs go (default: a temporary folder)")
    args = parser.parse_args()
    if args.save:
        run_sets(args.save, ROOT, args.sets)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        before = args.against
        if args.ref:
            tree = Path(tmp) / "before-tree"
            subprocess.run(["git", "worktree", "add", "--detach", str(tree), args.ref], cwd=ROOT, check=True,
                           capture_output=True)
            try:
                before = Path(tmp) / "before"
                run_sets(before, tree, args.sets)
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=True)
        if before is None:
            parser.error("give --save, --against or --ref")
        after = args.out or Path(tmp) / "after"
        run_sets(after, ROOT, args.sets)
        return 1 if compare(before, after, args.sets) else 0


if __name__ == "__main__":
    sys.exit(main())
