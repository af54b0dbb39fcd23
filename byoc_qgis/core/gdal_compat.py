"""Small shims over GDAL's Python bindings: version checks and error handling that work in both exception modes.

The plugin runs on GDAL 3.6 (Debian 12) and newer. Code here never changes GDAL's process-wide exception mode
(QGIS and other plugins share it); instead every call is checked both ways (``None`` return and ``RuntimeError``).
"""

from __future__ import annotations

import contextlib
from typing import Callable, Iterator, List, Optional

from osgeo import gdal

GDAL_VERSION_NUM = int(gdal.VersionInfo("VERSION_NUM"))


class GdalError(RuntimeError):
    """A GDAL call failed; the message is GDAL's own text (never contains credentials: paths only)."""


def gdal_at_least(major: int, minor: int = 0) -> bool:
    """True when the running GDAL is at least ``major.minor``."""
    return GDAL_VERSION_NUM >= major * 1000000 + minor * 10000


def has_copy_file() -> bool:
    """``gdal.CopyFile`` exists (GDAL >= 3.7)."""
    return hasattr(gdal, "CopyFile")


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
    return call(gdal.OpenEx, path, flags, what=path)


def try_open_raster(path: str) -> Optional[gdal.Dataset]:
    """Open a raster read-only or return None (no error printed)."""
    try:
        return open_raster(path)
    except GdalError:
        return None
