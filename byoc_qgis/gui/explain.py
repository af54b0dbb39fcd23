""" "Explain failure": a tile's ``failedIngestionCause`` with the matching pre-flight rule and its fix.

When the tile's files can be read (S3 settings of the connection), the pre-flight check (``core.preflight``) runs
on them and the finding whose message is the service's cause gives the exact rule and fix. Otherwise the cause is
matched to a rule by its wording and a general fix for that rule is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional

from ..core import cog_rules
from ..core.preflight import preflight_tile
from ..core.s3 import S3Config, vsis3_path
from ..translation import tr

__all__ = ["Explanation", "explain_cause", "explain_with_files", "tile_file_keys"]


@dataclass
class Explanation:
    """The service's cause, the pre-flight rule it matches (if any) and how to fix it."""

    cause: str
    rule: Optional[str]
    fix: str
    checked_files: bool = False
    findings: Optional[List[cog_rules.Finding]] = None

    def text(self) -> str:
        head = self.cause or tr("The service gave no cause.")
        rule = tr("Pre-flight rule: {}").format(self.rule) if self.rule else tr("No pre-flight rule matches.")
        source = tr("(found by checking the tile's files)") if self.checked_files else ""
        return f"{head}\n\n{rule} {source}\n{tr('Fix:')} {self.fix}".strip()


_FIXES: Dict[str, str] = {}


def _rule_fixes() -> Dict[str, str]:
    if not _FIXES:
        _FIXES.update(
            {
                "block-size": tr(
                    "Re-create the file with BLOCKSIZE=1024 at every level, e.g. gdal_translate -of COG -co "
                    "BLOCKSIZE=1024 (the Add tiles dialog's COGify step does this)."
                ),
                "overviews": tr("Build internal AVERAGE overviews down to about 1024 px (COGify does this)."),
                "tiled": cog_rules.COGIFY_FIX,
                "cog-layout": cog_rules.COGIFY_FIX,
                "readable": tr(
                    "Check that every band file exists at the tile path in the collection's bucket (the (BAND) "
                    "placeholder replaced by each band's source) and that Sentinel Hub may read the bucket."
                ),
                "header-size": tr("Re-create the file with bigger internal tiles (BLOCKSIZE=1024) or split it."),
                "compression": tr("Re-compress with DEFLATE or ZSTD (COGify does this)."),
                "photometric": tr("Drop the colour table / YCbCr and write plain grey or RGB bands (COGify)."),
                "georeferencing": tr("Georeference the file (a geotransform and an EPSG CRS)."),
                "crs": tr("Reproject to EPSG:4326, 3857, 3035 or a UTM zone (COGify with reprojection)."),
                "data-type": tr("Convert to UInt8, Int8, UInt16, Int16 or Float32 (COGify 'convert data type')."),
                "chunky-bands": tr("Write one file per band or a band-interleaved GeoTIFF."),
                "extension": tr("Give all files of the tile one extension, e.g. .tif."),
                "bounds": tr("Clip or warp all band files of a tile to the same extent (gdalwarp -te)."),
                "file-set": tr(
                    "Upload a file for every band source of the collection, with the same names in every tile."
                ),
                "bit-depth": tr("Convert the file to the bit depth of the collection's band."),
                "sample-format": tr("Convert the file to the sample format of the collection's band."),
                "band-count": tr("Provide the missing band in the file or change the band's bandIndex."),
                "nodata": tr("Encode no-data as a value (GDAL_NODATA tag), e.g. COGify with a no-data value."),
            }
        )
    return _FIXES


def explain_cause(cause: Optional[str]) -> Explanation:
    """Match a failure cause to a pre-flight rule by its wording (``cog_rules.rule_for_cause``)."""
    text = (cause or "").strip()
    rule = cog_rules.rule_for_cause(text)
    generic = tr(
        "Run the pre-flight check on the tile's files (Add tiles dialog) and fix what it reports, then reingest."
    )
    return Explanation(text, rule, _rule_fixes().get(rule, generic) if rule else generic)


def tile_file_keys(tile_path: str, bands: Dict[str, dict]) -> Dict[str, str]:
    """``{source: key}`` of a tile's band files: ``(BAND)`` replaced by each band's source."""
    if "(BAND)" not in tile_path:
        return {tile_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]: tile_path}
    sources = sorted({(spec or {}).get("source") or name for name, spec in bands.items()})
    return {s: tile_path.replace("(BAND)", s) for s in sources}


def explain_with_files(cause: Optional[str], tile_path: str, bands: Dict[str, dict], s3: S3Config) -> Explanation:
    """Re-run the pre-flight check on the tile's files in S3 and pick the finding that is the service's cause."""
    guess = explain_cause(cause)
    keys = tile_file_keys(tile_path, bands)
    if not keys:
        return guess
    files = {stem: vsis3_path(s3, key) for stem, key in keys.items()}
    report = preflight_tile(files, bands or None, s3)
    findings = report.findings
    text = (cause or "").strip()
    match = next((f for f in findings if f.message and f.message.strip() in text), None)
    if match is None:
        match = next((f for f in findings if f.is_error and f.rule == guess.rule), None)
    if match is None:
        match = next((f for f in findings if f.is_error), None)
    if match is None:
        return Explanation(guess.cause, guess.rule, guess.fix, True, findings)
    fix = s3.scrub(match.fix)
    return Explanation(text or match.message, match.rule, fix, True, findings)
