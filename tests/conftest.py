"""Shared fixtures. Model-backed tests are marked ``model`` and share one loaded pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wirecoder import Pipeline, Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The full default pipeline; spaCy's model is loaded once for the whole session."""
    p = Pipeline(settings=Settings())
    p.setup()
    return p


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "samples").is_dir():
        pytest.skip(f"../shared is not beside the project (looked in {SHARED}): reference data tests skipped")
    return SHARED


@pytest.fixture
def wire_file(tmp_path: Path):
    """Write a wire text file and return its path: ``wire_file("name.txt", "date 2024-01\\n...")``."""
    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path
    return write


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> str:
    """A database holding the bundled sample stories (the project's own), annotated by the full pipeline."""
    from wirecoder.cli import samples_dir
    from wirecoder.readers import SkipLog, read_paths
    from wirecoder.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    skips = SkipLog()
    articles = list(read_paths([samples_dir()], skips=skips))
    assert not skips.skips
    with Store(url) as store:
        for article, doc in zip(articles, pipeline.process(articles), strict=True):
            store.write(doc, article.content_hash)
    return url


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a throwaway PostgreSQL server for the session; skips, saying why, only when none can be
    installed or started."""
    import subprocess

    from .postgres import find_postgres, throwaway_postgres

    bin_dir, why = find_postgres()
    if bin_dir is None:
        pytest.skip(f"no PostgreSQL for these tests: {why}")
    try:
        with throwaway_postgres(bin_dir) as url:
            yield url
    except subprocess.CalledProcessError as exc:
        pytest.skip(f"PostgreSQL could not be started: {exc} {exc.stderr!r}")


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the session's server for each test."""
    import uuid

    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield postgres_server.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
