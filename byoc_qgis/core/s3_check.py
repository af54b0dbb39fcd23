"""Check a bucket (or the S3 keys alone) once, before uploading or creating a collection, and word the problem.

:func:`check_bucket` answers with a :class:`BucketCheck`: ``ok``, or the problem (a ``PROBLEM_*`` code of
:mod:`.s3`) and one sentence naming what is wrong and how to fix it: a missing bucket, a refused or unreachable
endpoint, an unknown access key, a wrong secret key, no credentials, access denied, an unavailable (503/SlowDown) or
connection-dropping endpoint, or a bucket that can be read but not written. Transient problems are retried with
backoff first. :func:`check_credentials` checks keys and endpoint without a bucket (Test connection).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Mapping, Optional, Tuple

from osgeo import gdal

from .gdal_compat import VSIE_ACCESS_DENIED, collect_errors
from .s3 import (
    PROBLEM_ACCESS_DENIED,
    PROBLEM_MISSING_BUCKET,
    PROBLEM_NOT_WRITABLE,
    TRANSIENT_PROBLEMS,
    S3Config,
    S3Error,
    backoff,
    bucket_options,
    delete_object,
    never,
    probe_path,
    status_of,
    vsis3_path,
)
from .s3_errors import PROBLEM_NO_CREDENTIALS, classify_worded, s3_text

__all__ = ["BucketCheck", "KEYS_CHECK_BUCKET", "WRITE_CHECK_KEY", "check_bucket", "check_credentials"]

#: object written and deleted again by :func:`check_bucket` with ``write=True``
WRITE_CHECK_KEY = ".byoc-qgis-write-check"


@dataclass(frozen=True)
class BucketCheck:
    """Result of :func:`check_bucket`: ``ok``, and when not, the ``problem`` code and a worded ``message`` with the
    fix. ``writable`` is None when writing was not tried. ``key``/``params``: the message's wording id in
    :data:`.s3_errors.S3_TEMPLATES` and its values (``attempts`` when it took more than one), so the layers above
    core can word it in the user's language; "" when the message is worded elsewhere."""

    bucket: str
    ok: bool
    problem: str = ""
    message: str = ""
    writable: Optional[bool] = None
    attempts: int = 1
    key: str = ""
    params: Mapping[str, str] = field(default_factory=dict, hash=False)

    def raise_for_problem(self) -> None:
        """Raise :class:`S3Error` (with ``problem``) unless the check passed."""
        if not self.ok:
            raise S3Error(self.message, self.problem)


def check_bucket(config: S3Config, write: bool = False, cancel: Optional[Callable[[], bool]] = None) -> BucketCheck:
    """Check once that the bucket exists at the endpoint and the credentials are accepted (a listing request);
    with ``write`` also that an object can be written (``WRITE_CHECK_KEY`` is written and deleted again).

    Transient problems (503/SlowDown, 5xx, dropped or refused connections) are retried ``config.max_retry`` times
    with backoff. Never raises for S3 problems: the result's ``problem``/``message`` say what is wrong and how to
    fix it (missing bucket, unreachable endpoint, unknown access key, wrong secret, no credentials, access denied,
    unavailable, dropped connection, not writable). Raises :class:`Cancelled` when cancelled.
    """
    cancelled = cancel or never
    attempt = 0
    listed = False
    with bucket_options(config):
        while True:
            attempt += 1
            ok, errno, message, messages = probe_path(config.prefix)
            if ok:
                listed = True
                break
            problem, key, params = classify_worded(config, errno, message, messages)
            if problem == PROBLEM_ACCESS_DENIED and write:
                break  # listing refused: the write check below tells whether uploads can work
            if problem not in TRANSIENT_PROBLEMS or attempt > config.max_retry:
                return _worded(config.bucket, False, problem, key, params, None, attempt)
            backoff(config, attempt, cancelled)
        where = {"bucket": config.bucket, "where": config.where}
        if not write:
            return _worded(config.bucket, True, "", "reachable", where, None, 1)
        path = vsis3_path(config, WRITE_CHECK_KEY)
        tries = 0
        while True:
            tries += 1
            ok, messages = _write_small(path, b"byoc_qgis checks that this bucket is writable; safe to delete\n")
            if ok:
                break
            if not listed:
                problem, key, params = classify_worded(config, VSIE_ACCESS_DENIED, "")
                return BucketCheck(
                    config.bucket, False, problem, s3_text(key, params), False, attempt + tries, key, params
                )
            status = status_of(messages)
            if status in (401, 403) or tries > config.max_retry:
                reason = config.scrub(messages[-1]) if messages else "unknown error"
                params = {**where, "answer": reason}
                return BucketCheck(
                    config.bucket,
                    False,
                    PROBLEM_NOT_WRITABLE,
                    s3_text(PROBLEM_NOT_WRITABLE, params),
                    False,
                    attempt + tries,
                    PROBLEM_NOT_WRITABLE,
                    params,
                )
            backoff(config, tries, cancelled)
        key, params = "writable", where
        if not delete_object(config, WRITE_CHECK_KEY, cancelled):
            key, params = "writable-check-left", {**where, "key": WRITE_CHECK_KEY}
    return BucketCheck(config.bucket, True, "", s3_text(key, params), True, 1, key, params)


def _worded(
    bucket: str, ok: bool, problem: str, key: str, params: Dict[str, str], writable: Optional[bool], attempts: int
) -> BucketCheck:
    """A check result worded by :data:`.s3_errors.S3_TEMPLATES` ``key`` ("(N attempts)" added after retries)."""
    text = s3_text(key, params)
    if attempts > 1:
        params = {**params, "attempts": str(attempts)}
        text = s3_text("attempts", {"text": text, "attempts": str(attempts)})
    return BucketCheck(bucket, ok, problem, text, writable, attempts, key, params)


#: bucket name probed by :func:`check_credentials` (most likely nobody's: S3 checks the keys before the bucket)
KEYS_CHECK_BUCKET = "byoc-qgis-keys-check"


def check_credentials(config: S3Config, cancel: Optional[Callable[[], bool]] = None) -> BucketCheck:
    """Check the S3 keys and endpoint without a bucket of the user's: ask for a listing of ``config.bucket`` (use
    :data:`KEYS_CHECK_BUCKET`). S3 checks the signature before it looks the bucket up, so "no such bucket" and
    "access denied" both mean the keys were accepted; an unknown key, a wrong secret, missing credentials or an
    unreachable endpoint fail with their worded problem."""
    cancelled = cancel or never
    attempt = 0
    params = {"where": config.where}
    accepted = BucketCheck("", True, "", s3_text("keys-accepted", params), None, 1, "keys-accepted", params)
    with bucket_options(config):
        while True:
            attempt += 1
            ok, errno, message, messages = probe_path(config.prefix)
            if ok:
                return accepted
            problem, key, params = classify_worded(config, errno, message, messages)
            if problem in (PROBLEM_MISSING_BUCKET, PROBLEM_ACCESS_DENIED):
                return accepted
            if problem not in TRANSIENT_PROBLEMS or attempt > config.max_retry:
                key = "no-credentials-keys" if problem == PROBLEM_NO_CREDENTIALS else key
                return BucketCheck("", False, problem, s3_text(key, params), None, attempt, key, params)
            backoff(config, attempt, cancelled)


def _write_small(path: str, data: bytes) -> Tuple[bool, List[str]]:
    with collect_errors() as messages:
        try:
            f = gdal.VSIFOpenL(path, "wb")
            if f is None:
                return False, list(messages) or ["cannot open for writing"]
            written = gdal.VSIFWriteL(data, 1, len(data), f)
            closed = gdal.VSIFCloseL(f)
        except RuntimeError as exc:
            messages.append(str(exc))
            return False, list(messages)
    return written == len(data) and closed == 0, list(messages)
