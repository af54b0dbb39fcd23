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
    from qgis.core import QgsProcessingException

    files = make_tile(tmp_path / "2023-01-01" / "tX", stems=("B02",))
    env["s3"].client().put_object(Bucket=collection["bucket"], Key="2023-01-01/tX/B02.tif", Body=b"precious")
    params = {
        "COLLECTION": collection["id"],
        "INPUT": list(files.values()),
        "FOLDER": str(tmp_path),
        "OUTPUT": "memory:",
        **env["params"],
    }
    # the default: a failed tile makes the algorithm fail (a script or model cannot miss it)
    with pytest.raises(QgsProcessingException, match=r"1 of 1 tile failed .*already exists with 8 bytes"):
        run_alg("byoc:createtiles", params)
    res, table = run_alg("byoc:createtiles", {**params, "FAIL_ON_ERROR": False})
    assert (res["FAILED"], res["REGISTERED"]) == (1, 0)
    assert "already exists with 8 bytes" in next(table.getFeatures())["message"]
    body = env["s3"].client().get_object(Bucket=collection["bucket"], Key="2023-01-01/tX/B02.tif")["Body"].read()
    assert body == b"precious"
    assert _tiles(env, collection["id"]) == {}


def _uncompressed(path, value):
    """An uncompressed COG: every version of it has the same size, whatever the pixel values."""
    return write_cog(path, mem_dataset([np.full((300, 400), value, np.uint16)], epsg=32633), compress="NONE")


def test_a_corrected_file_of_the_same_size_is_never_taken_for_uploaded(env, collection, tmp_path):
    from qgis.core import QgsProcessingException

    tile = tmp_path / "2023-04-01" / "tS"
    old = _uncompressed(tile / "B02.tif", 100)
    old_bytes = open(old, "rb").read()
    params = {"COLLECTION": collection["id"], "FOLDER": str(tmp_path), "OUTPUT": "memory:", **env["params"]}
    res, _ = run_alg("byoc:createtiles", params)
    assert res["REGISTERED"] == 1
    # the user deletes the tile, corrects the file (same size) and creates the tile again
    (tile_id,) = [t["tile_id"] for t in _tiles(env, collection["id"]).values()]
    env["hub"].session().delete(
        f"{env['hub'].byoc_url}/collections/{collection['id']}/tiles/{tile_id}"
    ).raise_for_status()
    new = _uncompressed(tile / "B02.tif", 200)
    new_bytes = open(new, "rb").read()
    assert len(new_bytes) == len(old_bytes) and new_bytes != old_bytes
    with pytest.raises(QgsProcessingException, match=r"already exists with other content .*allow overwriting"):
        run_alg("byoc:createtiles", params)
    key = "2023-04-01/tS/B02.tif"
    assert env["s3"].client().get_object(Bucket=collection["bucket"], Key=key)["Body"].read() == old_bytes
    assert _tiles(env, collection["id"]) == {}  # nothing registered over the old bytes
    res, _ = run_alg("byoc:createtiles", {**params, "OVERWRITE": True})
    assert res["REGISTERED"] == 1
    assert env["s3"].client().get_object(Bucket=collection["bucket"], Key=key)["Body"].read() == new_bytes
    # and a rerun finds the same bytes: nothing sent, nothing registered twice
    res, _ = run_alg("byoc:createtiles", {**params, "OVERWRITE": True})
    assert (res["REGISTERED"], res["SKIPPED"]) == (0, 1)


def test_bands_contradicting_the_collection_fail_before_upload(env, tmp_path):
    from qgis.core import QgsProcessingException

    bucket = f"ct-{uuid.uuid4().hex[:10]}"
    env["s3"].client().create_bucket(Bucket=bucket)
    res, _ = run_alg(
        "byoc:createcollection",
        {"NAME": bucket, "BUCKET": bucket, "BANDS": "B02,B03", "BAND_TYPE": 0, **env["params"]},  # UINT8
    )
    make_tile(tmp_path / "2023-05-01" / "tU", stems=("B02", "B03"))  # UInt16 files
    params = {"COLLECTION": res["COLLECTION_ID"], "FOLDER": str(tmp_path), "OUTPUT": "memory:", **env["params"]}
    with pytest.raises(QgsProcessingException) as err:
        run_alg("byoc:createtiles", params)
    assert "Band B02 is configured with bit depth 8, but B02 has 16." in str(err.value)
    assert "Convert the file to 8-bit samples" in str(err.value)
    assert _keys(env["s3"], bucket) == {} and _tiles(env, res["COLLECTION_ID"]) == {}


def test_wrong_s3_secret_fails_before_anything_is_sent(env, collection, tmp_path):
    from qgis.core import QgsProcessingException

    make_tile(tmp_path / "2023-06-01" / "tW", stems=("B02",))
    wrong = store_basic_authcfg(env["s3"].access_key, "not-the-secret-key", "s3-wrong")
    params = {
        "COLLECTION": collection["id"],
        "FOLDER": str(tmp_path),
        "OUTPUT": "memory:",
        **env["params"],
        "S3_AUTHCFG": wrong,
    }
    with pytest.raises(QgsProcessingException) as err:
        run_alg("byoc:createtiles", params)
    text = str(err.value)
    assert text.startswith("S3 bucket check failed: ") and "refused the S3 secret key" in text
    assert "not-the-secret-key" not in text
    assert _keys(env["s3"], collection["bucket"]) == {} and _tiles(env, collection["id"]) == {}


def test_a_missing_bucket_is_refused_at_create_collection_and_at_upload(env, tmp_path):
    from qgis.core import QgsProcessingException

    bucket = f"missing-{uuid.uuid4().hex[:8]}"
    with pytest.raises(QgsProcessingException) as err:
        run_alg("byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, **env["params"]})
    assert f"Bucket {bucket} does not exist at {env['s3'].endpoint}: create it" in str(err.value)
    assert "set CHECK_BUCKET to false to create it anyway" in str(err.value)
    res, _ = run_alg(
        "byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, "CHECK_BUCKET": False, **env["params"]}
    )
    make_tile(tmp_path / "2023-06-02" / "tM", stems=("B02",))
    with pytest.raises(QgsProcessingException, match=f"S3 bucket check failed: Bucket {bucket} does not exist"):
        run_alg(
            "byoc:createtiles",
            {"COLLECTION": res["COLLECTION_ID"], "FOLDER": str(tmp_path), "OUTPUT": "memory:", **env["params"]},
        )
    assert _tiles(env, res["COLLECTION_ID"]) == {}


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


def test_create_tiles_from_s3_fails_by_default_when_a_tile_fails(env, collection, tmp_path):
    from qgis.core import QgsProcessingException

    client = env["s3"].client()
    files = make_tile(tmp_path / "good", stems=("B02",))
    client.upload_file(files["B02"], collection["bucket"], "in/2023-03-05/good/B02.tif")
    client.put_object(Bucket=collection["bucket"], Key="in/2023-03-06/broken/B02.tif", Body=b"not a raster")
    params = {"COLLECTION": collection["id"], "PREFIX": "in", "COVER": 0, "OUTPUT": "memory:", **env["params"]}
    with pytest.raises(QgsProcessingException, match=r"1 of 2 tiles failed .*broken"):
        run_alg("byoc:createtilesfroms3", params)
    assert set(_tiles(env, collection["id"])) == {"in/2023-03-05/good/(BAND).tif"}  # the others are registered
    res, table = run_alg("byoc:createtilesfroms3", {**params, "FAIL_ON_ERROR": False})
    assert (res["REGISTERED"], res["SKIPPED"], res["FAILED"]) == (0, 1, 1)


def test_every_entry_point_groups_a_folder_the_same_way(env, collection, tmp_path):
    """Pre-flight, createtiles, the S3 listing and createtilesfroms3 take the same tiles from the same tree
    (core.tile_groups), and a file the pattern does not take is named by the pre-flight as createtiles refuses it."""
    from qgis.core import QgsProcessingException

    from byoc_qgis.core.s3 import S3Config, list_tiles

    root = tmp_path / "tree"
    for folder in ("a/t1", "a/t2", "b"):
        make_tile(root / folder, stems=("B02", "B03"))
    expected = {"a/t1/(BAND).tif", "a/t2/(BAND).tif", "b/(BAND).tif"}
    res, findings = run_alg("byoc:preflightcheck", {"FOLDER": str(root), "OUTPUT": "memory:"})
    assert (res["ERRORS"], res["FILES"]) == (0, 6)
    res, table = run_alg(
        "byoc:createtiles",
        {"COLLECTION": collection["id"], "FOLDER": str(root), "PATH_TEMPLATE": "{name}/(BAND).tif", "COVER": 2,
         "SENSING_TIME_MODE": 3, "OUTPUT": "memory:", **env["params"]},
    )  # fmt: skip
    assert {f["path"] for f in table.getFeatures()} == expected and res["REGISTERED"] == 3
    s3 = env["s3"]
    cfg = S3Config(collection["bucket"], access_key=s3.access_key, secret_key=s3.secret_key, region=s3.region,
                   endpoint=s3.endpoint, https=False)  # fmt: skip
    assert {t.path: list(t.files) for t in list_tiles(cfg)} == dict.fromkeys(expected, ["B02", "B03"])
    res, _ = run_alg("byoc:createcollection", {"NAME": f"again-{uuid.uuid4().hex[:6]}", "BUCKET": collection["bucket"],
                                               **env["params"]})  # fmt: skip
    res, table = run_alg(
        "byoc:createtilesfroms3",
        {"COLLECTION": res["COLLECTION_ID"], "SENSING_TIME_MODE": 2, "OUTPUT": "memory:", **env["params"]},
    )
    assert {f["path"] for f in table.getFeatures()} == expected and res["REGISTERED"] == 3

    make_tile(root / "b", stems=("B03.v2",))  # a dot is not a band name character: the pattern does not take it
    res, findings = run_alg("byoc:preflightcheck", {"FOLDER": str(root), "OUTPUT": "memory:"})
    errors = [(f["rule"], f["value"]) for f in findings.getFeatures() if f["severity"] == "error"]
    assert errors == [("file-pattern", "B03.v2.tif")] and res["FILES"] == 7
    with pytest.raises(QgsProcessingException, match=r"1 file does not match FILE_PATTERN '\(BAND\).tif', e.g. b/B03"):
        run_alg("byoc:createtiles", {"COLLECTION": collection["id"], "FOLDER": str(root), "OUTPUT": "memory:",
                                     **env["params"]})  # fmt: skip
