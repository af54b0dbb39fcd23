"""A saved project reopened in the real QGIS desktop under Xvfb: its tiles layers come back filled from localhub,
the processed raster is there with "Process again…" in its menu, and the Temporal Controller shows one day's
tiles. Screenshots kept by CI (artifacts/<lane>/screenshots)."""

from __future__ import annotations

import json

import pytest

from .fixtures_rasters import make_tile
from .gui_helpers import OPEN_LOCALHUB_DOCK, run_qgis_gui

pytestmark = pytest.mark.gui

BODY = (
    """
import json
from qgis.core import (Qgis, QgsApplication, QgsDateTimeRange, QgsExpression, QgsFeatureRequest, QgsInterval,
                       QgsProject, QgsRasterLayer, QgsUnitTypes, QgsVectorLayer, QgsVectorLayerTemporalContext)
from qgis.PyQt.QtCore import QDateTime, Qt
from byoc_qgis.gui.tiles_open import open_tiles_layer
from tests.watchdog import wait_until

"""
    + OPEN_LOCALHUB_DOCK
    + """
project = QgsProject.instance()
project.write(p["project"])  # saved first: the processed raster goes next to it
result["collections_listed"] = wait_until(lambda: p["cid"] in dock.collections, 60)
dock.select_collection(p["cid"])
first = dock.show_tiles(p["cid"])
second = open_tiles_layer("localhub", p["cid2"], iface, "Second collection")
result["tiles_loaded"] = wait_until(lambda: not first.loading and not second.loading, 60)
canvas = iface.mapCanvas()
extent = first.layer.extent()
extent.grow(extent.width() * 0.15)
canvas.setExtent(extent)
dlg = dock.open_process()
dlg.res_mode.setCurrentIndex(dlg.res_mode.findData("pixels"))
dlg.width_px.setValue(480)
dlg.height_px.setValue(360)
run = dlg.start()
result["processed"] = wait_until(lambda: run.ok is not None, 120) and run.ok
result["process_error"] = run.error_text()
raster = dlg.result_layer
result["raster_source"] = raster.source() if raster else None
dlg.close()
def counts():
    return {l.name(): (l.featureCount() if isinstance(l, QgsVectorLayer) else -1) for l in project.mapLayers().values()}

result["before"] = counts()
project.write(p["project"])

# a fresh project, then the saved one read again: the plugin loads the tiles layers from localhub
iface.messageBar().clearWidgets()
project.clear()
result["cleared"] = len(project.mapLayers())
project.read(p["project"])
names = {l.name(): l for l in project.mapLayers().values()}
tiles = [names[n] for n in ("Caspian demo tiles", "Second collection")]
result["restored"] = wait_until(lambda: [t.featureCount() for t in tiles] == [2, 3], 60)
result["after"] = counts()
result["layer_tree"] = [n.name() for n in project.layerTreeRoot().children()]
raster = next(l for l in project.mapLayers().values() if isinstance(l, QgsRasterLayer))
result["raster_after"] = [raster.isValid(), raster.source()]
view = iface.layerTreeView()
view.setCurrentLayer(raster)

def menu_texts(m):
    out = []
    for a in m.actions():
        out.append(a.text())
        if a.menu() is not None:
            out += menu_texts(a.menu())
    return out

menu = view.menuProvider().createContextMenu()
result["raster_menu"] = menu_texts(menu) if menu is not None else []
for node in project.layerTreeRoot().findLayers():
    node.setExpanded(False)
extent = tiles[0].extent()
extent.combineExtentWith(tiles[1].extent())
extent.grow(extent.width() * 0.08)
canvas.setExtent(extent)
canvas.refresh()
wait_until(lambda: False, 3)
shot("byoc-restored-project")

# the Temporal Controller, one frame a day: only the tiles sensed that day are drawn
nav = canvas.temporalController()
start = QDateTime.fromString("2023-05-01T00:00:00Z", Qt.DateFormat.ISODate)
end = QDateTime.fromString("2023-05-04T00:00:00Z", Qt.DateFormat.ISODate)
nav.setTemporalExtents(QgsDateTimeRange(start, end))
days = Qgis.TemporalUnit.Days if hasattr(Qgis, "TemporalUnit") else QgsUnitTypes.TemporalDays
animated = Qgis.TemporalNavigationMode.Animated if hasattr(Qgis, "TemporalNavigationMode") else nav.Animated
nav.setFrameDuration(QgsInterval(1, days))
nav.setNavigationMode(animated)
nav.setCurrentFrameNumber(1)
from qgis.PyQt.QtWidgets import QDockWidget
for dock_widget in iface.mainWindow().findChildren(QDockWidget):
    if dock_widget.objectName() == "TemporalControllerDockWidget" or "Temporal" in dock_widget.windowTitle():
        dock_widget.show()
        iface.mainWindow().resizeDocks([dock_widget], [110], Qt.Orientation.Vertical)
result["frame_features"] = {}
for t in tiles:
    context = QgsVectorLayerTemporalContext()
    text = t.temporalProperties().createFilterString(context, nav.dateTimeRangeForFrameNumber(1))
    result["frame_features"][t.name()] = [f["sensing_time"].toString(Qt.DateFormat.ISODate) for f in
                                          t.getFeatures(QgsFeatureRequest(QgsExpression(text)))]
result["frame"] = [nav.dateTimeRangeForFrameNumber(1).begin().toString(Qt.DateFormat.ISODate)]
canvas.refresh()
wait_until(lambda: False, 3)
canvas.refresh()  # again: the Temporal Controller's dock resized the canvas meanwhile
wait_until(lambda: False, 2)
shot("byoc-restored-project-temporal-frame")
"""
)


def test_reopened_project_in_real_qgis(tmp_path, screenshots_dir, localhub):
    from byoc_qgis.core.auth import ClientCredentials
    from byoc_qgis.core.client import SentinelHubClient
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.core.ingestion import wait_for_tiles
    from byoc_qgis.core.models import Collection, Tile

    client = SentinelHubClient(
        custom_deployment(localhub.base_url, localhub.token_url),
        ClientCredentials(localhub.client_id, localhub.client_secret),
    )
    cols = []
    for name, bucket, days in (
        ("Caspian demo tiles", "gui-project-a", (1, 2)),
        ("Second collection", "gui-project-b", (1, 2, 3)),
    ):
        localhub.s3.client().create_bucket(Bucket=bucket)
        col = client.byoc.create_collection(Collection(name=name, s3_bucket=bucket))
        paths = [f"s2/2023-05-0{d}/t" for d in days]
        for path, d in zip(paths, days):  # one size a day: the covers differ, the Temporal Controller shows it
            files = make_tile(tmp_path / bucket / path, size=(150 + 150 * d, 125 + 125 * d))
            for stem, local in files.items():
                localhub.s3.client().upload_file(local, bucket, f"{path}/{stem}.tif")
        tiles = [
            client.byoc.create_tile(col.id, Tile(f"{path}/(BAND).tif", sensing_time=f"2023-05-0{d}T09:00:00Z"))
            for path, d in zip(paths, days)
        ]
        assert wait_for_tiles(client.byoc, col.id, tiles, timeout=60, initial_delay=0.1).ok
        cols.append(col)
    client.close()
    (tmp_path / "project").mkdir()
    params = {
        "base_url": localhub.base_url,
        "token_url": localhub.token_url,
        "client_id": localhub.client_id,
        "client_secret": localhub.client_secret,
        "s3_access": localhub.s3.access_key,
        "s3_secret": localhub.s3.secret_key,
        "s3_endpoint": localhub.s3.endpoint,
        "s3_region": localhub.s3.region,
        "cid": cols[0].id,
        "cid2": cols[1].id,
        "project": str(tmp_path / "project" / "reopened.qgs"),
    }
    params_path = tmp_path / "params.json"
    params_path.write_text(json.dumps(params))
    result = run_qgis_gui(f"PARAMS = {str(params_path)!r}\n" + BODY, tmp_path, screenshots_dir, timeout=300)
    assert result["errors"] == [], result["errors"]
    assert result["collections_listed"] and result["tiles_loaded"]
    assert result["processed"], result["process_error"]
    assert result["raster_source"].startswith(str(tmp_path / "project" / "byoc_results"))
    assert result["cleared"] == 0
    assert result["restored"], result["after"]
    assert result["after"] == result["before"]
    assert result["layer_tree"][0] == "BYOC: localhub"
    assert result["raster_after"] == [True, result["raster_source"]]
    assert "Process again…" in result["raster_menu"], result["raster_menu"]
    assert result["frame"] == ["2023-05-02T00:00:00Z"]
    day2 = ["2023-05-02T09:00:00Z"]
    assert result["frame_features"] == {"Caspian demo tiles": day2, "Second collection": day2}
    assert len(result["screenshots"]) == 2
    text = (tmp_path / "project" / "reopened.qgs").read_text(encoding="utf-8")
    for secret in (localhub.client_secret, localhub.s3.secret_key, localhub.s3.access_key):
        assert secret not in text
