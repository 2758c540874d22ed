"""Shared fixtures. Model-backed tests are marked ``model`` and share one loaded pipeline."""

from __future__ import annotations

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
