"""The "Sentinel Hub BYOC" dock: connections, collections, tiles as live layers, tile actions, Add tiles, Process.

Everything that talks to the service runs in tasks (core client in ``QgsTask``s, Processing algorithms as
``QgsProcessingAlgRunnerTask``s); errors go to the message bar with the service's message and to the "BYOC" log
tab. Every slot is :func:`~.guard.guarded`: a locked auth database, a deleted authcfg, no network or a 5xx is a
message-bar error with Retry / Edit connection, never a Python traceback. The methods behind the buttons take
their inputs as arguments (dialogs only collect them), so tests and scripts can drive the dock without clicking.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable, Dict, List, Optional

from qgis.core import Qgis, QgsApplication, QgsMapLayerType, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsFilterLineEdit, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QAction,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.models import Collection
from ..translation import tr
from .add_tiles_dialog import AddTilesDialog
from .collection_dialog import BAND_TYPES, CollectionDialog
from .connection_dialog import ConnectionDialog
from .connections import Connection, ConnectionStore
from .guard import guarded
from .layer_tree import PROP_COLLECTION, PROP_COLLECTION_NAME, PROP_CONNECTION, find_tiles_layer, is_tiles_layer
from .notify import Notifier, connection_problem, elide, error_summary, scrub
from .process_dialog import ProcessDialog
from .tasks import AlgorithmRun, FunctionTask, TaskRunner
from .tile_actions import TileActions, explanation_text
from .tiles_layer import TilesLayer
from .tiles_memory import save_as_geopackage
from .widgets import ProgressRow, never_widen

__all__ = ["ByocDock"]

COLUMNS = ("name", "bucket", "bands", "created")


def _icon(name: str):
    return QgsApplication.getThemeIcon(name)


def _vector_layer_type():
    layer_type = getattr(Qgis, "LayerType", None)
    return layer_type.Vector if layer_type is not None else QgsMapLayerType.VectorLayer


def _utc(qdt) -> Optional[datetime]:
    if qdt is None or not hasattr(qdt, "toMSecsSinceEpoch") or not qdt.isValid():
        return None
    return datetime.fromtimestamp(qdt.toMSecsSinceEpoch() / 1000.0, timezone.utc)


class ByocDock(QgsDockWidget):
    """Dock panel listing connections, collections and tiles."""

    def __init__(self, iface=None, parent=None) -> None:
        super().__init__(tr("Sentinel Hub BYOC"), parent)
        self.setObjectName("ByocDock")
        self.iface = iface
        self.store = ConnectionStore()
        self.runner = TaskRunner(self)
        self.notifier = Notifier(iface, edit_connection=self.on_edit_connection)
        self.actions_impl = TileActions(self.runner, self.notifier)
        self.collections: Dict[str, Collection] = {}
        self.controllers: Dict[str, TilesLayer] = {}
        self.dialogs: List[QDialog] = []
        self.list_task: Optional[FunctionTask] = None
        self.trouble_items: Dict[int, Any] = {}  # id(controller) → its message-bar item while in trouble
        self._countdown = QTimer(self)  # "retrying in N s" ticks while a tiles layer waits for the service
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick_troubles)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(400)
        self._search_timer.timeout.connect(self.refresh_collections)
        self._build()
        self._fill_connections()
        self._register_layer_actions()
        QgsProject.instance().layerWillBeRemoved.connect(self._layer_removed)
        if iface is not None and hasattr(iface, "currentLayerChanged"):
            try:
                iface.currentLayerChanged.connect(self._update_tile_buttons)
            except (AttributeError, TypeError):
                pass

    # ---------------------------------------------------------------------------------------------------- widgets
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)

        conn_row = QHBoxLayout()
        conn_row.addWidget(QLabel(tr("Connection"), body))
        self.connection_combo = QComboBox(body)
        self.connection_combo.setObjectName("connection_combo")
        self.connection_combo.currentIndexChanged.connect(self._connection_changed)
        conn_row.addWidget(self.connection_combo, 1)
        self.act_conn_new = self._tool(conn_row, "/mActionAdd.svg", tr("New connection…"), self.on_new_connection)
        self.act_conn_edit = self._tool(
            conn_row, "/mActionToggleEditing.svg", tr("Edit connection…"), self.on_edit_connection
        )
        self.act_conn_remove = self._tool(
            conn_row, "/mActionRemove.svg", tr("Remove connection"), self.on_remove_connection
        )
        self.act_conn_test = self._tool(conn_row, "/mIconSuccess.svg", tr("Test connection"), self.test_connection)
        layout.addLayout(conn_row)

        self.search = QgsFilterLineEdit(body)
        self.search.setShowSearchIcon(True)
        self.search.setPlaceholderText(tr("Search collections (on the service)…"))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        layout.addWidget(self.search)

        self.tree = QTreeWidget(body)
        self.tree.setObjectName("collections")
        self.tree.setHeaderLabels([tr("Name"), tr("Bucket"), tr("Bands"), tr("Created")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_a: self.show_tiles())
        layout.addWidget(self.tree, 1)

        bar = QToolBar(body)
        bar.setIconSize(bar.iconSize() * 0.8)
        self.act_refresh = self._action(bar, "/mActionRefresh.svg", tr("Refresh"), self.refresh_collections)
        self.act_new = self._action(bar, "/mActionAdd.svg", tr("New collection…"), self.on_new_collection)
        self.act_edit = self._action(bar, "/mActionToggleEditing.svg", tr("Edit collection…"), self.on_edit_collection)
        self.act_delete = self._action(
            bar, "/mActionDeleteSelected.svg", tr("Delete collection…"), self.on_delete_collection
        )
        bar.addSeparator()
        self.act_show = self._action(bar, "/mActionAddLayer.svg", tr("Show tiles"), lambda: self.show_tiles())
        self.act_add_tiles = self._action(bar, "/mActionAddRasterLayer.svg", tr("Add tiles…"), self.on_add_tiles)
        self.act_process = self._action(bar, "/processingAlgorithm.svg", tr("Process…"), self.on_process)
        layout.addWidget(bar)

        self.tiles_label = QLabel(tr("Tiles: show the tiles of a collection, then select some in the map."), body)
        self.tiles_label.setObjectName("tiles_label")
        self.tiles_label.setWordWrap(True)
        never_widen(self.tiles_label)
        layout.addWidget(self.tiles_label)
        tbar = QToolBar(body)
        tbar.setIconSize(tbar.iconSize() * 0.8)
        tbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.act_time = self._action(
            tbar, "/propertyicons/temporal.svg", tr("Update sensing time…"), self.on_sensing_time
        )
        self.act_cover = self._action(
            tbar, "/mActionFromSelectedFeature.svg", tr("Set cover from a layer's feature…"), self.on_cover_from_layer
        )
        self.act_retrace = self._action(
            tbar, "/mActionTracing.svg", tr("Re-trace cover from the tile's COGs"), self.on_retrace
        )
        self.act_reingest = self._action(tbar, "/mActionReload.svg", tr("Reingest"), self.on_reingest)
        self.act_delete_tiles = self._action(
            tbar, "/mActionDeleteSelectedFeatures.svg", tr("Delete tiles…"), self.on_delete_tiles
        )
        self.act_copy = self._action(
            tbar, "/mActionEditCopy.svg", tr("Copy to another collection…"), self.on_copy_tiles
        )
        self.act_explain = self._action(tbar, "/mActionHelpContents.svg", tr("Explain failure"), self.on_explain)
        tbar.addSeparator()
        self.act_save = self._action(tbar, "/mActionFileSaveAs.svg", tr("Save tiles as GeoPackage…"), self.on_save_gpkg)
        self.tile_action_list = [
            self.act_time,
            self.act_cover,
            self.act_retrace,
            self.act_reingest,
            self.act_delete_tiles,
            self.act_copy,
            self.act_explain,
        ]
        layout.addWidget(tbar)

        self.status = QLabel(tr("Not connected."), body)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        never_widen(self.status)
        layout.addWidget(self.status)
        self.status_label = self.status
        self.progress = ProgressRow(body)
        layout.addWidget(self.progress)
        self.setWidget(body)
        self._update_buttons()

    def _tool(self, row, icon: str, text: str, slot: Callable) -> QAction:
        action = QAction(_icon(icon), text, self)
        action.triggered.connect(lambda *_a: slot())
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        row.addWidget(button)
        return action

    def _action(self, bar: QToolBar, icon: str, text: str, slot: Callable) -> QAction:
        action = bar.addAction(_icon(icon), text)
        action.triggered.connect(lambda *_a: slot())
        return action

    def _register_layer_actions(self) -> None:
        """Tile actions also in the layer tree's context menu of tiles layers."""
        if self.iface is None:
            return
        menu = tr("BYOC tiles")
        for action in self.tile_action_list + [self.act_save]:
            try:
                self.iface.addCustomActionForLayerType(action, menu, _vector_layer_type(), False)
            except (AttributeError, TypeError):
                return

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

    def selected_collection(self) -> Optional[Collection]:
        items = self.tree.selectedItems()
        return self.collections.get(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def select_collection(self, collection_id: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == collection_id:
                self.tree.setCurrentItem(item)
                item.setSelected(True)
                return True
        return False

    def _update_buttons(self, *_args) -> None:
        has_conn = self.connection() is not None
        col = self.selected_collection()
        for action in (self.act_conn_edit, self.act_conn_remove, self.act_conn_test, self.act_refresh, self.act_new):
            action.setEnabled(has_conn)
        for action in (self.act_edit, self.act_delete, self.act_show, self.act_add_tiles, self.act_process):
            action.setEnabled(has_conn and col is not None)
        self._update_tile_buttons()

    def current_tiles(self) -> Optional[TilesLayer]:
        """The tiles layer the tile actions work on: the active layer if it is one, else the selected collection's."""
        layer = self.iface.activeLayer() if self.iface is not None else None
        if is_tiles_layer(layer):
            ctl = self._controller_for_layer(layer)
            if ctl is not None:
                return ctl
        col = self.selected_collection()
        conn = self.connection()
        if col is not None and conn is not None:
            found = find_tiles_layer(conn.name, col.id)
            if found is not None:
                return self._controller_for_layer(found)
        return None

    def _controller_for_layer(self, layer: QgsVectorLayer) -> Optional[TilesLayer]:
        name = layer.customProperty(PROP_CONNECTION)
        if name not in self.store.names():
            return None  # the connection was removed: no tile action on its layers
        ctl = self.controllers.get(layer.id())
        if ctl is not None and ctl.alive:
            return ctl
        ctl = self._make_controller(
            name,
            layer.customProperty(PROP_COLLECTION),
            layer.customProperty(PROP_COLLECTION_NAME) or layer.name(),
            layer,
        )
        return ctl

    @guarded(lambda self: tr("BYOC tiles"), retry=False, notify=False)
    def _update_tile_buttons(self, *_args) -> None:
        ctl = self.current_tiles()
        if ctl is None:
            for action in self.tile_action_list + [self.act_save]:
                action.setEnabled(False)
            return
        n = ctl.layer.selectedFeatureCount()
        for action in self.tile_action_list:
            action.setEnabled(n > 0)
        self.act_save.setEnabled(True)
        pending = len(ctl.pending)
        text = tr("Tiles of {}: {} tiles, {} selected").format(ctl.layer.name(), ctl.count, n)
        trouble = ctl.trouble
        if trouble is not None and trouble.transient:
            text += " — " + self._waiting_text(trouble)
        elif trouble is not None:
            text += " — " + tr("live refresh stopped (see the message bar)")
        elif pending:
            text += " — " + tr("{} still ingesting (refreshing)").format(pending)
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
        """Re-read the saved connections (after another dialog or a script changed them)."""
        self._fill_connections(select)

    @guarded(lambda self: tr("Connection"), retry=False)
    def _connection_changed(self, *_args) -> None:
        conn = self.connection()
        self.store.set_active(conn.name if conn else None)
        self.tree.clear()
        self.collections.clear()
        if conn is None:
            self.status.setText(tr("No connection: add one with the + button."))
        else:
            self.status.setText(tr("Connection {} ({})").format(conn.name, conn.deployment.name))
            self.refresh_collections()
        self._update_buttons()

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
                self._follow_rename(conn.name, dialog.saved.name)
            self._fill_connections(dialog.saved.name)

    def _follow_rename(self, old: str, new: str) -> None:
        """Shown tiles layers and the layer-tree group of a renamed connection take its new name."""
        for ctl in self.controllers.values():
            if ctl.connection == old:
                ctl.connection = new
        for layer in QgsProject.instance().mapLayers().values():
            if is_tiles_layer(layer) and layer.customProperty(PROP_CONNECTION) == old:
                layer.setCustomProperty(PROP_CONNECTION, new)
        for group in QgsProject.instance().layerTreeRoot().findGroups():
            if group.customProperty(PROP_CONNECTION) == old:
                group.setCustomProperty(PROP_CONNECTION, new)
                group.setName(tr("BYOC: {}").format(new))

    @guarded(lambda self: tr("Remove connection"), retry=False)
    def on_remove_connection(self) -> None:
        conn = self.connection()
        if conn is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Remove connection"),
            tr("Remove the connection {}? Its credentials stay in the QGIS authentication database.").format(conn.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
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
            lambda n: self.notifier.success(title, tr("Connected: {} collection(s) visible").format(n)),
            lambda exc: self.notifier.error(title, exc, retry=self.test_connection),
        )

    # --------------------------------------------------------------------------------------------- collections
    @guarded(lambda self: self._connection_title())
    def refresh_collections(self, select: Optional[str] = None) -> Optional[FunctionTask]:
        """List the collections (server-side search with the search box's text) in the background."""
        conn = self.connection()
        if conn is None:
            return None
        if self.list_task is not None and not self.list_task.done:
            self.list_task.cancel()
        search = self.search.text().strip() or None
        try:
            client = self.client(conn)
        except Exception:
            self.status.setText(tr("Collections could not be listed (see the message bar)."))
            raise
        previous = select or (self.selected_collection().id if self.selected_collection() else None)

        def work(task) -> List[Collection]:
            return client.byoc.list_collections(search=search, cancel=task.isCanceled)

        def done(collections: List[Collection]) -> None:
            if self.connection() is None or self.connection().name != conn.name:
                return
            self._show_collections(collections, previous)
            self.status.setText(tr("{} collection(s) on {}").format(len(collections), conn.name))

        def failed(exc: BaseException) -> None:
            # a short status; the sentence (elided, with Retry / Edit connection) goes to the message bar
            self.status.setText(tr("Collections could not be listed (see the message bar)."))
            self.status.setToolTip(error_summary(exc))
            title = tr("Collections of {}").format(conn.name)
            self.notifier.error(title, exc, retry=lambda: self.refresh_collections())

        self.status.setText(tr("Listing collections…"))
        self.list_task = self.runner.run_function(tr("Listing BYOC collections"), work, done, failed)
        return self.list_task

    def _show_collections(self, collections: List[Collection], select: Optional[str]) -> None:
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        self.collections = {c.id: c for c in collections if c.id}
        for c in collections:
            created = c.created.strftime("%Y-%m-%d %H:%M") if c.created else ""
            item = QTreeWidgetItem([c.name, c.s3_bucket, ", ".join(c.bands), created])
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            item.setToolTip(0, tr("{}\nid {}").format(c.name, c.id))
            self.tree.addTopLevelItem(item)
        self.tree.setSortingEnabled(True)
        self.tree.sortItems(0, Qt.SortOrder.AscendingOrder)
        for col in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(col)
        if select:
            self.select_collection(select)
        self._update_buttons()

    @guarded(lambda self: tr("New collection"), retry=False)
    def on_new_collection(self) -> None:
        conn = self.connection()  # the dialog checks the bucket with the connection's S3 settings before OK
        dialog = CollectionDialog(None, 0, self, s3_for_bucket=conn.s3_config if conn else None, runner=self.runner)
        if dialog.exec():
            v = dialog.values()
            self.create_collection(v["name"], v["bucket"], v["bands"], v["band_type"], v["nodata"])

    @guarded(lambda self: tr("New collection"))
    def create_collection(
        self, name: str, bucket: str, bands: Optional[List[str]] = None, band_type=("UINT", 16), nodata=None
    ) -> Optional[AlgorithmRun]:
        """Create a collection with ``byoc:createcollection`` and select it when done."""
        conn = self.connection()
        if conn is None:
            return None
        params: Dict[str, Any] = {
            "NAME": name,
            "BUCKET": bucket,
            "BANDS": ",".join(bands or []),
            "BAND_TYPE": BAND_TYPES.index(tuple(band_type)),
            **conn.algorithm_parameters(),
        }
        if nodata is not None:
            params["NODATA"] = nodata
        title = tr("New collection {}").format(name)

        def done(run: AlgorithmRun) -> None:
            if run.ok:
                self.notifier.success(title, tr("Created on bucket {}").format(bucket))
                self.refresh_collections(select=run.results.get("COLLECTION_ID"))
            else:
                self.notifier.error(title, run.error_text() or tr("see the BYOC log"))

        return self.runner.run_algorithm("byoc:createcollection", params, done, title)

    @guarded(lambda self: tr("Counting tiles"))
    def count_tiles(self, collection: Collection, then: Callable[[int], None]) -> Optional[FunctionTask]:
        """Count a collection's tiles in the background, then call ``then(count)``."""
        client = self.client()
        title = tr("Counting the tiles of {}").format(collection.name)

        def work(task) -> int:
            return sum(1 for _ in client.byoc.iter_all_tiles(collection.id, cancel=task.isCanceled))

        def failed(exc: BaseException) -> None:
            self.notifier.error(title, exc, retry=lambda: self.count_tiles(collection, then))

        return self.runner.run_function(title, work, then, failed)

    @guarded(lambda self: tr("Edit collection"), retry=False)
    def on_edit_collection(self) -> None:
        col = self.selected_collection()
        if col is None:
            return

        def edit(count: int) -> None:
            dialog = CollectionDialog(col, count, self)
            if dialog.exec():
                self.update_collection(dialog.result_collection())

        self.count_tiles(col, edit)

    @guarded(lambda self: tr("Edit collection"))
    def update_collection(self, collection: Collection) -> Optional[FunctionTask]:
        """Save the allowed edits of a collection (PUT) and refresh the list."""
        client = self.client()
        title = tr("Edit collection {}").format(collection.name)

        def done(_r) -> None:
            self.notifier.success(title, tr("Saved"))
            self.refresh_collections(select=collection.id)

        return self.runner.run_function(
            title,
            lambda task: client.byoc.update_collection(collection, cancel=task.isCanceled),
            done,
            lambda exc: self.notifier.error(title, exc, retry=lambda: self.update_collection(collection)),
        )

    @guarded(lambda self: tr("Delete collection"), retry=False)
    def on_delete_collection(self) -> None:
        col = self.selected_collection()
        if col is None:
            return
        self.count_tiles(col, lambda n: self.delete_collection(col.id, self._confirm_delete, count=n))

    def _confirm_delete(self, name: str, count: int) -> bool:
        answer = QMessageBox.warning(
            self,
            tr("Delete collection"),
            tr(
                "Delete the collection {} and its {} tiles from Sentinel Hub?\n\nThe files in your S3 bucket stay; "
                "only the collection and its tile registrations are removed. This cannot be undone."
            ).format(name, count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    @guarded(lambda self: tr("Delete collection"), retry=False)
    def delete_collection(
        self, collection_id: str, confirm: Callable[[str, int], bool], count: Optional[int] = None
    ) -> Optional[AlgorithmRun]:
        """Delete a collection with ``byoc:deletecollection`` after ``confirm(name, tile_count)``."""
        conn = self.connection()
        col = self.collections.get(collection_id)
        if conn is None or col is None:
            return None
        if not confirm(col.name, count if count is not None else -1):
            return None
        title = tr("Delete collection {}").format(col.name)
        params = {"COLLECTION": collection_id, "CONFIRM": True, **conn.algorithm_parameters()}

        def done(run: AlgorithmRun) -> None:
            if run.ok:
                self.notifier.success(
                    title, tr("Deleted with its {} tiles; the S3 files stay").format(run.results.get("DELETED_TILES"))
                )
                layer = find_tiles_layer(conn.name, collection_id)
                if layer is not None:
                    QgsProject.instance().removeMapLayer(layer.id())
                self.refresh_collections()
            else:
                self.notifier.error(title, run.error_text() or tr("see the BYOC log"))

        return self.runner.run_algorithm("byoc:deletecollection", params, done, title)

    # --------------------------------------------------------------------------------------------------- tiles
    def _make_controller(self, connection: str, collection_id: str, name: str, layer=None) -> TilesLayer:
        conn = self.store.load(connection)
        ctl = TilesLayer(self.runner, lambda c=conn: self.store.client(c), connection, collection_id, name, layer, self)
        self.controllers[ctl.layer.id()] = ctl
        ctl.layer.selectionChanged.connect(self._update_tile_buttons)
        ctl.pending_changed.connect(self._update_tile_buttons)
        ctl.updated.connect(self._update_tile_buttons)
        ctl.trouble_changed.connect(lambda c=ctl: self._trouble_changed(c))
        ctl.skipped.connect(lambda n, first, c=ctl: self._tiles_skipped(c, n, first))
        if self.iface is not None:
            for action in self.tile_action_list + [self.act_save]:
                try:
                    self.iface.addCustomActionForLayer(action, ctl.layer)
                except (AttributeError, TypeError):
                    break
        return ctl

    @guarded(lambda self: tr("Show tiles"))
    def show_tiles(self, collection_id: Optional[str] = None) -> Optional[TilesLayer]:
        """Load every tile of a collection into its layer (in the connection's group) in the background."""
        conn = self.connection()
        col = self.collections.get(collection_id) if collection_id else self.selected_collection()
        if conn is None or col is None:
            return None
        self.client(conn)  # a deleted authcfg or a locked auth database: an error with Edit connection / Retry
        layer = find_tiles_layer(conn.name, col.id)
        ctl = self._controller_for_layer(layer) if layer is not None else None
        if ctl is None:
            ctl = self._make_controller(conn.name, col.id, col.name)
        fresh = QgsProject.instance().mapLayer(ctl.layer.id()) is None
        ctl.add_to_project()
        if self.iface is not None:
            try:
                self.iface.setActiveLayer(ctl.layer)
            except (AttributeError, TypeError):
                pass
        title = tr("Tiles of {}").format(col.name)
        self.progress.busy(tr("Loading the tiles of {}…").format(col.name))
        self.progress.cancel_button.setEnabled(True)
        self.progress._cancel = ctl.cancel_load
        self.progress.bar.setRange(0, 0)

        def on_progress(n: int) -> None:
            self.progress.text.setText(tr("Loading the tiles of {}: {}").format(col.name, n))

        def on_loaded(n: int) -> None:
            self._disconnect(ctl)
            self.progress.finish()
            self.notifier.success(title, tr("{} tiles loaded").format(n))
            self._update_tile_buttons()

        def on_failed(exc: BaseException) -> None:
            self._disconnect(ctl)
            self.progress.finish()
            self.notifier.error(title, exc, retry=lambda: self.show_tiles(col.id))
            if fresh and ctl.count == 0 and ctl.alive:
                QgsProject.instance().removeMapLayer(ctl.layer.id())

        ctl.progress.connect(on_progress)
        ctl.loaded.connect(on_loaded)
        ctl.load_failed.connect(on_failed)
        ctl._dock_slots = (on_progress, on_loaded, on_failed)
        ctl.load()
        return ctl

    @staticmethod
    def _disconnect(ctl: TilesLayer) -> None:
        slots = getattr(ctl, "_dock_slots", None)
        if not slots:
            return
        for signal, slot in zip((ctl.progress, ctl.loaded, ctl.load_failed), slots):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        ctl._dock_slots = None

    def _layer_removed(self, layer_id: str) -> None:
        ctl = self.controllers.pop(layer_id, None)
        if ctl is not None:
            ctl.stop()
            self._close_trouble_item(ctl)
            QTimer.singleShot(0, self._update_tile_buttons)

    # -------------------------------------------------------------------------------------- live refresh trouble
    def _waiting_text(self, trouble) -> str:
        seconds = trouble.retry_in()
        if trouble.unreachable:
            return tr("service unreachable — retrying in {} s").format(seconds)
        status = getattr(trouble.error, "status", None)
        return tr("service failing (HTTP {}) — retrying in {} s").format(status or "?", seconds)

    def _trouble_text(self, trouble) -> str:
        """Short enough for one line of the message bar; the full sentence is the item's tooltip and in the log."""
        if trouble.transient:
            waiting = self._waiting_text(trouble)
            return waiting[:1].upper() + waiting[1:]
        return tr("Live refresh stopped: {}").format(error_summary(trouble.error))

    def _close_trouble_item(self, ctl: TilesLayer) -> bool:
        item = self.trouble_items.pop(id(ctl), None)
        bar = self.notifier._bar()
        if item is None or bar is None:
            return False
        try:
            bar.popWidget(item)
        except RuntimeError:  # closed by the user
            return False
        return True

    def _trouble_changed(self, ctl: TilesLayer) -> None:
        """A tiles layer's live refresh ran into trouble or out of it: one message-bar item per outage, updated."""
        title = tr("Tiles of {}").format(ctl.collection_name)
        trouble = ctl.trouble
        if trouble is None:
            if self._close_trouble_item(ctl):
                self.notifier.success(title, tr("Service reachable again: live refresh resumed"))
        else:
            item = self.trouble_items.get(id(ctl))
            text = self._trouble_text(trouble)
            try:
                if item is not None:
                    item.setText(scrub(text))
            except RuntimeError:  # the user closed it: do not push it again during this outage
                item = None
            if item is None and id(ctl) not in self.trouble_items:
                actions = [(tr("Retry"), ctl.retry_now)]
                if connection_problem(trouble.error):
                    actions.append((tr("Edit connection…"), self.on_edit_connection))
                level = Qgis.MessageLevel.Warning if trouble.transient else Qgis.MessageLevel.Critical
                item = self.notifier.push_with_actions(title, text, level, actions)
                if item is not None:
                    item.setToolTip(scrub(error_summary(trouble.error)))
                self.trouble_items[id(ctl)] = item
        if any(c.trouble is not None and c.trouble.transient for c in self.controllers.values()):
            self._countdown.start()
        else:
            self._countdown.stop()
        self._update_tile_buttons()

    def _tick_troubles(self) -> None:
        """Each second: the countdown in the message-bar items and the tiles label."""
        for ctl in list(self.controllers.values()):
            item = self.trouble_items.get(id(ctl))
            if ctl.trouble is not None and ctl.trouble.transient and item is not None:
                try:
                    item.setText(scrub(self._trouble_text(ctl.trouble)))
                except RuntimeError:
                    pass
        self._update_tile_buttons()

    def _tiles_skipped(self, ctl: TilesLayer, count: int, first: str) -> None:
        self.notifier.warning(
            tr("Tiles of {}").format(ctl.collection_name),
            tr("{} tiles cannot be shown and were skipped (first: {}); details in the BYOC log tab").format(
                count, elide(first, 160)
            ),
        )

    # ------------------------------------------------------------------------------------------- tile actions
    def _collection_of(self, ctl: TilesLayer) -> Optional[Collection]:
        return self.collections.get(ctl.collection_id)

    def _bands_of(self, ctl: TilesLayer) -> Dict[str, dict]:
        col = self._collection_of(ctl)
        return {n: b.to_dict() for n, b in col.bands.items()} if col else {}

    def _conn_of(self, ctl: TilesLayer) -> Connection:
        return self.store.load(ctl.connection)

    @guarded(lambda self: tr("Update sensing time"), retry=False)
    def on_sensing_time(self) -> None:
        ctl = self.current_tiles()
        if ctl is None:
            return
        from qgis.gui import QgsDateTimeEdit

        dialog = QDialog(self)
        dialog.setWindowTitle(tr("Update sensing time"))
        edit = QgsDateTimeEdit(dialog)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        edit.setTimeSpec(Qt.TimeSpec.UTC)
        times = [t["sensing_time"] for t in ctl.selected_tiles() if t["sensing_time"]]
        if times and hasattr(times[0], "isValid"):
            edit.setDateTime(times[0])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        lay = QVBoxLayout(dialog)
        lay.addWidget(
            QLabel(
                tr("New sensing time (UTC) for the {} selected tiles").format(ctl.layer.selectedFeatureCount()), dialog
            )
        )
        lay.addWidget(edit)
        lay.addWidget(buttons)
        if dialog.exec():
            self.actions_impl.update_sensing_time(ctl, self._conn_of(ctl), _utc(edit.dateTime()))

    @guarded(lambda self: tr("Update sensing time"))
    def update_sensing_time(self, when: datetime, ctl: Optional[TilesLayer] = None):
        ctl = ctl or self.current_tiles()
        return self.actions_impl.update_sensing_time(ctl, self._conn_of(ctl), when) if ctl else None

    @guarded(lambda self: tr("Set cover from a layer"), retry=False)
    def on_cover_from_layer(self) -> None:
        ctl = self.current_tiles()
        if ctl is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("Set cover from a layer's feature"))
        combo = QgsMapLayerComboBox(dialog)
        combo.setFilters(combo.filters())
        combo.setExceptedLayerList([ctl.layer])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        lay = QVBoxLayout(dialog)
        lay.addWidget(
            QLabel(tr("Layer whose selected (or only) polygon becomes the cover of the selected tiles"), dialog)
        )
        lay.addWidget(combo)
        lay.addWidget(buttons)
        if dialog.exec() and isinstance(combo.currentLayer(), QgsVectorLayer):
            self.actions_impl.set_cover_from(ctl, self._conn_of(ctl), combo.currentLayer())

    @guarded(lambda self: tr("Set cover from a layer"))
    def set_cover_from(self, source: QgsVectorLayer, feature=None, ctl: Optional[TilesLayer] = None):
        ctl = ctl or self.current_tiles()
        return self.actions_impl.set_cover_from(ctl, self._conn_of(ctl), source, feature) if ctl else None

    @guarded(lambda self: tr("Re-trace cover"), retry=False)
    def on_retrace(self) -> None:
        self.retrace_cover()

    @guarded(lambda self: tr("Re-trace cover"))
    def retrace_cover(self, ctl: Optional[TilesLayer] = None):
        ctl = ctl or self.current_tiles()
        if ctl is None:
            return None
        col = self._collection_of(ctl)
        conn = self._conn_of(ctl)
        if col is None:
            self.notifier.warning(tr("Re-trace cover"), tr("Refresh the collection list first"))
            return None
        try:
            s3 = conn.s3_config(col.s3_bucket)
        except (ValueError, RuntimeError) as exc:
            self.notifier.error(tr("Re-trace cover"), exc)
            return None
        return self.actions_impl.retrace_cover(ctl, self.store.client(conn), s3, self._bands_of(ctl))

    @guarded(lambda self: tr("Reingest tiles"), retry=False)
    def on_reingest(self) -> None:
        self.reingest()

    @guarded(lambda self: tr("Reingest tiles"))
    def reingest(self, ctl: Optional[TilesLayer] = None):
        ctl = ctl or self.current_tiles()
        return self.actions_impl.reingest(ctl, self._conn_of(ctl)) if ctl else None

    @guarded(lambda self: tr("Delete tiles"), retry=False)
    def on_delete_tiles(self) -> None:
        self.delete_tiles(confirm=self._confirm_delete_tiles)

    def _confirm_delete_tiles(self, count: int) -> bool:
        answer = QMessageBox.warning(
            self,
            tr("Delete tiles"),
            tr("Delete the {} selected tiles from the collection? Their files in S3 stay.").format(count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    @guarded(lambda self: tr("Delete tiles"), retry=False)
    def delete_tiles(self, confirm: Callable[[int], bool], ctl: Optional[TilesLayer] = None):
        ctl = ctl or self.current_tiles()
        return self.actions_impl.delete(ctl, self._conn_of(ctl), confirm) if ctl else None

    @guarded(lambda self: tr("Copy tiles"), retry=False)
    def on_copy_tiles(self) -> None:
        ctl = self.current_tiles()
        if ctl is None:
            return
        others = [c for c in self.collections.values() if c.id != ctl.collection_id]
        if not others:
            self.notifier.info(tr("Copy tiles"), tr("There is no other collection to copy to"))
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("Copy tiles to another collection"))
        combo = QComboBox(dialog)
        for c in sorted(others, key=lambda c: c.name.lower()):
            combo.addItem(f"{c.name} ({c.s3_bucket})", c.id)
        note = QLabel(
            tr("The copies point at the same paths: the target collection reads them from its own bucket."), dialog
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        lay = QVBoxLayout(dialog)
        lay.addWidget(combo)
        lay.addWidget(note)
        lay.addWidget(buttons)
        if dialog.exec():
            self.copy_tiles(combo.currentData(), ctl)

    @guarded(lambda self: tr("Copy tiles"))
    def copy_tiles(self, target_id: str, ctl: Optional[TilesLayer] = None):
        ctl = ctl or self.current_tiles()
        if ctl is None:
            return None
        target = self.collections.get(target_id)
        name = target.name if target else target_id
        return self.actions_impl.copy_to(ctl, self.store.client(self._conn_of(ctl)), target_id, name)

    @guarded(lambda self: tr("Explain failure"), retry=False)
    def on_explain(self) -> None:
        self.explain()

    @guarded(lambda self: tr("Explain failure"))
    def explain(self, ctl: Optional[TilesLayer] = None, show: Optional[Callable] = None):
        ctl = ctl or self.current_tiles()
        if ctl is None:
            return None
        col = self._collection_of(ctl)
        conn = self._conn_of(ctl)
        s3 = None
        if col is not None and (conn.settings.s3_authcfg or conn.settings.s3_endpoint):
            try:
                s3 = conn.s3_config(col.s3_bucket)
            except (ValueError, RuntimeError):
                s3 = None
        return self.actions_impl.explain(ctl, s3, self._bands_of(ctl), show or self._show_explanations)

    def _show_explanations(self, items: List[tuple]) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("Why did these tiles fail?"))
        text = QTextBrowser(dialog)
        text.setPlainText(explanation_text(items))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.close)
        lay = QVBoxLayout(dialog)
        lay.addWidget(text)
        lay.addWidget(buttons)
        dialog.resize(640, 360)
        dialog.setModal(False)
        self.dialogs.append(dialog)
        dialog.show()

    @guarded(lambda self: tr("Save as GeoPackage"), retry=False)
    def on_save_gpkg(self) -> None:
        ctl = self.current_tiles()
        if ctl is None:
            return
        path, _f = QFileDialog.getSaveFileName(
            self, tr("Save tiles as GeoPackage"), f"{ctl.layer.name()}.gpkg", tr("GeoPackage (*.gpkg)")
        )
        if path:
            self.save_geopackage(path, ctl)

    @guarded(lambda self: tr("Save as GeoPackage"), retry=False)
    def save_geopackage(self, path: str, ctl: Optional[TilesLayer] = None) -> Optional[str]:
        """Write the tiles layer to ``path``; returns the error or None."""
        ctl = ctl or self.current_tiles()
        if ctl is None:
            return tr("No tiles layer")
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        error = save_as_geopackage(ctl.layer, path)
        title = tr("Save as GeoPackage")
        if error:
            self.notifier.error(title, error)
        else:
            self.notifier.success(title, tr("{} tiles saved to {}").format(ctl.layer.featureCount(), path))
        return error

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
            ctl = self._shown_controller(conn.name, col.id)
            if ctl is not None:
                ctl.poke(watch_seconds=3600)

        def finished(_run) -> None:
            ctl = self._shown_controller(conn.name, col.id)
            if ctl is not None:
                ctl.poke(watch_seconds=5, only=True)  # new tiles may still appear for a moment, not for an hour
            self.refresh_collections(select=col.id)

        dialog = AddTilesDialog(conn, col, self.runner, self.notifier, started, finished, self)
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def _shown_controller(self, connection: str, collection_id: str) -> Optional[TilesLayer]:
        layer = find_tiles_layer(connection, collection_id)
        return self._controller_for_layer(layer) if layer is not None else None

    @guarded(lambda self: tr("Process"), retry=False)
    def on_process(self):
        return self.open_process()

    @guarded(lambda self: tr("Process"), retry=False)
    def open_process(self) -> Optional[ProcessDialog]:
        """Open the (non-modal) Process dialog for the selected collection."""
        conn, col = self.connection(), self.selected_collection()
        if conn is None or col is None:
            return None
        ctl = self._shown_controller(conn.name, col.id)
        times = [_utc(t["sensing_time"]) for t in ctl.selected_tiles()] if ctl is not None else []
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        dialog = ProcessDialog(conn, col, self.runner, self.notifier, canvas, times, self._add_result_layer, self)
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def _add_result_layer(self, layer: QgsRasterLayer) -> None:
        """Add a Process result just below the connection's tiles group, so tile outlines stay visible."""
        project = QgsProject.instance()
        project.addMapLayer(layer, False)
        root = project.layerTreeRoot()
        conn = self.connection()
        index = 0
        for i, node in enumerate(root.children()):
            if conn is not None and node.customProperty(PROP_CONNECTION) == conn.name:
                index = i + 1
                break
        root.insertLayer(index, layer)

    # -------------------------------------------------------------------------------------------------- unload
    def cleanup(self) -> None:
        """Stop everything the dock started (plugin unload)."""
        self._search_timer.stop()
        self._countdown.stop()
        for ctl in list(self.controllers.values()):
            self._close_trouble_item(ctl)
        self.runner.cancel_all()
        for ctl in list(self.controllers.values()):
            ctl.stop()
        self.controllers.clear()
        for dialog in self.dialogs:
            dialog.close()
        self.dialogs.clear()
        try:
            QgsProject.instance().layerWillBeRemoved.disconnect(self._layer_removed)
        except (TypeError, RuntimeError):
            pass
        if self.iface is not None:
            for action in self.tile_action_list + [self.act_save]:
                try:
                    self.iface.removeCustomActionForLayerType(action)
                except (AttributeError, TypeError):
                    break
        self.store.close()
