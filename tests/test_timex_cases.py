"""Table-driven cases for the time tagger (tests/data/timex_cases.tsv; the contract is docs/time.md).

Each row is a sentence with one bracketed expression, a publication date at some precision and a tense; the
tagger must find exactly that span with the value, interval, precision and mod given. A row without
brackets asserts that the sentence holds no time expression at all.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wirecoder.timex import find_timexes

TABLE = Path(__file__).parent / "data" / "timex_cases.tsv"
COLUMNS = ["pub", "tense", "sentence", "type", "value", "earliest", "latest", "precision", "mod", "period"]


def load_cases() -> list[pytest.param]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header == COLUMNS, header
    cases = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        row = dict(zip(COLUMNS, line.split("\t"), strict=True))
        cases.append(pytest.param(row, id=f"{number}:{row['sentence'][:50]}"))
    return cases


CASES = load_cases()


def test_the_table_is_big_enough():
    assert len(CASES) >= 150


def null(cell: str) -> str | None:
    return None if cell == "-" else cell


@pytest.mark.parametrize("row", CASES)
def test_case(row: dict[str, str]) -> None:
    marked = re.search(r"\[([^\]]+)\]", row["sentence"])
    text = row["sentence"].replace("[", "").replace("]", "")
    tense = null(row["tense"])
    found = find_timexes(text, row["pub"], tense=tense)
    if marked is None:
        assert found == [], f"no time expression expected, found {[t.text for t in found]}"
        return
    start = marked.start()
    end = start + len(marked.group(1))
    spans = {(t.start, t.end): t for t in found}
    assert (start, end) in spans, f"expected {marked.group(1)!r}, found {[t.text for t in found]}"
    t = spans[(start, end)]
    got = {"type": t.type, "value": t.value, "earliest": t.earliest, "latest": t.latest,
           "precision": t.precision, "mod": t.mod}
    expected = {k: null(row[k]) for k in got}
    assert got == expected
    if row["period"] != "-":
        assert t.period == row["period"]
