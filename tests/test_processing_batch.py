"""The Batch Processing algorithms through processing.run against a real localhub and S3 (tests/batch_world.py).

The world: the batch_world collection (a 60 m UInt16 COG in UTM 33N) plus a second tile in UTM 32N over two of
the zone-32 cells, one of which holds the value 65000 where the test evalscript throws. So one task over the AOI
touches 10 cells of the UTM 20 km grid in two zones: 4 zone-33 cells and 1 zone-32 cell delivered, 1 zone-32 cell
FATAL (the evalscript's error), 4 cells "No data" — two VRT mosaics (EPSG:32633 and EPSG:32632).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr

from byoc_qgis.core.s3 import S3Config, bucket_options

from .batch_world import AOI, CELLS_WITH_DATA, IDENTITY, expected_window, make_world
from .batch_world import EPSG as Z33
from .fixtures_rasters import mem_dataset, write_cog
from .test_processing_service import LogFeedback
from .test_processing_support import connection_params, register_provider, run_alg, s3_params, store_basic_authcfg

THROWING = IDENTITY.replace(
    "function evaluatePixel(s) {", 'function evaluatePixel(s) { if (s.B1 === 65000) { throw new Error("boom 65000"); }'
)
Z32 = 32632
SLOW = IDENTITY.replace(  # seconds per cell: a stop or cancel arrives while cells render
    "function evaluatePixel(s) {", "function evaluatePixel(s) { var k = 0; for (var i = 0; i < 20000; i++) { k += i; }"
)
Z32_DATA, Z32_FATAL = "32TQS_0_3", "32TQS_0_4"
NO_DATA_CELLS = ["32TQS_1_3", "32TQS_1_4", "33TTM_3_3", "33TTM_3_4"]
# the second tile: 10 km wide in the west half of column 0 (far from zone 33's cells), 20 km tall across rows 3/4
Z32_X0, Z32_Y0, Z32_W, Z32_H = 701400.0, 5120220.0, 166, 334
EXTENT = f"{AOI[0]},{AOI[2]},{AOI[1]},{AOI[3]} [EPSG:4326]"


def z32_array() -> np.ndarray:
    """The zone-32 tile's values (never 0); 65000 once, in row 4 (the FATAL cell)."""
    rows, cols = np.mgrid[0:Z32_H, 0:Z32_W]
    arr = ((rows * 7 + cols * 3) % 50000 + 5).astype(np.uint16)
    arr[Z32_H - 20, 30] = 65000
    return arr


@pytest.fixture(scope="module")
def env(qgis_processing, localhub, s3_server, tmp_path_factory):
    provider = register_provider()
    hub = localhub
    world = make_world(hub, tmp_path_factory.mktemp("batchworld"))
    gt = (Z32_X0, 60.0, 0.0, Z32_Y0, 0.0, -60.0)
    ds = mem_dataset([z32_array()], Z32, gt, nodata=0)
    path = write_cog(tmp_path_factory.mktemp("z32") / "B1.tif", ds, blocksize=256)
    ds = None
    s3_server.client().upload_file(path, world.bucket, "z32/B1.tif")
    session = hub.session()
    r = session.post(f"{hub.byoc_url}/collections/{world.collection_id}/tiles", json={"path": "z32/(BAND).tif"})
    assert r.status_code == 201, r.text
    assert hub.wait_for_tile(session, world.collection_id, r.json()["data"]["id"])["status"] == "INGESTED"
    sh = store_basic_authcfg(hub.client_id, hub.client_secret, "batch-sh")
    s3 = store_basic_authcfg(s3_server.access_key, s3_server.secret_key, "batch-s3")
    conn = connection_params(hub, sh)
    yield {
        "hub": hub,
        "world": world,
        "conn": conn,
        "s3": s3_params(s3_server, s3),
        "s3_server": s3_server,
        "provider": provider,
        "secrets": [hub.client_secret, s3_server.secret_key],
    }
    from byoc_qgis.core.s3_layers import release_all

    release_all()  # the mosaics' bucket options end with this module's buckets


def _create_params(env, prefix: str, **extra):
    world = env["world"]
    params = {
        "COLLECTION": world.collection_id,
        "EXTENT": EXTENT,
        "GRID": 0,
        "RESOLUTION": 60,
        "EVALSCRIPT": THROWING,
        "BUCKET": world.out_bucket,
        "PATH": f"{prefix}/<requestId>/<tileName>/<outputId>.<format>",
        "COG": True,
        "START": True,
        **env["conn"],
        **env["s3"],
    }
    params.update(extra)
    return params


def _assert_no_secret(env, *texts):
    for text in texts:
        for secret in env["secrets"]:
            assert secret not in text


@pytest.fixture(scope="module")
def done_task(env):
    """One task created, started and waited for through the algorithms (shared by the result tests)."""
    feedback = LogFeedback()
    res, _ = run_alg("byoc:batchcreate", _create_params(env, "run1"), feedback=feedback)
    assert res["CELLS"] == 10
    assert res["STATUS"] in ("ANALYSING", "ANALYSIS_DONE", "PROCESSING", "CREATED", "DONE")
    tid = res["TASK_ID"]
    assert res["ROOT_URL"] == f"s3://{env['world'].out_bucket}/run1/{tid}"
    wait_fb = LogFeedback()
    waited, _ = run_alg(
        "byoc:batchwait", {"TASK_ID": tid, "POLL_MAX": 0.5, "TIMEOUT": 300, **env["conn"]}, feedback=wait_fb
    )
    assert waited["STATUS"] == "DONE" and waited["COMPLETION"] == 100
    assert waited["COST_PU"] > 0
    return {"id": tid, "create_log": feedback.lines, "wait_log": wait_fb.lines}


def _read(path: str, config: S3Config):
    with bucket_options(config):
        ds = gdal.Open(path)
        try:
            return ds.ReadAsArray(), ds.GetGeoTransform(), int(ds.GetSpatialRef().GetAuthorityCode(None))
        finally:
            ds = None


def _config(env) -> S3Config:
    s3 = env["s3_server"]
    return S3Config(
        env["world"].out_bucket,
        access_key=s3.access_key,
        secret_key=s3.secret_key,
        region=s3.region,
        endpoint=s3.endpoint,
        https=False,
        virtual_hosting=False,
    )


def test_create_reports_cells_and_never_the_keys(env, done_task):
    log = "\n".join(done_task["create_log"] + done_task["wait_log"])
    assert "10 grid cells of 334 x 334 px (EPSG:32632 4, EPSG:32633 6)" in log
    assert f"Batch task {done_task['id']}: DONE" in log
    _assert_no_secret(env, log)


def _run(alg_id: str, params, feedback=None):
    """processing.run with a context kept by the caller (for memory layers), and the feedback's log text."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = feedback or LogFeedback()
    res = processing.run(alg_id, params, feedback=feedback, context=context)
    return res, context, "\n".join(feedback.lines)


def _layer(context, value):
    from qgis.core import QgsVectorLayer

    layer = context.getMapLayer(value) if isinstance(value, str) else value
    return layer if layer is not None else QgsVectorLayer(value, "cells", "ogr")


def test_results_cells_layer_and_mosaics_per_crs(env, done_task, tmp_path):
    params = {"TASK_ID": done_task["id"], "FOLDER": str(tmp_path), "CELLS": "memory:", **env["conn"], **env["s3"]}
    res, context, log = _run("byoc:batchresults", params)
    assert (res["TOTAL"], res["DELIVERED"], res["NO_DATA"], res["FAILED"], res["PENDING"]) == (10, 5, 4, 1, 0)
    assert res["MOSAICS"] == 2 and res["STATUS"] == "DONE"
    # the cells layer: every cell with its status and error from the execution database
    cells = {f["name"]: f for f in _layer(context, res["CELLS"]).getFeatures()}
    no_data = NO_DATA_CELLS
    assert sorted(cells) == sorted(CELLS_WITH_DATA + [Z32_DATA, Z32_FATAL] + no_data)
    for name in CELLS_WITH_DATA + [Z32_DATA]:
        assert (cells[name]["status"], cells[name]["error"], cells[name]["delivered"]) == ("DONE", "", True), name
    assert cells[Z32_FATAL]["status"] == "FATAL" and "boom 65000" in cells[Z32_FATAL]["error"]
    assert not cells[Z32_FATAL]["delivered"]
    for name in no_data:
        assert (cells[name]["status"], cells[name]["error"], cells[name]["delivered"]) == ("DONE", "No data", False)
    assert cells["33TUM_0_3"]["epsg"] == 32633 and cells["33TUM_0_3"]["width"] == 334
    outputs = json.loads(cells["33TUM_0_3"]["outputs"])
    assert outputs == {"default": f"s3://{env['world'].out_bucket}/run1/{done_task['id']}/33TUM_0_3/default.tif"}
    center = cells["33TUM_0_3"].geometry().boundingBox().center()
    assert 12.0 < center.x() < 12.6 and 45.7 < center.y() < 46.3  # reprojected to EPSG:4326
    assert "Cell 32TQS_0_4 failed: " in log and "boom 65000" in log
    _assert_no_secret(env, log)
    # two VRTs, one per UTM zone, paths only (no key, no endpoint setting)
    vrts = sorted(Path(p) for p in res["LAYERS"])
    assert [p.name for p in vrts] == [
        f"batch-{done_task['id'][:8]}-default-EPSG32632.vrt",
        f"batch-{done_task['id'][:8]}-default-EPSG32633.vrt",
    ]
    for vrt in vrts:
        text = vrt.read_text()
        assert f"/vsis3/{env['world'].out_bucket}/run1/" in text
        _assert_no_secret(env, text)
        assert env["s3_server"].access_key not in text


def test_mosaic_pixels_equal_the_cells_and_a_process_request(env, done_task, tmp_path):
    from byoc_qgis.core.s3_layers import held_buckets

    params = {"TASK_ID": done_task["id"], "FOLDER": str(tmp_path), "CELLS": "memory:", **env["conn"], **env["s3"]}
    res, _context, _log = _run("byoc:batchresults", params)
    vrts = {int(Path(p).stem.rsplit("EPSG", 1)[1]): p for p in res["LAYERS"]}
    config = _config(env)
    # zone 33: the four delivered cells (2 x 2) hold exactly the source raster's values
    z33, gt, epsg = _read(vrts[Z33], config)
    arr = z33
    assert epsg == Z33 and arr.shape == (668, 668) and gt[1] == 60.0
    assert np.array_equal(arr, expected_window(gt[0], gt[3], 668, 668))
    assert arr.max() > 0
    # ... and a Process request of the same area gives the same pixels
    extent = f"{gt[0]},{gt[0] + 668 * 60},{gt[3] - 668 * 60},{gt[3]} [EPSG:{Z33}]"
    out = tmp_path / "process.tif"
    run_alg(
        "byoc:processrequest",
        {"COLLECTION": env["world"].collection_id, "EXTENT": extent, "CRS": f"EPSG:{Z33}", "RESOLUTION": 60,
         "EVALSCRIPT": IDENTITY, "OUTPUT": str(out), **env["conn"]},
    )  # fmt: skip
    ds = gdal.Open(str(out))
    process = ds.ReadAsArray()
    assert ds.GetGeoTransform() == gt
    ds = None
    assert np.array_equal(arr, process)
    # zone 32: the one delivered cell, the tile's values where it lies, 0 around
    arr, gt, epsg = _read(vrts[Z32], config)
    assert epsg == Z32 and arr.shape == (334, 334) and (gt[0], gt[3]) == (701400.0, 5130240.0)
    expected = np.zeros((334, 334), np.uint16)
    row0 = int((gt[3] - Z32_Y0) / 60.0)
    expected[row0:, :Z32_W] = z32_array()[: 334 - row0]
    assert np.array_equal(arr, expected)
    # the bucket's options stay set for the layers (no key in the source) until no layer uses the VRT
    prefix = f"/vsis3/{env['world'].out_bucket}"
    assert {held_buckets().get(p) for p in vrts.values()} == {env["world"].out_bucket}
    from qgis.core import QgsProject, QgsRasterLayer

    layer = QgsRasterLayer(vrts[Z33], "mosaic", "gdal")
    assert layer.isValid(), layer.error().message()
    block = layer.dataProvider().block(1, layer.extent(), 668, 668)
    values = np.frombuffer(bytes(block.data()), dtype=np.uint16).reshape(668, 668)
    assert np.array_equal(values, z33)
    assert layer.source() == vrts[Z33]
    QgsProject.instance().addMapLayer(layer)
    assert gdal.GetPathSpecificOption(prefix, "AWS_S3_ENDPOINT") == env["s3_server"].endpoint
    QgsProject.instance().removeMapLayer(layer.id())
    assert not set(held_buckets()) & set(vrts.values())
    assert gdal.GetPathSpecificOption(prefix, "AWS_S3_ENDPOINT") is None


def test_status_table_one_and_all_with_masked_request(env, done_task):
    res, context, log = _run("byoc:batchstatus", {"TASK_ID": done_task["id"], "OUTPUT": "memory:", **env["conn"]})
    assert (res["COUNT"], res["STATUS"], res["COMPLETION"]) == (1, "DONE", 100)
    [row] = list(_layer(context, res["OUTPUT"]).getFeatures())
    assert (row["task_id"], row["status"], row["grid_id"], row["resolution"]) == (done_task["id"], "DONE", 0, 60.0)
    assert row["cost_pu"] > 0 and row["created"].isValid()
    assert row["delivery_url"] == f"s3://{env['world'].out_bucket}/run1/<requestId>/<tileName>/<outputId>.<format>"
    request = json.loads(row["request"])
    assert request["output"]["delivery"]["s3"]["secretAccessKey"] == "***"
    assert request["output"]["delivery"]["s3"]["accessKey"] == "***"
    _assert_no_secret(env, row["request"], log)
    assert env["s3_server"].access_key not in row["request"]
    res, context, _log = _run("byoc:batchstatus", {"SEARCH": "QGIS", "OUTPUT": "memory:", **env["conn"]})
    ids = [f["task_id"] for f in _layer(context, res["OUTPUT"]).getFeatures()]
    assert done_task["id"] in ids and res["COUNT"] == len(ids) and res["STATUS"] == ""


class CancelWhenProcessing(LogFeedback):
    """A feedback whose user presses Cancel once the task is PROCESSING."""

    def __new__(cls):
        feedback = LogFeedback()
        original = feedback.setProgressText

        def set_text(text):
            original(text)
            if text.startswith("PROCESSING"):
                feedback.cancel()

        feedback.setProgressText = set_text
        return feedback


def _task(env, tid):
    session = env["hub"].session()
    return session.get(f"{env['world'].batch_url}/process/{tid}", timeout=10).json()


def test_wait_cancel_leaves_the_task_running_or_stops_it_and_stop_needs_confirm(env):
    from qgis.core import QgsProcessingException

    tids = []
    for prefix in ("cancel-keep", "cancel-stop"):
        res, _context, _log = _run("byoc:batchcreate", _create_params(env, prefix, EVALSCRIPT=SLOW))
        tids.append(res["TASK_ID"])
    keep, stop = tids
    # Cancel without STOP_ON_CANCEL: the algorithm ends, the task goes on
    with pytest.raises(QgsProcessingException, match="keeps running on the service"):
        _run("byoc:batchwait", {"TASK_ID": keep, "POLL_MAX": 0.3, **env["conn"]}, feedback=CancelWhenProcessing())
    assert _task(env, keep)["status"] == "PROCESSING"
    # Stop needs CONFIRM
    with pytest.raises(QgsProcessingException, match="set CONFIRM"):
        _run("byoc:batchstop", {"TASK_ID": keep, **env["conn"]})
    assert _task(env, keep)["status"] == "PROCESSING"
    res, _context, _log = _run("byoc:batchstop", {"TASK_ID": keep, "CONFIRM": True, **env["conn"]})
    assert res["STATUS"] in ("PROCESSING", "STOPPED")  # the cells in flight finish first
    # Cancel with STOP_ON_CANCEL: the task is stopped too
    with pytest.raises(QgsProcessingException, match="was stopped"):
        _run("byoc:batchwait", {"TASK_ID": stop, "POLL_MAX": 0.3, "STOP_ON_CANCEL": True, **env["conn"]},
             feedback=CancelWhenProcessing())  # fmt: skip
    for tid in (keep, stop):
        assert _task(env, tid)["userAction"] == "STOP"
        res, _context, _log = _run("byoc:batchwait", {"TASK_ID": tid, "POLL_MAX": 0.3, "FAIL_ON_FAILED": False,
                                                      **env["conn"]})  # fmt: skip
        assert res["STATUS"] == "STOPPED" and res["COMPLETION"] < 100
    with pytest.raises(QgsProcessingException, match="ended STOPPED: USER_ACTION"):
        _run("byoc:batchwait", {"TASK_ID": stop, **env["conn"]})


def test_polygon_layer_area_analyse_only_and_pending_cells(env, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    # the AOI as a polygon in ETRS89 / UTM 33N (EPSG:25833, not a Process API CRS): sent as EPSG:4326
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833", "aoi", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((302000 5112000, 318000 5112000, 318000 5128000, "
                                            "302000 5128000, 302000 5112000))"))  # fmt: skip
    layer.dataProvider().addFeatures([feature])
    params = _create_params(env, "aoi", AOI=layer, START=False, DESCRIPTION="polygon aoi")
    params.pop("EXTENT")
    res, _context, log = _run("byoc:batchcreate", params)
    tid = res["TASK_ID"]
    assert (res["CELLS"], res["STATUS"]) == (1, "CREATED")
    body = _task(env, tid)["request"]["processRequest"]["input"]["bounds"]
    assert body["properties"]["crs"].endswith("/4326") and "bbox" not in body
    ring = body["geometry"]["coordinates"][0]
    from osgeo import osr

    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(25833)
    dst.ImportFromEPSG(4326)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    corners = osr.CoordinateTransformation(src, dst).TransformPoints(
        [(302000, 5112000), (318000, 5112000), (318000, 5128000), (302000, 5128000)]
    )
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    assert min(lons) == pytest.approx(min(c[0] for c in corners), abs=1e-3)
    assert max(lons) == pytest.approx(max(c[0] for c in corners), abs=1e-3)
    assert min(lats) == pytest.approx(min(c[1] for c in corners), abs=1e-3)
    assert max(lats) == pytest.approx(max(c[1] for c in corners), abs=1e-3)
    assert len(ring) > 5  # edges densified before reprojection
    res, _context, _log = _run("byoc:batchstart", {"TASK_ID": tid, "ANALYSE_ONLY": True, **env["conn"]})
    res, _context, _log = _run("byoc:batchwait", {"TASK_ID": tid, "UNTIL": 1, "POLL_MAX": 0.3, **env["conn"]})
    assert res["STATUS"] == "ANALYSIS_DONE"
    params = {"TASK_ID": tid, "FOLDER": str(tmp_path), "CELLS": "memory:", **env["conn"], **env["s3"]}
    res, context, log = _run("byoc:batchresults", params)
    assert (res["TOTAL"], res["PENDING"], res["MOSAICS"], res["LAYERS"]) == (1, 1, 0, [])
    [cell] = list(_layer(context, res["CELLS"]).getFeatures())
    assert (cell["name"], cell["status"], cell["delivered"]) == ("33TUM_0_3", "PENDING", False)
    assert "No cell delivered yet" in log


@pytest.mark.parametrize(
    "change, words",
    [
        ({"EXTENT": None}, "Give the area"),
        ({"RESOLUTION": 15}, "use 10, 20, 30, 60 m"),
        ({"PATH": "x/<outputId>.tif"}, "must contain <tileName>"),
        ({"CREATE_COLLECTION": True, "COG": False}, "must be COGs"),
        ({"S3_AUTHCFG": ""}, "needs S3 keys"),
        ({"BUCKET": "s3://b/x"}, "bare bucket name"),
        ({"OUTPUTS": "nope"}, "'nope' is not declared"),
        ({"MAX_CELLS": 3}, "more than 3 cells of grid UTM 20km grid"),
    ],
)
def test_create_refuses_bad_input_before_sending(env, change, words, monkeypatch):
    from qgis.core import QgsProcessingException

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(name, raising=False)
    before = len(_all_tasks(env))
    params = _create_params(env, "refused", **change)
    params = {k: v for k, v in params.items() if v is not None}
    with pytest.raises(QgsProcessingException, match=words):
        _run("byoc:batchcreate", params)
    assert len(_all_tasks(env)) == before


def _all_tasks(env):
    session = env["hub"].session()
    out, token = [], None
    while True:
        query = {"count": 100, **({"viewtoken": token} if token else {})}
        page = session.get(f"{env['world'].batch_url}/process", params=query, timeout=10).json()
        out += page["data"]
        token = page.get("links", {}).get("nextToken")
        if not token or not page["data"]:
            return out


def test_bad_task_id_is_named(env):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="is not a batch task id"):
        _run("byoc:batchwait", {"TASK_ID": "../x", **env["conn"]})


def test_mosaic_from_the_manifest_opens_one_file_and_falls_back_to_gdal(env, done_task, tmp_path):
    import dataclasses

    from byoc_qgis.core.auth import ClientCredentials
    from byoc_qgis.core.batch import BatchClient
    from byoc_qgis.core.batch_mosaic import build_mosaics
    from byoc_qgis.core.batch_results import read_cells
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.core.http import HttpClient

    hub, config = env["hub"], _config(env)
    http = HttpClient(
        custom_deployment(hub.base_url, hub.token_url), ClientCredentials(hub.client_id, hub.client_secret)
    )
    task = BatchClient(http).get_task(done_task["id"])
    http.close()
    cells = sorted((c for c in read_cells(config, task) if c.epsg == Z33 and c.delivered), key=lambda c: c.name)
    [reference] = build_mosaics(config, task, cells, str(tmp_path / "a"))
    z33 = _read(reference.path, config)
    # only the first delivered file is opened: the others may even be missing when the mosaic is written
    gone = [dataclasses.replace(c, paths={"default": c.paths["default"] + ".missing"}) for c in cells]
    gone[0] = cells[0]
    [lazy] = build_mosaics(config, task, gone, str(tmp_path / "b"))
    assert lazy.sources == 4 and lazy.skipped == () and ".missing" in Path(lazy.path).read_text()
    # a manifest that does not describe the files (outline shifted by half a pixel): GDAL reads every header
    shifted = []
    for c in cells:
        geom = ogr.CreateGeometryFromWkt(c.wkt)
        geom.Transform(_shift(30.0))
        shifted.append(dataclasses.replace(c, wkt=geom.ExportToWkt()))
    [checked] = build_mosaics(config, task, shifted, str(tmp_path / "c"))  # written from the manifest: 30 m off
    for mosaic in (reference, checked):
        arr, gt, epsg = _read(mosaic.path, config)
        assert np.array_equal(arr, z33[0]) and gt == z33[1] and epsg == Z33


def _shift(dx: float):
    """An OGR transformer that moves x by ``dx``."""
    from osgeo import osr

    src = osr.SpatialReference()
    src.ImportFromEPSG(Z33)
    dst = osr.SpatialReference()
    dst.ImportFromProj4(f"{src.ExportToProj4()} +x_0={500000 - dx}")
    for ref in (src, dst):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(src, dst)


class _ScriptedBatch:
    """A batch client whose one task processes for ``duration`` seconds at a steady rate (real clock)."""

    def __init__(self, duration: float) -> None:
        import time

        self.start, self.duration, self.polls = time.monotonic(), duration, []

    def get_task(self, _tid, cancel=None):
        import time

        from byoc_qgis.core.batch import BatchTask

        elapsed = time.monotonic() - self.start
        self.polls.append(elapsed)
        done = elapsed >= self.duration
        percent = 100.0 if done else 100.0 * elapsed / self.duration
        return BatchTask({"id": "8b1c1f3e-0d7a-4c1e-9b7e-2f4d1a6c9e01", "status": "DONE" if done else "PROCESSING",
                          "userAction": "START", "completionPercentage": percent})  # fmt: skip


def test_monitor_sees_the_end_soon_without_polling_often():
    from byoc_qgis.core.batch import wait_for_task

    client = _ScriptedBatch(4.0)
    task = wait_for_task(client, "8b1c1f3e-0d7a-4c1e-9b7e-2f4d1a6c9e01", initial_delay=0.1, max_delay=2.0)
    assert task.status_text == "DONE"
    # backing off alone (0.1 s ×1.5 up to 2 s) would see the end at 4.9 s, 0.9 s late
    assert client.polls[-1] - 4.0 < 0.4 and len(client.polls) <= 16, client.polls


@pytest.mark.parametrize(
    "params, overviews, block, predictor",
    [({}, [501, 251], 256, "2"), ({"overviewLevels": [2, 4, 8]}, [501, 251, 126], 256, "2"),
     ({"usePredictor": False, "blockxsize": 512}, [501], 512, None)],
)  # fmt: skip
def test_localhub_cell_cog_is_a_valid_cog_with_the_same_pixels(tmp_path, params, overviews, block, predictor):
    from byoc_qgis.core.cog_rules import inspect_file
    from localhub.batch.cells import _finish_tiff

    rows, cols = np.mgrid[0:1002, 0:1002]
    bands = [((rows * (3 + b) + cols * 7) % 251).astype(np.uint8) for b in range(4)]
    ds = mem_dataset(bands, Z33, (300600.0, 20.0, 0.0, 5010000.0, 0.0, -20.0), dtype="Byte")
    rendered = tmp_path / "default.out"
    gdal.Translate(
        str(rendered), ds, format="GTiff", creationOptions=["COMPRESS=DEFLATE", "ZLEVEL=1", "INTERLEAVE=PIXEL"]
    )
    ds = None
    out = _finish_tiff(str(rendered), str(tmp_path / "default.tif"), True, params)
    cog = gdal.Open(out)
    band = cog.GetRasterBand(1)
    structure = cog.GetMetadata("IMAGE_STRUCTURE")
    assert structure["LAYOUT"] == "COG" and structure.get("PREDICTOR") == predictor
    assert band.GetBlockSize() == [block, block]
    assert [band.GetOverview(i).XSize for i in range(band.GetOverviewCount())] == overviews
    assert np.array_equal(cog.ReadAsArray(), np.stack(bands))
    assert cog.GetGeoTransform() == (300600.0, 20.0, 0.0, 5010000.0, 0.0, -20.0)
    # average overviews: each pixel the mean of the 2×2 pixels below it, half rounded up
    expected = np.floor(np.stack(bands).astype(float).reshape(4, 501, 2, 501, 2).mean(axis=(2, 4)) + 0.5)
    assert np.array_equal(np.stack([cog.GetRasterBand(b + 1).GetOverview(0).ReadAsArray() for b in range(4)]), expected)
    cog = band = None
    _facts, findings = inspect_file(out)
    assert [f for f in findings if f.level == "error"] == [], findings
    assert not rendered.exists()


def test_localhub_cell_cog_with_no_data_averages_without_it(tmp_path):
    """Bands with no-data get GDAL's AVERAGE (no-data pixels left out of the means), odd sizes included."""
    from localhub.batch.cells import _finish_tiff

    data = np.full((1001, 1001), 200, np.uint16)
    data[:, 1::2] = 0  # every other column is no-data: with it left out, every overview pixel is 200
    ds = mem_dataset([data], Z33, (300600.0, 20.0, 0.0, 5010000.0, 0.0, -20.0), dtype="UInt16")
    ds.GetRasterBand(1).SetNoDataValue(0)
    rendered = tmp_path / "nodata.out"
    gdal.Translate(str(rendered), ds, format="GTiff")
    ds = None
    cog = gdal.Open(_finish_tiff(str(rendered), str(tmp_path / "nodata.tif"), True, {}))
    overview = cog.GetRasterBand(1).GetOverview(0)
    assert (overview.XSize, overview.YSize) == (501, 501)
    assert set(np.unique(overview.ReadAsArray()).tolist()) == {200}
    assert cog.GetMetadata("IMAGE_STRUCTURE")["LAYOUT"] == "COG"


def test_held_bucket_options_stay_for_every_thread_until_released():
    import threading

    from byoc_qgis.core.s3 import S3Error
    from byoc_qgis.core.s3_layers import held_buckets, hold_bucket, release_bucket

    held = S3Config("hold-test-bucket", "AKIAHOLD", "hold-secret", endpoint="127.0.0.1:9", https=False)
    other = S3Config("hold-test-bucket", "AKIAOTHER", "other-secret", endpoint="127.0.0.1:9", https=False)
    prefix = "/vsis3/hold-test-bucket"
    assert hold_bucket(held, "/tmp/a.vrt") and hold_bucket(held, "/tmp/b.vrt")
    seen = []
    worker = threading.Thread(target=lambda: seen.append(gdal.GetPathSpecificOption(prefix, "AWS_ACCESS_KEY_ID")))
    worker.start()
    worker.join()
    assert seen == ["AKIAHOLD"]  # a render thread sees them
    with pytest.raises(S3Error, match="in use with other settings"):
        with bucket_options(other):
            pass
    with bucket_options(held):  # the same settings nest
        pass
    assert release_bucket("/tmp/a.vrt") and gdal.GetPathSpecificOption(prefix, "AWS_ACCESS_KEY_ID") == "AKIAHOLD"
    assert release_bucket("/tmp/b.vrt") and not release_bucket("/tmp/b.vrt")
    assert gdal.GetPathSpecificOption(prefix, "AWS_ACCESS_KEY_ID") is None
    assert not {"/tmp/a.vrt", "/tmp/b.vrt"} & set(held_buckets())
    with bucket_options(other):  # free again
        assert gdal.GetPathSpecificOption(prefix, "AWS_ACCESS_KEY_ID") == "AKIAOTHER"
