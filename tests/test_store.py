"""The store: schema migrations, round-trip of documents, idempotent and replacing writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from wirecoder import Article, Document, Pipeline
from wirecoder.store import Store
from wirecoder.store.tables import article_actors, articles, mentions


@pytest.fixture
def store(tmp_path: Path):
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as s:
        yield s


def make_doc(article: Article, pipeline: Pipeline | None = None) -> Document:
    return next(iter((pipeline or Pipeline(stages=["structure"])).process([article])))


def test_sqlite_is_in_wal_mode_and_migrated(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
    Store(store.url).close()  # opening again is a no-op migration


def test_round_trip_and_idempotence(store: Store) -> None:
    art = Article("a1", "(Dakar) Le président a reçu son homologue.\n\nAFP", date="2024-05", date_precision="month")
    doc = make_doc(art)
    assert store.write(doc, art.content_hash) == "added"
    assert store.write(doc, art.content_hash) == "unchanged"
    assert store.document("a1") == doc.to_dict()
    assert Document.from_dict(store.document("a1") or {}) == doc
    assert store.stored_hashes(["a1", "zz"]) == {"a1": art.content_hash}
    assert store.document("missing") is None


@pytest.mark.model
def test_changed_article_replaces_its_annotations(store: Store, pipeline: Pipeline) -> None:
    first = Article("a2", "Le Pentagone a confirmé mardi une frappe en Syrie.", date="2024-01-09",
                    date_precision="day")
    second = Article("a2", "Le Kremlin a démenti mardi toute implication en Ukraine.", date="2024-01-09",
                     date_precision="day")
    assert store.write(make_doc(first, pipeline), first.content_hash) == "added"
    assert store.write(make_doc(second, pipeline), second.content_hash) == "replaced"
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar() == 1
        texts = set(conn.execute(select(mentions.c.text)).scalars())
        ids = set(conn.execute(select(article_actors.c.actor_id)).scalars())
    assert "Kremlin" in texts and "Pentagone" not in texts
    assert "us-dod" not in ids
    stats = store.stats()
    assert stats["counts"]["articles"] == 1 and stats["dates"] == ["2024-01-09", "2024-01-09"]


def test_annotation_offsets_are_stored(store: Store) -> None:
    art = Article("a3", "(Bamako) La junte a annoncé un couvre-feu.")
    doc = make_doc(art)
    store.write(doc, art.content_hash)
    stored = store.document("a3") or {}
    assert stored["dateline"]["place"] == "Bamako"
    assert stored["text"][stored["dateline"]["start"]:stored["dateline"]["end"]] == "(Bamako) "
