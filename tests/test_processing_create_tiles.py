"""Create tiles (local rasters and S3 prefix) through processing.run against localhub and the moto S3 server:
COGify, cover, upload, register, resume, overwrite protection and cancellation mid-upload."""

from __future__ import annotations

import uuid

import numpy as np
import pytest

from .fixtures_rasters import make_small_tiles, make_tile, mem_dataset, write_cog
from .test_processing_support import (
    connection_params,
    register_provider,
    run_alg,
    s3_params,
    store_basic_authcfg,
)


@pytest.fixture(scope="module")
def env(qgis_processing, localhub, s3_server):
    provider = register_provider()
    authcfg = store_basic_authcfg(localhub.client_id, localhub.client_secret, "localhub-create")
    s3cfg = store_basic_authcfg(s3_server.access_key, s3_server.secret_key, "s3-create")
    params = {**connection_params(localhub, authcfg), **s3_params(s3_server, s3cfg)}
    return {"hub": localhub, "params": params, "provider": provider, "s3": s3_server}


@pytest.fixture
def collection(env):
    bucket = f"ct-{uuid.uuid4().hex[:10]}"
    env["s3"].client().create_bucket(Bucket=bucket)
    res, _ = run_alg("byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, **env["params"]})
    return {"id": res["COLLECTION_ID"], "bucket": bucket}


def _keys(s3, bucket):
    out = s3.client().list_objects_v2(Bucket=bucket)
    return {o["Key"]: o["Size"] for o in out.get("Contents", [])}


def _tiles(env, cid):
    _, layer = run_alg("byoc:collectiontiles", {"COLLECTION": cid, "OUTPUT": "memory:", **env["params"]})
    return {f["path"]: f for f in layer.getFeatures()}


def test_create_tiles_from_folder_cogify_resume(env, collection, tmp_path):
    root = tmp_path / "data"
    make_tile(root / "2023-06-10" / "tA", stems=("B02", "B03"))
    make_tile(root / "2023-06-11" / "tB", stems=("B02", "B03"))
    (root / "2023-06-12" / "tC").mkdir(parents=True)
    for stem in ("B02", "B03"):  # 128-px internal tiles: the pre-flight fails, COGify fixes it
        make_small_tiles(root / "2023-06-12" / "tC" / f"{stem}.tif", size=(600, 500))
    params = {
        "COLLECTION": collection["id"],
        "FOLDER": str(root),
        "PATH_TEMPLATE": "demo/{name}/(BAND).tif",
        "THREADS": 2,
        "OUTPUT": "memory:",
        **env["params"],
    }
    res, table = run_alg("byoc:createtiles", params)
    rows = {f["path"]: f for f in table.getFeatures()}
    assert res["REGISTERED"] == 3, [(f["path"], f["status"], f["message"]) for f in table.getFeatures()]
    assert set(rows) == {f"demo/2023-06-1{i}/t{c}/(BAND).tif" for i, c in ((0, "A"), (1, "B"), (2, "C"))}
    keys = _keys(env["s3"], collection["bucket"])
    assert "demo/2023-06-12/tC/B03.tif" in keys
    # wait for ingestion, chained on the output table
    res, status = run_alg(
        "byoc:waitforingestion",
        {
            "COLLECTION": collection["id"],
            "TILES": table,
            "TIMEOUT": 60,
            "FAIL_ON_FAILED": True,
            "OUTPUT": "memory:",
            **env["params"],
        },
    )
    assert res["INGESTED"] == 3
    tiles = _tiles(env, collection["id"])
    assert tiles["demo/2023-06-10/tA/(BAND).tif"]["sensing_time"].date().day() == 10
    assert all(t["native_crs"] == "EPSG:32633" for t in tiles.values())
    # running again registers nothing new and uploads nothing new
    res, table = run_alg("byoc:createtiles", params)
    assert (res["REGISTERED"], res["SKIPPED"], res["FAILED"]) == (0, 3, 0)
    assert {f["tile_id"] for f in table.getFeatures()} == {t["tile_id"] for t in tiles.values()}


def test_existing_s3_object_is_never_replaced_silently(env, collection, tmp_path):
    files = make_tile(tmp_path / "2023-01-01" / "tX", stems=("B02",))
    env["s3"].client().put_object(Bucket=collection["bucket"], Key="2023-01-01/tX/B02.tif", Body=b"precious")
    res, table = run_alg(
        "byoc:createtiles",
        {
            "COLLECTION": collection["id"],
            "INPUT": list(files.values()),
            "FOLDER": str(tmp_path),
            "OUTPUT": "memory:",
            **env["params"],
        },
    )
    assert res["FAILED"] == 1 and res["REGISTERED"] == 0
    assert "already exists" in next(table.getFeatures())["message"]
    body = env["s3"].client().get_object(Bucket=collection["bucket"], Key="2023-01-01/tX/B02.tif")["Body"].read()
    assert body == b"precious"


def test_split_multiband_rasters_constant_time(env, collection, tmp_path):
    h, w = 400, 500
    arrays = [np.full((h, w), v, np.uint16) for v in (100, 200)]
    path = write_cog(tmp_path / "scene1.tif", mem_dataset(arrays, epsg=32633, nodata=0))
    res, table = run_alg(
        "byoc:createtiles",
        {
            "COLLECTION": collection["id"],
            "INPUT": [path],
            "BAND_NAMES": "B02,B03",
            "SENSING_TIME_MODE": 1,
            "SENSING_TIME": "2023-05-05T10:00:00Z",
            "OUTPUT": "memory:",
            **env["params"],
        },
    )
    assert res["REGISTERED"] == 1, [f["message"] for f in table.getFeatures()]
    keys = _keys(env["s3"], collection["bucket"])
    assert {"scene1/B02.tif", "scene1/B03.tif"} <= set(keys)


def test_bad_input_fails_before_anything_is_uploaded(env, collection, tmp_path):
    from qgis.core import QgsProcessingException

    make_tile(tmp_path / "no-date" / "tZ", stems=("B02",))
    with pytest.raises(QgsProcessingException, match="No sensing time"):
        run_alg(
            "byoc:createtiles",
            {"COLLECTION": collection["id"], "FOLDER": str(tmp_path), "OUTPUT": "memory:", **env["params"]},
        )
    assert _keys(env["s3"], collection["bucket"]) == {}


class CancelDuringUpload:
    """A feedback that cancels once the first upload has started."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.uploads = 0

            def setProgressText(self, text):  # noqa: N802
                if "uploading" in text:
                    self.uploads += 1
                    if self.uploads >= 2:
                        self.cancel()
                super().setProgressText(text)

        return _Feedback()


def test_cancel_mid_upload_leaves_no_tile_without_files(env, collection, tmp_path):
    from qgis.core import QgsProcessingException

    root = tmp_path / "data"
    for i in range(6):
        make_tile(root / f"2023-02-0{i + 1}" / f"t{i}", stems=("B02", "B03", "B04"))
    params = {
        "COLLECTION": collection["id"],
        "FOLDER": str(root),
        "THREADS": 2,
        "COVER": 2,
        "OUTPUT": "memory:",
        **env["params"],
    }
    feedback = CancelDuringUpload()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("byoc:createtiles", params, feedback=feedback)
    keys = _keys(env["s3"], collection["bucket"])
    registered = _tiles(env, collection["id"])
    assert len(registered) < 6
    for path in registered:
        for band in ("B02", "B03", "B04"):
            assert path.replace("(BAND)", band) in keys, f"{path} registered without its {band} file"
    # the next run continues and completes
    res, _ = run_alg("byoc:createtiles", params)
    assert res["REGISTERED"] + res["SKIPPED"] == 6 and res["FAILED"] == 0
    assert res["SKIPPED"] == len(registered)


def test_create_tiles_from_s3_prefix(env, collection, tmp_path):
    client = env["s3"].client()
    for day in ("03", "04"):
        files = make_tile(tmp_path / day, stems=("B02", "B03"))
        for stem, path in files.items():
            client.upload_file(path, collection["bucket"], f"incoming/2023-03-{day}/tile{day}/{stem}.tif")
    params = {"COLLECTION": collection["id"], "PREFIX": "incoming", "COVER": 0, "OUTPUT": "memory:", **env["params"]}
    res, table = run_alg("byoc:createtilesfroms3", params)
    assert res["REGISTERED"] == 2, [f["message"] for f in table.getFeatures()]
    res, _ = run_alg(
        "byoc:waitforingestion",
        {"COLLECTION": collection["id"], "TILES": table, "TIMEOUT": 60, "OUTPUT": "memory:", **env["params"]},
    )
    assert res["INGESTED"] == 2
    tiles = _tiles(env, collection["id"])
    tile = tiles["incoming/2023-03-03/tile03/(BAND).tif"]
    assert tile["sensing_time"].date().day() == 3
    res, _ = run_alg("byoc:createtilesfroms3", params)
    assert (res["REGISTERED"], res["SKIPPED"]) == (0, 2)
