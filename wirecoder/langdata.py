"""Loading the language data files under ``wirecoder/data/<lang>/`` (TSV and JSON), cached per process.

TSV files have a header line naming their columns; lines starting with ``#`` are comments. A malformed
file raises ConfigError naming the file and line, and ``tests/test_langdata.py`` checks them all.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from .core.text import strip_accents_lower
from .core.wordtable import WordTable
from .errors import ConfigError


def data_path(lang: str, name: str) -> Any:
    return resources.files("wirecoder") / "data" / lang / name


@cache
def read_tsv(lang: str, name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV data file as dicts keyed by its header's column names."""
    path = data_path(lang, name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConfigError(f"language data file missing: data/{lang}/{name}") from None
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) != len(header) or not all(cells):
            raise ConfigError(f"data/{lang}/{name}:{number}: expected {len(header)} non-empty "
                              f"tab-separated columns ({', '.join(header)}), got {len(cells)}")
        rows.append(dict(zip(header, cells, strict=True)))
    return tuple(rows)


@cache
def read_json(lang: str, name: str) -> Any:
    path = data_path(lang, name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"language data file missing: data/{lang}/{name}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"data/{lang}/{name}:{exc.lineno}: invalid JSON: {exc.msg}") from None


@cache
def word_table(lang: str, name: str, *, key: Callable[[str], str] = strip_accents_lower,
               value_column: str | None = "value") -> WordTable:
    """The word table of a file with columns ``form``, ``kind`` and ``value_column`` (without one, each
    form's value is the form itself)."""
    rows = ((r["kind"], r["form"], r[value_column] if value_column else r["form"]) for r in read_tsv(lang, name))
    return WordTable(f"data/{lang}/{name}", rows, key)


def function_words(lang: str, kind: str) -> tuple[str, ...]:
    """Closed-class words of one kind from ``function_words.tsv`` (articles, credit prefixes, ...), as
    written, in file order."""
    return word_table(lang, "function_words.tsv", value_column=None).forms(kind)


def read_words(lang: str, name: str) -> tuple[str, ...]:
    """A one-column list file (header ``form``)."""
    return tuple(row["form"] for row in read_tsv(lang, name))
