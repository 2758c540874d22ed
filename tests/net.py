"""A free port on the loopback address, and a real server process started for a test and stopped after it."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(command: Sequence[str], port: int, *, env: dict[str, str], start_s: float,
                   cwd: str | None = None) -> Iterator[str]:
    """Start ``command`` (a server on 127.0.0.1:``port``), wait until ``/api/health`` answers, yield its URL and
    stop it afterwards; fail if it exits or does not answer within ``start_s`` seconds."""
    process = subprocess.Popen(list(command), env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_s
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/health", timeout=2):
                    break
            except OSError:
                assert process.poll() is None, f"the server exited at start-up: {' '.join(command)}"
                assert time.monotonic() < deadline, f"the server did not answer within {start_s:g} s"
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
