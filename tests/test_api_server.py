"""``wirecoder serve`` as a real process on 127.0.0.1: a client too slow with its headers or its body is
disconnected at the configured deadline, and the server keeps answering the others."""

from __future__ import annotations

import os
import socket
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .net import free_port, running_server

HEADER_TIMEOUT = 2
BODY_TIMEOUT = 3


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    folder = tmp_path_factory.mktemp("serve")
    config = folder / "w.toml"
    config.write_text(f"[api]\nheader_timeout = {HEADER_TIMEOUT}\nbody_timeout = {BODY_TIMEOUT}\n", encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-c", "from wirecoder.cli import main; main()", "--config", str(config),
               "--db", f"sqlite:///{folder / 'w.db'}", "serve", "--port", str(port)]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    with running_server(command, port, env=env, start_s=40, cwd=str(folder)):
        yield "127.0.0.1", port


def _seconds_until_dropped(address: tuple[str, int], request: bytes, *, pause: float, limit: float) -> float:
    """Sends ``request`` one byte every ``pause`` seconds (then waits); returns when the server closed the
    connection, or ``limit`` if it had not by then."""
    start = time.monotonic()
    with socket.create_connection(address, timeout=limit) as sock:
        sock.settimeout(pause)
        for i in range(len(request) + int(limit / pause)):
            if time.monotonic() - start > limit:
                return limit
            try:
                if i < len(request):
                    sock.sendall(request[i:i + 1])
                if sock.recv(4096) == b"":
                    return time.monotonic() - start
            except TimeoutError:
                continue
            except (ConnectionResetError, BrokenPipeError):
                return time.monotonic() - start
    return limit


def test_a_client_too_slow_with_its_headers_is_disconnected(server: tuple[str, int]) -> None:
    request = b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + b"x" * 200 + b"\r\n\r\n"
    # A byte every 0.25 s: the headers would take over a minute; uvicorn alone waits for ever.
    took = _seconds_until_dropped(server, request, pause=0.25, limit=HEADER_TIMEOUT + 8)
    assert HEADER_TIMEOUT - 0.5 <= took < HEADER_TIMEOUT + 3, took


def test_a_client_too_slow_with_its_body_is_disconnected(server: tuple[str, int]) -> None:
    body = b'{"text": "' + b"a" * 500 + b'"}'
    head = (b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
    with socket.create_connection(server, timeout=5) as sock:
        sock.sendall(head)  # the headers in time
        start = time.monotonic()
        sock.settimeout(0.25)
        took = None
        for byte in body:
            if time.monotonic() - start > BODY_TIMEOUT + 8:
                break
            try:
                sock.sendall(bytes([byte]))
                if sock.recv(4096) == b"":
                    took = time.monotonic() - start
                    break
            except TimeoutError:
                continue
            except (ConnectionResetError, BrokenPipeError):
                took = time.monotonic() - start
                break
    assert took is not None and BODY_TIMEOUT - 0.5 <= took < BODY_TIMEOUT + 3, took


def test_a_prompt_client_is_served_meanwhile(server: tuple[str, int]) -> None:
    host, port = server
    with urllib.request.urlopen(f"http://{host}:{port}/api/health", timeout=5) as response:
        assert response.status == 200 and response.headers["X-Frame-Options"] == "DENY"
