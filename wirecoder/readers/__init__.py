"""Readers turn files, folders and stdin into Articles, and bad records into counted skips.

``read_paths`` is the one entry point: it picks a reader by file extension (folders are walked
recursively), rejects duplicate ids across the whole batch, and records every skip in a SkipLog.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from ..article import Article
from ..errors import InputError
from .base import Reader, Skip, SkipLog
from .encoding import decode_file
from .html import page_text, parse_html, read_html_file
from .jsonl import count_jsonl_records, read_jsonl_file, read_jsonl_lines
from .wiretext import parse_wire_text, read_wire_file

__all__ = ["READERS", "Skip", "SkipLog", "count_records", "read_paths", "reader_for"]

FileReader = Callable[..., Reader]

# Ordered: the first suffix a file name ends with decides its reader.
READERS: tuple[tuple[str, FileReader], ...] = (
    (".jsonl.gz", read_jsonl_file),
    (".jsonl", read_jsonl_file),
    (".ndjson", read_jsonl_file),
    (".html", read_html_file),
    (".htm", read_html_file),
    (".txt", read_wire_file),
)


def reader_for(path: Path) -> FileReader | None:
    name = path.name.lower()
    return next((reader for suffix, reader in READERS if name.endswith(suffix)), None)


def _walk(path: Path) -> Iterator[Path]:
    """Files below a folder in a stable order; hidden files and folders are not articles."""
    for child in sorted(path.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        else:
            yield child


def _read_stdin(stream: IO[bytes], max_bytes: int) -> Reader:
    """Standard input: JSON Lines if it starts with ``{``, HTML if with ``<``, else one wire story."""
    data = stream.read()
    head = data.lstrip()[:1]
    if head == b"{":
        yield from read_jsonl_lines(data.splitlines(), source="<stdin>", max_bytes=max_bytes)
        return
    try:
        if head == b"<":
            yield parse_html(page_text(data, source="<stdin>"), article_id="stdin", source="<stdin>",
                             max_bytes=max_bytes)
        else:
            decoded = decode_file(data, source="<stdin>")
            yield parse_wire_text(decoded.text, article_id="stdin", source="<stdin>", max_bytes=max_bytes,
                                  encoding=decoded.encoding)
    except InputError as err:
        yield Skip.from_error(err)


def _read_one(path_arg: str, max_bytes: int, stdin: IO[bytes] | None) -> Reader:
    if path_arg == "-":
        yield from _read_stdin(stdin or sys.stdin.buffer, max_bytes)
        return
    path = Path(path_arg)
    if not path.exists():
        yield Skip("not-found", f"{path}: no such file or folder", str(path))
        return
    files = _walk(path) if path.is_dir() else iter([path])
    for file in files:
        reader = reader_for(file)
        if reader is None:
            yield Skip("unsupported", f"{file}: unsupported file type (expected "
                       f"{', '.join(s for s, _ in READERS)})", str(file))
            continue
        yield from reader(file, max_bytes=max_bytes)


def read_paths(paths: Iterable[str], *, skips: SkipLog, max_bytes: int = 1_000_000,
               stdin: IO[bytes] | None = None) -> Iterator[Article]:
    """Articles from files, folders (recursive, by extension) and ``-`` (stdin), in order.

    Every record that cannot be read is added to ``skips`` instead; a second article with an id
    already seen in this batch is skipped as ``duplicate-id``.
    """
    seen: dict[str, str] = {}
    for path_arg in paths:
        for item in _read_one(path_arg, max_bytes, stdin):
            if isinstance(item, Skip):
                skips.add(item)
                continue
            if item.id in seen:
                err = InputError("duplicate-id", f"duplicate id {item.id!r} (first seen at {seen[item.id]})",
                                 source=item.origin, field="id")
                skips.add(Skip.from_error(err))
                continue
            seen[item.id] = item.origin or "?"
            yield item


def count_records(paths: Iterable[str]) -> int | None:
    """How many records the paths hold (a quick pass: lines of JSON Lines, one per other file), for a progress
    bar's total and ETA; None when standard input is among them."""
    total = 0
    for path_arg in paths:
        if path_arg == "-":
            return None
        path = Path(path_arg)
        if not path.exists():
            continue
        for file in _walk(path) if path.is_dir() else iter([path]):
            reader = reader_for(file)
            if reader is read_jsonl_file:
                total += count_jsonl_records(file)
            elif reader is not None:
                total += 1
    return total
