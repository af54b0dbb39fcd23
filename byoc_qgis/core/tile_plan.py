"""Planned tiles: the path and sensing time of every tile an upload will create, and which tiles will fail, known
before anything is uploaded (the Add tiles dialog shows them after Check).

Tiles are grouped as ``createtiles`` groups them (:mod:`.tile_groups`; with band names every file is a tile split
into those bands), paths come from the path template (:func:`.path_templates.build_tile_path`: ``{name}`` = the
tile's folder relative to the chosen folder, ``{tile}`` its last part) and sensing times from the tile's path, one
time for all, or none. A tile that cannot be created carries a :class:`Problem` (a code and its values; the GUI
words it); a plan that ``createtiles`` refuses as a whole carries a ``refusal``.

Pre-flight findings then mark the tiles whose errors COGify does not repair (:func:`mark_failures`): the same
decision the tile pipeline takes (``core.tile_pipeline._prepare``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from .path_templates import BAND, PathTemplateError, build_tile_path, find_date
from .tile_groups import DEFAULT_PATTERN, PatternError, group_local_files, relative_key

__all__ = [
    "TIME_MODES",
    "COGIFY_REPAIRS",
    "RUN_WIDE",
    "Problem",
    "PlannedTile",
    "UploadPlan",
    "plan_local_tiles",
    "plan_s3_tiles",
    "mark_failures",
    "example_path",
    "check_s3_prefix",
    "EXAMPLE_NAME",
    "EXAMPLE_TIME",
    "EXAMPLE_BAND",
]

TIME_MODES = ("template", "constant", "none")
#: rules whose errors COGify repairs (it rewrites the file as a COG: layout, tiling, overviews, header, blocks,
#: compression, colour interpretation, band interleaving, the .tif extension); every other error makes the tile fail
COGIFY_REPAIRS = frozenset(
    {
        "cog-layout",
        "tiled",
        "overviews",
        "header-size",
        "block-size",
        "compression",
        "photometric",
        "chunky-bands",
        "extension",
    }
)
EXAMPLE_NAME = "2023-06-10/T33UVP"
EXAMPLE_TIME = datetime(2023, 6, 10, 10, 20, 30, tzinfo=timezone.utc)
EXAMPLE_BAND = "B04"

# problem codes
NO_DATE = "no-date"  # value: the text searched, detail: the date pattern ("" = automatic)
NO_TIME = "no-time"  # "one time for all" without a time
BAD_PATTERN = "date-pattern"  # detail: the core's reason
BAD_PATH = "path-template"  # detail: the core's reason
NO_BAND = "band-placeholder"  # value: the template
SAME_PATH = "same-path"  # value: the path, detail: the other tile's name
CHECK_ERROR = "check-error"  # value: the rule, detail: the file
UNMATCHED = "file-pattern"  # refusal: value: an example file, detail: the pattern; count
OUTSIDE = "outside-folder"  # refusal: value: the file, detail: the folder
NO_FILES = "no-files"  # refusal


@dataclass(frozen=True)
class Problem:
    """Why a tile (or the whole upload) will fail: a ``code`` (constants above) with its ``value``/``detail``."""

    code: str
    value: str = ""
    detail: str = ""
    count: int = 0
    error: Optional[BaseException] = field(default=None, repr=False, compare=False)  # the worded error of detail


@dataclass
class PlannedTile:
    """A tile the upload will create: ``name`` (its folder), band files, bucket ``path`` (with ``(BAND)``), sensing
    time, ``key`` (how the pre-flight check names it) and the ``problem`` that makes it fail (None: fine)."""

    name: str
    files: Dict[str, str]
    path: str = ""
    sensing_time: Optional[datetime] = None
    split_bands: Optional[List[str]] = None
    key: str = ""
    problem: Optional[Problem] = None
    cogify: bool = False  # the check found errors COGify repairs

    @property
    def fails(self) -> bool:
        return self.problem is not None


#: tile problems that make the algorithms refuse the whole upload (they plan every tile before uploading any)
RUN_WIDE = frozenset({NO_DATE, NO_TIME, BAD_PATTERN, BAD_PATH, SAME_PATH})


@dataclass
class UploadPlan:
    """The planned tiles, and the ``refusal`` that stops the whole upload (None: the tiles go on one by one)."""

    tiles: List[PlannedTile] = field(default_factory=list)
    refusal: Optional[Problem] = None

    @property
    def blocked_by(self) -> Optional[PlannedTile]:
        """The first tile whose problem stops the whole upload (no date, no valid path, a path used twice):
        ``createtiles``/``createtilesfroms3`` plan every tile first and fail before uploading any."""
        return next((t for t in self.tiles if t.problem is not None and t.problem.code in RUN_WIDE), None)

    @property
    def creatable(self) -> List[PlannedTile]:
        """The tiles expected to be created (none when the upload is refused or blocked)."""
        if self.refusal is not None or self.blocked_by is not None:
            return []
        return [t for t in self.tiles if not t.fails]

    @property
    def all_fail(self) -> bool:
        """True when no tile would be created."""
        return not self.creatable


def _sensing_time(mode: str, text: str, date_pattern: Optional[str], constant: Optional[datetime]):
    """``(time, problem)`` for a tile whose path (or first file) is ``text``."""
    if mode == "none":
        return None, None
    if mode == "constant":
        return (constant, None) if constant is not None else (None, Problem(NO_TIME))
    try:
        found = find_date(text, date_pattern or None)
    except PathTemplateError as exc:
        return None, Problem(BAD_PATTERN, date_pattern or "", str(exc), error=exc)
    return (found, None) if found is not None else (None, Problem(NO_DATE, text, date_pattern or ""))


def _groups(
    paths: Sequence[str], root: Optional[str], pattern: str, band_names: Sequence[str]
) -> Tuple[List[PlannedTile], Optional[Problem]]:
    """The tiles ``createtiles`` makes of ``paths`` (without path and time yet), or the reason it refuses them."""
    if not paths:
        return [], Problem(NO_FILES)
    if band_names:
        base = root or os.path.commonpath([os.path.dirname(p) for p in paths])
        tiles = []
        for p in paths:
            rel = relative_key(p, base)
            name = str(PurePosixPath(rel).with_suffix("")) if rel else Path(p).stem
            tiles.append(PlannedTile(name, {Path(p).stem: p}, split_bands=list(band_names), key=p))
        return tiles, None
    try:
        grouping = group_local_files(paths, root, pattern)
    except PatternError as exc:
        return [], Problem(UNMATCHED, "", str(exc), error=exc)
    if grouping.outside:
        return [], Problem(OUTSIDE, grouping.outside[0], grouping.root)
    tiles = [PlannedTile(g.name, dict(g.files), key=os.path.join(grouping.root, g.path)) for g in grouping.tiles]
    if grouping.unmatched:
        example = relative_key(grouping.unmatched[0], grouping.root) or grouping.unmatched[0]
        return tiles, Problem(UNMATCHED, example, pattern, len(grouping.unmatched))
    return tiles, None


def plan_local_tiles(
    paths: Sequence[str],
    template: str,
    root: Optional[str] = None,
    pattern: str = DEFAULT_PATTERN,
    band_names: Sequence[str] = (),
    time_mode: str = "template",
    date_pattern: Optional[str] = None,
    constant: Optional[datetime] = None,
) -> UploadPlan:
    """The tiles ``createtiles`` would create from local ``paths`` (files under ``root``, the chosen folder), each
    with its bucket path from ``template`` and its sensing time (``time_mode`` one of :data:`TIME_MODES`)."""
    tiles, refusal = _groups(paths, root, pattern, [b for b in band_names if b])
    plan = UploadPlan(tiles, refusal)
    template = template.strip()
    if template.count(BAND) != 1:
        plan.refusal = plan.refusal or Problem(NO_BAND, template)
    for tile in tiles:
        first = next(iter(tile.files.values()))
        tile.sensing_time, tile.problem = _sensing_time(
            time_mode, tile.name + "/" + Path(first).name, date_pattern, constant
        )
        if tile.problem is not None:
            continue
        try:
            tile.path = build_tile_path(template, tile.sensing_time, tile=PurePosixPath(tile.name).name, name=tile.name)
        except PathTemplateError as exc:
            tile.problem = Problem(BAD_PATH, template, str(exc), error=exc)
    _same_paths(tiles)
    return plan


def plan_s3_tiles(
    listings: Iterable, time_mode: str = "template", date_pattern: Optional[str] = None, constant=None
) -> UploadPlan:
    """The tiles ``createtilesfroms3`` would register for S3 listings (:func:`.s3.list_tiles`): path as listed,
    sensing time read from it."""
    tiles = []
    for listing in listings:
        tile = PlannedTile(listing.name, {b: o.key for b, o in listing.files.items()}, listing.path, key=listing.path)
        tile.sensing_time, tile.problem = _sensing_time(time_mode, listing.path, date_pattern, constant)
        tiles.append(tile)
    return UploadPlan(tiles, None if tiles else Problem(NO_FILES))


def _same_paths(tiles: List[PlannedTile]) -> None:
    seen: Dict[str, PlannedTile] = {}
    for tile in tiles:
        if not tile.path or tile.problem is not None:
            continue
        other = seen.setdefault(tile.path, tile)
        if other is not tile:
            tile.problem = Problem(SAME_PATH, tile.path, other.name)


def mark_failures(plan: UploadPlan, findings: Iterable[Tuple[str, str, str, str]], cogify: str = "auto") -> None:
    """Mark the tiles that pre-flight ``findings`` ``(tile key, file, severity, rule)`` make fail: an unreadable
    file always, with ``cogify`` "never" (or S3 sources) every error, else errors COGify does not repair."""
    by_key = {t.key: t for t in plan.tiles}
    by_file = {f: t for t in plan.tiles for f in t.files.values()}
    for key, file, severity, rule in findings:
        if str(severity).lower() != "error":
            continue
        tile = by_key.get(key) or by_file.get(file) or by_file.get(key)
        if tile is None or tile.problem is not None:
            continue
        if cogify != "never" and rule in COGIFY_REPAIRS:
            tile.cogify = True
        else:
            tile.problem = Problem(CHECK_ERROR, rule, file)


def example_path(template: str, band: str = EXAMPLE_BAND) -> str:
    """What ``template`` makes of the example tile (:data:`EXAMPLE_NAME` sensed at :data:`EXAMPLE_TIME`) for one
    band file; raises :class:`~.path_templates.PathTemplateError` when it makes no valid path."""
    template = template.strip()
    if template.count(BAND) != 1:
        raise PathTemplateError("template-band-once", template=template)
    path = build_tile_path(template, EXAMPLE_TIME, tile=PurePosixPath(EXAMPLE_NAME).name, name=EXAMPLE_NAME)
    return path.replace(BAND, band)


def check_s3_prefix(
    s3,
    prefix: str,
    pattern: str = DEFAULT_PATTERN,
    collection_bands=None,
    time_mode: str = "template",
    date_pattern: Optional[str] = None,
    constant: Optional[datetime] = None,
    cancel=None,
) -> Tuple[UploadPlan, List[Dict[str, Any]], int]:
    """List the collection's bucket under ``prefix``, check the band files (with ``collection_bands``) and plan the
    tiles ``createtilesfroms3`` would register: ``(plan, findings as dicts, number of files)``. Findings are
    scrubbed of the bucket's keys; S3 sources are never COGified, so every error makes its tile fail."""
    from .preflight import preflight_tiles, s3_tile_files
    from .s3 import bucket_options, list_tiles

    with bucket_options(s3):
        listings = list_tiles(s3, prefix, [pattern], cancel=cancel)
        tiles = {listing.path: s3_tile_files(s3, listing) for listing in listings}
        reports = preflight_tiles(tiles, collection_bands, s3, cancel=cancel)
    findings = [
        {
            "tile": tile,
            "file": f.file,
            "severity": f.severity,
            "rule": f.rule,
            "message": s3.scrub(f.message),
            "fix": s3.scrub(f.fix),
            # the wording's id and values (scrubbed too), so the dialog words the finding in the user's language
            "key": f.key,
            "params": {name: s3.scrub(value) for name, value in f.params.items()},
        }
        for tile, report in reports.items()
        for f in report.findings
    ]
    plan = plan_s3_tiles(listings, time_mode, date_pattern, constant)
    mark_failures(plan, [(f["tile"], f["file"], f["severity"], f["rule"]) for f in findings], "never")
    return plan, findings, sum(len(files) for files in tiles.values())
