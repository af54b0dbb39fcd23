"""Check a bucket (or the S3 keys alone) once, before uploading or creating a collection, and word the problem.

:func:`check_bucket` answers with a :class:`BucketCheck`: ``ok``, or the problem (a ``PROBLEM_*`` code of
:mod:`.s3`) and one sentence naming what is wrong and how to fix it: a missing bucket, a refused or unreachable
endpoint, an unknown access key, a wrong secret key, no credentials, access denied, an unavailable (503/SlowDown) or
connection-dropping endpoint, or a bucket that can be read but not written. Transient problems are retried with
backoff first. :func:`check_credentials` checks keys and endpoint without a bucket (Test connection).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List, Optional, Tuple

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
    classify,
    delete_object,
    never,
    probe_path,
    status_of,
    vsis3_path,
)

__all__ = ["BucketCheck", "KEYS_CHECK_BUCKET", "WRITE_CHECK_KEY", "check_bucket", "check_credentials"]

#: object written and deleted again by :func:`check_bucket` with ``write=True``
WRITE_CHECK_KEY = ".byoc-qgis-write-check"


@dataclass(frozen=True)
class BucketCheck:
    """Result of :func:`check_bucket`: ``ok``, and when not, the ``problem`` code and a worded ``message`` with the
    fix. ``writable`` is None when writing was not tried."""

    bucket: str
    ok: bool
    problem: str = ""
    message: str = ""
    writable: Optional[bool] = None
    attempts: int = 1

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
            problem, text = classify(config, errno, message, messages)
            if problem == PROBLEM_ACCESS_DENIED and write:
                break  # listing refused: the write check below tells whether uploads can work
            if problem not in TRANSIENT_PROBLEMS or attempt > config.max_retry:
                tries = f" ({attempt} attempts)" if attempt > 1 else ""
                return BucketCheck(config.bucket, False, problem, text + tries, None, attempt)
            backoff(config, attempt, cancelled)
        if not write:
            return BucketCheck(config.bucket, True, "", f"Bucket {config.bucket} at {config.where} is reachable.")
        path = vsis3_path(config, WRITE_CHECK_KEY)
        tries = 0
        while True:
            tries += 1
            ok, messages = _write_small(path, b"byoc_qgis checks that this bucket is writable; safe to delete\n")
            if ok:
                break
            if not listed:
                problem, text = PROBLEM_ACCESS_DENIED, classify(config, VSIE_ACCESS_DENIED, "")[1]
                return BucketCheck(config.bucket, False, problem, text, False, attempt + tries)
            status = status_of(messages)
            if status in (401, 403) or tries > config.max_retry:
                reason = config.scrub(messages[-1]) if messages else "unknown error"
                return BucketCheck(
                    config.bucket,
                    False,
                    PROBLEM_NOT_WRITABLE,
                    f"Bucket {config.bucket} at {config.where} can be read but not written ({reason}): grant the S3 "
                    "keys s3:PutObject (and s3:DeleteObject) on the bucket, or use other keys.",
                    False,
                    attempt + tries,
                )
            backoff(config, tries, cancelled)
        note = ""
        if not delete_object(config, WRITE_CHECK_KEY, cancelled):
            note = f" (could not delete the check object {WRITE_CHECK_KEY}; it is safe to delete)"
    return BucketCheck(
        config.bucket, True, "", f"Bucket {config.bucket} at {config.where} is reachable and writable{note}.", True
    )


#: bucket name probed by :func:`check_credentials` (most likely nobody's: S3 checks the keys before the bucket)
KEYS_CHECK_BUCKET = "byoc-qgis-keys-check"


def check_credentials(config: S3Config, cancel: Optional[Callable[[], bool]] = None) -> BucketCheck:
    """Check the S3 keys and endpoint without a bucket of the user's: ask for a listing of ``config.bucket`` (use
    :data:`KEYS_CHECK_BUCKET`). S3 checks the signature before it looks the bucket up, so "no such bucket" and
    "access denied" both mean the keys were accepted; an unknown key, a wrong secret, missing credentials or an
    unreachable endpoint fail with their worded problem."""
    cancelled = cancel or never
    attempt = 0
    accepted = BucketCheck("", True, "", f"S3 keys accepted by {config.where}.", None, 1)
    with bucket_options(config):
        while True:
            attempt += 1
            ok, errno, message, messages = probe_path(config.prefix)
            if ok:
                return accepted
            problem, text = classify(config, errno, message, messages)
            if problem in (PROBLEM_MISSING_BUCKET, PROBLEM_ACCESS_DENIED):
                return accepted
            if problem not in TRANSIENT_PROBLEMS or attempt > config.max_retry:
                text = text.replace(f" for bucket {config.bucket}", "").replace(f" bucket {config.bucket}", " S3")
                return BucketCheck("", False, problem, text, None, attempt)
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
