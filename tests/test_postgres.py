"""PostgreSQL: the same Alembic schema, the store and the API over it, French full-text search, concurrent
writers, and ``wirecoder ingest`` into it. A throwaway server is started by the test setup (conftest)."""

from __future__ import annotations

import multiprocessing
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from wirecoder import Document, Settings
from wirecoder.api import create_app
from wirecoder.cli import cli, samples_dir
from wirecoder.store import EventQuery, Store
from wirecoder.store.tables import articles, event_data, events, metadata

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def sample_documents(demo_db: str) -> list[tuple[dict[str, Any], str]]:
    """The sample stories' Documents (as stored in SQLite by the pipeline) and their content hashes."""
    with Store(demo_db) as store, store.engine.connect() as conn:
        return [(dict(r.document), r.content_hash)
                for r in conn.execute(select(articles.c.document, articles.c.content_hash).order_by(articles.c.id))]


def _counts(url: str) -> dict[str, int]:
    with Store(url) as store, store.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (articles, events, event_data)}


def test_migrations_build_the_tables_schema(postgres_url: str) -> None:
    with Store(postgres_url) as store, store.engine.connect() as conn:
        # The search column is PostgreSQL's own (migration 0005), outside the SQLAlchemy metadata.
        def modelled(name: str | None, kind: str, parents: dict[str, Any]) -> bool:
            return (kind, name) not in {("column", "search"), ("index", "ix_articles_search")}
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_name": modelled}), metadata)
    assert diff == []
    Store(postgres_url).close()  # opening again is a no-op


def test_documents_round_trip(postgres_url: str, sample_documents, demo_db: str) -> None:
    with Store(postgres_url) as store:
        for data, content_hash in sample_documents:
            assert store.write(Document.from_dict(data), content_hash) == "added"
        for data, content_hash in sample_documents:
            assert store.write(Document.from_dict(data), content_hash) == "unchanged"
        assert store.document(sample_documents[0][0]["id"]) == sample_documents[0][0]
        assert store.events(EventQuery(types=("ASSAULT",), country="UKR")) != []
    with Store(demo_db) as sqlite_store:
        expected = sqlite_store.events(EventQuery())
    with Store(postgres_url) as store:
        got = store.events(EventQuery())
    # The same events in the same order as in SQLite (ids aside).
    strip = lambda e: {k: v for k, v in e.items() if k != "id"}  # noqa: E731
    assert [strip(e) for e in got] == [strip(e) for e in expected]
    assert _counts(postgres_url) == _counts(demo_db)


def test_api_and_french_search_over_postgres(postgres_url: str, sample_documents) -> None:
    with Store(postgres_url) as store:
        for data, content_hash in sample_documents:
            store.write(Document.from_dict(data), content_hash)
    with TestClient(create_app(Settings({"store.url": postgres_url}))) as client:
        # French stemming: the singular finds "roquettes".
        found = client.get("/api/articles", params={"q": "roquette"}).json()
        assert "02-erbil-roquettes" in [a["id"] for a in found["items"]]
        assert client.get("/api/articles", params={"q": '"garde à vue" synagogue'}).json()["total"] == 1
        assert client.get("/api/articles", params={"q": "'; DROP TABLE articles; --"}).status_code == 200
        total = client.get("/api/events").json()["total"]
        months = client.get("/api/aggregates", params={"by": "week", "group": "country"}).json()
        assert months["buckets"] and client.get("/api/event-points").json()["points"]
        assert client.get("/api/events", params={"actor": "Russia", "since": "2024"}).json()["total"] > 0
        assert total == _counts(postgres_url)["events"]


def _write_all(url: str, documents: list[tuple[dict[str, Any], str]]) -> list[str]:
    with Store(url) as store:
        return [store.write(Document.from_dict(d), h) for d, h in documents]


def test_concurrent_writers(postgres_url: str, sample_documents) -> None:
    """Four processes write the same articles at once, in different orders: each article is stored once,
    with its annotations once, and no writer fails."""
    orders = [sample_documents, sample_documents[::-1], sample_documents[1::2] + sample_documents[::2],
              sample_documents[::2] + sample_documents[1::2]]
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        outcomes = pool.starmap(_write_all, [(postgres_url, order) for order in orders])
    added = sum(o.count("added") for o in outcomes)
    assert added == len(sample_documents)
    assert all(set(o) <= {"added", "unchanged"} for o in outcomes)
    with Store(postgres_url) as store, store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == len(sample_documents)
        per_article = conn.execute(select(events.c.article_pk, func.count()).group_by(events.c.article_pk)).all()
    expected = {d["id"]: len(d["events"]) for d, _ in sample_documents if d["events"]}
    assert sorted(n for _, n in per_article) == sorted(expected.values())


def test_ingest_into_postgres_with_workers_and_again(postgres_url: str) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["--db", postgres_url, "ingest", "--workers", "2", samples_dir()])
    assert first.exit_code == 0, first.output
    assert "14 added, 0 replaced, 0 unchanged" in first.output and "skipped: 0" in first.output
    again = runner.invoke(cli, ["--db", postgres_url, "ingest", "--workers", "2", samples_dir()])
    assert "0 added, 0 replaced, 14 unchanged" in again.output
    assert _counts(postgres_url)["articles"] == 14


def test_hostile_paging_and_nul_are_422_over_postgres(postgres_url: str) -> None:
    with TestClient(create_app(Settings({"store.url": postgres_url})), raise_server_exceptions=False) as client:
        for path in ("/api/events", "/api/articles", "/api/actors", "/api/quotes", "/api/places"):
            assert client.get(path, params={"page": 2**63 - 1}).json()["error"]["parameter"] == "page"
            assert client.get(path, params={"page": 2**63 // 50}).status_code == 200
        for path, parameter in (("/api/articles?q=%00", "q"), ("/api/quotes?q=a%00b", "q"),
                                ("/api/places?q=%00", "q"), ("/api/events?place=%00", "place")):
            assert client.get(path).json()["error"]["parameter"] == parameter
        assert client.get("/api/articles", params={"q": "mot"}).status_code == 200


def test_a_place_shared_by_several_countries_is_stored(postgres_url: str, sample_documents) -> None:
    """Migration 0006: a place's country may be several codes ("Pyrénées": "FRA; ESP; AND"), too long for
    the three characters PostgreSQL enforced before."""
    data = dict(sample_documents[0][0], id="shared-range")
    place = dict(data["places"][0], country="FRA; ESP; AND")
    data["places"] = [place, *data["places"][1:]]
    with Store(postgres_url) as store:
        assert store.write(Document.from_dict(data), "shared-range-hash") == "added"
        assert store.document("shared-range")["places"][0]["country"] == "FRA; ESP; AND"
