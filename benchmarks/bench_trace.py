"""Cover tracing on a Sentinel-2-sized tile vs full-resolution gdal.Polygonize of the same raster (same run).

Raster: 10980 x 10980 UInt16 COG (EPSG:32633, nodata 0, wavy collar, hole, two islands), 1024-px tiles,
AVERAGE overviews, built block-wise once (kept under .cache/bench/ between runs).
Targets: trace >= 10x faster than full-resolution Polygonize, <= 0.5 s, 0 valid pixels outside, <= 100 points.
"""

from __future__ import annotations

import os
from pathlib import Path

from osgeo import gdal, ogr

from benchmarks.common import Row, measure
from byoc_qgis.core import cover
from tests.fixtures_rasters import build_s2_sized_cog

CACHE = Path(__file__).resolve().parent.parent / ".cache" / "bench"


def raster() -> str:
    """Path of the benchmark raster, built on first use."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / "s2_sized_10980.tif"
    if not path.exists():
        build_s2_sized_cog(str(path) + ".part.tif")
        os.replace(str(path) + ".part.tif", path)
    return str(path)


def polygonize_full_resolution(path: str) -> int:
    """Baseline: gdal.Polygonize of the full-resolution validity mask; returns the vertex count."""
    ds = gdal.Open(path)
    mask = ds.GetRasterBand(1).GetMaskBand()
    vds = ogr.GetDriverByName("Memory").CreateDataSource("")
    lyr = vds.CreateLayer("p", srs=ds.GetSpatialRef(), geom_type=ogr.wkbPolygon)
    gdal.Polygonize(mask, mask, lyr, -1, [])
    points = sum(cover.count_points(f.GetGeometryRef()) for f in lyr)
    lyr = None
    vds = None
    return points


def run() -> list:
    path = raster()
    base_s, base_peak, base_points = measure(lambda: polygonize_full_resolution(path), repeat=3)
    rows = [
        Row(
            name="baseline: gdal.Polygonize full-res mask 10980²",
            median_s=base_s,
            peak_mib=base_peak,
            extra={"points": base_points, "valid px outside": 0},
        )
    ]
    for policy in ("contain", "exclude"):
        t_s, peak, res = measure(lambda p=policy: cover.trace_cover(path, policy=p), repeat=7)
        outside, nodata_inside, total = cover.full_resolution_check(path, res.geometry)
        speedup = base_s / t_s
        if policy == "contain":
            ok = speedup >= 10 and t_s <= 0.5 and outside == 0 and res.report.points <= 100
            target = "≥10× faster, ≤0.5 s, 0 px outside"
        else:
            ok = speedup >= 10 and t_s <= 0.5 and nodata_inside == 0 and res.report.points <= 100
            target = "≥10× faster, ≤0.5 s, 0 no-data inside"
        rows.append(
            Row(
                name=f"trace_cover 10980² UInt16 COG, policy {policy}",
                median_s=t_s,
                peak_mib=peak,
                ratio=speedup,
                ratio_label="× faster than Polygonize",
                target=target,
                ok=ok,
                extra={
                    "points": res.report.points,
                    "valid px outside": outside,
                    "no-data px inside": nodata_inside,
                    "area excess (full res)": f"{100.0 * nodata_inside / total:.2f} %",
                    "valid data left out (full res)": f"{100.0 * outside / total:.2f} %",
                    "traced level": f"{res.report.level} ({res.report.level_size[0]}x{res.report.level_size[1]})",
                },
            )
        )
    return rows


if __name__ == "__main__":
    from benchmarks.common import format_table

    print(format_table(run()))
