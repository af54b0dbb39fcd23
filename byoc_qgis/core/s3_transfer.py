"""One GDAL transfer of a local file to a /vsis3/ path: ``gdal.Sync``'s multi-threaded multipart upload or a write
handle in the calling thread, and the abort of multipart uploads GDAL left behind. No retries, no verification
(that is :func:`.s3_upload.upload`'s job)."""

from __future__ import annotations

import os
import re
import time
from typing import List, Sequence, Tuple

from osgeo import gdal

from .gdal_compat import collect_errors, has_multipart_api

METHOD_AUTO = "auto"
METHOD_SYNC = "sync"  # gdal.Sync's multi-threaded multipart upload (per-path options needed: GDAL >= 3.6)
METHOD_STREAM = "stream"  # a /vsis3/ write handle in the calling thread: single PUTs, and multipart on GDAL < 3.6


_UPLOAD_ID = re.compile(r"uploadId=([^)\s]+)")


def abort_left_uploads(dst: str, messages: Sequence[str]) -> List[str]:
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


def transfer(
    local_path: str, dst: str, method: str, part_size: int, threads: int, headers: List[str], callback
) -> Tuple[bool, List[str]]:
    """One GDAL transfer of ``local_path`` to ``dst`` by ``method`` (sync or stream); (ok, GDAL's messages).

    ``callback`` is GDAL's progress callback (for "stream": called with the fraction done only)."""
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
