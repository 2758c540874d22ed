"""Parquet shards of annotated Documents: what a cluster run can write instead of a database, and what
``wirecoder load`` imports (idempotently, by content hash) into any database later."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import InputError
from ..readers import Skip, SkipLog

DOCUMENTS_PER_SHARD = 1000
SHARD_GLOB = "part-*.parquet"


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("content_hash", pa.string()), ("document", pa.string())])


class ShardWriter:
    """Writes ``part-00000.parquet``, ``part-00001.parquet``, ... of ``DOCUMENTS_PER_SHARD`` Documents each into a
    folder; a shard appears whole (written under a temporary name, then renamed)."""

    def __init__(self, folder: str | Path, per_shard: int = DOCUMENTS_PER_SHARD) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.per_shard = per_shard
        self.rows: list[dict[str, str]] = []
        self.next_number = len(list(self.folder.glob(SHARD_GLOB)))  # a resumed run adds shards after these
        self.written = 0

    def add(self, document: Document, content_hash: str) -> None:
        self.rows.append({"id": document.id, "content_hash": content_hash,
                          "document": json.dumps(document.to_dict(), ensure_ascii=False)})
        if len(self.rows) >= self.per_shard:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.rows:
            return
        path = self.folder / f"part-{self.next_number:05d}.parquet"
        partial = path.with_suffix(".parquet.partial")
        pq.write_table(pa.Table.from_pylist(self.rows, schema=_schema()), partial)
        partial.rename(path)
        self.written += len(self.rows)
        self.next_number += 1
        self.rows = []

    def stored_hashes(self) -> dict[str, str]:
        """What earlier runs wrote into this folder, so that a resumed run skips it."""
        return {row["id"]: row["content_hash"] for row, _ in read_shards(self.folder, columns=["id", "content_hash"])}


def read_shards(folder: str | Path, columns: list[str] | None = None,
                skips: SkipLog | None = None) -> Iterator[tuple[dict[str, Any], str]]:
    """Each row of each shard, with the shard's path (for messages). A shard that cannot be read is a skip
    naming it (or an InputError without ``skips``); the other shards are still read."""
    import pyarrow.parquet as pq

    for path in sorted(Path(folder).glob(SHARD_GLOB)):
        try:
            table = pq.read_table(path, columns=columns)
        except Exception as exc:  # pyarrow raises several types for a damaged file
            error = InputError("unreadable", f"cannot read shard: {exc}", source=str(path))
            if skips is None:
                raise error from None
            skips.add(Skip.from_error(error))
            continue
        for row in table.to_pylist():
            yield row, str(path)


def shard_documents(folder: str | Path, skips: SkipLog) -> Iterator[tuple[Document, str]]:
    """The Documents of a shard folder with their content hashes; a bad row is a skip."""
    for number, (row, source) in enumerate(read_shards(folder, skips=skips), start=1):
        try:
            yield Document.from_dict(json.loads(row["document"])), row["content_hash"]
        except (ValueError, KeyError, TypeError) as exc:
            skips.add(Skip.from_error(InputError("bad-document", f"document {row.get('id')!r}: {exc}",
                                                 source=source, line=number)))
