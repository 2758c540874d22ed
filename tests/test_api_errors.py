"""The API's errors: a parameter the user got wrong is a 422 that names it; anything else that goes wrong, a
ValueError from a bug included, is a logged 500 without a trace. Over an empty database: no model is loaded."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirecoder import Settings
from wirecoder.api import create_app, routes
from wirecoder.errors import InvalidParameter, WirecoderError
from wirecoder.store import EventQuery
from wirecoder.store.event_query import day_bound


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings({"store.url": f"sqlite:///{tmp_path / 'empty.db'}"}))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("path,parameter,message", [
    ("/api/events?since=hier", "since", "not an ISO date, month or year: 'hier'"),
    ("/api/events?until=2023-13", "until", "not an ISO date"),
    ("/api/events?sort=random", "sort", "unknown order 'random'"),
    ("/api/events?type=BOMB", "type", "unknown BOMB"),
    ("/api/events?factuality=maybe", "factuality", "unknown maybe"),
    ("/api/events?page_size=501", "page_size", "must be at most 500"),
    ("/api/aggregates?by=year", "by", "unknown period 'year'"),
    ("/api/aggregates?group=colour", "group", "unknown dimension 'colour'"),
    ("/api/articles?since=yesterday", "since", "not an ISO date"),
    ("/api/export?format=xlsx", "format", "unknown 'xlsx'"),
])
def test_a_bad_parameter_is_422_naming_it(client: TestClient, path: str, parameter: str, message: str) -> None:
    response = client.get(path)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["status"] == 422 and error["parameter"] == parameter
    assert error["message"].startswith(f"{parameter}: ") and message in error["message"]


def test_a_bad_field_of_a_pasted_article_is_422_naming_it(client: TestClient) -> None:
    # Refused while reading the record, before any model is loaded.
    error = client.post("/api/extract", json={"text": "Un texte.", "date": "14/05/2024"}).json()["error"]
    assert error["status"] == 422 and error["parameter"] == "date" and error["message"].startswith("date: ")


def test_a_value_error_from_a_bug_is_a_500_not_a_422(client: TestClient, monkeypatch: pytest.MonkeyPatch,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("invalid literal for int() with base 10: 'x'")

    monkeypatch.setattr(routes, "list_quotes", broken)
    with caplog.at_level(logging.ERROR, logger="wirecoder.api"):
        response = client.get("/api/quotes")
    assert response.status_code == 500
    assert response.json() == {"error": {"status": 500, "message": "internal error (ValueError); the server log "
                                                                    "has the details"}}
    assert "invalid literal" not in response.text and "Traceback" not in response.text
    logged = [r for r in caplog.records if r.name == "wirecoder.api"]
    assert logged and logged[0].exc_info is not None and "/api/quotes" in logged[0].getMessage()


def test_the_store_raises_invalid_parameter_which_is_still_a_value_error() -> None:
    with pytest.raises(InvalidParameter) as caught:
        EventQuery(since="2023-02-30")
    assert caught.value.parameter == "since" and str(caught.value).startswith("since: not an ISO date")
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, WirecoderError)
    with pytest.raises(InvalidParameter, match=r"^sort: unknown order"):
        EventQuery(sort="random")
    assert day_bound("2023-02", last=True) == "2023-02-28"


LIST_ENDPOINTS = ("/api/events", "/api/articles", "/api/actors", "/api/quotes", "/api/places")


@pytest.mark.parametrize("path", LIST_ENDPOINTS)
def test_a_page_beyond_what_a_database_counts_is_422_naming_it(client: TestClient, path: str) -> None:
    # Was a 500 (OverflowError in the driver): the offset did not fit in a 64-bit integer.
    for page in ("9223372036854775807", "99999999999999999999999"):
        error = client.get(path, params={"page": page}).json()["error"]
        assert error["status"] == 422 and error["parameter"] == "page", error
    last = client.get(path, params={"page": 2**63 // 50, "page_size": 50})
    assert last.status_code == 200 and last.json()["items"] == []


@pytest.mark.parametrize("path,parameter", [
    ("/api/articles?q=%00", "q"), ("/api/articles?q=%22a%00b%22", "q"), ("/api/quotes?q=a%00", "q"),
    ("/api/actors?q=%00", "q"), ("/api/places?q=%00", "q"), ("/api/events?actor=%00", "actor"),
    ("/api/articles/a%00b", "article_id"),
])
def test_a_nul_character_is_422_naming_the_parameter(client: TestClient, path: str, parameter: str) -> None:
    # Was a 500 on article search (FTS5: "unterminated string"); on PostgreSQL on every text filter.
    error = client.get(path).json()["error"]
    assert error["status"] == 422 and error["parameter"] == parameter and "NUL" in error["message"]


@pytest.mark.parametrize("path", ["/", "/api/health", "/api/events", "/api/nowhere", "/static/app.js", "/api/docs",
                                  "/api/events?page=0", "/api/quotes?page=9223372036854775807"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    policy = headers["content-security-policy"]
    assert "script-src 'self';" in policy and "frame-ancestors 'none'" in policy and "unsafe" not in policy


def test_a_500_carries_the_security_headers(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routes, "list_places", lambda *_a, **_k: 1 / 0)
    response = client.get("/api/places")
    assert response.status_code == 500 and response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("path", ["/", "/api/health", "/api/events?type=ASSAULT", "/static/style.css"])
def test_head_answers_like_get_without_a_body(client: TestClient, path: str) -> None:
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))


@pytest.mark.parametrize("path", [
    "/api/events?type=&mode=&factuality=&actor=&country=&place=&since=&until=&article=&sort=&page=&page_size=",
    "/api/events?type=&type=ASSAULT", "/api/aggregates?by=&group=&type=", "/api/event-points?type=&since=",
    "/api/articles?q=&since=&until=&source=&page=", "/api/actors?q=&type=&country=", "/api/quotes?speaker=&q=",
    "/api/places?q=&country=&page_size=", "/api/export?format=&type=",
])
def test_an_empty_parameter_is_read_as_absent(client: TestClient, path: str) -> None:
    # Was three ways: a 422 (type=, format=, sort=, page=), no filter (actor=), or a filter on "" elsewhere.
    response = client.get(path)
    assert response.status_code == 200, response.text
    absent = client.get(path.split("?")[0] + ("?type=ASSAULT" if "type=ASSAULT" in path else ""))
    assert response.content == absent.content


def test_the_openapi_document_states_limits_404s_and_media_types(tmp_path: Path) -> None:
    app = create_app(Settings({"store.url": f"sqlite:///{tmp_path / 'e.db'}", "api.max_page_size": 120}))
    with TestClient(app) as client:
        paths = client.get("/api/openapi.json").json()["paths"]
    sizes = [p["schema"] for op in paths.values() for p in op.get("get", {}).get("parameters", [])
             if p["name"] == "page_size"]
    assert len(sizes) == 5 and all(s["maximum"] == 120 and s["minimum"] == 1 for s in sizes)
    for path in ("/api/articles/{article_id}", "/api/actors/{actor_id}"):
        missing = paths[path]["get"]["responses"]["404"]
        assert missing["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorBody"}
    media = paths["/api/export"]["get"]["responses"]["200"]["content"]
    assert {"text/csv", "text/tab-separated-values", "application/x-ndjson",
            "application/vnd.apache.parquet"} <= set(media)
