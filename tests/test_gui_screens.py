"""The dock in the real QGIS desktop under Xvfb against a localhub started by the test: a tiles layer and a
processed raster on the map, screenshots kept by CI (artifacts/<lane>/screenshots)."""

from __future__ import annotations

import json
import uuid

import pytest

from .gui_helpers import OPEN_LOCALHUB_DOCK, run_qgis_gui
from .test_gui_support import upload_tiles

pytestmark = pytest.mark.gui

BODY = (
    """
import json
from qgis.core import QgsApplication, QgsProject
from tests.watchdog import wait_until, StallWatchdog

"""
    + OPEN_LOCALHUB_DOCK
    + """
result["collections_listed"] = wait_until(lambda: p["cid"] in dock.collections, 60)
dock.select_collection(p["cid"])
ctl = dock.show_tiles(p["cid"])
with StallWatchdog() as dog:
    result["tiles_loaded"] = wait_until(lambda: not ctl.loading, 60)
result["tiles"] = ctl.layer.featureCount()
result["tiles_gap_ms"] = dog.longest_gap_ms
canvas = iface.mapCanvas()
extent = ctl.layer.extent()
extent.grow(extent.width() * 0.15)
canvas.setExtent(extent)
ctl.layer.selectByIds([next(ctl.layer.getFeatures()).id()])
view = iface.layerTreeView()
view.setCurrentLayer(ctl.layer)
menu = view.menuProvider().createContextMenu()

def menu_texts(m):
    out = []
    for a in m.actions():
        out.append(a.text())
        if a.menu() is not None:
            out += menu_texts(a.menu())
    return out

result["context_menu"] = menu_texts(menu) if menu is not None else []
dlg = dock.open_process()
dlg.res_mode.setCurrentIndex(dlg.res_mode.findData("pixels"))
dlg.width_px.setValue(480)
dlg.height_px.setValue(360)
dlg.move(900, 120)
shot("byoc-process-dialog", dlg)
ctl.layer.removeSelection()
run = dlg.start()
result["processed"] = wait_until(lambda: run.ok is not None, 120) and run.ok
result["process_error"] = run.error_text()
layer = dlg.result_layer
result["raster"] = [layer.width(), layer.height(), layer.crs().authid(), layer.name()] if layer else None
dlg.close()
canvas.refresh()
wait_until(lambda: False, 4)
result["dock_visible"] = dock.isVisible()
result["layer_tree"] = [n.name() for n in QgsProject.instance().layerTreeRoot().children()]
shot("byoc-dock-tiles-and-processed-raster")
shot("byoc-dock-panel", dock)
"""
)


def test_dock_with_tiles_layer_and_processed_raster_screenshots(tmp_path, screenshots_dir, localhub):
    from byoc_qgis.core.auth import ClientCredentials
    from byoc_qgis.core.client import SentinelHubClient
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.core.ingestion import wait_for_tiles
    from byoc_qgis.core.models import Collection, Tile

    client = SentinelHubClient(
        custom_deployment(localhub.base_url, localhub.token_url),
        ClientCredentials(localhub.client_id, localhub.client_secret),
    )
    bucket = "gui-screens"
    localhub.s3.client().create_bucket(Bucket=bucket)
    col = client.byoc.create_collection(Collection(name="Caspian demo tiles", s3_bucket=bucket))
    upload_tiles(localhub.s3, bucket, tmp_path / "tiles", ["s2/2023-05-01/a", "s2/2023-05-02/b"])
    tiles = [
        client.byoc.create_tile(col.id, Tile(f"{name}/(BAND).tif", sensing_time=f"2023-05-0{i + 1}T09:00:00Z"))
        for i, name in enumerate(["s2/2023-05-01/a", "s2/2023-05-02/b"])
    ]
    assert wait_for_tiles(client.byoc, col.id, tiles, timeout=60, initial_delay=0.1).ok
    client.close()
    params = {
        "base_url": localhub.base_url,
        "token_url": localhub.token_url,
        "client_id": localhub.client_id,
        "client_secret": localhub.client_secret,
        "s3_access": localhub.s3.access_key,
        "s3_secret": localhub.s3.secret_key,
        "s3_endpoint": localhub.s3.endpoint,
        "s3_region": localhub.s3.region,
        "cid": col.id,
    }
    params_path = tmp_path / "params.json"
    params_path.write_text(json.dumps(params))
    result = run_qgis_gui(f"PARAMS = {str(params_path)!r}\n" + BODY, tmp_path, screenshots_dir, timeout=300)
    assert result["errors"] == [], result["errors"]
    assert result["collections_listed"] and result["tiles_loaded"]
    assert result["tiles"] == 2
    assert result["processed"], result["process_error"]
    width, height, crs, name = result["raster"]
    assert (width, height) == (480, 360) and crs and name.startswith("Single band (B02) — 2023-05-0")  # the script sent
    assert result["dock_visible"] is True
    assert {"BYOC tiles", "Reingest", "Explain failure"} <= set(result["context_menu"]), result["context_menu"]
    tree = result["layer_tree"]
    assert tree[0] == "BYOC: localhub" and tree[1] == "Caspian demo tiles — results"  # right below the tiles
    shots = result["screenshots"]
    assert len(shots) == 3 and all(p.endswith(".png") for p in shots)


CONNECTION_BODY = """
import json
import processing
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QComboBox
from byoc_qgis.gui.connection_dialog import ConnectionDialog
from tests.watchdog import wait_until

p = json.load(open(PARAMS))
manager = QgsApplication.authManager()
if not manager.masterPasswordIsSet():
    manager.setMasterPassword("gui-test-master", True)
plugin = sys.modules["qgis.utils"].plugins["byoc_qgis"]
dock = plugin.dock
dlg = ConnectionDialog(dock.store, dock.runner, None, iface.mainWindow())
dlg.show()
wait_until(lambda: False, 0.5)
shot("byoc-connection-dialog-new", dlg)
dlg.name.setText("localhub")
dlg.deployment.setCurrentIndex(dlg.deployment.findData("custom"))
dlg.base_url.setText(p["base_url"])
dlg.token_url.setText(p["token_url"])
dlg.auth.open_new()
dlg.client_id.setText(p["client_id"])
dlg.client_secret.setText(p["client_secret"])
wait_until(lambda: False, 0.5)
shot("byoc-connection-dialog-new-credentials", dlg)
dlg.auth.store_button.click()
dlg.s3_group.setCollapsed(False)
dlg.s3_auth.open_new()
dlg.s3_access.setText(p["s3_access"])
dlg.s3_secret.setText(p["s3_secret"])
dlg.s3_auth.store_button.click()
dlg.s3_endpoint.setText(p["s3_endpoint"])
dlg.s3_region.setText(p["s3_region"])
dlg.s3_https.setChecked(False)
dlg.s3_path_style.setChecked(True)
task = dlg.test_connection()
result["tested"] = wait_until(lambda: task.done, 60) and dlg.test_ok
result["test_text"] = dlg.test_result.text()
wait_until(lambda: False, 0.5)
shot("byoc-connection-dialog-tested", dlg)
result["sizes"] = {"dialog": [dlg.width(), dlg.height()], "hint": [dlg.sizeHint().width(), dlg.sizeHint().height()]}
if dlg.test_ok:  # else Save would ask "save anyway?" (modal)
    dlg.accept()
result["saved"] = dlg.saved is not None
dock.reload_connections("localhub")
alg_dialog = processing.createAlgorithmDialog("byoc:deletecollection", {})
alg_dialog.resize(1000, 560)
alg_dialog.show()
wrappers = alg_dialog.mainWidget().wrappers
from qgis.core import QgsProcessingContext
wrappers["CONNECTION"].setParameterValue("localhub", QgsProcessingContext())
combo = wrappers["COLLECTION"].widget
result["listed"] = wait_until(lambda: combo.findText(p["collection_name"]) >= 0, 60)
combo.setCurrentIndex(combo.findText(p["collection_name"]))
wait_until(lambda: False, 0.5)
shot("byoc-algorithm-dialog-connection", alg_dialog)
result["collection_value"] = wrappers["COLLECTION"].parameterValue()
alg_dialog.close()

# the first run goes on as a new user's would: a collection, tiles from a folder, show them, process
from qgis.core import QgsProject
from byoc_qgis.gui.collection_dialog import CollectionDialog
conn = dock.connection()
cdlg = CollectionDialog(None, 0, dock, s3_for_bucket=conn.s3_config, runner=dock.runner)
cdlg.show()
cdlg.name.setText("First run")
cdlg.bucket.setText(p["first_run_bucket"])
wait_until(lambda: False, 0.5)
shot("byoc-first-run-2-new-collection", cdlg)
cdlg.accept()
wait_until(lambda: cdlg.result() == cdlg.DialogCode.Accepted, 60)
values = cdlg.values()
run = dock.create_collection(values["name"], values["bucket"], values["bands"], values["band_type"], values["nodata"])
result["collection_created"] = wait_until(lambda: run.ok is not None, 60) and run.ok
wait_until(lambda: dock.selected_collection() is not None and dock.selected_collection().name == "First run", 60)
add = dock.open_add_tiles()
add.set_source("folder")
add.folder.setFilePath(p["first_run_folder"])
add.path_template.setText("{name}/(BAND).tif")
check = add.check()
result["checked"] = wait_until(lambda: check.ok is not None and not add.checking, 120) and check.ok
result["check_summary"] = add.summary.text()
wait_until(lambda: False, 0.5)
shot("byoc-first-run-3-add-tiles-checked", add)
upload = add.add()
result["uploaded"] = wait_until(lambda: upload.ok is not None, 180) and upload.ok
result["upload_error"] = upload.error_text()
add.close()
ctl = dock.show_tiles()
wait_until(lambda: not ctl.loading, 60)
result["ingested"] = wait_until(
    lambda: ctl.layer.featureCount() == 2 and {f["status"] for f in ctl.layer.getFeatures()} == {"INGESTED"}, 120
)
canvas = iface.mapCanvas()
wait_until(lambda: False, 1.0)
result["zoomed_to_tiles"] = canvas.extent().contains(ctl.layer.extent())
shot("byoc-first-run-4-tiles-on-the-map")
pdlg = dock.open_process()
# the collection was listed before its tiles were ingested: the dialog asks for the bands ingestion found
result["template_from_bands"] = wait_until(lambda: "B02" in pdlg.editor.text(), 60)
pdlg.res_mode.setCurrentIndex(pdlg.res_mode.findData("pixels"))
pdlg.width_px.setValue(400)
pdlg.height_px.setValue(300)
pdlg.move(900, 120)
wait_until(lambda: False, 0.5)
shot("byoc-first-run-5-process-dialog", pdlg)
prun = pdlg.start()
result["processed"] = wait_until(lambda: prun.ok is not None, 120) and prun.ok
result["process_error"] = prun.error_text()
pdlg.close()
canvas.refresh()
wait_until(lambda: False, 3)
result["first_run_layers"] = [layer.name() for layer in QgsProject.instance().mapLayers().values()]
shot("byoc-first-run-6-result-on-the-map")
"""


def test_first_run_walk_with_a_screenshot_per_step(tmp_path, screenshots_dir, localhub_factory):
    """A new user's first run in the real QGIS desktop under Xvfb: the connection dialog (new, typing credentials,
    tested with S3), an algorithm dialog with the saved connection and its collections in drop-downs, then a new
    collection, tiles added from a folder of rasters (checked, planned, uploaded), shown on the map and processed;
    a screenshot per step kept for review. A localhub of its own: the test checks the buckets of the account's
    collections."""
    from .fixtures_rasters import make_tile

    localhub = localhub_factory()
    name = f"Screens {uuid.uuid4().hex[:6]}"
    first_run_bucket = f"first-run-{uuid.uuid4().hex[:8]}"
    localhub.s3.client().create_bucket(Bucket=first_run_bucket)
    folder = tmp_path / "my rasters"
    make_tile(folder / "2023-06-01" / "scene-a", stems=("B02", "B03"))
    make_tile(folder / "2023-06-11" / "scene-b", stems=("B02", "B03"))
    bucket = f"screens-{uuid.uuid4().hex[:8]}"
    localhub.s3.client().create_bucket(Bucket=bucket)
    col = localhub.session().post(f"{localhub.byoc_url}/collections", json={"name": name, "s3Bucket": bucket}).json()
    params = {
        "base_url": localhub.base_url,
        "token_url": localhub.token_url,
        "client_id": localhub.client_id,
        "client_secret": localhub.client_secret,
        "s3_access": localhub.s3.access_key,
        "s3_secret": localhub.s3.secret_key,
        "s3_endpoint": localhub.s3.endpoint,
        "s3_region": localhub.s3.region,
        "collection_name": name,
        "first_run_bucket": first_run_bucket,
        "first_run_folder": str(folder),
    }
    params_path = tmp_path / "params.json"
    params_path.write_text(json.dumps(params))
    result = run_qgis_gui(f"PARAMS = {str(params_path)!r}\n" + CONNECTION_BODY, tmp_path, screenshots_dir, timeout=300)
    assert result["errors"] == [], result["errors"]
    assert result["tested"] is True, result["test_text"]
    assert result["saved"] and result["listed"]
    assert result["collection_value"] == col["data"]["id"]
    # the first run, a screenshot per step (issue 13's acceptance)
    assert result["collection_created"] and result["checked"], result["check_summary"]
    assert result["check_summary"] == "4 files checked: 2 tiles will be created.", result["check_summary"]
    assert result["uploaded"], result["upload_error"]
    assert result["ingested"] and result["zoomed_to_tiles"]
    assert result["template_from_bands"]
    assert result["processed"], result["process_error"]
    assert any("First run" in name for name in result["first_run_layers"]), result["first_run_layers"]
    assert len(result["screenshots"]) == 9
