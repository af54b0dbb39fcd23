"""The only core module that imports ``qgis.core``: network settings and the QGIS auth manager.

* :func:`transport_from_qgis` turns QGIS's proxy and CA settings into a :class:`~.http.Transport` (build it on
  the main thread when a task is created and pass it in).
* Client id/secret and S3 keys are kept as **Basic** authcfgs (username = id/access key, password = secret);
  QgsSettings hold only authcfg ids (:func:`save_connection`).
"""

from __future__ import annotations

import atexit
import hashlib
import os
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple
from urllib.parse import quote

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsNetworkAccessManager, QgsSettings

from .auth import ClientCredentials
from .credentials import S3Credentials
from .deployments import Deployment, get_deployment
from .errors import CredentialsError
from .http import Transport
from .worded import WordedError, WordedText

__all__ = [
    "transport_from_qgis",
    "ca_bundle",
    "remove_ca_bundles",
    "auth_database_path",
    "qgis_version",
    "store_client_credentials",
    "store_s3_keys",
    "list_authcfgs",
    "read_client_credentials",
    "read_s3_keys",
    "remove_authcfg",
    "ConnectionSettings",
    "save_connection",
    "load_connection",
    "list_connections",
    "remove_connection",
    "client_from_connection",
    "SETTINGS_ROOT",
]

SETTINGS_ROOT = "byoc_qgis/connections"


def qgis_version() -> str:
    """QGIS version like ``3.22.16``."""
    from qgis.core import Qgis

    return str(Qgis.version()).split("-")[0]


def transport_from_qgis(ca_file: Optional[str] = None) -> Transport:
    """``requests`` settings from QGIS: proxy (or system proxy), bypass list and trusted CAs (PEM file)."""
    from qgis.PyQt.QtNetwork import QNetworkProxy

    nam = QgsNetworkAccessManager.instance()
    proxy = nam.fallbackProxy()
    bypass = [p for p in list(nam.excludeList()) + list(getattr(nam, "noProxyList", list)()) if p]
    transport = Transport(proxies={}, trust_env=False, bypass=bypass, qgis_version=qgis_version())
    ptype = proxy.type()
    http_types = (QNetworkProxy.ProxyType.HttpProxy, QNetworkProxy.ProxyType.HttpCachingProxy)
    if ptype in http_types and proxy.hostName():
        cred = ""
        if proxy.user():
            cred = f"{quote(proxy.user(), safe='')}:{quote(proxy.password(), safe='')}@"
        url = f"http://{cred}{proxy.hostName()}:{proxy.port()}"
        transport.proxies = {"http": url, "https": url}
    elif ptype == QNetworkProxy.ProxyType.Socks5Proxy and proxy.hostName():
        raise ValueError(WordedText("proxy-socks5"))
    elif nam.useSystemProxy():
        transport.trust_env = True
    pem = bytes(QgsApplication.authManager().trustedCaCertsPemText())
    if pem.strip():
        if ca_file is None:
            transport.verify = ca_bundle(pem)
        else:
            with open(ca_file, "wb") as fh:
                fh.write(pem)
            transport.verify = ca_file
    return transport


_ca_lock = threading.Lock()
_ca_files: Dict[str, str] = {}


def ca_bundle(pem: bytes) -> str:
    """A private file (mode 0600, unpredictable name) holding ``pem``; one per distinct content, never rewritten.

    A file is published only after it is completely written, and a changed trust list gets a new file, so a
    session reading an older bundle is never disturbed. :func:`remove_ca_bundles` deletes them (plugin unload,
    interpreter exit).
    """
    digest = hashlib.sha256(pem).hexdigest()
    with _ca_lock:
        path = _ca_files.get(digest)
        if path and os.path.exists(path):
            return path
        fd, path = tempfile.mkstemp(prefix="byoc_qgis_ca_", suffix=".pem")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(pem)
        except BaseException:
            os.unlink(path)
            raise
        _ca_files[digest] = path
        return path


def remove_ca_bundles() -> None:
    """Delete every CA bundle file :func:`ca_bundle` wrote in this process."""
    with _ca_lock:
        paths = list(_ca_files.values())
        _ca_files.clear()
    for path in paths:
        try:
            os.unlink(path)
        except OSError:
            pass


atexit.register(remove_ca_bundles)


# -- auth manager -----------------------------------------------------------------------------------------------
def _manager():
    manager = QgsApplication.authManager()
    if manager.isDisabled():
        raise CredentialsError(WordedText("auth-disabled"))
    return manager


def _store_basic(name: str, username: str, password: str, authcfg_id: Optional[str] = None) -> str:
    if not name.strip():
        raise ValueError("authentication name is empty")
    if not username or not password:
        raise WordedError("auth-id-and-secret", name=name)
    manager = _manager()
    cfg = QgsAuthMethodConfig("Basic")
    cfg.setName(name)
    cfg.setConfig("username", username)
    cfg.setConfig("password", password)
    if authcfg_id:
        cfg.setId(authcfg_id)
        if authcfg_id in manager.configIds():
            ok = manager.updateAuthenticationConfig(cfg)
            if not ok:
                raise RuntimeError(f"could not update authentication configuration {authcfg_id}")
            return authcfg_id
    result = manager.storeAuthenticationConfig(cfg)
    ok = result[0] if isinstance(result, tuple) else result
    if not ok or not cfg.id():
        raise RuntimeError(f"could not store authentication configuration {name!r}: is the QGIS master password set?")
    return cfg.id()


def store_client_credentials(name: str, client_id: str, client_secret: str, authcfg_id: Optional[str] = None) -> str:
    """Store an OAuth client as a Basic authcfg; returns its id (update in place when ``authcfg_id`` exists)."""
    return _store_basic(name, client_id.strip(), client_secret, authcfg_id)


def store_s3_keys(name: str, access_key: str, secret_key: str, authcfg_id: Optional[str] = None) -> str:
    """Store S3 keys as a Basic authcfg; returns its id."""
    return _store_basic(name, access_key.strip(), secret_key, authcfg_id)


def list_authcfgs() -> List[Tuple[str, str]]:
    """(id, name) of every Basic authcfg (candidates for client credentials and S3 keys)."""
    configs = _manager().availableAuthMethodConfigs()
    return sorted(
        ((cid, cfg.name()) for cid, cfg in configs.items() if cfg.method() == "Basic"), key=lambda x: x[1].lower()
    )


def auth_database_path() -> str:
    """The file of QGIS's authentication database ("" when it is not a SQLite file)."""
    if hasattr(QgsApplication, "qgisAuthDatabaseUri"):  # QGIS >= 3.40 (the file path call is deprecated there)
        uri = QgsApplication.qgisAuthDatabaseUri()
        return uri[len("QSQLITE://") :] if uri.startswith("QSQLITE://") else ""
    return QgsApplication.qgisAuthDatabaseFilePath()


def _auth_db_locked() -> bool:
    """True when another program holds a lock on QGIS's authentication database (QGIS then reads nothing)."""
    path = auth_database_path()
    if not path or not os.path.isfile(path):
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.2)
        try:
            con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    return False


def _load_basic(authcfg_id: str) -> Tuple[str, str]:
    manager = _manager()
    if not authcfg_id or authcfg_id not in manager.configIds():
        if authcfg_id and _auth_db_locked():
            raise CredentialsError(WordedText("auth-locked"))
        raise CredentialsError(WordedText("auth-missing", authcfg=authcfg_id))
    cfg = QgsAuthMethodConfig()
    result = manager.loadAuthenticationConfig(authcfg_id, cfg, True)
    ok = result[0] if isinstance(result, tuple) else result
    if isinstance(result, tuple) and len(result) > 1 and isinstance(result[1], QgsAuthMethodConfig):
        cfg = result[1]
    if not ok or cfg.method() != "Basic":
        raise CredentialsError(WordedText("auth-not-basic", authcfg=authcfg_id))
    return cfg.config("username"), cfg.config("password")


def read_client_credentials(authcfg_id: str) -> ClientCredentials:
    """Client id/secret from a Basic authcfg."""
    username, password = _load_basic(authcfg_id)
    return ClientCredentials(username, password)


def read_s3_keys(authcfg_id: str, endpoint: Optional[str] = None, region: Optional[str] = None) -> S3Credentials:
    """S3 keys from a Basic authcfg (endpoint and region are plain settings)."""
    username, password = _load_basic(authcfg_id)
    if not username or not password:
        raise CredentialsError(WordedText("auth-no-s3-keys", authcfg=authcfg_id))
    return S3Credentials(username, password, endpoint, region)


def remove_authcfg(authcfg_id: str) -> bool:
    """Delete an authcfg."""
    return bool(_manager().removeAuthenticationConfig(authcfg_id))


# -- connections in QgsSettings (ids only) ----------------------------------------------------------------------
@dataclass
class ConnectionSettings:
    """A saved connection: deployment key/URLs and authcfg ids. Never holds a secret."""

    name: str
    deployment: Deployment
    client_authcfg: str
    s3_authcfg: Optional[str] = None
    s3_endpoint: Optional[str] = None
    s3_region: Optional[str] = None
    s3_https: bool = True
    s3_path_style: bool = False


def save_connection(conn: ConnectionSettings) -> None:
    """Write a connection under ``byoc_qgis/connections/<name>/``."""
    if not conn.name.strip() or "/" in conn.name:
        raise WordedError("connection-name", name=conn.name)
    s = QgsSettings()
    prefix = f"{SETTINGS_ROOT}/{conn.name}"
    values: Dict[str, str] = {
        "deployment": conn.deployment.key if conn.deployment.builtin else conn.deployment.base_url,
        "token_url": "" if conn.deployment.builtin else conn.deployment.token_url,
        "client_authcfg": conn.client_authcfg,
        "s3_authcfg": conn.s3_authcfg or "",
        "s3_endpoint": conn.s3_endpoint or "",
        "s3_region": conn.s3_region or "",
    }
    for key, value in values.items():
        s.setValue(f"{prefix}/{key}", value)
    s.setValue(f"{prefix}/s3_https", bool(conn.s3_https))
    s.setValue(f"{prefix}/s3_path_style", bool(conn.s3_path_style))


def load_connection(name: str) -> ConnectionSettings:
    """Read a saved connection."""
    s = QgsSettings()
    prefix = f"{SETTINGS_ROOT}/{name}"
    key = s.value(f"{prefix}/deployment", "")
    if not key:
        raise WordedError("connection-unknown", name=name)
    token_url = s.value(f"{prefix}/token_url", "") or None
    return ConnectionSettings(
        name=name,
        deployment=get_deployment(key, token_url),
        client_authcfg=s.value(f"{prefix}/client_authcfg", ""),
        s3_authcfg=s.value(f"{prefix}/s3_authcfg", "") or None,
        s3_endpoint=s.value(f"{prefix}/s3_endpoint", "") or None,
        s3_region=s.value(f"{prefix}/s3_region", "") or None,
        s3_https=bool(s.value(f"{prefix}/s3_https", True, type=bool)),
        s3_path_style=bool(s.value(f"{prefix}/s3_path_style", False, type=bool)),
    )


def list_connections() -> List[str]:
    """Names of saved connections."""
    s = QgsSettings()
    s.beginGroup(SETTINGS_ROOT)
    try:
        return sorted(s.childGroups())
    finally:
        s.endGroup()


def remove_connection(name: str) -> None:
    """Forget a saved connection (its authcfgs stay in the auth manager)."""
    QgsSettings().remove(f"{SETTINGS_ROOT}/{name}")


def client_from_connection(conn: ConnectionSettings, ca_file: Optional[str] = None, **kwargs):
    """A :class:`~.client.SentinelHubClient` for a saved connection, with QGIS's network settings."""
    from .client import SentinelHubClient

    return SentinelHubClient(
        conn.deployment,
        read_client_credentials(conn.client_authcfg),
        transport=transport_from_qgis(ca_file),
        **kwargs,
    )
