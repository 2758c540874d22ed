"""What the browser tests need: Debian's chromium (installed with apt-get when missing, never downloaded by
Playwright) and a real server over a database, in a thread of the test process."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .net import free_port

CHROMIUM = "/usr/bin/chromium"
APT_TIMEOUT_S = 900


def find_chromium() -> tuple[str | None, str]:
    """The chromium binary, installing Debian's package if it is missing; or None and why not."""
    if shutil.which(CHROMIUM):
        return CHROMIUM, ""
    if not shutil.which("apt-get"):
        return None, "chromium is missing and there is no apt-get to install it"
    try:
        for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
            subprocess.run(command, check=True, capture_output=True, timeout=APT_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"chromium is missing and 'apt-get install chromium' failed: {exc}"
    return (CHROMIUM, "") if shutil.which(CHROMIUM) else (None, "apt-get installed no /usr/bin/chromium")


@contextmanager
def running(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1 and a free port; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
