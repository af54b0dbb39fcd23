"""Batch Processing tiling grids: the documented grids and the cells (features) an area of interest touches.

Grids (batch-api.md §4): 0 = UTM 20 km (20040 m), 1 = UTM 10 km, 2 = UTM 100 km (100080 m), 3 = WGS84 1°,
6 = LAEA 100 km and 7 = LAEA 20 km (EPSG:3035). Tile pixels = tile size ÷ resolution + 2·buffer.

The service's exact cell lattice is published only as files (``sh-batch-grids``); this module rebuilds it from the
documented facts, so the cell *count and pixel size* match and the positions follow a rule, not the files [I]:

* UTM grids: in each UTM zone (north zones EPSG:326zz above the equator, south zones 327zz below) the cells are
  aligned on multiples of the tile size; the area of interest is cut into its parts per zone strip (6° wide) and
  hemisphere, and every cell whose area overlaps a part is kept (output is per UTM zone, so several CRSs).
  Names follow the service's ``<MGRS square>_<column>_<row>`` form (e.g. ``33TVM_2_3``): the 100 km MGRS square
  holding the cell centre, then the cell's column and row inside that square counted from its west and north
  edges.
* WGS84 grid: 1° cells on whole degrees, named by their south-west corner like ``N45E014`` [I].
* LAEA grids: EEA reference-grid style cells and names, e.g. ``100kmE45N32`` (corner in units of the tile) [I].

Uses OGR/OSR only (no QGIS), so localhub's analysis and the plugin's preview compute the same cells.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from osgeo import ogr, osr

from .worded import WordedError

__all__ = [
    "TilingGrid",
    "GridCell",
    "TILING_GRIDS",
    "get_grid",
    "grid_cells",
    "aoi_wgs84",
    "mgrs_square",
    "estimate_output_bytes",
    "TooManyCells",
]


@dataclass(frozen=True)
class TilingGrid:
    """One tiling grid: id, documented name, tile size (grid units), resolutions and unit."""

    id: int
    name: str
    tile_size: float
    resolutions: Tuple[float, ...]
    unit: str  # "METRE" or "DEGREE"
    kind: str  # "utm", "wgs84" or "laea"
    max_lat: float = 90.0

    def descriptor(self) -> Dict[str, Any]:
        """The service's JSON form ``{id, name, properties: {tileWidth, tileHeight, resolutions, unit}}``."""
        return {
            "id": self.id,
            "name": self.name,
            "properties": {
                "tileWidth": float(self.tile_size),
                "tileHeight": float(self.tile_size),
                "resolutions": [float(r) for r in self.resolutions],
                "unit": self.unit,
            },
        }

    @classmethod
    def from_descriptor(cls, data: Dict[str, Any]) -> TilingGrid:
        """From the service's JSON form; ``kind`` comes from the known grid of that id, else from the name/unit."""
        props = data.get("properties") or {}
        known = TILING_GRIDS.get(data.get("id")) if isinstance(data.get("id"), int) else None
        name = str(data.get("name") or (known.name if known else ""))
        unit = str(props.get("unit") or (known.unit if known else "METRE"))
        if known is not None:
            kind = known.kind
        else:
            kind = "wgs84" if unit == "DEGREE" else ("laea" if "LAEA" in name.upper() else "utm")
        return cls(
            id=int(data.get("id", -1)),
            name=name,
            tile_size=float(props.get("tileWidth") or (known.tile_size if known else 0.0)),
            resolutions=tuple(float(r) for r in props.get("resolutions") or (known.resolutions if known else ())),
            unit=unit,
            kind=kind,
            max_lat=known.max_lat if known else 90.0,
        )

    def check_resolution(self, resolution: Any) -> float:
        """``resolution`` as a float when the grid offers it; ``ValueError`` listing the offered ones otherwise."""
        try:
            value = float(resolution)
        except (TypeError, ValueError):
            value = float("nan")
        for res in self.resolutions:
            if math.isfinite(value) and abs(value - res) <= 1e-9 * res:
                return res
        offered = ", ".join(f"{r:g}" for r in self.resolutions)
        unit = "°" if self.unit == "DEGREE" else " m"
        raise WordedError(
            "grid-resolution", resolution=resolution, grid=self.id, name=self.name, offered=offered, unit=unit
        )

    def tile_pixels(self, resolution: float) -> int:
        """Pixels along one side of a tile without buffer."""
        return int(round(self.tile_size / float(resolution)))


TILING_GRIDS: Dict[int, TilingGrid] = {
    0: TilingGrid(0, "UTM 20km grid", 20040.0, (10.0, 20.0, 30.0, 60.0), "METRE", "utm", 80.7),
    1: TilingGrid(1, "UTM 10km grid", 10000.0, (10.0, 20.0), "METRE", "utm", 80.6),
    2: TilingGrid(2, "UTM 100km grid", 100080.0, (30.0, 60.0, 120.0, 240.0, 360.0), "METRE", "utm", 81.0),
    3: TilingGrid(3, "WGS84 1 degree grid", 1.0, (0.0001, 0.0002), "DEGREE", "wgs84", 90.0),
    6: TilingGrid(6, "LAEA 100km grid", 100000.0, (40.0, 50.0, 100.0), "METRE", "laea", 84.73),
    7: TilingGrid(7, "LAEA 20km grid", 20000.0, (10.0, 20.0), "METRE", "laea", 84.73),
}
LAEA_EPSG = 3035
LAEA_AREA = (-35.58, 24.6, 44.83, 84.73)  # EPSG:3035 area of use (lon/lat)


def get_grid(grid_id: Any) -> TilingGrid:
    """The grid for an id; ``ValueError`` naming the known ids otherwise."""
    try:
        return TILING_GRIDS[int(grid_id)]
    except (KeyError, TypeError, ValueError):
        known = ", ".join(str(k) for k in TILING_GRIDS)
        raise WordedError("grid-unknown", grid=grid_id, known=known) from None


class TooManyCells(ValueError):
    """The area of interest touches more cells than the caller allowed."""


@dataclass(frozen=True)
class GridCell:
    """One cell (feature) of a grid: extent without buffer in its own CRS, and its pixel size with buffer."""

    id: int
    name: str
    epsg: int
    minx: float
    miny: float
    maxx: float
    maxy: float
    resolution: float
    buffer_x: int = 0
    buffer_y: int = 0

    @property
    def width(self) -> int:
        """Pixels across, buffer included."""
        return int(round((self.maxx - self.minx) / self.resolution)) + 2 * int(self.buffer_x)

    @property
    def height(self) -> int:
        """Pixels down, buffer included."""
        return int(round((self.maxy - self.miny) / self.resolution)) + 2 * int(self.buffer_y)

    @property
    def bounds(self) -> Tuple[float, float, float, float]:
        """The rendered extent (buffer included) in the cell's CRS."""
        bx = self.buffer_x * self.resolution
        by = self.buffer_y * self.resolution
        return (self.minx - bx, self.miny - by, self.maxx + bx, self.maxy + by)

    def polygon(self, buffered: bool = False) -> ogr.Geometry:
        """The cell as an OGR polygon in its CRS."""
        box = self.bounds if buffered else (self.minx, self.miny, self.maxx, self.maxy)
        return _box(*box)

    def wkt(self, buffered: bool = False) -> str:
        """WKT of :meth:`polygon`."""
        return self.polygon(buffered).ExportToWkt()

    def wgs84_wkt(self, buffered: bool = False, segments: int = 8) -> str:
        """The cell outline in EPSG:4326 (lon/lat), edges densified so it stays accurate once curved."""
        geom = self.polygon(buffered)
        if self.epsg != 4326:
            minx, miny, maxx, maxy = self.bounds if buffered else (self.minx, self.miny, self.maxx, self.maxy)
            geom.Segmentize(max(maxx - minx, maxy - miny) / max(1, segments))
            geom.Transform(osr.CoordinateTransformation(_srs(self.epsg), _srs(4326)))
        return geom.ExportToWkt()


def estimate_output_bytes(cells: Iterable[GridCell], bands: int = 1, bytes_per_sample: int = 1) -> int:
    """Uncompressed size of every cell's output: Σ width × height × bands × bytes per sample."""
    return sum(c.width * c.height for c in cells) * max(1, int(bands)) * max(1, int(bytes_per_sample))


# -- geometry helpers ---------------------------------------------------------------------------------------------
def _srs(epsg: int) -> osr.SpatialReference:
    ref = osr.SpatialReference()
    try:
        failed = ref.ImportFromEPSG(int(epsg)) != 0
    except RuntimeError:  # osr with exceptions on (set by QGIS, a plugin or GDAL >= 4 defaults) raises instead
        failed = True
    if failed:
        raise WordedError("grid-epsg", epsg=epsg)
    ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return ref


def _box(minx: float, miny: float, maxx: float, maxy: float) -> ogr.Geometry:
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((minx, miny), (maxx, miny), (maxx, maxy), (minx, maxy), (minx, miny)):
        ring.AddPoint_2D(float(x), float(y))
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def _area_geometry(geom: Optional[ogr.Geometry]) -> Optional[ogr.Geometry]:
    """Only the polygonal part of ``geom`` (an intersection may add lines or points); None when it has no area."""
    if geom is None or geom.IsEmpty():
        return None
    if geom.GetArea() <= 0:
        return None
    return geom


def aoi_wgs84(
    geometry: Optional[Dict[str, Any]] = None,
    bbox: Optional[Sequence[float]] = None,
    epsg: int = 4326,
) -> ogr.Geometry:
    """The area of interest in EPSG:4326 (lon/lat): the geometry (GeoJSON Polygon/MultiPolygon), else the bbox;
    both given = their intersection, as the Process API reads ``input.bounds``."""
    import json

    geom = None
    if geometry is not None:
        plain = {k: v for k, v in geometry.items() if k != "crs"}
        geom = ogr.CreateGeometryFromJson(json.dumps(plain))
        if geom is None or geom.IsEmpty():
            raise WordedError("aoi-geometry")
    if bbox is not None:
        if len(bbox) != 4:
            raise WordedError("aoi-bbox")
        x1, y1, x2, y2 = (float(v) for v in bbox)
        box = _box(min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
        geom = box if geom is None else geom.Intersection(box)
    if geom is None:
        raise WordedError("aoi-none")
    if int(epsg) != 4326:
        minx, maxx, miny, maxy = geom.GetEnvelope()
        geom = geom.Clone()
        geom.Segmentize(max(maxx - minx, maxy - miny) / 64.0 or 1.0)
        try:
            failed = geom.Transform(osr.CoordinateTransformation(_srs(epsg), _srs(4326))) != 0
        except RuntimeError:  # raised instead of returned when osr/ogr exceptions are on
            failed = True
        if failed:
            raise WordedError("aoi-transform", epsg=epsg)
    if _area_geometry(geom) is None:
        raise WordedError("aoi-no-area")
    return geom


# -- MGRS ---------------------------------------------------------------------------------------------------------
_BANDS = "CDEFGHJKLMNPQRSTUVWX"
_COL_SETS = ("ABCDEFGH", "JKLMNPQR", "STUVWXYZ")
_ROW_LETTERS = "ABCDEFGHJKLMNPQRSTUV"


def mgrs_square(zone: int, south: bool, easting: float, northing: float, lat: float) -> str:
    """The 100 km MGRS square (``33TVM``) of a UTM point (northing as in EPSG:327zz for the south).

    The latitude band stays in the zone's hemisphere (C–M south, N–X north) so cells straddling the equator keep
    distinct names. Norway/Svalbard zone exceptions are not applied (the grid follows plain 6° zones).
    """
    band_index = min(len(_BANDS) - 1, max(0, int((lat + 80.0) // 8.0)))
    band_index = min(band_index, 9) if south else max(band_index, 10)
    col = min(8, max(1, int(easting // 100000)))
    col_letter = _COL_SETS[(zone - 1) % 3][col - 1]
    row = int(northing // 100000) % 20
    if zone % 2 == 0:
        row = (row + 5) % 20
    return f"{zone:02d}{_BANDS[band_index]}{col_letter}{_ROW_LETTERS[row]}"


# -- cells --------------------------------------------------------------------------------------------------------
def grid_cells(
    grid_id: int,
    resolution: float,
    geometry: Optional[Dict[str, Any]] = None,
    bbox: Optional[Sequence[float]] = None,
    epsg: int = 4326,
    buffer_x: int = 0,
    buffer_y: int = 0,
    max_cells: Optional[int] = None,
) -> List[GridCell]:
    """The cells of grid ``grid_id`` whose area overlaps the area of interest, sorted by CRS and name.

    The area of interest is ``geometry`` (GeoJSON) and/or ``bbox`` in EPSG ``epsg`` (as in a Process request's
    ``input.bounds``). Raises ``ValueError`` for an unknown grid, a resolution it does not offer, negative buffers,
    or (:class:`TooManyCells`) more than ``max_cells`` cells.
    """
    grid = get_grid(grid_id)
    res = grid.check_resolution(resolution)
    if int(buffer_x) < 0 or int(buffer_y) < 0:
        raise WordedError("grid-buffer")
    aoi = aoi_wgs84(geometry, bbox, epsg)
    if grid.kind == "utm":
        cells = _utm_cells(grid, res, aoi, int(buffer_x), int(buffer_y), max_cells)
    elif grid.kind == "wgs84":
        cells = _wgs84_cells(grid, res, aoi, int(buffer_x), int(buffer_y), max_cells)
    else:
        cells = _laea_cells(grid, res, aoi, int(buffer_x), int(buffer_y), max_cells)
    return sorted(cells, key=lambda c: (c.epsg, c.name))


def _check_count(count: int, max_cells: Optional[int]) -> None:
    if max_cells is not None and count > max_cells:
        raise TooManyCells(f"the area of interest touches more than {max_cells} grid cells")


def _lattice(
    part: ogr.Geometry, size: float, max_cells: Optional[int], found: int
) -> List[Tuple[int, int, float, float, float, float]]:
    """(column index, row index, minx, miny, maxx, maxy) of lattice cells of ``size`` overlapping ``part``."""
    minx, maxx, miny, maxy = part.GetEnvelope()
    i0, i1 = int(math.floor(minx / size)), int(math.ceil(maxx / size))
    j0, j1 = int(math.floor(miny / size)), int(math.ceil(maxy / size))
    out = []
    for i in range(i0, i1):
        for j in range(j0, j1):
            box = _box(i * size, j * size, (i + 1) * size, (j + 1) * size)
            if not box.Intersects(part):
                continue
            if not part.Contains(box) and _area_geometry(box.Intersection(part)) is None:
                continue  # only touches along an edge
            out.append((i, j, i * size, j * size, (i + 1) * size, (j + 1) * size))
            _check_count(found + len(out), max_cells)
    return out


def _utm_cells(
    grid: TilingGrid, res: float, aoi: ogr.Geometry, bx: int, by: int, max_cells: Optional[int]
) -> List[GridCell]:
    size = grid.tile_size
    minlon, maxlon, minlat, maxlat = aoi.GetEnvelope()
    wgs84 = _srs(4326)
    cells: List[GridCell] = []
    zone_lo = max(1, int(math.floor((minlon + 180.0) / 6.0)) + 1)
    zone_hi = min(60, int(math.floor((min(maxlon, 179.999999) + 180.0) / 6.0)) + 1)
    for zone in range(zone_lo, zone_hi + 1):
        lon0 = -180.0 + (zone - 1) * 6.0
        for south in (False, True):
            lat_lo, lat_hi = (-grid.max_lat, 0.0) if south else (0.0, grid.max_lat)
            part = _area_geometry(aoi.Intersection(_box(lon0, lat_lo, lon0 + 6.0, lat_hi)))
            if part is None:
                continue
            epsg = (32700 if south else 32600) + zone
            srs = _srs(epsg)
            part = part.Clone()
            part.Segmentize(0.05)
            part.Transform(osr.CoordinateTransformation(wgs84, srs))
            to_wgs84 = osr.CoordinateTransformation(srs, wgs84)
            for i, j, x0, y0, x1, y1 in _lattice(part, size, max_cells, len(cells)):
                cx, cy = (x0 + x1) / 2.0, (y0 + y1) / 2.0
                lat = to_wgs84.TransformPoint(cx, cy)[1]
                square = mgrs_square(zone, south, cx, cy, lat)
                sq_west = math.floor(cx / 100000.0) * 100000.0
                sq_north = (math.floor(cy / 100000.0) + 1) * 100000.0
                col = int((cx - sq_west) // size)
                row = int((sq_north - cy) // size)
                cell_id = ((zone * 2 + (1 if south else 0)) * 1000 + i) * 10000 + j
                cells.append(GridCell(cell_id, f"{square}_{col}_{row}", epsg, x0, y0, x1, y1, res, bx, by))
    return cells


def _wgs84_cells(
    grid: TilingGrid, res: float, aoi: ogr.Geometry, bx: int, by: int, max_cells: Optional[int]
) -> List[GridCell]:
    part = _area_geometry(aoi.Intersection(_box(-180.0, -grid.max_lat, 180.0, grid.max_lat)))
    if part is None:
        return []
    cells = []
    for _i, _j, x0, y0, x1, y1 in _lattice(part, grid.tile_size, max_cells, 0):
        lat, lon = int(round(y0)), int(round(x0))
        name = f"{'N' if lat >= 0 else 'S'}{abs(lat):02d}{'E' if lon >= 0 else 'W'}{abs(lon):03d}"
        cells.append(GridCell((lat + 90) * 1000 + (lon + 180), name, 4326, x0, y0, x1, y1, res, bx, by))
    return cells


def _laea_cells(
    grid: TilingGrid, res: float, aoi: ogr.Geometry, bx: int, by: int, max_cells: Optional[int]
) -> List[GridCell]:
    part = _area_geometry(aoi.Intersection(_box(*LAEA_AREA)))
    if part is None:
        return []
    part = part.Clone()
    part.Segmentize(0.05)
    part.Transform(osr.CoordinateTransformation(_srs(4326), _srs(LAEA_EPSG)))
    size = grid.tile_size
    km = int(size // 1000)
    cells = []
    for i, j, x0, y0, x1, y1 in _lattice(part, size, max_cells, 0):
        cells.append(GridCell(i * 100000 + j, f"{km}kmE{i}N{j}", LAEA_EPSG, x0, y0, x1, y1, res, bx, by))
    return cells
