"""sentinelhub-py's ``BatchProcessClient`` (Batch v2), unchanged, against localhub: create → analyse → start →
monitor → DONE, tiling grids, update, list, stop."""

from __future__ import annotations

import time

import pytest

from .batch_world import AOI, CELLS_WITH_DATA, IDENTITY, make_world

sentinelhub = pytest.importorskip("sentinelhub")
from sentinelhub import (  # noqa: E402
    CRS,
    BatchProcessClient,
    BatchRequestStatus,
    BBox,
    DataCollection,
    MimeType,
    SentinelHubRequest,
    monitor_batch_process_analysis,
    monitor_batch_process_job,
)
from sentinelhub.api.batch.base import BatchUserAction, StoppedStatusReason  # noqa: E402
from sentinelhub.exceptions import DownloadFailedException  # noqa: E402


@pytest.fixture
def fast_monitor(monkeypatch):
    """The monitors sleep ≥ 60 s per poll: make every sleep of sentinelhub-py's batch utils 0.2 s."""
    import types

    import sentinelhub.api.batch.utils as utils

    calls = []

    def short(seconds):
        calls.append(seconds)
        time.sleep(0.2)

    monkeypatch.setattr(utils, "time", types.SimpleNamespace(sleep=short, time=time.time, monotonic=time.monotonic))
    return calls


@pytest.fixture(scope="module")
def world(localhub, tmp_path_factory):
    return make_world(localhub, tmp_path_factory.mktemp("batch-shpy"))


def _request(world, config):
    return SentinelHubRequest(
        evalscript=IDENTITY,
        input_data=[SentinelHubRequest.input_data(data_collection=DataCollection.define_byoc(world.collection_id))],
        responses=[SentinelHubRequest.output_response("default", MimeType.TIFF)],
        bbox=BBox(AOI, CRS.WGS84),
        config=config,
    )


def _create(client, world, config, prefix, description):
    delivery = BatchProcessClient.s3_specification(
        url=f"s3://{world.out_bucket}/{prefix}",
        access_key=world.hub.s3.access_key,
        secret_access_key=world.hub.s3.secret_key,
    )
    return client.create(
        _request(world, config),
        input=BatchProcessClient.tiling_grid_input(grid_id=0, resolution=60),
        output=BatchProcessClient.raster_output(delivery=delivery, cog_output=True),
        description=description,
    )


def test_sentinelhub_py_batch_workflow(world, localhub, fast_monitor):
    config = localhub.sh_config()
    client = BatchProcessClient(config=config)

    grids = list(client.iter_tiling_grids())
    assert [g["id"] for g in grids] == [0, 1, 2, 3, 6, 7]
    grid = client.get_tiling_grid(0)
    assert grid["properties"]["tileWidth"] == 20040.0 and 60.0 in grid["properties"]["resolutions"]

    created = _create(client, world, config, "shpy", "sentinelhub-py batch")
    assert created.status is BatchRequestStatus.CREATED
    assert created.request["output"]["delivery"]["s3"]["secretAccessKey"] == "***"
    assert created.request["instanceType"] == "normal"
    assert client.update_request(created, "renamed by sentinelhub-py")["request"]["description"] == (
        "renamed by sentinelhub-py"
    )
    assert client.get_request(created.request_id).request["description"] == "renamed by sentinelhub-py"
    assert created.request_id in [r.request_id for r in client.iter_requests(search="renamed by sentinelhub")]

    assert client.start_analysis(created) == ""
    analysed = monitor_batch_process_analysis(created, client, sleep_time=5)
    assert analysed.status is BatchRequestStatus.ANALYSIS_DONE
    assert client.start_job(analysed) == ""
    done = monitor_batch_process_job(analysed, client, sleep_time=60, analysis_sleep_time=5)
    assert done.status is BatchRequestStatus.DONE
    assert done.completion_percentage == 100 and done.cost_PU > 0
    assert done.user_action is BatchUserAction.START and done.error is None
    assert fast_monitor and min(fast_monitor) >= 5  # the monitors really polled (and were sped up)
    root = f"shpy/{created.request_id}"
    tiffs = [k for k in world.keys(root) if k.endswith(".tif")]
    assert tiffs == sorted(f"{root}/{n}/default.tif" for n in CELLS_WITH_DATA)
    assert world.read_tiff(tiffs[0])[3]["layout"] == "COG"

    with pytest.raises(DownloadFailedException) as info:  # DONE cannot be started again: 400 with the reason
        client.start_job(done)
    assert "COMMON_BAD_PAYLOAD" in str(info.value) and "DONE" in str(info.value)


def test_sentinelhub_py_stop(world, localhub, fast_monitor):
    config = localhub.sh_config()
    client = BatchProcessClient(config=config)
    created = _create(client, world, config, "shpy-stop", "to stop")
    client.start_analysis(created)
    analysed = monitor_batch_process_analysis(created, client, sleep_time=5)
    assert analysed.status is BatchRequestStatus.ANALYSIS_DONE
    assert client.stop_job(analysed) == ""
    stopped = client.get_request(analysed)
    assert stopped.status is BatchRequestStatus.STOPPED
    assert stopped.stopped_status_reason is StoppedStatusReason.USER_ACTION
    assert stopped.user_action is BatchUserAction.STOP
    with pytest.raises(RuntimeError):  # the job monitor reports a stopped task instead of waiting for ever
        monitor_batch_process_job(stopped, client, sleep_time=60, analysis_sleep_time=5)
    with pytest.raises(DownloadFailedException) as info:
        client.get_request("00000000-0000-0000-0000-000000000000")
    assert "COMMON_NOT_FOUND" in str(info.value)
