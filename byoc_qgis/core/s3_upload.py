"""Uploads that never register wrong data: content digests, verified uploads with retries, resume by content.

* :func:`file_digest` and :func:`same_content`: whether an object holds a local file's bytes (stored checksum,
  plain-MD5 ETag, or multipart ETag computed with the part size), never decided by size alone.
* :func:`upload`: one file to one key, retried on transient errors with backoff on every supported GDAL (GDAL's
  retry options are set thread-locally: GDAL 3.6 ignores per-path retry options for writes), verified by content,
  cleaned up exactly (see :mod:`.s3` for the rules).
* :func:`ensure_object`: resume: skip a key that already holds the bytes, refuse (or, when allowed, replace) one
  that holds other bytes.
* :func:`upload_tile`: the band files of one tile, all or nothing for new objects.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import dataclass
from typing import List, Mapping, Optional, Sequence, Tuple

from osgeo import gdal

from .gdal_compat import (
    collect_errors,
    has_multipart_api,
    has_path_specific_options,
    needs_gdal,
    thread_local_options,
)
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

METHOD_AUTO = "auto"
METHOD_SYNC = "sync"  # gdal.Sync's multi-threaded multipart upload (per-path options needed: GDAL >= 3.6)
METHOD_STREAM = "stream"  # a /vsis3/ write handle in the calling thread: single PUTs, and multipart on GDAL < 3.6
# part sizes tried when an object's multipart ETag was not written with our part size (GDAL's default 50 MiB,
# the AWS CLI's 8 MiB, common tool defaults)
MIN_PART_MB = 8  # gdal.Sync never uses smaller parts (GDAL 3.6: CHUNK_SIZE below 8 MiB gives 8 MiB parts)
_COMMON_PART_MIB = (5, 8, 10, 15, 16, 32, 50, 64, 100, 128)


@dataclass(frozen=True)
class LocalDigest:
    """MD5 of a local file and its multipart ETag for ``part_size`` (what S3 reports after such an upload)."""

    path: str
    size: int
    md5: str
    part_size: int
    multipart_etag: str


def file_digest(path: str, part_size: int, progress=None) -> LocalDigest:
    """MD5 and multipart ETag (``md5(part md5s)-<n>`` for parts of ``part_size`` bytes) in one read."""
    prog = Progress.of(progress)
    size = os.path.getsize(path)
    whole = hashlib.md5()  # noqa: S324 - S3's ETag algorithm, not a security use
    parts: List[bytes] = []
    part = hashlib.md5()  # noqa: S324
    in_part = 0
    done = 0
    block = 1 << 20
    with open(path, "rb") as f:
        while True:
            want = min(block, part_size - in_part)
            data = f.read(want)
            if not data:
                break
            whole.update(data)
            part.update(data)
            in_part += len(data)
            done += len(data)
            if in_part == part_size:
                parts.append(part.digest())
                part = hashlib.md5()  # noqa: S324
                in_part = 0
            if done % (64 * block) < block:
                prog(done / max(1, size), "checksum")
    if in_part or not parts:
        parts.append(part.digest())
    multipart = hashlib.md5(b"".join(parts)).hexdigest() + f"-{len(parts)}"  # noqa: S324
    return LocalDigest(path, size, whole.hexdigest(), part_size, multipart)


def _multipart_etag(path: str, part_size: int) -> str:
    return file_digest(path, part_size).multipart_etag


def same_content(remote: RemoteObject, local: LocalDigest) -> Tuple[bool, str]:
    """Whether ``remote`` holds the bytes of ``local``, and how that was decided (or why it cannot be).

    Same size required; then S3's own checksum (the ETag: the MD5 of a single-part upload, or the multipart ETag
    computed with our part size or a common part size for that number of parts); when the ETag says otherwise or
    cannot be read (encrypted buckets give ETags that are not MD5s), the checksum our uploads store in the object's
    metadata decides.
    """
    if remote.size >= 0 and remote.size != local.size:
        return False, f"{remote.size} bytes (the file has {local.size})"
    etag_says = _etag_matches(remote, local)
    if etag_says is True:
        return True, "same multipart checksum" if remote.multipart_parts else "same MD5"
    if remote.md5:
        if remote.md5 == local.md5:
            return True, "same MD5 (the checksum stored with the object)"
        return False, "other content (MD5 differs, same size)"
    if etag_says is False:
        return False, "other content (checksum differs, same size)"
    n = remote.multipart_parts
    if n:
        return False, f"content that cannot be compared (uploaded in {n} parts of an unknown size)"
    return False, "content that cannot be compared (its ETag is not an MD5 and it has no checksum of ours)"


def _etag_matches(remote: RemoteObject, local: LocalDigest) -> Optional[bool]:
    """True/False when the ETag can be compared, None when it cannot (unknown part size, not an MD5)."""
    if re.fullmatch(r"[0-9a-f]{32}", remote.etag):
        return remote.etag == local.md5
    n = remote.multipart_parts
    if not n:
        return None
    if remote.etag == local.multipart_etag:
        return True
    tried = set()
    for size in [local.part_size] + [m * MIB for m in _COMMON_PART_MIB]:
        if size in tried or size <= 0 or -(-local.size // size) != n:
            continue
        tried.add(size)
        if _multipart_etag(local.path, size) == remote.etag:
            return True
    return False if tried else None


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


_UPLOAD_ID = re.compile(r"uploadId=([^)\s]+)")


def _abort_left_uploads(dst: str, messages: Sequence[str]) -> List[str]:
    """Abort the multipart uploads GDAL reported it could not abort (their ids are in its messages); return the ids
    still pending (all of them before GDAL 3.10, which has no call to abort one upload)."""
    ids = list(dict.fromkeys(m.group(1) for text in messages for m in _UPLOAD_ID.finditer(text)))
    left = []
    for upload_id in ids:
        aborted = False
        if has_multipart_api():
            for _attempt in range(3):
                with collect_errors():
                    try:
                        aborted = bool(gdal.MultipartUploadAbort(dst, upload_id))
                    except RuntimeError:
                        aborted = False
                if aborted:
                    break
                time.sleep(0.5)
        if not aborted:
            left.append(upload_id)
    return left


def _transfer(
    local_path: str, dst: str, method: str, part_size: int, threads: int, headers: List[str], callback
) -> Tuple[bool, List[str]]:
    """One GDAL transfer; (ok, GDAL's messages)."""
    if method == METHOD_STREAM:
        return _stream(local_path, dst, headers, callback)
    with collect_errors() as errs:
        try:
            opts = [f"NUM_THREADS={threads}", f"CHUNK_SIZE={part_size}", "SYNC_STRATEGY=OVERWRITE", *headers]
            ok = bool(gdal.Sync(local_path, dst, options=opts, callback=callback))
        except RuntimeError as exc:
            errs.append(str(exc))
            ok = False
    return ok, list(errs)


def _stream(local_path: str, dst: str, headers: List[str], callback) -> Tuple[bool, List[str]]:
    """Write ``local_path`` through a /vsis3/ write handle, all in the calling thread (GDAL uploads the parts of a
    multipart upload from ``VSIFWriteL``). A failed part makes GDAL abort its upload when the handle is closed; a
    local read error leaves the handle unclosed, so that nothing truncated is ever completed. Not cancellable."""
    size = os.path.getsize(local_path) or 1
    with collect_errors() as errs:
        try:
            handle = gdal.VSIFOpenExL(dst, "wb", False, headers)
        except RuntimeError as exc:
            return False, [*errs, str(exc)]
        if handle is None:
            return False, list(errs) or [f"cannot open {dst} for writing"]
        ok = True
        done = 0
        try:
            with open(local_path, "rb") as src:
                while True:
                    data = src.read(1 << 20)
                    if not data:
                        break
                    if gdal.VSIFWriteL(data, 1, len(data), handle) != len(data):
                        ok = False
                        break
                    done += len(data)
                    callback(done / size)
        except OSError as exc:  # the local file: never close (= complete) a partial upload
            return False, [*errs, f"cannot read {local_path}: {exc}"]
        except RuntimeError as exc:
            errs.append(str(exc))
            ok = False
        try:
            closed = gdal.VSIFCloseL(handle) == 0
        except RuntimeError as exc:
            errs.append(str(exc))
            closed = False
    return ok and closed, list(errs)


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
        raise S3Error(f"Cannot upload {local_path}: the file does not exist.")
    if method not in (METHOD_AUTO, METHOD_SYNC, METHOD_STREAM):
        raise S3Error(f"Unknown upload method {method!r}; use auto, sync or stream.")
    part_mb = max(MIN_PART_MB, int(chunk_size_mb))
    part_size = part_mb * MIB
    if digest is None or digest.part_size != part_size:
        digest = file_digest(local_path, part_size, prog.sub(0.0, 0.05))
    size = digest.size
    multipart = size > part_size
    if not multipart or not has_path_specific_options():
        # one PUT: a write handle never deletes or truncates on failure; GDAL < 3.6: thread-local options never
        # reach the threads gdal.Sync uploads parts from
        method = METHOD_STREAM
    elif method == METHOD_AUTO:
        method = METHOD_SYNC
    abortable = method == METHOD_SYNC  # GDAL aborts its multipart upload when the callback says stop
    dst = vsis3_path(config, key)
    prog.check()  # cancelled before anything was sent: leave the bucket untouched
    start = time.perf_counter()
    name = os.path.basename(local_path)
    transfer_prog = prog.sub(0.05, 0.95)

    report = transfer_prog.gdal_callback(f"uploading {name}")

    stopped = []  # the callback told GDAL to stop (cancel is final even if the caller's flag changes later)

    def callback(complete, msg=None, data=None):
        # Sync multipart: 0 on cancel makes GDAL abort its upload (the object is left as it was); stream: go on, a
        # transfer cut short would replace the object with a truncated one
        if not abortable:
            return 1 if transfer_prog.cancelled() else report(complete)
        rc = report(complete, msg, data)
        if not rc:
            stopped.append(True)
        return rc

    headers = [f"{CHECKSUM_HEADER}={digest.md5}"]
    transfer_options = dict(config.retry_options(), VSIS3_CHUNK_SIZE=str(part_mb))
    with bucket_options(config), thread_local_options(transfer_options):
        if not existing_known:
            existing = head(config, key, cancel=prog.cancelled)
        existed = existing is not None
        attempt = 0
        ok = False
        errs: List[str] = []
        pending: List[str] = []
        try:
            while True:
                attempt += 1
                ok, errs = _transfer(local_path, dst, method, part_size, threads, headers, callback)
                pending += _abort_left_uploads(dst, errs)
                if ok or stopped or transfer_prog.cancelled():
                    break
                # GDAL's write errors are generic ("DoSinglePartPUT ... failed"): ask the bucket what is wrong
                found, errno, message, messages = probe_path(config.prefix)
                if not found:
                    problem, text = classify(config, errno, message, messages)
                    if problem not in TRANSIENT_PROBLEMS:
                        note = _cleanup_failed(config, key, existed, digest)
                        raise S3Error(
                            f"Upload of {local_path} to s3://{config.bucket}/{key} failed: {text}{note}", problem
                        )
                if attempt > config.max_retry:
                    break
                backoff(config, attempt, prog.cancelled)
        except Cancelled:
            _cleanup_failed(config, key, existed, digest)
            raise
        if not ok:
            cleanup = _cleanup_failed(config, key, existed, digest)
            if stopped or transfer_prog.cancelled():
                raise Cancelled()
            reason = config.scrub(errs[-1]) if errs else "GDAL gave no reason (a request in one of its worker threads)"
            raise S3Error(
                f"Upload of {local_path} to s3://{config.bucket}/{key} failed after {attempt} attempts: {reason}."
                f"{_pending_note(pending, config, key)}{cleanup} Try again later; check the bucket with Test "
                "connection.",
                PROBLEM_UNAVAILABLE,
            )
        try:
            remote = head(config, key, cancel=prog.cancelled)
        except S3Error as exc:
            raise S3Error(
                f"Upload of {local_path} to s3://{config.bucket}/{key} could not be verified: {exc}", exc.problem
            ) from None
        if remote is None:
            raise S3Error(
                f"Upload of {local_path} to s3://{config.bucket}/{key} could not be verified: S3 reports no object "
                "at the key after a successful transfer; try again."
            )
        same, how = same_content(remote, digest)
        if not same:
            raise S3Error(
                f"Upload of {local_path} to s3://{config.bucket}/{key} could not be verified: the object holds "
                f"{how}; it is not registered. Try again."
            )
    prog(1.0, f"uploaded {key}")
    return UploadResult(
        key=key,
        size=size,
        seconds=time.perf_counter() - start,
        method=method,
        replaced=existed,
        md5=digest.md5,
        attempts=attempt,
        how=how,
    )


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
        raise S3Error(f"Cannot upload {local_path}: the file does not exist.")
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
            raise S3ExistsError(
                f"s3://{config.bucket}/{key} already exists with {how}; it is left untouched: choose another path "
                "template, or allow overwriting (OVERWRITE) to replace it."
            )
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
        raise S3Error(f"The tile path {tile_path!r} must contain (BAND), e.g. tile1/(BAND).tif.")
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
