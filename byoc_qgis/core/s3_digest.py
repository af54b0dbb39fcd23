"""Content digests: whether an S3 object holds a local file's bytes, never decided by size alone.

:func:`file_digest` reads a file once for its MD5 and its multipart ETag; :func:`same_content` compares them with an
object's ETag (single-part MD5, or multipart ETag for our part size or a common one) or the checksum our uploads
store in the object's metadata.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from .progress import Progress
from .s3 import MIB, RemoteObject
from .worded import WordedText

# part sizes tried when an object's multipart ETag was not written with our part size (GDAL's default 50 MiB,
# the AWS CLI's 8 MiB, common tool defaults)
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
    whole = hashlib.md5(usedforsecurity=False)  # S3's ETag algorithm, not a security use
    parts: List[bytes] = []
    part = hashlib.md5(usedforsecurity=False)
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
                part = hashlib.md5(usedforsecurity=False)
                in_part = 0
            if done % (64 * block) < block:
                prog(done / max(1, size), "checksum")
    if in_part or not parts:
        parts.append(part.digest())
    multipart = hashlib.md5(b"".join(parts), usedforsecurity=False).hexdigest() + f"-{len(parts)}"
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
        return False, WordedText("how-size", size=remote.size, local_size=local.size)
    etag_says = _etag_matches(remote, local)
    if etag_says is True:
        return True, WordedText("how-same-multipart" if remote.multipart_parts else "how-same-md5")
    if remote.md5:
        if remote.md5 == local.md5:
            return True, WordedText("how-same-stored-md5")
        return False, WordedText("how-md5-differs")
    if etag_says is False:
        return False, WordedText("how-checksum-differs")
    n = remote.multipart_parts
    if n:
        return False, WordedText("how-parts-unknown", parts=n)
    return False, WordedText("how-no-checksum")


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
