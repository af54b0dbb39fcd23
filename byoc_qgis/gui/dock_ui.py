"""The dock's widgets, made the way Qt Designer's ``setupUi`` would: :meth:`DockUi.build_ui` creates them as
attributes of the dock and connects them to its slots (``on_…`` methods, ``show_tiles``, ``refresh_collections``…),
which the dock class itself defines."""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsApplication
from qgis.gui import QgsDockWidget, QgsFilterLineEdit
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAction,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from ..translation import tr
from .widgets import ProgressRow, never_widen

__all__ = ["DockUi", "COLUMNS"]

COLUMNS = ("name", "bucket", "bands", "created")


def _icon(name: str):
    return QgsApplication.getThemeIcon(name)


class DockUi(QgsDockWidget):
    """The widgets: a connection row, the collections (search, list, toolbar), the tile actions toolbar under the
    tiles label, the status line and a progress row."""

    def build_ui(self) -> None:
        """Create the widgets (call once, from the dock's ``__init__``)."""
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._connection_row(body))
        self.tabs = QTabWidget(body)  # Collections (with their tiles) | Batch (added by the dock)
        self.tabs.setObjectName("tabs")
        page = QWidget(self.tabs)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 4, 0, 0)
        self._collections_ui(page, page_layout)
        self.tiles_label = QLabel(tr("Tiles: show the tiles of a collection, then select some in the map."), page)
        self.tiles_label.setObjectName("tiles_label")
        self.tiles_label.setWordWrap(True)
        never_widen(self.tiles_label)
        page_layout.addWidget(self.tiles_label)
        page_layout.addWidget(self._tiles_bar(page))
        self.tabs.addTab(page, tr("Collections"))
        layout.addWidget(self.tabs, 1)
        self.status = QLabel(tr("Not connected."), body)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        never_widen(self.status)
        layout.addWidget(self.status)
        self.progress = ProgressRow(body)
        layout.addWidget(self.progress)
        self.setWidget(body)

    def _connection_row(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Connection"), body))
        self.connection_combo = QComboBox(body)
        self.connection_combo.setObjectName("connection_combo")
        self.connection_combo.currentIndexChanged.connect(self._connection_changed)
        row.addWidget(self.connection_combo, 1)
        self.act_conn_new = self._tool(row, "/mActionAdd.svg", tr("New connection…"), self.on_new_connection)
        self.act_conn_edit = self._tool(
            row, "/mActionToggleEditing.svg", tr("Edit connection…"), self.on_edit_connection
        )
        self.act_conn_remove = self._tool(row, "/mActionRemove.svg", tr("Remove connection"), self.on_remove_connection)
        self.act_conn_test = self._tool(row, "/mIconSuccess.svg", tr("Test connection"), self.test_connection)
        # an action, not a status tick: the button says what it does (the result goes to the message bar)
        self.act_conn_test.setIconText(tr("Test"))
        self.act_conn_test.setToolTip(tr("Test the connection: get a token and list the collections"))
        row.itemAt(row.count() - 1).widget().setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return row

    def _collections_ui(self, body: QWidget, layout: QVBoxLayout) -> None:
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

    def _tiles_bar(self, body: QWidget) -> QToolBar:
        bar = QToolBar(body)
        bar.setIconSize(bar.iconSize() * 0.8)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.act_time = self._action(
            bar, "/propertyicons/temporal.svg", tr("Update sensing time…"), self.on_sensing_time
        )
        self.act_cover = self._action(
            bar, "/mActionFromSelectedFeature.svg", tr("Set cover from a layer's feature…"), self.on_cover_from_layer
        )
        self.act_retrace = self._action(
            bar, "/mActionTracing.svg", tr("Re-trace cover from the tile's COGs"), self.on_retrace
        )
        self.act_reingest = self._action(bar, "/mActionReload.svg", tr("Reingest"), self.on_reingest)
        self.act_delete_tiles = self._action(
            bar, "/mActionDeleteSelectedFeatures.svg", tr("Delete tiles…"), self.on_delete_tiles
        )
        self.act_copy = self._action(bar, "/mActionEditCopy.svg", tr("Copy to another collection…"), self.on_copy_tiles)
        self.act_explain = self._action(bar, "/mActionHelpContents.svg", tr("Explain failure"), self.on_explain)
        bar.addSeparator()
        self.act_save = self._action(bar, "/mActionFileSaveAs.svg", tr("Save tiles as GeoPackage…"), self.on_save_gpkg)
        self.tile_action_list = [
            self.act_time,
            self.act_cover,
            self.act_retrace,
            self.act_reingest,
            self.act_delete_tiles,
            self.act_copy,
            self.act_explain,
        ]
        return bar

    def _tool(self, row: QHBoxLayout, icon: str, text: str, slot: Callable) -> QAction:
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
