"""Routine failures in the real QGIS desktop under Xvfb (screenshots in artifacts/<lane>/screenshots): a refused
connection reads as a sentence with Retry / Edit connection and leaves the dock's width alone; the live refresh
of a tiles layer rides out localhub being stopped and restarted (same port, same data directory) and reaches
INGESTED by itself, with one updated "retrying in N s" message and no task QGIS would announce as failed."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest

from .gui_helpers import start_qgis_gui
from .services import free_port
from .test_gui_support import new_collection, upload_tiles

pytestmark = pytest.mark.gui

BODY = """
import time
from pathlib import Path
from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtWidgets import QPushButton
from byoc_qgis.core import qgis_adapters as qa
from byoc_qgis.core.deployments import custom_deployment
from byoc_qgis.gui.connections import Connection, ConnectionStore
from tests.watchdog import wait_until

p = json.load(open(PARAMS))
flags = Path(p["flags"])
manager = QgsApplication.authManager()
if not manager.masterPasswordIsSet():
    manager.setMasterPassword("gui-test-master", True)
cfg = qa.store_client_credentials("outage", p["client_id"], p["client_secret"])
store = ConnectionStore()
store.save(Connection(qa.ConnectionSettings("outage", custom_deployment(p["base_url"], p["token_url"]), cfg)))
store.save(Connection(qa.ConnectionSettings("dead", custom_deployment(p["dead_url"]), cfg)))
store.set_active("outage")

# what QGIS announces as "Task failed": a task terminated after >= 5 s that is not flagged silent
announced = []
silent = int(getattr(QgsTask, "Silent", 0))

def status(task_id, state):
    task = QgsApplication.taskManager().task(task_id)
    if task is not None and state == QgsTask.Terminated and task.elapsedTime() >= 5000:
        if not int(task.flags()) & silent:
            announced.append(task.description())

QgsApplication.taskManager().statusChanged.connect(status)
bar = iface.messageBar()

def items():
    # ours, and what QGIS itself says about tasks (other startup notices, e.g. fonts on QGIS 3.40, are left out)
    ours = ("Collections of", "Tiles of", "Task failed", "Task complete")
    return [
        [i.title(), i.text(), [b.text() for b in i.findChildren(QPushButton)], i.toolTip()]
        for i in bar.items()
        if i.title().startswith(ours)
    ]

iface.mainWindow().resize(1600, 1000)
plugin = sys.modules["qgis.utils"].plugins["byoc_qgis"]
plugin.action.trigger()
dock = plugin.dock
dock.reload_connections("outage")
result["listed"] = wait_until(lambda: p["cid"] in dock.collections, 60)
wait_until(lambda: False, 1)
widths = [dock.width(), iface.mapCanvas().width()]

# a connection nobody answers
dock.reload_connections("dead")
wait_until(lambda: dock.list_task is not None and dock.list_task.done, 60)
wait_until(lambda: False, 1)
result["dead_items"] = items()
result["dead_status"] = dock.status.text()
result["widths"] = [widths, [dock.width(), iface.mapCanvas().width()]]
shot("byoc-error-cannot-reach")
bar.clearWidgets()

# the outage
dock.reload_connections("outage")
wait_until(lambda: p["cid"] in dock.collections, 60)
dock.select_collection(p["cid"])
ctl = dock.show_tiles(p["cid"])
wait_until(lambda: not ctl.loading and ctl.count == 3, 60)
extent = ctl.layer.extent()
extent.grow(extent.width() * 0.3)
iface.mapCanvas().setExtent(extent)
result["pending_before"] = len(ctl.pending)
(flags / "loaded").touch()
wait_until(lambda: (flags / "stopped").exists(), 120)
result["in_trouble"] = wait_until(lambda: ctl.trouble is not None and ctl.trouble.attempts >= 3, 90)
wait_until(lambda: False, 1)
result["outage_items"] = items()
result["outage_label"] = dock.tiles_label.text()
shot("byoc-outage-retrying")
shot("byoc-outage-dock", dock)
(flags / "restart").touch()
result["recovered"] = wait_until(lambda: ctl.trouble is None, 120)
result["recovered_items"] = items()
result["ingested"] = wait_until(lambda: {f["status"] for f in ctl.layer.getFeatures()} == {"INGESTED"}, 120)
ctl.layer.updateExtents()
extent = ctl.layer.extent()
extent.grow(extent.width() * 0.3)
iface.mapCanvas().setExtent(extent)
iface.mapCanvas().refresh()
wait_until(lambda: False, 2)
result["after_items"] = items()
result["after_label"] = dock.tiles_label.text()
result["announced"] = announced
shot("byoc-outage-recovered")
"""


def _footprint(path: str) -> dict:
    """The raster's bounding box as a GeoJSON polygon in its own CRS (with the urn crs member)."""
    from osgeo import gdal, osr

    ds = gdal.Open(path)
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    x1, y1 = x0 + dx * ds.RasterXSize, y0 + dy * ds.RasterYSize
    ref = osr.SpatialReference(wkt=ds.GetProjection())
    ref.AutoIdentifyEPSG()
    epsg = ref.GetAuthorityCode(None)
    ds = None
    ring = [[x0, y1], [x1, y1], [x1, y0], [x0, y0], [x0, y1]]
    crs = {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{epsg}"}}
    return {"type": "Polygon", "crs": crs, "coordinates": [ring]}


def _wait_for(path: Path, gui, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if not gui.running():
            raise AssertionError(f"QGIS ended early:\n{gui.log_path.read_text(errors='replace')[-4000:]}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{path.name} did not appear within {timeout} s")
        time.sleep(0.2)


def test_errors_and_an_outage_in_the_real_desktop(tmp_path, screenshots_dir, localhub_factory):
    from byoc_qgis.core.auth import ClientCredentials
    from byoc_qgis.core.client import SentinelHubClient
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.core.models import Tile

    port = free_port()
    hub = localhub_factory(port=port, state_delay=8.0)  # slow ingestion: tiles are still pending at the outage
    client = SentinelHubClient(
        custom_deployment(hub.base_url, hub.token_url), ClientCredentials(hub.client_id, hub.client_secret)
    )
    col = new_collection(client, hub.s3, name=f"Outage demo {uuid.uuid4().hex[:4]}")
    names = [f"s2/2023-05-0{i + 1}/t{i}" for i in range(3)]
    for name, files in upload_tiles(hub.s3, col["bucket"], tmp_path / "tiles", names).items():
        cover = _footprint(next(iter(files.values())))  # drawn while the tile still waits for ingestion
        tile = Tile(f"{name}/(BAND).tif", sensing_time="2023-05-01T09:00:00Z", cover_geometry=cover)
        client.byoc.create_tile(col["id"], tile)
    client.close()
    flags = tmp_path / "flags"
    flags.mkdir()
    params = {
        "base_url": hub.base_url,
        "token_url": hub.token_url,
        "dead_url": f"http://127.0.0.1:{free_port()}",
        "client_id": hub.client_id,
        "client_secret": hub.client_secret,
        "cid": col["id"],
        "flags": str(flags),
    }
    params_path = tmp_path / "params.json"
    params_path.write_text(json.dumps(params))
    gui = start_qgis_gui(f"PARAMS = {str(params_path)!r}\n" + BODY, tmp_path, screenshots_dir)
    try:
        _wait_for(flags / "loaded", gui, 180)
        hub.stop()  # the service goes away while the layer watches its tiles
        (flags / "stopped").touch()
        _wait_for(flags / "restart", gui, 180)
        localhub_factory(port=port, data_dir=hub.data_dir, state_delay=8.0)
        result = gui.result(timeout=400)
    finally:
        gui.kill()
    assert result["errors"] == [], result["errors"]
    assert result["listed"]
    # the refused connection: a sentence with a way out, no library text, the dock and map keep their widths
    (title, text, buttons, tip), *rest = result["dead_items"]
    assert not rest
    assert text == f"Cannot reach {params['dead_url']} (connection refused)"
    assert tip == "(details in the BYOC log tab)"
    assert buttons == ["Retry", "Edit connection…"] and title == "Collections of dead"
    assert result["dead_status"] == "Collections could not be listed (see the message bar)."
    before, after = result["widths"]
    assert after == before, result["widths"]
    # the outage: one item, updated in place, with the countdown and the way out
    assert result["pending_before"] == 3
    assert result["in_trouble"]
    outage = [i for i in result["outage_items"] if "retrying" in i[1] or "Refresh" in i[1] or "failed" in i[0]]
    (title, text, buttons, tip), *rest = outage
    assert not rest, result["outage_items"]
    assert not any(i[0] == "Task failed" for i in result["outage_items"])
    assert title == f"Tiles of {col['name']}" and buttons == ["Retry", "Edit connection…"]
    assert text.startswith("Service unreachable — retrying in ") and text.endswith(" s")
    assert tip == f"Cannot reach {hub.base_url} (connection refused)"
    assert "service unreachable — retrying in" in result["outage_label"]
    # back by itself: INGESTED, the item gone, no "Task failed" announcement along the way
    assert result["recovered"] and result["ingested"]
    recovered = [i[1] for i in result["recovered_items"]]
    assert "Service reachable again: live refresh resumed" in recovered, recovered
    assert not any("unreachable" in i[1] for i in result["recovered_items"] + result["after_items"])
    assert "retrying" not in result["after_label"]
    assert result["announced"] == []
    assert len(result["screenshots"]) == 4
