"""Per-bucket S3 options that stay set while map layers read from the bucket (batch result mosaics over /vsis3/).

:func:`~byoc_qgis.core.s3.bucket_options` sets a bucket's GDAL options (endpoint, region, keys) only for the
duration of a block. A map layer on a VRT whose sources are ``/vsis3/<bucket>/...`` files reads them whenever QGIS
renders it, in QGIS's own threads, so the options must stay set as long as the layer exists. :func:`hold_bucket`
keeps them set on behalf of an *owner* (the layer's source, e.g. the VRT file) until :func:`release_bucket`; the
QGIS side releases an owner when no layer uses it any more (``processing.algorithms.batch.watch_project``) and
everything at plugin unload (:func:`release_all`).

Holds are entries of the same reference-counted per-bucket options as :func:`bucket_options` (GDAL >= 3.6
path-specific options, seen by every thread): the keys stay inside GDAL's option table and never enter a layer URI,
the VRT, a project file or a log. While a hold is active, other work on the same bucket with *different* settings
is refused by :func:`bucket_options` with a worded :class:`~byoc_qgis.core.s3.S3Error` (same settings are fine).

GDAL 3.4/3.5 only have thread-local options, which QGIS's render threads do not see: :func:`hold_bucket` returns
False there and the caller says so (the layers then need GDAL's own credential chain, e.g. ``AWS_*`` variables).
"""

from __future__ import annotations

import contextlib
import threading
from typing import Dict, Iterable, List, Tuple

from .gdal_compat import has_path_specific_options
from .s3 import S3Config, bucket_options

__all__ = ["hold_bucket", "release_bucket", "release_unused", "release_all", "held_buckets", "can_hold"]

_lock = threading.RLock()
_holds: Dict[str, Tuple[str, contextlib.AbstractContextManager]] = {}  # owner -> (bucket, entered options)


def can_hold() -> bool:
    """True when options can be kept set for every thread (GDAL >= 3.6)."""
    return has_path_specific_options()


def hold_bucket(config: S3Config, owner: str) -> bool:
    """Keep ``config``'s options set for ``/vsis3/<bucket>`` until :func:`release_bucket` (``owner``).

    Holding again for the same owner replaces its hold (new settings take effect once no other user holds the old
    ones). Returns False when this GDAL cannot keep options for other threads (< 3.6); raises
    :class:`~byoc_qgis.core.s3.S3Error` when the bucket is in use with other settings.
    """
    if not can_hold():
        return False
    with _lock:
        release_bucket(owner)
        options = bucket_options(config)
        options.__enter__()  # noqa: PLC2801 - held open on purpose; exited by release_bucket
        _holds[owner] = (config.bucket, options)
    return True


def release_bucket(owner: str) -> bool:
    """End ``owner``'s hold (its bucket's options are cleared once nobody uses them); False if it held none."""
    with _lock:
        held = _holds.pop(owner, None)
    if held is None:
        return False
    held[1].__exit__(None, None, None)
    return True


def release_unused(in_use: Iterable[str]) -> List[str]:
    """Release every owner not in ``in_use`` (e.g. the sources of the layers still in the project); return them."""
    keep = set(in_use)
    with _lock:
        gone = [owner for owner in _holds if owner not in keep]
    for owner in gone:
        release_bucket(owner)
    return gone


def release_all() -> None:
    """Release every hold (plugin unload)."""
    with _lock:
        owners = list(_holds)
    for owner in owners:
        release_bucket(owner)


def held_buckets() -> Dict[str, str]:
    """Owner → bucket of the current holds (no settings, no keys)."""
    with _lock:
        return {owner: bucket for owner, (bucket, _cm) in _holds.items()}
