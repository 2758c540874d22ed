"""Annotating a stream of articles on one process, on N worker processes, or on a Dask cluster: the engines
of ``wirecoder ingest``. Each engine yields Documents as they are done and records failed articles as skips;
none holds more than a bounded number of articles at once, so a corpus of any size runs in constant memory."""

from .engines import ENGINES, annotate_stream

__all__ = ["ENGINES", "annotate_stream"]
