"""A batch task's delivered outputs as VRT mosaics over ``/vsis3/``: one per output and CRS, nothing downloaded.

A VRT is a small local XML file listing the delivered cell files (``/vsis3/<bucket>/<key>``) of one output in one
CRS (UTM grids deliver each zone in its own CRS, so an area across zones gives one VRT per zone). Once open as a
layer, GDAL reads only the blocks and overviews a view needs. The VRT holds paths, never the bucket's settings or
keys: whoever opens it sets the bucket's options (:func:`~byoc_qgis.core.s3.bucket_options`, or
:mod:`~byoc_qgis.core.s3_layers` for layers).

Building it costs the same for 50 or 50 000 cells, give or take the XML: the cells' places and sizes come from the
feature manifest (the cell outline's centre, ``width``/``height`` and the task's resolution), and only the first
delivered file of each output and CRS is opened, for the bands, data type, no-data value, block size and a check
that its georeferencing is the one computed. If that check fails (a service that lays cells out otherwise),
``gdal.BuildVRT`` builds the mosaic from every file's header instead.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple
from xml.sax.saxutils import escape, quoteattr  # nosec B406 # escapes the XML we write; nothing is parsed

from osgeo import gdal, ogr

from .batch_results import BatchCell, cell_outputs
from .batch_task import BatchTask
from .gdal_compat import collect_errors
from .http import CancelFn, check_cancel
from .s3 import S3Config, S3Error, bucket_options
from .worded import WordedError, WordedText

__all__ = ["Mosaic", "tiff_outputs", "mosaic_path", "build_mosaics"]

ProgressFn = Optional[Callable[[float, str], None]]


@dataclass(frozen=True)
class Mosaic:
    """One VRT: an output of the task in one CRS, the delivered cell files it lists and those GDAL skipped."""

    output_id: str
    epsg: int
    path: str
    sources: int
    skipped: Tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """A layer name: ``<output> EPSG:<code>``."""
        return f"{self.output_id} EPSG:{self.epsg}"


def tiff_outputs(task: BatchTask) -> List[str]:
    """The task's raster outputs (``image/tiff`` responses), in request order."""
    return [oid for oid, mime in task.outputs.items() if mime == "image/tiff"]


def mosaic_path(folder: str, task: BatchTask, output_id: str, epsg: int) -> str:
    """``<folder>/batch-<first 8 of the task id>-<output>-EPSG<code>.vrt`` (output id made file-name safe)."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", output_id) or "output"
    return os.path.join(folder, f"batch-{task.id[:8]}-{safe}-EPSG{int(epsg)}.vrt")


def build_mosaics(
    config: S3Config,
    task: BatchTask,
    cells: Sequence[BatchCell],
    folder: str,
    output_ids: Optional[Sequence[str]] = None,
    progress: ProgressFn = None,
    cancel: CancelFn = None,
) -> List[Mosaic]:
    """Write one VRT per raster output and CRS of the *delivered* cells into ``folder``; return them.

    ``output_ids`` limits the outputs (default: every ``image/tiff`` output). ``config`` is the delivery bucket's.
    Outputs with no delivered cell get no VRT. Raises ``ValueError`` for an output the task does not have and
    :class:`S3Error` when GDAL cannot build a VRT (message without keys).
    """
    available = tiff_outputs(task)
    wanted = list(dict.fromkeys(o.strip() for o in (output_ids or []) if o and o.strip())) or available
    unknown = [o for o in wanted if o not in available]
    if unknown:
        outputs = ", ".join(available) or "none"
        raise WordedError("batch-unknown-output", output=unknown[0], task=task.id, outputs=outputs)
    ordered = sorted(cells, key=lambda c: c.name)
    jobs: List[Tuple[str, int, List[Tuple[BatchCell, str]]]] = []
    for oid in wanted:
        groups: Dict[int, List[Tuple[BatchCell, str]]] = cell_outputs(config, task, oid, ordered)
        for epsg in sorted(groups):
            jobs.append((oid, epsg, groups[epsg]))
    os.makedirs(folder, exist_ok=True)
    out: List[Mosaic] = []
    with bucket_options(config):
        for index, (oid, epsg, pairs) in enumerate(jobs):
            check_cancel(cancel)
            path = mosaic_path(folder, task, oid, epsg)
            if progress is not None:
                progress(index / max(1, len(jobs)), f"{oid} EPSG:{epsg}: {len(pairs)} cells")
            mosaic = _from_manifest(config, path, oid, epsg, pairs, task.resolution)
            if mosaic is None:  # the manifest does not describe the files exactly: read every header
                mosaic = _build_one(config, path, oid, epsg, [p for _c, p in pairs], cancel)
            out.append(mosaic)
    if progress is not None:
        progress(1.0, f"{len(out)} mosaics")
    return out


@dataclass(frozen=True)
class _Header:
    """What a mosaic needs from one delivered file."""

    width: int
    height: int
    geotransform: Tuple[float, ...]
    wkt: str
    axes: str  # the SRS's data-axis-to-SRS-axis mapping, e.g. "1,2" (2,1 for EPSG:4326)
    bands: Tuple[Tuple[str, Optional[float], int, int, int], ...]  # (data type, nodata, colour interp, block x, y)


def _header(config: S3Config, path: str) -> _Header:
    with collect_errors() as messages:
        try:
            ds = gdal.Open(path)
        except RuntimeError as exc:
            messages.append(str(exc))
            ds = None
        if ds is None:
            reason = config.scrub(messages[-1]) if messages else "cannot open it"
            raise S3Error(WordedText("batch-cannot-read-cell", path=config.scrub(path), reason=reason))
        try:
            bands = []
            for i in range(1, ds.RasterCount + 1):
                band = ds.GetRasterBand(i)
                block_x, block_y = band.GetBlockSize()
                bands.append(
                    (gdal.GetDataTypeName(band.DataType), band.GetNoDataValue(), band.GetColorInterpretation(),
                     block_x, block_y)
                )  # fmt: skip
            srs = ds.GetSpatialRef()
            axes = ",".join(str(a) for a in srs.GetDataAxisToSRSAxisMapping()) if srs is not None else "1,2"
            size = (ds.RasterXSize, ds.RasterYSize)
            return _Header(*size, tuple(ds.GetGeoTransform()), ds.GetProjection(), axes, tuple(bands))
        finally:
            ds = None


def _cell_origin(cell: BatchCell, resolution: float) -> Optional[Tuple[float, float]]:
    """Upper-left corner of the cell's raster: the outline's centre ± half its pixel size (buffer or not)."""
    geom = ogr.CreateGeometryFromWkt(cell.wkt) if cell.wkt else None
    if geom is None or cell.width <= 0 or cell.height <= 0:
        return None
    minx, maxx, miny, maxy = geom.GetEnvelope()
    cx, cy = (minx + maxx) / 2.0, (miny + maxy) / 2.0
    return cx - cell.width * resolution / 2.0, cy + cell.height * resolution / 2.0


def _from_manifest(
    config: S3Config, path: str, oid: str, epsg: int, pairs: List[Tuple[BatchCell, str]], resolution: Optional[float]
) -> Optional[Mosaic]:
    """The VRT written from the manifest, checked on the first file; None when it does not match the files."""
    if not pairs or not resolution or resolution <= 0:
        return None
    origins = [_cell_origin(cell, resolution) for cell, _p in pairs]
    if any(o is None for o in origins):
        return None
    first = _header(config, pairs[0][1])
    x0, y0 = origins[0]  # type: ignore[misc]
    tol = resolution * 1e-6
    gt = first.geotransform
    if (
        (first.width, first.height) != (pairs[0][0].width, pairs[0][0].height)
        or abs(gt[0] - x0) > tol
        or abs(gt[3] - y0) > tol
        or abs(gt[1] - resolution) > tol
        or abs(gt[5] + resolution) > tol
        or gt[2] != 0
        or gt[4] != 0
    ):
        return None
    left = min(o[0] for o in origins)  # type: ignore[index]
    top = max(o[1] for o in origins)  # type: ignore[index]
    places = []
    for (cell, source), (ox, oy) in zip(pairs, origins):  # type: ignore[misc]
        col, row = (ox - left) / resolution, (top - oy) / resolution
        if abs(col - round(col)) > 1e-6 or abs(row - round(row)) > 1e-6:
            return None  # not on one pixel lattice: let GDAL resample
        places.append((source, int(round(col)), int(round(row)), cell.width, cell.height))
    width = max(c + w for _s, c, _r, w, _h in places)
    height = max(r + h for _s, _c, r, _w, h in places)
    _write_vrt(path, width, height, (left, resolution, 0.0, top, 0.0, -resolution), first, places)
    return Mosaic(oid, int(epsg), path, len(places))


def _number(value: float) -> str:
    return repr(float(value)) if math.isfinite(value) else ("nan" if math.isnan(value) else str(value))


def _write_vrt(path: str, width: int, height: int, gt, header: _Header, places) -> None:
    """The VRT XML: one simple source per cell and band (``SourceProperties`` set: nothing is opened to read it)."""
    lines = [f'<VRTDataset rasterXSize="{width}" rasterYSize="{height}">']
    if header.wkt:
        lines.append(f'  <SRS dataAxisToSRSAxisMapping="{header.axes}">{escape(header.wkt)}</SRS>')
    lines.append(f"  <GeoTransform>{', '.join(_number(v) for v in gt)}</GeoTransform>")
    for index, (dtype, nodata, interp, block_x, block_y) in enumerate(header.bands, start=1):
        lines.append(f'  <VRTRasterBand dataType="{dtype}" band="{index}">')
        if nodata is not None:
            lines.append(f"    <NoDataValue>{_number(nodata)}</NoDataValue>")
        lines.append(f"    <ColorInterp>{gdal.GetColorInterpretationName(interp)}</ColorInterp>")
        kind = "ComplexSource" if nodata is not None else "SimpleSource"
        for source, col, row, w, h in places:
            lines.append(f"    <{kind}>")
            lines.append(f'      <SourceFilename relativeToVRT="0">{escape(source)}</SourceFilename>')
            lines.append(f"      <SourceBand>{index}</SourceBand>")
            lines.append(
                f'      <SourceProperties RasterXSize="{w}" RasterYSize="{h}" DataType={quoteattr(dtype)} '
                f'BlockXSize="{block_x}" BlockYSize="{block_y}" />'
            )
            lines.append(f'      <SrcRect xOff="0" yOff="0" xSize="{w}" ySize="{h}" />')
            lines.append(f'      <DstRect xOff="{col}" yOff="{row}" xSize="{w}" ySize="{h}" />')
            if nodata is not None:
                lines.append(f"      <NODATA>{_number(nodata)}</NODATA>")
            lines.append(f"    </{kind}>")
        lines.append("  </VRTRasterBand>")
    lines.append("</VRTDataset>")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


def _build_one(config: S3Config, path: str, oid: str, epsg: int, paths: List[str], cancel: CancelFn) -> Mosaic:
    def callback(_complete, _message=None, _data=None) -> int:
        return 0 if cancel is not None and cancel() else 1

    if os.path.exists(path):
        os.remove(path)  # a VRT of an earlier run: the file's presence below must mean this build worked
    with collect_errors() as messages:
        try:
            ds = gdal.BuildVRT(path, paths, callback=callback)
        except RuntimeError as exc:  # exception mode
            messages.append(str(exc))
            ds = None
        if ds is not None:
            ds.FlushCache()
            ds = None
    check_cancel(cancel)
    if not os.path.exists(path):
        reason = config.scrub(messages[-1]) if messages else "GDAL could not build it"
        raise S3Error(WordedText("batch-cannot-mosaic", output=oid, epsg=epsg, count=len(paths), reason=reason))
    skipped = tuple(config.scrub(m) for m in messages if "skipping" in m.lower() or "can't open" in m.lower())
    return Mosaic(oid, int(epsg), path, len(paths) - len(skipped), skipped)
