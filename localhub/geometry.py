"""GeoJSON geometries as the BYOC API handles them: CRS members, CRS84 storage, reprojection, bboxes."""

from __future__ import annotations

import json
import re
import threading
from typing import Any, Dict, Optional, Sequence, Tuple

from osgeo import ogr, osr

from .errors import bad_payload

MAX_COVER_POINTS = 100
_CRS_PATTERNS = (
    re.compile(r"^urn:ogc:def:crs:EPSG:[0-9.]*:(\d+)$", re.IGNORECASE),
    re.compile(r"^EPSG:(\d+)$", re.IGNORECASE),
    re.compile(r"^https?://www\.opengis\.net/def/crs/EPSG/0/(\d+)$", re.IGNORECASE),
)
_CRS84_NAMES = {
    "urn:ogc:def:crs:ogc:1.3:crs84",
    "http://www.opengis.net/def/crs/ogc/1.3/crs84",
    "https://www.opengis.net/def/crs/ogc/1.3/crs84",
    "crs84",
}
_local = threading.local()

ogr.UseExceptions()
osr.UseExceptions()


def crs_urn(epsg: int) -> str:
    """The only CRS name form sentinelhub-py parses reliably: ``urn:ogc:def:crs:EPSG::<code>``."""
    return f"urn:ogc:def:crs:EPSG::{epsg}"


def epsg_from_crs_member(crs: Any) -> int:
    """EPSG code of a GeoJSON ``crs`` member (None = WGS84 lon/lat)."""
    if crs is None:
        return 4326
    name = None
    if isinstance(crs, dict):
        props = crs.get("properties")
        if isinstance(props, dict):
            name = props.get("name")
    if not isinstance(name, str):
        raise bad_payload(
            'Geometry \'crs\' must look like {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}}.',
            "coverGeometry.crs",
        )
    if name.strip().lower() in _CRS84_NAMES:
        return 4326
    for pattern in _CRS_PATTERNS:
        match = pattern.match(name.strip())
        if match:
            return int(match.group(1))
    raise bad_payload(
        f"Unsupported CRS name {name!r} in the geometry: use urn:ogc:def:crs:EPSG::<code>.", "coverGeometry.crs"
    )


def _srs(epsg: int) -> osr.SpatialReference:
    cache = getattr(_local, "srs", None)
    if cache is None:
        cache = _local.srs = {}
    srs = cache.get(epsg)
    if srs is None:
        srs = osr.SpatialReference()
        try:
            srs.ImportFromEPSG(int(epsg))
        except RuntimeError:
            raise bad_payload(f"Unknown CRS EPSG:{epsg}.", "coverGeometry.crs") from None
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        cache[epsg] = srs
    return srs


def _transform(src: int, dst: int) -> osr.CoordinateTransformation:
    cache = getattr(_local, "ct", None)
    if cache is None:
        cache = _local.ct = {}
    key = (src, dst)
    ct = cache.get(key)
    if ct is None:
        ct = cache[key] = osr.CoordinateTransformation(_srs(src), _srs(dst))
    return ct


def count_points(geometry: Dict[str, Any]) -> int:
    """Number of positions of a Polygon or MultiPolygon (closing points included)."""
    coords = geometry.get("coordinates") or []
    if geometry.get("type") == "Polygon":
        return sum(len(ring) for ring in coords)
    return sum(len(ring) for poly in coords for ring in poly)


def parse_cover(geometry: Any, field_name: str = "coverGeometry") -> Tuple[ogr.Geometry, int]:
    """Validate a cover geometry (Polygon/MultiPolygon, ≤ 100 points, known CRS); return (OGR geometry, EPSG)."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        raise bad_payload(f"'{field_name}' must be a GeoJSON Polygon or MultiPolygon.", field_name)
    if not isinstance(geometry.get("coordinates"), list):
        raise bad_payload(f"'{field_name}' needs a 'coordinates' array.", field_name)
    epsg = epsg_from_crs_member(geometry.get("crs"))
    try:
        points = count_points(geometry)
    except TypeError:
        raise bad_payload(f"'{field_name}' has malformed coordinates.", field_name) from None
    if points > MAX_COVER_POINTS:
        raise bad_payload(
            f"'{field_name}' has {points} points; at most {MAX_COVER_POINTS} are allowed. Simplify the outline.",
            field_name,
        )
    plain = {"type": geometry["type"], "coordinates": geometry["coordinates"]}
    try:
        geom = ogr.CreateGeometryFromJson(json.dumps(plain))
    except (RuntimeError, TypeError, ValueError):
        geom = None
    if geom is None or geom.IsEmpty():
        raise bad_payload(f"'{field_name}' is not a valid GeoJSON polygon (check the coordinates).", field_name)
    _srs(epsg)
    return geom, epsg


def reproject(geom: ogr.Geometry, src: int, dst: int) -> ogr.Geometry:
    """A reprojected copy of ``geom``."""
    out = geom.Clone()
    if src != dst:
        out.Transform(_transform(src, dst))
    return out


def to_geojson(geom: ogr.Geometry, epsg: int) -> Dict[str, Any]:
    """GeoJSON dict with the ``crs`` member as the service writes it (none for WGS84)."""
    plain = json.loads(geom.ExportToJson())
    out: Dict[str, Any] = {"type": plain["type"]}
    if epsg != 4326:
        out["crs"] = {"type": "name", "properties": {"name": crs_urn(epsg)}}
    out["coordinates"] = plain["coordinates"]
    return out


def from_geojson(geometry: Dict[str, Any]) -> Tuple[ogr.Geometry, int]:
    """OGR geometry and EPSG of a stored GeoJSON dict (already validated)."""
    epsg = epsg_from_crs_member(geometry.get("crs"))
    plain = {"type": geometry["type"], "coordinates": geometry["coordinates"]}
    return ogr.CreateGeometryFromJson(json.dumps(plain)), epsg


def bbox_polygon(bounds: Sequence[float]) -> ogr.Geometry:
    """Polygon of ``(minx, miny, maxx, maxy)`` (counter-clockwise from the lower left)."""
    minx, miny, maxx, maxy = bounds
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((minx, miny), (maxx, miny), (maxx, maxy), (minx, maxy), (minx, miny)):
        ring.AddPoint_2D(float(x), float(y))
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def wgs84_bbox(geom: ogr.Geometry, epsg: int) -> Tuple[float, float, float, float]:
    """Lon/lat envelope of ``geom`` (given in EPSG ``epsg``)."""
    g = reproject(geom, epsg, 4326)
    minx, maxx, miny, maxy = g.GetEnvelope()
    return minx, miny, maxx, maxy


def polygon_dict(bounds: Sequence[float]) -> Dict[str, Any]:
    """A plain GeoJSON Polygon (no ``crs``) of a bbox, e.g. the collection ``extent``."""
    minx, miny, maxx, maxy = (float(v) for v in bounds)
    return {
        "type": "Polygon",
        "coordinates": [[[minx, miny], [maxx, miny], [maxx, maxy], [minx, maxy], [minx, miny]]],
    }


def degrees_to_meters(value: float) -> float:
    """Length of ``value`` degrees along the equator in meters (how resolution limits treat WGS84 pixels)."""
    return value * 111319.49079327357


def normalized_cover(geometry: Any) -> Optional[Dict[str, Any]]:
    """The cover as it is echoed back before ingestion: same coordinates, ``crs`` in urn form (none for WGS84)."""
    if geometry is None:
        return None
    _, epsg = parse_cover(geometry)
    out: Dict[str, Any] = {"type": geometry["type"]}
    if epsg != 4326:
        out["crs"] = {"type": "name", "properties": {"name": crs_urn(epsg)}}
    out["coordinates"] = geometry["coordinates"]
    return out
