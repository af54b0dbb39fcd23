"""Which tiles take part in a request and how they combine: SIMPLE, ORBIT (one scene per day) and TILE.

Order (byoc-api.md §8): ``mostRecent`` = newest sensing time first, ``leastRecent`` = oldest first; ties go to
the later-created tile. In a mosaic each pixel belongs to the first tile whose cover geometry contains it —
even where that tile's pixel is no-data (§9) — and ``dataMask`` is 1 only where that tile has data.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr

from .crs import bbox_polygon, geojson_epsg, ogr_geometry, reproject, spatial_ref
from .request import DataSource, Grid

ReadFn = Callable[["TileRef", Tuple[int, int, int, int]], np.ndarray]


@dataclass
class TileRef:
    """An INGESTED tile that intersects the request, with its cover in the request CRS."""

    id: str
    path: str
    sensing: Optional[datetime]
    created: Optional[datetime]
    cover: ogr.Geometry  # request CRS
    wire: dict
    sh_id: int = 0

    @property
    def date_text(self) -> Optional[str]:
        return None if self.sensing is None else self.sensing.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_wire_time(text: Optional[str]) -> Optional[datetime]:
    """A wire timestamp (``Z``, offset, or zone-less = UTC; micro/milliseconds) as an aware UTC datetime."""
    if not text:
        return None
    value = text.strip().replace("z", "Z")
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def _cover_in(tile: dict, epsg: int) -> Optional[ogr.Geometry]:
    geojson = tile.get("coverGeometry") or tile.get("tileGeometry")
    if not geojson:
        return None
    try:
        src_epsg = geojson_epsg(geojson)
        geom = ogr_geometry(geojson)
        minx, maxx, miny, maxy = geom.GetEnvelope()
        segment = max(maxx - minx, maxy - miny) / 64.0
        return reproject(geom, src_epsg, epsg, segment)
    except (ValueError, RuntimeError):
        return None


def select_tiles(tiles: Iterable[dict], data: DataSource, grid: Grid, geometry: Optional[dict] = None) -> List[TileRef]:
    """INGESTED tiles in the time range whose cover intersects the request (bbox, and geometry when given).

    Tiles without a sensing time match any time range. The result is in mosaicking order, ``sh_id`` numbered.
    """
    area = bbox_polygon(grid.minx, grid.miny, grid.maxx, grid.maxy)
    if geometry is not None:
        area = area.Intersection(ogr_geometry(geometry))
    selected = []
    for tile in tiles:
        if tile.get("status") != "INGESTED":
            continue
        sensing = parse_wire_time(tile.get("sensingTime"))
        if sensing is not None:
            if data.time_from is not None and sensing < data.time_from:
                continue
            if data.time_to is not None and sensing > data.time_to:
                continue
        cover = _cover_in(tile, grid.epsg)
        if cover is None or not cover.Intersects(area):
            continue
        selected.append(
            TileRef(
                id=tile["id"],
                path=tile["path"],
                sensing=sensing,
                created=parse_wire_time(tile.get("created")),
                cover=cover,
                wire=tile,
            )
        )
    ordered = order_tiles(selected, data.mosaicking_order)
    for i, tile in enumerate(ordered, start=1):
        tile.sh_id = i
    return ordered


def order_tiles(tiles: Sequence[TileRef], order: str) -> List[TileRef]:
    """Mosaicking order; the later-created tile wins ties (and tiles without sensing time count as oldest)."""

    def stamp(value: Optional[datetime]) -> float:
        return value.timestamp() if value is not None else float("-inf")

    if order == "leastRecent":
        return sorted(tiles, key=lambda t: (stamp(t.sensing), -stamp(t.created)))
    return sorted(tiles, key=lambda t: (stamp(t.sensing), stamp(t.created)), reverse=True)


def orbit_groups(tiles: Sequence[TileRef]) -> List[List[TileRef]]:
    """Tiles grouped by UTC sensing day (ORBIT: "one per day, not per true orbit"), keeping the given order."""
    groups: Dict[Optional[str], List[TileRef]] = {}
    for tile in tiles:
        day = None if tile.sensing is None else tile.sensing.strftime("%Y-%m-%d")
        groups.setdefault(day, []).append(tile)
    return list(groups.values())


def tile_scene(tile: TileRef, bucket: str) -> dict:
    """``scenes.tiles[i]`` as Evalscript V3 sees it."""
    scene = {"date": tile.date_text, "shId": tile.sh_id, "dataPath": f"s3://{bucket}/{tile.path}"}
    cover = tile.wire.get("coverGeometry")
    if cover:
        scene["dataGeometry"] = cover
    return scene


def orbit_scene(group: Sequence[TileRef], bucket: str) -> dict:
    """``scenes.orbits[i]``: one UTC day with its tiles."""
    day = group[0].sensing
    date_from = date_to = None
    if day is not None:
        date_from = day.strftime("%Y-%m-%dT00:00:00Z")
        date_to = day.strftime("%Y-%m-%dT23:59:59Z")
    return {"dateFrom": date_from, "dateTo": date_to, "tiles": [tile_scene(t, bucket) for t in group]}


def rasterize(geom: ogr.Geometry, grid: Grid, window: Tuple[int, int, int, int]) -> np.ndarray:
    """Boolean mask of the window's pixels whose centre lies inside ``geom`` (request CRS)."""
    xoff, yoff, w, h = window
    target = gdal.GetDriverByName("MEM").Create("", w, h, 1, gdal.GDT_Byte)
    target.SetGeoTransform(grid.sub_geotransform(xoff, yoff))
    ref = spatial_ref(grid.epsg)
    target.SetProjection(ref.ExportToWkt())
    source = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = source.CreateLayer("cover", ref, ogr.wkbUnknown)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(geom)
    layer.CreateFeature(feature)
    gdal.RasterizeLayer(target, [1], layer, burn_values=[1])
    mask = target.GetRasterBand(1).ReadAsArray().astype(bool)
    target = source = None
    return mask


def geometry_mask(geometry: Optional[dict], grid: Grid) -> Optional[np.ndarray]:
    """Mask of the request geometry over the whole grid, or None when the request has none."""
    if geometry is None:
        return None
    return rasterize(ogr_geometry(geometry), grid, (0, 0, grid.width, grid.height))


def mosaic(
    tiles: Sequence[TileRef],
    grid: Grid,
    band_count: int,
    read: ReadFn,
    planes: Optional[List[np.ndarray]] = None,
    workers: int = 2,
) -> Tuple[List[np.ndarray], np.ndarray]:
    """SIMPLE mosaic of ``tiles`` (already in priority order) into the grid.

    Returns ``(planes, data mask)``: one float32 ``(h, w)`` plane per band with 0 at no-data (written into
    ``planes`` when given, e.g. views into the evalscript's input array) and a bool ``(h, w)`` mask. ``read``
    warps one tile into a window and returns NaN where the tile has no data; it is called only for tiles that
    own at least one pixel, on up to ``workers`` threads (GDAL releases the GIL).
    """
    if planes is None:
        planes = [np.zeros((grid.height, grid.width), np.float32) for _ in range(band_count)]
    else:
        for plane in planes:
            plane[...] = 0.0
    valid = np.zeros((grid.height, grid.width), bool)
    claimed = np.zeros((grid.height, grid.width), bool)
    jobs = []  # (tile, window, pixels this tile owns)
    for tile in tiles:
        minx, maxx, miny, maxy = tile.cover.GetEnvelope()
        window = grid.window(minx, miny, maxx, maxy)
        if window is None:
            continue
        xoff, yoff, w, h = window
        rows, cols = slice(yoff, yoff + h), slice(xoff, xoff + w)
        cover = rasterize(tile.cover, grid, window)
        take = cover & ~claimed[rows, cols]
        claimed[rows, cols] |= cover
        if take.any():
            jobs.append((tile, window, take))
        if claimed.all():
            break
    if not jobs:
        return planes, valid
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(jobs)))) as pool:
        futures = [pool.submit(read, tile, window) for tile, window, _take in jobs]
        for (_tile, window, take), future in zip(jobs, futures):
            data = future.result()
            xoff, yoff, w, h = window
            rows, cols = slice(yoff, yoff + h), slice(xoff, xoff + w)
            present = take.copy()
            for band in data:
                present &= ~np.isnan(band)
            for plane, band in zip(planes, data):
                np.copyto(plane[rows, cols], band, where=present)
            valid[rows, cols] |= present
    return planes, valid
