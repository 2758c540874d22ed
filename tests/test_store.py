"""The store: schema migrations, round-trip of documents, idempotent and replacing writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, func, select, text

from wirecoder import Article, Document, Pipeline
from wirecoder.store import EventQuery, Store
from wirecoder.store.database import alembic_config
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
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
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


def test_later_annotations_get_their_rows(store: Store) -> None:
    """The time, places, quotes and events stages write into tables that exist from the start."""
    from wirecoder.annotations import Event, EventRole, EventTrigger, Place, Quote, QuoteSpeaker, TextSpan
    from wirecoder.core.time_value import TimeValue
    from wirecoder.store.tables import events, places, quotes, timexes

    text = "Des roquettes ont visé l'ambassade à Bagdad le 8 décembre, a-t-il dit."
    art = Article("a4", text, date="2023-12", date_precision="month")
    doc = make_doc(art, Pipeline(stages=["structure", "parse", "timex"]))
    assert [t.text for t in doc.timexes] == ["le 8 décembre"]  # found by the timex stage itself
    doc.places = [Place(start=37, end=43, text="Bagdad", name="Baghdad", country="IRQ", kind="city", lat=33.34,
                        lon=44.4, geonames_id=98182, precision=1)]
    doc.quotes = [Quote(start=0, end=56, text=text[:56], kind="indirect",
                        speaker=QuoteSpeaker(text="il", name=None, start=62, end=64))]
    doc.events = [Event(type="ASSAULT", mode="heavy-weapons",
                        location=EventRole(text="Bagdad", name="Baghdad", country="IRQ"),
                        date=TimeValue.parse("2023-12-08"), injured=0, factuality="asserted",
                        evidence=TextSpan(start=0, end=57, text=text[:57]),
                        trigger=EventTrigger(start=18, end=22, text=text[18:22], lemma="viser"))]
    store.write(doc, art.content_hash)
    with store.engine.connect() as conn:
        assert tuple(conn.execute(select(timexes.c.start, timexes.c.value, timexes.c.precision, timexes.c.anchor,
                                         timexes.c.period)).one()) == (44, "2023-12-08", "day", "publication",
                                                                       "2023-12-08")
        assert conn.execute(select(places.c.country, places.c.geonames_id)).one() == ("IRQ", 98182)
        assert conn.execute(select(quotes.c.kind, quotes.c.speaker_start)).one() == ("indirect", 62)
        row = conn.execute(select(events.c.type, events.c.country, events.c.injured, events.c.evidence_end,
                                  events.c.trigger_start)).one()
        assert tuple(row) == ("ASSAULT", "IRQ", 0, 57, 18)
    assert (store.document("a4") or {})["events"][0]["mode"] == "heavy-weapons"


def test_migration_0004_keeps_stored_events_and_indexes_stored_articles(tmp_path: Path) -> None:
    """A database written before event_data and the search table: its events and texts are carried over."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(text("INSERT INTO articles (id, content_hash, date, text, document, ingested_at) VALUES "
                          "('a1', 'h', '2024-05-02', 'Des roquettes ont visé la base.', '{}', '2024-05-02')"))
        conn.execute(text("INSERT INTO events (article_pk, type, factuality, evidence_start, evidence_end, date_start,"
                          " data) VALUES (1, 'ASSAULT', 'asserted', 0, 31, '2024-05-02', "
                          "'{\"type\": \"ASSAULT\", \"evidence\": {\"start\": 0, \"end\": 31}}')"))
    engine.dispose()
    with Store(url) as store:
        [event] = store.events(EventQuery())
        assert event["type"] == "ASSAULT" and event["evidence"] == {"start": 0, "end": 31}
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'roquettes'")).all()


def test_search_follows_a_replaced_article(store: Store) -> None:
    from wirecoder.store.catalog import Page, search_articles

    first = Article("a1", "(Dakar) Le président a reçu son homologue.", date="2024-05", date_precision="month")
    store.write(make_doc(first), first.content_hash)
    second = Article("a1", "(Dakar) Le ministre a inauguré un pont.", date="2024-05", date_precision="month")
    assert store.write(make_doc(second), second.content_hash) == "replaced"
    with store.engine.connect() as conn:
        assert search_articles(conn, Page(), "pont")["total"] == 1
        assert search_articles(conn, Page(), "homologue")["total"] == 0


def test_a_place_shared_by_several_countries_is_listed_under_each(store: Store) -> None:
    from wirecoder.annotations import Place
    from wirecoder.store.catalog import Page, list_places

    doc = make_doc(Article(id="p1", text="Deux randonneurs sont morts dans les Pyrénées."))
    doc.places = [Place(start=37, end=45, text="Pyrénées", name="Pyrenees", country="FRA; ESP; AND", kind="other",
                        lat=42.7, lon=0.8, precision=3, mentions=[(37, 45)])]
    store.write(doc, "h1")
    with store.engine.connect() as conn:
        for code in ("FRA", "esp", "AND"):
            assert [p["name"] for p in list_places(conn, Page(1, 50), country=code)["items"]] == ["Pyrenees"]
        assert list_places(conn, Page(1, 50), country="ES")["total"] == 0  # a whole code, not a piece of one
