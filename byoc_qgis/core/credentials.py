"""Credentials outside QGIS (scripts, tests, CI): from environment variables.

Inside QGIS credentials come from the auth manager (``qgis_adapters``); this module never reads QGIS settings.

Variables (first one set wins):

* client id: ``BYOC_CLIENT_ID``, ``SH_CLIENT_ID``
* client secret: ``BYOC_CLIENT_SECRET``, ``SH_CLIENT_SECRET``
* deployment: ``BYOC_DEPLOYMENT`` (``sh-eu``, ``sh-us-west``, ``cdse`` or a base URL), ``SH_BASE_URL``;
  token URL for a custom base: ``BYOC_TOKEN_URL``, ``SH_TOKEN_URL``
* S3: ``BYOC_S3_ACCESS_KEY``/``AWS_ACCESS_KEY_ID``, ``BYOC_S3_SECRET_KEY``/``AWS_SECRET_ACCESS_KEY``,
  ``BYOC_S3_ENDPOINT``/``AWS_S3_ENDPOINT``, ``BYOC_S3_REGION``/``AWS_REGION``/``AWS_DEFAULT_REGION``
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping, Optional

from .auth import ClientCredentials
from .deployments import SH_EU, Deployment, get_deployment
from .worded import WordedError

__all__ = ["S3Credentials", "credentials_from_env", "deployment_from_env", "s3_credentials_from_env"]


def _first(env: Mapping[str, str], *names: str) -> Optional[str]:
    for name in names:
        value = env.get(name)
        if value:
            return value
    return None


@dataclass(frozen=True)
class S3Credentials:
    """S3 access key pair plus endpoint settings; the secret key never prints."""

    access_key: str
    secret_key: str = field(repr=False)
    endpoint: Optional[str] = None
    region: Optional[str] = None

    def __repr__(self) -> str:
        return (
            f"S3Credentials(access_key={self.access_key!r}, secret_key=<hidden>, endpoint={self.endpoint!r}, "
            f"region={self.region!r})"
        )


def credentials_from_env(env: Optional[Mapping[str, str]] = None) -> Optional[ClientCredentials]:
    """Client id/secret from the environment, or ``None`` when neither is set.

    Raises ``ValueError`` naming the missing variable when only one of the two is set.
    """
    env = os.environ if env is None else env
    client_id = _first(env, "BYOC_CLIENT_ID", "SH_CLIENT_ID")
    secret = _first(env, "BYOC_CLIENT_SECRET", "SH_CLIENT_SECRET")
    if not client_id and not secret:
        return None
    if not client_id:
        raise WordedError("env-no-client-id")
    if not secret:
        raise WordedError("env-no-client-secret")
    return ClientCredentials(client_id, secret)


def deployment_from_env(env: Optional[Mapping[str, str]] = None) -> Deployment:
    """The deployment named by ``BYOC_DEPLOYMENT``/``SH_BASE_URL`` (default: Sentinel Hub EU)."""
    env = os.environ if env is None else env
    key = _first(env, "BYOC_DEPLOYMENT", "SH_BASE_URL")
    token_url = _first(env, "BYOC_TOKEN_URL", "SH_TOKEN_URL")
    if not key:
        return SH_EU
    return get_deployment(key, token_url)


def s3_credentials_from_env(env: Optional[Mapping[str, str]] = None) -> Optional[S3Credentials]:
    """S3 keys from the environment, or ``None`` when no access key is set."""
    env = os.environ if env is None else env
    access = _first(env, "BYOC_S3_ACCESS_KEY", "AWS_ACCESS_KEY_ID")
    secret = _first(env, "BYOC_S3_SECRET_KEY", "AWS_SECRET_ACCESS_KEY")
    if not access:
        return None
    if not secret:
        raise WordedError("env-no-s3-secret")
    return S3Credentials(
        access_key=access,
        secret_key=secret,
        endpoint=_first(env, "BYOC_S3_ENDPOINT", "AWS_S3_ENDPOINT"),
        region=_first(env, "BYOC_S3_REGION", "AWS_REGION", "AWS_DEFAULT_REGION"),
    )
