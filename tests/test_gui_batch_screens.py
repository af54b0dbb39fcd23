"""The dock's Batch tab in the real QGIS desktop under Xvfb against the session's localhub: the list with a DONE and a
CREATED request, the New dialog with its cell preview on the map, and a request's results (mosaic + cells layer).
Screenshots kept by CI (artifacts/<lane>/screenshots): byoc-batch-panel, byoc-batch-new-dialog,
byoc-batch-preview-map, byoc-batch-results-map."""

from __future__ import annotations

import json

import pytest

from .batch_world import AOI, make_world, wait_status
from .gui_helpers import OPEN_LOCALHUB_DOCK, run_qgis_gui

pytestmark = pytest.mark.gui

BODY = (
    """
import json
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsRectangle
from tests.watchdog import wait_until

"""
    + OPEN_LOCALHUB_DOCK
    + """
result["collections_listed"] = wait_until(lambda: p["cid"] in dock.collections, 60)
dock.select_collection(p["cid"])
dock.tabs.setCurrentWidget(dock.batch)
panel = dock.batch
result["listed"] = wait_until(lambda: p["done"] in panel.tasks and p["created"] in panel.tasks, 60)
panel.select_task(p["done"])
result["rows"] = panel.rows()
shot("byoc-batch-panel", dock)

canvas = iface.mapCanvas()
canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
aoi = QgsRectangle(*p["aoi"])
canvas.setExtent(aoi)
canvas.refresh()
dlg = panel.open_new()
dlg.move(760, 80)
task = dlg.preview()
result["previewed"] = wait_until(lambda: task.done and dlg.cells is not None, 60)
result["preview_info"] = dlg.info.text()
result["preview_cells"] = len(dlg.cells or [])
view = aoi.buffered(0.15)
canvas.setExtent(view)
canvas.refresh()
wait_until(lambda: False, 2)
shot("byoc-batch-new-dialog", dlg)
shot("byoc-batch-preview-map")
dlg.close()

run = panel.show_results(p["done"])
result["results_ok"] = wait_until(lambda: run.ok is not None, 120) and run.ok
result["results_error"] = run.error_text()
result["layer_tree"] = [n.name() for n in QgsProject.instance().layerTreeRoot().children()]
canvas.setExtent(view)
canvas.refresh()
wait_until(lambda: False, 4)
shot("byoc-batch-results-map")
"""
)


def test_batch_tab_new_dialog_and_results_screenshots(tmp_path, screenshots_dir, localhub):
    world = make_world(localhub, tmp_path / "world")
    session = localhub.session()
    r = session.post(world.batch_url + "/process", json=world.body("screens-done"), timeout=10)
    assert r.status_code == 201, r.text
    done = r.json()["id"]
    assert session.post(f"{world.batch_url}/process/{done}/start", timeout=10).status_code == 204
    wait_status(session, f"{world.batch_url}/process/{done}", ("DONE",), timeout=180)
    body = world.body("screens-new")
    body["description"] = "Waiting to be started"
    r = session.post(world.batch_url + "/process", json=body, timeout=10)
    assert r.status_code == 201, r.text
    params = {
        "base_url": localhub.base_url,
        "token_url": localhub.token_url,
        "client_id": localhub.client_id,
        "client_secret": localhub.client_secret,
        "s3_access": localhub.s3.access_key,
        "s3_secret": localhub.s3.secret_key,
        "s3_endpoint": localhub.s3.endpoint,
        "s3_region": localhub.s3.region,
        "cid": world.collection_id,
        "done": done,
        "created": r.json()["id"],
        "aoi": AOI,
    }
    params_path = tmp_path / "params.json"
    params_path.write_text(json.dumps(params))
    result = run_qgis_gui(f"PARAMS = {str(params_path)!r}\n" + BODY, tmp_path, screenshots_dir, timeout=300)
    assert result["errors"] == [], result["errors"]
    assert result["collections_listed"] and result["listed"]
    rows = {r[0]: r[1:] for r in result["rows"]}
    assert rows[done][1:3] == ["DONE", "100%"]
    assert rows[params["created"]][:3] == ["Waiting to be started", "CREATED", ""]
    assert result["previewed"] and result["preview_cells"] == 10, result["preview_info"]
    assert result["preview_info"].startswith("10 grid cells of 334 × 334 px")
    assert result["results_ok"], result["results_error"]
    tree = result["layer_tree"]
    assert tree == [f"batch {done[:8]} cells", f"batch {done[:8]} default EPSG:32633"]  # cells over the mosaic
    assert len(result["screenshots"]) == 4
