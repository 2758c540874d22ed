"""What runs in a worker process: one Pipeline per process (the model is loaded once), applied to batches."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from typing import Any

from ..article import Article
from ..document import Document
from ..pipeline import Pipeline
from ..readers import Skip, SkipLog
from ..settings import Settings

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
PARENT_POLL_SECONDS = 1.0  # how often the watchdog looks for its parent: the delay before an orphan exits

_pipeline: Pipeline | None = None
_settings_key: tuple[tuple[str, Any], ...] | None = None


def pipeline_for(settings: Settings) -> Pipeline:
    """This process's pipeline for ``settings``, built and loaded at the first call."""
    global _pipeline, _settings_key
    key = tuple(settings.items())
    if _pipeline is None or key != _settings_key:
        _pipeline = Pipeline(settings=settings)
        _pipeline.setup()
        _settings_key = key
    return _pipeline


def die_with_parent(parent: int) -> None:
    """End this process when ``parent`` ends, however it ends (kill -9 included).

    Without this an orphaned worker waits forever on the task pipe, whose write end its siblings inherited,
    holding its model's memory. On Linux the kernel sends SIGKILL at the parent's death (PR_SET_PDEATHSIG);
    everywhere, a daemon thread exits the process once its parent pid is no longer ``parent``. A worker only
    computes (the parent writes to the store), so nothing is lost by killing it outright.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="wirecoder-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def start_worker(settings: Settings, parent: int | None = None) -> None:
    """Process-pool initializer: the worker dies with ``parent`` (default: the process that started it);
    Ctrl-C is the parent's to handle (it stops handing out work and writes what is done); then the model
    is loaded once, before the first batch."""
    die_with_parent(os.getppid() if parent is None else parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pipeline_for(settings)


def annotate_batch(settings: Settings, articles: list[Article]) -> tuple[list[Document], list[Skip]]:
    """Documents for the articles; an article a stage fails on becomes a skip, the others go on."""
    skips = SkipLog()
    documents = list(pipeline_for(settings).process(articles, skips))
    return documents, skips.skips
