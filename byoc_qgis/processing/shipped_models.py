"""Model Builder examples shipped with the plugin (``models/*.model3``), offered as algorithms of the provider."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingModelAlgorithm

from ..translation import tr
from .base import help_url

__all__ = ["CreateWaitProcessModel", "CreateWaitBatchModel", "MODELS_DIR"]

MODELS_DIR = Path(__file__).resolve().parent / "models"


class CreateWaitProcessModel(QgsProcessingModelAlgorithm):
    """Create tiles from local rasters → wait for ingestion → Process request (false colour)."""

    FILE = MODELS_DIR / "byoc_create_wait_process.model3"

    def __init__(self) -> None:
        super().__init__()
        self.fromFile(str(self.FILE))
        for parameter in self.parameterDefinitions():  # the .model3 keeps English labels: shown translated
            parameter.setDescription(tr(parameter.description()))

    def name(self) -> str:
        return "modelcreatewaitprocess"

    def displayName(self) -> str:
        return tr("Create tiles, wait, process (example model)")

    def group(self) -> str:
        return tr("Example models")

    def groupId(self) -> str:
        return "models"

    def helpUrl(self) -> str:  # noqa: N802 - QGIS API name
        return help_url(self.name())

    def createInstance(self):
        return type(self)()


class CreateWaitBatchModel(CreateWaitProcessModel):
    """Create tiles → wait for ingestion → batch task over the area → wait for it → results (mosaics, cells)."""

    FILE = MODELS_DIR / "byoc_create_wait_batch.model3"

    def name(self) -> str:
        return "modelcreatewaitbatch"

    def displayName(self) -> str:
        return tr("Create tiles, wait, batch (example model)")
