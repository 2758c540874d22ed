"""What runs in a worker process: one Pipeline per process (the model is loaded once), applied to batches."""

from __future__ import annotations

import signal
from typing import Any

from ..article import Article
from ..document import Document
from ..pipeline import Pipeline
from ..readers import Skip, SkipLog
from ..settings import Settings

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


def start_worker(settings: Settings) -> None:
    """Process-pool initializer: Ctrl-C is the parent's to handle (it stops handing out work and writes what
    is done), then the model is loaded once, before the first batch."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pipeline_for(settings)


def annotate_batch(settings: Settings, articles: list[Article]) -> tuple[list[Document], list[Skip]]:
    """Documents for the articles; an article a stage fails on becomes a skip, the others go on."""
    skips = SkipLog()
    documents = list(pipeline_for(settings).process(articles, skips))
    return documents, skips.skips
