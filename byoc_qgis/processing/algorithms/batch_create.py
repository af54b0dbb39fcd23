"""Creating a batch task: area (extent or polygons, reprojected with GDAL), tiling grid and resolution, evalscript,
S3 delivery, and optionally starting it."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Tuple

from osgeo import ogr
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core import evalscripts
from ...core.batch import BatchClient, BatchRequest, S3Delivery
from ...core.batch_evalscript import batch_responses
from ...core.batch_grids import TILING_GRIDS, TooManyCells, estimate_output_bytes, grid_cells
from ...core.batch_paths import root_url
from ...core.byoc import ByocClient
from ...core.cog_rules import is_allowed_epsg
from ...core.process import DataSource, ProcessRequest
from ...core.reproject import Reprojector
from ...translation import tr, tr_n
from ..crs import crs_definition, epsg_of
from ..feedback import FeedbackBridge
from ..parameters import add_evalscript_parameters, advanced, evalscript_from_parameters
from .batch_common import BatchAlgorithm, span
from .create_tiles import check_bucket_or_fail, s3_config
from .process import MOSAICKING, time_range

GRID_IDS = [0, 1, 2, 3, 6, 7]
DEFAULT_PATH = "<requestId>/<tileName>/<outputId>.<format>"
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


def extent_area(bbox: List[float], crs) -> Tuple[Optional[List[float]], Optional[Dict[str, Any]], int]:
    """(bbox, GeoJSON geometry, EPSG) of a request over ``bbox`` in ``crs`` (a QgsCoordinateReferenceSystem, made on
    the main thread): the bbox as is in a CRS the service takes, else the outline reprojected to EPSG:4326 with GDAL
    (see core.reproject). Shared with the dock's batch dialog, so its preview shows the cells of this request."""
    if not crs.isValid():
        return list(bbox), None, 4326  # an extent without CRS: longitudes and latitudes
    epsg = epsg_of(crs)
    if is_allowed_epsg(epsg):
        return list(bbox), None, int(epsg)
    ring = ogr.CreateGeometryFromWkt(
        "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(*bbox)  # noqa: UP030
    )
    ring.Segmentize(max(bbox[2] - bbox[0], bbox[3] - bbox[1]) / 32.0)
    Reprojector(4326).ogr_geometry(crs_definition(crs), ring)
    return None, json.loads(ring.ExportToJson()), 4326


def output_estimate(cells, evalscript: str, n_outputs: int = 1) -> int:
    """Uncompressed bytes every cell's outputs take: the bands and widest sample type the evalscript declares."""
    declared = evalscripts.script_outputs(evalscript)
    bands = sum(b or 1 for b, _t in declared) or n_outputs
    sample = max((SAMPLE_BYTES.get(t, 4) for _b, t in declared), default=1)
    return estimate_output_bytes(cells, bands, sample)


class BatchCreate(BatchAlgorithm):
    """Create a batch task over an area (and start it with START)."""

    NAME = "batchcreate"
    USES_S3 = True

    def displayName(self) -> str:
        return tr("Create batch task")

    def help_text(self) -> str:
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
        self._add_area_parameters()
        self._add_request_parameters()
        self._add_delivery_parameters()
        self._add_task_parameters()
        self.addOutput(QgsProcessingOutputString("TASK_ID", tr("Batch task id")))
        self.addOutput(QgsProcessingOutputString("STATUS", tr("Status")))
        self.addOutput(QgsProcessingOutputNumber("CELLS", tr("Grid cells")))
        self.addOutput(QgsProcessingOutputString("DELIVERY_URL", tr("Delivery path template")))
        self.addOutput(QgsProcessingOutputString("ROOT_URL", tr("Folder of the execution database and manifest")))

    def _add_area_parameters(self) -> None:
        """EXTENT or AOI, the tiling grid, its resolution and the cell buffers."""
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

    def _add_request_parameters(self) -> None:
        """The Process request each cell runs: time range, mosaicking, evalscript and the outputs to deliver."""
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

    def _add_delivery_parameters(self) -> None:
        """Where and how the outputs are written: bucket, path template, COG, collection, overwrite, credentials."""
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

    def _add_task_parameters(self) -> None:
        """The guard on the number of cells, the description and START."""
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
        return extent_area([extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()], crs)

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
            area.Segmentize(span(area) / 32.0)  # straight edges stay right once curved in lon/lat
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
        bucket, url = self._delivery_url(parameters, context)
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
        delivery = self._delivery(parameters, context, bucket, url, bridge)
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
        start = self.parameterAsBoolean(parameters, "START", context)
        task = self._create(BatchClient(http), request, len(cells), start, bridge)
        return {
            "TASK_ID": task.id,
            "STATUS": task.status_text,
            "CELLS": len(cells),
            "DELIVERY_URL": url,
            "ROOT_URL": root_url(url, task.id),
        }

    # -- delivery and creation ---------------------------------------------------------------------------------
    def _delivery_url(self, parameters, context) -> Tuple[str, str]:
        """(bucket, ``s3://bucket/path``) from BUCKET and PATH."""
        bucket = (self.parameterAsString(parameters, "BUCKET", context) or "").strip()
        path = (self.parameterAsString(parameters, "PATH", context) or "").strip().lstrip("/")
        if not bucket or "/" in bucket or bucket.startswith("s3:"):
            raise QgsProcessingException(tr("BUCKET: give the bare bucket name (no s3://, no folder)"))
        return bucket, (f"s3://{bucket}/{path}" if path else f"s3://{bucket}")

    def _delivery(self, parameters, context, bucket: str, url: str, bridge: FeedbackBridge) -> S3Delivery:
        """How the service writes to ``url``: the IAM role, or the S3 keys (the bucket checked first, CHECK_BUCKET)."""
        role = (self.parameterAsString(parameters, "IAM_ROLE_ARN", context) or "").strip() or None
        s3 = s3_config(self.s3, bucket)
        if role:
            return S3Delivery(url, iam_role_arn=role, region=s3.region or None)
        if not s3.access_key:
            raise QgsProcessingException(
                tr(
                    "The service needs S3 keys to write to bucket {}: choose S3 credentials (S3_AUTHCFG), set "
                    "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give IAM_ROLE_ARN"
                ).format(bucket)
            )
        if self.parameterAsBoolean(parameters, "CHECK_BUCKET", context):
            check_bucket_or_fail(s3, bridge, write=False)
        return S3Delivery.from_s3_config(url, s3)

    @staticmethod
    def _create(client: BatchClient, request: BatchRequest, cells: int, start: bool, bridge: FeedbackBridge):
        """Create the task, and start it when asked; return its state."""
        task = client.create(request, cancel=bridge.cancel)
        bridge.info(tr_n("Batch task {} created (%n cell)", "Batch task {} created (%n cells)", cells).format(task.id))
        if start:
            try:
                client.start(task.id, cancel=bridge.cancel)
                task = client.get_task(task.id, cancel=bridge.cancel)
            except Exception as exc:
                raise QgsProcessingException(
                    tr("Batch task {} was created but could not be started: {}").format(task.id, exc)
                ) from None
            bridge.info(tr("Batch task {} started: {}").format(task.id, task.status_text))
        return task

    @staticmethod
    def _report_cells(cells, evalscript: str, n_outputs: int, bridge: FeedbackBridge) -> None:
        per_crs: Dict[int, int] = {}
        for cell in cells:
            per_crs[cell.epsg] = per_crs.get(cell.epsg, 0) + 1
        size = output_estimate(cells, evalscript, n_outputs)
        crs_text = ", ".join(f"EPSG:{k} {v}" for k, v in sorted(per_crs.items()))
        bridge.info(
            tr_n(
                "%n grid cell of {} x {} px ({}); about {:.1f} MB uncompressed output",
                "%n grid cells of {} x {} px ({}); about {:.1f} MB uncompressed output",
                len(cells),
            ).format(cells[0].width, cells[0].height, crs_text, size / 1e6)
        )
