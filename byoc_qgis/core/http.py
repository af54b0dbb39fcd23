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

The waiting primitives (policy, backoff, ``Retry-After``, rate gate, cancellable sleep) are in :mod:`.http_retry`,
the diagnosis of network failures in :mod:`.network_errors`; both are re-exported here.
"""

from __future__ import annotations

import configparser
import copy
import logging
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from .auth import ClientCredentials, TokenManager
from .deployments import Deployment
from .errors import AuthError, NetworkError, SentinelHubError, cannot_reach, error_from_response
from .http_retry import (
    CancelFn,
    RateGate,
    RetryPolicy,
    backoff_delay,
    check_cancel,
    parse_retry_after,
    sleep_cancellable,
)
from .network_errors import network_reason, network_reason_id, never_sent

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
        self._rng = random.Random()  # noqa: S311 # nosec B311 # jitter, not cryptography

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
        reason_id, seconds = network_reason_id(exc, self.timeout)
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
            params={"url": origin, "reason_id": reason_id, "seconds": seconds},
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
                log.info("%s %s failed after %.2f s: %s", method, path, time.monotonic() - started, type(exc).__name__)
                self._retry_after_network_error(exc, method, path, attempt, repeatable, cancel)
                continue
            status = resp.status_code
            log.debug("%s %s -> %d in %.3f s", method, path, status, time.monotonic() - started)
            if status == 429:
                self._hold_for_rate_limit(resp, method, path, rate_waited)
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
                self._retry_after_server_error(resp, method, path, attempt, repeatable, cancel)
                continue
            if expected_set is None or status in expected_set:
                return resp
            raise self._refusal(resp, method, path)

    def _retry_after_network_error(
        self, exc: requests.RequestException, method: str, path: str, attempt: int, repeatable: bool, cancel: CancelFn
    ) -> None:
        """After a request got no answer: raise :class:`NetworkError` when it must not (it may have reached the
        service and is not repeatable) or may not (attempts used up) be sent again, else wait the backoff."""
        if not repeatable and not never_sent(exc):
            raise self._network_error(exc, method, path, maybe_applied=True) from None
        if attempt >= self.policy.max_attempts:
            raise self._network_error(exc, method, path, maybe_applied=False) from None
        sleep_cancellable(self.policy.delay(attempt, self._rng), cancel)

    def _hold_for_rate_limit(self, resp: requests.Response, method: str, path: str, rate_waited: float) -> None:
        """After a 429: hold every request of the connection for ``Retry-After``, or raise the rate-limit error when
        the total wait of this request would exceed the policy's cap."""
        status = resp.status_code
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

    def _retry_after_server_error(
        self, resp: requests.Response, method: str, path: str, attempt: int, repeatable: bool, cancel: CancelFn
    ) -> None:
        """After a 5xx: raise its error when the request is not repeatable (``maybe_applied``) or the attempts are
        used up, else wait the backoff."""
        status = resp.status_code
        body = resp.content
        resp.close()
        if not repeatable or attempt >= self.policy.max_attempts:
            err = error_from_response(status, body, method=method, path=path, reason=resp.reason or "")
            err.maybe_applied = not repeatable
            raise err
        sleep_cancellable(self.policy.delay(attempt, self._rng), cancel)

    @staticmethod
    def _refusal(resp: requests.Response, method: str, path: str) -> SentinelHubError:
        """The error for an answer that is not expected and not retried (4xx, or a 401 after a fresh token)."""
        status = resp.status_code
        body = resp.content
        resp.close()
        err = error_from_response(status, body, method=method, path=path, reason=resp.reason or "")
        if isinstance(err, AuthError) and status == 401:
            err.message += " (the token was refreshed once and still refused)"
            err.args = (err.message,)
        return err

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
