""" "Process again…" in the layer tree's context menu of a processed raster: the Process dialog, filled with the
request that made the raster (recorded by :mod:`.process_results`), also for rasters of a reopened project."""

from __future__ import annotations

from typing import Any, Callable, List, Optional

from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtWidgets import QAction

from ..translation import tr
from .connections import ConnectionStore
from .layer_tree import insert_below_connection
from .notify import Notifier
from .process_dialog import ProcessDialog
from .process_results import fill_dialog, process_state
from .signals import Connections
from .tasks import TaskRunner

__all__ = ["ProcessAgain"]


def _raster_layer_type():
    from qgis.core import Qgis, QgsMapLayerType

    layer_type = getattr(Qgis, "LayerType", None)
    return layer_type.Raster if layer_type is not None else QgsMapLayerType.RasterLayer


class ProcessAgain(QObject):
    """The "Process again…" action; :meth:`open_for` opens the filled dialog for a processed raster (the
    collection is read from the service first, in a task, for its bands). Dialogs are kept in ``dialogs``."""

    def __init__(
        self,
        iface,
        store: ConnectionStore,
        runner: TaskRunner,
        notifier: Notifier,
        dialogs: List[Any],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.iface = iface
        self.store = store
        self.runner = runner
        self.notifier = notifier
        self.dialogs = dialogs
        self.last_dialog: Optional[ProcessDialog] = None
        self.action = QAction(tr("Process again…"), self)
        self.action.setObjectName("byoc_process_again")
        self.action.setToolTip(tr("Open the Process dialog with the request that made this raster"))
        self.action.triggered.connect(self._triggered)
        self._links = Connections()
        self._links.connect(QgsProject.instance().layersAdded, self._layers_added)
        self._registered = False
        if iface is not None:
            try:
                iface.addCustomActionForLayerType(self.action, tr("Sentinel Hub BYOC"), _raster_layer_type(), False)
                self._registered = True
            except (AttributeError, TypeError):
                pass
        self._layers_added(list(QgsProject.instance().mapLayers().values()))

    def _layers_added(self, layers) -> None:
        for layer in layers:
            self.offer(layer)

    def offer(self, layer) -> None:
        """Show the action in ``layer``'s context menu when it is a processed raster."""
        if self._registered and process_state(layer) is not None:
            try:
                self.iface.addCustomActionForLayer(self.action, layer)
            except (AttributeError, TypeError):
                pass

    def _triggered(self, *_args) -> None:
        layer = self.iface.activeLayer() if self.iface is not None else None
        if process_state(layer) is not None:
            self.open_for(layer)

    def open_for(self, layer: QgsRasterLayer, on_dialog: Optional[Callable[[ProcessDialog], None]] = None):
        """Read the collection, then open the Process dialog filled from ``layer``; returns the task (None when
        the raster's connection does not exist here: said in the message bar)."""
        state = process_state(layer)
        if state is None:
            return None
        title = tr("Process again")
        name = state["connection"]
        if name not in self.store.names():
            self.notifier.warning(
                title, tr("The connection {} that made {} does not exist here").format(name, layer.name())
            )
            return None
        conn = self.store.load(name)
        client = self.store.client(conn)
        collection_id = state["collection_id"]

        def work(task):
            return client.byoc.get_collection(collection_id, cancel=task.isCanceled)

        def done(collection) -> None:
            canvas = self.iface.mapCanvas() if self.iface is not None else None
            dialog = ProcessDialog(
                conn,
                collection,
                self.runner,
                self.notifier,
                canvas,
                [],
                lambda result: insert_below_connection(result, conn.name),
                self.iface.mainWindow() if self.iface is not None else None,
            )
            fill_dialog(dialog, state)
            self.dialogs.append(dialog)
            self.last_dialog = dialog
            dialog.show()
            if on_dialog is not None:
                on_dialog(dialog)

        def failed(exc: BaseException) -> None:
            self.notifier.error(title, exc, retry=lambda: self.open_for(layer, on_dialog))

        return self.runner.run_function(tr("Reading collection {}").format(collection_id), work, done, failed)

    def close(self) -> None:
        """Take the action out of the layer tree and stop listening (unload)."""
        self._links.disconnect_all()
        if self._registered:
            try:
                self.iface.removeCustomActionForLayerType(self.action)
            except (AttributeError, TypeError):
                pass
            self._registered = False
