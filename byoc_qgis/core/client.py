"""``SentinelHubClient``: one connection to a deployment (pooled session, token cache, BYOC and Process APIs).

The GUI and Processing layers create one per deployment + credentials and share it between tasks (it is
thread-safe); inside QGIS pass ``transport=qgis_adapters.transport_from_qgis(...)``.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

from .auth import ClientCredentials
from .byoc import ByocClient
from .credentials import credentials_from_env, deployment_from_env
from .deployments import Deployment, get_deployment
from .http import DEFAULT_TIMEOUT, HttpClient, RetryPolicy, Transport
from .process import ProcessClient

__all__ = ["SentinelHubClient"]


class SentinelHubClient:
    """Facade over :class:`HttpClient`, :class:`ByocClient` (``.byoc``) and :class:`ProcessClient` (``.process``)."""

    def __init__(
        self,
        deployment: Any,
        credentials: Optional[ClientCredentials] = None,
        transport: Optional[Transport] = None,
        policy: Optional[RetryPolicy] = None,
        timeout: Tuple[float, float] = DEFAULT_TIMEOUT,
        max_workers: int = 4,
        refresh_margin: Optional[float] = None,
    ) -> None:
        if not isinstance(deployment, Deployment):
            deployment = get_deployment(str(deployment))
        self.deployment = deployment
        self.http = HttpClient(
            deployment,
            credentials,
            transport=transport,
            policy=policy,
            timeout=timeout,
            pool_size=max(8, max_workers * 2),
            refresh_margin=refresh_margin,
        )
        self.byoc = ByocClient(self.http)
        self.process = ProcessClient(self.http, max_workers=max_workers)

    @classmethod
    def from_env(cls, **kwargs: Any) -> SentinelHubClient:
        """A client from ``BYOC_DEPLOYMENT``/``BYOC_TOKEN_URL``/``BYOC_CLIENT_ID``/``BYOC_CLIENT_SECRET``."""
        credentials = credentials_from_env()
        if credentials is None:
            raise ValueError("set BYOC_CLIENT_ID and BYOC_CLIENT_SECRET (or SH_CLIENT_ID/SH_CLIENT_SECRET)")
        return cls(deployment_from_env(), credentials, **kwargs)

    def __repr__(self) -> str:
        return f"SentinelHubClient({self.http!r})"

    def close(self) -> None:
        """Close pooled connections."""
        self.http.close()

    def __enter__(self) -> SentinelHubClient:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
