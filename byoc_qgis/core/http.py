"""HTTP for the Sentinel Hub client: one pooled ``requests`` Session per connection, retries, cancellation.

Retry rules (:class:`RetryPolicy`):

* 429 → wait ``Retry-After`` (milliseconds, as Sentinel Hub sends it) and try again; all threads of the
  connection pause together (:class:`RateGate`); the total wait per request is capped.
* 5xx and connection errors → capped exponential backoff with jitter, up to ``max_attempts``.
* 401 → the token is dropped and the request sent once more with a fresh one.
* Other 4xx → never retried.
* Requests marked ``repeatable=False`` (POSTs that create things) are never repeated after they may have reached
  the service: a dropped connection or a 5xx is raised with ``maybe_applied=True`` so the caller can check
  whether the thing exists before trying again (see ``ByocClient.create_tile``).

Logs name method, path, status and timing only: never headers, bodies, tokens, secrets or proxy URLs.
"""

from __future__ import annotations

import configparser
import copy
import errno
import logging
import os
import random
import re
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple, Union
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from .auth import ClientCredentials, TokenManager
from .deployments import Deployment
from .errors import (
    AuthError,
    CancelledError,
    NetworkError,
    SentinelHubError,
    cannot_reach,
    error_from_response,
)

__all__ = [
    "Transport",
    "RetryPolicy",
    "RateGate",
    "HttpClient",
    "CancelFn",
    "user_agent",
    "plugin_version",
    "parse_retry_after",
    "backoff_delay",
    "sleep_cancellable",
    "check_cancel",
    "network_reason",
]

log = logging.getLogger(__name__)

CancelFn = Optional[Callable[[], bool]]
"""A callable returning True when the caller wants the work to stop (e.g. ``QgsTask.isCanceled``)."""

DEFAULT_TIMEOUT = (10.0, 120.0)


def plugin_version() -> str:
    """The plugin version from ``byoc_qgis/metadata.txt`` (``0`` if unreadable)."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(Path(__file__).resolve().parent.parent / "metadata.txt", encoding="utf-8")
        return parser.get("general", "version", fallback="0").strip() or "0"
    except (OSError, configparser.Error):
        return "0"


def _qgis_version() -> Optional[str]:
    """QGIS's version if QGIS is already loaded in this process (never imports it)."""
    core = sys.modules.get("qgis.core")
    if core is None:
        return None
    try:
        return str(core.Qgis.version()).split("-")[0]
    except Exception:  # noqa: BLE001 - any QGIS oddity: just leave the version out
        return None


def user_agent(qgis_version: Optional[str] = None) -> str:
    """``byoc_qgis/<plugin version> QGIS/<version>`` (QGIS part only when known)."""
    agent = f"byoc_qgis/{plugin_version()}"
    qgis_version = qgis_version or _qgis_version()
    if qgis_version:
        agent += f" QGIS/{qgis_version}"
    return agent


@dataclass
class Transport:
    """Network settings for ``requests``: proxies, whether to read environment proxies, CA bundle, bypass list.

    Built from QGIS's settings by ``qgis_adapters.transport_from_qgis``; the default (outside QGIS) is plain
    ``requests`` behaviour. Its repr never shows proxy credentials.
    """

    proxies: Dict[str, str] = field(default_factory=dict)
    trust_env: bool = True
    verify: Union[bool, str] = True
    bypass: List[str] = field(default_factory=list)
    qgis_version: Optional[str] = None

    def __repr__(self) -> str:
        hosts = sorted({urlsplit(u).hostname or "?" for u in self.proxies.values()})
        return f"Transport(proxies={hosts}, trust_env={self.trust_env}, verify={self.verify!r}, bypass={self.bypass!r})"

    def proxies_for(self, url: str) -> Optional[Dict[str, str]]:
        """The proxies to use for ``url`` (``None`` when it matches the bypass list)."""
        if not self.proxies:
            return None
        for prefix in self.bypass:
            if prefix and url.startswith(prefix):
                return {"http": "", "https": ""}
        return dict(self.proxies)

    def secrets(self) -> List[str]:
        """Proxy credentials (to scrub from error texts)."""
        out = []
        for url in self.proxies.values():
            parts = urlsplit(url)
            if parts.password:
                out.append(parts.password)
        return out


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry. Times in seconds."""

    max_attempts: int = 8  # 0.2⁸: a run of thousands of requests survives ~20 % of them failing
    backoff_base: float = 0.5
    backoff_cap: float = 8.0  # a persisting outage is reported after ~30 s
    jitter: float = 0.5
    max_rate_limit_wait: float = 300.0
    default_retry_after: float = 5.0

    def delay(self, attempt: int, rng: Optional[random.Random] = None) -> float:
        """Backoff before retry number ``attempt`` (1-based) after a 5xx or connection error."""
        return backoff_delay(attempt, self.backoff_base, self.backoff_cap, self.jitter, rng)


def backoff_delay(
    attempt: int, base: float, cap: float, jitter: float = 0.5, rng: Optional[random.Random] = None
) -> float:
    """Capped exponential backoff: ``min(cap, base·2^(attempt-1))``, of which a ``jitter`` fraction is random."""
    full = min(cap, base * (2 ** max(0, attempt - 1)))
    rnd = (rng or random).random()
    return full * (1.0 - jitter) + full * jitter * rnd


def parse_retry_after(value: Optional[str], default: float) -> float:
    """Seconds to wait from a Sentinel Hub ``Retry-After`` header (milliseconds); ``default`` if absent/odd."""
    if value is None:
        return default
    try:
        ms = float(value.strip())
    except (ValueError, AttributeError):
        return default
    if ms != ms or ms < 0:  # NaN or negative
        return default
    return ms / 1000.0


def check_cancel(cancel: CancelFn) -> None:
    """Raise :class:`CancelledError` if ``cancel()`` says so."""
    if cancel is not None and cancel():
        raise CancelledError("cancelled")


def sleep_cancellable(seconds: float, cancel: CancelFn, step: float = 0.05) -> None:
    """Sleep ``seconds``, waking every ``step`` to check ``cancel``."""
    deadline = time.monotonic() + max(0.0, seconds)
    while True:
        check_cancel(cancel)
        left = deadline - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(step, left))


class RateGate:
    """A shared "not before" time: after a 429 every thread of the connection waits until it has passed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._not_before = 0.0

    def defer(self, seconds: float) -> None:
        """Hold all requests for ``seconds`` from now (never shortens an existing hold)."""
        with self._lock:
            self._not_before = max(self._not_before, time.monotonic() + seconds)

    def remaining(self) -> float:
        """Seconds until requests may go again."""
        with self._lock:
            return max(0.0, self._not_before - time.monotonic())

    def wait(self, cancel: CancelFn) -> float:
        """Wait until the gate is open; return how long that took."""
        waited = 0.0
        while True:
            left = self.remaining()
            if left <= 0:
                return waited
            sleep_cancellable(left, cancel)
            waited += left


def _never_sent(exc: requests.RequestException) -> bool:
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


class HttpClient:
    """One connection to a deployment: a pooled Session, the token manager, retries and rate-limit gate."""

    def __init__(
        self,
        deployment: Deployment,
        credentials: Optional[ClientCredentials] = None,
        transport: Optional[Transport] = None,
        policy: Optional[RetryPolicy] = None,
        timeout: Tuple[float, float] = DEFAULT_TIMEOUT,
        pool_size: int = 16,
        refresh_margin: Optional[float] = None,
    ) -> None:
        self.deployment = deployment
        self.transport = transport or Transport()
        self.policy = policy or RetryPolicy()
        self.timeout = timeout
        self.gate = RateGate()
        self.user_agent = user_agent(self.transport.qgis_version)
        self.session = requests.Session()
        # Environment settings (proxies, CA bundle) are resolved once here, not on every request, and the
        # session never reads ~/.netrc (whose Basic credentials would replace the bearer header).
        self.session.trust_env = False
        self.session.verify = self.transport.verify
        if self.transport.trust_env and self.transport.verify is True:
            bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
            if bundle:
                self.session.verify = bundle
        self._proxy_cache: Dict[Tuple[str, str], Optional[Dict[str, str]]] = {}
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=pool_size, max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update({"User-Agent": self.user_agent, "Accept": "application/json"})
        self.tokens: Optional[TokenManager] = None
        if credentials is not None:
            kwargs = {} if refresh_margin is None else {"refresh_margin": refresh_margin}
            self.tokens = TokenManager(
                deployment.token_url, deployment.base_url, credentials, self._fetch_token, **kwargs
            )
        self._rng = random.Random()  # noqa: S311 - jitter, not cryptography

    def __repr__(self) -> str:
        client = self.tokens.credentials.client_id if self.tokens else None
        return f"HttpClient(base_url={self.deployment.base_url!r}, client_id={client!r})"

    def close(self) -> None:
        """Close pooled connections."""
        self.session.close()

    def with_policy(self, policy: RetryPolicy, timeout: Optional[Tuple[float, float]] = None) -> HttpClient:
        """A view of this client (same session, token cache and rate-limit gate) that retries by ``policy``.

        For callers with their own retry loop (e.g. a live refresh). Closing the view closes the shared session.
        """
        view = copy.copy(self)
        view.policy = policy
        if timeout is not None:
            view.timeout = timeout
        return view

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- token endpoint ------------------------------------------------------------------------------------------
    def _fetch_token(self, token_url: str, form: Dict[str, str]) -> Tuple[int, bytes]:
        resp = self.request(
            "POST",
            token_url,
            data=form,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            expected=None,
            authenticated=False,
        )
        return resp.status_code, resp.content

    # -- requests ------------------------------------------------------------------------------------------------
    def _proxies(self, url: str, scheme: str, netloc: str) -> Optional[Dict[str, str]]:
        """Proxies for ``url``: QGIS's (transport) or, with ``trust_env``, the environment's (cached per host)."""
        if self.transport.proxies:
            return self.transport.proxies_for(url)
        if not self.transport.trust_env:
            return None
        key = (scheme, netloc)
        if key not in self._proxy_cache:
            self._proxy_cache[key] = requests.utils.get_environ_proxies(url) or None
        return self._proxy_cache[key]

    def url(self, path_or_url: str) -> str:
        """Absolute URL for a path under the deployment's base URL."""
        if "://" in path_or_url:
            return path_or_url
        return self.deployment.base_url + path_or_url

    def _secrets(self) -> List[str]:
        out = self.transport.secrets()
        if self.tokens is not None:
            out.append(self.tokens.credentials.secret())
        return out

    def _network_error(self, exc: Exception, method: str, path: str, maybe_applied: bool) -> NetworkError:
        from .auth import redact

        parts = urlsplit(self.url(path))
        origin = f"{parts.scheme}://{parts.hostname or ''}" + (f":{parts.port}" if parts.port else "")
        reason, hint = network_reason(exc, self.timeout)
        text = redact(str(exc), *self._secrets())
        # proxy URLs with credentials may be part of urllib3 texts: cut anything that looks like user:pass@
        detail = re.sub(r"//[^/@\s]*:[^/@\s]*@", "//***@", f"{type(exc).__name__}: {text}")
        return NetworkError(
            cannot_reach(origin, reason, hint),
            method=method,
            path=path,
            maybe_applied=maybe_applied,
            url=origin,
            reason=reason,
            detail=detail,
        )

    def request(
        self,
        method: str,
        path_or_url: str,
        *,
        params: Optional[Dict[str, Any]] = None,
        json_body: Any = None,
        data: Any = None,
        headers: Optional[Dict[str, str]] = None,
        expected: Optional[Iterable[int]] = (200,),
        repeatable: bool = True,
        authenticated: bool = True,
        cancel: CancelFn = None,
        stream: bool = False,
        timeout: Optional[Tuple[float, float]] = None,
    ) -> requests.Response:
        """Send a request with retries; return the response whose status is in ``expected``.

        ``expected=None`` returns any response that is not retried (used for the token endpoint).
        Raises a :class:`SentinelHubError` subclass otherwise.
        """
        url = self.url(path_or_url)
        parts = urlsplit(url)
        path = parts.path
        expected_set = None if expected is None else set(expected)
        attempt = 0
        rate_waited = 0.0
        refreshed = False
        req_headers = dict(headers or {})
        if json_body is not None:
            req_headers.setdefault("Content-Type", "application/json")
        proxies = self._proxies(url, parts.scheme, parts.netloc)
        while True:
            check_cancel(cancel)
            rate_waited += self.gate.wait(cancel)
            attempt += 1
            token = None
            if authenticated and self.tokens is not None:
                token = self.tokens.token()
                req_headers["Authorization"] = f"Bearer {token}"
            started = time.monotonic()
            try:
                resp = self.session.request(
                    method,
                    url,
                    params=params,
                    json=json_body,
                    data=data,
                    headers=req_headers,
                    timeout=timeout or self.timeout,
                    stream=stream,
                    proxies=proxies,
                )
            except requests.RequestException as exc:
                elapsed = time.monotonic() - started
                sent = not _never_sent(exc)
                log.info("%s %s failed after %.2f s: %s", method, path, elapsed, type(exc).__name__)
                if sent and not repeatable:
                    raise self._network_error(exc, method, path, maybe_applied=True) from None
                if attempt >= self.policy.max_attempts:
                    raise self._network_error(exc, method, path, maybe_applied=False) from None
                sleep_cancellable(self.policy.delay(attempt, self._rng), cancel)
                continue
            status = resp.status_code
            log.debug("%s %s -> %d in %.3f s", method, path, status, time.monotonic() - started)
            if status == 429:
                wait = parse_retry_after(resp.headers.get("Retry-After"), self.policy.default_retry_after)
                body = resp.content
                resp.close()
                if rate_waited + wait > self.policy.max_rate_limit_wait:
                    err = error_from_response(status, body, method=method, path=path, retry_after=wait)
                    err.message = f"{err.message} (rate limited; waited {rate_waited:.1f} s already)"
                    err.args = (err.message,)
                    raise err
                log.info("%s %s rate limited: waiting %.3f s", method, path, wait)
                self.gate.defer(wait)
                attempt -= 1  # a 429 is not a failed attempt
                continue
            if status == 401 and token is not None and not refreshed:
                resp.close()
                refreshed = True
                log.info("%s %s -> 401: refreshing the token once", method, path)
                self.tokens.invalidate(token)  # type: ignore[union-attr]
                attempt -= 1
                continue
            if status >= 500:
                body = resp.content
                resp.close()
                if not repeatable or attempt >= self.policy.max_attempts:
                    err = error_from_response(status, body, method=method, path=path, reason=resp.reason or "")
                    err.maybe_applied = not repeatable
                    raise err
                sleep_cancellable(self.policy.delay(attempt, self._rng), cancel)
                continue
            if expected_set is None or status in expected_set:
                return resp
            body = resp.content
            resp.close()
            err = error_from_response(status, body, method=method, path=path, reason=resp.reason or "")
            if isinstance(err, AuthError) and status == 401:
                err.message += " (the token was refreshed once and still refused)"
                err.args = (err.message,)
            raise err

    def get_json(self, path_or_url: str, params: Optional[Dict[str, Any]] = None, cancel: CancelFn = None) -> Any:
        """GET and decode JSON."""
        resp = self.request("GET", path_or_url, params=params, cancel=cancel)
        return _decode_json(resp, path_or_url)


def _decode_json(resp: requests.Response, where: str) -> Any:
    import json

    try:
        return json.loads(resp.content)
    except ValueError:
        raise SentinelHubError(
            f"{where}: the service answered HTTP {resp.status_code} with a body that is not JSON",
            status=resp.status_code,
        ) from None
