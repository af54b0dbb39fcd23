"""Plugin unload leaves nothing of ours connected to what outlives it: ``iface``, ``QgsProject.instance()``, the map
layers that stay in the project, the task manager and the auth manager.

Checked by behaviour: the long-lived objects' signals are emitted (and a shown tiles layer is selected in and
removed) while a profiler records every Python call into the plugin's code. With the plugin loaded, the dock
answers them (so the check can fail); after ``unload()`` nothing of ours may run. Also by counting the receivers
of the (Python-made) test interface's ``currentLayerChanged``.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import List

import pytest

from .test_gui_support import bulk_tiles, new_collection, release_provider, store_connection, synthetic_rows
from .watchdog import wait_until

PLUGIN_DIR = str(Path(__file__).resolve().parent.parent / "byoc_qgis")


class PluginCalls:
    """Python calls into the plugin's code (``byoc_qgis/``) on this thread while the block runs."""

    def __init__(self) -> None:
        self.calls: List[str] = []
        self._old = None

    def _profile(self, frame, event, _arg) -> None:
        if event == "call" and frame.f_code.co_filename.startswith(PLUGIN_DIR):
            self.calls.append(f"{Path(frame.f_code.co_filename).name}:{frame.f_code.co_name}")

    def __enter__(self) -> PluginCalls:
        self._old = sys.getprofile()
        sys.setprofile(self._profile)
        return self

    def __exit__(self, *exc) -> None:
        sys.setprofile(self._old)


def _ran_task() -> None:
    """A task through QGIS's task manager (its signals: taskAdded, statusChanged, progress, allTasksFinished)."""
    from qgis.core import QgsApplication, QgsTask

    finished: list = []
    task = QgsTask.fromFunction("unload check", lambda _task: 1, on_finished=lambda *_a: finished.append(1))
    QgsApplication.taskManager().addTask(task)
    assert wait_until(lambda: finished, 30)


def _poke_long_lived(iface, layer) -> None:
    """Emit the signals of the long-lived objects a dock listens to (or might), with harmless arguments."""
    from qgis.core import QgsApplication, QgsProject

    project = QgsProject.instance()
    iface.currentLayerChanged.emit(layer)
    project.layerWillBeRemoved.emit("no-such-layer")
    project.layersWillBeRemoved.emit(["no-such-layer"])
    project.layersRemoved.emit(["no-such-layer"])
    project.layerRemoved.emit("no-such-layer")
    auth = QgsApplication.authManager()
    if hasattr(auth, "authDatabaseChanged"):
        auth.authDatabaseChanged.emit()
    _ran_task()


@pytest.mark.timeout(300)
def test_unload_leaves_no_connection_on_long_lived_objects(qgis_app, qgis_iface, qgis_new_project, localhub):
    from qgis.core import QgsProject

    import byoc_qgis

    name = f"unload-{uuid.uuid4().hex[:6]}"
    conn = store_connection(localhub, name, with_s3=False)
    release_provider()  # the plugin registers its own
    client = conn.client()
    col = new_collection(client)
    bulk_tiles(localhub, col["id"], synthetic_rows(3, status="WAITING"))  # pending: the layer keeps polling
    client.close()
    iface = qgis_iface
    receivers_before = iface.receivers(iface.currentLayerChanged)

    plugin = byoc_qgis.classFactory(iface)
    plugin.initGui()
    try:
        dock = plugin.dock
        dock.reload_connections(name)
        assert wait_until(lambda: col["id"] in dock.collections, 60)
        ctl = dock.show_tiles(col["id"])
        assert wait_until(lambda: not ctl.loading and ctl.count == 3, 60)
        layer = ctl.layer
        assert iface.receivers(iface.currentLayerChanged) > receivers_before
        from byoc_qgis.processing.algorithms.batch_layers import watch_project

        watch_project(QgsProject.instance())  # as batchresults does: releases bucket options with the layers

        # loaded: the dock answers (the check below can fail)
        with PluginCalls() as loaded:
            _poke_long_lived(iface, layer)
            layer.selectByIds([next(layer.getFeatures()).id()])
        assert any("_update_tile_buttons" in c for c in loaded.calls), loaded.calls
        assert any("_release_unused_holds" in c for c in loaded.calls), loaded.calls
    finally:
        runner = plugin.dock.runner
        plugin.unload()

    # the tasks we started end (cancelled) before the check: QGIS calls their finished(), which is ours
    assert wait_until(lambda: not runner.active(), 30)
    assert iface.receivers(iface.currentLayerChanged) == receivers_before
    assert QgsProject.instance().mapLayer(layer.id()) is layer  # the layer outlives the plugin
    with PluginCalls() as unloaded:
        _poke_long_lived(iface, layer)
        layer.selectByIds([])
        layer.selectByIds([f.id() for f in layer.getFeatures()])
        wait_until(lambda: False, 1.5)  # a poll the tiles layer might still have planned
        QgsProject.instance().removeMapLayer(layer.id())  # layerWillBeRemoved, the layer's willBeDeleted
        wait_until(lambda: False, 0.2)
    assert unloaded.calls == []
