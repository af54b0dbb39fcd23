"""Failure cause → rule: which BYOC rule a failure cause's wording belongs to.

Covers the sentences of :mod:`.messages` (localhub reports them verbatim as ``failedIngestionCause``) and Sentinel
Hub's own wording for the same problems; ``tests/test_cog_rules_causes.py`` checks every message maps back to
the rule that produced it.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from .catalogue import validator_rule

# How messages.validator_error starts, lower-cased.
_VALIDATOR_PREFIX = "the file is not a valid cloud optimized geotiff:"

# (regex on the lower-cased cause, rule id), first match wins: this package's messages and Sentinel Hub's own
# wording for the same problems
_CAUSE_PATTERNS: List[Tuple[str, str]] = [
    (r"cannot be read as a raster|no raster bands", "readable"),
    (r"ensure tiles of image at index|tiles? .*width and height between|internal tile sizes differ", "block-size"),
    (r"\.ovr|external overview", "overviews"),
    (r"not tiled", "tiled"),
    (r"cog validator|edited in place|reads only cloud optimized", "cog-layout"),
    (r"no internal overviews|coarsest overview|overview", "overviews"),
    (r"cloud optimized geotiff|\bcog\b", "cog-layout"),
    (r"not recognized as a supported file format|no such file|does not exist|access denied|cannot be read", "readable"),
    (r"header", "header-size"),
    (r"compression", "compression"),
    (r"colou?r table|palette|ycbcr", "photometric"),
    (r"no geotransform|no regular geotransform|no crs|georeferenc", "georeferencing"),
    (r"epsg|crs", "crs"),
    (r"sample type|data type", "data-type"),
    (r"pixel-interleaved|chunky", "chunky-bands"),
    (r"different extensions|does not end in \.tif", "extension"),
    (r"do not overlap|beyond the area|extends", "bounds"),
    (r"lacks the band file|no band of the collection uses|file\(s\)|has no files", "file-set"),
    (r"bit depth", "bit-depth"),
    (r"sample format", "sample-format"),
    (r"bands together|has only|bands; a byoc collection", "band-count"),
    (r"alpha band|internal mask", "nodata"),
]
_CAUSE_RES = [(re.compile(pattern), rule) for pattern, rule in _CAUSE_PATTERNS]


def rule_for_cause(text: str) -> Optional[str]:
    """The rule id (``Finding.rule``) whose wording a failure cause uses, or None when none matches.

    Works on the ``Finding.message`` texts (what localhub reports as ``failedIngestionCause``) and on Sentinel
    Hub's own wording for the same problems. COG validator errors map as ``inspect_file`` maps them
    (external .ovr → "overviews", "not tiled" → "tiled", anything else → "cog-layout").
    """
    low = (text or "").strip().lower()
    if not low:
        return None
    if low.startswith(_VALIDATOR_PREFIX):
        return validator_rule(low[len(_VALIDATOR_PREFIX) :])
    return next((rule for regex, rule in _CAUSE_RES if regex.search(low)), None)
