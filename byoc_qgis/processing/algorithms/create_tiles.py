"""Create tiles from local rasters (check, COGify, trace, upload, register) or from files already in S3."""

from __future__ import annotations

import os
import re
import threading
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Dict, List, Optional

from osgeo import gdal
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ...core.models import parse_time
from ...core.path_templates import PathTemplateError, build_tile_path, find_date
from ...core.progress import Cancelled
from ...core.s3 import S3Config, S3Error, list_tiles
from ...core.s3_check import check_bucket
from ...core.tile_groups import relative_key
from ...core.tile_pipeline import (
    CANCELLED,
    EXISTS,
    FAILED,
    REGISTERED,
    PipelineOptions,
    TileJob,
    TileOutcome,
    run_pipeline,
)
from ...translation import tr, tr_n
from ...wording import finding_message, outcome_text, s3_check_text, worded_text
from ..base import ServiceAlgorithm
from ..feedback import FeedbackBridge
from ..fields import WkbType
from ..parameters import advanced
from ..tiles_common import status_fields, status_row
from .local import (
    _add_raster_inputs,
    add_file_pattern_parameter,
    collect_raster_paths,
    file_pattern,
    folder_root,
    local_groups,
)

__all__ = ["CreateTilesLocal", "CreateTilesS3", "s3_config"]

COGIFY_MODES = ["auto", "never", "always"]
COVER_MODES = ["contain", "exclude", None]


def _cover_labels() -> List[str]:
    """COVER's options, worded as the dock's Add tiles dialog words them (None: the service uses the bbox)."""
    return [tr("Trace (all data inside)"), tr("Trace (no no-data inside)"), tr("None")]


TIME_MODES = ["template", "constant", "metadata", "none"]


def s3_config(settings, bucket: str) -> S3Config:
    """Core S3 settings for ``bucket`` from the algorithm's S3 parameters."""
    kwargs: Dict[str, Any] = {"bucket": bucket, "https": settings.https}
    if settings.access_key:
        kwargs.update(access_key=settings.access_key, secret_key=settings.secret_key)
    if settings.region:
        kwargs["region"] = settings.region
    if settings.endpoint:
        kwargs["endpoint"] = settings.endpoint
    if settings.path_style:
        kwargs["virtual_hosting"] = False
    try:
        return S3Config(**kwargs)
    except S3Error as exc:
        raise QgsProcessingException(str(exc)) from None


def check_bucket_or_fail(s3: S3Config, bridge: FeedbackBridge, write: bool) -> None:
    """Check the bucket once before any S3 work; a problem stops the algorithm with its worded message."""
    bridge.info(tr("Checking bucket {} at {}").format(s3.bucket, s3.where))
    result = check_bucket(s3, write=write, cancel=bridge.cancel)
    if not result.ok:
        raise QgsProcessingException(tr("S3 bucket check failed: {}").format(s3.scrub(s3_check_text(result))))
    bridge.info(s3.scrub(s3_check_text(result)))


def _add_common_parameters(alg) -> None:
    """MAX_POINTS, THREADS, FAIL_ON_ERROR, the OUTPUT table and the counts: the same in both algorithms."""
    alg.addParameter(
        advanced(
            QgsProcessingParameterNumber(
                "MAX_POINTS", tr("Cover: maximum points"), QgsProcessingParameterNumber.Type.Integer, 95, False, 5, 100
            )
        )
    )
    alg.addParameter(
        advanced(
            QgsProcessingParameterNumber(
                "THREADS", tr("Tiles in parallel"), QgsProcessingParameterNumber.Type.Integer, 4, False, 1, 32
            )
        )
    )
    alg.addParameter(
        QgsProcessingParameterBoolean(
            "FAIL_ON_ERROR",
            tr("Fail (error exit, stops a model) when a tile fails; off: failures are only listed in the output"),
            True,
        )
    )
    alg.addParameter(
        QgsProcessingParameterFeatureSink("OUTPUT", tr("Created tiles"), QgsProcessing.SourceType.TypeVector)
    )
    alg.addOutput(QgsProcessingOutputNumber("REGISTERED", tr("Tiles registered")))
    alg.addOutput(QgsProcessingOutputNumber("SKIPPED", tr("Tiles already registered")))
    alg.addOutput(QgsProcessingOutputNumber("FAILED", tr("Tiles failed")))
    alg.addOutput(QgsProcessingOutputString("COLLECTION_ID", tr("Collection id")))


def _run(alg, parameters, context, bridge, client, collection, s3: S3Config, jobs, opts) -> Dict[str, Any]:
    """Run the core pipeline over ``jobs``, write the table, summarise; the algorithm's results."""
    lock = threading.Lock()

    def log(message: str, warning: bool) -> None:
        with lock:
            (bridge.warning if warning else bridge.info)(s3.scrub(worded_text(message)))

    try:
        outcomes = run_pipeline(client, collection.id, s3, jobs, opts, bridge.fraction, bridge.cancel, log)
    except Cancelled as exc:
        done = getattr(exc, "outcomes", [])
        registered = sum(1 for o in done if o.status == REGISTERED)
        bridge.warning(
            tr_n(
                "Cancelled: %n tile was registered before; run again to continue",
                "Cancelled: %n tiles were registered before; run again to continue",
                registered,
            )
        )
        raise
    dest, counts = _write_outcomes(alg, parameters, context, outcomes, bridge, s3.scrub)
    _finish(alg, parameters, context, outcomes, counts, bridge, s3.scrub)
    return {
        "OUTPUT": dest,
        "REGISTERED": counts[REGISTERED],
        "SKIPPED": counts[EXISTS],
        "FAILED": counts[FAILED],
        "COLLECTION_ID": collection.id,
    }


def _finish(
    alg, parameters, context, outcomes: List[TileOutcome], counts: Dict[str, int], bridge, scrub: Callable[[str], str]
) -> None:
    """One summary line always; with FAIL_ON_ERROR (the default) failed tiles make the algorithm fail."""
    summary = tr_n(
        "Summary: {} of %n tile registered, {} already registered, {} failed, {} cancelled",
        "Summary: {} of %n tiles registered, {} already registered, {} failed, {} cancelled",
        len(outcomes),
    ).format(counts[REGISTERED], counts[EXISTS], counts[FAILED], counts.get(CANCELLED, 0))
    (bridge.warning if counts[FAILED] else bridge.info)(summary)
    if counts[FAILED] and alg.parameterAsBoolean(parameters, "FAIL_ON_ERROR", context):
        first = next(o for o in outcomes if o.status == FAILED)
        raise QgsProcessingException(
            tr_n(
                "{} of %n tile failed (the others are registered; run again to retry them); first: {}: {}",
                "{} of %n tiles failed (the others are registered; run again to retry them); first: {}: {}",
                len(outcomes),
            ).format(counts[FAILED], first.job.name, outcome_text(first, scrub))
        )


def _metadata_time(path: str, item: str) -> Optional[datetime]:
    ds = gdal.Open(path)
    value = ds.GetMetadataItem(item) if ds is not None else None
    if not value:
        return None
    value = value.strip()
    m = re.match(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$", value)  # TIFF DateTime form
    if m:
        value = "{}-{}-{}T{}:{}:{}Z".format(*m.groups())
    return parse_time(value, item)


def _add_sensing_time_parameters(alg, with_metadata: bool) -> None:
    options = [tr("From the file path (template)"), tr("One time for all (constant)")]
    if with_metadata:
        options.append(tr("From a raster metadata item (field)"))
    options.append(tr("None"))
    alg.addParameter(QgsProcessingParameterEnum("SENSING_TIME_MODE", tr("Sensing time"), options, defaultValue=0))
    alg.addParameter(
        QgsProcessingParameterString(
            "SENSING_TIME_TEMPLATE",
            tr("Date pattern in the path (e.g. %Y%m%d or {year}-{month}-{day}; empty: found automatically)"),
            optional=True,
        )
    )
    alg.addParameter(
        QgsProcessingParameterString("SENSING_TIME", tr("Sensing time for all tiles (ISO 8601)"), optional=True)
    )
    if with_metadata:
        alg.addParameter(
            advanced(
                QgsProcessingParameterString(
                    "METADATA_ITEM", tr("Metadata item with the time"), "TIFFTAG_DATETIME", optional=True
                )
            )
        )


def _time_mode(alg, parameters, context, with_metadata: bool) -> str:
    modes = TIME_MODES if with_metadata else ["template", "constant", "none"]
    return modes[alg.parameterAsEnum(parameters, "SENSING_TIME_MODE", context)]


def _sensing_time(alg, parameters, context, mode: str, text: str, first_file: Optional[str]) -> Optional[datetime]:
    if mode == "none":
        return None
    if mode == "constant":
        value = (alg.parameterAsString(parameters, "SENSING_TIME", context) or "").strip()
        if not value:
            raise QgsProcessingException(tr("Sensing time 'constant' needs SENSING_TIME, e.g. 2023-06-10T07:36:29Z"))
        try:
            return parse_time(value, "SENSING_TIME")
        except ValueError as exc:
            raise QgsProcessingException(worded_text(exc)) from None
    if mode == "metadata":
        item = (alg.parameterAsString(parameters, "METADATA_ITEM", context) or "TIFFTAG_DATETIME").strip()
        try:
            found = _metadata_time(first_file or "", item)
        except ValueError as exc:
            raise QgsProcessingException(f"{first_file}: {exc}") from None
        if found is None:
            raise QgsProcessingException(
                tr("{}: no metadata item {} with a time; choose another sensing-time mode").format(first_file, item)
            )
        return found
    pattern = (alg.parameterAsString(parameters, "SENSING_TIME_TEMPLATE", context) or "").strip() or None
    try:
        found = find_date(text, pattern)
    except PathTemplateError as exc:
        raise QgsProcessingException(worded_text(exc)) from None
    if found is None:
        how = tr("the date pattern {!r}").format(pattern) if pattern else tr("a YYYYMMDD or YYYY-MM-DD date")
        raise QgsProcessingException(
            tr(
                "No sensing time in {!r}: no {} was found; change SENSING_TIME_TEMPLATE or the sensing-time mode"
            ).format(text, how)
        )
    return found


def _write_outcomes(
    alg, parameters, context, outcomes: List[TileOutcome], bridge: FeedbackBridge, scrub: Callable[[str], str]
):
    fields = status_fields()
    sink, dest = alg.parameterAsSink(parameters, "OUTPUT", context, fields, WkbType.NoGeometry)
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, "OUTPUT"))
    counts = {REGISTERED: 0, EXISTS: 0, FAILED: 0, CANCELLED: 0}
    for o in outcomes:
        message = outcome_text(o, scrub)
        sink.addFeature(status_row(fields, o.tile_id, o.job.path, o.status, message))
        counts[o.status] = counts.get(o.status, 0) + 1
        if o.status == FAILED:
            bridge.warning(tr("{} ({}): {}").format(o.job.name, o.job.path, message))
    return dest, counts


class CreateTilesLocal(ServiceAlgorithm):
    """Local rasters → BYOC tiles (pre-flight, COGify, trace cover, upload, register)."""

    NAME = "createtiles"
    GROUP = "tiles"
    USES_S3 = True

    def displayName(self) -> str:
        return tr("Create tiles from local rasters")

    def help_text(self) -> str:
        return tr(
            "Turns local rasters (layers, files or a folder) into tiles of a collection: groups band files into "
            "tiles by FILE_PATTERN (e.g. (BAND).tif: every folder is a tile, the file name is the band), or splits "
            "each multi-band raster into BAND_NAMES; checks every file against the BYOC rules and COGifies it when "
            "needed; traces the cover geometry; uploads to the collection's bucket at PATH_TEMPLATE and registers "
            "the tile with its sensing time. The bucket is checked once before uploading (exists, writable, keys "
            "accepted); each tile's files are checked against the collection's configured bands. Tiles "
            "run in parallel; S3 and service errors are retried. Re-running continues where it stopped: tile paths "
            "already registered are skipped, files already in S3 with the same content (MD5) are not sent again. A "
            "tile is registered only once all its files are in S3 and verified; existing S3 objects with other "
            "content are never deleted, and only replaced when OVERWRITE is set. With FAIL_ON_ERROR (the default) "
            "the algorithm fails when a tile failed; the output table lists the tile ids and statuses (chain it "
            "into 'Wait for ingestion'). PATH_TEMPLATE fields: {name} = the "
            "tile's folder relative to the input folder (or a multi-band file's path without extension), {tile} = "
            "its last part, and from the sensing time {year} {month} {day} {hour} {minute} {second} {doy} {date} "
            "(YYYYMMDD) {datetime}; e.g. {name}/(BAND).tif or {year}/{month}/{day}/{tile}/(BAND).tif."
        )

    def init_parameters(self) -> None:
        self.add_collection_parameter()
        _add_raster_inputs(self)
        add_file_pattern_parameter(self)
        self.addParameter(
            QgsProcessingParameterString(
                "BAND_NAMES",
                tr("…or split multi-band rasters into these bands (e.g. B02,B03,B04,B08)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString("PATH_TEMPLATE", tr("Tile path template in the bucket"), "{name}/(BAND).tif")
        )
        _add_sensing_time_parameters(self, with_metadata=True)
        self.addParameter(
            QgsProcessingParameterEnum(
                "COGIFY",
                tr("COGify"),
                [tr("When needed"), tr("Never"), tr("Always")],  # the labels of the dock's Add tiles
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "COVER",
                tr("Cover geometry"),
                _cover_labels(),
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "OVERWRITE", tr("Replace S3 objects that exist with different content"), defaultValue=False
            )
        )
        _add_common_parameters(self)

    # -- jobs ----------------------------------------------------------------------------------------------------
    def _groups(self, parameters, context) -> List[tuple]:
        """``[(tile name, {band: file}, split bands)]``: FILE_PATTERN's tiles (core.tile_groups, as the pre-flight
        check groups them), or with BAND_NAMES every file a tile split into those bands."""
        paths = collect_raster_paths(self, parameters, context)
        bands = [b.strip() for b in (self.parameterAsString(parameters, "BAND_NAMES", context) or "").split(",")]
        bands = [b for b in bands if b]
        if bands:
            root = folder_root(self, parameters, context) or os.path.commonpath([os.path.dirname(p) for p in paths])
            out = []
            for p in paths:
                rel = relative_key(p, root)
                out.append((str(PurePosixPath(rel).with_suffix("")) if rel else Path(p).stem, {Path(p).stem: p}, bands))
            return out
        grouping = local_groups(self, parameters, context, paths)
        if grouping.unmatched:
            raise QgsProcessingException(
                tr_n(
                    "%n file does not match FILE_PATTERN {!r}, e.g. {}; change the pattern or the inputs",
                    "%n files do not match FILE_PATTERN {!r}, e.g. {}; change the pattern or the inputs",
                    len(grouping.unmatched),
                ).format(
                    file_pattern(self, parameters, context),
                    relative_key(grouping.unmatched[0], grouping.root) or grouping.unmatched[0],
                )
            )
        return [(g.name, g.files, None) for g in grouping.tiles]

    def _jobs(self, parameters, context) -> List[TileJob]:
        template = (self.parameterAsString(parameters, "PATH_TEMPLATE", context) or "").strip()
        if template.count("(BAND)") != 1:
            raise QgsProcessingException(
                tr("PATH_TEMPLATE {!r} must contain (BAND) once (it becomes each band file's name), e.g. {}").format(
                    template, "{name}/(BAND).tif"
                )
            )
        mode = _time_mode(self, parameters, context, with_metadata=True)
        jobs: List[TileJob] = []
        for tile, files, split in self._groups(parameters, context):
            first = next(iter(files.values()))
            when = _sensing_time(self, parameters, context, mode, tile + "/" + Path(first).name, first)
            try:
                path = build_tile_path(template, when, tile=PurePosixPath(tile).name or tile, name=tile)
            except PathTemplateError as exc:
                raise QgsProcessingException(worded_text(exc)) from None
            jobs.append(TileJob(name=tile, files=files, path=path, sensing_time=when, split_bands=split))
        return jobs

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        jobs = self._jobs(parameters, context)
        client = self.connection.byoc()
        collection = self.resolve_collection(client, parameters, context, bridge)
        s3 = s3_config(self.s3, collection.s3_bucket)
        bands = {name: band.to_dict() for name, band in collection.bands.items()} or None
        opts = PipelineOptions(
            cogify=COGIFY_MODES[self.parameterAsEnum(parameters, "COGIFY", context)],
            cover_policy=COVER_MODES[self.parameterAsEnum(parameters, "COVER", context)],
            max_points=self.parameterAsInt(parameters, "MAX_POINTS", context),
            overwrite=self.parameterAsBoolean(parameters, "OVERWRITE", context),
            threads=self.parameterAsInt(parameters, "THREADS", context),
            workdir=os.path.join(QgsProcessingUtils.tempFolder(), f"byoc_tiles_{os.getpid()}_{id(self)}"),
            collection_bands=bands,
            finding_text=finding_message,
        )
        bridge.info(
            tr_n(
                "%n tile to create in collection {} (bucket {})",
                "%n tiles to create in collection {} (bucket {})",
                len(jobs),
            ).format(collection.name, collection.s3_bucket)
        )
        if bands:
            bridge.info(tr("Checking the tiles against the collection's bands: {}").format(", ".join(bands)))
        check_bucket_or_fail(s3, bridge, write=True)
        return _run(self, parameters, context, bridge, client, collection, s3, jobs, opts)


class CreateTilesS3(ServiceAlgorithm):
    """Register tiles for band files already in the collection's bucket."""

    NAME = "createtilesfroms3"
    GROUP = "tiles"
    USES_S3 = True

    def displayName(self) -> str:
        return tr("Create tiles from an S3 prefix")

    def help_text(self) -> str:
        return tr(
            "Lists the collection's bucket under PREFIX, groups the band files into tiles by FILE_PATTERN (e.g. "
            "(BAND).tif: one tile per folder) and registers every tile that is not registered yet, with its sensing "
            "time from a template on the path (or a constant) and, optionally, a cover geometry traced from the "
            "remote COGs' overviews. Nothing is uploaded or deleted. With FAIL_ON_ERROR (the default) the algorithm "
            "fails when a tile failed."
        )

    def init_parameters(self) -> None:
        self.add_collection_parameter()
        self.addParameter(QgsProcessingParameterString("PREFIX", tr("Prefix in the bucket"), optional=True))
        add_file_pattern_parameter(self)
        _add_sensing_time_parameters(self, with_metadata=False)
        self.addParameter(
            QgsProcessingParameterEnum(
                "COVER",
                tr("Cover geometry"),
                _cover_labels(),
                defaultValue=2,
            )
        )
        _add_common_parameters(self)

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        client = self.connection.byoc()
        collection = self.resolve_collection(client, parameters, context, bridge)
        s3 = s3_config(self.s3, collection.s3_bucket)
        check_bucket_or_fail(s3, bridge, write=False)
        prefix = (self.parameterAsString(parameters, "PREFIX", context) or "").strip().strip("/")
        pattern = file_pattern(self, parameters, context)
        mode = _time_mode(self, parameters, context, with_metadata=False)
        bridge.fraction(0.02, tr("Listing s3://{}/{}").format(s3.bucket, prefix))
        listings = list_tiles(s3, prefix, [pattern], cancel=bridge.cancel)
        if not listings:
            raise QgsProcessingException(tr("No file under s3://{}/{} matches {!r}").format(s3.bucket, prefix, pattern))
        jobs = [
            TileJob(
                name=listing.name,
                files={b: o.key for b, o in listing.files.items()},
                path=listing.path,
                sensing_time=_sensing_time(self, parameters, context, mode, listing.path, None),
            )
            for listing in listings
        ]
        opts = PipelineOptions(
            cover_policy=COVER_MODES[self.parameterAsEnum(parameters, "COVER", context)],
            max_points=self.parameterAsInt(parameters, "MAX_POINTS", context),
            threads=self.parameterAsInt(parameters, "THREADS", context),
            s3_sources=True,
        )
        return _run(self, parameters, context, bridge.sub(0.05, 1.0), client, collection, s3, jobs, opts)
