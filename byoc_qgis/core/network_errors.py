"""Why a request did not get an answer: whether it certainly never reached the server, and a short cause and hint
for the user ("connection refused", "host name not found", a proxy or certificate problem)."""

from __future__ import annotations

import errno
import socket
from typing import Any, Dict, List, Tuple

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


#: why a request got no answer, by stable id (``{seconds}``: the timeout); ``byoc_qgis.wording`` keeps the same texts
#: as tr() literals (tests/test_wording.py checks they match)
NETWORK_REASONS: Dict[str, str] = {
    "proxy": "the proxy refused or dropped the connection",
    "certificate": "certificate problem",
    "connect-timeout": "no answer within {seconds} s",
    "read-timeout": "the service did not answer within {seconds} s",
    "no-answer": "no answer",
    "refused": "connection refused",
    "host-not-found": "host name not found",
    "reset": "connection reset",
    "network-unreachable": "network unreachable",
    "dropped": "the connection was dropped",
    "connection-failed": "connection failed",
    "network-error": "network error",
}
#: what the user can do about it, by the reason's id
NETWORK_HINTS: Dict[str, str] = {
    "proxy": "check the proxy in QGIS Settings → Options → Network",
    "certificate": "add the service's CA in QGIS Settings → Options → Authentication → Certificate Manager",
}


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
    reason_id, seconds = network_reason_id(exc, timeout)
    return NETWORK_REASONS[reason_id].format(seconds=seconds), NETWORK_HINTS.get(reason_id, "")


def network_reason_id(exc: BaseException, timeout: Any = None) -> Tuple[str, str]:
    """The :data:`NETWORK_REASONS` id of a failed request's cause and the timeout it names ("" when none)."""
    connect_timeout, read_timeout = (timeout if isinstance(timeout, tuple) else (timeout, timeout)) or (None, None)
    if isinstance(exc, requests.exceptions.ProxyError):
        return "proxy", ""
    if isinstance(exc, requests.exceptions.SSLError):
        return "certificate", ""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return ("connect-timeout", f"{connect_timeout:g}") if connect_timeout else ("no-answer", "")
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return ("read-timeout", f"{read_timeout:g}") if read_timeout else ("no-answer", "")
    causes = _causes(exc)
    names = {type(c).__name__ for c in causes}
    for cause in causes:
        if isinstance(cause, ConnectionRefusedError):
            return "refused", ""
        if isinstance(cause, socket.gaierror) or type(cause).__name__ == "NameResolutionError":
            return "host-not-found", ""
        if isinstance(cause, ConnectionResetError):
            return "reset", ""
        if isinstance(cause, OSError) and cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return "network-unreachable", ""
        if isinstance(cause, (socket.timeout, TimeoutError)):
            return "no-answer", ""
    if names & {"RemoteDisconnected", "ProtocolError", "IncompleteRead", "ChunkedEncodingError"}:
        return "dropped", ""
    if isinstance(exc, requests.exceptions.ConnectionError):
        return "connection-failed", ""
    return "network-error", ""
