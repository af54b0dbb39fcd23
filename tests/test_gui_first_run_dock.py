"""What a new user meets in the dock (issue 13 §2 and §3), in pytest-qgis against localhub on loopback: a narrow
dock that never widens, first-run guidance inside the empty collection list, tooltips that say what each button
does and why it is disabled, counted texts with plurals, the Create collection dialog sized to its content, the
tiles layer zoomed to on first load (not on refreshes) and by "Zoom to tiles", a readable attribute table, failed
tiles without an outline found from the dock, the selection kept by tile id across Show tiles, and Reingest asking
once for many tiles. Screenshots (artifacts/<lane>/screenshots): byoc-dock-empty-state, byoc-dock-narrow,
byoc-collection-dialog, byoc-tiles-attribute-table, byoc-dock-tiles-narrow."""

from __future__ import annotations

import ast
import re
import uuid
from pathlib import Path

import pytest

from .test_gui_support import bulk_tiles, new_collection, store_connection

pytestmark = pytest.mark.usefixtures("gui_provider")

REPO = Path(__file__).resolve().parent.parent
NARROW = 260


def _wait(cond, timeout=60.0):
    from .watchdog import wait_until

    assert wait_until(cond, timeout=timeout), "timed out"


def _settle(widget) -> None:
    from qgis.PyQt.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    widget.repaint()


def _dock_on(qgis_iface, name: str):
    from byoc_qgis.gui.dock import ByocDock

    dock = ByocDock(qgis_iface)
    dock.reload_connections(name)
    return dock


def test_narrow_dock_empty_state_tooltips(qgis_app, qgis_iface, qgis_new_project, localhub_factory, screenshots_dir):
    from qgis.PyQt.QtWidgets import QAction, QToolButton

    hub = localhub_factory()  # a service with no collection yet: what a first-time user sees
    long_name = f"first run connection with a long descriptive name {uuid.uuid4().hex[:6]}"
    conn = store_connection(hub, long_name)
    dock = _dock_on(qgis_iface, conn.name)
    try:
        dock.resize(NARROW, 620)
        dock.show()
        _wait(lambda: dock.list_task is not None and dock.list_task.done)
        _settle(dock)
        # the guidance is inside the empty list, next to the + below it
        assert dock.empty_state.visible
        assert dock.empty_state.text().startswith("No collections yet — click + (New collection) below")
        assert dock.tree.viewport().rect().contains(dock.empty_state.label.geometry())
        assert dock.status.text() == f"0 collections on {conn.name}"
        dock.grab().save(str(screenshots_dir / "byoc-dock-empty-state.png"))

        # every button and action says what it does; a disabled one also says why
        actions = {name: a for name, a in vars(dock).items() if isinstance(a, QAction)}
        assert all(a.toolTip() and a.toolTip() != a.text() for a in actions.values()), [
            n for n, a in actions.items() if not a.toolTip() or a.toolTip() == a.text()
        ]
        buttons = [b for b in dock.findChildren(QToolButton) if b.defaultAction() is not None]
        untold = [b.text() for b in buttons if not b.toolTip() and b.defaultAction().parent() is dock]
        assert len(buttons) > 15 and untold == [], untold
        assert not dock.act_show.isEnabled()
        assert dock.act_show.toolTip().endswith("\nSelect a collection first.")
        assert dock.act_reingest.toolTip().endswith("\nShow the tiles of a collection first.")
        assert dock.act_new.isEnabled() and "\n" not in dock.act_new.toolTip()

        # a collection with a long name and many bands: the list shows it, the dock does not widen
        client = dock.client()
        from byoc_qgis.core.models import Band, Collection

        bands = [f"B{i:02d}" for i in range(1, 13)]
        col_name = "Drone orthomosaics of the northern survey area, summer campaign 2024"
        collection = Collection(
            name=col_name, s3_bucket="survey-2024", bands={b: Band(b, b, 1, 16, "UINT") for b in bands}
        )
        col = client.byoc.create_collection(collection)
        dock.refresh_collections(select=col.id)
        _wait(lambda: dock.selected_collection() is not None)
        _settle(dock)
        listed = dock.status.text()
        assert listed == f"1 collection on {conn.name}"
        assert not dock.empty_state.visible
        assert dock.act_show.isEnabled() and "\n" not in dock.act_show.toolTip()
        # nothing asks for more than the narrow width: connection box, list, status
        assert dock.widget().minimumSizeHint().width() <= NARROW
        assert dock.connection_combo.sizeHint().width() < NARROW
        assert dock.connection_combo.toolTip() == f"Connection: {long_name}"
        assert dock.connection_combo.shown_text().endswith("…")
        header = dock.tree.header()
        widths = [header.sectionSize(c) for c in range(header.count())]
        assert sum(widths[:-1]) < dock.tree.viewport().width(), widths  # every column starts in view
        assert header.sectionSize(0) < dock.tree.sizeHintForColumn(0)  # the long name is elided...
        assert header.sectionSize(0) >= 0.4 * dock.tree.viewport().width()  # ...but keeps the most room
        item = dock.tree.topLevelItem(0)
        assert item.toolTip(0).startswith(col_name) and item.toolTip(2) == ", ".join(bands)  # ...and told whole
        # a long status never wraps nor grows the dock: one line, elided, whole text as tooltip
        height = dock.status.height()
        hint = dock.widget().sizeHint().height()
        text = "Cannot reach http://127.0.0.1:1/api/v1/byoc/collections?search=" + "x" * 200
        dock.status.setText(text)
        _settle(dock)
        assert dock.status.height() == height and dock.widget().sizeHint().height() == hint
        assert dock.status.shown_text().endswith("…") and dock.status.toolTip() == text
        dock.status.setText(listed)
        _settle(dock)
        dock.grab().save(str(screenshots_dir / "byoc-dock-narrow.png"))
        assert dock.width() == NARROW
        # a search that finds nothing says so in the list (not the first-run text)
        dock.search.setText("no-such-collection")
        _wait(lambda: dock.tree.topLevelItemCount() == 0 and dock.list_task.done)
        _wait(lambda: dock.empty_state.visible)
        assert dock.empty_state.text() == "No collection matches “no-such-collection”."
    finally:
        dock.cleanup()
        dock.deleteLater()


def test_create_collection_dialog_is_sized_to_its_content(qgis_app, screenshots_dir):
    from byoc_qgis.gui.collection_dialog import CollectionDialog

    dialog = CollectionDialog(None, 0)
    try:
        dialog.show()
        _settle(dialog)
        for edit in (dialog.name, dialog.bucket, dialog.bands, dialog.nodata):
            needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
            assert edit.width() > needed + 8, (edit.placeholderText(), edit.width(), needed)
        assert dialog.height() <= dialog.sizeHint().height() + 2  # no blank area below the form
        dialog.grab().save(str(screenshots_dir / "byoc-collection-dialog.png"))
    finally:
        dialog.close()
        dialog.deleteLater()


def _rows(prefix: str):
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}}
    for i in range(3):
        x0, y0 = 400000 + i * 5000, 5100000
        ring = [[x0, y0], [x0 + 4000, y0], [x0 + 4000, y0 + 4000], [x0, y0 + 4000], [x0, y0]]
        yield {
            "path": f"{prefix}/ok{i}/(BAND).tif",
            "status": "INGESTED",
            "sensingTime": f"2024-06-0{i + 1}T10:00:00.000Z",
            "coverGeometry": {"type": "Polygon", "crs": crs, "coordinates": [ring]},
            "additionalData": {"minMetersPerPixel": 240.262582, "maxMetersPerPixel": 3844.2013},
        }
    for i in range(2):  # failed before a cover was traced: nothing to click on the map
        yield {
            "path": f"{prefix}/bad{i}/(BAND).tif",
            "status": "FAILED",
            "sensingTime": "2024-06-09T10:00:00.000Z",
            "additionalData": {"failedIngestionCause": "Ensure tiles of image at index 0 are 1024 x 1024"},
        }


def _paths(layer, selected=False):
    feats = layer.getSelectedFeatures() if selected else layer.getFeatures()
    return sorted(f["path"] for f in feats)


def test_tiles_zoom_attribute_table_failed_selection_and_reingest(dock, qgis_iface, localhub, screenshots_dir):
    from qgis.core import QgsApplication, QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsRectangle
    from qgis.gui import QgsDualView

    canvas = qgis_iface.mapCanvas()
    canvas.resize(600, 400)
    far = QgsRectangle(-170, -80, -160, -70)
    canvas.setExtent(far)
    col = new_collection(dock.client(), localhub.s3, name=f"first-run tiles {uuid.uuid4().hex[:6]}")
    prefix = col["bucket"]
    assert bulk_tiles(localhub, col["id"], _rows(prefix)) == 5
    dock.refresh_collections(select=col["id"])
    _wait(lambda: dock.selected_collection() is not None and dock.selected_collection().id == col["id"])

    # first load: the map goes to the tiles
    ctl = dock.show_tiles(col["id"])
    _wait(lambda: ctl.count == 5 and not ctl.loading)
    layer = ctl.layer
    extent = layer.extent()
    assert not extent.isEmpty() and extent.xMinimum() > 10  # degrees, from the UTM covers
    _wait(lambda: canvas.extent().contains(extent))
    assert canvas.extent().width() < 5 * extent.width()

    # the attribute table: labels, path as display name, tile id last, resolutions rounded for display
    fields = layer.fields()
    assert layer.attributeDisplayName(fields.indexOf("min_m_px")) == "Resolution (m/px)"
    assert layer.attributeDisplayName(fields.indexOf("tile_id")) == "Tile id"
    assert layer.displayExpression() == '"path"'
    columns = [c.name for c in layer.attributeTableConfig().columns() if not c.hidden]
    assert columns[0] == "path" and columns[-1] == "tile_id" and columns.index("failed_cause") < 5, columns
    index = fields.indexOf("min_m_px")
    setup = layer.editorWidgetSetup(index)
    formatter = QgsApplication.fieldFormatterRegistry().fieldFormatter(setup.type())
    assert formatter.representValue(layer, index, setup.config(), None, 240.262582) == "240.26"
    feature = next(f for f in layer.getFeatures() if f["status"] == "INGESTED")
    assert feature["min_m_px"] == pytest.approx(240.262582)  # stored exactly; only the display rounds
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    assert QgsExpression(layer.displayExpression()).evaluate(context) == feature["path"]
    view = QgsDualView()
    view.init(layer, canvas)
    view.setView(QgsDualView.ViewMode.AttributeTable)
    view.resize(2400, 200)
    view.show()
    _settle(view)
    view.grab().save(str(screenshots_dir / "byoc-tiles-attribute-table.png"))
    view.close()
    view.deleteLater()
    _settle(canvas)

    # failed tiles without an outline are listed by the dock: a button that selects and explains them
    dock._update_tile_buttons()
    assert not dock.failed_button.isHidden() and dock.act_failed.text() == "2 failed"
    shown = []
    task = dock.on_failed_tiles(show=shown.append)
    assert task is not None
    assert _paths(layer, selected=True) == [f"{prefix}/bad0/(BAND).tif", f"{prefix}/bad1/(BAND).tif"]
    _wait(lambda: shown)
    assert sorted(path for path, _e in shown[0]) == _paths(layer, selected=True)
    # in a narrow dock the tiles line and the failed tiles button fit beside each other
    dock.resize(NARROW, 620)
    dock.show()
    _settle(dock)
    assert dock.widget().minimumSizeHint().width() <= NARROW
    assert dock.tiles_label.text() == f"Tiles of {col['name']}: 5 tiles, 2 selected"
    assert dock.tiles_label.toolTip() == dock.tiles_label.text()
    dock.grab().save(str(screenshots_dir / "byoc-dock-tiles-narrow.png"))

    # Reingest: many tiles ask once (refused: nothing runs); one tile asks nothing
    asked = []
    assert dock.reingest(confirm=lambda n: asked.append(n) or False) is None
    assert asked == [2]

    # Show tiles again: the same tiles stay selected (by tile id: the features are new), the map stays
    before = _paths(layer, selected=True)
    old_ids = set(layer.selectedFeatureIds())
    canvas.setExtent(far)
    far_now = canvas.extent()
    again = dock.show_tiles(col["id"])
    assert again is ctl
    _wait(lambda: not ctl.loading and ctl.count == 5)
    assert _paths(layer, selected=True) == before and layer.selectedFeatureCount() == 2
    assert not (set(layer.selectedFeatureIds()) & old_ids)
    assert "2 selected" in dock.tiles_label.text()
    assert canvas.extent() == far_now  # a reload is not a first load: the map stays where the user left it
    # "Zoom to tiles" brings the map back
    assert dock.act_zoom.isEnabled() and dock.on_zoom_to_tiles()
    assert canvas.extent().contains(extent)

    ok = next(f.id() for f in layer.getFeatures() if f["path"] == f"{prefix}/ok0/(BAND).tif")
    layer.selectByIds([ok])
    run = dock.reingest(confirm=lambda n: asked.append(n) or False)
    assert run is not None and asked == [2]
    _wait(lambda: run.ok is not None, 120)
    assert run.ok, run.error_text()
    del task

    # many failed tiles: all selected, explained only when the user picks a few (each may read the tile's files)
    from qgis.core import Qgis

    more = [dict(r, path=f"{prefix}/more{i}/(BAND).tif") for i, r in enumerate(list(_rows(prefix))[3:] * 10)]
    assert bulk_tiles(localhub, col["id"], more) == 20
    dock.show_tiles(col["id"])
    _wait(lambda: not ctl.loading and ctl.count == 25)
    assert dock.on_failed_tiles(show=shown.append) is None
    assert layer.selectedFeatureCount() == 22 and len(shown) == 1
    info = [str(m) for m in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Info)]
    assert any("22 failed tiles are selected" in m and "up to 20" in m for m in info), info

    # a map moved by the user while the first tiles load stays where the user moved it
    other = new_collection(dock.client(), localhub.s3, name=f"first-run moved {uuid.uuid4().hex[:6]}")
    assert bulk_tiles(localhub, other["id"], _rows(other["bucket"])) == 5
    dock.refresh_collections(select=other["id"])
    _wait(lambda: dock.selected_collection() is not None and dock.selected_collection().id == other["id"])
    moved_ctl = dock.show_tiles(other["id"])
    canvas.setExtent(far)
    moved = canvas.extent()
    _wait(lambda: moved_ctl.count == 5 and not moved_ctl.loading)
    assert canvas.extent() == moved


# -- plurals ---------------------------------------------------------------------------------------------------------
COUNTED = re.compile(r"\{[^}]*\}\s+(?:\w+\s+)?(tiles|collections|cells|mosaics|requests|files)\b|\(s\)")
PLURAL_FILES = [
    "byoc_qgis/gui/dock.py",
    "byoc_qgis/gui/dock_collections.py",
    "byoc_qgis/gui/dock_tiles.py",
    "byoc_qgis/gui/dock_dialogs.py",
    "byoc_qgis/gui/tiles_layer.py",
    "byoc_qgis/gui/tiles_open.py",
    "byoc_qgis/gui/tiles_loader.py",
    "byoc_qgis/gui/tiles_registry.py",
    "byoc_qgis/gui/tile_actions.py",
    "byoc_qgis/gui/collection_dialog.py",
    "byoc_qgis/gui/batch_panel.py",
    "byoc_qgis/gui/batch_actions.py",
    "byoc_qgis/gui/batch_dialog.py",
    *sorted(str(p.relative_to(REPO)) for p in (REPO / "byoc_qgis/gui/browser").glob("*.py")),
]


NOT_COUNTS = {
    "batch {} cells",  # a layer named by a request id
    "The area touches more than {} cells of this grid: choose a smaller area or a coarser grid",  # a limit (20 000)
}


def test_counted_texts_use_plurals():
    """No ``tr("… {} tiles …")`` or "(s)" left in the dock's, tiles', batch and Browser modules: a count goes
    through ``tr_n`` so "1 tile" reads right (and each language gets its own forms)."""
    found = []
    for name in PLURAL_FILES:
        tree = ast.parse((REPO / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args:
                text = node.args[0].value if isinstance(node.args[0], ast.Constant) else ""
                if isinstance(text, str) and COUNTED.search(text) and text not in NOT_COUNTS:
                    found.append(f"{name}:{node.lineno}: {text}")
    assert found == []
