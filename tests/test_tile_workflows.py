"""Explain failures, re-trace covers and copy tiles (core.tile_workflows) through processing.run against localhub
and its S3: the algorithms the dock's tile actions run."""

from __future__ import annotations

import uuid

import pytest

from .fixtures_rasters import make_small_tiles, make_tile
from .test_processing_support import connection_params, register_provider, run_alg, s3_params, store_basic_authcfg


@pytest.fixture(scope="module")
def env(qgis_processing, localhub, s3_server, tmp_path_factory):
    """A collection with one INGESTED tile (good/t1) and one FAILED tile (bad/t3: 128-px internal tiles)."""
    from byoc_qgis.core.auth import ClientCredentials
    from byoc_qgis.core.byoc import ByocClient
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.core.http import HttpClient
    from byoc_qgis.core.ingestion import wait_for_tiles
    from byoc_qgis.core.models import Tile

    provider = register_provider()
    authcfg = store_basic_authcfg(localhub.client_id, localhub.client_secret, "localhub-workflows")
    s3cfg = store_basic_authcfg(s3_server.access_key, s3_server.secret_key, "s3-workflows")
    conn = connection_params(localhub, authcfg)
    params = {**conn, **s3_params(s3_server, s3cfg)}
    bucket = f"wf-{uuid.uuid4().hex[:10]}"
    client = s3_server.client()
    client.create_bucket(Bucket=bucket)
    root = tmp_path_factory.mktemp("wf")
    good_files = make_tile(root / "good", stems=("B02", "B03"))
    for stem, path in good_files.items():
        client.upload_file(path, bucket, f"good/t1/{stem}.tif")
    for stem in ("B02", "B03"):
        client.upload_file(
            make_small_tiles(root / "bad" / f"{stem}.tif", size=(600, 500)), bucket, f"bad/t3/{stem}.tif"
        )
    res, _ = run_alg("byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, **conn})
    creds = ClientCredentials(localhub.client_id, localhub.client_secret)
    byoc = ByocClient(HttpClient(custom_deployment(localhub.base_url, localhub.token_url), creds))
    cid = res["COLLECTION_ID"]
    paths = ("good/t1/(BAND).tif", "bad/t3/(BAND).tif")
    tiles = [byoc.create_tile(cid, Tile(p, sensing_time="2023-06-10T10:00:00Z")) for p in paths]
    wait_for_tiles(byoc, cid, tiles, timeout=60, initial_delay=0.1)
    ids = {t.path: t.id for t in tiles}
    assert byoc.get_tile(cid, ids["bad/t3/(BAND).tif"]).get("status") == "FAILED"
    yield {"cid": cid, "bucket": bucket, "ids": ids, "byoc": byoc, "conn": conn, "params": params, "p": provider,
           "secret": s3_server.secret_key, "good_files": good_files,
           "client_secret": localhub.client_secret}  # fmt: skip


def _rows(layer) -> list:
    names = layer.fields().names()
    return [dict(zip(names, f.attributes())) for f in layer.getFeatures()]


def test_explain_failures_from_the_files_or_the_wording(env):
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    res, layer = run_alg("byoc:explainfailure", {"COLLECTION": env["cid"], "OUTPUT": "memory:", **env["params"]},
                         feedback=feedback)  # fmt: skip
    (row,) = _rows(layer)  # no tile given: every FAILED tile of the collection
    assert (res["EXPLAINED"], res["RULES"]) == (1, "block-size")
    assert row["path"] == "bad/t3/(BAND).tif" and row["status"] == "EXPLAINED" and row["rule"] == "block-size"
    assert row["checked_files"] and "BLOCKSIZE" in row["fix"] and "Ensure tiles of image at index" in row["cause"]
    assert env["secret"] not in repr(_rows(layer)) and env["client_secret"] not in repr(_rows(layer))
    # without the files (no S3 settings): the same rule from the cause's wording, the general fix
    res, layer = run_alg("byoc:explainfailure", {"COLLECTION": env["cid"], "OUTPUT": "memory:", **env["conn"]})
    (row,) = _rows(layer)
    assert row["rule"] == "block-size" and not row["checked_files"] and "BLOCKSIZE=1024" in row["fix"]
    # a tile that did not fail is listed, not explained
    good = env["ids"]["good/t1/(BAND).tif"]
    res, layer = run_alg("byoc:explainfailure", {"COLLECTION": env["cid"], "TILE_IDS": good, "OUTPUT": "memory:",
                                                 **env["params"]})  # fmt: skip
    assert res["EXPLAINED"] == 0 and [r["status"] for r in _rows(layer)] == ["NOT_FAILED"]


def test_retrace_cover_replaces_a_hand_set_cover(env):
    from qgis.core import QgsProcessingException

    from byoc_qgis.core.api_values import Geometry
    from byoc_qgis.core.cover import trace_cover

    byoc, cid, good = env["byoc"], env["cid"], env["ids"]["good/t1/(BAND).tif"]
    tile = byoc.get_tile(cid, good)
    ring = [[500000, 5000000], [500100, 5000000], [500100, 5000100], [500000, 5000000]]
    tile.cover_geometry = Geometry({"type": "Polygon", "coordinates": [ring]}, 32633)
    byoc.update_tile(cid, tile)
    assert byoc.get_tile(cid, good).cover_geometry.bounds() == pytest.approx((500000, 5000000, 500100, 5000100))
    res, layer = run_alg("byoc:retracecover", {"COLLECTION": cid, "TILE_IDS": good, "OUTPUT": "memory:",
                                               **env["params"]})  # fmt: skip
    assert (res["RETRACED"], res["FAILED"]) == (1, 0) and [r["status"] for r in _rows(layer)] == ["RETRACED"]
    local = trace_cover(list(env["good_files"].values()), max_points=95).geojson  # the same COGs, traced here
    again, want = byoc.get_tile(cid, good).cover_geometry, Geometry.from_dict(local)
    assert (again.epsg, len(again.geojson["coordinates"][0])) == (want.epsg, len(want.geojson["coordinates"][0]))
    assert again.bounds() == pytest.approx(want.bounds(), abs=1e-6) and len(want.geojson["coordinates"][0]) > 4
    # a tile that is gone fails the run by default; the others are updated
    gone = str(uuid.uuid4())
    with pytest.raises(QgsProcessingException, match=r"1 of 2 tiles could not be re-traced"):
        run_alg("byoc:retracecover", {"COLLECTION": cid, "TILE_IDS": f"{good},{gone}", "OUTPUT": "memory:",
                                      **env["params"]})  # fmt: skip
    res, layer = run_alg("byoc:retracecover", {"COLLECTION": cid, "TILE_IDS": f"{good},{gone}", "FAIL_ON_ERROR": False,
                                               "OUTPUT": "memory:", **env["params"]})  # fmt: skip
    assert (res["RETRACED"], res["FAILED"]) == (1, 1)
    assert [r["status"] for r in _rows(layer)] == ["RETRACED", "NOT_FOUND"]


def test_copy_tiles_to_another_collection(env):
    from qgis.core import QgsProcessingException

    byoc, cid, good = env["byoc"], env["cid"], env["ids"]["good/t1/(BAND).tif"]
    res, _ = run_alg("byoc:createcollection", {"NAME": f"copy-{uuid.uuid4().hex[:6]}", "BUCKET": env["bucket"],
                                               **env["conn"]})  # fmt: skip
    target = res["COLLECTION_ID"]
    params = {"COLLECTION": cid, "TARGET_COLLECTION": target, "TILE_IDS": f"{good},{uuid.uuid4()}",
              "OUTPUT": "memory:", **env["conn"]}  # fmt: skip
    res, layer = run_alg("byoc:copytiles", params)
    assert (res["COPIED"], res["EXISTS"], res["MISSING"], res["TARGET_ID"]) == (1, 0, 1, target)
    (copy,) = byoc.list_tiles(target)
    src = byoc.get_tile(cid, good)
    assert (copy.path, copy.sensing_time, copy.cover_geometry) == (src.path, src.sensing_time, src.cover_geometry)
    res, _ = run_alg("byoc:copytiles", params)  # again: the target has it, nothing changes
    assert (res["COPIED"], res["EXISTS"]) == (0, 1) and len(byoc.list_tiles(target)) == 1
    with pytest.raises(QgsProcessingException, match="TARGET_COLLECTION is the source"):
        run_alg("byoc:copytiles", {**params, "TARGET_COLLECTION": cid})
