"""The Pipeline: an ordered list of registered stages, checked at start-up, run over articles.

One failed article never stops the others: its error becomes a skip (``stage-error``) and the batch
goes on. ``Pipeline.process`` batches articles so that parsing runs through spaCy's ``nlp.pipe``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from .article import Article
from .core.dates import DatePrecision, PublicationDate
from .costs import ArticleCosts
from .document import Document
from .errors import InputError, PipelineError
from .readers.base import Skip, SkipLog, check_text
from .settings import Settings
from .stages import REGISTRY, Stage
from .stages.base import BatchFn, Context

log = logging.getLogger(__name__)

DEFAULT_STAGES: tuple[str, ...] = ("structure", "parse", "actors", "timex", "places", "clauses", "quotes",
                                   "events")
ARTICLES_PER_BATCH = 32


def check_stages(stages: Sequence[Stage]) -> None:
    """Every stage's inputs must be produced by an earlier stage (spaCy's requires/assigns idea)."""
    available = {"article"}
    for st in stages:
        missing = [r for r in st.requires if r not in available]
        if missing:
            raise PipelineError(f"stage {st.name!r} requires {', '.join(missing)}, which no earlier stage "
                                f"assigns (order: {', '.join(s.name for s in stages)})")
        available.update(st.assigns)


def _one_by_one(batch: BatchFn) -> Callable[[Context], None]:
    """A batch function applied to a single article (to isolate the one that fails)."""
    return lambda ctx: batch([ctx])


def _share(contexts: Sequence[Context], seconds: float) -> None:
    """A batched stage's time, given to its articles in proportion to their length (what parsing costs)."""
    total = sum(len(c.article.text) for c in contexts) or 1
    for ctx in contexts:
        ctx.seconds += seconds * len(ctx.article.text) / total


class Pipeline:
    """Processes articles into Documents. Models are loaded once, on the first article."""

    def __init__(self, stages: Sequence[str] = DEFAULT_STAGES, settings: Settings | None = None) -> None:
        unknown = [name for name in stages if name not in REGISTRY]
        if unknown:
            raise PipelineError(f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(sorted(REGISTRY))}")
        self.stages = [REGISTRY[name] for name in stages]
        check_stages(self.stages)
        self.settings = settings or Settings()
        self._ready = False

    def setup(self) -> None:
        if not self._ready:
            for st in self.stages:
                if st.setup:
                    st.setup(self.settings)
            self._ready = True

    def process(self, articles: Iterable[Article], skips: SkipLog | None = None,
                costs: ArticleCosts | None = None) -> Iterator[Document]:
        """Documents for the articles, in order; failures go to ``skips`` (or are raised if None), the seconds
        each article took to ``costs``."""
        self.setup()
        it = iter(articles)
        while batch := list(islice(it, ARTICLES_PER_BATCH)):
            contexts = self._run_contexts(batch, skips)
            if costs is not None:
                for ctx in contexts:
                    costs.record(ctx.article.id, ctx.seconds)
                costs.note_memory()
            yield from (c.document for c in contexts)

    def _run_contexts(self, batch: list[Article], skips: SkipLog | None) -> list[Context]:
        contexts = [Context(a, Document.from_article(a), self.settings) for a in batch]
        failed: set[int] = set()
        for st in self.stages:
            live = [c for c in contexts if id(c) not in failed]
            batch_fn = st.batch
            if batch_fn is not None:
                start = time.perf_counter()
                try:
                    batch_fn(live)
                except Exception:
                    if skips is None:
                        raise
                    # Retry one by one so that only the article at fault is lost.
                    for ctx in live:
                        self._guard(st, ctx, _one_by_one(batch_fn), failed, skips)
                _share(live, time.perf_counter() - start)
            for ctx in live:
                if id(ctx) not in failed:
                    start = time.perf_counter()
                    self._guard(st, ctx, st.run, failed, skips)
                    ctx.seconds += time.perf_counter() - start
        return [c for c in contexts if id(c) not in failed]

    def _guard(self, st: Stage, ctx: Context, call: Callable[[Context], None], failed: set[int],
               skips: SkipLog | None) -> None:
        """``call(ctx)``; on failure the article becomes a skip (or the error is raised without a log)."""
        try:
            call(ctx)
        except Exception as exc:
            if skips is None:
                raise
            failed.add(id(ctx))
            log.debug("stage %s failed on %s", st.name, ctx.article.id, exc_info=True)
            skips.add(Skip("stage-error", f"{ctx.article.origin or ctx.article.id}: stage {st.name!r} "
                           f"failed on article {ctx.article.id!r}: {type(exc).__name__}: {exc}",
                           ctx.article.origin))

    def extract(self, article: Article) -> Document:
        return next(iter(self.process([article])))

    def context(self, article: Article) -> Context:
        """Everything the stages made of one article: its Document, and what stays out of it (the parse, the
        clause layer), for tools and tests that read them. A failing stage raises."""
        self.setup()
        return self._run_contexts([article], None)[0]


_default: Pipeline | None = None


def extract(text: str, date: str | None = None, id: str = "text", *, title: str | None = None,
            pipeline: Pipeline | None = None) -> Document:
    """Annotate one text. ``date`` is the publication date, possibly partial (``"2023-12"``)."""
    global _default
    precision: DatePrecision | None = None
    if date is not None:
        published = PublicationDate.parse(date)
        date, precision = published.value, published.precision
    check_text(text, max_bytes=(pipeline.settings if pipeline else Settings())["input.max_text_bytes"])
    if pipeline is None:
        _default = _default or Pipeline()
        pipeline = _default
    return pipeline.extract(Article(id=id, text=text, date=date, date_precision=precision, title=title))


__all__ = ["DEFAULT_STAGES", "InputError", "Pipeline", "extract"]
