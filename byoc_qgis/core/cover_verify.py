"""Verification of a cover at full resolution, window by window (tests, benchmarks, an optional "verify" step)."""

from __future__ import annotations

from typing import Tuple

import numpy as np
from osgeo import gdal, ogr, osr

from .cover_trace import open_for_cover
from .progress import Progress


def full_resolution_check(
    path: str, cover: ogr.Geometry, block: int = 2048, progress=None, cancel=None
) -> Tuple[int, int, int]:
    """Rasterize ``cover`` at full resolution window by window and compare with the valid data.

    Returns (valid pixels outside the cover, no-data pixels inside, valid pixels in total). A pixel counts as
    inside when its centre is. Reads the whole raster block-wise: a verification tool, not for routine use.
    """
    prog = Progress.of(progress, cancel)
    ds = open_for_cover(path)
    gt = ds.GetGeoTransform()
    w, h = ds.RasterXSize, ds.RasterYSize
    vds = ogr.GetDriverByName("Memory").CreateDataSource("")
    srs = ds.GetSpatialRef()
    lyr = vds.CreateLayer("cover", srs=srs if srs is not None else osr.SpatialReference(), geom_type=ogr.wkbPolygon)
    feat = ogr.Feature(lyr.GetLayerDefn())
    feat.SetGeometry(cover)
    lyr.CreateFeature(feat)
    outside = inside_nodata = total = 0
    windows = [(x, y, min(block, w - x), min(block, h - y)) for y in range(0, h, block) for x in range(0, w, block)]
    for n, (x0, y0, bw, bh) in enumerate(windows):
        prog(n / len(windows), "verifying")
        mem = gdal.GetDriverByName("MEM").Create("", bw, bh, 1, gdal.GDT_Byte)
        mem.SetGeoTransform((gt[0] + x0 * gt[1], gt[1], 0.0, gt[3] + y0 * gt[5], 0.0, gt[5]))
        gdal.RasterizeLayer(mem, [1], lyr, burn_values=[1])
        burned = mem.GetRasterBand(1).ReadAsArray() > 0
        valid = None
        for i in range(ds.RasterCount):
            band = ds.GetRasterBand(i + 1)
            if band.GetColorInterpretation() == gdal.GCI_AlphaBand and ds.RasterCount > 1:
                continue
            m = band.GetMaskBand().ReadAsArray(x0, y0, bw, bh) > 0
            if band.DataType in (gdal.GDT_Float32, gdal.GDT_Float64):
                m &= ~np.isnan(band.ReadAsArray(x0, y0, bw, bh))
            valid = m if valid is None else (valid | m)
        outside += int((valid & ~burned).sum())
        inside_nodata += int((~valid & burned).sum())
        total += int(valid.sum())
    prog(1.0, "verified")
    return outside, inside_nodata, total
