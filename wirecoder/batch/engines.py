"""The engines: ``local`` (this process, or N worker processes) and ``dask`` (a cluster, or a LocalCluster)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from ..article import Article
from ..costs import ArticleCosts
from ..document import Document
from ..errors import WorkerLost
from ..pipeline import Pipeline
from ..readers import SkipLog
from ..settings import Settings
from .worker import annotate_batch, start_worker

ARTICLES_PER_TASK = 8  # small tasks keep the workers evenly busy and the memory in flight low
TASKS_PER_WORKER = 3  # tasks queued per worker: enough to never wait, few enough to bound memory


def batches(articles: Iterable[Article], size: int = ARTICLES_PER_TASK) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def bounded(tasks: Iterator[list[Article]], submit: Callable[[list[Article]], Future[Any]],
            in_flight: int) -> Iterator[Any]:
    """Results of ``submit(task)`` as they complete, with at most ``in_flight`` tasks submitted and unfinished
    (``concurrent.futures``' own map would read the whole input first)."""
    pending: set[Future[Any]] = set()
    try:
        for task in tasks:
            pending.add(submit(task))
            if len(pending) >= in_flight:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    finally:
        for future in pending:
            future.cancel()


def annotate_local(articles: Iterable[Article], skips: SkipLog, settings: Settings, workers: int = 1,
                   costs: ArticleCosts | None = None, **_: Any) -> Iterator[Document]:
    """In this process (``workers`` 1), else in ``workers`` processes that each load the model once.

    WorkerLost when a worker process dies (the system kills it for lack of memory, say): the pool is then
    broken and the run must stop, but what the caller wrote is complete and the same run resumes."""
    if workers <= 1:
        yield from Pipeline(settings=settings).process(articles, skips, costs)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=start_worker, initargs=(settings, os.getpid())) as pool:
        try:
            for documents, failed, spent in bounded(batches(articles),
                                                    lambda batch: pool.submit(annotate_batch, settings, batch),
                                                    workers * TASKS_PER_WORKER):
                for skip in failed:
                    skips.add(skip)
                if costs is not None:
                    costs.merge(spent)
                yield from documents
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            raise WorkerLost("a worker process died (killed from outside, often by the system for lack of "
                             "memory)") from None
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)  # Ctrl-C: stop now, the parent writes nothing more
            raise


def annotate_dask(articles: Iterable[Article], skips: SkipLog, settings: Settings, workers: int = 2,
                  scheduler: str | None = None, costs: ArticleCosts | None = None, **_: Any) -> Iterator[Document]:
    from .dask_engine import annotate_on_cluster

    yield from annotate_on_cluster(articles, skips, settings, workers=workers, scheduler=scheduler, costs=costs)


ENGINES: dict[str, Callable[..., Iterator[Document]]] = {"local": annotate_local, "dask": annotate_dask}


def annotate_stream(articles: Iterable[Article], skips: SkipLog, settings: Settings, engine: str = "local",
                    **options: Any) -> Iterator[Document]:
    """Documents for ``articles`` from the chosen engine, in the order they are done."""
    return ENGINES[engine](articles, skips, settings, **options)
