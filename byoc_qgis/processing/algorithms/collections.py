"""Collection algorithms: create, list, update (rename, band names, no-data), delete."""

from __future__ import annotations

import json
from typing import Any, Dict

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
    QgsProcessingParameterString,
)

from ...core.collection_edits import (
    BAD_BUCKET,
    BAND_COUNT,
    BAND_TWICE,
    BUCKET_FIXED,
    EMPTY_NAME,
    CollectionEditError,
    edit_collection,
)
from ...core.models import Band, Collection
from ...translation import tr, tr_n
from ...wording import worded_text
from ..base import ServiceAlgorithm
from ..feedback import FeedbackBridge
from ..fields import WkbType, make_fields, qdatetime

__all__ = ["CreateCollection", "ListCollections", "UpdateCollection", "DeleteCollection", "parse_bands", "edit_refusal"]

#: the BAND_TYPE enum (sample format, bit depth); the dock's collection dialog offers the same
BAND_TYPES = [("UINT", 8), ("UINT", 16), ("INT", 16), ("FLOAT", 32)]


def parse_bands(text: str, sample_format: str, bit_depth: int) -> Dict[str, Band]:
    """Bands from ``B02,B03`` (one single-band file per band) or a JSON object in the service's band form."""
    text = (text or "").strip()
    if not text:
        return {}
    if text.startswith("{"):
        try:
            raw = json.loads(text)
        except ValueError as exc:
            raise QgsProcessingException(tr("BANDS is not valid JSON: {}").format(exc)) from None
        if not isinstance(raw, dict):
            raise QgsProcessingException(tr("BANDS: expected a JSON object {name: {source, bandIndex, ...}}"))
        return {name: Band.from_dict(name, spec or {}) for name, spec in raw.items()}
    bands: Dict[str, Band] = {}
    for name in (part.strip() for part in text.split(",")):
        if not name:
            continue
        if name in bands:
            raise QgsProcessingException(tr("BANDS: band {!r} is listed twice").format(name))
        bands[name] = Band(name, source=name, band_index=1, bit_depth=bit_depth, sample_format=sample_format)
    return bands


class CreateCollection(ServiceAlgorithm):
    """Create a BYOC collection."""

    NAME = "createcollection"
    GROUP = "collections"
    USES_S3 = True

    def displayName(self) -> str:
        return tr("Create collection")

    def help_text(self) -> str:
        return tr(
            "Creates a BYOC collection for an S3 bucket and returns its id. Bands are optional: without them the "
            "service configures them from the first ingested tile (one band per file name). Give bands as "
            "'B02,B03,B04' (one single-band file per band, of the chosen type) or as the service's JSON form. "
            "With 'Reuse an existing collection' a collection of the same name and bucket is returned instead "
            "of creating a second one (for re-runnable models). With S3 settings (S3_AUTHCFG, S3_ENDPOINT or the "
            "AWS_* environment variables) the bucket is checked first (it exists, the keys are accepted); a "
            "problem stops the algorithm with its fix unless CHECK_BUCKET is off."
        )

    def init_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterString("NAME", tr("Collection name")))
        self.addParameter(QgsProcessingParameterString("BUCKET", tr("S3 bucket (name only, no s3://)")))
        self.addParameter(QgsProcessingParameterString("BANDS", tr("Bands (optional)"), optional=True))
        self.addParameter(
            QgsProcessingParameterEnum(
                "BAND_TYPE",
                tr("Band type (for a plain band list)"),
                options=["UINT8", "UINT16", "INT16", "FLOAT32"],
                defaultValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "NODATA",
                tr("Collection no-data value (optional)"),
                QgsProcessingParameterNumber.Type.Double,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "REUSE_EXISTING", tr("Reuse an existing collection with this name and bucket"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "CHECK_BUCKET", tr("Check the bucket first (needs the S3 settings)"), defaultValue=True
            )
        )
        self.addOutput(QgsProcessingOutputString("COLLECTION_ID", tr("Collection id")))
        self.addOutput(QgsProcessingOutputString("COLLECTION_NAME", tr("Collection name")))
        self.addOutput(QgsProcessingOutputString("BUCKET_NAME", tr("Bucket")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        name = (self.parameterAsString(parameters, "NAME", context) or "").strip()
        bucket = (self.parameterAsString(parameters, "BUCKET", context) or "").strip()
        if not name:
            raise QgsProcessingException(tr("NAME is empty"))
        if not bucket or bucket.startswith("s3://") or "/" in bucket:
            raise QgsProcessingException(tr("BUCKET must be a bucket name like my-bucket (no s3://, no folder)"))
        sample_format, bit_depth = BAND_TYPES[self.parameterAsEnum(parameters, "BAND_TYPE", context)]
        bands = parse_bands(self.parameterAsString(parameters, "BANDS", context), sample_format, bit_depth)
        nodata = None
        if parameters.get("NODATA") not in (None, ""):
            nodata = self.parameterAsDouble(parameters, "NODATA", context)
        client = self.connection.byoc()
        if self.parameterAsBoolean(parameters, "REUSE_EXISTING", context):
            for existing in client.iter_collections(cancel=bridge.cancel):
                if existing.name == name and existing.s3_bucket == bucket:
                    bridge.info(tr("Reusing collection {} ({})").format(existing.name, existing.id))
                    return self._result(existing)
        if self.parameterAsBoolean(parameters, "CHECK_BUCKET", context):
            self._check_bucket(bucket, bridge)
        bridge.fraction(0.3, tr("Creating collection"))
        created = client.create_collection(
            Collection(name=name, s3_bucket=bucket, bands=bands, no_data=nodata), cancel=bridge.cancel
        )
        bridge.info(tr("Created collection {} ({}) on bucket {}").format(created.name, created.id, created.s3_bucket))
        return self._result(created)

    def _check_bucket(self, bucket: str, bridge: FeedbackBridge) -> None:
        settings = self.s3
        if settings is None or not (settings.access_key or settings.endpoint):
            bridge.info(tr("Bucket {} not checked: no S3 settings given (S3_AUTHCFG, S3_ENDPOINT)").format(bucket))
            return
        from .create_tiles import check_bucket_or_fail, s3_config

        config = s3_config(settings, bucket)
        try:
            check_bucket_or_fail(config, bridge, write=False)
        except QgsProcessingException as exc:
            raise QgsProcessingException(
                tr("{} Nothing was created (set CHECK_BUCKET to false to create it anyway).").format(exc)
            ) from None

    @staticmethod
    def _result(collection: Collection) -> Dict[str, Any]:
        return {
            "COLLECTION_ID": collection.id,
            "COLLECTION_NAME": collection.name,
            "BUCKET_NAME": collection.s3_bucket,
        }


COLLECTION_FIELDS = [
    ("collection_id", "string"),
    ("name", "string"),
    ("s3_bucket", "string"),
    ("bands", "string"),
    ("no_data", "double"),
    ("created", "datetime"),
    ("is_configured", "bool"),
    ("has_sensing_times", "string"),
    ("from_sensing_time", "datetime"),
    ("to_sensing_time", "datetime"),
    ("max_m_px", "double"),
]


class ListCollections(ServiceAlgorithm):
    """List the account's collections as a table."""

    NAME = "listcollections"
    GROUP = "collections"

    def displayName(self) -> str:
        return tr("List collections")

    def help_text(self) -> str:
        return tr(
            "Lists the account's BYOC collections as a table (id, name, bucket, bands, creation and sensing-time "
            "range). SEARCH filters on the server: one word, or words joined by | (or) and & (and)."
        )

    def init_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterString("SEARCH", tr("Search (optional)"), optional=True))
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Collections"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Number of collections")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        search = (self.parameterAsString(parameters, "SEARCH", context) or "").strip() or None
        fields = make_fields(COLLECTION_FIELDS)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, WkbType.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        count = 0
        for c in self.connection.byoc().iter_collections(search=search, cancel=bridge.cancel):
            feat = QgsFeature(fields)
            feat.setAttributes(
                [
                    c.id,
                    c.name,
                    c.s3_bucket,
                    ",".join(c.bands),
                    c.no_data,
                    qdatetime(c.created),
                    c.is_configured,
                    c.has_sensing_times,
                    qdatetime(c.from_sensing_time),
                    qdatetime(c.to_sensing_time),
                    c.max_meters_per_pixel,
                ]
            )
            sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)
            count += 1
        bridge.info(tr_n("%n collection", "%n collections", count))
        return {"OUTPUT": dest, "COUNT": count}


def edit_refusal(exc: CollectionEditError) -> str:
    """The user's-language wording of an edit the service would refuse (the dock's collection dialog uses it too)."""
    words = {
        EMPTY_NAME: tr("The collection name is empty"),
        BUCKET_FIXED: tr("The bucket of a collection with tiles cannot change"),
        BAD_BUCKET: tr("Give the bucket name only (no s3://, no folder)"),
        BAND_COUNT: tr("Give one new name per band ({count} bands: {bands}); bands cannot be added or removed here"),
        BAND_TWICE: tr("Band names must be different"),
    }
    return words[exc.code].format(**exc.params)


class UpdateCollection(ServiceAlgorithm):
    """Change what the service still allows on a collection: name, band names, no-data (and the bucket while it has
    no tiles)."""

    NAME = "updatecollection"
    GROUP = "collections"

    def displayName(self) -> str:
        return tr("Update collection")

    def help_text(self) -> str:
        return tr(
            "Renames a BYOC collection, renames its bands or changes its no-data value; empty fields keep what the "
            "collection has. Band names are given in the bands' order, one per band (bands cannot be added or "
            "removed: the files keep their names, only the bands are renamed). The bucket can change only while "
            "the collection has no tiles. Nothing is sent when an edit would be refused."
        )

    def init_parameters(self) -> None:
        self.add_collection_parameter()
        self.addParameter(QgsProcessingParameterString("NAME", tr("New name (empty: keep)"), optional=True))
        self.addParameter(
            QgsProcessingParameterString("BUCKET", tr("New S3 bucket (empty: keep; only without tiles)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                "BAND_NAMES", tr("New band names, comma-separated in band order (empty: keep)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "NODATA", tr("New no-data value (empty: keep)"), QgsProcessingParameterNumber.Type.Double, optional=True
            )
        )
        self.addParameter(QgsProcessingParameterBoolean("CLEAR_NODATA", tr("Remove the no-data value"), False))
        self.addOutput(QgsProcessingOutputString("COLLECTION_ID", tr("Collection id")))
        self.addOutput(QgsProcessingOutputString("COLLECTION_NAME", tr("Collection name")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        client = self.connection.byoc()
        original = self.resolve_collection(client, parameters, context, bridge)
        name = (self.parameterAsString(parameters, "NAME", context) or "").strip() or original.name
        bucket = (self.parameterAsString(parameters, "BUCKET", context) or "").strip() or original.s3_bucket
        text = self.parameterAsString(parameters, "BAND_NAMES", context) or ""
        band_names = [n.strip() for n in text.split(",") if n.strip()] or list(original.bands)
        nodata = original.no_data
        if self.parameterAsBoolean(parameters, "CLEAR_NODATA", context):
            nodata = None
        elif parameters.get("NODATA") not in (None, ""):
            nodata = self.parameterAsDouble(parameters, "NODATA", context)
        has_tiles = bucket != original.s3_bucket and any(
            True for _ in client.iter_tiles(original.id, count=1, cancel=bridge.cancel)
        )
        try:
            updated = edit_collection(original, name, bucket, band_names, nodata, has_tiles)
        except CollectionEditError as exc:
            raise QgsProcessingException(tr("{} Nothing was changed.").format(edit_refusal(exc))) from None
        except ValueError as exc:  # a band name that is not a JavaScript identifier
            raise QgsProcessingException(tr("BAND_NAMES: {} Nothing was changed.").format(worded_text(exc))) from None
        client.update_collection(updated, cancel=bridge.cancel)
        bridge.info(tr("Updated collection {} ({})").format(updated.name, updated.id))
        return {"COLLECTION_ID": updated.id, "COLLECTION_NAME": updated.name}


class DeleteCollection(ServiceAlgorithm):
    """Delete a collection and its tiles (never the S3 files)."""

    NAME = "deletecollection"
    GROUP = "collections"

    def displayName(self) -> str:
        return tr("Delete collection")

    def help_text(self) -> str:
        return tr(
            "Deletes a BYOC collection and all its tiles from Sentinel Hub. The files in your S3 bucket are not "
            "touched. Nothing happens unless CONFIRM is set."
        )

    def init_parameters(self) -> None:
        self.add_collection_parameter()
        self.addParameter(
            QgsProcessingParameterBoolean(
                "CONFIRM",
                tr("I confirm: delete the collection and all its tiles (S3 files stay)"),
                defaultValue=False,
            )
        )
        self.addOutput(QgsProcessingOutputString("COLLECTION_ID", tr("Deleted collection id")))
        self.addOutput(QgsProcessingOutputNumber("DELETED_TILES", tr("Number of tiles deleted with it")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        if not self.parameterAsBoolean(parameters, "CONFIRM", context):
            raise QgsProcessingException(
                tr("Not deleted: set CONFIRM to delete the collection and its tiles (S3 files are kept)")
            )
        client = self.connection.byoc()
        collection = self.resolve_collection(client, parameters, context, bridge)
        tiles = sum(1 for _ in client.iter_all_tiles(collection.id, cancel=bridge.cancel))
        bridge.check()
        client.delete_collection(collection.id, cancel=bridge.cancel)
        bridge.info(
            tr_n(
                "Deleted collection {} ({}) and its %n tile; the files in bucket {} are untouched",
                "Deleted collection {} ({}) and its %n tiles; the files in bucket {} are untouched",
                tiles,
            ).format(collection.name, collection.id, collection.s3_bucket)
        )
        return {"COLLECTION_ID": collection.id, "DELETED_TILES": tiles}
