"""Tracing the valid-data outline of one raster at a coarse level: choose the level, read the validity (nodata,
NaN, alpha, internal masks) combined over bands, polygonize it (cog-and-outline.md §5)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Tuple, Union

import numpy as np
from osgeo import gdal, ogr

from .cog_rules import epsg_of
from .cover_geometry import extent_polygon, made_valid
from .gdal_compat import GdalError, open_raster
from .progress import Progress
from .worded import WordedText


class CoverError(ValueError):
    """The cover cannot be traced (bad input, no valid data...). The message names the file."""


@dataclass
class TracedLevel:
    """The valid-data outline of one raster at the traced level."""

    path: str
    geometry: ogr.Geometry  # (Multi)Polygon in the raster's CRS, exact staircase of valid level pixels
    level: int  # 0 = full resolution, i = overview i (1-based like GDAL's IFD index)
    level_size: Tuple[int, int]
    pixel_size: float  # the level's pixel size (larger of x and y) in CRS units
    full_pixel_size: float
    extent: ogr.Geometry  # raster footprint polygon
    epsg: Optional[int]
    srs_wkt: str
    valid_pixels: int  # valid pixels at the traced level
    has_valid: bool


def choose_level(band: gdal.Band, target_size: int = 1024) -> int:
    """Smallest level whose longer side is >= ``target_size`` (0 = full resolution, i = overview i-1)."""
    best = 0
    for i in range(band.GetOverviewCount()):
        ovr = band.GetOverview(i)
        if ovr is not None and max(ovr.XSize, ovr.YSize) >= target_size:
            best = i + 1
    return best


def _level_band(band: gdal.Band, level: int) -> gdal.Band:
    return band if level == 0 else band.GetOverview(level - 1)


def _band_valid(ds: gdal.Dataset, index: int, level: int, progress: Progress) -> Optional[np.ndarray]:
    """Validity of one band at ``level`` (None = all valid, nothing to combine)."""
    band = ds.GetRasterBand(index)
    lvl = _level_band(band, level)
    flags = band.GetMaskFlags()
    valid = None
    if not (flags & gdal.GMF_ALL_VALID):
        mask = lvl.GetMaskBand().ReadAsArray()
        if mask is None:
            raise CoverError(
                WordedText("cover-mask", path=ds.GetDescription(), band=index, error=gdal.GetLastErrorMsg())
            )
        valid = mask > 0
    progress.check()
    if band.DataType in (gdal.GDT_Float32, gdal.GDT_Float64):
        nodata = band.GetNoDataValue()
        if nodata is None or not math.isnan(nodata):  # NaN is always no-data; GDAL's mask misses it otherwise
            data = lvl.ReadAsArray()
            if data is None:
                raise CoverError(
                    WordedText("cover-read", path=ds.GetDescription(), band=index, error=gdal.GetLastErrorMsg())
                )
            finite = ~np.isnan(data)
            valid = finite if valid is None else (valid & finite)
    return valid


def level_validity(
    ds: gdal.Dataset, level: int, combine: str = "any", progress: Optional[Progress] = None
) -> np.ndarray:
    """Boolean validity of ``ds`` at ``level``, combined over its bands (``any`` or ``all``), alpha bands skipped.

    Uses each band's mask band (nodata, alpha, internal masks; read once when the mask is per dataset) and NaN.
    """
    progress = progress or Progress()
    band1 = ds.GetRasterBand(1)
    lvl1 = _level_band(band1, level)
    shape = (lvl1.YSize, lvl1.XSize)
    bands = [
        i + 1 for i in range(ds.RasterCount) if ds.GetRasterBand(i + 1).GetColorInterpretation() != gdal.GCI_AlphaBand
    ] or [1]
    per_dataset = all(ds.GetRasterBand(i).GetMaskFlags() & gdal.GMF_PER_DATASET for i in bands)
    floats = any(ds.GetRasterBand(i).DataType in (gdal.GDT_Float32, gdal.GDT_Float64) for i in bands)
    if per_dataset and not floats:
        bands = bands[:1]
    result = None
    for n, i in enumerate(bands):
        v = _band_valid(ds, i, level, progress)
        progress((n + 1) / len(bands), "reading masks")
        if v is None:
            if combine == "any":
                return np.ones(shape, bool)
            continue
        if result is None:
            result = v
        elif combine == "any":
            result |= v
        else:
            result &= v
    return np.ones(shape, bool) if result is None else result


def polygonize_mask(valid: np.ndarray, gt: tuple, srs_wkt: str = "") -> ogr.Geometry:
    """Polygonize the True pixels of ``valid`` (geotransform ``gt``) and union them into one (Multi)Polygon."""
    h, w = valid.shape
    mem = gdal.GetDriverByName("MEM").Create("", w, h, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(gt)
    if srs_wkt:
        mem.SetProjection(srs_wkt)
    band = mem.GetRasterBand(1)
    band.WriteArray(valid.astype(np.uint8))
    vds = ogr.GetDriverByName("Memory").CreateDataSource("")  # keep a reference while using the layer
    lyr = vds.CreateLayer("valid", geom_type=ogr.wkbPolygon)
    err = gdal.Polygonize(band, band, lyr, -1, [])
    if err != 0:
        raise CoverError(WordedText("cover-polygonize", error=gdal.GetLastErrorMsg()))
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for feat in lyr:
        g = feat.GetGeometryRef()
        if g is not None and not g.IsEmpty():
            multi.AddGeometry(g)
    lyr = None
    vds = None
    if multi.GetGeometryCount() == 0:
        return multi
    return made_valid(multi.UnionCascaded())


def trace_file(
    path: Union[str, gdal.Dataset], target_size: int = 1024, combine: str = "any", progress: Optional[Progress] = None
) -> TracedLevel:
    """Trace the valid-data outline of one raster at the smallest level with long side >= ``target_size``."""
    progress = progress or Progress()
    ds = path if isinstance(path, gdal.Dataset) else open_for_cover(path)
    name = ds.GetDescription()
    gt = ds.GetGeoTransform(can_return_null=True)
    if not gt:
        raise CoverError(WordedText("cover-no-geotransform", path=name))
    if abs(gt[2]) > 0 or abs(gt[4]) > 0:
        raise CoverError(WordedText("cover-rotated", path=name))
    band = ds.GetRasterBand(1)
    level = choose_level(band, target_size)
    lvl = _level_band(band, level)
    sx = ds.RasterXSize / lvl.XSize
    sy = ds.RasterYSize / lvl.YSize
    lgt = (gt[0], gt[1] * sx, 0.0, gt[3], 0.0, gt[5] * sy)
    valid = level_validity(ds, level, combine, progress.sub(0.0, 0.6))
    count = int(valid.sum())
    srs = ds.GetSpatialRef()
    wkt = srs.ExportToWkt() if srs is not None else ""
    progress(0.6, "polygonizing")
    geom = polygonize_mask(valid, lgt, wkt) if count else ogr.Geometry(ogr.wkbMultiPolygon)
    progress(1.0, "traced")
    epsg, _ = epsg_of(ds)
    return TracedLevel(
        path=name,
        geometry=geom,
        level=level,
        level_size=(lvl.XSize, lvl.YSize),
        pixel_size=max(abs(lgt[1]), abs(lgt[5])),
        full_pixel_size=max(abs(gt[1]), abs(gt[5])),
        extent=extent_polygon(gt, ds.RasterXSize, ds.RasterYSize),
        epsg=epsg,
        srs_wkt=wkt,
        valid_pixels=count,
        has_valid=count > 0,
    )


def open_for_cover(path: str) -> gdal.Dataset:
    """Open a raster to trace or verify its cover; :class:`CoverError` naming the file when it cannot be read."""
    try:
        return open_raster(path)
    except GdalError as exc:
        raise CoverError(WordedText("cover-open", path=path, error=str(exc))) from None
