"""The export formats: how records are made (``records``) and how they are written (the writers below)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from ..store.event_query import StoredEvent
from .records import (
    ACLED_COLUMNS,
    GDELT_COLUMNS,
    TABLE_COLUMNS,
    TABLE_FLOATS,
    TABLE_INTEGERS,
    acled_row,
    gdelt_row,
    plover_record,
    table_row,
)

PARQUET_ROWS_PER_GROUP = 10_000  # rows buffered before a Parquet row group is written

Record = dict[str, Any]


@dataclass
class ExportReport:
    written: int = 0
    left_out: Counter[str] = field(default_factory=Counter)  # why events had no record, with counts

    def summary(self, fmt: str) -> str:
        reasons = ", ".join(f"{n} {why}" for why, n in self.left_out.most_common())
        return f"exported {self.written} event(s) as {fmt}" + (f"; left out: {reasons}" if reasons else "")


def _write_delimited(records: Iterable[Record], out: IO[Any], columns: tuple[str, ...], delimiter: str) -> None:
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    for record in records:
        # A tab or newline inside a TSV field would break the row: GDELT's readers split on them.
        writer.writerow(record if delimiter == "," else
                        {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in record.items()})


def _write_jsonl(records: Iterable[Record], out: IO[Any]) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_json_array(records: Iterable[Record], out: IO[Any]) -> None:
    out.write("[")
    for n, record in enumerate(records):
        out.write(("," if n else "") + "\n" + json.dumps(record, ensure_ascii=False))
    out.write("\n]\n")


def _parquet_schema() -> Any:
    import pyarrow as pa

    def kind(name: str) -> Any:
        return pa.int64() if name in TABLE_INTEGERS else pa.float64() if name in TABLE_FLOATS else pa.string()

    return pa.schema([(name, kind(name)) for name in TABLE_COLUMNS])


def _write_parquet(records: Iterable[Record], out: IO[Any]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[Record] = []
        for record in records:
            batch.append(record)
            if len(batch) == PARQUET_ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))


@dataclass(frozen=True)
class Format:
    record: Callable[[StoredEvent], Record | str]  # a record, or why the event has none
    write: Callable[[Iterable[Record], IO[Any]], None]
    binary: bool = False


FORMATS: dict[str, Format] = {
    "csv": Format(table_row, lambda rs, out: _write_delimited(rs, out, TABLE_COLUMNS, ",")),
    "jsonl": Format(StoredEvent.to_dict, _write_jsonl),
    "parquet": Format(table_row, _write_parquet, binary=True),
    "plover": Format(plover_record, _write_json_array),
    "acled": Format(acled_row, lambda rs, out: _write_delimited(rs, out, ACLED_COLUMNS, ",")),
    "gdelt": Format(gdelt_row, lambda rs, out: _write_delimited(rs, out, GDELT_COLUMNS, "\t")),
}


def export_events(events: Iterable[StoredEvent], fmt: str, out: IO[Any]) -> ExportReport:
    """Write ``events`` to ``out`` (opened in binary mode for Parquet) and count what was left out."""
    chosen = FORMATS[fmt]
    report = ExportReport()

    def records() -> Iterable[Record]:
        for event in events:
            record = chosen.record(event)
            if isinstance(record, str):
                report.left_out[record] += 1
                continue
            report.written += 1
            yield record

    chosen.write(records(), out)
    return report
