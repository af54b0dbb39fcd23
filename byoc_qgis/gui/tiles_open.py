"""Open a collection's tiles layer from a saved connection, with or without the dock.

:func:`open_tiles_layer` is the one place that puts a tiles layer into the project and loads it: the dock's
"Show tiles", the Browser panel and the restore of a saved project (:mod:`.tiles_restore`) all go through it, so the
layer always gets the same fields, status style, layer-tree group ("BYOC: <connection>") and live refresh.

The controllers of the tiles layers (:class:`~.tiles_layer.TilesLayer`) live in one
:class:`~.tiles_registry.TilesRegistry` per QGIS session: the dock's (registered with :func:`register_registry`
when the dock is built), else one made on first use here (scripts, the Browser without the dock), so a layer never
gets two controllers polling the service.
"""

from __future__ import annotations

from typing import Callable, Optional

from qgis.core import Qgis, QgsCoordinateTransform, QgsProject

from ..translation import tr, tr_n
from .connections import ConnectionStore
from .layer_tree import PROP_COLLECTION_NAME
from .notify import Notifier, error_details, log
from .signals import Connections
from .tasks import TaskRunner
from .tiles_layer import TilesLayer
from .tiles_registry import TilesRegistry

__all__ = [
    "open_tiles_layer",
    "load_tiles",
    "session_registry",
    "register_registry",
    "unregister_registry",
    "zoom_to_tiles",
]

_registry: Optional[TilesRegistry] = None
_own_registry = False  # True when _registry was made here (not the dock's)


def register_registry(registry: TilesRegistry) -> None:
    """Make ``registry`` (the dock's) the session's: a registry made here before is closed (its layers stay)."""
    global _registry, _own_registry
    if _registry is not None and _registry is not registry and _own_registry:
        _registry.close()
    _registry, _own_registry = registry, False


def unregister_registry(registry: TilesRegistry) -> None:
    """Forget ``registry`` (the dock closes); the next :func:`session_registry` makes a new one when needed."""
    global _registry, _own_registry
    if _registry is registry:
        _registry, _own_registry = None, False


def session_registry(iface=None) -> TilesRegistry:
    """The tiles controllers of this session: the dock's registry, else one made (once) here."""
    global _registry, _own_registry
    if _registry is None or _registry.closed:
        runner = TaskRunner()
        _registry = TilesRegistry(ConnectionStore(), runner, iface)
        runner.setParent(_registry)
        _own_registry = True
    elif _registry.iface is None and iface is not None:
        _registry.iface = iface
    return _registry


def close_session_registry() -> None:
    """Stop the controllers of a registry made here (plugin unload; the layers stay in the project)."""
    global _registry, _own_registry
    if _registry is not None and _own_registry:
        _registry.runner.cancel_all()
        _registry.close()
        _registry, _own_registry = None, False


def open_tiles_layer(
    connection_name: str,
    collection_id: str,
    iface=None,
    collection_name: Optional[str] = None,
    notifier: Optional[Notifier] = None,
    registry: Optional[TilesRegistry] = None,
    before_load: Optional[Callable[[TilesLayer], None]] = None,
) -> TilesLayer:
    """Load the tiles of ``collection_id`` from the saved connection ``connection_name`` into its tiles layer (made
    and put into the connection's group when the project has none), in the background, with live refresh.

    Returns the layer's controller at once; the load reports through the message bar (``notifier``, else one for
    ``iface``) and the controller's signals. Without ``collection_name`` the layer is named by the id until the
    service tells the collection's name. ``before_load(ctl)`` runs just before the load starts (the dock connects
    its progress bar there). Raises ``ValueError`` for an unknown connection and the client's error for unusable
    credentials (a deleted authcfg, a locked auth database), before anything is added to the project.
    """
    registry = registry or session_registry(iface)
    notifier = notifier or Notifier(iface)
    if connection_name not in registry.store.names():
        raise ValueError(tr("There is no connection named {}").format(connection_name))
    registry.store.client(registry.store.load(connection_name))  # unusable credentials: raise before adding
    ctl = registry.shown(connection_name, collection_id)
    if ctl is None:
        ctl = registry.create(connection_name, collection_id, collection_name or collection_id)
    fresh = QgsProject.instance().mapLayer(ctl.layer.id()) is None
    ctl.add_to_project()
    if iface is not None:
        try:
            iface.setActiveLayer(ctl.layer)
        except (AttributeError, TypeError):
            pass
    if collection_name is None and fresh:
        _fetch_name(ctl, registry)
    if fresh and iface is not None:  # the first load of this layer shows its tiles; later refreshes leave the map
        view = _canvas_view(iface)
        ctl.on_first_tiles = lambda c: _canvas_view(iface) == view and zoom_to_tiles(c, iface)

    def again() -> None:
        open_tiles_layer(connection_name, collection_id, iface, collection_name, notifier, registry, before_load)

    load_tiles(ctl, notifier, retry=again, remove_if_empty=fresh, before_load=before_load)
    return ctl


def load_tiles(
    ctl: TilesLayer,
    notifier: Notifier,
    retry: Optional[Callable[[], None]] = None,
    remove_if_empty: bool = False,
    announce: bool = True,
    before_load: Optional[Callable[[TilesLayer], None]] = None,
    title: Optional[str] = None,
    kept: bool = False,
) -> None:
    """(Re)load every tile of ``ctl``'s layer; success (with ``announce``) and failure go to ``notifier`` (under
    ``title``). A layer added for this load (``remove_if_empty``) that failed without any tile leaves the project
    again; any other layer stays as it is (a restored project keeps its layer, its style and its place: ``kept``
    says so in the log)."""
    _end_load(ctl)  # the slots of an earlier load of this layer
    links = ctl.open_links = Connections()
    title = title or tr("Tiles of {}").format(ctl.collection_name)

    def loaded(n: int) -> None:
        _end_load(ctl)
        if announce:
            notifier.success(title, tr_n("%n tile loaded", "%n tiles loaded", n))

    def failed(exc: BaseException) -> None:
        _end_load(ctl)
        notifier.error(title, exc, retry=retry)
        if kept:
            log(
                tr("The layer {} stays in the project as it was; Retry, or Show tiles once the service answers").format(
                    ctl.layer.name()
                ),
                Qgis.MessageLevel.Warning,
            )
        if remove_if_empty and ctl.count == 0 and ctl.alive:
            QgsProject.instance().removeMapLayer(ctl.layer.id())

    links.connect(ctl.loaded, loaded)
    links.connect(ctl.load_failed, failed)
    if before_load is not None:
        before_load(ctl)
    ctl.load()


def _canvas_view(iface) -> Optional[tuple]:
    """The map's extent and CRS now: the first tiles zoom the map only if nobody moved it since Show tiles (the
    tiles may arrive long after, e.g. while Add tiles registers them; the user's own navigation wins)."""
    canvas = iface.mapCanvas() if hasattr(iface, "mapCanvas") else None
    if canvas is None:
        return None
    extent = canvas.extent()
    return (extent.toString(6), canvas.mapSettings().destinationCrs().authid())


def zoom_to_tiles(ctl: TilesLayer, iface) -> bool:
    """Zoom the map canvas to the outlines of every tile of ``ctl``'s layer (with a small margin); False when there
    is no canvas or no outline (no tile yet, or only tiles without a cover)."""
    canvas = iface.mapCanvas() if iface is not None and hasattr(iface, "mapCanvas") else None
    layer = ctl.layer
    if canvas is None or not ctl.alive:
        return False
    layer.updateExtents()
    extent = layer.extent()
    if extent.isEmpty():
        return False
    dest = canvas.mapSettings().destinationCrs()
    if dest.isValid() and dest != layer.crs():
        extent = QgsCoordinateTransform(layer.crs(), dest, QgsProject.instance()).transformBoundingBox(extent)
    extent.scale(1.1)
    canvas.setExtent(extent)
    canvas.refresh()
    return True


def _end_load(ctl: TilesLayer) -> None:
    links = getattr(ctl, "open_links", None)
    if links is not None:
        links.disconnect_all()
        ctl.open_links = None


def _fetch_name(ctl: TilesLayer, registry: TilesRegistry) -> None:
    """Name the layer after its collection once the service says it (the layer shows the id until then)."""
    client = registry.store.client(registry.store.load(ctl.connection))
    collection_id = ctl.collection_id

    def work(task) -> str:
        return client.byoc.get_collection(collection_id, cancel=task.isCanceled).name

    def done(name: str) -> None:
        if not ctl.alive or not name or ctl.layer.name() != collection_id:
            return  # gone, or renamed by the user meanwhile
        ctl.collection_name = name
        ctl.layer.setName(name)
        ctl.layer.setCustomProperty(PROP_COLLECTION_NAME, name)

    def failed(exc: BaseException) -> None:
        log(tr("The name of collection {} could not be read: {}").format(collection_id, error_details(exc)))

    registry.runner.run_function(tr("Reading collection {}").format(collection_id), work, done, failed)
