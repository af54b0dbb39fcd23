# Over 500 lines on purpose: every S3 call here (options, checks, listing, delete) follows the data-safety rules below.
"""S3 through GDAL's /vsis3/ (no boto3): per-bucket options, worded errors, definite existence checks, listing
tiles, delete. Uploads are in :mod:`.s3_upload`, the bucket check in :mod:`.s3_check`, the wording of errors in
:mod:`.s3_errors`, the grouping of listed files into tiles in :mod:`.tile_groups`.

Options: credentials and endpoint are set per bucket with ``gdal.SetPathSpecificOption("/vsis3/<bucket>", ...)``
(GDAL >= 3.6) inside :func:`bucket_options` and cleared when it exits (never ``gdal.SetConfigOption``: that is
process-global inside QGIS). On GDAL 3.4/3.5 the same options are thread-local configuration options of the thread
doing the S3 work (see :mod:`.gdal_compat`). Keys never appear in paths, URIs, reprs, logs or exception texts
(GDAL's messages are scrubbed).

Data safety, the rules every function here follows:

* **Only a definite "not found" means absent.** Existence checks retry transient errors (5xx, SlowDown,
  dropped connections) and then raise :class:`S3Error`; they never answer "absent" for an error.
* **Content, not size.** An existing object counts as the same file when its MD5 matches: the ETag of a single-part
  upload, the multipart ETag computed with the part size, or the ``x-amz-meta-byoc-md5`` checksum each upload
  stores. Uploads are verified the same way.
* **Retries on every GDAL.** Uploads run with GDAL's retry options as thread-local options (GDAL 3.6 ignores
  per-path retry options for writes) and, around that, a retry loop of ours with exponential backoff for what GDAL
  does not retry (dropped connections).
* **Only what this call created is cleaned up.** GDAL aborts the multipart upload it started when a transfer fails
  or is cancelled; when that abort itself fails, the upload id from GDAL's message is aborted exactly (GDAL >= 3.10)
  or named in the error (older GDAL). Nobody else's pending uploads are ever listed or aborted. A failed upload
  sends a DELETE for the key only when the key did not exist before and now holds this call's bytes.
"""

from __future__ import annotations

import contextlib
import random
import re
import stat as _stat
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple

from osgeo import gdal

from .gdal_compat import (
    VSI_STAT_EXISTS_FLAG,
    VSI_STAT_NATURE_FLAG,
    VSI_STAT_SET_ERROR_FLAG,
    VSIE_NONE,
    VSIE_OBJECT_NOT_FOUND,
    clear_vsicurl_cache,
    collect_errors,
    has_path_specific_options,
    needs_gdal,
    thread_local_options,
    vsi_error,
    vsi_error_reset,
)
from .progress import Cancelled, Progress
from .s3_errors import (  # noqa: F401 - the problem codes and classify are re-exported (s3_check, s3_upload, tests)
    PROBLEM_ACCESS_DENIED,
    PROBLEM_BAD_KEY,
    PROBLEM_BAD_SECRET,
    PROBLEM_DROPPED,
    PROBLEM_MISSING_BUCKET,
    PROBLEM_NO_CREDENTIALS,
    PROBLEM_NOT_WRITABLE,
    PROBLEM_OTHER,
    PROBLEM_UNAVAILABLE,
    PROBLEM_UNREACHABLE,
    TRANSIENT_PROBLEMS,
    classify,
    classify_worded,
    s3_text,
    status_of,
)
from .tile_groups import PatternError, TileGroup, group_files, pattern_regex

#: user metadata header with the MD5 (hex) of the uploaded file, written by every upload of this module
CHECKSUM_HEADER = "x-amz-meta-byoc-md5"
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.\-_]{1,254}$|^[A-Za-z0-9_\-]+:[a-z0-9][a-z0-9.\-_]{1,254}$")
MIB = 1024 * 1024
# part sizes tried when an object's multipart ETag was not written with our part size (GDAL's default 50 MiB,
# the AWS CLI's 8 MiB, common tool defaults)
_COMMON_PARTMIB = (5, 8, 10, 15, 16, 32, 50, 64, 100, 128)


class S3Error(RuntimeError):
    """An S3 operation failed; the message names the bucket/key and the fix, never credentials.

    ``problem`` is one of the ``PROBLEM_*`` codes when the cause is known ("" otherwise). When core worded the
    message from :data:`.s3_errors.S3_TEMPLATES`: ``key``/``params`` are the problem's sentence and ``context``/
    ``context_params`` what was being done ("cannot-check" ...), so the layers above core can word it again.
    """

    def __init__(
        self,
        message: str,
        problem: str = "",
        key: str = "",
        params: Optional[Dict[str, str]] = None,
        context: str = "",
        context_params: Optional[Dict[str, str]] = None,
    ) -> None:
        super().__init__(message)
        self.problem = problem
        self.key, self.params = key, dict(params or {})
        self.context, self.context_params = context, dict(context_params or {})


def worded_error(problem: str, key: str, params: Dict[str, str], context: str, **context_params: str) -> S3Error:
    """An :class:`S3Error` whose message is S3_TEMPLATES ``context`` around the problem's sentence ``key``."""
    text = s3_text(key, params)
    return S3Error(s3_text(context, {**context_params, "text": text}), problem, key, params, context, context_params)


class S3ExistsError(S3Error):
    """An object exists at the key with other content, and overwriting was not allowed."""


GDAL_REQUEST_RETRIES = 2  # GDAL's retries inside one request; our loops retry the whole operation on top
BACKOFF_CAP_S = 8.0  # longest pause between two of our retries


@dataclass(frozen=True)
class S3Config:
    """Where a bucket lives and how to reach it. Secrets are hidden from repr.

    ``max_retry``/``retry_delay``: how often our loops around checks, listings and uploads retry a transient
    problem (503/SlowDown, 5xx, dropped connections) and the first delay in seconds, doubled on each retry up to
    :data:`BACKOFF_CAP_S`. GDAL's own per-request retries are capped at :data:`GDAL_REQUEST_RETRIES` so the two
    do not multiply into minutes. Seven retries make a whole run survive ~20 % failing requests (0.2⁸ per
    operation); a persisting outage is reported after about a minute.
    """

    bucket: str
    access_key: str = field(default="", repr=False)
    secret_key: str = field(default="", repr=False)
    session_token: str = field(default="", repr=False)
    region: str = "eu-central-1"
    endpoint: str = ""  # "host[:port]" or "http(s)://host[:port]"; empty = AWS
    https: Optional[bool] = None  # None: from the endpoint's scheme, default True
    virtual_hosting: Optional[bool] = None  # None: path style for custom endpoints, virtual hosting on AWS
    no_sign_request: bool = False  # public bucket
    max_retry: int = 7
    retry_delay: float = 1.0

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

    @property
    def where(self) -> str:
        """The endpoint for messages: ``host:port`` or ``AWS S3 (region)``."""
        endpoint = re.sub(r"^https?://", "", self.endpoint.strip(), flags=re.I).rstrip("/")
        return endpoint or f"AWS S3 ({self.region or 'us-east-1'})"

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
        opts.update(self.retry_options())
        opts["GDAL_HTTP_CONNECTTIMEOUT"] = "15"  # an unreachable endpoint fails in seconds, not curl's 5 minutes
        opts["GDAL_DISABLE_READDIR_ON_OPEN"] = "EMPTY_DIR"
        return opts

    def retry_options(self) -> Dict[str, str]:
        """GDAL's retry options for this bucket's requests."""
        retries = max(0, min(self.max_retry, GDAL_REQUEST_RETRIES))
        return {"GDAL_HTTP_MAX_RETRY": str(retries), "GDAL_HTTP_RETRY_DELAY": str(self.retry_delay)}

    def scrub(self, text: str) -> str:
        """``text`` with every secret of this config replaced by ***."""
        for secret in (self.secret_key, self.access_key, self.session_token):
            if secret:
                text = text.replace(secret, "***")
        return text


# -- per-bucket options ------------------------------------------------------------------------------------------
_lock = threading.Lock()
_active: Dict[str, Tuple[int, Tuple]] = {}  # bucket prefix -> (users, options fingerprint), path-specific mode
_local = threading.local()  # .active: {prefix: [users, fingerprint, context manager]}, thread-local mode


@contextlib.contextmanager
def bucket_options(config: S3Config) -> Iterator[S3Config]:
    """Set the bucket's GDAL options for /vsis3/<bucket> while the block runs; clear them afterwards.

    GDAL >= 3.6: path-specific options, seen by every thread (GDAL's worker threads too). Nested use with the same
    config is fine (reference counted); a different config for a bucket that is in use raises :class:`S3Error`
    instead of silently switching credentials under a running transfer.

    GDAL 3.4/3.5 (or :func:`~.gdal_compat.force_fallbacks`): thread-local configuration options of the calling
    thread, which GDAL reads when it opens or writes a /vsis3/ file (its multipart worker threads get the
    credentials from the handle the calling thread built). One bucket at a time per thread.
    """
    if not has_path_specific_options():
        with _thread_local_bucket(config):
            yield config
        return
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
                clear_vsicurl_cache(prefix)
            else:
                _active[prefix] = (users - 1, current)


@contextlib.contextmanager
def _thread_local_bucket(config: S3Config) -> Iterator[None]:
    active: Dict[str, list] = getattr(_local, "active", None) or {}
    _local.active = active
    prefix = config.prefix
    opts = config.gdal_options()
    fingerprint = tuple(sorted(opts.items()))
    entry = active.get(prefix)
    if entry is None and active:
        other = next(iter(active))
        raise S3Error(
            f"Bucket {config.bucket} cannot be used while {other[len('/vsis3/') :]} is in use in the same task: "
            + needs_gdal("Several buckets at once", 3, 6)
        )
    if entry is not None and entry[1] != fingerprint:
        raise S3Error(f"Bucket {config.bucket} is in use with other settings; wait for that transfer to finish.")
    if entry is None:
        cm = thread_local_options(opts)
        cm.__enter__()
        entry = active[prefix] = [0, fingerprint, cm]
    entry[0] += 1
    try:
        yield
    finally:
        entry[0] -= 1
        if entry[0] <= 0:
            del active[prefix]
            entry[2].__exit__(None, None, None)
            clear_vsicurl_cache(prefix)


def vsis3_path(config: S3Config, key: str) -> str:
    """``/vsis3/<bucket>/<key>`` (the key without leading slash)."""
    return f"{config.prefix}/{key.lstrip('/')}" if key else config.prefix


def check_key(config: S3Config, key: str) -> str:
    key = key.strip().lstrip("/")
    if not key or key.endswith("/") or "//" in key:
        raise S3Error(
            f"Invalid object key {key!r} in bucket {config.bucket}: give the full key of the file, e.g. "
            "tile1/B02.tif (no leading or trailing slash, no //)."
        )
    return key


# -- retry ---------------------------------------------------------------------------------------------------------
def backoff(config: S3Config, attempt: int, cancelled: Callable[[], bool]) -> None:
    """Sleep before retry ``attempt`` (1, 2, ...): retry_delay doubled each time, with jitter, capped."""
    delay = min(BACKOFF_CAP_S, max(0.0, config.retry_delay) * (2 ** (attempt - 1))) * (0.75 + 0.5 * random.random())  # noqa: S311 # nosec B311 # jitter
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        if cancelled():
            raise Cancelled()
        time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))


def never() -> bool:
    return False


# -- objects ---------------------------------------------------------------------------------------------------------
@dataclass
class ObjectInfo:
    """One object (or implicit prefix) in a bucket."""

    key: str
    size: int
    mtime: int
    is_dir: bool = False


@dataclass(frozen=True)
class RemoteObject:
    """What S3 says about one object: size, ETag (without quotes) and the checksum our uploads store."""

    key: str
    size: int
    etag: str
    md5: str = ""  # from x-amz-meta-byoc-md5 ("" when the object was not uploaded by this plugin)

    @property
    def multipart_parts(self) -> int:
        """Number of parts when the ETag is a multipart ETag (``<md5>-<n>``), else 0."""
        m = re.match(r"^[0-9a-f]{32}-(\d+)$", self.etag)
        return int(m.group(1)) if m else 0


def _headers_once(path: str) -> Tuple[Optional[Dict[str, str]], int, str, List[str]]:
    clear_vsicurl_cache(path)
    vsi_error_reset()
    with collect_errors() as messages:
        try:
            headers = gdal.GetFileMetadata(path, "HEADERS")
        except RuntimeError as exc:
            messages.append(str(exc))
            headers = None
    errno, message = vsi_error()
    return (dict(headers) if headers else None), errno, message, list(messages)


def head(config: S3Config, key: str, cancel: Optional[Callable[[], bool]] = None) -> Optional[RemoteObject]:
    """Size, ETag and stored checksum of ``key``, or None when S3 definitely answered "not found".

    Transient errors are retried (``config.max_retry`` times, with backoff); persisting or other errors raise
    :class:`S3Error` naming the problem and its fix. Never answers None for an error.
    """
    key = check_key(config, key)
    path = vsis3_path(config, key)
    cancelled = cancel or never
    with bucket_options(config):
        attempt = 0
        while True:
            headers, errno, message, messages = _headers_once(path)
            if headers:
                low = {k.lower(): v for k, v in headers.items()}
                etag = low.get("etag", "").strip().strip('"').lower()
                # GDAL reads the headers with a ranged GET: the total size is in Content-Range ("bytes 0-16383/N")
                m = re.search(r"/(\d+)\s*$", low.get("content-range", ""))
                try:
                    size = int(m.group(1)) if m else int(low.get("content-length", "-1"))
                except ValueError:
                    size = -1
                if size < 0:
                    st = gdal.VSIStatL(path)
                    size = int(st.size) if st is not None else -1
                return RemoteObject(key, size, etag, low.get(CHECKSUM_HEADER, "").strip().lower())
            if errno == VSIE_OBJECT_NOT_FOUND or (errno == VSIE_NONE and not messages):
                return None
            problem, wording, params = classify_worded(config, errno, message, messages)
            attempt += 1
            if problem not in TRANSIENT_PROBLEMS or attempt > config.max_retry:
                where = {"bucket": config.bucket, "object": key}
                if attempt > 1:
                    raise worded_error(problem, wording, params, "cannot-check-tries", **where, attempts=str(attempt))
                raise worded_error(problem, wording, params, "cannot-check", **where)
            backoff(config, attempt, cancelled)


def stat(config: S3Config, key: str, cancel: Optional[Callable[[], bool]] = None) -> Optional[ObjectInfo]:
    """Size and modification time of ``key`` (a prefix gives ``is_dir``), or None if it definitely does not exist.

    Errors are retried, then raised as :class:`S3Error` (never reported as "does not exist").
    """
    path = vsis3_path(config, key.strip().lstrip("/"))
    cancelled = cancel or never
    flags = VSI_STAT_EXISTS_FLAG | VSI_STAT_NATURE_FLAG | VSI_STAT_SET_ERROR_FLAG
    with bucket_options(config):
        attempt = 0
        while True:
            clear_vsicurl_cache(path)
            vsi_error_reset()
            with collect_errors() as messages:
                try:
                    st = gdal.VSIStatL(path, flags)
                except RuntimeError as exc:
                    messages.append(str(exc))
                    st = None
            if st is not None:
                if st.IsDirectory():
                    return ObjectInfo(key=key, size=0, mtime=int(st.mtime), is_dir=True)
                full = gdal.VSIStatL(path)  # size and time (the flags above only ask for existence and nature)
                if full is not None:
                    return ObjectInfo(key=key, size=int(full.size), mtime=int(full.mtime))
            errno, message = vsi_error()
            if errno == VSIE_OBJECT_NOT_FOUND or (errno == VSIE_NONE and not messages):
                return None
            problem, wording, params = classify_worded(config, errno, message, messages)
            attempt += 1
            if problem not in TRANSIENT_PROBLEMS or attempt > config.max_retry:
                raise worded_error(problem, wording, params, "cannot-check", bucket=config.bucket, object=key)
            backoff(config, attempt, cancelled)


def probe_path(path: str) -> Tuple[bool, int, str, List[str]]:
    """Stat ``path`` with GDAL's error reporting on: ``(found, VSIErrorNum, message, GDAL's messages)``."""
    clear_vsicurl_cache(path)
    vsi_error_reset()
    with collect_errors() as messages:
        try:
            st = gdal.VSIStatL(path, VSI_STAT_EXISTS_FLAG | VSI_STAT_NATURE_FLAG | VSI_STAT_SET_ERROR_FLAG)
        except RuntimeError as exc:
            messages.append(str(exc))
            st = None
    errno, message = vsi_error()
    return st is not None, errno, message, list(messages)


def delete_object(config: S3Config, key: str, cancelled: Callable[[], bool] = never) -> bool:
    """DELETE ``key`` and confirm it is gone (retrying transient errors); False when that could not be confirmed."""
    path = vsis3_path(config, key)
    with bucket_options(config):
        for attempt in range(1, config.max_retry + 2):
            with collect_errors():
                try:
                    gdal.Unlink(path)
                except RuntimeError:
                    pass
            try:
                if head(config, key, cancel=cancelled) is None:
                    return True
            except S3Error:
                pass
            if attempt <= config.max_retry:
                backoff(config, attempt, cancelled)
    return False


# -- listing -----------------------------------------------------------------------------------------------------------
def list_objects(config: S3Config, prefix: str = "", progress=None, cancel=None) -> List[ObjectInfo]:
    """Every object under ``prefix`` (recursive), keys relative to the bucket, sorted.

    A listing interrupted by an error is retried from the start; persisting errors raise :class:`S3Error` (a
    partial listing is never returned as complete).
    """
    prog = Progress.of(progress, cancel)
    prefix = prefix.strip("/")
    root = vsis3_path(config, prefix)
    attempt = 0
    with bucket_options(config):
        while True:
            attempt += 1
            out, failure = _list_once(config, root, prefix, prog)
            if failure is None:
                break
            problem, wording, params = failure
            if problem not in TRANSIENT_PROBLEMS or attempt > config.max_retry:
                raise worded_error(problem, wording, params, "cannot-list", bucket=config.bucket, prefix=prefix)
            backoff(config, attempt, prog.cancelled)
    prog(1.0, f"{len(out)} objects listed")
    return sorted(out, key=lambda o: o.key)


def _list_once(
    config: S3Config, root: str, prefix: str, prog: Progress
) -> Tuple[List[ObjectInfo], Optional[Tuple[str, str, Dict[str, str]]]]:
    out: List[ObjectInfo] = []
    clear_vsicurl_cache(root)
    vsi_error_reset()
    with collect_errors() as messages:
        d = gdal.OpenDir(root, -1)
        if d is None:
            exists, errno, message, more = probe_path(root)
            if not exists:
                if errno == VSIE_OBJECT_NOT_FOUND or (errno == VSIE_NONE and not more and not messages):
                    return [], None  # nothing under the prefix
                return [], classify_worded(config, errno, message, more or messages)
            d = gdal.OpenDir(root, -1)
            if d is None:
                errno, message = vsi_error()
                return [], classify_worded(config, errno, message, messages)
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
        errno, message = vsi_error()
        if errno != VSIE_NONE and errno != VSIE_OBJECT_NOT_FOUND:
            return [], classify_worded(config, errno, message, messages)
    return out, None


def list_tiles(
    config: S3Config,
    prefix: str = "",
    patterns: Sequence[str] = ("(BAND).tif", "(BAND).tiff"),
    progress=None,
    cancel=None,
) -> List[TileGroup[ObjectInfo]]:
    """List ``prefix`` recursively and group the band files into tiles (:func:`.tile_groups.group_files`: the same
    rule as local folders); ``files`` map band → :class:`ObjectInfo`."""
    try:
        for pattern in patterns:  # a bad pattern is refused before anything is listed
            pattern_regex(pattern)
    except PatternError as exc:
        raise S3Error(str(exc)) from None
    objects = list_objects(config, prefix, progress, cancel)
    return group_files(objects, patterns, key=lambda o: o.key).tiles


def delete(config: S3Config, keys: Sequence[str]) -> None:
    """Delete objects (missing ones are ignored); raises :class:`S3Error` naming the keys that could not be
    confirmed deleted."""
    left = [key for key in keys if not delete_object(config, check_key(config, key))]
    if left:
        raise S3Error(f"Could not delete from bucket {config.bucket}: {', '.join(left)}.")  # noqa: S608 # nosec B608 # a message, no SQL


def read_bytes(config: S3Config, key: str, max_bytes: int = 64 * 1024 * 1024) -> bytes:
    """The content of a (small) object, e.g. to verify an upload byte for byte."""
    path = vsis3_path(config, check_key(config, key))
    with bucket_options(config), collect_errors() as errs:
        f = gdal.VSIFOpenL(path, "rb")
        if f is None:
            raise S3Error(config.scrub(f"Cannot read {path}: {errs[-1] if errs else 'not found'}"))
        try:
            data = gdal.VSIFReadL(1, max_bytes, f)
        finally:
            gdal.VSIFCloseL(f)
    return bytes(data)
