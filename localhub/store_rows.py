"""BYOC rows in their wire form: tiles and collections as the real service writes them (key order, absent values
left out), the JSON columns, and the collection ``search`` syntax."""

from __future__ import annotations

import json
from typing import Any, Dict, Optional, Sequence

from .wire import format_sensing_time

TILE_COLS = (
    "id, created, ingestion_start, sensing_time, cover, cover_given, tile_geometry, path, status, additional_data"
)
COLLECTION_COLS = (
    "id, user_id, account_id, name, s3_bucket, bands, extra, meta, created, no_data, requires_metadata_update"
)


def loads(text: Optional[str]) -> Any:
    """A JSON column's value (None stays None)."""
    return None if text is None else json.loads(text)


def dumps(value: Any) -> Optional[str]:
    """A value as a compact JSON column (None stays NULL)."""
    return None if value is None else json.dumps(value, separators=(",", ":"))


def tile_wire(row: Sequence[Any]) -> Dict[str, Any]:
    """Wire form of a tile row (``TILE_COLS`` order) in the real key order; absent values are left out."""
    tid, created, ingestion_start, sensing, cover, cover_given, tile_geometry, path, status, additional = row
    out: Dict[str, Any] = {"id": tid, "created": created}
    if ingestion_start is not None:
        out["ingestionStart"] = ingestion_start
    if sensing is not None:
        out["sensingTime"] = format_sensing_time(sensing)
    cover_text = cover if cover is not None else cover_given
    if cover_text is not None:
        out["coverGeometry"] = json.loads(cover_text)
    if tile_geometry is not None:
        out["tileGeometry"] = json.loads(tile_geometry)
    out["path"] = path
    out["status"] = status
    if additional is not None:
        out["additionalData"] = json.loads(additional)
    return out


def collection_wire(row: Sequence[Any]) -> Dict[str, Any]:
    """Wire form of a collection row (``COLLECTION_COLS`` order)."""
    cid, user_id, account_id, name, bucket, bands, extra, meta, created, no_data, requires_update = row
    additional: Dict[str, Any] = {}
    bands_value = loads(bands)
    if bands_value:
        additional["bands"] = bands_value
    additional.update(loads(meta) or {})
    additional.update(loads(extra) or {})
    out: Dict[str, Any] = {"id": cid}
    if user_id:
        out["userId"] = user_id
    out["accountId"] = account_id
    out["name"] = name
    out["s3Bucket"] = bucket
    out["additionalData"] = additional
    out["created"] = created
    if no_data is not None:
        out["noData"] = json.loads(no_data)
    out["requiresMetadataUpdate"] = bool(requires_update)
    out["isConfigured"] = bool(bands_value)
    return out


def search_matches(query: str, fields: Sequence[str]) -> bool:
    """Collection ``search``: words joined by ``|`` (or) and ``&`` (and; binds tighter), case-insensitive
    substring match against name, id or bucket."""
    haystack = [f.lower() for f in fields if f]
    for group in query.split("|"):
        words = [w.strip().lower() for w in group.split("&") if w.strip()]
        if words and all(any(w in h for h in haystack) for w in words):
            return True
    return False
