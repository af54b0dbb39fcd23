"""Waiting for tiles to finish ingesting: polling with backoff, progress, timeout and cancellation."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Union

from .byoc import ByocClient
from .errors import NotFoundError, TimeoutExpired
from .http import CancelFn, check_cancel, sleep_cancellable
from .models import Tile, TileStatus

__all__ = ["IngestionResult", "wait_for_tiles", "wait_for_collection", "poll_delays"]

log = logging.getLogger(__name__)

ProgressFn = Optional[Callable[[float, str], None]]
"""``progress(fraction, message)`` after every poll round (as in ``core.progress``)."""
PollFn = Optional[Callable[["IngestionResult"], None]]
"""``on_poll(result)`` after every poll round, with the states seen so far."""


@dataclass
class IngestionResult:
    """Final (or last seen) state of every watched tile."""

    tiles: Dict[str, Tile] = field(default_factory=dict)
    missing: List[str] = field(default_factory=list)

    @property
    def ingested(self) -> List[Tile]:
        return [t for t in self.tiles.values() if t.status is TileStatus.INGESTED]

    @property
    def failed(self) -> List[Tile]:
        return [t for t in self.tiles.values() if t.status is TileStatus.FAILED]

    @property
    def pending(self) -> List[Tile]:
        return [t for t in self.tiles.values() if not (t.status and t.status.is_final)]

    @property
    def ok(self) -> bool:
        """True when every tile was ingested."""
        return not self.failed and not self.pending and not self.missing


def poll_delays(initial: float = 1.0, factor: float = 1.5, cap: float = 30.0):
    """Infinite generator of poll intervals: ``initial``, ×``factor`` each time, capped at ``cap``."""
    delay = initial
    while True:
        yield delay
        delay = min(cap, delay * factor)


def wait_for_tiles(
    client: ByocClient,
    collection_id: str,
    tiles: Iterable[Union[Tile, str]],
    timeout: Optional[float] = 3600.0,
    progress: ProgressFn = None,
    cancel: CancelFn = None,
    initial_delay: float = 1.0,
    max_delay: float = 30.0,
    raise_on_timeout: bool = True,
    on_poll: PollFn = None,
) -> IngestionResult:
    """Poll the given tiles (objects or ids) until each is INGESTED or FAILED.

    Polls individual tiles when there are few, the whole collection listing (one request per 100 tiles) when
    there are many. Tiles deleted meanwhile end up in ``missing``. Raises :class:`TimeoutExpired` after
    ``timeout`` seconds (with the last states in ``exc.result``) unless ``raise_on_timeout`` is false.
    """
    tiles = list(tiles)
    ids = [t if isinstance(t, str) else (t.id or "") for t in tiles]
    if any(not i for i in ids):
        raise ValueError("wait_for_tiles: every tile needs an id (create it first)")
    result = IngestionResult(tiles={i: t for i, t in zip(ids, tiles) if isinstance(t, Tile)})
    watching = set(ids)
    deadline = None if timeout is None else time.monotonic() + timeout
    delays = poll_delays(initial_delay, 1.5, max_delay)
    first = True
    while True:
        check_cancel(cancel)
        pending = [i for i in ids if i in watching]
        if not first or not all(i in result.tiles for i in pending):
            _refresh(client, collection_id, pending, result, watching, cancel)
        first = False
        for tid in list(watching):
            tile = result.tiles.get(tid)
            if tile is not None and tile.status is not None and tile.status.is_final:
                watching.discard(tid)
        done = len(ids) - len(watching)
        if progress is not None:
            failed = len(result.failed)
            note = f", {failed} failed" if failed else ""
            progress(done / max(1, len(ids)), f"{done}/{len(ids)} tiles finished{note}")
        if on_poll is not None:
            on_poll(result)
        if not watching:
            return result
        delay = next(delays)
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                if not raise_on_timeout:
                    return result
                exc = TimeoutExpired(
                    f"{len(watching)} of {len(ids)} tiles still not ingested after {timeout:.0f} s "
                    "(the service may be busy; wait again later)"
                )
                exc.result = result  # type: ignore[attr-defined]
                raise exc
            delay = min(delay, left)
        sleep_cancellable(delay, cancel)


def _refresh(
    client: ByocClient,
    collection_id: str,
    pending: List[str],
    result: IngestionResult,
    watching: set,
    cancel: CancelFn,
) -> None:
    if len(pending) <= 20:
        for tid in pending:
            try:
                result.tiles[tid] = client.get_tile(collection_id, tid, cancel=cancel)
            except NotFoundError:
                result.missing.append(tid)
                watching.discard(tid)
        return
    # many tiles: list the non-final ones by status (small listings), then fetch the few that left them
    wanted = set(pending)
    seen = set()
    for status in (TileStatus.WAITING, TileStatus.QUEUED, TileStatus.INGESTING):
        for tile in client.iter_tiles(collection_id, status=status, cancel=cancel):
            if tile.id in wanted:
                result.tiles[tile.id] = tile  # type: ignore[index]
                seen.add(tile.id)
    left = wanted - seen
    if len(left) > 20:  # many finished at once: one pass over the collection beats many single GETs
        for tile in client.iter_all_tiles(collection_id, cancel=cancel):
            if tile.id in left:
                result.tiles[tile.id] = tile  # type: ignore[index]
                seen.add(tile.id)
        for tid in wanted - seen:
            result.missing.append(tid)
            watching.discard(tid)
        return
    for tid in left:
        check_cancel(cancel)
        try:
            result.tiles[tid] = client.get_tile(collection_id, tid, cancel=cancel)
        except NotFoundError:
            result.missing.append(tid)
            watching.discard(tid)


def wait_for_collection(
    client: ByocClient,
    collection_id: str,
    timeout: Optional[float] = 3600.0,
    progress: ProgressFn = None,
    cancel: CancelFn = None,
    **kwargs,
) -> IngestionResult:
    """Wait for every tile of a collection that is not INGESTED/FAILED yet."""
    pending = [t for t in client.iter_all_tiles(collection_id, cancel=cancel) if not (t.status and t.status.is_final)]
    log.info("waiting for %d tiles of collection %s", len(pending), collection_id)
    return wait_for_tiles(client, collection_id, pending, timeout=timeout, progress=progress, cancel=cancel, **kwargs)
