"""Table-driven place cases (tests/data/place_cases.tsv): one French sentence each, with a place the
stage must report (text, country, kind and, where given, name) or a name it must not report as a place."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder import Pipeline, extract

from .case_tables import read_cases

pytestmark = pytest.mark.model

TABLE = Path(__file__).parent / "data" / "place_cases.tsv"
ANY = "-"


def _rows() -> list[tuple[int, dict[str, str]]]:
    return read_cases(TABLE)


@pytest.mark.parametrize("row", [r for _, r in _rows()], ids=[f"{n}:{r['text']}" for n, r in _rows()])
def test_case(row: dict[str, str], pipeline: Pipeline) -> None:
    doc = extract(row["sentence"], date="2024-03-12", pipeline=pipeline)
    reported = {p.text: p for p in doc.places}
    if row["kind"] == "absent":
        assert row["text"] not in reported, reported[row["text"]]
        return
    assert row["text"] in reported, f"{row['text']!r} not among {sorted(reported)}"
    place = reported[row["text"]]
    assert (place.country, place.kind) == (None if row["country"] == ANY else row["country"], row["kind"])
    if row["name"] != ANY:
        assert place.name == row["name"]
    assert doc.text[place.start:place.end] == place.text
    if place.precision == 4:  # named but not located: no point, a country from the context
        assert place.lat is None and place.lon is None and place.country is not None
    elif place.kind != "other" or place.name:
        assert place.lat is not None and place.precision in {1, 2, 3}
