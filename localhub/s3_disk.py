"""On-disk copy of localhub's own S3 server: buckets and objects under ``<data-dir>/s3/``.

Layout: ``index.sqlite`` (WAL, synchronous=NORMAL like localhub's store) lists buckets and objects (key, size,
ETag, part sizes, content type, headers, user metadata, the server's last-modified time) and names each object's blob
file in ``blobs/``. A blob is written to a temporary file, fsynced and renamed before the index row that names it is
committed, so a crash leaves either the old or the new version of an object, never a torn one; blobs no index row
names are removed on open.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Dict, Iterable, Iterator, List, Optional

CHUNK = 1024 * 1024

_SCHEMA = """
CREATE TABLE IF NOT EXISTS buckets (
    name TEXT PRIMARY KEY,
    region TEXT
);
CREATE TABLE IF NOT EXISTS objects (
    bucket TEXT NOT NULL REFERENCES buckets(name) ON DELETE CASCADE,
    key TEXT NOT NULL,
    blob TEXT NOT NULL,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    parts TEXT,
    content_type TEXT,
    headers TEXT NOT NULL DEFAULT '{}',
    metadata TEXT NOT NULL DEFAULT '{}',
    last_modified REAL,
    PRIMARY KEY (bucket, key)
);
"""


@dataclass
class StoredObject:
    """One object as kept on disk (``blob`` is a file name inside ``blobs/``)."""

    bucket: str
    key: str
    blob: str
    size: int
    etag: str
    # sizes of the parts of a multipart upload (reproduces its "<md5>-<n>" ETag on restore), else None
    parts: Optional[List[int]] = None
    content_type: Optional[str] = None
    # standard headers worth keeping (boto3 parameter names: ContentEncoding, CacheControl, ...)
    headers: Dict[str, str] = field(default_factory=dict)
    metadata: Dict[str, str] = field(default_factory=dict)
    # the S3 server's LastModified (POSIX seconds) when this copy was taken or restored
    last_modified: Optional[float] = None


class S3Disk:
    """The index and blob files of one ``<data-dir>/s3`` directory (thread-safe)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.blobs = self.root / "blobs"
        self.blobs.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(self.root / "index.sqlite"), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(_SCHEMA)
        self._remove_orphans()

    def __repr__(self) -> str:
        return f"S3Disk(root={str(self.root)!r})"

    def close(self) -> None:
        """Close the index."""
        with self._lock:
            self._db.close()

    # buckets

    def buckets(self) -> Dict[str, Optional[str]]:
        """Bucket name → region (None = the default region)."""
        with self._lock:
            return dict(self._db.execute("SELECT name, region FROM buckets ORDER BY name").fetchall())

    def put_bucket(self, name: str, region: Optional[str]) -> None:
        """Record a bucket (or update its region)."""
        with self._lock:
            self._db.execute(
                "INSERT INTO buckets (name, region) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET region=excluded.region",
                (name, region),
            )

    def delete_bucket(self, name: str) -> None:
        """Forget a bucket, its objects and their blobs."""
        with self._lock:
            blobs = [row[0] for row in self._db.execute("SELECT blob FROM objects WHERE bucket=?", (name,))]
            self._db.execute("DELETE FROM buckets WHERE name=?", (name,))
        self._unlink(blobs)

    # objects

    def objects(self, bucket: str) -> Dict[str, StoredObject]:
        """The bucket's objects by key."""
        with self._lock:
            rows = self._db.execute(
                "SELECT bucket, key, blob, size, etag, parts, content_type, headers, metadata, last_modified "
                "FROM objects WHERE bucket=?",
                (bucket,),
            ).fetchall()
        return {row[1]: _from_row(row) for row in rows}

    def get(self, bucket: str, key: str) -> Optional[StoredObject]:
        """One object, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT bucket, key, blob, size, etag, parts, content_type, headers, metadata, last_modified "
                "FROM objects WHERE bucket=? AND key=?",
                (bucket, key),
            ).fetchone()
        return _from_row(row) if row else None

    def count(self) -> int:
        """How many objects are kept."""
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM objects").fetchone()[0])

    def write_blob(self, chunks: Iterable[bytes]) -> str:
        """Stream ``chunks`` to a new blob file (fsynced); return its name. Not in the index until :meth:`put`."""
        name = uuid.uuid4().hex
        tmp = self.blobs / f"{name}.tmp"
        try:
            with open(tmp, "wb") as out:
                for chunk in chunks:
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.blobs / name)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return name

    def discard_blob(self, name: str) -> None:
        """Remove a blob that never made it into the index."""
        self._unlink([name])

    def has_blob(self, obj: StoredObject) -> bool:
        """Whether the object's blob file is there (someone may have deleted files by hand)."""
        return (self.blobs / obj.blob).is_file()

    def open_blob(self, obj: StoredObject) -> BinaryIO:
        """The object's bytes as a binary file."""
        return open(self.blobs / obj.blob, "rb")  # noqa: SIM115 - the caller closes it

    def put(self, obj: StoredObject) -> None:
        """Record ``obj`` (its blob already written), replacing and then removing the previous blob of that key."""
        with self._lock:
            old = self._db.execute(
                "SELECT blob FROM objects WHERE bucket=? AND key=?", (obj.bucket, obj.key)
            ).fetchone()
            self._db.execute("INSERT OR IGNORE INTO buckets (name, region) VALUES (?, NULL)", (obj.bucket,))
            self._db.execute(
                "INSERT OR REPLACE INTO objects "
                "(bucket, key, blob, size, etag, parts, content_type, headers, metadata, last_modified) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    obj.bucket,
                    obj.key,
                    obj.blob,
                    obj.size,
                    obj.etag,
                    json.dumps(obj.parts) if obj.parts else None,
                    obj.content_type,
                    json.dumps(obj.headers, sort_keys=True),
                    json.dumps(obj.metadata, sort_keys=True),
                    obj.last_modified,
                ),
            )
        if old and old[0] != obj.blob:
            self._unlink([old[0]])

    def set_last_modified(self, bucket: str, times: Dict[str, float]) -> None:
        """Update the server's last-modified times of a bucket's objects (after a restore)."""
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany(
                "UPDATE objects SET last_modified=? WHERE bucket=? AND key=?",
                [(when, bucket, key) for key, when in times.items()],
            )
            self._db.execute("COMMIT")

    def delete(self, bucket: str, key: str) -> None:
        """Forget an object and remove its blob."""
        with self._lock:
            old = self._db.execute("SELECT blob FROM objects WHERE bucket=? AND key=?", (bucket, key)).fetchone()
            self._db.execute("DELETE FROM objects WHERE bucket=? AND key=?", (bucket, key))
        if old:
            self._unlink([old[0]])

    # housekeeping

    def _unlink(self, names: Iterable[str]) -> None:
        for name in names:
            (self.blobs / name).unlink(missing_ok=True)

    def _remove_orphans(self) -> None:
        known = {row[0] for row in self._db.execute("SELECT blob FROM objects")}
        for path in self._iter_blob_files():
            if path.name not in known:
                path.unlink(missing_ok=True)

    def _iter_blob_files(self) -> Iterator[Path]:
        yield from (p for p in self.blobs.iterdir() if p.is_file())


def _from_row(row: tuple) -> StoredObject:
    return StoredObject(
        bucket=row[0],
        key=row[1],
        blob=row[2],
        size=int(row[3]),
        etag=row[4],
        parts=json.loads(row[5]) if row[5] else None,
        content_type=row[6],
        headers=json.loads(row[7] or "{}"),
        metadata=json.loads(row[8] or "{}"),
        last_modified=row[9],
    )
