"""Table-driven event cases (tests/data/event_cases.tsv): one short French text each, with an event type the
stage must find (by its trigger, where given) or must not find."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder import Pipeline, extract

pytestmark = pytest.mark.model

TABLE = Path(__file__).parent / "data" / "event_cases.tsv"
ANY = "-"


def _rows() -> list[tuple[int, dict[str, str]]]:
    header: list[str] | None = None
    rows = []
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        assert len(cells) == len(header), f"{TABLE.name}:{number}: {len(cells)} cells"
        row = dict(zip(header, cells, strict=True))
        assert row["found"] in ("yes", "no"), f"{TABLE.name}:{number}: found is yes or no"
        rows.append((number, row))
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
