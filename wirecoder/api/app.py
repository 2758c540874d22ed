"""The FastAPI application: the API routers, the web UI's static files, and the safety rails."""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..settings import Settings
from ..store import Store
from . import extract, routes
from .extract_worker import ExtractWorker
from .guards import BodyLimit, install_error_handlers

STATIC = resources.files("wirecoder") / "web" / "static"


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The application over ``store`` (by default the one at setting ``store.url``)."""
    settings = settings or Settings.load()
    app = FastAPI(title="wirecoder", version=__version__, openapi_url="/api/openapi.json", docs_url=None,
                  redoc_url=None, description="Events, quotes, actors and places extracted from French news, "
                  "each with the character offsets of its evidence. See docs/api.md.")
    app.state.settings = settings
    app.state.store = store or Store(settings["store.url"])
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
    def docs() -> HTMLResponse:
        # Swagger UI from the bundled npm copy, not from a CDN: the docs work offline.
        return get_swagger_ui_html(openapi_url="/api/openapi.json", title="wirecoder API",
                                   swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")
