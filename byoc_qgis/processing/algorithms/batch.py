"""Batch Processing API v2 algorithms: create (and start), start, status, wait, stop, results (VRT mosaics + cells).

Thin shells over :mod:`byoc_qgis.core.batch` and friends. Delivery S3 credentials come from S3_AUTHCFG (or the
``AWS_*`` environment variables) and go only into the create request's body and GDAL's per-bucket options: never
into outputs, logs, layer sources or the status table (whose ``request`` column is masked by the core).

The family, one module per job: :mod:`.batch_create` (create), :mod:`.batch_tasks` (start, status, wait, stop),
:mod:`.batch_layers` (results to layers), :mod:`.batch_common` (their base class).
"""

from .batch_create import GRID_IDS, BatchCreate
from .batch_layers import BatchResults, watch_project
from .batch_tasks import BatchStart, BatchStatusAlgorithm, BatchStop, BatchWait

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
