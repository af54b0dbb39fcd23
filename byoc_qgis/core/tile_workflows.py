"""Service workflows on registered tiles: explain failures, re-trace covers from the tiles' COGs, copy tiles to
another collection. One function each, used by the Processing algorithms (``explainfailure``, ``retracecover``,
``copytiles``) that the dock runs as tasks.

Each returns one :class:`TileResult` per tile (in the given order); a tile that cannot be handled gets its own
status and message, the others go on. Only cancellation stops the loop (:class:`~.progress.Cancelled`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

from .byoc import ByocClient
from .cover import trace_cover
from .errors import ConflictError, NotFoundError, SentinelHubError
from .explain import GENERIC_FIX, Explanation, explain_tile, tile_file_keys
from .models import Tile, TileStatus
from .progress import Progress
from .s3 import S3Config, S3Error, bucket_options, vsis3_path

__all__ = [
    "TileResult",
    "RETRACED",
    "COPIED",
    "EXISTS",
    "NOT_FOUND",
    "NO_DATA",
    "NOT_FAILED",
    "EXPLAINED",
    "FAILED",
    "failed_tile_ids",
    "explain_failures",
    "retrace_covers",
    "copy_tiles",
]

RETRACED = "RETRACED"
COPIED = "COPIED"
EXISTS = "ALREADY_REGISTERED"
NOT_FOUND = "NOT_FOUND"
NO_DATA = "NO_DATA"
NOT_FAILED = "NOT_FAILED"
EXPLAINED = "EXPLAINED"
FAILED = "FAILED"


@dataclass
class TileResult:
    """What happened to one tile: ``status`` (one of the constants above), ``path`` and a ``message``."""

    tile_id: str
    path: str = ""
    status: str = ""
    message: str = ""
    explanation: Optional[Explanation] = field(default=None, repr=False)
    key: str = ""  # the id of ``message``'s wording in RESULT_TEXTS ("" when the message is not ours)
    params: Dict[str, str] = field(default_factory=dict)


#: the English wording of the results' own messages, by stable id; ``byoc_qgis.wording`` keeps the same texts as
#: tr() literals (tests/test_wording.py checks they match)
RESULT_TEXTS: Dict[str, str] = {
    "no-such-tile": "no such tile",
    "nothing-to-explain": "status {status}: nothing to explain",
    "no-valid-pixel": "no valid pixel: the cover is left as it is",
    "target-has-tile": "the target has a tile at this path",
}


def _result(tid: str, path: str, status: str, key: str, /, **params: str) -> TileResult:
    """A result whose message is :data:`RESULT_TEXTS` ``key`` filled with ``params``."""
    return TileResult(tid, path, status, RESULT_TEXTS[key].format(**params), key=key, params=params)


def failed_tile_ids(client: ByocClient, collection_id: str, cancel=None) -> List[str]:
    """Ids of every FAILED tile of the collection."""
    tiles = client.iter_all_tiles(collection_id, status=TileStatus.FAILED, cancel=cancel)
    return [t.id for t in tiles if t.id]


def _each(
    client: ByocClient, collection_id: str, tile_ids: Sequence[str], prog: Progress, out: List[TileResult]
) -> Iterator[Tuple[Progress, str, Tile]]:
    """Each tile with its share of the progress; a tile that is gone is recorded NOT_FOUND in ``out``."""
    n = max(1, len(tile_ids))
    for i, tid in enumerate(tile_ids):
        step = prog.sub(i / n, (i + 1) / n)
        step(0.0, f"tile {tid}")
        try:
            tile = client.get_tile(collection_id, tid, cancel=prog.cancelled)
        except NotFoundError:
            out.append(_result(tid, "", NOT_FOUND, "no-such-tile"))
            continue
        yield step, tid, tile


def explain_failures(
    client: ByocClient,
    collection_id: str,
    tile_ids: Sequence[str],
    bands: Mapping[str, dict],
    s3: Optional[S3Config] = None,
    fixes: Optional[Mapping[str, str]] = None,
    generic: str = GENERIC_FIX,
    progress=None,
    cancel=None,
) -> List[TileResult]:
    """Explain each FAILED tile (``explanation``; EXPLAINED); other tiles are NOT_FAILED, missing ones NOT_FOUND.
    With ``s3`` the tiles' files are checked (:func:`.explain.explain_tile`)."""
    prog = Progress.of(progress, cancel)
    out: List[TileResult] = []
    for _step, tid, tile in _each(client, collection_id, tile_ids, prog, out):
        status = str(tile.get("status") or "")
        if status != TileStatus.FAILED.value:
            out.append(_result(tid, tile.path or "", NOT_FAILED, "nothing-to-explain", status=status or "?"))
            continue
        expl = explain_tile(tile.failed_ingestion_cause, tile.path or "", bands, s3, fixes, generic)
        out.append(TileResult(tid, tile.path or "", EXPLAINED, expl.fix, expl))
    prog(1.0, "explained")
    return out


def retrace_covers(
    client: ByocClient,
    collection_id: str,
    tile_ids: Sequence[str],
    s3: S3Config,
    bands: Mapping[str, dict],
    policy: str = "contain",
    max_points: int = 95,
    progress=None,
    cancel=None,
) -> List[TileResult]:
    """Trace each tile's cover again from its COGs in S3 (``(BAND)`` → each band's source) and update the tile:
    RETRACED; NO_DATA when no pixel is valid (the tile is left as it is); NOT_FOUND; FAILED with the reason."""
    prog = Progress.of(progress, cancel)
    out: List[TileResult] = []
    with bucket_options(s3):
        for step, tid, tile in _each(client, collection_id, tile_ids, prog, out):
            path = tile.path or ""
            try:
                files = [vsis3_path(s3, key) for key in tile_file_keys(path, bands).values()]
                result = trace_cover(files, policy=policy, max_points=max_points, progress=step.sub(0.0, 0.9))
                if result.geojson is None:
                    out.append(_result(tid, path, NO_DATA, "no-valid-pixel"))
                    continue
                tile.cover_geometry = result.geojson
                client.update_tile(collection_id, tile, cancel=prog.cancelled)
                report = result.report
                out.append(
                    TileResult(tid, path, RETRACED, report.summary(), key="cover", params=report.summary_params())
                )
            except (ValueError, S3Error, SentinelHubError, RuntimeError) as exc:
                out.append(TileResult(tid, path, FAILED, s3.scrub(str(exc))))
    prog(1.0, "covers traced")
    return out


def copy_tiles(
    client: ByocClient,
    collection_id: str,
    target_id: str,
    tile_ids: Sequence[str],
    progress=None,
    cancel=None,
) -> List[TileResult]:
    """Register each tile (path, sensing time, cover) in collection ``target_id``: COPIED; EXISTS when the
    target has a tile at that path already; NOT_FOUND when the source tile is gone. Files are not copied: the
    target reads the same paths from its own bucket."""
    prog = Progress.of(progress, cancel)
    out: List[TileResult] = []
    for _step, tid, src in _each(client, collection_id, tile_ids, prog, out):
        copy = Tile(src.path, sensing_time=src.get("sensingTime"), cover_geometry=src.get("coverGeometry"))
        try:
            new = client.create_tile(target_id, copy, cancel=prog.cancelled)
            out.append(TileResult(tid, src.path or "", COPIED, new.id or ""))
        except ConflictError:
            out.append(_result(tid, src.path or "", EXISTS, "target-has-tile"))
    prog(1.0, "copied")
    return out
