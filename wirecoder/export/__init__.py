"""``wirecoder export``: stored events in the formats analysts load (CSV, JSON Lines, Parquet, PLOVER JSON,
ACLED-like CSV, GDELT-like TSV). Each format turns one event (as ``/api/events`` gives it) into a record or
says why it has none; the writers stream, so an export of any size runs in constant memory."""

from .formats import FORMATS, ExportReport, export_events

__all__ = ["FORMATS", "ExportReport", "export_events"]
