"""Process requests larger than the service's 2500 px limit: a grid of sub-requests mosaicked into one GeoTIFF.

The grid lies on the output's pixel lattice: sub-request edges are whole output pixels, computed from the
full request's extent exactly as the service computes pixel edges (``min + span·i/N``), so every sub-request
samples the same pixel centres the one big request would and the mosaic is pixel-identical to it.
Sub-requests run concurrently (``max_workers``, at most that many answers held in memory) and share the
connection's rate-limit gate, so a 429 pauses them all.
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Tuple

from .errors import CancelledError, SentinelHubError
from .progress import Cancelled, Progress
from .worded import WordedError

if TYPE_CHECKING:  # pragma: no cover
    from .process import ProcessClient, ProcessRequest

__all__ = ["Cell", "plan_grid", "split_sizes", "cell_bbox", "run_to_geotiff"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cell:
    """A sub-request: pixel offset (col, row) and size in the full output."""

    col: int
    row: int
    width: int
    height: int


def split_sizes(total: int, max_px: int) -> List[int]:
    """Split ``total`` pixels into the fewest parts ≤ ``max_px``, sizes differing by at most one."""
    if total < 1 or max_px < 1:
        raise ValueError("sizes must be positive")
    parts = -(-total // max_px)
    base, extra = divmod(total, parts)
    return [base + 1 if i < extra else base for i in range(parts)]


def plan_grid(width: int, height: int, max_px: int) -> List[Cell]:
    """Cells covering a ``width``×``height`` image, each at most ``max_px`` per side, row-major order."""
    cells = []
    row = 0
    for h in split_sizes(height, max_px):
        col = 0
        for w in split_sizes(width, max_px):
            cells.append(Cell(col, row, w, h))
            col += w
        row += h
    return cells


def cell_bbox(bounds: Tuple[float, float, float, float], size: Tuple[int, int], cell: Cell) -> List[float]:
    """The cell's bbox: edges on the full request's pixel lattice (``min + span·i/N``, y from the top)."""
    minx, miny, maxx, maxy = bounds
    width, height = size
    spanx, spany = maxx - minx, maxy - miny

    def x_at(i: int) -> float:
        return maxx if i == width else minx + spanx * i / width

    def y_at(j: int) -> float:  # j counts rows from the top
        return miny if j == height else maxy - spany * j / height

    return [x_at(cell.col), y_at(cell.row + cell.height), x_at(cell.col + cell.width), y_at(cell.row)]


def _tiff_identifier(request: ProcessRequest, identifier: Optional[str]) -> str:
    tiffs = [r.identifier for r in request.responses if r.format == "image/tiff"]
    if identifier is not None:
        if identifier not in tiffs:
            raise WordedError("split-not-tiff", output=identifier)
        return identifier
    if not tiffs:
        raise WordedError("split-no-tiff")
    return tiffs[0]


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def _mem_dataset(data: bytes, what: str):
    from osgeo import gdal

    from .gdal_compat import open_raster

    name = f"/vsimem/byoc_process_{uuid.uuid4().hex}.tif"
    gdal.FileFromMemBuffer(name, data)
    try:
        ds = open_raster(name)
    except Exception:
        gdal.Unlink(name)
        raise SentinelHubError(f"{what}: the Process API answer is not a readable GeoTIFF") from None
    return ds, name


def _write_single(data: bytes, path: str, request: ProcessRequest) -> None:
    """Write one answer as is, adding georeferencing if the service left it out."""
    tmp = f"{path}.part"
    with open(tmp, "wb") as fh:
        fh.write(data)
    from .gdal_compat import open_raster

    ds = open_raster(tmp, update=True)
    try:
        if not ds.GetProjection() or ds.GetGeoTransform(can_return_null=True) is None:
            minx, miny, maxx, maxy = request.bounds()
            ds.SetGeoTransform((minx, (maxx - minx) / ds.RasterXSize, 0.0, maxy, 0.0, -(maxy - miny) / ds.RasterYSize))
            ds.SetProjection(_srs_wkt(request.epsg))
        ds.FlushCache()
    finally:
        ds = None
    os.replace(tmp, path)


def _srs_wkt(epsg: int) -> str:
    from osgeo import osr

    ref = osr.SpatialReference()
    ref.ImportFromEPSG(int(epsg))
    return ref.ExportToWkt()


def run_to_geotiff(
    client: ProcessClient,
    request: ProcessRequest,
    path: str,
    cancel: Any = None,
    progress: Any = None,
    max_px: int = 2500,
    identifier: Optional[str] = None,
    max_workers: Optional[int] = None,
) -> str:
    """Run ``request`` and write its GeoTIFF output to ``path`` (split into a grid when > ``max_px``).

    ``progress(fraction, message)``; ``cancel()`` → :class:`CancelledError`, leaving no file behind.
    """
    try:
        prog = Progress.of(progress, cancel)
        request.validate(max_px=None)
        ident = _tiff_identifier(request, identifier)
        width, height = request.size()
        template = replace(
            request,
            responses=[r for r in request.responses if r.identifier == ident],
            resx=None,
            resy=None,
        )
        if width <= max_px and height <= max_px:
            single = replace(template, width=width, height=height)
            return _run_single(client, single, request, ident, path, prog, cancel)
        cells = plan_grid(width, height, max_px)
        log.info("process request %dx%d px split into %d sub-requests", width, height, len(cells))
        workers = max(1, min(max_workers or client.max_workers, len(cells)))
        return _run_grid(client, template, request, ident, path, cells, workers, prog, cancel)
    except Cancelled as exc:
        if isinstance(exc, CancelledError):
            raise
        raise CancelledError(str(exc)) from None


def _run_single(
    client: ProcessClient,
    single: ProcessRequest,
    request: ProcessRequest,
    ident: str,
    path: str,
    prog: Progress,
    cancel: Any,
) -> str:
    """``single`` (the request with its one TIFF output), its answer written as is (via ``path.part``)."""
    prog(0.0, "requesting the image")
    result = client.process(single, cancel=cancel)
    try:
        _write_single(result.outputs[ident], path, request)
    except BaseException:
        _remove(f"{path}.part")
        raise
    prog(1.0, "image written")
    return path


def _run_grid(
    client: ProcessClient,
    template: ProcessRequest,
    request: ProcessRequest,
    ident: str,
    path: str,
    cells: List[Cell],
    workers: int,
    prog: Progress,
    cancel: Any,
) -> str:
    """One sub-request per cell (``template`` with the cell's bbox and size), their answers mosaicked into ``path``
    on the grid of ``request`` (via ``path.part``, removed on failure)."""
    size = request.size()
    bounds = request.bounds()
    tmp = f"{path}.part"
    out = None
    done = 0

    def write(cell: Cell, data: bytes) -> None:
        nonlocal out, done
        out = _write_cell(out, tmp, data, cell, size, bounds, request.epsg)
        done += 1
        prog(done / len(cells), f"{done}/{len(cells)} parts")

    try:
        _fetch_cells(client, template, ident, size, bounds, cells, workers, prog, cancel, write)
        if out is None:  # pragma: no cover - at least one cell always exists
            raise SentinelHubError("no image parts were received")
        out.FlushCache()
        out = None
        os.replace(tmp, path)
    except BaseException:
        out = None  # close before removing
        _remove(tmp)
        raise
    return path


def _fetch_cells(
    client: ProcessClient,
    template: ProcessRequest,
    ident: str,
    size: Tuple[int, int],
    bounds: Tuple[float, float, float, float],
    cells: List[Cell],
    workers: int,
    prog: Progress,
    cancel: Any,
    on_answer: Callable[[Cell, bytes], None],
) -> None:
    """Run one sub-request per cell, at most ``workers`` at a time, handing each answer to ``on_answer`` in the
    calling thread as it arrives.

    One failed part fails the whole image: the parts still running are cancelled at once (between their retries,
    rate-limit waits and download chunks) instead of running on for minutes.
    """
    stop = threading.Event()

    def sub_cancel() -> bool:
        return stop.is_set() or bool(cancel is not None and cancel())

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="byoc-process") as pool:
        pending: Dict[Future, Cell] = {}
        queue = list(cells)

        def submit() -> None:
            while queue and len(pending) < workers:
                cell = queue.pop(0)
                sub = replace(template, bbox=tuple(cell_bbox(bounds, size, cell)), width=cell.width, height=cell.height)
                pending[pool.submit(client.process, sub, sub_cancel)] = cell

        try:
            submit()
            while pending:
                finished, _ = wait(list(pending), timeout=0.2, return_when=FIRST_COMPLETED)
                prog.check()
                for fut in sorted(finished, key=lambda f: isinstance(f.exception(), Cancelled)):
                    cell = pending.pop(fut)
                    on_answer(cell, fut.result().outputs[ident])
                submit()
        except BaseException:
            stop.set()
            queue.clear()
            for fut in pending:
                fut.cancel()
            raise


def _write_cell(out, tmp: str, data: bytes, cell: Cell, size: Tuple[int, int], bounds, epsg: int):
    from osgeo import gdal

    from .gdal_compat import call

    what = f"part at pixel {cell.col},{cell.row}"
    sub, name = _mem_dataset(data, what)
    try:
        if (sub.RasterXSize, sub.RasterYSize) != (cell.width, cell.height):
            raise SentinelHubError(
                f"{what}: the service answered {sub.RasterXSize}×{sub.RasterYSize} px, expected "
                f"{cell.width}×{cell.height}"
            )
        if out is None:
            first = sub.GetRasterBand(1)
            driver = gdal.GetDriverByName("GTiff")
            out = call(
                driver.Create,
                tmp,
                size[0],
                size[1],
                sub.RasterCount,
                first.DataType,
                options=["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"],
                what=tmp,
            )
            minx, miny, maxx, maxy = bounds
            out.SetGeoTransform((minx, (maxx - minx) / size[0], 0.0, maxy, 0.0, -(maxy - miny) / size[1]))
            out.SetProjection(sub.GetProjection() or _srs_wkt(epsg))
            for i in range(1, sub.RasterCount + 1):
                nodata = sub.GetRasterBand(i).GetNoDataValue()
                if nodata is not None:
                    out.GetRasterBand(i).SetNoDataValue(nodata)
        elif sub.RasterCount != out.RasterCount:
            raise SentinelHubError(f"{what}: {sub.RasterCount} bands, the first part had {out.RasterCount}")
        for i in range(1, sub.RasterCount + 1):
            src = sub.GetRasterBand(i)
            raw = src.ReadRaster(0, 0, cell.width, cell.height, buf_type=out.GetRasterBand(i).DataType)
            out.GetRasterBand(i).WriteRaster(
                cell.col, cell.row, cell.width, cell.height, raw, buf_type=out.GetRasterBand(i).DataType
            )
    finally:
        sub = None
        gdal.Unlink(name)
    return out
