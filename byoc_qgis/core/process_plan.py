"""Planning a Process request for an extent: which CRS to request in, how many pixels, how many sub-requests.

The Process dialog sizes its requests here and ``processrequest`` picks its default CRS here, so both choose the
same way. Reprojection is GDAL's (:mod:`.reproject`): safe on any thread, no QGIS CRS object is made.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Sequence, Tuple

from .api_values import WGS84
from .cog_rules import is_allowed_epsg
from .process import MAX_PX
from .reproject import Definition, Reprojector, normalize, spatial_reference

__all__ = ["utm_epsg", "epsg_code", "request_epsg", "RequestPlan", "plan_request"]

_EDGE_POINTS = 64  # points per edge when an extent's bounding box is reprojected


def utm_epsg(lon: float, lat: float) -> int:
    """The WGS84 UTM zone's EPSG code at a point."""
    zone = min(60, max(1, int(math.floor((lon + 180.0) / 6.0)) + 1))
    return (32600 if lat >= 0 else 32700) + zone


def epsg_code(definition: Optional[Definition]) -> Optional[int]:
    """The EPSG code of a CRS written ``"EPSG:n"`` (or an int); None for anything else (WKT, other authorities)."""
    if definition is None or definition == "":
        return None
    text = normalize(definition)
    code = text[5:] if text.startswith("EPSG:") else ""
    return int(code) if code.isdigit() else None


def request_epsg(epsg: Optional[int]) -> int:
    """``epsg`` when the Process API accepts it as a request CRS, else EPSG:4326."""
    return int(epsg) if epsg is not None and is_allowed_epsg(epsg) else WGS84


@dataclass(frozen=True)
class RequestPlan:
    """Where and how big a request is: ``params`` are ``processrequest``'s CRS and RESOLUTION or WIDTH/HEIGHT."""

    epsg: int
    width: int
    height: int
    params: Dict[str, Any] = field(default_factory=dict)

    @property
    def authid(self) -> str:
        return f"EPSG:{self.epsg}"

    @property
    def parts(self) -> int:
        """Sub-requests of at most MAX_PX × MAX_PX the request is split into."""
        return math.ceil(self.width / MAX_PX) * math.ceil(self.height / MAX_PX)


def _edge_points(bbox: Sequence[float]) -> list:
    xmin, ymin, xmax, ymax = bbox
    out = []
    for i in range(_EDGE_POINTS + 1):
        t = i / _EDGE_POINTS
        x, y = xmin + t * (xmax - xmin), ymin + t * (ymax - ymin)
        out += [(x, ymin), (x, ymax), (xmin, y), (xmax, y)]
    return out


def _bounds(points) -> Tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def plan_request(
    bbox: Sequence[float], crs: Optional[Definition], metres: Optional[float], size: Tuple[int, int]
) -> RequestPlan:
    """Request CRS, parameters and output size for the extent ``bbox`` (xmin, ymin, xmax, ymax) in ``crs``.

    With ``metres`` the request is made in a metric CRS (the extent's when it is projected and accepted, else the
    UTM zone of its centre) at that resolution, the size from the extent's reprojected bounding box; else in the
    extent's CRS (EPSG:4326 when not accepted) with ``size`` = (width, height) pixels. ``crs`` None: lon/lat.
    """
    source = normalize(crs) if crs not in (None, "") else f"EPSG:{WGS84}"
    epsg = epsg_code(source)
    if not metres:
        epsg = request_epsg(epsg)
        width, height = int(size[0]), int(size[1])
        return RequestPlan(epsg, width, height, {"CRS": f"EPSG:{epsg}", "WIDTH": width, "HEIGHT": height})
    if epsg is None or not is_allowed_epsg(epsg) or spatial_reference(source).IsGeographic():
        centre = ((bbox[0] + bbox[2]) / 2.0, (bbox[1] + bbox[3]) / 2.0)
        lon, lat = Reprojector(WGS84).points(source, [centre])[0]
        epsg = utm_epsg(lon, lat)
    box = tuple(bbox)
    reprojector = Reprojector(epsg)
    if not reprojector.same(source):
        box = _bounds(reprojector.points(source, _edge_points(bbox)))
    width = max(1, round((box[2] - box[0]) / metres))
    height = max(1, round((box[3] - box[1]) / metres))
    return RequestPlan(epsg, width, height, {"CRS": f"EPSG:{epsg}", "RESOLUTION": float(metres)})
