"""Read one tile's bands into (a window of) the request grid: GDAL warp from ``/vsis3/``, overview as the service.

The service reads "the nearest overview finer than the request" (cog-and-outline.md §1): the coarsest level whose
pixel is not larger than the requested one, else full resolution. Up/downsampling follow the request's
``processing``: upsampling when the request is finer than the file, downsampling otherwise. No-data (the
collection's ``noData``, per band or collection-wide, and NaN) comes back as NaN.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple
from xml.sax.saxutils import escape

import numpy as np
from osgeo import gdal

from .crs import spatial_ref, transformer
from .errors import ProcessError
from .request import Grid

RESAMPLE_ALG = {"NEAREST": "near", "BILINEAR": "bilinear", "BICUBIC": "cubic"}
CURL_CACHE_BYTES = 256 << 20

# Keep recently read COG bytes across requests (GDAL's default /vsicurl/ cache is 16 MB, less than one 2500²
# request reads). localhub's S3 helper clears cached ranges of a path on reingest. An environment setting wins.
if gdal.GetConfigOption("CPL_VSIL_CURL_CACHE_SIZE") is None:
    gdal.SetConfigOption("CPL_VSIL_CURL_CACHE_SIZE", str(CURL_CACHE_BYTES))


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


_KNOWN: OrderedDict[str, FileInfo] = OrderedDict()  # file facts of this process, most recently used last
_KNOWN_LOCK = threading.Lock()  # the tile readers of a request run in threads
KNOWN_MAX = 4096


def forget_file_info(prefix: str = "") -> None:
    """Forget the file facts below ``prefix`` (everything when empty): the files there may have been replaced (a
    re-ingested tile). The render worker calls it where it clears GDAL's cached bytes of the same files."""
    with _KNOWN_LOCK:
        for path in [p for p in _KNOWN if p.startswith(prefix)]:
            del _KNOWN[path]


def file_info(path: str, cache: Optional[Dict[str, FileInfo]] = None) -> FileInfo:
    """Size, georeferencing and overview sizes of a COG (cached per request in ``cache``, and for the process until
    :func:`forget_file_info`: opening a COG and identifying its CRS costs more than reading a small window of it,
    and a batch task reads the same files for many cells)."""
    if cache is not None and path in cache:
        return cache[path]
    with _KNOWN_LOCK:
        known = _KNOWN.get(path)
        if known is not None:
            _KNOWN.move_to_end(path)
    if known is not None:
        if cache is not None:
            cache[path] = known
        return known
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
    with _KNOWN_LOCK:
        _KNOWN[path] = info
        while len(_KNOWN) > KNOWN_MAX:
            _KNOWN.popitem(last=False)
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
    gt, width, height = _level_geotransform(first, level)
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


def _level_geotransform(info: FileInfo, level: Optional[int]) -> Tuple[Tuple[float, ...], int, int]:
    width, height = info.size if level is None else info.overviews[level]
    gt = list(info.geotransform)
    sx, sy = info.size[0] / width, info.size[1] / height
    return (gt[0], gt[1] * sx, gt[2] * sy, gt[3], gt[4] * sx, gt[5] * sy), width, height


def aligned_offset(
    info: FileInfo, level: Optional[int], grid: Grid, window: Tuple[int, int, int, int]
) -> Optional[Tuple[int, int, int, int]]:
    """When the window lies on the level's own pixel grid (same CRS and pixel size, whole-pixel offset), the
    level's pixel ``(col, row)`` of the window's corner and the level size; else None (warp needed)."""
    if info.epsg is None or info.epsg != grid.epsg:
        return None
    gt, width, height = _level_geotransform(info, level)
    if gt[2] or gt[4] or gt[5] >= 0:
        return None
    if not (math.isclose(gt[1], grid.resx, rel_tol=1e-9) and math.isclose(-gt[5], grid.resy, rel_tol=1e-9)):
        return None
    col = (grid.minx + window[0] * grid.resx - gt[0]) / gt[1]
    row = (gt[3] - (grid.maxy - window[1] * grid.resy)) / -gt[5]
    if abs(col - round(col)) > 1e-6 or abs(row - round(row)) > 1e-6:
        return None
    return int(round(col)), int(round(row)), width, height


def read_window(
    sources: Sequence[BandSource],
    grid: Grid,
    window: Tuple[int, int, int, int],
    upsampling: str = "NEAREST",
    downsampling: str = "NEAREST",
    cache: Optional[Dict[str, FileInfo]] = None,
    allow_direct: bool = True,
) -> np.ndarray:
    """Warp the bands into ``window`` of ``grid``; float32 ``(len(sources), h, w)``, NaN where there is no data.

    Bands whose files share a grid (the usual case) are read together through one VRT. When the request grid
    is the chosen level's own grid (``allow_direct``), pixels are copied with a plain windowed read, which
    gives what the warper gives there with any resampling, at a fraction of the cost.
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
    for indices in groups.values():
        info = infos[indices[0]]
        if info.epsg is None and not info.wkt:
            raise ProcessError(400, "COMMON_EXCEPTION", f"{_display(info.path)} has no georeferencing.")
        target = request_resolution_in(grid, window, info.epsg or grid.epsg)
        level, _level_res = choose_level(info, target)
        base_res = min(abs(info.geotransform[1]), abs(info.geotransform[5]))
        alg = RESAMPLE_ALG[upsampling if target < base_res else downsampling]
        group_sources = [sources[i] for i in indices]
        vrt = gdal.Open(_vrt_xml([info], group_sources, level))
        direct = aligned_offset(info, level, grid, window) if allow_direct else None
        try:
            if direct is not None:
                data = _read_direct(vrt, direct, window, group_sources)
            else:
                data = _warp(vrt, grid, window, alg)
        except RuntimeError as exc:
            raise ProcessError(400, "COMMON_EXCEPTION", f"Could not read {_display(info.path)}: {exc}") from None
        out[indices] = data
        vrt = None
    return out


def _read_direct(vrt, direct, window, sources: Sequence[BandSource]) -> np.ndarray:
    col, row, width, height = direct
    _xoff, _yoff, w, h = window
    data = np.full((len(sources), h, w), np.nan, np.float32)
    c0, r0 = max(col, 0), max(row, 0)
    c1, r1 = min(col + w, width), min(row + h, height)
    if c1 <= c0 or r1 <= r0:
        return data
    block = vrt.ReadAsArray(c0, r0, c1 - c0, r1 - r0)
    if block is None:
        raise RuntimeError(gdal.GetLastErrorMsg())
    if block.ndim == 2:
        block = block[np.newaxis]
    for k, src in enumerate(sources):
        if src.nodata is not None:
            block[k][block[k] == np.float32(src.nodata)] = np.nan
    data[:, r0 - row : r1 - row, c0 - col : c1 - col] = block
    return data


def _warp(vrt, grid: Grid, window: Tuple[int, int, int, int], alg: str) -> np.ndarray:
    xoff, yoff, w, h = window
    count = vrt.RasterCount
    dst = gdal.GetDriverByName("MEM").Create("", w, h, count, gdal.GDT_Float32)
    dst.SetGeoTransform(grid.sub_geotransform(xoff, yoff))
    dst.SetProjection(spatial_ref(grid.epsg).ExportToWkt())
    for b in range(count):
        band = dst.GetRasterBand(b + 1)
        band.SetNoDataValue(float("nan"))
        band.Fill(float("nan"))
    options = gdal.WarpOptions(
        resampleAlg=alg,
        # Exact per-pixel transformation: with GDAL's default approximation (0.125 px) a reprojected window
        # depends on the request's extent, and a request split into parts would not match the whole one.
        errorThreshold=0,
        warpOptions=["INIT_DEST=NO_DATA", "UNIFIED_SRC_NODATA=NO"],
        overviewLevel="NONE",
        warpMemoryLimit=256 * 1024 * 1024,
    )
    result = gdal.Warp(dst, vrt, options=options)
    if result is None:
        raise RuntimeError(gdal.GetLastErrorMsg())
    data = dst.ReadAsArray()
    return data[np.newaxis] if data.ndim == 2 else data
