"""``POST /api/extract`` on a real server (uvicorn on 127.0.0.1): a long extraction runs in its own process under
``api.extract_timeout_s``, other requests are served meanwhile, and the next extraction works again."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.net import free_port, running_server

pytestmark = pytest.mark.model

# Quote marks without a space: 40 KB of them once held the whole server for 35 s; these take seconds.
HOSTILE = "Il a dit " + "«" * 12_000
START_S = 60.0  # bound on the server's start-up


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    config = tmp_path / "settings.toml"
    config.write_text(f'[store]\nurl = "sqlite:///{tmp_path / "api.db"}"\n\n[api]\nextract_timeout_s = 1\n',
                      encoding="utf-8")
    port = free_port()
    env = {**os.environ, "WIRECODER_CONFIG": str(config), "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    command = [sys.executable, "-m", "uvicorn", "--factory", "wirecoder.api.app:create_app",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    with running_server(command, port, env=env, start_s=START_S) as url:
        yield url


def test_health_answers_while_an_extraction_runs_and_a_slow_one_is_a_504(server: str) -> None:
    result: dict[str, httpx.Response] = {}

    def extract() -> None:
        result["hostile"] = httpx.post(f"{server}/api/extract", json={"text": HOSTILE}, timeout=120)

    worker = threading.Thread(target=extract)
    worker.start()
    time.sleep(1.0)  # the request is in: its worker process is starting or extracting
    waits = []
    while worker.is_alive():
        start = time.monotonic()
        assert httpx.get(f"{server}/api/health", timeout=30).status_code == 200
        waits.append(time.monotonic() - start)
        time.sleep(0.3)
    worker.join(timeout=120)
    assert waits, "the extraction ended before any health request was sent"
    # Generous (a shared machine), and far below the tens of seconds health once waited behind an extraction.
    assert max(waits) < 5.0, f"health waited {max(waits):.1f} s behind the extraction"
    hostile = result["hostile"]
    assert hostile.status_code == 504
    assert hostile.json()["error"]["status"] == 504
    assert "api.extract_timeout_s" in hostile.json()["error"]["message"]
    # The stopped worker is replaced: the next extraction works.
    ok = httpx.post(f"{server}/api/extract", json={"text": "« Nous ne céderons pas », a déclaré le ministre."},
                    timeout=120)
    assert ok.status_code == 200, ok.text
    assert ok.json()["quotes"]
