"""Articles run once through the stages a benchmarked stage needs, so that the stage can be timed alone."""

from __future__ import annotations

from typing import Any

from wirecoder import Pipeline
from wirecoder.article import Article
from wirecoder.core.dates import publication_date
from wirecoder.document import Document
from wirecoder.stages.base import REGISTRY, Context


def parsed_contexts(records: list[dict[str, Any]], before: list[str], stage: str) -> tuple[list[Context], Any]:
    """Contexts of ``records`` after the ``before`` stages, and the run function of ``stage``."""
    pipeline = Pipeline(stages=[*before, stage])
    pipeline.setup()
    contexts = []
    for r in records:
        published = publication_date(r.get("date"))
        date, precision = (published.value, published.precision) if published else (None, None)
        article = Article(r["id"], r["text"], date=date, date_precision=precision)
        ctx = Context(article, Document.from_article(article), pipeline.settings)
        for name in before:
            REGISTRY[name].run(ctx)
        contexts.append(ctx)
    return contexts, REGISTRY[stage].run
