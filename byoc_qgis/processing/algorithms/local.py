"""Algorithms that work on local (or /vsi) rasters only and never touch the service: pre-flight and cover."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.cover import POLICIES, geometry_from_geojson, trace_cover
from ...core.preflight import preflight_grouping, preflight_local
from ...core.reproject import Reprojector
from ...core.tile_groups import DEFAULT_PATTERN, Grouping, PatternError, group_local_files
from ...translation import tr, tr_n
from ...wording import cover_summary, finding_fix, finding_message, finding_text, worded_text
from ..base import ByocAlgorithm
from ..crs import crs_definition, wgs84
from ..feedback import FeedbackBridge
from ..fields import WkbType, make_fields
from ..inputs import raster_source_path, rasters_in_folder
from ..parameters import advanced

__all__ = ["PreflightCheck", "TraceCover", "collect_raster_paths"]

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
            "INPUT", tr("Rasters (layers or files)"), QgsProcessing.SourceType.TypeRaster, optional=True
        )
    )
    alg.addParameter(
        QgsProcessingParameterFile(
            "FOLDER",
            tr("…or a folder of rasters (searched recursively)"),
            QgsProcessingParameterFile.Behavior.Folder,
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


def add_file_pattern_parameter(alg, description: str = "") -> None:
    """FILE_PATTERN: how band files are grouped into tiles (core.tile_groups), the same for every algorithm."""
    alg.addParameter(
        QgsProcessingParameterString(
            "FILE_PATTERN", description or tr("Band file pattern ((BAND) = band name)"), DEFAULT_PATTERN, optional=True
        )
    )


def file_pattern(alg, parameters, context) -> str:
    """The FILE_PATTERN parameter (default ``(BAND).tif``)."""
    return (alg.parameterAsString(parameters, "FILE_PATTERN", context) or DEFAULT_PATTERN).strip()


def folder_root(alg, parameters, context) -> Optional[str]:
    """FOLDER, the root tile folders are taken relative to (None: the deepest folder holding every input)."""
    return alg.parameterAsFile(parameters, "FOLDER", context) or None


def local_groups(alg, parameters, context, paths: List[str]) -> Grouping:
    """The input files grouped into tiles by FILE_PATTERN, relative to FOLDER (as createtiles groups them)."""
    try:
        grouping = group_local_files(
            paths, folder_root(alg, parameters, context), file_pattern(alg, parameters, context)
        )
    except PatternError as exc:
        raise QgsProcessingException(str(exc)) from None
    if grouping.outside:
        raise QgsProcessingException(
            tr("{} is not under {}; give a FOLDER that contains every file").format(grouping.outside[0], grouping.root)
        )
    return grouping


class PreflightCheck(ByocAlgorithm):
    """Check rasters against the BYOC rules before anything is uploaded."""

    NAME = "preflightcheck"
    GROUP = "files"

    def displayName(self) -> str:
        return tr("Pre-flight check")

    def help_text(self) -> str:
        return tr(
            "Checks rasters against Sentinel Hub's BYOC rules (valid COG, internal tiles 256–2048 px, header ≤ 1 MB, "
            "no JPEG, allowed CRS and data type, overviews, ≤ 10 chunky bands) without touching the service. "
            "With 'Check band files of a folder as one tile', the files are grouped into tiles by FILE_PATTERN "
            "exactly as 'Create tiles from local rasters' groups them and each tile is checked as a whole (same "
            "extension, footprints within one pixel; every tile with the same band files and data types); a file "
            "that matches no pattern is an error. The output table lists every finding with the file, the rule, the "
            "value found and how to fix it."
        )

    def initAlgorithm(self, config=None) -> None:
        _add_raster_inputs(self)
        self.addParameter(
            QgsProcessingParameterBoolean("AS_TILES", tr("Check band files of a folder as one tile"), defaultValue=True)
        )
        add_file_pattern_parameter(self)
        self.addParameter(
            QgsProcessingParameterBoolean(
                "FAIL_ON_ERROR", tr("Fail when an error is found (stops a model)"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Pre-flight findings"), QgsProcessing.SourceType.TypeVector)
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
        if as_tiles:
            grouping = local_groups(self, parameters, context, paths)
            pattern = file_pattern(self, parameters, context)
            reports = preflight_grouping(grouping, pattern, progress=bridge.fraction, cancel=bridge.cancel)
        else:
            reports = preflight_local(paths, as_tiles=False, progress=bridge.fraction, cancel=bridge.cancel)
        errors = warnings = 0
        for tile, report in reports.items():
            for f in report.findings:
                feat = QgsFeature(fields)
                feat.setAttributes([tile, f.file, f.severity, f.rule, f.value, finding_message(f), finding_fix(f)])
                sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)
                if f.is_error:
                    errors += 1
                    bridge.warning(finding_text(f))
                else:
                    warnings += 1
                    bridge.info(finding_text(f))
        bridge.info(
            tr("{files}: {errors}, {warnings}").format(
                files=tr_n("%n file", "%n files", len(paths)),
                errors=tr_n("%n error", "%n errors", errors),
                warnings=tr_n("%n warning", "%n warnings", warnings),
            )
        )
        if errors and self.parameterAsBoolean(parameters, "FAIL_ON_ERROR", context):
            raise QgsProcessingException(
                tr_n(
                    "Pre-flight found %n error; see the log (COGify fixes most of them)",
                    "Pre-flight found %n errors; see the log (COGify fixes most of them)",
                    errors,
                )
            )
        return {"OUTPUT": dest, "ERRORS": errors, "WARNINGS": warnings, "FILES": len(paths)}


class TraceCover(ByocAlgorithm):
    """Trace a raster's valid-data outline as a BYOC cover geometry (≤ N points)."""

    NAME = "tracecover"
    GROUP = "files"

    def displayName(self) -> str:
        return tr("Trace cover geometry")

    def help_text(self) -> str:
        return tr(
            "Traces where a raster has valid data (nodata, NaN, alpha and masks of all bands) from a coarse "
            "overview and fits the outline to at most MAX_POINTS points, as the cover geometry a BYOC tile "
            "needs. Policy 'contain all data' keeps every valid pixel inside (default); 'exclude nodata' keeps "
            "no-data collars out (for overlapping tiles). One feature per raster, or per tile when band files "
            "are traced as one tile (grouped by FILE_PATTERN as 'Create tiles' groups them); geometries are "
            "reprojected to OUTPUT_CRS and the GeoJSON in the raster's own CRS (what the service wants) is kept in "
            "the field cover_geojson."
        )

    def initAlgorithm(self, config=None) -> None:
        _add_raster_inputs(self)
        self.addParameter(
            QgsProcessingParameterBoolean(
                "AS_TILES", tr("Trace band files of a folder as one tile"), defaultValue=False
            )
        )
        add_file_pattern_parameter(self)
        self.addParameter(
            QgsProcessingParameterEnum(
                "POLICY", tr("Cover policy"), options=[tr("Contain all data"), tr("Exclude nodata")], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "MAX_POINTS",
                tr("Maximum number of points"),
                QgsProcessingParameterNumber.Type.Integer,
                95,
                False,
                5,
                100,
            )
        )
        size = QgsProcessingParameterNumber(
            "TARGET_SIZE",
            tr("Trace at an overview of about this many pixels (long side)"),
            QgsProcessingParameterNumber.Type.Integer,
            1024,
            False,
            64,
            100000,
        )
        self.addParameter(advanced(size))
        self.addParameter(
            QgsProcessingParameterCrs("OUTPUT_CRS", tr("Output CRS (default EPSG:4326)"), "EPSG:4326", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", tr("Cover geometries"), QgsProcessing.SourceType.TypeVectorPolygon
            )
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
        groups = [(p, {Path(p).stem: p}) for p in paths]
        if as_tiles:
            grouping = local_groups(self, parameters, context, paths)
            for path in grouping.unmatched:
                bridge.warning(tr("{} matches no FILE_PATTERN: traced alone").format(path))
            groups = [(os.path.join(grouping.root, g.path), g.files) for g in grouping.tiles]
            groups += [(p, {Path(p).stem: p}) for p in grouping.unmatched]
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
                bridge.warning(f"{tile}: {worded_text(w)}")
            if result.geojson is None:
                continue
            feat = self._feature(fields, tile, files, result, reproject)
            sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)
            bridge.info(f"{tile}: {cover_summary(result.report)}")
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
                cover_summary(rep),
                json.dumps(result.geojson),
            ]
        )
        return feat


def _geojson_epsg(geojson: dict) -> int:
    from ...core.models import parse_crs

    return parse_crs(geojson.get("crs"))
