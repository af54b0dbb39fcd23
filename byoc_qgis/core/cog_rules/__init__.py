"""The BYOC file rules in one place: what a file and a tile must satisfy before Sentinel Hub can ingest them.

Used by the plugin's pre-flight check and by localhub's ingestion (which reports the first error's ``message``
verbatim as ``failedIngestionCause``). Pure GDAL/OGR + standard library; importable without QGIS.

Rules (cog-and-outline.md §1-3): GDAL's COG validator (layout, tiling, internal overviews), internal tiles of
256..2048 px at every level, header <= 1 MB, supported compression and photometric interpretation, allowed CRS,
supported sample types, overviews for big images, <= 10 chunky bands; per tile: one extension, matching bounds,
and the collection's bands (file set, band index, bit depth, sample format).

Where each part lives:

- :mod:`.catalogue` — rule ids, limits, allowed values, :class:`Finding`
- :mod:`.messages` — the wording of every finding
- :mod:`.facts` — what is read from a file (:class:`FileFacts`, EPSG, data type, tile index size)
- :mod:`.validator` — GDAL's COG validator, or our fallback when osgeo_utils is missing
- :mod:`.file_rules` — :func:`inspect_file`: the per-file checks, one named function per rule
- :mod:`.tile_rules` — :func:`check_tile` and the band configuration derived from a tile
- :mod:`.causes` — :func:`rule_for_cause`: a failure cause's wording → its rule
"""

from .catalogue import (
    ALLOWED_COMPRESSION,
    ALLOWED_EPSG,
    COARSEST_OVERVIEW_MAX,
    COGIFY_FIX,
    MAX_BLOCK,
    MAX_CHUNKY_BANDS,
    MAX_COLLECTION_BANDS,
    MAX_HEADER_BYTES,
    MIN_BLOCK,
    OVERVIEW_THRESHOLD,
    SUPPORTED_TYPES,
    Finding,
    is_allowed_epsg,
)
from .causes import rule_for_cause
from .facts import FileFacts, data_type_of, epsg_of, tile_index_bytes
from .file_rules import inspect_file
from .tile_rules import bands_from_facts, check_tile, collection_nodata
from .validator import run_cog_validator

__all__ = [
    "ALLOWED_COMPRESSION",
    "ALLOWED_EPSG",
    "COARSEST_OVERVIEW_MAX",
    "COGIFY_FIX",
    "MAX_BLOCK",
    "MAX_CHUNKY_BANDS",
    "MAX_COLLECTION_BANDS",
    "MAX_HEADER_BYTES",
    "MIN_BLOCK",
    "OVERVIEW_THRESHOLD",
    "SUPPORTED_TYPES",
    "FileFacts",
    "Finding",
    "bands_from_facts",
    "check_tile",
    "collection_nodata",
    "data_type_of",
    "epsg_of",
    "inspect_file",
    "is_allowed_epsg",
    "rule_for_cause",
    "run_cog_validator",
    "tile_index_bytes",
]
