"""What a batch task delivered, read from the bucket through GDAL ``/vsis3/`` (no download of the outputs).

* ``execution-<id>.sqlite`` — table ``features(id, name, status, error, delivered)``, status PENDING, DONE or
  FATAL; a cell without data is DONE with error ``No data`` (batch-api.md §3).
* ``featureManifest-<id>.gpkg`` — one table ``feature_<epsg>`` per CRS with ``outputId, identifier, path, width,
  height`` and the cell polygon.

Both live in the delivery's root path (:func:`byoc_qgis.core.batch_paths.root_url`). The caller passes an
:class:`~byoc_qgis.core.s3.S3Config` for the delivery bucket (credentials from the auth manager); its keys stay in
GDAL's per-bucket options and never reach paths, texts or logs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from osgeo import gdal, ogr

from .batch_paths import execution_db_url, expand_template, manifest_url, output_extension, split_s3_url
from .batch_task import BatchTask
from .gdal_compat import collect_errors
from .s3 import S3Config, S3Error, bucket_options, vsis3_path
from .worded import WordedText

__all__ = [
    "FeatureStatus",
    "ManifestFeature",
    "BatchCell",
    "read_execution_db",
    "read_feature_manifest",
    "read_cells",
    "output_paths",
    "cell_outputs",
    "vsis3_url",
]

FEATURE_STATES = ("PENDING", "DONE", "FATAL")
NO_DATA = "No data"


@dataclass(frozen=True)
class FeatureStatus:
    """One row of the execution database."""

    id: int
    name: str
    status: str
    error: Optional[str] = None
    delivered: bool = False

    @property
    def no_data(self) -> bool:
        """DONE without output because the cell had no data."""
        return self.status == "DONE" and (self.error or "") == NO_DATA


@dataclass(frozen=True)
class ManifestFeature:
    """One row of the feature manifest: a cell's output, its path and outline (WKT in ``epsg``)."""

    epsg: int
    fid: int
    output_id: str
    identifier: str
    path: str
    width: int
    height: int
    wkt: str


@dataclass
class BatchCell:
    """A grid cell with its outline, per-output paths and execution status (for the cells layer)."""

    name: str
    epsg: int
    wkt: str
    width: int
    height: int
    paths: Dict[str, str] = field(default_factory=dict)
    id: Optional[int] = None
    status: str = "PENDING"
    error: Optional[str] = None
    delivered: bool = False


def vsis3_url(config: S3Config, url: str) -> str:
    """``s3://<bucket>/<key>`` → ``/vsis3/<bucket>/<key>`` (the bucket must be ``config``'s)."""
    bucket, key = split_s3_url(url)
    if bucket != config.bucket:
        raise S3Error(WordedText("batch-other-bucket", url=url, bucket=config.bucket))
    return vsis3_path(config, key)


def _open(config: S3Config, url: str, wording_id: str) -> gdal.Dataset:
    path = vsis3_url(config, url)
    with collect_errors() as errs:
        if hasattr(gdal, "VSICurlPartialClearCache"):
            gdal.VSICurlPartialClearCache(path)  # the service rewrites these files while it works
        try:
            ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
        except RuntimeError as exc:  # GDAL's exception mode (QGIS >= 3.36 turns it on)
            errs.append(str(exc))
            ds = None
    if ds is None:
        reason = config.scrub(errs[-1]) if errs else "not found"
        raise S3Error(WordedText(wording_id, url=config.scrub(url), reason=reason))
    return ds


def read_execution_db(config: S3Config, task: BatchTask, url: Optional[str] = None) -> List[FeatureStatus]:
    """Every feature's status from ``execution-<id>.sqlite`` (``url`` overrides the computed location)."""
    url = url or execution_db_url(_delivery(task), task.id)
    with bucket_options(config):
        ds = _open(config, url, "batch-cannot-read-db")
        try:
            layer = ds.ExecuteSQL("SELECT id, name, status, error, delivered FROM features ORDER BY id")
            if layer is None:
                raise S3Error(WordedText("batch-no-features-table", url=url))
            out = []
            try:
                for feature in layer:
                    out.append(
                        FeatureStatus(
                            id=int(feature.GetField(0)),
                            name=str(feature.GetField(1) or ""),
                            status=str(feature.GetField(2) or "PENDING"),
                            error=feature.GetField(3) or None,
                            delivered=bool(feature.GetField(4)),
                        )
                    )
            finally:
                ds.ReleaseResultSet(layer)
        finally:
            ds = None  # noqa: F841 - closes the file before the bucket options go
    return out


def read_feature_manifest(config: S3Config, task: BatchTask, url: Optional[str] = None) -> List[ManifestFeature]:
    """Every row of ``featureManifest-<id>.gpkg`` (all ``feature_<epsg>`` tables)."""
    url = url or manifest_url(_delivery(task), task.id)
    out: List[ManifestFeature] = []
    with bucket_options(config):
        ds = _open(config, url, "batch-cannot-read-manifest")
        try:
            for index in range(ds.GetLayerCount()):
                layer = ds.GetLayerByIndex(index)
                name = layer.GetName()
                if not name.startswith("feature_"):
                    continue
                try:
                    epsg = int(name.split("_", 1)[1])
                except ValueError:
                    continue
                defn = layer.GetLayerDefn()
                fields = {defn.GetFieldDefn(i).GetName(): i for i in range(defn.GetFieldCount())}
                for feature in layer:
                    geom = feature.GetGeometryRef()
                    out.append(
                        ManifestFeature(
                            epsg=epsg,
                            fid=int(feature.GetFID()),
                            output_id=str(_field(feature, fields, "outputId") or ""),
                            identifier=str(_field(feature, fields, "identifier") or ""),
                            path=str(_field(feature, fields, "path") or ""),
                            width=int(_field(feature, fields, "width") or 0),
                            height=int(_field(feature, fields, "height") or 0),
                            wkt=geom.ExportToWkt() if geom is not None else "",
                        )
                    )
        finally:
            ds = None  # noqa: F841
    return out


def _field(feature: ogr.Feature, fields: Dict[str, int], name: str):
    index = fields.get(name)
    return None if index is None else feature.GetField(index)


def _delivery(task: BatchTask) -> str:
    url = task.delivery_url
    if not url:
        raise S3Error(WordedText("batch-no-delivery", task=task.id))
    return url


def read_cells(config: S3Config, task: BatchTask) -> List[BatchCell]:
    """The manifest's cells joined with their execution status (by cell name), one per cell, sorted by name.

    Cells the execution database does not list yet stay PENDING; when the database is not written yet (analysis
    just finished) every cell is PENDING.
    """
    manifest = read_feature_manifest(config, task)
    try:
        statuses = {f.name: f for f in read_execution_db(config, task)}
    except S3Error:
        statuses = {}
    cells: Dict[str, BatchCell] = {}
    for row in manifest:
        cell = cells.get(row.identifier)
        if cell is None:
            cell = BatchCell(row.identifier, row.epsg, row.wkt, row.width, row.height)
            cells[row.identifier] = cell
        cell.paths[row.output_id] = row.path
    for name, cell in cells.items():
        status = statuses.get(name)
        if status is not None:
            cell.id, cell.status, cell.error, cell.delivered = status.id, status.status, status.error, status.delivered
    return [cells[k] for k in sorted(cells)]


def cell_outputs(
    config: S3Config, task: BatchTask, output_id: str, cells: Sequence[BatchCell], delivered_only: bool = True
) -> Dict[int, List[Tuple[BatchCell, str]]]:
    """``(cell, /vsis3/ path)`` of one output's delivered files grouped by EPSG (one VRT mosaic per CRS)."""
    fmt = output_extension(task.outputs.get(output_id, "image/tiff"))
    out: Dict[int, List[Tuple[BatchCell, str]]] = {}
    for cell in cells:
        if delivered_only and not cell.delivered:
            continue
        url = cell.paths.get(output_id) or expand_template(
            _delivery(task), task.id, cell.name, output_id, fmt, tile_id=cell.id
        )
        out.setdefault(cell.epsg, []).append((cell, vsis3_url(config, url)))
    return out


def output_paths(
    config: S3Config, task: BatchTask, output_id: str, cells: Sequence[BatchCell], delivered_only: bool = True
) -> Dict[int, List[str]]:
    """``/vsis3/`` paths of one output's delivered files grouped by EPSG (one VRT mosaic per CRS)."""
    groups = cell_outputs(config, task, output_id, cells, delivered_only)
    return {epsg: [path for _cell, path in pairs] for epsg, pairs in groups.items()}
