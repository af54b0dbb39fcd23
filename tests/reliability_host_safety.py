"""Reliability R8, host safety (issue 11 §5): QGIS's own reprojection still works after the plugin's background work.

The session a user had in QGIS 3.22, against localhub: Show tiles of a collection with tiles in two UTM zones (a
``QgsTask`` builds the outlines), Process requests planned on the main thread as the Process dialog plans them, one
of them large enough to be split into several sub-requests and run as the dialog runs it (a Processing task with a
thread pool), then - once every worker thread has expired - what QGIS does next with new threads:

* a coordinate transform in a new thread: EPSG:32639/32638 (450000, 5000000) → EPSG:4326 (must be 50.36/44.36,
  as GDAL computes it; it was 450000, the input, for the rest of the session);
* a map render (``QgsMapRendererParallelJob``, pool threads) of a UTM raster on an EPSG:4326 map: the raster's
  footprint must be drawn (it was empty), and of the Process result;
* Show tiles again: every outline in degrees (the zone-39 outlines were drawn in metres).

:func:`run_host_safety` returns the figures; ``tests/test_host_safety.py`` asserts them and a ``make reliability``
script can print :meth:`HostSafety.row`. Standalone (own localhub and S3, offscreen QGIS)::

    QT_QPA_PLATFORM=offscreen PROJ_DATA=/usr/share/proj .venv/bin/python -m tests.reliability_host_safety

The pool threads' 30 s idle expiry is shortened to ``expiry_ms`` for the run (restored afterwards). QGIS's CRS and
transform caches are cleared first, so the UTM zones are first met by this scenario whatever ran before.
"""

from __future__ import annotations

import math
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

ZONES = (32638, 32639)
PROBE = (450000.0, 5000000.0)  # a UTM point; its longitude is 44.36 in zone 38 and 50.36 in zone 39
SPLIT_ZONE = 32639
EVALSCRIPT = """//VERSION=3
function setup() {
  return { input: ["B02"], output: { bands: 1, sampleType: "UINT16" } };
}
function evaluatePixel(s) {
  return [s.B02];
}
"""


@dataclass
class HostSafety:
    """Figures of one R8 run (longitudes in degrees, fractions 0..1)."""

    lon_new_thread: Dict[int, float]  # EPSG → longitude of PROBE transformed in a new thread by QGIS
    lon_expected: Dict[int, float]  # the same computed by GDAL
    raster_drawn: float  # fraction of a UTM raster's footprint drawn on an EPSG:4326 map
    process_drawn: float  # fraction of the Process result's footprint drawn (pixels with data)
    outlines_in_degrees: Tuple[int, int]  # (outlines within lon/lat range, outlines) after Show tiles again
    split_parts: int  # sub-requests of the Process request
    tiles_shown: int
    seconds: float
    notes: List[str] = field(default_factory=list)

    def transforms_ok(self) -> bool:
        return all(abs(self.lon_new_thread[z] - self.lon_expected[z]) < 1e-6 for z in self.lon_expected)

    def ok(self) -> bool:
        inside, total = self.outlines_in_degrees
        return (
            self.transforms_ok()
            and self.raster_drawn >= 0.99
            and self.process_drawn >= 0.5
            and total > 0
            and inside == total
            and self.split_parts >= 2
        )

    def row(self) -> str:
        """One line for the reliability table."""
        return f"R8 host safety  {'PASS' if self.ok() else 'FAIL'}  {self.figures()}"

    def figures(self) -> str:
        """The figures of :meth:`row` (without the item and verdict)."""
        lons = ", ".join(
            f"EPSG:{z} {self.lon_new_thread[z]:.4f} (GDAL {self.lon_expected[z]:.4f})"
            for z in sorted(self.lon_new_thread)
        )
        inside, total = self.outlines_in_degrees
        return (
            f"after Show tiles ({self.tiles_shown} tiles, 2 UTM "
            f"zones) + a Process request split in {self.split_parts}, pool threads expired: new-thread transform "
            f"{lons}; UTM raster on EPSG:4326 map {self.raster_drawn:.0%} drawn, Process result "
            f"{self.process_drawn:.0%}; outlines in degrees {inside}/{total}; {self.seconds:.1f} s"
        )


# -- helpers -----------------------------------------------------------------------------------------------------
def _pools():
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QThreadPool

    pools = [QThreadPool.globalInstance()]
    manager = QgsApplication.taskManager()
    if hasattr(manager, "threadPool"):  # QGIS >= 3.34: the task manager has its own pool
        pools.append(manager.threadPool())
    return pools


def set_pool_expiry(ms: int) -> Callable[[], None]:
    """Idle pool threads (tasks, map renders) expire after ``ms``; returns a function restoring the old values."""
    old = [(pool, pool.expiryTimeout()) for pool in _pools()]
    for pool, _ in old:
        pool.setExpiryTimeout(ms)

    def restore() -> None:
        for pool, value in old:
            pool.setExpiryTimeout(value)

    return restore


def _wait(cond: Callable[[], bool], timeout: float, what: str) -> None:
    from .watchdog import wait_until

    if not wait_until(cond, timeout=timeout):
        raise TimeoutError(f"R8: {what} did not finish in {timeout:.0f} s")


def _pump(seconds: float) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def qgis_lon_in_new_thread(epsg: int) -> float:
    """Longitude of :data:`PROBE` from ``epsg`` to EPSG:4326 by ``QgsCoordinateTransform`` in a fresh thread."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsCoordinateTransformContext,
        QgsPointXY,
    )

    out: list = []

    def work() -> None:
        try:
            ct = QgsCoordinateTransform(
                QgsCoordinateReferenceSystem(f"EPSG:{epsg}"),
                QgsCoordinateReferenceSystem("EPSG:4326"),
                QgsCoordinateTransformContext(),
            )
            out.append(ct.transform(QgsPointXY(*PROBE)).x())
        except Exception as exc:  # noqa: BLE001 - reported as the figure
            out.append(exc)

    t = threading.Thread(target=work, name="r8-probe")
    t.start()
    t.join()
    if isinstance(out[0], Exception):
        return float("nan")
    return float(out[0])


def gdal_lon(epsg: int) -> float:
    from byoc_qgis.core.reproject import Reprojector

    return Reprojector(4326).points(epsg, [PROBE])[0][0]


def drawn_fraction(layer, need_value: bool = False) -> float:
    """Render ``layer`` alone on an EPSG:4326 map (``QgsMapRendererParallelJob``, pool threads) and return the
    fraction of its footprint (GDAL-reprojected, 10 % inset) that has drawn pixels (non-black ones if
    ``need_value``: a raster's data, not its no-data)."""
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsRectangle
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    from byoc_qgis.core.reproject import Reprojector
    from byoc_qgis.processing.crs import crs_definition, wgs84

    ext = layer.extent()
    corners = [
        (ext.xMinimum(), ext.yMinimum()),
        (ext.xMaximum(), ext.yMinimum()),
        (ext.xMaximum(), ext.yMaximum()),
        (ext.xMinimum(), ext.yMaximum()),
    ]
    lonlat = Reprojector(4326).points(crs_definition(layer.crs()), corners)
    xs, ys = [p[0] for p in lonlat], [p[1] for p in lonlat]
    foot = QgsRectangle(min(xs), min(ys), max(xs), max(ys))
    view = QgsRectangle(foot)
    view.scale(1.5)
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(wgs84())
    settings.setOutputSize(QSize(240, 240))
    settings.setBackgroundColor(QColor(0, 0, 0, 0))
    settings.setExtent(view)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    m2p = settings.mapToPixel()
    # the footprint's inner box (inset 10 % each side: the UTM box is slightly rotated in lon/lat)
    inset_x, inset_y = foot.width() * 0.1, foot.height() * 0.1
    a = m2p.transform(foot.xMinimum() + inset_x, foot.yMaximum() - inset_y)
    b = m2p.transform(foot.xMaximum() - inset_x, foot.yMinimum() + inset_y)
    x0, x1 = sorted((int(math.ceil(a.x())), int(math.floor(b.x()))))
    y0, y1 = sorted((int(math.ceil(a.y())), int(math.floor(b.y()))))
    total = drawn = 0
    for y in range(max(0, y0), min(image.height(), y1 + 1), 2):
        for x in range(max(0, x0), min(image.width(), x1 + 1), 2):
            total += 1
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > 0 and (not need_value or pixel.lightness() > 0):
                drawn += 1
    return drawn / total if total else 0.0


def utm_raster(path: Path, epsg: int = SPLIT_ZONE) -> str:
    """A 100 × 100 px GeoTIFF of 60 m pixels in ``epsg``, every pixel 200 (no no-data)."""
    import numpy as np
    from osgeo import gdal

    from byoc_qgis.core.reproject import spatial_reference

    ds = gdal.GetDriverByName("GTiff").Create(str(path), 100, 100, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((420000.0, 60.0, 0.0, 5010000.0, 0.0, -60.0))
    ds.SetProjection(spatial_reference(epsg).ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.full((100, 100), 200, dtype=np.uint8))
    ds = None
    return str(path)


def two_zone_collection(client, s3, root: Path) -> Dict[str, str]:
    """A collection with one ingested tile (B02, B03) in each of :data:`ZONES`."""
    from byoc_qgis.core.ingestion import wait_for_tiles
    from byoc_qgis.core.models import Collection, Tile

    from .fixtures_rasters import make_tile

    bucket = f"r8-{uuid.uuid4().hex[:10]}"
    s3.client().create_bucket(Bucket=bucket)
    col = client.byoc.create_collection(Collection(name=f"R8 two zones {bucket[3:]}", s3_bucket=bucket))
    s3c = s3.client()
    tiles = []
    for i, epsg in enumerate(ZONES):
        name = f"utm{epsg % 100}"
        for stem, path in make_tile(root / name, epsg=epsg).items():
            s3c.upload_file(path, bucket, f"{name}/{stem}.tif")
        tiles.append(
            client.byoc.create_tile(col.id, Tile(f"{name}/(BAND).tif", sensing_time=f"2023-05-0{i + 1}T09:00:00Z"))
        )
    result = wait_for_tiles(client.byoc, col.id, tiles, timeout=120, initial_delay=0.1)
    if not result.ok:
        raise RuntimeError(f"R8: tiles were not ingested: {result}")
    return {"id": col.id, "name": col.name, "bucket": bucket}


def _outline_extents(layer) -> Dict[str, object]:
    return {f["path"]: f.geometry().boundingBox() for f in layer.getFeatures()}


def _in_degrees(rect) -> bool:
    return -180 <= rect.xMinimum() <= rect.xMaximum() <= 180 and -90 <= rect.yMinimum() <= rect.yMaximum() <= 90


def _show_tiles(runner, client, conn_name: str, col: Dict[str, str]):
    from byoc_qgis.gui.tiles_layer import TilesLayer

    ctl = TilesLayer(runner, lambda: client, conn_name, col["id"], col["name"])
    done: list = []
    ctl.loaded.connect(done.append)
    ctl.load_failed.connect(done.append)
    ctl.load()
    _wait(lambda: bool(done), 120, "Show tiles")
    if not isinstance(done[0], int):
        raise RuntimeError(f"R8: Show tiles failed: {done[0]!r}")
    return ctl


# -- the scenario ------------------------------------------------------------------------------------------------
def run_host_safety(conn, localhub, runner, root: Path, expiry_ms: int = 2500) -> HostSafety:
    """Run R8 (see the module docstring) against ``localhub`` through the dock connection ``conn``.

    ``runner``: a :class:`byoc_qgis.gui.tasks.TaskRunner`. Needs the ``byoc`` provider registered. Returns the
    figures; raises only when the scenario itself cannot run (service down, tiles not ingested).
    """
    from qgis.core import (
        QgsApplication,
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsRasterLayer,
        QgsRectangle,
    )

    from byoc_qgis.gui.process_dialog import _extent_text, plan_request

    start = time.perf_counter()
    root.mkdir(parents=True, exist_ok=True)
    client = conn.client()
    restore = set_pool_expiry(expiry_ms)
    ctl = again = None
    try:
        col = two_zone_collection(client, localhub.s3, root)
        # QGIS's caches start empty, as in a fresh session: this scenario is the first to meet the UTM zones
        QgsCoordinateReferenceSystem.invalidateCache()
        QgsCoordinateTransform.invalidateCache()

        # 1. Show tiles: a task lists the tiles and builds their outlines (EPSG:4326)
        ctl = _show_tiles(runner, client, conn.name, col)
        tiles_shown = ctl.layer.featureCount()
        outlines = _outline_extents(ctl.layer)

        # 2. Process requests planned on the main thread as the Process dialog plans them: an extent in each zone,
        #    a resolution in metres -> the request CRS is that UTM zone; the zone-39 one (a 6 km wide strip at 2 m)
        #    is over 2500 px wide and runs split into sub-requests, as the dialog runs it
        wgs = QgsCoordinateReferenceSystem("EPSG:4326")
        plans = {}
        for epsg in ZONES:
            box = next(r for p, r in outlines.items() if p.startswith(f"utm{epsg % 100}/"))
            strip = QgsRectangle(box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMinimum() + box.height() / 10)
            plans[epsg] = (strip, plan_request(strip, wgs, 2.0, (256, 256)))
        strip, plan = plans[SPLIT_ZONE]
        assert plan["crs"].authid() == f"EPSG:{SPLIT_ZONE}", plan["crs"].authid()
        output = str(root / f"r8_process_{uuid.uuid4().hex[:6]}.tif")
        params = {
            "COLLECTION": col["id"],
            "EXTENT": _extent_text(strip, wgs),
            "MOSAICKING": 0,
            "PRESET": 0,
            "EVALSCRIPT": EVALSCRIPT,
            "FORMAT": 0,  # GeoTIFF
            "OUTPUT": output,
            **plan["params"],
            **conn.algorithm_parameters(),
        }
        finished: list = []
        run = runner.run_algorithm("byoc:processrequest", params, finished.append, "R8 process request")
        _wait(lambda: bool(finished), 300, "the Process request")
        if not run.ok:
            raise RuntimeError(f"R8: the Process request failed: {run.error_text()}")
        process_layer = QgsRasterLayer(output, "R8 process", "gdal")  # opened on the main thread, as the dialog does
        if not process_layer.isValid():
            raise RuntimeError(f"R8: the Process result {output} cannot be opened")

        # 3. every worker thread ends: the tasks' pool threads expire, the Process pool's threads have ended
        _wait(lambda: QgsApplication.taskManager().countActiveTasks() == 0, 60, "the tasks")
        _pump(expiry_ms / 1000.0 + 1.5)

        # 4. what QGIS does next, with new threads
        lons = {z: qgis_lon_in_new_thread(z) for z in ZONES}
        expected = {z: gdal_lon(z) for z in ZONES}
        raster = QgsRasterLayer(utm_raster(root / "r8_utm39.tif"), "R8 UTM raster", "gdal")
        raster_drawn = drawn_fraction(raster)
        process_drawn = drawn_fraction(process_layer, need_value=True)
        again = _show_tiles(runner, client, conn.name, col)
        boxes = list(_outline_extents(again.layer).values())
        inside = sum(1 for r in boxes if _in_degrees(r))
        del raster, process_layer
        return HostSafety(
            lon_new_thread=lons,
            lon_expected=expected,
            raster_drawn=raster_drawn,
            process_drawn=process_drawn,
            outlines_in_degrees=(inside, len(boxes)),
            split_parts=int(plan["parts"]),
            tiles_shown=tiles_shown,
            seconds=time.perf_counter() - start,
        )
    finally:
        for c in (ctl, again):
            if c is not None:
                c.stop()
        restore()
        client.close()


def main(argv: Optional[List[str]] = None) -> int:
    """Standalone: start QGIS (offscreen), localhub with its own S3, run R8 and print its row; exit 1 on FAIL."""
    import os
    import shutil
    import tempfile

    from qgis.core import QgsApplication

    from byoc_qgis.gui.tasks import TaskRunner

    from .fixtures_localhub import start_localhub
    from .test_gui_support import ensure_provider, release_provider, store_connection

    os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")
    app = QgsApplication([], False)
    app.initQgis()
    root = Path(tempfile.mkdtemp(prefix="r8-"))
    hub = start_localhub(None, root / "localhub.log", root / "data")
    runner = TaskRunner()
    try:
        ensure_provider()
        conn = store_connection(hub, "r8-host-safety")
        figures = run_host_safety(conn, hub, runner, root / "work")
        print(figures.row())
        return 0 if figures.ok() else 1
    finally:
        runner.cancel_all()
        hub.stop()
        release_provider()
        shutil.rmtree(root, ignore_errors=True)
        app.exitQgis()


if __name__ == "__main__":
    raise SystemExit(main())
