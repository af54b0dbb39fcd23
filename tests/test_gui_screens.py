"""The dock in the real QGIS desktop under Xvfb against a localhub started by the test: a tiles layer and a
processed raster on the map, screenshots kept by CI (artifacts/<lane>/screenshots)."""

from __future__ import annotations

import json

import pytest

from .gui_helpers import run_qgis_gui
from .test_gui_support import upload_tiles

pytestmark = pytest.mark.gui

BODY = """
import json
from qgis.core import QgsApplication, QgsProject
from byoc_qgis.core import qgis_adapters as qa
from byoc_qgis.core.deployments import custom_deployment
from byoc_qgis.gui.connections import Connection, ConnectionStore
from tests.watchdog import wait_until, StallWatchdog

p = json.load(open(PARAMS))
manager = QgsApplication.authManager()
if not manager.masterPasswordIsSet():
    manager.setMasterPassword("gui-test-master", True)
client_cfg = qa.store_client_credentials("localhub", p["client_id"], p["client_secret"])
s3_cfg = qa.store_s3_keys("localhub s3", p["s3_access"], p["s3_secret"])
settings = qa.ConnectionSettings("localhub", custom_deployment(p["base_url"], p["token_url"]), client_cfg, s3_cfg,
                                 p["s3_endpoint"], p["s3_region"], s3_https=False, s3_path_style=True)
ConnectionStore().save(Connection(settings))
iface.mainWindow().resize(1600, 1000)
plugin = sys.modules["qgis.utils"].plugins["byoc_qgis"]
plugin.action.trigger()
dock = plugin.dock
dock.reload_connections("localhub")
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
