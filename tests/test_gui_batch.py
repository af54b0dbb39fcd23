"""The dock's Batch tab in pytest-qgis against localhub and its S3 (the world of tests/batch_world.py): the list of
requests, the New dialog's preview (the cells the core computes, nothing sent), create → start → live progress to
DONE → Show results (mosaic + cells layers), stop, and failures said in the message bar."""

from __future__ import annotations

import pytest

from .batch_world import ALL_CELLS, AOI, CELLS_WITH_DATA, IDENTITY, make_world
from .test_gui_support import ensure_provider

pytestmark = pytest.mark.usefixtures("gui_provider")

SLOW = IDENTITY.replace(  # a second or so per cell: a stop arrives while cells render
    "function evaluatePixel(s) {", "function evaluatePixel(s) { var k = 0; for (var i = 0; i < 20000; i++) { k += i; }"
)


def _wait(cond, timeout=60.0):
    from .watchdog import wait_until

    assert wait_until(cond, timeout=timeout), "timed out"


def _wait_task(task, timeout=60.0):
    assert task is not None
    _wait(lambda: task.done, timeout)
    return task


def _wait_run(run, timeout=120.0):
    assert run is not None
    _wait(lambda: run.ok is not None, timeout)
    return run


def _messages(iface, level_name: str):
    from qgis.core import Qgis

    return iface.messageBar().get_messages(getattr(Qgis.MessageLevel, level_name))


def _row(dock, tid):
    return next((r for r in dock.batch.rows() if r[0] == tid), None)


@pytest.fixture(scope="module")
def world(localhub, tmp_path_factory):
    return make_world(localhub, tmp_path_factory.mktemp("batchgui"))


def _create(world, prefix: str, evalscript: str = IDENTITY) -> str:
    session = world.hub.session()
    r = session.post(world.batch_url + "/process", json=world.body(prefix, evalscript), timeout=10)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def _listed(dock):
    return _wait_task(dock.batch.refresh())


def _canvas_on_aoi(iface):
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(*AOI))


def _select_world(dock, world):
    dock.refresh_collections(select=world.collection_id)
    _wait(lambda: dock.selected_collection() is not None and dock.selected_collection().id == world.collection_id)


def test_list_shows_a_created_request_with_its_status(dock, world):
    tid = _create(world, "gui-list")
    assert dock.tabs.tabText(dock.tabs.indexOf(dock.batch)) == "Batch"
    assert dock.batch.list_task is None and dock.batch.tasks == {}  # a hidden tab asks nothing
    _listed(dock)
    assert _row(dock, tid)[1:4] == ["test gui-list", "CREATED", ""]  # no progress before processing
    assert dock.batch.rows()[0][0] == tid  # newest first
    assert dock.batch.select_task(tid)
    assert dock.batch.act_start.isEnabled() and not dock.batch.act_stop.isEnabled()
    assert not dock.batch.act_results.isEnabled()  # nothing delivered before the analysis


def test_new_dialog_previews_the_cells_core_computes_and_sends_nothing(dock, qgis_iface, world):
    from qgis.core import QgsProject

    from byoc_qgis.core.batch_grids import grid_cells

    _select_world(dock, world)
    _listed(dock)
    before = len(dock.batch.tasks)
    _canvas_on_aoi(qgis_iface)
    dlg = dock.batch.open_new()
    assert dlg.bucket.text()  # a default bucket
    dlg.grid.setCurrentIndex(dlg.grid.findData(0))
    dlg.resolution.setCurrentIndex(dlg.resolution.findData(60.0))
    _wait_task(dlg.preview())
    expected = grid_cells(0, 60.0, bbox=AOI, epsg=4326)
    assert [c[0] for c in dlg.cells] == [c.name for c in expected]
    assert sorted(c[0] for c in dlg.cells) == ALL_CELLS
    layer = dlg.preview_layer()
    assert layer is not None and QgsProject.instance().mapLayer(layer.id()) is layer
    assert layer.featureCount() == len(expected) == 10
    assert sorted(f["name"] for f in layer.getFeatures()) == ALL_CELLS
    # 10 cells of 334 × 334 px, one UINT16 band: 10 × 334² × 2 bytes
    assert dlg.info.text() == (
        "10 grid cells of 334 × 334 px (EPSG:32632 × 4, EPSG:32633 × 6); about 2.2 MB uncompressed output"
    )
    # a coarser grid: fewer cells, the layer follows
    dlg.grid.setCurrentIndex(dlg.grid.findData(2))
    assert dlg.resolution.currentData() in (60.0, 30.0, 120.0, 240.0, 360.0)
    _wait_task(dlg.preview())
    coarse = grid_cells(2, dlg.resolution.currentData(), bbox=AOI, epsg=4326)
    assert dlg.preview_layer().featureCount() == len(coarse) == len(dlg.cells)
    dlg.show_cells.setChecked(False)
    assert dlg.preview_layer() is None
    dlg.show_cells.setChecked(True)
    preview_id = dlg.preview_layer().id()
    dlg.close()
    assert QgsProject.instance().mapLayer(preview_id) is None  # the temporary layer goes with the dialog
    _listed(dock)
    assert len(dock.batch.tasks) == before  # previewing sent nothing


def test_create_start_live_progress_to_done_and_show_results(dock, qgis_iface, world):
    from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

    _select_world(dock, world)
    _canvas_on_aoi(qgis_iface)
    dlg = dock.batch.open_new()
    dlg.grid.setCurrentIndex(dlg.grid.findData(0))
    dlg.resolution.setCurrentIndex(dlg.resolution.findData(60.0))
    masked = "if (s.dataMask === 0) return [0]; return [s.B1];"  # the same pixels, the fill written out
    dlg.editor.setText(IDENTITY.replace("return [s.dataMask ? s.B1 : 0];", masked))
    dlg.bucket.setText(world.out_bucket)
    dlg.path.setText("gui-run")
    dlg.description.setText("gui run")
    run = _wait_run(dlg.start())
    assert run.ok, run.error_text()
    tid = dlg.created_id
    assert run.results["CELLS"] == 10
    _wait(lambda: _row(dock, tid) is not None)  # the list was refreshed with the new request
    assert _row(dock, tid)[1:3] == ["gui run", "CREATED"]

    seen = []
    polls = dock.batch.polls
    start = _wait_run(dock.batch.start(tid))
    assert start.ok, start.error_text()

    def done():
        row = _row(dock, tid)
        if row is not None and (not seen or seen[-1] != row[2:4]):
            seen.append(row[2:4])
        return row is not None and row[2] == "DONE"

    _wait(done, timeout=180)  # the list follows by itself: no refresh is called here
    assert dock.batch.polls > polls
    assert _row(dock, tid)[3] == "100%"
    assert float(_row(dock, tid)[4]) > 0  # costPU
    assert seen[-1] == ["DONE", "100%"]
    assert any(s[0] in ("ANALYSING", "ANALYSIS_DONE", "PROCESSING") for s in seen), seen
    assert dock.batch.watch.active_ids() == []
    _wait(lambda: not dock.batch._poll_timer.isActive())  # nothing left to follow: no more polls
    assert dock.batch.select_task(tid) and dock.batch.act_results.isEnabled()

    before = set(QgsProject.instance().mapLayers())
    res = dock.batch.show_results(tid)
    assert not dock.batch.progress.isHidden()  # progress and Cancel while the results are read
    _wait_run(res)
    assert res.ok, res.error_text()
    assert dock.batch.progress.isHidden()
    added = [QgsProject.instance().mapLayer(i) for i in set(QgsProject.instance().mapLayers()) - before]
    rasters = [la for la in added if isinstance(la, QgsRasterLayer)]
    cells = [la for la in added if isinstance(la, QgsVectorLayer)]
    assert len(rasters) == 1 and len(cells) == 1, [la.name() for la in added]
    mosaic = rasters[0]
    assert mosaic.isValid() and mosaic.crs().authid() == "EPSG:32633"
    assert tid[:8] in mosaic.name()
    assert "secret" not in mosaic.source().lower() and world.hub.s3.secret_key not in mosaic.source()
    # what the script returns without data (0), and so the area no cell covers, is no-data: transparent, not black
    assert [(r.min(), r.max()) for r in mosaic.dataProvider().userNoDataValues(1)] == [(0.0, 0.0)]
    layer = cells[0]
    assert layer.name() == f"batch {tid[:8]} cells"
    statuses = {f["name"]: (f["status"], f["delivered"]) for f in layer.getFeatures()}
    assert sorted(statuses) == ALL_CELLS
    assert {n for n, (s, d) in statuses.items() if d} == set(CELLS_WITH_DATA)
    assert {s for s, _d in statuses.values()} == {"DONE"}
    assert layer.renderer().type() == "categorizedSymbol"
    success = _messages(qgis_iface, "Success")
    assert any("1 mosaic and the cells layer added: 4 of 10 cells delivered, 0 failed" in m for m in success)


def test_stop_a_running_request_after_confirming(dock, world):
    tid = _create(world, "gui-stop", SLOW)
    _listed(dock)
    _wait_run(dock.batch.start(tid))
    _wait(lambda: _row(dock, tid) is not None and _row(dock, tid)[2] == "PROCESSING", timeout=120)
    assert dock.batch.select_task(tid) and dock.batch.act_stop.isEnabled()
    asked = []
    assert dock.batch.stop(lambda t: asked.append(t.id) or False, tid) is None  # not confirmed: nothing sent
    assert asked == [tid] and _row(dock, tid)[2] == "PROCESSING"
    run = _wait_run(dock.batch.stop(lambda t: asked.append(t.id) or True, tid))
    assert run.ok, run.error_text()
    _wait(lambda: _row(dock, tid)[2] == "STOPPED", timeout=60)
    assert asked == [tid, tid]
    assert world.hub.session().get(f"{world.batch_url}/process/{tid}", timeout=10).json()["status"] == "STOPPED"
    assert dock.batch.act_start.isEnabled() and not dock.batch.act_stop.isEnabled()


def test_failures_are_clear_messages(dock, qgis_iface, world):
    from qgis.core import QgsProject

    ensure_provider()
    tid = _create(world, "gui-fail")
    session = world.hub.session()
    assert session.post(f"{world.batch_url}/process/{tid}/stop", timeout=10).status_code == 400  # not running
    _listed(dock)
    qgis_iface.messageBar().clear_messages()
    run = _wait_run(dock.batch.stop(lambda _t: True, tid))  # a CREATED request cannot be stopped
    assert not run.ok
    critical = _messages(qgis_iface, "Critical")
    assert any(m.startswith("Batch request test gui-fail:") and f"Cannot stop batch request {tid}" in m
               for m in critical), critical  # fmt: skip

    # the dialog: a bucket the S3 keys cannot reach is said before anything is created
    _select_world(dock, world)
    _canvas_on_aoi(qgis_iface)
    dlg = dock.batch.open_new()
    dlg.bucket.setText("no-such-bucket-gui")
    before = len(QgsProject.instance().mapLayers())
    run = _wait_run(dlg.start())
    assert not run.ok
    assert "no-such-bucket-gui" in dlg.error.text()
    assert dlg.created_id is None and dlg.isVisible()
    assert any("no-such-bucket-gui" in m for m in _messages(qgis_iface, "Critical"))
    # an empty evalscript never reaches the service
    dlg.editor.setText("")
    assert dlg.start() is None and dlg.error.text() == "The evalscript is empty"
    dlg.close()
    assert len(QgsProject.instance().mapLayers()) <= before
