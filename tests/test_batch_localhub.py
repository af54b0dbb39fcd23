"""localhub's Batch Processing API v2 over HTTP: replies, state machine, delivery, skipExisting/overwrite,
createCollection, stop between cells and a restart in the middle of processing (real localhub, real S3)."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest
import requests

from byoc_qgis.core.batch import BatchTask
from byoc_qgis.core.batch_results import read_execution_db, read_feature_manifest
from byoc_qgis.core.s3 import S3Config

from .batch_world import (
    ALL_CELLS,
    CELLS_NO_DATA,
    CELLS_WITH_DATA,
    EPSG,
    IDENTITY,
    X0,
    Y0,
    expected_window,
    make_world,
    source_array,
    wait_status,
)

FINAL = ("DONE", "FAILED", "STOPPED")
CELL_PX = 334  # 20040 m / 60 m
CELL_PU = CELL_PX * CELL_PX / (512.0 * 512.0)  # one data band, one scene, integer output

# identity, but slow enough (~1.5 s per cell) to stop or kill localhub between cells
SLOW = IDENTITY.replace(
    "function evaluatePixel(s) {",
    "function evaluatePixel(s) { var k = 0; for (var i = 0; i < 8000; i++) { k += i; }",
)


@pytest.fixture(scope="module")
def world(localhub, tmp_path_factory):
    return make_world(localhub, tmp_path_factory.mktemp("batch-world"))


@pytest.fixture(scope="module")
def session(localhub):
    return localhub.session()


def s3_config(world) -> S3Config:
    s3 = world.hub.s3
    return S3Config(world.out_bucket, s3.access_key, s3.secret_key, region=s3.region, endpoint=s3.endpoint, https=False)


def create(world, session, body) -> dict:
    r = session.post(world.batch_url + "/process", json=body, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()


def task_url(world, task) -> str:
    return f"{world.batch_url}/process/{task['id']}"


def action(world, session, task, name) -> requests.Response:
    return session.post(f"{task_url(world, task)}/{name}", timeout=10)


def error_of(response) -> dict:
    return response.json()["error"]


def last_modified(world, key) -> float:
    return world.s3().head_object(Bucket=world.out_bucket, Key=key)["LastModified"].timestamp()


def execution_rows(world, key, tmp_path) -> dict:
    """name -> (status, error, delivered) of a delivered execution database (read with boto3 + sqlite3)."""
    import sqlite3

    try:
        data = world.s3().get_object(Bucket=world.out_bucket, Key=key)["Body"].read()
    except world.s3().exceptions.NoSuchKey:
        return {}
    path = tmp_path / f"exec-{time.monotonic_ns()}.sqlite"
    path.write_bytes(data)
    con = sqlite3.connect(str(path))
    try:
        return {r[0]: tuple(r[1:]) for r in con.execute("SELECT name, status, error, delivered FROM features")}
    finally:
        con.close()


# -- the whole flow -----------------------------------------------------------------------------------------------
def test_create_analyse_start_delivers_every_cell(world, session, localhub):
    task = create(world, session, world.body("flow"))
    assert task["status"] == "CREATED" and task["userAction"] == "NONE"
    assert task["completionPercentage"] == 0 and task["costPU"] == 0 and task["stoppedStatusReason"] is None
    assert task["request"]["output"]["delivery"]["s3"]["secretAccessKey"] == "***"
    assert task["request"]["output"]["delivery"]["s3"]["accessKey"] == localhub.s3.access_key
    assert task["request"]["input"] == {"type": "tiling-grid", "id": 0, "resolution": 60.0}
    assert "error" not in task and task["domainAccountId"]
    url = task_url(world, task)

    r = action(world, session, task, "analyse")
    assert r.status_code == 204 and r.content == b""
    analysed = wait_status(session, url, ("ANALYSIS_DONE", "FAILED"))
    assert analysed["status"] == "ANALYSIS_DONE" and analysed["userAction"] == "ANALYSE", analysed
    root = f"flow/{task['id']}"
    assert world.keys("flow") == [f"{root}/featureManifest-{task['id']}.gpkg", f"{root}/request-{task['id']}.json"]
    echoed = json.loads(
        world.s3().get_object(Bucket=world.out_bucket, Key=f"{root}/request-{task['id']}.json")["Body"].read()
    )
    assert echoed["output"]["delivery"]["s3"]["secretAccessKey"] == "***"
    r = action(world, session, task, "analyse")
    assert r.status_code == 400 and error_of(r)["code"] == "COMMON_BAD_PAYLOAD", r.text

    assert action(world, session, task, "start").status_code == 204
    done = wait_status(session, url, FINAL)
    assert done["status"] == "DONE", done
    assert done["completionPercentage"] == 100 and done["userAction"] == "START"
    assert done["costPU"] == pytest.approx(round(4 * CELL_PU / 3, 6), abs=1e-6)
    outputs = [f"{root}/{name}/default.tif" for name in CELLS_WITH_DATA]
    assert world.keys("flow") == sorted(
        outputs
        + [
            f"{root}/execution-{task['id']}.sqlite",
            f"{root}/featureManifest-{task['id']}.gpkg",
            f"{root}/request-{task['id']}.json",
        ]
    )

    # every delivered cell holds exactly the source pixels on the cell's own UTM grid
    config = s3_config(world)
    manifest = read_feature_manifest(config, BatchTask(done))
    by_name = {m.identifier: m for m in manifest}
    assert sorted(by_name) == ALL_CELLS and len(manifest) == 10
    assert sorted({m.epsg for m in manifest}) == [32632, 32633]
    for name in CELLS_WITH_DATA:
        row = by_name[name]
        assert row.output_id == "default" and (row.width, row.height) == (CELL_PX, CELL_PX)
        assert row.path == f"s3://{world.out_bucket}/{root}/{name}/default.tif"
        arr, gt, epsg, _ = world.read_tiff(f"{root}/{name}/default.tif")
        assert epsg == EPSG and gt[1] == 60.0 and gt[5] == -60.0
        assert arr.shape == (CELL_PX, CELL_PX)
        np.testing.assert_array_equal(arr, expected_window(gt[0], gt[3], CELL_PX, CELL_PX))
        assert arr.any()
    # the four cells together hold every source pixel once
    total = sum(int(world.read_tiff(f"{root}/{n}/default.tif")[0].astype(np.int64).sum()) for n in CELLS_WITH_DATA)
    assert total == int(source_array().astype(np.int64).sum())

    features = {f.name: f for f in read_execution_db(config, BatchTask(done))}
    assert sorted(features) == ALL_CELLS
    for name in CELLS_WITH_DATA:
        assert (features[name].status, features[name].error, features[name].delivered) == ("DONE", None, True)
    for name in CELLS_NO_DATA:
        assert (features[name].status, features[name].error, features[name].delivered) == ("DONE", "No data", False)
        assert features[name].no_data

    # DONE is final: start/stop refused, the description can still change
    for name in ("start", "stop", "analyse"):
        r = action(world, session, task, name)
        assert r.status_code == 400 and error_of(r)["code"] == "COMMON_BAD_PAYLOAD", (name, r.text)
        assert "DONE" in error_of(r)["message"]
    r = session.put(url, json={"description": "renamed"}, timeout=10)
    assert r.status_code == 200 and r.json()["request"]["description"] == "renamed", r.text
    assert session.get(url, timeout=10).json()["request"]["description"] == "renamed"


def test_start_from_created_analyses_then_processes_and_json_userdata(world, session):
    from .batch_world import TWO_OUTPUTS

    responses = [
        {"identifier": "value", "format": {"type": "image/tiff"}},
        {"identifier": "half", "format": {"type": "image/tiff"}},
        {"identifier": "userdata", "format": {"type": "application/json"}},
    ]
    body = world.body("two", TWO_OUTPUTS, responses, cogOutput=True, cogParameters={"blockxsize": 128})
    task = create(world, session, body)
    assert action(world, session, task, "start").status_code == 204
    done = wait_status(session, task_url(world, task), FINAL)
    assert done["status"] == "DONE", done
    root = f"two/{task['id']}"
    cell = CELLS_WITH_DATA[0]
    value, gt, _, info = world.read_tiff(f"{root}/{cell}/value.tif")
    assert info["layout"] == "COG" and info["overviews"] >= 1
    np.testing.assert_array_equal(value, expected_window(gt[0], gt[3], CELL_PX, CELL_PX))
    half, _, _, info = world.read_tiff(f"{root}/{cell}/half.tif")
    assert info["bands"] == 2 and half.dtype == np.uint8
    np.testing.assert_array_equal(half[1], (value > 0).astype(np.uint8))
    userdata = world.s3().get_object(Bucket=world.out_bucket, Key=f"{root}/{cell}/userdata.json")["Body"].read()
    assert json.loads(userdata) == {"n": 1}


# -- replies and errors ---------------------------------------------------------------------------------------------
def test_tiling_grids(world, session):
    r = session.get(world.batch_url + "/tilinggrids", timeout=10)
    assert r.status_code == 200
    grids = {g["id"]: g for g in r.json()["data"]}
    assert sorted(grids) == [0, 1, 2, 3, 6, 7] and "nextToken" not in r.json()["links"]
    sizes = {k: (g["properties"]["tileWidth"], g["properties"]["unit"]) for k, g in grids.items()}
    assert sizes == {
        0: (20040.0, "METRE"),
        1: (10000.0, "METRE"),
        2: (100080.0, "METRE"),
        3: (1.0, "DEGREE"),
        6: (100000.0, "METRE"),
        7: (20000.0, "METRE"),
    }
    assert grids[0]["properties"]["resolutions"] == [10.0, 20.0, 30.0, 60.0]
    assert grids[6]["properties"]["resolutions"] == [40.0, 50.0, 100.0]
    page = session.get(world.batch_url + "/tilinggrids", params={"count": 4}, timeout=10).json()
    rest = session.get(
        world.batch_url + "/tilinggrids", params={"count": 4, "viewtoken": page["links"]["nextToken"]}, timeout=10
    ).json()
    assert [g["id"] for g in page["data"] + rest["data"]] == [0, 1, 2, 3, 6, 7]
    assert session.get(world.batch_url + "/tilinggrids/1", timeout=10).json() == grids[1]
    r = session.get(world.batch_url + "/tilinggrids/abc", timeout=10)
    assert r.status_code == 400 and error_of(r)["code"] == "COMMON_BAD_PAYLOAD"
    r = session.get(world.batch_url + "/tilinggrids/5", timeout=10)
    assert r.status_code == 404 and error_of(r)["code"] == "COMMON_NOT_FOUND"
    assert session.get(world.hub.base_url + "/batch/v2/tilinggrids/0", timeout=10).json() == grids[0]


@pytest.mark.parametrize(
    ("change", "parameter", "words"),
    [
        (lambda b: b.pop("processRequest"), "processRequest", "must be set"),
        (lambda b: b["input"].update(id=5), "input.id", "does not exist"),
        (lambda b: b["input"].update(resolution=15), "input.resolution", "10, 20, 30, 60"),
        (lambda b: b["input"].update(bufferX=-1), "input.bufferX", "between 0"),
        (lambda b: b["input"].update(type="geopackage"), "input.type", "tiling-grid input only"),
        (lambda b: b["output"].update(type="zarr"), "output.type", "raster output only"),
        (
            lambda b: b["processRequest"]["output"]["responses"][0]["format"].update(type="image/png"),
            "processRequest.output.responses",
            "image/tiff",
        ),
        (lambda b: b["processRequest"]["output"].update(width=100), "processRequest.output", "width"),
        (lambda b: b["processRequest"]["input"].pop("bounds"), "processRequest.input.bounds", "area of interest"),
        (
            lambda b: b["output"]["delivery"]["s3"].update(url="s3://b/<outputId>.tif"),
            "output.delivery.s3.url",
            "<tileName>",
        ),
        (lambda b: b["output"]["delivery"]["s3"].pop("secretAccessKey"), "output.delivery.s3", "iamRoleARN"),
        (lambda b: b["output"].update(createCollection=True), "output.cogOutput", "cogOutput"),
        (lambda b: b["output"].update(cogOutput=True, cogParameters={"blockxsize": 100}), None, "multiple of 16"),
        (lambda b: b.update(instanceType="huge"), "instanceType", "normal or large"),
    ],
)
def test_create_refuses_bad_bodies(world, session, change, parameter, words):
    body = world.body("bad")
    change(body)
    r = session.post(world.batch_url + "/process", json=body, timeout=10)
    assert r.status_code == 400, r.text
    err = error_of(r)
    assert err["code"] == "COMMON_BAD_PAYLOAD" and words in err["message"], err
    if parameter:
        assert err["errors"][0]["parameter"] == parameter


def test_state_machine_refusals_not_found_and_isolation(world, session, localhub):
    task = create(world, session, world.body("states"))
    url = task_url(world, task)
    r = action(world, session, task, "stop")
    assert r.status_code == 400, r.text
    assert error_of(r) == {
        "status": 400,
        "reason": "Bad Request",
        "message": f"Cannot stop batch request {task['id']}: its status is CREATED. Only requests that are "
        "ANALYSING, ANALYSIS_DONE or PROCESSING can be stopped.",
        "code": "COMMON_BAD_PAYLOAD",
    }
    missing = "00000000-0000-0000-0000-000000000000"
    for method, path in (("GET", ""), ("PUT", ""), ("POST", "/analyse"), ("POST", "/start"), ("POST", "/stop")):
        r = session.request(method, f"{world.batch_url}/process/{missing}{path}", json={"description": "x"}, timeout=10)
        assert r.status_code == 404 and error_of(r)["code"] == "COMMON_NOT_FOUND", (method, path, r.text)
    other = localhub.other_session()
    assert other.get(url, timeout=10).status_code == 404
    assert other.post(url + "/start", timeout=10).status_code == 404
    assert task["id"] not in [t["id"] for t in other.get(world.batch_url + "/process", timeout=10).json()["data"]]
    r = session.put(url, json={"description": "x", "input": {}}, timeout=10)
    assert r.status_code == 400 and error_of(r)["errors"][0]["parameter"] == "input"
    # analysis of an unknown collection fails with the reason in ``error``
    body = world.body("states-missing")
    body["processRequest"]["input"]["data"][0]["type"] = "byoc-" + missing
    bad = create(world, session, body)
    assert action(world, session, bad, "analyse").status_code == 204
    failed = wait_status(session, task_url(world, bad), FINAL)
    assert failed["status"] == "FAILED" and f"byoc-{missing} not found" in failed["error"], failed
    # a failing evalscript fails the analysis with the script's message
    body = world.body(
        "states-js", IDENTITY.replace("return [s.dataMask", "throw new Error('broken on purpose'); return [")
    )
    bad = create(world, session, body)
    assert action(world, session, bad, "start").status_code == 204
    failed = wait_status(session, task_url(world, bad), FINAL)
    assert failed["status"] == "FAILED" and "broken on purpose" in failed["error"], failed
    assert failed["costPU"] == 0


def test_list_pages_sort_and_search(world, session):
    ids = [
        create(world, session, dict(world.body("list"), description=f"listing-{i} unique-zz"))["id"] for i in range(3)
    ]
    found = []
    url = world.batch_url + "/process"
    params = {"count": 2, "search": "unique-zz"}
    page = session.get(url, params=params, timeout=10).json()
    found += [t["id"] for t in page["data"]]
    assert len(page["data"]) == 2 and page["links"]["nextToken"]
    page = session.get(url, params=dict(params, viewtoken=page["links"]["nextToken"]), timeout=10).json()
    found += [t["id"] for t in page["data"]]
    assert found == ids and "nextToken" not in page["links"]
    newest = session.get(url, params={"search": "unique-zz", "sort": "created:desc"}, timeout=10).json()["data"]
    assert [t["id"] for t in newest] == ids[::-1]
    both = session.get(url, params={"search": "listing-1&unique-zz", "userid": "ignored"}, timeout=10).json()["data"]
    assert [t["id"] for t in both] == [ids[1]]
    r = session.get(url, params={"sort": "name"}, timeout=10)
    assert r.status_code == 400 and error_of(r)["code"] == "COMMON_BAD_PAYLOAD"


def test_multipart_create(world, session):
    body = world.body("multipart")
    evalscript = body["processRequest"].pop("evalscript")
    files = {"request": (None, json.dumps(body), "application/json"), "evalscript": (None, evalscript)}
    r = session.post(world.batch_url + "/process", files=files, timeout=10)
    assert r.status_code == 201, r.text
    assert r.json()["request"]["processRequest"]["evalscript"] == evalscript


# -- existing outputs -----------------------------------------------------------------------------------------------
def test_existing_outputs_fail_skip_or_overwrite(world, session):
    template = f"s3://{world.out_bucket}/fixed/<tileName>/<outputId>.<format>"

    def run(**output):
        body = world.body("fixed", **output)
        body["output"]["delivery"]["s3"]["url"] = template
        task = create(world, session, body)
        assert action(world, session, task, "start").status_code == 204
        return wait_status(session, task_url(world, task), FINAL)

    first = run()
    assert first["status"] == "DONE", first
    keys = [f"fixed/{name}/default.tif" for name in CELLS_WITH_DATA]
    before = {k: last_modified(world, k) for k in keys}
    time.sleep(1.1)  # S3 times have 1 s resolution

    refused = run()
    assert refused["status"] == "FAILED" and refused["costPU"] == 0, refused
    assert "already exist" in refused["error"] and "s3://" in refused["error"] and "overwrite" in refused["error"]
    skipped = run(skipExisting=True)
    assert skipped["status"] == "DONE" and skipped["costPU"] == 0, skipped
    assert {k: last_modified(world, k) for k in keys} == before

    world.s3().delete_object(Bucket=world.out_bucket, Key=keys[0])
    refill = run(skipExisting=True)
    assert refill["status"] == "DONE" and refill["costPU"] == pytest.approx(round(CELL_PU / 3, 6), abs=1e-6)
    assert all(last_modified(world, k) == before[k] for k in keys[1:])
    time.sleep(1.1)
    replaced = run(overwrite=True)
    assert replaced["status"] == "DONE" and replaced["costPU"] == pytest.approx(round(4 * CELL_PU / 3, 6), abs=1e-6)
    assert all(last_modified(world, k) > before[k] for k in keys[1:])


# -- createCollection -----------------------------------------------------------------------------------------------
def test_create_collection_makes_a_byoc_collection_the_process_api_reads(world, session, localhub):
    from .batch_world import TWO_OUTPUTS

    responses = [
        {"identifier": "value", "format": {"type": "image/tiff"}},
        {"identifier": "half", "format": {"type": "image/tiff"}},
    ]
    body = world.body("coll", TWO_OUTPUTS, responses, cogOutput=True, createCollection=True)
    task = create(world, session, body)
    assert action(world, session, task, "start").status_code == 204
    done = wait_status(session, task_url(world, task), FINAL)
    assert done["status"] == "DONE", done
    cid = done["request"]["output"]["collectionId"]
    coll = session.get(f"{localhub.byoc_url}/collections/{cid}", timeout=10).json()["data"]
    assert coll["s3Bucket"] == world.out_bucket
    assert coll["additionalData"]["bands"] == {
        "value": {"source": "value", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT"},
        "half": {"source": "half", "bandIndex": 1, "bitDepth": 8, "sampleFormat": "UINT"},
        "half2": {"source": "half", "bandIndex": 2, "bitDepth": 8, "sampleFormat": "UINT"},
    }
    tiles = session.get(f"{localhub.byoc_url}/collections/{cid}/tiles", timeout=10).json()["data"]
    assert sorted(t["path"] for t in tiles) == sorted(f"coll/{task['id']}/{n}/(BAND).tif" for n in CELLS_WITH_DATA)
    for tile in tiles:
        final = localhub.wait_for_tile(session, cid, tile["id"])
        assert final["status"] == "INGESTED", final

    # the Process API reads the new collection: exactly the source pixels, and half2 = dataMask
    evalscript = """//VERSION=3
function setup() { return {input: ["value", "half2"], output: {bands: 2, sampleType: "UINT16"}}; }
function evaluatePixel(s) { return [s.value, s.half2]; }"""
    x0, y0 = X0 + 60 * 100, Y0 - 60 * 50  # inside the source, across cells 33TTM_4_3 / 33TUM_0_3 (x = 300600)
    bbox = [x0, y0 - 60 * 200, x0 + 60 * 300, y0]
    r = session.post(
        localhub.base_url + "/api/v1/process",
        json={
            "input": {
                "bounds": {"bbox": bbox, "properties": {"crs": f"http://www.opengis.net/def/crs/EPSG/0/{EPSG}"}},
                "data": [{"type": f"byoc-{cid}"}],
            },
            "output": {
                "width": 300,
                "height": 200,
                "responses": [{"identifier": "default", "format": {"type": "image/tiff"}}],
            },
            "evalscript": evalscript,
        },
        timeout=60,
    )
    assert r.status_code == 200, r.text
    from osgeo import gdal

    gdal.FileFromMemBuffer("/vsimem/batch-coll.tif", r.content)
    try:
        arr = gdal.Open("/vsimem/batch-coll.tif").ReadAsArray()
    finally:
        gdal.Unlink("/vsimem/batch-coll.tif")
    np.testing.assert_array_equal(arr[0], source_array()[50:250, 100:400])
    assert (arr[1] == 1).all()


# -- stop and restart ---------------------------------------------------------------------------------------------
def test_stop_takes_effect_between_cells_and_start_resumes(localhub_factory, tmp_path):
    workers = 2  # one cell per render worker is in flight when the stop comes
    hub = localhub_factory(extra_args=["--process-workers", str(workers)])
    world = make_world(hub, tmp_path)
    session = hub.session()
    task = create(world, session, world.body("stop", SLOW))
    url = task_url(world, task)
    assert action(world, session, task, "start").status_code == 204
    deadline = time.monotonic() + 60
    while session.get(url, timeout=10).json()["completionPercentage"] < 60:  # the six no-data cells are done
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert action(world, session, task, "stop").status_code == 204
    stopped = wait_status(session, url, FINAL)
    assert stopped["status"] == "STOPPED" and stopped["stoppedStatusReason"] == "USER_ACTION", stopped
    assert stopped["userAction"] == "STOP"
    assert stopped["completionPercentage"] == pytest.approx(100.0 * (6 + workers) / 10)
    assert stopped["costPU"] == pytest.approx(round(workers * CELL_PU / 3, 6), abs=1e-6)
    root = f"stop/{task['id']}"
    delivered = [k for k in world.keys(root) if k.endswith(".tif")]
    assert len(delivered) == workers
    before = {k: last_modified(world, k) for k in delivered}
    r = session.put(url, json={"description": "stopped"}, timeout=10)
    assert r.status_code == 200
    time.sleep(1.1)
    assert action(world, session, task, "start").status_code == 204
    assert session.get(url, timeout=10).json()["status"] in ("ANALYSIS_DONE", "PROCESSING")
    r = session.put(url, json={"description": "busy"}, timeout=10)
    assert r.status_code == 409, r.text
    done = wait_status(session, url, FINAL)
    assert done["status"] == "DONE" and done["stoppedStatusReason"] is None, done
    assert done["costPU"] == pytest.approx(round(4 * CELL_PU / 3, 6), abs=1e-6)
    assert {k: last_modified(world, k) for k in delivered} == before  # finished cells were not rendered again
    assert sorted(k for k in world.keys(root) if k.endswith(".tif")) == sorted(
        f"{root}/{n}/default.tif" for n in CELLS_WITH_DATA
    )


def test_restart_delay_refuses_an_early_restart(localhub_factory, tmp_path, monkeypatch):
    monkeypatch.setenv("LOCALHUB_BATCH_RESTART_DELAY", "3600")
    hub = localhub_factory()
    world = make_world(hub, tmp_path)
    session = hub.session()
    task = create(world, session, world.body("delay"))
    assert action(world, session, task, "analyse").status_code == 204
    wait_status(session, task_url(world, task), ("ANALYSIS_DONE",))
    assert action(world, session, task, "stop").status_code == 204
    assert session.get(task_url(world, task), timeout=10).json()["status"] == "STOPPED"
    r = action(world, session, task, "start")
    assert r.status_code == 400 and "can be restarted 3600 s after it stopped" in error_of(r)["message"], r.text


def test_restart_mid_processing_resumes_where_it_stopped(localhub_factory, tmp_path):
    data_dir = tmp_path / "hub-data"
    workers = ["--process-workers", "2"]  # two of the four data cells per round, on any machine
    hub = localhub_factory(data_dir=data_dir, extra_args=workers)
    world = make_world(hub, tmp_path)
    session = hub.session()
    task = create(world, session, world.body("resume", SLOW))
    url = task_url(world, task)
    assert action(world, session, task, "start").status_code == 204
    root = f"resume/{task['id']}"
    exec_key = f"{root}/execution-{task['id']}.sqlite"
    deadline = time.monotonic() + 120
    while not any(execution_rows(world, exec_key, tmp_path).get(n, ("",))[0] == "DONE" for n in CELLS_WITH_DATA):
        assert time.monotonic() < deadline, "no data cell was delivered"
        time.sleep(0.05)
    hub.process.proc.kill()  # no clean shutdown
    hub.process.proc.wait(10)
    rows = execution_rows(world, exec_key, tmp_path)
    finished = [n for n in CELLS_WITH_DATA if rows[n][0] == "DONE"]
    assert 1 <= len(finished) < 4, rows
    delivered = {f"{root}/{n}/default.tif": last_modified(world, f"{root}/{n}/default.tif") for n in finished}
    time.sleep(1.1)

    again = localhub_factory(data_dir=data_dir, extra_args=workers)
    session = again.session()
    url = f"{again.base_url}/api/v2/batch/process/{task['id']}"
    done = wait_status(session, url, FINAL, timeout=180)
    assert done["status"] == "DONE" and done["completionPercentage"] == 100, done
    assert "resuming 1 batch task(s)" in again.log_text()
    for key, stamp in delivered.items():  # cells finished before the kill were not rendered again
        assert last_modified(world, key) == stamp, key
    for name in CELLS_WITH_DATA:
        arr, gt, _, _ = world.read_tiff(f"{root}/{name}/default.tif")
        np.testing.assert_array_equal(arr, expected_window(gt[0], gt[3], CELL_PX, CELL_PX))
    assert done["costPU"] == pytest.approx(round(4 * CELL_PU / 3, 6), abs=1e-6)  # a re-rendered cell counts once


def test_delivery_problems_fail_the_analysis_with_the_reason(world, session):
    body = world.body("nobucket")
    body["output"]["delivery"]["s3"]["url"] = "s3://batch-no-such-bucket-zz/out"
    task = create(world, session, body)
    assert action(world, session, task, "analyse").status_code == 204
    failed = wait_status(session, task_url(world, task), FINAL)
    assert failed["status"] == "FAILED", failed
    assert failed["error"].startswith("Cannot write s3://batch-no-such-bucket-zz/out/")
    assert "NoSuchBucket (the bucket does not exist)" in failed["error"]

    wrong = "wrong-secret-for-batch"  # noqa: S105 - a deliberately wrong key
    try:  # the S3 server of the session checks signatures like AWS (or not: then skip)
        world.hub.s3.client(secret_key=wrong).list_objects_v2(Bucket=world.out_bucket)
        pytest.skip("this S3 server accepts any signature")
    except TypeError:
        pytest.skip("this S3 server fixture cannot make a client with another secret")
    except Exception:  # noqa: BLE001, S110 - refused, as it should be
        pass
    body = world.body("wrongkey")
    body["output"]["delivery"]["s3"]["secretAccessKey"] = wrong
    task = create(world, session, body)
    assert action(world, session, task, "analyse").status_code == 204
    failed = wait_status(session, task_url(world, task), FINAL)
    assert failed["status"] == "FAILED" and "(the delivery secret key is wrong)" in failed["error"], failed
    assert wrong not in json.dumps(failed)


def test_a_cell_larger_than_2500_px_is_rendered_in_blocks(world, session, tmp_path):
    # grid 2 (100 080 m) at 30 m: 3336 px per side, rendered as 2 × 2 blocks and assembled into one file
    body = world.body("big", grid=2, resolution=30.0)
    body["processRequest"]["input"]["bounds"]["bbox"] = [
        12.45,
        46.08,
        12.46,
        46.09,
    ]  # cell x 300 240–400 320, y 5 104 080–5 204 160
    task = create(world, session, body)
    assert action(world, session, task, "start").status_code == 204
    done = wait_status(session, task_url(world, task), FINAL, timeout=300)
    assert done["status"] == "DONE", done
    keys = [k for k in world.keys(f"big/{task['id']}") if k.endswith(".tif")]
    assert keys == [f"big/{task['id']}/33TUM_0_0/default.tif"]
    arr, gt, epsg, info = world.read_tiff(keys[0])
    assert (epsg, gt[0], gt[3], gt[1]) == (EPSG, 300240.0, 5204160.0, 30.0) and arr.shape == (3336, 3336)
    coarse = expected_window(300240.0, 5204160.0, 1668, 1668)  # the 60 m source, each pixel 2 × 2 at 30 m
    np.testing.assert_array_equal(arr, np.repeat(np.repeat(coarse, 2, axis=0), 2, axis=1))
    assert done["costPU"] == pytest.approx(round(3336 * 3336 / 512.0**2 / 3, 6), abs=1e-5)
