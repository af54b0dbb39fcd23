"""The memory layer that shows a collection's tiles: its fields and marks, the status style, a GeoPackage copy."""

from __future__ import annotations

from typing import Optional

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsProject,
    QgsRendererCategory,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..processing.tiles_common import tile_fields
from ..translation import tr
from .layer_tree import PROP_COLLECTION, PROP_COLLECTION_NAME, PROP_CONNECTION

__all__ = ["LAYER_CRS", "new_tiles_layer", "apply_status_style", "save_as_geopackage"]

LAYER_CRS = "EPSG:4326"

_STATUS_STYLES = (
    ("INGESTED", "51,160,44,70", "27,110,20,255", "solid"),
    ("FAILED", "227,26,28,110", "170,10,10,255", "solid"),
    ("INGESTING", "255,170,0,90", "200,120,0,255", "dash"),
    ("QUEUED", "255,210,60,80", "200,150,0,255", "dash"),
    ("WAITING", "200,200,200,80", "120,120,120,255", "dash"),
)


def _status_label(status: str) -> str:
    labels = {
        "INGESTED": tr("Ingested"),
        "FAILED": tr("Failed"),
        "INGESTING": tr("In progress: ingesting"),
        "QUEUED": tr("In progress: queued"),
        "WAITING": tr("In progress: waiting"),
    }
    return labels.get(status, status)


def apply_status_style(layer: QgsVectorLayer) -> None:
    """Categorized fills by ``status``: green INGESTED, red FAILED, dashed orange/yellow/grey in progress."""
    categories = []
    for status, fill, outline, line_style in _STATUS_STYLES:
        symbol = QgsFillSymbol.createSimple(
            {"color": fill, "outline_color": outline, "outline_width": "0.4", "outline_style": line_style}
        )
        categories.append(QgsRendererCategory(status, symbol, _status_label(status)))
    other = QgsFillSymbol.createSimple({"color": "150,150,150,60", "outline_color": "90,90,90,255"})
    categories.append(QgsRendererCategory(None, other, tr("Other")))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))


def new_tiles_layer(connection: str, collection_id: str, collection_name: str) -> QgsVectorLayer:
    """An empty, read-only tiles layer (memory, EPSG:4326, the tile fields) marked with its connection and
    collection, styled by status."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={LAYER_CRS}", collection_name, "memory")
    layer.dataProvider().addAttributes(tile_fields().toList())
    layer.updateFields()
    layer.setCustomProperty(PROP_CONNECTION, connection)
    layer.setCustomProperty(PROP_COLLECTION, collection_id)
    layer.setCustomProperty(PROP_COLLECTION_NAME, collection_name)
    layer.setReadOnly(True)
    apply_status_style(layer)
    return layer


def save_as_geopackage(layer: QgsVectorLayer, path: str) -> Optional[str]:
    """Write the layer to a GeoPackage; returns None on success, else the error message."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer.name()
    options.fileEncoding = "UTF-8"
    result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsProject.instance().transformContext(), options)
    code, message = result[0], result[1]
    return None if code == QgsVectorFileWriter.WriterError.NoError else (message or str(code))
