"""Cover tracing on a Sentinel-2-sized tile vs two baselines on the same raster, measured in the same run:
full-resolution gdal.Polygonize of the validity mask, and gdal.Footprint (GDAL >= 3.8: its defaults, i.e. the
full-resolution mask polygonized then simplified to at most 100 points; "n/a" on older GDAL, e.g. the host lane).

Raster: 10980 x 10980 UInt16 COG (EPSG:32633, nodata 0, wavy collar, hole, two islands), 1024-px tiles,
AVERAGE overviews, built block-wise once (kept under .cache/bench/ between runs).
Targets: trace >= 10x faster than full-resolution Polygonize, <= 0.5 s, 0 valid pixels outside, <= 100 points.
Footprint's points, area excess and valid pixels left outside are checked at full resolution like the trace's.
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


def footprint(path: str) -> ogr.Geometry:
    """Second baseline: gdal.Footprint with its defaults (GDAL >= 3.8); returns the footprint geometry."""
    ds = gdal.Footprint("", path, format="Memory")
    lyr = ds.GetLayer(0)
    geom = None
    for feature in lyr:  # one (multi)polygon feature with the defaults; unioned if there were more
        part = feature.GetGeometryRef().Clone()
        geom = part if geom is None else geom.Union(part)
    lyr = None
    ds = None
    return geom


def has_footprint() -> bool:
    """gdal.Footprint exists from GDAL 3.8."""
    return hasattr(gdal, "Footprint") and int(gdal.VersionInfo()) >= 3080000


def _na() -> str:
    return f"n/a (GDAL {'.'.join(gdal.__version__.split('.')[:2])})"


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def footprint_row(path: str, base_s: float) -> Row:
    """The gdal.Footprint baseline row (n/a before GDAL 3.8)."""
    if not has_footprint():
        return Row(
            name=f"baseline: gdal.Footprint 10980² {_na()}",
            median_s=float("nan"),
        )
    fp_s, fp_peak, geom = measure(lambda: footprint(path), repeat=3)
    outside, nodata_inside, total = cover.full_resolution_check(path, geom)
    return Row(
        name="baseline: gdal.Footprint (defaults) 10980²",
        median_s=fp_s,
        peak_mib=fp_peak,
        ratio=base_s / fp_s,
        ratio_label="× faster than Polygonize",
        extra={
            "points": cover.count_points(geom),
            "valid px outside": outside,
            "no-data px inside": nodata_inside,
            "area excess (full res)": f"{100.0 * nodata_inside / total:.2f} %",
            "valid data left out (full res)": f"{100.0 * outside / total:.2f} %",
            "GDAL": f"{gdal.__version__}; {_load()}",
        },
    )


def run() -> list:
    path = raster()
    base_s, base_peak, base_points = measure(lambda: polygonize_full_resolution(path), repeat=3)
    rows = [
        Row(
            name="baseline: gdal.Polygonize full-res mask 10980²",
            median_s=base_s,
            peak_mib=base_peak,
            extra={"points": base_points, "valid px outside": 0, "GDAL": f"{gdal.__version__}; {_load()}"},
        )
    ]
    fp_row = footprint_row(path, base_s)
    rows.append(fp_row)
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
                    "vs gdal.Footprint": (
                        f"{fp_row.median_s / t_s:.1f}× faster" if fp_row.ratio is not None else _na()
                    ),
                    "machine": _load(),
                },
            )
        )
    return rows


if __name__ == "__main__":
    from benchmarks.common import format_table

    print(format_table(run()))
