"""The Browser panel in the real QGIS desktop under Xvfb: the "Sentinel Hub BYOC" root expanded to a connection's
collections and batch requests, a double-clicked collection's tiles layer on the map; screenshot byoc-browser kept
by CI (artifacts/<lane>/screenshots)."""

from __future__ import annotations

import json

import pytest

from .batch_world import make_world
from .gui_helpers import run_qgis_gui
from .test_gui_support import bulk_tiles, synthetic_rows

pytestmark = pytest.mark.gui

BODY = """
import json
from qgis.core import QgsApplication, QgsMimeDataUtils, QgsProject
from qgis.gui import QgsBrowserGuiModel
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QModelIndex, QPoint, QPointF, QSortFilterProxyModel, Qt
from qgis.PyQt.QtGui import QDragEnterEvent, QDropEvent
from qgis.PyQt.QtWidgets import QAbstractItemView, QDockWidget, QTreeView
from byoc_qgis.core import qgis_adapters as qa
from byoc_qgis.core.deployments import custom_deployment
from tests.watchdog import wait_until

p = json.load(open(PARAMS))
manager = QgsApplication.authManager()
if not manager.masterPasswordIsSet():
    manager.setMasterPassword("gui-test-master", True)
client_cfg = qa.store_client_credentials("localhub browser", p["client_id"], p["client_secret"])
qa.save_connection(qa.ConnectionSettings("localhub", custom_deployment(p["base_url"], p["token_url"]), client_cfg))
iface.mainWindow().resize(1600, 1000)
panel = [d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "Browser"][0]
panel.show()
panel.raise_()
wait_until(lambda: False, 0.5)
views = [v for v in panel.findChildren(QTreeView) if isinstance(v.model(), QSortFilterProxyModel)]
view = views[0]
iface.mainWindow().resizeDocks([panel], [440], Qt.Orientation.Horizontal)
model = view.model()

def find(parent, name):
    for r in range(model.rowCount(parent)):
        index = model.index(r, 0, parent)
        if model.data(index) == name:
            return index
    return None

def names(index):
    return [model.data(model.index(r, 0, index)) for r in range(model.rowCount(index))]

def expand(index, what, timeout=60):
    # as a user clicks the arrow; a step that fails ends the script with what it saw
    if index is None:
        raise AssertionError(f"{what}: not in the Browser")
    view.expand(index)
    if not wait_until(lambda: model.rowCount(index) > 0 and "" not in names(index), timeout):
        raise AssertionError(f"{what} did not populate: {names(index)}")
    return True

for r in range(model.rowCount(QModelIndex())):
    view.collapse(model.index(r, 0, QModelIndex()))
root = find(QModelIndex(), "Sentinel Hub BYOC")
result["root"] = root is not None
expand(root, "the root")
conn = find(root, "localhub")
result["expanded"] = expand(conn, "the connection")
result["children"] = names(conn)
batch = find(conn, "Batch requests")
result["batch_expanded"] = expand(batch, "Batch requests")
result["batch"] = names(batch)
col = find(conn, p["names"][0])
expand(col, "the collection")
view.setCurrentIndex(col)
view.scrollTo(root, QAbstractItemView.ScrollHint.PositionAtTop)
item = sip.cast(model.sourceModel(), QgsBrowserGuiModel).dataItem(model.mapToSource(col))
result["double_click"] = item.handleDoubleClick()

def tiles_layer():
    layers = [l for l in QgsProject.instance().mapLayers().values()
              if l.customProperty("byoc_qgis/collection_id") == p["ids"][0]]
    return layers[0] if layers and layers[0].featureCount() == p["counts"][0] else None

result["loaded"] = wait_until(lambda: tiles_layer() is not None, 60)
layer = tiles_layer()
if layer is None:
    raise AssertionError("the double-clicked collection's tiles layer was not loaded")
result["layer"] = [layer.name(), layer.featureCount()]
canvas = iface.mapCanvas()
canvas.setDestinationCrs(layer.crs())
extent = layer.extent()
extent.scale(1.1)
canvas.setExtent(extent)
canvas.refresh()
wait_until(lambda: False, 1.0)
wait_until(lambda: not canvas.isDrawing(), 30)

# drag the other collection from the Browser onto the map: QGIS hands its URI to the plugin's drop handler
other = sip.cast(model.sourceModel(), QgsBrowserGuiModel).dataItem(model.mapToSource(find(conn, p["names"][1])))
mime = QgsMimeDataUtils.encodeUriList(other.mimeUris())
centre = QPoint(canvas.width() // 2, canvas.height() // 2)
copy, left, plain = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
enter = QDragEnterEvent(centre, copy, mime, left, plain)
QApplication.sendEvent(canvas, enter)  # accepted by the main window: the drag's target
drop = QDropEvent(QPointF(centre), copy, mime, left, plain)
QApplication.sendEvent(canvas, drop)

def dropped():
    return [l for l in QgsProject.instance().mapLayers().values()
            if l.customProperty("byoc_qgis/collection_id") == p["ids"][1] and l.featureCount() == p["counts"][1]]

result["drop_accepted"] = [enter.isAccepted(), drop.isAccepted()]
result["dropped"] = wait_until(lambda: len(dropped()) == 1, 60)
result["messages"] = [[int(w.level()), w.title(), w.text()] for w in iface.messageBar().items()]
shot("byoc-browser")
"""


def test_browser_panel_on_the_desktop_shows_collections_and_adds_tiles(tmp_path, screenshots_dir, localhub_factory):
    hub = localhub_factory()
    world = make_world(hub, tmp_path / "world")
    session = hub.session()
    r = session.post(world.batch_url + "/process", json=world.body("browser-demo"), timeout=30)
    assert r.status_code in (200, 201), r.text
    names, ids, counts = ["Forest loss 2023", "Sentinel-2 mosaic"], [], [24, 9]
    for name, count in zip(names, counts):
        r = session.post(hub.byoc_url + "/collections", json={"name": name, "s3Bucket": "demo-bucket"}, timeout=10)
        assert r.status_code == 201, r.text
        ids.append(r.json()["data"]["id"])
        bulk_tiles(hub, ids[-1], synthetic_rows(count))
    params = {
        "base_url": hub.base_url,
        "token_url": hub.token_url,
        "client_id": hub.client_id,
        "client_secret": hub.client_secret,
        "names": names,
        "ids": ids,
        "counts": counts,
    }
    params_path = tmp_path / "params.json"
    params_path.write_text(json.dumps(params))
    result = run_qgis_gui(f"PARAMS = {str(params_path)!r}\n" + BODY, tmp_path, screenshots_dir, timeout=240)
    assert result["errors"] == [], result["errors"]
    assert result["root"] is True and result["expanded"] is True
    assert result["children"] == ["batch source", *names, "Batch requests"], result["children"]
    assert result["batch_expanded"] and len(result["batch"]) == 1 and "test browser-demo" in result["batch"][0]
    assert result["double_click"] is True and result["loaded"] is True
    assert result["layer"] == [names[0], counts[0]]
    assert len(result["screenshots"]) == 1
    assert result["dropped"] is True, result["drop_accepted"]
    assert not [m for m in result["messages"] if m[0] == 2], result["messages"]  # no error in the message bar
