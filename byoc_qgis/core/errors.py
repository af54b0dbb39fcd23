"""One small exception hierarchy for everything the Sentinel Hub client raises.

Every error carries the HTTP status (when there was one), the service's error ``code``, its ``message`` and the
``errors`` list (``[{"parameter": ..., "violation": ...}]``; the service sometimes sends an object instead, which
is turned into the same list form). Texts never contain secrets: they are built from the service's error body
and the request path only, never from headers, tokens or proxy URLs.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

from .progress import Cancelled

__all__ = [
    "SentinelHubError",
    "AuthError",
    "ForbiddenError",
    "NotFoundError",
    "ConflictError",
    "BadRequestError",
    "RateLimitedError",
    "ServerError",
    "NetworkError",
    "CredentialsError",
    "CancelledError",
    "TimeoutExpired",
    "error_from_response",
    "parse_error_body",
    "cannot_reach",
    "is_transient",
    "describe",
]


class SentinelHubError(Exception):
    """Base class of every error raised by ``byoc_qgis.core``'s Sentinel Hub client.

    ``maybe_applied`` is true when a non-repeatable request (a create) failed in a way that leaves open whether
    the service carried it out (dropped connection, 5xx).
    """

    maybe_applied = False

    def __init__(
        self,
        message: str,
        *,
        status: Optional[int] = None,
        code: Optional[str] = None,
        errors: Optional[List[Dict[str, Any]]] = None,
        method: Optional[str] = None,
        path: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.errors: List[Dict[str, Any]] = list(errors or [])
        self.method = method
        self.path = path

    def __str__(self) -> str:
        parts = []
        if self.method and self.path:
            parts.append(f"{self.method} {self.path}")
        if self.status is not None:
            parts.append(f"HTTP {self.status}")
        if self.code:
            parts.append(self.code)
        head = " · ".join(parts)
        text = f"{head}: {self.message}" if head else self.message
        for item in self.errors:
            param = item.get("parameter")
            violation = item.get("violation") or item.get("message") or ""
            text += f"\n  - {param}: {violation}" if param else f"\n  - {violation}"
        return text

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, code={self.code!r}, message={self.message!r})"


class AuthError(SentinelHubError):
    """Credentials refused (bad client id/secret) or a token the service does not accept (HTTP 401)."""


class ForbiddenError(AuthError):
    """The account may not do this (HTTP 403)."""


class NotFoundError(SentinelHubError):
    """The collection or tile does not exist, or belongs to another account (HTTP 404)."""


class ConflictError(SentinelHubError):
    """The change conflicts with the current state, e.g. a duplicate tile path (HTTP 409)."""


class BadRequestError(SentinelHubError):
    """The service refused the request's content (HTTP 400 and other 4xx); see ``message`` and ``errors``."""


class RateLimitedError(SentinelHubError):
    """Still rate limited (HTTP 429) after waiting as long as allowed; ``retry_after`` is in seconds."""

    def __init__(self, message: str, *, retry_after: Optional[float] = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(SentinelHubError):
    """The service failed (HTTP 5xx) on every attempt."""


class NetworkError(SentinelHubError):
    """No usable answer: connection refused or dropped, DNS, TLS or timeout; on every attempt.

    The message is a sentence for people (:func:`cannot_reach`: "Cannot reach http://127.0.0.1:8765 (connection
    refused)"); ``url`` is the service's origin, ``reason`` the short cause and ``detail`` the library's own text
    (secrets removed) for logs. ``maybe_applied`` is true when a non-repeatable request (e.g. a create) may have
    reached the service.
    """

    def __init__(
        self,
        message: str,
        *,
        maybe_applied: bool = False,
        url: Optional[str] = None,
        reason: Optional[str] = None,
        detail: Optional[str] = None,
        params: Optional[Dict[str, str]] = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.maybe_applied = maybe_applied
        self.url = url
        self.reason = reason
        self.detail = detail
        # the wording's values (url, reason_id of network_errors.NETWORK_REASONS, seconds) so the layers above core
        # can word the message in the user's language; empty when the message is worded otherwise
        self.params = dict(params or {})


class CredentialsError(ValueError):
    """The saved credentials cannot be read: the authentication configuration was deleted, the QGIS
    authentication database is locked or disabled, or the master password was not given. Fixed by editing the
    connection (or unlocking QGIS's authentication database), not by trying again."""


class CancelledError(SentinelHubError, Cancelled):
    """The caller's cancel callback asked to stop (also a ``progress.Cancelled``)."""


class TimeoutExpired(SentinelHubError):
    """A wait (e.g. for ingestion) ran out of time."""


def cannot_reach(url: str, reason: str, hint: str = "") -> str:
    """The sentence for a request that got no usable answer: ``Cannot reach <url> (<reason>)`` plus a hint."""
    text = f"Cannot reach {url} ({reason})"
    return f"{text}: {hint}" if hint else text


def is_transient(exc: BaseException) -> bool:
    """True for failures that may go away by themselves: no connection, a 5xx, still rate limited."""
    if isinstance(exc, Cancelled):
        return False
    return isinstance(exc, (NetworkError, ServerError, RateLimitedError))


def describe(exc: BaseException) -> str:
    """One sentence for people about an error of the client (no method, path or library text)."""
    if isinstance(exc, NetworkError):
        return exc.message
    if isinstance(exc, SentinelHubError):
        head = f"HTTP {exc.status}: {exc.message}" if exc.status else exc.message
        if isinstance(exc, ServerError):
            return f"The service failed ({head}); try again later"
        if isinstance(exc, RateLimitedError):
            return f"The service is still rate limiting requests ({head}); try again in a minute"
        if isinstance(exc, AuthError) and not isinstance(exc, ForbiddenError):
            return f"{head} — check the client id and secret of the connection"
        return head
    text = str(exc).strip()
    return text or type(exc).__name__


def _normalise_errors(raw: Any) -> List[Dict[str, Any]]:
    if raw is None:
        return []
    if isinstance(raw, list):
        out = []
        for item in raw:
            if isinstance(item, dict):
                out.append(dict(item))
            else:
                out.append({"violation": str(item)})
        return out
    if isinstance(raw, dict):
        # object form: {"parameter": ..., "violation": ...} or {param: violation, ...}
        if "violation" in raw or "parameter" in raw:
            return [dict(raw)]
        return [{"parameter": str(k), "violation": str(v)} for k, v in raw.items()]
    return [{"violation": str(raw)}]


def parse_error_body(body: bytes) -> Dict[str, Any]:
    """Return ``{"message", "code", "errors"}`` from a service error body (wrapped, unwrapped or OAuth form)."""
    result: Dict[str, Any] = {"message": None, "code": None, "errors": []}
    try:
        data = json.loads(body) if body else None
    except (ValueError, UnicodeDecodeError):
        text = body.decode("utf-8", "replace").strip() if body else ""
        result["message"] = text[:500] or None
        return result
    if not isinstance(data, dict):
        return result
    inner = data.get("error")
    if isinstance(inner, dict):
        data = inner
    elif isinstance(inner, str):
        # OAuth form: {"error": "invalid_client", "error_description": "..."}
        result["code"] = inner
        result["message"] = data.get("error_description") or inner
        return result
    result["message"] = data.get("message") or data.get("description") or data.get("reason")
    result["code"] = data.get("code")
    result["errors"] = _normalise_errors(data.get("errors"))
    return result


_CLASS_BY_STATUS = {400: BadRequestError, 401: AuthError, 403: ForbiddenError, 404: NotFoundError, 409: ConflictError}


def error_from_response(
    status: int,
    body: bytes,
    *,
    method: Optional[str] = None,
    path: Optional[str] = None,
    retry_after: Optional[float] = None,
    reason: str = "",
) -> SentinelHubError:
    """Build the right exception for an HTTP error answer from its status and body."""
    info = parse_error_body(body)
    message = info["message"] or reason or f"HTTP {status}"
    kwargs: Dict[str, Any] = {
        "status": status,
        "code": info["code"],
        "errors": info["errors"],
        "method": method,
        "path": path,
    }
    if status == 429:
        return RateLimitedError(message, retry_after=retry_after, **kwargs)
    if status >= 500:
        return ServerError(message, **kwargs)
    cls = _CLASS_BY_STATUS.get(status, BadRequestError)
    return cls(message, **kwargs)
