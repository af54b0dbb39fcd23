"""The QGIS-free half of the live view: Web Mercator tile maths, what a live layer shows (:class:`LiveSpec`) and how
it is written into a tile URL, the Process request of one tile, and the coverage test that spares requests.

A live layer is a QGIS XYZ layer whose tiles come from the plugin's loopback server
(:mod:`byoc_qgis.core.live_server`). Everything the server needs except secrets is in the tile URL::

    http://127.0.0.1:<port>/byoc-live/<session key>/v1/<spec token>/{z}/{x}/{y}.png

``<spec token>`` is the base64url of the zlib-compressed JSON of a :class:`LiveSpec` (connection NAME, collection
id, evalscript, time range, mosaicking order): the credentials are looked up by the connection name in QGIS's auth
manager when a tile is asked for, so neither the layer source nor a project holds a secret. The port and the
session key change with every QGIS session; :func:`placeholder_url` / :func:`current_url` turn a URL into its
saved form (``127.0.0.1:0``, key ``saved``) and back, which is what the project path writer/preprocessor do.
"""

from __future__ import annotations

import base64
import json
import math
import re
import zlib
from dataclasses import dataclass, replace
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from .models import format_time, parse_time
from .process import MAX_PX, MOSAICKING_ORDERS, DataSource, OutputResponse, ProcessRequest
from .worded import WordedError

__all__ = [
    "TILE_PX",
    "WEB_MERCATOR_HALF",
    "WEB_MERCATOR_EPSG",
    "URL_MARKER",
    "SAVED_KEY",
    "LiveSpec",
    "tile_bounds",
    "tile_resolution",
    "zoom_for_resolution",
    "tiles_for_extent",
    "ground_meters_per_pixel",
    "lonlat_to_mercator",
    "tile_request",
    "Coverage",
    "tile_url_template",
    "parse_tile_path",
    "spec_from_url",
    "url_token",
    "is_live_url",
    "placeholder_url",
    "current_url",
    "xyz_source",
    "LIVE_TEMPLATES",
    "live_evalscript",
    "script_problems",
]

TILE_PX = 256
WEB_MERCATOR_EPSG = 3857
WEB_MERCATOR_HALF = 20037508.342789244  # half the side of the EPSG:3857 square (π · 6378137 m)
EARTH_RADIUS = 6378137.0
MAX_LAT = 85.0511287798066
URL_MARKER = "/byoc-live/"
SAVED_KEY = "saved"  # the session key of a URL as written into a project (never a working key)
SPEC_VERSION = 1
MAX_TOKEN_CHARS = 60000  # an evalscript of ~100 kB compresses far below this; Python's request line limit is 65536

_KEY_RE = r"[A-Za-z0-9_-]+"
_URL_RE = re.compile(r"http://127\.0\.0\.1:\d+/byoc-live/" + _KEY_RE + r"/v1/")
_PATH_RE = re.compile(r"^/byoc-live/(" + _KEY_RE + r")/v1/(" + _KEY_RE + r")/(\d{1,2})/(\d{1,8})/(\d{1,8})\.png$")


# -- what a live layer shows ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LiveSpec:
    """What a live layer renders: a collection of a saved connection through an evalscript.

    ``time_from``/``time_to`` are ISO strings (UTC, as the Process API wants them) or both None (no time filter);
    ``mosaicking_order`` is ``mostRecent``/``leastRecent`` or None (the service's default).
    """

    connection: str
    collection_id: str
    evalscript: str
    time_from: Optional[str] = None
    time_to: Optional[str] = None
    mosaicking_order: Optional[str] = None
    upsampling: Optional[str] = None
    downsampling: Optional[str] = None

    def __post_init__(self) -> None:
        if not self.connection or not self.connection.strip():
            raise ValueError("live view: the connection name is empty")
        if not self.collection_id or "/" in self.collection_id:
            raise ValueError(f"live view: collection id {self.collection_id!r} is not valid")
        if not self.evalscript or not self.evalscript.strip():
            raise WordedError("live-no-evalscript")
        if (self.time_from is None) != (self.time_to is None):
            raise WordedError("live-time-ends")
        if self.mosaicking_order is not None and self.mosaicking_order not in MOSAICKING_ORDERS:
            raise WordedError("live-mosaicking", order=self.mosaicking_order)
        # normalised times: the same range always gives the same token (and the same cached tiles)
        object.__setattr__(self, "time_from", format_time(self.time_from))
        object.__setattr__(self, "time_to", format_time(self.time_to))
        if self.time_from is not None and parse_time(self.time_from) > parse_time(self.time_to):  # type: ignore[operator]
            raise WordedError("live-time-order", start=self.time_from, end=self.time_to)

    def with_time(self, time_from: Any, time_to: Any) -> LiveSpec:
        """The same view over another time range."""
        return replace(self, time_from=time_from, time_to=time_to)

    def to_dict(self) -> Dict[str, Any]:
        """Short JSON keys (the token travels in every tile URL); None values left out."""
        data = {
            "v": SPEC_VERSION,
            "c": self.connection,
            "i": self.collection_id,
            "e": self.evalscript,
            "f": self.time_from,
            "t": self.time_to,
            "m": self.mosaicking_order,
            "u": self.upsampling,
            "d": self.downsampling,
        }
        return {k: v for k, v in data.items() if v is not None}

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> LiveSpec:
        if not isinstance(data, dict) or data.get("v") != SPEC_VERSION:
            raise ValueError("live view: unknown description version")
        return cls(
            connection=str(data.get("c") or ""),
            collection_id=str(data.get("i") or ""),
            evalscript=str(data.get("e") or ""),
            time_from=data.get("f"),
            time_to=data.get("t"),
            mosaicking_order=data.get("m"),
            upsampling=data.get("u"),
            downsampling=data.get("d"),
        )

    def token(self) -> str:
        """URL-safe text of the spec: base64url (no padding) of the zlib-compressed JSON."""
        raw = json.dumps(self.to_dict(), separators=(",", ":"), sort_keys=True).encode("utf-8")
        text = base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")
        if len(text) > MAX_TOKEN_CHARS:
            raise WordedError("live-evalscript-long")
        return text

    @classmethod
    def from_token(cls, token: str) -> LiveSpec:
        """Inverse of :meth:`token`; ``ValueError`` for anything that is not one."""
        if not token or len(token) > MAX_TOKEN_CHARS or not re.fullmatch(_KEY_RE, token):
            raise ValueError("live view: not a spec token")
        try:
            raw = zlib.decompress(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
            return cls.from_dict(json.loads(raw.decode("utf-8")))
        except (ValueError, zlib.error, UnicodeDecodeError, TypeError) as exc:
            raise ValueError(f"live view: not a spec token ({exc})") from None

    def data_source(self) -> DataSource:
        """The ``input.data`` entry of this view's requests."""
        return DataSource(
            self.collection_id,
            self.time_from,
            self.time_to,
            mosaicking_order=self.mosaicking_order,
            upsampling=self.upsampling,
            downsampling=self.downsampling,
        )


# -- Web Mercator tiles -----------------------------------------------------------------------------------------
def tile_resolution(z: int, tile_px: int = TILE_PX) -> float:
    """Metres (EPSG:3857 units) per pixel of zoom level ``z``."""
    return 2 * WEB_MERCATOR_HALF / (tile_px * (1 << z))


def tile_bounds(z: int, x: int, y: int) -> Tuple[float, float, float, float]:
    """(minx, miny, maxx, maxy) in EPSG:3857 of XYZ tile z/x/y (y counted from the north)."""
    n = 1 << z
    if not (0 <= x < n and 0 <= y < n):
        raise ValueError(f"tile {z}/{x}/{y} is outside the zoom level")
    span = 2 * WEB_MERCATOR_HALF / n
    minx = -WEB_MERCATOR_HALF + x * span
    maxy = WEB_MERCATOR_HALF - y * span
    return minx, maxy - span, minx + span, maxy


def zoom_for_resolution(resolution: float, tile_px: int = TILE_PX) -> int:
    """The zoom level whose resolution is nearest to ``resolution`` (EPSG:3857 metres per pixel)."""
    z = math.log2(2 * WEB_MERCATOR_HALF / (tile_px * resolution))
    return max(0, int(round(z)))


def tiles_for_extent(z: int, extent: Sequence[float]) -> List[Tuple[int, int, int]]:
    """Tiles (z, x, y) of zoom ``z`` that overlap ``extent`` (EPSG:3857 minx, miny, maxx, maxy) by more than an edge."""
    minx, miny, maxx, maxy = extent
    n = 1 << z
    span = 2 * WEB_MERCATOR_HALF / n
    eps = span * 1e-9
    x0 = max(0, int(math.floor((minx + WEB_MERCATOR_HALF + eps) / span)))
    x1 = min(n - 1, int(math.ceil((maxx + WEB_MERCATOR_HALF - eps) / span)) - 1)
    y0 = max(0, int(math.floor((WEB_MERCATOR_HALF - maxy + eps) / span)))
    y1 = min(n - 1, int(math.ceil((WEB_MERCATOR_HALF - miny - eps) / span)) - 1)
    return [(z, x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]


def lonlat_to_mercator(lon: float, lat: float) -> Tuple[float, float]:
    """EPSG:4326 → EPSG:3857 (spherical formulas, latitude clamped to the square)."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    x = math.radians(lon) * EARTH_RADIUS
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * EARTH_RADIUS
    return x, y


def _mercator_lat(y: float) -> float:
    return math.degrees(math.atan(math.sinh(y / EARTH_RADIUS)))


def ground_meters_per_pixel(z: int, y: int, tile_px: int = TILE_PX) -> float:
    """Ground size of a pixel at the centre of tile row ``y`` of zoom ``z`` (what the service compares with a
    collection's ``maxMetersPerPixel``)."""
    miny = tile_bounds(z, 0, y)[1]
    centre = miny + WEB_MERCATOR_HALF / (1 << z)
    return tile_resolution(z, tile_px) * math.cos(math.radians(_mercator_lat(centre)))


def tile_request(spec: LiveSpec, z: int, x: int, y: int, tile_px: int = TILE_PX) -> ProcessRequest:
    """The Process request of one tile: its EPSG:3857 box at ``tile_px`` px, the view's PNG output."""
    if not 1 <= tile_px <= MAX_PX:
        raise ValueError(f"tile size {tile_px} px: the Process API takes 1..{MAX_PX} px per side")
    return ProcessRequest(
        evalscript=spec.evalscript,
        data=[spec.data_source()],
        bbox=tile_bounds(z, x, y),
        crs=WEB_MERCATOR_EPSG,
        width=tile_px,
        height=tile_px,
        responses=[OutputResponse("default", "image/png")],
    )


# -- what is worth a request ------------------------------------------------------------------------------------
def _polygons(geojson: Dict[str, Any]) -> Iterable[Any]:
    gtype = geojson.get("type")
    coords = geojson.get("coordinates") or []
    if gtype == "Polygon":
        yield coords
    elif gtype == "MultiPolygon":
        yield from coords


@dataclass(frozen=True)
class Coverage:
    """Where a collection has data (bounding boxes of its extent's polygons, EPSG:3857) and the coarsest
    resolution the service renders it at. ``boxes`` None = unknown (every tile is asked for)."""

    boxes: Optional[Tuple[Tuple[float, float, float, float], ...]] = None
    max_meters_per_pixel: Optional[float] = None

    @classmethod
    def from_collection(cls, extent: Optional[Dict[str, Any]], max_meters_per_pixel: Any) -> Coverage:
        """From a collection's ``additionalData`` ``extent`` (WGS84 GeoJSON) and ``maxMetersPerPixel``."""
        boxes: Optional[List[Tuple[float, float, float, float]]] = None
        if isinstance(extent, dict):
            boxes = []
            for polygon in _polygons(extent):
                points = [p for ring in polygon[:1] for p in ring if isinstance(p, (list, tuple)) and len(p) >= 2]
                if not points:
                    continue
                xs, ys = zip(*(lonlat_to_mercator(float(p[0]), float(p[1])) for p in points))
                boxes.append((min(xs), min(ys), max(xs), max(ys)))
        try:
            limit = float(max_meters_per_pixel) if max_meters_per_pixel is not None else None
        except (TypeError, ValueError):
            limit = None
        return cls(tuple(boxes) if boxes is not None else None, limit)

    def has_data(self, z: int, x: int, y: int) -> bool:
        """False only when the tile certainly lies outside every polygon's box."""
        if self.boxes is None:
            return True
        minx, miny, maxx, maxy = tile_bounds(z, x, y)
        return any(minx < b[2] and b[0] < maxx and miny < b[3] and b[1] < maxy for b in self.boxes)

    def too_coarse(self, z: int, y: int, tile_px: int = TILE_PX) -> bool:
        """True when the service would refuse the tile's resolution (coarser than ``maxMetersPerPixel``)."""
        if not self.max_meters_per_pixel:
            return False
        return ground_meters_per_pixel(z, y, tile_px) > self.max_meters_per_pixel * 1.001


# -- URLs -------------------------------------------------------------------------------------------------------
def tile_url_template(port: int, key: str, spec: LiveSpec) -> str:
    """The ``{z}/{x}/{y}`` URL template of ``spec`` on the loopback server."""
    if not re.fullmatch(_KEY_RE, key):
        raise ValueError("live view: the session key must be URL-safe")
    return f"http://127.0.0.1:{int(port)}{URL_MARKER}{key}/v1/{spec.token()}/{{z}}/{{x}}/{{y}}.png"


def parse_tile_path(path: str) -> Tuple[str, str, int, int, int]:
    """(session key, spec token, z, x, y) of a tile request path; ``ValueError`` otherwise."""
    match = _PATH_RE.match(path.split("?", 1)[0])
    if not match:
        raise ValueError("not a live view tile path")
    key, token, z, x, y = match.groups()
    return key, token, int(z), int(x), int(y)


def is_live_url(text: str) -> bool:
    """True when ``text`` (a URL or a layer source) contains a live view tile URL."""
    return bool(_URL_RE.search(text or ""))


def url_token(text: str) -> Optional[str]:
    """The spec token of a live view URL or layer source (None for other text)."""
    match = _URL_RE.search(text or "")
    token = re.match(_KEY_RE, text[match.end() :]) if match else None
    return token.group(0) if token else None


def spec_from_url(text: str) -> LiveSpec:
    """The spec of a live view URL or layer source."""
    token = url_token(text)
    if token is None:
        raise ValueError("not a live view source")
    return LiveSpec.from_token(token)


def placeholder_url(text: str) -> str:
    """``text`` with every live view URL's port and session key replaced by the saved form (port 0, key ``saved``)."""
    return _URL_RE.sub(f"http://127.0.0.1:0{URL_MARKER}{SAVED_KEY}/v1/", text)


def current_url(text: str, port: int, key: str) -> str:
    """``text`` with every live view URL pointed at this session's server (port and key)."""
    return _URL_RE.sub(f"http://127.0.0.1:{int(port)}{URL_MARKER}{key}/v1/", text)


def xyz_source(url_template: str, zmin: int = 0, zmax: int = 20) -> str:
    """A QGIS ``wms`` provider source for an XYZ layer on ``url_template`` (the URL percent-encoded as QGIS does)."""
    from urllib.parse import quote

    return f"type=xyz&url={quote(url_template, safe=':/{}')}&zmax={int(zmax)}&zmin={int(zmin)}"


LIVE_TEMPLATES = ("true", "false", "ndi", "single")


def live_evalscript(collection: Any, template: str, bands: Sequence[str]) -> str:
    """A band template (:func:`~.evalscripts.template_script`) as a live view shows it: 8-bit, 1 or 3 bands, 0 where
    there is no data (shown transparent). ``template`` is one of :data:`LIVE_TEMPLATES`."""
    from .evalscripts import template_script

    if template not in LIVE_TEMPLATES:
        raise ValueError(f"a live view shows the templates {', '.join(LIVE_TEMPLATES)}, not {template!r}")
    return template_script(collection, template, bands, "jpg")  # JPEG's limits = 8-bit, 1 or 3 bands


def script_problems(evalscript: str) -> List[str]:
    """What in a (user-written) evalscript's declared outputs a live view cannot show (empty when fine)."""
    from .evalscripts import format_issues

    problems = []
    for issue in format_issues(evalscript, "png"):
        if issue.kind == "sampleType":
            problems.append(f"sampleType {issue.found}: a live view shows {issue.accepted} (8-bit: AUTO or UINT8)")
        else:
            problems.append(f"{issue.found} output bands: a live view shows 1 (grey), 3 (RGB) or 4 (RGBA)")
    return problems
