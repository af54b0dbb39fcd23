"""The context menus of the Browser items: each action calls the session's :class:`~.operations.BrowserOperations`.

Actions are parented to the menu QGIS passes in and named (``objectName``) so scripts and tests find them.
"""

from __future__ import annotations

from typing import Callable, List

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QAction

from ...translation import tr

__all__ = ["root_actions", "connection_actions", "collection_actions", "tiles_actions", "refresh_actions"]


def _action(parent, name: str, text: str, slot: Callable[[], object], icon: str = "") -> QAction:
    action = QAction(QgsApplication.getThemeIcon(icon), text, parent) if icon else QAction(text, parent)
    action.setObjectName("byoc_browser_" + name)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def refresh_actions(item, parent) -> List[QAction]:
    """Refresh (list again from the service or the settings)."""
    return [_action(parent, "refresh", tr("Refresh"), item.refresh, "mActionRefresh.svg")]


def root_actions(item, parent) -> List[QAction]:
    ops = item.session.ops
    return [_action(parent, "new_connection", tr("New Connection…"), ops.new_connection, "mActionAdd.svg")] + (
        refresh_actions(item, parent)
    )


def connection_actions(item, parent) -> List[QAction]:
    ops, name = item.session.ops, item.connection
    return [
        _action(parent, "new_collection", tr("New Collection…"), lambda: ops.new_collection(item), "mActionAdd.svg"),
        _action(parent, "edit_connection", tr("Edit Connection…"), lambda: ops.edit_connection(name)),
        _action(parent, "remove_connection", tr("Remove Connection…"), lambda: ops.remove_connection(name)),
    ] + refresh_actions(item, parent)


def collection_actions(item, parent) -> List[QAction]:
    ops, conn, col = item.session.ops, item.connection, item.collection
    return tiles_actions(item, parent) + [
        _action(parent, "process", tr("Process…"), lambda: ops.open_process(conn, col), "processingAlgorithm.svg"),
        _action(parent, "add_tiles", tr("Add Tiles…"), lambda: ops.open_add_tiles(conn, col), "mActionAdd.svg"),
        _action(parent, "rename_collection", tr("Rename Collection…"), lambda: ops.rename_collection(item)),
        _action(
            parent,
            "delete_collection",
            tr("Delete Collection…"),
            lambda: ops.delete_collection(item),
            "mActionDeleteSelected.svg",
        ),
    ]


def tiles_actions(item, parent) -> List[QAction]:
    ops, conn, col = item.session.ops, item.connection, item.collection
    return [
        _action(
            parent,
            "add_tiles_layer",
            tr("Add Tiles Layer to Project"),
            lambda: ops.add_tiles_layer(conn, col.id, col.name),
            "mActionAddLayer.svg",
        )
    ]
