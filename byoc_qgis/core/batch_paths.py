"""Batch Processing v2 delivery paths: the S3 path template, its root folder and the delivered bookkeeping files.

The raster output's ``delivery.s3.url`` is either a plain prefix (``s3://bucket/folder``, which means
``s3://bucket/folder/<requestId>/<tileName>/<outputId>.<format>``) or a template with the placeholders
``<requestId>``, ``<tileName>``, ``<tileId>`` (CDSE), ``<outputId>`` and ``<format>`` (``tif`` or ``json``).
The service writes ``execution-<id>.sqlite`` and ``featureManifest-<id>.gpkg`` into the *root path*: the template
with the request id substituted, cut before the first path segment that still holds a placeholder (batch-api.md
§3, as Sentinel Hub's own s1-card4l tool computes it).

Pure string functions (no GDAL, no QGIS): localhub uses the same ones to deliver, the plugin to find the files.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence, Tuple

from .worded import WordedError

__all__ = [
    "PLACEHOLDERS",
    "FORMAT_EXTENSIONS",
    "split_s3_url",
    "has_placeholders",
    "delivery_template",
    "validate_template",
    "expand_template",
    "root_url",
    "execution_db_url",
    "manifest_url",
    "request_json_url",
    "output_extension",
]

PLACEHOLDERS = ("<requestId>", "<tileName>", "<tileId>", "<outputId>", "<format>")
DEFAULT_SUFFIX = "<requestId>/<tileName>/<outputId>.<format>"
FORMAT_EXTENSIONS = {"image/tiff": "tif", "application/json": "json"}
_PLACEHOLDER = re.compile(r"<[A-Za-z]+>")
_S3_URL = re.compile(r"^s3://([^/]+)(?:/(.*))?$")


def split_s3_url(url: str) -> Tuple[str, str]:
    """``s3://bucket/key`` → ``(bucket, key)`` (key without leading slash, may be empty)."""
    match = _S3_URL.match((url or "").strip())
    if not match or not match.group(1):
        raise WordedError("delivery-not-s3", url=url)
    return match.group(1), (match.group(2) or "").lstrip("/")


def has_placeholders(text: str) -> bool:
    """True when ``text`` holds any ``<...>`` placeholder."""
    return bool(_PLACEHOLDER.search(text or ""))


def delivery_template(url: str) -> str:
    """The full template of a delivery URL: a plain prefix gets ``/<requestId>/<tileName>/<outputId>.<format>``."""
    url = (url or "").strip()
    if has_placeholders(url):
        return url
    return url.rstrip("/") + "/" + DEFAULT_SUFFIX


def validate_template(url: str, output_ids: Sequence[str] = ()) -> str:
    """Check a delivery URL as the service does; return its full template. Raises ``ValueError`` naming the fix.

    A template must name the tile (``<tileName>`` or ``<tileId>``) and, with several outputs, ``<outputId>``;
    unknown placeholders are refused.
    """
    split_s3_url(url)
    template = delivery_template(url)
    unknown = sorted(set(_PLACEHOLDER.findall(template)) - set(PLACEHOLDERS))
    if unknown:
        raise WordedError("delivery-placeholder", url=url, placeholder=unknown[0], known=", ".join(PLACEHOLDERS))
    bucket, key = split_s3_url(template)
    if has_placeholders(bucket):
        raise WordedError("delivery-bucket-placeholder", url=url)
    if "<tileName>" not in template and "<tileId>" not in template:
        raise WordedError("delivery-no-tile", url=url)
    if len(set(output_ids)) > 1 and "<outputId>" not in template:
        raise WordedError("delivery-no-output", url=url)
    if "//" in key:
        raise WordedError("delivery-empty-segment", url=url)
    return template


def output_extension(mime: str) -> str:
    """``<format>`` for a response MIME type: ``tif`` or ``json``."""
    try:
        return FORMAT_EXTENSIONS[mime]
    except KeyError:
        raise WordedError("delivery-format", mime=mime) from None


def expand_template(
    url: str,
    request_id: str,
    tile_name: str,
    output_id: str,
    fmt: str,
    tile_id: Optional[object] = None,
) -> str:
    """The S3 URL of one output of one tile (``fmt`` is the extension, ``tif`` or ``json``)."""
    out = delivery_template(url)
    out = out.replace("<requestId>", request_id).replace("<tileName>", tile_name)
    out = out.replace("<tileId>", str(tile_id if tile_id is not None else tile_name))
    return out.replace("<outputId>", output_id).replace("<format>", fmt)


def root_url(url: str, request_id: str) -> str:
    """The folder of ``execution-<id>.sqlite`` and ``featureManifest-<id>.gpkg`` for a delivery URL."""
    template = delivery_template(url).replace("<requestId>", request_id)
    bucket, key = split_s3_url(template)
    kept = []
    for segment in key.split("/"):
        if has_placeholders(segment):
            break
        kept.append(segment)
    folder = "/".join(s for s in kept if s)
    return f"s3://{bucket}/{folder}" if folder else f"s3://{bucket}"


def execution_db_url(url: str, request_id: str) -> str:
    """``<root>/execution-<id>.sqlite``: per-feature status (table ``features``)."""
    return f"{root_url(url, request_id)}/execution-{request_id}.sqlite"


def manifest_url(url: str, request_id: str) -> str:
    """``<root>/featureManifest-<id>.gpkg``: the features (grid cells) with their output paths."""
    return f"{root_url(url, request_id)}/featureManifest-{request_id}.gpkg"


def request_json_url(url: str, request_id: str) -> str:
    """``<root>/request-<id>.json``: the request as created (secrets masked). The name is localhub's choice."""
    return f"{root_url(url, request_id)}/request-{request_id}.json"
