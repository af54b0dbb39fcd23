"""Checks of a ``POST /api/v2/batch/process`` body, answered like the service: 400 ``COMMON_BAD_PAYLOAD`` with
``errors: [{parameter, violation}]``. What needs the account's data (collection, evalscript) is checked by the
analysis instead, which then FAILS with an ``error`` (as the service validates the evalscript at analysis).
"""

from __future__ import annotations

import copy
from typing import Any, Dict, Optional

from byoc_qgis.core.batch_grids import TILING_GRIDS
from byoc_qgis.core.batch_paths import validate_template

from ..errors import ApiError
from ..process.errors import ProcessError
from ..process.request import parse_process_request

COG_RESAMPLING = ("nearest", "average", "gauss", "cubic", "cubicspline", "lanczos", "average_magphase", "mode")
INSTANCE_TYPES = ("normal", "large")


def bad(message: str, parameter: Optional[str] = None) -> ApiError:
    """400 COMMON_BAD_PAYLOAD naming the parameter."""
    errors = [{"parameter": parameter, "violation": message}] if parameter else None
    return ApiError(400, "COMMON_BAD_PAYLOAD", message, errors)


def collection_id_of(process: Dict[str, Any]) -> str:
    """The BYOC collection id of ``processRequest.input.data[0]`` (``byoc-<id>`` or CUSTOM + collectionId)."""
    entry = ((process.get("input") or {}).get("data") or [{}])[0]
    kind = str(entry.get("type") or "")
    if kind.lower().startswith("byoc-"):
        return kind[5:]
    return str((entry.get("dataFilter") or {}).get("collectionId") or "")


def response_formats(process: Dict[str, Any]) -> Dict[str, str]:
    """Response identifier → MIME type (``image/tiff`` unless given; ``userdata`` is JSON)."""
    out: Dict[str, str] = {}
    for item in (process.get("output") or {}).get("responses") or [{"identifier": "default"}]:
        ident = item.get("identifier") or "default"
        out[ident] = ((item.get("format") or {}).get("type")) or (
            "application/json" if ident == "userdata" else "image/tiff"
        )
    return out


def _int(value: Any, parameter: str, low: int, high: int) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or value != int(value)
        or not low <= value <= high
    ):
        raise bad(f"{parameter} must be an integer between {low} and {high}.", parameter)
    return int(value)


def validate_create(body: Any) -> Dict[str, Any]:
    """The body to store, after the checks (unknown keys are kept, as the service echoes them)."""
    if not isinstance(body, dict) or not body:
        raise bad("Request body must be a JSON object with processRequest, input and output.")
    body = copy.deepcopy(body)
    for key in ("processRequest", "input", "output"):
        if not isinstance(body.get(key), dict):
            raise bad(f"{key} must be set.", key)
    _check_process(body["processRequest"])
    _check_input(body["input"])
    _check_output(body["output"], body["processRequest"])
    kind = body.get("instanceType", "normal")
    if kind not in INSTANCE_TYPES:
        raise bad("instanceType must be normal or large.", "instanceType")
    if body.get("description") is not None and not isinstance(body["description"], str):
        raise bad("description must be a string.", "description")
    return body


def _check_process(process: Dict[str, Any]) -> None:
    output = process.get("output")
    if output is not None and not isinstance(output, dict):
        raise bad("processRequest.output must be an object.", "processRequest.output")
    if isinstance(output, dict) and any(k in output for k in ("width", "height", "resx", "resy")):
        raise bad(
            "processRequest.output must not set width, height, resx or resy: the tiling grid and its resolution "
            "decide the size of each output.",
            "processRequest.output",
        )
    bounds = (process.get("input") or {}).get("bounds") if isinstance(process.get("input"), dict) else None
    if not isinstance(bounds, dict) or (bounds.get("bbox") is None and bounds.get("geometry") is None):
        raise bad(
            "processRequest.input.bounds (bbox or geometry) is required for tiling-grid input: it is the area of "
            "interest.",
            "processRequest.input.bounds",
        )
    probe = copy.deepcopy(process)
    probe["output"] = dict(probe.get("output") or {}, width=1, height=1)
    try:
        parse_process_request(probe, "application/x-tar")
    except ProcessError as exc:
        errors = [
            dict(e, parameter="processRequest." + str(e.get("parameter", "")).replace("->", "."))
            for e in exc.errors or []
        ]
        raise ApiError(exc.status, exc.code, exc.message.strip(), errors or None) from None
    for ident, mime in response_formats(process).items():
        if mime not in ("image/tiff", "application/json"):
            raise bad(
                f"Output {ident}: batch delivers image/tiff (and application/json for userdata), not {mime}.",
                "processRequest.output.responses",
            )


def _check_input(inp: Dict[str, Any]) -> None:
    kind = inp.get("type")
    if kind == "geopackage":
        raise bad("localhub supports tiling-grid input only (not geopackage).", "input.type")
    if kind != "tiling-grid":
        raise bad("input.type must be tiling-grid or geopackage.", "input.type")
    grid_id = inp.get("id")
    if isinstance(grid_id, bool) or not isinstance(grid_id, int) or grid_id not in TILING_GRIDS:
        raise bad(
            f"Tiling grid {grid_id!r} does not exist; use one of {', '.join(str(k) for k in TILING_GRIDS)}.", "input.id"
        )
    try:
        TILING_GRIDS[grid_id].check_resolution(inp.get("resolution"))
    except ValueError as exc:
        raise bad(str(exc)[0].upper() + str(exc)[1:] + ".", "input.resolution") from None
    for key in ("bufferX", "bufferY"):
        if inp.get(key) is not None:
            _int(inp[key], f"input.{key}", 0, 32767)


def _check_output(output: Dict[str, Any], process: Dict[str, Any]) -> None:
    kind = output.get("type")
    if kind == "zarr":
        raise bad("localhub supports raster output only (not zarr).", "output.type")
    if kind != "raster":
        raise bad("output.type must be raster or zarr.", "output.type")
    delivery = output.get("delivery")
    if not isinstance(delivery, dict) or not isinstance(delivery.get("s3"), dict):
        if isinstance(delivery, dict) and "gs" in delivery:
            raise bad("localhub delivers to S3 only (delivery.s3).", "output.delivery")
        raise bad("output.delivery.s3 must be set.", "output.delivery.s3")
    s3 = delivery["s3"]
    url = s3.get("url")
    if not isinstance(url, str) or not url.startswith("s3://"):
        raise bad("output.delivery.s3.url must be an s3:// URL.", "output.delivery.s3.url")
    formats = response_formats(process)
    try:
        template = validate_template(url, list(formats))
    except ValueError as exc:
        raise bad(str(exc), "output.delivery.s3.url") from None
    has_keys = bool(s3.get("accessKey")) and bool(s3.get("secretAccessKey"))
    if not has_keys and not s3.get("iamRoleARN"):
        raise bad("output.delivery.s3 needs accessKey and secretAccessKey, or iamRoleARN.", "output.delivery.s3")
    for key in ("overwrite", "skipExisting", "cogOutput", "createCollection"):
        if key in output and not isinstance(output[key], bool):
            raise bad(f"output.{key} must be true or false.", f"output.{key}")
    params = output.get("cogParameters")
    if params is not None:
        if not isinstance(params, dict):
            raise bad("output.cogParameters must be an object.", "output.cogParameters")
        algorithm = params.get("resamplingAlgorithm")
        if algorithm is not None and algorithm not in COG_RESAMPLING:
            raise bad(
                f"cogParameters.resamplingAlgorithm must be one of {', '.join(COG_RESAMPLING)}.",
                "output.cogParameters.resamplingAlgorithm",
            )
        for key in ("blockxsize", "blockysize"):
            if params.get(key) is not None:
                size = _int(params[key], f"output.cogParameters.{key}", 16, 4096)
                if size % 16:
                    raise bad(f"cogParameters.{key} must be a multiple of 16.", f"output.cogParameters.{key}")
        levels = params.get("overviewLevels")
        if levels is not None and (
            not isinstance(levels, list) or not all(isinstance(v, int) and v >= 2 for v in levels)
        ):
            raise bad(
                "cogParameters.overviewLevels must be a list of factors >= 2.", "output.cogParameters.overviewLevels"
            )
    if output.get("createCollection") or output.get("collectionId"):
        if not output.get("cogOutput"):
            raise bad("createCollection and collectionId need cogOutput: true.", "output.cogOutput")
        if any(m != "image/tiff" for m in formats.values()):
            raise bad(
                "createCollection and collectionId need image/tiff outputs only.", "processRequest.output.responses"
            )
        if "<outputId>" not in template:
            # the collection's tile path is the template with <outputId> as (BAND) [I]
            raise bad(
                "createCollection and collectionId need <outputId> in the delivery path.", "output.delivery.s3.url"
            )
    if output.get("createCollection") and output.get("collectionId"):
        raise bad("Give createCollection or collectionId, not both.", "output.collectionId")
    if output.get("collectionId") is not None and not isinstance(output["collectionId"], str):
        raise bad("output.collectionId must be a string.", "output.collectionId")
