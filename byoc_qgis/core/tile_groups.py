"""Grouping band files into tiles: the one rule for S3 listings, local folders, the pre-flight check and both
create-tiles algorithms.

A file-name pattern holds ``(BAND)`` once, e.g. ``(BAND).tif`` or ``S2_(BAND)_10m.tif``. A file whose name matches
belongs to the tile of its folder (relative to the listing root), as the band the ``(BAND)`` part names:
``a/b/B02.tif`` → tile ``a/b/(BAND).tif`` (name ``a/b``), band ``B02``. Band names are letters, digits, ``_`` and
``-``; files that match no pattern are returned apart, so callers can refuse or report them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, Generic, List, Optional, Sequence, Tuple, TypeVar

from .worded import WordedText

__all__ = [
    "DEFAULT_PATTERN",
    "PatternError",
    "TileGroup",
    "Grouping",
    "pattern_regex",
    "tile_name",
    "group_files",
    "group_local_files",
    "relative_key",
    "folder_band_files",
]

T = TypeVar("T")

DEFAULT_PATTERN = "(BAND).tif"
BAND_CHARS = r"[A-Za-z0-9_\-]+"


class PatternError(ValueError):
    """A band file pattern without exactly one ``(BAND)``."""


@dataclass
class TileGroup(Generic[T]):
    """One tile: ``path`` is its BYOC path relative to the root (``a/b/(BAND).tif``), ``files`` band → item."""

    path: str
    files: Dict[str, T]

    @property
    def name(self) -> str:
        """The tile's name: its folder (``a/b``), or what precedes ``(BAND)`` in the file name (``a/T1``)."""
        return tile_name(self.path)


@dataclass
class Grouping(Generic[T]):
    """Tiles in path order, the items that match no pattern, and (local files) those outside the root."""

    tiles: List[TileGroup[T]] = field(default_factory=list)
    unmatched: List[T] = field(default_factory=list)
    outside: List[T] = field(default_factory=list)
    root: str = ""


def pattern_regex(pattern: str) -> re.Pattern:
    """The regular expression of a band file pattern: groups ``tile`` (folder with its ``/``) and ``band``."""
    if pattern.count("(BAND)") != 1:
        raise PatternError(WordedText("pattern-band-once", pattern=pattern))
    before, after = pattern.split("(BAND)")
    return re.compile(r"^(?P<tile>(?:.*/)?)" + re.escape(before) + f"(?P<band>{BAND_CHARS})" + re.escape(after) + "$")


def tile_name(path: str) -> str:
    """``a/b/(BAND).tif`` → ``a/b``; ``a/T1_(BAND).tif`` → ``a/T1``; ``(BAND).tif`` (files at the root) → ``tile``."""
    head = path.split("(BAND)")[0]
    return head.rstrip("/_-.") or "tile"


def group_files(
    items: Sequence[T], patterns: Sequence[str] = (DEFAULT_PATTERN,), key: Callable[[T], str] = str
) -> Grouping[T]:
    """Group ``items`` by their ``key`` (a ``/``-separated path relative to the root) into tiles; the first
    pattern that matches a key wins. Raises :class:`PatternError` for a pattern without one ``(BAND)``."""
    regexes = [(p, pattern_regex(p)) for p in patterns]
    tiles: Dict[str, Dict[str, T]] = {}
    unmatched: List[T] = []
    for item in items:
        path = key(item)
        for pattern, rx in regexes:
            m = rx.match(path)
            if m:
                tiles.setdefault(m.group("tile") + pattern, {})[m.group("band")] = item
                break
        else:
            unmatched.append(item)
    groups = [TileGroup(path, dict(sorted(files.items()))) for path, files in sorted(tiles.items())]
    return Grouping(groups, unmatched)


def relative_key(path: str, root: str) -> Optional[str]:
    """``path`` relative to ``root`` with ``/`` separators (links resolved), or None when it is not under it."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    rel = os.path.relpath(real, base)
    if rel == os.curdir or rel.startswith(os.pardir + os.sep) or rel == os.pardir or os.path.isabs(rel):
        return None
    return rel.replace(os.sep, "/")


def group_local_files(paths: Sequence[str], root: Optional[str] = None, pattern: str = DEFAULT_PATTERN) -> Grouping:
    """Group local files into tiles by ``pattern``, their folders taken relative to ``root`` (default: the
    deepest folder holding them all). Files outside ``root`` are in ``outside``; ``files`` hold the paths."""
    if root is None:
        root = os.path.commonpath([os.path.dirname(os.path.realpath(p)) for p in paths]) if paths else ""
    inside: List[Tuple[str, str]] = []
    outside: List[str] = []
    for path in paths:
        rel = relative_key(path, root)
        if rel is None:
            outside.append(path)
        else:
            inside.append((rel, path))
    grouping = group_files(inside, [pattern], key=lambda item: item[0])
    tiles = [TileGroup(g.path, {band: item[1] for band, item in g.files.items()}) for g in grouping.tiles]
    return Grouping(tiles, [item[1] for item in grouping.unmatched], outside, root)


def folder_band_files(folder: str, pattern: str = DEFAULT_PATTERN) -> Dict[str, str]:
    """The band files directly in ``folder`` that match ``pattern``, as ``{band: path}`` (one tile's files)."""
    names = sorted(n for n in os.listdir(folder) if os.path.isfile(os.path.join(folder, n)))
    grouping = group_files(names, [pattern])
    return {band: os.path.join(folder, name) for g in grouping.tiles for band, name in g.files.items()}
