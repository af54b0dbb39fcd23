"""The core's live watch of a collection (:class:`~byoc_qgis.core.ingestion.TileWatcher`, ``poll_changes``), which
the dock's tiles layers drive, against a real localhub: a watch until every tile is final, only changed tiles
reported, deletions, new tiles and tiles a view cannot show; its schedule (backoff while nothing changes, none once
every tile is final, a watch for new tiles that ends) and riding out an outage (a port where nothing listens, then
the service again; refused credentials wait for a retry). No QGIS: the module must stay importable without it."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from byoc_qgis.core import auth
from byoc_qgis.core.auth import ClientCredentials
from byoc_qgis.core.client import SentinelHubClient
from byoc_qgis.core.deployments import custom_deployment
from byoc_qgis.core.errors import AuthError, NetworkError
from byoc_qgis.core.http import RetryPolicy
from byoc_qgis.core.ingestion import (
    OUTAGE_POLICY,
    WATCH_POLICY,
    TileChanges,
    TileWatcher,
    poll_changes,
    tile_row,
    wait_for_tiles,
)
from byoc_qgis.core.models import Collection, Tile
from byoc_qgis.core.progress import Cancelled

from .services import free_port

REPO = Path(__file__).resolve().parent.parent
FAST = RetryPolicy(max_attempts=2, backoff_base=0.05, backoff_cap=0.1)


@pytest.fixture(autouse=True)
def _fresh_tokens():
    auth.clear_token_cache()
    yield
    auth.clear_token_cache()


def _client(hub, base_url=None, secret=None) -> SentinelHubClient:
    deployment = custom_deployment(base_url or hub.base_url, hub.token_url)
    return SentinelHubClient(deployment, ClientCredentials(hub.client_id, secret or hub.client_secret), policy=FAST)


def _sig(tile: Tile) -> tuple:
    return (tile.get("status"), tile.get("sensingTime"), tile.path)


def _convert(tile: Tile):
    """The view's payload: the path; tiles under ``bad/`` cannot be shown."""
    return (None, "cannot be shown here") if tile.path.startswith("bad/") else (tile.path, "")


def _apply(watcher: TileWatcher, changes: TileChanges, shown: dict) -> None:
    """What a view does with the changes (the dock's tiles layer does the same with features)."""
    for row in changes.changed + changes.added:
        if row[2] is None:
            watcher.not_shown(row)
            shown.pop(row[0], None)
        else:
            watcher.shown(row)
            shown[row[0]] = row[2]
    for tid in changes.removed:
        watcher.gone(tid)
        shown.pop(tid, None)


def _round(watcher: TileWatcher, client, shown: dict, full: bool = False):
    poll = watcher.begin(full)
    changes = poll.run(poll.client(client), _sig, _convert)
    watcher.succeeded()
    _apply(watcher, changes, shown)
    return changes, watcher.next_delay(not changes.empty)


def test_core_ingestion_imports_no_qgis():
    code = "import sys, byoc_qgis.core.ingestion; sys.exit(any(m.startswith('qgis') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=60).returncode == 0


def test_a_watch_follows_a_collection_until_every_tile_is_final(localhub):
    client = _client(localhub)
    try:
        col = client.byoc.create_collection(Collection(name=f"watch-{uuid.uuid4().hex[:8]}", s3_bucket="bucket"))
        for name in ("w/a", "w/b", "bad/c"):
            client.byoc.create_tile(col.id, Tile(f"{name}/(BAND).tif", sensing_time="2023-01-01T00:00:00Z"))
        watcher, shown = TileWatcher(col.id), {}
        for tile in client.byoc.iter_all_tiles(col.id):  # the view's load
            row, problem = tile_row(tile, _sig, _convert)
            assert (problem is None) == (row[2] is not None)
            _apply(watcher, TileChanges(added=[row]), shown)
        assert sorted(shown.values()) == ["w/a/(BAND).tif", "w/b/(BAND).tif"] and len(watcher.unshown) == 1
        rounds, delay = 0, 0.0
        while delay is not None:  # the schedule says when nothing is left to watch
            rounds += 1
            assert rounds < 200, "never final"
            time.sleep(min(delay, 0.1))
            _changes, delay = _round(watcher, client, shown)
        finals = {t.id: t.get("status") for t in client.byoc.iter_all_tiles(col.id)}
        assert watcher.pending == set() and not watcher.dirty
        assert {tid: sig[0] for tid, sig in watcher.sigs.items()} == {t: s for t, s in finals.items() if t in shown}
        assert all(s in ("INGESTED", "FAILED") for s in finals.values())

        # an action changed one tile: only that one is reported
        a = next(t for t in client.byoc.iter_all_tiles(col.id) if t.path.startswith("w/a/"))
        a.sensing_time = "2020-02-02T02:02:02Z"
        client.byoc.update_tile(col.id, a)
        watcher.poke([a.id])
        changes, _delay = _round(watcher, client, shown)
        assert [r[0] for r in changes.changed] == [a.id] and not changes.added and not changes.removed
        assert watcher.sigs[a.id][1] == "2020-02-02T02:02:02Z"

        # a deleted tile, a new one (while watching for new tiles) and a new one the view cannot show
        client.byoc.delete_tile(col.id, a.id)
        new = client.byoc.create_tile(col.id, Tile("w/new/(BAND).tif"))
        bad = client.byoc.create_tile(col.id, Tile("bad/new/(BAND).tif"))
        watcher.poke([a.id], watch_seconds=60)
        changes, delay = _round(watcher, client, shown)
        assert changes.removed == [a.id] and a.id not in shown and a.id not in watcher.sigs
        assert {r[0] for r in changes.added} == {new.id, bad.id}
        assert [p[:2] for p in changes.problems] == [(bad.id, "bad/new/(BAND).tif")]
        assert new.id in shown and bad.id in watcher.unshown and delay is not None
        # a full listing finds what the view lost track of (and reports nothing it knows again)
        watcher.sigs.pop(new.id)
        changes, _delay = _round(watcher, client, shown, full=True)
        assert changes.full and [r[0] for r in changes.added] == [new.id]
        # the tiles it cannot show come up again only when they changed (a status) since they were seen
        assert {p[0] for p in changes.problems} <= set(watcher.unshown) and new.id not in watcher.unshown
        # a watch for new tiles that ends now (``only``): nothing is left to watch once the tiles are final
        watcher.poke(watch_seconds=0, only=True)
        while watcher.pending:
            time.sleep(0.1)
            _round(watcher, client, shown)
        assert watcher.next_delay(False) is None
    finally:
        client.close()


def test_poll_changes_checks_few_tiles_one_by_one(localhub):
    client = _client(localhub)
    try:
        col = client.byoc.create_collection(Collection(name=f"few-{uuid.uuid4().hex[:8]}", s3_bucket="bucket"))
        tiles = [client.byoc.create_tile(col.id, Tile(f"f/{i}/(BAND).tif")) for i in range(3)]
        assert not wait_for_tiles(client.byoc, col.id, tiles, timeout=60, initial_delay=0.1).pending
        known = {t.id: _sig(client.byoc.get_tile(col.id, t.id)) for t in tiles}
        unchanged = poll_changes(client, col.id, known, [tiles[0].id], _sig)
        assert unchanged.empty and not unchanged.full
        gone = poll_changes(client, col.id, {**known, "no-such-tile": ("x",)}, ["no-such-tile"], _sig)
        assert gone.removed == ["no-such-tile"] and not gone.full
        many = poll_changes(client, col.id, {**known, "no-such-tile": ("x",)}, [f"t{i}" for i in range(31)], _sig)
        assert many.full and many.removed == ["no-such-tile"]  # more than FEW_PENDING: the whole listing
    finally:
        client.close()


def test_the_schedule_backs_off_and_stops_when_every_tile_is_final():
    watcher = TileWatcher("c")
    watcher.shown(("a", ("WAITING",), "a", False))
    watcher.shown(("b", ("INGESTED",), "b", True))
    assert watcher.pending == {"a"} and watcher.watching()
    assert [watcher.next_delay(False) for _ in range(3)] == [1.5, 2.25, 3.375]
    assert [watcher.next_delay(False) for _ in range(20)][-1] == 30.0
    assert watcher.next_delay(True) == 1.0
    poll = watcher.begin()
    assert poll.check == ["a"] and poll.known == {"a": ("WAITING",), "b": ("INGESTED",)} and poll.policy is WATCH_POLICY
    watcher.poke(["b"])
    assert sorted(watcher.begin().check) == ["a", "b"] and not watcher.dirty
    watcher.shown(("a", ("INGESTED",), "a", True))
    assert watcher.next_delay(True) is None  # nothing pending or dirty, no watch for new tiles
    watcher.poke(watch_seconds=30)
    assert watcher.next_delay(False) == 1.0 * 1.5 and watcher.watching()
    watcher.poke(watch_seconds=0.05, only=True)  # ends the 30 s watch
    time.sleep(0.1)
    assert watcher.next_delay(False) is None


def test_an_outage_backs_off_and_ends_with_the_first_poll_that_works(localhub):
    dead = _client(localhub, base_url=f"http://127.0.0.1:{free_port()}")
    client = _client(localhub)
    try:
        col = client.byoc.create_collection(Collection(name=f"outage-{uuid.uuid4().hex[:8]}", s3_bucket="bucket"))
        tile = client.byoc.create_tile(col.id, Tile("o/(BAND).tif"))
        watcher = TileWatcher(col.id)
        watcher.shown((tile.id, ("WAITING",), "o", False))
        delays = []
        for attempt in range(1, 7):
            poll = watcher.begin()
            assert poll.policy is (WATCH_POLICY if attempt == 1 else OUTAGE_POLICY)  # one short try per poll
            with pytest.raises(NetworkError) as failure:
                poll.run(poll.client(dead), _sig)
            delays.append(watcher.failed(failure.value, poll))
            outage = watcher.outage
            assert outage.transient and outage.unreachable and outage.attempts == attempt
            assert tile.id in watcher.dirty  # looked at again by the next poll
        assert delays == [2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
        assert 25 <= watcher.outage.retry_in() <= 30
        # the service answers again: the first poll that works ends the outage
        poll = watcher.begin()
        poll.run(poll.client(client), _sig)
        assert watcher.succeeded() is True and watcher.outage is None and watcher.succeeded() is False
        # a cancelled poll is no outage; refused credentials wait for a retry (no automatic one)
        assert watcher.failed(Cancelled(), watcher.begin()) is None and watcher.outage is None
        refused = _client(localhub, secret="wrong-secret")
        try:
            poll = watcher.begin()
            with pytest.raises(AuthError) as failure:
                poll.run(poll.client(refused), _sig)
        finally:
            refused.close()
        assert watcher.failed(failure.value, poll) is None
        assert not watcher.outage.transient and watcher.outage.retry_in() == 0
        assert watcher.reset() is True and watcher.outage is None and not watcher.sigs
    finally:
        dead.close()
        client.close()
