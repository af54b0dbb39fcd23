"""Pre-flight check for the plugin: BYOC rules (cog_rules) on local or /vsis3/ files, tiles and tile sets.

One call per scope: :func:`preflight_file`, :func:`preflight_tile` (band files of one tile),
:func:`preflight_tiles` (several tiles, adds the cross-tile rules: same file names in every tile, one data type
per band file name) and :func:`preflight_local` (local files grouped into tiles exactly as ``createtiles`` groups
them, :mod:`.tile_groups`). Remote files are read through /vsis3/ with the bucket's options set only for the duration of
the check. Results are lists of :class:`~byoc_qgis.core.cog_rules.Finding`, each naming the file, the rule, the
value found and the fix.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence

from .cog_rules import FileFacts, Finding, bands_from_facts, check_tile, inspect_file, messages
from .progress import Progress
from .tile_groups import DEFAULT_PATTERN, Grouping, folder_band_files, group_local_files
from .worded import WordedError

_JS_IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


@dataclass
class PreflightReport:
    """Findings (errors first) and the facts of every readable file, keyed by band file stem."""

    findings: List[Finding] = field(default_factory=list)
    facts: Dict[str, FileFacts] = field(default_factory=dict)

    @property
    def errors(self) -> List[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> List[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        """True when nothing would make ingestion fail."""
        return not self.errors

    def summary(self) -> str:
        """One line: verdict and counts."""
        files = len(self.facts)
        if self.ok and not self.warnings:
            return f"{files} file(s) ready for BYOC."
        verdict = "ready for BYOC" if self.ok else "NOT ready for BYOC"
        return f"{files} file(s) {verdict}: {len(self.errors)} error(s), {len(self.warnings)} warning(s)."

    def as_rows(self) -> List[dict]:
        """Findings as plain dicts (table views, JSON export)."""
        return [
            {
                "severity": f.severity,
                "file": f.file,
                "rule": f.rule,
                "value": f.value,
                "message": f.message,
                "fix": f.fix,
            }
            for f in self.findings
        ]


def _sorted(findings: List[Finding]) -> List[Finding]:
    return sorted(findings, key=lambda f: 0 if f.severity == "error" else 1)


class _Remote:
    """Bucket options while checking /vsis3/ paths (no-op without a config)."""

    def __init__(self, s3_config) -> None:
        self._config = s3_config
        self._cm = None

    def __enter__(self):
        if self._config is not None:
            from .s3 import bucket_options

            self._cm = bucket_options(self._config)
            self._cm.__enter__()
        return self

    def __exit__(self, *exc):
        if self._cm is not None:
            return self._cm.__exit__(*exc)
        return False


def preflight_file(path: str, collection_bands: Optional[Mapping[str, dict]] = None, s3_config=None) -> PreflightReport:
    """Check one file (local path or /vsis3/ path with ``s3_config``). With ``collection_bands`` the file is
    checked as a one-file tile against the collection (stem = file name without extension)."""
    if collection_bands is not None:
        stem = os.path.splitext(os.path.basename(path))[0]
        return preflight_tile({stem: path}, collection_bands, s3_config)
    with _Remote(s3_config):
        facts, findings = inspect_file(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    return PreflightReport(_sorted(findings), {stem: facts} if facts is not None else {})


def preflight_tile(
    files: Mapping[str, str], collection_bands: Optional[Mapping[str, dict]] = None, s3_config=None
) -> PreflightReport:
    """Check the band files of one tile (``{stem: path}``) with the per-file and tile rules; without collection
    bands also warn when auto-configured band names would not be valid JavaScript identifiers."""
    with _Remote(s3_config):
        facts, findings = check_tile(files, collection_bands)
    if collection_bands is None:
        for name, spec in bands_from_facts(facts).items():
            if not _JS_IDENT.match(name):
                findings.append(messages.invalid_band_name(files.get(spec["source"], ""), name))
    return PreflightReport(_sorted(findings), facts)


def preflight_tiles(
    tiles: Mapping[str, Mapping[str, str]],
    collection_bands: Optional[Mapping[str, dict]] = None,
    s3_config=None,
    progress=None,
    cancel=None,
) -> Dict[str, PreflightReport]:
    """Check several tiles (``{tile path: {stem: file path}}``) and the rules across them: every tile has the
    same band file names, and each band file name keeps one bit depth and sample format. Cross-tile findings
    are added to the report of the tile that breaks the majority's choice."""
    prog = Progress.of(progress, cancel)
    reports: Dict[str, PreflightReport] = {}
    items = list(tiles.items())
    for n, (tile, files) in enumerate(items):
        prog(n / max(1, len(items)), f"checking {tile}")
        reports[tile] = preflight_tile(files, collection_bands, s3_config)
    if len(items) > 1:
        _cross_tile(tiles, reports)
    prog(1.0, "pre-flight check done")
    return reports


def _cross_tile(tiles: Mapping[str, Mapping[str, str]], reports: Dict[str, PreflightReport]) -> None:
    sets: Dict[frozenset, List[str]] = {}
    for tile, files in tiles.items():
        sets.setdefault(frozenset(files), []).append(tile)
    majority = max(sets.items(), key=lambda kv: len(kv[1]))[0]
    for names, members in sets.items():
        if names == majority:
            continue
        missing = sorted(majority - names)
        extra = sorted(names - majority)
        value = "; ".join(
            x for x in (missing and "missing " + ", ".join(missing), extra and "extra " + ", ".join(extra)) if x
        )
        for tile in members:
            reports[tile].findings.insert(0, messages.tile_file_set_differs(tile, value))
    types: Dict[str, Dict[tuple, List[str]]] = {}
    for tile, rep in reports.items():
        for stem, f in rep.facts.items():
            types.setdefault(stem, {}).setdefault((f.bit_depth, f.sample_format, f.data_type), []).append(tile)
    for stem, kinds in types.items():
        if len(kinds) < 2:
            continue
        common = max(kinds.items(), key=lambda kv: len(kv[1]))[0]
        for kind, members in kinds.items():
            if kind == common:
                continue
            for tile in members:
                f = reports[tile].facts[stem]
                rule = "bit-depth" if kind[0] != common[0] else "sample-format"
                finding = messages.tile_data_type_differs(f.path, rule, stem, kind[2], common[2])
                reports[tile].findings.insert(0, finding)


def tile_files_from_folder(folder: str, pattern: str = DEFAULT_PATTERN) -> Dict[str, str]:
    """The band files of a local tile folder matching ``pattern`` (with (BAND)), as ``{stem: path}``."""
    return folder_band_files(folder, pattern)


def pattern_findings(files: Sequence[str], pattern: str) -> List[Finding]:
    """One error per file whose name does not match the band file pattern: creating tiles would refuse it."""
    return [messages.file_pattern_mismatch(path, pattern) for path in files]


def preflight_grouping(
    grouping: Grouping,
    pattern: str = DEFAULT_PATTERN,
    collection_bands: Optional[Mapping[str, dict]] = None,
    progress=None,
    cancel=None,
) -> Dict[str, PreflightReport]:
    """Check local files grouped by :func:`.tile_groups.group_local_files`: every tile with the tile and
    cross-tile rules (keyed ``<root>/a/b/(BAND).tif``); a file matching no pattern alone, with a ``file-pattern``
    error (keyed by its path)."""
    prog = Progress.of(progress, cancel)
    tiles = {os.path.join(grouping.root, g.path): g.files for g in grouping.tiles}
    reports = preflight_tiles(tiles, collection_bands, progress=prog.sub(0.0, 0.95))
    for path in grouping.unmatched:
        report = preflight_file(path)
        report.findings[:0] = pattern_findings([path], pattern)
        reports[path] = report
    prog(1.0, "pre-flight check done")
    return reports


def preflight_local(
    paths: Sequence[str],
    root: Optional[str] = None,
    pattern: str = DEFAULT_PATTERN,
    as_tiles: bool = True,
    collection_bands: Optional[Mapping[str, dict]] = None,
    progress=None,
    cancel=None,
) -> Dict[str, PreflightReport]:
    """Check local files as ``createtiles`` takes them: grouped into tiles by ``pattern`` with their folders
    relative to ``root`` (see :func:`preflight_grouping`), or with ``as_tiles`` False every file alone (keyed by
    its path). Raises ``ValueError`` for files outside ``root``."""
    prog = Progress.of(progress, cancel)
    if as_tiles:
        grouping = group_local_files(paths, root, pattern)
        if grouping.outside:
            raise WordedError("files-outside-root", path=grouping.outside[0], root=grouping.root)
        return preflight_grouping(grouping, pattern, collection_bands, prog)
    reports: Dict[str, PreflightReport] = {}
    for n, path in enumerate(paths):
        prog(n / max(1, len(paths)), f"checking {path}")
        reports[path] = preflight_file(path, collection_bands)
    prog(1.0, "pre-flight check done")
    return reports


def s3_tile_files(s3_config, listing) -> Dict[str, str]:
    """``{stem: /vsis3/ path}`` for a tile listed by :func:`~byoc_qgis.core.s3.list_tiles`."""
    from .s3 import vsis3_path

    return {stem: vsis3_path(s3_config, obj.key) for stem, obj in listing.files.items()}
