"""Reading the case tables of tests/data (tab-separated, a header row, "#" comments): each row with its line
number, so that a failing case names the line it came from."""

from __future__ import annotations

from pathlib import Path


def read_cases(table: Path) -> list[tuple[int, dict[str, str]]]:
    header: list[str] | None = None
    rows = []
    for number, line in enumerate(table.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        assert len(cells) == len(header), f"{table.name}:{number}: {len(cells)} cells, not {len(header)}"
        rows.append((number, dict(zip(header, cells, strict=True))))
    return rows
