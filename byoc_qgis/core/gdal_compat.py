"""Small shims over GDAL's Python bindings: version probing, fallbacks and error handling in both exception modes.

The plugin supports GDAL 3.4 and newer (QGIS 3.22..3.28 often run with GDAL 3.4/3.5). Features of newer GDALs are
probed here, in one place, and each has a fallback or a one-sentence "needs GDAL x.y" message:

* per-path options (``gdal.SetPathSpecificOption``, GDAL >= 3.6): per-bucket S3 credentials and endpoints; on older
  GDAL the same options are set as *thread-local* configuration options of the thread doing the S3 work
  (:func:`thread_local_options`), which GDAL reads when a /vsis3/ file is opened or written;
* ``gdal.CopyFile`` (GDAL >= 3.7) is probed but not used for uploads: on GDAL 3.10 it deletes the target when a
  transfer fails or is cancelled, an object that existed before included (uploads use a write handle and
  ``gdal.Sync``'s multipart upload, see :mod:`.s3_upload`);
* the multipart-upload API (``gdal.MultipartUploadAbort``, GDAL >= 3.10): aborting exactly the upload a failed
  transfer left pending; before, its id is reported instead.

Tests force the fallbacks on a newer GDAL with :func:`force_fallbacks` (or ``BYOC_GDAL_FALLBACKS=1`` in the
environment of a ``qgis_process`` run).

Code here never changes GDAL's process-wide exception mode (QGIS and other plugins share it); instead every call is
checked both ways (``None`` return and ``RuntimeError``).
"""

from __future__ import annotations

import contextlib
import os
import threading
from typing import Callable, Dict, Iterator, List, Mapping, Optional, Tuple

from osgeo import gdal

GDAL_VERSION_NUM = int(gdal.VersionInfo("VERSION_NUM"))
GDAL_RELEASE = gdal.VersionInfo("RELEASE_NAME")
MIN_GDAL = (3, 4)

# VSIErrorNum values (cpl_vsi_error.h; stable since GDAL 2.x, not exported by the Python bindings)
VSIE_NONE = 0
VSIE_FILE_ERROR = 1
VSIE_HTTP_ERROR = 2  # curl: connection refused, dropped, timed out (message starts with "CURL error")
VSIE_STORAGE_ERROR = 5  # any other S3 error body: SlowDown, InternalError, ServiceUnavailable, ...
VSIE_ACCESS_DENIED = 6
VSIE_BUCKET_NOT_FOUND = 7
VSIE_OBJECT_NOT_FOUND = 8
VSIE_INVALID_CREDENTIALS = 9  # no credentials, unknown access key
VSIE_SIGNATURE_MISMATCH = 10  # wrong secret key
VSI_STAT_EXISTS_FLAG = getattr(gdal, "VSI_STAT_EXISTS_FLAG", 0x1)
VSI_STAT_NATURE_FLAG = getattr(gdal, "VSI_STAT_NATURE_FLAG", 0x2)
VSI_STAT_SET_ERROR_FLAG = getattr(gdal, "VSI_STAT_SET_ERROR_FLAG", 0x8)

_forced = threading.local()
_FORCE_ENV = "BYOC_GDAL_FALLBACKS"


class GdalError(RuntimeError):
    """A GDAL call failed; the message is GDAL's own text (never contains credentials: paths only)."""


def gdal_at_least(major: int, minor: int = 0) -> bool:
    """True when the running GDAL is at least ``major.minor``."""
    return GDAL_VERSION_NUM >= major * 1000000 + minor * 10000


def _fallbacks_forced() -> bool:
    forced = getattr(_forced, "value", None)
    if forced is not None:
        return forced
    return os.environ.get(_FORCE_ENV, "").strip().lower() in ("1", "yes", "true", "on")


@contextlib.contextmanager
def force_fallbacks(enabled: bool = True) -> Iterator[None]:
    """Within the block (in this thread), behave as on the oldest supported GDAL: no per-path options, no
    ``gdal.CopyFile``, no multipart-upload API. For tests of the fallbacks on a newer GDAL (GDAL's own worker
    threads are not "this thread": code forced into the fallback must not rely on them)."""
    previous = getattr(_forced, "value", None)
    _forced.value = enabled
    try:
        yield
    finally:
        _forced.value = previous


def gdal_version_text() -> str:
    """The running GDAL's version, e.g. ``3.6.2``."""
    return GDAL_RELEASE


def needs_gdal(feature: str, major: int, minor: int) -> str:
    """One sentence: ``feature`` needs GDAL ``major.minor``, and which GDAL this is."""
    return f"{feature} needs GDAL {major}.{minor} or newer; this QGIS runs GDAL {GDAL_RELEASE}."


def has_path_specific_options() -> bool:
    """``gdal.SetPathSpecificOption`` exists (GDAL >= 3.6) and is not forced off."""
    return hasattr(gdal, "SetPathSpecificOption") and not _fallbacks_forced()


def has_copy_file() -> bool:
    """``gdal.CopyFile`` exists (GDAL >= 3.7) and is not forced off."""
    return hasattr(gdal, "CopyFile") and not _fallbacks_forced()


def has_multipart_api() -> bool:
    """GDAL's multipart-upload functions exist (``gdal.MultipartUploadAbort``, GDAL >= 3.10), not forced off."""
    return hasattr(gdal, "MultipartUploadAbort") and not _fallbacks_forced()


def _get_thread_local(key: str) -> Optional[str]:
    getter = getattr(gdal, "GetThreadLocalConfigOption", None)
    if getter is None:  # very old bindings: assume nothing was set in this thread
        return None
    return getter(key, None)


@contextlib.contextmanager
def thread_local_options(options: Mapping[str, Optional[str]]) -> Iterator[None]:
    """Set GDAL configuration options for the current thread only while the block runs; restore the previous
    thread-local values afterwards (other threads, e.g. QGIS's renderers, never see them)."""
    previous: Dict[str, Optional[str]] = {}
    try:
        for key, value in options.items():
            previous[key] = _get_thread_local(key)
            gdal.SetThreadLocalConfigOption(key, value)
        yield
    finally:
        for key, value in previous.items():
            gdal.SetThreadLocalConfigOption(key, value)


def vsi_error() -> Tuple[int, str]:
    """``(VSIErrorNum, message)`` of the last /vsi failure in this thread (see ``VSIE_*``)."""
    try:
        return int(gdal.VSIGetLastErrorNo()), str(gdal.VSIGetLastErrorMsg() or "")
    except (AttributeError, RuntimeError):
        return VSIE_NONE, ""


def vsi_error_reset() -> None:
    """Forget the last /vsi failure of this thread."""
    if hasattr(gdal, "VSIErrorReset"):
        gdal.VSIErrorReset()


def clear_vsicurl_cache(path: str) -> None:
    """Forget what GDAL cached about ``path`` (existence, size, headers, listings, blocks)."""
    if hasattr(gdal, "VSICurlPartialClearCache"):
        gdal.VSICurlPartialClearCache(path)
    else:  # pragma: no cover - GDAL < 2.4
        gdal.VSICurlClearCache()


def has_footprint() -> bool:
    """``gdal.Footprint`` exists (GDAL >= 3.8)."""
    return hasattr(gdal, "Footprint")


@contextlib.contextmanager
def collect_errors() -> Iterator[List[str]]:
    """Silence GDAL's error printing and collect the messages of failures and warnings raised meanwhile."""
    messages: List[str] = []

    def handler(err_class, err_no, msg):  # noqa: ARG001 - GDAL's handler signature
        if err_class >= gdal.CE_Warning and msg:
            messages.append(str(msg).strip())

    gdal.PushErrorHandler(handler)
    try:
        yield messages
    finally:
        gdal.PopErrorHandler()


def call(fn: Callable, *args, what: str = "", **kwargs):
    """Call a GDAL function; raise :class:`GdalError` with GDAL's message if it fails in either exception mode.

    ``what`` prefixes the message (e.g. the file name) so users know which input failed.
    """
    with collect_errors() as messages:
        try:
            gdal.ErrorReset()
            result = fn(*args, **kwargs)
        except RuntimeError as exc:
            msg = str(exc) or (messages[-1] if messages else "unknown GDAL error")
            raise GdalError(f"{what}: {msg}" if what else msg) from None
    if result is None:
        msg = messages[-1] if messages else (gdal.GetLastErrorMsg() or "unknown GDAL error")
        raise GdalError(f"{what}: {msg}" if what else msg)
    return result


def open_raster(path: str, update: bool = False) -> gdal.Dataset:
    """Open a raster (local or /vsi path); raise :class:`GdalError` naming the file when GDAL cannot."""
    flags = gdal.OF_RASTER | (gdal.OF_UPDATE if update else gdal.OF_READONLY)
    vsi_error_reset()  # describe_unreadable() reads the /vsi error of this open, not an older one
    return call(gdal.OpenEx, path, flags, what=path)


def try_open_raster(path: str) -> Optional[gdal.Dataset]:
    """Open a raster read-only or return None (no error printed)."""
    try:
        return open_raster(path)
    except GdalError:
        return None


_REMOTE_PREFIXES = ("/vsis3/", "/vsicurl", "/vsigs/", "/vsiaz/", "/vsioss/", "/vsiswift/", "/vsiadls/")


#: why a file cannot be opened, by stable id: ``(reason, fix)``; a reason of None is the storage's own answer.
#: ``byoc_qgis.wording`` keeps the same texts as tr() literals (tests/test_wording.py checks they match).
UNREADABLE_TEXTS: Dict[str, Tuple[Optional[str], str]] = {
    "missing-object": ("the object does not exist", "Check the tile path and the (BAND) file names in the bucket."),
    "access-refused": ("access refused", "Check the bucket name and the S3 credentials of the connection."),
    "storage-error": ("the storage did not answer", "Check the S3 endpoint and try again later."),
    "empty-object": ("not a raster (0 bytes)", "Upload the file again: the object is empty."),
    "not-raster-object": (
        "not a raster (unreadable)",
        "Upload a GeoTIFF: GDAL recognises no raster format in this object.",
    ),
    "missing-file": ("the file does not exist", "Check the path."),
    "folder": ("a folder, not a raster file", "Give the raster files in the folder, or the folder as FOLDER."),
    "empty-file": (
        "not a raster (0 bytes)",
        "Provide the raster again: the file is empty (an interrupted copy or export?).",
    ),
    "not-raster-file": (
        "not a raster (unreadable)",
        "Provide a GeoTIFF: GDAL recognises no raster format in this file (wrong extension, or a damaged or "
        "interrupted download?).",
    ),
}


def describe_unreadable(path: str) -> Tuple[str, str]:
    """Why GDAL cannot open ``path`` as a raster, as ``(reason, fix)``: a missing file, "not a raster (0 bytes)",
    "not a raster (unreadable)" for a file GDAL recognises no raster format in, or (remote files) the storage's
    answer. Call right after the failed open (it reads this thread's last /vsi error). The texts are
    :data:`UNREADABLE_TEXTS` (:func:`unreadable_id` finds the id of a pair)."""
    if path.startswith(_REMOTE_PREFIXES):
        errno, message = vsi_error()
        if errno == VSIE_NONE:  # the open did not say why: ask for the object with error reporting on
            clear_vsicurl_cache(path)
            with collect_errors():
                try:
                    gdal.VSIStatL(path, VSI_STAT_EXISTS_FLAG | VSI_STAT_SET_ERROR_FLAG)
                except RuntimeError:
                    pass
            errno, message = vsi_error()
        if errno == VSIE_OBJECT_NOT_FOUND:
            return _unreadable("missing-object")
        if errno in (VSIE_ACCESS_DENIED, VSIE_INVALID_CREDENTIALS, VSIE_SIGNATURE_MISMATCH, VSIE_BUCKET_NOT_FOUND):
            return _unreadable("access-refused", message)
        if errno in (VSIE_HTTP_ERROR, VSIE_STORAGE_ERROR):
            return _unreadable("storage-error", message)
        stat = gdal.VSIStatL(path)
        if stat is not None and stat.size == 0:
            return _unreadable("empty-object")
        return _unreadable("not-raster-object")
    if not os.path.exists(path):
        return _unreadable("missing-file")
    if os.path.isdir(path):
        return _unreadable("folder")
    if os.path.getsize(path) == 0:
        return _unreadable("empty-file")
    return _unreadable("not-raster-file")


def _unreadable(key: str, storage_answer: str = "") -> Tuple[str, str]:
    reason, fix = UNREADABLE_TEXTS[key]
    return storage_answer or reason or "", fix


def unreadable_id(reason: str, fix: str) -> Tuple[str, bool]:
    """The :data:`UNREADABLE_TEXTS` id of a ``(reason, fix)`` from :func:`describe_unreadable`, and whether the
    reason is that id's own text (False: the storage's answer); ``("", False)`` when no id has this fix."""
    for key, (known_reason, known_fix) in UNREADABLE_TEXTS.items():
        if known_fix == fix:
            return key, reason == known_reason
    return "", False
