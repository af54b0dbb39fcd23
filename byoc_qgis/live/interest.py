"""What the map canvases show now, for the tile server to tell a tile the view still needs from an outdated one.

QGIS 3.22 aborts the tile requests of a render that is cancelled (the view moved on), which the server sees as a
closed connection. QGIS 3.40 (verified) sends XYZ tiles through ``QgsTileDownloadManager``, which by design lets
every request it started finish (its documentation: to "avoid excessive load on servers and needless aborts"), six
at a time: after a pan the new view's tiles would wait behind the old view's, each of them a Process request. So the
server is told where the canvases look and looked (:class:`~byoc_qgis.core.live_tiles.Interest`: the live layers'
tokens, each canvas's extent in EPSG:3857 and zoom level, now and in the last two minutes) and answers at once
(503, which QGIS neither caches nor retries) the tiles of a view a canvas left and no canvas shows. Tiles of
anything no canvas showed (a print layout elsewhere, a script's render) are always served; so is a refused tile
asked for again. Without a QGIS interface nothing is refused.
"""

from __future__ import annotations

import functools
import re
import time
from typing import Callable, Dict, List, Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
from qgis.PyQt.QtCore import QObject

from ..core.live_interest import Interest, qgis_zoom
from ..core.live_tiles import url_token

__all__ = ["InterestTracker", "project_layers", "canvas_view"]

WEB_MERCATOR = "EPSG:3857"
HISTORY_S = 120.0  # how long a view a canvas left counts as outdated
HISTORY_MAX = 50


def project_layers(project: QgsProject) -> tuple:
    """(spec token, zmin, zmax) of the live view layers of ``project``."""
    out = []
    for layer in project.mapLayers().values():
        source = layer.source()
        token = url_token(source)
        if token:
            zmin = re.search(r"(?:^|&)zmin=(\d+)", source)
            zmax = re.search(r"(?:^|&)zmax=(\d+)", source)
            out.append((token, int(zmin.group(1)) if zmin else 0, int(zmax.group(1)) if zmax else 18))
    return tuple(sorted(set(out)))


def canvas_view(canvas) -> Optional[tuple]:
    """What a canvas's renders ask for (see ``core.live_tiles.View``), None when it cannot be said.

    A canvas in EPSG:3857 renders tiles 1:1: its zoom level is the one QGIS picks. In another CRS QGIS reprojects
    and may pick a neighbouring level: one either way counts."""
    settings = canvas.mapSettings()
    ratio = settings.devicePixelRatio() if hasattr(settings, "devicePixelRatio") else 1.0
    width = settings.outputSize().width() * (ratio or 1.0)
    if width <= 0:
        return None
    target = QgsCoordinateReferenceSystem(WEB_MERCATOR)
    extent = settings.visibleExtent()
    crs = settings.destinationCrs()
    exact = crs == target
    if not exact:
        transform = QgsCoordinateTransform(crs, target, QgsProject.instance())
        transform.setBallparkTransformsAreAppropriate(True)
        extent = transform.transformBoundingBox(extent)
    if extent.isEmpty() or not extent.isFinite():
        return None
    zoom = qgis_zoom(extent.width() / width)
    low, high = (zoom, zoom) if exact else (max(0, zoom - 1), zoom + 1)
    return low, high, extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()


class InterestTracker(QObject):
    """Follows the canvases of a QGIS interface and the project's live layers; hands each change to ``publish``."""

    def __init__(self, iface, publish: Callable[[Optional[Interest]], None]) -> None:
        super().__init__()
        self.iface = iface
        self.publish = publish
        self._canvases: Dict[int, object] = {}
        self._gone: Dict[int, object] = {}
        self._views: list = []
        self._tokens: frozenset = frozenset()
        self._old_views: Dict[tuple, float] = {}
        self._old_tokens: Dict[str, float] = {}

    def canvases(self) -> List[object]:
        try:
            found = list(self.iface.mapCanvases())
        except (AttributeError, TypeError):
            found = []
        main = self.iface.mapCanvas()
        if main is not None and all(c is not main for c in found):
            found.append(main)
        for canvas in found:
            key = id(canvas)
            if key not in self._canvases:
                self._canvases[key] = canvas
                canvas.extentsChanged.connect(self.update)
                canvas.destinationCrsChanged.connect(self.update)
                gone = functools.partial(self._forget, key)
                canvas.destroyed.connect(gone)
                self._gone[key] = gone
        return list(self._canvases.values())

    def _forget(self, key: int, *_args) -> None:
        self._canvases.pop(key, None)
        self._gone.pop(key, None)
        self.update()

    def update(self, *_args) -> None:
        """Publish what the canvases show now and showed in the last minutes (None: the server refuses nothing)."""
        views = []
        for canvas in self.canvases():
            try:
                view = canvas_view(canvas)
            except Exception:  # noqa: BLE001 - a canvas in a CRS that cannot be transformed: refuse nothing
                view = None
            if view is not None:
                views.append(view)
        layers = project_layers(QgsProject.instance())
        tokens = frozenset(t for t, _lo, _hi in layers)
        now = time.monotonic()
        for view in self._views:
            if view not in views:
                self._old_views[view] = now
        for token in self._tokens - tokens:
            self._old_tokens[token] = now
        for old in (self._old_views, self._old_tokens):
            for key in [k for k, t in old.items() if now - t > HISTORY_S or k in views or k in tokens]:
                del old[key]
            while len(old) > HISTORY_MAX:
                del old[min(old, key=old.get)]
        self._views, self._tokens = views, tokens
        if not views:
            self.publish(None)
            return
        self.publish(Interest(layers, tuple(views), frozenset(self._old_tokens), tuple(self._old_views)))

    def stop(self) -> None:
        for key, canvas in list(self._canvases.items()):
            pairs = [(canvas.extentsChanged, self.update), (canvas.destinationCrsChanged, self.update)]
            if key in self._gone:
                pairs.append((canvas.destroyed, self._gone[key]))
            for signal, slot in pairs:
                try:
                    signal.disconnect(slot)
                except (TypeError, RuntimeError):
                    pass
        self._canvases.clear()
        self._gone.clear()
        self.publish(None)
