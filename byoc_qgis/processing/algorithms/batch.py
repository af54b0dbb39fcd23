"""Batch Processing API v2 algorithms: create (and start), start, status, wait, stop, results (VRT mosaics + cells).

Thin shells over :mod:`byoc_qgis.core.batch` and friends. Delivery S3 credentials come from S3_AUTHCFG (or the
``AWS_*`` environment variables) and go only into the create request's body and GDAL's per-bucket options: never
into outputs, logs, layer sources or the status table (whose ``request`` column is masked by the core).
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional, Tuple

from osgeo import ogr
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsProject,
)

from ...core import evalscripts
from ...core.batch import BatchClient, BatchRequest, BatchStatus, BatchTask, S3Delivery, wait_for_task
from ...core.batch_evalscript import batch_responses
from ...core.batch_grids import TILING_GRIDS, TooManyCells, estimate_output_bytes, grid_cells
from ...core.batch_mosaic import build_mosaics
from ...core.batch_paths import root_url, split_s3_url
from ...core.batch_results import NO_DATA, read_cells
from ...core.byoc import ByocClient
from ...core.cog_rules import is_allowed_epsg
from ...core.errors import CancelledError, TimeoutExpired
from ...core.process import DataSource, ProcessRequest
from ...core.reproject import Reprojector
from ...core.s3 import S3Error
from ...core.s3_layers import hold_bucket, release_unused
from ...translation import tr
from ..base import UUID_RE, ServiceAlgorithm
from ..crs import crs_definition, epsg_of, wgs84
from ..feedback import FeedbackBridge
from ..fields import WkbType, make_fields, qdatetime
from ..parameters import add_evalscript_parameters, advanced, evalscript_from_parameters
from .create_tiles import check_bucket_or_fail, s3_config
from .process import MOSAICKING, time_range

__all__ = [
    "BatchCreate",
    "BatchStart",
    "BatchStatusAlgorithm",
    "BatchWait",
    "BatchStop",
    "BatchResults",
    "watch_project",
    "GRID_IDS",
]

GRID_IDS = [0, 1, 2, 3, 6, 7]
DEFAULT_PATH = "<requestId>/<tileName>/<outputId>.<format>"
MAX_REPORTED = 20  # failed cells named one by one in the log
SAMPLE_BYTES = {"AUTO": 1, "UINT8": 1, "INT8": 1, "UINT16": 2, "INT16": 2, "FLOAT32": 4}


def _grid_labels() -> List[str]:
    return [
        tr("UTM 20 km (id 0): 10, 20, 30, 60 m"),
        tr("UTM 10 km (id 1): 10, 20 m"),
        tr("UTM 100 km (id 2): 30, 60, 120, 240, 360 m"),
        tr("WGS84 1° (id 3): 0.0001, 0.0002°"),
        tr("LAEA 100 km (id 6, Europe): 40, 50, 100 m"),
        tr("LAEA 20 km (id 7, Europe): 10, 20 m"),
    ]


def _raster_hint():
    """The 'raster' layer hint of QgsProcessingContext.LayerDetails (QGIS 3.22..4)."""
    from qgis.core import Qgis

    hints = getattr(Qgis, "ProcessingLayerHint", None) or getattr(QgsProcessingUtils, "LayerHint", None)
    return getattr(hints, "Raster", None) if hints is not None else None


class _BatchAlgorithm(ServiceAlgorithm):
    """Group 'Batch Processing API' and the TASK_ID parameter."""

    GROUP = "batch"

    def group(self) -> str:
        return tr("Batch Processing API")

    def groupId(self) -> str:  # noqa: N802 - QGIS API name
        return "batch"

    def tags(self):
        return super().tags() + ["batch", "tiling grid", "mosaic"]

    def add_task_parameter(self, optional: bool = False) -> None:
        self.addParameter(
            QgsProcessingParameterString(
                "TASK_ID",
                tr("Batch task id (empty: every task of the account)") if optional else tr("Batch task id"),
                optional=optional,
            )
        )

    def task_id(self, parameters, context, required: bool = True) -> str:
        value = (self.parameterAsString(parameters, "TASK_ID", context) or "").strip()
        if not value and not required:
            return ""
        if not UUID_RE.match(value):
            raise QgsProcessingException(
                tr(
                    "TASK_ID {!r} is not a batch task id (a UUID such as the TASK_ID output of 'Create batch task')"
                ).format(value)
            )
        return value

    def batch_client(self) -> BatchClient:
        return BatchClient(self.connection.http())


# -- create -------------------------------------------------------------------------------------------------------
class BatchCreate(_BatchAlgorithm):
    """Create a batch task over an area (and start it with START)."""

    NAME = "batchcreate"
    USES_S3 = True

    def displayName(self) -> str:
        return tr("Create batch task")

    def shortHelpString(self) -> str:
        return tr(
            "Creates a Batch Processing API (v2) task: the evalscript runs on the service over every cell of a "
            "tiling grid that touches the area (EXTENT, or the polygons of AOI), and each cell's outputs are "
            "written as GeoTIFF/COG files to your S3 bucket under PATH (placeholders <requestId>, <tileName>, "
            "<outputId>, <format>; a plain folder means <folder>/<requestId>/<tileName>/<outputId>.<format>). The "
            "service writes with the S3 keys of S3_AUTHCFG (or an IAM role, IAM_ROLE_ARN); they are sent in the "
            "request and never shown. RESOLUTION is in the grid's units and must be one it offers. The evalscript "
            "is the given text or file, or generated from the collection's bands as in 'Process request to raster'; "
            "OUTPUTS picks the evalscript outputs to deliver (default: all). CREATE_COLLECTION registers the COGs "
            "as a new BYOC collection (needs COG and <outputId> in PATH). The number of cells is computed before "
            "anything is sent (MAX_CELLS guards against huge areas). With START the service analyses the task and "
            "processes it at once (this costs processing units); otherwise start it with 'Start batch task'. "
            "Follow with 'Wait for batch task' and 'Batch results to layers'."
        )

    def init_parameters(self) -> None:
        self.add_collection_parameter()
        self.addParameter(QgsProcessingParameterExtent("EXTENT", tr("Area: extent"), optional=True))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "AOI", tr("…or area: polygon layer"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(QgsProcessingParameterEnum("GRID", tr("Tiling grid"), options=_grid_labels(), defaultValue=0))
        self.addParameter(
            QgsProcessingParameterNumber(
                "RESOLUTION",
                tr("Resolution (grid units: metres, degrees for the WGS84 grid)"),
                QgsProcessingParameterNumber.Type.Double,
                60.0,
                False,
                0.0,
            )
        )
        for name, label in (("BUFFER_X", tr("Buffer X (pixels each side)")), ("BUFFER_Y", tr("Buffer Y (pixels)"))):
            self.addParameter(
                advanced(
                    QgsProcessingParameterNumber(
                        name, label, QgsProcessingParameterNumber.Type.Integer, 0, False, 0, 32767
                    )
                )
            )
        self.addParameter(QgsProcessingParameterString("TIME_FROM", tr("From (ISO 8601 date or time)"), optional=True))
        self.addParameter(QgsProcessingParameterString("TIME_TO", tr("To (ISO 8601 date or time)"), optional=True))
        self.addParameter(
            QgsProcessingParameterEnum(
                "MOSAICKING",
                tr("Mosaicking order"),
                options=[tr("Most recent on top"), tr("Least recent on top")],
                defaultValue=0,
            )
        )
        add_evalscript_parameters(self)
        self.addParameter(
            advanced(
                QgsProcessingParameterString(
                    "OUTPUTS",
                    tr("Outputs to deliver (evalscript output ids, comma-separated; empty: all)"),
                    optional=True,
                )
            )
        )
        self.addParameter(QgsProcessingParameterString("BUCKET", tr("Delivery S3 bucket")))
        self.addParameter(
            QgsProcessingParameterString("PATH", tr("Path in the bucket (folder or template)"), DEFAULT_PATH)
        )
        self.addParameter(QgsProcessingParameterBoolean("COG", tr("Cloud Optimized GeoTIFF outputs"), True))
        self.addParameter(
            QgsProcessingParameterBoolean(
                "CREATE_COLLECTION", tr("Register the outputs as a new BYOC collection"), False
            )
        )
        self.addParameter(
            advanced(QgsProcessingParameterBoolean("OVERWRITE", tr("Overwrite existing output files"), False))
        )
        self.addParameter(
            advanced(QgsProcessingParameterBoolean("SKIP_EXISTING", tr("Skip cells whose outputs exist"), False))
        )
        self.addParameter(
            advanced(
                QgsProcessingParameterString(
                    "IAM_ROLE_ARN", tr("IAM role the service assumes to write (instead of S3 keys)"), optional=True
                )
            )
        )
        self.addParameter(
            advanced(
                QgsProcessingParameterBoolean(
                    "CHECK_BUCKET", tr("Check that the bucket is reachable with the S3 keys first"), True
                )
            )
        )
        self.addParameter(
            advanced(
                QgsProcessingParameterNumber(
                    "MAX_CELLS",
                    tr("Refuse areas touching more grid cells than"),
                    QgsProcessingParameterNumber.Type.Integer,
                    20000,
                    False,
                    1,
                )
            )
        )
        self.addParameter(QgsProcessingParameterString("DESCRIPTION", tr("Description"), optional=True))
        self.addParameter(
            QgsProcessingParameterBoolean("START", tr("Start now (analyse and process; uses processing units)"), False)
        )
        self.addOutput(QgsProcessingOutputString("TASK_ID", tr("Batch task id")))
        self.addOutput(QgsProcessingOutputString("STATUS", tr("Status")))
        self.addOutput(QgsProcessingOutputNumber("CELLS", tr("Grid cells")))
        self.addOutput(QgsProcessingOutputString("DELIVERY_URL", tr("Delivery path template")))
        self.addOutput(QgsProcessingOutputString("ROOT_URL", tr("Folder of the execution database and manifest")))

    # -- the area ----------------------------------------------------------------------------------------------
    def _area(self, parameters, context) -> Tuple[Optional[List[float]], Optional[Dict[str, Any]], int]:
        """(bbox, GeoJSON geometry, EPSG) of the area; coordinates reprojected with GDAL only (see core.reproject)."""
        has_extent = bool(parameters.get("EXTENT"))
        source = self.parameterAsSource(parameters, "AOI", context) if parameters.get("AOI") else None
        if has_extent and source is not None:
            raise QgsProcessingException(tr("Give the area as EXTENT or as an AOI layer, not both"))
        if source is not None:
            return self._layer_area(source)
        if not has_extent:
            raise QgsProcessingException(tr("Give the area: EXTENT or an AOI polygon layer"))
        extent = self.parameterAsExtent(parameters, "EXTENT", context)  # in its own CRS: no QGIS reprojection
        crs = self.parameterAsExtentCrs(parameters, "EXTENT", context)
        if extent.isEmpty():
            raise QgsProcessingException(tr("EXTENT is empty"))
        bbox = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]
        if not crs.isValid():
            return bbox, None, 4326  # an extent without CRS: longitudes and latitudes
        epsg = epsg_of(crs)
        if is_allowed_epsg(epsg):
            return bbox, None, int(epsg)
        ring = ogr.CreateGeometryFromWkt(
            "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(*bbox)  # noqa: UP030
        )
        ring.Segmentize(max(bbox[2] - bbox[0], bbox[3] - bbox[1]) / 32.0)
        Reprojector(4326).ogr_geometry(crs_definition(crs), ring)
        return None, json.loads(ring.ExportToJson()), 4326

    def _layer_area(self, source) -> Tuple[Optional[List[float]], Optional[Dict[str, Any]], int]:
        parts = ogr.Geometry(ogr.wkbMultiPolygon)
        for feature in source.getFeatures():
            geom = feature.geometry()
            if geom is None or geom.isEmpty():
                continue
            ogr_geom = ogr.CreateGeometryFromWkb(bytes(geom.asWkb()))
            flat = ogr.GT_Flatten(ogr_geom.GetGeometryType())
            if flat == ogr.wkbPolygon:
                parts.AddGeometry(ogr_geom)
            elif flat == ogr.wkbMultiPolygon:
                for i in range(ogr_geom.GetGeometryCount()):
                    parts.AddGeometry(ogr_geom.GetGeometryRef(i))
        if parts.GetGeometryCount() == 0:
            raise QgsProcessingException(tr("The AOI layer has no polygon"))
        area = parts.UnionCascaded()
        crs = source.sourceCrs()
        epsg = epsg_of(crs) if crs.isValid() else 4326
        if not is_allowed_epsg(epsg):
            area.Segmentize(_span(area) / 32.0)  # straight edges stay right once curved in lon/lat
            Reprojector(4326).ogr_geometry(crs_definition(crs), area)
            epsg = 4326
        area.FlattenTo2D()
        return None, json.loads(area.ExportToJson()), int(epsg)

    def _evalscript(self, parameters, context, collection) -> str:
        # the same parameters and generated scripts as 'Process request to raster' (core.evalscripts), GeoTIFF
        return evalscript_from_parameters(self, parameters, context, collection, "tif")

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        grid_id = GRID_IDS[self.parameterAsEnum(parameters, "GRID", context)]
        grid = TILING_GRIDS[grid_id]
        resolution = grid.check_resolution(self.parameterAsDouble(parameters, "RESOLUTION", context))
        buffer_x = self.parameterAsInt(parameters, "BUFFER_X", context)
        buffer_y = self.parameterAsInt(parameters, "BUFFER_Y", context)
        bbox, geometry, epsg = self._area(parameters, context)
        time_from, time_to = time_range(
            self.parameterAsString(parameters, "TIME_FROM", context),
            self.parameterAsString(parameters, "TIME_TO", context),
        )
        bucket = (self.parameterAsString(parameters, "BUCKET", context) or "").strip()
        path = (self.parameterAsString(parameters, "PATH", context) or "").strip().lstrip("/")
        if not bucket or "/" in bucket or bucket.startswith("s3:"):
            raise QgsProcessingException(tr("BUCKET: give the bare bucket name (no s3://, no folder)"))
        url = f"s3://{bucket}/{path}" if path else f"s3://{bucket}"
        max_cells = self.parameterAsInt(parameters, "MAX_CELLS", context)
        try:
            cells = grid_cells(grid_id, resolution, geometry, bbox, epsg, buffer_x, buffer_y, max_cells=max_cells)
        except TooManyCells:
            raise QgsProcessingException(
                tr(
                    "The area touches more than {} cells of grid {}: use a smaller area, a coarser grid or raise "
                    "MAX_CELLS"
                ).format(max_cells, grid.name)
            ) from None
        if not cells:
            raise QgsProcessingException(tr("The area touches no cell of grid {}").format(grid.name))

        http = self.connection.http()
        collection = self.resolve_collection(ByocClient(http), parameters, context, bridge)
        evalscript = self._evalscript(parameters, context, collection)
        wanted = [o for o in (self.parameterAsString(parameters, "OUTPUTS", context) or "").split(",") if o.strip()]
        responses = batch_responses(evalscript, wanted)
        self._report_cells(cells, evalscript, len(responses), bridge)

        role = (self.parameterAsString(parameters, "IAM_ROLE_ARN", context) or "").strip() or None
        s3 = s3_config(self.s3, bucket)
        if role:
            delivery = S3Delivery(url, iam_role_arn=role, region=s3.region or None)
        else:
            if not s3.access_key:
                raise QgsProcessingException(
                    tr(
                        "The service needs S3 keys to write to bucket {}: choose S3 credentials (S3_AUTHCFG), set "
                        "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give IAM_ROLE_ARN"
                    ).format(bucket)
                )
            if self.parameterAsBoolean(parameters, "CHECK_BUCKET", context):
                check_bucket_or_fail(s3, bridge, write=False)
            delivery = S3Delivery.from_s3_config(url, s3)
        source = DataSource(
            collection.id,
            time_from=time_from,
            time_to=time_to,
            mosaicking_order=MOSAICKING[self.parameterAsEnum(parameters, "MOSAICKING", context)],
        )
        process = ProcessRequest(
            evalscript=evalscript, data=[source], bbox=bbox, geometry=geometry, crs=epsg, responses=responses
        )
        description = (self.parameterAsString(parameters, "DESCRIPTION", context) or "").strip()
        request = BatchRequest(
            process,
            grid_id=grid_id,
            resolution=resolution,
            delivery=delivery,
            buffer_x=buffer_x,
            buffer_y=buffer_y,
            cog_output=self.parameterAsBoolean(parameters, "COG", context),
            overwrite=self.parameterAsBoolean(parameters, "OVERWRITE", context),
            skip_existing=self.parameterAsBoolean(parameters, "SKIP_EXISTING", context),
            create_collection=self.parameterAsBoolean(parameters, "CREATE_COLLECTION", context),
            description=description or f"QGIS: {collection.name}, {grid.name} {resolution:g}",
        )
        request.validate()  # ValueError names the field (template, COG, outputs) before anything is sent
        client = BatchClient(http)
        task = client.create(request, cancel=bridge.cancel)
        bridge.info(tr("Batch task {} created ({} cells)").format(task.id, len(cells)))
        if self.parameterAsBoolean(parameters, "START", context):
            try:
                client.start(task.id, cancel=bridge.cancel)
                task = client.get_task(task.id, cancel=bridge.cancel)
            except Exception as exc:
                raise QgsProcessingException(
                    tr("Batch task {} was created but could not be started: {}").format(task.id, exc)
                ) from None
            bridge.info(tr("Batch task {} started: {}").format(task.id, task.status_text))
        return {
            "TASK_ID": task.id,
            "STATUS": task.status_text,
            "CELLS": len(cells),
            "DELIVERY_URL": url,
            "ROOT_URL": root_url(url, task.id),
        }

    @staticmethod
    def _report_cells(cells, evalscript: str, n_outputs: int, bridge: FeedbackBridge) -> None:
        per_crs: Dict[int, int] = {}
        for cell in cells:
            per_crs[cell.epsg] = per_crs.get(cell.epsg, 0) + 1
        declared = evalscripts.script_outputs(evalscript)
        bands = sum(b or 1 for b, _t in declared) or n_outputs
        sample = max((SAMPLE_BYTES.get(t, 4) for _b, t in declared), default=1)
        size = estimate_output_bytes(cells, bands, sample)
        crs_text = ", ".join(f"EPSG:{k} {v}" for k, v in sorted(per_crs.items()))
        bridge.info(
            tr("{} grid cells of {} x {} px ({}); about {:.1f} MB uncompressed output").format(
                len(cells), cells[0].width, cells[0].height, crs_text, size / 1e6
            )
        )


# -- start --------------------------------------------------------------------------------------------------------
class BatchStart(_BatchAlgorithm):
    """Analyse or start a batch task."""

    NAME = "batchstart"

    def displayName(self) -> str:
        return tr("Start batch task")

    def shortHelpString(self) -> str:
        return tr(
            "Starts a batch task: a new task is analysed and then processed, a stopped one resumes (Sentinel Hub "
            "allows that 30 minutes after the stop). Processing costs processing units. With ANALYSE_ONLY the "
            "service only analyses it (cells and feature manifest), which costs nothing."
        )

    def init_parameters(self) -> None:
        self.add_task_parameter()
        self.addParameter(
            QgsProcessingParameterBoolean("ANALYSE_ONLY", tr("Only analyse (no processing)"), defaultValue=False)
        )
        self.addOutput(QgsProcessingOutputString("TASK_ID", tr("Batch task id")))
        self.addOutput(QgsProcessingOutputString("STATUS", tr("Status")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        tid = self.task_id(parameters, context)
        client = self.batch_client()
        if self.parameterAsBoolean(parameters, "ANALYSE_ONLY", context):
            client.analyse(tid, cancel=bridge.cancel)
        else:
            client.start(tid, cancel=bridge.cancel)
        task = client.get_task(tid, cancel=bridge.cancel)
        bridge.info(tr("Batch task {}: {}").format(tid, task.status_text))
        return {"TASK_ID": tid, "STATUS": task.status_text}


# -- status -------------------------------------------------------------------------------------------------------
STATUS_FIELDS = [
    ("task_id", "string"),
    ("status", "string"),
    ("user_action", "string"),
    ("completion", "double"),
    ("cost_pu", "double"),
    ("created", "datetime"),
    ("last_updated", "datetime"),
    ("description", "string"),
    ("grid_id", "int"),
    ("resolution", "double"),
    ("delivery_url", "string"),
    ("collection_id", "string"),
    ("error", "string"),
    ("stopped_reason", "string"),
    ("request", "string"),
]


def _status_feature(fields, task: BatchTask) -> QgsFeature:
    feature = QgsFeature(fields)
    reason = task.stopped_status_reason
    action = task.user_action
    values = {
        "task_id": task.id,
        "status": task.status_text,
        "user_action": action.value if action is not None else "",
        "completion": task.completion_percentage,
        "cost_pu": task.cost_pu,
        "created": qdatetime(task.created),
        "last_updated": qdatetime(task.last_updated),
        "description": task.description,
        "grid_id": task.grid_id,
        "resolution": task.resolution,
        "delivery_url": task.delivery_url or "",
        "collection_id": task.collection_id or "",
        "error": task.error or "",
        "stopped_reason": reason.value if reason is not None else "",
        "request": json.dumps(task.request, sort_keys=True),  # delivery keys masked by the core
    }
    for name, value in values.items():
        if value is not None:
            feature[name] = value
    return feature


class BatchStatusAlgorithm(_BatchAlgorithm):
    """One batch task, or every task of the account, as a table."""

    NAME = "batchstatus"

    def displayName(self) -> str:
        return tr("Batch task status")

    def shortHelpString(self) -> str:
        return tr(
            "Writes the status of one batch task (TASK_ID), or of every task of the account (optionally those "
            "matching SEARCH), to a table: status, last action, completion %, processing units spent, dates, "
            "grid, delivery path, error and the request as sent (S3 keys masked)."
        )

    def init_parameters(self) -> None:
        self.add_task_parameter(optional=True)
        self.addParameter(
            QgsProcessingParameterString(
                "SEARCH", tr("Search (words joined by | or &; without TASK_ID)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Batch tasks"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Tasks")))
        self.addOutput(QgsProcessingOutputString("STATUS", tr("Status (one task)")))
        self.addOutput(QgsProcessingOutputNumber("COMPLETION", tr("Completion % (one task)")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        tid = self.task_id(parameters, context, required=False)
        search = (self.parameterAsString(parameters, "SEARCH", context) or "").strip() or None
        client = self.batch_client()
        fields = make_fields(STATUS_FIELDS)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, WkbType.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        tasks = (
            [client.get_task(tid, cancel=bridge.cancel)]
            if tid
            else client.iter_tasks(search=search, sort="created:desc", cancel=bridge.cancel)
        )
        count = 0
        last: Optional[BatchTask] = None
        for task in tasks:
            sink.addFeature(_status_feature(fields, task), QgsFeatureSink.Flag.FastInsert)
            count += 1
            last = task
        if tid and last is not None:
            bridge.info(tr("Batch task {}: {}, {:.0f}% done").format(tid, last.status_text, last.completion_percentage))
        else:
            bridge.info(tr("{} batch tasks").format(count))
        single = tid and last is not None
        return {
            "OUTPUT": dest,
            "COUNT": count,
            "STATUS": last.status_text if single else "",
            "COMPLETION": last.completion_percentage if single else None,
        }


# -- wait ---------------------------------------------------------------------------------------------------------
class BatchWait(_BatchAlgorithm):
    """Follow a batch task until it is done (or analysed)."""

    NAME = "batchwait"

    def displayName(self) -> str:
        return tr("Wait for batch task")

    def shortHelpString(self) -> str:
        return tr(
            "Polls a batch task (with backoff, at most every POLL_MAX seconds) and shows its completion percentage "
            "until it is DONE, FAILED or STOPPED (or, with UNTIL = analysis, analysed). Cancelling this algorithm "
            "leaves the task running on the service unless STOP_ON_CANCEL is set: that is your confirmation, given "
            "in advance, that Cancel also stops the task (work done so far is still charged). FAIL_ON_FAILED makes "
            "the algorithm fail (and stops a model) when the task ends FAILED or STOPPED or was never started."
        )

    def init_parameters(self) -> None:
        self.add_task_parameter()
        self.addParameter(
            QgsProcessingParameterEnum(
                "UNTIL", tr("Wait until"), options=[tr("Done"), tr("Analysed (cells known)")], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TIMEOUT",
                tr("Give up after (seconds; the task keeps running)"),
                QgsProcessingParameterNumber.Type.Double,
                86400,
                False,
                1,
            )  # fmt: skip
        )
        self.addParameter(
            advanced(
                QgsProcessingParameterNumber(
                    "POLL_MAX",
                    tr("Longest pause between polls (seconds)"),
                    QgsProcessingParameterNumber.Type.Double,
                    30,
                    False,
                    0.1,
                )  # fmt: skip
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "STOP_ON_CANCEL", tr("Cancel also stops the batch task (confirmation)"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "FAIL_ON_FAILED", tr("Fail when the task ends FAILED or STOPPED, or was never started"), True
            )
        )
        self.addOutput(QgsProcessingOutputString("TASK_ID", tr("Batch task id")))
        self.addOutput(QgsProcessingOutputString("STATUS", tr("Status")))
        self.addOutput(QgsProcessingOutputNumber("COMPLETION", tr("Completion %")))
        self.addOutput(QgsProcessingOutputNumber("COST_PU", tr("Processing units spent")))
        self.addOutput(QgsProcessingOutputString("ERROR", tr("Error")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        tid = self.task_id(parameters, context)
        until = "analysis" if self.parameterAsEnum(parameters, "UNTIL", context) == 1 else "done"
        timeout = self.parameterAsDouble(parameters, "TIMEOUT", context)
        poll_max = self.parameterAsDouble(parameters, "POLL_MAX", context)
        stop_on_cancel = self.parameterAsBoolean(parameters, "STOP_ON_CANCEL", context)
        client = self.batch_client()
        seen = {"status": ""}

        def on_poll(task: BatchTask) -> None:
            if task.status_text != seen["status"]:
                seen["status"] = task.status_text
                bridge.info(tr("Batch task {}: {}").format(tid, task.status_text))

        try:
            task = wait_for_task(
                client,
                tid,
                until=until,
                timeout=timeout,
                progress=bridge.fraction,
                cancel=bridge.cancel,
                initial_delay=min(1.0, poll_max),
                max_delay=poll_max,
                on_poll=on_poll,
            )
        except CancelledError:
            if not stop_on_cancel:
                raise QgsProcessingException(
                    tr(
                        "Cancelled; batch task {} keeps running on the service (stop it with 'Stop batch task', or "
                        "set STOP_ON_CANCEL)"
                    ).format(tid)
                ) from None
            client.stop(tid)  # not cancellable: the user asked for the stop
            task = client.get_task(tid)
            raise QgsProcessingException(
                tr("Cancelled; batch task {} was stopped (STOP_ON_CANCEL): {}").format(tid, task.status_text)
            ) from None
        except TimeoutExpired as exc:
            raise QgsProcessingException(str(exc)) from None
        status = task.status
        expected = BatchStatus.ANALYSIS_DONE if until == "analysis" else BatchStatus.DONE
        reached = status is expected or (until == "analysis" and status is not None and status.is_final)
        if status is BatchStatus.FAILED or status is BatchStatus.STOPPED or not reached:
            if status is BatchStatus.FAILED or status is BatchStatus.STOPPED:
                reason = task.error or (task.stopped_status_reason.value if task.stopped_status_reason else "")
                message = tr("Batch task {} ended {}: {}").format(tid, task.status_text, reason or "-")
            else:
                message = tr("Batch task {} is {} and nobody started it: run 'Start batch task'").format(
                    tid, task.status_text
                )
            if self.parameterAsBoolean(parameters, "FAIL_ON_FAILED", context):
                raise QgsProcessingException(message)
            bridge.warning(message)
        cost = task.cost_pu
        bridge.info(
            tr("Batch task {}: {}, {:.0f}% done, {} PU").format(
                tid, task.status_text, task.completion_percentage, "-" if cost is None else f"{cost:.1f}"
            )
        )
        return {
            "TASK_ID": tid,
            "STATUS": task.status_text,
            "COMPLETION": task.completion_percentage,
            "COST_PU": cost,
            "ERROR": task.error or "",
        }


# -- stop ---------------------------------------------------------------------------------------------------------
class BatchStop(_BatchAlgorithm):
    """Stop a batch task (CONFIRM)."""

    NAME = "batchstop"

    def displayName(self) -> str:
        return tr("Stop batch task")

    def shortHelpString(self) -> str:
        return tr(
            "Stops a batch task that is being analysed, waits to be processed or is processing. Cells already "
            "rendered or in progress are kept (and charged); a stopped task can be started again later ('Start "
            "batch task'; Sentinel Hub allows it 30 minutes after the stop). Nothing happens unless CONFIRM is set."
        )

    def init_parameters(self) -> None:
        self.add_task_parameter()
        self.addParameter(
            QgsProcessingParameterBoolean("CONFIRM", tr("I confirm: stop this batch task"), defaultValue=False)
        )
        self.addOutput(QgsProcessingOutputString("TASK_ID", tr("Batch task id")))
        self.addOutput(QgsProcessingOutputString("STATUS", tr("Status")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        tid = self.task_id(parameters, context)
        if not self.parameterAsBoolean(parameters, "CONFIRM", context):
            raise QgsProcessingException(tr("Not stopped: set CONFIRM to stop batch task {}").format(tid))
        client = self.batch_client()
        client.stop(tid, cancel=bridge.cancel)
        task = client.get_task(tid, cancel=bridge.cancel)
        bridge.info(tr("Batch task {}: {} ({:.0f}% done)").format(tid, task.status_text, task.completion_percentage))
        return {"TASK_ID": tid, "STATUS": task.status_text}


# -- results ------------------------------------------------------------------------------------------------------
CELL_FIELDS = [
    ("name", "string"),
    ("cell_id", "int"),
    ("epsg", "int"),
    ("status", "string"),
    ("error", "string"),
    ("delivered", "bool"),
    ("width", "int"),
    ("height", "int"),
    ("outputs", "string"),
]


def _same_file(a: str, b: str) -> bool:
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


_watched: List[Any] = []


def _release_unused_holds(project) -> None:
    sources = [layer.source().split("|")[0] for layer in project.mapLayers().values()]
    from ...core.s3_layers import held_buckets

    in_use = [owner for owner in held_buckets() if any(_same_file(owner, s) for s in sources if s)]
    release_unused(in_use)


def watch_project(project=None) -> None:
    """Release a mosaic's bucket options once no layer of ``project`` (default: the current one) reads it.

    Call on the main thread; connecting twice to the same project is a no-op.
    """
    project = project or QgsProject.instance()
    if any(p is project for p in _watched):
        return
    _watched.append(project)
    project.layersRemoved.connect(lambda _ids: _release_unused_holds(project))


class BatchResults(_BatchAlgorithm):
    """The delivered outputs as VRT mosaics over /vsis3/ and the grid cells with their status."""

    NAME = "batchresults"
    USES_S3 = True

    def displayName(self) -> str:
        return tr("Batch results to layers")

    def shortHelpString(self) -> str:
        return tr(
            "Opens what a batch task delivered without downloading it: for each raster output a VRT mosaic of the "
            "delivered cell files, read from the bucket through GDAL /vsis3/ (one VRT per CRS when the cells span "
            "several UTM zones), added as raster layers; and the grid cells as a polygon layer with each cell's "
            "status (PENDING, DONE, FATAL), error ('No data' for cells without data) and output paths, from the "
            "task's execution database and feature manifest. Works while the task runs (what is delivered so far). "
            "S3_AUTHCFG (or the AWS_* variables) gives the keys of the delivery bucket: they stay in GDAL's "
            "per-bucket options while the layers are in the project and never appear in the VRTs or layer sources."
        )

    def init_parameters(self) -> None:
        self.add_task_parameter()
        self.addParameter(
            QgsProcessingParameterString(
                "OUTPUTS", tr("Outputs (ids, comma-separated; empty: every raster output)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs("OUTPUT_CRS", tr("CRS of the cells layer"), "EPSG:4326", optional=True)
        )
        self.addParameter(QgsProcessingParameterFolderDestination("FOLDER", tr("Folder for the VRT mosaics")))
        self.addParameter(
            QgsProcessingParameterFeatureSink("CELLS", tr("Grid cells"), QgsProcessing.SourceType.TypeVectorPolygon)
        )
        self.addOutput(QgsProcessingOutputMultipleLayers("LAYERS", tr("Mosaics")))
        self.addOutput(QgsProcessingOutputNumber("MOSAICS", tr("Mosaics (VRT files)")))
        self.addOutput(QgsProcessingOutputNumber("TOTAL", tr("Grid cells")))
        self.addOutput(QgsProcessingOutputNumber("DELIVERED", tr("Cells delivered")))
        self.addOutput(QgsProcessingOutputNumber("NO_DATA", tr("Cells without data")))
        self.addOutput(QgsProcessingOutputNumber("FAILED", tr("Cells failed")))
        self.addOutput(QgsProcessingOutputNumber("PENDING", tr("Cells pending")))
        self.addOutput(QgsProcessingOutputString("STATUS", tr("Task status")))

    def postProcessAlgorithm(self, context, feedback) -> Dict[str, Any]:  # noqa: N802 - QGIS API name
        watch_project(context.project() or QgsProject.instance())  # main thread: release holds with the layers
        return {}

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        tid = self.task_id(parameters, context)
        wanted = [o for o in (self.parameterAsString(parameters, "OUTPUTS", context) or "").split(",") if o.strip()]
        folder = self.parameterAsString(parameters, "FOLDER", context)
        crs = self.parameterAsCrs(parameters, "OUTPUT_CRS", context)
        crs = crs if crs.isValid() else wgs84()
        client = self.batch_client()
        task = client.get_task(tid, cancel=bridge.cancel)
        if not task.delivery_url:
            raise QgsProcessingException(tr("Batch task {} has no S3 delivery").format(tid))
        bucket, _key = split_s3_url(task.delivery_url)
        s3 = s3_config(self.s3, bucket)
        bridge.info(tr("Batch task {}: {}, {:.0f}% done").format(tid, task.status_text, task.completion_percentage))
        try:
            cells = read_cells(s3, task)
        except S3Error as exc:
            if task.status in (BatchStatus.CREATED, BatchStatus.ANALYSING):
                raise QgsProcessingException(
                    tr("Batch task {} is {}: its cells are known once it is analysed").format(tid, task.status_text)
                ) from None
            raise QgsProcessingException(str(exc)) from None
        bridge.fraction(0.2)
        fields = make_fields(CELL_FIELDS)
        sink, dest = self.parameterAsSink(parameters, "CELLS", context, fields, WkbType.Polygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "CELLS"))
        to_crs = Reprojector(crs_definition(crs))
        counts = {"delivered": 0, "no_data": 0, "failed": 0, "pending": 0}
        for cell in cells:
            bridge.check()
            feature = QgsFeature(fields)
            geom = ogr.CreateGeometryFromWkt(cell.wkt) if cell.wkt else None
            if geom is not None:
                geom.Segmentize(max(1.0, _span(geom) / 8.0))
                to_crs.ogr_geometry(cell.epsg, geom)  # GDAL in the task thread (see core.reproject)
                feature.setGeometry(QgsGeometry.fromWkt(geom.ExportToWkt()))
            feature["name"] = cell.name
            if cell.id is not None:
                feature["cell_id"] = int(cell.id)
            feature["epsg"] = int(cell.epsg)
            feature["status"] = cell.status
            feature["error"] = cell.error or ""
            feature["delivered"] = bool(cell.delivered)
            feature["width"] = int(cell.width)
            feature["height"] = int(cell.height)
            feature["outputs"] = json.dumps(cell.paths, sort_keys=True)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            if cell.delivered:
                counts["delivered"] += 1
            if cell.status == "DONE" and (cell.error or "") == NO_DATA:
                counts["no_data"] += 1
            elif cell.status == "FATAL":
                counts["failed"] += 1
                if counts["failed"] <= MAX_REPORTED:
                    bridge.warning(tr("Cell {} failed: {}").format(cell.name, cell.error or "-"))
            elif cell.status == "PENDING":
                counts["pending"] += 1
        bridge.info(
            tr("{} cells: {} delivered, {} without data, {} failed, {} pending").format(
                len(cells), counts["delivered"], counts["no_data"], counts["failed"], counts["pending"]
            )
        )
        mosaics = build_mosaics(s3, task, cells, folder, wanted, progress=bridge.sub(0.3, 1.0), cancel=bridge.cancel)
        layers = []
        hint = _raster_hint()
        for mosaic in mosaics:
            for message in mosaic.skipped[:MAX_REPORTED]:
                bridge.warning(message)
            held = hold_bucket(s3, mosaic.path)
            if not held:
                bridge.warning(
                    tr(
                        "GDAL {} keeps S3 settings per thread only: layers of {} read bucket {} with GDAL's own "
                        "credentials (AWS_* variables)"
                    ).format(_gdal_version(), mosaic.path, bucket)
                )
            details = QgsProcessingContext.LayerDetails(f"batch {tid[:8]} {mosaic.name}", context.project(), "LAYERS")
            if hint is not None:
                details.layerTypeHint = hint
            context.addLayerToLoadOnCompletion(mosaic.path, details)
            layers.append(mosaic.path)
            bridge.info(tr("Mosaic {}: {} cells → {}").format(mosaic.name, mosaic.sources, mosaic.path))
        if not mosaics:
            bridge.warning(tr("No cell delivered yet: no mosaic"))
        return {
            "CELLS": dest,
            "LAYERS": layers,
            "FOLDER": folder,
            "MOSAICS": len(mosaics),
            "TOTAL": len(cells),
            "DELIVERED": counts["delivered"],
            "NO_DATA": counts["no_data"],
            "FAILED": counts["failed"],
            "PENDING": counts["pending"],
            "STATUS": task.status_text,
        }


def _span(geom: ogr.Geometry) -> float:
    minx, maxx, miny, maxy = geom.GetEnvelope()
    return max(maxx - minx, maxy - miny)


def _gdal_version() -> str:
    from ...core.gdal_compat import gdal_version_text

    return gdal_version_text()
