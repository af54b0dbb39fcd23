"""Service workflows on registered tiles, as the dock runs them: explain failures, re-trace covers, copy tiles.

Thin shells over :mod:`byoc_qgis.core.tile_workflows`; every tile gets a row (tile id, path, status, message) so a
tile that cannot be handled never hides the others.
"""

from __future__ import annotations

from typing import Any, Dict, List

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ...core import tile_workflows as wf
from ...core.cover import POLICIES
from ...translation import tr, tr_n
from ...wording import explanation_cause, explanation_fix, explanation_note, tile_result_text
from ..base import ServiceAlgorithm
from ..feedback import FeedbackBridge
from ..fields import WkbType, make_fields
from ..parameters import advanced
from ..tiles_common import add_tile_selection, selected_tile_ids, status_fields, status_row
from .create_tiles import s3_config

__all__ = ["ExplainFailure", "RetraceCover", "CopyTiles", "rule_fixes"]

EXPLAIN_FIELDS = [
    ("tile_id", "string"),
    ("path", "string"),
    ("status", "string"),
    ("cause", "string"),
    ("rule", "string"),
    ("fix", "string"),
    ("checked_files", "bool"),
    ("note", "string"),
]


def rule_fixes() -> Dict[str, str]:
    """A general fix per pre-flight rule, for a failure explained by its wording only (files not checked)."""
    from ...core.cog_rules import COGIFY_FIX

    return {
        "block-size": tr(
            "Re-create the file with BLOCKSIZE=1024 at every level, e.g. gdal_translate -of COG -co "
            "BLOCKSIZE=1024 (the Add tiles dialog's COGify step does this)."
        ),
        "overviews": tr("Build internal AVERAGE overviews down to about 1024 px (COGify does this)."),
        "tiled": COGIFY_FIX,
        "cog-layout": COGIFY_FIX,
        "readable": tr(
            "Check that every band file exists at the tile path in the collection's bucket (the (BAND) "
            "placeholder replaced by each band's source) and that Sentinel Hub may read the bucket."
        ),
        "header-size": tr("Re-create the file with bigger internal tiles (BLOCKSIZE=1024) or split it."),
        "compression": tr("Re-compress with DEFLATE or ZSTD (COGify does this)."),
        "photometric": tr("Drop the colour table / YCbCr and write plain grey or RGB bands (COGify)."),
        "georeferencing": tr("Georeference the file (a geotransform and an EPSG CRS)."),
        "crs": tr("Reproject to EPSG:4326, 3857, 3035 or a UTM zone (COGify with reprojection)."),
        "data-type": tr("Convert to UInt8, Int8, UInt16, Int16 or Float32 (COGify 'convert data type')."),
        "chunky-bands": tr("Write one file per band or a band-interleaved GeoTIFF."),
        "extension": tr("Give all files of the tile one extension, e.g. .tif."),
        "bounds": tr("Clip or warp all band files of a tile to the same extent (gdalwarp -te)."),
        "file-set": tr("Upload a file for every band source of the collection, with the same names in every tile."),
        "bit-depth": tr("Convert the file to the bit depth of the collection's band."),
        "sample-format": tr("Convert the file to the sample format of the collection's band."),
        "band-count": tr("Provide the missing band in the file or change the band's bandIndex."),
        "nodata": tr("Encode no-data as a value (GDAL_NODATA tag), e.g. COGify with a no-data value."),
    }


def _sink(alg, parameters, context, fields):
    sink, dest = alg.parameterAsSink(parameters, "OUTPUT", context, fields, WkbType.NoGeometry)
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, "OUTPUT"))
    return sink, dest


def _write(alg, parameters, context, results: List[wf.TileResult], bridge: FeedbackBridge) -> Any:
    fields = status_fields()
    sink, dest = _sink(alg, parameters, context, fields)
    for r in results:
        message = tile_result_text(r)
        sink.addFeature(status_row(fields, r.tile_id, r.path, r.status, message), QgsFeatureSink.Flag.FastInsert)
        if r.status in (wf.FAILED, wf.NOT_FOUND, wf.NO_DATA):
            bridge.warning(tr("{} ({}): {}").format(r.tile_id, r.path or "?", message))
    return dest


def _count(results: List[wf.TileResult], *statuses: str) -> int:
    return sum(1 for r in results if r.status in statuses)


class ExplainFailure(ServiceAlgorithm):
    """Why did these tiles fail to ingest, and how to fix it."""

    NAME = "explainfailure"
    GROUP = "tiles"
    USES_S3 = True

    def displayName(self) -> str:
        return tr("Explain ingestion failures")

    def help_text(self) -> str:
        return tr(
            "Explains why tiles FAILED to ingest: the service's cause, the pre-flight rule it breaks and how to fix "
            "it. With S3 settings (and CHECK_FILES) the tile's files are checked in the bucket and the finding that "
            "is the service's cause gives the exact rule and fix; otherwise the cause is matched to a rule by its "
            "wording. Give tiles in TILES (e.g. the selected features of a tiles layer) or TILE_IDS; without "
            "either, every FAILED tile of the collection is explained. Tiles that did not fail are listed as "
            "NOT_FAILED. Nothing is changed."
        )

    def init_parameters(self) -> None:
        self.add_collection_parameter()
        add_tile_selection(self)
        self.addParameter(
            QgsProcessingParameterBoolean(
                "CHECK_FILES", tr("Check the tiles' files in S3 (needs S3 settings)"), defaultValue=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Explanations"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber("EXPLAINED", tr("Failed tiles explained")))
        self.addOutput(QgsProcessingOutputString("RULES", tr("Rules broken (comma-separated)")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        client = self.connection.byoc()
        collection = self.resolve_collection(client, parameters, context, bridge)
        ids = selected_tile_ids(self, parameters, context, required=False)
        if not ids:
            ids = wf.failed_tile_ids(client, collection.id, cancel=bridge.cancel)
            bridge.info(
                tr_n("%n FAILED tile in collection {}", "%n FAILED tiles in collection {}", len(ids)).format(
                    collection.name
                )
            )
        s3 = None
        if self.parameterAsBoolean(parameters, "CHECK_FILES", context) and (self.s3.access_key or self.s3.endpoint):
            s3 = s3_config(self.s3, collection.s3_bucket)
        bands = {name: band.to_dict() for name, band in collection.bands.items()}
        generic = tr(
            "Run the pre-flight check on the tile's files (Add tiles dialog) and fix what it reports, then reingest."
        )
        results = wf.explain_failures(
            client, collection.id, ids, bands, s3, rule_fixes(), generic, bridge.fraction, bridge.cancel
        )
        fields = make_fields(EXPLAIN_FIELDS)
        sink, dest = _sink(self, parameters, context, fields)
        rules: List[str] = []
        for r in results:
            e = r.explanation
            feat = QgsFeature(fields)
            if e is None:
                feat.setAttributes([r.tile_id, r.path, r.status, "", "", "", False, tile_result_text(r)])
            else:
                scrub = s3.scrub if s3 is not None else None
                note = tr("the files could not be checked: {}").format(explanation_note(e, scrub)) if e.note else ""
                cause, fix = explanation_cause(e), explanation_fix(e, scrub)
                feat.setAttributes([r.tile_id, r.path, r.status, cause, e.rule or "", fix, e.checked_files, note])
                bridge.info(tr("{}: {} — rule {}: {}").format(r.path, cause, e.rule or "?", fix))
                if e.rule and e.rule not in rules:
                    rules.append(e.rule)
            sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)
        return {"OUTPUT": dest, "EXPLAINED": _count(results, wf.EXPLAINED), "RULES": ",".join(rules)}


class RetraceCover(ServiceAlgorithm):
    """Trace the cover of registered tiles again from their COGs in S3."""

    NAME = "retracecover"
    GROUP = "tiles"
    USES_S3 = True

    def displayName(self) -> str:
        return tr("Re-trace tile covers from their COGs")

    def help_text(self) -> str:
        return tr(
            "Traces the cover geometry of the selected tiles again from their COGs in the collection's bucket "
            "(overviews read through /vsis3/; the (BAND) placeholder replaced by each band's source) and updates "
            "the tiles with it, e.g. after their files were replaced or a cover was set by hand. A tile without any "
            "valid pixel keeps its cover (NO_DATA). With FAIL_ON_ERROR (the default) the algorithm fails when a tile "
            "could not be traced or updated; the others are updated."
        )

    def init_parameters(self) -> None:
        self.add_collection_parameter()
        add_tile_selection(self)
        self.addParameter(
            QgsProcessingParameterEnum(
                "POLICY", tr("Cover policy"), options=[tr("Contain all data"), tr("Exclude nodata")], defaultValue=0
            )
        )
        self.addParameter(
            advanced(
                QgsProcessingParameterNumber(
                    "MAX_POINTS",
                    tr("Cover: maximum points"),
                    QgsProcessingParameterNumber.Type.Integer,
                    95,
                    False,
                    5,
                    100,
                )
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean("FAIL_ON_ERROR", tr("Fail when a tile could not be re-traced"), True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Results"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber("RETRACED", tr("Tiles with a new cover")))
        self.addOutput(QgsProcessingOutputNumber("FAILED", tr("Tiles failed")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        ids = selected_tile_ids(self, parameters, context)
        client = self.connection.byoc()
        collection = self.resolve_collection(client, parameters, context, bridge)
        s3 = s3_config(self.s3, collection.s3_bucket)
        bands = {name: band.to_dict() for name, band in collection.bands.items()}
        policy = POLICIES[self.parameterAsEnum(parameters, "POLICY", context)]
        max_points = self.parameterAsInt(parameters, "MAX_POINTS", context)
        results = wf.retrace_covers(
            client, collection.id, ids, s3, bands, policy, max_points, bridge.fraction, bridge.cancel
        )
        dest = _write(self, parameters, context, results, bridge)
        done, failed = _count(results, wf.RETRACED), _count(results, wf.FAILED, wf.NOT_FOUND)
        bridge.info(
            tr_n("Cover traced again for {} of %n tile", "Cover traced again for {} of %n tiles", len(results)).format(
                done
            )
        )
        if failed and self.parameterAsBoolean(parameters, "FAIL_ON_ERROR", context):
            first = next(r for r in results if r.status in (wf.FAILED, wf.NOT_FOUND))
            raise QgsProcessingException(
                tr_n(
                    "{} of %n tile could not be re-traced (the others are updated); first: {}: {}",
                    "{} of %n tiles could not be re-traced (the others are updated); first: {}: {}",
                    len(results),
                ).format(failed, first.path or first.tile_id, tile_result_text(first))
            )
        return {"OUTPUT": dest, "RETRACED": done, "FAILED": failed}


class CopyTiles(ServiceAlgorithm):
    """Register tiles of one collection in another (the same paths, sensing times and covers)."""

    NAME = "copytiles"
    GROUP = "tiles"

    def displayName(self) -> str:
        return tr("Copy tiles to another collection")

    def help_text(self) -> str:
        return tr(
            "Registers the selected tiles of COLLECTION in TARGET_COLLECTION with the same path, sensing time and "
            "cover geometry. No file is copied: the target reads the same paths from its own bucket, so use a "
            "target on the same bucket (or copy the files first). Tiles whose path the target has already are "
            "kept as they are (ALREADY_REGISTERED); nothing is deleted."
        )

    def init_parameters(self) -> None:
        self.add_collection_parameter(tr("Source collection (id, or its exact name)"))
        self.add_collection_parameter(tr("Target collection (id, or its exact name)"), "TARGET_COLLECTION")
        add_tile_selection(self)
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Results"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber("COPIED", tr("Tiles registered in the target")))
        self.addOutput(QgsProcessingOutputNumber("EXISTS", tr("Tiles the target had already")))
        self.addOutput(QgsProcessingOutputNumber("MISSING", tr("Tiles no longer in the source")))
        self.addOutput(QgsProcessingOutputString("TARGET_ID", tr("Target collection id")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        ids = selected_tile_ids(self, parameters, context)
        client = self.connection.byoc()
        source = self.resolve_collection(client, parameters, context, bridge)
        target = self.resolve_collection(client, parameters, context, bridge, "TARGET_COLLECTION")
        if target.id == source.id:
            raise QgsProcessingException(tr("TARGET_COLLECTION is the source collection: choose another one"))
        if target.s3_bucket != source.s3_bucket:
            bridge.warning(
                tr("The target reads bucket {} and the source {}: the tiles' files must be in both").format(
                    target.s3_bucket, source.s3_bucket
                )
            )
        results = wf.copy_tiles(client, source.id, target.id, ids, bridge.fraction, bridge.cancel)
        dest = _write(self, parameters, context, results, bridge)
        copied, exists, missing = (_count(results, s) for s in (wf.COPIED, wf.EXISTS, wf.NOT_FOUND))
        bridge.info(
            tr("{registered}, {existing}, {missing}").format(
                registered=tr_n("%n tile registered", "%n tiles registered", copied),
                existing=tr_n("%n was there already", "%n were there already", exists),
                missing=tr_n("%n no longer exists", "%n no longer exist", missing),
            )
        )
        return {"OUTPUT": dest, "COPIED": copied, "EXISTS": exists, "MISSING": missing, "TARGET_ID": target.id}
