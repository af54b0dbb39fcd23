"""Map layers of the dock's Batch part: the preview of a request's grid cells (a temporary memory layer) and the
styled cells layer of ``byoc:batchresults``. Main thread only (layers, symbols, the project)."""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
)

from ..processing.fields import make_fields
from ..translation import tr

__all__ = ["PreviewCell", "preview_layer", "style_cells_layer", "remove_layer", "CELL_COLOURS"]

# (name, EPSG, width px, height px, WKT in EPSG:4326): made in the preview task, drawn on the main thread
PreviewCell = Tuple[str, int, int, int, str]

CELL_COLOURS = {"DONE": "#2e9e45", "FATAL": "#d7301f", "PENDING": "#9e9e9e", "PROCESSING": "#f0a30a"}


def _status_label(status: str) -> str:
    return {
        "DONE": tr("Done"),
        "FATAL": tr("Failed"),
        "PENDING": tr("Pending"),
        "PROCESSING": tr("Processing"),
    }.get(status, status)


def preview_layer(cells: Sequence[PreviewCell], title: str) -> QgsVectorLayer:
    """A memory layer (EPSG:4326) of the cells a request would touch, drawn as red outlines."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", title, "memory")
    fields = make_fields([("name", "string"), ("epsg", "int"), ("width", "int"), ("height", "int")])
    provider = layer.dataProvider()
    provider.addAttributes(fields.toList())
    layer.updateFields()
    features: List[QgsFeature] = []
    for name, epsg, width, height, wkt in cells:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([name, int(epsg), int(width), int(height)])
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    symbol = QgsFillSymbol.createSimple(
        {"color": "255,0,0,20", "outline_color": "#e31a1c", "outline_width": "0.5", "outline_style": "dash"}
    )
    layer.renderer().setSymbol(symbol)
    layer.setCustomProperty("byoc/batch_preview", True)
    return layer


def style_cells_layer(layer: Optional[QgsVectorLayer]) -> None:
    """Colour a batch cells layer by status (done, failed, pending) with translucent fills."""
    if layer is None or not layer.isValid() or layer.fields().indexOf("status") < 0:
        return
    categories = []
    for status, colour in CELL_COLOURS.items():
        # delivered cells as outlines over their mosaic; the others filled (translucent) to stand out
        fill = "no" if status == "DONE" else "solid"
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": colour, "outline_width": "0.5", "style": fill}
        )
        if status != "DONE":
            symbol.setOpacity(0.5)
        categories.append(QgsRendererCategory(status, symbol, _status_label(status)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
    layer.triggerRepaint()


def remove_layer(layer_id: Optional[str]) -> None:
    """Remove a layer from the project if it is still there."""
    if layer_id and QgsProject.instance().mapLayer(layer_id) is not None:
        QgsProject.instance().removeMapLayer(layer_id)
