"""Routine failures of the core client read as sentences and stay contained: network failures name the service
and the cause (real sockets on loopback), a failed part of a split Process request stops its siblings at once,
an unexpected error in one tile of the creation pipeline is that tile's outcome, and the Processing algorithms
close the HTTP sessions they open."""

from __future__ import annotations

import os
import socket
import threading
import uuid
from pathlib import Path

import pytest
import requests

from byoc_qgis.core.auth import ClientCredentials
from byoc_qgis.core.client import SentinelHubClient
from byoc_qgis.core.deployments import custom_deployment
from byoc_qgis.core.errors import (
    AuthError,
    BadRequestError,
    NetworkError,
    RateLimitedError,
    ServerError,
    cannot_reach,
    describe,
    is_transient,
)
from byoc_qgis.core.http import HttpClient, RetryPolicy

from .services import free_port

ONE_TRY = RetryPolicy(max_attempts=1)


def _http(url: str, timeout=(2.0, 2.0)) -> HttpClient:
    return HttpClient(custom_deployment(url, url + "/oauth/token"), policy=ONE_TRY, timeout=timeout)


def _failure(url: str, timeout=(2.0, 2.0)) -> NetworkError:
    with _http(url, timeout) as http, pytest.raises(NetworkError) as exc:
        http.request("GET", "/api/v1/byoc/collections", authenticated=False)
    return exc.value


class _Listener:
    """A TCP server on loopback that accepts and then either stays silent or hangs up."""

    def __init__(self, hang_up: bool) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.hang_up = hang_up
        self.conns: list = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            if self.hang_up:
                conn.recv(1024)
                conn.close()
            else:
                self.conns.append(conn)

    def close(self) -> None:
        for conn in self.conns:
            conn.close()
        self.sock.close()


def test_network_failures_read_as_sentences_with_the_cause():
    port = free_port()  # nothing listens there
    refused = _failure(f"http://127.0.0.1:{port}")
    assert refused.message == f"Cannot reach http://127.0.0.1:{port} (connection refused)"
    assert refused.url == f"http://127.0.0.1:{port}" and refused.reason == "connection refused"
    assert "Max retries exceeded" in refused.detail and "Max retries" not in str(refused)
    assert describe(refused) == refused.message and is_transient(refused)

    unknown = _failure("http://no-such-host.invalid:8000")
    assert unknown.message == "Cannot reach http://no-such-host.invalid:8000 (host name not found)"

    silent = _Listener(hang_up=False)
    try:
        timed_out = _failure(f"http://127.0.0.1:{silent.port}", timeout=(2.0, 0.3))
    finally:
        silent.close()
    assert timed_out.message == f"Cannot reach http://127.0.0.1:{silent.port} (the service did not answer within 0.3 s)"

    dropping = _Listener(hang_up=True)
    try:
        dropped = _failure(f"http://127.0.0.1:{dropping.port}")
    finally:
        dropping.close()
    assert dropped.message in (
        f"Cannot reach http://127.0.0.1:{dropping.port} (connection reset)",
        f"Cannot reach http://127.0.0.1:{dropping.port} (the connection was dropped)",
    )
    sentence = cannot_reach("https://x", "certificate problem", "fix it")
    assert sentence == "Cannot reach https://x (certificate problem): fix it"


def test_describe_words_service_errors_for_people():
    server = ServerError("Service Unavailable", status=503, method="GET", path="/api/v1/byoc/collections")
    assert describe(server) == "The service failed (HTTP 503: Service Unavailable); try again later"
    assert is_transient(server) and is_transient(RateLimitedError("slow down", status=429))
    refused = AuthError("invalid_client", status=401)
    assert describe(refused) == "HTTP 401: invalid_client — check the client id and secret of the connection"
    assert not is_transient(refused) and not is_transient(BadRequestError("bad", status=400))


def test_a_failed_part_of_a_split_request_cancels_its_siblings_at_once(localhub_factory, tmp_path):
    from byoc_qgis.core import evalscripts
    from byoc_qgis.core.ingestion import wait_for_collection
    from byoc_qgis.core.models import Collection, Tile
    from byoc_qgis.core.process import DataSource, ProcessRequest

    from .fixtures_rasters import make_utm_cog

    hub = localhub_factory(fault_injection={"rules": []})
    # the default policy: 5 attempts with backoff — what made siblings run on for seconds to minutes
    client = SentinelHubClient(
        custom_deployment(hub.base_url, hub.token_url),
        ClientCredentials(hub.client_id, hub.client_secret),
        max_workers=2,
    )
    try:
        bucket = f"split-{uuid.uuid4().hex[:8]}"
        hub.s3.client().create_bucket(Bucket=bucket)
        hub.s3.client().upload_file(make_utm_cog(tmp_path / "B1.tif", size=(300, 300), kind="full"), bucket, "s/B1.tif")
        col = client.byoc.create_collection(Collection(name=bucket, s3_bucket=bucket))
        client.byoc.create_tile(col.id, Tile("s/(BAND).tif", sensing_time="2020-05-01T10:00:00Z"))
        assert wait_for_collection(client.byoc, col.id, timeout=60, initial_delay=0.2).ok
        col = client.byoc.get_collection(col.id)
        tile = next(iter(client.byoc.iter_tiles(col.id)))
        minx, miny, maxx, maxy = tile.tile_geometry.bounds()
        request = ProcessRequest(
            evalscript=evalscripts.single_band(col, "B1"),
            data=[DataSource(col.id, "2020-01-01T00:00:00Z", "2020-12-31T23:59:59Z")],
            bbox=(minx, miny, maxx, maxy),
            crs=tile.tile_geometry.epsg,
            width=120,
            height=90,
        )
        # the first part is refused (400: never retried); every later attempt gets a 503 (retried with backoff)
        rules = [
            {
                "method": "POST",
                "path": "/api/v1/process",
                "sequence": [{"status": 400, "message": "broken part"}] + [{"status": 503}] * 20,
            }
        ]
        assert requests.put(f"{hub.base_url}/localhub/faults", json={"rules": rules}, timeout=5).status_code < 300
        target = tmp_path / "split.tif"
        with pytest.raises(BadRequestError, match="broken part"):
            client.process.to_geotiff(request, str(target), max_px=60)  # 2 × 2 parts, 2 at a time
        fired = requests.get(f"{hub.base_url}/localhub/faults", timeout=5).json()["fired"]
        # the sibling stopped after its first 503 instead of trying 5 times; no part was queued after the failure
        assert [f["fault"] for f in fired][:1] == [{"status": 400, "message": "broken part"}]
        assert len(fired) <= 3, fired
        assert not target.exists() and not Path(f"{target}.part").exists()
    finally:
        client.close()


def test_an_unexpected_error_in_one_tile_is_that_tiles_outcome(localhub, tmp_path):
    from byoc_qgis.core.models import Collection
    from byoc_qgis.core.s3 import S3Config
    from byoc_qgis.core.tile_pipeline import FAILED, REGISTERED, PipelineOptions, TileJob, run_pipeline

    from .fixtures_rasters import make_striped, make_tile

    bucket = f"pipe-{uuid.uuid4().hex[:8]}"
    localhub.s3.client().create_bucket(Bucket=bucket)
    s3 = S3Config(
        bucket,
        access_key=localhub.s3.access_key,
        secret_key=localhub.s3.secret_key,
        region=localhub.s3.region,
        endpoint=localhub.s3.endpoint,
        https=False,
        virtual_hosting=False,
    )
    good = make_tile(tmp_path / "good", stems=("B02",))
    striped = {"B02": make_striped(tmp_path / "odd" / "B02.tif")}  # COGified first: the pipeline logs that
    jobs = [TileJob("good", good, "good/(BAND).tif"), TileJob("odd", striped, "odd/(BAND).tif")]

    def log(message: str, _warning: bool) -> None:
        if message.startswith("odd:"):
            raise KeyError("a log sink that breaks")  # nothing the pipeline expects

    with SentinelHubClient(
        custom_deployment(localhub.base_url, localhub.token_url),
        ClientCredentials(localhub.client_id, localhub.client_secret),
    ) as client:
        col = client.byoc.create_collection(Collection(name=bucket, s3_bucket=bucket))
        outcomes = run_pipeline(
            client.byoc, col.id, s3, jobs, PipelineOptions(threads=2, workdir=str(tmp_path / "work")), log=log
        )
        assert [(o.job.name, o.status) for o in outcomes] == [("good", REGISTERED), ("odd", FAILED)]
        assert outcomes[1].message == "unexpected error: KeyError: 'a log sink that breaks'"
        assert [t.path for t in client.byoc.iter_tiles(col.id)] == ["good/(BAND).tif"]


def _established_to(port: int) -> int:
    """How many TCP connections this process holds open to 127.0.0.1:``port`` (from /proc, no library)."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    count = 0
    for table in ("/proc/self/net/tcp", "/proc/self/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            remote, state, inode = fields[2], fields[3], fields[9]
            if state == "01" and int(remote.rsplit(":", 1)[1], 16) == port and inode in inodes:
                count += 1
    return count


def test_algorithms_close_the_http_sessions_they_open(qgis_processing, localhub, gui_provider):
    from urllib.parse import urlsplit

    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    from .test_processing_support import connection_params, store_basic_authcfg

    authcfg = store_basic_authcfg(localhub.client_id, localhub.client_secret, name="sessions")
    port = urlsplit(localhub.base_url).port
    before = _established_to(port)
    alg = QgsApplication.processingRegistry().createAlgorithmById("byoc:listcollections")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    params = {**connection_params(localhub, authcfg), "OUTPUT": "memory:"}
    feedback = QgsProcessingFeedback()
    assert alg.prepare(params, context, feedback)  # as QGIS's task does, on this very instance
    results = alg.runPrepared(params, context, feedback)
    assert "OUTPUT" in results and isinstance(results["COUNT"], int)
    # the algorithm object is still alive (as in a model or the history): its sessions must be closed anyway
    assert _established_to(port) == before
    assert alg.connection is not None and alg.connection.opened == []
    assert gui_provider.id() == "byoc"  # (the fixture keeps the provider referenced and removes it afterwards)


def test_ca_bundle_is_a_private_file_removed_at_unload(qgis_app):
    import stat

    from qgis.core import QgsApplication

    from byoc_qgis.core.qgis_adapters import transport_from_qgis
    from byoc_qgis.plugin import ByocPlugin

    pem = bytes(QgsApplication.authManager().trustedCaCertsPemText())
    assert pem.strip(), "the test needs QGIS's trusted CAs"
    first = transport_from_qgis().verify
    assert isinstance(first, str) and Path(first).read_bytes() == pem
    assert Path(first).name != f"byoc_qgis_ca_{os.getpid()}.pem"  # not the old predictable name
    assert stat.S_IMODE(os.stat(first).st_mode) == 0o600
    mtime, inode = os.stat(first).st_mtime_ns, os.stat(first).st_ino
    again = transport_from_qgis().verify
    assert again == first and (os.stat(first).st_mtime_ns, os.stat(first).st_ino) == (mtime, inode)  # not rewritten
    ByocPlugin(None).unload()  # headless plugin object: its unload removes the bundles
    assert not Path(first).exists()
    fresh = transport_from_qgis().verify
    assert fresh != first and Path(fresh).read_bytes() == pem
