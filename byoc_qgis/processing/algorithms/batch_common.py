"""What the Batch Processing API algorithms share: their group, the TASK_ID parameter and the batch client."""

from __future__ import annotations

from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingParameterString

from ...core.batch import BatchClient
from ...translation import tr
from ..base import UUID_RE, ServiceAlgorithm

MAX_REPORTED = 20  # failed cells named one by one in the log


class BatchAlgorithm(ServiceAlgorithm):
    """Group 'Batch Processing API' and the TASK_ID parameter."""

    GROUP = "batch"

    def group(self) -> str:
        return tr("Batch Processing API")

    def groupId(self) -> str:  # noqa: N802 - QGIS API name
        return "batch"

    def tags(self):
        return super().tags() + ["batch", "tiling grid", "mosaic"]

    def add_task_parameter(self, optional: bool = False) -> None:
        """The TASK_ID parameter (optional: empty means every task of the account)."""
        self.addParameter(
            QgsProcessingParameterString(
                "TASK_ID",
                tr("Batch task id (empty: every task of the account)") if optional else tr("Batch task id"),
                optional=optional,
            )
        )

    def task_id(self, parameters, context, required: bool = True) -> str:
        """The TASK_ID parameter, checked to be a UUID (empty allowed when not ``required``)."""
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
        """A batch client on the algorithm's connection."""
        return BatchClient(self.connection.http())


def span(geom: ogr.Geometry) -> float:
    """The larger side of the geometry's envelope (to segmentize it before reprojection)."""
    minx, maxx, miny, maxy = geom.GetEnvelope()
    return max(maxx - minx, maxy - miny)
