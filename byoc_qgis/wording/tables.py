"""The wording tables: core's English texts (by the same stable ids) as ``tr()`` literals, so
``make translations-update`` extracts them and each call answers the user's language. ``tests/test_wording.py``
checks that every table has the same ids and English texts as its core counterpart; :func:`fill` formats a
template and falls back to core's English when a translation's placeholders do not fit.
"""

from __future__ import annotations

from typing import Dict, Mapping, Optional, Tuple

from ..translation import tr


def fill(template: str, params: Mapping[str, str], fallback: str) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation whose placeholders do not fit: core's English
        return fallback


def finding_templates() -> Dict[str, Tuple[str, str]]:
    """``core.cog_rules.templates.FINDING_TEMPLATES`` translated."""
    cogify = tr("Re-create the file as a COG with BLOCKSIZE=1024 and internal AVERAGE overviews (COGify does this).")
    reproject = tr("Reproject to an allowed CRS (COGify with reprojection does this).")
    georeference = tr("Georeference the file (gdal_translate -a_srs EPSG:<code> -a_ullr ...) or warp it to a grid.")
    not_valid = tr("The file is not a valid Cloud Optimized GeoTIFF: {text}.")
    return {
        # --- per file ---
        "unreadable": (tr("The file cannot be read as a raster: {path}: {reason}"), "{fix}"),
        "unreadable-gdal": (tr("The file cannot be read as a raster: {path}: {reason} (GDAL: {detail})"), "{fix}"),
        "no-bands": (tr("The file has no raster bands."), tr("Provide a raster GeoTIFF.")),
        "not-geotiff": (
            tr("The file is a {driver_long_name} file; BYOC reads only Cloud Optimized GeoTIFFs."),
            tr("Convert it to a COG (COGify does this)."),
        ),
        "validator-error": (not_valid, cogify),
        "validator-error-overviews": (
            not_valid,
            tr("Build internal overviews (COGify does this); BYOC ignores external .ovr files."),
        ),
        "validator-warning": (tr("COG validator: {text}."), cogify),
        "edited-in-place": (tr("The COG was edited in place and lost its layout."), cogify),
        "header-too-big": (
            tr("The file header (IFDs and tile index) is {header_size} bytes; BYOC reads at most {max_header} bytes."),
            tr("Re-create the file with bigger internal tiles (BLOCKSIZE=1024) or split it into smaller files."),
        ),
        "no-geotransform": (
            tr(
                "The file has no geotransform; BYOC needs GeoTIFF georeferencing (ModelTiepoint, ModelPixelScale, "
                "GeoKeys)."
            ),
            georeference,
        ),
        "no-regular-geotransform": (
            tr(
                "The file has no regular geotransform; BYOC needs GeoTIFF georeferencing (ModelTiepoint, "
                "ModelPixelScale, GeoKeys)."
            ),
            georeference,
        ),
        "no-crs": (
            tr("The file has no CRS; BYOC needs GeoTIFF georeferencing (ModelTiepoint, ModelPixelScale, GeoKeys)."),
            georeference,
        ),
        "crs-without-epsg": (
            tr("The file's CRS has no EPSG code; BYOC accepts EPSG:4326, 3857, 3035 and UTM (326xx/327xx)."),
            reproject,
        ),
        "crs-not-allowed": (
            tr("EPSG:{epsg} is not supported by BYOC; use EPSG:4326, 3857, 3035 or UTM (326xx/327xx)."),
            reproject,
        ),
        "beyond-valid-degrees": (
            tr("The file extends beyond -180..180 / -90..90 degrees (crosses a pole or the valid range)."),
            tr("Clip the file to the valid range or split it."),
        ),
        "unsupported-types": (
            tr("Sample type {types} is not supported; BYOC reads UInt8, Int8, UInt16, Int16 and Float32."),
            tr(
                "Convert the data type (COGify's 'convert data type' option, e.g. Float64 -> Float32, Int32 -> Int16 "
                "after scaling)."
            ),
        ),
        "mixed-types": (
            tr("The bands of this file have different data types."),
            tr("Write one data type per file or one file per band."),
        ),
        "unsupported-compression": (
            tr("{compression} compression is not supported by BYOC."),
            tr("Re-compress with DEFLATE or ZSTD (COGify does this)."),
        ),
        "colour-table": (
            tr("The file has a colour table (photometric PALETTE), which BYOC does not support."),
            tr("Drop the colour table and keep the index values as grey levels (COGify does this)."),
        ),
        "ycbcr": (
            tr("The file uses the YCbCr colour space, which BYOC does not support."),
            tr("Re-create it with PHOTOMETRIC MinIsBlack or RGB and DEFLATE/ZSTD compression (COGify does this)."),
        ),
        "too-many-chunky-bands": (
            tr("The file has {count} pixel-interleaved (chunky) bands; BYOC allows at most {max_chunky}."),
            tr("Write one file per band, or a band-interleaved (planar) GeoTIFF (COGify 'one file per band')."),
        ),
        "too-many-file-bands": (
            tr("The file has {count} bands; a BYOC collection has at most {max_bands}."),
            tr("Split the bands over fewer, smaller files or collections."),
        ),
        "ignored-alpha": (
            tr("Sentinel Hub ignores alpha bands and internal masks: masked pixels will show as data."),
            tr("Encode no-data as a value (GDAL_NODATA tag), e.g. COGify with a no-data value."),
        ),
        "missing-overviews": (
            tr("The image has no internal overviews; zoomed-out requests fail and ingestion may fail."),
            tr("Add internal AVERAGE overviews down to about 1024 px (COGify does this)."),
        ),
        "coarse-overviews": (
            tr("The coarsest overview is still large; zoomed-out requests will be limited."),
            tr("Add overview levels until the image fits one 1024-px tile (COGify does this)."),
        ),
        "bad-block-size": (
            tr("Ensure tiles of image at index {index} have width and height between {min_block} and {max_block}."),
            tr(
                "Re-create the file with BLOCKSIZE=1024 at every level, e.g. gdal_translate -of COG -co "
                "BLOCKSIZE=1024 -co OVERVIEWS=IGNORE_EXISTING (COGify does this)."
            ),
        ),
        "unequal-block-sizes": (
            tr("Internal tile sizes differ between levels; older Sentinel Hub deployments require equal sizes."),
            tr("Re-create the file with one BLOCKSIZE for all levels (COGify does this)."),
        ),
        "not-tif-extension": (
            tr("The file name does not end in .tif or .tiff."),
            tr("Name COG files <band>.tif or <band>.tiff."),
        ),
        # --- per tile ---
        "no-files": (tr("The tile has no files."), tr("Check the tile path and its (BAND) placeholder.")),
        "mixed-extensions": (
            tr("The tile's files use different extensions ({extensions}); BYOC needs one per tile."),
            tr("Rename the files to one extension, e.g. all .tif."),
        ),
        "mixed-crs": (
            tr("The tile's files are in different CRSs; all files of a tile must share one CRS."),
            tr("Reproject the files to one CRS."),
        ),
        "too-many-tile-bands": (
            tr("The tile's files have {total} bands together; a collection has at most {max_bands}."),
            tr("Split the data over several collections."),
        ),
        "no-common-area": (
            tr("The tile's files do not overlap; all files of a tile must cover the same area."),
            tr("Put only files of the same area into one tile."),
        ),
        "beyond-common-area": (
            tr("File {stem} extends more than one pixel beyond the area shared by all files of the tile."),
            tr("Clip or warp all band files of a tile to the same extent (gdalwarp -te)."),
        ),
        "missing-band-files": (
            tr("The tile lacks the band file(s) {files} that the collection's bands use."),
            tr("Upload a file for every band source of the collection (same file names in every tile)."),
        ),
        "unexpected-files": (
            tr("The tile has file(s) {files} that no band of the collection uses."),
            tr("Use the same set of file names in every tile, or add bands for these files to the collection."),
        ),
        "band-index-out-of-range": (
            tr("Band {band} reads band {index} of {source}, which has only {band_count} band(s)."),
            tr("Provide the missing band in the file or change the band's bandIndex."),
        ),
        "bit-depth-mismatch": (
            tr("Band {band} is configured with bit depth {wanted}, but {source} has {bit_depth}."),
            tr("Convert the file to {wanted}-bit samples (COGify 'convert data type')."),
        ),
        "sample-format-mismatch": (
            tr("Band {band} is configured with sample format {wanted}, but {source} is {sample_format}."),
            tr("Convert the file to {wanted} samples (COGify 'convert data type')."),
        ),
        # --- pre-flight across files and tiles ---
        "band-name": (
            tr(
                "The first ingest would create band '{name}', which is not a valid JavaScript identifier, so "
                "evalscripts cannot use it."
            ),
            tr("Rename the file (letters, digits and _ only, not starting with a digit), e.g. B_08."),
        ),
        "tile-file-set": (
            tr("Tile {tile} does not have the same band files as the other tiles ({difference})."),
            tr("Give every tile the same set of band file names."),
        ),
        "tile-data-type": (
            tr(
                "Band file {stem} is {data_type} here but {common_type} in the other tiles; files of one band must "
                "share bit depth and sample format."
            ),
            tr("Convert this file to {common_type} (COGify 'output type')."),
        ),
        "file-pattern": (
            tr("The file name does not match the band file pattern '{pattern}', so it belongs to no tile."),
            tr("Rename the file or change the band file pattern (FILE_PATTERN), e.g. (BAND).tif."),
        ),
    }


def unreadable_texts() -> Dict[str, Tuple[Optional[str], str]]:
    """``core.gdal_compat.UNREADABLE_TEXTS`` translated."""
    return {
        "missing-object": (
            tr("the object does not exist"),
            tr("Check the tile path and the (BAND) file names in the bucket."),
        ),
        "access-refused": (tr("access refused"), tr("Check the bucket name and the S3 credentials of the connection.")),
        "storage-error": (tr("the storage did not answer"), tr("Check the S3 endpoint and try again later.")),
        "empty-object": (tr("not a raster (0 bytes)"), tr("Upload the file again: the object is empty.")),
        "not-raster-object": (
            tr("not a raster (unreadable)"),
            tr("Upload a GeoTIFF: GDAL recognises no raster format in this object."),
        ),
        "missing-file": (tr("the file does not exist"), tr("Check the path.")),
        "folder": (
            tr("a folder, not a raster file"),
            tr("Give the raster files in the folder, or the folder as FOLDER."),
        ),
        "empty-file": (
            tr("not a raster (0 bytes)"),
            tr("Provide the raster again: the file is empty (an interrupted copy or export?)."),
        ),
        "not-raster-file": (
            tr("not a raster (unreadable)"),
            tr(
                "Provide a GeoTIFF: GDAL recognises no raster format in this file (wrong extension, or a damaged or "
                "interrupted download?)."
            ),
        ),
    }


def fallback_reasons() -> Dict[str, str]:
    """``core.s3_errors.S3_FALLBACK_REASONS`` translated (used when curl or the storage said nothing)."""
    return {
        "connection refused": tr("connection refused"),
        "no answer": tr("no answer"),
        "unknown error": tr("unknown error"),
    }


def s3_templates() -> Dict[str, str]:
    """``core.s3_errors.S3_TEMPLATES`` translated."""
    no_credentials = tr(
        "No S3 credentials: choose S3 credentials (access key / secret key) for the connection (Processing: "
        "S3_AUTHCFG), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."
    )
    return {
        "missing-bucket": tr(
            "Bucket {bucket} does not exist at {where}: create it, or correct the bucket name (and the S3 "
            "endpoint/region)."
        ),
        "bad-secret": tr(
            "{where} refused the S3 secret key for access key {key_hint} (the signature does not match): correct the "
            "secret key in the S3 credentials."
        ),
        "no-credentials": tr(
            "No S3 credentials for bucket {bucket}: choose S3 credentials (access key / secret key) for the "
            "connection (Processing: S3_AUTHCFG), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."
        ),
        "no-credentials-keys": no_credentials,
        "bad-key": tr(
            "{where} does not know the S3 access key {key_hint}: correct the access key in the S3 credentials (and "
            "check the endpoint: keys of one provider do not work at another)."
        ),
        "access-denied": tr(
            "{where} denied access to bucket {bucket} (AccessDenied): the S3 keys are valid but lack permission; "
            "grant them s3:ListBucket, s3:GetObject and s3:PutObject on the bucket, or use other keys."
        ),
        "unreachable": tr(
            "Cannot reach the S3 endpoint {where} ({reason}): check the endpoint host:port and the HTTPS setting, "
            "and that the server is running."
        ),
        "dropped": tr(
            "The S3 endpoint {where} dropped the connection ({reason}): try again later; if it persists, check the "
            "HTTPS setting and any proxy."
        ),
        "unavailable": tr("S3 at {where} is unavailable or throttling ({answer}): try again later."),
        "error": tr("S3 at {where} answered: {answer}."),
        "not-writable": tr(
            "Bucket {bucket} at {where} can be read but not written ({answer}): grant the S3 keys s3:PutObject (and "
            "s3:DeleteObject) on the bucket, or use other keys."
        ),
        "reachable": tr("Bucket {bucket} at {where} is reachable."),
        "writable": tr("Bucket {bucket} at {where} is reachable and writable."),
        "writable-check-left": tr(
            "Bucket {bucket} at {where} is reachable and writable (could not delete the check object {key}; it is "
            "safe to delete)."
        ),
        "keys-accepted": tr("S3 keys accepted by {where}."),
        "attempts": tr("{text} ({attempts} attempts)"),
        "cannot-check": tr("Cannot check s3://{bucket}/{object}: {text}"),
        "cannot-check-tries": tr("Cannot check s3://{bucket}/{object} (after {attempts} attempts): {text}"),
        "cannot-list": tr("Cannot list s3://{bucket}/{prefix}: {text}"),
    }


def network_reasons() -> Dict[str, str]:
    """``core.network_errors.NETWORK_REASONS`` translated."""
    return {
        "proxy": tr("the proxy refused or dropped the connection"),
        "certificate": tr("certificate problem"),
        "connect-timeout": tr("no answer within {seconds} s"),
        "read-timeout": tr("the service did not answer within {seconds} s"),
        "no-answer": tr("no answer"),
        "refused": tr("connection refused"),
        "host-not-found": tr("host name not found"),
        "reset": tr("connection reset"),
        "network-unreachable": tr("network unreachable"),
        "dropped": tr("the connection was dropped"),
        "connection-failed": tr("connection failed"),
        "network-error": tr("network error"),
    }


def network_hints() -> Dict[str, str]:
    """``core.network_errors.NETWORK_HINTS`` translated."""
    return {
        "proxy": tr("check the proxy in QGIS Settings → Options → Network"),
        "certificate": tr("add the service's CA in QGIS Settings → Options → Authentication → Certificate Manager"),
    }


def outcome_texts() -> Dict[str, str]:
    """``core.tile_pipeline.OUTCOME_TEXTS`` translated."""
    return {
        "already-registered": tr("already registered: skipped"),
        "no-valid-pixel": tr("no valid pixel: nothing to register"),
        "cancelled": tr("cancelled before registration"),
    }


def result_texts() -> Dict[str, str]:
    """``core.tile_workflows.RESULT_TEXTS`` translated."""
    return {
        "no-such-tile": tr("no such tile"),
        "nothing-to-explain": tr("status {status}: nothing to explain"),
        "no-valid-pixel": tr("no valid pixel: the cover is left as it is"),
        "target-has-tile": tr("the target has a tile at this path"),
    }


def summary_texts() -> Dict[str, str]:
    """``core.cover.SUMMARY_TEXTS`` translated."""
    return {
        "summary": tr(
            "{points} points; cover adds ≈ {excess_area} {unit}² ({excess_pct} %) outside the data and leaves ≈ "
            "{deficit_area} {unit}² ({deficit_pct} %) of data out; traced at level {level} ({width}x{height} px) in "
            "{seconds} s"
        ),
        "fallback": tr("{text}; fallback: {fallback}"),
    }


def worded_texts() -> Dict[str, str]:
    """``core.worded.WORDED_TEXTS`` translated."""
    return {
        # --- tile paths, templates and sensing times (core.path_templates, core.tile_plan) ---
        "path-backslash": tr("Tile path {path!r} contains a backslash; use / between folders."),
        "path-empty": tr("The tile path is empty."),
        "path-rejected": tr(
            "Tile path {path!r} is not accepted by the service: no leading or trailing '/', no '//' "
            "(pattern ^([^/](/?[^/])*)?$)."
        ),
        "path-band-twice": tr("Tile path {path!r} contains (BAND) more than once."),
        "path-placeholder-left": tr("Tile path {path!r} still contains a {{placeholder}}."),
        "template-malformed": tr("Template {template!r} is malformed: {error}."),
        "template-not-simple": tr("Template {template!r}: placeholder {{{field}}} is not a simple name."),
        "template-no-value": tr(
            "Template {template!r} uses {{{field}}} but no value was given; available: {available}."
        ),
        "template-no-time": tr(
            "Template {template!r} uses {{{field}}} but no value was given (give the sensing time); available: "
            "{available}."
        ),
        "template-value-slash": tr("Value of {{{field}}} ({value!r}) must not contain '/'."),
        "template-band-once": tr("The template {template!r} must contain (BAND) once."),
        "date-invalid": tr("The date in {fields} is invalid: {error}."),
        "date-pattern-token": tr("Date pattern {pattern!r}: {token!r} is not supported; use %Y %m %d %H %M %S %j %y."),
        "no-sensing-time-pattern": tr(
            "No sensing time for {source}: the template needs a date and the file name has no pattern {pattern!r}. "
            "Give the sensing time or a date pattern."
        ),
        "no-sensing-time": tr(
            "No sensing time for {source}: the template needs a date and the file name has no a YYYYMMDD or YYYY-MM-DD "
            "date. Give the sensing time or a date pattern."
        ),
        "same-tile-path": tr("several tiles would get the same path {path!r}; change the path template"),
        # --- deployment URLs (core.deployments) ---
        "url-not-http": tr("{field}: {url!r} is not an http(s) URL; give e.g. https://services.sentinel-hub.com"),
        "url-credentials": tr("{field}: credentials must not be part of the URL; use the client id/secret fields"),
        "url-query": tr("{field}: remove the query/fragment from {url}"),
        "deployment-unknown": tr(
            "deployment {deployment!r} is unknown; use one of {known} or a base URL like http://host:port"
        ),
        # --- cover tracing warnings (core.cover) ---
        "cover-no-valid-pixel": tr("{path}: no valid pixel found; skip this tile (nothing to cover)."),
        "cover-extent-fallback": tr("No outline fits the point budget; using the raster extent as cover."),
        "cover-too-fragmented": tr("The data area is too small or too fragmented to fit without no-data; no cover."),
        "cover-no-epsg": tr("{path}: the CRS has no EPSG code; the GeoJSON has no crs member."),
        # --- the tile pipeline's log lines (core.tile_pipeline) ---
        "tile-line": tr("{name}: {text}"),
        "tile-cogified": tr("{name}: {stem} COGified"),
        "tile-upload-skipped": tr("{name}: s3://{bucket}/{key} already holds this file ({how}), not uploaded again"),
        "tile-upload-replaced": tr("{name}: s3://{bucket}/{key} held other content and was replaced (OVERWRITE)"),
        # --- uploads (core.s3_upload) and how an object's content compared with a file's (core.s3_digest) ---
        "upload-no-file": tr("Cannot upload {path}: the file does not exist."),
        "upload-exists": tr(
            "s3://{bucket}/{key} already exists with {how}; it is left untouched: choose another path template, or "
            "allow overwriting (OVERWRITE) to replace it."
        ),
        "upload-not-found-after": tr(
            "Upload of {path} to s3://{bucket}/{key} could not be verified: S3 reports no object at the key after a "
            "successful transfer; try again."
        ),
        "upload-other-content": tr(
            "Upload of {path} to s3://{bucket}/{key} could not be verified: the object holds {how}; it is not "
            "registered. Try again."
        ),
        "upload-tile-no-band": tr("The tile path {path!r} must contain (BAND), e.g. tile1/(BAND).tif."),
        "how-size": tr("{size} bytes (the file has {local_size})"),
        "how-same-multipart": tr("same multipart checksum"),
        "how-same-md5": tr("same MD5"),
        "how-same-stored-md5": tr("same MD5 (the checksum stored with the object)"),
        "how-md5-differs": tr("other content (MD5 differs, same size)"),
        "how-checksum-differs": tr("other content (checksum differs, same size)"),
        "how-parts-unknown": tr("content that cannot be compared (uploaded in {parts} parts of an unknown size)"),
        "how-no-checksum": tr(
            "content that cannot be compared (its ETag is not an MD5 and it has no checksum of ours)"
        ),
        # --- batch results (core.batch_results, core.batch_mosaic) ---
        "batch-other-bucket": tr("{url} is not in bucket {bucket}: give the delivery bucket's settings"),
        "batch-cannot-read-db": tr("Cannot read the execution database {url}: {reason}"),
        "batch-cannot-read-manifest": tr("Cannot read the feature manifest {url}: {reason}"),
        "batch-no-features-table": tr("{url} has no 'features' table: is it a batch execution database?"),
        "batch-no-delivery": tr("batch task {task} has no S3 delivery (request.output.delivery.s3.url)"),
        "batch-unknown-output": tr(
            "output {output!r} is not a raster output of batch task {task}; its outputs are: {outputs}"
        ),
        "batch-cannot-read-cell": tr("Cannot read the delivered file {path}: {reason}"),
        "batch-cannot-mosaic": tr(
            "Cannot build the mosaic of output {output} (EPSG:{epsg}) from {count} cells: {reason}"
        ),
        # --- batch requests (core.batch_request) ---
        "batch-delivery-keys": tr("delivery: give both S3 keys (access key and secret key) or an IAM role ARN"),
        "batch-overview-levels": tr("cogParameters.overviewLevels: factors must be 2 or more, e.g. [2, 4, 8]"),
        "batch-resampling": tr("cogParameters.resamplingAlgorithm {resampling!r}: use {choices}"),
        "batch-block-size": tr("cogParameters.{name} {value}: use a multiple of 16, e.g. 256"),
        "batch-no-bounds": tr(
            "processRequest.input.bounds: a tiling-grid batch needs the area of interest (bbox/geometry)"
        ),
        "batch-no-evalscript": tr("processRequest.evalscript is empty"),
        "batch-output-format": tr(
            "output {output!r}: batch delivers image/tiff (and application/json for userdata), not {mime}"
        ),
        "batch-resolution": tr("resolution must be positive"),
        "batch-buffer": tr("{name} {value}: give 0..32767 pixels"),
        "batch-collection-cog": tr("createCollection/collectionId: the outputs must be COGs (turn on COG output)"),
        "batch-collection-tiff": tr("createCollection/collectionId: every output must be image/tiff (no userdata)"),
        "batch-collection-both": tr(
            "give createCollection (a new collection) or collectionId (an existing one), not both"
        ),
        "batch-cog-parameters": tr("cogParameters apply to COG output only (turn on COG output)"),
        # --- collection bands (core.models) ---
        "band-name-js": tr(
            "band name {name!r} must be a JavaScript identifier (letters, digits, _ or $, not starting with a digit)"
        ),
        "band-bit-depth": tr("band {name}: bitDepth {bit_depth} must be one of 8, 16, 32"),
        "band-sample-format": tr("band {name}: sampleFormat {sample_format!r} must be UINT, INT or FLOAT"),
        # --- times and CRSs given by users (core.api_values) ---
        "time-not-string": tr("{field}: expected an ISO 8601 string, got {type}"),
        "time-not-iso": tr("{field}: {value!r} is not an ISO 8601 time like 2021-06-29T18:02:34Z"),
        "time-invalid": tr("{field}: {value!r}: {error}"),
        "crs-not-crs": tr("CRS: {value!r} is not a CRS"),
        "crs-not-understood": tr(
            "CRS {text!r} is not understood; use urn:ogc:def:crs:EPSG::<code>, EPSG:<code> or "
            "http://www.opengis.net/def/crs/EPSG/0/<code>"
        ),
        # --- Process API requests (core.process) ---
        "process-collection-id": tr("collection id {id!r} is not valid"),
        "process-time-range-both": tr("timeRange needs both 'from' and 'to'"),
        "process-time-range-order": tr("timeRange: from {start} is after to {end}"),
        "process-mosaicking": tr("mosaickingOrder {order!r}: use mostRecent or leastRecent"),
        "process-resampling": tr("{name} {value!r}: use NEAREST, BILINEAR or BICUBIC"),
        "process-format": tr("response format {format!r}: use one of {formats}"),
        "process-quality": tr("quality applies to image/jpeg only, 0..100"),
        "process-no-bounds": tr("input.bounds: give a bbox and/or a geometry"),
        "process-size-both": tr("output: give both width and height"),
        "process-no-evalscript": tr("evalscript is empty"),
        "process-no-data": tr("input.data: give at least one collection"),
        "process-size-or-res": tr("output: give width/height or resx/resy, not both"),
        "process-res-positive": tr("output: resx and resy must both be positive"),
        "process-bbox": tr("input.bounds.bbox {bbox}: need minx < maxx and miny < maxy"),
        "process-size-positive": tr("output: width and height must be at least 1"),
        "process-too-large": tr(
            "output {width}×{height} px is larger than {max_px} px per side; use ProcessClient.to_geotiff, "
            "which splits it into several requests"
        ),
        "process-duplicate-ids": tr("output.responses: duplicate identifiers {ids}"),
        # --- batch delivery paths, tiling grids and areas (core.batch_paths, core.batch_grids) ---
        "delivery-not-s3": tr("{url!r} is not an S3 URL: write it as s3://bucket/folder"),
        "delivery-placeholder": tr("delivery URL {url!r}: unknown placeholder {placeholder}; use {known}"),
        "delivery-bucket-placeholder": tr("delivery URL {url!r}: the bucket name cannot hold a placeholder"),
        "delivery-no-tile": tr("delivery URL {url!r}: the path must contain <tileName> (or <tileId>)"),
        "delivery-no-output": tr("delivery URL {url!r}: with several outputs the path must contain <outputId>"),
        "delivery-empty-segment": tr("delivery URL {url!r}: the path has an empty segment (//)"),
        "delivery-format": tr("format {mime!r}: batch outputs are image/tiff or application/json"),
        "grid-resolution": tr(
            "resolution {resolution!r} is not offered by tiling grid {grid} ({name}): use {offered}{unit}"
        ),
        "grid-unknown": tr("tiling grid {grid!r} is unknown: use one of {known}"),
        "grid-epsg": tr("unknown EPSG code {epsg}"),
        "grid-buffer": tr("bufferX and bufferY must be 0 or more pixels"),
        "aoi-geometry": tr("area of interest: the geometry is not a valid GeoJSON polygon"),
        "aoi-bbox": tr("area of interest: bbox needs 4 numbers [minx, miny, maxx, maxy]"),
        "aoi-none": tr("area of interest: give a geometry or a bbox"),
        "aoi-transform": tr("area of interest: cannot transform from EPSG:{epsg} to EPSG:4326"),
        "aoi-no-area": tr("area of interest has no area"),
        # --- evalscript templates (core.evalscripts) ---
        "script-no-bands": tr("no bands given"),
        "script-unknown-band": tr("band {name!r} is not in the collection; its bands are: {known}"),
        "script-unknown-template": tr("unknown evalscript template {template!r}; use one of {known}"),
        "script-band-count": tr(
            "template {template!r} needs {need} band names, got {count}; the collection has: {known}"
        ),
        # --- COGify (core.cogify) ---
        "cogify-layout": tr("{src}: layout must be 'multiband' or 'per-band', not {layout!r}."),
        "cogify-compression": tr("{src}: compression {compress!r} is not BYOC-friendly; use DEFLATE or ZSTD."),
        "cogify-resampling": tr(
            "{src}: overview resampling {resampling!r} is not allowed; use AVERAGE (continuous data) "
            "or MODE/NEAREST (categorical data). CUBIC breaks cover tracing."
        ),
        "cogify-blocksize": tr("{src}: block size {blocksize} must be a multiple of 16 between 256 and 2048."),
        "cogify-output-type": tr("{src}: output type {output_type!r} is not supported by BYOC; use one of {types}."),
        "cogify-int8": tr("{src}: Int8 output needs GDAL 3.7 or newer; use Int16."),
        "cogify-target-epsg": tr("{src}: target EPSG:{epsg} is not accepted by BYOC; use 4326, 3857, 3035 or UTM."),
        "cogify-band-names-count": tr("{src}: {names} band names given for {bands} bands."),
        "cogify-band-name": tr("{src}: band file name {name!r} is not a valid identifier (letters, digits, _)."),
        "cogify-band-names-unique": tr("{src}: band file names must be unique."),
        "cogify-sample-type": tr(
            "{src}: sample type {current} is not supported by BYOC; choose an output type (e.g. "
            "{suggested}) or enable 'convert unsupported types'."
        ),
        "cogify-no-georef": tr("{src}: the raster has no georeferencing; georeference it before COGify."),
        "cogify-crs": tr(
            "{src}: EPSG:{epsg} is not accepted by BYOC; choose a target CRS (EPSG:4326, 3857, 3035 or "
            "UTM) to reproject."
        ),
        "cogify-crs-unknown": tr(
            "{src}: its CRS is not accepted by BYOC; choose a target CRS (EPSG:4326, 3857, 3035 or UTM) to reproject."
        ),
        "cogify-per-band-folder": tr("{dst}: per-band output needs a folder, not a file name."),
        "cogify-prepare": tr("{src}: cannot prepare the conversion: {error}"),
        "cogify-write": tr("{dst}: writing failed: {error}"),
        "cogify-open": tr("Cannot open {src}: {error}"),
        "cogify-exists": tr("{path} exists; choose another output or allow overwriting."),
        "cogify-overwrite-source": tr("{path}: the output would overwrite the source; choose another output."),
        "cogify-still-fails": tr("{src}: the written file still fails the BYOC check: {finding}"),
        # --- connections, credentials and QGIS's authentication (core.qgis_adapters, core.credentials, core.auth) ---
        "proxy-socks5": tr(
            "QGIS is set to a SOCKS5 proxy, which the Sentinel Hub client does not support; use "
            "an HTTP proxy (Settings → Options → Network)"
        ),
        "auth-disabled": tr("the QGIS authentication system is disabled (see QGIS's Authentication settings)"),
        "auth-locked": tr(
            "QGIS's authentication database is locked by another program (another QGIS, a backup "
            "or a database tool); close it and try again"
        ),
        "auth-missing": tr(
            "authentication configuration {authcfg!r} does not exist (deleted, or QGIS's "
            "authentication database cannot be read); choose or create one"
        ),
        "auth-not-basic": tr(
            "authentication configuration {authcfg!r} cannot be read as Basic "
            "(username/password); is the QGIS master password set and the authentication database not locked?"
        ),
        "auth-no-s3-keys": tr("authentication configuration {authcfg!r} lacks the access key or the secret key"),
        "auth-id-and-secret": tr("{name}: both the id and the secret are needed"),
        "connection-name": tr("connection name {name!r}: give a non-empty name without '/'"),
        "connection-unknown": tr("no saved connection named {name!r}"),
        "env-no-client-id": tr("BYOC_CLIENT_SECRET is set but BYOC_CLIENT_ID (or SH_CLIENT_ID) is not"),
        "env-no-client-secret": tr("BYOC_CLIENT_ID is set but BYOC_CLIENT_SECRET (or SH_CLIENT_SECRET) is not"),
        "env-no-s3-secret": tr("an S3 access key is set but BYOC_S3_SECRET_KEY (or AWS_SECRET_ACCESS_KEY) is not"),
        "client-id-empty": tr("client id is empty: copy it from your Sentinel Hub dashboard (OAuth clients)"),
        "client-secret-empty": tr("client secret for client id {client_id!r} is empty"),
        # --- cover tracing errors (core.cover, core.cover_trace) ---
        "cover-mask": tr("{path}: cannot read the mask of band {band}: {error}"),
        "cover-read": tr("{path}: cannot read band {band}: {error}"),
        "cover-polygonize": tr("polygonize failed: {error}"),
        "cover-no-geotransform": tr("{path}: the raster has no geotransform; georeference it before tracing a cover."),
        "cover-rotated": tr("{path}: rotated rasters are not supported; warp it to a north-up grid first."),
        "cover-open": tr("Cannot open {path} to trace its cover: {error}"),
        "cover-policy": tr(
            "Unknown cover policy {policy!r}; use 'contain' (all data inside) or 'exclude' (no no-data)."
        ),
        "cover-max-points": tr("max_points must be at least 5 (the extent box needs 5), not {max_points}."),
        "cover-no-file": tr("No file given to trace a cover from."),
        "cover-mixed-crs": tr(
            "{path} is in EPSG:{epsg} but {first} in EPSG:{first_epsg}; the band files of a tile must share one CRS."
        ),
        # --- BYOC requests, live view and split Process requests (core.byoc, core.live_tiles, core.process_split) ---
        "invalid-id": tr("{what} {value!r} is not a valid id (a UUID like 7453e962-0ee5-4f74-8227-89759fbe9ba9)"),
        "collection-name-empty": tr("collection name is empty"),
        "collection-bucket": tr("s3Bucket {bucket!r}: give the bucket name only, without s3://"),
        "tile-path-slashes": tr("tile path {path!r}: no leading or trailing '/', no '//' (e.g. folder/(BAND).tif)"),
        "live-no-evalscript": tr("live view: the evalscript is empty"),
        "live-time-ends": tr("live view: give both ends of the time range, or neither"),
        "live-mosaicking": tr("live view: mosaicking order {order!r}: use mostRecent or leastRecent"),
        "live-time-order": tr("live view: the time range starts ({start}) after it ends ({end})"),
        "live-evalscript-long": tr("live view: the evalscript is too long for a tile URL"),
        "split-not-tiff": tr("output {output!r} is not an image/tiff response of the request"),
        "split-no-tiff": tr("to write a GeoTIFF, one output.responses entry must have format image/tiff"),
        # --- band file patterns, pre-flight roots, batch task ids (core.tile_groups, preflight, batch_task) ---
        "pattern-band-once": tr("The file pattern {pattern!r} must contain (BAND) exactly once, e.g. (BAND).tif."),
        "files-outside-root": tr("{path} is not under {root}; give a folder that holds every file"),
        "batch-task-id": tr("batch task id {value!r} is not valid (a UUID)"),
    }


def worded_values() -> Dict[str, str]:
    """``core.worded.WORDED_VALUES`` translated (our words that core passes as values of its worded texts)."""
    return {
        "base URL": tr("base URL"),
        "token URL": tr("token URL"),
        "none": tr("none"),
        "not found": tr("not found"),
        "cannot open it": tr("cannot open it"),
        "GDAL could not build it": tr("GDAL could not build it"),
        "none (the collection has no bands yet: ingest a tile first)": tr(
            "none (the collection has no bands yet: ingest a tile first)"
        ),
        "no bands yet": tr("no bands yet"),
        "collection id": tr("collection id"),
        "target collection id": tr("target collection id"),
        "tile id": tr("tile id"),
    }
