"""``wirecoder export``: every format re-read by a standard reader (csv, json, pyarrow) with the expected
columns, the filters applied, and what a format cannot hold counted, not silently dropped."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from wirecoder.cli import cli
from wirecoder.export.records import ACLED_COLUMNS, GDELT_COLUMNS, QUAD_CLASS, TABLE_COLUMNS
from wirecoder.store import EventQuery, Store

pytestmark = pytest.mark.model


def _export(db: str, tmp_path: Path, fmt: str, *args: str) -> tuple[Path, str]:
    out = tmp_path / f"events.{fmt}"
    result = CliRunner().invoke(cli, ["--db", db, "export", "--format", fmt, "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="module")
def stored(demo_db: str) -> tuple[list[dict], dict[str, str]]:
    """Every stored event, and every article's text."""
    with Store(demo_db) as store:
        events = store.events(EventQuery())
        texts = {e["article_id"]: store.document(e["article_id"])["text"] for e in events}
    return events, texts


def test_csv_rows_point_at_their_evidence(demo_db: str, tmp_path: Path, stored) -> None:
    events, texts = stored
    path, message = _export(demo_db, tmp_path, "csv")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == TABLE_COLUMNS and len(rows) == len(events)
    for row in rows:
        assert texts[row["article_id"]][int(row["evidence_start"]):int(row["evidence_end"])] == row["evidence"]
    assert f"exported {len(events)} event(s) as csv" in message


def test_parquet_has_typed_columns(demo_db: str, tmp_path: Path, stored) -> None:
    path, _ = _export(demo_db, tmp_path, "parquet", "--type", "ASSAULT")
    table = pq.read_table(path)
    assert tuple(table.schema.names) == TABLE_COLUMNS
    assert str(table.schema.field("killed").type) == "int64" and str(table.schema.field("latitude").type) == "double"
    assert set(table.column("type").to_pylist()) == {"ASSAULT"}
    assert table.num_rows == sum(1 for e in stored[0] if e["type"] == "ASSAULT")


def test_jsonl_keeps_whole_records(demo_db: str, tmp_path: Path, stored) -> None:
    path, _ = _export(demo_db, tmp_path, "jsonl", "--country", "UKR")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert records and all({"evidence", "trigger", "mentions", "id", "article_id"} <= r.keys() for r in records)
    assert len(records) < len(stored[0])


def test_plover_records(demo_db: str, tmp_path: Path, stored) -> None:
    path, _ = _export(demo_db, tmp_path, "plover")
    records = json.loads(path.read_text(encoding="utf-8"))
    assert len(records) == len(stored[0])
    texts = stored[1]
    for r in records:
        assert {"event_id", "event_date", "event_type", "event_mode", "actor", "recipient", "location",
                "event_text", "evidence", "story_id"} <= r.keys()
        span = r["evidence"]
        assert texts[r["story_id"]][span["start"]:span["end"]] == r["event_text"]


def test_acled_rows_are_what_acled_codes(demo_db: str, tmp_path: Path, stored) -> None:
    path, message = _export(demo_db, tmp_path, "acled")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    fits = [e for e in stored[0] if e.get("acled_event_type") and e["factuality"] == "asserted"]
    assert len(rows) == len(fits) > 0
    assert all(r["event_type"] and r["event_date"] and r["time_precision"] in "123" for r in rows)
    assert all(r["fatalities"].isdigit() for r in rows)
    left_out = len(stored[0]) - len(fits)
    assert f"exported {len(rows)} event(s) as acled; left out: " in message
    assert sum(int(n) for n in __import__("re").findall(r"(\d+) (?:without|not)", message)) == left_out


def test_gdelt_tsv_with_cameo_roots(demo_db: str, tmp_path: Path) -> None:
    path, _ = _export(demo_db, tmp_path, "gdelt")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == GDELT_COLUMNS and rows
    for r in rows:
        assert len(r["SQLDATE"]) == 8 and r["SQLDATE"].isdigit()
        assert r["EventRootCode"] in QUAD_CLASS and int(r["QuadClass"]) == QUAD_CLASS[r["EventRootCode"]]
        assert "\t" not in r["EvidenceText"] and "\n" not in r["EvidenceText"]


def test_export_to_stdout_and_its_errors(demo_db: str) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", demo_db, "export", "--format", "csv", "-o", "-", "--type", "PROTEST"])
    assert result.exit_code == 0 and result.stdout.startswith("id,article_id")
    parquet = runner.invoke(cli, ["--db", demo_db, "export", "--format", "parquet", "-o", "-"])
    assert parquet.exit_code == 2 and "parquet needs a file" in parquet.output
    bad = runner.invoke(cli, ["--db", demo_db, "export", "--format", "csv", "-o", "x.csv", "--since", "hier"])
    assert bad.exit_code == 2 and "since: not an ISO date" in bad.output


def test_api_export_downloads_the_same_file(demo_db: str, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from wirecoder import Settings
    from wirecoder.api import create_app

    path, _ = _export(demo_db, tmp_path, "gdelt", "--type", "ASSAULT")
    with TestClient(create_app(Settings({"store.url": demo_db}))) as client:
        response = client.get("/api/export", params={"format": "gdelt", "type": "ASSAULT"})
    assert response.status_code == 200 and 'filename="wirecoder-events.tsv"' in response.headers["content-disposition"]
    assert response.content == path.read_bytes()
