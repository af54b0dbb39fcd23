"""Live views that follow the Temporal Controller: their time range becomes the map canvas's temporal range.

The canvas announces every new range (``QgsMapCanvas.temporalRangeChanged``, fed by the Temporal Controller's
``updateTemporalRange``); each live view whose "follow" flag is on gets the range into its tile URLs
(:func:`~byoc_qgis.live.layer.set_live_view_time`), so QGIS fetches tiles for the new dates. Changes are applied
after a short pause (the last one wins) so that dragging the time slider does not start a render per step. An
infinite range (temporal navigation off) leaves the layers' own ranges as they are.
"""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QObject, QTimer

__all__ = ["TemporalFollower"]

DELAY_MS = 120


class TemporalFollower(QObject):
    """Keeps the following live views of ``project`` on ``canvas``'s temporal range (main thread)."""

    def __init__(self, canvas, project: QgsProject, delay_ms: int = DELAY_MS) -> None:
        super().__init__()
        self.canvas = canvas
        self.project = project
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.apply)
        canvas.temporalRangeChanged.connect(self._timer.start)

    def stop(self) -> None:
        """Disconnect from the canvas."""
        self._timer.stop()
        try:
            self.canvas.temporalRangeChanged.disconnect(self._timer.start)
        except (TypeError, RuntimeError):
            pass

    def _range(self):
        rng = self.canvas.temporalRange()
        if not rng.begin().isValid() or not rng.end().isValid():
            return None
        return rng

    def apply(self) -> int:
        """Give every following live view the canvas's range; returns how many layers changed."""
        rng = self._range()
        if rng is None:
            return 0
        changed = 0
        for layer in self.project.mapLayers().values():
            changed += self._set(layer, rng)
        return changed

    def apply_to(self, layer) -> bool:
        """Give one layer the canvas's range if it follows it (e.g. when it was just added)."""
        rng = self._range()
        return bool(rng is not None and self._set(layer, rng))

    @staticmethod
    def _set(layer, rng) -> int:
        from .layer import follows_temporal, set_live_view_time

        if not follows_temporal(layer):
            return 0
        return int(set_live_view_time(layer, rng.begin(), rng.end()))
