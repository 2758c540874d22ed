"""The API's safety rails: request size, page size, the write token, and errors as JSON (never a trace)."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InvalidParameter

log = logging.getLogger("wirecoder.api")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class ErrorDetail(BaseModel):
    status: int
    message: str
    parameter: str | None = Field(None, description="The query parameter or field at fault, for a 422.")


class ErrorBody(BaseModel):
    """Every error the API answers: 404, 413, 422, 500 and the others."""

    error: ErrorDetail


def error_body(status: int, message: str, parameter: str | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"status": status, "message": message}
    if parameter is not None:
        error["parameter"] = parameter
    return {"error": error}


class BodyLimit:
    """Refuses bodies over ``max_bytes`` with 413: at once when Content-Length says so, else as they stream."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            response = JSONResponse(error_body(413, self._message()), status_code=413)
            await response(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise HTTPException(413, self._message())
            return message

        await self.app(scope, counted, send)

    def _message(self) -> str:
        return f"request body over {self.max_bytes} bytes (setting api.max_request_bytes)"


# Databases count rows in signed 64-bit integers (SQLite's INTEGER, PostgreSQL's bigint for OFFSET): a page
# whose first row lies beyond that is refused as the user's error rather than overflowing in the driver.
MAX_ROW_OFFSET = 2**63 - 1


def check_page(page: int, page_size: int, most: int) -> None:
    """The page size within ``api.max_page_size`` and the page's first row within what a database can count."""
    if page_size > most:
        raise InvalidParameter("page_size", f"must be at most {most} (setting api.max_page_size)")
    last_page = MAX_ROW_OFFSET // page_size + 1
    if page > last_page:
        raise InvalidParameter("page", f"must be at most {last_page} with page_size {page_size}")


def check_no_nul(request: Request) -> None:
    """Refuses a NUL character in any query or path parameter: stored text never holds one (the readers refuse
    it), PostgreSQL cannot take one as a string and SQLite's full-text syntax cannot either."""
    given = [*request.query_params.multi_items(), *request.path_params.items()]
    for name, value in given:
        if isinstance(value, str) and "\x00" in value:
            raise InvalidParameter(name, "contains a NUL character (%00)")


def check_token(request: Request, token: str) -> None:
    """Writes need the configured bearer token; with none configured the API is read-only."""
    if not token:
        raise HTTPException(403, "the API is read-only: configure api.token (or WIRECODER_API_TOKEN) "
                                 "to allow writes")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(value.encode(), token.encode()):
        raise HTTPException(401, "this endpoint writes: send 'Authorization: Bearer <api.token>'")


def _field(location: tuple[Any, ...]) -> str:
    # ("query", "page_size") -> "page_size"; ("body", "date") -> "date"
    parts = [str(p) for p in location if p not in ("query", "body", "path")]
    return ".".join(parts) or "request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(error_body(exc.status_code, str(exc.detail)), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        message = "; ".join(f"{_field(tuple(e.get('loc', ())))}: {e.get('msg')}" for e in exc.errors())
        return JSONResponse(error_body(422, message), status_code=422)

    @app.exception_handler(InvalidParameter)
    async def bad_parameter(_request: Request, exc: InvalidParameter) -> JSONResponse:
        # The user's mistake, named ("since: not an ISO date ..."). Any other error, a ValueError included, is
        # the server's: a 500 below.
        return JSONResponse(error_body(422, str(exc), exc.parameter), status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse(error_body(500, f"internal error ({type(exc).__name__}); the server log has "
                                            "the details"), status_code=500)
