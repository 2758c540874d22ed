"""The Dask engine: batches of articles annotated on a cluster's workers, each loading the model once (the
pipeline is kept per worker process, see ``worker.pipeline_for``). Without a scheduler address a LocalCluster
of ``workers`` processes is started and stopped here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from ..article import Article
from ..costs import ArticleCosts
from ..document import Document
from ..errors import WirecoderError
from ..readers import SkipLog
from ..settings import Settings
from .engines import TASKS_PER_WORKER, batches
from .worker import annotate_batch


def connect(stack: ExitStack, workers: int, scheduler: str | None) -> Any:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # a dependency, but a broken install should say what is missing
        raise WirecoderError(f"the dask engine needs dask.distributed: {exc}") from None
    if scheduler:
        try:
            return stack.enter_context(Client(scheduler, timeout="30s"))
        except OSError as exc:
            raise WirecoderError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                               dashboard_address=None))
    return stack.enter_context(Client(cluster))


def annotate_on_cluster(articles: Iterable[Article], skips: SkipLog, settings: Settings, workers: int = 2,
                        scheduler: str | None = None, costs: ArticleCosts | None = None) -> Iterator[Document]:
    from dask.distributed import as_completed

    with ExitStack() as stack:
        client = connect(stack, workers, scheduler)
        in_flight = max(1, len(client.scheduler_info().get("workers", {})) or workers) * TASKS_PER_WORKER
        settings_future = client.scatter(settings, broadcast=True)
        tasks = batches(articles)
        running = as_completed()
        for batch in tasks:
            running.add(client.submit(annotate_batch, settings_future, batch, pure=False))
            if running.count() >= in_flight:
                break
        for future in running:
            documents, failed, spent = future.result()
            future.release()
            for skip in failed:
                skips.add(skip)
            if costs is not None:
                costs.merge(spent)
            yield from documents
            following = next(tasks, None)
            if following is not None:
                running.add(client.submit(annotate_batch, settings_future, following, pure=False))
