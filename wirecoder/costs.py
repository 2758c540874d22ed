"""What a run cost per article: the slowest article and the peak memory of the processes that annotated.

An operator of a corpus run wants to know which article to look at when a run is slow, and how much memory to
give each worker. The pipeline times each article (its own stage calls, plus its share of a batched stage in
proportion to its length: spaCy parses a batch at once); each worker reports its peak resident memory.
"""

from __future__ import annotations

import resource
import sys
from dataclasses import dataclass


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@dataclass
class ArticleCosts:
    """Articles timed, the slowest one, and the highest peak memory of the processes that reported."""

    articles: int = 0
    slowest_id: str | None = None
    slowest_seconds: float = 0.0
    peak_mb: float = 0.0

    def record(self, article_id: str, seconds: float) -> None:
        self.articles += 1
        if self.slowest_id is None or seconds > self.slowest_seconds:
            self.slowest_id, self.slowest_seconds = article_id, seconds

    def note_memory(self) -> None:
        self.peak_mb = max(self.peak_mb, peak_rss_mb())

    def merge(self, other: ArticleCosts) -> None:
        """Add what another process measured (a worker's batch)."""
        self.articles += other.articles
        if other.slowest_id is not None and (self.slowest_id is None
                                             or other.slowest_seconds > self.slowest_seconds):
            self.slowest_id, self.slowest_seconds = other.slowest_id, other.slowest_seconds
        self.peak_mb = max(self.peak_mb, other.peak_mb)

    def summary(self) -> str:
        if self.slowest_id is None:
            return "slowest article: none annotated"
        return (f"slowest article: {self.slowest_id!r} {self.slowest_seconds:.2f} s "
                f"(of {self.articles}); peak memory per process: {self.peak_mb:.0f} MB")
