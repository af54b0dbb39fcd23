"""Tiles layers come back populated when a saved project is opened.

Why a restore on project read and not a ``byoc`` vector data provider registered from Python: such a provider
would answer QGIS's feature requests from render and Processing threads, so the loading in chunks (20 000 tiles
without freezing) and the live refresh that changes single features in place would have to be rebuilt around a
thread-safe store, for no gain a user sees: a provider is also only known once the plugin is loaded, exactly like
this restore, and the memory layer already works as an input of any Processing algorithm. So the layer stays a
memory layer: QGIS saves its fields (in the memory URI), its style, its layer-tree group and its custom properties
— the connection name and the collection id, never a secret or token — and only its features are missing when the
project is read. This module puts them back from the service through the same path as the dock's "Show tiles"
(:func:`~.tiles_open.load_tiles`), so live refresh resumes while tiles are not final.

When the connection is missing (another computer, a removed connection) or the service cannot be reached, the
layer is left exactly as it was read (nothing lost on the next save) and the message bar and the "BYOC" log say
so; Retry (or "Show tiles" once the connection exists) loads it later.
"""

from __future__ import annotations

from typing import Iterable, List, Optional

from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, QTimer

from ..translation import tr, tr_n
from .layer_tree import PROP_CONNECTION, is_tiles_layer, tiles_layers
from .notify import Notifier, log
from .signals import Connections
from .tiles_memory import mark_tiles_layer
from .tiles_open import load_tiles, session_registry

__all__ = ["TilesRestore", "start_restore", "stop_restore"]


class TilesRestore(QObject):
    """Listens to the project: tiles layers read from a project file (or a layer definition) are loaded again."""

    def __init__(self, iface=None, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.notifier = Notifier(iface)
        self._pending: List[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.restore_pending)
        self._links = Connections()
        project = QgsProject.instance()
        self._links.connect(project.layersAdded, self._layers_added)
        self._links.connect(project.readProject, self._project_read)

    def _layers_added(self, layers) -> None:
        """Layers are added one by one while a project is read: restore them together once it is done."""
        ids = [layer.id() for layer in layers if is_tiles_layer(layer)]
        if ids:
            self._pending.extend(ids)
            self._timer.start()

    def _project_read(self, *_args) -> None:
        self.restore_pending()

    def restore_pending(self) -> None:
        """Restore the tiles layers added since the last call."""
        self._timer.stop()
        ids, self._pending = self._pending, []
        project = QgsProject.instance()
        self.restore([project.mapLayer(i) for i in dict.fromkeys(ids) if project.mapLayer(i) is not None])

    def restore(self, layers: Iterable[QgsVectorLayer]) -> int:
        """Load the tiles of ``layers`` that have no controller yet (a layer the plugin is loading or watching
        already is left alone); returns how many loads started. Layers whose connection does not exist here are
        reported and left untouched."""
        registry = session_registry(self.iface)
        names = set(registry.store.names())
        missing: List[QgsVectorLayer] = []
        started = 0
        for layer in layers:
            if not is_tiles_layer(layer) or registry.has_controller(layer):
                continue
            if layer.customProperty(PROP_CONNECTION) not in names:
                missing.append(layer)
                continue
            try:
                registry.store.client(registry.store.load(layer.customProperty(PROP_CONNECTION)))
            except Exception as exc:  # noqa: BLE001 - a deleted authcfg, a locked auth database: said, layer kept
                self.notifier.error(tr("Restoring the tiles layer {}").format(layer.name()), exc)
                continue
            ctl = registry.for_layer(layer)
            if ctl is None:
                continue
            mark_tiles_layer(layer)
            title = tr("Restoring the tiles layer {}").format(layer.name())

            def again(lyr=layer) -> None:
                if QgsProject.instance().mapLayer(lyr.id()) is lyr:
                    self.restore([lyr])

            load_tiles(ctl, self.notifier, retry=again, announce=False, title=title, kept=True)
            started += 1
        if missing:
            self._report_missing(missing)
        return started

    def _report_missing(self, layers: List[QgsVectorLayer]) -> None:
        for layer in layers:
            log(
                tr(
                    "The tiles layer {} needs the connection {}, which does not exist here: it stays in the project "
                    "as it is, without tiles"
                ).format(layer.name(), layer.customProperty(PROP_CONNECTION)),
                Qgis.MessageLevel.Warning,
            )
        connections = sorted({str(layer.customProperty(PROP_CONNECTION)) for layer in layers})
        self.notifier.warning(
            tr("BYOC tiles layers"),
            tr_n(
                "%n tiles layer needs connections that do not exist here: {}. It stays in the project without "
                "tiles. Add the connection in the Sentinel Hub BYOC panel, then Show tiles.",
                "%n tiles layers need connections that do not exist here: {}. They stay in the project without "
                "tiles. Add the connections in the Sentinel Hub BYOC panel, then Show tiles.",
                len(layers),
            ).format(", ".join(connections)),
        )

    def close(self) -> None:
        """Stop listening (plugin unload)."""
        self._timer.stop()
        self._pending.clear()
        self._links.disconnect_all()


_restore: Optional[TilesRestore] = None


def start_restore(iface=None) -> TilesRestore:
    """Restore tiles layers on every project read from now on, and those of the project open now (plugin load)."""
    global _restore
    stop_restore()
    _restore = TilesRestore(iface)
    _restore.restore(list(tiles_layers()))
    return _restore


def stop_restore() -> None:
    """Stop restoring (plugin unload)."""
    global _restore
    if _restore is not None:
        _restore.close()
        _restore.deleteLater()
        _restore = None
