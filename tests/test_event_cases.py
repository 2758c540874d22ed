"""Table-driven event cases (tests/data/event_cases.tsv): one short French text each, with an event type the
stage must find (by its trigger, where given) or must not find."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder import Pipeline, extract

from .case_tables import read_cases

pytestmark = pytest.mark.model

TABLE = Path(__file__).parent / "data" / "event_cases.tsv"
ANY = "-"


def _rows() -> list[tuple[int, dict[str, str]]]:
    rows = read_cases(TABLE)
    for number, row in rows:
        assert row["found"] in ("yes", "no"), f"{TABLE.name}:{number}: found is yes or no"
    return rows


@pytest.mark.parametrize("row", [r for _, r in _rows()], ids=[f"{n}:{r['type']}:{r['why']}" for n, r in _rows()])
def test_case(row: dict[str, str], pipeline: Pipeline) -> None:
    found = extract(row["text"], date="2024-03-12", pipeline=pipeline).to_dict()["events"]
    of_type = [e for e in found if e["type"] == row["type"]]
    seen = [(e["type"], e["trigger"]["text"]) for e in found]
    if row["found"] == "no":
        assert not of_type, seen
        return
    assert of_type, seen
    if row["trigger"] != ANY:
        assert row["trigger"] in [e["trigger"]["text"] for e in of_type], seen
