"""OAuth2 client credentials (Keycloak and legacy paths), signed JWT access tokens, and the bearer dependency."""

from __future__ import annotations

import base64
import binascii
import json
import os
import threading
import time
import uuid
from pathlib import Path
from typing import Dict, Optional, Tuple
from urllib.parse import parse_qs

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from .errors import ApiError, unauthorized

KEYCLOAK_TOKEN_PATH = "/auth/realms/main/protocol/openid-connect/token"  # noqa: S105 - a URL path
LEGACY_TOKEN_PATH = "/oauth/token"  # noqa: S105 - a URL path
MISSING_TOKEN_MESSAGE = (
    "You are not authorized! Please provide a valid access token within the header "  # noqa: S105 - error text
    "[Authorization: Bearer <accessToken>] of your request."
)


def load_or_create_key(data_dir: Path) -> rsa.RSAPrivateKey:
    """The RS256 signing key of this localhub, kept in the data dir so tokens survive a restart."""
    path = Path(data_dir) / "jwt-signing-key.pem"
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError(f"{path} is not an RSA private key; delete it and restart localhub")
        return key
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    return key


class TokenService:
    """Issues and verifies access tokens."""

    def __init__(self, key: rsa.RSAPrivateKey, issuer: str, expires_in: int) -> None:
        self._key = key
        self._public = key.public_key()
        self.issuer = issuer
        self.expires_in = expires_in
        self._cache: Dict[str, Tuple[str, float]] = {}
        self._lock = threading.Lock()

    def issue(self, client_id: str, account_id: str, user_id: str, client_address: str) -> Dict[str, object]:
        """A token response as Keycloak writes it for a client-credentials grant."""
        now = int(time.time())
        claims = {
            "exp": now + self.expires_in,
            "iat": now,
            "jti": str(uuid.uuid4()),
            "iss": self.issuer,
            "aud": "account",
            "sub": user_id,
            "typ": "Bearer",
            "azp": client_id,
            "scope": "email profile",
            "clientHost": client_address,
            "preferred_username": f"service-account-{client_id}",
            "clientAddress": client_address,
            "client_id": client_id,
            "account": account_id,
        }
        token = jwt.encode(claims, self._key, algorithm="RS256", headers={"kid": "localhub"})
        return {
            "access_token": token,
            "expires_in": self.expires_in,
            "refresh_expires_in": 0,
            "token_type": "Bearer",
            "not-before-policy": 0,
            "scope": "email profile",
        }

    def verify(self, token: str) -> str:
        """Account id of a valid token; raises the service's 401 for expired or forged ones."""
        now = time.time()
        with self._lock:
            hit = self._cache.get(token)
        if hit is not None:
            if hit[1] > now:
                return hit[0]
            raise unauthorized("Your access token has expired. Request a new one from the token URL.")
        try:
            claims = jwt.decode(
                token,
                self._public,
                algorithms=["RS256"],
                options={"require": ["exp", "iat", "azp"], "verify_aud": False},
            )
        except jwt.ExpiredSignatureError:
            raise unauthorized("Your access token has expired. Request a new one from the token URL.") from None
        except jwt.InvalidTokenError:
            raise unauthorized("The access token is invalid (bad signature or malformed).") from None
        account_id = claims.get("account")
        if not isinstance(account_id, str):
            raise unauthorized("The access token is invalid (no account).")
        with self._lock:
            if len(self._cache) > 10000:
                self._cache.clear()
            self._cache[token] = (account_id, float(claims["exp"]))
        return account_id


def bearer_token(request: Request) -> Optional[str]:
    """The bearer token of a request, or None."""
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


async def current_account(request: Request) -> str:
    """FastAPI dependency: the account id of the request's bearer token (401 otherwise); applies rate limits."""
    cached = getattr(request.state, "account_id", None)
    if cached:
        return cached
    token = bearer_token(request)
    if token is None:
        raise unauthorized(MISSING_TOKEN_MESSAGE)
    account_id = request.app.state.tokens.verify(token)
    limiter = request.app.state.rate_limiter
    if limiter is not None:
        limiter.check(account_id)
    request.state.account_id = account_id
    return account_id


def _oauth_error(status: int, error: str, description: str) -> Response:
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


def _client_credentials(request: Request, form: Dict[str, str]) -> Tuple[Optional[str], Optional[str]]:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "basic" and value:
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None, None
        client_id, _, secret = decoded.partition(":")
        from urllib.parse import unquote_plus

        return unquote_plus(client_id), unquote_plus(secret)
    return form.get("client_id"), form.get("client_secret")


router = APIRouter(tags=["oauth"])


@router.post(KEYCLOAK_TOKEN_PATH, summary="OAuth2 token (client credentials)")
@router.post(LEGACY_TOKEN_PATH, summary="OAuth2 token, legacy path")
async def token_endpoint(request: Request) -> Response:
    """Client-credentials grant: credentials in the form body or HTTP Basic; answers like Keycloak."""
    body = (await request.body()).decode("utf-8", errors="replace")
    form = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
    grant_type = form.get("grant_type")
    if not grant_type:
        return _oauth_error(400, "invalid_request", "Missing form parameter: grant_type")
    if grant_type != "client_credentials":
        return _oauth_error(400, "unsupported_grant_type", f"Unsupported grant_type {grant_type!r}")
    client_id, secret = _client_credentials(request, form)
    if not client_id or not secret:
        return _oauth_error(401, "invalid_client", "Invalid client or Invalid client credentials")
    limiter = request.app.state.rate_limiter
    if limiter is not None:
        wait_ms = limiter.acquire("token:" + client_id)
        if wait_ms is not None:
            from .ratelimit import rate_limit_error

            return rate_limit_error(wait_ms).to_response()
    found = await run_in_threadpool(request.app.state.store.authenticate, client_id, secret)  # SQLite + PBKDF2
    if found is None:
        return _oauth_error(401, "invalid_client", "Invalid client or Invalid client credentials")
    account_id, user_id = found
    client_address = request.client.host if request.client else "127.0.0.1"
    payload = request.app.state.tokens.issue(client_id, account_id, user_id, client_address)
    return Response(
        content=json.dumps(payload),
        media_type="application/json",
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


__all__ = ["ApiError", "TokenService", "current_account", "router", "load_or_create_key"]
