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
    assert (width, height) == (480, 360) and crs and "Caspian demo tiles" in name
    assert result["dock_visible"] is True
    assert {"BYOC tiles", "Reingest", "Explain failure"} <= set(result["context_menu"]), result["context_menu"]
    tree = result["layer_tree"]
    assert tree[0] == "BYOC: localhub" and "Caspian demo tiles" in tree[1]  # the raster right below the group
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
"""


def test_connection_dialog_and_algorithm_dialog_screenshots(tmp_path, screenshots_dir, localhub_factory):
    """The connection dialog (new, typing credentials, tested with S3) and an algorithm dialog with the saved
    connection and its collections in drop-downs, under Xvfb; screenshots kept for review. A localhub of its own:
    the test checks the buckets of the account's collections."""
    localhub = localhub_factory()
    name = f"Screens {uuid.uuid4().hex[:6]}"
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
    }
    params_path = tmp_path / "params.json"
    params_path.write_text(json.dumps(params))
    result = run_qgis_gui(f"PARAMS = {str(params_path)!r}\n" + CONNECTION_BODY, tmp_path, screenshots_dir, timeout=300)
    assert result["errors"] == [], result["errors"]
    assert result["tested"] is True, result["test_text"]
    assert result["saved"] and result["listed"]
    assert result["collection_value"] == col["data"]["id"]
    assert len(result["screenshots"]) == 4
