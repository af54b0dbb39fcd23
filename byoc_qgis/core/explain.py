"""Explain a tile's ingestion failure: its ``failedIngestionCause`` matched to the pre-flight rule and its fix.

When the tile's files can be read (S3 settings), the pre-flight check (:mod:`.preflight`) runs on them and the
finding whose message is the service's cause gives the exact rule and fix. Otherwise the cause is matched to a
rule by its wording (:func:`.cog_rules.rule_for_cause`) and the caller's general fix for that rule is given
(``fixes``: rule → sentence, so the Processing algorithm can pass translated sentences).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional

from . import cog_rules
from .preflight import preflight_tile
from .s3 import S3Config, vsis3_path

__all__ = ["Explanation", "GENERIC_FIX", "explain_cause", "explain_with_files", "explain_tile", "tile_file_keys"]

GENERIC_FIX = "Run the pre-flight check on the tile's files (Add tiles dialog) and fix what it reports, then reingest."


@dataclass
class Explanation:
    """The service's cause, the pre-flight rule it matches (if any) and how to fix it.

    ``checked_files``: the rule comes from checking the tile's files; ``note``: why they could not be checked;
    ``finding``: the pre-flight finding that is the cause (its ``key``/``params`` let the layers above core word
    the fix in the user's language; ``fix`` is its English wording).
    """

    cause: str
    rule: Optional[str]
    fix: str
    checked_files: bool = False
    findings: Optional[List[cog_rules.Finding]] = None
    note: str = ""
    finding: Optional[cog_rules.Finding] = None
    note_error: Optional[BaseException] = field(default=None, repr=False)  # the error ``note`` words (S3/GDAL)


def explain_cause(
    cause: Optional[str], fixes: Optional[Mapping[str, str]] = None, generic: str = GENERIC_FIX
) -> Explanation:
    """Match a failure cause to a pre-flight rule by its wording; the fix is ``fixes[rule]`` (else ``generic``)."""
    text = (cause or "").strip()
    rule = cog_rules.rule_for_cause(text)
    return Explanation(text, rule, (fixes or {}).get(rule, generic) if rule else generic)


def tile_file_keys(tile_path: str, bands: Mapping[str, dict]) -> Dict[str, str]:
    """``{source: key}`` of a tile's band files: ``(BAND)`` replaced by each band's source."""
    if "(BAND)" not in tile_path:
        return {tile_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]: tile_path}
    sources = sorted({(spec or {}).get("source") or name for name, spec in bands.items()})
    return {s: tile_path.replace("(BAND)", s) for s in sources}


def explain_with_files(
    cause: Optional[str],
    tile_path: str,
    bands: Mapping[str, dict],
    s3: S3Config,
    fixes: Optional[Mapping[str, str]] = None,
    generic: str = GENERIC_FIX,
) -> Explanation:
    """Re-run the pre-flight check on the tile's files in S3 and pick the finding that is the service's cause."""
    guess = explain_cause(cause, fixes, generic)
    keys = tile_file_keys(tile_path, bands)
    if not keys:
        return guess
    files = {stem: vsis3_path(s3, key) for stem, key in keys.items()}
    findings = preflight_tile(files, dict(bands) or None, s3).findings
    text = (cause or "").strip()
    match = next((f for f in findings if f.message and f.message.strip() in text), None)
    if match is None:
        match = next((f for f in findings if f.is_error and f.rule == guess.rule), None)
    if match is None:
        match = next((f for f in findings if f.is_error), None)
    if match is None:
        return Explanation(guess.cause, guess.rule, guess.fix, True, findings)
    return Explanation(text or match.message, match.rule, s3.scrub(match.fix), True, findings, finding=match)


def explain_tile(
    cause: Optional[str],
    tile_path: str,
    bands: Mapping[str, dict],
    s3: Optional[S3Config] = None,
    fixes: Optional[Mapping[str, str]] = None,
    generic: str = GENERIC_FIX,
) -> Explanation:
    """:func:`explain_with_files` when ``s3`` is given, falling back to the cause's wording (with the reason in
    ``note``) when the files cannot be checked; :func:`explain_cause` without ``s3``."""
    if s3 is None:
        return explain_cause(cause, fixes, generic)
    try:
        return explain_with_files(cause, tile_path, bands, s3, fixes, generic)
    except Exception as exc:  # noqa: BLE001 - any reason the files cannot be read: the wording still explains
        guess = explain_cause(cause, fixes, generic)
        guess.note = s3.scrub(str(exc))
        guess.note_error = exc
        return guess
