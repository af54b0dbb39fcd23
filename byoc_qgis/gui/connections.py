"""Connections of the dock: name + deployment + authcfg (client id/secret) + optional S3 authcfg and endpoint.

Saved with :mod:`byoc_qgis.core.qgis_adapters` (QgsSettings hold only authcfg ids and non-secret settings); the
active connection lives under ``byoc_qgis/gui/``. Secrets are
read from the QGIS auth manager on the main thread only when a client is built, and registered for scrubbing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from qgis.core import QgsSettings

from ..core import qgis_adapters as qa
from ..core.client import SentinelHubClient
from ..core.deployments import Deployment, deployment_index
from ..core.http import RetryPolicy
from ..core.s3 import S3Config
from .notify import register_secret

__all__ = ["Connection", "ConnectionStore"]

GUI_ROOT = "byoc_qgis/gui"
# The dock's requests answer a click: a service that refuses connections or fails is reported within a few
# seconds (with a Retry button) instead of after ~8 s of backoff. QGIS announces tasks that fail after 5 s as a
# generic "Task failed" on top of our own message (QGIS < 3.26 has no flag to keep a task silent).
GUI_POLICY = RetryPolicy(max_attempts=4, backoff_base=0.4, backoff_cap=1.6)


@dataclass
class Connection:
    """A saved connection (core settings) with what the dock needs on top: clients, Processing parameters."""

    settings: qa.ConnectionSettings

    @property
    def name(self) -> str:
        return self.settings.name

    @property
    def s3_https(self) -> bool:
        return self.settings.s3_https

    @property
    def s3_path_style(self) -> bool:
        return self.settings.s3_path_style

    @property
    def deployment(self) -> Deployment:
        return self.settings.deployment

    def fingerprint(self) -> tuple:
        """Changes when anything that affects the client changes (no secret in it)."""
        s = self.settings
        return (s.deployment, s.client_authcfg, s.s3_authcfg, s.s3_endpoint, s.s3_region, self.s3_https)

    # -- Processing parameters ---------------------------------------------------------------------------------
    def algorithm_parameters(self, with_s3: bool = False) -> Dict[str, Any]:
        """AUTHCFG/DEPLOYMENT/BASE_URL/TOKEN_URL (+ the S3_* parameters) for the ``byoc`` algorithms."""
        d = self.deployment
        params: Dict[str, Any] = {"AUTHCFG": self.settings.client_authcfg, "DEPLOYMENT": deployment_index(d)}
        if not d.builtin:
            params["BASE_URL"] = d.base_url
            params["TOKEN_URL"] = d.token_url
        if with_s3:
            params.update(
                {
                    "S3_AUTHCFG": self.settings.s3_authcfg or "",
                    "S3_ENDPOINT": self.settings.s3_endpoint or "",
                    "S3_REGION": self.settings.s3_region or "",
                    "S3_HTTPS": self.s3_https,
                    "S3_PATH_STYLE": self.s3_path_style,
                }
            )
        return params

    # -- clients (main thread) ---------------------------------------------------------------------------------
    def client(self) -> SentinelHubClient:
        """A thread-safe client for this connection (reads the auth manager: call on the main thread)."""
        credentials = qa.read_client_credentials(self.settings.client_authcfg)
        register_secret(credentials.secret())
        client = SentinelHubClient(self.deployment, credentials, transport=qa.transport_from_qgis(), policy=GUI_POLICY)
        for secret in client.http.transport.secrets():
            register_secret(secret)
        return client

    def s3_config(self, bucket: str) -> S3Config:
        """Core S3 settings for ``bucket`` (reads the S3 authcfg: call on the main thread)."""
        kwargs: Dict[str, Any] = {"bucket": bucket, "https": self.s3_https}
        if self.settings.s3_authcfg:
            keys = qa.read_s3_keys(self.settings.s3_authcfg)
            register_secret(keys.secret_key)
            kwargs.update(access_key=keys.access_key, secret_key=keys.secret_key)
        if self.settings.s3_region:
            kwargs["region"] = self.settings.s3_region
        if self.settings.s3_endpoint:
            kwargs["endpoint"] = self.settings.s3_endpoint
        if self.s3_path_style:
            kwargs["virtual_hosting"] = False
        return S3Config(**kwargs)


class ConnectionStore:
    """Saved connections, the active one, and one cached client per connection."""

    def __init__(self) -> None:
        self._clients: Dict[str, tuple] = {}

    def names(self) -> List[str]:
        return qa.list_connections()

    def load(self, name: str) -> Connection:
        return Connection(qa.load_connection(name))

    def save(self, conn: Connection, old_name: Optional[str] = None) -> None:
        """Save (renaming from ``old_name`` when given); only ids and non-secret settings are written."""
        qa.save_connection(conn.settings)
        if old_name and old_name != conn.name:
            self.remove(old_name)
            if self.active() in (None, old_name):
                self.set_active(conn.name)
        self._clients.pop(conn.name, None)

    def remove(self, name: str) -> None:
        qa.remove_connection(name)
        cached = self._clients.pop(name, None)
        if cached:
            cached[1].close()
        if self.active() == name:
            QgsSettings().remove(f"{GUI_ROOT}/active_connection")

    def active(self) -> Optional[str]:
        name = QgsSettings().value(f"{GUI_ROOT}/active_connection", "") or None
        return name if name in self.names() else None

    def set_active(self, name: Optional[str]) -> None:
        QgsSettings().setValue(f"{GUI_ROOT}/active_connection", name or "")

    def client(self, conn: Connection) -> SentinelHubClient:
        """The cached client of ``conn`` (rebuilt when its settings changed). Main thread only."""
        cached = self._clients.get(conn.name)
        if cached is not None and cached[0] == conn.fingerprint():
            return cached[1]
        if cached is not None:
            cached[1].close()
        client = conn.client()
        self._clients[conn.name] = (conn.fingerprint(), client)
        return client

    def close(self) -> None:
        for _fp, client in self._clients.values():
            client.close()
        self._clients.clear()
