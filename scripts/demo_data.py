"""Demo data: Sentinel-2-like band COGs (B02, B03, B04, B08) around the northern Caspian Sea.

Six tiles on three dates in two UTM zones (38N and 39N), laid out like Sentinel-2 tiles (109.8 km, 100 km grid)
but at 120 m pixels (the resolution of the Sentinel-2 120 m mosaic the seed docs use), so the whole set is a few
MB. The land/sea pattern is rasterized from QGIS's bundled ``world_map.gpkg`` (Natural Earth countries: where no
country is, there is water); each date's swath edge leaves a wavy no-data collar (value 0) like real
Sentinel-2 granules at orbit edges. Reflectance-like UInt16 values (x10000) with texture, so a false-colour
composite looks like one: bright red land, dark water.

Layout: ``<out>/<YYYY-MM-DD>/<tile>/<BAND>.tif`` — registered with the path template ``{date}/{tile}/(BAND).tif``.
Usage: python scripts/demo_data.py OUT_DIR   (prints one line per tile; reuses files that already exist)
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()

WORLD_MAP_CANDIDATES = (
    "/usr/share/qgis/resources/data/world_map.gpkg",
    "/usr/local/share/qgis/resources/data/world_map.gpkg",
)
BANDS = ("B02", "B03", "B04", "B08")
PIXEL = 120.0
TILE_SIZE_M = 109800.0
NODATA = 0
# the seed docs' false-colour request over the Caspian Sea
CASPIAN_BBOX = (49.9604, 44.7176, 51.0481, 45.2324)

# typical L2A reflectance x 10000: (water, land) per band
REFLECTANCE = {"B02": (620, 900), "B03": (560, 1150), "B04": (330, 1450), "B08": (160, 2400)}


@dataclass(frozen=True)
class DemoTile:
    """One Sentinel-2-like granule: UTM zone, upper-left corner, date and which side of the swath edge has data."""

    name: str
    date: str  # YYYY-MM-DD
    epsg: int
    x0: float  # upper-left easting
    y0: float  # upper-left northing
    edge_lon: float  # swath edge longitude at 45N
    data_east: bool  # True: data east of the edge (collar in the west)
    brightness: float = 1.0

    @property
    def sensing_time(self) -> str:
        return f"{self.date}T07:36:29Z"


TILES: List[DemoTile] = [
    # 2023-06-10: orbit whose swath edge runs near 50.05E: zone 39 granules with a collar in the west
    DemoTile("39TUL", "2023-06-10", 32639, 399960.0, 5100000.0, 50.05, True, 1.00),
    DemoTile("39TUK", "2023-06-10", 32639, 399960.0, 5000040.0, 50.05, True, 1.00),
    # 2023-06-13: neighbouring orbit, granules of zone 38 reaching into the bbox from the west
    DemoTile("38TQR", "2023-06-13", 32638, 799980.0, 5100000.0, 50.15, False, 1.06),
    DemoTile("38TQQ", "2023-06-13", 32638, 799980.0, 5000040.0, 50.15, False, 1.06),
    # 2023-06-20: zone 39 again, swath edge in the east
    DemoTile("39TVL", "2023-06-20", 32639, 499980.0, 5100000.0, 51.55, False, 0.95),
    DemoTile("39TVK", "2023-06-20", 32639, 499980.0, 5000040.0, 51.55, False, 0.95),
]


def world_map_path() -> str:
    """QGIS's bundled world map (Natural Earth countries)."""
    for candidate in WORLD_MAP_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    raise SystemExit(
        "demo_data: QGIS's world_map.gpkg was not found (looked in "
        + ", ".join(WORLD_MAP_CANDIDATES)
        + "); install the 'qgis' package"
    )


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def land_mask(tile: DemoTile, size: int, world_map: str) -> np.ndarray:
    """1 where world_map.gpkg has a country (land), 0 for water, on the tile's grid."""
    mem = gdal.GetDriverByName("MEM").Create("", size, size, 1, gdal.GDT_Byte)
    pixel = TILE_SIZE_M / size
    mem.SetGeoTransform((tile.x0, pixel, 0.0, tile.y0, 0.0, -pixel))
    mem.SetProjection(_srs(tile.epsg).ExportToWkt())
    # clip the world to a few degrees around the Caspian first: reprojecting whole continents to one UTM zone fails
    clip = [43.0, 41.0, 57.0, 49.0]
    vec = gdal.VectorTranslate(
        "",
        world_map,
        format="Memory",
        layers=["countries"],
        spatFilter=clip,
        options=["-clipsrc", *map(str, clip)],
        dstSRS=f"EPSG:{tile.epsg}",
        geometryType="MULTIPOLYGON",
    )
    gdal.Rasterize(mem, vec, burnValues=[1])
    return mem.GetRasterBand(1).ReadAsArray()


def lonlat_grid(tile: DemoTile, size: int, step: int = 8) -> np.ndarray:
    """Longitude of every pixel centre (interpolated from a coarse grid of exact transforms)."""
    ct = osr.CoordinateTransformation(_srs(tile.epsg), _srs(4326))
    idx = np.arange(0, size + step, step, dtype=np.float64)
    pixel = TILE_SIZE_M / size
    xx, yy = np.meshgrid(tile.x0 + (idx + 0.5) * pixel, tile.y0 - (idx + 0.5) * pixel)
    pts = ct.TransformPoints(np.column_stack([xx.ravel(), yy.ravel()]).tolist())
    lon = np.array([p[0] for p in pts]).reshape(xx.shape)
    lat = np.array([p[1] for p in pts]).reshape(xx.shape)
    full = np.arange(size, dtype=np.float64) / step

    def upsample(a: np.ndarray) -> np.ndarray:
        rows = np.array([np.interp(full, np.arange(a.shape[1]), r) for r in a])
        return np.array([np.interp(full, np.arange(a.shape[0]), c) for c in rows.T]).T

    return np.stack([upsample(lon), upsample(lat)])


def swath_valid(tile: DemoTile, lonlat: np.ndarray) -> np.ndarray:
    """Data side of the orbit's swath edge: a line tilted like a sun-synchronous track, with a slight wave."""
    lon, lat = lonlat
    edge = tile.edge_lon - 0.18 * (lat - 45.0) + 0.015 * np.sin(lat * 40.0)
    return lon > edge if tile.data_east else lon < edge


def texture(size: int, seed: int) -> np.ndarray:
    """Smooth deterministic texture around 1.0 (fields, dunes, sea state)."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float64) / size
    t = np.ones((size, size))
    for k in range(1, 6):
        a, b, c = rng.uniform(0, 2 * math.pi, 3)
        t += 0.06 / k * np.sin(2 * math.pi * (k * 1.7 * xx + a)) * np.cos(2 * math.pi * (k * 1.3 * yy + b) + c)
    t += rng.normal(0.0, 0.02, (size, size))
    return t


def write_cog(path: Path, array: np.ndarray, tile: DemoTile) -> None:
    """Write one band as a BYOC-ready COG (512-px blocks, DEFLATE, AVERAGE overviews, nodata 0)."""
    size = array.shape[0]
    pixel = TILE_SIZE_M / size
    mem = gdal.GetDriverByName("MEM").Create("", size, size, 1, gdal.GDT_UInt16)
    mem.SetGeoTransform((tile.x0, pixel, 0.0, tile.y0, 0.0, -pixel))
    mem.SetProjection(_srs(tile.epsg).ExportToWkt())
    band = mem.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    band.WriteArray(array)
    tmp = path.with_suffix(".tmp.tif")
    gdal.Translate(
        str(tmp),
        mem,
        format="COG",
        creationOptions=["BLOCKSIZE=512", "COMPRESS=DEFLATE", "RESAMPLING=AVERAGE", "OVERVIEWS=IGNORE_EXISTING"],
    )
    tmp.replace(path)


def make_tile(tile: DemoTile, out: Path, world_map: str, pixel: float = PIXEL) -> Dict[str, str]:
    """Write the four band COGs of ``tile``; return {band: path}. Existing complete tiles are reused."""
    folder = out / tile.date / tile.name
    paths = {b: folder / f"{b}.tif" for b in BANDS}
    if all(p.exists() for p in paths.values()):
        return {b: str(p) for b, p in paths.items()}
    folder.mkdir(parents=True, exist_ok=True)
    size = int(round(TILE_SIZE_M / pixel))
    land = land_mask(tile, size, world_map).astype(bool)
    valid = swath_valid(tile, lonlat_grid(tile, size))
    seed = sum(map(ord, tile.name + tile.date))
    tex = texture(size, seed)
    for i, band in enumerate(BANDS):
        water, ground = REFLECTANCE[band]
        values = np.where(land, ground * tex, water * (2.0 - tex)) * tile.brightness
        values += i * 7  # keep bands distinguishable
        arr = np.clip(np.rint(values), 1, 10000).astype(np.uint16)
        arr[~valid] = NODATA
        write_cog(paths[band], arr, tile)
    return {b: str(p) for b, p in paths.items()}


def generate(out: Path, pixel: float = PIXEL) -> List[DemoTile]:
    """Write every demo tile under ``out`` at ``pixel`` metres; return the tiles."""
    if not 10.0 <= pixel <= 2000.0:
        raise ValueError(f"pixel size {pixel} m: use 10 to 2000 m")
    world_map = world_map_path()
    stamp = out / ".demo-data-version"
    version = hashlib.sha1(repr((TILES, REFLECTANCE, pixel, BANDS)).encode()).hexdigest()[:12]
    if out.exists() and (not stamp.exists() or stamp.read_text() != version):
        for old in out.rglob("*.tif"):  # made by another version of this script: regenerate
            old.unlink()
    out.mkdir(parents=True, exist_ok=True)
    for tile in TILES:
        make_tile(tile, out, world_map, pixel)
    stamp.write_text(version)
    return list(TILES)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="output folder")
    parser.add_argument("--pixel", type=float, default=PIXEL, help=f"pixel size in metres (default {PIXEL:g})")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    tiles = generate(args.out, args.pixel)
    total = sum(p.stat().st_size for p in args.out.rglob("*.tif"))
    for t in tiles:
        print(f"demo_data: {t.date}/{t.name} EPSG:{t.epsg}")
    print(
        f"demo_data: {len(tiles)} tiles x {len(BANDS)} bands, {total / 1e6:.1f} MB in {args.out} "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
