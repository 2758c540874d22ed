"""The HTTP API and the web UI (``wirecoder serve``): FastAPI over the store; see docs/api.md."""

from .app import create_app

__all__ = ["create_app"]
