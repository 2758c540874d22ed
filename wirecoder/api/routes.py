"""The read endpoints: events, aggregates, map points, articles, actors, quotes and places."""

from __future__ import annotations

import io
import tempfile
from dataclasses import replace
from typing import IO, Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import Connection, func, select

from .. import __version__
from ..errors import InvalidParameter
from ..events import PLOVER_TYPES
from ..export import FORMATS, export_events
from ..store import EventQuery
from ..store.aggregates import GROUPS, PERIODS, event_counts, event_points
from ..store.catalog import Page, actor_detail, list_actors, list_places, list_quotes, search_articles
from ..store.event_query import SORTS, count_events, iter_events, select_events
from ..store.tables import articles, events
from .guards import ErrorBody, check_no_nul, check_page

FACTUALITIES = ("asserted", "negated", "hypothetical", "future")
EXPORT_SPOOL_BYTES = 8_000_000
EXPORT_SUFFIX = {"plover": "json", "acled": "csv", "gdelt": "tsv"}
EXPORT_MEDIA = {"csv": "text/csv", "acled": "text/csv", "gdelt": "text/tab-separated-values",
                "jsonl": "application/x-ndjson", "plover": "application/json",
                "parquet": "application/vnd.apache.parquet"}
router = APIRouter(prefix="/api", dependencies=[Depends(check_no_nul)])


def connection(request: Request) -> Any:
    """One database connection per request, from the application's store."""
    with request.app.state.store.engine.connect() as conn:
        yield conn


def page(request: Request, page: Annotated[int, Query(ge=1, description="Page number, from 1.")] = 1,
         page_size: Annotated[int, Query(ge=1, description="Rows per page (at most api.max_page_size).")] = 50,
         ) -> Page:
    check_page(page, page_size, request.app.state.settings["api.max_page_size"])
    return Page(page, page_size)


def event_filters(
    type: Annotated[list[str] | None, Query(description="PLOVER type; repeat for several.")] = None,
    mode: Annotated[list[str] | None, Query(description="PLOVER mode; repeat for several.")] = None,
    factuality: Annotated[list[str] | None, Query(description=", ".join(FACTUALITIES))] = None,
    actor: Annotated[str | None, Query(description="Actor id, or part of the actor's or recipient's name.")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3 of the actor, recipient or location.")] = None,
    place: Annotated[str | None, Query(description="Part of the location's name.")] = None,
    since: Annotated[str | None, Query(description="ISO day, month or year.")] = None,
    until: Annotated[str | None, Query(description="ISO day, month or year.")] = None,
    article: Annotated[str | None, Query(description="One article's id.")] = None,
) -> EventQuery:
    types = tuple(t.upper() for t in type or ())
    unknown = [t for t in types if t not in PLOVER_TYPES]
    if unknown:
        raise InvalidParameter("type", f"unknown {', '.join(unknown)}; known: {', '.join(PLOVER_TYPES)}")
    bad = [f for f in factuality or () if f not in FACTUALITIES]
    if bad:
        raise InvalidParameter("factuality", f"unknown {', '.join(bad)}; known: {', '.join(FACTUALITIES)}")
    return EventQuery(types=types, modes=tuple(mode or ()), factualities=tuple(factuality or ()),
                      actor=actor or None, country=country or None, place=place or None, since=since or None,
                      until=until or None, article=article or None)


Conn = Annotated[Connection, Depends(connection)]
Filters = Annotated[EventQuery, Depends(event_filters)]
Paging = Annotated[Page, Depends(page)]


@router.get("/health")
def health(conn: Conn) -> dict[str, Any]:
    return {"status": "ok", "version": __version__,
            "articles": conn.execute(select(func.count()).select_from(articles)).scalar_one(),
            "events": conn.execute(select(func.count()).select_from(events)).scalar_one()}


@router.get("/events")
def list_events(conn: Conn, filters: Filters, paging: Paging,
                sort: Annotated[str, Query(description=", ".join(SORTS))] = "-date") -> dict[str, Any]:
    """Events matching the filters, each with its evidence and trigger offsets, sorted and paged."""
    query = replace(filters, sort=sort).page(paging.number, paging.size)
    return {"total": count_events(conn, filters), "page": paging.number, "page_size": paging.size,
            "items": select_events(conn, query)}


@router.get("/aggregates")
def aggregates(conn: Conn, filters: Filters,
               by: Annotated[str, Query(description=", ".join(PERIODS))] = "month",
               group: Annotated[str, Query(description=", ".join(GROUPS))] = "type") -> dict[str, Any]:
    """Event counts by period and by type, location country or actor."""
    return event_counts(conn, filters, by, group)


@router.get("/event-points")
def points(conn: Conn, filters: Filters) -> dict[str, Any]:
    """One map point per geocoded event location, with counts."""
    return {"points": event_points(conn, filters)}


@router.get("/articles")
def list_articles(conn: Conn, paging: Paging,
                  q: Annotated[str | None, Query(description='Words that must all occur; "a phrase".')] = None,
                  since: str | None = None, until: str | None = None,
                  source: str | None = None) -> dict[str, Any]:
    """Articles, newest first, optionally matching a full-text query."""
    return search_articles(conn, paging, q, since, until, source)


@router.get("/articles/{article_id:path}",
            responses={404: {"model": ErrorBody, "description": "No such article."}})
def article(conn: Conn, article_id: str) -> dict[str, Any]:
    """One article's whole Document: text and every annotation with its offsets."""
    document = conn.execute(select(articles.c.document).where(articles.c.id == article_id)).scalar()
    if document is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return dict(document)


@router.get("/actors")
def actors(conn: Conn, paging: Paging, q: str | None = None,
           type: str | None = None, country: str | None = None) -> dict[str, Any]:
    """Actors, most-mentioned first."""
    return list_actors(conn, paging, q, type, country)


@router.get("/actors/{actor_id:path}", responses={404: {"model": ErrorBody, "description": "No such actor."}})
def actor(conn: Conn, actor_id: str) -> dict[str, Any]:
    """One actor with its latest events, quotes and articles."""
    found = actor_detail(conn, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return found


@router.get("/quotes")
def quotes(conn: Conn, paging: Paging, speaker: str | None = None, q: str | None = None,
           article: str | None = None) -> dict[str, Any]:
    """Quotes, by speaker (actor id or part of the name) or words."""
    return list_quotes(conn, paging, speaker, q, article)


@router.get("/places")
def places(conn: Conn, paging: Paging, q: str | None = None, country: str | None = None) -> dict[str, Any]:
    """Distinct geocoded places, most-mentioned first."""
    return list_places(conn, paging, q, country)


EXPORT_RESPONSE = {
    "description": "The file, as an attachment; X-Exported and X-Left-Out count the events written and left out.",
    "content": {media: {"schema": {"type": "string", "format": "binary"}}
                for media in dict.fromkeys(EXPORT_MEDIA.values())}}


@router.get("/export", response_class=StreamingResponse, responses={200: EXPORT_RESPONSE})
def export(conn: Conn, filters: Filters,
           format: Annotated[str, Query(description="csv, jsonl, parquet, plover, acled or gdelt")] = "csv",
           ) -> Response:
    """The matching events as a file in one of the export formats (as ``wirecoder export``)."""
    if format not in FORMATS:
        raise InvalidParameter("format", f"unknown {format!r}; known: {', '.join(FORMATS)}")
    binary = FORMATS[format].binary
    # Spooled: small exports stay in memory, large ones go to a temporary file, not to the heap.
    spool = tempfile.SpooledTemporaryFile(max_size=EXPORT_SPOOL_BYTES, mode="w+b")
    out: IO[Any] = spool if binary else io.TextIOWrapper(spool, encoding="utf-8", newline="")
    report = export_events(iter_events(conn, filters), format, out)
    out.flush()
    if not binary:
        out.detach()  # type: ignore[attr-defined]
    spool.seek(0)
    name = f"wirecoder-events.{EXPORT_SUFFIX.get(format, format)}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "X-Exported": str(report.written),
               "X-Left-Out": str(sum(report.left_out.values()))}
    return StreamingResponse(spool, media_type=EXPORT_MEDIA.get(format, "text/plain"), headers=headers)
