"""The Process API: request building, response decoding (single image or tar), GeoTIFF output.

Requests larger than 2500 px are split into a grid of sub-requests and mosaicked (``process_split``).
"""

from __future__ import annotations

import io
import json
import logging
import math
import tarfile
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import requests

from .errors import NetworkError, SentinelHubError
from .http import CancelFn, HttpClient, check_cancel, sleep_cancellable
from .models import Geometry, crs_url, format_time, parse_crs
from .worded import WordedError

__all__ = [
    "MAX_PX",
    "DataSource",
    "OutputResponse",
    "ProcessRequest",
    "ProcessResult",
    "ProcessClient",
    "MIME_EXT",
    "decode_response",
]

log = logging.getLogger(__name__)

MAX_PX = 2500
MOSAICKING_ORDERS = ("mostRecent", "leastRecent")
RESAMPLING = ("NEAREST", "BILINEAR", "BICUBIC")
FORMATS = ("image/tiff", "image/png", "image/jpeg", "application/json")
MIME_EXT = {"image/tiff": "tif", "image/png": "png", "image/jpeg": "jpg", "application/json": "json"}


@dataclass
class DataSource:
    """One ``input.data`` entry for a BYOC collection."""

    collection_id: str
    time_from: Any = None
    time_to: Any = None
    mosaicking_order: Optional[str] = None
    upsampling: Optional[str] = None
    downsampling: Optional[str] = None
    id: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        if not self.collection_id or "/" in self.collection_id:
            raise WordedError("process-collection-id", id=self.collection_id)
        out: Dict[str, Any] = {"type": f"byoc-{self.collection_id}"}
        if self.id:
            out["id"] = self.id
        data_filter: Dict[str, Any] = {}
        if self.time_from is not None or self.time_to is not None:
            if self.time_from is None or self.time_to is None:
                raise WordedError("process-time-range-both")
            start, end = format_time(self.time_from), format_time(self.time_to)
            if start > end:  # type: ignore[operator]
                raise WordedError("process-time-range-order", start=start, end=end)
            data_filter["timeRange"] = {"from": start, "to": end}
        if self.mosaicking_order is not None:
            if self.mosaicking_order not in MOSAICKING_ORDERS:
                raise WordedError("process-mosaicking", order=self.mosaicking_order)
            data_filter["mosaickingOrder"] = self.mosaicking_order
        if data_filter:
            out["dataFilter"] = data_filter
        processing: Dict[str, Any] = {}
        for key, value in (("upsampling", self.upsampling), ("downsampling", self.downsampling)):
            if value is not None:
                if value.upper() not in RESAMPLING:
                    raise WordedError("process-resampling", name=key, value=value)
                processing[key] = value.upper()
        if processing:
            out["processing"] = processing
        return out


@dataclass
class OutputResponse:
    """One ``output.responses`` entry: ``identifier`` (an output id of the evalscript) and MIME type."""

    identifier: str = "default"
    format: str = "image/tiff"
    quality: Optional[int] = None

    def to_dict(self) -> Dict[str, Any]:
        if self.format not in FORMATS:
            raise WordedError("process-format", format=self.format, formats=", ".join(FORMATS))
        fmt: Dict[str, Any] = {"type": self.format}
        if self.quality is not None:
            if self.format != "image/jpeg" or not 0 <= int(self.quality) <= 100:
                raise WordedError("process-quality")
            fmt["quality"] = int(self.quality)
        return {"identifier": self.identifier, "format": fmt}


@dataclass
class ProcessRequest:
    """A Process API request. Give ``bbox`` and/or ``geometry`` (in ``crs``), and width/height or resx/resy."""

    evalscript: str
    data: List[DataSource]
    bbox: Optional[Tuple[float, float, float, float]] = None
    geometry: Optional[Union[Geometry, Dict[str, Any]]] = None
    crs: Any = 4326
    width: Optional[int] = None
    height: Optional[int] = None
    resx: Optional[float] = None
    resy: Optional[float] = None
    responses: List[OutputResponse] = field(default_factory=lambda: [OutputResponse()])

    @property
    def epsg(self) -> int:
        return parse_crs(self.crs)

    def bounds(self) -> Tuple[float, float, float, float]:
        """The image extent: the bbox, else the geometry's bounds."""
        if self.bbox is not None:
            return tuple(float(v) for v in self.bbox)  # type: ignore[return-value]
        if self.geometry is not None:
            geom = self.geometry if isinstance(self.geometry, Geometry) else Geometry(self.geometry, self.epsg)
            return geom.bounds()
        raise WordedError("process-no-bounds")

    def size(self) -> Tuple[int, int]:
        """Output (width, height) in pixels (from resx/resy: rounded span / resolution)."""
        if self.width is not None or self.height is not None:
            if self.width is None or self.height is None:
                raise WordedError("process-size-both")
            return int(self.width), int(self.height)
        if self.resx is None or self.resy is None:
            return 256, 256
        minx, miny, maxx, maxy = self.bounds()
        return max(1, round((maxx - minx) / self.resx)), max(1, round((maxy - miny) / self.resy))

    def accept(self) -> str:
        """The Accept header: the single response's MIME type, or tar for several."""
        return self.responses[0].format if len(self.responses) == 1 else "application/x-tar"

    def validate(self, max_px: Optional[int] = MAX_PX) -> None:
        """Raise ``ValueError`` naming the field for inconsistent input."""
        if not self.evalscript or not self.evalscript.strip():
            raise WordedError("process-no-evalscript")
        if not self.data:
            raise WordedError("process-no-data")
        has_size = self.width is not None or self.height is not None
        has_res = self.resx is not None or self.resy is not None
        if has_size and has_res:
            raise WordedError("process-size-or-res")
        if has_res and (not self.resx or not self.resy or self.resx <= 0 or self.resy <= 0):
            raise WordedError("process-res-positive")
        minx, miny, maxx, maxy = self.bounds()
        if not (maxx > minx and maxy > miny) or not all(map(math.isfinite, (minx, miny, maxx, maxy))):
            raise WordedError("process-bbox", bbox=str([minx, miny, maxx, maxy]))
        width, height = self.size()
        if width < 1 or height < 1:
            raise WordedError("process-size-positive")
        if max_px is not None and (width > max_px or height > max_px):
            raise WordedError("process-too-large", width=width, height=height, max_px=max_px)
        ids = [r.identifier for r in self.responses]
        if len(set(ids)) != len(ids):
            raise WordedError("process-duplicate-ids", ids=str(ids))

    def to_dict(self) -> Dict[str, Any]:
        """The JSON body."""
        self.validate(max_px=None)
        bounds: Dict[str, Any] = {"properties": {"crs": crs_url(self.epsg)}}
        if self.bbox is not None:
            bounds["bbox"] = [float(v) for v in self.bbox]
        if self.geometry is not None:
            geom = self.geometry.geojson if isinstance(self.geometry, Geometry) else self.geometry
            bounds["geometry"] = {k: v for k, v in geom.items() if k != "crs"}
        output: Dict[str, Any] = {"responses": [r.to_dict() for r in self.responses]}
        if self.resx is not None:
            output["resx"], output["resy"] = float(self.resx), float(self.resy)  # type: ignore[arg-type]
        else:
            output["width"], output["height"] = self.size()
        return {
            "input": {"bounds": bounds, "data": [d.to_dict() for d in self.data]},
            "output": output,
            "evalscript": self.evalscript,
        }


@dataclass
class ProcessResult:
    """Decoded answer: bytes per response identifier, plus the processing units the service reported."""

    outputs: Dict[str, bytes]
    content_type: str
    processing_units: Optional[float] = None

    def single(self) -> bytes:
        """The only output (raises if there are several)."""
        if len(self.outputs) != 1:
            raise SentinelHubError(f"expected one output, got {sorted(self.outputs)}")
        return next(iter(self.outputs.values()))

    def json(self, identifier: str = "userdata") -> Any:
        """A JSON output (e.g. ``userdata``) decoded."""
        return json.loads(self.outputs[identifier])


def decode_response(body: bytes, content_type: str, responses: Sequence[OutputResponse]) -> Dict[str, bytes]:
    """Split an answer into outputs: a tar (several responses) by member name, else the one response."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if len(responses) > 1 or ctype in ("application/x-tar", "application/tar"):
        outputs: Dict[str, bytes] = {}
        try:
            with tarfile.open(fileobj=io.BytesIO(body), mode="r:") as tar:
                for member in tar.getmembers():
                    if not member.isfile():
                        continue
                    name = member.name.rsplit("/", 1)[-1]
                    stem = name.rsplit(".", 1)[0] if "." in name else name
                    handle = tar.extractfile(member)
                    if handle is not None:
                        outputs[stem] = handle.read()
        except tarfile.TarError as exc:
            raise SentinelHubError(f"the Process API answer is not a valid tar archive: {exc}") from None
        missing = [r.identifier for r in responses if r.identifier not in outputs]
        if missing:
            raise SentinelHubError(f"the Process API answer lacks the outputs {missing} (got {sorted(outputs)})")
        return outputs
    return {responses[0].identifier: body}


class ProcessClient:
    """Runs Process API requests through an :class:`HttpClient`."""

    path = "/api/v1/process"

    def __init__(self, http: HttpClient, max_workers: int = 4, max_px: int = MAX_PX) -> None:
        self.http = http
        self.max_workers = max_workers
        self.max_px = max_px

    def __repr__(self) -> str:
        return f"ProcessClient({self.http!r})"

    def process(self, request: ProcessRequest, cancel: CancelFn = None) -> ProcessResult:
        """Send one request (≤ 2500 px per side) and decode the answer."""
        request.validate(self.max_px)
        body = request.to_dict()
        attempt = 0
        while True:
            attempt += 1
            resp = self.http.request(
                "POST",
                self.path,
                json_body=body,
                headers={"Accept": request.accept()},
                expected=(200,),
                cancel=cancel,
                stream=True,
            )
            try:
                chunks = []
                for chunk in resp.iter_content(chunk_size=1 << 16):
                    check_cancel(cancel)
                    chunks.append(chunk)
                data = b"".join(chunks)
                break
            except requests.RequestException as exc:  # connection lost while reading the image
                if attempt >= self.http.policy.max_attempts:
                    raise NetworkError(
                        f"{type(exc).__name__} while reading the Process API answer", method="POST", path=self.path
                    ) from None
                log.info("process answer interrupted (%s); retrying", type(exc).__name__)
                sleep_cancellable(self.http.policy.delay(attempt), cancel)
            finally:
                resp.close()
        ctype = resp.headers.get("Content-Type", "")
        pu = resp.headers.get("x-processingunits-spent")
        try:
            units = float(pu) if pu is not None else None
        except ValueError:
            units = None
        return ProcessResult(decode_response(data, ctype, request.responses), ctype, units)

    def to_geotiff(
        self,
        request: ProcessRequest,
        path: str,
        cancel: CancelFn = None,
        progress: Optional[Any] = None,
        max_px: Optional[int] = None,
        identifier: Optional[str] = None,
    ) -> str:
        """Write the request's GeoTIFF output to ``path``; split into a grid when larger than ``max_px``.

        ``progress(done, total)`` is called after each sub-request. Returns ``path``.
        """
        from .process_split import run_to_geotiff

        return run_to_geotiff(
            self,
            request,
            path,
            cancel=cancel,
            progress=progress,
            max_px=max_px or self.max_px,
            identifier=identifier,
        )
