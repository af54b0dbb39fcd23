"""Batch cells as Process requests on localhub's render pool, turned into the files to deliver.

Runs in localhub threads and does GDAL work only (untar, assembling blocks, COG conversion of assembled cells):
every evalscript runs in the render pool's worker processes (:mod:`localhub.process.pool`), the Process engine
being reused unchanged (over the cell's grid, without the area of interest's geometry: a cell is processed whole).
A one-block cell with one TIFF output (the usual case) is written by the worker that renders it, straight from the
rendered values. Cells larger than the Process API's 2500 px per side are rendered in blocks and assembled into one
file.

Adjacent cells may be rendered as one request (a *unit*, :func:`plan_units`) when that gives every pixel exactly
as rendering its cell alone does (:func:`groupable`, :func:`tiles_in_crs`): the worker then writes each cell's file
from its window of the result. This saves what each request costs besides its pixels (opening and reading the
sources, starting the evalscript), which for cells of about 1000 px is a large share; the service runs its cells
on a cluster, localhub on the cores of one machine.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import tarfile
from dataclasses import replace
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from osgeo import gdal

from ..process.cog_write import write_cog
from ..process.request import Grid, ProcessRequest, parse_process_request

BLOCK = 2500
VALIDATION_PX = 8
UNIT_SIDE = 2  # cells per side of a unit rendered as one request (2 × 2)
MIN_UNITS_PER_WORKER = 4  # units are only formed while each render worker still gets at least this many
_MOSAICKING = re.compile(r"\bmosaicking\b\s*:\s*([^,}\s]+)")


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
):
    """Render ``req`` over ``grid``; return ({output id: file}, processing units). Raises ProcessError.
    ``compress=False``: TIFF outputs come uncompressed (they are written again as COGs here)."""
    from ..process.pool import RenderJob

    os.makedirs(folder, exist_ok=True)
    single = req.responses[0] if req.packaging == "raw" else None
    target = os.path.join(folder, f"{single.identifier}.out" if single else "answer.tar")
    job = RenderJob(replace(req, grid=grid), collection, tiles, limit, output_path=target, compress_tiff=compress)
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
    if len(windows) == 1 and _one_tiff(req):
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{req.responses[0].identifier}.tif")
        target = [(0, 0, cell.width, cell.height, path)]
        pu = _render_windows(pool, req, full, collection, tiles, target, cog, cog_parameters, limit)
        if rendered is not None:
            rendered()
        return {req.responses[0].identifier: path}, pu
    mimes = {r.identifier: r.mime for r in req.responses}
    pu = 0.0
    parts: Dict[str, List[Tuple[int, int, str]]] = {rid: [] for rid in mimes}
    for index, (x0, y0, bw, bh) in enumerate(windows):
        gt = full.sub_geotransform(x0, y0)
        grid = Grid(full.epsg, gt[0], gt[3] - bh * full.resy, gt[0] + bw * full.resx, gt[3], bw, bh)
        folder_i = os.path.join(folder, f"block{index}")
        files, units = _render(pool, req, grid, collection, tiles, folder_i, limit, not cog)
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
        out[rid] = _finish_tiff(source, os.path.join(folder, f"{rid}.tif"), cog, cog_parameters)
    return out, pu


def _one_tiff(req: ProcessRequest) -> bool:
    return req.packaging == "raw" and req.responses[0].mime == "image/tiff"


def _render_windows(
    pool: Any,
    req: ProcessRequest,
    grid: Grid,
    collection: dict,
    tiles: list,
    windows: Sequence[Tuple[int, int, int, int, str]],
    cog: bool,
    cog_parameters: Dict[str, Any],
    limit: float,
) -> float:
    """Render a one-TIFF-output request over ``grid``; the worker writes each window as its file. Returns PU."""
    from ..process.pool import RenderJob

    job = RenderJob(
        replace(req, grid=grid),
        collection,
        tiles,
        limit,
        windows=tuple(windows),
        cog_parameters=dict(cog_parameters) if cog else None,
    )
    return float(pool.submit(job).result().processing_units)


# -- units of adjacent cells -------------------------------------------------------------------------------------
def groupable(req: ProcessRequest, grid_input: Dict[str, Any]) -> bool:
    """Whether this task's adjacent cells may be rendered as one request with every pixel as its cell alone gives.

    True for one TIFF output of an evalscript with SIMPLE mosaicking and neither ``updateOutput`` nor
    ``preProcessScenes`` (nothing then depends on which tiles the request touches, only on the tiles under each
    pixel, taken in one global order), nearest-neighbour up- and downsampling (a pixel's value then depends on its
    position only, not on the extent of the request, also where GDAL's warper works in chunks) and cells without
    buffers. The sources' CRS is checked per unit (:func:`tiles_in_crs`). An evalscript that keeps state across
    pixels (a counter) depends on the order of the pixels, which the service does not define either."""
    if not _one_tiff(req) or int(grid_input.get("bufferX") or 0) or int(grid_input.get("bufferY") or 0):
        return False
    if req.data.upsampling != "NEAREST" or req.data.downsampling != "NEAREST":
        return False
    script = req.evalscript
    if "updateOutput" in script or "preProcessScenes" in script:
        return False
    return all(value.strip("\"'") in ("SIMPLE", "Mosaicking.SIMPLE") for value in _MOSAICKING.findall(script))


def tiles_in_crs(tiles: Sequence[Dict[str, Any]], epsg: int) -> bool:
    """Whether every tile's files are in ``epsg`` (their ``tileGeometry``'s CRS): a unit then reads them without
    reprojection, where the overview level and resampling chosen for a window do not depend on its extent."""
    from localhub.process.crs import geojson_epsg

    for tile in tiles:
        geometry = tile.get("tileGeometry")
        try:
            if not geometry or geojson_epsg(geometry) != epsg:
                return False
        except ValueError:
            return False
    return True


def _latticed(cell: Any) -> bool:
    """A cell whose bounds and pixel size are whole metres/units and that fits a 2 × 2 unit in one request: its
    pixels' coordinates are then exact in a unit's grid too."""
    values = (cell.minx, cell.miny, cell.maxx, cell.maxy)
    if any(not float(v).is_integer() for v in values):
        return False
    resx, resy = (cell.maxx - cell.minx) / cell.width, (cell.maxy - cell.miny) / cell.height
    return resx.is_integer() and resy.is_integer() and UNIT_SIDE * max(cell.width, cell.height) <= BLOCK


def plan_units(cells: Sequence[Any], workers: int) -> List[List[Any]]:
    """The cells in units to render as one request each: 2 × 2 blocks of adjacent cells of one CRS and size where
    they exist (else pairs, else single cells), as long as every worker still gets ``MIN_UNITS_PER_WORKER`` units;
    otherwise single cells. Larger units come first, then in the order of their first cell; a unit's cells row by
    row from the top."""
    if len(cells) < UNIT_SIDE * UNIT_SIDE * MIN_UNITS_PER_WORKER * max(1, workers):
        return [[c] for c in cells]
    order = {id(c): i for i, c in enumerate(cells)}
    at: Dict[tuple, Any] = {}
    for cell in cells:
        if _latticed(cell):
            at[(cell.epsg, cell.width, cell.height, cell.minx, cell.maxy)] = cell
    used: set = set()
    units: List[List[Any]] = []

    def free(epsg, width, height, minx, maxy):
        found = at.get((epsg, width, height, minx, maxy))
        return found if found is not None and id(found) not in used else None

    for cell in sorted(cells, key=lambda c: (c.epsg, -c.maxy, c.minx)):
        if id(cell) in used:
            continue
        unit = [cell]
        if _latticed(cell):
            key = (cell.epsg, cell.width, cell.height)
            right = free(*key, cell.maxx, cell.maxy)
            below = free(*key, cell.minx, cell.miny)
            corner = free(*key, cell.maxx, cell.miny) if right is not None and below is not None else None
            if corner is not None:
                unit = [cell, right, below, corner]
            elif right is not None:
                unit = [cell, right]
            elif below is not None:
                unit = [cell, below]
        used.update(id(c) for c in unit)
        units.append(unit)
    if len(units) < MIN_UNITS_PER_WORKER * max(1, workers):
        return [[c] for c in cells]
    units.sort(key=lambda u: (-len(u), min(order[id(c)] for c in u)))  # small units last: the workers end together
    return units


def unit_grid(unit: Sequence[Any]) -> Tuple[Grid, List[Tuple[int, int, int, int]]]:
    """The grid covering a unit's cells and each cell's (x, y, width, height) window in it."""
    first = unit[0]
    minx, maxy = min(c.minx for c in unit), max(c.maxy for c in unit)
    maxx, miny = max(c.maxx for c in unit), min(c.miny for c in unit)
    resx, resy = (first.maxx - first.minx) / first.width, (first.maxy - first.miny) / first.height
    width, height = int(round((maxx - minx) / resx)), int(round((maxy - miny) / resy))
    windows = [
        (int(round((c.minx - minx) / resx)), int(round((maxy - c.maxy) / resy)), c.width, c.height) for c in unit
    ]
    return Grid(first.epsg, minx, miny, maxx, maxy, width, height), windows


def render_unit(
    pool: Any,
    req: ProcessRequest,
    collection: dict,
    tiles: list,
    unit: Sequence[Any],
    folders: Sequence[str],
    cog: bool,
    cog_parameters: Dict[str, Any],
    limit: float,
    rendered: Optional[Callable[[], None]] = None,
) -> List[Tuple[Dict[str, str], float]]:
    """Render adjacent cells as one request of one TIFF output over ``tiles`` (the wire tiles of all the cells, in
    the collection's order: :meth:`~localhub.batch.tile_index.TileIndex.in_collection_order`); return each cell's
    ({output id: file}, PU). The time limit is each cell's: ``limit`` × the number of cells."""
    grid, windows = unit_grid(unit)
    rid = req.responses[0].identifier
    paths = []
    for folder in folders:
        os.makedirs(folder, exist_ok=True)
        paths.append(os.path.join(folder, f"{rid}.tif"))
    targets = [(*window, path) for window, path in zip(windows, paths)]
    try:
        pu = _render_windows(pool, req, grid, collection, tiles, targets, cog, cog_parameters, limit * len(unit))
    finally:
        if rendered is not None:
            rendered()
    area = float(grid.width * grid.height)
    return [({rid: path}, unit_pu(pu, c.width * c.height / area)) for c, path in zip(unit, paths)]


def unit_pu(total: float, share: float) -> float:
    """A cell's processing units from its unit's: its share of the pixels (SIMPLE mosaicking counts area only),
    never below the Process API's minimum per request."""
    from ..process.service import MIN_PROCESSING_UNITS

    return max(MIN_PROCESSING_UNITS, total * share)


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
