"""JSON Lines: one ``{"id", "date", "title", "text"}`` object per line (+ optional ``url``, ``source``).

``date`` may be null or absent (unknown publication date); ``title`` may be null. ``.jsonl.gz`` is read
as a stream. Each bad line becomes one skip naming the file, the line and the field.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, cast

from ..article import Article
from ..core.dates import PublicationDate
from ..errors import InputError
from .base import Reader, Skip, check_text, decode_text

OPTIONAL_STRINGS = ("title", "url", "source")


def parse_record(obj: Any, *, source: str, line: int, max_bytes: int) -> Article:
    """Validate one decoded JSON value into an Article; InputError naming the bad field otherwise."""
    def bad(reason: str, message: str, field: str | None = None) -> InputError:
        return InputError(reason, message, source=source, line=line, field=field)

    if not isinstance(obj, dict):
        raise bad("not-an-object", f"expected a JSON object, got {type(obj).__name__}")
    for name in ("id", "text"):
        if name not in obj or obj[name] is None:
            raise bad("missing-field", "required field is missing", name)
    art_id = obj["id"]
    if isinstance(art_id, int) and not isinstance(art_id, bool):
        art_id = str(art_id)
    if not isinstance(art_id, str) or not art_id.strip():
        raise bad("wrong-type", f"must be a non-empty string, got {obj['id']!r}", "id")
    if not isinstance(obj["text"], str):
        raise bad("wrong-type", f"must be a string, got {type(obj['text']).__name__}", "text")
    for name in OPTIONAL_STRINGS:
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise bad("wrong-type", f"must be a string or null, got {type(obj[name]).__name__}", name)
    date = precision = None
    if obj.get("date") is not None:
        if not isinstance(obj["date"], str):
            raise bad("bad-date", f"must be an ISO date string or null, got {obj['date']!r}", "date")
        try:
            published = PublicationDate.parse(obj["date"])
            date, precision = published.value, published.precision
        except InputError as err:
            raise err.located(source=source, line=line) from None
    text = obj["text"]
    check_text(text, max_bytes=max_bytes, source=source, line=line)
    return Article(id=art_id, text=text, date=date, date_precision=precision, title=obj.get("title"),
                   source=obj.get("source") or source, url=obj.get("url"),
                   origin=f"{source}:{line}")


def read_jsonl_lines(lines: Iterable[bytes], *, source: str, max_bytes: int) -> Reader:
    """Articles from an iterable of raw lines; blank lines are ignored, bad ones become skips."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            # A JSON line holds a text plus a little metadata: allow some room over the text limit.
            if len(raw) > max_bytes * 2 + 4096:
                raise InputError("too-large", f"line of {len(raw):,} bytes is over the text limit of "
                                 f"{max_bytes:,}", source=source, line=number)
            text = decode_text(raw, source=source, line=number)
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError("json-syntax", f"invalid JSON: {exc.msg} at column {exc.colno}",
                                 source=source, line=number) from None
            except RecursionError:
                raise InputError("json-syntax", "invalid JSON: nested too deeply",
                                 source=source, line=number) from None
            yield parse_record(obj, source=source, line=number, max_bytes=max_bytes)
        except InputError as err:
            yield Skip.from_error(err)


def _open(path: Path) -> IO[bytes]:
    if path.name.endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def count_jsonl_records(path: Path) -> int:
    """Non-blank lines: the records a JSON Lines file holds (bad ones included, they are counted as skips)."""
    try:
        with _open(path) as f:
            return sum(1 for line in f if line.strip())
    except (OSError, EOFError):
        return 0  # reading it will report the error as a skip


def read_jsonl_file(path: Path, *, max_bytes: int) -> Reader:
    """Stream the articles of a ``.jsonl`` / ``.ndjson`` / ``.jsonl.gz`` file in constant memory."""
    source = str(path)
    try:
        with _open(path) as f:
            yield from read_jsonl_lines(f, source=source, max_bytes=max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        # A truncated or corrupt gzip stream ends the file; what was read before stays read.
        yield Skip("unreadable", f"{source}: cannot read further: {exc}", source)

