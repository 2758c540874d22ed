"""Serving the application with uvicorn, with deadlines for slow clients.

uvicorn's own ``timeout_keep_alive`` only closes a connection that stays silent between requests, and every byte
received resets it: a client that sends its headers one byte every few seconds, or a body that never ends, holds
a connection (and a slot) for ever. Here each request has two deadlines that arriving bytes do not extend: its
headers complete within ``api.header_timeout`` seconds of the connection (or of the previous response), its body
within ``api.body_timeout`` seconds of the headers; past one, the connection is closed.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

KEEP_ALIVE_SECONDS = 5  # uvicorn's default: an idle keep-alive connection is closed after this


class DeadlineH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for the client's headers and one for its body."""

    header_timeout: float = 10.0
    body_timeout: float = 30.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None
        self._waiting_for: Any = None  # the h11 state of the client that the deadline is for

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._follow_client()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        super().connection_lost(exc)

    def handle_events(self) -> None:
        super().handle_events()
        self._follow_client()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._follow_client()

    def _follow_client(self) -> None:
        """Arms the deadline of what the client is sending now (headers or body), once per phase."""
        state = self.conn.their_state
        if state is self._waiting_for:
            return
        self._cancel_deadline()
        self._waiting_for = state
        seconds = {h11.IDLE: self.header_timeout, h11.SEND_BODY: self.body_timeout}.get(state)
        if seconds is not None:
            self._deadline = self.loop.call_later(seconds, self._too_slow)

    def _cancel_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.logger.warning("closing a connection from %s: request %s not received in time", self.client,
                                "body" if self._waiting_for is h11.SEND_BODY else "headers")
            self.transport.close()


def protocol_with_deadlines(header_timeout: float, body_timeout: float) -> type[DeadlineH11Protocol]:
    """The protocol class for uvicorn's ``http=`` option, with these deadlines in seconds."""
    return type("ConfiguredDeadlineH11Protocol", (DeadlineH11Protocol,),
                {"header_timeout": header_timeout, "body_timeout": body_timeout})


def run(app: Any, *, host: str, port: int, header_timeout: float, body_timeout: float) -> None:
    """Serves ``app`` until Ctrl-C."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=KEEP_ALIVE_SECONDS,
                http=protocol_with_deadlines(header_timeout, body_timeout))
