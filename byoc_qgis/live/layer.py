"""Live view layers: a BYOC collection as a QGIS XYZ raster layer rendered tile by tile through the Process API.

Entry point for the dock, the Browser and the Process dialog::

    from byoc_qgis.live import add_live_view
    layer = add_live_view("my connection", collection_id, evalscript,
                          time_range=(start, end), mosaicking_order="mostRecent", name="My collection (live)")

``evalscript``: a user's script (8-bit output, 1/3/4 bands) or a band template made for it with
``byoc_qgis.core.live_tiles.live_evalscript(collection, "true", ["B04", "B03", "B02"])``.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Optional, Sequence, Tuple, Union

from qgis.core import QgsDataProvider, QgsDateTimeRange, QgsMapLayer, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QDateTime, Qt

from ..core.live_tiles import LiveSpec, is_live_url, script_problems, spec_from_url, xyz_source
from ..translation import tr
from .service import service

__all__ = [
    "add_live_view",
    "is_live_view",
    "live_view_spec",
    "set_live_view_time",
    "follows_temporal",
    "set_follow_temporal",
    "FOLLOW_PROPERTY",
    "DEFAULT_MAX_ZOOM",
]

FOLLOW_PROPERTY = "byoc_qgis/live_view/follow_temporal"
DEFAULT_MAX_ZOOM = 20  # 0.15 m per pixel at the equator; deeper zooms enlarge these tiles

TimeValue = Union[None, str, datetime, QDateTime]
TimeRange = Union[None, QgsDateTimeRange, Tuple[TimeValue, TimeValue], Sequence[TimeValue]]


def _iso(value: TimeValue) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, QDateTime):
        if not value.isValid():
            return None
        return value.toUTC().toString(Qt.DateFormat.ISODateWithMs)
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _range(time_range: TimeRange) -> Tuple[Optional[str], Optional[str]]:
    if time_range is None:
        return None, None
    if isinstance(time_range, QgsDateTimeRange):
        return _iso(time_range.begin()), _iso(time_range.end())
    start, end = time_range
    return _iso(start), _iso(end)


def add_live_view(
    connection_name: str,
    collection_id: str,
    evalscript: str,
    time_range: TimeRange = None,
    mosaicking_order: Optional[str] = None,
    name: Optional[str] = None,
    *,
    follow_temporal: bool = False,
    upsampling: Optional[str] = None,
    downsampling: Optional[str] = None,
    max_zoom: int = DEFAULT_MAX_ZOOM,
    project: Optional[QgsProject] = None,
    add_to_project: bool = True,
) -> QgsRasterLayer:
    """Add a live view of a collection to ``project`` (default: the current project) and return the layer.

    Main thread (reads the connection's credentials from the auth manager once; nothing else waits for the
    network). ``time_range``: ``(start, end)`` (datetimes, ISO strings or QDateTimes) or a QgsDateTimeRange; None
    for no time filter. ``follow_temporal``: the layer's time range follows the map canvas's temporal range (Temporal
    Controller). Raises ``ValueError`` for an evalscript a live view cannot show, an unknown connection or a bad
    time range, ``CredentialsError`` when the connection's credentials cannot be read.
    """
    start, end = _range(time_range)
    spec = LiveSpec(
        connection=connection_name,
        collection_id=collection_id,
        evalscript=evalscript,
        time_from=start,
        time_to=end,
        mosaicking_order=mosaicking_order,
        upsampling=upsampling,
        downsampling=downsampling,
    )
    problems = script_problems(evalscript)
    if problems:
        raise ValueError(tr("This evalscript cannot be shown as a live view: {}").format("; ".join(problems)))
    svc = service()
    svc.ensure_client(connection_name)
    source = xyz_source(svc.server().url_template(spec), 0, max_zoom)
    layer = QgsRasterLayer(source, name or tr("BYOC live view {}").format(collection_id[:8]), "wms")
    if not layer.isValid():
        raise RuntimeError(tr("QGIS could not create the live view layer: {}").format(layer.error().summary()))
    layer.setCustomProperty(FOLLOW_PROPERTY, bool(follow_temporal))
    if add_to_project:
        (project or QgsProject.instance()).addMapLayer(layer)
    if follow_temporal and svc.follower is not None:
        svc.follower.apply_to(layer)
    return layer


def is_live_view(layer: Optional[QgsMapLayer]) -> bool:
    """True for a live view layer."""
    return isinstance(layer, QgsRasterLayer) and layer.providerType() == "wms" and is_live_url(layer.source())


def live_view_spec(layer: QgsMapLayer) -> Optional[LiveSpec]:
    """What a live view layer shows (connection, collection, evalscript, time range…), None for other layers."""
    if not is_live_view(layer):
        return None
    try:
        return spec_from_url(layer.source())
    except ValueError:
        return None


def set_live_view_time(layer: QgsRasterLayer, start: TimeValue, end: TimeValue) -> bool:
    """Show another time range (tiles are fetched again for it); False when nothing changed."""
    spec = live_view_spec(layer)
    if spec is None:
        raise ValueError("not a live view layer")
    new = spec.with_time(_iso(start), _iso(end))
    if new == spec:
        return False
    old_source = layer.source()
    zmin = _param(old_source, "zmin", 0)
    zmax = _param(old_source, "zmax", DEFAULT_MAX_ZOOM)
    svc = service()
    source = xyz_source(svc.server().url_template(new), zmin, zmax)
    layer.setDataSource(source, layer.name(), "wms", QgsDataProvider.ProviderOptions())
    svc.update_interest()  # the old range's tiles are no longer wanted
    layer.triggerRepaint()
    return True


def _param(source: str, name: str, default: int) -> int:
    match = re.search(rf"(?:^|&){name}=(\d+)", source)
    return int(match.group(1)) if match else default


def follows_temporal(layer: QgsMapLayer) -> bool:
    """True when the layer's time range follows the canvas's temporal range."""
    return is_live_view(layer) and str(layer.customProperty(FOLLOW_PROPERTY, False)).lower() in ("true", "1")


def set_follow_temporal(layer: QgsRasterLayer, follow: bool) -> None:
    """Turn "follow the Temporal Controller" on or off for a live view layer (applied at once when on)."""
    if not is_live_view(layer):
        raise ValueError("not a live view layer")
    layer.setCustomProperty(FOLLOW_PROPERTY, bool(follow))
    svc = service()
    if follow and svc.follower is not None:
        svc.follower.apply_to(layer)
