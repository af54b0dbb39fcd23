"""The English wording of every finding, keyed by a stable message id (``Finding.key``): ``(message, fix)``
templates with ``{name}`` placeholders that a finding's ``params`` fill.

This is the one English source: :mod:`.messages` formats these templates into ``Finding.message``/``fix`` (what
localhub reports as ``failedIngestionCause`` and ``str(finding)`` shows), and ``byoc_qgis.wording`` keeps the same
texts as ``tr()`` literals so the layers above core show them translated (``tests/test_wording.py`` checks that the
two tables have the same ids and the same English texts).
"""

from __future__ import annotations

from typing import Dict, Mapping, Tuple

COGIFY_FIX = "Re-create the file as a COG with BLOCKSIZE=1024 and internal AVERAGE overviews (COGify does this)."
REPROJECT_FIX = "Reproject to an allowed CRS (COGify with reprojection does this)."

#: message id -> (message, fix); ids are stable, placeholders are filled from ``Finding.params``
FINDING_TEMPLATES: Dict[str, Tuple[str, str]] = {
    # --- per file ---
    "unreadable": ("The file cannot be read as a raster: {path}: {reason}", "{fix}"),
    "unreadable-gdal": ("The file cannot be read as a raster: {path}: {reason} (GDAL: {detail})", "{fix}"),
    "no-bands": ("The file has no raster bands.", "Provide a raster GeoTIFF."),
    "not-geotiff": (
        "The file is a {driver_long_name} file; BYOC reads only Cloud Optimized GeoTIFFs.",
        "Convert it to a COG (COGify does this).",
    ),
    "validator-error": ("The file is not a valid Cloud Optimized GeoTIFF: {text}.", COGIFY_FIX),
    "validator-error-overviews": (
        "The file is not a valid Cloud Optimized GeoTIFF: {text}.",
        "Build internal overviews (COGify does this); BYOC ignores external .ovr files.",
    ),
    "validator-warning": ("COG validator: {text}.", COGIFY_FIX),
    "edited-in-place": ("The COG was edited in place and lost its layout.", COGIFY_FIX),
    "header-too-big": (
        "The file header (IFDs and tile index) is {header_size} bytes; BYOC reads at most {max_header} bytes.",
        "Re-create the file with bigger internal tiles (BLOCKSIZE=1024) or split it into smaller files.",
    ),
    "no-geotransform": (
        "The file has no geotransform; BYOC needs GeoTIFF georeferencing (ModelTiepoint, ModelPixelScale, GeoKeys).",
        "Georeference the file (gdal_translate -a_srs EPSG:<code> -a_ullr ...) or warp it to a grid.",
    ),
    "no-regular-geotransform": (
        "The file has no regular geotransform; BYOC needs GeoTIFF georeferencing (ModelTiepoint, ModelPixelScale, "
        "GeoKeys).",
        "Georeference the file (gdal_translate -a_srs EPSG:<code> -a_ullr ...) or warp it to a grid.",
    ),
    "no-crs": (
        "The file has no CRS; BYOC needs GeoTIFF georeferencing (ModelTiepoint, ModelPixelScale, GeoKeys).",
        "Georeference the file (gdal_translate -a_srs EPSG:<code> -a_ullr ...) or warp it to a grid.",
    ),
    "crs-without-epsg": (
        "The file's CRS has no EPSG code; BYOC accepts EPSG:4326, 3857, 3035 and UTM (326xx/327xx).",
        REPROJECT_FIX,
    ),
    "crs-not-allowed": (
        "EPSG:{epsg} is not supported by BYOC; use EPSG:4326, 3857, 3035 or UTM (326xx/327xx).",
        REPROJECT_FIX,
    ),
    "beyond-valid-degrees": (
        "The file extends beyond -180..180 / -90..90 degrees (crosses a pole or the valid range).",
        "Clip the file to the valid range or split it.",
    ),
    "unsupported-types": (
        "Sample type {types} is not supported; BYOC reads UInt8, Int8, UInt16, Int16 and Float32.",
        "Convert the data type (COGify's 'convert data type' option, e.g. Float64 -> Float32, Int32 -> Int16 after "
        "scaling).",
    ),
    "mixed-types": (
        "The bands of this file have different data types.",
        "Write one data type per file or one file per band.",
    ),
    "unsupported-compression": (
        "{compression} compression is not supported by BYOC.",
        "Re-compress with DEFLATE or ZSTD (COGify does this).",
    ),
    "colour-table": (
        "The file has a colour table (photometric PALETTE), which BYOC does not support.",
        "Drop the colour table and keep the index values as grey levels (COGify does this).",
    ),
    "ycbcr": (
        "The file uses the YCbCr colour space, which BYOC does not support.",
        "Re-create it with PHOTOMETRIC MinIsBlack or RGB and DEFLATE/ZSTD compression (COGify does this).",
    ),
    "too-many-chunky-bands": (
        "The file has {count} pixel-interleaved (chunky) bands; BYOC allows at most {max_chunky}.",
        "Write one file per band, or a band-interleaved (planar) GeoTIFF (COGify 'one file per band').",
    ),
    "too-many-file-bands": (
        "The file has {count} bands; a BYOC collection has at most {max_bands}.",
        "Split the bands over fewer, smaller files or collections.",
    ),
    "ignored-alpha": (
        "Sentinel Hub ignores alpha bands and internal masks: masked pixels will show as data.",
        "Encode no-data as a value (GDAL_NODATA tag), e.g. COGify with a no-data value.",
    ),
    "missing-overviews": (
        "The image has no internal overviews; zoomed-out requests fail and ingestion may fail.",
        "Add internal AVERAGE overviews down to about 1024 px (COGify does this).",
    ),
    "coarse-overviews": (
        "The coarsest overview is still large; zoomed-out requests will be limited.",
        "Add overview levels until the image fits one 1024-px tile (COGify does this).",
    ),
    "bad-block-size": (
        "Ensure tiles of image at index {index} have width and height between {min_block} and {max_block}.",
        "Re-create the file with BLOCKSIZE=1024 at every level, e.g. gdal_translate -of COG -co BLOCKSIZE=1024 "
        "-co OVERVIEWS=IGNORE_EXISTING (COGify does this).",
    ),
    "unequal-block-sizes": (
        "Internal tile sizes differ between levels; older Sentinel Hub deployments require equal sizes.",
        "Re-create the file with one BLOCKSIZE for all levels (COGify does this).",
    ),
    "not-tif-extension": ("The file name does not end in .tif or .tiff.", "Name COG files <band>.tif or <band>.tiff."),
    # --- per tile ---
    "no-files": ("The tile has no files.", "Check the tile path and its (BAND) placeholder."),
    "mixed-extensions": (
        "The tile's files use different extensions ({extensions}); BYOC needs one per tile.",
        "Rename the files to one extension, e.g. all .tif.",
    ),
    "mixed-crs": (
        "The tile's files are in different CRSs; all files of a tile must share one CRS.",
        "Reproject the files to one CRS.",
    ),
    "too-many-tile-bands": (
        "The tile's files have {total} bands together; a collection has at most {max_bands}.",
        "Split the data over several collections.",
    ),
    "no-common-area": (
        "The tile's files do not overlap; all files of a tile must cover the same area.",
        "Put only files of the same area into one tile.",
    ),
    "beyond-common-area": (
        "File {stem} extends more than one pixel beyond the area shared by all files of the tile.",
        "Clip or warp all band files of a tile to the same extent (gdalwarp -te).",
    ),
    "missing-band-files": (
        "The tile lacks the band file(s) {files} that the collection's bands use.",
        "Upload a file for every band source of the collection (same file names in every tile).",
    ),
    "unexpected-files": (
        "The tile has file(s) {files} that no band of the collection uses.",
        "Use the same set of file names in every tile, or add bands for these files to the collection.",
    ),
    "band-index-out-of-range": (
        "Band {band} reads band {index} of {source}, which has only {band_count} band(s).",
        "Provide the missing band in the file or change the band's bandIndex.",
    ),
    "bit-depth-mismatch": (
        "Band {band} is configured with bit depth {wanted}, but {source} has {bit_depth}.",
        "Convert the file to {wanted}-bit samples (COGify 'convert data type').",
    ),
    "sample-format-mismatch": (
        "Band {band} is configured with sample format {wanted}, but {source} is {sample_format}.",
        "Convert the file to {wanted} samples (COGify 'convert data type').",
    ),
    # --- pre-flight across files and tiles ---
    "band-name": (
        "The first ingest would create band '{name}', which is not a valid JavaScript identifier, so evalscripts "
        "cannot use it.",
        "Rename the file (letters, digits and _ only, not starting with a digit), e.g. B_08.",
    ),
    "tile-file-set": (
        "Tile {tile} does not have the same band files as the other tiles ({difference}).",
        "Give every tile the same set of band file names.",
    ),
    "tile-data-type": (
        "Band file {stem} is {data_type} here but {common_type} in the other tiles; files of one band must share "
        "bit depth and sample format.",
        "Convert this file to {common_type} (COGify 'output type').",
    ),
    "file-pattern": (
        "The file name does not match the band file pattern '{pattern}', so it belongs to no tile.",
        "Rename the file or change the band file pattern (FILE_PATTERN), e.g. (BAND).tif.",
    ),
}


def fill(template: str, params: Mapping[str, object]) -> str:
    """``template`` with its ``{name}`` placeholders filled from ``params``."""
    return template.format(**params)
