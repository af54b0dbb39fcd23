"""A batch task's delivered outputs as VRT mosaics over ``/vsis3/``: one per output and CRS, nothing downloaded.

A VRT is a small local XML file listing the delivered cell files (``/vsis3/<bucket>/<key>``) of one output in one
CRS (UTM grids deliver each zone in its own CRS, so an area across zones gives one VRT per zone). GDAL reads only
each file's header to build it (cells' sizes, georeferencing and bands) and, once it is open as a layer, only the
blocks and overviews a view needs. The VRT holds paths, never the bucket's settings or keys: whoever opens it sets
the bucket's options (:func:`~byoc_qgis.core.s3.bucket_options`, or :mod:`~byoc_qgis.core.s3_layers` for layers).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from osgeo import gdal

from .batch import BatchTask
from .batch_results import BatchCell, output_paths
from .gdal_compat import collect_errors
from .http import CancelFn, check_cancel
from .s3 import S3Config, S3Error, bucket_options

__all__ = ["Mosaic", "tiff_outputs", "mosaic_path", "build_mosaics"]

ProgressFn = Optional[Callable[[float, str], None]]


@dataclass(frozen=True)
class Mosaic:
    """One VRT: an output of the task in one CRS, the delivered cell files it lists and those GDAL skipped."""

    output_id: str
    epsg: int
    path: str
    sources: int
    skipped: Tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """A layer name: ``<output> EPSG:<code>``."""
        return f"{self.output_id} EPSG:{self.epsg}"


def tiff_outputs(task: BatchTask) -> List[str]:
    """The task's raster outputs (``image/tiff`` responses), in request order."""
    return [oid for oid, mime in task.outputs.items() if mime == "image/tiff"]


def mosaic_path(folder: str, task: BatchTask, output_id: str, epsg: int) -> str:
    """``<folder>/batch-<first 8 of the task id>-<output>-EPSG<code>.vrt`` (output id made file-name safe)."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", output_id) or "output"
    return os.path.join(folder, f"batch-{task.id[:8]}-{safe}-EPSG{int(epsg)}.vrt")


def build_mosaics(
    config: S3Config,
    task: BatchTask,
    cells: Sequence[BatchCell],
    folder: str,
    output_ids: Optional[Sequence[str]] = None,
    progress: ProgressFn = None,
    cancel: CancelFn = None,
) -> List[Mosaic]:
    """Write one VRT per raster output and CRS of the *delivered* cells into ``folder``; return them.

    ``output_ids`` limits the outputs (default: every ``image/tiff`` output). ``config`` is the delivery bucket's.
    Outputs with no delivered cell get no VRT. Raises ``ValueError`` for an output the task does not have and
    :class:`S3Error` when GDAL cannot build a VRT (message without keys).
    """
    available = tiff_outputs(task)
    wanted = list(dict.fromkeys(o.strip() for o in (output_ids or []) if o and o.strip())) or available
    unknown = [o for o in wanted if o not in available]
    if unknown:
        raise ValueError(
            f"output {unknown[0]!r} is not a raster output of batch task {task.id}; its outputs are: "
            f"{', '.join(available) or 'none'}"
        )
    ordered = sorted(cells, key=lambda c: c.name)
    jobs: List[Tuple[str, int, List[str]]] = []
    for oid in wanted:
        groups: Dict[int, List[str]] = output_paths(config, task, oid, ordered)
        for epsg in sorted(groups):
            jobs.append((oid, epsg, groups[epsg]))
    os.makedirs(folder, exist_ok=True)
    out: List[Mosaic] = []
    with bucket_options(config):
        for index, (oid, epsg, paths) in enumerate(jobs):
            check_cancel(cancel)
            path = mosaic_path(folder, task, oid, epsg)
            if progress is not None:
                progress(index / max(1, len(jobs)), f"{oid} EPSG:{epsg}: {len(paths)} cells")
            out.append(_build_one(config, path, oid, epsg, paths, cancel))
    if progress is not None:
        progress(1.0, f"{len(out)} mosaics")
    return out


def _build_one(config: S3Config, path: str, oid: str, epsg: int, paths: List[str], cancel: CancelFn) -> Mosaic:
    def callback(_complete, _message=None, _data=None) -> int:
        return 0 if cancel is not None and cancel() else 1

    if os.path.exists(path):
        os.remove(path)  # a VRT of an earlier run: the file's presence below must mean this build worked
    with collect_errors() as messages:
        try:
            ds = gdal.BuildVRT(path, paths, callback=callback)
        except RuntimeError as exc:  # exception mode
            messages.append(str(exc))
            ds = None
        if ds is not None:
            ds.FlushCache()
            ds = None
    check_cancel(cancel)
    if not os.path.exists(path):
        reason = messages[-1] if messages else "GDAL could not build it"
        raise S3Error(
            config.scrub(f"Cannot build the mosaic of output {oid} (EPSG:{epsg}) from {len(paths)} cells: {reason}")
        )
    skipped = tuple(config.scrub(m) for m in messages if "skipping" in m.lower() or "can't open" in m.lower())
    return Mosaic(oid, int(epsg), path, len(paths) - len(skipped), skipped)
