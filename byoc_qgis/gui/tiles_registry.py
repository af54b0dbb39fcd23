"""The dock's tiles layers: one controller (:class:`~.tiles_layer.TilesLayer`) per tiles layer in the project,
made on demand (also for layers of a reopened project), the tile actions in their layer-tree context menu, and
what happens when a layer is removed or its connection renamed or removed.

Every connection to a long-lived object (the project, the layers, ``iface``) is made here through
:class:`~.signals.Connections` and undone by :meth:`TilesRegistry.close`.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Optional

from qgis.core import Qgis, QgsMapLayerType, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QAction

from ..translation import tr
from .connections import ConnectionStore
from .layer_tree import (
    PROP_COLLECTION,
    PROP_COLLECTION_NAME,
    PROP_CONNECTION,
    find_tiles_layer,
    is_tiles_layer,
    rename_connection,
)
from .signals import Connections
from .tasks import TaskRunner
from .tiles_layer import TilesLayer

__all__ = ["TilesRegistry"]


def _vector_layer_type():
    layer_type = getattr(Qgis, "LayerType", None)
    return layer_type.Vector if layer_type is not None else QgsMapLayerType.VectorLayer


class TilesRegistry(QObject):
    """Controllers by layer id. ``changed`` when what the tile buttons show may have changed (selection, pending
    tiles, a refresh, a layer gone); ``trouble_changed(ctl)``, ``skipped(ctl, count, first)`` and
    ``removed(ctl)`` (its layer left the project) pass the controller on."""

    changed = pyqtSignal()
    trouble_changed = pyqtSignal(object)
    skipped = pyqtSignal(object, int, str)
    removed = pyqtSignal(object)

    def __init__(
        self,
        store: ConnectionStore,
        runner: TaskRunner,
        iface=None,
        layer_actions: Iterable[QAction] = (),
        parent: Optional[QObject] = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.iface = iface
        self.controllers: Dict[str, TilesLayer] = {}
        self._layer_actions: List[QAction] = list(layer_actions)
        self.closed = False
        self._links = Connections()  # to the project and the layers: undone by close()
        self._links.connect(QgsProject.instance().layerWillBeRemoved, self._layer_removed)
        self._add_layer_type_actions()

    # -- finding and making controllers ---------------------------------------------------------------------------
    def for_layer(self, layer: QgsVectorLayer) -> Optional[TilesLayer]:
        """The controller of a tiles layer (made when missing); None when its connection no longer exists."""
        name = layer.customProperty(PROP_CONNECTION)
        if name not in self.store.names():
            return None  # the connection was removed: no tile action on its layers
        ctl = self.controllers.get(layer.id())
        if ctl is not None and ctl.alive:
            return ctl
        collection_name = layer.customProperty(PROP_COLLECTION_NAME) or layer.name()
        return self.create(name, layer.customProperty(PROP_COLLECTION), collection_name, layer)

    def has_controller(self, layer: QgsVectorLayer) -> bool:
        """True when ``layer`` already has a working controller here that loaded it (or is loading it); one made
        on demand (the dock's tile buttons) that never loaded does not count."""
        ctl = self.controllers.get(layer.id())
        return ctl is not None and ctl.alive and ctl.load_started

    def shown(self, connection: str, collection_id: str) -> Optional[TilesLayer]:
        """The controller of the project's tiles layer of this collection, if it is shown."""
        layer = find_tiles_layer(connection, collection_id)
        return self.for_layer(layer) if layer is not None else None

    def current(self, active_layer, connection: Optional[str], collection_id: Optional[str]) -> Optional[TilesLayer]:
        """The tiles layer the tile actions work on: the active layer if it is one, else the given collection's."""
        if is_tiles_layer(active_layer):
            ctl = self.for_layer(active_layer)
            if ctl is not None:
                return ctl
        if connection is not None and collection_id is not None:
            return self.shown(connection, collection_id)
        return None

    def create(self, connection: str, collection_id: str, name: str, layer=None) -> TilesLayer:
        """A controller for a new tiles layer (or for ``layer``), with its signals passed on."""
        conn = self.store.load(connection)
        ctl = TilesLayer(self.runner, lambda c=conn: self.store.client(c), connection, collection_id, name, layer, self)
        self.controllers[ctl.layer.id()] = ctl
        self._links.connect(ctl.layer.selectionChanged, self._emit_changed)
        ctl.pending_changed.connect(self._emit_changed)
        ctl.updated.connect(self._emit_changed)
        ctl.trouble_changed.connect(lambda c=ctl: self.trouble_changed.emit(c))
        ctl.skipped.connect(lambda n, first, c=ctl: self.skipped.emit(c, n, first))
        self._add_layer_actions(ctl.layer)
        return ctl

    def _emit_changed(self, *_args) -> None:
        self.changed.emit()

    # -- project events -------------------------------------------------------------------------------------------
    def _layer_removed(self, layer_id: str) -> None:
        ctl = self.controllers.pop(layer_id, None)
        if ctl is not None:
            ctl.stop()
            self.removed.emit(ctl)

    def rename_connection(self, old: str, new: str) -> None:
        """Shown tiles layers and the layer-tree group of a renamed connection take its new name."""
        for ctl in self.controllers.values():
            if ctl.connection == old:
                ctl.connection = new
        rename_connection(old, new)

    # -- the tile actions in the layer tree's context menu ----------------------------------------------------------
    def _add_layer_type_actions(self) -> None:
        if self.iface is None:
            return
        menu = tr("BYOC tiles")
        for action in self._layer_actions:
            try:
                self.iface.addCustomActionForLayerType(action, menu, _vector_layer_type(), False)
            except (AttributeError, TypeError):
                return

    def _add_layer_actions(self, layer: QgsVectorLayer) -> None:
        if self.iface is None:
            return
        for action in self._layer_actions:
            try:
                self.iface.addCustomActionForLayer(action, layer)
            except (AttributeError, TypeError):
                break

    # -- unload ---------------------------------------------------------------------------------------------------
    def close(self) -> None:
        """Stop every controller, disconnect from the project and the layers, take the actions out of the layer
        tree's menus (plugin unload; the layers stay in the project)."""
        self.closed = True
        for ctl in list(self.controllers.values()):
            ctl.release()
        self.controllers.clear()
        self._links.disconnect_all()
        if self.iface is not None:
            for action in self._layer_actions:
                try:
                    self.iface.removeCustomActionForLayerType(action)
                except (AttributeError, TypeError):
                    break
