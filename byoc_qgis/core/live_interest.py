"""Which live view tile requests are outdated: what the map canvases show now and showed a moment ago
(:class:`Interest`, QGIS-free: the plugin's :mod:`byoc_qgis.live.interest` builds it from the canvases), and the
server's gate over it (:class:`OutdatedGate`).

Why: QGIS 3.22 aborts the tile requests of a cancelled render, which the server sees as a closed connection. From
3.24 QGIS's ``QgsTileDownloadManager`` lets every request it started finish, so after a pan the old view's tiles
would each cost a Process request before the new view's. The server answers a tile the gate calls outdated with
503 at once (QGIS neither caches nor retries it within the render).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, Optional, Sequence, Tuple

from .live_tiles import TILE_PX, tile_bounds, tile_resolution, zoom_for_resolution

__all__ = ["View", "Interest", "InterestFn", "OutdatedGate", "qgis_zoom", "PASS_TTL_S"]

log = logging.getLogger(__name__)

PASS_TTL_S = 60.0

InterestFn = Callable[[str, int, int, int], bool]
"""``interest(spec_token, z, x, y)``: False when the tile belongs to a view a map left (outdated)."""

TileKey = Tuple[str, int, int, int]


View = Tuple[int, int, float, float, float, float]
"""A canvas view: the zoom levels its renders may ask for (lowest, highest) and its extent in EPSG:3857."""


@dataclass(frozen=True)
class Interest:
    """What the map canvases show now and showed a moment ago, to tell an outdated tile request from a wanted one.

    ``layers``: (spec token, zmin, zmax) of the project's live layers; ``views``: what each canvas shows now (see
    :data:`View`); ``old_tokens``/``old_views``: what was shown in the last minutes and is not now. A tile is
    outdated only when it belongs to what was shown and not to what is shown: a render of anything else (a print
    layout, a script) is never refused.
    """

    layers: Tuple[Tuple[str, int, int], ...]
    views: Tuple[View, ...]
    old_tokens: frozenset = frozenset()
    old_views: Tuple[View, ...] = ()

    def __call__(self, token: str, z: int, x: int, y: int) -> bool:
        zooms = {t: (lo, hi) for t, lo, hi in self.layers}
        if token in self.old_tokens and token not in zooms:
            return False  # e.g. the time range before the Temporal Controller moved on
        lo, hi = zooms.get(token, (0, 30))
        bounds = tile_bounds(z, x, y)
        if _shows(self.views, z, bounds, lo, hi):
            return True
        return not _shows(self.old_views, z, bounds, lo, hi)


def _shows(views: Iterable[View], z: int, bounds: Sequence[float], lo: int, hi: int) -> bool:
    """True when a view shows the tile: the zoom level its render asks for of a layer limited to ``lo``..``hi``
    (QGIS clamps), one tile around its extent (QGIS asks for the tiles touching its edges)."""
    minx, miny, maxx, maxy = bounds
    margin = maxx - minx
    for zlo, zhi, vminx, vminy, vmaxx, vmaxy in views:
        if not max(lo, min(zlo, hi)) <= z <= max(lo, min(zhi, hi)):
            continue
        if minx < vmaxx + margin and vminx - margin < maxx and miny < vmaxy + margin and vminy - margin < maxy:
            return True
    return False


def qgis_zoom(resolution: float, tile_px: int = TILE_PX) -> int:
    """The zoom level QGIS's XYZ client renders a view of ``resolution`` (EPSG:3857 m per px) with: the level whose
    resolution is nearest in metres, the coarser one on a tie (``QgsWmtsTileMatrixSet::findNearestResolution``)."""
    z = zoom_for_resolution(resolution, tile_px)
    candidates = [c for c in (z - 1, z, z + 1) if c >= 0]
    return min(candidates, key=lambda c: (abs(tile_resolution(c, tile_px) - resolution), c))


class OutdatedGate:
    """The server's use of an :data:`InterestFn`: a tile it calls outdated is refused once; asked for again within
    ``PASS_TTL_S`` (a render that does need it, e.g. a print layout of a place the canvas left), it is served.
    Never refuses when the interest cannot be read. Thread-safe."""

    def __init__(self) -> None:
        self.interest: Optional[InterestFn] = None
        self._lock = threading.Lock()
        self._passed: Dict[TileKey, float] = {}  # tiles refused once: served when asked again

    def outdated(self, tile: TileKey) -> bool:
        """True when ``tile`` should be answered 503 now (counted by the caller)."""
        interest = self.interest
        if interest is None:
            return False
        now = time.monotonic()
        with self._lock:
            passed = self._passed.get(tile)
            if passed is not None and now - passed < PASS_TTL_S:
                return False
        try:
            wanted = interest(*tile)
        except Exception:  # noqa: BLE001 - never refuse a tile because the map state could not be read
            log.exception("live view: interest check failed")
            return False
        if wanted:
            return False
        with self._lock:
            self._passed[tile] = now
            if len(self._passed) > 4096:
                for key in [k for k, t in self._passed.items() if now - t >= PASS_TTL_S]:
                    del self._passed[key]
        return True
