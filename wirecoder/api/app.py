"""The FastAPI application: the API routers, the web UI's static files, and the safety rails."""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..settings import Settings
from ..store import Store
from . import extract, routes
from .extract_worker import ExtractWorker
from .guards import BodyLimit, install_error_handlers
from .middleware import EmptyParamsAbsent, HeadAsGet, SecurityHeaders

STATIC = resources.files("wirecoder") / "web" / "static"


class WirecoderAPI(FastAPI):
    """FastAPI with the middleware that every response goes through outside its error handling (so that a 500
    carries the security headers too), and an OpenAPI document that states the configured limits."""

    def build_middleware_stack(self) -> Any:
        return SecurityHeaders(HeadAsGet(EmptyParamsAbsent(super().build_middleware_stack())))

    def openapi(self) -> dict[str, Any]:
        if self.openapi_schema is None:
            schema = super().openapi()
            most = self.state.settings["api.max_page_size"]
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    for parameter in operation.get("parameters", []):
                        if parameter["name"] == "page_size":
                            parameter["schema"]["maximum"] = most
        return self.openapi_schema  # type: ignore[return-value]


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The application over ``store`` (by default the one at setting ``store.url``)."""
    settings = settings or Settings.load()
    app = WirecoderAPI(title="wirecoder", version=__version__, openapi_url="/api/openapi.json", docs_url=None,
                       redoc_url=None, description="Events, quotes, actors and places extracted from French news, "
                       "each with the character offsets of its evidence. See docs/api.md.")
    app.state.settings = settings
    # Read-only where the database cannot be written (a shared archive): the API then serves reads, and a
    # write (POST /api/extract with storing) fails with the store's error.
    app.state.store = store or Store(settings["store.url"], read_only=True)
    app.state.annotate = ExtractWorker()
    install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(extract.router)
    origins = [o.strip() for o in settings["api.cors_origins"].split(",") if o.strip()]
    if origins:  # closed by default: no CORS headers at all
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(BodyLimit, max_bytes=settings["api.max_request_bytes"])
    _add_web_ui(app)
    return app


def _add_web_ui(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> Any:
        return FileResponse(str(STATIC / "index.html"))

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> Any:
        # Swagger UI from the bundled npm copy, not from a CDN: the docs work offline. Started by docs.js, not
        # by an inline script, which the Content-Security-Policy forbids.
        return FileResponse(str(STATIC / "docs.html"))
