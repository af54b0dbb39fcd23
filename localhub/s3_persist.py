"""Keeps localhub's own (in-memory) moto S3 server and its on-disk copy (:mod:`localhub.s3_disk`) in step.

* :meth:`S3Persister.restore` loads every kept bucket and object into a fresh server before localhub serves.
* :meth:`S3Persister.after_write` is called by :mod:`localhub.moto_server` after each successful write request and
  before its answer leaves, so an acknowledged upload or delete is on disk (write-through): a SIGKILL loses nothing
  that a client was told succeeded.
* :meth:`S3Persister.sync_all` reconciles everything (on clean shutdown, and for requests it cannot attribute).

Objects are streamed between server and disk in 1 MiB chunks; multipart objects are restored with their original
part sizes so their ``"<md5>-<n>"`` ETags stay the same. Only the newest version of each object is kept; bucket
configuration (policies, versioning, CORS, ...) is not.
"""

from __future__ import annotations

import io
import logging
import threading
from typing import Any, BinaryIO, Dict, Optional, Tuple
from urllib.parse import parse_qs, unquote, urlsplit

from .s3_disk import CHUNK, S3Disk, StoredObject

log = logging.getLogger("localhub.s3")

# boto3 parameter names of the standard headers kept with an object (besides Content-Type and user metadata)
KEPT_HEADERS = ("CacheControl", "ContentDisposition", "ContentEncoding", "ContentLanguage")


def _is_missing(exc: Exception) -> bool:
    code = str(getattr(exc, "response", {}).get("Error", {}).get("Code", ""))
    return code in ("404", "NoSuchKey", "NoSuchBucket", "NotFound")


def _status(exc: Exception) -> int:
    return int(getattr(exc, "response", {}).get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)


def _timestamp(value: Any) -> Optional[float]:
    return float(int(value.timestamp())) if value is not None else None


class _FileSlice(io.RawIOBase):
    """A seekable read-only window ``[start, start + length)`` of an open file (one part of a multipart upload)."""

    def __init__(self, handle: BinaryIO, start: int, length: int) -> None:
        self._handle = handle
        self._start = start
        self._length = length
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._length}[whence]
        self._pos = min(max(base + offset, 0), self._length)
        return self._pos

    def read(self, size: int = -1) -> bytes:
        remaining = self._length - self._pos
        if size is None or size < 0 or size > remaining:
            size = remaining
        if size <= 0:
            return b""
        self._handle.seek(self._start + self._pos)
        data = self._handle.read(size)
        self._pos += len(data)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def __len__(self) -> int:
        return self._length


class S3Persister:
    """Copies buckets and objects between an S3 server (through boto3) and an :class:`S3Disk`."""

    def __init__(self, disk: S3Disk, client: Any) -> None:
        self.disk = disk
        self.client = client
        # writes are reconciled one at a time: two requests on one key can never interleave their copies
        self._lock = threading.RLock()
        self.enabled = False  # after_write is a no-op until restore() finished

    def __repr__(self) -> str:
        return f"S3Persister(disk={self.disk!r})"

    # start

    def restore(self) -> Tuple[int, int]:
        """Create every kept bucket and object in the (empty) server; return ``(buckets, objects)``."""
        buckets = self.disk.buckets()
        count = 0
        with self._lock:
            for bucket, region in buckets.items():
                kwargs: Dict[str, Any] = {"Bucket": bucket}
                if region and region != "us-east-1":
                    kwargs["CreateBucketConfiguration"] = {"LocationConstraint": region}
                self.client.create_bucket(**kwargs)
                for obj in self.disk.objects(bucket).values():
                    if not self.disk.has_blob(obj):
                        log.warning(
                            "localhub: S3 object %s/%s dropped: its file %s is missing from %s",
                            bucket,
                            obj.key,
                            obj.blob,
                            self.disk.blobs,
                        )
                        self.disk.delete(bucket, obj.key)
                        continue
                    self._upload(obj)
                    count += 1
                # re-baseline: the server stamped new last-modified times
                self.disk.set_last_modified(
                    bucket, {key: when for key, (_, _, when) in self._listing(bucket).items() if when is not None}
                )
            self.enabled = True
        return len(buckets), count

    def _upload(self, obj: StoredObject) -> None:
        extra: Dict[str, Any] = dict(obj.headers)
        if obj.content_type:
            extra["ContentType"] = obj.content_type
        if obj.metadata:
            extra["Metadata"] = obj.metadata
        with self.disk.open_blob(obj) as handle:
            if not obj.parts:
                self.client.put_object(Bucket=obj.bucket, Key=obj.key, Body=handle, ContentLength=obj.size, **extra)
                return
            upload = self.client.create_multipart_upload(Bucket=obj.bucket, Key=obj.key, **extra)
            done = []
            try:
                start = 0
                for number, length in enumerate(obj.parts, 1):
                    part = self.client.upload_part(
                        Bucket=obj.bucket,
                        Key=obj.key,
                        UploadId=upload["UploadId"],
                        PartNumber=number,
                        Body=_FileSlice(handle, start, length),
                        ContentLength=length,
                    )
                    done.append({"PartNumber": number, "ETag": part["ETag"]})
                    start += length
                self.client.complete_multipart_upload(
                    Bucket=obj.bucket, Key=obj.key, UploadId=upload["UploadId"], MultipartUpload={"Parts": done}
                )
            except Exception:
                self.client.abort_multipart_upload(Bucket=obj.bucket, Key=obj.key, UploadId=upload["UploadId"])
                raise

    # while running

    def after_write(self, method: str, raw_uri: str, host: str, server_host: str) -> None:
        """Bring the disk copy up to date after a successful write request (``raw_uri`` as sent, path-style)."""
        if not self.enabled:
            return
        parts = urlsplit(raw_uri)
        query = parse_qs(parts.query, keep_blank_values=True)
        hostname = host.rsplit(":", 1)[0] if host else server_host
        if parts.path.startswith("/moto-api") or hostname not in (server_host, "localhost", "127.0.0.1"):
            self.sync_all()  # virtual-hosted style or a moto control call: reconcile everything
            return
        bucket, _, key = parts.path.lstrip("/").partition("/")
        bucket, key = unquote(bucket), unquote(key)
        if not bucket:
            self.sync_all()
        elif not key:
            self.sync_bucket(bucket)
        elif "uploads" in query or (method in ("PUT", "DELETE") and "uploadId" in query):
            return  # start/part/abort of a multipart upload: no visible change yet
        else:
            self.sync_key(bucket, key)

    def sync_all(self) -> None:
        """Reconcile every bucket and object."""
        with self._lock:
            live = {b["Name"] for b in self.client.list_buckets().get("Buckets", [])}
            for bucket in set(self.disk.buckets()) - live:
                self.disk.delete_bucket(bucket)
            for bucket in sorted(live):
                self.sync_bucket(bucket)

    def sync_bucket(self, bucket: str) -> None:
        """Reconcile one bucket: record or forget it, copy new/changed objects, forget deleted ones."""
        with self._lock:
            try:
                region = self.client.get_bucket_location(Bucket=bucket).get("LocationConstraint")
            except Exception as exc:
                if not _is_missing(exc):
                    raise
                self.disk.delete_bucket(bucket)
                return
            self.disk.put_bucket(bucket, region or None)
            kept = self.disk.objects(bucket)
            listing = self._listing(bucket)
            for key in set(kept) - set(listing):
                self.disk.delete(bucket, key)
            for key, (etag, size, when) in listing.items():
                old = kept.get(key)
                if old is None or (old.etag, old.size, old.last_modified) != (etag, size, when):
                    self.sync_key(bucket, key)

    def sync_key(self, bucket: str, key: str) -> None:
        """Reconcile one object: copy it when its bytes changed, update its headers, or forget it."""
        with self._lock:
            old = self.disk.get(bucket, key)
            try:
                # one request in the usual case (new bytes); 304 when the bytes are those already kept
                response = self.client.get_object(Bucket=bucket, Key=key, **({"IfNoneMatch": old.etag} if old else {}))
            except Exception as exc:
                if _is_missing(exc):
                    self.disk.delete(bucket, key)
                    return
                if old is None or _status(exc) != 304:
                    raise
                described = self._describe(
                    bucket, key, self.client.head_object(Bucket=bucket, Key=key), old.blob, old.parts
                )
                if described != old:
                    self.disk.put(described)
                return
            self._copy(bucket, key, response)

    def _copy(self, bucket: str, key: str, response: Dict[str, Any]) -> None:
        body = response["Body"]
        try:
            blob = self.disk.write_blob(body.iter_chunks(CHUNK))
        finally:
            body.close()
        try:
            obj = self._describe(bucket, key, response, blob, self._part_sizes(bucket, key, response))
            self.disk.put(obj)
        except BaseException:
            self.disk.discard_blob(blob)
            raise

    def _part_sizes(self, bucket: str, key: str, response: Dict[str, Any]) -> Optional[list]:
        etag = response["ETag"].strip('"')
        count_text = etag.rpartition("-")[2] if "-" in etag else ""
        if not count_text.isdigit():
            return None
        sizes = [
            self.client.head_object(Bucket=bucket, Key=key, PartNumber=n)["ContentLength"]
            for n in range(1, int(count_text) + 1)
        ]
        if sum(sizes) != response["ContentLength"]:  # overwritten meanwhile: the next write reconciles it again
            log.warning("localhub: S3 object %s/%s changed while it was copied to disk", bucket, key)
            return None
        return sizes

    @staticmethod
    def _describe(bucket: str, key: str, response: Dict[str, Any], blob: str, parts: Optional[list]) -> StoredObject:
        return StoredObject(
            bucket=bucket,
            key=key,
            blob=blob,
            size=int(response["ContentLength"]),
            etag=response["ETag"],
            parts=parts,
            content_type=response.get("ContentType"),
            headers={name: response[name] for name in KEPT_HEADERS if response.get(name)},
            metadata=dict(response.get("Metadata") or {}),
            last_modified=_timestamp(response.get("LastModified")),
        )

    def _listing(self, bucket: str) -> Dict[str, Tuple[str, int, Optional[float]]]:
        listing = {}
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for item in page.get("Contents", []):
                listing[item["Key"]] = (item["ETag"], int(item["Size"]), _timestamp(item.get("LastModified")))
        return listing
