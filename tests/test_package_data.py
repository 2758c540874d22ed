"""The package data in pyproject.toml is true: each pattern matches files that exist, and every data file of the
package (anything not Python) is matched by a pattern, so that a wheel ships what the package reads."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wirecoder"
# Third-party web assets copied from npm by `make install` (web/build.sh); not in git. The Makefile marks the
# folder built with this file.
VENDOR = "web/static/vendor/"
VENDOR_BUILT = PACKAGE / VENDOR / ".built"


def package_data() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        patterns: list[str] = tomllib.load(f)["tool"]["setuptools"]["package-data"]["wirecoder"]
    return patterns


def matched(pattern: str) -> set[Path]:
    """The files ``pattern`` selects, as setuptools sees them: no folders, hidden files or byte code."""
    return {p for p in PACKAGE.glob(pattern)
            if p.is_file() and not p.name.startswith(".") and "__pycache__" not in p.parts}


@pytest.mark.parametrize("pattern", package_data())
def test_each_pattern_matches_files(pattern: str) -> None:
    if pattern.startswith(VENDOR) and not VENDOR_BUILT.exists():
        pytest.skip(f"wirecoder/{VENDOR} is built by `make install` (npm), and is not built here")
    assert matched(pattern), f"package-data pattern {pattern!r} matches no file under wirecoder/"


def test_every_data_file_is_package_data() -> None:
    shipped = set().union(*(matched(p) for p in package_data()))
    data = {p for p in matched("**/*") if p.suffix not in {".py", ".pyc"}}
    assert data, "no data file found: is wirecoder/ beside tests/?"
    assert sorted(str(p.relative_to(PACKAGE)) for p in data - shipped) == []
