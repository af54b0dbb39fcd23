"""The dock's widgets, made the way Qt Designer's ``setupUi`` would: :meth:`DockUi.build_ui` creates them as
attributes of the dock and connects them to its slots (``on_…`` methods, ``show_tiles``, ``refresh_collections``…),
which the dock class itself defines.

The dock stays usable when narrow (about 260 px): the connection box, the collection columns and the status lines
are elided with the whole text as tooltip and never widen or resize the dock; every icon-only button has a tooltip
that says what it does and, while it is disabled, why (:meth:`DockUi.enable`)."""

from __future__ import annotations

from typing import Callable, Dict, Optional

from qgis.core import QgsApplication
from qgis.gui import QgsDockWidget, QgsFilterLineEdit
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAction,
    QHBoxLayout,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from ..translation import tr
from .widgets import ColumnFitter, ElidedComboBox, ElidedLabel, EmptyState, ProgressRow

__all__ = ["DockUi", "COLUMNS"]

COLUMNS = ("name", "bucket", "bands", "created")


def _icon(name: str):
    return QgsApplication.getThemeIcon(name)


class DockUi(QgsDockWidget):
    """The widgets: a connection row, the collections (search, list, toolbar), the tile actions toolbar under the
    tiles label, the status line and a progress row."""

    def build_ui(self) -> None:
        """Create the widgets (call once, from the dock's ``__init__``)."""
        self._tips: Dict[QAction, str] = {}  # what each action does (its tooltip while enabled)
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
        page_layout.addLayout(self._tiles_row(page))
        page_layout.addWidget(self._tiles_bar(page))
        self.tabs.addTab(page, tr("Collections"))
        layout.addWidget(self.tabs, 1)
        self.status = ElidedLabel(tr("Not connected."), body)  # one line, elided: never wraps, never widens
        self.status.setObjectName("status")
        layout.addWidget(self.status)
        self.progress = ProgressRow(body)
        layout.addWidget(self.progress)
        self.setWidget(body)

    def _connection_row(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(2)
        # no "Connection" label beside the box and no placeholder in it (either alone would make the row wider than
        # a narrow dock): the box says it in its tooltip, the empty list below says what to do without one
        # a long connection name is elided in the box (the list shows it whole) instead of widening the dock
        self.connection_combo = ElidedComboBox(body)
        self.connection_combo.setObjectName("connection_combo")
        self.connection_combo.setAccessibleName(tr("Connection"))
        self.connection_combo.currentIndexChanged.connect(self._connection_changed)
        row.addWidget(self.connection_combo, 1)
        self.act_conn_new = self._tool(
            row,
            "/mActionAdd.svg",
            tr("New connection…"),
            self.on_new_connection,
            tr("New connection: add a Sentinel Hub (or localhub) service with its credentials"),
        )
        self.act_conn_edit = self._tool(
            row,
            "/mActionToggleEditing.svg",
            tr("Edit connection…"),
            self.on_edit_connection,
            tr("Edit the chosen connection: service, credentials, S3 settings"),
        )
        self.act_conn_remove = self._tool(
            row,
            "/mActionRemove.svg",
            tr("Remove connection"),
            self.on_remove_connection,
            tr("Remove the chosen connection (its collections on the service stay)"),
        )
        self.act_conn_test = self._tool(
            row,
            "/mIconSuccess.svg",
            tr("Test connection"),
            self.test_connection,
            tr("Test the connection: get a token and list the collections"),
        )
        # an action, not a status tick: the button says what it does (the result goes to the message bar)
        self.act_conn_test.setIconText(tr("Test"))
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
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.header().setStretchLastSection(True)
        self.columns = ColumnFitter(self.tree)  # columns stay inside the list's width, long texts elided
        # first-run guidance where the eye is: a message inside the empty list (set by the dock)
        self.empty_state = EmptyState(self.tree)
        layout.addWidget(self.tree, 1)

        bar = QToolBar(body)
        bar.setIconSize(bar.iconSize() * 0.8)
        self.act_refresh = self._action(
            bar,
            "/mActionRefresh.svg",
            tr("Refresh"),
            self.refresh_collections,
            tr("Refresh: list the connection's collections again"),
        )
        self.act_new = self._action(
            bar,
            "/mActionAdd.svg",
            tr("New collection…"),
            self.on_new_collection,
            tr("New collection: create a collection on an S3 bucket"),
        )
        self.act_edit = self._action(
            bar,
            "/mActionToggleEditing.svg",
            tr("Edit collection…"),
            self.on_edit_collection,
            tr("Edit collection: rename it or its bands, change its no-data value"),
        )
        self.act_delete = self._action(
            bar,
            "/mActionDeleteSelected.svg",
            tr("Delete collection…"),
            self.on_delete_collection,
            tr("Delete collection: remove it and its tiles from the service (the S3 files stay)"),
        )
        bar.addSeparator()
        self.act_show = self._action(
            bar,
            "/mActionAddLayer.svg",
            tr("Show tiles"),
            lambda: self.show_tiles(),
            tr("Show tiles: load the collection's tiles into a layer that follows their ingestion"),
        )
        self.act_add_tiles = self._action(
            bar,
            "/mActionAddRasterLayer.svg",
            tr("Add tiles…"),
            self.on_add_tiles,
            tr("Add tiles: check, convert and upload rasters as new tiles of the collection"),
        )
        self.act_process = self._action(
            bar,
            "/processingAlgorithm.svg",
            tr("Process…"),
            self.on_process,
            tr("Process: render an area of the collection with an evalscript into a raster layer"),
        )
        layout.addWidget(bar)

    def _tiles_row(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.tiles_label = ElidedLabel(tr("Tiles: none shown yet"), body)
        self.tiles_label.setObjectName("tiles_label")
        self.tiles_label.setToolTip(tr("Show the tiles of a collection, then select some on the map to act on them."))
        row.addWidget(self.tiles_label, 1)
        # failed tiles without a cover have nothing to click on the map: this button finds all of them
        self.act_failed = QAction(_icon("/mIconWarning.svg"), tr("Failed tiles"), self)
        self.act_failed.triggered.connect(lambda *_a: self.on_failed_tiles())
        self._tips[self.act_failed] = tr(
            "Select the failed tiles (also those without an outline on the map) and explain why they failed"
        )
        self.failed_button = QToolButton(body)
        self.failed_button.setObjectName("failed_button")
        self.failed_button.setDefaultAction(self.act_failed)
        self.failed_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.failed_button.setAutoRaise(True)
        self.failed_button.hide()
        row.addWidget(self.failed_button)
        return row

    def _tiles_bar(self, body: QWidget) -> QToolBar:
        bar = QToolBar(body)
        bar.setIconSize(bar.iconSize() * 0.8)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        # first, so a narrow dock keeps it in view (the toolbar's » menu holds what does not fit)
        self.act_zoom = self._action(
            bar,
            "/mActionZoomToLayer.svg",
            tr("Zoom to tiles"),
            self.on_zoom_to_tiles,
            tr("Zoom to tiles: show all the tiles of the layer on the map"),
        )
        bar.addSeparator()
        self.act_time = self._action(
            bar,
            "/propertyicons/temporal.svg",
            tr("Update sensing time…"),
            self.on_sensing_time,
            tr("Update sensing time: give the selected tiles one sensing time"),
        )
        self.act_cover = self._action(
            bar,
            "/mActionFromSelectedFeature.svg",
            tr("Set cover from a layer's feature…"),
            self.on_cover_from_layer,
            tr("Set cover: give the selected tiles the polygon of another layer's feature as their cover"),
        )
        self.act_retrace = self._action(
            bar,
            "/mActionTracing.svg",
            tr("Re-trace cover from the tile's COGs"),
            self.on_retrace,
            tr("Re-trace cover: trace the selected tiles' covers again from their COGs in S3"),
        )
        self.act_reingest = self._action(
            bar,
            "/mActionReload.svg",
            tr("Reingest"),
            self.on_reingest,
            tr("Reingest: ask the service to ingest the selected tiles again"),
        )
        self.act_delete_tiles = self._action(
            bar,
            "/mActionDeleteSelectedFeatures.svg",
            tr("Delete tiles…"),
            self.on_delete_tiles,
            tr("Delete tiles: remove the selected tiles from the collection (their S3 files stay)"),
        )
        self.act_copy = self._action(
            bar,
            "/mActionEditCopy.svg",
            tr("Copy to another collection…"),
            self.on_copy_tiles,
            tr("Copy tiles: register the selected tiles in another collection too"),
        )
        self.act_explain = self._action(
            bar,
            "/mActionHelpContents.svg",
            tr("Explain failure"),
            self.on_explain,
            tr("Explain failure: why did the selected failed tiles fail, and how to fix their files"),
        )
        bar.addSeparator()
        self.act_save = self._action(
            bar,
            "/mActionFileSaveAs.svg",
            tr("Save tiles as GeoPackage…"),
            self.on_save_gpkg,
            tr("Save tiles as GeoPackage: write the tiles layer to a file"),
        )
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

    def _tool(self, row: QHBoxLayout, icon: str, text: str, slot: Callable, tip: str) -> QAction:
        action = QAction(_icon(icon), text, self)
        action.triggered.connect(lambda *_a: slot())
        self._tips[action] = tip
        action.setToolTip(tip)
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        row.addWidget(button)
        return action

    def _action(self, bar: QToolBar, icon: str, text: str, slot: Callable, tip: str) -> QAction:
        action = bar.addAction(_icon(icon), text)
        action.triggered.connect(lambda *_a: slot())
        self._tips[action] = tip
        action.setToolTip(tip)
        return action

    def enable(self, action: QAction, why_not: Optional[str]) -> None:
        """Enable ``action`` when ``why_not`` is None; else disable it, its tooltip saying what it does and why it
        cannot now (e.g. "Select a collection first.")."""
        tip = self._tips.get(action, action.text())
        action.setEnabled(why_not is None)
        action.setToolTip(tip if why_not is None else f"{tip}\n{why_not}")
