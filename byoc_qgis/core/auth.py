"""OAuth2 client credentials: secrets that never print, and a token cache per (deployment, client id).

Tokens are fetched with a form body (``grant_type=client_credentials&client_id=…&client_secret=…``), cached in
memory only, refreshed when less than ``refresh_margin`` (60 s) of their life is left and, once, after the
service answers 401 (see :meth:`TokenManager.invalidate`). Neither the client secret nor a token ever appears in
a log record, an exception text or a ``repr``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import threading
import time
from typing import Callable, Dict, Optional, Tuple

from .errors import AuthError, SentinelHubError
from .worded import WordedError

__all__ = [
    "ClientCredentials",
    "Token",
    "TokenManager",
    "REFRESH_MARGIN_S",
    "clear_token_cache",
    "redact",
]

log = logging.getLogger(__name__)

REFRESH_MARGIN_S = 60.0
_FALLBACK_LIFETIME_S = 300.0


def redact(text: str, *secrets: Optional[str]) -> str:
    """Replace every occurrence of each non-empty secret in ``text`` with ``***``."""
    for secret in secrets:
        if secret and len(secret) >= 3:
            text = text.replace(secret, "***")
    return text


class ClientCredentials:
    """An OAuth client id and secret. The secret is only handed out by :meth:`secret`; it never prints."""

    __slots__ = ("client_id", "_secret")

    def __init__(self, client_id: str, client_secret: str) -> None:
        client_id = (client_id or "").strip()
        if not client_id:
            raise WordedError("client-id-empty")
        if not client_secret:
            raise WordedError("client-secret-empty", client_id=client_id)
        self.client_id = client_id
        self._secret = client_secret

    def secret(self) -> str:
        """The client secret (only for building the token request)."""
        return self._secret

    def fingerprint(self) -> str:
        """A short one-way digest of id + secret: tells credentials apart without revealing the secret."""
        digest = hashlib.sha256(f"{self.client_id}\0{self._secret}".encode()).hexdigest()
        return digest[:16]

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, client_secret=<hidden>)"

    __str__ = __repr__

    def __reduce__(self):  # pragma: no cover - guard against pickling secrets into files
        raise TypeError("ClientCredentials cannot be pickled (it holds a secret)")


class Token:
    """A bearer token and when it expires (monotonic clock). Prints without its value."""

    __slots__ = ("_value", "expires_at", "lifetime")

    def __init__(self, value: str, expires_at: float, lifetime: float) -> None:
        self._value = value
        self.expires_at = expires_at
        self.lifetime = lifetime

    def value(self) -> str:
        """The bearer token."""
        return self._value

    def remaining(self, now: Optional[float] = None) -> float:
        """Seconds until it expires."""
        return self.expires_at - (time.monotonic() if now is None else now)

    def __repr__(self) -> str:
        return f"Token(<hidden>, remaining={self.remaining():.0f}s)"

    __str__ = __repr__


def _jwt_lifetime(access_token: str) -> Optional[float]:
    """Seconds until the JWT's ``exp`` claim (no signature check: only to schedule refreshes)."""
    try:
        payload = access_token.split(".")[1]
        payload += "=" * (-len(payload) % 4)
        claims = json.loads(base64.urlsafe_b64decode(payload))
        return float(claims["exp"]) - time.time()
    except (IndexError, ValueError, KeyError, TypeError):
        return None


# (token URL, base URL, client id, fingerprint) -> Token ; shared by every connection of this process
_CACHE: Dict[Tuple[str, str, str, str], Token] = {}
_CACHE_LOCK = threading.Lock()
_FETCH_LOCKS: Dict[Tuple[str, str, str, str], threading.Lock] = {}


def clear_token_cache() -> None:
    """Forget every cached token (tests; after credentials change)."""
    with _CACHE_LOCK:
        _CACHE.clear()


FetchFn = Callable[[str, Dict[str, str]], Tuple[int, bytes]]
"""``fetch(token_url, form) -> (status, body)``: POST the form (the HTTP layer does retries and cancellation)."""


class TokenManager:
    """Hands out valid bearer tokens for one deployment + credentials, fetching and caching them."""

    def __init__(
        self,
        token_url: str,
        base_url: str,
        credentials: ClientCredentials,
        fetch: FetchFn,
        refresh_margin: float = REFRESH_MARGIN_S,
    ) -> None:
        self.token_url = token_url
        self.credentials = credentials
        self.refresh_margin = refresh_margin
        self._fetch = fetch
        self._key = (token_url, base_url, credentials.client_id, credentials.fingerprint())
        self.fetch_count = 0
        with _CACHE_LOCK:
            self._fetch_lock = _FETCH_LOCKS.setdefault(self._key, threading.Lock())

    def __repr__(self) -> str:
        return f"TokenManager(token_url={self.token_url!r}, client_id={self.credentials.client_id!r})"

    def _cached(self) -> Optional[Token]:
        with _CACHE_LOCK:
            token = _CACHE.get(self._key)
        if token is not None and token.remaining() > self.refresh_margin:
            return token
        return None

    def token(self) -> str:
        """A bearer token with more than ``refresh_margin`` seconds left, fetching a new one if needed."""
        token = self._cached()
        if token is not None:
            return token.value()
        with self._fetch_lock:  # one fetch at a time per key; the others reuse its result
            token = self._cached()
            if token is None:
                token = self._fetch_new()
                with _CACHE_LOCK:
                    _CACHE[self._key] = token
            return token.value()

    def invalidate(self, value: str) -> None:
        """Drop the cached token if it is still ``value`` (called once after a 401)."""
        with _CACHE_LOCK:
            current = _CACHE.get(self._key)
            if current is not None and current.value() == value:
                del _CACHE[self._key]

    def _fetch_new(self) -> Token:
        secret = self.credentials.secret()
        form = {
            "grant_type": "client_credentials",
            "client_id": self.credentials.client_id,
            "client_secret": secret,
        }
        started = time.monotonic()
        try:
            status, body = self._fetch(self.token_url, form)
        except SentinelHubError as exc:
            exc.message = redact(exc.message, secret)
            exc.args = (exc.message,)
            raise
        self.fetch_count += 1
        if status != 200:
            raise self._error(status, body, secret)
        try:
            data = json.loads(body)
            value = data["access_token"]
            if not isinstance(value, str) or not value:
                raise KeyError("access_token")
        except (ValueError, KeyError, TypeError):
            raise AuthError(
                f"token endpoint {self.token_url} answered without an access_token; check the token URL",
                status=status,
            ) from None
        lifetime: Optional[float] = None
        try:
            if data.get("expires_in") is not None:
                lifetime = float(data["expires_in"])
        except (TypeError, ValueError):
            lifetime = None
        if lifetime is None:
            lifetime = _jwt_lifetime(value) or _FALLBACK_LIFETIME_S
        log.debug("token for client %s fetched, valid %.0f s", self.credentials.client_id, lifetime)
        return Token(value, started + lifetime, lifetime)

    def _error(self, status: int, body: bytes, secret: str) -> SentinelHubError:
        from .errors import error_from_response, parse_error_body

        info = parse_error_body(body)
        if status in (400, 401, 403):
            detail = info["message"] or info["code"] or f"HTTP {status}"
            detail = redact(str(detail), secret)
            return AuthError(
                f"the token endpoint refused client id {self.credentials.client_id!r}: {detail}. "
                "Check the client id and secret (and that the deployment is the one the client belongs to)",
                status=status,
                code=info["code"],
                method="POST",
                path=self.token_url,
            )
        err = error_from_response(status, body, method="POST", path=self.token_url)
        err.message = redact(err.message, secret)
        err.args = (err.message,)
        return err
