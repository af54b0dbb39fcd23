"""Where the dock's layers live in the project: the custom properties that mark a tiles layer, the connection's
layer-tree group, a renamed connection, and Process results placed below the tiles.

A tiles layer carries its connection name, collection id and collection name as custom properties, so the dock
finds it again (also in a reopened project); the connection's group ("BYOC: <name>") carries the connection name.
"""

from __future__ import annotations

from typing import Iterator, Optional

from qgis.core import QgsLayerTreeGroup, QgsMapLayer, QgsProject, QgsVectorLayer

from ..translation import tr

__all__ = [
    "PROP_CONNECTION",
    "PROP_COLLECTION",
    "PROP_COLLECTION_NAME",
    "is_tiles_layer",
    "tiles_layers",
    "find_tiles_layer",
    "connection_group",
    "rename_connection",
    "insert_below_connection",
]

PROP_CONNECTION = "byoc_qgis/connection"
PROP_COLLECTION = "byoc_qgis/collection_id"
PROP_COLLECTION_NAME = "byoc_qgis/collection_name"


def is_tiles_layer(layer) -> bool:
    """True for a BYOC tiles layer made by the dock."""
    return isinstance(layer, QgsVectorLayer) and bool(layer.customProperty(PROP_COLLECTION, ""))


def tiles_layers() -> Iterator[QgsVectorLayer]:
    """Every tiles layer of the project."""
    return (layer for layer in QgsProject.instance().mapLayers().values() if is_tiles_layer(layer))


def find_tiles_layer(connection: str, collection_id: str) -> Optional[QgsVectorLayer]:
    """The project's tiles layer of this connection and collection, if any."""
    for layer in tiles_layers():
        if (
            layer.customProperty(PROP_COLLECTION) == collection_id
            and layer.customProperty(PROP_CONNECTION) == connection
        ):
            return layer
    return None


def _group_name(connection: str) -> str:
    return tr("BYOC: {}").format(connection)


def connection_group(connection: str) -> QgsLayerTreeGroup:
    """The layer-tree group of a connection (created at the top when missing)."""
    root = QgsProject.instance().layerTreeRoot()
    for group in root.findGroups():
        if group.customProperty(PROP_CONNECTION) == connection:
            return group
    group = root.insertGroup(0, _group_name(connection))
    group.setCustomProperty(PROP_CONNECTION, connection)
    return group


def rename_connection(old: str, new: str) -> None:
    """The tiles layers and the layer-tree group of a renamed connection take its new name."""
    for layer in tiles_layers():
        if layer.customProperty(PROP_CONNECTION) == old:
            layer.setCustomProperty(PROP_CONNECTION, new)
    for group in QgsProject.instance().layerTreeRoot().findGroups():
        if group.customProperty(PROP_CONNECTION) == old:
            group.setCustomProperty(PROP_CONNECTION, new)
            group.setName(_group_name(new))


def insert_below_connection(layer: QgsMapLayer, connection: Optional[str]) -> None:
    """Add ``layer`` to the project just below the connection's group (at the top without one), so the tile
    outlines stay visible over it."""
    project = QgsProject.instance()
    project.addMapLayer(layer, False)
    root = project.layerTreeRoot()
    index = 0
    for i, node in enumerate(root.children()):
        if connection is not None and node.customProperty(PROP_CONNECTION) == connection:
            index = i + 1
            break
    root.insertLayer(index, layer)
