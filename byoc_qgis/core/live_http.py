"""The live view server's HTTP plumbing (standard library): one handler thread per QGIS connection, HTTP/1.1
keep-alive, nothing logged (tile paths carry the session key), and the test for a client that went away."""

from __future__ import annotations

import select
import socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["TileHandler", "TileHTTPServer", "client_gone"]


class TileHandler(BaseHTTPRequestHandler):
    """Hands each GET to the owning server's ``_handle``; ``send_body`` answers with a body and no caching."""

    protocol_version = "HTTP/1.1"
    server_version = "byoc_qgis-live"
    sys_version = ""

    def log_message(self, fmt: str, *args: Any) -> None:  # the path carries the session key: never logged
        return None

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        self.server.owner._handle(self)  # type: ignore[attr-defined]

    def send_body(self, status: int, body: bytes, content_type: str = "image/png", extra=()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")  # session-bound URLs: nothing for QGIS's disk cache
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class TileHTTPServer(ThreadingHTTPServer):
    """Daemon handler threads (a stuck connection never holds QGIS at exit); ``owner`` is set by the tile server."""

    daemon_threads = True
    allow_reuse_address = False
    request_queue_size = 64


def client_gone(sock: socket.socket) -> bool:
    """True when the peer closed the connection (QGIS aborted the tile request)."""
    try:
        readable, _, _ = select.select([sock], [], [], 0)
        if not readable:
            return False
        return sock.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):
        return True
