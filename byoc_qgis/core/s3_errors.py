"""Worded S3 errors: which problem a failed /vsis3/ request had (``PROBLEM_*``) and the sentence with its fix.

Used by every S3 operation of :mod:`.s3`, :mod:`.s3_upload` and :mod:`.s3_check` (which import these names from
:mod:`.s3`). Sentences name the bucket, the endpoint and the fix, never a secret (GDAL's text is scrubbed).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Dict, Mapping, Optional, Sequence, Tuple

from .gdal_compat import (
    VSIE_ACCESS_DENIED,
    VSIE_BUCKET_NOT_FOUND,
    VSIE_HTTP_ERROR,
    VSIE_INVALID_CREDENTIALS,
    VSIE_SIGNATURE_MISMATCH,
)

if TYPE_CHECKING:  # pragma: no cover
    from .s3 import S3Config

__all__ = ["status_of", "classify", "classify_worded", "s3_text", "S3_TEMPLATES", "TRANSIENT_PROBLEMS"]

# problems found by check_bucket and named in S3Error.problem
PROBLEM_MISSING_BUCKET = "missing-bucket"
PROBLEM_UNREACHABLE = "unreachable"
PROBLEM_DROPPED = "dropped"
PROBLEM_UNAVAILABLE = "unavailable"
PROBLEM_BAD_SECRET = "bad-secret"  # noqa: S105 # nosec B105 # a problem code # pragma: allowlist secret
PROBLEM_BAD_KEY = "bad-key"
PROBLEM_NO_CREDENTIALS = "no-credentials"
PROBLEM_ACCESS_DENIED = "access-denied"
PROBLEM_NOT_WRITABLE = "not-writable"
PROBLEM_OTHER = "error"
TRANSIENT_PROBLEMS = (PROBLEM_UNREACHABLE, PROBLEM_DROPPED, PROBLEM_UNAVAILABLE, PROBLEM_OTHER)


def status_of(messages: Sequence[str]) -> Optional[int]:
    """The last HTTP status GDAL warned about ("HTTP response code on ...: 503", "HTTP error code: 503")."""
    for text in reversed(list(messages)):
        m = re.search(r"HTTP (?:response|error) code.*?:\s+(\d{1,3})\b", text)
        if m:
            return int(m.group(1))
    return None


#: the English wording of every worded S3 problem and check result, by stable id; ``byoc_qgis.wording`` keeps the
#: same texts as tr() literals (tests/test_wording.py checks they match). Placeholders: bucket, where (endpoint),
#: key_hint (first characters of the access key), reason (curl's), answer (the storage's own text), key (object).
S3_TEMPLATES: Dict[str, str] = {
    PROBLEM_MISSING_BUCKET: (
        "Bucket {bucket} does not exist at {where}: create it, or correct the bucket name (and the S3 endpoint/region)."
    ),
    PROBLEM_BAD_SECRET: (
        "{where} refused the S3 secret key for access key {key_hint} (the signature does not match): correct the "
        "secret key in the S3 credentials."
    ),
    PROBLEM_NO_CREDENTIALS: (
        "No S3 credentials for bucket {bucket}: choose S3 credentials (access key / secret key) for the connection "
        "(Processing: S3_AUTHCFG), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."
    ),
    "no-credentials-keys": (
        "No S3 credentials: choose S3 credentials (access key / secret key) for the connection (Processing: "
        "S3_AUTHCFG), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."
    ),
    PROBLEM_BAD_KEY: (
        "{where} does not know the S3 access key {key_hint}: correct the access key in the S3 credentials (and check "
        "the endpoint: keys of one provider do not work at another)."
    ),
    PROBLEM_ACCESS_DENIED: (
        "{where} denied access to bucket {bucket} (AccessDenied): the S3 keys are valid but lack permission; grant "
        "them s3:ListBucket, s3:GetObject and s3:PutObject on the bucket, or use other keys."
    ),
    PROBLEM_UNREACHABLE: (
        "Cannot reach the S3 endpoint {where} ({reason}): check the endpoint host:port and the HTTPS setting, and "
        "that the server is running."
    ),
    PROBLEM_DROPPED: (
        "The S3 endpoint {where} dropped the connection ({reason}): try again later; if it persists, check the HTTPS "
        "setting and any proxy."
    ),
    PROBLEM_UNAVAILABLE: "S3 at {where} is unavailable or throttling ({answer}): try again later.",
    PROBLEM_OTHER: "S3 at {where} answered: {answer}.",
    PROBLEM_NOT_WRITABLE: (
        "Bucket {bucket} at {where} can be read but not written ({answer}): grant the S3 keys s3:PutObject (and "
        "s3:DeleteObject) on the bucket, or use other keys."
    ),
    "reachable": "Bucket {bucket} at {where} is reachable.",
    "writable": "Bucket {bucket} at {where} is reachable and writable.",
    "writable-check-left": (
        "Bucket {bucket} at {where} is reachable and writable (could not delete the check object {key}; it is safe "
        "to delete)."
    ),
    "keys-accepted": "S3 keys accepted by {where}.",
    "attempts": "{text} ({attempts} attempts)",
    # what was being done when the problem above happened ({text}: the problem's sentence)
    "cannot-check": "Cannot check s3://{bucket}/{object}: {text}",
    "cannot-check-tries": "Cannot check s3://{bucket}/{object} (after {attempts} attempts): {text}",
    "cannot-list": "Cannot list s3://{bucket}/{prefix}: {text}",
}
#: fallback reasons when curl/the storage said nothing (translated above core like the templates)
S3_FALLBACK_REASONS = ("connection refused", "no answer", "unknown error")


def s3_text(key: str, params: Mapping[str, str]) -> str:
    """The English sentence of :data:`S3_TEMPLATES` ``key`` filled with ``params``."""
    return S3_TEMPLATES[key].format(**params)


def classify(config: S3Config, errno: int, message: str, messages: Sequence[str] = ()) -> Tuple[str, str]:
    """``(problem, sentence)`` for a failed S3 request: a ``PROBLEM_*`` code and what happened with its fix."""
    problem, key, params = classify_worded(config, errno, message, messages)
    return problem, s3_text(key, params)


def classify_worded(
    config: S3Config, errno: int, message: str, messages: Sequence[str] = ()
) -> Tuple[str, str, Dict[str, str]]:
    """``(problem, key, params)`` for a failed S3 request: the ``PROBLEM_*`` code, the :data:`S3_TEMPLATES` id of
    its sentence and the values the sentence needs (bucket, endpoint, key hint, curl's or the storage's words)."""
    b, where = config.bucket, config.where
    params = {"bucket": b, "where": where}
    text = message or (messages[-1] if messages else "")
    lower = text.lower()
    status = status_of(messages)
    if errno == VSIE_BUCKET_NOT_FOUND or "nosuchbucket" in lower or "bucket does not exist" in lower:
        return PROBLEM_MISSING_BUCKET, PROBLEM_MISSING_BUCKET, params
    if errno == VSIE_SIGNATURE_MISMATCH or "signature" in lower and "does not match" in lower:
        return PROBLEM_BAD_SECRET, PROBLEM_BAD_SECRET, {**params, "key_hint": _key_hint(config)}
    if errno == VSIE_INVALID_CREDENTIALS or "invalidaccesskeyid" in lower or "access key id" in lower:
        if not config.access_key or "not defined" in lower or "credentials" in lower and "not filled" in lower:
            return PROBLEM_NO_CREDENTIALS, PROBLEM_NO_CREDENTIALS, params
        return PROBLEM_BAD_KEY, PROBLEM_BAD_KEY, {**params, "key_hint": _key_hint(config)}
    if errno == VSIE_ACCESS_DENIED or status == 403 or "access denied" in lower or "accessdenied" in lower:
        return PROBLEM_ACCESS_DENIED, PROBLEM_ACCESS_DENIED, params
    unreachable = ("could not resolve", "couldn't connect", "could not connect", "failed to connect", "refused")
    if any(text in lower for text in unreachable) or status == 0:
        reason = _curl_reason(text) or "connection refused"
        return PROBLEM_UNREACHABLE, PROBLEM_UNREACHABLE, {**params, "reason": reason}
    if errno == VSIE_HTTP_ERROR or "empty reply" in lower or "reset" in lower or "timed out" in lower:
        return PROBLEM_DROPPED, PROBLEM_DROPPED, {**params, "reason": _curl_reason(text) or "no answer"}
    if (
        status is not None
        and (status == 429 or status >= 500)
        or "reduce your request rate" in lower
        or ("internal error" in lower or "unavailable" in lower or "slowdown" in lower)
    ):
        return PROBLEM_UNAVAILABLE, PROBLEM_UNAVAILABLE, {**params, "answer": config.scrub(text) or f"HTTP {status}"}
    return PROBLEM_OTHER, PROBLEM_OTHER, {**params, "answer": config.scrub(text) or "unknown error"}


def _key_hint(config: S3Config) -> str:
    key = config.access_key
    return f"{key[:4]}…" if len(key) > 6 else "(set)" if key else "(none)"


def _curl_reason(text: str) -> str:
    m = re.search(r"CURL error:\s*(.*)", text)
    reason = (m.group(1) if m else "").strip()
    reason = re.sub(r"Failed to connect to \S+ port \d+( after \d+ ms)?:\s*", "", reason)
    return reason.lower().rstrip(".")
