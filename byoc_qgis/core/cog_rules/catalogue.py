"""The BYOC rule catalogue: the limits and allowed values Sentinel Hub imposes, and the ``Finding`` a rule reports.

Rule ids (``Finding.rule``) are stable: "readable", "cog-layout", "tiled", "overviews", "header-size", "block-size",
"georeferencing", "crs", "bounds", "data-type", "compression", "photometric", "chunky-bands", "band-count",
"nodata", "extension", "file-set", "bit-depth", "sample-format". The wording of each finding is in
:mod:`.messages`; the checks are in :mod:`.file_rules` and :mod:`.tile_rules`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Tuple

from .templates import COGIFY_FIX, FINDING_TEMPLATES, fill  # noqa: F401 - COGIFY_FIX is re-exported

ALLOWED_EPSG = frozenset({4326, 3857, 3035, *range(32601, 32661), *range(32701, 32761)})

MIN_BLOCK = 256
MAX_BLOCK = 2048
MAX_HEADER_BYTES = 1024 * 1024
MAX_CHUNKY_BANDS = 10
MAX_COLLECTION_BANDS = 100
OVERVIEW_THRESHOLD = 1024  # images larger than this (long side) need overviews
COARSEST_OVERVIEW_MAX = 2048  # warn when the coarsest level is still bigger than this

# GDAL's COMPRESSION metadata values that BYOC reads (None = uncompressed).
ALLOWED_COMPRESSION = frozenset({"DEFLATE", "ZSTD", "LZW", "PACKBITS", "NONE"})

# GDAL data type name -> (bit depth, sample format) for the types BYOC supports.
SUPPORTED_TYPES: Dict[str, Tuple[int, str]] = {
    "Byte": (8, "UINT"),
    "Int8": (8, "INT"),
    "UInt16": (16, "UINT"),
    "Int16": (16, "INT"),
    "Float32": (32, "FLOAT"),
}
# ... and for the types it does not (reported by the "data-type" rule, still described in the file's facts).
OTHER_TYPES: Dict[str, Tuple[int, str]] = {
    "UInt32": (32, "UINT"),
    "Int32": (32, "INT"),
    "UInt64": (64, "UINT"),
    "Int64": (64, "INT"),
    "Float64": (64, "FLOAT"),
    "Float16": (16, "FLOAT"),
    "CInt16": (32, "COMPLEX"),
    "CInt32": (64, "COMPLEX"),
    "CFloat32": (64, "COMPLEX"),
    "CFloat64": (128, "COMPLEX"),
}


@dataclass(frozen=True)
class Finding:
    """One problem found in a file or tile.

    ``key`` is the stable id of its wording (:data:`.templates.FINDING_TEMPLATES`) and ``params`` the values the
    wording's placeholders take: ``message``/``fix`` are that wording in English, ``byoc_qgis.wording`` words the
    same finding in the user's language.
    """

    severity: str  # "error" | "warning"
    file: str  # the file the finding is about; "" for tile-level findings
    rule: str  # stable id, e.g. "block-size"
    value: str  # what was found
    message: str  # one actionable sentence (localhub: failedIngestionCause)
    fix: str  # how to fix it
    key: str = ""  # the wording's message id ("" for a finding worded elsewhere)
    params: Mapping[str, str] = field(default_factory=dict, hash=False)  # the wording's placeholder values

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = f"{self.file}: " if self.file else ""
        return f"{self.severity.upper()} [{self.rule}] {where}{self.message} (found: {self.value}) Fix: {self.fix}"


def worded(severity: str, file: str, rule: str, value: str, key: str, **params: object) -> Finding:
    """A finding worded by template ``key`` of :data:`.templates.FINDING_TEMPLATES` filled with ``params``."""
    values = {name: str(v) for name, v in params.items()}
    message, fix = FINDING_TEMPLATES[key]
    return Finding(severity, file, rule, value, fill(message, values), fill(fix, values), key, values)


def error(file: str, rule: str, value: str, key: str, **params: object) -> Finding:
    """An error finding (the file or tile cannot be ingested), worded by template ``key``."""
    return worded("error", file, rule, value, key, **params)


def warning(file: str, rule: str, value: str, key: str, **params: object) -> Finding:
    """A warning finding (ingestion works, but something will not behave as the user expects), worded by ``key``."""
    return worded("warning", file, rule, value, key, **params)


def errors_first(findings: List[Finding]) -> List[Finding]:
    """The findings with errors before warnings, each group in the order the rules found them."""
    return sorted(findings, key=lambda f: 0 if f.is_error else 1)


def is_allowed_epsg(code: Optional[int]) -> bool:
    """True when Sentinel Hub BYOC accepts files in EPSG:``code``."""
    return code is not None and int(code) in ALLOWED_EPSG


def validator_rule(text: str) -> str:
    """The rule a COG validator error belongs to: external .ovr → "overviews", "not tiled" → "tiled", else
    "cog-layout"."""
    low = text.lower()
    return "overviews" if ".ovr" in low else "tiled" if "not tiled" in low else "cog-layout"
