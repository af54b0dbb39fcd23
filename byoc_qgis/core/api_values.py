"""The values the Sentinel Hub APIs write the same way everywhere: ISO 8601 times, CRS names (urn, EPSG:, URL,
CRS84) and GeoJSON geometries with their ``crs`` member. Used by the BYOC models, the Process and Batch clients."""

from __future__ import annotations

import copy
import re
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, Tuple, Union

from .worded import WordedError

WGS84 = 4326


# -- time -------------------------------------------------------------------------------------------------------
_TIME_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$"
)


def parse_time(value: Union[str, datetime, None], field_name: str = "time") -> Optional[datetime]:
    """Parse an ISO 8601 time as the service sends it into an aware UTC datetime (``None`` stays ``None``).

    Accepts ``Z``, ``+hh:mm`` or no zone (taken as UTC), no/milli/micro/nano-second fractions, date only.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
    if not isinstance(value, str):
        raise WordedError("time-not-string", field=field_name, type=type(value).__name__)
    m = _TIME_RE.match(value.strip())
    if not m:
        raise WordedError("time-not-iso", field=field_name, value=value)
    year, month, day, hour, minute, second, frac, zone = m.groups()
    micro = int((frac or "0")[:6].ljust(6, "0"))
    tz = timezone.utc
    if zone and zone not in ("Z", "z"):
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        tz = timezone(sign * offset)
    try:
        dt = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), micro, tzinfo=tz
        )
    except ValueError as exc:
        raise WordedError("time-invalid", field=field_name, value=value, error=str(exc)) from None
    return dt.astimezone(timezone.utc) if tz is not timezone.utc else dt


def format_time(value: Union[datetime, str, None]) -> Optional[str]:
    """Format as the service wants: UTC, ``Z``, milliseconds only when non-zero (no sub-ms precision)."""
    if value is None:
        return None
    dt = parse_time(value)
    if dt is None:
        return None
    ms = dt.microsecond // 1000
    base = dt.strftime("%Y-%m-%dT%H:%M:%S")
    return f"{base}.{ms:03d}Z" if ms else f"{base}Z"


# -- CRS --------------------------------------------------------------------------------------------------------
_CRS_PATTERNS = (
    re.compile(r"^urn:ogc:def:crs:EPSG:[\d.]*:(\d+)$", re.I),
    re.compile(r"^EPSG:(\d+)$", re.I),
    re.compile(r"^https?://www\.opengis\.net/def/crs/EPSG/[\d.]+/(\d+)$", re.I),
)
_CRS84 = re.compile(r"^(urn:ogc:def:crs:OGC:[\d.]*:CRS84|https?://www\.opengis\.net/def/crs/OGC/[\d.]+/CRS84)$", re.I)


def parse_crs(value: Any) -> int:
    """EPSG code from any CRS form the service or a user gives; ``None`` → 4326 (WGS84).

    Accepts ``urn:ogc:def:crs:EPSG::N``, ``EPSG:N``, ``http://www.opengis.net/def/crs/EPSG/0/N``, CRS84 (urn or
    URL), an int, and a GeoJSON ``crs`` member (``{"type": "name", "properties": {"name": ...}}``).
    """
    if value is None:
        return WGS84
    if isinstance(value, bool):
        raise WordedError("crs-not-crs", value=value)
    if isinstance(value, int):
        return value
    if isinstance(value, dict):
        props = value.get("properties") or {}
        return parse_crs(props.get("name") if isinstance(props, dict) else None)
    text = str(value).strip()
    if text.isdigit():
        return int(text)
    if _CRS84.match(text):
        return WGS84
    for pat in _CRS_PATTERNS:
        m = pat.match(text)
        if m:
            return int(m.group(1))
    raise WordedError("crs-not-understood", text=text)


def crs_urn(epsg: int) -> str:
    """``urn:ogc:def:crs:EPSG::<code>`` (the form BYOC geometries use)."""
    return f"urn:ogc:def:crs:EPSG::{int(epsg)}"


def crs_url(epsg: int) -> str:
    """``http://www.opengis.net/def/crs/EPSG/0/<code>`` (the form the Process API uses)."""
    return f"http://www.opengis.net/def/crs/EPSG/0/{int(epsg)}"


# -- geometry ---------------------------------------------------------------------------------------------------
class Geometry:
    """A GeoJSON Polygon/MultiPolygon (or other type) with its EPSG code."""

    __slots__ = ("geojson", "epsg")

    def __init__(self, geojson: Dict[str, Any], epsg: int = WGS84) -> None:
        gtype = geojson.get("type") if isinstance(geojson, dict) else None
        if not gtype or "coordinates" not in geojson:
            raise ValueError("geometry: expected a GeoJSON object with 'type' and 'coordinates'")
        self.geojson = {k: v for k, v in geojson.items() if k != "crs"}
        self.epsg = int(epsg)

    @classmethod
    def from_dict(cls, data: Optional[Dict[str, Any]]) -> Optional[Geometry]:
        """From a GeoJSON dict with an optional ``crs`` member (absent = WGS84)."""
        if not data:
            return None
        return cls(data, parse_crs(data.get("crs")))

    def to_dict(self, with_crs: bool = True) -> Dict[str, Any]:
        """GeoJSON with a ``crs`` urn member (omitted for WGS84, as the service does)."""
        out = copy.deepcopy(self.geojson)
        if with_crs and self.epsg != WGS84:
            out["crs"] = {"type": "name", "properties": {"name": crs_urn(self.epsg)}}
        return out

    @property
    def type(self) -> str:
        return self.geojson["type"]

    def bounds(self) -> Tuple[float, float, float, float]:
        """(minx, miny, maxx, maxy) in the geometry's CRS."""
        xs: List[float] = []
        ys: List[float] = []

        def walk(c: Any) -> None:
            if c and isinstance(c[0], (int, float)):
                xs.append(float(c[0]))
                ys.append(float(c[1]))
            else:
                for sub in c:
                    walk(sub)

        walk(self.geojson["coordinates"])
        if not xs:
            raise ValueError("geometry has no coordinates")
        return min(xs), min(ys), max(xs), max(ys)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Geometry) and other.epsg == self.epsg and other.geojson == self.geojson

    def __repr__(self) -> str:
        return f"Geometry({self.type}, EPSG:{self.epsg})"
