"""Algorithms that work on local (or /vsi) rasters only and never touch the service: pre-flight and cover."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Tuple

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
)

from ...core import cog_rules
from ...core.cover import POLICY_CONTAIN, POLICY_EXCLUDE, geometry_from_geojson, trace_cover
from ...core.reproject import Reprojector
from ...translation import tr
from ..base import ByocAlgorithm
from ..crs import crs_definition, wgs84
from ..feedback import FeedbackBridge
from ..fields import WkbType, make_fields
from ..inputs import raster_source_path, rasters_in_folder

__all__ = ["PreflightCheck", "TraceCover", "collect_raster_paths"]

POLICIES = [POLICY_CONTAIN, POLICY_EXCLUDE]

FINDING_FIELDS = [
    ("tile", "string"),
    ("file", "string"),
    ("severity", "string"),
    ("rule", "string"),
    ("value", "string"),
    ("message", "string"),
    ("fix", "string"),
]

COVER_FIELDS = [
    ("tile", "string"),
    ("files", "string"),
    ("native_crs", "string"),
    ("policy", "string"),
    ("points", "int"),
    ("level", "int"),
    ("excess_pct", "double"),
    ("deficit_pct", "double"),
    ("fallback", "string"),
    ("report", "string"),
    ("cover_geojson", "string"),
]


def _add_raster_inputs(alg) -> None:
    alg.addParameter(
        QgsProcessingParameterMultipleLayers(
            "INPUT", tr("Rasters (layers or files)"), QgsProcessing.TypeRaster, optional=True
        )
    )
    alg.addParameter(
        QgsProcessingParameterFile(
            "FOLDER",
            tr("…or a folder of rasters (searched recursively)"),
            QgsProcessingParameterFile.Folder,
            optional=True,
        )
    )


def collect_raster_paths(alg, parameters, context) -> List[str]:
    """Paths of the INPUT layers/files plus the rasters under FOLDER (no duplicates, input order kept)."""
    paths: List[str] = []
    for layer in alg.parameterAsLayerList(parameters, "INPUT", context):
        paths.append(raster_source_path(layer))
    folder = alg.parameterAsFile(parameters, "FOLDER", context)
    if folder:
        paths.extend(rasters_in_folder(folder))
    unique = list(dict.fromkeys(paths))
    if not unique:
        raise QgsProcessingException(tr("No raster given: choose rasters in INPUT or a FOLDER that contains some"))
    return unique


def _group_by_folder(paths: List[str]) -> List[Tuple[str, Dict[str, str]]]:
    """Band files of one tile share a folder: ``[(folder, {stem: path})]`` in first-seen order."""
    groups: Dict[str, Dict[str, str]] = {}
    for path in paths:
        p = Path(path)
        groups.setdefault(str(p.parent), {})[p.stem] = path
    return list(groups.items())


class PreflightCheck(ByocAlgorithm):
    """Check rasters against the BYOC rules before anything is uploaded."""

    NAME = "preflightcheck"
    GROUP = "files"

    def displayName(self) -> str:
        return tr("Pre-flight check")

    def shortHelpString(self) -> str:
        return tr(
            "Checks rasters against Sentinel Hub's BYOC rules (valid COG, internal tiles 256–2048 px, header ≤ 1 MB, "
            "no JPEG, allowed CRS and data type, overviews, ≤ 10 chunky bands) without touching the service. "
            "With 'Check band files of a folder as one tile', files in one folder are also checked together (same "
            "extension, footprints within one pixel). The output table lists every finding with the file, the rule, "
            "the value found and how to fix it."
        )

    def initAlgorithm(self, config=None) -> None:
        _add_raster_inputs(self)
        self.addParameter(
            QgsProcessingParameterBoolean("AS_TILES", tr("Check band files of a folder as one tile"), defaultValue=True)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "FAIL_ON_ERROR", tr("Fail when an error is found (stops a model)"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Pre-flight findings"), QgsProcessing.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber("ERRORS", tr("Number of errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", tr("Number of warnings")))
        self.addOutput(QgsProcessingOutputNumber("FILES", tr("Number of files checked")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        paths = collect_raster_paths(self, parameters, context)
        as_tiles = self.parameterAsBoolean(parameters, "AS_TILES", context)
        fields = make_fields(FINDING_FIELDS)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, WkbType.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        groups = _group_by_folder(paths) if as_tiles else [(p, {Path(p).stem: p}) for p in paths]
        errors = warnings = 0
        for i, (tile, files) in enumerate(groups):
            bridge.check()
            bridge.fraction(i / len(groups), tr("Checking {}").format(tile))
            if len(files) > 1:
                _facts, findings = cog_rules.check_tile(files)
            else:
                _facts, findings = cog_rules.inspect_file(next(iter(files.values())))
            for f in findings:
                feat = QgsFeature(fields)
                feat.setAttributes([tile, f.file, f.severity, f.rule, f.value, f.message, f.fix])
                sink.addFeature(feat, QgsFeatureSink.FastInsert)
                if f.is_error:
                    errors += 1
                    bridge.warning(str(f))
                else:
                    warnings += 1
                    bridge.info(str(f))
        bridge.info(tr("{} files: {} errors, {} warnings").format(len(paths), errors, warnings))
        if errors and self.parameterAsBoolean(parameters, "FAIL_ON_ERROR", context):
            raise QgsProcessingException(
                tr("Pre-flight found {} errors; see the log (COGify fixes most of them)").format(errors)
            )
        return {"OUTPUT": dest, "ERRORS": errors, "WARNINGS": warnings, "FILES": len(paths)}


class TraceCover(ByocAlgorithm):
    """Trace a raster's valid-data outline as a BYOC cover geometry (≤ N points)."""

    NAME = "tracecover"
    GROUP = "files"

    def displayName(self) -> str:
        return tr("Trace cover geometry")

    def shortHelpString(self) -> str:
        return tr(
            "Traces where a raster has valid data (nodata, NaN, alpha and masks of all bands) from a coarse "
            "overview and fits the outline to at most MAX_POINTS points, as the cover geometry a BYOC tile "
            "needs. Policy 'contain all data' keeps every valid pixel inside (default); 'exclude nodata' keeps "
            "no-data collars out (for overlapping tiles). One feature per raster, or per folder when band files "
            "are traced as one tile; geometries are reprojected to OUTPUT_CRS and the GeoJSON in the raster's own "
            "CRS (what the service wants) is kept in the field cover_geojson."
        )

    def initAlgorithm(self, config=None) -> None:
        _add_raster_inputs(self)
        self.addParameter(
            QgsProcessingParameterBoolean(
                "AS_TILES", tr("Trace band files of a folder as one tile"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "POLICY", tr("Cover policy"), options=[tr("Contain all data"), tr("Exclude nodata")], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "MAX_POINTS", tr("Maximum number of points"), QgsProcessingParameterNumber.Integer, 95, False, 5, 100
            )
        )
        size = QgsProcessingParameterNumber(
            "TARGET_SIZE",
            tr("Trace at an overview of about this many pixels (long side)"),
            QgsProcessingParameterNumber.Integer,
            1024,
            False,
            64,
            100000,
        )
        size.setFlags(size.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(size)
        self.addParameter(
            QgsProcessingParameterCrs("OUTPUT_CRS", tr("Output CRS (default EPSG:4326)"), "EPSG:4326", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Cover geometries"), QgsProcessing.TypeVectorPolygon)
        )
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Number of covers")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        paths = collect_raster_paths(self, parameters, context)
        as_tiles = self.parameterAsBoolean(parameters, "AS_TILES", context)
        policy = POLICIES[self.parameterAsEnum(parameters, "POLICY", context)]
        max_points = self.parameterAsInt(parameters, "MAX_POINTS", context)
        target = self.parameterAsInt(parameters, "TARGET_SIZE", context)
        out_crs = self.parameterAsCrs(parameters, "OUTPUT_CRS", context)
        if not out_crs.isValid():
            out_crs = wgs84()
        reproject = Reprojector(crs_definition(out_crs))  # GDAL in the task, no QGIS CRS (see core.reproject)
        fields = make_fields(COVER_FIELDS)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, WkbType.MultiPolygon, out_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        groups = _group_by_folder(paths) if as_tiles else [(p, {Path(p).stem: p}) for p in paths]
        count = 0
        for i, (tile, files) in enumerate(groups):
            bridge.check()
            step = bridge.sub(i / len(groups), (i + 1) / len(groups))
            result = trace_cover(
                list(files.values()),
                policy=policy,
                max_points=max_points,
                target_size=target,
                progress=step.fraction,
                cancel=bridge.cancel,
            )
            for w in result.report.warnings:
                bridge.warning(f"{tile}: {w}")
            if result.geojson is None:
                continue
            feat = self._feature(fields, tile, files, result, reproject)
            sink.addFeature(feat, QgsFeatureSink.FastInsert)
            bridge.info(f"{tile}: {result.report.summary()}")
            count += 1
        return {"OUTPUT": dest, "COUNT": count}

    @staticmethod
    def _feature(fields, tile, files, result, reproject: Reprojector) -> QgsFeature:
        epsg = _geojson_epsg(result.geojson)
        ogr_geom = geometry_from_geojson(result.geojson)
        reproject.ogr_geometry(epsg, ogr_geom)
        geom = QgsGeometry.fromWkt(ogr_geom.ExportToWkt())
        geom.convertToMultiType()
        rep = result.report
        feat = QgsFeature(fields)
        feat.setGeometry(geom)
        feat.setAttributes(
            [
                tile,
                ",".join(sorted(files)),
                f"EPSG:{epsg}",
                rep.policy,
                rep.points,
                rep.level,
                rep.excess_pct,
                rep.deficit_pct,
                rep.fallback or "",
                rep.summary(),
                json.dumps(result.geojson),
            ]
        )
        return feat


def _geojson_epsg(geojson: dict) -> int:
    from ...core.models import parse_crs

    return parse_crs(geojson.get("crs"))
