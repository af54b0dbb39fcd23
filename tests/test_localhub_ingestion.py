"""localhub ingestion of real COGs uploaded to the moto S3 server: INGESTED tiles, auto-configuration, metadata,
and one FAILED tile per BYOC rule with the cause the shared rule module (``cog_rules``) words."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from osgeo import osr

from byoc_qgis.core import cog_rules

from . import fixtures_rasters as fr


def _transform(src: int, dst: int):
    a, b = osr.SpatialReference(), osr.SpatialReference()
    a.ImportFromEPSG(src)
    b.ImportFromEPSG(dst)
    for srs in (a, b):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(a, b)


def _to_lonlat(x: float, y: float) -> tuple:
    return tuple(_transform(fr.UTM_EPSG, 4326).TransformPoint(x, y)[:2])


def _to_utm(lon: float, lat: float) -> tuple:
    return tuple(_transform(4326, fr.UTM_EPSG).TransformPoint(lon, lat)[:2])


def upload(localhub, bucket: str, files: dict, prefix: str, ext: str = ".tif") -> dict:
    """Upload {stem: local path} as <prefix>/<stem><ext>; return {stem: key}."""
    client = localhub.s3.client()
    keys = {}
    for stem, path in files.items():
        key = f"{prefix}/{stem}{Path(path).suffix or ext}"
        client.upload_file(str(path), bucket, key)
        keys[stem] = key
    return keys


def new_collection(session, localhub, bucket: str, **extra) -> dict:
    r = session.post(
        f"{localhub.byoc_url}/collections", json={"name": "ingest", "s3Bucket": bucket, **extra}, timeout=10
    )
    assert r.status_code == 201, r.text
    return r.json()["data"]


def add_tile(session, localhub, cid: str, path: str, **extra) -> dict:
    r = session.post(f"{localhub.byoc_url}/collections/{cid}/tiles", json={"path": path, **extra}, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()["data"]


def wait_collection(session, localhub, cid: str, timeout: float = 20.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        coll = session.get(f"{localhub.byoc_url}/collections/{cid}", timeout=10).json()["data"]
        if not coll["requiresMetadataUpdate"] or time.monotonic() > deadline:
            return coll
        time.sleep(0.05)


def test_valid_tile_is_ingested_and_configures_the_collection(localhub, s3_bucket, tmp_path):
    s = localhub.session()
    files = fr.make_tile(tmp_path / "t", stems=("B02", "B03"))
    keys = upload(localhub, s3_bucket, files, "2019/tile1")
    coll = new_collection(s, localhub, s3_bucket)
    tile = add_tile(s, localhub, coll["id"], "2019/tile1/(BAND).tif", sensingTime="2019-11-27T10:00:00Z")
    seen = {tile["status"]}
    deadline = time.monotonic() + 20
    while tile["status"] not in ("INGESTED", "FAILED") and time.monotonic() < deadline:
        tile = s.get(f"{localhub.byoc_url}/collections/{coll['id']}/tiles/{tile['id']}", timeout=10).json()["data"]
        seen.add(tile["status"])
        time.sleep(0.01)
    assert tile["status"] == "INGESTED", tile
    assert "WAITING" in seen  # intermediate states: test_localhub_service.py (longer state delay)
    assert list(tile) == [
        "id", "created", "ingestionStart", "sensingTime", "coverGeometry", "tileGeometry", "path", "status",
        "additionalData",
    ]  # fmt: skip
    urn = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}}
    assert tile["tileGeometry"]["crs"] == urn and tile["coverGeometry"]["crs"] == urn
    xs = [p[0] for p in tile["tileGeometry"]["coordinates"][0]]
    ys = [p[1] for p in tile["tileGeometry"]["coordinates"][0]]
    ox, oy = fr.UTM_ORIGIN
    assert (min(xs), max(xs), min(ys), max(ys)) == pytest.approx((ox, ox + 6000, oy - 5000, oy))
    extra = tile["additionalData"]
    assert extra["minMetersPerPixel"] == pytest.approx(10.0)
    facts, _ = cog_rules.inspect_file(files["B02"])
    coarsest_width = facts.overviews[-1][0]  # 600 x 500 at 256-px blocks: overviews 300 and 150 wide
    assert extra["maxMetersPerPixel"] == pytest.approx(10.0 * 600 / coarsest_width)
    etag = localhub.s3.client().head_object(Bucket=s3_bucket, Key=keys["B02"])["ETag"]
    assert extra["filesMetadata"]["B02"]["etag"] == etag
    assert extra["filesMetadata"]["B02"]["headerSize"] > 0
    assert set(extra["filesMetadata"]) == {"B02", "B03"}

    coll = wait_collection(s, localhub, coll["id"])
    assert coll["isConfigured"] is True and coll["requiresMetadataUpdate"] is False
    assert coll["noData"] == 0  # both files say 0 → collection-wide
    assert coll["additionalData"]["bands"] == {
        "B02": {"source": "B02", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT"},
        "B03": {"source": "B03", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT"},
    }
    meta = coll["additionalData"]
    assert meta["hasSensingTimes"] == "YES"
    assert meta["fromSensingTime"] == meta["toSensingTime"] == "2019-11-27T10:00:00Z"
    assert meta["maxMetersPerPixel"] == 500.0
    lon = [p[0] for p in meta["extent"]["coordinates"][0]]
    lat = [p[1] for p in meta["extent"]["coordinates"][0]]
    x0, y0 = _to_lonlat(ox, oy - 5000)
    x1, y1 = _to_lonlat(ox + 6000, oy)
    assert min(lon) == pytest.approx(min(x0, _to_lonlat(ox, oy)[0]), abs=1e-6)
    assert max(lat) == pytest.approx(max(y1, _to_lonlat(ox, oy)[1]), abs=1e-6)
    assert min(lat) < y0 + 1e-6 and max(lon) > x1 - 1e-6


def test_folder_path_is_rewritten_and_cover_is_returned_in_tile_crs(localhub, s3_bucket, tmp_path):
    s = localhub.session()
    upload(localhub, s3_bucket, fr.make_tile(tmp_path / "t", stems=("B04",)), "scene")
    coll = new_collection(s, localhub, s3_bucket)
    cover = {
        "type": "Polygon",
        "coordinates": [[[14.0, 45.97], [14.05, 45.97], [14.05, 45.99], [14.0, 45.99], [14.0, 45.97]]],
    }
    tile = add_tile(s, localhub, coll["id"], "scene", coverGeometry=cover)
    assert "crs" not in tile["coverGeometry"]  # WGS84 echoed without crs
    tile = localhub.wait_for_tile(s, coll["id"], tile["id"])
    assert tile["status"] == "INGESTED", tile
    assert tile["path"] == "scene/(BAND).tif"
    assert tile["coverGeometry"]["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::32633"
    x0, y0 = tile["coverGeometry"]["coordinates"][0][0]
    ex, ey = _to_utm(14.0, 45.97)
    assert (x0, y0) == (pytest.approx(ex, abs=0.01), pytest.approx(ey, abs=0.01))


def test_multiband_file_gives_numbered_bands(localhub, s3_bucket, tmp_path):
    s = localhub.session()
    rgb = fr.make_cog(tmp_path / "RGB.tif", bands=3, dtype="Byte", nodata=None, kind="full")
    upload(localhub, s3_bucket, {"RGB": rgb}, "rgb")
    coll = new_collection(s, localhub, s3_bucket)
    tile = localhub.wait_for_tile(s, coll["id"], add_tile(s, localhub, coll["id"], "rgb/(BAND).tif")["id"])
    assert tile["status"] == "INGESTED", tile
    bands = wait_collection(s, localhub, coll["id"])["additionalData"]["bands"]
    assert list(bands) == ["RGB_1", "RGB_2", "RGB_3"]
    assert bands["RGB_2"] == {"source": "RGB", "bandIndex": 2, "bitDepth": 8, "sampleFormat": "UINT"}


BAD_FILES = {
    "jpeg": lambda d: fr.make_jpeg(d / "B01.tif"),
    "small-tiles": lambda d: fr.make_small_tiles(d / "B01.tif"),
    "overview-128": lambda d: fr.make_overview_128(d / "B01.tif"),
    "striped": lambda d: fr.make_striped(d / "B01.tif"),
    "no-overviews": lambda d: fr.make_no_overviews(d / "B01.tif"),
    "big-header": lambda d: fr.make_big_header(d / "B01.tif"),
    "palette": lambda d: fr.make_palette(d / "B01.tif"),
    "chunky-11": lambda d: fr.make_chunky(d / "B01.tif"),
    "crs-2056": lambda d: fr.make_bad_crs(d / "B01.tif"),
    "float64": lambda d: fr.make_data_type(d / "B01.tif", dtype="Float64"),
    "int32": lambda d: fr.make_data_type(d / "B01.tif", dtype="Int32"),
    "ungeoreferenced": lambda d: fr.make_ungeoreferenced(d / "B01.tif"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_fails_with_the_rule_modules_cause(localhub, s3_bucket, tmp_path, case):
    s = localhub.session()
    local = BAD_FILES[case](tmp_path)
    _, findings = cog_rules.check_tile({"B01": local})
    expected = " ".join(dict.fromkeys(f.message for f in findings if f.is_error))
    assert expected, f"{case}: the rule module finds no error in this file"
    upload(localhub, s3_bucket, {"B01": local}, "bad")
    coll = new_collection(s, localhub, s3_bucket)
    tile = localhub.wait_for_tile(s, coll["id"], add_tile(s, localhub, coll["id"], "bad/(BAND).tif")["id"])
    assert tile["status"] == "FAILED"
    assert tile["additionalData"]["failedIngestionCause"] == expected
    if case == "overview-128":
        assert "Ensure tiles of image at index 1 have width and height between 256 and 2048." in expected
    coll = wait_collection(s, localhub, coll["id"])
    assert coll["isConfigured"] is False  # a failed first tile configures nothing


def test_disagreeing_tile_fails_with_extension_and_bounds(localhub, s3_bucket, tmp_path):
    s = localhub.session()
    files = fr.make_disagreeing_tile(tmp_path / "d")
    upload(localhub, s3_bucket, files, "dis")
    coll = new_collection(s, localhub, s3_bucket)
    tile = localhub.wait_for_tile(s, coll["id"], add_tile(s, localhub, coll["id"], "dis")["id"])
    assert tile["status"] == "FAILED"
    cause = tile["additionalData"]["failedIngestionCause"]
    assert "different extensions" in cause


def test_tile_against_collection_bands_bit_depth_and_missing_file(localhub, s3_bucket, tmp_path):
    s = localhub.session()
    bands = {
        "B02": {"source": "B02", "bandIndex": 1, "bitDepth": 8, "sampleFormat": "UINT"},
        "B03": {"source": "B03", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT"},
    }
    coll = new_collection(s, localhub, s3_bucket, additionalData={"bands": bands})
    upload(localhub, s3_bucket, fr.make_tile(tmp_path / "a", stems=("B02",)), "a")  # B03 missing, B02 is 16 bit
    tile = localhub.wait_for_tile(s, coll["id"], add_tile(s, localhub, coll["id"], "a/(BAND).tif")["id"])
    assert tile["status"] == "FAILED"
    cause = tile["additionalData"]["failedIngestionCause"]
    assert "bit depth 8" in cause
    assert "cannot be read" in cause.lower() or "B03" in cause


def test_missing_bucket_and_missing_files_fail_clearly(localhub, s3_bucket):
    s = localhub.session()
    coll = new_collection(s, localhub, "bucket-that-does-not-exist-42")
    tile = localhub.wait_for_tile(s, coll["id"], add_tile(s, localhub, coll["id"], "x/(BAND).tif")["id"])
    assert tile["status"] == "FAILED"
    assert "bucket-that-does-not-exist-42" in tile["additionalData"]["failedIngestionCause"]
    coll = new_collection(s, localhub, s3_bucket)
    tile = localhub.wait_for_tile(s, coll["id"], add_tile(s, localhub, coll["id"], "nothing/(BAND).tif")["id"])
    assert tile["status"] == "FAILED"
    assert f"s3://{s3_bucket}/nothing/(BAND).tif" in tile["additionalData"]["failedIngestionCause"]


def test_reingest_after_overwrite_and_copy_tiles(localhub, s3_bucket, tmp_path):
    s = localhub.session()
    upload(localhub, s3_bucket, {"B01": fr.make_jpeg(tmp_path / "B01.tif")}, "re")
    coll = new_collection(s, localhub, s3_bucket)
    tile = localhub.wait_for_tile(s, coll["id"], add_tile(s, localhub, coll["id"], "re/(BAND).tif")["id"])
    assert tile["status"] == "FAILED"
    good = fr.make_cog(tmp_path / "good" / "B01.tif") if (tmp_path / "good").mkdir() is None else None
    upload(localhub, s3_bucket, {"B01": good}, "re")
    url = f"{localhub.byoc_url}/collections/{coll['id']}/tiles/{tile['id']}"
    assert s.post(f"{url}/reingest", timeout=10).status_code == 204
    assert s.get(url, timeout=10).json()["data"]["status"] in ("WAITING", "QUEUED", "INGESTING")
    tile = localhub.wait_for_tile(s, coll["id"], tile["id"])
    assert tile["status"] == "INGESTED", tile
    assert "failedIngestionCause" not in tile["additionalData"]

    target = new_collection(s, localhub, s3_bucket)
    r = s.post(
        f"{localhub.byoc_url}/collections/{coll['id']}/copyTiles",
        params={"toCollection": target["id"]},
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert r.status_code == 204 and r.content == b""
    copied = s.get(f"{localhub.byoc_url}/collections/{target['id']}/tiles", timeout=10).json()["data"]
    assert [(t["path"], t["status"]) for t in copied] == [("re/(BAND).tif", "INGESTED")]
    assert copied[0]["id"] != tile["id"]
    target = wait_collection(s, localhub, target["id"])
    assert set(target["additionalData"]["bands"]) == {"B01"}
    # a second copy adds nothing (path already there)
    s.post(f"{localhub.byoc_url}/collections/{coll['id']}/copyTiles", params={"toCollection": target["id"]}, timeout=10)
    assert len(s.get(f"{localhub.byoc_url}/collections/{target['id']}/tiles", timeout=10).json()["data"]) == 1

    # deleting the collection never deletes S3 objects
    assert s.delete(f"{localhub.byoc_url}/collections/{coll['id']}", timeout=10).status_code == 204
    assert localhub.s3.client().head_object(Bucket=s3_bucket, Key="re/B01.tif")["ContentLength"] > 0


def test_bands_without_types_get_them_from_the_first_tile(localhub, s3_bucket, tmp_path):
    s = localhub.session()
    coll = new_collection(s, localhub, s3_bucket, additionalData={"bands": {"blue": {"source": "B02"}}})
    upload(localhub, s3_bucket, fr.make_tile(tmp_path / "u", stems=("B02",)), "u")
    tile = localhub.wait_for_tile(s, coll["id"], add_tile(s, localhub, coll["id"], "u/(BAND).tif")["id"])
    assert tile["status"] == "INGESTED", tile
    bands = s.get(f"{localhub.byoc_url}/collections/{coll['id']}", timeout=10).json()["data"]["additionalData"]["bands"]
    assert bands == {"blue": {"source": "B02", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT"}}
