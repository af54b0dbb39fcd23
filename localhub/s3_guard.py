"""WSGI layers in front of localhub's own S3 server (moto): AWS Signature V4 checking and fault injection.

* :class:`SignatureCheck` answers 403 like S3 does (``AccessDenied``, ``InvalidAccessKeyId``,
  ``SignatureDoesNotMatch``) unless a request is signed (header or presigned query, Signature V4) with one of the
  configured key pairs. moto itself accepts any signature, so without this a wrong S3 secret would "work" offline.
* :class:`S3FaultLayer` applies :class:`localhub.faults.FaultInjector` rules to S3 requests: S3-style error bodies
  (``503 SlowDown``, ``500 InternalError``, ...), delays and dropped connections before or after the request was
  processed. ``GET``/``PUT /_localhub/faults`` show and replace its rules at run time (bucket names cannot start
  with ``_``, so this never hides a bucket).

The signature check is written from the AWS Signature V4 specification (canonical request, string to sign, HMAC-SHA256
key derivation); only the keys it is given are accepted.
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import json
import logging
import socket
import time
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Tuple
from urllib.parse import quote, unquote

from .faults import FaultInjector

log = logging.getLogger("localhub.s3")

S3_CONTROL_PATH = "/_localhub/faults"
_ALGORITHM = "AWS4-HMAC-SHA256"
#: User-Agent marker of localhub's own requests to its S3 server (persistence): never faulted
INTERNAL_AGENT = "localhub-internal"

_S3_ERRORS = {
    403: ("AccessDenied", "Access Denied"),
    429: ("SlowDown", "Please reduce your request rate."),
    500: ("InternalError", "We encountered an internal error. Please try again."),
    502: ("BadGateway", "Bad gateway."),
    503: ("SlowDown", "Please reduce your request rate."),
    504: ("GatewayTimeout", "Gateway timeout."),
}
_REASONS = {
    403: "Forbidden",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def error_body(code: str, message: str, resource: str = "") -> bytes:
    """An S3 ``<Error>`` XML document."""

    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{esc(code)}</Code><Message>{esc(message)}</Message>"
        f"<Resource>{esc(resource)}</Resource><RequestId>localhub</RequestId></Error>"
    ).encode()


def _respond(
    start_response: Callable, environ: dict, status: int, code: str, message: str, extra: Optional[list] = None
) -> List[bytes]:
    body = error_body(code, message, environ.get("PATH_INFO", ""))
    headers = [("Content-Type", "application/xml"), ("Content-Length", str(len(body)))] + list(extra or [])
    start_response(f"{status} {_REASONS.get(status, 'Error')}", headers)
    return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]


def _drain(environ: dict) -> None:
    """Read (and forget) the request body, so that an early answer reaches a client still sending."""
    stream = environ.get("wsgi.input")
    try:
        remaining = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        remaining = 0
    while stream is not None and remaining > 0:
        chunk = stream.read(min(remaining, 1 << 20))
        if not chunk:
            break
        remaining -= len(chunk)


# -- Signature V4 ---------------------------------------------------------------------------------------------------
def _uri_encode(text: str, slash: bool = True) -> str:
    return quote(text, safe="-_.~/" if slash else "-_.~")


def _canonical_query(raw_query: str, drop: Tuple[str, ...] = ()) -> str:
    pairs = []
    for part in raw_query.split("&") if raw_query else []:
        if not part:
            continue
        key, _, value = part.partition("=")
        key, value = unquote(key), unquote(value)
        if key in drop:
            continue
        pairs.append((_uri_encode(key, slash=False), _uri_encode(value, slash=False)))
    return "&".join(f"{k}={v}" for k, v in sorted(pairs))


def _header(environ: dict, name: str) -> Optional[str]:
    lname = name.lower()
    if lname == "content-type":
        return environ.get("CONTENT_TYPE")
    if lname == "content-length":
        return environ.get("CONTENT_LENGTH")
    return environ.get("HTTP_" + lname.upper().replace("-", "_"))


def _signing_key(secret: str, date: str, region: str, service: str) -> bytes:
    key = ("AWS4" + secret).encode()
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key


def _parse_authorization(value: str) -> Optional[Dict[str, str]]:
    if not value.startswith(_ALGORITHM + " "):
        return None
    fields: Dict[str, str] = {}
    for item in value[len(_ALGORITHM) + 1 :].split(","):
        name, _, val = item.strip().partition("=")
        fields[name] = val
    if not {"Credential", "SignedHeaders", "Signature"} <= set(fields):
        return None
    return fields


class SignatureCheck:
    """WSGI middleware: only requests signed (AWS Signature V4) with a configured key pair reach ``app``.

    ``keys`` maps access key id → secret access key. OPTIONS requests (CORS preflight) and ``skip`` paths pass
    unsigned.
    """

    def __init__(self, app: Callable, keys: Mapping[str, str], skip: Tuple[str, ...] = (S3_CONTROL_PATH,)) -> None:
        self.app = app
        self._keys = dict(keys)
        self._skip = skip

    def __repr__(self) -> str:
        return f"SignatureCheck(access keys={sorted(self._keys)!r})"

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method == "OPTIONS" or environ.get("PATH_INFO", "").startswith(self._skip):
            return self.app(environ, start_response)
        problem = self.problem(environ)
        if problem is not None:
            code, message = problem
            log.info("localhub S3: refused %s %s: %s", method, environ.get("PATH_INFO", ""), code)
            _drain(environ)
            return _respond(start_response, environ, 403, code, message)
        return self.app(environ, start_response)

    def problem(self, environ: dict) -> Optional[Tuple[str, str]]:
        """``(S3 error code, message)`` when the request's signature is missing or wrong, else None."""
        raw_uri = environ.get("RAW_URI") or environ.get("REQUEST_URI") or environ.get("PATH_INFO", "/")
        raw_path, _, raw_query = raw_uri.partition("?")
        authorization = _header(environ, "Authorization") or ""
        query_names = {unquote(p.partition("=")[0]) for p in raw_query.split("&") if p}
        if authorization:
            fields = _parse_authorization(authorization)
            if fields is None:
                return "AccessDenied", "Only AWS Signature Version 4 (AWS4-HMAC-SHA256) is accepted."
            credential, signed, given = fields["Credential"], fields["SignedHeaders"], fields["Signature"]
            amz_date = _header(environ, "X-Amz-Date") or ""
            payload = _header(environ, "X-Amz-Content-SHA256") or "UNSIGNED-PAYLOAD"
            query = _canonical_query(raw_query)
        elif "X-Amz-Signature" in query_names:
            params = {}
            for part in raw_query.split("&"):
                k, _, v = part.partition("=")
                params[unquote(k)] = unquote(v)
            if params.get("X-Amz-Algorithm") != _ALGORITHM:
                return "AccessDenied", "Only AWS Signature Version 4 (AWS4-HMAC-SHA256) is accepted."
            credential = params.get("X-Amz-Credential", "")
            signed = params.get("X-Amz-SignedHeaders", "host")
            given = params.get("X-Amz-Signature", "")
            amz_date = params.get("X-Amz-Date", "")
            payload = _header(environ, "X-Amz-Content-SHA256") or "UNSIGNED-PAYLOAD"
            query = _canonical_query(raw_query, drop=("X-Amz-Signature",))
            try:
                expires = int(params.get("X-Amz-Expires", "604800"))
                signed_at = calendar.timegm(time.strptime(amz_date, "%Y%m%dT%H%M%SZ"))
            except ValueError:
                return "AccessDenied", "The presigned URL has an invalid X-Amz-Date or X-Amz-Expires."
            if time.time() > signed_at + expires:
                return "AccessDenied", "Request has expired"
        elif "AWSAccessKeyId" in query_names:
            return "AccessDenied", "Only AWS Signature Version 4 (AWS4-HMAC-SHA256) is accepted."
        else:
            return "AccessDenied", "Access Denied (the request is not signed; give the S3 access key and secret key)"
        scope = credential.split("/")
        if len(scope) != 5 or scope[4] != "aws4_request":
            return "AuthorizationHeaderMalformed", f"The credential {credential.split('/')[0]}/... is malformed."
        access_key, date, region, service, _ = scope
        secret = self._keys.get(access_key)
        if secret is None:
            return "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."
        names = [n for n in signed.split(";") if n]
        canonical_headers = "".join(f"{n}:{' '.join((_header(environ, n) or '').split())}\n" for n in names)
        key = _signing_key(secret, date, region, service)
        paths = [raw_path]
        reencoded = _uri_encode(unquote(raw_path))
        if reencoded != raw_path:
            paths.append(reencoded)
        for path in paths:
            method = environ.get("REQUEST_METHOD", "GET")
            canonical = "\n".join([method, path, query, canonical_headers, signed, payload])
            to_sign = "\n".join(
                [_ALGORITHM, amz_date, "/".join(scope[1:]), hashlib.sha256(canonical.encode()).hexdigest()]
            )
            expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
            if hmac.compare_digest(expected, given):
                return None
        return (
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your key and "
            "signing method.",
        )


# -- fault injection ------------------------------------------------------------------------------------------------
class _Dropped(ConnectionAbortedError):
    """Raised after closing the client connection on purpose (the WSGI server treats it as a dropped client)."""


def _drop(environ: dict) -> None:
    sock = environ.get("werkzeug.socket")
    if isinstance(sock, socket.socket):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    raise _Dropped("fault injection: S3 connection dropped")


class S3FaultLayer:
    """WSGI middleware applying fault rules (see :mod:`localhub.faults`) to S3 requests; path = ``/bucket/key``."""

    def __init__(self, app: Callable, injector: FaultInjector) -> None:
        self.app = app
        self.injector = injector

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        method = environ.get("REQUEST_METHOD", "GET")
        if path == S3_CONTROL_PATH:
            return self._control(environ, start_response, method)
        if INTERNAL_AGENT in (environ.get("HTTP_USER_AGENT") or ""):
            return self.app(environ, start_response)
        fault = self.injector.pick(method, path)
        if fault is None:
            return self.app(environ, start_response)
        if fault.get("delay"):
            time.sleep(float(fault["delay"]))
        if fault.get("drop") == "before":
            _drop(environ)
        if fault.get("drop") == "after":
            captured: list = []

            def capture(status: str, headers: list, exc_info=None) -> Callable:
                captured[:] = [status]
                return lambda data: None

            result = self.app(environ, capture)
            try:
                for _chunk in result:
                    pass
            finally:
                if hasattr(result, "close"):
                    result.close()
            _drop(environ)
        if "status" in fault:
            status = int(fault["status"])
            code, message = _S3_ERRORS.get(status, ("ServiceUnavailable", "Service unavailable."))
            _drain(environ)
            extra = []
            if fault.get("retryAfterMs") is not None:
                extra.append(("Retry-After", str(max(1, int(fault["retryAfterMs"]) // 1000))))
            return _respond(start_response, environ, status, code, fault.get("message") or message, extra)
        return self.app(environ, start_response)

    def _control(self, environ: dict, start_response: Callable, method: str) -> List[bytes]:
        if method == "PUT":
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
                config = json.loads(environ["wsgi.input"].read(length) or b"{}")
                if not isinstance(config, dict):
                    raise ValueError("the fault configuration must be a JSON object with a 'rules' list")
                self.injector.configure(config)
            except ValueError as exc:
                body = json.dumps({"error": str(exc)}).encode()
                start_response("400 Bad Request", [("Content-Type", "application/json")])
                return [body]
        elif method != "GET":
            start_response("405 Method Not Allowed", [("Allow", "GET, PUT")])
            return [b""]
        body = json.dumps(self.injector.state()).encode()
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]
