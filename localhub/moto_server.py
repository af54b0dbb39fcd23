"""localhub's own S3 server: moto's WSGI app on a loopback port, optionally with every write persisted to disk,
signatures checked against the configured keys and faults injected (:mod:`localhub.s3_guard`).

The persisting layer lets moto handle a request, then (for successful writes: any method but GET/HEAD/OPTIONS)
asks :class:`localhub.s3_persist.S3Persister` to copy the change to disk, and only then lets the answer go out. When
that copy fails, the client gets a 500 ``InternalError`` instead of a success it could not rely on.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable, Iterable, List, Mapping, Optional

from moto.server import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import BaseWSGIServer, make_server

from .faults import FaultInjector
from .s3_guard import S3FaultLayer, SignatureCheck

log = logging.getLogger("localhub.s3")

_READS = ("GET", "HEAD", "OPTIONS")
_ERROR_BODY = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>localhub could not save '
    b"this change to its data dir; see the localhub log.</Message></Error>"
)


class PersistingApp:
    """WSGI middleware: after a successful write, run ``after_write(method, raw_uri, host)`` before answering."""

    def __init__(self, app: Callable, after_write: Callable[[str, str, str], None]) -> None:
        self.app = app
        self.after_write = after_write

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method in _READS:
            return self.app(environ, start_response)
        captured: List[Any] = []

        def capture(status: str, headers: list, exc_info: Any = None) -> Callable:
            captured[:] = [status, headers, exc_info]
            return lambda data: None  # moto never uses the legacy write() callable

        result = self.app(environ, capture)
        status = captured[0] if captured else "500 Internal Server Error"
        if status[:1] == "2":
            raw_uri = environ.get("RAW_URI") or environ.get("REQUEST_URI") or environ.get("PATH_INFO", "/")
            try:
                self.after_write(method, raw_uri, environ.get("HTTP_HOST", ""))
            except Exception:
                log.exception("localhub: could not save an S3 change to the data dir (%s %s)", method, raw_uri)
                if hasattr(result, "close"):
                    result.close()
                start_response(
                    "500 Internal Server Error",
                    [("Content-Type", "application/xml"), ("Content-Length", str(len(_ERROR_BODY)))],
                )
                return [_ERROR_BODY]
        start_response(*captured)
        return result


class LocalMotoServer:
    """moto's S3 (and other services) on ``host`` at ``port`` (0 = a free one), in a daemon thread.

    ``keys`` (access key → secret key): only requests signed with one of them are served (403 otherwise, as S3
    answers); None accepts anything. ``faults``: fault injection in front of everything (see
    :class:`localhub.s3_guard.S3FaultLayer`).
    """

    def __init__(
        self,
        host: str,
        after_write: Optional[Callable[[str, str, str], None]] = None,
        keys: Optional[Mapping[str, str]] = None,
        faults: Optional[FaultInjector] = None,
        port: int = 0,
    ) -> None:
        self.host = host
        self.port = port
        self._after_write = after_write
        self._keys = dict(keys) if keys is not None else None
        self.faults = faults
        self._server: Optional[BaseWSGIServer] = None
        self._thread: Optional[threading.Thread] = None

    def __repr__(self) -> str:
        return f"LocalMotoServer(endpoint={self.endpoint!r})"

    @property
    def endpoint(self) -> str:
        """``host:port`` (what GDAL's AWS_S3_ENDPOINT wants)."""
        if self._server is None:
            return ""
        return f"{self.host}:{self._server.server_port}"

    @property
    def url(self) -> str:
        """``http://host:port`` (what boto3's endpoint_url wants)."""
        return f"http://{self.endpoint}"

    def start(self) -> None:
        """Listen and serve in the background."""
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        app: Callable = DomainDispatcherApplication(create_backend_app)
        if self._after_write is not None:
            after_write = self._after_write
            app = PersistingApp(app, after_write)
        if self._keys is not None:
            app = SignatureCheck(app, self._keys)
        if self.faults is not None:
            app = S3FaultLayer(app, self.faults)
        self._server = make_server(self.host, self.port, app, threaded=True, request_handler=MotoRequestHandler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="localhub-moto", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop serving (requests under way finish in their own threads)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
