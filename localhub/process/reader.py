"""Read one tile's bands into (a window of) the request grid: GDAL warp from ``/vsis3/``, overview as the service.

The service reads "the nearest overview finer than the request" (cog-and-outline.md §1): the coarsest level whose
pixel is not larger than the requested one, else full resolution. Up/downsampling follow the request's
``processing``: upsampling when the request is finer than the file, downsampling otherwise. No-data (the
collection's ``noData``, per band or collection-wide, and NaN) comes back as NaN.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple
from xml.sax.saxutils import escape

import numpy as np
from osgeo import gdal

from .crs import spatial_ref, transformer
from .errors import ProcessError
from .request import Grid

RESAMPLE_ALG = {"NEAREST": "near", "BILINEAR": "bilinear", "BICUBIC": "cubic"}


@dataclass(frozen=True)
class BandSource:
    """Where one collection band lives in a tile: the file (vsi path), its 1-based band index and no-data."""

    name: str
    path: str
    band_index: int
    nodata: Optional[float]


@dataclass
class FileInfo:
    """What the reader needs to know about one COG."""

    path: str
    epsg: Optional[int]
    wkt: str
    geotransform: Tuple[float, ...]
    size: Tuple[int, int]
    overviews: List[Tuple[int, int]]
    band_count: int


def _open(path: str):
    try:
        ds = gdal.Open(path)
    except RuntimeError as exc:
        raise ProcessError(400, "COMMON_EXCEPTION", f"Could not read {_display(path)}: {exc}") from None
    if ds is None:
        raise ProcessError(400, "COMMON_EXCEPTION", f"Could not read {_display(path)}: {gdal.GetLastErrorMsg()}")
    return ds


def _display(path: str) -> str:
    """s3:// form of a /vsis3/ path for messages."""
    return "s3://" + path[len("/vsis3/") :] if path.startswith("/vsis3/") else path


def file_info(path: str, cache: Optional[Dict[str, FileInfo]] = None) -> FileInfo:
    """Size, georeferencing and overview sizes of a COG (cached per request in ``cache``)."""
    if cache is not None and path in cache:
        return cache[path]
    ds = _open(path)
    band = ds.GetRasterBand(1)
    overviews = [(band.GetOverview(i).XSize, band.GetOverview(i).YSize) for i in range(band.GetOverviewCount())]
    ref = ds.GetSpatialRef()
    epsg = None
    if ref is not None:
        code = ref.GetAuthorityCode(None)
        epsg = int(code) if code and code.isdigit() else None
    info = FileInfo(
        path=path,
        epsg=epsg,
        wkt=ds.GetProjection(),
        geotransform=tuple(ds.GetGeoTransform()),
        size=(ds.RasterXSize, ds.RasterYSize),
        overviews=overviews,
        band_count=ds.RasterCount,
    )
    ds = None
    if cache is not None:
        cache[path] = info
    return info


def request_resolution_in(grid: Grid, window: Tuple[int, int, int, int], epsg: int) -> float:
    """Size of a request pixel (the window's centre pixel) measured in the units of ``epsg``; the finer axis."""
    xoff, yoff, w, h = window
    cx = grid.minx + (xoff + w / 2.0) * grid.resx
    cy = grid.maxy - (yoff + h / 2.0) * grid.resy
    if epsg == grid.epsg:
        return min(grid.resx, grid.resy)
    tr = transformer(grid.epsg, epsg)
    p0 = tr.TransformPoint(cx, cy)
    px = tr.TransformPoint(cx + grid.resx, cy)
    py = tr.TransformPoint(cx, cy - grid.resy)
    dx = math.hypot(px[0] - p0[0], px[1] - p0[1])
    dy = math.hypot(py[0] - p0[0], py[1] - p0[1])
    return min(dx, dy)


def choose_level(info: FileInfo, target_res: float) -> Tuple[Optional[int], float]:
    """Overview index (None = full resolution) and its pixel size: the coarsest level not coarser than target."""
    base_res = min(abs(info.geotransform[1]), abs(info.geotransform[5]))
    best: Optional[int] = None
    best_res = base_res
    for i, (w, _h) in enumerate(info.overviews):
        res = base_res * info.size[0] / w
        if res <= target_res * (1 + 1e-6) and res > best_res:
            best, best_res = i, res
    return best, best_res


def _vrt_xml(infos: Sequence[FileInfo], sources: Sequence[BandSource], level: Optional[int]) -> str:
    first = infos[0]
    width, height = first.size if level is None else first.overviews[level]
    gt = list(first.geotransform)
    gt[1] *= first.size[0] / width
    gt[2] *= first.size[0] / width
    gt[4] *= first.size[1] / height
    gt[5] *= first.size[1] / height
    parts = [f'<VRTDataset rasterXSize="{width}" rasterYSize="{height}">']
    parts.append(f"<SRS>{escape(first.wkt)}</SRS>")
    parts.append(f"<GeoTransform>{', '.join(repr(v) for v in gt)}</GeoTransform>")
    for i, src in enumerate(sources, start=1):
        parts.append(f'<VRTRasterBand dataType="Float32" band="{i}">')
        if src.nodata is not None:
            parts.append(f"<NoDataValue>{src.nodata!r}</NoDataValue>")
        parts.append("<SimpleSource>")
        parts.append(f'<SourceFilename relativeToVRT="0">{escape(src.path)}</SourceFilename>')
        if level is not None:
            parts.append(f'<OpenOptions><OOI key="OVERVIEW_LEVEL">{level}</OOI></OpenOptions>')
        parts.append(f"<SourceBand>{src.band_index}</SourceBand>")
        parts.append(f'<SrcRect xOff="0" yOff="0" xSize="{width}" ySize="{height}"/>')
        parts.append(f'<DstRect xOff="0" yOff="0" xSize="{width}" ySize="{height}"/>')
        parts.append("</SimpleSource></VRTRasterBand>")
    parts.append("</VRTDataset>")
    return "".join(parts)


def read_window(
    sources: Sequence[BandSource],
    grid: Grid,
    window: Tuple[int, int, int, int],
    upsampling: str = "NEAREST",
    downsampling: str = "NEAREST",
    cache: Optional[Dict[str, FileInfo]] = None,
) -> np.ndarray:
    """Warp the bands into ``window`` of ``grid``; float32 ``(len(sources), h, w)``, NaN where there is no data.

    Bands whose files share a grid (the usual case) are warped together through one VRT.
    """
    xoff, yoff, w, h = window
    out = np.full((len(sources), h, w), np.nan, np.float32)
    groups: Dict[tuple, List[int]] = {}
    infos = [file_info(src.path, cache) for src in sources]
    for i, (src, info) in enumerate(zip(sources, infos)):
        if src.band_index < 1 or src.band_index > info.band_count:
            raise ProcessError(
                400,
                "COMMON_EXCEPTION",
                f"Band {src.name}: {_display(src.path)} has no band {src.band_index} (it has {info.band_count}).",
            )
        key = (info.wkt, info.geotransform, info.size, tuple(info.overviews))
        groups.setdefault(key, []).append(i)
    dst_wkt = spatial_ref(grid.epsg).ExportToWkt()
    for indices in groups.values():
        info = infos[indices[0]]
        if info.epsg is None and not info.wkt:
            raise ProcessError(400, "COMMON_EXCEPTION", f"{_display(info.path)} has no georeferencing.")
        target = request_resolution_in(grid, window, info.epsg or grid.epsg)
        level, level_res = choose_level(info, target)
        base_res = min(abs(info.geotransform[1]), abs(info.geotransform[5]))
        alg = RESAMPLE_ALG[upsampling if target < base_res else downsampling]
        group_sources = [sources[i] for i in indices]
        vrt = gdal.Open(_vrt_xml([info], group_sources, level))
        dst = gdal.GetDriverByName("MEM").Create("", w, h, len(indices), gdal.GDT_Float32)
        dst.SetGeoTransform(grid.sub_geotransform(xoff, yoff))
        dst.SetProjection(dst_wkt)
        for b in range(len(indices)):
            band = dst.GetRasterBand(b + 1)
            band.SetNoDataValue(float("nan"))
            band.Fill(float("nan"))
        options = gdal.WarpOptions(
            resampleAlg=alg,
            warpOptions=["INIT_DEST=NO_DATA", "UNIFIED_SRC_NODATA=NO"],
            overviewLevel="NONE",
            warpMemoryLimit=256 * 1024 * 1024,
        )
        try:
            result = gdal.Warp(dst, vrt, options=options)
        except RuntimeError as exc:
            raise ProcessError(400, "COMMON_EXCEPTION", f"Could not read {_display(info.path)}: {exc}") from None
        if result is None:
            raise ProcessError(
                400, "COMMON_EXCEPTION", f"Could not read {_display(info.path)}: {gdal.GetLastErrorMsg()}"
            )
        data = dst.ReadAsArray()
        if data.ndim == 2:
            data = data[np.newaxis]
        out[indices] = data
        dst = vrt = result = None
    return out
