"""Texts core words for people beyond findings, S3 and network errors: validation errors of what users type (tile
path templates, sensing times, deployment URLs), cover-tracing warnings and the pipeline's log lines.

Each text has a stable id and English template in :data:`WORDED_TEXTS`; core raises :class:`WordedError` (a
``ValueError`` whose ``str()`` is the English sentence) or keeps a :class:`WordedText` (a ``str`` that is the English
sentence) with the id and the values, so logs, localhub and existing callers read the same English as before, and
``byoc_qgis.wording`` words the same id in the user's language (its ``tr()`` table must equal this one:
tests/test_wording.py). Values that are library texts (a ``strptime`` error) stay as they came.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping

#: the English wording by stable id; ``byoc_qgis.wording.tables.worded_texts`` keeps the same texts as tr() literals
WORDED_TEXTS: Dict[str, str] = {
    # --- tile paths, templates and sensing times (core.path_templates, core.tile_plan) ---
    "path-backslash": "Tile path {path!r} contains a backslash; use / between folders.",
    "path-empty": "The tile path is empty.",
    "path-rejected": (
        "Tile path {path!r} is not accepted by the service: no leading or trailing '/', no '//' "
        "(pattern ^([^/](/?[^/])*)?$)."
    ),
    "path-band-twice": "Tile path {path!r} contains (BAND) more than once.",
    "path-placeholder-left": "Tile path {path!r} still contains a {{placeholder}}.",
    "template-malformed": "Template {template!r} is malformed: {error}.",
    "template-not-simple": "Template {template!r}: placeholder {{{field}}} is not a simple name.",
    "template-no-value": "Template {template!r} uses {{{field}}} but no value was given; available: {available}.",
    "template-no-time": (
        "Template {template!r} uses {{{field}}} but no value was given (give the sensing time); available: {available}."
    ),
    "template-value-slash": "Value of {{{field}}} ({value!r}) must not contain '/'.",
    "template-band-once": "The template {template!r} must contain (BAND) once.",
    "date-invalid": "The date in {fields} is invalid: {error}.",
    "date-pattern-token": "Date pattern {pattern!r}: {token!r} is not supported; use %Y %m %d %H %M %S %j %y.",
    "no-sensing-time-pattern": (
        "No sensing time for {source}: the template needs a date and the file name has no pattern {pattern!r}. "
        "Give the sensing time or a date pattern."
    ),
    "no-sensing-time": (
        "No sensing time for {source}: the template needs a date and the file name has no a YYYYMMDD or YYYY-MM-DD "
        "date. Give the sensing time or a date pattern."
    ),
    "same-tile-path": "several tiles would get the same path {path!r}; change the path template",
    # --- deployment URLs (core.deployments) ---
    "url-not-http": "{field}: {url!r} is not an http(s) URL; give e.g. https://services.sentinel-hub.com",
    "url-credentials": "{field}: credentials must not be part of the URL; use the client id/secret fields",
    "url-query": "{field}: remove the query/fragment from {url}",
    "deployment-unknown": "deployment {deployment!r} is unknown; use one of {known} or a base URL like http://host:port",
    # --- cover tracing warnings (core.cover) ---
    "cover-no-valid-pixel": "{path}: no valid pixel found; skip this tile (nothing to cover).",
    "cover-extent-fallback": "No outline fits the point budget; using the raster extent as cover.",
    "cover-too-fragmented": "The data area is too small or too fragmented to fit without no-data; no cover.",
    "cover-no-epsg": "{path}: the CRS has no EPSG code; the GeoJSON has no crs member.",
    # --- the tile pipeline's log lines (core.tile_pipeline) ---
    "tile-line": "{name}: {text}",
    "tile-cogified": "{name}: {stem} COGified",
    "tile-upload-skipped": "{name}: s3://{bucket}/{key} already holds this file ({how}), not uploaded again",
    "tile-upload-replaced": "{name}: s3://{bucket}/{key} held other content and was replaced (OVERWRITE)",
    # --- uploads (core.s3_upload) and how an object's content compared with a file's (core.s3_digest) ---
    "upload-no-file": "Cannot upload {path}: the file does not exist.",
    "upload-exists": (
        "s3://{bucket}/{key} already exists with {how}; it is left untouched: choose another path template, or allow "
        "overwriting (OVERWRITE) to replace it."
    ),
    "upload-not-found-after": (
        "Upload of {path} to s3://{bucket}/{key} could not be verified: S3 reports no object at the key after a "
        "successful transfer; try again."
    ),
    "upload-other-content": (
        "Upload of {path} to s3://{bucket}/{key} could not be verified: the object holds {how}; it is not "
        "registered. Try again."
    ),
    "upload-tile-no-band": "The tile path {path!r} must contain (BAND), e.g. tile1/(BAND).tif.",
    "how-size": "{size} bytes (the file has {local_size})",
    "how-same-multipart": "same multipart checksum",
    "how-same-md5": "same MD5",
    "how-same-stored-md5": "same MD5 (the checksum stored with the object)",
    "how-md5-differs": "other content (MD5 differs, same size)",
    "how-checksum-differs": "other content (checksum differs, same size)",
    "how-parts-unknown": "content that cannot be compared (uploaded in {parts} parts of an unknown size)",
    "how-no-checksum": "content that cannot be compared (its ETag is not an MD5 and it has no checksum of ours)",
    # --- batch results (core.batch_results, core.batch_mosaic) ---
    "batch-other-bucket": "{url} is not in bucket {bucket}: give the delivery bucket's settings",
    "batch-cannot-read-db": "Cannot read the execution database {url}: {reason}",
    "batch-cannot-read-manifest": "Cannot read the feature manifest {url}: {reason}",
    "batch-no-features-table": "{url} has no 'features' table: is it a batch execution database?",
    "batch-no-delivery": "batch task {task} has no S3 delivery (request.output.delivery.s3.url)",
    "batch-unknown-output": "output {output!r} is not a raster output of batch task {task}; its outputs are: {outputs}",
    "batch-cannot-read-cell": "Cannot read the delivered file {path}: {reason}",
    "batch-cannot-mosaic": "Cannot build the mosaic of output {output} (EPSG:{epsg}) from {count} cells: {reason}",
    # --- batch requests (core.batch_request) ---
    "batch-delivery-keys": "delivery: give both S3 keys (access key and secret key) or an IAM role ARN",
    "batch-overview-levels": "cogParameters.overviewLevels: factors must be 2 or more, e.g. [2, 4, 8]",
    "batch-resampling": "cogParameters.resamplingAlgorithm {resampling!r}: use {choices}",
    "batch-block-size": "cogParameters.{name} {value}: use a multiple of 16, e.g. 256",
    "batch-no-bounds": "processRequest.input.bounds: a tiling-grid batch needs the area of interest (bbox/geometry)",
    "batch-no-evalscript": "processRequest.evalscript is empty",
    "batch-output-format": (
        "output {output!r}: batch delivers image/tiff (and application/json for userdata), not {mime}"
    ),
    "batch-resolution": "resolution must be positive",
    "batch-buffer": "{name} {value}: give 0..32767 pixels",
    "batch-collection-cog": "createCollection/collectionId: the outputs must be COGs (turn on COG output)",
    "batch-collection-tiff": "createCollection/collectionId: every output must be image/tiff (no userdata)",
    "batch-collection-both": "give createCollection (a new collection) or collectionId (an existing one), not both",
    "batch-cog-parameters": "cogParameters apply to COG output only (turn on COG output)",
    # --- collection bands (core.models) ---
    "band-name-js": (
        "band name {name!r} must be a JavaScript identifier (letters, digits, _ or $, not starting with a digit)"
    ),
    "band-bit-depth": "band {name}: bitDepth {bit_depth} must be one of 8, 16, 32",
    "band-sample-format": "band {name}: sampleFormat {sample_format!r} must be UINT, INT or FLOAT",
    # --- times and CRSs given by users (core.api_values) ---
    "time-not-string": "{field}: expected an ISO 8601 string, got {type}",
    "time-not-iso": "{field}: {value!r} is not an ISO 8601 time like 2021-06-29T18:02:34Z",
    "time-invalid": "{field}: {value!r}: {error}",
    "crs-not-crs": "CRS: {value!r} is not a CRS",
    "crs-not-understood": (
        "CRS {text!r} is not understood; use urn:ogc:def:crs:EPSG::<code>, EPSG:<code> or "
        "http://www.opengis.net/def/crs/EPSG/0/<code>"
    ),
    # --- Process API requests (core.process) ---
    "process-collection-id": "collection id {id!r} is not valid",
    "process-time-range-both": "timeRange needs both 'from' and 'to'",
    "process-time-range-order": "timeRange: from {start} is after to {end}",
    "process-mosaicking": "mosaickingOrder {order!r}: use mostRecent or leastRecent",
    "process-resampling": "{name} {value!r}: use NEAREST, BILINEAR or BICUBIC",
    "process-format": "response format {format!r}: use one of {formats}",
    "process-quality": "quality applies to image/jpeg only, 0..100",
    "process-no-bounds": "input.bounds: give a bbox and/or a geometry",
    "process-size-both": "output: give both width and height",
    "process-no-evalscript": "evalscript is empty",
    "process-no-data": "input.data: give at least one collection",
    "process-size-or-res": "output: give width/height or resx/resy, not both",
    "process-res-positive": "output: resx and resy must both be positive",
    "process-bbox": "input.bounds.bbox {bbox}: need minx < maxx and miny < maxy",
    "process-size-positive": "output: width and height must be at least 1",
    "process-too-large": (
        "output {width}×{height} px is larger than {max_px} px per side; use ProcessClient.to_geotiff, "
        "which splits it into several requests"
    ),
    "process-duplicate-ids": "output.responses: duplicate identifiers {ids}",
    # --- batch delivery paths, tiling grids and areas (core.batch_paths, core.batch_grids) ---
    "delivery-not-s3": "{url!r} is not an S3 URL: write it as s3://bucket/folder",
    "delivery-placeholder": "delivery URL {url!r}: unknown placeholder {placeholder}; use {known}",
    "delivery-bucket-placeholder": "delivery URL {url!r}: the bucket name cannot hold a placeholder",
    "delivery-no-tile": "delivery URL {url!r}: the path must contain <tileName> (or <tileId>)",
    "delivery-no-output": "delivery URL {url!r}: with several outputs the path must contain <outputId>",
    "delivery-empty-segment": "delivery URL {url!r}: the path has an empty segment (//)",
    "delivery-format": "format {mime!r}: batch outputs are image/tiff or application/json",
    "grid-resolution": "resolution {resolution!r} is not offered by tiling grid {grid} ({name}): use {offered}{unit}",
    "grid-unknown": "tiling grid {grid!r} is unknown: use one of {known}",
    "grid-epsg": "unknown EPSG code {epsg}",
    "grid-buffer": "bufferX and bufferY must be 0 or more pixels",
    "aoi-geometry": "area of interest: the geometry is not a valid GeoJSON polygon",
    "aoi-bbox": "area of interest: bbox needs 4 numbers [minx, miny, maxx, maxy]",
    "aoi-none": "area of interest: give a geometry or a bbox",
    "aoi-transform": "area of interest: cannot transform from EPSG:{epsg} to EPSG:4326",
    "aoi-no-area": "area of interest has no area",
    # --- evalscript templates (core.evalscripts) ---
    "script-no-bands": "no bands given",
    "script-unknown-band": "band {name!r} is not in the collection; its bands are: {known}",
    "script-unknown-template": "unknown evalscript template {template!r}; use one of {known}",
    "script-band-count": "template {template!r} needs {need} band names, got {count}; the collection has: {known}",
    # --- COGify (core.cogify) ---
    "cogify-layout": "{src}: layout must be 'multiband' or 'per-band', not {layout!r}.",
    "cogify-compression": "{src}: compression {compress!r} is not BYOC-friendly; use DEFLATE or ZSTD.",
    "cogify-resampling": (
        "{src}: overview resampling {resampling!r} is not allowed; use AVERAGE (continuous data) "
        "or MODE/NEAREST (categorical data). CUBIC breaks cover tracing."
    ),
    "cogify-blocksize": "{src}: block size {blocksize} must be a multiple of 16 between 256 and 2048.",
    "cogify-output-type": "{src}: output type {output_type!r} is not supported by BYOC; use one of {types}.",
    "cogify-int8": "{src}: Int8 output needs GDAL 3.7 or newer; use Int16.",
    "cogify-target-epsg": "{src}: target EPSG:{epsg} is not accepted by BYOC; use 4326, 3857, 3035 or UTM.",
    "cogify-band-names-count": "{src}: {names} band names given for {bands} bands.",
    "cogify-band-name": "{src}: band file name {name!r} is not a valid identifier (letters, digits, _).",
    "cogify-band-names-unique": "{src}: band file names must be unique.",
    "cogify-sample-type": (
        "{src}: sample type {current} is not supported by BYOC; choose an output type (e.g. "
        "{suggested}) or enable 'convert unsupported types'."
    ),
    "cogify-no-georef": "{src}: the raster has no georeferencing; georeference it before COGify.",
    "cogify-crs": (
        "{src}: EPSG:{epsg} is not accepted by BYOC; choose a target CRS (EPSG:4326, 3857, 3035 or UTM) to reproject."
    ),
    "cogify-crs-unknown": (
        "{src}: its CRS is not accepted by BYOC; choose a target CRS (EPSG:4326, 3857, 3035 or UTM) to reproject."
    ),
    "cogify-per-band-folder": "{dst}: per-band output needs a folder, not a file name.",
    "cogify-prepare": "{src}: cannot prepare the conversion: {error}",
    "cogify-write": "{dst}: writing failed: {error}",
    "cogify-open": "Cannot open {src}: {error}",
    "cogify-exists": "{path} exists; choose another output or allow overwriting.",
    "cogify-overwrite-source": "{path}: the output would overwrite the source; choose another output.",
    "cogify-still-fails": "{src}: the written file still fails the BYOC check: {finding}",
    # --- connections, credentials and QGIS's authentication (core.qgis_adapters, core.credentials, core.auth) ---
    "proxy-socks5": (
        "QGIS is set to a SOCKS5 proxy, which the Sentinel Hub client does not support; use "
        "an HTTP proxy (Settings → Options → Network)"
    ),
    "auth-disabled": "the QGIS authentication system is disabled (see QGIS's Authentication settings)",
    "auth-locked": (
        "QGIS's authentication database is locked by another program (another QGIS, a backup "
        "or a database tool); close it and try again"
    ),
    "auth-missing": (
        "authentication configuration {authcfg!r} does not exist (deleted, or QGIS's "
        "authentication database cannot be read); choose or create one"
    ),
    "auth-not-basic": (
        "authentication configuration {authcfg!r} cannot be read as Basic "
        "(username/password); is the QGIS master password set and the authentication database not locked?"
    ),
    "auth-no-s3-keys": "authentication configuration {authcfg!r} lacks the access key or the secret key",
    "auth-id-and-secret": "{name}: both the id and the secret are needed",
    "connection-name": "connection name {name!r}: give a non-empty name without '/'",
    "connection-unknown": "no saved connection named {name!r}",
    "env-no-client-id": "BYOC_CLIENT_SECRET is set but BYOC_CLIENT_ID (or SH_CLIENT_ID) is not",
    "env-no-client-secret": "BYOC_CLIENT_ID is set but BYOC_CLIENT_SECRET (or SH_CLIENT_SECRET) is not",  # noqa: E501 (variable names) # pragma: allowlist secret
    "env-no-s3-secret": "an S3 access key is set but BYOC_S3_SECRET_KEY (or AWS_SECRET_ACCESS_KEY) is not",  # noqa: E501 (variable names) # pragma: allowlist secret
    "client-id-empty": "client id is empty: copy it from your Sentinel Hub dashboard (OAuth clients)",
    "client-secret-empty": "client secret for client id {client_id!r} is empty",
    # --- cover tracing errors (core.cover, core.cover_trace) ---
    "cover-mask": "{path}: cannot read the mask of band {band}: {error}",
    "cover-read": "{path}: cannot read band {band}: {error}",
    "cover-polygonize": "polygonize failed: {error}",
    "cover-no-geotransform": "{path}: the raster has no geotransform; georeference it before tracing a cover.",
    "cover-rotated": "{path}: rotated rasters are not supported; warp it to a north-up grid first.",
    "cover-open": "Cannot open {path} to trace its cover: {error}",
    "cover-policy": ("Unknown cover policy {policy!r}; use 'contain' (all data inside) or 'exclude' (no no-data)."),
    "cover-max-points": "max_points must be at least 5 (the extent box needs 5), not {max_points}.",
    "cover-no-file": "No file given to trace a cover from.",
    "cover-mixed-crs": (
        "{path} is in EPSG:{epsg} but {first} in EPSG:{first_epsg}; the band files of a tile must share one CRS."
    ),
    # --- BYOC requests, live view and split Process requests (core.byoc, core.live_tiles, core.process_split) ---
    "invalid-id": ("{what} {value!r} is not a valid id (a UUID like 7453e962-0ee5-4f74-8227-89759fbe9ba9)"),
    "collection-name-empty": "collection name is empty",
    "collection-bucket": "s3Bucket {bucket!r}: give the bucket name only, without s3://",
    "tile-path-slashes": "tile path {path!r}: no leading or trailing '/', no '//' (e.g. folder/(BAND).tif)",
    "live-no-evalscript": "live view: the evalscript is empty",
    "live-time-ends": "live view: give both ends of the time range, or neither",
    "live-mosaicking": "live view: mosaicking order {order!r}: use mostRecent or leastRecent",
    "live-time-order": "live view: the time range starts ({start}) after it ends ({end})",
    "live-evalscript-long": "live view: the evalscript is too long for a tile URL",
    "split-not-tiff": "output {output!r} is not an image/tiff response of the request",
    "split-no-tiff": "to write a GeoTIFF, one output.responses entry must have format image/tiff",
    # --- band file patterns, pre-flight roots, batch task ids (core.tile_groups, preflight, batch_task) ---
    "pattern-band-once": "The file pattern {pattern!r} must contain (BAND) exactly once, e.g. (BAND).tif.",
    "files-outside-root": "{path} is not under {root}; give a folder that holds every file",
    "batch-task-id": "batch task id {value!r} is not valid (a UUID)",
}

#: English values core passes into these texts that are our own words too (a field's name, how a file was found
#: unchanged); ``byoc_qgis.wording.tables.worded_values`` translates them
WORDED_VALUES = (
    "base URL",
    "token URL",
    "none",
    "not found",
    "cannot open it",
    "GDAL could not build it",
    "none (the collection has no bands yet: ingest a tile first)",
    "no bands yet",
    "collection id",
    "target collection id",
    "tile id",
)


def english(key: str, params: Mapping[str, Any]) -> str:
    """The English sentence of ``key`` with ``params``."""
    return WORDED_TEXTS[key].format(**params)


class WordedText(str):
    """A sentence for people that is core's English text (it *is* that ``str``) and keeps its wording id ``key``
    and values ``params`` (values may be WordedTexts themselves), so the layers above core can word it again."""

    key: str
    params: Dict[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> WordedText:  # "/": a value may be called key too
        text = super().__new__(cls, english(key, params))
        text.key, text.params = key, dict(params)
        return text

    def __reduce__(self):  # copies and pickles keep the id and values
        return (_worded_text, (self.key, self.params))


def _worded_text(key: str, params: Dict[str, Any]) -> WordedText:
    return WordedText(key, **params)


class WordedError(ValueError):
    """A ``ValueError`` core words for people: ``str()`` is the English sentence of ``key`` with ``params``."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key, self.params = key, dict(params)
        super().__init__(english(key, params))

    def __reduce__(self):
        return (_worded_error, (type(self), self.key, self.params))


def _worded_error(cls: type, key: str, params: Dict[str, Any]) -> WordedError:
    return cls(key, **params)
