"""One batch cell = one Process request on localhub's render pool, turned into the files to deliver.

Runs in localhub threads and does GDAL work only (untar, assembling blocks, COG conversion of assembled cells):
every evalscript runs in the render pool's worker processes (:mod:`localhub.process.pool`), the Process engine
being reused unchanged (``run_process`` over the cell's grid, without the area of interest's geometry: a cell is
processed whole); a one-block cell is written as a COG by its worker too.
Cells larger than the Process API's 2500 px per side are rendered in blocks and assembled into one file.
"""

from __future__ import annotations

import math
import os
import shutil
import tarfile
from dataclasses import replace
from typing import Any, Callable, Dict, List, Optional, Tuple

from osgeo import gdal

from ..process.cog_write import write_cog
from ..process.request import Grid, ProcessRequest, parse_process_request

BLOCK = 2500
VALIDATION_PX = 8


def parse_request(process: Dict[str, Any]) -> ProcessRequest:
    """The task's ``processRequest`` parsed once (its size is replaced per cell)."""
    body = dict(process)
    body["output"] = dict(process.get("output") or {}, width=1, height=1)
    req = parse_process_request(body, "application/x-tar")
    packaging = "tar" if len(req.responses) > 1 else "raw"
    return replace(req, geometry=None, packaging=packaging)


def blocks(width: int, height: int) -> List[Tuple[int, int, int, int]]:
    """(x, y, width, height) windows of at most 2500 px covering a cell, as even as possible."""
    nx, ny = math.ceil(width / BLOCK), math.ceil(height / BLOCK)
    bw, bh = math.ceil(width / nx), math.ceil(height / ny)
    return [(i * bw, j * bh, min(bw, width - i * bw), min(bh, height - j * bh)) for j in range(ny) for i in range(nx)]


def _render(
    pool: Any,
    req: ProcessRequest,
    grid: Grid,
    collection: dict,
    tiles: list,
    folder: str,
    limit: float,
    compress: bool = True,
    cog_parameters: Optional[Dict[str, Any]] = None,
):
    """Render ``req`` over ``grid``; return ({output id: file}, processing units). Raises ProcessError.
    ``compress=False``: TIFF outputs come uncompressed (they are written again as COGs here).
    ``cog_parameters``: a single TIFF output comes as a COG written by the render worker."""
    from ..process.pool import RenderJob

    os.makedirs(folder, exist_ok=True)
    single = req.responses[0] if req.packaging == "raw" else None
    target = os.path.join(folder, f"{single.identifier}.out" if single else "answer.tar")
    job = RenderJob(
        replace(req, grid=grid),
        collection,
        tiles,
        limit,
        output_path=target,
        compress_tiff=compress,
        cog_parameters=cog_parameters if single is not None and single.mime == "image/tiff" else None,
    )
    result = pool.submit(job).result()
    if single is not None:
        return {single.identifier: target}, float(result.processing_units)
    files: Dict[str, str] = {}
    with tarfile.open(target, mode="r:") as tar:
        for member in tar.getmembers():
            handle = tar.extractfile(member)
            if handle is None:
                continue
            stem = member.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            path = os.path.join(folder, f"{stem}.out")
            with open(path, "wb") as out:
                shutil.copyfileobj(handle, out)
            files[stem] = path
    os.remove(target)
    return files, float(result.processing_units)


def validate(pool: Any, req: ProcessRequest, collection: dict, cell: Any, folder: str, limit: float) -> Dict[str, dict]:
    """Run the evalscript on a few pixels of ``cell`` (setup, outputs, bands); return the TIFF outputs' band count
    and sample type. Raises ProcessError with the evalscript's message."""
    grid = Grid(
        cell.epsg,
        cell.minx,
        cell.maxy - (cell.maxx - cell.minx) * VALIDATION_PX / cell.width,
        cell.minx + (cell.maxx - cell.minx) * VALIDATION_PX / cell.width,
        cell.maxy,
        VALIDATION_PX,
        VALIDATION_PX,
    )
    try:
        files, _ = _render(pool, req, grid, collection, [], folder, limit)
        out = {}
        for rid, path in files.items():
            if next(r for r in req.responses if r.identifier == rid).mime != "image/tiff":
                continue
            ds = gdal.Open(path)
            band = ds.GetRasterBand(1)
            out[rid] = {"bands": ds.RasterCount, "sampleType": _sample_type(band)}
            ds = None
        return out
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _sample_type(band: Any) -> str:
    kind = band.DataType
    if kind == gdal.GDT_Byte:
        signed = (band.GetMetadata("IMAGE_STRUCTURE") or {}).get("PIXELTYPE") == "SIGNEDBYTE"
        return "INT8" if signed else "UINT8"
    if getattr(gdal, "GDT_Int8", None) == kind:
        return "INT8"
    return {gdal.GDT_UInt16: "UINT16", gdal.GDT_Int16: "INT16"}.get(kind, "FLOAT32")


def render_cell(
    pool: Any,
    req: ProcessRequest,
    collection: dict,
    tiles: list,
    cell: Any,
    folder: str,
    cog: bool,
    cog_parameters: Dict[str, Any],
    limit: float,
    rendered: Optional[Callable[[], None]] = None,
) -> Tuple[Dict[str, str], float]:
    """Render a cell (in blocks when it is larger than 2500 px); return ({output id: final file}, PU).

    A cell of one block with one TIFF output (the usual case) is written as a COG by the worker that renders it;
    others are assembled and written as COGs here. ``rendered()`` is called once the render workers are done with
    the cell, so that the caller can hand the workers the next cell meanwhile."""
    full = Grid(cell.epsg, cell.minx, cell.miny, cell.maxx, cell.maxy, cell.width, cell.height)
    windows = blocks(cell.width, cell.height)
    mimes = {r.identifier: r.mime for r in req.responses}
    pu = 0.0
    parts: Dict[str, List[Tuple[int, int, str]]] = {rid: [] for rid in mimes}
    in_worker = cog and len(windows) == 1 and req.packaging == "raw" and req.responses[0].mime == "image/tiff"
    for index, (x0, y0, bw, bh) in enumerate(windows):
        gt = full.sub_geotransform(x0, y0)
        grid = Grid(full.epsg, gt[0], gt[3] - bh * full.resy, gt[0] + bw * full.resx, gt[3], bw, bh)
        folder_i = os.path.join(folder, f"block{index}")
        files, units = _render(
            pool, req, grid, collection, tiles, folder_i, limit, not cog, cog_parameters if in_worker else None
        )
        pu += units
        for rid, path in files.items():
            parts[rid].append((x0, y0, path))
    if rendered is not None:
        rendered()
    out: Dict[str, str] = {}
    for rid, mime in mimes.items():
        if mime == "application/json":
            out[rid] = os.path.join(folder, f"{rid}.json")
            os.replace(parts[rid][0][2], out[rid])  # userdata of the first block
            continue
        source = (
            parts[rid][0][2]
            if len(windows) == 1
            else _assemble(parts[rid], full, os.path.join(folder, f"{rid}.full.tif"))
        )
        out[rid] = _finish_tiff(source, os.path.join(folder, f"{rid}.tif"), cog and not in_worker, cog_parameters)
    return out, pu


def _assemble(parts: List[Tuple[int, int, str]], full: Grid, path: str) -> str:
    """Write block GeoTIFFs into one tiled GeoTIFF of the full cell."""
    ds = None
    try:
        for x0, y0, block in parts:
            src = gdal.Open(block)
            if ds is None:
                band = src.GetRasterBand(1)
                signed = (band.GetMetadata("IMAGE_STRUCTURE") or {}).get("PIXELTYPE") == "SIGNEDBYTE"
                ds = gdal.GetDriverByName("GTiff").Create(
                    path,
                    full.width,
                    full.height,
                    src.RasterCount,
                    band.DataType,
                    ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"]
                    + (["PIXELTYPE=SIGNEDBYTE"] if signed else []),
                )
                ds.SetGeoTransform(full.geotransform)
                ds.SetProjection(src.GetProjection())
                for i in range(1, src.RasterCount + 1):
                    nodata = src.GetRasterBand(i).GetNoDataValue()
                    if nodata is not None:
                        ds.GetRasterBand(i).SetNoDataValue(nodata)
            ds.WriteRaster(x0, y0, src.RasterXSize, src.RasterYSize, src.ReadRaster())
            src = None
            os.remove(block)
    finally:
        if ds is not None:
            ds.FlushCache()
        ds = None
    return path


def _finish_tiff(source: str, path: str, cog: bool, params: Dict[str, Any]) -> str:
    """The delivered GeoTIFF: as rendered (or already written as a COG by the render worker), or converted to a
    COG here (cells assembled from several blocks; outputs of a multi-output request)."""
    if cog:
        write_cog(source, path, params)
        os.remove(source)
    else:
        os.replace(source, path)
    return path


def sample_type_of(path: str) -> Optional[str]:
    """The sample type of a delivered GeoTIFF (tests, diagnostics)."""
    ds = gdal.Open(path)
    return None if ds is None else _sample_type(ds.GetRasterBand(1))
