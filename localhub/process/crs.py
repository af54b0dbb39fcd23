"""CRS names as the Process API and BYOC write them, spatial references, and geometry transforms (OGR)."""

from __future__ import annotations

import json
import re
from typing import Optional

from osgeo import ogr, osr

from .errors import bad_payload

CRS84_URL = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"

# The Process API's CRS list (byoc-api.md §8): CRS84/WGS84, Web Mercator, UTM north/south, and national CRSs.
_NATIONAL = frozenset({2154, 2180, 2193, 3003, 3004, 3031, 3035, 3346, 3413, 3416, 3765, 3794, 3844, 3912, 3995})
_NATIONAL |= frozenset({4258, 6933, 27700, 28992, 31370, 32661, 32761})

_URL_EPSG = re.compile(r"^https?://www\.opengis\.net/def/crs/EPSG/0/(\d+)$")
_URN_EPSG = re.compile(r"^urn:ogc:def:crs:EPSG:[0-9.]*:(\d+)$")
_SHORT_EPSG = re.compile(r"^EPSG:(\d+)$", re.IGNORECASE)
_CRS84 = {
    "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
    "https://www.opengis.net/def/crs/OGC/1.3/CRS84",
    "urn:ogc:def:crs:OGC:1.3:CRS84",
    "urn:ogc:def:crs:OGC::CRS84",
    "CRS84",
}


def is_supported_epsg(code: int) -> bool:
    """True for the CRSs the Process API accepts for bounds."""
    return code in (4326, 3857) or 32601 <= code <= 32660 or 32701 <= code <= 32760 or code in _NATIONAL


def parse_crs_name(name: str) -> Optional[int]:
    """EPSG code of an opengis URL, urn, ``EPSG:n`` or CRS84 name (CRS84 → 4326: both are lon,lat here)."""
    text = name.strip()
    if text in _CRS84:
        return 4326
    for pattern in (_URL_EPSG, _URN_EPSG, _SHORT_EPSG):
        match = pattern.match(text)
        if match:
            return int(match.group(1))
    return None


def request_epsg(name: Optional[str], parameter: str = "input->bounds->properties->crs") -> int:
    """EPSG code of a request's ``bounds.properties.crs`` (default CRS84), refusing unsupported ones."""
    if name is None:
        return 4326
    if not isinstance(name, str):
        raise bad_payload(f"Invalid CRS {name!r}.", parameter, "must be a string such as " + CRS84_URL)
    code = parse_crs_name(name)
    if code is None or not is_supported_epsg(code):
        raise bad_payload(
            f"CRS {name} is not supported. Use an opengis URL such as "
            "http://www.opengis.net/def/crs/EPSG/0/4326 with a supported EPSG code.",
            parameter,
            f"unsupported CRS {name}",
        )
    return code


def spatial_ref(epsg: int) -> osr.SpatialReference:
    """A fresh SpatialReference for ``epsg`` with x = easting/longitude (traditional GIS order)."""
    ref = osr.SpatialReference()
    if ref.ImportFromEPSG(int(epsg)) != 0:
        raise ValueError(f"unknown EPSG code {epsg}")
    ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return ref


def transformer(src_epsg: int, dst_epsg: int) -> osr.CoordinateTransformation:
    """Coordinate transformation between two EPSG codes in traditional GIS order."""
    return osr.CoordinateTransformation(spatial_ref(src_epsg), spatial_ref(dst_epsg))


def geojson_epsg(geometry: dict) -> int:
    """EPSG code of a GeoJSON geometry's ``crs`` member (``urn:ogc:def:crs:EPSG::n``); none means WGS84."""
    crs = geometry.get("crs") if isinstance(geometry, dict) else None
    if not crs:
        return 4326
    name = (crs.get("properties") or {}).get("name", "")
    code = parse_crs_name(name)
    if code is None:
        raise ValueError(f"unknown geometry CRS {name!r}")
    return code


def ogr_geometry(geojson: dict) -> ogr.Geometry:
    """OGR geometry from a GeoJSON geometry dict (its ``crs`` member is ignored)."""
    plain = {k: v for k, v in geojson.items() if k != "crs"}
    geom = ogr.CreateGeometryFromJson(json.dumps(plain))
    if geom is None:
        raise ValueError("not a GeoJSON geometry")
    return geom


def reproject(geom: ogr.Geometry, src_epsg: int, dst_epsg: int, segment: Optional[float] = None) -> ogr.Geometry:
    """A copy of ``geom`` transformed from ``src_epsg`` to ``dst_epsg``.

    ``segment`` densifies edges first (in source units) so straight edges stay accurate once curved in the
    target CRS.
    """
    out = geom.Clone()
    if src_epsg == dst_epsg:
        return out
    if segment and segment > 0:
        out.Segmentize(segment)
    if out.Transform(transformer(src_epsg, dst_epsg)) != 0:
        raise ValueError(f"cannot transform geometry from EPSG:{src_epsg} to EPSG:{dst_epsg}")
    return out


def bbox_polygon(minx: float, miny: float, maxx: float, maxy: float) -> ogr.Geometry:
    """Rectangle polygon."""
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((minx, miny), (maxx, miny), (maxx, maxy), (minx, maxy), (minx, miny)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly
