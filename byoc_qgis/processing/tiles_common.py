"""Shared pieces of the tile algorithms and the dock: tile fields, tiles → features, tile selection parameters."""

from __future__ import annotations

import struct
from array import array
from typing import Any, Dict, Iterable, List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from ..core.ingestion import FINAL_STATUSES
from ..core.models import Tile, parse_crs, parse_time
from ..core.reproject import ReprojectionError, Reprojector
from ..translation import tr
from .crs import crs_definition
from .fields import make_fields, qdatetime

__all__ = [
    "TILE_FIELDS",
    "STATUS_FIELDS",
    "tile_fields",
    "status_fields",
    "FIELD_NAMES",
    "FIELD_INDEX",
    "FINAL_STATUSES",
    "FeatureBuilder",
    "tile_signature",
    "wire",
    "add_tile_selection",
    "selected_tile_ids",
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


FIELD_NAMES = [name for name, _kind in TILE_FIELDS]
FIELD_INDEX = {name: i for i, name in enumerate(FIELD_NAMES)}
_ISO = Qt.DateFormat.ISODateWithMs
_HEAD = struct.Struct("<BII")
_PART = struct.Struct("<BI")
_U32 = struct.Struct("<I")


def tile_signature(data: Dict[str, Any]) -> tuple:
    """What a tiles layer shows of a tile (wire dict): equal signatures mean the feature need not change."""
    extra = data.get("additionalData") or {}
    return (
        data.get("status"),
        data.get("path"),
        data.get("sensingTime"),
        data.get("ingestionStart"),
        extra.get("failedIngestionCause"),
        extra.get("minMetersPerPixel"),
        extra.get("maxMetersPerPixel"),
        repr(data.get("coverGeometry") or data.get("tileGeometry")),
    )


def _ring_wkb(rings: List[Any], out: List[bytes]) -> None:
    out.append(_U32.pack(len(rings)))
    for ring in rings:
        out.append(_U32.pack(len(ring)))
        out.append(array("d", [c for pt in ring for c in (pt[0], pt[1])]).tobytes())


def _polygons(geojson: Dict[str, Any]) -> Optional[List[Any]]:
    gtype = geojson.get("type")
    coords = geojson.get("coordinates")
    if gtype == "Polygon":
        return [coords]
    if gtype == "MultiPolygon":
        return coords
    return None


def _multipolygon_wkb(parts: List[Any]) -> bytes:
    out = [_HEAD.pack(1, 6, len(parts))]
    for part in parts:
        out.append(_PART.pack(1, 3))
        _ring_wkb(part, out)
    return b"".join(out)


def wire(tile) -> Dict[str, Any]:
    """The wire dict of a :class:`Tile` (or a dict) without copying: read-only use."""
    if isinstance(tile, dict):
        return tile
    if isinstance(tile, Tile):
        return tile._d  # noqa: SLF001 - read-only access to the decoded JSON (listing fast path)
    raise TypeError(f"expected a Tile or dict, got {type(tile).__name__}")


class FeatureBuilder:
    """Tiles → features with :data:`TILE_FIELDS`, geometries in one ``target`` CRS; safe in worker threads.

    Fast enough for 20 000 tiles: polygon WKB is written straight from the GeoJSON coordinates, reprojected first
    with one OSR call per geometry, and the service's ``...Z`` times are parsed by Qt (other forms by the core's
    parser). The Processing tiles algorithm and the dock's tiles layer both use it, so their features are the same.

    Reprojection is GDAL's (:class:`~byoc_qgis.core.reproject.Reprojector`), never a QGIS CRS or transform: this
    runs in tasks, and a QGIS CRS first created in a task breaks QGIS's reprojection for the session once the task's
    thread exits (see :mod:`byoc_qgis.core.reproject`). Build it where ``target`` was made (the main thread for the
    dock). ``transform_context`` is accepted for compatibility and not used: outlines take PROJ's best operation.
    """

    def __init__(
        self, target: QgsCoordinateReferenceSystem, transform_context=None, use_tile_geometry: bool = False
    ) -> None:
        self.target = target
        self.use_tile_geometry = use_tile_geometry
        self.fields = tile_fields()
        self._reproject = Reprojector(crs_definition(target))
        self._crss: Dict[Any, Tuple[int, bool]] = {}

    def _crs(self, geojson: Dict[str, Any]) -> Tuple[int, bool]:
        """(EPSG code of the geometry, whether it must be reprojected into the target)."""
        member = geojson.get("crs")
        key = repr(member) if member is not None else None
        found = self._crss.get(key)
        if found is None:
            epsg = parse_crs(member)
            try:
                self._reproject.check(epsg)
            except ReprojectionError:
                raise QgsProcessingException(tr("EPSG:{} is not a CRS QGIS knows").format(epsg)) from None
            found = self._crss[key] = (epsg, not self._reproject.same(epsg))
        return found

    def geometry(self, geojson: Optional[Dict[str, Any]]) -> Optional[QgsGeometry]:
        """A multi-polygon in the target CRS from a GeoJSON geometry with an optional ``crs`` member."""
        if not geojson:
            return None
        parts = _polygons(geojson)
        if parts is None:  # covers and tile boxes are (Multi)Polygons; anything else has no place in the layer
            return None
        epsg, reproject = self._crs(geojson)
        if reproject:
            parts = self._reproject.polygons(epsg, parts)
        geom = QgsGeometry()
        geom.fromWkb(_multipolygon_wkb(parts))
        return geom

    @staticmethod
    def _time(value: Optional[str]):
        if not value:
            return None
        if value.endswith("Z"):
            qdt = QDateTime.fromString(value, _ISO)
            if qdt.isValid():
                return qdt
        return qdatetime(parse_time(value))

    def attributes(self, data: Dict[str, Any]) -> list:
        """Attribute values in :data:`FIELD_NAMES` order, from a tile's wire dict."""
        extra = data.get("additionalData") or {}
        native_geom = data.get("tileGeometry") or data.get("coverGeometry")
        native = f"EPSG:{self._crs(native_geom)[0]}" if native_geom else None
        status = data.get("status")
        return [
            data.get("id"),
            data.get("path") or "",
            status.upper() if isinstance(status, str) else status,
            self._time(data.get("sensingTime")),
            self._time(data.get("created")),
            self._time(data.get("ingestionStart")),
            extra.get("failedIngestionCause"),
            native,
            extra.get("minMetersPerPixel"),
            extra.get("maxMetersPerPixel"),
        ]

    def feature(self, tile) -> QgsFeature:
        """The feature of a :class:`Tile` (or its wire dict): cover geometry, or the tile bbox when asked/absent."""
        data = wire(tile)
        source = data.get("tileGeometry")
        if not self.use_tile_geometry:
            source = data.get("coverGeometry") or source
        feat = QgsFeature(self.fields)
        geom = self.geometry(source)
        if geom is not None:
            feat.setGeometry(geom)
        feat.setAttributes(self.attributes(data))
        return feat

    def features(self, tiles: Iterable[Any]) -> List[QgsFeature]:
        """Features of several tiles."""
        return [self.feature(t) for t in tiles]

    def try_feature(self, tile) -> Tuple[Optional[QgsFeature], str]:
        """``(feature, "")``, or ``(None, why)`` when the tile's geometry or CRS cannot be used (unknown EPSG,
        broken coordinates): the caller reports and skips that one tile instead of failing the whole listing."""
        try:
            return self.feature(tile), ""
        except (IndexError, TypeError, KeyError, struct.error) as exc:
            return None, tr("broken geometry ({})").format(str(exc).strip() or type(exc).__name__)
        except Exception as exc:  # noqa: BLE001 - any defect of one tile's data is that tile's problem
            return None, str(exc).strip() or type(exc).__name__


def status_row(fields, tile_id: Optional[str], path: str, status: str, message: str = "") -> QgsFeature:
    feat = QgsFeature(fields)
    feat.setAttributes([tile_id, path, status, message])
    return feat


def add_tile_selection(alg, optional: bool = True) -> None:
    """TILES (a layer/table with a tile id field, e.g. the tiles layer; selected features only honoured),
    TILE_ID_FIELD and TILE_IDS (comma-separated ids)."""
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            "TILES",
            tr("Tiles (layer or table with a tile id field)"),
            [QgsProcessing.SourceType.TypeVector],
            optional=True,
        )
    )
    alg.addParameter(
        QgsProcessingParameterField(
            "TILE_ID_FIELD",
            tr("Tile id field"),
            "tile_id",
            "TILES",
            QgsProcessingParameterField.DataType.String,
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
