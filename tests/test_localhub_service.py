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
