"""Geometry helpers of the cover tracer: vertex counts, polygon-only results, validity, the raster footprint and
GeoJSON in and out (with the ``crs`` member BYOC expects)."""

from __future__ import annotations

import json
import math
from typing import Optional

from osgeo import ogr


def count_points(geom: ogr.Geometry) -> int:
    """All vertices of all rings and parts, closing points included."""
    n = geom.GetGeometryCount()
    if n == 0:
        return geom.GetPointCount()
    return sum(count_points(geom.GetGeometryRef(i)) for i in range(n))


def polygonal(geom: Optional[ogr.Geometry]) -> Optional[ogr.Geometry]:
    """Keep only polygon parts (intersections can add lines/points); None when nothing is left."""
    if geom is None or geom.IsEmpty():
        return None
    flat = ogr.GT_Flatten(geom.GetGeometryType())
    if flat in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        return geom
    if flat == ogr.wkbGeometryCollection:
        multi = ogr.Geometry(ogr.wkbMultiPolygon)
        for i in range(geom.GetGeometryCount()):
            part = geom.GetGeometryRef(i)
            pf = ogr.GT_Flatten(part.GetGeometryType())
            if pf == ogr.wkbPolygon:
                multi.AddGeometry(part)
            elif pf == ogr.wkbMultiPolygon:
                for j in range(part.GetGeometryCount()):
                    multi.AddGeometry(part.GetGeometryRef(j))
        return multi if multi.GetGeometryCount() else None
    return None


def single_if_one(geom: ogr.Geometry) -> ogr.Geometry:
    """A MultiPolygon of one part as that Polygon; anything else unchanged."""
    if ogr.GT_Flatten(geom.GetGeometryType()) == ogr.wkbMultiPolygon and geom.GetGeometryCount() == 1:
        return geom.GetGeometryRef(0).Clone()
    return geom


def made_valid(geom: ogr.Geometry) -> ogr.Geometry:
    """``geom`` when it is valid, else its repaired polygonal form (MakeValid, or Buffer(0) before GDAL 3.3)."""
    if geom.IsValid():
        return geom
    fixed = geom.MakeValid() if hasattr(geom, "MakeValid") else geom.Buffer(0)
    return polygonal(fixed) or geom


def extent_polygon(gt: tuple, width: int, height: int) -> ogr.Geometry:
    """The footprint of a raster of ``width`` x ``height`` pixels with geotransform ``gt``."""
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for c, r in ((0, 0), (width, 0), (width, height), (0, height), (0, 0)):
        ring.AddPoint_2D(gt[0] + gt[1] * c + gt[2] * r, gt[3] + gt[4] * c + gt[5] * r)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def coordinate_precision(pixel: float) -> int:
    """Decimals that keep coordinates well below a thousandth of a full-resolution pixel (>= 3)."""
    if pixel <= 0:
        return 3
    return max(3, int(math.ceil(-math.log10(pixel / 1000.0))))


def to_geojson(geom: ogr.Geometry, epsg: Optional[int], precision: int = 3) -> dict:
    """GeoJSON dict of ``geom`` with ``crs`` = urn:ogc:def:crs:EPSG::<code> (no ``crs`` member for EPSG:4326)."""
    out = json.loads(geom.ExportToJson([f"COORDINATE_PRECISION={precision}"]))
    if epsg is not None and int(epsg) != 4326:
        out = {
            "type": out["type"],
            "crs": {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{int(epsg)}"}},
            "coordinates": out["coordinates"],
        }
    return out


def geometry_from_geojson(obj: dict) -> ogr.Geometry:
    """OGR geometry from a GeoJSON dict (the ``crs`` member is ignored)."""
    clean = {k: v for k, v in obj.items() if k != "crs"}
    return ogr.CreateGeometryFromJson(json.dumps(clean))


def area(g: Optional[ogr.Geometry]) -> float:
    """Area of ``g`` (0 for None or empty)."""
    return g.GetArea() if g is not None and not g.IsEmpty() else 0.0
