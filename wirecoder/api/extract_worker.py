"""The process that runs ``POST /api/extract``'s pipeline, away from the server's event loop and threads.

A thread is not enough: spaCy's tokenizer and the regular expressions keep the GIL for seconds on a hostile
text, and every other request (even ``/api/health``) waited behind it. In its own process the pipeline shares
nothing with the server, and an extraction that outlives ``api.extract_timeout_s`` is ended by killing the
process; the next request starts a fresh one.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.connection import Connection
from typing import Any

from ..article import Article
from ..document import Document
from ..settings import Settings

# Starting the process loads the spaCy model and the tables: seconds, more on a busy machine; not part of the
# time limit.
START_TIMEOUT_S = 300.0
WARM_UP = "PARIS (AFP) - « Nous négocierons », a déclaré mardi le ministre."


class ExtractBusy(Exception):
    """Another extraction held the worker for the whole time limit."""


class ExtractTimeout(Exception):
    """The extraction did not finish within the time limit; its process was ended."""


class ExtractFailed(Exception):
    """The pipeline raised in the worker (its message names the error)."""


def _serve(conn: Connection, settings: Settings) -> None:
    """The worker's loop: an Article in, ``("ok", Document)`` or ``("error", message)`` out."""
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings=settings)
    # The model and the stages' tables load on the first article: here, outside any request's time limit.
    next(iter(pipeline.process([Article(id="warm-up", text=WARM_UP)])))
    conn.send(("ready", None))
    while True:
        try:
            article = conn.recv()
        except EOFError:  # the server closed its end: stop with it
            return
        try:
            conn.send(("ok", next(iter(pipeline.process([article])))))
        except Exception as exc:
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class ExtractWorker:
    """One worker process, started at the first extraction, used by one request at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None

    def __call__(self, settings: Settings, article: Article) -> Document:
        timeout = float(settings["api.extract_timeout_s"])
        if not self._lock.acquire(timeout=timeout):
            raise ExtractBusy(f"another extraction kept the worker busy for {timeout:g} s (api.extract_timeout_s)")
        try:
            conn = self._ensure(settings)
            conn.send(article)  # the clock starts here: a worker's start-up is not the text's cost
            if not conn.poll(timeout):
                self.close()
                raise ExtractTimeout(f"extraction took longer than {timeout:g} s (api.extract_timeout_s); "
                                     "send a shorter text or raise the limit")
            status, value = conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            self.close()
            raise ExtractFailed(f"the extraction worker died ({type(exc).__name__})") from None
        finally:
            self._lock.release()
        if status != "ok":
            raise ExtractFailed(value)
        return value

    def _ensure(self, settings: Settings) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self.close()
        # spawn, not fork: the server has threads, and a forked copy of them (and of their locks) is unsafe.
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self._process = ctx.Process(target=_serve, args=(child, settings), daemon=True, name="wirecoder-extract")
        self._process.start()
        child.close()
        self._conn = parent
        if not parent.poll(START_TIMEOUT_S):
            self.close()
            raise ExtractFailed(f"the extraction worker did not start within {START_TIMEOUT_S:g} s")
        status, _ = parent.recv()
        if status != "ready":
            self.close()
            raise ExtractFailed("the extraction worker failed to start")
        return parent

    def close(self) -> None:
        """End the worker process (idempotent)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=10)
            self._process = None
