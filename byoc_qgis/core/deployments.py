"""Sentinel Hub deployments: where the API lives and where its tokens come from.

Built-in deployments know their token URL, so users only pick one; a custom deployment (e.g. localhub) takes a
base URL and an optional token URL (default: the Keycloak main-realm path under the base URL).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional
from urllib.parse import urlsplit

from .worded import WordedError

__all__ = [
    "Deployment",
    "BUILTIN_DEPLOYMENTS",
    "SH_EU",
    "SH_US_WEST",
    "CDSE",
    "KEYCLOAK_MAIN_PATH",
    "builtin_deployments",
    "DEPLOYMENT_KEYS",
    "deployment_index",
    "get_deployment",
    "custom_deployment",
]

KEYCLOAK_MAIN_PATH = "/auth/realms/main/protocol/openid-connect/token"
_MAIN_TOKEN_URL = "https://services.sentinel-hub.com" + KEYCLOAK_MAIN_PATH


@dataclass(frozen=True)
class Deployment:
    """A Sentinel Hub service: ``key`` (stable id for settings), display ``name``, API ``base_url``, ``token_url``."""

    key: str
    name: str
    base_url: str
    token_url: str
    builtin: bool = False

    @property
    def byoc_url(self) -> str:
        """Base URL of the BYOC API."""
        return f"{self.base_url}/api/v1/byoc"

    @property
    def process_url(self) -> str:
        """URL of the Process API."""
        return f"{self.base_url}/api/v1/process"


SH_EU = Deployment(
    key="sh-eu",
    name="Sentinel Hub (EU, AWS eu-central-1)",
    base_url="https://services.sentinel-hub.com",
    token_url=_MAIN_TOKEN_URL,
    builtin=True,
)
SH_US_WEST = Deployment(
    key="sh-us-west",
    name="Sentinel Hub (US West, AWS us-west-2)",
    base_url="https://services-uswest2.sentinel-hub.com",
    token_url=_MAIN_TOKEN_URL,
    builtin=True,
)
CDSE = Deployment(
    key="cdse",
    name="Copernicus Data Space Ecosystem",
    base_url="https://sh.dataspace.copernicus.eu",
    token_url="https://identity.dataspace.copernicus.eu/auth/realms/CDSE/protocol/openid-connect/token",  # noqa: S106 # nosec B106 # a URL
    builtin=True,
)

BUILTIN_DEPLOYMENTS: Dict[str, Deployment] = {d.key: d for d in (SH_EU, SH_US_WEST, CDSE)}


def builtin_deployments() -> List[Deployment]:
    """The built-in deployments in display order."""
    return list(BUILTIN_DEPLOYMENTS.values())


#: the Processing algorithms' DEPLOYMENT enum, in order: the built-in deployments, then a custom base URL
DEPLOYMENT_KEYS = ("sh-eu", "sh-us-west", "cdse", "custom")


def deployment_index(deployment: Deployment) -> int:
    """Index of the deployment in the Processing algorithms' DEPLOYMENT enum (custom ones: "custom")."""
    return DEPLOYMENT_KEYS.index(deployment.key) if deployment.builtin else DEPLOYMENT_KEYS.index("custom")


def _clean_url(url: str, field: str) -> str:
    url = (url or "").strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise WordedError("url-not-http", field=field, url=url)
    if parts.username or parts.password:
        raise WordedError("url-credentials", field=field)
    if parts.query or parts.fragment:
        raise WordedError("url-query", field=field, url=f"{parts.scheme}://{parts.netloc}{parts.path}")
    return url


def custom_deployment(base_url: str, token_url: Optional[str] = None, name: Optional[str] = None) -> Deployment:
    """A deployment at ``base_url`` (e.g. localhub); ``token_url`` defaults to ``<base>`` + Keycloak main path.

    If ``base_url`` is one of the built-in ones, that deployment is returned (unless another token URL is given).
    """
    base = _clean_url(base_url, "base URL")
    if base.endswith("/api/v1"):
        base = base[: -len("/api/v1")]
    for d in BUILTIN_DEPLOYMENTS.values():
        if d.base_url == base and (token_url is None or _clean_url(token_url, "token URL") == d.token_url):
            return d
    token = _clean_url(token_url, "token URL") if token_url else base + KEYCLOAK_MAIN_PATH
    return Deployment(key=f"custom:{base}", name=name or base, base_url=base, token_url=token)


def get_deployment(key_or_url: str, token_url: Optional[str] = None) -> Deployment:
    """Look up a built-in deployment by key (``sh-eu``, ``sh-us-west``, ``cdse``) or build one from a URL."""
    key = (key_or_url or "").strip()
    if key in BUILTIN_DEPLOYMENTS and token_url is None:
        return BUILTIN_DEPLOYMENTS[key]
    if key.startswith("custom:"):
        key = key[len("custom:") :]
    if "://" in key:
        return custom_deployment(key, token_url)
    known = ", ".join(BUILTIN_DEPLOYMENTS)
    raise WordedError("deployment-unknown", deployment=key_or_url, known=known)
