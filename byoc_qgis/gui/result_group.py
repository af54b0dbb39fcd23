"""Process results of one collection in one layer-tree group named after the collection (found again by a custom
property, also after the user moved or renamed it; created where the first result was put)."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsLayerTreeGroup, QgsMapLayer, QgsProject

from ..translation import tr

__all__ = ["PROP_RESULTS", "results_group", "add_to_collection_group", "group_name"]

PROP_RESULTS = "byoc_qgis/results_of"


def _key(connection: str, collection_id: str) -> str:
    return f"{connection}\n{collection_id}"


def group_name(collection_name: str) -> str:
    """The group's name, after the collection's."""
    return tr("{} — results").format(collection_name)


def results_group(connection: str, collection_id: str) -> Optional[QgsLayerTreeGroup]:
    """The project's results group of this connection and collection, if any."""
    key = _key(connection, collection_id)
    for group in QgsProject.instance().layerTreeRoot().findGroups(True):
        if group.customProperty(PROP_RESULTS) == key:
            return group
    return None


def add_to_collection_group(layer: QgsMapLayer, connection: str, collection) -> Optional[QgsLayerTreeGroup]:
    """Move ``layer`` (already in the layer tree) to the top of its collection's results group, creating the group
    where the layer is; returns the group (None when the layer is not in the tree)."""
    root = QgsProject.instance().layerTreeRoot()
    node = root.findLayer(layer.id())
    if node is None or node.parent() is None:
        return None
    group = results_group(connection, collection.id)
    parent = node.parent()
    if group is None:
        group = parent.insertGroup(parent.children().index(node), group_name(collection.name))
        group.setCustomProperty(PROP_RESULTS, _key(connection, collection.id))
    if node.parent() is group:
        return group
    group.insertChildNode(0, node.clone())  # the layer stays in the tree (and the project) throughout
    node.parent().removeChildNode(node)
    return group
