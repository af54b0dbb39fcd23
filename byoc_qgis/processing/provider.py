"""The ``byoc`` Processing provider: every BYOC operation as an algorithm."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..translation import tr

#: the plugin's icon (toolbar button, provider, algorithms)
ICON_PATH = str(Path(__file__).resolve().parent.parent / "icons" / "byoc.svg")


def algorithm_classes() -> list:
    """The provider's algorithm classes, in toolbox order."""
    from .algorithms.batch import BatchCreate, BatchResults, BatchStart, BatchStatusAlgorithm, BatchStop, BatchWait
    from .algorithms.collections import CreateCollection, DeleteCollection, ListCollections, UpdateCollection
    from .algorithms.create_tiles import CreateTilesLocal, CreateTilesS3
    from .algorithms.local import PreflightCheck, TraceCover
    from .algorithms.process import ProcessRequestAlgorithm
    from .algorithms.tile_workflows import CopyTiles, ExplainFailure, RetraceCover
    from .algorithms.tiles import CollectionTiles, DeleteTiles, ReingestTiles, UpdateTiles, WaitForIngestion
    from .shipped_models import CreateWaitBatchModel, CreateWaitProcessModel

    return [
        CreateCollection,
        ListCollections,
        UpdateCollection,
        DeleteCollection,
        CreateTilesLocal,
        CreateTilesS3,
        CollectionTiles,
        WaitForIngestion,
        UpdateTiles,
        ReingestTiles,
        DeleteTiles,
        RetraceCover,
        CopyTiles,
        ExplainFailure,
        PreflightCheck,
        TraceCover,
        ProcessRequestAlgorithm,
        BatchCreate,
        BatchStart,
        BatchStatusAlgorithm,
        BatchWait,
        BatchStop,
        BatchResults,
        CreateWaitProcessModel,
        CreateWaitBatchModel,
    ]


class ByocProvider(QgsProcessingProvider):
    """Provider id ``byoc``: algorithms are addressed as ``byoc:<name>``."""

    def id(self) -> str:
        return "byoc"

    def name(self) -> str:
        return tr("Sentinel Hub BYOC")

    def longName(self) -> str:  # noqa: N802 - QGIS API name
        return tr("Sentinel Hub Bring Your Own COG")

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def loadAlgorithms(self) -> None:  # noqa: N802 - QGIS API name
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
