"""The "Sentinel Hub BYOC" dock: connections, collections, tiles as live layers, tile actions, Add tiles, Process.

Everything that talks to the service runs in tasks (core client in ``QgsTask``s, Processing algorithms as
``QgsProcessingAlgRunnerTask``s); errors go to the message bar with the service's message and to the "BYOC" log
tab. Every slot is :func:`~.guard.guarded`: a locked auth database, a deleted authcfg, no network or a 5xx is a
message-bar error with Retry / Edit connection, never a Python traceback. The methods behind the buttons take
their inputs as arguments (dialogs only collect them), so tests and scripts can drive the dock without clicking.

The dock's parts live beside it: its widgets (:mod:`.dock_ui`), the small dialogs it asks with
(:mod:`.dock_dialogs`), the tiles layers' controllers (:mod:`.tiles_registry`), the notices of their live refresh
(:mod:`.outage_notices`), the collection operations (:mod:`.dock_collections`) and the tile actions
(:mod:`.dock_tiles`, working through :mod:`.tile_actions`).
"""

from __future__ import annotations

from typing import Dict, List, Optional

from qgis.core import QgsRasterLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDialog

from ..core.models import Collection
from ..translation import tr, tr_n
from . import dock_dialogs
from .add_tiles_dialog import AddTilesDialog
from .batch_panel import BatchPanel
from .connection_dialog import ConnectionDialog
from .connections import Connection, ConnectionStore
from .dock_collections import CollectionsMixin
from .dock_tiles import TileActionsMixin, utc
from .dock_ui import DockUi
from .guard import guarded
from .layer_tree import insert_below_connection
from .notify import Notifier, elide
from .options_page import register_options_page, unregister_options_page
from .outage_notices import OutageNotices, waiting_text
from .process_again import ProcessAgain
from .process_dialog import ProcessDialog
from .signals import Connections
from .tasks import FunctionTask, TaskRunner
from .tile_actions import TileActions
from .tiles_layer import TilesLayer
from .tiles_open import open_tiles_layer, register_registry, unregister_registry, zoom_to_tiles
from .tiles_registry import TilesRegistry

__all__ = ["ByocDock"]

MAX_EXPLAINED = 20  # "N failed" explains at once up to this many tiles (more: they are selected, the user picks)


class ByocDock(CollectionsMixin, TileActionsMixin, DockUi):
    """Dock panel listing connections, collections and tiles."""

    def __init__(self, iface=None, parent=None, wait_until_shown: bool = False) -> None:
        super().__init__(tr("Sentinel Hub BYOC"), parent)
        self.setObjectName("ByocDock")
        self.iface = iface
        # the plugin's dock reads the auth database and the service only once it is first shown (no master
        # password prompt, no request at QGIS start); see showEvent
        self._wait_until_shown = wait_until_shown
        self.store = ConnectionStore()
        self.runner = TaskRunner(self)
        self.notifier = Notifier(iface, edit_connection=self.on_edit_connection)
        self.actions_impl = TileActions(self.runner, self.notifier)
        self.collections: Dict[str, Collection] = {}
        self.dialogs: List[QDialog] = []
        self.list_task: Optional[FunctionTask] = None
        self._links = Connections()  # to long-lived objects (iface): undone by cleanup()
        self._load_links: Dict[int, Connections] = {}  # id(controller) → the slots of its running load
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(400)
        self._search_timer.timeout.connect(self.refresh_collections)
        self.build_ui()
        self.batch = BatchPanel(self, self.tabs)  # the Batch tab (gui/batch_panel.py)
        self.tabs.addTab(self.batch, tr("Batch"))
        self.tiles = TilesRegistry(self.store, self.runner, iface, self.tile_action_list + [self.act_save], self)
        self.tiles.changed.connect(self._update_tile_buttons)
        self.tiles.trouble_changed.connect(self._trouble_changed)
        self.tiles.skipped.connect(self._tiles_skipped)
        self.tiles.removed.connect(self._tiles_removed)
        register_registry(self.tiles)  # the Browser panel and the project restore use these controllers too
        self.process_again = ProcessAgain(iface, self.store, self.runner, self.notifier, self.dialogs, self)
        self.options_page = register_options_page(iface)  # Settings ▸ Options: the processed rasters folder
        self.notices = OutageNotices(self.notifier, self.tiles.controllers.values, self.on_edit_connection, self)
        self.notices.ticked.connect(self._update_tile_buttons)
        self._update_buttons()
        self._fill_connections()
        if iface is not None and hasattr(iface, "currentLayerChanged"):
            try:
                self._links.connect(iface.currentLayerChanged, self._update_tile_buttons)
            except (AttributeError, TypeError):
                pass

    # --------------------------------------------------------------------------------------------------- state
    def connection(self) -> Optional[Connection]:
        name = self.connection_combo.currentData()
        if not name:
            return None
        try:
            return self.store.load(name)
        except ValueError:
            return None

    def client(self, conn: Optional[Connection] = None):
        """The active connection's client (main thread: reads the auth manager)."""
        conn = conn or self.connection()
        if conn is None:
            raise ValueError(tr("Create or choose a connection first"))
        return self.store.client(conn)

    def _update_buttons(self, *_args) -> None:
        has_conn = self.connection() is not None
        col = self.selected_collection()
        no_conn = None if has_conn else tr("Add a connection first (+ beside the connection box).")
        for action in (self.act_conn_edit, self.act_conn_remove, self.act_conn_test, self.act_refresh, self.act_new):
            self.enable(action, no_conn)
        no_col = no_conn or (None if col is not None else tr("Select a collection first."))
        for action in (self.act_edit, self.act_delete, self.act_show, self.act_add_tiles, self.act_process):
            self.enable(action, no_col)
        name = self.connection_combo.currentText()
        self.connection_combo.setToolTip(tr("Connection: {}").format(name) if name else tr("No connection yet"))
        self._update_tile_buttons()

    def current_tiles(self) -> Optional[TilesLayer]:
        """The tiles layer the tile actions work on: the active layer if it is one, else the selected collection's."""
        layer = self.iface.activeLayer() if self.iface is not None else None
        col, conn = self.selected_collection(), self.connection()
        return self.tiles.current(layer, conn.name if conn else None, col.id if col else None)

    @guarded(lambda self: tr("BYOC tiles"), retry=False, notify=False)
    def _update_tile_buttons(self, *_args) -> None:
        ctl = self.current_tiles()
        if ctl is None:
            why = tr("Show the tiles of a collection first.")
            for action in self.tile_action_list + [self.act_save, self.act_zoom, self.act_failed]:
                self.enable(action, why)
            self.failed_button.hide()
            self.tiles_label.setText(tr("Tiles: none shown yet"))
            self.tiles_label.setToolTip(
                tr("Show the tiles of a collection, then select some on the map to act on them.")
            )
            return
        n = ctl.layer.selectedFeatureCount()
        for action in self.tile_action_list:
            self.enable(action, None if n > 0 else tr("Select one or more tiles in the map first."))
        self.enable(self.act_save, None)
        self.enable(self.act_zoom, None if ctl.count else tr("The layer has no tiles yet."))
        failed = ctl.failed_count()
        self.act_failed.setText(tr_n("%n failed", "%n failed", failed))  # short: it shares the line with the tiles
        self.enable(self.act_failed, None if failed else tr("No tile has failed."))
        self.failed_button.setVisible(failed > 0)
        pending = len(ctl.pending)
        text = tr_n("Tiles of {}: %n tile, {} selected", "Tiles of {}: %n tiles, {} selected", ctl.count).format(
            ctl.layer.name(), n
        )
        trouble = ctl.trouble
        if trouble is not None and trouble.transient:
            text += " — " + waiting_text(trouble)
        elif trouble is not None:
            text += " — " + tr("live refresh stopped (see the message bar)")
        elif pending:
            text += " — " + tr_n("%n still ingesting (refreshing)", "%n still ingesting (refreshing)", pending)
        self.tiles_label.setText(text)

    # --------------------------------------------------------------------------------------------- connections
    def _fill_connections(self, select: Optional[str] = None) -> None:
        self.connection_combo.blockSignals(True)
        self.connection_combo.clear()
        for name in self.store.names():
            self.connection_combo.addItem(name, name)
        wanted = select or self.store.active()
        index = self.connection_combo.findData(wanted) if wanted else -1
        if index < 0 and self.connection_combo.count():
            index = 0
        self.connection_combo.setCurrentIndex(index)
        self.connection_combo.blockSignals(False)
        self._connection_changed()

    def reload_connections(self, select: Optional[str] = None) -> None:
        """Re-read the saved connections (after another dialog or a script changed them) and list the collections:
        an explicit request, so a dock still waiting to be first shown stops waiting."""
        self._wait_until_shown = False
        self._fill_connections(select)

    @guarded(lambda self: tr("Connection"), retry=False)
    def _connection_changed(self, *_args) -> None:
        conn = self.connection()
        self.store.set_active(conn.name if conn else None)
        self.tree.clear()
        self.collections.clear()
        if conn is None:
            self.status.setText(tr("No connection yet."))
            self.empty_state.set_text(
                tr("No connection yet — click + beside the connection box above to add a Sentinel Hub service.")
            )
        else:
            self.empty_state.set_text("")
            self.status.setText(tr("Connection {} ({})").format(conn.name, conn.deployment.name))
            if not self._wait_until_shown:
                self.refresh_collections()
        if not self._wait_until_shown:
            self.batch.connection_changed()
        self._update_buttons()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API name
        super().showEvent(event)
        if self._wait_until_shown:
            self._wait_until_shown = False
            QTimer.singleShot(0, self._connection_changed)

    @guarded(lambda self: tr("New connection"), retry=False)
    def on_new_connection(self) -> None:
        dialog = ConnectionDialog(self.store, self.runner, None, self)
        if dialog.exec() and dialog.saved is not None:
            self._fill_connections(dialog.saved.name)

    @guarded(lambda self: tr("Edit connection"), retry=False)
    def on_edit_connection(self) -> None:
        conn = self.connection()
        if conn is None:
            return
        dialog = ConnectionDialog(self.store, self.runner, conn, self)
        if dialog.exec() and dialog.saved is not None:
            if dialog.saved.name != conn.name:
                self.tiles.rename_connection(conn.name, dialog.saved.name)
            self._fill_connections(dialog.saved.name)

    @guarded(lambda self: tr("Remove connection"), retry=False)
    def on_remove_connection(self) -> None:
        conn = self.connection()
        if conn is None:
            return
        if dock_dialogs.confirm_remove_connection(self, conn.name):
            self.store.remove(conn.name)
            self._fill_connections()

    def _connection_title(self) -> str:
        conn = self.connection()
        return tr("Connection {}").format(conn.name) if conn is not None else tr("Connection")

    @guarded(lambda self: self._connection_title())
    def test_connection(self) -> Optional[FunctionTask]:
        """Get a token and list the collections; report in the message bar."""
        conn = self.connection()
        if conn is None:
            return None
        title = tr("Connection {}").format(conn.name)
        client = self.client(conn)

        def work(task) -> int:
            return sum(1 for _ in client.byoc.iter_collections(cancel=task.isCanceled))

        return self.runner.run_function(
            tr("Testing {}").format(conn.name),
            work,
            lambda n: self.notifier.success(
                title, tr_n("Connected: %n collection visible", "Connected: %n collections visible", n)
            ),
            lambda exc: self.notifier.error(title, exc, retry=self.test_connection),
        )

    # --------------------------------------------------------------------------------------------------- tiles
    @guarded(lambda self: tr("Show tiles"))
    def show_tiles(self, collection_id: Optional[str] = None) -> Optional[TilesLayer]:
        """Load every tile of a collection into its layer (in the connection's group) in the background: the
        behaviour of :func:`~.tiles_open.open_tiles_layer`, with the dock's progress bar."""
        conn = self.connection()
        col = self.collections.get(collection_id) if collection_id else self.selected_collection()
        if conn is None or col is None:
            return None
        self.client(conn)  # a deleted authcfg or a locked auth database: an error with Edit connection / Retry

        def on_progress(n: int) -> None:
            self.progress.set_text(
                tr_n("Loading the tiles of {}: %n tile", "Loading the tiles of {}: %n tiles", n).format(col.name)
            )

        def on_loaded(_n: int, ctl: TilesLayer) -> None:
            self._end_load(ctl)
            self._update_tile_buttons()

        def before_load(ctl: TilesLayer) -> None:
            self._end_load(ctl, finish=False)  # the slots of an earlier load of this layer
            self.progress.busy(tr("Loading the tiles of {}…").format(col.name), cancel=ctl.cancel_load)
            links = self._load_links[id(ctl)] = Connections()
            links.connect(ctl.progress, on_progress)
            links.connect(ctl.loaded, lambda n, c=ctl: on_loaded(n, c))
            links.connect(ctl.load_failed, lambda _exc, c=ctl: self._end_load(c))

        return open_tiles_layer(conn.name, col.id, self.iface, col.name, self.notifier, self.tiles, before_load)

    @guarded(lambda self: tr("Zoom to tiles"), retry=False)
    def on_zoom_to_tiles(self) -> bool:
        """Zoom the map to every tile of the current tiles layer."""
        ctl = self.current_tiles()
        return ctl is not None and zoom_to_tiles(ctl, self.iface)

    @guarded(lambda self: tr("Failed tiles"), retry=False)
    def on_failed_tiles(self, show=None):
        """Select every failed tile of the current tiles layer (those without a cover have no outline on the map)
        and explain why they failed (``show`` as for :meth:`explain`)."""
        ctl = self.current_tiles()
        count = ctl.select_failed() if ctl is not None else 0
        if not count:
            return None
        self._update_tile_buttons()
        if count > MAX_EXPLAINED:  # each explanation may read the tile's files: the user picks which ones
            self.notifier.info(
                tr("Failed tiles"),
                tr_n(
                    "%n failed tile is selected: Reingest or Delete act on it.",
                    "%n failed tiles are selected: Reingest or Delete act on all of them; select up to {} of them "
                    "(attribute table: Show Selected Features) to explain why they failed.",
                    count,
                ).format(MAX_EXPLAINED),
            )
            return None
        return self.explain(ctl, show)

    def _end_load(self, ctl: TilesLayer, finish: bool = True) -> None:
        links = self._load_links.pop(id(ctl), None)
        if links is not None:
            links.disconnect_all()
        if finish:
            self.progress.finish()

    def _tiles_removed(self, ctl: TilesLayer) -> None:
        self.notices.close(ctl)
        QTimer.singleShot(0, self._update_tile_buttons)

    def _trouble_changed(self, ctl: TilesLayer) -> None:
        """A tiles layer's live refresh ran into trouble or out of it."""
        self.notices.update(ctl)
        self._update_tile_buttons()

    def _tiles_skipped(self, ctl: TilesLayer, count: int, first: str) -> None:
        self.notifier.warning(
            tr("Tiles of {}").format(ctl.collection_name),
            tr_n(
                "%n tile cannot be shown and was skipped (first: {}); details in the BYOC log tab",
                "%n tiles cannot be shown and were skipped (first: {}); details in the BYOC log tab",
                count,
            ).format(elide(first, 160)),
        )

    # ----------------------------------------------------------------------------------------- add / process
    @guarded(lambda self: tr("Add tiles"), retry=False)
    def on_add_tiles(self):
        return self.open_add_tiles()

    @guarded(lambda self: tr("Add tiles"), retry=False)
    def open_add_tiles(self) -> Optional[AddTilesDialog]:
        """Open the (non-modal) Add tiles dialog for the selected collection."""
        conn, col = self.connection(), self.selected_collection()
        if conn is None or col is None:
            return None

        def started(_run) -> None:
            ctl = self.tiles.shown(conn.name, col.id)
            if ctl is None:  # the new tiles appear on the map as they are registered (zoomed to on the first)
                ctl = self.show_tiles(col.id)
            if ctl is not None:
                ctl.poke(watch_seconds=3600)

        def finished(_run) -> None:
            ctl = self.tiles.shown(conn.name, col.id)
            if ctl is not None:
                ctl.poke(watch_seconds=5, only=True)  # new tiles may still appear for a moment, not for an hour
            self.refresh_collections(select=col.id)

        dialog = AddTilesDialog(conn, col, self.runner, self.notifier, started, finished, self)
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    @guarded(lambda self: tr("Process"), retry=False)
    def on_process(self):
        return self.open_process()

    @guarded(lambda self: tr("Process"), retry=False)
    def open_process(self) -> Optional[ProcessDialog]:
        """Open the (non-modal) Process dialog for the selected collection."""
        conn, col = self.connection(), self.selected_collection()
        if conn is None or col is None:
            return None
        ctl = self.tiles.shown(conn.name, col.id)
        times = [utc(t["sensing_time"]) for t in ctl.selected_tiles()] if ctl is not None else []
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        dialog = ProcessDialog(conn, col, self.runner, self.notifier, canvas, times, self._add_result_layer, self)
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def _add_result_layer(self, layer: QgsRasterLayer) -> None:
        """Add a Process result just below the connection's tiles group, so tile outlines stay visible."""
        conn = self.connection()
        insert_below_connection(layer, conn.name if conn is not None else None)

    # -------------------------------------------------------------------------------------------------- unload
    def cleanup(self) -> None:
        """Stop everything the dock started and disconnect from everything it connected to (plugin unload)."""
        self._search_timer.stop()
        self.notices.stop()
        self.batch.close_panel()
        self.runner.cancel_all()
        for links in self._load_links.values():
            links.disconnect_all()
        self._load_links.clear()
        self.tiles.close()
        unregister_registry(self.tiles)
        self.process_again.close()
        unregister_options_page(self.iface, self.options_page)
        self.options_page = None
        for dialog in self.dialogs:
            dialog.close()
        self.dialogs.clear()
        self._links.disconnect_all()
        self.store.close()
