"""How result rasters are drawn: the pixels an evalscript marks as without data are transparent.

Shared by the Process dialog's results and the batch mosaics (``byoc:batchresults``, the dock's *Show results*).
"""

from __future__ import annotations

import math
from typing import List

from qgis.core import QgsProcessingContext, QgsProcessingLayerPostProcessorInterface, QgsRasterLayer, QgsRasterRange

from ..core.batch_evalscript import evalscript_output_ids
from ..core.result_layers import datamask_alpha_band, datamask_fill

__all__ = ["mask_no_data", "single_output_script", "NoDataPostProcessor"]


def mask_no_data(layer: QgsRasterLayer, script: str) -> str:
    """Make the pixels the evalscript marks as without data (``dataMask`` 0) transparent: its ``dataMask`` output
    band becomes the renderer's alpha band, or the constant it returns there becomes each band's no-data value
    (unless the file already says so; NaN is no-data for QGIS anyway). Returns "alpha", "nodata" or ""."""
    renderer = layer.renderer()
    alpha = datamask_alpha_band(script)
    if alpha is not None and alpha <= layer.bandCount() and renderer is not None:
        renderer.setAlphaBand(alpha)
        return "alpha"
    fill = datamask_fill(script)
    if not fill or len(fill) != layer.bandCount():
        return ""
    provider = layer.dataProvider()
    done = ""
    for band, value in enumerate(fill, start=1):
        if math.isnan(value):
            continue
        if provider.sourceHasNoDataValue(band) and provider.sourceNoDataValue(band) == value:
            done = "nodata"
            continue
        provider.setUserNoDataValue(band, [QgsRasterRange(value, value)])
        done = "nodata"
    return done


def single_output_script(request: dict) -> str:
    """The evalscript of a batch task's process request when it has one image output (its mosaic is the one
    :func:`mask_no_data` can read the no-data of); else ""."""
    script = str(((request or {}).get("processRequest") or {}).get("evalscript") or "")
    outputs = [o for o in evalscript_output_ids(script) if o != "userdata"] if script else []
    return script if len(outputs) == 1 else ""


class NoDataPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies :func:`mask_no_data` to a layer an algorithm loads on completion. QGIS does not own Python
    post-processors: :meth:`create` keeps each alive until QGIS has run it."""

    _alive: List[NoDataPostProcessor] = []

    def __init__(self, script: str) -> None:
        super().__init__()
        self.script = script

    @classmethod
    def create(cls, script: str) -> NoDataPostProcessor:
        """A post-processor for ``script``, kept alive for QGIS."""
        processor = cls(script)
        cls._alive.append(processor)
        return processor

    def postProcessLayer(self, layer, context: QgsProcessingContext, feedback) -> None:  # noqa: N802 - QGIS API
        if isinstance(layer, QgsRasterLayer):
            mask_no_data(layer, self.script)
