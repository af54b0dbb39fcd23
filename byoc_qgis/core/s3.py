"""S3 through GDAL's /vsis3/ (no boto3): per-bucket options, verified uploads, listing tiles, stat, delete.

Credentials and endpoint are set per bucket with ``gdal.SetPathSpecificOption("/vsis3/<bucket>", ...)`` inside
:func:`bucket_options` and cleared when it exits (never ``gdal.SetConfigOption``: that is process-global inside
QGIS). Keys never appear in paths, URIs, reprs, logs or exception texts (GDAL's messages are scrubbed).

Uploads use ``gdal.CopyFile`` on GDAL >= 3.7 and ``gdal.Sync`` on 3.6, report progress, are verified by size,
and abort pending multipart uploads on failure or cancel.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat as _stat
import threading
import time
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

from osgeo import gdal

from .gdal_compat import collect_errors, has_copy_file
from .progress import Cancelled, Progress

METHOD_AUTO = "auto"
METHOD_COPYFILE = "copyfile"
METHOD_SYNC = "sync"
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.\-_]{1,254}$|^[A-Za-z0-9_\-]+:[a-z0-9][a-z0-9.\-_]{1,254}$")


class S3Error(RuntimeError):
    """An S3 operation failed; the message names the bucket/key, never credentials."""


@dataclass(frozen=True)
class S3Config:
    """Where a bucket lives and how to reach it. Secrets are hidden from repr."""

    bucket: str
    access_key: str = field(default="", repr=False)
    secret_key: str = field(default="", repr=False)
    session_token: str = field(default="", repr=False)
    region: str = "eu-central-1"
    endpoint: str = ""  # "host[:port]" or "http(s)://host[:port]"; empty = AWS
    https: Optional[bool] = None  # None: from the endpoint's scheme, default True
    virtual_hosting: Optional[bool] = None  # None: path style for custom endpoints, virtual hosting on AWS
    no_sign_request: bool = False  # public bucket
    max_retry: int = 3
    retry_delay: float = 5.0

    def __post_init__(self) -> None:
        if not self.bucket or "/" in self.bucket or not _BUCKET.match(self.bucket):
            raise S3Error(
                f"Invalid bucket name {self.bucket!r}: use the bare bucket name (no s3://, no slash), "
                "e.g. my-bucket or PROJECT_ID:bucket on CDSE."
            )

    def __repr__(self) -> str:
        return (
            f"S3Config(bucket={self.bucket!r}, region={self.region!r}, endpoint={self.endpoint!r}, "
            f"credentials={'set' if self.access_key else 'none'})"
        )

    __str__ = __repr__

    @property
    def prefix(self) -> str:
        """The /vsis3/ path of the bucket (no trailing slash: GDAL's path-specific options need that)."""
        return f"/vsis3/{self.bucket}"

    def gdal_options(self) -> Dict[str, str]:
        """The GDAL options for this bucket (contains secrets: never log it)."""
        opts: Dict[str, str] = {"AWS_REGION": self.region or "us-east-1"}
        endpoint = self.endpoint.strip()
        https = self.https
        if endpoint:
            m = re.match(r"^(https?)://", endpoint, re.I)
            if m:
                https = m.group(1).lower() == "https" if https is None else https
                endpoint = endpoint[m.end() :]
            opts["AWS_S3_ENDPOINT"] = endpoint.rstrip("/")  # no scheme before GDAL 3.11
            virtual = False if self.virtual_hosting is None else self.virtual_hosting
        else:
            virtual = True if self.virtual_hosting is None else self.virtual_hosting
        opts["AWS_HTTPS"] = "NO" if https is False else "YES"
        opts["AWS_VIRTUAL_HOSTING"] = "TRUE" if virtual else "FALSE"
        if self.no_sign_request:
            opts["AWS_NO_SIGN_REQUEST"] = "YES"
        else:
            opts["AWS_NO_SIGN_REQUEST"] = "NO"
            if self.access_key:
                opts["AWS_ACCESS_KEY_ID"] = self.access_key
                opts["AWS_SECRET_ACCESS_KEY"] = self.secret_key
            if self.session_token:
                opts["AWS_SESSION_TOKEN"] = self.session_token
        opts["GDAL_HTTP_MAX_RETRY"] = str(self.max_retry)
        opts["GDAL_HTTP_RETRY_DELAY"] = str(self.retry_delay)
        opts["GDAL_DISABLE_READDIR_ON_OPEN"] = "EMPTY_DIR"
        return opts

    def scrub(self, text: str) -> str:
        """``text`` with every secret of this config replaced by ***."""
        for secret in (self.secret_key, self.access_key, self.session_token):
            if secret:
                text = text.replace(secret, "***")
        return text


_lock = threading.Lock()
_active: Dict[str, Tuple[int, Tuple]] = {}  # bucket prefix -> (users, options fingerprint)


@contextlib.contextmanager
def bucket_options(config: S3Config) -> Iterator[S3Config]:
    """Set the bucket's GDAL options for /vsis3/<bucket> while the block runs; clear them afterwards.

    Nested use with the same config is fine (reference counted); a different config for a bucket that is in use
    raises :class:`S3Error` instead of silently switching credentials under a running transfer.
    """
    prefix = config.prefix
    opts = config.gdal_options()
    fingerprint = tuple(sorted(opts.items()))
    with _lock:
        users, current = _active.get(prefix, (0, None))
        if users and current != fingerprint:
            raise S3Error(f"Bucket {config.bucket} is in use with other settings; wait for that transfer to finish.")
        if not users:
            for key, value in opts.items():
                gdal.SetPathSpecificOption(prefix, key, value)
        _active[prefix] = (users + 1, fingerprint)
    try:
        yield config
    finally:
        with _lock:
            users, current = _active[prefix]
            if users <= 1:
                del _active[prefix]
                gdal.ClearPathSpecificOptions(prefix)
                if hasattr(gdal, "VSICurlPartialClearCache"):
                    gdal.VSICurlPartialClearCache(prefix)
            else:
                _active[prefix] = (users - 1, current)


def vsis3_path(config: S3Config, key: str) -> str:
    """``/vsis3/<bucket>/<key>`` (the key without leading slash)."""
    return f"{config.prefix}/{key.lstrip('/')}" if key else config.prefix


def _check_key(config: S3Config, key: str) -> str:
    key = key.strip().lstrip("/")
    if not key or key.endswith("/") or "//" in key:
        raise S3Error(
            f"Invalid object key {key!r} in bucket {config.bucket}: give the full key of the file, e.g. "
            "tile1/B02.tif (no leading or trailing slash, no //)."
        )
    return key


@dataclass
class ObjectInfo:
    """One object (or implicit prefix) in a bucket."""

    key: str
    size: int
    mtime: int
    is_dir: bool = False


def stat(config: S3Config, key: str) -> Optional[ObjectInfo]:
    """Size and modification time of ``key`` (a prefix gives ``is_dir``), or None if it does not exist."""
    with bucket_options(config), collect_errors():
        st = gdal.VSIStatL(vsis3_path(config, key))
    if st is None:
        return None
    return ObjectInfo(key=key, size=int(st.size), mtime=int(st.mtime), is_dir=bool(st.IsDirectory()))


def list_objects(config: S3Config, prefix: str = "", progress=None, cancel=None) -> List[ObjectInfo]:
    """Every object under ``prefix`` (recursive), keys relative to the bucket, sorted."""
    prog = Progress.of(progress, cancel)
    prefix = prefix.strip("/")
    root = vsis3_path(config, prefix)
    out: List[ObjectInfo] = []
    with bucket_options(config), collect_errors() as errs:
        d = gdal.OpenDir(root, -1)
        if d is None:
            st = gdal.VSIStatL(root)
            if st is None:
                if errs and not any("404" in e or "does not exist" in e.lower() for e in errs):
                    raise S3Error(config.scrub(f"Cannot list {root}: {errs[-1]}"))
                return []
            d = gdal.OpenDir(root, -1)
            if d is None:
                raise S3Error(config.scrub(f"Cannot list {root}: {errs[-1] if errs else 'unknown error'}"))
        try:
            while True:
                entry = gdal.GetNextDirEntry(d)
                if entry is None:
                    break
                if len(out) % 500 == 0:
                    prog.check()
                if _stat.S_ISDIR(entry.mode):
                    continue
                key = f"{prefix}/{entry.name}" if prefix else entry.name
                out.append(ObjectInfo(key=key, size=int(entry.size), mtime=int(entry.mtime)))
        finally:
            gdal.CloseDir(d)
    prog(1.0, f"{len(out)} objects listed")
    return sorted(out, key=lambda o: o.key)


@dataclass
class TileListing:
    """Band files of one tile: ``path`` is the BYOC tile path with (BAND), ``files`` band stem -> object."""

    path: str
    files: Dict[str, ObjectInfo]


def _pattern_regex(pattern: str) -> re.Pattern:
    if pattern.count("(BAND)") != 1:
        raise S3Error(f"The file pattern {pattern!r} must contain (BAND) exactly once, e.g. (BAND).tif.")
    before, after = pattern.split("(BAND)")
    return re.compile(
        r"^(?P<tile>(?:.*/)?)" + re.escape(before) + r"(?P<band>[A-Za-z0-9_\-]+)" + re.escape(after) + r"$"
    )


def group_tiles(
    objects: Sequence[ObjectInfo], patterns: Sequence[str] = ("(BAND).tif", "(BAND).tiff")
) -> List[TileListing]:
    """Group objects into tiles by a file-name pattern containing (BAND) (first matching pattern wins).

    ``a/b/B02.tif`` with pattern ``(BAND).tif`` belongs to tile ``a/b/(BAND).tif`` as band ``B02``; with
    ``S2_(BAND)_x.tif`` the band part is taken between the fixed parts.
    """
    regexes = [(p, _pattern_regex(p)) for p in patterns]
    tiles: Dict[str, Dict[str, ObjectInfo]] = {}
    for obj in objects:
        for pattern, rx in regexes:
            m = rx.match(obj.key)
            if m:
                tiles.setdefault(m.group("tile") + pattern, {})[m.group("band")] = obj
                break
    return [TileListing(path, dict(sorted(files.items()))) for path, files in sorted(tiles.items())]


def list_tiles(
    config: S3Config,
    prefix: str = "",
    patterns: Sequence[str] = ("(BAND).tif", "(BAND).tiff"),
    progress=None,
    cancel=None,
) -> List[TileListing]:
    """List ``prefix`` recursively and group the band files into tiles (see :func:`group_tiles`)."""
    return group_tiles(list_objects(config, prefix, progress, cancel), patterns)


@dataclass
class UploadResult:
    """One verified upload."""

    key: str
    size: int
    seconds: float
    method: str
    replaced: bool = False  # an object already existed at ``key`` and now holds the new content


def _abort_pending(config: S3Config, key: str) -> None:
    if not hasattr(gdal, "AbortPendingUploads"):
        return
    folder = key.rsplit("/", 1)[0] if "/" in key else ""
    with collect_errors():
        try:
            gdal.AbortPendingUploads(vsis3_path(config, folder))
        except RuntimeError:
            pass


def _delete_quiet(path: str) -> None:
    with collect_errors():
        try:
            gdal.Unlink(path)
        except RuntimeError:
            pass


def upload(
    config: S3Config,
    local_path: str,
    key: str,
    progress=None,
    cancel=None,
    method: str = METHOD_AUTO,
    threads: int = 4,
    chunk_size_mb: int = 16,
) -> UploadResult:
    """Upload one local file to ``key`` and verify the object's size.

    ``method``: "auto" (``gdal.CopyFile`` on GDAL >= 3.7, ``gdal.Sync`` on 3.6), "copyfile" or "sync".
    ``chunk_size_mb``: multipart part size (>= 5 MB); smaller files go as one PUT. On
    failure or cancel, pending multipart uploads under the key's folder are aborted and an object this call
    created is removed; an object that already existed at ``key`` is never deleted (S3 replaces objects
    atomically, so a failed upload leaves it intact). Raises :class:`S3Error` or :class:`Cancelled`.
    """
    prog = Progress.of(progress, cancel)
    key = _check_key(config, key)
    if not os.path.isfile(local_path):
        raise S3Error(f"Cannot upload {local_path}: the file does not exist.")
    size = os.path.getsize(local_path)
    if method == METHOD_AUTO:
        method = METHOD_COPYFILE if has_copy_file() else METHOD_SYNC
    if method == METHOD_COPYFILE and not has_copy_file():
        raise S3Error("gdal.CopyFile needs GDAL 3.7 or newer; use method 'sync'.")
    if method not in (METHOD_COPYFILE, METHOD_SYNC):
        raise S3Error(f"Unknown upload method {method!r}; use auto, copyfile or sync.")
    dst = vsis3_path(config, key)
    prog.check()  # cancelled before anything was sent: leave the bucket untouched
    start = time.perf_counter()
    cb = prog.gdal_callback(f"uploading {os.path.basename(local_path)}")
    with bucket_options(config):
        with collect_errors():
            existed = gdal.VSIStatL(dst) is not None
        ok = False
        # multipart part size for this object only (MB); files smaller than one part go as a single PUT
        gdal.SetPathSpecificOption(dst, "VSIS3_CHUNK_SIZE", str(max(5, int(chunk_size_mb))))
        with collect_errors() as errs:
            try:
                if method == METHOD_COPYFILE:
                    rc = gdal.CopyFile(local_path, dst, callback=cb)
                    ok = rc == 0
                else:
                    opts = [
                        f"NUM_THREADS={threads}",
                        f"CHUNK_SIZE={chunk_size_mb * 1024 * 1024}",
                        "SYNC_STRATEGY=OVERWRITE",
                    ]
                    ok = bool(gdal.Sync(local_path, dst, options=opts, callback=cb))
            except RuntimeError as exc:
                errs.append(str(exc))
                ok = False
            finally:
                gdal.ClearPathSpecificOptions(dst)
        if not ok:  # a transfer that completed despite a late cancel is verified and kept like any other
            _abort_pending(config, key)
            if not existed:
                _delete_quiet(dst)
            if prog.cancelled():
                raise Cancelled()
            reason = errs[-1] if errs else "unknown error"
            raise S3Error(config.scrub(f"Upload of {local_path} to {dst} failed: {reason}"))
        with collect_errors():
            if hasattr(gdal, "VSICurlPartialClearCache"):
                gdal.VSICurlPartialClearCache(dst)
            st = gdal.VSIStatL(dst)
        if st is None or int(st.size) != size:
            if not existed:
                _delete_quiet(dst)
            found = "nothing" if st is None else f"{int(st.size)} bytes"
            raise S3Error(
                f"Upload of {local_path} to {dst} could not be verified: expected {size} bytes, found {found}."
            )
    prog(1.0, f"uploaded {key}")
    return UploadResult(key=key, size=size, seconds=time.perf_counter() - start, method=method, replaced=existed)


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
    created are deleted; objects that existed before are never deleted (those already replaced keep the new
    content, which the caller reports).
    """
    if "(BAND)" not in tile_path:
        raise S3Error(f"The tile path {tile_path!r} must contain (BAND), e.g. tile1/(BAND).tif.")
    prog = Progress.of(progress, cancel)
    total = sum(os.path.getsize(p) for p in files.values() if os.path.isfile(p)) or 1
    done: List[UploadResult] = []
    offset = 0
    try:
        for stem, path in files.items():
            share = (os.path.getsize(path) if os.path.isfile(path) else 0) / total
            key = tile_path.replace("(BAND)", stem)
            done.append(upload(config, path, key, prog.sub(offset, offset + share), method=method))
            offset += share
    except BaseException:
        with bucket_options(config):
            for r in done:
                if not r.replaced:
                    _delete_quiet(vsis3_path(config, r.key))
        raise
    return done


def delete(config: S3Config, keys: Sequence[str]) -> None:
    """Delete objects (missing ones are ignored)."""
    with bucket_options(config):
        for key in keys:
            _delete_quiet(vsis3_path(config, _check_key(config, key)))


def read_bytes(config: S3Config, key: str, max_bytes: int = 64 * 1024 * 1024) -> bytes:
    """The content of a (small) object, e.g. to verify an upload byte for byte."""
    path = vsis3_path(config, _check_key(config, key))
    with bucket_options(config), collect_errors() as errs:
        f = gdal.VSIFOpenL(path, "rb")
        if f is None:
            raise S3Error(config.scrub(f"Cannot read {path}: {errs[-1] if errs else 'not found'}"))
        try:
            data = gdal.VSIFReadL(1, max_bytes, f)
        finally:
            gdal.VSIFCloseL(f)
    return bytes(data)
