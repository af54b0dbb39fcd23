"""Why a request did not get an answer: whether it certainly never reached the server, and a short cause and hint
for the user ("connection refused", "host name not found", a proxy or certificate problem)."""

from __future__ import annotations

import errno
import socket
from typing import Any, List, Tuple

import requests


def never_sent(exc: requests.RequestException) -> bool:
    """True when the request certainly did not reach the server (connect failed)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    if isinstance(exc, requests.exceptions.ConnectionError) and not isinstance(exc, requests.exceptions.ReadTimeout):
        reason = exc.args[0] if exc.args else None
        inner = getattr(reason, "reason", reason)
        name = type(inner).__name__
        return name in ("NewConnectionError", "ConnectTimeoutError", "NameResolutionError") or (
            "NewConnectionError" in repr(inner) or "Failed to establish a new connection" in str(inner)
        )
    return False


_PROXY_HINT = "check the proxy in QGIS Settings → Options → Network"
_CA_HINT = "add the service's CA in QGIS Settings → Options → Authentication → Certificate Manager"


def _causes(exc: BaseException) -> List[BaseException]:
    """``exc`` and every exception it wraps (urllib3 ``reason``, ``args``, ``__cause__``/``__context__``)."""
    seen: List[BaseException] = []
    todo: List[Any] = [exc]
    while todo and len(seen) < 20:
        item = todo.pop(0)
        if not isinstance(item, BaseException) or any(item is s for s in seen):
            continue
        seen.append(item)
        todo.append(getattr(item, "reason", None))
        todo.extend(a for a in getattr(item, "args", ()) if isinstance(a, BaseException))
        todo.append(item.__cause__)
        todo.append(item.__context__)
    return seen


def network_reason(exc: BaseException, timeout: Any = None) -> Tuple[str, str]:
    """A short cause (``connection refused``, ``host name not found``, ...) and a hint for a failed request."""
    connect_timeout, read_timeout = (timeout if isinstance(timeout, tuple) else (timeout, timeout)) or (None, None)
    if isinstance(exc, requests.exceptions.ProxyError):
        return "the proxy refused or dropped the connection", _PROXY_HINT
    if isinstance(exc, requests.exceptions.SSLError):
        return "certificate problem", _CA_HINT
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return (f"no answer within {connect_timeout:g} s" if connect_timeout else "no answer"), ""
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return (f"the service did not answer within {read_timeout:g} s" if read_timeout else "no answer"), ""
    causes = _causes(exc)
    names = {type(c).__name__ for c in causes}
    for cause in causes:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused", ""
        if isinstance(cause, socket.gaierror) or type(cause).__name__ == "NameResolutionError":
            return "host name not found", ""
        if isinstance(cause, ConnectionResetError):
            return "connection reset", ""
        if isinstance(cause, OSError) and cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return "network unreachable", ""
        if isinstance(cause, (socket.timeout, TimeoutError)):
            return "no answer", ""
    if names & {"RemoteDisconnected", "ProtocolError", "IncompleteRead", "ChunkedEncodingError"}:
        return "the connection was dropped", ""
    if isinstance(exc, requests.exceptions.ConnectionError):
        return "connection failed", ""
    return "network error", ""
