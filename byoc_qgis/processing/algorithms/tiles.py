"""Tile algorithms on registered tiles: tiles → layer, wait for ingestion, update, delete, reingest."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Dict, List

from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ...core.cover import count_points
from ...core.errors import NetworkError, NotFoundError, SentinelHubError
from ...core.ingestion import wait_for_collection, wait_for_tiles
from ...core.models import WGS84, TileStatus, format_time, parse_time
from ...core.reproject import Reprojector
from ...translation import tr, tr_n
from ...wording import describe_error, worded_text
from ..base import ServiceAlgorithm
from ..crs import crs_definition, wgs84
from ..feedback import FeedbackBridge
from ..fields import WkbType
from ..tiles_common import (
    FeatureBuilder,
    add_tile_selection,
    selected_tile_ids,
    status_fields,
    status_row,
    tile_fields,
)

__all__ = ["CollectionTiles", "WaitForIngestion", "UpdateTiles", "DeleteTiles", "ReingestTiles"]

STATUS_FILTERS = [None] + [s.value for s in TileStatus]
MAX_REPORTED = 20  # skipped tiles named one by one in the log; the rest are counted


def _output_crs(alg, parameters, context) -> QgsCoordinateReferenceSystem:
    crs = alg.parameterAsCrs(parameters, "OUTPUT_CRS", context)
    return crs if crs.isValid() else wgs84()


class CollectionTiles(ServiceAlgorithm):
    """Every tile of a collection as one polygon layer."""

    NAME = "collectiontiles"
    GROUP = "tiles"

    def displayName(self) -> str:
        return tr("Collection tiles to layer")

    def help_text(self) -> str:
        return tr(
            "Loads the tiles of a collection into one polygon layer: cover geometries (or tile bounding boxes) "
            "reprojected from each tile's own CRS into OUTPUT_CRS (default EPSG:4326), with the fields tile_id, "
            "path, status, sensing_time, created, ingestion_start, failed_cause, native_crs and min/max metres per "
            "pixel. Tiles without any geometry yet (still waiting) are kept without geometry. Save the output as a "
            "GeoPackage to keep it."
        )

    def init_parameters(self) -> None:
        self.add_collection_parameter()
        self.addParameter(
            QgsProcessingParameterEnum(
                "STATUS", tr("Only tiles with status"), options=[tr("All")] + STATUS_FILTERS[1:], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "GEOMETRY",
                tr("Geometry"),
                options=[tr("Cover geometry"), tr("Tile geometry (bounding box)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs("OUTPUT_CRS", tr("Output CRS (default EPSG:4326)"), "EPSG:4326", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Tiles"), QgsProcessing.SourceType.TypeVectorPolygon)
        )
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Number of tiles")))
        self.addOutput(QgsProcessingOutputNumber("SKIPPED", tr("Tiles skipped (unusable geometry or CRS)")))
        self.addOutput(QgsProcessingOutputString("COLLECTION_ID", tr("Collection id")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        client = self.connection.byoc()
        collection = self.resolve_collection(client, parameters, context, bridge)
        status = STATUS_FILTERS[self.parameterAsEnum(parameters, "STATUS", context)]
        use_tile_geometry = self.parameterAsEnum(parameters, "GEOMETRY", context) == 1
        crs = _output_crs(self, parameters, context)
        fields = tile_fields()
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, WkbType.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        builder = FeatureBuilder(crs, context.transformContext(), use_tile_geometry)
        filters = {"status": status} if status else {}
        count = skipped = 0
        for tile in client.iter_all_tiles(collection.id, cancel=bridge.cancel, **filters):
            feature, problem = builder.try_feature(tile)
            if feature is None:  # one tile's unusable geometry or CRS is reported, the others still load
                skipped += 1
                if skipped <= MAX_REPORTED:
                    bridge.warning(tr("Tile {} ({}) skipped: {}").format(tile.id, tile.path, problem))
                continue
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            count += 1
            if count % 100 == 0:
                bridge.check()
                bridge.feedback.setProgressText(tr_n("%n tile", "%n tiles", count))
        if skipped:
            bridge.warning(
                tr_n(
                    "%n tile had an unusable geometry or CRS and was skipped",
                    "%n tiles had an unusable geometry or CRS and were skipped",
                    skipped,
                )
            )
        bridge.info(tr_n("%n tile of collection {}", "%n tiles of collection {}", count).format(collection.name))
        return {"OUTPUT": dest, "COUNT": count, "SKIPPED": skipped, "COLLECTION_ID": collection.id}


class WaitForIngestion(ServiceAlgorithm):
    """Poll tiles until they are INGESTED or FAILED."""

    NAME = "waitforingestion"
    GROUP = "tiles"

    def displayName(self) -> str:
        return tr("Wait for ingestion")

    def help_text(self) -> str:
        return tr(
            "Waits until tiles are INGESTED or FAILED, polling with backoff, and writes their final status (with "
            "the service's failure cause) to a table. Give the tiles (e.g. the output table of 'Create tiles') or "
            "leave them empty to wait for every unfinished tile of the collection. With FAIL_ON_FAILED the "
            "algorithm fails when a tile failed (stops a model)."
        )

    def init_parameters(self) -> None:
        self.add_collection_parameter()
        add_tile_selection(self)
        self.addParameter(
            QgsProcessingParameterNumber(
                "TIMEOUT", tr("Give up after (seconds)"), QgsProcessingParameterNumber.Type.Double, 3600, False, 1
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean("FAIL_ON_FAILED", tr("Fail when a tile failed to ingest"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Ingestion status"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber("INGESTED", tr("Tiles ingested")))
        self.addOutput(QgsProcessingOutputNumber("FAILED", tr("Tiles failed")))
        self.addOutput(QgsProcessingOutputNumber("PENDING", tr("Tiles still pending (timeout)")))
        self.addOutput(QgsProcessingOutputString("COLLECTION_ID", tr("Collection id")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        client = self.connection.byoc()
        collection = self.resolve_collection(client, parameters, context, bridge)
        ids = selected_tile_ids(self, parameters, context, required=False)
        timeout = self.parameterAsDouble(parameters, "TIMEOUT", context)

        kwargs = dict(timeout=timeout, progress=bridge.fraction, cancel=bridge.cancel, raise_on_timeout=False)
        kwargs["initial_delay"] = 0.5
        kwargs["max_delay"] = 10.0
        if ids:
            result = wait_for_tiles(client, collection.id, ids, **kwargs)
        else:
            result = wait_for_collection(client, collection.id, **kwargs)
        fields = status_fields()
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, WkbType.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        for tid, tile in result.tiles.items():
            status = tile.status.value if tile.status else ""
            sink.addFeature(status_row(fields, tid, tile.path, status, tile.failed_ingestion_cause or ""))
            if tile.status is TileStatus.FAILED:
                bridge.warning(tr("{} FAILED: {}").format(tile.path, tile.failed_ingestion_cause))
        for tid in result.missing:
            sink.addFeature(status_row(fields, tid, "", "MISSING", tr("the tile no longer exists")))
        ingested, failed, pending = len(result.ingested), len(result.failed), len(result.pending)
        bridge.info(tr("{} ingested, {} failed, {} still pending").format(ingested, failed, pending))
        if pending:
            bridge.warning(
                tr_n(
                    "%n tile was still not finished after {:.0f} s",
                    "%n tiles were still not finished after {:.0f} s",
                    pending,
                ).format(timeout)
            )
        if failed and self.parameterAsBoolean(parameters, "FAIL_ON_FAILED", context):
            first = result.failed[0]
            raise QgsProcessingException(
                tr_n(
                    "%n tile failed to ingest; first: {}: {}", "%n tiles failed to ingest; first: {}: {}", failed
                ).format(first.path, first.failed_ingestion_cause)
            )
        return {
            "OUTPUT": dest,
            "INGESTED": ingested,
            "FAILED": failed,
            "PENDING": pending,
            "COLLECTION_ID": collection.id,
        }


def field_time_utc(value: Any) -> Any:
    """A sensing-time field value as an aware UTC datetime: a ``QDateTime`` in any time spec (local, UTC, offset)
    keeps its instant, a ``QDate`` is midnight UTC, an ISO string is left to the core's parser; NULL/empty → None.

    (``QDateTime.toPyDateTime()`` drops the spec: a local 03:00 in New York became 03:00 UTC.)
    """
    if value is None or value == "" or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        if not value.isValid():
            return None
        return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000.0, timezone.utc)
    if isinstance(value, QDate):
        return datetime(value.year(), value.month(), value.day(), tzinfo=timezone.utc) if value.isValid() else None
    return value


def _ogr_from_qgs(geom) -> ogr.Geometry:
    return ogr.CreateGeometryFromWkb(bytes(geom.asWkb()))


class UpdateTiles(ServiceAlgorithm):
    """Update sensing times and/or cover geometries of tiles from a vector layer."""

    NAME = "updatetiles"
    GROUP = "tiles"

    def displayName(self) -> str:
        return tr("Update tiles")

    def help_text(self) -> str:
        return tr(
            "Updates registered tiles from the features of a layer that carries their ids (e.g. an edited tiles "
            "layer): the sensing time from a field or a constant, and/or the cover geometry from the feature's "
            "geometry (sent in EPSG:4326; at most 100 points). The tile's path and files are not changed."
        )

    def init_parameters(self) -> None:
        self.add_collection_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INPUT", tr("Layer with the tiles to update"), [QgsProcessing.SourceType.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "TILE_ID_FIELD",
                tr("Tile id field"),
                "tile_id",
                "INPUT",
                QgsProcessingParameterField.DataType.String,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "SENSING_TIME_FIELD",
                tr("Sensing time field (optional)"),
                None,
                "INPUT",
                QgsProcessingParameterField.DataType.Any,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SENSING_TIME",
                tr("…or one sensing time for all (ISO 8601, e.g. 2023-06-10T07:36:29Z)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean("UPDATE_COVER", tr("Set the cover from the feature geometry"), False)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Update results"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber("UPDATED", tr("Tiles updated")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "INPUT"))
        id_field = self.parameterAsString(parameters, "TILE_ID_FIELD", context) or "tile_id"
        time_field = self.parameterAsString(parameters, "SENSING_TIME_FIELD", context) or ""
        constant = (self.parameterAsString(parameters, "SENSING_TIME", context) or "").strip()
        update_cover = self.parameterAsBoolean(parameters, "UPDATE_COVER", context)
        if not (time_field or constant or update_cover):
            raise QgsProcessingException(
                tr("Nothing to update: choose SENSING_TIME_FIELD, give SENSING_TIME or set UPDATE_COVER")
            )
        if constant:
            try:
                parse_time(constant, "SENSING_TIME")
            except ValueError as exc:
                raise QgsProcessingException(worded_text(exc)) from None
        id_index = source.fields().lookupField(id_field)
        if id_index < 0:
            raise QgsProcessingException(tr("INPUT has no field {!r}").format(id_field))
        time_index = source.fields().lookupField(time_field) if time_field else -1
        # GDAL reprojects in the task: no QGIS CRS or transform is made off the main thread (see core.reproject)
        to_wgs84 = Reprojector(WGS84)
        source_crs = crs_definition(source.sourceCrs()) if source.sourceCrs().isValid() else to_wgs84.target
        client = self.connection.byoc()
        collection = self.resolve_collection(client, parameters, context, bridge)
        fields = status_fields()
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, WkbType.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        total = max(1, source.featureCount())
        updated = 0
        for i, feat in enumerate(source.getFeatures()):
            bridge.check()
            tid = feat.attributes()[id_index]
            if not tid:
                continue
            tile = client.get_tile(collection.id, str(tid), cancel=bridge.cancel)
            if time_index >= 0:
                tile.sensing_time = field_time_utc(feat.attributes()[time_index])
            elif constant:
                tile.sensing_time = constant
            if update_cover:
                geom = feat.geometry()
                if geom is None or geom.isEmpty():
                    raise QgsProcessingException(tr("Feature for tile {} has no geometry").format(tid))
                ogr_geom = _ogr_from_qgs(geom)
                to_wgs84.ogr_geometry(source_crs, ogr_geom)
                points = count_points(ogr_geom)
                if points > 100:
                    raise QgsProcessingException(
                        tr("Cover for tile {} has {} points; the service accepts at most 100 (simplify it)").format(
                            tid, points
                        )
                    )
                tile.cover_geometry = json.loads(ogr_geom.ExportToJson(["COORDINATE_PRECISION=7"]))
            client.update_tile(collection.id, tile, cancel=bridge.cancel)
            sink.addFeature(status_row(fields, tile.id, tile.path, "UPDATED", format_time(tile.sensing_time) or ""))
            updated += 1
            bridge.fraction((i + 1) / total)
        bridge.info(tr_n("%n tile updated", "%n tiles updated", updated))
        return {"OUTPUT": dest, "UPDATED": updated}


class _TileActionAlgorithm(ServiceAlgorithm):
    """Delete or reingest selected tiles."""

    CONFIRM = False

    def init_parameters(self) -> None:
        self.add_collection_parameter()
        add_tile_selection(self)
        if self.CONFIRM:
            self.addParameter(
                QgsProcessingParameterBoolean(
                    "CONFIRM", tr("I confirm: delete these tiles (S3 files stay)"), defaultValue=False
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Results"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Tiles done")))

    def act(self, client, collection_id: str, tile_id: str, bridge: FeedbackBridge) -> str:
        raise NotImplementedError

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        if self.CONFIRM and not self.parameterAsBoolean(parameters, "CONFIRM", context):
            raise QgsProcessingException(tr("Not deleted: set CONFIRM to delete the tiles (S3 files are kept)"))
        ids = selected_tile_ids(self, parameters, context)
        client = self.connection.byoc()
        collection = self.resolve_collection(client, parameters, context, bridge)
        fields = status_fields()
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, WkbType.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        done = 0
        errors: List[str] = []
        for i, tid in enumerate(ids):
            bridge.check()
            try:
                status = self.act(client, collection.id, tid, bridge)
                sink.addFeature(status_row(fields, tid, "", status))
                done += 1
            except NotFoundError as exc:
                sink.addFeature(status_row(fields, tid, "", "NOT_FOUND", exc.message))
                errors.append(f"{tid}: {exc.message}")
            except SentinelHubError as exc:  # the service's message as sent; our own wording translated
                text = describe_error(exc) if isinstance(exc, NetworkError) else exc.message
                sink.addFeature(status_row(fields, tid, "", "ERROR", text))
                errors.append(f"{tid}: {str(exc).replace(exc.message, text)}")
            bridge.fraction((i + 1) / len(ids))
        for e in errors:
            bridge.warning(e)
        bridge.info(tr_n("{} of %n tile done", "{} of %n tiles done", len(ids)).format(done))
        return {"OUTPUT": dest, "COUNT": done}


class DeleteTiles(_TileActionAlgorithm):
    """Delete tiles (the S3 files stay)."""

    NAME = "deletetiles"
    GROUP = "tiles"
    CONFIRM = True

    def displayName(self) -> str:
        return tr("Delete tiles")

    def help_text(self) -> str:
        return tr(
            "Deletes the selected tiles from the collection. Their files in S3 are not touched (register them "
            "again with 'Create tiles'). Nothing happens unless CONFIRM is set."
        )

    def act(self, client, collection_id, tile_id, bridge) -> str:
        client.delete_tile(collection_id, tile_id, cancel=bridge.cancel)
        return "DELETED"


class ReingestTiles(_TileActionAlgorithm):
    """Ask the service to ingest tiles again (after their files changed)."""

    NAME = "reingesttiles"
    GROUP = "tiles"

    def displayName(self) -> str:
        return tr("Reingest tiles")

    def help_text(self) -> str:
        return tr(
            "Asks the service to ingest the selected tiles again, e.g. after their files were overwritten or a "
            "failure was fixed. Follow with 'Wait for ingestion'."
        )

    def act(self, client, collection_id, tile_id, bridge) -> str:
        client.reingest_tile(collection_id, tile_id, cancel=bridge.cancel)
        return "REINGEST_REQUESTED"
