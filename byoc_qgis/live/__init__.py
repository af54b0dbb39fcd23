"""Live views of BYOC collections: XYZ layers whose tiles are Process API requests (see ``service.py`` for why).

Public entry points (main thread)::

    add_live_view(connection_name, collection_id, evalscript, time_range=None, mosaicking_order=None, name=None,
                  follow_temporal=False, ...) -> QgsRasterLayer
    is_live_view(layer), live_view_spec(layer), set_live_view_time(layer, start, end),
    follows_temporal(layer), set_follow_temporal(layer, on)
    start_service(iface) / stop_service()        # plugin initGui / unload
"""

from .layer import (
    add_live_view,
    follows_temporal,
    is_live_view,
    live_view_spec,
    set_follow_temporal,
    set_live_view_time,
)
from .service import running_service, service, start_service, stop_service

__all__ = [
    "add_live_view",
    "follows_temporal",
    "is_live_view",
    "live_view_spec",
    "set_follow_temporal",
    "set_live_view_time",
    "running_service",
    "service",
    "start_service",
    "stop_service",
]
