"""Table-driven cases for the tense the timex stage reads off the parse (tests/data/timex_tense_cases.tsv).

Each row is a sentence with one bracketed weekday, a publication date and the tense the stage must read at it
(``-``: none); the whole pipeline runs on the sentence, and the expression must come out with the value,
interval, precision and mod given: "mardi" is the last Tuesday in a past clause and the next one otherwise.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wirecoder import Pipeline, extract
from wirecoder.stages.parse import load_nlp
from wirecoder.timex.tense import clause_tense

from .test_timex_cases import COLUMNS, null

pytestmark = pytest.mark.model

TABLE = Path(__file__).parent / "data" / "timex_tense_cases.tsv"


def load_cases() -> list[pytest.param]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == COLUMNS
    return [pytest.param(dict(zip(COLUMNS, line.split("\t"), strict=True)), id=f"{n}:{line.split(chr(9))[2][:50]}")
            for n, line in enumerate(lines[1:], start=2) if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def nlp(pipeline: Pipeline):
    return load_nlp(pipeline.settings["nlp.model"], pipeline.settings["nlp.language"])


@pytest.mark.parametrize("row", load_cases())
def test_tense_case(row: dict[str, str], pipeline: Pipeline, nlp) -> None:
    marked = re.search(r"\[([^\]]+)\]", row["sentence"])
    assert marked is not None
    text = row["sentence"].replace("[", "").replace("]", "")
    doc = nlp(text)
    start, end = marked.start(), marked.start() + len(marked.group(1))
    span = doc.char_span(start, end, alignment_mode="expand")
    assert clause_tense(span.root, "fr") == null(row["tense"])
    found = extract(text, date=row["pub"], pipeline=pipeline).timexes
    timex = next((t for t in found if (t.start, t.end) == (start, end)), None)
    assert timex is not None, f"expected {marked.group(1)!r}, found {[t.text for t in found]}"
    got = {"type": timex.type, "value": str(timex.value), "earliest": timex.earliest, "latest": timex.latest,
           "precision": timex.precision, "mod": timex.mod}
    assert got == {k: null(row[k]) for k in got}
