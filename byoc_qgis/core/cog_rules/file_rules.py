"""The per-file BYOC rules: :func:`inspect_file` reads a file's facts, then runs :data:`FILE_CHECKS` in order.

Each check is a named function of the file's :class:`~.facts.RasterFacts` returning its findings (worded in
:mod:`.messages`); a new rule is one more function in the list.
"""

from __future__ import annotations

import os
from typing import Callable, List, Optional, Tuple

from osgeo import gdal

from ..gdal_compat import GdalError, describe_unreadable, open_raster
from . import messages
from .catalogue import (
    ALLOWED_COMPRESSION,
    COARSEST_OVERVIEW_MAX,
    MAX_BLOCK,
    MAX_CHUNKY_BANDS,
    MAX_COLLECTION_BANDS,
    MAX_HEADER_BYTES,
    MIN_BLOCK,
    OVERVIEW_THRESHOLD,
    SUPPORTED_TYPES,
    Finding,
    errors_first,
    is_allowed_epsg,
)
from .facts import FileFacts, RasterFacts, read_raster_facts


def inspect_file(path: str) -> Tuple[Optional[FileFacts], List[Finding]]:
    """Check one local or /vsis3/ file against the BYOC per-file rules.

    The caller sets any /vsis3/ options (credentials, endpoint) beforehand. Returns the file's facts (None
    when it cannot be read; then a "readable" error explains why) and the findings, errors first.
    """
    try:
        ds = open_raster(path)
    except GdalError as exc:
        reason, fix = describe_unreadable(path)
        detail = str(exc).split(": ", 1)[-1]
        if "unknown GDAL error" in detail or "not recognized as being in a supported file format" in detail:
            detail = ""  # GDAL said nothing more than our diagnosis (the wording differs between GDAL versions)
        return None, [messages.unreadable(path, reason, detail, fix)]
    try:
        return inspect_dataset(ds, path)
    finally:
        ds = None  # noqa: F841 - close the dataset


def inspect_dataset(ds: gdal.Dataset, name: str) -> Tuple[Optional[FileFacts], List[Finding]]:
    """The per-file rules on an open dataset named ``name`` in the findings: (facts or None, findings errors first)."""
    if ds.RasterCount == 0:
        return None, [messages.no_bands(name)]
    facts = read_raster_facts(ds, name)
    findings = [finding for check in FILE_CHECKS for finding in check(facts)]
    return facts.file, errors_first(findings)


# --- format and layout (GDAL's validator) ---


def check_format(r: RasterFacts) -> List[Finding]:
    """BYOC reads GeoTIFFs only."""
    return [] if r.driver == "GTiff" else [messages.not_geotiff(r.name, r.driver, r.driver_long_name)]


def check_cog_layout(r: RasterFacts) -> List[Finding]:
    """GDAL's COG validator: its errors, and its warnings except those about overviews (:func:`check_overviews`
    words those more clearly)."""
    return [messages.validator_error(r.name, text) for text in r.validator_errors] + [
        messages.validator_warning(r.name, text) for text in r.validator_warnings if "overview" not in text.lower()
    ]


def check_header_size(r: RasterFacts) -> List[Finding]:
    """The header (IFDs and tile index) fits in what BYOC reads."""
    size = r.file.header_size
    return [messages.header_too_big(r.name, size)] if size > MAX_HEADER_BYTES else []


def check_edited_in_place(r: RasterFacts) -> List[Finding]:
    """A COG edited in place lost its layout (unless the validator said so already)."""
    said = any("KNOWN_INCOMPATIBLE_EDITION" in e for e in r.validator_errors)
    return [messages.edited_in_place(r.name)] if r.edited_in_place and not said else []


# --- georeferencing and CRS ---


def check_georeferencing(r: RasterFacts) -> List[Finding]:
    """The file has a regular geotransform and a CRS."""
    gt = r.file.geotransform
    if gt and r.has_crs:
        return []
    if not gt and r.gcp_count:
        missing, value = "regular geotransform", "GCPs only"
    else:
        missing = "geotransform" if not gt else "CRS"
        value = f"no {missing}"
    return [messages.no_georeferencing(r.name, missing, value)]


def check_crs(r: RasterFacts) -> List[Finding]:
    """The CRS has an EPSG code that BYOC accepts."""
    epsg = r.file.epsg
    if not r.has_crs:
        return []  # reported by check_georeferencing
    if epsg is None:
        return [messages.crs_without_epsg(r.name, r.crs_name or "unknown CRS")]
    return [] if is_allowed_epsg(epsg) else [messages.crs_not_allowed(r.name, epsg)]


def check_degree_range(r: RasterFacts) -> List[Finding]:
    """A file in EPSG:4326 stays within -180..180 / -90..90."""
    b = r.file.bounds
    if r.file.epsg != 4326 or not b:
        return []
    if b[1] < -90 - 1e-9 or b[3] > 90 + 1e-9 or b[0] < -180 - 1e-9 or b[2] > 180 + 1e-9:
        return [messages.beyond_valid_degrees(r.name, b)]
    return []


# --- pixels ---


def check_data_types(r: RasterFacts) -> List[Finding]:
    """Every band has a sample type BYOC reads."""
    bad_types = sorted({t for t in r.band_types if t not in SUPPORTED_TYPES})
    return [messages.unsupported_types(r.name, bad_types)] if bad_types else []


def check_one_data_type(r: RasterFacts) -> List[Finding]:
    """All bands of the file share one data type (warning)."""
    return [messages.mixed_types(r.name, r.band_types)] if len(set(r.band_types)) > 1 else []


def check_compression(r: RasterFacts) -> List[Finding]:
    """The compression is one BYOC reads (uncompressed is fine)."""
    compression = r.file.compression
    if compression is not None and compression not in ALLOWED_COMPRESSION:
        return [messages.unsupported_compression(r.name, compression)]
    return []


def check_colour_table(r: RasterFacts) -> List[Finding]:
    """No colour table (photometric PALETTE)."""
    return [messages.colour_table(r.name)] if r.has_colour_table else []


def check_ycbcr(r: RasterFacts) -> List[Finding]:
    """No YCbCr colour space."""
    if (r.colour_space or "").upper() == "YCBCR" or (r.file.compression or "").startswith("YCBCR"):
        return [messages.ycbcr(r.name)]
    return []


def check_chunky_bands(r: RasterFacts) -> List[Finding]:
    """At most MAX_CHUNKY_BANDS pixel-interleaved bands."""
    count = r.file.band_count
    return (
        [messages.too_many_chunky_bands(r.name, count)] if r.interleave == "PIXEL" and count > MAX_CHUNKY_BANDS else []
    )


def check_band_count(r: RasterFacts) -> List[Finding]:
    """No more bands than a collection can have."""
    count = r.file.band_count
    return [messages.too_many_file_bands(r.name, count)] if count > MAX_COLLECTION_BANDS else []


def check_nodata_encoding(r: RasterFacts) -> List[Finding]:
    """No-data as a value, not as an alpha band or internal mask Sentinel Hub ignores (warning)."""
    return [messages.ignored_mask(r.name, r.has_alpha_band)] if r.has_alpha_band or r.has_internal_mask else []


# --- overviews and internal tiles ---


def check_overviews(r: RasterFacts) -> List[Finding]:
    """Big images have internal overviews, down to a small enough coarsest level."""
    f = r.file
    if max(f.width, f.height) > OVERVIEW_THRESHOLD and not f.overviews:
        return [messages.missing_overviews(r.name, f.width, f.height)]
    if f.overviews and max(f.overviews[-1]) > COARSEST_OVERVIEW_MAX:
        return [messages.coarse_overviews(r.name, f.overviews[-1])]
    return []


def check_block_sizes(r: RasterFacts) -> List[Finding]:
    """Every level of a GeoTIFF is tiled in blocks of MIN_BLOCK..MAX_BLOCK px, the same at every level."""
    if r.driver != "GTiff":
        return []
    findings: List[Finding] = []
    for index, lvl in enumerate(r.levels):
        bx, by = lvl.block_width, lvl.block_height
        striped = bx == lvl.width and by != bx
        if striped or not (MIN_BLOCK <= bx <= MAX_BLOCK and MIN_BLOCK <= by <= MAX_BLOCK):
            layout = f"strips of {by} row(s)" if striped else f"{bx}x{by} tiles"
            level_name = "full resolution" if index == 0 else f"overview {index}"
            findings.append(messages.bad_block_size(r.name, layout, index, level_name))
    sizes = [(lvl.block_width, lvl.block_height) for lvl in r.levels]
    if len(set(sizes)) > 1 and not findings:
        findings.append(messages.unequal_block_sizes(r.name, sizes))
    return findings


def check_extension(r: RasterFacts) -> List[Finding]:
    """The file name ends in .tif or .tiff (warning)."""
    ext = os.path.splitext(r.name)[1]
    return [messages.not_tif_extension(r.name, ext)] if ext.lower() not in (".tif", ".tiff") else []


# In this order (errors are then listed before warnings, each in this order).
FILE_CHECKS: List[Callable[[RasterFacts], List[Finding]]] = [
    check_format,
    check_cog_layout,
    check_header_size,
    check_edited_in_place,
    check_georeferencing,
    check_crs,
    check_degree_range,
    check_data_types,
    check_one_data_type,
    check_compression,
    check_colour_table,
    check_ycbcr,
    check_chunky_bands,
    check_band_count,
    check_nodata_encoding,
    check_overviews,
    check_block_sizes,
    check_extension,
]
