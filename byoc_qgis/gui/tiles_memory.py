"""The memory layer that shows a collection's tiles: its fields and marks, the status style, its temporal
properties (the Temporal Controller filters tiles by sensing time), how its attribute table reads (labels, the
path as display name, resolutions rounded for display), a GeoPackage copy."""

from __future__ import annotations

from typing import Optional

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsEditorWidgetSetup,
    QgsFillSymbol,
    QgsProject,
    QgsRendererCategory,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtGui import QFontMetrics
from qgis.PyQt.QtWidgets import QApplication

from ..processing.tiles_common import tile_fields
from ..translation import tr
from .layer_tree import PROP_COLLECTION, PROP_COLLECTION_NAME, PROP_CONNECTION

__all__ = [
    "LAYER_CRS",
    "TIME_FIELD",
    "new_tiles_layer",
    "apply_status_style",
    "apply_temporal_properties",
    "mark_tiles_layer",
    "present_fields",
    "save_as_geopackage",
]

LAYER_CRS = "EPSG:4326"
TIME_FIELD = "sensing_time"

# status, fill (RGBA), outline (RGBA), outline style. The outline carries the status; the fill is light (alpha
# 25..45 of 255) so a processed raster or a basemap under the tiles stays visible.
_STATUS_STYLES = (
    ("INGESTED", "51,160,44,25", "27,110,20,255", "solid"),
    ("FAILED", "227,26,28,45", "200,10,10,255", "solid"),
    ("INGESTING", "255,170,0,30", "220,120,0,255", "dash"),
    ("QUEUED", "255,210,60,30", "200,150,0,255", "dash"),
    ("WAITING", "200,200,200,30", "110,110,110,255", "dash"),
)
OUTLINE_WIDTH_MM = "0.6"


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
    """Categorized by ``status``, told apart by the outline: green INGESTED, red FAILED, dashed orange/yellow/grey
    in progress; each with a light, mostly transparent fill of its colour, so layers beneath stay visible."""
    categories = []
    for status, fill, outline, line_style in _STATUS_STYLES:
        symbol = QgsFillSymbol.createSimple(
            {"color": fill, "outline_color": outline, "outline_width": OUTLINE_WIDTH_MM, "outline_style": line_style}
        )
        categories.append(QgsRendererCategory(status, symbol, _status_label(status)))
    other = QgsFillSymbol.createSimple(
        {"color": "150,150,150,25", "outline_color": "90,90,90,255", "outline_width": OUTLINE_WIDTH_MM}
    )
    categories.append(QgsRendererCategory(None, other, tr("Other")))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))


def apply_temporal_properties(layer: QgsVectorLayer) -> None:
    """Each tile is an instant at its sensing time: the Temporal Controller shows the tiles sensed in its range
    (tiles without a sensing time stay visible)."""
    props = layer.temporalProperties()
    modes = getattr(Qgis, "VectorTemporalMode", None)  # older QGIS: the enum of QgsVectorLayerTemporalProperties
    props.setMode(
        modes.FeatureDateTimeInstantFromField
        if modes is not None
        else QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField
    )
    props.setStartField(TIME_FIELD)
    props.setAccumulateFeatures(False)
    props.setIsActive(True)


RESOLUTION_DECIMALS = 2  # m/px shown to the centimetre (the stored value stays exact)
# what a user looks for first; the tile id (for scripts and support) last
_COLUMN_ORDER = (
    "path",
    "status",
    "sensing_time",
    "failed_cause",
    "min_m_px",
    "max_m_px",
    "native_crs",
    "created",
    "ingestion_start",
    "tile_id",
)
# a typical value of each column: its width fits that (or its label, if longer); longer values are elided
_COLUMN_SAMPLES = {
    "path": "uploads/2024/scene-000123/(BAND).tif",
    "status": "INGESTING",
    "sensing_time": "2024-06-01 10:00:00 (UTC)",
    "created": "2024-06-01 10:00:00 (UTC)",
    "ingestion_start": "2024-06-01 10:00:00 (UTC)",
    "failed_cause": "Ensure tiles of image at index 0 are 1024",
    "native_crs": "EPSG:32633",
    "min_m_px": "12,345.67",
    "max_m_px": "12,345.67",
    "tile_id": "0123456789ab",
}


def _field_labels() -> dict:
    return {
        "tile_id": tr("Tile id"),
        "path": tr("Path"),
        "status": tr("Status"),
        "sensing_time": tr("Sensing time"),
        "created": tr("Created"),
        "ingestion_start": tr("Ingestion started"),
        "failed_cause": tr("Why it failed"),
        "native_crs": tr("Files' CRS"),
        "min_m_px": tr("Resolution (m/px)"),
        "max_m_px": tr("Coarsest overview (m/px)"),
    }


def present_fields(layer: QgsVectorLayer) -> None:
    """How the attribute table, identify results and the status bar show a tile: human labels (aliases), the
    path as the feature's display name, the columns in :data:`_COLUMN_ORDER` (the tile id last), resolutions rounded to
    :data:`RESOLUTION_DECIMALS` decimals for display only (the stored values stay exact)."""
    fields = layer.fields()
    for name, label in _field_labels().items():
        index = fields.indexOf(name)
        if index >= 0:
            layer.setFieldAlias(index, label)
    for name in ("min_m_px", "max_m_px"):
        index = fields.indexOf(name)
        if index >= 0:
            config = {"Precision": RESOLUTION_DECIMALS, "Style": "SpinBox", "AllowNull": True}
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("Range", config))
    layer.setDisplayExpression('"path"')
    config = layer.attributeTableConfig()
    config.update(fields)
    columns = config.columns()
    rank = {name: i for i, name in enumerate(_COLUMN_ORDER)}
    columns = sorted(columns, key=lambda c: rank.get(c.name, len(rank) - 1))  # unknown columns before the tile id
    metrics = QFontMetrics(QApplication.font())
    labels = _field_labels()
    for column in columns:
        if column.name in _COLUMN_SAMPLES:  # wide enough for its label and a typical value
            texts = (labels.get(column.name, ""), _COLUMN_SAMPLES[column.name])
            column.width = max(metrics.horizontalAdvance(t) for t in texts) + 24
    config.setColumns(columns)
    layer.setAttributeTableConfig(config)


def mark_tiles_layer(layer: QgsVectorLayer) -> None:
    """What every tiles layer has, also one read from an older project: read-only to the user, no "temporary
    scratch layer" warning when QGIS closes the project (the tiles come back from the service), and readable
    attributes (:func:`present_fields`)."""
    layer.setReadOnly(True)
    layer.setCustomProperty("skipMemoryLayersCheck", 1)
    present_fields(layer)


def new_tiles_layer(connection: str, collection_id: str, collection_name: str) -> QgsVectorLayer:
    """An empty, read-only tiles layer (memory, EPSG:4326, the tile fields) marked with its connection and
    collection, styled by status."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={LAYER_CRS}", collection_name, "memory")
    layer.dataProvider().addAttributes(tile_fields().toList())
    layer.updateFields()
    layer.setCustomProperty(PROP_CONNECTION, connection)
    layer.setCustomProperty(PROP_COLLECTION, collection_id)
    layer.setCustomProperty(PROP_COLLECTION_NAME, collection_name)
    mark_tiles_layer(layer)  # after the fields exist: labels and columns are set per field
    apply_status_style(layer)
    apply_temporal_properties(layer)
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
