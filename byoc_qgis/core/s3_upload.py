"""Uploads that never register wrong data: verified uploads with retries, resume by content.

* :func:`upload`: one file to one key, retried on transient errors with backoff on every supported GDAL (GDAL's
  retry options are set thread-locally: GDAL 3.6 ignores per-path retry options for writes), verified by content,
  cleaned up exactly (see :mod:`.s3` for the rules).
* :func:`ensure_object`: resume: skip a key that already holds the bytes, refuse (or, when allowed, replace) one
  that holds other bytes.
* :func:`upload_tile`: the band files of one tile, all or nothing for new objects.

Content digests and their comparison (:func:`file_digest`, :func:`same_content`) are in :mod:`.s3_digest`, the
GDAL transfer itself in :mod:`.s3_transfer`; both are re-exported here.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Callable, List, Mapping, Optional, Sequence

from .gdal_compat import has_path_specific_options, needs_gdal, thread_local_options
from .progress import Cancelled, Progress
from .s3 import (
    CHECKSUM_HEADER,
    MIB,
    PROBLEM_UNAVAILABLE,
    TRANSIENT_PROBLEMS,
    RemoteObject,
    S3Config,
    S3Error,
    S3ExistsError,
    backoff,
    bucket_options,
    check_key,
    classify,
    delete_object,
    head,
    probe_path,
    vsis3_path,
)
from .s3_digest import LocalDigest, file_digest, same_content
from .s3_transfer import METHOD_AUTO, METHOD_STREAM, METHOD_SYNC, abort_left_uploads, transfer
from .worded import WordedText

__all__ = [
    "METHOD_AUTO",
    "METHOD_STREAM",
    "METHOD_SYNC",
    "LocalDigest",
    "UploadResult",
    "ensure_object",
    "file_digest",
    "same_content",
    "upload",
    "upload_tile",
]

MIN_PART_MB = 8  # gdal.Sync never uses smaller parts (GDAL 3.6: CHUNK_SIZE below 8 MiB gives 8 MiB parts)


@dataclass
class UploadResult:
    """One verified upload (or, with ``skipped``, an object found to hold the same bytes already)."""

    key: str
    size: int
    seconds: float
    method: str
    replaced: bool = False  # an object already existed at ``key`` and now holds the new content
    skipped: bool = False  # the object already held these bytes: nothing was sent
    md5: str = ""
    attempts: int = 1
    how: str = ""  # how the content was verified ("same MD5", "same multipart checksum")


def upload(
    config: S3Config,
    local_path: str,
    key: str,
    progress=None,
    cancel=None,
    method: str = METHOD_AUTO,
    threads: int = 4,
    chunk_size_mb: int = 16,
    digest: Optional[LocalDigest] = None,
    existing: Optional[RemoteObject] = None,
    existing_known: bool = False,
) -> UploadResult:
    """Upload one local file to ``key`` (replacing what is there) and verify the object's content (MD5/ETag).

    How the bytes travel (``method`` "auto"): a file up to one part goes as one PUT through a /vsis3/ write handle
    ("stream"); a larger one with ``gdal.Sync``'s multi-threaded multipart upload ("sync"), or, on GDAL 3.4/3.5
    where per-bucket options are thread-local and never reach gdal.Sync's worker threads, through the write handle
    too (its cancel then waits for the file to finish). ``gdal.CopyFile`` is never used: on GDAL 3.10 it deletes
    the target when a transfer fails or is cancelled (an object that existed before included), and so does
    ``gdal.Sync`` for a single-part file. "sync" or "stream" force one way for multipart files.
    ``chunk_size_mb``: multipart part size in MiB (at least 8, the smallest part gdal.Sync uses); files up to that
    size go as one PUT. Transient failures are retried with backoff (``config.max_retry``). Cancel stops a
    multipart transfer at once (GDAL aborts its upload) and a single-part one when it has finished (a partly sent
    single PUT would replace the object with a truncated one). On failure or cancel, an object this call created
    (the key was absent before and now holds this file's bytes) is deleted with a DELETE request; an object that
    existed before is never deleted (S3 replaces objects atomically, so it keeps its old content unless the new
    content arrived complete). A multipart upload GDAL could not abort is aborted by its id (GDAL >= 3.10) or named
    in the error. Raises :class:`S3Error` or :class:`Cancelled`. ``digest``/``existing`` (with ``existing_known``)
    skip work the caller has done.
    """
    prog = Progress.of(progress, cancel)
    key = check_key(config, key)
    if not os.path.isfile(local_path):
        raise S3Error(WordedText("upload-no-file", path=local_path))
    if method not in (METHOD_AUTO, METHOD_SYNC, METHOD_STREAM):
        raise S3Error(f"Unknown upload method {method!r}; use auto, sync or stream.")
    part_mb = max(MIN_PART_MB, int(chunk_size_mb))
    part_size = part_mb * MIB
    if digest is None or digest.part_size != part_size:
        digest = file_digest(local_path, part_size, prog.sub(0.0, 0.05))
    method = _transfer_method(method, multipart=digest.size > part_size)
    prog.check()  # cancelled before anything was sent: leave the bucket untouched
    start = time.perf_counter()
    transfer_prog = prog.sub(0.05, 0.95)
    callback = _TransferCallback(transfer_prog, f"uploading {os.path.basename(local_path)}", method == METHOD_SYNC)
    headers = [f"{CHECKSUM_HEADER}={digest.md5}"]
    dst = vsis3_path(config, key)

    def send() -> tuple:
        return transfer(local_path, dst, method, part_size, threads, headers, callback)

    transfer_options = dict(config.retry_options(), VSIS3_CHUNK_SIZE=str(part_mb))
    with bucket_options(config), thread_local_options(transfer_options):
        if not existing_known:
            existing = head(config, key, cancel=prog.cancelled)
        existed = existing is not None
        target = _Target(config, key, local_path, existed, digest)
        attempts = _send_with_retries(target, send, callback, prog)
        how = _verify(target, prog.cancelled)
    prog(1.0, f"uploaded {key}")
    return UploadResult(
        key=key,
        size=digest.size,
        seconds=time.perf_counter() - start,
        method=method,
        replaced=existed,
        md5=digest.md5,
        attempts=attempts,
        how=how,
    )


def _transfer_method(method: str, multipart: bool) -> str:
    """The transfer method "auto" (or a forced one) means for a file that needs a multipart upload or not."""
    if not multipart or not has_path_specific_options():
        # one PUT: a write handle never deletes or truncates on failure; GDAL < 3.6: thread-local options never
        # reach the threads gdal.Sync uploads parts from
        return METHOD_STREAM
    return METHOD_SYNC if method == METHOD_AUTO else method


class _TransferCallback:
    """GDAL's progress callback for one upload; remembers when it told GDAL to stop (cancel is final even if the
    caller's flag changes later)."""

    def __init__(self, prog: Progress, message: str, abortable: bool) -> None:
        self._prog = prog
        self._report = prog.gdal_callback(message)
        self._abortable = abortable  # gdal.Sync multipart: GDAL aborts its multipart upload when told to stop
        self.stopped = False

    def __call__(self, complete, msg=None, data=None) -> int:
        # Sync multipart: 0 on cancel makes GDAL abort its upload (the object is left as it was); stream: go on, a
        # transfer cut short would replace the object with a truncated one
        if not self._abortable:
            return 1 if self._prog.cancelled() else self._report(complete)
        rc = self._report(complete, msg, data)
        if not rc:
            self.stopped = True
        return rc

    def cancelled(self) -> bool:
        """True when GDAL was told to stop or the caller cancelled."""
        return self.stopped or self._prog.cancelled()


@dataclass(frozen=True)
class _Target:
    """What one upload writes where, and what a failure must clean up."""

    config: S3Config
    key: str
    local_path: str
    existed: bool  # an object was at the key before: never deleted
    digest: LocalDigest

    def failed(self, detail: str) -> str:
        return f"Upload of {self.local_path} to s3://{self.config.bucket}/{self.key} {detail}"

    def worded(self, key: str, **params) -> WordedText:
        """The worded sentence ``key`` about this upload (``path``, ``bucket`` and ``key`` filled in)."""
        return WordedText(key, path=self.local_path, bucket=self.config.bucket, key=self.key, **params)

    def cleanup(self) -> str:
        return _cleanup_failed(self.config, self.key, self.existed, self.digest)


def _send_with_retries(target: _Target, send: Callable[[], tuple], callback: _TransferCallback, prog: Progress) -> int:
    """Run the transfer until it succeeds, retrying transient failures with backoff; return the number of attempts.

    On failure or cancel, cleans up (an object this call created is deleted) and raises :class:`S3Error` or
    :class:`Cancelled`.
    """
    config = target.config
    dst = vsis3_path(config, target.key)
    attempt = 0
    ok = False
    errs: List[str] = []
    pending: List[str] = []
    try:
        while True:
            attempt += 1
            ok, errs = send()
            pending += abort_left_uploads(dst, errs)
            if ok or callback.cancelled():
                break
            # GDAL's write errors are generic ("DoSinglePartPUT ... failed"): ask the bucket what is wrong
            found, errno, message, messages = probe_path(config.prefix)
            if not found:
                problem, text = classify(config, errno, message, messages)
                if problem not in TRANSIENT_PROBLEMS:
                    note = target.cleanup()
                    raise S3Error(target.failed(f"failed: {text}{note}"), problem)
            if attempt > config.max_retry:
                break
            backoff(config, attempt, prog.cancelled)
    except Cancelled:
        target.cleanup()
        raise
    if ok:
        return attempt
    cleanup = target.cleanup()
    if callback.cancelled():
        raise Cancelled()
    reason = config.scrub(errs[-1]) if errs else "GDAL gave no reason (a request in one of its worker threads)"
    raise S3Error(
        target.failed(f"failed after {attempt} attempts: {reason}.")
        + f"{_pending_note(pending, config, target.key)}{cleanup} Try again later; check the bucket with Test "
        "connection.",
        PROBLEM_UNAVAILABLE,
    )


def _verify(target: _Target, cancel: Callable[[], bool]) -> str:
    """Check that the object now holds the file's bytes; return how that was decided. Raises :class:`S3Error`."""
    try:
        remote: Optional[RemoteObject] = head(target.config, target.key, cancel=cancel)
    except S3Error as exc:
        raise S3Error(target.failed(f"could not be verified: {exc}"), exc.problem) from None
    if remote is None:
        raise S3Error(target.worded("upload-not-found-after"))
    same, how = same_content(remote, target.digest)
    if not same:
        raise S3Error(target.worded("upload-other-content", how=how))
    return how


def _pending_note(pending: Sequence[str], config: S3Config, key: str) -> str:
    if not pending:
        return ""
    ids = ", ".join(pending)
    return (
        f" A multipart upload of this call is still pending (upload id {ids}); "
        + needs_gdal("Aborting it from QGIS", 3, 10)
        + f" Abort it with your S3 tools (abort-multipart-upload --bucket {config.bucket} --key {key}) or a "
        "lifecycle rule."
    )


def _cleanup_failed(config: S3Config, key: str, existed: bool, digest: LocalDigest) -> str:
    """After a failed upload of a key that was absent: DELETE it when it now holds this file's bytes (a transfer
    whose answer was lost can have completed). Returns a note for the error message ("" when nothing is left)."""
    if existed:
        return ""
    try:
        remote = head(config, key)
    except S3Error:
        return f" Whether s3://{config.bucket}/{key} was created could not be checked."
    if remote is None:
        return ""
    if not same_content(remote, digest)[0]:
        return ""  # someone else's object: never deleted
    if delete_object(config, key):
        return ""
    return f" s3://{config.bucket}/{key} was created by this upload and could not be deleted; delete it by hand."


def ensure_object(
    config: S3Config,
    local_path: str,
    key: str,
    overwrite: bool = False,
    progress=None,
    cancel=None,
    method: str = METHOD_AUTO,
    chunk_size_mb: int = 16,
) -> UploadResult:
    """Make ``key`` hold the bytes of ``local_path``: skip the upload when the object already holds them
    (``skipped``), upload when the key is absent, replace it when it holds other bytes and ``overwrite`` is set,
    and otherwise raise :class:`S3ExistsError` (the object is left untouched).

    The existence check is definite (errors are retried, then raised) and content is compared by MD5/ETag, never
    by size alone.
    """
    prog = Progress.of(progress, cancel)
    key = check_key(config, key)
    if not os.path.isfile(local_path):
        raise S3Error(WordedText("upload-no-file", path=local_path))
    part_size = max(MIN_PART_MB, int(chunk_size_mb)) * MIB
    digest = file_digest(local_path, part_size, prog.sub(0.0, 0.05))
    start = time.perf_counter()
    existing = head(config, key, cancel=prog.cancelled)
    if existing is not None:
        same, how = same_content(existing, digest)
        if same:
            prog(1.0, f"{key} already uploaded")
            return UploadResult(
                key, digest.size, time.perf_counter() - start, "none", skipped=True, md5=digest.md5, how=how
            )
        if not overwrite:
            raise S3ExistsError(WordedText("upload-exists", bucket=config.bucket, key=key, how=how))
    return upload(
        config,
        local_path,
        key,
        prog.sub(0.05, 1.0),
        method=method,
        chunk_size_mb=chunk_size_mb,
        digest=digest,
        existing=existing,
        existing_known=True,
    )


def upload_tile(
    config: S3Config,
    files: Mapping[str, str],
    tile_path: str,
    progress=None,
    cancel=None,
    method: str = METHOD_AUTO,
) -> List[UploadResult]:
    """Upload the band files of one tile: ``files`` maps band stem -> local path, ``tile_path`` contains (BAND)
    (e.g. ``2024/t1/(BAND).tif``). All or nothing for new objects: on failure or cancel the objects this call
    created are deleted (DELETE requests, confirmed); objects that existed before are never deleted (those already
    replaced keep the new content, which the caller reports).
    """
    if "(BAND)" not in tile_path:
        raise S3Error(WordedText("upload-tile-no-band", path=tile_path))
    prog = Progress.of(progress, cancel)
    total = sum(os.path.getsize(p) for p in files.values() if os.path.isfile(p)) or 1
    done: List[UploadResult] = []
    offset = 0.0
    try:
        for stem, path in files.items():
            share = (os.path.getsize(path) if os.path.isfile(path) else 0) / total
            key = tile_path.replace("(BAND)", stem)
            done.append(upload(config, path, key, prog.sub(offset, offset + share), method=method))
            offset += share
    except BaseException as exc:
        left = [r.key for r in done if not r.replaced and not delete_object(config, r.key)]
        if left and isinstance(exc, S3Error):
            raise S3Error(f"{exc} These objects it created could not be deleted: {', '.join(left)}.") from None
        raise
    return done
