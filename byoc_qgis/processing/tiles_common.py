"""Shared pieces of the tile algorithms: tile fields, GeoJSON → QgsGeometry, tile selection parameters."""

from __future__ import annotations

import json
from typing import Dict, List, Optional

from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ..core.models import Geometry, Tile
from ..translation import tr
from .fields import make_fields, qdatetime

__all__ = [
    "TILE_FIELDS",
    "STATUS_FIELDS",
    "tile_fields",
    "status_fields",
    "GeometryConverter",
    "add_tile_selection",
    "selected_tile_ids",
    "tile_feature",
    "status_row",
]

TILE_FIELDS = [
    ("tile_id", "string"),
    ("path", "string"),
    ("status", "string"),
    ("sensing_time", "datetime"),
    ("created", "datetime"),
    ("ingestion_start", "datetime"),
    ("failed_cause", "string"),
    ("native_crs", "string"),
    ("min_m_px", "double"),
    ("max_m_px", "double"),
]

STATUS_FIELDS = [("tile_id", "string"), ("path", "string"), ("status", "string"), ("message", "string")]


def tile_fields():
    return make_fields(TILE_FIELDS)


def status_fields():
    return make_fields(STATUS_FIELDS)


class GeometryConverter:
    """GeoJSON geometries in any EPSG → ``QgsGeometry`` in one target CRS (transforms cached per EPSG)."""

    def __init__(self, target: QgsCoordinateReferenceSystem, transform_context) -> None:
        self.target = target
        self.context = transform_context
        self._transforms: Dict[int, Optional[QgsCoordinateTransform]] = {}

    def _transform(self, epsg: int) -> Optional[QgsCoordinateTransform]:
        if epsg not in self._transforms:
            src = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
            if not src.isValid():
                raise QgsProcessingException(tr("EPSG:{} is not a CRS QGIS knows").format(epsg))
            self._transforms[epsg] = (
                None if src == self.target else QgsCoordinateTransform(src, self.target, self.context)
            )
        return self._transforms[epsg]

    def convert(self, geometry: Optional[Geometry]) -> Optional[QgsGeometry]:
        """The geometry in the target CRS as a multi-polygon (None stays None)."""
        if geometry is None:
            return None
        ogr_geom = ogr.CreateGeometryFromJson(json.dumps(geometry.geojson))
        if ogr_geom is None:
            return None
        geom = QgsGeometry()
        geom.fromWkb(bytes(ogr_geom.ExportToIsoWkb()))
        transform = self._transform(geometry.epsg)
        if transform is not None:
            geom.transform(transform)
        geom.convertToMultiType()
        return geom


def tile_feature(fields, tile: Tile, converter: GeometryConverter, use_tile_geometry: bool = False) -> QgsFeature:
    """A feature with the tile's fields and its cover (or tile) geometry in the converter's CRS."""
    source = tile.tile_geometry if use_tile_geometry else (tile.cover_geometry or tile.tile_geometry)
    feat = QgsFeature(fields)
    geom = converter.convert(source)
    if geom is not None:
        feat.setGeometry(geom)
    native = tile.tile_geometry or tile.cover_geometry
    extra = tile.additional_data
    feat.setAttributes(
        [
            tile.id,
            tile.path,
            tile.status.value if tile.status else tile.get("status"),
            qdatetime(tile.sensing_time),
            qdatetime(tile.created),
            qdatetime(tile.ingestion_start),
            tile.failed_ingestion_cause,
            f"EPSG:{native.epsg}" if native is not None else None,
            extra.get("minMetersPerPixel"),
            extra.get("maxMetersPerPixel"),
        ]
    )
    return feat


def status_row(fields, tile_id: Optional[str], path: str, status: str, message: str = "") -> QgsFeature:
    feat = QgsFeature(fields)
    feat.setAttributes([tile_id, path, status, message])
    return feat


def add_tile_selection(alg, optional: bool = True) -> None:
    """TILES (a layer/table with a tile id field, e.g. the tiles layer; selected features only honoured),
    TILE_ID_FIELD and TILE_IDS (comma-separated ids)."""
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            "TILES", tr("Tiles (layer or table with a tile id field)"), [QgsProcessing.TypeVector], optional=True
        )
    )
    alg.addParameter(
        QgsProcessingParameterField(
            "TILE_ID_FIELD",
            tr("Tile id field"),
            "tile_id",
            "TILES",
            QgsProcessingParameterField.String,
            optional=True,
        )
    )
    alg.addParameter(QgsProcessingParameterString("TILE_IDS", tr("…or tile ids (comma-separated)"), optional=True))


def selected_tile_ids(alg, parameters, context, required: bool = True) -> List[str]:
    """Tile ids from TILES (+ TILE_ID_FIELD) and TILE_IDS, without duplicates."""
    ids: List[str] = []
    source = alg.parameterAsSource(parameters, "TILES", context)
    if source is not None:
        field = alg.parameterAsString(parameters, "TILE_ID_FIELD", context) or "tile_id"
        index = source.fields().lookupField(field)
        if index < 0:
            raise QgsProcessingException(
                tr("TILES has no field {!r}; choose the tile id field in TILE_ID_FIELD").format(field)
            )
        for feat in source.getFeatures():
            value = feat.attributes()[index]
            if value:
                ids.append(str(value))
    text = alg.parameterAsString(parameters, "TILE_IDS", context) or ""
    ids.extend(part.strip() for part in text.replace(";", ",").split(",") if part.strip())
    ids = list(dict.fromkeys(ids))
    if required and not ids:
        raise QgsProcessingException(tr("No tile selected: give TILES (a layer with tile ids) or TILE_IDS"))
    return ids
