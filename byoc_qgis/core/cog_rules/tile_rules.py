"""The per-tile BYOC rules (one extension, one CRS, matching bounds, the collection's bands) and the band
configuration the service derives from a tile's files on the first ingest."""

from __future__ import annotations

import math
import os
from typing import Dict, List, Mapping, Optional, Tuple

from . import messages
from .catalogue import MAX_COLLECTION_BANDS, Finding, errors_first
from .facts import FileFacts
from .file_rules import inspect_file


def check_tile(
    files: Mapping[str, str], collection_bands: Optional[Mapping[str, dict]] = None
) -> Tuple[Dict[str, FileFacts], List[Finding]]:
    """Check the files of one tile: each file, then the tile-level rules.

    ``files`` maps the file stem that replaces ``(BAND)`` (e.g. "B02") to its path. ``collection_bands`` is the
    collection's ``additionalData.bands`` when it is configured. Returns the facts of the readable files and all
    findings, errors first.
    """
    facts: Dict[str, FileFacts] = {}
    findings: List[Finding] = []
    if not files:
        return facts, [messages.no_files()]
    for stem, path in files.items():
        f, found = inspect_file(path)
        findings += found
        if f is not None:
            facts[stem] = f

    exts = sorted({os.path.splitext(p)[1] for p in files.values()})
    if len(exts) > 1:
        findings.append(messages.mixed_extensions(exts))
    epsgs = sorted({str(f.epsg) for f in facts.values()})
    if len(epsgs) > 1:
        findings.append(messages.mixed_crs(epsgs))
    elif len(facts) > 1:
        findings += _bounds_findings(facts)

    if collection_bands is not None:
        findings += _collection_findings(files, facts, collection_bands)
    total = sum(f.band_count for f in facts.values())
    if collection_bands is None and total > MAX_COLLECTION_BANDS:
        findings.append(messages.too_many_tile_bands(total))
    return facts, errors_first(findings)


def _bounds_findings(facts: Mapping[str, FileFacts]) -> List[Finding]:
    """All files of the tile cover the same area (to a pixel)."""
    valid = {k: f for k, f in facts.items() if f.bounds}
    if len(valid) < 2:
        return []
    common = (
        max(f.bounds[0] for f in valid.values()),
        max(f.bounds[1] for f in valid.values()),
        min(f.bounds[2] for f in valid.values()),
        min(f.bounds[3] for f in valid.values()),
    )
    if common[0] >= common[2] or common[1] >= common[3]:
        return [messages.no_common_area()]
    findings = []
    for stem, f in valid.items():
        px, py = f.pixel_size
        diff = [abs(a - b) for a, b in zip(f.bounds, common)]
        if diff[0] > px * 1.0001 or diff[2] > px * 1.0001 or diff[1] > py * 1.0001 or diff[3] > py * 1.0001:
            findings.append(messages.beyond_common_area(f.path, stem, f.bounds, common))
    return findings


def _collection_findings(
    files: Mapping[str, str], facts: Mapping[str, FileFacts], bands: Mapping[str, dict]
) -> List[Finding]:
    """The tile has exactly the files the collection's bands read, with their band index, bit depth and format."""
    findings: List[Finding] = []
    sources: Dict[str, List[str]] = {}
    for name, spec in bands.items():
        sources.setdefault(spec.get("source") or name, []).append(name)
    missing = sorted(set(sources) - set(files))
    extra = sorted(set(files) - set(sources))
    if missing:
        findings.append(messages.missing_band_files(missing))
    if extra:
        findings.append(messages.unexpected_files(extra))
    for name, spec in bands.items():
        source = spec.get("source") or name
        f = facts.get(source)
        if f is None:
            continue
        index = int(spec.get("bandIndex") or 1)
        if index < 1 or index > f.band_count:
            findings.append(messages.band_index_out_of_range(f.path, name, source, f.band_count, index))
        want_depth = spec.get("bitDepth")
        if want_depth is not None and int(want_depth) != f.bit_depth:
            findings.append(messages.bit_depth_mismatch(f.path, name, source, want_depth, f.bit_depth, f.data_type))
        want_format = spec.get("sampleFormat")
        if want_format is not None and str(want_format).upper() != f.sample_format:
            findings.append(
                messages.sample_format_mismatch(f.path, name, source, want_format, f.sample_format, f.data_type)
            )
    return findings


def bands_from_facts(facts: Mapping[str, FileFacts]) -> Dict[str, dict]:
    """Band configuration as the service creates it on the first ingest.

    One band per single-band file named like the file ("B02"); a multi-band file "RGB" gives "RGB_1", "RGB_2"...
    Each band has source, bandIndex, bitDepth, sampleFormat, and noData when the file sets one.
    """
    bands: Dict[str, dict] = {}
    for stem, f in facts.items():
        for i in range(1, f.band_count + 1):
            name = stem if f.band_count == 1 else f"{stem}_{i}"
            spec = {"source": stem, "bandIndex": i, "bitDepth": f.bit_depth, "sampleFormat": f.sample_format}
            nd = f.nodata[i - 1] if i - 1 < len(f.nodata) else None
            if nd is not None and not math.isnan(nd):
                spec["noData"] = nd
            bands[name] = spec
    return bands


def collection_nodata(facts: Mapping[str, FileFacts]) -> Optional[float]:
    """The collection-wide no-data value when every band of every file sets the same one, else None.

    NaN is always no-data in Sentinel Hub and never becomes a collection no-data value.
    """
    values = [v for f in facts.values() for v in (f.nodata or [None])]
    if not values or any(v is None for v in values):
        return None
    if any(math.isnan(v) for v in values):
        return None
    first = values[0]
    return first if all(v == first for v in values) else None
