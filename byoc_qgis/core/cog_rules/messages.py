"""The wording of every BYOC rule finding: what was found, one actionable sentence, and how to fix it.

localhub reports an error's ``message`` verbatim as ``failedIngestionCause``, and :func:`.causes.rule_for_cause`
maps these sentences back to their rule: change a message there too (``tests/test_cog_rules_causes.py`` checks
every message below maps to its rule).
"""

from __future__ import annotations

from typing import List, Sequence, Tuple

from .catalogue import (
    COGIFY_FIX,
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

REPROJECT_FIX = "Reproject to an allowed CRS (COGify with reprojection does this)."

# --- per file ---


def unreadable(path: str, reason: str, gdal_detail: str, fix: str) -> Finding:
    """GDAL cannot open the file as a raster (``reason`` is our diagnosis, ``gdal_detail`` what GDAL added)."""
    message = f"The file cannot be read as a raster: {path}: {reason}" + (
        f" (GDAL: {gdal_detail})" if gdal_detail else ""
    )
    return error(path, "readable", reason, message, fix)


def no_bands(name: str) -> Finding:
    """The file opens but has no raster band."""
    return error(name, "readable", "0 bands", "The file has no raster bands.", "Provide a raster GeoTIFF.")


def not_geotiff(name: str, driver: str, driver_long_name: str) -> Finding:
    """The file is a raster of another format than GeoTIFF."""
    return error(
        name,
        "cog-layout",
        f"{driver} file",
        f"The file is a {driver_long_name} file; BYOC reads only Cloud Optimized GeoTIFFs.",
        "Convert it to a COG (COGify does this).",
    )


def validator_error(name: str, text: str) -> Finding:
    """An error of GDAL's COG validator, under the rule its text belongs to."""
    rule = validator_rule(text)
    fix = (
        "Build internal overviews (COGify does this); BYOC ignores external .ovr files."
        if rule == "overviews"
        else COGIFY_FIX
    )
    return error(name, rule, text, f"The file is not a valid Cloud Optimized GeoTIFF: {text}.", fix)


def validator_warning(name: str, text: str) -> Finding:
    """A warning of GDAL's COG validator."""
    return warning(name, "cog-layout", text, f"COG validator: {text}.", COGIFY_FIX)


def edited_in_place(name: str) -> Finding:
    """GDAL marked the COG as edited in place (its layout is lost)."""
    return error(
        name,
        "cog-layout",
        "KNOWN_INCOMPATIBLE_EDITION=YES",
        "The COG was edited in place and lost its layout.",
        COGIFY_FIX,
    )


def header_too_big(name: str, header_size: int) -> Finding:
    """The header (IFDs and tile index) is over BYOC's limit."""
    return error(
        name,
        "header-size",
        f"{header_size} bytes",
        f"The file header (IFDs and tile index) is {header_size} bytes; BYOC reads at most {MAX_HEADER_BYTES} bytes.",
        "Re-create the file with bigger internal tiles (BLOCKSIZE=1024) or split it into smaller files.",
    )


def no_georeferencing(name: str, missing: str, value: str) -> Finding:
    """The file lacks a geotransform, a regular one (GCPs only), or a CRS (``missing``)."""
    return error(
        name,
        "georeferencing",
        value,
        f"The file has no {missing}; BYOC needs GeoTIFF georeferencing (ModelTiepoint, ModelPixelScale, GeoKeys).",
        "Georeference the file (gdal_translate -a_srs EPSG:<code> -a_ullr ...) or warp it to a grid.",
    )


def crs_without_epsg(name: str, crs_name: str) -> Finding:
    """The file's CRS cannot be identified as an EPSG code."""
    return error(
        name,
        "crs",
        crs_name,
        "The file's CRS has no EPSG code; BYOC accepts EPSG:4326, 3857, 3035 and UTM (326xx/327xx).",
        REPROJECT_FIX,
    )


def crs_not_allowed(name: str, epsg: int) -> Finding:
    """The file's EPSG code is not one BYOC accepts."""
    return error(
        name,
        "crs",
        f"EPSG:{epsg}",
        f"EPSG:{epsg} is not supported by BYOC; use EPSG:4326, 3857, 3035 or UTM (326xx/327xx).",
        REPROJECT_FIX,
    )


def beyond_valid_degrees(name: str, bounds: tuple) -> Finding:
    """A file in EPSG:4326 extends beyond -180..180 / -90..90."""
    return error(
        name,
        "bounds",
        "({:.6f}, {:.6f}, {:.6f}, {:.6f})".format(*bounds),
        "The file extends beyond -180..180 / -90..90 degrees (crosses a pole or the valid range).",
        "Clip the file to the valid range or split it.",
    )


def unsupported_types(name: str, bad_types: Sequence[str]) -> Finding:
    """Some bands have a sample type BYOC does not read."""
    return error(
        name,
        "data-type",
        ", ".join(bad_types),
        f"Sample type {', '.join(bad_types)} is not supported; BYOC reads UInt8, Int8, UInt16, Int16 and Float32.",
        "Convert the data type (COGify's 'convert data type' option, e.g. Float64 -> Float32, "
        "Int32 -> Int16 after scaling).",
    )


def mixed_types(name: str, band_types: Sequence[str]) -> Finding:
    """The bands of one file have different data types."""
    return warning(
        name,
        "data-type",
        ", ".join(band_types),
        "The bands of this file have different data types.",
        "Write one data type per file or one file per band.",
    )


def unsupported_compression(name: str, compression: str) -> Finding:
    """The file's compression is not one BYOC reads."""
    return error(
        name,
        "compression",
        compression,
        f"{compression} compression is not supported by BYOC.",
        "Re-compress with DEFLATE or ZSTD (COGify does this).",
    )


def colour_table(name: str) -> Finding:
    """The file has a colour table (photometric PALETTE)."""
    return error(
        name,
        "photometric",
        "palette (colour table)",
        "The file has a colour table (photometric PALETTE), which BYOC does not support.",
        "Drop the colour table and keep the index values as grey levels (COGify does this).",
    )


def ycbcr(name: str) -> Finding:
    """The file uses the YCbCr colour space."""
    return error(
        name,
        "photometric",
        "YCbCr",
        "The file uses the YCbCr colour space, which BYOC does not support.",
        "Re-create it with PHOTOMETRIC MinIsBlack or RGB and DEFLATE/ZSTD compression (COGify does this).",
    )


def too_many_chunky_bands(name: str, count: int) -> Finding:
    """More pixel-interleaved bands than BYOC reads."""
    return error(
        name,
        "chunky-bands",
        f"{count} pixel-interleaved bands",
        f"The file has {count} pixel-interleaved (chunky) bands; BYOC allows at most {MAX_CHUNKY_BANDS}.",
        "Write one file per band, or a band-interleaved (planar) GeoTIFF (COGify 'one file per band').",
    )


def too_many_file_bands(name: str, count: int) -> Finding:
    """One file has more bands than a collection can have."""
    return error(
        name,
        "band-count",
        f"{count} bands",
        f"The file has {count} bands; a BYOC collection has at most {MAX_COLLECTION_BANDS}.",
        "Split the bands over fewer, smaller files or collections.",
    )


def ignored_mask(name: str, alpha: bool) -> Finding:
    """An alpha band (``alpha``) or internal mask that Sentinel Hub ignores."""
    return warning(
        name,
        "nodata",
        "alpha band" if alpha else "internal mask",
        "Sentinel Hub ignores alpha bands and internal masks: masked pixels will show as data.",
        "Encode no-data as a value (GDAL_NODATA tag), e.g. COGify with a no-data value.",
    )


def missing_overviews(name: str, width: int, height: int) -> Finding:
    """A big image without internal overviews."""
    return error(
        name,
        "overviews",
        f"{width}x{height} without overviews",
        "The image has no internal overviews; zoomed-out requests fail and ingestion may fail.",
        "Add internal AVERAGE overviews down to about 1024 px (COGify does this).",
    )


def coarse_overviews(name: str, coarsest: Tuple[int, int]) -> Finding:
    """The coarsest overview is still big."""
    return warning(
        name,
        "overviews",
        "coarsest overview {}x{}".format(*coarsest),
        "The coarsest overview is still large; zoomed-out requests will be limited.",
        "Add overview levels until the image fits one 1024-px tile (COGify does this).",
    )


def bad_block_size(name: str, layout: str, index: int, level_name: str) -> Finding:
    """Level ``index`` is stored in strips or in tiles outside BYOC's size range (``layout`` says which)."""
    return error(
        name,
        "block-size",
        f"{layout} at {level_name} (image index {index})",
        f"Ensure tiles of image at index {index} have width and height between {MIN_BLOCK} and {MAX_BLOCK}.",
        "Re-create the file with BLOCKSIZE=1024 at every level, e.g. gdal_translate -of COG "
        "-co BLOCKSIZE=1024 -co OVERVIEWS=IGNORE_EXISTING (COGify does this).",
    )


def unequal_block_sizes(name: str, sizes: List[Tuple[int, int]]) -> Finding:
    """The levels use different internal tile sizes."""
    return warning(
        name,
        "block-size",
        ", ".join(f"{bx}x{by}" for bx, by in sizes),
        "Internal tile sizes differ between levels; older Sentinel Hub deployments require equal sizes.",
        "Re-create the file with one BLOCKSIZE for all levels (COGify does this).",
    )


def not_tif_extension(name: str, ext: str) -> Finding:
    """The file name does not end in .tif/.tiff."""
    return warning(
        name,
        "extension",
        ext or "(none)",
        "The file name does not end in .tif or .tiff.",
        "Name COG files <band>.tif or <band>.tiff.",
    )


# --- per tile ---


def no_files() -> Finding:
    """The tile has no files at all."""
    return error(
        "", "file-set", "no files", "The tile has no files.", "Check the tile path and its (BAND) placeholder."
    )


def mixed_extensions(exts: Sequence[str]) -> Finding:
    """The tile's files use different extensions."""
    return error(
        "",
        "extension",
        ", ".join(exts),
        f"The tile's files use different extensions ({', '.join(exts)}); BYOC needs one per tile.",
        "Rename the files to one extension, e.g. all .tif.",
    )


def mixed_crs(epsgs: Sequence[str]) -> Finding:
    """The tile's files are in different CRSs."""
    return error(
        "",
        "crs",
        ", ".join(f"EPSG:{e}" for e in epsgs),
        "The tile's files are in different CRSs; all files of a tile must share one CRS.",
        "Reproject the files to one CRS.",
    )


def too_many_tile_bands(total: int) -> Finding:
    """The tile's files have more bands together than a collection can have."""
    return error(
        "",
        "band-count",
        f"{total} bands",
        f"The tile's files have {total} bands together; a collection has at most {MAX_COLLECTION_BANDS}.",
        "Split the data over several collections.",
    )


def no_common_area() -> Finding:
    """The tile's files do not overlap."""
    return error(
        "",
        "bounds",
        "no common area",
        "The tile's files do not overlap; all files of a tile must cover the same area.",
        "Put only files of the same area into one tile.",
    )


def beyond_common_area(path: str, stem: str, bounds: tuple, common: tuple) -> Finding:
    """File ``stem`` extends more than a pixel beyond the area all files of the tile share."""
    return error(
        path,
        "bounds",
        "bbox ({:.3f}, {:.3f}, {:.3f}, {:.3f}) vs common ({:.3f}, {:.3f}, {:.3f}, {:.3f})".format(*bounds, *common),
        f"File {stem} extends more than one pixel beyond the area shared by all files of the tile.",
        "Clip or warp all band files of a tile to the same extent (gdalwarp -te).",
    )


def missing_band_files(missing: Sequence[str]) -> Finding:
    """The tile lacks files that the collection's bands read."""
    return error(
        "",
        "file-set",
        "missing " + ", ".join(missing),
        f"The tile lacks the band file(s) {', '.join(missing)} that the collection's bands use.",
        "Upload a file for every band source of the collection (same file names in every tile).",
    )


def unexpected_files(extra: Sequence[str]) -> Finding:
    """The tile has files no band of the collection reads."""
    return error(
        "",
        "file-set",
        "unexpected " + ", ".join(extra),
        f"The tile has file(s) {', '.join(extra)} that no band of the collection uses.",
        "Use the same set of file names in every tile, or add bands for these files to the collection.",
    )


def band_index_out_of_range(path: str, band: str, source: str, band_count: int, index: int) -> Finding:
    """Collection band ``band`` reads a band its source file does not have."""
    return error(
        path,
        "band-count",
        f"{band_count} band(s), bandIndex {index}",
        f"Band {band} reads band {index} of {source}, which has only {band_count} band(s).",
        "Provide the missing band in the file or change the band's bandIndex.",
    )


def bit_depth_mismatch(path: str, band: str, source: str, wanted, bit_depth: int, data_type: str) -> Finding:
    """The file's bit depth differs from the collection band's."""
    return error(
        path,
        "bit-depth",
        f"{bit_depth} bit ({data_type})",
        f"Band {band} is configured with bit depth {wanted}, but {source} has {bit_depth}.",
        f"Convert the file to {wanted}-bit samples (COGify 'convert data type').",
    )


def sample_format_mismatch(path: str, band: str, source: str, wanted, sample_format: str, data_type: str) -> Finding:
    """The file's sample format differs from the collection band's."""
    return error(
        path,
        "sample-format",
        f"{sample_format} ({data_type})",
        f"Band {band} is configured with sample format {wanted}, but {source} is {sample_format}.",
        f"Convert the file to {wanted} samples (COGify 'convert data type').",
    )
