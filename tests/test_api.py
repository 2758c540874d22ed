"""The HTTP API over a database of the sample stories: filters, pages, aggregates, search, errors and the
safety rails (token, sizes, CORS), with FastAPI's in-process client."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from wirecoder import Pipeline, Settings
from wirecoder.api import create_app
from wirecoder.timex.calendar import value_bounds

pytestmark = pytest.mark.model

TOKEN = "s3cret-token"
PASTED = ("(Bamako) Deux soldats maliens ont été tués mardi dans l'attaque d'un poste militaire près de Mopti, "
          "a indiqué l'armée malienne dans un communiqué.")


def _client(url: str, pipeline: Pipeline | None = None, **settings: object) -> TestClient:
    app = create_app(Settings({"store.url": url, **settings}))
    if pipeline is not None:
        # The session's loaded pipeline, rather than loading the model again in the app.
        app.state.annotate = lambda _settings, article: next(iter(pipeline.process([article])))
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client(demo_db: str) -> Iterator[TestClient]:
    with _client(demo_db) as c:
        yield c


def _all(client: TestClient, path: str, **params: object) -> list[dict]:
    items: list[dict] = []
    page = 1
    while True:
        body = client.get(path, params={**params, "page": page, "page_size": 7}).json()
        items += body["items"]
        if len(items) >= body["total"] or not body["items"]:
            return items
        page += 1


def test_health_counts_what_is_stored(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["articles"] == 14 and body["events"] > 50


def test_event_pages_cover_every_event_once_in_date_order(client: TestClient) -> None:
    total = client.get("/api/events").json()["total"]
    items = _all(client, "/api/events")
    assert len(items) == total and len({e["id"] for e in items}) == total
    starts = [value_bounds(e["date"])[0] for e in items if e["date"]]
    assert starts == sorted(starts, reverse=True)
    first = items[0]
    assert {"article_id", "article_date", "article_title", "evidence", "trigger"} <= first.keys()


def test_event_evidence_is_the_article_text_at_its_offsets(client: TestClient) -> None:
    event = client.get("/api/events", params={"type": "ASSAULT", "page_size": 1}).json()["items"][0]
    text = client.get(f"/api/articles/{event['article_id']}").json()["text"]
    assert text[event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]
    assert text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]


@pytest.mark.parametrize("params,check", [
    ({"type": "ASSAULT"}, lambda e: e["type"] == "ASSAULT"),
    ({"type": ["PROTEST", "COERCE"]}, lambda e: e["type"] in ("PROTEST", "COERCE")),
    ({"country": "UKR"}, lambda e: "UKR" in " ".join(str((e.get(r) or {}).get("country"))
                                                     for r in ("actor", "recipient", "location"))),
    ({"since": "2024-03-01", "until": "2024-03-31"},
     lambda e: value_bounds(e["date"])[0] <= "2024-03-31" and value_bounds(e["date"])[1] >= "2024-03-01"),
    ({"factuality": "future"}, lambda e: e["factuality"] == "future"),
    ({"article": "04-lyon-interpellation"}, lambda e: e["article_id"] == "04-lyon-interpellation"),
])
def test_event_filters(client: TestClient, params: dict, check) -> None:
    body = client.get("/api/events", params={**params, "page_size": 500}).json()
    assert body["total"] > 0 and body["total"] < client.get("/api/events").json()["total"]
    assert all(check(e) for e in body["items"])


def test_aggregates_count_every_dated_event(client: TestClient) -> None:
    total = client.get("/api/events", params={"type": "ASSAULT"}).json()["total"]
    body = client.get("/api/aggregates", params={"type": "ASSAULT", "by": "month"}).json()
    assert sum(b["count"] for b in body["buckets"]) + body["undated"] == total
    assert all(b["key"] == "ASSAULT" and len(b["period"]) == 7 for b in body["buckets"])
    weeks = client.get("/api/aggregates", params={"by": "week", "group": "actor"}).json()["buckets"]
    assert weeks and all(b["period"][4:6] == "-W" for b in weeks)
    named = [b for b in weeks if b["key"]]
    assert named and all(b["label"] for b in named)


def test_aggregates_by_country_count_each_country_of_an_event(client: TestClient) -> None:
    buckets = client.get("/api/aggregates", params={"group": "country"}).json()["buckets"]
    assert all(b["key"] is None or len(b["key"]) == 3 for b in buckets)


def test_event_points_are_geocoded_locations(client: TestClient) -> None:
    points = client.get("/api/event-points").json()["points"]
    assert points and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in points)
    assert all(sum(p["types"].values()) == p["count"] for p in points)
    ukraine = client.get("/api/event-points", params={"country": "UKR"}).json()["points"]
    everywhere = {(p["lat"], p["lon"]): p["count"] for p in points}
    assert ukraine and len(ukraine) < len(points)
    assert all(p["count"] <= everywhere[(p["lat"], p["lon"])] for p in ukraine)


@pytest.mark.parametrize("q,expected", [
    ("roquettes", "02-erbil-roquettes"),
    ("synagogue Villeurbanne", "04-lyon-interpellation"),
    ("securite interieure", "04-lyon-interpellation"),  # accents folded
    ('"garde à vue"', "04-lyon-interpellation"),
])
def test_article_search(client: TestClient, q: str, expected: str) -> None:
    body = client.get("/api/articles", params={"q": q}).json()
    assert expected in [a["id"] for a in body["items"]]
    assert body["total"] < 14


@pytest.mark.parametrize("q", ['"', "AND (", "NEAR(", "a*b -c", "'; DROP TABLE articles; --"])
def test_article_search_takes_any_text_as_words(client: TestClient, q: str) -> None:
    assert client.get("/api/articles", params={"q": q}).status_code == 200
    assert client.get("/api/health").json()["articles"] == 14


def test_article_list_and_document(client: TestClient) -> None:
    body = client.get("/api/articles", params={"page_size": 5}).json()
    assert body["total"] == 14 and len(body["items"]) == 5
    dates = [a["date"] for a in body["items"]]
    assert dates == sorted(dates, reverse=True)
    doc = client.get("/api/articles/02-erbil-roquettes").json()
    assert doc["id"] == "02-erbil-roquettes" and doc["events"] and doc["places"] and doc["timexes"]


def test_actor_page_lists_its_events_and_quotes(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"page_size": 20}).json()["items"]
    counts = [a["articles"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    busy = next(a for a in actors if a["events"])
    detail = client.get(f"/api/actors/{busy['id']}").json()
    assert detail["name"] == busy["name"] and detail["event_count"] == busy["events"]
    assert all(busy["id"] in (e["actor"] or {}).get("actor", "") + (e["recipient"] or {}).get("actor", "")
               for e in detail["events"])


def test_quotes_by_speaker(client: TestClient) -> None:
    quoted = client.get("/api/quotes", params={"page_size": 500}).json()["items"]
    speaker = next(q["speaker"] for q in quoted if q["speaker"] and q["speaker"].get("actor"))
    mine = client.get("/api/quotes", params={"speaker": speaker["actor"]}).json()
    assert mine["total"] >= 1 and all(q["speaker"]["actor"] == speaker["actor"] for q in mine["items"])
    words = " ".join(quoted[0]["text"].split()[:3])
    assert client.get("/api/quotes", params={"q": words}).json()["total"] >= 1


def test_places_are_distinct_and_counted(client: TestClient) -> None:
    items = client.get("/api/places", params={"page_size": 500}).json()["items"]
    keys = [(p["name"], p["country"], p["lat"], p["lon"]) for p in items]
    assert len(keys) == len(set(keys)) and items[0]["articles"] >= items[-1]["articles"]
    assert client.get("/api/places", params={"country": "UKR"}).json()["total"] >= 1


@pytest.mark.parametrize("path,status,message", [
    ("/api/events?page_size=501", 422, "page_size: must be at most 500"),
    ("/api/events?page=0", 422, "page:"),
    ("/api/events?since=hier", 422, "since: not an ISO date"),
    ("/api/events?type=BOMB", 422, "type: unknown BOMB"),
    ("/api/events?sort=random", 422, "sort: unknown order"),
    ("/api/aggregates?by=year", 422, "by: unknown period"),
    ("/api/articles/nope", 404, "no article with id 'nope'"),
    ("/api/actors/nope", 404, "no actor"),
    ("/api/nothing", 404, "Not Found"),
])
def test_errors_are_json_with_a_message(client: TestClient, path: str, status: int, message: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert message in response.json()["error"]["message"]


def test_an_internal_error_is_json_without_a_trace(demo_db: str, tmp_path) -> None:
    broken = tmp_path / "broken.db"
    source = sqlite3.connect(demo_db.removeprefix("sqlite:///"))
    source.backup(target := sqlite3.connect(broken))
    source.close()
    target.execute("DROP TABLE quotes")
    target.commit()
    target.close()
    with _client(f"sqlite:///{broken}") as c:
        response = c.get("/api/quotes")
    assert response.status_code == 500
    assert "internal error (OperationalError)" in response.json()["error"]["message"]
    assert "Traceback" not in response.text and "SELECT" not in response.text


def test_extract_annotates_a_pasted_article(demo_db: str, pipeline: Pipeline) -> None:
    with _client(demo_db, pipeline) as c:
        response = c.post("/api/extract", json={"text": PASTED, "date": "2024-05-14"})
    doc = response.json()
    assert response.status_code == 200 and doc["id"].startswith("pasted-")
    assert any(e["type"] == "ASSAULT" and e["killed"] == 2 for e in doc["events"])
    assert any(p["name"] == "Mopti" for p in doc["places"])


def test_extract_names_a_bad_field(client: TestClient) -> None:
    response = client.post("/api/extract", json={"text": PASTED, "date": "14/05/2024"})
    assert response.status_code == 422 and response.json()["error"]["message"].startswith("date")
    assert client.post("/api/extract", json={"date": "2024"}).json()["error"]["message"].startswith("text")


def test_request_size_is_limited(demo_db: str) -> None:
    with _client(demo_db, **{"api.max_request_bytes": 1000}) as c:
        response = c.post("/api/extract", json={"text": "mot " * 500})
    assert response.status_code == 413 and "api.max_request_bytes" in response.json()["error"]["message"]


def test_writes_need_the_token(demo_db: str, tmp_path, pipeline: Pipeline) -> None:
    body = {"text": PASTED, "date": "2024-05-14", "id": "mopti-1"}
    with _client(demo_db) as c:
        refused = c.post("/api/extract?store=true", json=body)
    assert refused.status_code == 403 and "read-only" in refused.json()["error"]["message"]
    url = f"sqlite:///{tmp_path / 'w.db'}"
    with _client(url, pipeline, **{"api.token": TOKEN}) as c:
        assert c.post("/api/extract?store=true", json=body).status_code == 401
        wrong = c.post("/api/extract?store=true", json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        assert c.get("/api/articles/mopti-1").status_code == 404
        ok = c.post("/api/extract?store=true", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200
        assert c.get("/api/articles/mopti-1").json()["text"] == PASTED


def test_cors_is_closed_unless_configured(demo_db: str) -> None:
    origin = {"Origin": "http://elsewhere.example"}
    with _client(demo_db) as c:
        assert "access-control-allow-origin" not in c.get("/api/health", headers=origin).headers
    with _client(demo_db, **{"api.cors_origins": "http://elsewhere.example"}) as c:
        assert c.get("/api/health", headers=origin).headers["access-control-allow-origin"] == origin["Origin"]


def test_openapi_and_docs_are_served_offline(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/events", "/api/aggregates", "/api/articles", "/api/extract", "/api/export"} <= paths.keys()
    docs = client.get("/api/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200
    page = client.get("/").text
    assert "/static/vendor/d3.min.js" in page and "http" not in page.replace("http-equiv", "")


def test_serve_listens_on_loopback_by_default(demo_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from click.testing import CliRunner

    from wirecoder.cli import cli

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    result = CliRunner().invoke(cli, ["serve", "--db", demo_db, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8123
    assert calls[0]["app"].state.settings["store.url"] == demo_db
    assert "read-only" in result.output
