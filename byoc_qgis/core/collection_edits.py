"""What the service still allows to change on a collection, checked before anything is sent.

Once a collection has tiles the service accepts a new name, new band names (same bands, same order and types) and a
new no-data value; the bucket is then fixed. :func:`edit_collection` applies such edits to a copy and refuses the
rest with a :class:`CollectionEditError` that carries a code and its parameters, so that the dialog and the
``byoc:updatecollection`` algorithm word the same refusal in the user's language.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Optional, Sequence

from .models import Band, Collection

__all__ = [
    "CollectionEditError",
    "edit_collection",
    "EMPTY_NAME",
    "BUCKET_FIXED",
    "BAD_BUCKET",
    "BAND_COUNT",
    "BAND_TWICE",
]

EMPTY_NAME = "empty_name"
BUCKET_FIXED = "bucket_fixed"
BAD_BUCKET = "bad_bucket"
BAND_COUNT = "band_count"
BAND_TWICE = "band_twice"

_ENGLISH = {
    EMPTY_NAME: "The collection name is empty",
    BUCKET_FIXED: "The bucket of a collection with tiles cannot change",
    BAD_BUCKET: "Give the bucket name only (no s3://, no folder)",
    BAND_COUNT: "Give one new name per band ({count} bands: {bands}); bands cannot be added or removed here",
    BAND_TWICE: "Band names must be different",
}


class CollectionEditError(ValueError):
    """An edit the service would refuse: ``code`` (one of the constants above) and ``params`` for its wording."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params: Dict[str, Any] = params
        super().__init__(_ENGLISH[code].format(**params))


def edit_collection(
    original: Collection,
    name: str,
    bucket: str,
    band_names: Sequence[str],
    nodata: Optional[float],
    has_tiles: bool,
) -> Collection:
    """``original`` with a new name, bucket, band names (in the bands' order) and no-data value.

    Raises :class:`CollectionEditError` for what the service does not allow, and ValueError (from
    :class:`~.models.Band`) for a band name that is not a JavaScript identifier. ``original`` is not changed.
    """
    if not name.strip():
        raise CollectionEditError(EMPTY_NAME)
    if has_tiles and bucket != original.s3_bucket:
        raise CollectionEditError(BUCKET_FIXED)
    if not bucket.strip() or "/" in bucket or bucket.startswith("s3://"):
        raise CollectionEditError(BAD_BUCKET)
    updated = copy.deepcopy(original)
    updated.name = name.strip()
    updated.s3_bucket = bucket.strip()
    updated.no_data = nodata
    old = list(original.bands.items())
    new_names: List[str] = list(band_names)
    if new_names != [n for n, _b in old]:
        if len(new_names) != len(old):
            raise CollectionEditError(BAND_COUNT, count=len(old), bands=", ".join(n for n, _b in old))
        if len(set(new_names)) != len(new_names):
            raise CollectionEditError(BAND_TWICE)
        bands: Dict[str, Band] = {}
        for new_name, (old_name, band) in zip(new_names, old):
            renamed = copy.deepcopy(band)
            if renamed.source is None:
                renamed.source = old_name  # the files keep their names: only the band is renamed
            renamed.name = new_name
            Band(new_name)  # validates the name (a JavaScript identifier)
            bands[new_name] = renamed
        updated.bands = bands
    return updated
