"""Tiles layers at home in a QGIS project, against localhub: opened without the dock, restored from a saved project
(no secret in it), processed rasters kept with their metadata, and the Temporal Controller's range."""

from __future__ import annotations

import pytest

from .test_gui_support import bulk_tiles, new_collection, synthetic_rows

pytestmark = pytest.mark.usefixtures("gui_provider")


def _wait(cond, timeout=60.0):
    from .watchdog import wait_until

    assert wait_until(cond, timeout=timeout), "timed out"


@pytest.fixture(scope="module")
def client(conn):
    c = conn.client()
    yield c
    c.close()


@pytest.fixture
def session_tiles(qgis_app, qgis_new_project):
    """The session's tiles registry made by tiles_open (no dock), closed after the test."""
    from byoc_qgis.gui import tiles_open

    yield tiles_open
    tiles_open.close_session_registry()


def _collection(client, localhub, n: int, name: str = "") -> dict:
    col = new_collection(client, name=name)
    assert bulk_tiles(localhub, col["id"], synthetic_rows(n)) == n
    return col


def test_open_tiles_layer_without_the_dock(session_tiles, qgis_iface, conn, client, localhub):
    from qgis.core import Qgis, QgsCategorizedSymbolRenderer, QgsProject

    from byoc_qgis.gui.layer_tree import PROP_COLLECTION, PROP_COLLECTION_NAME, PROP_CONNECTION

    col = _collection(client, localhub, 7, name="opened without dock")
    qgis_iface.messageBar().clear_messages()
    ctl = session_tiles.open_tiles_layer(conn.name, col["id"], qgis_iface)
    layer = ctl.layer
    assert layer.name() == col["id"]  # named by the id until the service says the collection's name
    _wait(lambda: not ctl.loading and layer.name() == "opened without dock")
    assert layer.featureCount() == 7
    assert layer.customProperty(PROP_CONNECTION) == conn.name and layer.customProperty(PROP_COLLECTION) == col["id"]
    assert layer.customProperty(PROP_COLLECTION_NAME) == "opened without dock"
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    group = QgsProject.instance().layerTreeRoot().findLayer(layer.id()).parent()
    assert group.name() == f"BYOC: {conn.name}"
    assert qgis_iface.activeLayer() is layer
    texts = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert any("7 tiles loaded" in str(t) for t in texts), texts
    # opening again reuses the layer and its controller
    again = session_tiles.open_tiles_layer(conn.name, col["id"], qgis_iface, "opened without dock")
    assert again is ctl
    _wait(lambda: not ctl.loading)
    assert len([lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name() == layer.name()]) == 1
    assert layer.featureCount() == 7
    with pytest.raises(ValueError):
        session_tiles.open_tiles_layer("no such connection", col["id"], qgis_iface)
