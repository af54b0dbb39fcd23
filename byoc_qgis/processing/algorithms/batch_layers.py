"""Batch results as layers: VRT mosaics of the delivered cells over /vsis3/ (bucket options held while the layers
are in the project) and the grid cells with their status."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List

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
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsProject,
)

from ...core.batch import BatchStatus
from ...core.batch_mosaic import Mosaic, build_mosaics
from ...core.batch_paths import split_s3_url
from ...core.batch_results import NO_DATA, BatchCell, read_cells
from ...core.reproject import Reprojector
from ...core.s3 import S3Error
from ...core.s3_layers import hold_bucket, release_unused
from ...translation import tr, tr_n
from ...wording import s3_error_text
from ..crs import crs_definition, wgs84
from ..feedback import FeedbackBridge
from ..fields import WkbType, make_fields
from ..result_style import NoDataPostProcessor, single_output_script
from .batch_common import MAX_REPORTED, BatchAlgorithm, span
from .create_tiles import s3_config


def _raster_hint():
    """The 'raster' layer hint of QgsProcessingContext.LayerDetails (QGIS 3.22..4)."""
    from qgis.core import Qgis

    hints = getattr(Qgis, "ProcessingLayerHint", None) or getattr(QgsProcessingUtils, "LayerHint", None)
    return getattr(hints, "Raster", None) if hints is not None else None


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


_watched: List[Any] = []  # (project, slot) pairs, disconnected by unwatch_all at plugin unload


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
    if any(p is project for p, _slot in _watched):
        return

    def slot(_ids) -> None:
        _release_unused_holds(project)

    _watched.append((project, slot))
    project.layersRemoved.connect(slot)


def unwatch_all() -> None:
    """Disconnect what :func:`watch_project` connected (plugin unload: no plugin code runs after it)."""
    while _watched:
        project, slot = _watched.pop()
        try:
            project.layersRemoved.disconnect(slot)
        except (TypeError, RuntimeError):  # the project was deleted, or the slot is gone already
            pass


class BatchResults(BatchAlgorithm):
    """The delivered outputs as VRT mosaics over /vsis3/ and the grid cells with their status."""

    NAME = "batchresults"
    USES_S3 = True

    def displayName(self) -> str:
        return tr("Batch results to layers")

    def help_text(self) -> str:
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
            raise QgsProcessingException(s3_error_text(exc)) from None
        bridge.fraction(0.2)
        fields = make_fields(CELL_FIELDS)
        sink, dest = self.parameterAsSink(parameters, "CELLS", context, fields, WkbType.Polygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "CELLS"))
        counts = _write_cells(sink, fields, cells, crs, bridge)
        mosaics = build_mosaics(s3, task, cells, folder, wanted, progress=bridge.sub(0.3, 1.0), cancel=bridge.cancel)
        script = single_output_script(task.request)
        layers = _load_mosaics(mosaics, s3, bucket, tid, context, bridge, script)
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


def _write_cells(sink, fields, cells: List[BatchCell], crs, bridge: FeedbackBridge) -> Dict[str, int]:
    """One feature per grid cell (outline reprojected with GDAL in the task thread, see core.reproject); returns the
    counts of cells delivered, without data, failed and pending (the first failures named in the log)."""
    to_crs = Reprojector(crs_definition(crs))
    counts = {"delivered": 0, "no_data": 0, "failed": 0, "pending": 0}
    for cell in cells:
        bridge.check()
        sink.addFeature(_cell_feature(fields, cell, to_crs), QgsFeatureSink.Flag.FastInsert)
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
        tr_n(
            "%n cell: {} delivered, {} without data, {} failed, {} pending",
            "%n cells: {} delivered, {} without data, {} failed, {} pending",
            len(cells),
        ).format(counts["delivered"], counts["no_data"], counts["failed"], counts["pending"])
    )
    return counts


def _cell_feature(fields, cell: BatchCell, to_crs: Reprojector) -> QgsFeature:
    feature = QgsFeature(fields)
    geom = ogr.CreateGeometryFromWkt(cell.wkt) if cell.wkt else None
    if geom is not None:
        geom.Segmentize(max(1.0, span(geom) / 8.0))
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
    return feature


def _load_mosaics(
    mosaics: List[Mosaic], s3, bucket: str, tid: str, context, bridge: FeedbackBridge, script: str = ""
) -> List[str]:
    """Hold the bucket's GDAL options for each mosaic and load it as a layer when the algorithm ends (drawn with
    the pixels ``script`` marks as without data transparent, and the area no cell covers)."""
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
        if script:
            details.setPostProcessor(NoDataPostProcessor.create(script))
        context.addLayerToLoadOnCompletion(mosaic.path, details)
        layers.append(mosaic.path)
        bridge.info(
            tr_n("Mosaic {}: %n cell → {}", "Mosaic {}: %n cells → {}", mosaic.sources).format(mosaic.name, mosaic.path)
        )
    if not mosaics:
        bridge.warning(tr("No cell delivered yet: no mosaic"))
    return layers


def _gdal_version() -> str:
    from ...core.gdal_compat import gdal_version_text

    return gdal_version_text()
