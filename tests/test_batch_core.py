"""byoc_qgis.core's batch client: delivery paths, tiling-grid cells, request building and secret masking (pure),
then the whole flow against a real localhub and S3 (create → start → wait → cells and outputs through /vsis3/)."""

from __future__ import annotations

import json
import logging
import time

import numpy as np
import pytest
from osgeo import gdal, osr

from byoc_qgis.core import auth
from byoc_qgis.core.auth import ClientCredentials
from byoc_qgis.core.batch import (
    BatchClient,
    BatchRequest,
    BatchStatus,
    BatchTask,
    BatchUserAction,
    CogParameters,
    S3Delivery,
    StoppedReason,
    mask_secrets,
    wait_for_task,
)
from byoc_qgis.core.batch_grids import TILING_GRIDS, TooManyCells, estimate_output_bytes, grid_cells, mgrs_square
from byoc_qgis.core.batch_paths import (
    delivery_template,
    execution_db_url,
    expand_template,
    manifest_url,
    root_url,
    validate_template,
)
from byoc_qgis.core.batch_results import output_paths, read_cells
from byoc_qgis.core.client import SentinelHubClient
from byoc_qgis.core.deployments import custom_deployment
from byoc_qgis.core.errors import (
    BadRequestError,
    CancelledError,
    ConflictError,
    NetworkError,
    NotFoundError,
    TimeoutExpired,
)
from byoc_qgis.core.http import RetryPolicy
from byoc_qgis.core.process import DataSource, OutputResponse, ProcessRequest
from byoc_qgis.core.s3 import S3Config, bucket_options

from .batch_world import ALL_CELLS, AOI, CELLS_NO_DATA, CELLS_WITH_DATA, IDENTITY, expected_window, make_world

FAST = RetryPolicy(max_attempts=3, backoff_base=0.05, backoff_cap=0.2)
SECRET = "s3-secret-never-shown"  # noqa: S105 - a marker to look for in texts
SLOW = IDENTITY.replace(  # ~3.5 s per cell: the stop arrives while the first cell renders
    "function evaluatePixel(s) {",
    "function evaluatePixel(s) { var k = 0; for (var i = 0; i < 20000; i++) { k += i; }",
)


# -- delivery paths -----------------------------------------------------------------------------------------------
def test_templates_and_root_paths():
    assert delivery_template("s3://b/out/") == "s3://b/out/<requestId>/<tileName>/<outputId>.<format>"
    assert root_url("s3://b/out", "R") == "s3://b/out/R"
    assert root_url("s3://b/run1/<tileName>/<outputId>.<format>", "R") == "s3://b/run1"
    assert root_url("s3://b/<requestId>/x_<tileName>.tif", "R") == "s3://b/R"
    assert root_url("s3://b/<tileName>/<outputId>.<format>", "R") == "s3://b"
    assert execution_db_url("s3://b/out", "R") == "s3://b/out/R/execution-R.sqlite"
    assert (
        manifest_url("s3://b/a/<requestId>/<tileName>/<outputId>.<format>", "R") == "s3://b/a/R/featureManifest-R.gpkg"
    )
    assert expand_template("s3://b/out", "R", "33TVM_1_2", "NDVI", "tif") == "s3://b/out/R/33TVM_1_2/NDVI.tif"
    assert expand_template("s3://b/<tileId>/<outputId>.<format>", "R", "n", "o", "json", tile_id=7) == "s3://b/7/o.json"
    assert validate_template("s3://b/x", ["a", "b"]).endswith("<outputId>.<format>")
    for url, ids, words in (
        ("b/x", [], "not an S3 URL"),
        ("s3://b/<outputId>.tif", [], "<tileName>"),
        ("s3://b/<tileName>.tif", ["a", "b"], "<outputId>"),
        ("s3://b/<tileName>/<bad>.tif", [], "unknown placeholder <bad>"),
    ):
        with pytest.raises(ValueError, match=words):
            validate_template(url, ids)


# -- tiling grids -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lon", "lat", "square"),
    [(2.2945, 48.8584, "31UDQ"), (-74.0445, 40.6892, "18TWL"), (151.2, -33.87, "56HLH"), (-74.0, 40.7, "18TWL")],
)
def test_mgrs_squares_of_known_places(lon, lat, square):
    zone = int((lon + 180) // 6) + 1
    south = lat < 0
    wgs84, utm = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    utm.ImportFromEPSG((32700 if south else 32600) + zone)
    for ref in (wgs84, utm):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y, _ = osr.CoordinateTransformation(wgs84, utm).TransformPoint(lon, lat)
    assert mgrs_square(zone, south, x, y, lat) == square


def test_cells_of_an_area_across_two_utm_zones():
    cells = grid_cells(0, 60, bbox=AOI)
    assert [c.name for c in cells] == ALL_CELLS
    assert [c.epsg for c in cells] == [32632] * 4 + [32633] * 6
    first = cells[0]
    assert (first.minx, first.miny, first.maxx, first.maxy) == (701400.0, 5110200.0, 721440.0, 5130240.0)
    assert (first.width, first.height) == (334, 334) and len({c.id for c in cells}) == 10
    buffered = grid_cells(0, 60, bbox=AOI, buffer_x=10, buffer_y=5)[0]
    assert (buffered.width, buffered.height) == (354, 344)
    assert buffered.bounds == (701400.0 - 600, 5110200.0 - 300, 721440.0 + 600, 5130240.0 + 300)
    # an area given in UTM 33N that reaches west of 12°E also touches zone 32 cells
    utm_box = {
        "type": "Polygon",
        "coordinates": [
            [[260600, 5092000], [330000, 5092000], [330000, 5120000], [260600, 5120000], [260600, 5092000]]
        ],
    }
    assert [c.name for c in grid_cells(0, 60, geometry=utm_box, epsg=32633)] == [
        "32TQS_1_3", "32TQS_1_4", "33TTM_3_3", "33TTM_3_4", "33TTM_4_3", "33TTM_4_4", "33TUM_0_3", "33TUM_0_4",
        "33TUM_1_3", "33TUM_1_4",
    ]  # fmt: skip
    assert estimate_output_bytes(cells, bands=3, bytes_per_sample=2) == 10 * 334 * 334 * 3 * 2


def test_grid_sizes_names_and_refusals():
    sizes = {
        (0, 10): 2004, (0, 60): 334, (1, 10): 1000, (1, 20): 500, (2, 60): 1668, (2, 360): 278,
        (3, 0.0002): 5000, (6, 50): 2000, (6, 40): 2500, (7, 10): 2000,
    }  # fmt: skip
    for (gid, res), px in sizes.items():
        assert TILING_GRIDS[gid].tile_pixels(res) == px, (gid, res)
    box = (14.0, 45.8, 15.2, 46.0)
    assert [c.name for c in grid_cells(3, 0.0002, bbox=box)] == ["N45E014", "N45E015"]
    laea = grid_cells(6, 50, bbox=box)
    assert [c.name for c in laea] == ["100kmE46N25", "100kmE47N25"] and {c.epsg for c in laea} == {3035}
    assert len(grid_cells(1, 10, bbox=box)) == len({c.name for c in grid_cells(1, 10, bbox=box)}) > 20
    across = grid_cells(2, 360, bbox=(14.0, -0.4, 14.6, 0.4))  # the equator: north and south zone cells differ
    assert [(c.name, c.epsg) for c in across] == [
        ("33NUA_0_0", 32633), ("33NVA_0_0", 32633), ("33MUV_0_0", 32733), ("33MVV_0_0", 32733),
    ]  # fmt: skip
    with pytest.raises(ValueError, match="use 10, 20, 30, 60 m"):
        grid_cells(0, 15, bbox=AOI)
    with pytest.raises(ValueError, match="tiling grid 5 is unknown"):
        grid_cells(5, 10, bbox=AOI)
    with pytest.raises(TooManyCells):
        grid_cells(1, 10, bbox=(13.3, 45.4, 16.6, 46.9), max_cells=100)


# -- request building and secrets ---------------------------------------------------------------------------------
def _process_request(collection_id="c0ffee00-0000-4000-8000-000000000000", evalscript=IDENTITY):
    return ProcessRequest(
        evalscript=evalscript,
        data=[DataSource(collection_id)],
        bbox=tuple(AOI),
        crs=4326,
        width=100,
        height=100,
        responses=[OutputResponse("default", "image/tiff")],
    )


def test_request_body_and_checks():
    delivery = S3Delivery("s3://bucket/out", "AKIDEXAMPLE", SECRET, region="eu-central-1")
    req = BatchRequest(
        _process_request(),
        grid_id=1,
        resolution=10,
        delivery=delivery,
        buffer_x=4,
        cog_output=True,
        cog_parameters=CogParameters(overview_levels=[2, 4], resampling="nearest"),
        create_collection=True,
        description="d",
    )
    body = req.to_dict()
    assert body["input"] == {"type": "tiling-grid", "id": 1, "resolution": 10.0, "bufferX": 4}
    assert "width" not in body["processRequest"]["output"] and "height" not in body["processRequest"]["output"]
    assert body["output"] == {
        "type": "raster",
        "delivery": {
            "s3": {
                "url": "s3://bucket/out",
                "accessKey": "AKIDEXAMPLE",
                "secretAccessKey": SECRET,
                "region": "eu-central-1",
            }
        },
        "cogOutput": True,
        "cogParameters": {"overviewLevels": [2, 4], "resamplingAlgorithm": "nearest"},
        "createCollection": True,
    }
    assert body["instanceType"] == "normal" and body["description"] == "d"
    assert SECRET not in repr(req) and SECRET not in repr(delivery) and "AKIDEXAMPLE" not in repr(delivery)
    assert json.dumps(mask_secrets(body)).count("***") == 2 and SECRET not in json.dumps(mask_secrets(body))
    for change, words in (
        ({"resolution": 15}, "use 10, 20 m"),
        ({"create_collection": True, "cog_output": False}, "must be COGs"),
        ({"delivery": S3Delivery("s3://bucket/<outputId>.tif", "a", "b")}, "<tileName>"),
        ({"delivery": S3Delivery("s3://bucket/x")}, "both S3 keys"),
        ({"buffer_y": -1}, "bufferY"),
    ):
        args = {"grid_id": 1, "resolution": 10, "delivery": delivery, **change}
        bad = BatchRequest(_process_request(), **args)
        with pytest.raises(ValueError, match=words):
            bad.to_dict()
    png = _process_request()
    png.responses = [OutputResponse("default", "image/png")]
    with pytest.raises(ValueError, match="image/tiff"):
        BatchRequest(png, 1, 10, delivery).to_dict()


def test_task_model_masks_secrets_and_keeps_unknown_fields():
    wire = {
        "id": "t1",
        "status": "PROCESSING",
        "userAction": "START",
        "completionPercentage": 42.5,
        "costPU": 1.25,
        "stoppedStatusReason": None,
        "created": "2024-09-20T09:58:01Z",
        "somethingNew": {"x": 1},
        "request": {
            "processRequest": {"output": {"responses": [{"identifier": "NDVI", "format": {"type": "image/tiff"}}]}},
            "input": {"type": "tiling-grid", "id": 1, "resolution": 10.0, "bufferX": 2},
            "output": {"delivery": {"s3": {"url": "s3://b/out", "accessKey": "AK", "secretAccessKey": SECRET}}},
            "description": "desc",
        },
    }
    task = BatchTask.from_dict(wire)
    assert task.status is BatchStatus.PROCESSING and task.user_action is BatchUserAction.START
    assert (task.completion_percentage, task.cost_pu, task.grid_id, task.resolution) == (42.5, 1.25, 1, 10.0)
    assert task.buffer == (2, 0) and task.outputs == {"NDVI": "image/tiff"} and task.description == "desc"
    assert task.delivery_url == "s3://b/out" and task.created.year == 2024 and task.is_active
    assert task.get("somethingNew") == {"x": 1}
    shown = json.dumps(task.to_dict()) + repr(task) + json.dumps(task.request) + json.dumps(task.get("request"))
    assert SECRET not in shown and '"AK"' not in shown
    assert task.to_dict(secrets=True)["request"]["output"]["delivery"]["s3"]["secretAccessKey"] == SECRET
    assert BatchTask.from_dict(dict(wire, status="PARTIAL")).status is None  # unknown status kept raw
    assert BatchTask.from_dict(dict(wire, status="PARTIAL")).status_text == "PARTIAL"


# -- against localhub ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def world(localhub, tmp_path_factory):
    return make_world(localhub, tmp_path_factory.mktemp("batch-core"))


@pytest.fixture
def batch(localhub):
    auth.clear_token_cache()
    deployment = custom_deployment(localhub.base_url, localhub.token_url)
    with SentinelHubClient(deployment, ClientCredentials(localhub.client_id, localhub.client_secret), policy=FAST) as c:
        yield BatchClient.of(c)


def _s3(world) -> S3Config:
    s3 = world.hub.s3
    return S3Config(world.out_bucket, s3.access_key, s3.secret_key, region=s3.region, endpoint=s3.endpoint, https=False)


def _request(world, prefix, evalscript=IDENTITY, **kw) -> BatchRequest:
    config = _s3(world)
    return BatchRequest(
        _process_request(world.collection_id, evalscript),
        grid_id=0,
        resolution=60,
        delivery=S3Delivery.from_s3_config(f"s3://{world.out_bucket}/{prefix}", config),
        description=f"core {prefix}",
        **kw,
    )


def test_core_client_flow_to_cells_and_outputs(world, batch, caplog):
    caplog.set_level(logging.DEBUG)
    assert [g.id for g in batch.iter_tiling_grids()] == [0, 1, 2, 3, 6, 7]
    assert batch.get_tiling_grid(7).tile_size == 20000.0 and batch.get_tiling_grid(7).kind == "laea"
    task = batch.create(_request(world, "core", cog_output=True))
    assert task.status is BatchStatus.CREATED and task.grid_id == 0
    assert batch.update_description(task, "core flow renamed").description == "core flow renamed"
    assert [t.id for t in batch.iter_tasks(search="core flow renamed")] == [task.id]
    assert wait_for_task(batch, task.id).status is BatchStatus.CREATED  # nobody started it: returns at once

    batch.start(task)
    seen = []
    done = wait_for_task(batch, task, progress=lambda f, m: seen.append((f, m)), initial_delay=0.1, max_delay=0.3)
    assert done.status is BatchStatus.DONE and done.completion_percentage == 100 and done.cost_pu > 0
    assert seen[-1][0] == 1.0 and seen[-1][1].startswith("DONE 100%")
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)
    with pytest.raises(BadRequestError) as info:
        batch.start(done)
    assert info.value.code == "COMMON_BAD_PAYLOAD" and "DONE" in info.value.message

    config = _s3(world)
    cells = read_cells(config, done)
    assert [c.name for c in cells] == ALL_CELLS
    status = {c.name: (c.status, c.error, c.delivered) for c in cells}
    assert all(status[n] == ("DONE", None, True) for n in CELLS_WITH_DATA)
    assert all(status[n] == ("DONE", "No data", False) for n in CELLS_NO_DATA)
    paths = output_paths(config, done, "default", cells)
    assert sorted(paths) == [32633] and len(paths[32633]) == 4
    with bucket_options(config):
        ds = gdal.Open(paths[32633][0])
        gt = ds.GetGeoTransform()
        arr = ds.ReadAsArray()
        assert (ds.GetMetadata("IMAGE_STRUCTURE") or {}).get("LAYOUT") == "COG"
        ds = None
    np.testing.assert_array_equal(arr, expected_window(gt[0], gt[3], 334, 334))
    assert SECRET not in caplog.text and world.hub.s3.secret_key not in caplog.text


def test_core_client_stop_conflict_cancel_and_timeout(localhub_factory, tmp_path):
    hub = localhub_factory(extra_args=["--process-workers", "1"])  # the stop comes while the first cell renders
    world = make_world(hub, tmp_path)
    auth.clear_token_cache()
    deployment = custom_deployment(hub.base_url, hub.token_url)
    with SentinelHubClient(deployment, ClientCredentials(hub.client_id, hub.client_secret), policy=FAST) as client:
        _stop_conflict_cancel_and_timeout(world, BatchClient.of(client))


def _stop_conflict_cancel_and_timeout(world, batch):
    with pytest.raises(NotFoundError):
        batch.get_task("00000000-0000-0000-0000-000000000000")
    analysed = batch.create(_request(world, "core-stop"))
    batch.analyse(analysed)
    analysed = wait_for_task(batch, analysed, until="analysis", initial_delay=0.1, max_delay=0.3)
    assert analysed.status is BatchStatus.ANALYSIS_DONE
    assert wait_for_task(batch, analysed).status is BatchStatus.ANALYSIS_DONE  # analysed, not started: idle
    batch.stop(analysed)
    stopped = batch.get_task(analysed.id)
    assert stopped.status is BatchStatus.STOPPED and stopped.stopped_status_reason is StoppedReason.USER_ACTION

    slow = batch.create(_request(world, "core-slow", SLOW))
    batch.start(slow)
    polls = []
    with pytest.raises(CancelledError):
        wait_for_task(batch, slow, cancel=lambda: len(polls) >= 2, on_poll=polls.append, initial_delay=0.05)
    assert batch.get_task(slow).status in (BatchStatus.ANALYSING, BatchStatus.PROCESSING)  # still running
    running = wait_for_task_status(batch, slow.id, BatchStatus.PROCESSING)
    with pytest.raises(ConflictError):
        batch.update_description(running, "not now")
    with pytest.raises(TimeoutExpired) as info:
        wait_for_task(batch, slow, timeout=0.3, initial_delay=0.1)
    assert info.value.task.status is BatchStatus.PROCESSING and "keeps running" in str(info.value)
    batch.stop(slow)
    final = wait_for_task(batch, slow, initial_delay=0.1, max_delay=0.3)
    assert final.status is BatchStatus.STOPPED and final.user_action is BatchUserAction.STOP
    assert final.completion_percentage == 70.0  # six cells without data and the one that was rendering


def wait_for_task_status(batch, task_id, status, timeout=60.0) -> BatchTask:
    deadline = time.monotonic() + timeout
    while True:
        task = batch.get_task(task_id)
        if task.status is status:
            return task
        assert time.monotonic() < deadline, task
        time.sleep(0.05)


def test_core_client_survives_faults_and_reconciles_lost_answers(localhub_factory, tmp_path):
    rules = [
        {"method": "POST", "path": "/api/v2/batch/process/*/analyse", "sequence": [{"drop": "after"}]},
        {
            "method": "GET",
            "path": "/api/v2/batch/process/*",
            "sequence": [{"status": 503}, {"status": 429, "retryAfterMs": 50}],
        },
        {"method": "POST", "path": "/api/v2/batch/process", "sequence": ["pass", {"drop": "after"}]},
    ]
    hub = localhub_factory(fault_injection={"seed": 1, "rules": rules})
    world = make_world(hub, tmp_path)
    auth.clear_token_cache()
    deployment = custom_deployment(hub.base_url, hub.token_url)
    with SentinelHubClient(deployment, ClientCredentials(hub.client_id, hub.client_secret), policy=FAST) as client:
        batch = BatchClient.of(client)
        task = batch.create(_request(world, "faults"))
        batch.analyse(task)  # the answer is lost after localhub applied it: the task shows ANALYSE, so it is fine
        analysed = wait_for_task(batch, task, until="analysis", initial_delay=0.1, max_delay=0.3)  # 503, 429 retried
        assert analysed.status is BatchStatus.ANALYSIS_DONE and analysed.user_action is BatchUserAction.ANALYSE
        with pytest.raises(NetworkError) as info:  # a create whose answer was lost is never sent twice
            batch.create(_request(world, "faults-2"))
        assert info.value.maybe_applied is True
        assert len(batch.list_tasks(search="core faults-2")) == 1


def test_an_unknown_crs_is_a_worded_error_with_gdal_exceptions_on():
    """QGIS, another plugin or GDAL 4 may turn osr/ogr exceptions on (the LTR lane's session does): the grid code
    must not depend on the mode (test_wording covers it with exceptions off)."""
    from osgeo import ogr, osr

    from byoc_qgis.core import batch_grids
    from byoc_qgis.core.worded import WordedError

    enabled = []
    for module in (osr, ogr):
        if not module.GetUseExceptions():
            module.UseExceptions()
            enabled.append(module)
    try:
        with pytest.raises(WordedError, match="unknown EPSG code 999999"):
            batch_grids.aoi_wgs84(bbox=[0, 0, 1, 1], epsg=999999)
    finally:
        for module in reversed(enabled):  # GDAL keeps the error handlers as a stack
            module.DontUseExceptions()


def test_processing_pauses_back_off_but_look_when_the_task_is_due():
    from byoc_qgis.core.batch_monitor import QUICK_POLL_S, processing_pause

    assert processing_pause(30.0, 2.0, 600.0, True) == (30.0, False)  # a long task: the backed-off pause
    assert processing_pause(30.0, 2.0, 20.0, True) == (10.0, False)  # half the time left
    assert processing_pause(30.0, 2.0, 3.0, True) == (2.0, False)  # never below initial_delay...
    assert processing_pause(30.0, 2.0, 1.2, True) == (1.2, True)  # ...unless it is due before then: look then
    assert processing_pause(30.0, 2.0, 0.0, True) == (QUICK_POLL_S, True)  # 100 % and not DONE yet
    assert processing_pause(30.0, 2.0, 1.2, False) == (2.0, False)  # quick polls used up
