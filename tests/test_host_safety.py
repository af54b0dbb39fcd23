"""QGIS keeps working after the plugin's background work (issue 11 §5, reliability R8).

A ``QgsCoordinateReferenceSystem`` first created in a worker thread breaks QGIS's reprojection of that CRS for the
rest of the session once the worker exits, if the main thread used the CRS meanwhile (QGIS 3.22..3.40, see
``byoc_qgis.core.reproject``). The plugin's workers reproject with GDAL and never create a QGIS CRS; CRS objects
they hand to QGIS are created on the main thread. Tested end to end (R8, against localhub) and in isolation.
"""

from __future__ import annotations

import threading
import time

import pytest

from .reliability_host_safety import (
    PROBE,
    gdal_lon,
    qgis_lon_in_new_thread,
    run_host_safety,
    set_pool_expiry,
)

pytestmark = [pytest.mark.timeout(600), pytest.mark.usefixtures("gui_provider")]


def _clear_qgis_caches() -> None:
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

    QgsCoordinateReferenceSystem.invalidateCache()
    QgsCoordinateTransform.invalidateCache()


def _in_worker_that_outlives(main_step, work) -> None:
    """Run ``work()`` in a thread, ``main_step()`` on the main thread while that thread is still alive, then let
    the thread exit (its QGIS PROJ context is destroyed after the Python thread ends: wait a moment)."""
    ready, leave, errors = threading.Event(), threading.Event(), []

    def body() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - re-raised on the main thread
            errors.append(exc)
        ready.set()
        leave.wait(30)

    t = threading.Thread(target=body, name="worker-that-exits")
    t.start()
    assert ready.wait(30)
    try:
        main_step()
    finally:
        leave.set()
        t.join()
    time.sleep(0.3)
    if errors:
        raise errors[0]


# ------------------------------------------------------------------------------------------------------ R8, e2e
def test_r8_reprojection_still_works_after_show_tiles_and_a_split_process_request(qgis_app, conn, localhub, tmp_path):
    """Show tiles (2 UTM zones) + a split Process request, every worker thread expired: a transform in a new
    thread, a render of a UTM raster on an EPSG:4326 map and a second Show tiles are all correct."""
    from byoc_qgis.gui.tasks import TaskRunner

    runner = TaskRunner()
    try:
        figures = run_host_safety(conn, localhub, runner, tmp_path)
    finally:
        runner.cancel_all()
    print(figures.row())
    assert figures.split_parts >= 2 and figures.tiles_shown == 2
    assert figures.lon_expected[32639] == pytest.approx(50.36392, abs=1e-4)
    assert figures.lon_expected[32638] == pytest.approx(44.36392, abs=1e-4)
    assert figures.lon_new_thread == pytest.approx(figures.lon_expected, abs=1e-6)  # was 450000 (the input)
    assert figures.raster_drawn >= 0.99  # was 0: reprojected rasters no longer drew
    assert figures.process_drawn >= 0.5
    assert figures.outlines_in_degrees == (2, 2)  # the zone-39 outline was in metres
    assert figures.ok()


# ------------------------------------------------------------------------------------------- the rules in isolation
def test_feature_builder_in_a_worker_leaves_qgis_reprojection_intact(qgis_app):
    """The Show-tiles builder runs in a worker that meets EPSG:32637 first; the main thread then uses that CRS;
    the worker exits. A new thread's QGIS transform must still be right (it gave the input back before)."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsCoordinateTransformContext,
        QgsPointXY,
    )

    from byoc_qgis.processing.tiles_common import FeatureBuilder

    from .test_gui_support import synthetic_rows

    _clear_qgis_caches()
    builder = FeatureBuilder(QgsCoordinateReferenceSystem("EPSG:4326"))  # made on the main thread, as the dock does
    rows = list(synthetic_rows(3, epsg=32637))
    built: list = []

    def main_uses_the_crs() -> None:
        ct = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:32637"),
            QgsCoordinateReferenceSystem("EPSG:4326"),
            QgsCoordinateTransformContext(),
        )
        assert ct.transform(QgsPointXY(*PROBE)).x() == pytest.approx(gdal_lon(32637), abs=1e-6)

    _in_worker_that_outlives(main_uses_the_crs, lambda: built.extend(builder.features(rows)))
    assert len(built) == 3
    box = built[0].geometry().boundingBox()
    assert 36 < box.xMinimum() < box.xMaximum() < 42 and 45 < box.yMinimum() < 46  # degrees, zone 37
    assert qgis_lon_in_new_thread(32637) == pytest.approx(gdal_lon(32637), abs=1e-6)


def test_crs_parameters_are_created_on_the_main_thread(qgis_app):
    """``prepareAlgorithm`` (main thread) creates the CRS of CRS/extent parameters: the worker's own look-ups are
    then cache hits, and its exit breaks nothing; a fallback EPSG:4326 comes from the main thread too."""
    from qgis.core import (
        QgsApplication,
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsCoordinateTransformContext,
        QgsPointXY,
        QgsProcessingContext,
        QgsProcessingFeedback,
    )

    from byoc_qgis.processing import crs as crs_mod

    _clear_qgis_caches()
    alg = QgsApplication.processingRegistry().createAlgorithmById("byoc:processrequest")
    params = {"CRS": "EPSG:32636", "EXTENT": "30,31,45,45.1 [EPSG:32635]", "COLLECTION": "x", "RESOLUTION": 10}
    context = QgsProcessingContext()
    assert alg.prepareAlgorithm(params, context, QgsProcessingFeedback())
    seen: dict = {}

    def worker() -> None:  # what processAlgorithm does in the task
        seen["crs"] = alg.parameterAsCrs(params, "CRS", context).authid()
        seen["extent"] = alg.parameterAsExtentCrs(params, "EXTENT", context).authid()
        seen["wgs84"] = crs_mod.wgs84().authid()
        assert not crs_mod.on_main_thread()

    def main_uses_them() -> None:  # a transform on the main thread gives it its own copy of each CRS
        for zone in (32636, 32635):
            ct = QgsCoordinateTransform(
                QgsCoordinateReferenceSystem(f"EPSG:{zone}"),
                QgsCoordinateReferenceSystem("EPSG:4326"),
                QgsCoordinateTransformContext(),
            )
            assert ct.transform(QgsPointXY(*PROBE)).x() == pytest.approx(gdal_lon(zone), abs=1e-6)

    _in_worker_that_outlives(main_uses_them, worker)
    assert seen == {"crs": "EPSG:32636", "extent": "EPSG:32635", "wgs84": "EPSG:4326"}
    assert crs_mod.on_main_thread()
    for zone in (32636, 32635):
        assert qgis_lon_in_new_thread(zone) == pytest.approx(gdal_lon(zone), abs=1e-6)


def test_reprojector_matches_qgis_and_reports_what_it_cannot_do(qgis_app):
    """GDAL's reprojection (used in workers) agrees with QGIS's on the main thread; unknown CRSs and points outside
    a projection's domain raise ReprojectionError (a ValueError) in both GDAL exception modes."""
    from osgeo import ogr, osr
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsCoordinateTransformContext,
        QgsPointXY,
    )

    from byoc_qgis.core.reproject import ReprojectionError, Reprojector, normalize
    from byoc_qgis.processing.crs import crs_definition

    to_3035 = Reprojector(crs_definition(QgsCoordinateReferenceSystem("EPSG:3035")))
    qgis = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:32633"),
        QgsCoordinateReferenceSystem("EPSG:3035"),
        QgsCoordinateTransformContext(),
    )
    pts = [(399960.0, 5000040.0), (500000.0, 5200000.0)]
    for (x, y), (gx, gy) in zip(pts, to_3035.points(32633, pts)):
        q = qgis.transform(QgsPointXY(x, y))
        assert (gx, gy) == pytest.approx((q.x(), q.y()), abs=1e-3)
    assert normalize("epsg:4326") == normalize(4326) == "EPSG:4326"
    assert Reprojector(4326).same("EPSG:4326") and not Reprojector(4326).same(32633)
    poly = [[[(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (0.0, 0.0)]]]
    assert Reprojector(4326).polygons(4326, poly) == poly
    geom = ogr.CreateGeometryFromWkt("POLYGON ((450000 5000000,460000 5000000,450000 5010000,450000 5000000))")
    Reprojector(4326).ogr_geometry(32639, geom)
    assert geom.GetGeometryRef(0).GetPoint(0)[0] == pytest.approx(gdal_lon(32639), abs=1e-9)
    was = osr.GetUseExceptions()
    try:
        for mode in (0, 1):
            (osr.UseExceptions if mode else osr.DontUseExceptions)()
            with pytest.raises(ReprojectionError, match="EPSG:999999 is not a CRS PROJ knows"):
                Reprojector(4326).check(999999)
            with pytest.raises(ReprojectionError, match="outside what EPSG:32639 can represent"):
                Reprojector(4326).points(32639, [(1e12, 1e12)])
    finally:
        (osr.UseExceptions if was else osr.DontUseExceptions)()


def test_pool_expiry_is_shortened_and_restored(qgis_app):
    """The R8 scenario shortens the pools' idle expiry and gives the old values back."""
    from .reliability_host_safety import _pools

    before = [p.expiryTimeout() for p in _pools()]
    restore = set_pool_expiry(1234)
    assert [p.expiryTimeout() for p in _pools()] == [1234] * len(before)
    restore()
    assert [p.expiryTimeout() for p in _pools()] == before
