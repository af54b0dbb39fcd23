"""The drag-and-drop form of a collection: a "custom" mime URI that the plugin's drop handler opens.

The URI names the saved connection and the collection only (no secret): ``connection=<name>&collection=<id>``
(URL-encoded), with the collection's name as the URI's name.
"""

from __future__ import annotations

from typing import Optional, Tuple
from urllib.parse import parse_qs, urlencode

from qgis.core import QgsMimeDataUtils

__all__ = ["DROP_KEY", "collection_uri", "parse_collection_uri"]

DROP_KEY = "byoc_collection"  # QgsCustomDropHandler.key() and the URI's providerKey


def collection_uri(connection: str, collection_id: str, name: str) -> QgsMimeDataUtils.Uri:
    """The mime URI of a collection's tiles layer."""
    uri = QgsMimeDataUtils.Uri()
    uri.layerType = "custom"
    uri.providerKey = DROP_KEY
    uri.name = name
    uri.uri = urlencode({"connection": connection, "collection": collection_id})
    return uri


def parse_collection_uri(uri: QgsMimeDataUtils.Uri) -> Optional[Tuple[str, str, str]]:
    """(connection, collection id, name) of a URI made by :func:`collection_uri`; None for any other URI."""
    if uri.providerKey != DROP_KEY:
        return None
    values = parse_qs(uri.uri or "")
    connection, collection = values.get("connection", [""])[0], values.get("collection", [""])[0]
    if not connection or not collection:
        return None
    return connection, collection, uri.name or collection
