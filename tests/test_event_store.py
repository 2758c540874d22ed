"""Stored events: their filter columns, ``Store.events`` and ``wirecoder events``; the migrated schema
is the tables' schema."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner

from wirecoder import Article, Pipeline
from wirecoder.cli import cli
from wirecoder.store import EventQuery, Store
from wirecoder.store.tables import ARTICLE_SEARCH_TABLE, metadata
from wirecoder.timex.calendar import value_bounds

STORIES = {
    "gao": ("2024-03-15", "(Bamako) Trois soldats maliens ont été tués mardi par des jihadistes près de Gao."),
    "marseille": ("2024-03-10", "Des milliers de personnes ont manifesté samedi à Marseille contre la réforme."),
    "paris": ("2024-02", "Paris a demandé la libération du journaliste français détenu à Téhéran."),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('events') / 'e.db'}"
    articles = [Article(i, text, date=d, date_precision="day" if len(d) == 10 else "month")
                for i, (d, text) in STORIES.items()]
    with Store(url) as store:
        for art, doc in zip(articles, pipeline.process(articles), strict=True):
            store.write(doc, art.content_hash)
    return url


def test_migrations_build_the_tables_schema(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'm.db'}") as store, store.engine.connect() as conn:
        # The full-text search tables are SQLite virtual tables, outside the SQLAlchemy metadata.
        def modelled(name: str | None, kind: str, _parent: object) -> bool:
            return not (kind == "table" and name is not None and name.startswith(ARTICLE_SEARCH_TABLE))
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_name": modelled}), metadata)
    assert diff == []


@pytest.mark.parametrize("value,bounds", [("2023-10-17/2023-12", ("2023-10-17", "2023-12-31")),
                                          ("2024-02", ("2024-02-01", "2024-02-29")),
                                          ("2014", ("2014-01-01", "2014-12-31")),
                                          ("2023-12-08", ("2023-12-08", "2023-12-08")), ("P10D", (None, None)),
                                          ("2023-13", (None, None)), ("2023-02-30", (None, None)),
                                          (None, (None, None))])
def test_value_bounds(value: str | None, bounds: tuple) -> None:
    assert value_bounds(value) == bounds


@pytest.mark.model
@pytest.mark.parametrize("query,ids", [
    (EventQuery(), ["paris", "marseille", "gao"]),  # by article date
    (EventQuery(types=("assault",)), ["gao"]),
    (EventQuery(modes=("demo",)), ["marseille"]),
    (EventQuery(country="mli"), ["gao"]),
    (EventQuery(country="FRA", types=("REQUEST",)), ["paris"]),
    (EventQuery(place="gao"), ["gao"]),
    (EventQuery(since="2024-03-10"), ["gao"]),  # the protest was on the 9th
    (EventQuery(since="2024-03", until="2024-03-09"), ["marseille"]),
    (EventQuery(until="2024-02"), ["paris"]),
    (EventQuery(actor="Government of France"), ["paris"]),
    (EventQuery(factualities=("negated",)), []),
    (EventQuery(article="gao", limit=1), ["gao"]),
])
def test_store_filters(db: str, query: EventQuery, ids: list[str]) -> None:
    with Store(db) as store:
        assert [e["article_id"] for e in store.events(query)] == ids


@pytest.mark.model
def test_events_command_formats(db: str) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", db, "events", "--type", "ASSAULT", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (event,) = [json.loads(line) for line in result.output.splitlines()]
    assert (event["type"], event["killed"], event["article_id"]) == ("ASSAULT", 3, "gao")

    result = runner.invoke(cli, ["--db", db, "events", "--format", "csv", "--country", "MLI"])
    (row,) = csv.DictReader(io.StringIO(result.output))
    # soldiers are an armed recipient: CAMEO "fight", ACLED "battles"
    assert (row["type"], row["killed"], row["location"], row["cameo"], row["acled_event_type"]) == \
        ("ASSAULT", "3", "Gao", "19", "Battles")
    assert row["evidence"].startswith("Trois soldats maliens")

    result = runner.invoke(cli, ["--db", db, "events", "--place", "Marseille"])
    assert result.exit_code == 0 and "PROTEST/demo" in result.output
    assert "'Des milliers de personnes ont manifesté samedi" in result.output and "[0:" in result.output


@pytest.mark.model
def test_stats_count_event_types(db: str) -> None:
    result = CliRunner().invoke(cli, ["--db", db, "stats"])
    assert "event types: " in result.output and "ASSAULT 1" in result.output and "PROTEST 1" in result.output


@pytest.mark.model
@pytest.mark.parametrize("args,message", [(["--since", "mars"], "not an ISO date"),
                                          (["--type", "BATTLE"], "known: AGREE")])
def test_events_command_rejects_bad_filters(db: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["--db", db, "events", *args])
    assert result.exit_code == 2 and message in result.output
