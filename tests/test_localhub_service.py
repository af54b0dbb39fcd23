"""localhub as a process: restart persistence, resumed ingestion, state timing, token expiry, rate limits,
fault injection, clean shutdown, command-line errors, and no secrets in its output."""

from __future__ import annotations

import subprocess
import time

import pytest
import requests

from . import fixtures_rasters as fr
from .fixtures_localhub import CLIENT_SECRET, OTHER_CLIENT_SECRET
from .services import python_module


def _collection(session, hub, bucket="no-such-bucket-svc"):
    r = session.post(f"{hub.byoc_url}/collections", json={"name": "svc", "s3Bucket": bucket}, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()["data"]


def _upload_tile(hub, bucket, tmp_path, prefix="t"):
    client = hub.s3.client()
    for stem, path in fr.make_tile(tmp_path / prefix, stems=("B01",)).items():
        client.upload_file(path, bucket, f"{prefix}/{stem}.tif")
    return f"{prefix}/(BAND).tif"


def test_restart_keeps_everything_and_old_tokens(localhub_factory, tmp_path):
    hub = localhub_factory()
    s = hub.session()
    coll = _collection(s, hub)
    tiles = [
        s.post(f"{hub.byoc_url}/collections/{coll['id']}/tiles", json={"path": f"x/{i}"}, timeout=10) for i in range(3)
    ]
    assert all(t.status_code == 201 for t in tiles)
    before = s.get(f"{hub.byoc_url}/collections/{coll['id']}/tiles", timeout=10).json()["data"]
    assert hub.stop() == 0
    assert "localhub: stopped" in hub.log_text()

    again = localhub_factory(data_dir=hub.data_dir)
    s.headers["Authorization"] = s.headers["Authorization"]  # the token issued before the restart
    url = again.byoc_url
    assert s.get(f"{url}/collections/{coll['id']}", timeout=10).json()["data"]["name"] == "svc"
    after = s.get(f"{url}/collections/{coll['id']}/tiles", timeout=10).json()["data"]
    assert [(t["id"], t["path"], t["created"]) for t in after] == [(t["id"], t["path"], t["created"]) for t in before]


def test_tiles_mid_ingestion_resume_after_a_crash(localhub_factory, s3_bucket, tmp_path):
    hub = localhub_factory(ingestion_workers=0)  # tiles reach QUEUED and stay there
    s = hub.session()
    path = _upload_tile(hub, s3_bucket, tmp_path)
    coll = _collection(s, hub, s3_bucket)
    tile = s.post(f"{hub.byoc_url}/collections/{coll['id']}/tiles", json={"path": path}, timeout=10).json()["data"]
    url = f"{hub.byoc_url}/collections/{coll['id']}/tiles/{tile['id']}"
    deadline = time.monotonic() + 10
    while s.get(url, timeout=10).json()["data"]["status"] != "QUEUED" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert s.get(url, timeout=10).json()["data"]["status"] == "QUEUED"
    hub.process.proc.kill()  # no clean shutdown
    hub.process.proc.wait()

    again = localhub_factory(data_dir=hub.data_dir)
    final = again.wait_for_tile(s, coll["id"], tile["id"])
    assert final["status"] == "INGESTED", final
    assert "resuming ingestion of 1 tile(s)" in again.log_text()


def test_every_state_is_observable(localhub_factory, s3_bucket, tmp_path):
    hub = localhub_factory(state_delay=0.4)
    s = hub.session()
    path = _upload_tile(hub, s3_bucket, tmp_path)
    coll = _collection(s, hub, s3_bucket)
    tile = s.post(f"{hub.byoc_url}/collections/{coll['id']}/tiles", json={"path": path}, timeout=10).json()["data"]
    seen = [tile["status"]]
    deadline = time.monotonic() + 20
    while seen[-1] not in ("INGESTED", "FAILED") and time.monotonic() < deadline:
        status = s.get(f"{hub.byoc_url}/collections/{coll['id']}/tiles/{tile['id']}", timeout=10).json()["data"][
            "status"
        ]
        if status != seen[-1]:
            seen.append(status)
        time.sleep(0.02)
    assert seen == ["WAITING", "QUEUED", "INGESTING", "INGESTED"]
    coll = s.get(f"{hub.byoc_url}/collections/{coll['id']}", timeout=10).json()["data"]
    assert coll["requiresMetadataUpdate"] is True  # recomputed only after the metadata delay
    time.sleep(0.8)
    assert (
        s.get(f"{hub.byoc_url}/collections/{coll['id']}", timeout=10).json()["data"]["requiresMetadataUpdate"] is False
    )


def test_token_expiry(localhub_factory):
    hub = localhub_factory(token_expires_in=1)
    r = requests.post(
        hub.token_url,
        data={"grant_type": "client_credentials", "client_id": hub.client_id, "client_secret": hub.client_secret},
        timeout=10,
    )
    assert r.json()["expires_in"] == 1
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    assert s.get(f"{hub.byoc_url}/collections", timeout=10).status_code == 200
    time.sleep(2.1)
    expired = s.get(f"{hub.byoc_url}/collections", timeout=10)
    assert expired.status_code == 401
    assert expired.json()["error"]["code"] == "COMMON_UNAUTHORIZED"
    assert "expired" in expired.json()["error"]["message"]


def test_rate_limit_per_account_with_retry_after_ms(localhub_factory):
    hub = localhub_factory(rate_limit="3/2")
    s = hub.session()
    codes = [s.get(f"{hub.byoc_url}/collections", timeout=10).status_code for _ in range(3)]
    assert codes == [200, 200, 200]
    limited = s.get(f"{hub.byoc_url}/collections", timeout=10)
    assert limited.status_code == 429
    retry_ms = int(limited.headers["Retry-After"])
    assert 1 <= retry_ms <= 2000
    assert limited.json() == {
        "error": {
            "status": 429,
            "reason": "Too Many Requests",
            "message": "You have exceeded your rate limit",
            "code": "RATE_LIMIT_EXCEEDED",
        }
    }
    assert hub.other_session().get(f"{hub.byoc_url}/collections", timeout=10).status_code == 200  # per account
    time.sleep(retry_ms / 1000 + 0.05)
    assert s.get(f"{hub.byoc_url}/collections", timeout=10).status_code == 200


def test_sentinelhub_py_waits_out_429(localhub_factory):
    from sentinelhub import SentinelHubBYOC
    from sentinelhub.exceptions import SHRateLimitWarning

    hub = localhub_factory(rate_limit="2/1")
    byoc = SentinelHubBYOC(config=hub.sh_config())
    start = time.monotonic()
    with pytest.warns(SHRateLimitWarning):
        for i in range(4):
            byoc.create_collection({"name": f"rl-{i}", "s3Bucket": "b-rl"})
    assert time.monotonic() - start >= 0.4  # it slept on Retry-After instead of failing
    assert len(list(byoc.iter_collections())) == 4


def test_fault_injection_sequences_and_dropped_connections(localhub_factory):
    faults = {
        "seed": 7,
        "rules": [
            {
                "method": "GET",
                "path": "/api/v1/byoc/collections",
                "sequence": [{"status": 503}, {"status": 429, "retryAfterMs": 120}, "pass", {"delay": 0.3}],
            },
            {"method": "POST", "path": "/api/v1/byoc/collections", "sequence": [{"drop": "before"}]},
            {"method": "POST", "path": "/api/v1/byoc/collections/*/tiles", "sequence": [{"drop": "after"}]},
        ],
    }
    hub = localhub_factory(fault_injection=faults)
    s = hub.session()
    url = f"{hub.byoc_url}/collections"
    first = s.get(url, timeout=10)
    assert first.status_code == 503 and first.json()["error"]["status"] == 503
    second = s.get(url, timeout=10)
    assert second.status_code == 429 and second.headers["Retry-After"] == "120"
    assert second.json()["error"]["code"] == "RATE_LIMIT_EXCEEDED"
    assert s.get(url, timeout=10).status_code == 200
    start = time.monotonic()
    assert s.get(url, timeout=10).status_code == 200
    assert time.monotonic() - start >= 0.3

    with pytest.raises(requests.ConnectionError):
        s.post(url, json={"name": "dropped", "s3Bucket": "b"}, timeout=10)
    assert s.get(url, timeout=10).json()["data"] == []  # dropped before processing: nothing created
    coll = _collection(s, hub)

    tiles = f"{url}/{coll['id']}/tiles"
    with pytest.raises(requests.ConnectionError):
        s.post(tiles, json={"path": "once"}, timeout=10)
    listed = s.get(tiles, timeout=10).json()["data"]
    assert [t["path"] for t in listed] == ["once"]  # processed and committed although the answer was lost
    retry = s.post(tiles, json={"path": "once"}, timeout=10)
    assert retry.status_code == 409  # a blind retry cannot create a duplicate

    state = requests.get(f"{hub.base_url}/localhub/faults", timeout=10).json()
    assert [f["fault"] for f in state["fired"]][:2] == [{"status": 503}, {"status": 429, "retryAfterMs": 120}]
    new = {"rules": [{"path": "/api/v1/byoc/*", "probability": 1.0, "fault": {"status": 502}, "times": 2}]}
    assert requests.put(f"{hub.base_url}/localhub/faults", json=new, timeout=10).status_code == 204
    assert [s.get(url, timeout=10).status_code for _ in range(3)] == [502, 502, 200]
    bad = requests.put(f"{hub.base_url}/localhub/faults", json={"rules": [{"path": "x"}]}, timeout=10)
    assert bad.status_code == 400 and "rule 0" in bad.json()["error"]["message"]


def test_fault_routes_are_absent_unless_enabled(localhub):
    assert requests.get(f"{localhub.base_url}/localhub/faults", timeout=10).status_code == 404
    spec = requests.get(f"{localhub.base_url}/openapi.json", timeout=10).json()
    assert "/api/v1/byoc/collections/{collection_id}/tiles" in spec["paths"]
    assert not [p for p in spec["paths"] if p.startswith("/localhub")]


def test_command_line_errors_name_the_flag():
    for args, flag in ((["--rate-limit", "many"], "--rate-limit"), (["--account", "no-secret"], "--account")):
        out = subprocess.run(python_module("localhub", *args), capture_output=True, text=True, timeout=60)
        assert out.returncode == 2
        assert flag in out.stderr


def test_no_secrets_in_output_or_reprs(localhub):
    s = localhub.session()
    token = s.headers["Authorization"].split()[1]
    s.get(f"{localhub.byoc_url}/collections", timeout=10)
    text = localhub.log_text()
    for secret in (CLIENT_SECRET, OTHER_CLIENT_SECRET, localhub.s3.secret_key, token):
        assert secret not in text
    from localhub.settings import AccountSpec, Settings

    settings = Settings(accounts=[AccountSpec("id", "s3cr3t-value")], s3_secret_key="k3y-value")
    assert "s3cr3t-value" not in repr(settings) and "k3y-value" not in repr(settings)


# -- safe to leave running (issue 11 §6) -------------------------------------------------------------------------


def test_bodies_over_the_limit_get_413_in_the_error_envelope(localhub_factory):
    from localhub.errors import reason_phrase

    hub = localhub_factory(extra_args=["--max-body-size", "64K"])
    s = hub.session()
    url = f"{hub.byoc_url}/collections"
    padded = '{"name": "padded", "s3Bucket": "b-padded"' + " " * (60 << 10) + "}"  # 60 KiB: under the limit
    ok = s.post(url, data=padded, headers={"Content-Type": "application/json"}, timeout=10)
    assert ok.status_code == 201, ok.text
    big = '{"name": "big", "s3Bucket": "b-big"' + " " * (70 << 10) + "}"
    declared = s.post(url, data=big, headers={"Content-Type": "application/json"}, timeout=10)
    chunked = s.post(url, data=iter([big[:40000].encode(), big[40000:].encode()]), timeout=10)
    process = s.post(hub.base_url + "/api/v1/process", data=big, timeout=10)
    token = requests.post(hub.token_url, data={"grant_type": "client_credentials", "pad": "x" * (70 << 10)}, timeout=10)
    for r in (declared, chunked, process, token):
        assert r.status_code == 413, (r.request.url, r.status_code, r.text[:200])
        assert r.json() == {
            "error": {
                "status": 413,
                "reason": reason_phrase(413),
                "message": "The request body is larger than the 64 KiB localhub accepts; send a smaller body (or "
                "start localhub with a larger --max-body-size).",
                "code": "COMMON_BAD_PAYLOAD",
            }
        }
    assert "Transfer-Encoding" not in declared.request.headers
    assert chunked.request.headers["Transfer-Encoding"] == "chunked"
    names = [c["name"] for c in s.get(url, timeout=10).json()["data"]]
    assert names == ["padded"]  # nothing over the limit was processed
    assert hub.process.proc.poll() is None


def test_a_write_waiting_for_the_sqlite_lock_does_not_stall_other_requests(localhub_factory):
    import sqlite3
    import threading

    hub = localhub_factory()
    writer, reader = hub.session(), hub.other_session()
    url = f"{hub.byoc_url}/collections"
    blocker = sqlite3.connect(str(hub.data_dir / "localhub.sqlite3"), timeout=5, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # hold the write lock as a long write would
    created = {}
    waiting = threading.Thread(
        target=lambda: created.setdefault("r", writer.post(url, json={"name": "w", "s3Bucket": "b-w"}, timeout=60))
    )
    try:
        waiting.start()
        time.sleep(0.5)  # the create is now waiting for the lock
        assert waiting.is_alive()
        for _ in range(3):
            start = time.monotonic()
            r = reader.get(url, timeout=10)
            assert r.status_code == 200 and r.json()["data"] == []
            assert time.monotonic() - start < 2.0
        assert hub.token()  # the token endpoint (a read plus PBKDF2) is not stalled either
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    waiting.join(30)
    assert created["r"].status_code == 201, created["r"].text


def test_rate_limiter_memory_is_bounded():
    from localhub.ratelimit import RateLimiter

    limiter = RateLimiter(2, 0.2, max_keys=100)
    for i in range(5000):  # e.g. invented client ids at the token endpoint
        assert limiter.acquire(f"token:client-{i}") is None
    assert len(limiter) == 100
    assert [limiter.acquire("hot") is None for _ in range(3)] == [True, True, False]  # limits still hold
    assert 1 <= limiter.acquire("hot") <= 200
    time.sleep(0.25)
    assert limiter.acquire("new") is None
    assert len(limiter) == 1  # every key idle for a whole window was forgotten (its bucket was full again)


def test_non_loopback_listen_address_is_refused_unless_allowed(tmp_path):
    from localhub.__main__ import is_loopback, remote_refusal
    from localhub.settings import AccountSpec, Settings

    out = subprocess.run(
        python_module("localhub", "--host", "0.0.0.0", "--data-dir", str(tmp_path / "data")),  # noqa: S104 - the test
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2, out.stdout + out.stderr
    assert out.stderr.count("\n") == 1
    assert "refusing to listen on 0.0.0.0, which is not a loopback address" in out.stderr
    assert "its own S3 server" in out.stderr and "demo account" in out.stderr and "--allow-remote" in out.stderr
    assert not (tmp_path / "data" / "s3").exists()  # refused before anything started

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.10")  # noqa: S104
    account = [AccountSpec("id", "secret")]
    assert remote_refusal(Settings(host="127.0.0.1"), own_s3=True) is None
    assert "its own S3 server" in remote_refusal(Settings(host="192.0.2.10", accounts=account), own_s3=True)
    assert "demo account" in remote_refusal(Settings(host="192.0.2.10", s3_endpoint="s3:9000"), own_s3=False)
    assert remote_refusal(Settings(host="192.0.2.10", accounts=account, s3_endpoint="s3:9000"), own_s3=False) is None
    assert remote_refusal(Settings(host="0.0.0.0", allow_remote=True), own_s3=True) is None  # noqa: S104
