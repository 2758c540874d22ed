"""What every request and response goes through, whatever the route: HEAD answered as GET without a body, empty
query parameters read as absent, and the security headers."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from .guards import Message, Receive, Scope, Send

# The web UI and the API docs load only their own files from /static (no CDN, no inline script: app.js builds
# the page and sets styles through the DOM); the API answers JSON that no other site may frame.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                           "frame-ancestors 'none'")
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


class HttpMiddleware:
    """Base of the middleware below: HTTP requests go through ``handle``, anything else straight on."""

    def __init__(self, app: object) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)  # type: ignore[operator]
            return
        await self.handle(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class SecurityHeaders(HttpMiddleware):
    """Adds the security headers to every response, errors and static files included."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *[(k, v) for k, v in SECURITY_HEADERS if k not in present]]
            await send(message)

        await self.app(scope, receive, with_headers)  # type: ignore[operator]


class HeadAsGet(HttpMiddleware):
    """HEAD is GET without the body (RFC 9110 §9.3.2), for every route that answers GET: the headers, the
    Content-Length included, are the same."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] != "HEAD":
            await self.app(scope, receive, send)  # type: ignore[operator]
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)  # type: ignore[operator]


class EmptyParamsAbsent(HttpMiddleware):
    """A query parameter given empty (``?type=``, what an HTML form sends for a blank field) is read as not given,
    by every endpoint alike: its default applies and it filters nothing."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = scope.get("query_string", b"")
        if query:
            pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True, encoding="latin-1")
            kept = [(k, v) for k, v in pairs if v]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept, encoding="latin-1").encode("latin-1")}
        await self.app(scope, receive, send)  # type: ignore[operator]
