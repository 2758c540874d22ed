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
from ..costs import ArticleCosts
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


def die_with_parent(owner: int) -> None:
    """End this process when ``owner`` (the process running the pool) ends, however it ends (kill -9 too).

    Without this an orphaned worker waits forever on the task pipe, whose write end its siblings inherited,
    holding its model's memory. On Linux the kernel sends SIGKILL at the parent's death (PR_SET_PDEATHSIG);
    everywhere, a daemon thread exits the process once ``owner`` is gone, or once this process is orphaned
    when ``owner`` is its parent (with the forkserver or spawn start methods the parent may be a server
    process instead). A worker only computes (the parent writes to the store): nothing is lost by killing it.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    child = os.getppid() == owner
    if _orphaned(owner, child):  # the owner died before the kernel was asked to tell
        os._exit(1)
    threading.Thread(target=_watch_owner, args=(owner, child), name="wirecoder-owner-watch", daemon=True).start()


def _orphaned(owner: int, child: bool) -> bool:
    """Whether ``owner`` is gone: this process's parent changed (when ``owner`` was its parent), or no process
    has its pid any more."""
    if child:
        return os.getppid() != owner
    if sys.platform == "win32":  # os.kill there terminates the process whatever the signal: never ask
        return False
    try:
        os.kill(owner, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except PermissionError:  # it exists, under another user
        pass
    return False


def _watch_owner(owner: int, child: bool) -> None:
    while not _orphaned(owner, child):
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def start_worker(settings: Settings, owner: int | None = None) -> None:
    """Process-pool initializer: the worker dies with ``owner``, the pool's process (default: this one's
    parent); Ctrl-C is the parent's to handle (it stops handing out work and writes what is done); then the
    model is loaded once, before the first batch."""
    die_with_parent(os.getppid() if owner is None else owner)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pipeline_for(settings)


def annotate_batch(settings: Settings, articles: list[Article]) -> tuple[list[Document], list[Skip], ArticleCosts]:
    """Documents for the articles; an article a stage fails on becomes a skip, the others go on. Also what the
    articles cost (the slowest, this worker's peak memory)."""
    skips = SkipLog()
    costs = ArticleCosts()
    documents = list(pipeline_for(settings).process(articles, skips, costs))
    return documents, skips.skips, costs
