"""Connection parameters shared by the service algorithms: Sentinel Hub credentials + deployment, S3 settings.

Credentials live in the QGIS auth manager as **Basic** auth configurations (username = client id or S3 access
key, password = client secret or S3 secret key); algorithms take only the authcfg id. Outside a configured
profile (scripts, CI) the core's environment variables (``BYOC_CLIENT_ID``/``BYOC_CLIENT_SECRET``,
``AWS_ACCESS_KEY_ID``/...) are used when no authcfg is given.

**CONNECTION** takes a connection saved in the BYOC panel by name (deployment, URLs, auth configurations and S3
settings in one choice; a drop-down in the dialog, the name from ``qgis_process`` and models). The individual
parameters stay (Advanced) for ``qgis_process``, models and machines without saved connections. Rule: the saved
connection supplies every value, and an individual parameter **given with a non-default value overrides** it:
AUTHCFG, BASE_URL (implies the custom deployment), TOKEN_URL, S3_AUTHCFG, S3_ENDPOINT and S3_REGION when not empty,
DEPLOYMENT when not the first (default) entry, S3_HTTPS when off and S3_PATH_STYLE when on. Without CONNECTION the
individual parameters alone are used, as before.

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

from ..core import qgis_adapters as qa
from ..core.auth import ClientCredentials
from ..core.byoc import ByocClient
from ..core.credentials import credentials_from_env, s3_credentials_from_env
from ..core.deployments import BUILTIN_DEPLOYMENTS, DEPLOYMENT_KEYS, Deployment, custom_deployment
from ..core.http import HttpClient, Transport
from ..translation import tr
from ..wording import worded_text
from .parameters import advanced

__all__ = [
    "CONNECTION",
    "DEPLOYMENT_KEYS",
    "add_connection_choice",
    "saved_connection",
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


CONNECTION = "CONNECTION"


def add_connection_choice(alg) -> None:
    """Add CONNECTION: the name of a connection saved in the BYOC panel (a drop-down of the names saved when the
    algorithm is created; any saved name from ``qgis_process``). Reads QgsSettings only, never the auth database."""
    param = QgsProcessingParameterEnum(
        CONNECTION,
        tr("Connection (from the BYOC panel)"),
        options=qa.list_connections(),
        allowMultiple=False,
        defaultValue=None,
        optional=True,
        usesStaticStrings=True,
    )
    param.setHelp(
        tr(
            "A connection saved in the BYOC panel: deployment, credentials and S3 settings in one choice. The "
            "Advanced connection parameters, when given, override its values."
        )
    )
    alg.addParameter(param)


def saved_connection(alg, parameters, context) -> Optional[qa.ConnectionSettings]:
    """The saved connection CONNECTION names (QgsSettings), None when CONNECTION is empty."""
    if alg.parameterDefinition(CONNECTION) is None:
        return None
    name = (alg.parameterAsString(parameters, CONNECTION, context) or "").strip()
    if not name:
        return None
    try:
        return qa.load_connection(name)
    except ValueError:
        saved = ", ".join(qa.list_connections()) or tr("none")
        raise QgsProcessingException(
            tr("No connection named {!r} is saved in the BYOC panel (saved: {})").format(name, saved)
        ) from None


def _text(alg, parameters, name: str, context) -> str:
    return (alg.parameterAsString(parameters, name, context) or "").strip()


def add_connection_parameters(alg) -> None:
    """Add AUTHCFG, DEPLOYMENT, BASE_URL and TOKEN_URL to an algorithm (Advanced: CONNECTION is the usual choice)."""
    alg.addParameter(
        advanced(
            QgsProcessingParameterAuthConfig(
                "AUTHCFG",
                tr("Sentinel Hub credentials (Basic auth configuration: client id / client secret)"),
                optional=True,
            )
        )
    )
    alg.addParameter(
        advanced(
            QgsProcessingParameterEnum("DEPLOYMENT", tr("Deployment"), options=_deployment_labels(), defaultValue=0)
        )
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
        advanced(
            QgsProcessingParameterAuthConfig(
                "S3_AUTHCFG", tr("S3 credentials (Basic auth configuration: access key / secret key)"), optional=True
            )
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
        raise QgsProcessingException(f"{what}: {worded_text(exc)}") from None
    return credentials.client_id, credentials.secret()


def _transport() -> Transport:
    """Network settings for requests from QGIS's proxy and CA settings."""
    from ..core.qgis_adapters import transport_from_qgis

    try:
        return transport_from_qgis()
    except ValueError as exc:
        raise QgsProcessingException(worded_text(exc)) from None


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


def _deployment(alg, parameters, context, saved: Optional[qa.ConnectionSettings] = None) -> Deployment:
    index = alg.parameterAsEnum(parameters, "DEPLOYMENT", context)
    key = DEPLOYMENT_KEYS[index] if 0 <= index < len(DEPLOYMENT_KEYS) else "sh-eu"
    base_url = _text(alg, parameters, "BASE_URL", context)
    token_url = _text(alg, parameters, "TOKEN_URL", context) or None
    if saved is not None:
        # the saved connection's deployment unless the parameters give another one (see the module docstring)
        if base_url:
            key = "custom"
        elif index == 0 or (key == "custom" and not saved.deployment.builtin):
            if token_url and not saved.deployment.builtin:
                return custom_deployment(saved.deployment.base_url, token_url)
            return saved.deployment
    if key != "custom":
        if base_url:
            raise QgsProcessingException(
                tr(
                    "A custom base URL (BASE_URL) is only used with the deployment 'Custom base URL'; choose it or "
                    "clear the custom base URL"
                )
            )
        return BUILTIN_DEPLOYMENTS[key]
    if not base_url:
        raise QgsProcessingException(
            tr("Deployment 'Custom base URL' needs the custom base URL (BASE_URL), e.g. http://127.0.0.1:8000")
        )
    try:
        return custom_deployment(base_url, token_url)
    except ValueError as exc:
        raise QgsProcessingException(worded_text(exc)) from None


def connection_from_parameters(alg, parameters, context) -> ServiceConnection:
    """Read CONNECTION and AUTHCFG/DEPLOYMENT/BASE_URL/TOKEN_URL (call from ``prepareAlgorithm``, on the main
    thread)."""
    saved = saved_connection(alg, parameters, context)
    deployment = _deployment(alg, parameters, context, saved)
    authcfg = _text(alg, parameters, "AUTHCFG", context) or (saved.client_authcfg if saved else "")
    try:
        if authcfg:
            client_id, secret = read_basic_authcfg(authcfg, tr("Sentinel Hub credentials"))
            credentials = ClientCredentials(client_id, secret)
        else:
            credentials = credentials_from_env()
    except ValueError as exc:
        raise QgsProcessingException(worded_text(exc)) from None
    if credentials is None:
        raise QgsProcessingException(
            tr(
                "No Sentinel Hub credentials: choose a connection, or an authentication configuration (Basic: client "
                "id / client secret) as the Sentinel Hub credentials, or set BYOC_CLIENT_ID and BYOC_CLIENT_SECRET "
                "in the environment"
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
    """Read the S3 parameters, over the saved CONNECTION's S3 settings when one is chosen (main thread)."""
    saved = saved_connection(alg, parameters, context)
    authcfg = _text(alg, parameters, "S3_AUTHCFG", context)
    endpoint = _text(alg, parameters, "S3_ENDPOINT", context) or None
    region = _text(alg, parameters, "S3_REGION", context) or None
    https = alg.parameterAsBoolean(parameters, "S3_HTTPS", context)
    path_style = alg.parameterAsBoolean(parameters, "S3_PATH_STYLE", context)
    if saved is not None:  # a non-default parameter wins (HTTPS off, path style on)
        authcfg = authcfg or saved.s3_authcfg or ""
        endpoint = endpoint or saved.s3_endpoint
        region = region or saved.s3_region
        https = https and saved.s3_https
        path_style = path_style or saved.s3_path_style
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
            raise QgsProcessingException(worded_text(exc)) from None
        if env is not None:
            access, secret = env.access_key, env.secret_key
            endpoint = endpoint or env.endpoint
            region = region or env.region
    return S3Settings(access, secret, endpoint, region, https, path_style)
