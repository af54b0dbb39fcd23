"""Connection parameters shared by the service algorithms: Sentinel Hub credentials + deployment, S3 settings.

Credentials live in the QGIS auth manager as **Basic** auth configurations (username = client id or S3 access
key, password = client secret or S3 secret key); algorithms take only the authcfg id. Outside a configured
profile (scripts, CI) the core's environment variables (``BYOC_CLIENT_ID``/``BYOC_CLIENT_SECRET``,
``AWS_ACCESS_KEY_ID``/...) are used when no authcfg is given.

Everything here runs in ``prepareAlgorithm`` (main thread): the auth manager and QGIS's network settings are read
once, and the algorithm's worker thread only gets plain core objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
)

from ..core.auth import ClientCredentials
from ..core.byoc import ByocClient
from ..core.credentials import credentials_from_env, s3_credentials_from_env
from ..core.deployments import BUILTIN_DEPLOYMENTS, DEPLOYMENT_KEYS, Deployment, custom_deployment
from ..core.http import HttpClient, Transport
from ..translation import tr
from .parameters import advanced

__all__ = [
    "DEPLOYMENT_KEYS",
    "ServiceConnection",
    "S3Settings",
    "add_connection_parameters",
    "add_s3_parameters",
    "connection_from_parameters",
    "s3_from_parameters",
    "read_basic_authcfg",
]


def _deployment_labels() -> List[str]:
    return [
        tr("Sentinel Hub EU (services.sentinel-hub.com)"),
        tr("Sentinel Hub US West (services-uswest2.sentinel-hub.com)"),
        tr("Copernicus Data Space Ecosystem (sh.dataspace.copernicus.eu)"),
        tr("Custom base URL (e.g. localhub)"),
    ]


def add_connection_parameters(alg) -> None:
    """Add AUTHCFG, DEPLOYMENT, BASE_URL and TOKEN_URL to an algorithm."""
    alg.addParameter(
        QgsProcessingParameterAuthConfig(
            "AUTHCFG",
            tr("Sentinel Hub credentials (Basic auth configuration: client id / client secret)"),
            optional=True,
        )
    )
    alg.addParameter(
        QgsProcessingParameterEnum("DEPLOYMENT", tr("Deployment"), options=_deployment_labels(), defaultValue=0)
    )
    alg.addParameter(
        advanced(
            QgsProcessingParameterString(
                "BASE_URL", tr("Custom base URL (deployment 'Custom', e.g. http://127.0.0.1:8000)"), optional=True
            )
        )
    )
    alg.addParameter(
        advanced(
            QgsProcessingParameterString(
                "TOKEN_URL", tr("Custom token URL (default: <base URL>/auth/realms/main/...)"), optional=True
            )
        )
    )


def add_s3_parameters(alg) -> None:
    """Add S3_AUTHCFG, S3_ENDPOINT, S3_REGION, S3_HTTPS and S3_PATH_STYLE (uploads and listings)."""
    alg.addParameter(
        QgsProcessingParameterAuthConfig(
            "S3_AUTHCFG", tr("S3 credentials (Basic auth configuration: access key / secret key)"), optional=True
        )
    )
    alg.addParameter(
        advanced(
            QgsProcessingParameterString(
                "S3_ENDPOINT", tr("S3 endpoint host[:port] (empty: AWS)"), optional=True, defaultValue=""
            )
        )
    )
    alg.addParameter(
        advanced(QgsProcessingParameterString("S3_REGION", tr("S3 region"), optional=True, defaultValue=""))
    )
    alg.addParameter(advanced(QgsProcessingParameterBoolean("S3_HTTPS", tr("S3 over HTTPS"), defaultValue=True)))
    alg.addParameter(
        advanced(QgsProcessingParameterBoolean("S3_PATH_STYLE", tr("S3 path-style addressing"), defaultValue=False))
    )


def read_basic_authcfg(authcfg: str, what: str) -> Tuple[str, str]:
    """(username, password) of a Basic auth configuration; errors name the parameter and the fix."""
    from ..core.qgis_adapters import read_client_credentials

    try:
        credentials = read_client_credentials(authcfg)
    except (ValueError, RuntimeError) as exc:
        raise QgsProcessingException(f"{what}: {exc}") from None
    return credentials.client_id, credentials.secret()


def _transport() -> Transport:
    """Network settings for requests from QGIS's proxy and CA settings."""
    from ..core.qgis_adapters import transport_from_qgis

    try:
        return transport_from_qgis()
    except ValueError as exc:
        raise QgsProcessingException(str(exc)) from None


@dataclass
class ServiceConnection:
    """Deployment + credentials + transport, read on the main thread; builds clients in the worker thread."""

    deployment: Deployment
    credentials: ClientCredentials
    transport: Transport = field(default_factory=Transport)
    opened: List[HttpClient] = field(default_factory=list, repr=False)

    def http(self) -> HttpClient:
        """A new HTTP client (pooled session) for this connection; :meth:`close` closes it."""
        client = HttpClient(self.deployment, self.credentials, self.transport)
        self.opened.append(client)
        return client

    def close(self) -> None:
        """Close every HTTP client (pooled sockets) this connection opened (the algorithm's run is over)."""
        while self.opened:
            self.opened.pop().close()

    def byoc(self) -> ByocClient:
        """A BYOC API client."""
        return ByocClient(self.http())

    def secrets(self) -> List[str]:
        """The secret values (for tests and scrubbing)."""
        return [self.credentials.secret()]


def _deployment(alg, parameters, context) -> Deployment:
    index = alg.parameterAsEnum(parameters, "DEPLOYMENT", context)
    key = DEPLOYMENT_KEYS[index] if 0 <= index < len(DEPLOYMENT_KEYS) else "sh-eu"
    base_url = (alg.parameterAsString(parameters, "BASE_URL", context) or "").strip()
    token_url = (alg.parameterAsString(parameters, "TOKEN_URL", context) or "").strip() or None
    if key != "custom":
        if base_url:
            raise QgsProcessingException(
                tr("BASE_URL is only used with the deployment 'Custom base URL'; choose it or clear BASE_URL")
            )
        return BUILTIN_DEPLOYMENTS[key]
    if not base_url:
        raise QgsProcessingException(tr("Deployment 'Custom base URL' needs BASE_URL, e.g. http://127.0.0.1:8000"))
    try:
        return custom_deployment(base_url, token_url)
    except ValueError as exc:
        raise QgsProcessingException(str(exc)) from None


def connection_from_parameters(alg, parameters, context) -> ServiceConnection:
    """Read AUTHCFG/DEPLOYMENT/BASE_URL/TOKEN_URL (call from ``prepareAlgorithm``, on the main thread)."""
    deployment = _deployment(alg, parameters, context)
    authcfg = (alg.parameterAsString(parameters, "AUTHCFG", context) or "").strip()
    try:
        if authcfg:
            client_id, secret = read_basic_authcfg(authcfg, tr("Sentinel Hub credentials"))
            credentials = ClientCredentials(client_id, secret)
        else:
            credentials = credentials_from_env()
    except ValueError as exc:
        raise QgsProcessingException(str(exc)) from None
    if credentials is None:
        raise QgsProcessingException(
            tr(
                "No Sentinel Hub credentials: choose an authentication configuration (Basic: client id / client "
                "secret) in AUTHCFG, or set BYOC_CLIENT_ID and BYOC_CLIENT_SECRET in the environment"
            )
        )
    return ServiceConnection(deployment, credentials, _transport())


@dataclass
class S3Settings:
    """Where and how to reach the collection's bucket. Keys ``None`` = GDAL's own credential chain."""

    access_key: Optional[str] = None
    secret_key: Optional[str] = field(default=None, repr=False)
    endpoint: Optional[str] = None
    region: Optional[str] = None
    https: bool = True
    path_style: bool = False

    def __repr__(self) -> str:
        return (
            f"S3Settings(access_key={self.access_key!r}, secret_key=<hidden>, endpoint={self.endpoint!r}, "
            f"region={self.region!r}, https={self.https}, path_style={self.path_style})"
        )

    def secrets(self) -> List[str]:
        return [self.secret_key] if self.secret_key else []


def s3_from_parameters(alg, parameters, context) -> S3Settings:
    """Read the S3 parameters (main thread)."""
    authcfg = (alg.parameterAsString(parameters, "S3_AUTHCFG", context) or "").strip()
    endpoint = (alg.parameterAsString(parameters, "S3_ENDPOINT", context) or "").strip() or None
    region = (alg.parameterAsString(parameters, "S3_REGION", context) or "").strip() or None
    https = alg.parameterAsBoolean(parameters, "S3_HTTPS", context)
    path_style = alg.parameterAsBoolean(parameters, "S3_PATH_STYLE", context)
    if endpoint and "://" in endpoint:
        scheme, _, rest = endpoint.partition("://")
        endpoint = rest.rstrip("/")
        https = scheme.lower() == "https"
    access = secret = None
    if authcfg:
        access, secret = read_basic_authcfg(authcfg, tr("S3 credentials"))
    else:
        try:
            env = s3_credentials_from_env()
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from None
        if env is not None:
            access, secret = env.access_key, env.secret_key
            endpoint = endpoint or env.endpoint
            region = region or env.region
    return S3Settings(access, secret, endpoint, region, https, path_style)
