"""localhub's JS engine cannot take the service down (issue 11 §1, reliability R6), against real localhub processes.

Process requests render in worker processes (``localhub.process.pool``). Checked here: a freshly started localhub
(cold engine) answers ≥ 8 concurrent Process requests plus tile listings, with both workers busy and without ever
loading V8 itself; a worker killed, segfaulting or hanging in the middle of a request fails that request only
(500 ``RENDERER_EXCEPTION``) and is replaced; workers never outlive localhub (SIGTERM or SIGKILL); a re-ingested
tile is read afresh by the workers. Faults and the worker list come from the hidden ``--process-test-hooks``.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List

import numpy as np
import pytest
import requests
from osgeo import gdal

from .fixtures_rasters import mem_dataset, write_cog

pytestmark = pytest.mark.timeout(300)

EPSG = 32633
PX = 10.0
X0, Y0 = 500000.0, 5000000.0
SIZE = 512
HOOKS = ["--process-test-hooks", "--process-workers", "2"]


def script(busy_ms: int = 0, hook: str = "") -> str:
    """FLOAT32 B01 + 0.5; ``busy_ms`` of real JS work in setup(); an optional test hook line."""
    busy = f"const t = Date.now(); while (Date.now() - t < {busy_ms}) {{}}" if busy_ms else ""
    return (
        "//VERSION=3\n"
        + (f"//localhub-test:{hook}\n" if hook else "")
        + f"function setup() {{ {busy} return {{ input: ['B01'], output: {{ bands: 1, sampleType: 'FLOAT32' }} }}; }}\n"
        "function evaluatePixel(s) { return [s.B01 + 0.5]; }\n"
    )


def process_body(cid: str, evalscript: str, size: int = 256) -> dict:
    return {
        "input": {
            "bounds": {
                "bbox": [X0, Y0 - size * PX, X0 + size * PX, Y0],
                "properties": {"crs": f"http://www.opengis.net/def/crs/EPSG/0/{EPSG}"},
            },
            "data": [{"type": f"byoc-{cid}"}],
        },
        "output": {
            "width": size,
            "height": size,
            "responses": [{"identifier": "default", "format": {"type": "image/tiff"}}],
        },
        "evalscript": evalscript,
    }


def upload_band(
    hub, bucket: str, folder: Path, value: int, key: str = "tile/B01.tif", shift_px: int = 0, east: int = 0
) -> None:
    """Band B01 = ``value`` everywhere (or ``east`` from column 128 on), its west edge ``shift_px`` east of X0."""
    array = np.full((SIZE, SIZE), value, np.uint16)
    if east:
        array[:, 128:] = east
    ds = mem_dataset([array], EPSG, (X0 + shift_px * PX, PX, 0.0, Y0, 0.0, -PX), nodata=0)
    path = write_cog(folder / f"B01-{value}-{uuid.uuid4().hex[:6]}.tif", ds, blocksize=256)
    hub.s3.client().upload_file(path, bucket, key)


def seed(hub, bucket: str, folder: Path, value: int = 1234) -> Dict[str, str]:
    """One collection with one ingested tile whose band B01 is ``value`` everywhere."""
    upload_band(hub, bucket, folder, value)
    s = hub.session()
    bands = {"B01": {"source": "B01", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT", "noData": 0}}
    r = s.post(
        f"{hub.byoc_url}/collections",
        json={"name": "engine", "s3Bucket": bucket, "additionalData": {"bands": bands}},
        timeout=10,
    )
    assert r.status_code == 201, r.text
    cid = r.json()["data"]["id"]
    r = s.post(f"{hub.byoc_url}/collections/{cid}/tiles", json={"path": "tile/(BAND).tif"}, timeout=10)
    assert r.status_code == 201, r.text
    tile = hub.wait_for_tile(s, cid, r.json()["data"]["id"])
    assert tile["status"] == "INGESTED", tile
    return {"collection": cid, "tile": tile["id"]}


def tiff_values(content: bytes) -> np.ndarray:
    name = f"/vsimem/engine-{uuid.uuid4().hex}.tif"
    gdal.FileFromMemBuffer(name, content)
    try:
        return gdal.Open(name).ReadAsArray()
    finally:
        gdal.Unlink(name)


def post_process(hub, token: str, body: dict, timeout: float = 120) -> requests.Response:
    return requests.post(
        hub.base_url + "/api/v1/process", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=timeout
    )


def workers(hub) -> List[dict]:
    r = requests.get(hub.base_url + "/localhub/process/workers", timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["workers"]


def wait_workers(hub, predicate, timeout: float = 60.0) -> List[dict]:
    deadline = time.monotonic() + timeout
    while True:
        found = workers(hub)
        if predicate(found):
            return found
        assert time.monotonic() < deadline, f"workers never matched: {found}"
        time.sleep(0.05)


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting to be reaped counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def maps_v8(pid: int) -> bool:
    return "libmini_racer" in Path(f"/proc/{pid}/maps").read_text()


def error_of(response: requests.Response, status: int) -> dict:
    assert response.status_code == status, (response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["status"] == status
    return error


# ------------------------------------------------------------------------------------------------------------


def test_cold_localhub_answers_concurrent_process_requests_and_listings(localhub_factory, s3_bucket, tmp_path):
    """R6: 8 Process requests + 8 tile listings at once against a just-started localhub: all 200, both workers
    render, localhub never loads V8 and stays up."""
    first = localhub_factory()
    ids = seed(first, s3_bucket, tmp_path)
    assert first.stop() == 0
    hub = localhub_factory(data_dir=first.data_dir, extra_args=HOOKS)  # cold: workers may still be starting
    token = hub.token()
    headers = {"Authorization": f"Bearer {token}"}
    listing = f"{hub.byoc_url}/collections/{ids['collection']}/tiles"

    def render(i: int) -> requests.Response:
        return post_process(hub, token, process_body(ids["collection"], script(busy_ms=300) + f"// request {i}\n"))

    def list_tiles(_i: int) -> requests.Response:
        return requests.get(listing, headers=headers, timeout=60)

    with ThreadPoolExecutor(16) as executor:
        renders = [executor.submit(render, i) for i in range(8)]
        listings = [executor.submit(list_tiles, i) for i in range(8)]
        rendered = [f.result() for f in renders]
        listed = [f.result() for f in listings]

    assert [r.status_code for r in rendered] == [200] * 8, [r.text[:300] for r in rendered if r.status_code != 200]
    for r in rendered:
        values = tiff_values(r.content)
        assert values.shape == (256, 256) and values.dtype == np.float32
        assert np.all(values == 1234.5)
    assert [r.status_code for r in listed] == [200] * 8
    assert all([t["id"] for t in r.json()["data"]] == [ids["tile"]] for r in listed)
    assert hub.process.proc.poll() is None, hub.log_text()
    pool = workers(hub)
    assert len(pool) == 2 and sum(w["jobs"] for w in pool) == 8
    assert all(w["jobs"] > 0 for w in pool), f"one worker did all the work: {pool}"
    assert not maps_v8(hub.process.proc.pid), "the service process loaded V8"
    assert all(maps_v8(w["pid"]) for w in pool)
    service_oom = int(Path(f"/proc/{hub.process.proc.pid}/oom_score_adj").read_text())
    assert all(int(Path(f"/proc/{w['pid']}/oom_score_adj").read_text()) == 500 > service_oom for w in pool)
    assert post_process(hub, token, process_body(ids["collection"], script())).status_code == 200


def test_killed_worker_fails_only_its_request_and_is_replaced(localhub_factory, s3_bucket, tmp_path):
    hub = localhub_factory(extra_args=HOOKS)
    ids = seed(hub, s3_bucket, tmp_path)
    token = hub.token()
    wait_workers(hub, lambda ws: len(ws) == 2)
    results: Dict[str, requests.Response] = {}

    def send(name: str, busy_ms: int) -> None:
        results[name] = post_process(hub, token, process_body(ids["collection"], script(busy_ms=busy_ms)))

    slow = threading.Thread(target=send, args=("killed", 8000))
    slow.start()
    victim = wait_workers(hub, lambda ws: sum(w["busy"] for w in ws) == 1)
    victim_pid = next(w["pid"] for w in victim if w["busy"])
    other = threading.Thread(target=send, args=("other", 1500))
    other.start()
    wait_workers(hub, lambda ws: sum(w["busy"] for w in ws) == 2)
    os.kill(victim_pid, signal.SIGKILL)
    slow.join(60)
    other.join(60)

    error = error_of(results["killed"], 500)
    assert error["code"] == "RENDERER_EXCEPTION"
    assert "killed by SIGKILL" in error["message"] and "replaced" in error["message"]
    assert "render worker stopped during a request (killed by SIGKILL); starting a new one" in hub.log_text()
    assert results["other"].status_code == 200, results["other"].text
    assert np.all(tiff_values(results["other"].content) == 1234.5)
    replaced = wait_workers(hub, lambda ws: len(ws) == 2)
    assert victim_pid not in [w["pid"] for w in replaced]
    with ThreadPoolExecutor(2) as executor:
        after = list(
            executor.map(lambda _: post_process(hub, token, process_body(ids["collection"], script())), [0, 1])
        )
    assert [r.status_code for r in after] == [200, 200]
    assert hub.process.proc.poll() is None


def test_segfault_and_hang_in_a_worker_are_that_requests_error(localhub_factory, s3_bucket, tmp_path):
    hub = localhub_factory(extra_args=[*HOOKS, "--process-time-limit", "1", "--process-deadline-grace", "1"])
    ids = seed(hub, s3_bucket, tmp_path)
    token = hub.token()
    cid = ids["collection"]

    error = error_of(post_process(hub, token, process_body(cid, script(hook="segfault"))), 500)
    assert error["code"] == "RENDERER_EXCEPTION" and "killed by SIGSEGV" in error["message"]

    start = time.monotonic()
    error = error_of(post_process(hub, token, process_body(cid, script(hook="hang"))), 500)
    took = time.monotonic() - start
    assert error["code"] == "RENDERER_EXCEPTION"
    assert "did not finish within 2 s" in error["message"] and "time limit of 1 s" in error["message"]
    assert 2.0 <= took < 30, took

    # a runaway script is still stopped by the JS time limit (400, the worker survives)
    runaway = script().replace("return [s.B01 + 0.5];", "while (true) {}")
    error = error_of(post_process(hub, token, process_body(cid, runaway)), 400)
    assert error["code"] == "RENDERER_EXCEPTION" and "time limit of 1 s" in error["message"]

    r = post_process(hub, token, process_body(cid, script()))
    assert r.status_code == 200 and np.all(tiff_values(r.content) == 1234.5)
    assert hub.process.proc.poll() is None


def test_workers_stop_with_localhub_on_sigterm_and_on_sigkill(localhub_factory, s3_bucket, tmp_path):
    hub = localhub_factory(extra_args=HOOKS)
    pids = [w["pid"] for w in wait_workers(hub, lambda ws: len(ws) == 2)]
    assert all(alive(p) for p in pids)
    assert hub.stop() == 0
    assert "localhub: stopped" in hub.log_text()
    assert not [p for p in pids if alive(p)], "workers outlived a SIGTERM'd localhub"

    hub = localhub_factory(extra_args=HOOKS)
    ids = seed(hub, s3_bucket, tmp_path)
    token = hub.token()
    pids = [w["pid"] for w in wait_workers(hub, lambda ws: len(ws) == 2)]
    hung = threading.Thread(
        target=lambda: _ignore_errors(post_process, hub, token, process_body(ids["collection"], script(hook="hang")))
    )
    hung.start()
    wait_workers(hub, lambda ws: any(w["busy"] for w in ws))
    hub.process.proc.kill()
    hub.process.proc.wait()
    deadline = time.monotonic() + 15
    while [p for p in pids if alive(p)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in pids if alive(p)], "workers (one busy) outlived a SIGKILL'd localhub"
    hung.join(30)


def _ignore_errors(fn, *args) -> None:
    try:
        fn(*args)
    except requests.RequestException:
        pass


def test_reingested_tile_is_read_afresh_by_the_workers(localhub_factory, s3_bucket, tmp_path):
    """Workers cache COG bytes; after the file is overwritten and the tile re-ingested they read the new bytes."""
    hub = localhub_factory(extra_args=["--process-workers", "1"])
    ids = seed(hub, s3_bucket, tmp_path, value=1000)
    token = hub.token()
    body = process_body(ids["collection"], script())
    assert np.all(tiff_values(post_process(hub, token, body).content) == 1000.5)
    upload_band(hub, s3_bucket, tmp_path, 2000)
    s = hub.session()
    url = f"{hub.byoc_url}/collections/{ids['collection']}/tiles/{ids['tile']}"
    assert s.post(url + "/reingest", timeout=10).status_code == 204
    assert hub.wait_for_tile(s, ids["collection"], ids["tile"])["status"] == "INGESTED"
    assert np.all(tiff_values(post_process(hub, token, body).content) == 2000.5)


def test_reingested_tile_with_a_new_grid_is_placed_afresh(localhub_factory, s3_bucket, tmp_path):
    """Workers also keep what they learnt of a file (size, georeferencing, overviews); a file replaced by one on
    another grid and re-ingested is read with its new georeferencing, not the remembered one."""
    hub = localhub_factory(extra_args=["--process-workers", "1"])
    ids = seed(hub, s3_bucket, tmp_path, value=1000)
    token = hub.token()
    body = process_body(ids["collection"], script())
    assert np.all(tiff_values(post_process(hub, token, body).content) == 1000.5)
    # the file now starts 128 px further east, and its columns from 128 on hold 3000: read with the old
    # georeferencing, the request's columns 128-255 would show the file's columns 128-255 (3000) instead of 0-127
    upload_band(hub, s3_bucket, tmp_path, 2000, shift_px=128, east=3000)
    s = hub.session()
    url = f"{hub.byoc_url}/collections/{ids['collection']}/tiles/{ids['tile']}"
    assert s.post(url + "/reingest", timeout=10).status_code == 204
    assert hub.wait_for_tile(s, ids["collection"], ids["tile"])["status"] == "INGESTED"
    values = tiff_values(post_process(hub, token, body).content)
    assert np.all(values[..., 128:] == 2000.5)
    assert not np.any(values[..., :128] == 2000.5)  # west of the new file: no data


def test_render_pool_api_for_batch_jobs(tmp_path):
    """The pool used directly (as the batch executor does): a job writing its output to a file, a lost worker's
    job failing with ``WorkerLost`` while the next job runs, and ``close()`` failing what is still queued."""
    from localhub.process.pool import RenderJob, RenderPool, WorkerLost
    from localhub.process.request import parse_process_request
    from localhub.process.worker import S3Config

    body = {
        "input": {"bounds": {"bbox": [14.0, 46.0, 14.01, 46.01]}, "data": [{"type": "byoc-empty"}]},
        "output": {
            "width": 32,
            "height": 16,
            "responses": [{"identifier": "default", "format": {"type": "image/tiff"}}],
        },
    }
    mask_plus_one = (
        "//VERSION=3\nfunction setup() { return { input: ['dataMask'], output: { bands: 1, sampleType: 'UINT8' } }; }\n"
        "function evaluatePixel(s) { return [s.dataMask + 7]; }\n"
    )

    def job(hook: str = "", **kw) -> RenderJob:
        source = mask_plus_one + (f"//localhub-test:{hook}\n" if hook else "")
        request = parse_process_request(dict(body, evalscript=source), None)
        return RenderJob(request, {"id": "empty", "s3Bucket": "none", "additionalData": {}}, [], **kw)

    pool = RenderPool(S3Config("127.0.0.1:9", "key", "secret"), size=1, test_hooks=True)
    pool.start()
    try:
        assert pool.wait_ready(60)
        out = tmp_path / "cell.tif"
        written = pool.submit(job(output_path=str(out))).result(60)
        assert written.body == b"" and written.size == out.stat().st_size > 0
        assert written.content_type == "image/tiff" and written.processing_units > 0
        assert gdal.Open(str(out)).ReadAsArray().tolist() == [[7] * 32] * 16  # no tiles: dataMask 0
        first_pid = written.worker_pid

        lost, after = pool.submit(job("exit")), pool.submit(job())
        with pytest.raises(WorkerLost) as info:
            lost.result(60)
        assert (info.value.status, info.value.code, info.value.reason) == (500, "RENDERER_EXCEPTION", "crashed")
        assert "exit code 3" in info.value.message
        result = after.result(60)
        assert result.worker_pid != first_pid and tiff_values(bytes(result.body)).tolist() == [[7] * 32] * 16

        busy, queued = pool.submit(job("sleep=30")), pool.submit(job())
        wait_until = time.monotonic() + 30
        while not pool.workers()[0]["busy"] and time.monotonic() < wait_until:
            time.sleep(0.02)
        worker_pid = pool.workers()[0]["pid"]
    finally:
        start = time.monotonic()
        pool.close()
    assert time.monotonic() - start < 5
    for future in (busy, queued):
        with pytest.raises(WorkerLost) as info:
            future.result(5)
        assert info.value.reason == "stopping"
    assert pool.workers() == [] and not alive(worker_pid)
    with pytest.raises(WorkerLost):
        pool.submit(job()).result(5)
