"""Every BYOC rule finding: its rule, severity, what was found, and its wording's id and parameters.

The English wording is in :mod:`.templates` (``Finding.message``/``fix`` are filled from it; ``byoc_qgis.wording``
words the same ids in the user's language). localhub reports an error's ``message`` verbatim as
``failedIngestionCause``, and :func:`.causes.rule_for_cause` maps these sentences back to their rule: change a
template there too (``tests/test_cog_rules_causes.py`` checks every message maps to its rule).
"""

from __future__ import annotations

import os
from typing import List, Sequence, Tuple

from ..gdal_compat import unreadable_id
from .catalogue import (
    MAX_BLOCK,
    MAX_CHUNKY_BANDS,
    MAX_COLLECTION_BANDS,
    MAX_HEADER_BYTES,
    MIN_BLOCK,
    Finding,
    error,
    validator_rule,
    warning,
)
from .templates import REPROJECT_FIX  # noqa: F401 - re-exported

# --- per file ---


def unreadable(path: str, reason: str, gdal_detail: str, fix: str) -> Finding:
    """GDAL cannot open the file as a raster (``reason`` is our diagnosis, ``gdal_detail`` what GDAL added)."""
    reason_id, own_reason = unreadable_id(reason, fix)
    key = "unreadable-gdal" if gdal_detail else "unreadable"
    extra = {"reason_id": reason_id, "reason_is_storage": "" if own_reason else "1"} if reason_id else {}
    return error(path, "readable", reason, key, path=path, reason=reason, detail=gdal_detail, fix=fix, **extra)


def no_bands(name: str) -> Finding:
    """The file opens but has no raster band."""
    return error(name, "readable", "0 bands", "no-bands")


def not_geotiff(name: str, driver: str, driver_long_name: str) -> Finding:
    """The file is a raster of another format than GeoTIFF."""
    return error(name, "cog-layout", f"{driver} file", "not-geotiff", driver_long_name=driver_long_name)


def validator_error(name: str, text: str) -> Finding:
    """An error of GDAL's COG validator, under the rule its text belongs to."""
    rule = validator_rule(text)
    key = "validator-error-overviews" if rule == "overviews" else "validator-error"
    return error(name, rule, text, key, text=text)


def validator_warning(name: str, text: str) -> Finding:
    """A warning of GDAL's COG validator."""
    return warning(name, "cog-layout", text, "validator-warning", text=text)


def edited_in_place(name: str) -> Finding:
    """GDAL marked the COG as edited in place (its layout is lost)."""
    return error(name, "cog-layout", "KNOWN_INCOMPATIBLE_EDITION=YES", "edited-in-place")


def header_too_big(name: str, header_size: int) -> Finding:
    """The header (IFDs and tile index) is over BYOC's limit."""
    return error(
        name,
        "header-size",
        f"{header_size} bytes",
        "header-too-big",
        header_size=header_size,
        max_header=MAX_HEADER_BYTES,
    )


_GEOREFERENCING_KEYS = {"geotransform": "no-geotransform", "regular geotransform": "no-regular-geotransform"}


def no_georeferencing(name: str, missing: str, value: str) -> Finding:
    """The file lacks a geotransform, a regular one (GCPs only), or a CRS (``missing``)."""
    return error(name, "georeferencing", value, _GEOREFERENCING_KEYS.get(missing, "no-crs"))


def crs_without_epsg(name: str, crs_name: str) -> Finding:
    """The file's CRS cannot be identified as an EPSG code."""
    return error(name, "crs", crs_name, "crs-without-epsg")


def crs_not_allowed(name: str, epsg: int) -> Finding:
    """The file's EPSG code is not one BYOC accepts."""
    return error(name, "crs", f"EPSG:{epsg}", "crs-not-allowed", epsg=epsg)


def beyond_valid_degrees(name: str, bounds: tuple) -> Finding:
    """A file in EPSG:4326 extends beyond -180..180 / -90..90."""
    return error(name, "bounds", "({:.6f}, {:.6f}, {:.6f}, {:.6f})".format(*bounds), "beyond-valid-degrees")


def unsupported_types(name: str, bad_types: Sequence[str]) -> Finding:
    """Some bands have a sample type BYOC does not read."""
    types = ", ".join(bad_types)
    return error(name, "data-type", types, "unsupported-types", types=types)


def mixed_types(name: str, band_types: Sequence[str]) -> Finding:
    """The bands of one file have different data types."""
    return warning(name, "data-type", ", ".join(band_types), "mixed-types")


def unsupported_compression(name: str, compression: str) -> Finding:
    """The file's compression is not one BYOC reads."""
    return error(name, "compression", compression, "unsupported-compression", compression=compression)


def colour_table(name: str) -> Finding:
    """The file has a colour table (photometric PALETTE)."""
    return error(name, "photometric", "palette (colour table)", "colour-table")


def ycbcr(name: str) -> Finding:
    """The file uses the YCbCr colour space."""
    return error(name, "photometric", "YCbCr", "ycbcr")


def too_many_chunky_bands(name: str, count: int) -> Finding:
    """More pixel-interleaved bands than BYOC reads."""
    return error(
        name,
        "chunky-bands",
        f"{count} pixel-interleaved bands",
        "too-many-chunky-bands",
        count=count,
        max_chunky=MAX_CHUNKY_BANDS,
    )


def too_many_file_bands(name: str, count: int) -> Finding:
    """One file has more bands than a collection can have."""
    return error(
        name, "band-count", f"{count} bands", "too-many-file-bands", count=count, max_bands=MAX_COLLECTION_BANDS
    )


def ignored_mask(name: str, alpha: bool) -> Finding:
    """An alpha band (``alpha``) or internal mask that Sentinel Hub ignores."""
    return warning(name, "nodata", "alpha band" if alpha else "internal mask", "ignored-alpha")


def missing_overviews(name: str, width: int, height: int) -> Finding:
    """A big image without internal overviews."""
    return error(name, "overviews", f"{width}x{height} without overviews", "missing-overviews")


def coarse_overviews(name: str, coarsest: Tuple[int, int]) -> Finding:
    """The coarsest overview is still big."""
    return warning(name, "overviews", "coarsest overview {}x{}".format(*coarsest), "coarse-overviews")


def bad_block_size(name: str, layout: str, index: int, level_name: str) -> Finding:
    """Level ``index`` is stored in strips or in tiles outside BYOC's size range (``layout`` says which)."""
    return error(
        name,
        "block-size",
        f"{layout} at {level_name} (image index {index})",
        "bad-block-size",
        index=index,
        min_block=MIN_BLOCK,
        max_block=MAX_BLOCK,
    )


def unequal_block_sizes(name: str, sizes: List[Tuple[int, int]]) -> Finding:
    """The levels use different internal tile sizes."""
    return warning(name, "block-size", ", ".join(f"{bx}x{by}" for bx, by in sizes), "unequal-block-sizes")


def not_tif_extension(name: str, ext: str) -> Finding:
    """The file name does not end in .tif/.tiff."""
    return warning(name, "extension", ext or "(none)", "not-tif-extension")


# --- per tile ---


def no_files() -> Finding:
    """The tile has no files at all."""
    return error("", "file-set", "no files", "no-files")


def mixed_extensions(exts: Sequence[str]) -> Finding:
    """The tile's files use different extensions."""
    extensions = ", ".join(exts)
    return error("", "extension", extensions, "mixed-extensions", extensions=extensions)


def mixed_crs(epsgs: Sequence[str]) -> Finding:
    """The tile's files are in different CRSs."""
    return error("", "crs", ", ".join(f"EPSG:{e}" for e in epsgs), "mixed-crs")


def too_many_tile_bands(total: int) -> Finding:
    """The tile's files have more bands together than a collection can have."""
    return error("", "band-count", f"{total} bands", "too-many-tile-bands", total=total, max_bands=MAX_COLLECTION_BANDS)


def no_common_area() -> Finding:
    """The tile's files do not overlap."""
    return error("", "bounds", "no common area", "no-common-area")


def beyond_common_area(path: str, stem: str, bounds: tuple, common: tuple) -> Finding:
    """File ``stem`` extends more than a pixel beyond the area all files of the tile share."""
    value = "bbox ({:.3f}, {:.3f}, {:.3f}, {:.3f}) vs common ({:.3f}, {:.3f}, {:.3f}, {:.3f})".format(*bounds, *common)
    return error(path, "bounds", value, "beyond-common-area", stem=stem)


def missing_band_files(missing: Sequence[str]) -> Finding:
    """The tile lacks files that the collection's bands read."""
    files = ", ".join(missing)
    return error("", "file-set", "missing " + files, "missing-band-files", files=files)


def unexpected_files(extra: Sequence[str]) -> Finding:
    """The tile has files no band of the collection reads."""
    files = ", ".join(extra)
    return error("", "file-set", "unexpected " + files, "unexpected-files", files=files)


def band_index_out_of_range(path: str, band: str, source: str, band_count: int, index: int) -> Finding:
    """Collection band ``band`` reads a band its source file does not have."""
    return error(
        path,
        "band-count",
        f"{band_count} band(s), bandIndex {index}",
        "band-index-out-of-range",
        band=band,
        index=index,
        source=source,
        band_count=band_count,
    )


def bit_depth_mismatch(path: str, band: str, source: str, wanted, bit_depth: int, data_type: str) -> Finding:
    """The file's bit depth differs from the collection band's."""
    return error(
        path,
        "bit-depth",
        f"{bit_depth} bit ({data_type})",
        "bit-depth-mismatch",
        band=band,
        source=source,
        wanted=wanted,
        bit_depth=bit_depth,
    )


def sample_format_mismatch(path: str, band: str, source: str, wanted, sample_format: str, data_type: str) -> Finding:
    """The file's sample format differs from the collection band's."""
    return error(
        path,
        "sample-format",
        f"{sample_format} ({data_type})",
        "sample-format-mismatch",
        band=band,
        source=source,
        wanted=wanted,
        sample_format=sample_format,
    )


# --- pre-flight across files and tiles (core.preflight) ---


def invalid_band_name(path: str, name: str) -> Finding:
    """The first ingest would create band ``name``, which evalscripts cannot use."""
    return warning(path, "band-name", name, "band-name", name=name)


def tile_file_set_differs(tile: str, value: str) -> Finding:
    """Tile ``tile`` has other band files than the majority of tiles (``value`` says which)."""
    return error("", "file-set", value, "tile-file-set", tile=tile, difference=value)


def tile_data_type_differs(path: str, rule: str, stem: str, data_type: str, common_type: str) -> Finding:
    """Band file ``stem`` has another data type in this tile than in the other tiles."""
    value = f"{data_type} (other tiles: {common_type})"
    return error(path, rule, value, "tile-data-type", stem=stem, data_type=data_type, common_type=common_type)


def file_pattern_mismatch(path: str, pattern: str) -> Finding:
    """The file's name does not match the band file pattern: it belongs to no tile."""
    return error(path, "file-pattern", os.path.basename(path), "file-pattern", pattern=pattern)
