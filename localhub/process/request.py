"""Parse and validate a Process API request body (and the Accept header) into plain dataclasses.

Texts of the errors the real service is known to send are reproduced exactly (byoc-api.md §6, §8); the rest
name the offending field and how to fix it, in the same ``{parameter, violation}`` shape.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import List, Optional, Tuple

from .crs import bbox_polygon, ogr_geometry, request_epsg
from .errors import ProcessError, bad_payload, common_exception

MAX_SIZE = 2500
DEFAULT_SIZE = 256
RESAMPLING = ("NEAREST", "BILINEAR", "BICUBIC")
MOSAICKING_ORDERS = ("mostRecent", "leastRecent")

IMAGE_TYPES = ("image/png", "image/jpeg", "image/tiff")
JSON_TYPE = "application/json"
TAR_TYPES = ("application/tar", "application/x-tar")
MULTIPART_TYPE = "multipart/mixed"
OCTET_TYPE = "application/octet-stream"
ACCEPTABLE = IMAGE_TYPES + (JSON_TYPE,) + TAR_TYPES + (MULTIPART_TYPE, OCTET_TYPE)
EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/tiff": "tif", JSON_TYPE: "json"}


@dataclass(frozen=True)
class Grid:
    """The output raster grid: bbox in the request CRS and size in pixels (north-up)."""

    epsg: int
    minx: float
    miny: float
    maxx: float
    maxy: float
    width: int
    height: int

    @property
    def resx(self) -> float:
        return (self.maxx - self.minx) / self.width

    @property
    def resy(self) -> float:
        return (self.maxy - self.miny) / self.height

    @property
    def geotransform(self) -> Tuple[float, float, float, float, float, float]:
        """GDAL geotransform of the grid (upper-left origin)."""
        return (self.minx, self.resx, 0.0, self.maxy, 0.0, -self.resy)

    def window(self, minx: float, miny: float, maxx: float, maxy: float) -> Optional[Tuple[int, int, int, int]]:
        """Pixel window ``(xoff, yoff, xsize, ysize)`` covering a bbox (one pixel of margin), or None if outside."""
        x0 = max(0, int(math.floor((minx - self.minx) / self.resx)) - 1)
        x1 = min(self.width, int(math.ceil((maxx - self.minx) / self.resx)) + 1)
        y0 = max(0, int(math.floor((self.maxy - maxy) / self.resy)) - 1)
        y1 = min(self.height, int(math.ceil((self.maxy - miny) / self.resy)) + 1)
        if x1 <= x0 or y1 <= y0:
            return None
        return x0, y0, x1 - x0, y1 - y0

    def sub_geotransform(self, xoff: int, yoff: int) -> Tuple[float, float, float, float, float, float]:
        """Geotransform of a window starting at pixel ``(xoff, yoff)``."""
        return (self.minx + xoff * self.resx, self.resx, 0.0, self.maxy - yoff * self.resy, 0.0, -self.resy)


@dataclass(frozen=True)
class DataSource:
    """One ``input.data`` entry for a BYOC collection."""

    collection_id: str
    type_name: str  # as the request wrote it: "byoc-<id>" or "CUSTOM"
    time_from: Optional[datetime] = None
    time_to: Optional[datetime] = None
    mosaicking_order: str = "mostRecent"
    upsampling: str = "NEAREST"
    downsampling: str = "NEAREST"


@dataclass(frozen=True)
class ResponseSpec:
    """One ``output.responses`` entry after the Accept header was applied."""

    identifier: str
    mime: str
    quality: int = 90

    @property
    def filename(self) -> str:
        """Tar member name: ``<identifier>.<ext>``."""
        return f"{self.identifier}.{EXTENSIONS[self.mime]}"


@dataclass
class ProcessRequest:
    """A validated Process request."""

    grid: Grid
    geometry: Optional[dict]  # bounds.geometry (GeoJSON, request CRS) or None
    data: DataSource
    responses: List[ResponseSpec]
    evalscript: str
    packaging: str = "raw"  # "raw" (one response), "tar" or "multipart"
    content_type_override: Optional[str] = None  # Accept: application/octet-stream
    notes: List[str] = field(default_factory=list)


def parse_accept(header: Optional[str]) -> Optional[str]:
    """The first media type of an Accept header that the Process API knows; None for absent or ``*/*``."""
    if not header:
        return None
    for part in header.split(","):
        media = part.split(";")[0].strip().lower()
        if media in ACCEPTABLE:
            return media
    return None


def parse_process_request(body: object, accept: Optional[str] = None) -> ProcessRequest:
    """Validate a decoded JSON body and the Accept header; raise ``ProcessError`` like the service does."""
    if body is None or body == {} or body == "":
        raise bad_payload("Request body should be non-empty.")
    if not isinstance(body, dict):
        raise bad_payload("Request body must be a JSON object with input, output and evalscript.")
    inp = body.get("input")
    if not isinstance(inp, dict):
        raise bad_payload("input must be set.", "input", "must not be null")
    epsg, bbox, geometry = _parse_bounds(inp.get("bounds"))
    data = _parse_data(inp.get("data"))
    output = body.get("output")
    if output is None:
        output = {}
    if not isinstance(output, dict):
        raise bad_payload("output must be an object.", "output", "must be an object")
    width, height = _output_size(output, bbox)
    responses_raw = _parse_responses(output.get("responses"))
    evalscript = body.get("evalscript")
    if not isinstance(evalscript, str) or not evalscript.strip():
        raise common_exception("Missing or empty evalscript.")
    grid = Grid(epsg, *bbox, width=width, height=height)
    responses, packaging, override = _apply_accept(responses_raw, parse_accept(accept))
    return ProcessRequest(grid, geometry, data, responses, evalscript, packaging, override)


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _parse_bounds(bounds: object) -> Tuple[int, Tuple[float, float, float, float], Optional[dict]]:
    if not isinstance(bounds, dict):
        raise bad_payload("input->bounds must be set.", "input->bounds", "must not be null")
    props = bounds.get("properties") or {}
    if not isinstance(props, dict):
        raise bad_payload("input->bounds->properties must be an object.", "input->bounds->properties")
    epsg = request_epsg(props.get("crs"))
    bbox = bounds.get("bbox")
    geometry = bounds.get("geometry")
    if bbox is None and geometry is None:
        raise bad_payload(
            "Either bbox or geometry must be set in input->bounds.", "input->bounds", "bbox or geometry required"
        )
    geom_json = None
    if geometry is not None:
        if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            raise bad_payload(
                "input->bounds->geometry must be a GeoJSON Polygon or MultiPolygon.",
                "input->bounds->geometry",
                "must be a Polygon or MultiPolygon",
            )
        try:
            geom = ogr_geometry(geometry)
        except ValueError:
            raise bad_payload(
                "input->bounds->geometry is not valid GeoJSON.", "input->bounds->geometry", "invalid GeoJSON"
            ) from None
        if geom.IsEmpty() or geom.GetArea() <= 0:
            raise bad_payload("input->bounds->geometry has no area.", "input->bounds->geometry", "empty")
        geom_json = {k: v for k, v in geometry.items() if k != "crs"}
    if bbox is not None:
        if not isinstance(bbox, list) or len(bbox) != 4 or not all(_number(v) for v in bbox):
            raise bad_payload(
                "input->bounds->bbox must be 4 numbers [x1, y1, x2, y2].", "input->bounds->bbox", "4 numbers"
            )
        x1, y1, x2, y2 = (float(v) for v in bbox)
        box = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
    else:
        minx, maxx, miny, maxy = ogr_geometry(geom_json).GetEnvelope()
        box = (minx, miny, maxx, maxy)
    if box[2] - box[0] <= 0 or box[3] - box[1] <= 0:
        raise bad_payload("input->bounds->bbox has no area.", "input->bounds->bbox", "zero width or height")
    if geom_json is not None and not ogr_geometry(geom_json).Intersects(bbox_polygon(*box)):
        raise bad_payload(
            "input->bounds->geometry does not intersect the bbox.", "input->bounds->geometry", "outside bbox"
        )
    return epsg, box, geom_json


def parse_time(value: object, parameter: str) -> datetime:
    """RFC 3339 date-time (``Z`` or offset; naive = UTC); date-only strings are refused like the service does."""
    if not isinstance(value, str) or "T" not in value.upper():
        raise bad_payload(
            f"Invalid {parameter} {value!r}: expected an RFC 3339 date-time such as 2020-01-01T00:00:00Z.",
            parameter,
            "must be a date-time",
        )
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text.replace("t", "T"))
    except ValueError:
        raise bad_payload(
            f"Invalid {parameter} {value!r}: expected an RFC 3339 date-time such as 2020-01-01T00:00:00Z.",
            parameter,
            "must be a date-time",
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def _parse_data(data: object) -> DataSource:
    if not isinstance(data, list) or not data:
        raise bad_payload("input->data must be a non-empty array.", "input->data", "size must be at least 1")
    if len(data) > 1:
        raise bad_payload(
            "localhub serves one data collection per request; data fusion is not supported.",
            "input->data",
            "size must be 1",
        )
    entry = data[0]
    if not isinstance(entry, dict):
        raise bad_payload("input->data[0] must be an object.", "input->data[0]", "must be an object")
    type_name = entry.get("type")
    data_filter = entry.get("dataFilter") or {}
    if not isinstance(data_filter, dict):
        raise bad_payload("input->data[0]->dataFilter must be an object.", "input->data[0]->dataFilter")
    if isinstance(type_name, str) and type_name.lower().startswith("byoc-") and len(type_name) > 5:
        collection_id = type_name[5:]
    elif isinstance(type_name, str) and type_name.upper() == "CUSTOM":
        collection_id = data_filter.get("collectionId")
        if not isinstance(collection_id, str) or not collection_id:
            raise bad_payload(
                "input->data[0]->dataFilter->collectionId must be set for type CUSTOM.",
                "input->data[0]->dataFilter->collectionId",
                "must not be null",
            )
    else:
        raise bad_payload(
            f"Unsupported data type {type_name!r}: localhub serves BYOC collections, written byoc-<collectionId>.",
            "input->data[0]->type",
            "must be byoc-<collectionId>",
        )
    time_from = time_to = None
    time_range = data_filter.get("timeRange")
    if time_range is not None:
        if not isinstance(time_range, dict):
            raise bad_payload("timeRange must be an object with from and to.", "input->data[0]->dataFilter->timeRange")
        if time_range.get("from") is not None:
            time_from = parse_time(time_range["from"], "input->data[0]->dataFilter->timeRange->from")
        if time_range.get("to") is not None:
            time_to = parse_time(time_range["to"], "input->data[0]->dataFilter->timeRange->to")
        if time_from and time_to and time_from > time_to:
            raise bad_payload(
                "timeRange->from must not be after timeRange->to.",
                "input->data[0]->dataFilter->timeRange",
                "from after to",
            )
    order = data_filter.get("mosaickingOrder") or "mostRecent"
    if order not in MOSAICKING_ORDERS:
        raise bad_payload(
            f"Invalid mosaickingOrder {order!r}; BYOC collections support mostRecent and leastRecent.",
            "input->data[0]->dataFilter->mosaickingOrder",
            "must be one of mostRecent, leastRecent",
        )
    processing = entry.get("processing") or {}
    if not isinstance(processing, dict):
        raise bad_payload("input->data[0]->processing must be an object.", "input->data[0]->processing")
    sampling = {}
    for key in ("upsampling", "downsampling"):
        value = processing.get(key) or "NEAREST"
        if value not in RESAMPLING:
            raise bad_payload(
                f"Invalid {key} {value!r}; use NEAREST, BILINEAR or BICUBIC.",
                f"input->data[0]->processing->{key}",
                "must be one of NEAREST, BILINEAR, BICUBIC",
            )
        sampling[key] = value
    return DataSource(
        collection_id=collection_id,
        type_name=type_name,
        time_from=time_from,
        time_to=time_to,
        mosaicking_order=order,
        upsampling=sampling["upsampling"],
        downsampling=sampling["downsampling"],
    )


def _size_value(output: dict, key: str) -> Optional[int]:
    value = output.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value) or value < 1:
        raise bad_payload(f"output->{key} must be a positive integer.", f"output->{key}", "must be at least 1")
    value = int(value)
    if value > MAX_SIZE:
        violation = f"`{key} = {value}` is larger than allowed {MAX_SIZE}."
        raise bad_payload(violation + "\n", f"output->{key}", violation)
    return value


def _res_value(output: dict, key: str) -> Optional[float]:
    value = output.get(key)
    if value is None:
        return None
    if not _number(value) or value <= 0:
        raise bad_payload(f"output->{key} must be a positive number.", f"output->{key}", "must be positive")
    return float(value)


def _output_size(output: dict, bbox: Tuple[float, float, float, float]) -> Tuple[int, int]:
    has_size = output.get("width") is not None or output.get("height") is not None
    has_res = output.get("resx") is not None or output.get("resy") is not None
    if has_size and has_res:
        raise bad_payload("Only width and height or resx and resy can be set at the same time.")
    span_x, span_y = bbox[2] - bbox[0], bbox[3] - bbox[1]
    if has_res:
        resx = _res_value(output, "resx")
        resy = _res_value(output, "resy")
        resx = resx or resy
        resy = resy or resx
        sizes = []
        for name, span, res in (("width", span_x, resx), ("height", span_y, resy)):
            size = max(1, int(round(span / res)))
            if size > MAX_SIZE:
                param = "resx" if name == "width" else "resy"
                violation = f"`{name} = {size}`, calculated from {param}, is larger than allowed {MAX_SIZE}."
                raise bad_payload(violation + "\n", f"output->{param}", violation)
            sizes.append(size)
        return sizes[0], sizes[1]
    width = _size_value(output, "width")
    height = _size_value(output, "height")
    if width is None and height is None:
        return DEFAULT_SIZE, DEFAULT_SIZE
    if width is None:
        width = min(MAX_SIZE, max(1, int(round(height * span_x / span_y))))
    if height is None:
        height = min(MAX_SIZE, max(1, int(round(width * span_y / span_x))))
    return width, height


def _parse_responses(raw: object) -> List[ResponseSpec]:
    if raw is None:
        return [ResponseSpec("default", "image/png")]
    if not isinstance(raw, list) or not raw:
        raise bad_payload("output->responses must be a non-empty array.", "output->responses", "must not be empty")
    specs, seen = [], set()
    for i, item in enumerate(raw):
        param = f"output->responses[{i}]"
        if not isinstance(item, dict):
            raise bad_payload(f"{param} must be an object.", param, "must be an object")
        identifier = item.get("identifier") or "default"
        if not isinstance(identifier, str):
            raise bad_payload(f"{param}->identifier must be a string.", f"{param}->identifier")
        if identifier in seen:
            raise bad_payload(
                f"Response identifier {identifier!r} is used twice.", f"{param}->identifier", "must be unique"
            )
        seen.add(identifier)
        fmt = item.get("format") or {}
        if not isinstance(fmt, dict):
            raise bad_payload(f"{param}->format must be an object.", f"{param}->format")
        mime = (fmt.get("type") or ("application/json" if identifier == "userdata" else "image/png")).lower()
        if mime not in IMAGE_TYPES + (JSON_TYPE,):
            raise bad_payload(
                f"Unsupported format {mime!r} for response {identifier!r}; use image/png, image/jpeg, "
                "image/tiff or application/json (userdata).",
                f"{param}->format->type",
                "must be one of image/png, image/jpeg, image/tiff, application/json",
            )
        if (mime == JSON_TYPE) != (identifier == "userdata"):
            raise bad_payload(
                f"Response {identifier!r}: application/json is only for the userdata response, and userdata "
                "is only application/json.",
                f"{param}->format->type",
                "userdata <-> application/json",
            )
        quality = fmt.get("quality", 90)
        if not _number(quality) or not 0 <= quality <= 100:
            raise bad_payload(
                f"{param}->format->quality must be an integer 0..100.", f"{param}->format->quality", "0..100"
            )
        specs.append(ResponseSpec(identifier, mime, int(quality)))
    return specs


def _apply_accept(
    responses: List[ResponseSpec], accept: Optional[str]
) -> Tuple[List[ResponseSpec], str, Optional[str]]:
    """The Accept header wins over ``format.type`` (byoc-api.md §8)."""
    if accept in TAR_TYPES:
        return responses, "tar", None
    if accept == MULTIPART_TYPE:
        return responses, "multipart", None
    if len(responses) > 1:
        if accept is None or accept == OCTET_TYPE:
            return responses, "tar", None
        raise ProcessError(
            400,
            "COMMON_BAD_PAYLOAD",
            f"Accept: {accept} cannot carry {len(responses)} responses; send Accept: application/x-tar, "
            "application/tar or multipart/mixed.",
        )
    only = responses[0]
    if accept == OCTET_TYPE:
        return responses, "raw", OCTET_TYPE
    if accept in IMAGE_TYPES and only.identifier != "userdata":
        return [ResponseSpec(only.identifier, accept, only.quality)], "raw", None
    if accept == JSON_TYPE and only.identifier != "userdata":
        raise bad_payload(
            f"Accept: application/json is only for the userdata response, not {only.identifier!r}.",
            "output->responses[0]->format->type",
        )
    return responses, "raw", None
