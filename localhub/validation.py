"""Validation of BYOC request bodies: collections, bands and tiles (read-only fields, nulls, otherData ignored)."""

from __future__ import annotations

import json
import math
import re
from typing import Any, Dict, Optional, Tuple

from starlette.requests import Request

from .errors import ApiError, bad_payload

JS_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
MAX_BANDS = 100
BIT_DEPTHS = (8, 16, 32)
SAMPLE_FORMATS = ("UINT", "INT", "FLOAT")
SETTABLE_ADDITIONAL = ("storageIdentifier",)


async def json_body(request: Request) -> Dict[str, Any]:
    """The request body as a JSON object (400 when empty or not an object, 415 for non-JSON content types)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and content_type != "application/json" and not content_type.endswith("+json"):
        raise ApiError(
            415,
            "COMMON_UNSUPPORTED_MEDIA_TYPE",
            f"Content type '{content_type}' is not supported; send the body as application/json.",
        )
    raw = await request.body()
    if not raw.strip():
        raise bad_payload("Request body should be non-empty.")
    try:
        body = json.loads(raw, parse_constant=_refuse_constant)
    except ValueError as exc:
        raise bad_payload(f"Request body is not valid JSON: {exc}.") from None
    if not isinstance(body, dict):
        raise bad_payload("Request body must be a JSON object.")
    return body


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a valid JSON number")


def _number(value: Any, field_name: str) -> Optional[float]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value) or math.isinf(value):
        raise bad_payload(f"'{field_name}' must be a finite number (NaN is always no-data anyway).", field_name)
    return value


def _string(body: Dict[str, Any], key: str, label: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value.strip():
        raise bad_payload(f"'{key}' is required: {label}.", key)
    return value


def validate_bucket(value: str) -> str:
    """A bucket name without scheme (CDSE form ``PROJECT:bucket`` allowed)."""
    if value.lower().startswith("s3://") or "/" in value:
        raise bad_payload(f"'s3Bucket' must be the bucket name only (e.g. 'my-bucket'), not {value!r}.", "s3Bucket")
    return value


def validate_bands(bands: Any, field_name: str = "additionalData.bands") -> Dict[str, Dict[str, Any]]:
    """Normalise a ``bands`` map: defaults source = name, bandIndex = 1; checks names, bitDepth, sampleFormat."""
    if bands is None:
        return {}
    if not isinstance(bands, dict):
        raise bad_payload(f"'{field_name}' must be an object mapping band names to band definitions.", field_name)
    if len(bands) > MAX_BANDS:
        raise bad_payload(f"A collection can have at most {MAX_BANDS} bands, got {len(bands)}.", field_name)
    out: Dict[str, Dict[str, Any]] = {}
    for name, spec in bands.items():
        where = f"{field_name}.{name}"
        if not JS_IDENTIFIER.match(name):
            raise bad_payload(
                f"Band name {name!r} is not a valid JavaScript identifier (letters, digits, _ and $; "
                "not starting with a digit).",
                where,
            )
        if spec is None:
            spec = {}
        if not isinstance(spec, dict):
            raise bad_payload(f"'{where}' must be an object.", where)
        band: Dict[str, Any] = {}
        source = spec.get("source")
        if source is None:
            source = name
        if not isinstance(source, str) or not source or "/" in source:
            raise bad_payload(f"'{where}.source' must be a non-empty file name part without '/'.", where + ".source")
        band["source"] = source
        index = spec.get("bandIndex")
        if index is None:
            index = 1
        if isinstance(index, bool) or not isinstance(index, int) or index < 1:
            raise bad_payload(f"'{where}.bandIndex' must be an integer >= 1 (1-based).", where + ".bandIndex")
        band["bandIndex"] = index
        bit_depth = spec.get("bitDepth")
        if bit_depth is not None:
            if bit_depth not in BIT_DEPTHS or isinstance(bit_depth, bool):
                raise bad_payload(f"'{where}.bitDepth' must be 8, 16 or 32, got {bit_depth!r}.", where + ".bitDepth")
            band["bitDepth"] = bit_depth
        sample_format = spec.get("sampleFormat")
        if sample_format is not None:
            if sample_format not in SAMPLE_FORMATS:
                raise bad_payload(
                    f"'{where}.sampleFormat' must be UINT, INT or FLOAT, got {sample_format!r}.",
                    where + ".sampleFormat",
                )
            band["sampleFormat"] = sample_format
        no_data = _number(spec.get("noData"), where + ".noData")
        if no_data is not None:
            band["noData"] = no_data
        out[name] = band
    return out


def validate_collection(body: Dict[str, Any]) -> Tuple[str, str, Any, Optional[dict], dict, bool]:
    """(name, s3Bucket, noData, bands or None, extra settable additionalData, additionalData given?)."""
    name = _string(body, "name", "the collection's name")
    bucket = validate_bucket(_string(body, "s3Bucket", "the name of the bucket holding the tiles"))
    no_data = _number(body.get("noData"), "noData")
    additional = body.get("additionalData")
    if additional is not None and not isinstance(additional, dict):
        raise bad_payload("'additionalData' must be an object.", "additionalData")
    bands: Dict[str, Dict[str, Any]] = {}
    extra: Dict[str, Any] = {}
    if additional:
        bands = validate_bands(additional.get("bands"))
        for key in SETTABLE_ADDITIONAL:
            value = additional.get(key)
            if value is not None:
                if not isinstance(value, str):
                    raise bad_payload(f"'additionalData.{key}' must be a string.", f"additionalData.{key}")
                extra[key] = value
    if no_data is not None and any("noData" in b for b in bands.values()):
        raise bad_payload("Define noData either for the collection or per band, not both.", "noData")
    return name, bucket, no_data, bands or None, extra, additional is not None


def check_band_update(old: Dict[str, Dict[str, Any]], new: Dict[str, Dict[str, Any]]) -> None:
    """Once a collection has tiles, bands can be renamed, removed or get a new noData, nothing else."""

    def key(band: Dict[str, Any]) -> tuple:
        return (band.get("source"), band.get("bandIndex"), band.get("bitDepth"), band.get("sampleFormat"))

    allowed = {key(b) for b in old.values()}
    for name, band in new.items():
        if key(band) not in allowed:
            raise bad_payload(
                f"Band {name!r} would add a band or change source/bandIndex/bitDepth/sampleFormat, which is not "
                "allowed once the collection has tiles. Only rename, remove or change noData of existing bands.",
                f"additionalData.bands.{name}",
            )
