"""sentinelhub-py, unchanged, as an independent client of localhub: the whole SentinelHubBYOC workflow."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from . import fixtures_rasters as fr

sentinelhub = pytest.importorskip("sentinelhub")
from sentinelhub import CRS, BBox, ByocCollection, ByocTile, Geometry, SentinelHubBYOC  # noqa: E402
from sentinelhub.exceptions import DownloadFailedException  # noqa: E402


def _wait(byoc, coll, tile_id, timeout=30.0):
    deadline = time.monotonic() + timeout
    while True:
        tile = byoc.get_tile(coll, tile_id)
        if tile["status"] in ("INGESTED", "FAILED") or time.monotonic() > deadline:
            return tile
        time.sleep(0.05)


def test_full_byoc_workflow(localhub, s3_bucket, tmp_path):
    byoc = SentinelHubBYOC(config=localhub.sh_config())
    client = localhub.s3.client()
    for stem, path in fr.make_tile(tmp_path / "t", stems=("B02", "B03")).items():
        client.upload_file(path, s3_bucket, f"tiles/t1/{stem}.tif")

    # collection: create, get, iterate, search, update (dataclass round trip), all through sentinelhub-py
    created = byoc.create_collection(ByocCollection(name="shpy-workflow", s3_bucket=s3_bucket))
    coll = ByocCollection.from_dict(created)
    assert coll.collection_id and coll.s3_bucket == s3_bucket and isinstance(coll.created, datetime)
    assert ByocCollection.from_dict(byoc.get_collection(coll.collection_id)).name == "shpy-workflow"
    assert coll.collection_id in {c["id"] for c in byoc.iter_collections()}
    assert [c["id"] for c in byoc.iter_collections(search="shpy-workflow")] == [coll.collection_id]
    coll.name = "shpy-renamed"
    assert byoc.update_collection(coll) == ""
    assert byoc.get_collection(coll)["name"] == "shpy-renamed"

    # tile: create with a UTM cover and a sensing time, wait for ingestion, dataclass round trip
    cover = Geometry(BBox((400000, 4995100, 405000, 5000000), CRS.UTM_33N).geometry, CRS.UTM_33N)
    tile = ByocTile(path="tiles/t1/(BAND).tif", sensing_time=datetime(2019, 11, 27), cover_geometry=cover)
    before_create = datetime.now(timezone.utc).replace(microsecond=0)
    created_tile = byoc.create_tile(coll, tile)
    assert created_tile["status"] == "WAITING"
    tile_id = ByocTile.from_dict(created_tile).tile_id
    final = _wait(byoc, coll, tile_id)
    assert final["status"] == "INGESTED", final
    parsed = ByocTile.from_dict(final)
    assert parsed.tile_geometry.crs == CRS.UTM_33N and parsed.cover_geometry.crs == CRS.UTM_33N
    assert parsed.cover_geometry.geometry.bounds == pytest.approx((400000, 4995100, 405000, 5000000), abs=0.01)
    assert parsed.sensing_time == datetime(2019, 11, 27, tzinfo=timezone.utc)
    assert parsed.created.utcoffset() == timedelta(0)  # aware and in UTC
    assert before_create <= parsed.created <= datetime.now(timezone.utc)
    assert [t["id"] for t in byoc.iter_tiles(coll)] == [tile_id]
    assert [t["id"] for t in byoc.iter_tiles(coll, path="tiles/t1/(BAND).tif")] == [tile_id]

    parsed.sensing_time = datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert byoc.update_tile(coll, parsed) == ""
    assert byoc.get_tile(coll, tile_id)["sensingTime"] == "2020-01-02T03:04:05Z"
    assert byoc.reingest_tile(coll, tile_id) == ""
    assert _wait(byoc, coll, tile_id)["status"] == "INGESTED"

    # the configured collection round-trips through the dataclasses (bands, nulls, otherData)
    configured = ByocCollection.from_dict(byoc.get_collection(coll))
    assert set(configured.additional_data.bands) == {"B02", "B03"}
    assert byoc.update_collection(configured) == ""
    assert set(byoc.get_collection(coll)["additionalData"]["bands"]) == {"B02", "B03"}
    assert configured.to_data_collection().api_id == f"byoc-{coll.collection_id}"

    # copy tiles to a second collection
    target = ByocCollection.from_dict(byoc.create_collection(ByocCollection(name="shpy-target", s3_bucket=s3_bucket)))
    assert byoc.copy_tiles(coll, target) == ""
    assert [t["path"] for t in byoc.iter_tiles(target)] == ["tiles/t1/(BAND).tif"]

    # delete tile and collections
    assert byoc.delete_tile(coll, tile_id) == ""
    assert list(byoc.iter_tiles(coll)) == []
    for c in (coll, target):
        assert byoc.delete_collection(c) == ""
    with pytest.raises(DownloadFailedException) as info:
        byoc.get_collection(coll)
    assert "404" in str(info.value) or "COMMON_NOT_FOUND" in str(info.value)


def test_iter_tiles_follows_next_token_over_250_tiles(localhub):
    byoc = SentinelHubBYOC(config=localhub.sh_config())
    coll = byoc.create_collection({"name": "shpy-pages", "s3Bucket": "no-bucket-here"})
    session = localhub.session()
    url = f"{localhub.byoc_url}/collections/{coll['id']}/tiles"
    for i in range(260):
        assert session.post(url, json={"path": f"p/{i:03d}"}, timeout=10).status_code == 201
    paths = [t["path"] for t in byoc.iter_tiles(coll)]
    assert paths == [f"p/{i:03d}" for i in range(260)]
    assert [t["path"] for t in byoc.iter_tiles(coll, sort="path:desc", count=30)][:2] == ["p/259", "p/258"]


def test_other_account_sees_404_through_sentinelhub_py(localhub):
    mine = SentinelHubBYOC(config=localhub.sh_config())
    coll = mine.create_collection({"name": "private", "s3Bucket": "b-private"})
    theirs = SentinelHubBYOC(config=localhub.sh_config(localhub.other_client_id, localhub.other_client_secret))
    with pytest.raises(DownloadFailedException) as info:
        theirs.get_collection(coll["id"])
    assert "COMMON_NOT_FOUND" in str(info.value)
    assert coll["id"] not in {c["id"] for c in theirs.iter_collections()}
