"""Watching tiles ingest: polling with backoff, progress, timeout, cancellation, and outages.

Two drivers share this module:

- :func:`wait_for_tiles` / :func:`wait_for_collection` block until the given tiles are INGESTED or FAILED
  (scripts, Processing algorithms);
- :class:`TileWatcher` is the same watch taken one step at a time, for a live view of a collection that must not
  block (the dock's tiles layers): it knows what the view shows, plans each poll (:meth:`TileWatcher.begin`),
  says when to poll next (backoff while nothing changes, none once every tile is final) and rides out an outage
  (:class:`Outage`: transient errors are retried with their own backoff, others wait for :meth:`TileWatcher.retry`).
  The poll itself (:meth:`WatchPoll.run`, :func:`poll_changes`) runs anywhere, e.g. in a worker thread.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional, Set, Tuple, Union

from .byoc import ByocClient
from .errors import NetworkError, NotFoundError, TimeoutExpired, is_transient
from .http import CancelFn, RetryPolicy, check_cancel, sleep_cancellable
from .models import Tile, TileStatus
from .progress import Cancelled

__all__ = [
    "IngestionResult",
    "wait_for_tiles",
    "wait_for_collection",
    "poll_delays",
    "TileWatcher",
    "WatchPoll",
    "TileChanges",
    "Outage",
    "poll_changes",
    "tile_row",
    "FINAL_STATUSES",
]

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


# ------------------------------------------------------------------------------------ a collection watched live
FINAL_STATUSES = frozenset({TileStatus.INGESTED.value, TileStatus.FAILED.value})
POLL_INITIAL_S = 1.0  # after a change; ×POLL_FACTOR after each poll that changed nothing, up to POLL_MAX_S
POLL_FACTOR = 1.5
POLL_MAX_S = 30.0
FEW_PENDING = 30  # poll pending tiles one by one up to this many, else list the collection
KNOWN_IN_A_ROW = 100  # looking for new tiles (newest first) stops after this many known ones in a row
OUTAGE_INITIAL_S = 2.0  # first retry after the service stopped answering; doubles up to OUTAGE_MAX_S
OUTAGE_MAX_S = 30.0
# A watch has its own retry loop (the outage backoff): each poll tries little and briefly, so a poll during an
# outage ends in about a second (QGIS announces tasks that fail after 5 s as "Task failed").
WATCH_POLICY = RetryPolicy(max_attempts=2, backoff_base=0.25, backoff_cap=1.0)
OUTAGE_POLICY = RetryPolicy(max_attempts=1)
WATCH_TIMEOUT = (3.0, 60.0)

Row = Tuple[str, tuple, Any, bool]
"""(tile id, signature, payload or None when the tile cannot be shown, final) — see :func:`tile_row`."""
Problem = Tuple[str, str, str]
"""(tile id, path, why the tile cannot be shown)."""
SignatureFn = Callable[[Tile], tuple]
"""What a view shows of a tile: equal signatures mean the view need not change."""
ConvertFn = Callable[[Tile], Tuple[Any, str]]
"""A tile → ``(payload, "")``, or ``(None, why)`` when the view cannot show it (e.g. an unknown CRS)."""


def _as_is(tile: Tile) -> Tuple[Any, str]:
    return tile, ""


def tile_row(tile: Tile, signature: SignatureFn, convert: ConvertFn = _as_is) -> Tuple[Row, Optional[Problem]]:
    """The row of one tile for a view, and the problem when ``convert`` cannot make its payload."""
    payload, why = convert(tile)
    tid = tile.id
    row = (tid, signature(tile), payload, tile.get("status") in FINAL_STATUSES)
    return row, (None if payload is not None else (tid, tile.path, why))


@dataclass
class TileChanges:
    """What changed since the known state (rows whose payload is None are tiles the view cannot show)."""

    changed: List[Row] = field(default_factory=list)
    added: List[Row] = field(default_factory=list)
    removed: List[str] = field(default_factory=list)
    problems: List[Problem] = field(default_factory=list)
    full: bool = False

    @property
    def empty(self) -> bool:
        return not (self.changed or self.added or self.removed)


def poll_changes(
    client,
    collection_id: str,
    known: Dict[str, tuple],
    check: List[str],
    signature: SignatureFn,
    convert: ConvertFn = _as_is,
    full: bool = False,
    cancel: CancelFn = None,
) -> TileChanges:
    """Compare the service with ``known`` (tile id → signature); safe in any thread.

    With few ids to ``check`` they are fetched one by one and the newest tiles are scanned for new ones;
    otherwise (or with ``full``) the whole collection is listed, which also finds deletions. ``client`` is a
    ``SentinelHubClient`` or a :class:`ByocClient`.
    """
    out = TileChanges(full=full or len(check) > FEW_PENDING)
    byoc = getattr(client, "byoc", client)

    def row(tile: Tile) -> Row:
        made, problem = tile_row(tile, signature, convert)
        if problem is not None:
            out.problems.append(problem)
        return made

    if out.full:
        seen: Set[str] = set()
        for tile in byoc.iter_all_tiles(collection_id, cancel=cancel):
            tid = tile.id
            seen.add(tid)
            old = known.get(tid)
            if old is None:
                out.added.append(row(tile))
            elif old != signature(tile):
                out.changed.append(row(tile))
        out.removed = [tid for tid in known if tid not in seen]
        return out
    for tid in check:
        try:
            tile = byoc.get_tile(collection_id, tid, cancel=cancel)
        except NotFoundError:
            out.removed.append(tid)
            continue
        if known.get(tid) != signature(tile):
            out.changed.append(row(tile))
    in_a_row = 0  # new tiles: newest first, until a page's worth of known tiles in a row
    for tile in byoc.iter_tiles(collection_id, sort="created:desc", cancel=cancel):
        if tile.id in known:
            in_a_row += 1
            if in_a_row >= KNOWN_IN_A_ROW:
                break
            continue
        in_a_row = 0
        out.added.append(row(tile))
    return out


@dataclass
class Outage:
    """Why a watch cannot poll. ``transient`` ones (no connection, 5xx, 429) are retried by themselves at
    ``retry_at`` (``time.monotonic()``); the others wait for :meth:`TileWatcher.retry`."""

    error: BaseException
    transient: bool
    attempts: int = 1
    retry_at: float = 0.0

    @property
    def unreachable(self) -> bool:
        """No connection at all (rather than a failing or rate-limiting service)."""
        return isinstance(self.error, NetworkError)

    def retry_in(self) -> int:
        """Whole seconds until the next automatic attempt (0 when none is planned)."""
        return max(0, int(math.ceil(self.retry_at - time.monotonic()))) if self.transient else 0


@dataclass(frozen=True)
class WatchPoll:
    """One poll planned by :meth:`TileWatcher.begin`: a snapshot, so it may run in another thread."""

    collection_id: str
    known: Dict[str, tuple]
    check: List[str]
    full: bool
    policy: RetryPolicy

    def client(self, client) -> Any:
        """The BYOC client to poll with: few, short attempts (the watch's outage backoff is the retry loop)."""
        http = getattr(client, "http", None)
        if http is None or not hasattr(http, "with_policy"):
            return client
        return ByocClient(http.with_policy(self.policy, WATCH_TIMEOUT))

    def run(self, client, signature: SignatureFn, convert: ConvertFn = _as_is, cancel: CancelFn = None) -> TileChanges:
        """Poll the service (``client`` as given to :meth:`client`); see :func:`poll_changes`."""
        return poll_changes(
            client, self.collection_id, self.known, self.check, signature, convert, full=self.full, cancel=cancel
        )


class TileWatcher:
    """A live view's knowledge of a collection's tiles: which to poll, when, and whether the service answers.

    Not thread-safe: call it from one thread (the dock: the main thread); only :meth:`WatchPoll.run` runs
    elsewhere. One round::

        poll = watcher.begin()                      # None-safe snapshot of what to look at
        changes = poll.run(poll.client(c), sig)     # in a worker
        watcher.succeeded()  /  watcher.failed(exc, poll)
        ... the view applies ``changes``, telling the watcher shown() / not_shown() / gone() per tile
        delay = watcher.next_delay(changed)         # None: every tile final, nothing to watch

    A tile is *pending* while the view shows it and it is not final; *dirty* ids were changed by an action and
    are looked at in the next poll; :meth:`poke` with ``watch_seconds`` also looks for new tiles for a while.
    """

    def __init__(self, collection_id: str) -> None:
        self.collection_id = collection_id
        self.sigs: Dict[str, tuple] = {}  # shown tiles → signature
        self.unshown: Dict[str, tuple] = {}  # tiles the view cannot show → signature (not polled again)
        self.pending: Set[str] = set()
        self.dirty: Set[str] = set()
        self.outage: Optional[Outage] = None
        self.delay = POLL_INITIAL_S
        self.watch_until = 0.0  # time.monotonic() until which new tiles are looked for

    # -- what the view shows -------------------------------------------------------------------------------------
    def reset(self) -> bool:
        """Forget every tile (the view reloads) and any outage; returns whether there was an outage."""
        self.sigs.clear()
        self.unshown.clear()
        self.pending.clear()
        self.dirty.clear()
        return self.set_outage(None)

    def shown(self, row: Row) -> None:
        """The view shows this tile as in ``row`` (pending until final)."""
        tid, sig, _payload, final = row
        self.sigs[tid] = sig
        self.unshown.pop(tid, None)
        if final:
            self.pending.discard(tid)
        else:
            self.pending.add(tid)

    def not_shown(self, row: Row) -> None:
        """The view cannot show this tile: remembered with its signature, so it is neither polled nor reported
        again until it changes."""
        tid, sig = row[0], row[1]
        self.unshown[tid] = sig
        self.sigs.pop(tid, None)
        self.pending.discard(tid)

    def gone(self, tile_id: str) -> None:
        """The tile was deleted."""
        self.sigs.pop(tile_id, None)
        self.pending.discard(tile_id)
        self.unshown.pop(tile_id, None)

    # -- when to poll --------------------------------------------------------------------------------------------
    def poke(self, tile_ids: Optional[Iterable[str]] = None, watch_seconds: float = 0.0, only: bool = False) -> None:
        """Look again soon: ``tile_ids`` were changed by an action; look for new tiles for ``watch_seconds`` (at
        least, or, with ``only``, exactly that long from now: a longer watch asked for earlier ends)."""
        if tile_ids:
            self.dirty.update(t for t in tile_ids if t)
        if watch_seconds or only:
            until = time.monotonic() + watch_seconds
            self.watch_until = until if only else max(self.watch_until, until)
        self.delay = POLL_INITIAL_S

    def watching(self) -> bool:
        """Whether anything is left to watch: pending or dirty tiles, or a watch for new tiles."""
        return bool(self.pending or self.dirty or time.monotonic() < self.watch_until)

    def next_delay(self, changed: bool) -> Optional[float]:
        """Seconds until the next poll after one that ``changed`` something (or not); None when nothing is left
        to watch."""
        self.delay = POLL_INITIAL_S if changed else min(POLL_MAX_S, self.delay * POLL_FACTOR)
        return self.delay if self.watching() else None

    def retry(self) -> None:
        """The next poll starts from the shortest delay (a Retry button)."""
        self.delay = POLL_INITIAL_S

    # -- one poll ------------------------------------------------------------------------------------------------
    def begin(self, full: bool = False) -> WatchPoll:
        """Plan a poll of the pending and dirty tiles (``full``: list the whole collection); the dirty ones are
        handed to the poll (and back by :meth:`failed`)."""
        known = {**self.unshown, **self.sigs}
        check = list(self.pending | self.dirty)
        self.dirty.clear()
        policy = OUTAGE_POLICY if self.outage is not None else WATCH_POLICY
        return WatchPoll(self.collection_id, known, check, full, policy)

    def succeeded(self) -> bool:
        """A poll worked: any outage is over; returns whether there was one."""
        return self.set_outage(None)

    def failed(self, exc: BaseException, poll: Optional[WatchPoll] = None) -> Optional[float]:
        """A poll (or building its client) failed: its tiles are looked at again next time; unless cancelled,
        the watch enters (or stays in) an outage. Returns the seconds until the automatic retry of a transient
        outage, None when there is none (cancelled, or waiting cannot fix it)."""
        self.requeue(poll)
        if isinstance(exc, Cancelled):
            return None
        attempts = self.outage.attempts + 1 if self.outage is not None else 1
        if not is_transient(exc):
            self.set_outage(Outage(exc, False, attempts))
            return None
        delay = min(OUTAGE_MAX_S, OUTAGE_INITIAL_S * 2 ** (attempts - 1))
        self.set_outage(Outage(exc, True, attempts, time.monotonic() + delay))
        return delay

    def requeue(self, poll: Optional[WatchPoll]) -> None:
        """The tiles of a poll that gave no answer are looked at again in the next one."""
        if poll is not None:
            self.dirty.update(poll.check)

    def set_outage(self, outage: Optional[Outage]) -> bool:
        """Set (or clear) the outage; returns whether anything changed."""
        if outage is None and self.outage is None:
            return False
        self.outage = outage
        return True
