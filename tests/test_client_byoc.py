"""The Sentinel Hub client against a real localhub: BYOC operations, pagination, tokens, retries, secrets."""

from __future__ import annotations

import dataclasses
import logging
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

import pytest
import requests

from byoc_qgis.core import auth
from byoc_qgis.core.auth import ClientCredentials, Token
from byoc_qgis.core.client import SentinelHubClient
from byoc_qgis.core.deployments import custom_deployment
from byoc_qgis.core.errors import (
    AuthError,
    BadRequestError,
    CancelledError,
    ConflictError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    TimeoutExpired,
)
from byoc_qgis.core.http import RetryPolicy
from byoc_qgis.core.ingestion import wait_for_collection, wait_for_tiles
from byoc_qgis.core.models import Band, Collection, Geometry, Tile, TileStatus

FAST = RetryPolicy(max_attempts=3, backoff_base=0.05, backoff_cap=0.2, max_rate_limit_wait=10.0)


@pytest.fixture(autouse=True)
def _fresh_tokens():
    auth.clear_token_cache()
    yield
    auth.clear_token_cache()


def make_client(hub, *, base_url=None, secret=None, policy=FAST, **kwargs) -> SentinelHubClient:
    deployment = custom_deployment(base_url or hub.base_url, hub.token_url)
    creds = ClientCredentials(hub.client_id, secret or hub.client_secret)
    return SentinelHubClient(deployment, creds, policy=policy, **kwargs)


def set_faults(hub, rules) -> None:
    resp = requests.put(f"{hub.base_url}/localhub/faults", json={"seed": 1, "rules": rules}, timeout=10)
    assert resp.status_code in (200, 204), resp.text


def new_collection(client, name=None, bucket="bucket", bands=None) -> Collection:
    col = Collection(name=name or f"test-{uuid.uuid4().hex[:8]}", s3_bucket=bucket, bands=bands or {})
    return client.byoc.create_collection(col)


@pytest.fixture
def client(localhub):
    with make_client(localhub) as c:
        yield c


def test_collection_crud(client):
    bands = {"Red": Band("Red", source="RGB", band_index=1, bit_depth=16, sample_format="UINT", no_data=0)}
    col = new_collection(client, name=f"crud-{uuid.uuid4().hex[:6]}", bands=bands)
    assert col.id and col.bands["Red"].bit_depth == 16 and col.s3_bucket == "bucket"
    got = client.byoc.get_collection(col.id)
    assert got.name == col.name and got.bands["Red"].source == "RGB"
    assert col.id in {c.id for c in client.byoc.iter_collections(search=col.name)}
    assert col.id in {c.id for c in client.byoc.list_collections()}
    got.name = got.name + "-renamed"
    client.byoc.update_collection(got)
    assert client.byoc.get_collection(col.id).name.endswith("-renamed")
    client.byoc.delete_collection(col.id)
    with pytest.raises(NotFoundError) as exc:
        client.byoc.get_collection(col.id)
    assert exc.value.status == 404 and col.id in str(exc.value)


def test_bad_request_carries_service_message(client):
    with pytest.raises(BadRequestError) as exc:
        client.http.request("POST", "/api/v1/byoc/collections", json_body={"name": "x"}, expected=(201,))
    assert exc.value.status == 400 and exc.value.message
    with pytest.raises(ValueError, match="s3://"):
        client.byoc.create_collection(Collection(name="x", s3_bucket="s3://bucket"))


def test_tile_operations(client):
    col = new_collection(client)
    cover = Geometry(
        {
            "type": "Polygon",
            "coordinates": [[[500000, 5000000], [505000, 5000000], [505000, 5005000], [500000, 5000000]]],
        },
        32633,
    )
    sensing = datetime(2021, 6, 29, 18, 2, 34, tzinfo=timezone.utc)
    tile = client.byoc.create_tile(col.id, Tile("t1/(BAND).tif", sensing_time=sensing, cover_geometry=cover))
    assert tile.id and tile.status is TileStatus.WAITING and tile.sensing_time == sensing
    other = client.byoc.create_tile(col.id, {"path": "t2/(BAND).tif"})
    got = client.byoc.get_tile(col.id, tile.id)
    assert got.path == "t1/(BAND).tif" and got.cover_geometry.epsg == 32633
    assert client.byoc.find_tile_by_path(col.id, "t2/(BAND).tif").id == other.id
    assert client.byoc.find_tile_by_path(col.id, "nope/(BAND).tif") is None
    paths = [t.path for t in client.byoc.iter_tiles(col.id, sort="path:desc")]
    assert paths == ["t2/(BAND).tif", "t1/(BAND).tif"]
    with pytest.raises(ConflictError):
        client.byoc.create_tile(col.id, Tile("t1/(BAND).tif"))
    # no files in the bucket: ingestion fails, and waiting reports it
    result = wait_for_tiles(client.byoc, col.id, [tile, other], timeout=60, initial_delay=0.2)
    assert {t.status for t in result.tiles.values()} == {TileStatus.FAILED}
    assert result.failed[0].failed_ingestion_cause
    failed = client.byoc.list_tiles(col.id, status="FAILED")
    assert {t.id for t in failed} == {tile.id, other.id}
    assert client.byoc.list_tiles(col.id, status=TileStatus.INGESTED) == []
    got.path = "t1b/(BAND).tif"
    got.sensing_time = "2022-01-01T00:00:00Z"
    client.byoc.update_tile(col.id, got)
    updated = client.byoc.get_tile(col.id, tile.id)
    assert updated.path == "t1b/(BAND).tif" and updated.sensing_time.year == 2022
    client.byoc.reingest_tile(col.id, tile.id)
    again = wait_for_tiles(client.byoc, col.id, [tile.id], timeout=60, initial_delay=0.2)
    assert again.tiles[tile.id].status is TileStatus.FAILED
    with pytest.raises(NotFoundError):
        client.byoc.reingest_tile(col.id, str(uuid.uuid4()))
    client.byoc.delete_tile(col.id, other.id)
    with pytest.raises(NotFoundError):
        client.byoc.get_tile(col.id, other.id)
    target = new_collection(client)
    client.byoc.copy_tiles(col.id, target.id)  # nothing ingested: nothing copied
    assert client.byoc.list_tiles(target.id) == []
    with pytest.raises(NotFoundError):
        client.byoc.copy_tiles(col.id, str(uuid.uuid4()))


def test_ingested_tile_copy_and_wait(client, localhub, s3_bucket, raster_factory):
    files = raster_factory.tile(stems=("B1",))
    s3 = localhub.s3.client()
    s3.upload_file(files["B1"], s3_bucket, "scene/B1.tif")
    col = new_collection(client, bucket=s3_bucket)
    tile = client.byoc.create_tile(col.id, Tile("scene/(BAND).tif", sensing_time="2020-05-01T10:00:00Z"))
    progress = []
    result = wait_for_collection(
        client.byoc, col.id, timeout=60, initial_delay=0.2, progress=lambda f, m: progress.append(f)
    )
    assert result.ok, [t.failed_ingestion_cause for t in result.failed]
    assert result.tiles[tile.id].status is TileStatus.INGESTED and progress[-1] == 1.0
    configured = client.byoc.get_collection(col.id)
    assert "B1" in configured.bands
    target = new_collection(client, bucket=s3_bucket)
    client.byoc.copy_tiles(col.id, target.id)
    assert [t.path for t in client.byoc.list_tiles(target.id)] == ["scene/(BAND).tif"]


@pytest.fixture(scope="module")
def collection_250(localhub):
    auth.clear_token_cache()
    with make_client(localhub) as c:
        col = new_collection(c)
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda i: c.byoc.create_tile(col.id, Tile(f"p/{i:04d}/(BAND).tif")), range(250)))
        return col.id


def test_pagination_over_250_tiles(client, localhub, collection_250):
    by_pages = list(client.byoc.iter_tiles(collection_250, count=7))
    assert len(by_pages) == 250 and len({t.id for t in by_pages}) == 250
    fast = client.byoc.all_tiles(collection_250, sort="path:asc")
    assert [t.path for t in fast] == [f"p/{i:04d}/(BAND).tif" for i in range(250)]
    # "localhost" is another origin than the 127.0.0.1 links.next: the client falls back to nextToken
    with make_client(localhub, base_url=localhub.base_url.replace("127.0.0.1", "localhost")) as other:
        assert len({t.id for t in other.byoc.iter_tiles(collection_250, count=100)}) == 250


def test_iterator_close_and_cancel_stop_prefetch(client, collection_250):
    it = client.byoc.iter_all_tiles(collection_250, prefetch=1)
    first = next(it)
    assert isinstance(first, Tile)
    it.close()
    calls = []
    with pytest.raises(CancelledError):
        for _ in client.byoc.iter_all_tiles(collection_250, cancel=lambda: calls.append(1) or len(calls) > 1):
            pass


def test_token_cached_and_refreshed_before_expiry(localhub_factory):
    hub = localhub_factory(token_expires_in=61)  # valid 61 s: inside the 60 s margin after ~1 s
    with make_client(hub) as c:
        c.byoc.list_collections()
        c.byoc.list_collections()
        assert c.http.tokens.fetch_count == 1
        time.sleep(1.3)
        c.byoc.list_collections()
        assert c.http.tokens.fetch_count == 2
    with make_client(hub, refresh_margin=0) as c2:  # same cache key: reuses the token, no fetch
        c2.byoc.list_collections()
        assert c2.http.tokens.fetch_count == 0


def test_forced_401_refreshes_exactly_once(client, localhub):
    client.byoc.list_collections()
    tokens = client.http.tokens
    assert tokens.fetch_count == 1
    with auth._CACHE_LOCK:  # a token the service does not accept (e.g. revoked)
        auth._CACHE[tokens._key] = Token("forged.token.value", time.monotonic() + 3600, 3600)
    client.byoc.list_collections()
    assert tokens.fetch_count == 2


def test_persistent_401_surfaces_after_one_refresh(localhub_factory):
    hub = localhub_factory(fault_injection={"rules": []})
    with make_client(hub) as c:
        c.byoc.list_collections()
        set_faults(hub, [{"path": "/api/v1/byoc/collections", "sequence": [{"status": 401}, {"status": 401}]}])
        with pytest.raises(AuthError) as exc:
            c.byoc.list_collections()
        assert exc.value.status == 401 and "refreshed once" in str(exc.value)
        assert c.http.tokens.fetch_count == 2


def test_bad_secret_is_auth_error_without_secret(localhub, caplog):
    caplog.set_level(logging.DEBUG)
    with make_client(localhub, secret="wrong-secret-XYZ") as c:
        with pytest.raises(AuthError) as exc:
            c.byoc.list_collections()
    text = str(exc.value) + repr(exc.value)
    assert localhub.client_id in text and "wrong-secret-XYZ" not in text
    assert "wrong-secret-XYZ" not in caplog.text


def test_429_retry_after_is_honoured(localhub_factory, caplog):
    caplog.set_level(logging.INFO, logger="byoc_qgis")
    hub = localhub_factory(fault_injection={"rules": []})
    with make_client(hub) as c:
        c.byoc.list_collections()
        set_faults(hub, [{"path": "/api/v1/byoc/collections", "sequence": [{"status": 429, "retryAfterMs": 700}]}])
        start = time.monotonic()
        c.byoc.list_collections()
        assert 0.7 <= time.monotonic() - start < 5
        assert "rate limited: waiting 0.700 s" in caplog.text
        set_faults(
            hub,
            [{"path": "/api/v1/byoc/collections", "probability": 1.0, "fault": {"status": 429, "retryAfterMs": 400}}],
        )
        strict = RetryPolicy(max_attempts=3, backoff_base=0.05, max_rate_limit_wait=1.0)
        c.http.policy = strict
        start = time.monotonic()
        with pytest.raises(RateLimitedError) as exc:
            c.byoc.list_collections()
        assert exc.value.retry_after == pytest.approx(0.4) and 0.8 <= time.monotonic() - start < 5
        # cancellation interrupts a long rate-limit wait promptly
        set_faults(hub, [{"path": "/api/v1/byoc/collections", "sequence": [{"status": 429, "retryAfterMs": 60000}]}])
        c.http.policy = dataclasses.replace(FAST, max_rate_limit_wait=120)
        deadline = time.monotonic() + 0.5
        start = time.monotonic()
        with pytest.raises(CancelledError):
            c.byoc.list_collections(cancel=lambda: time.monotonic() > deadline)
        assert time.monotonic() - start < 2


def test_5xx_retried_then_surfaced(localhub_factory):
    hub = localhub_factory(fault_injection={"rules": []})
    with make_client(hub) as c:
        c.byoc.list_collections()
        set_faults(hub, [{"path": "/api/v1/byoc/collections", "sequence": [{"status": 503}, {"status": 500}]}])
        c.byoc.list_collections()  # third attempt passes
        set_faults(hub, [{"path": "/api/v1/byoc/collections", "probability": 1.0, "fault": {"status": 503}}])
        before = len(fired(hub))
        with pytest.raises(ServerError) as exc:
            c.byoc.list_collections()
        assert exc.value.status == 503
        assert len(fired(hub)) - before == FAST.max_attempts  # retried, then surfaced


def fired(hub) -> list:
    return requests.get(f"{hub.base_url}/localhub/faults", timeout=5).json()["fired"]


@pytest.mark.parametrize("fault", [{"drop": "after"}, {"drop": "before"}, {"status": 502}])
def test_dropped_tile_create_makes_no_duplicate(localhub_factory, fault):
    hub = localhub_factory(fault_injection={"rules": []})
    with make_client(hub) as c:
        col = new_collection(c)
        set_faults(
            hub,
            [{"method": "POST", "path": "/api/v1/byoc/collections/*/tiles", "sequence": [fault]}],
        )
        tile = c.byoc.create_tile(col.id, Tile("dropped/(BAND).tif"))
        assert [f["fault"] for f in fired(hub)] == [fault]
        tiles = c.byoc.list_tiles(col.id)
        assert [t.path for t in tiles] == ["dropped/(BAND).tif"] and tiles[0].id == tile.id


def test_dropped_collection_create_is_not_repeated(localhub_factory):
    hub = localhub_factory(fault_injection={"rules": []})
    with make_client(hub) as c:
        name = f"once-{uuid.uuid4().hex[:6]}"
        set_faults(hub, [{"method": "POST", "path": "/api/v1/byoc/collections", "sequence": [{"drop": "after"}]}])
        with pytest.raises(NetworkError) as exc:
            c.byoc.create_collection(Collection(name=name, s3_bucket="b"))
        assert exc.value.maybe_applied and "may or may not" in str(exc.value)
        assert exc.value.message.startswith(f"Cannot reach {hub.base_url} (")
        assert len(fired(hub)) == 1
        assert [x.name for x in c.byoc.iter_collections(search=name)] == [name]


def test_secrets_absent_from_logs_and_reprs(localhub, caplog):
    caplog.set_level(logging.DEBUG)
    with make_client(localhub) as c:
        col = new_collection(c)
        c.byoc.create_tile(col.id, Tile("s/(BAND).tif"))
        list(c.byoc.iter_all_tiles(col.id))
        with pytest.raises(NotFoundError) as exc:
            c.byoc.get_tile(col.id, str(uuid.uuid4()))
        token = c.http.tokens.token()
        texts = [
            caplog.text,
            repr(c),
            repr(c.http),
            repr(c.byoc),
            repr(c.process),
            repr(c.http.tokens),
            repr(c.http.tokens.credentials),
            str(c.http.tokens.credentials),
            repr(c.http.transport),
            str(exc.value),
            repr(exc.value),
        ]
        with auth._CACHE_LOCK:
            texts.extend(repr(t) for t in auth._CACHE.values())
    for text in texts:
        assert localhub.client_secret not in text
        assert token not in text
    assert "GET /api/v1/byoc/collections" in caplog.text  # the log does say what happened


def test_user_agent_and_pooled_session(client, localhub):
    client.byoc.list_collections()
    assert client.http.session.headers["User-Agent"].startswith("byoc_qgis/")
    adapter = client.http.session.get_adapter(localhub.base_url)
    assert adapter._pool_maxsize >= 8


def test_netrc_never_replaces_the_bearer_header(localhub, tmp_path, monkeypatch):
    token = localhub.token()
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login someone password not-the-token\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    plain = requests.Session()
    plain.headers["Authorization"] = f"Bearer {token}"
    assert plain.get(f"{localhub.byoc_url}/collections", timeout=10).status_code == 401  # what requests does
    with make_client(localhub) as c:
        c.byoc.list_collections()


def test_ingestion_wait_times_out_and_cancels(localhub_factory):
    hub = localhub_factory(state_delay=5.0)  # tiles stay WAITING/QUEUED for seconds
    with make_client(hub) as c:
        col = new_collection(c)
        tile = c.byoc.create_tile(col.id, Tile("slow/(BAND).tif"))
        start = time.monotonic()
        with pytest.raises(TimeoutExpired) as exc:
            wait_for_tiles(c.byoc, col.id, [tile], timeout=0.6, initial_delay=0.1)
        assert 0.6 <= time.monotonic() - start < 3
        assert exc.value.result.pending[0].id == tile.id
        seen = []
        with pytest.raises(CancelledError):
            wait_for_tiles(
                c.byoc, col.id, [tile.id], initial_delay=0.1, on_poll=seen.append, cancel=lambda: len(seen) >= 2
            )
        assert len(seen) == 2


def test_waiting_for_many_tiles(client, collection_250):
    tiles = client.byoc.all_tiles(collection_250)
    fractions = []
    result = wait_for_tiles(
        client.byoc,
        collection_250,
        [t.id for t in tiles],
        timeout=120,
        initial_delay=0.2,
        progress=lambda f, m: fractions.append(f),
    )
    assert len(result.tiles) == 250 and not result.pending and not result.missing
    assert {t.status for t in result.tiles.values()} <= {TileStatus.FAILED, TileStatus.INGESTED}
    assert fractions[-1] == 1.0


def test_proxy_credentials_never_in_errors(localhub, caplog, loopback_port):
    from byoc_qgis.core.http import Transport

    caplog.set_level(logging.DEBUG)
    proxy = f"http://proxyuser:proxy-pass-123@127.0.0.1:{loopback_port}"  # nothing listens there
    transport = Transport(proxies={"http": proxy, "https": proxy}, trust_env=False)
    with make_client(localhub, transport=transport) as c:
        with pytest.raises(NetworkError) as exc:
            c.byoc.list_collections()
    text = str(exc.value) + repr(exc.value) + repr(c.http.transport) + caplog.text + (exc.value.detail or "")
    assert "proxy-pass-123" not in text
    assert exc.value.message == (
        f"Cannot reach {localhub.base_url} (the proxy refused or dropped the connection): "
        "check the proxy in QGIS Settings → Options → Network"
    )
    assert exc.value.detail.startswith("ProxyError: ")
