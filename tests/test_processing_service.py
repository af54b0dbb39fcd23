"""Service algorithms through processing.run against localhub (real HTTP, real S3, real ingestion)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from osgeo import gdal

from .fixtures_rasters import make_tile
from .test_processing_support import (
    connection_params,
    register_provider,
    run_alg,
    store_basic_authcfg,
)


class LogFeedback:
    """A processing feedback that keeps every line it was given."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.lines = []

            def pushInfo(self, info):  # noqa: N802
                self.lines.append(info)
                super().pushInfo(info)

            def reportError(self, error, fatalError=False):  # noqa: N802, N803
                self.lines.append(error)
                super().reportError(error, fatalError)

            def setProgressText(self, text):  # noqa: N802
                self.lines.append(text)
                super().setProgressText(text)

        return _Feedback()


@pytest.fixture(scope="module")
def env(qgis_processing, localhub):
    provider = register_provider()
    authcfg = store_basic_authcfg(localhub.client_id, localhub.client_secret, "localhub-test")
    return {"hub": localhub, "conn": connection_params(localhub, authcfg), "provider": provider}


def _upload_tile(s3, bucket: str, prefix: str, folder: Path) -> None:
    files = make_tile(folder, stems=("B02", "B03"))
    client = s3.client()
    for stem, path in files.items():
        client.upload_file(path, bucket, f"{prefix}/{stem}.tif")


@pytest.fixture(scope="module")
def ingested(env, s3_server, tmp_path_factory):
    """A collection with two ingested tiles (files uploaded with boto3, tiles registered by the core client)."""
    from byoc_qgis.core.auth import ClientCredentials
    from byoc_qgis.core.byoc import ByocClient
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.core.http import HttpClient

    hub = env["hub"]
    bucket = f"proc-{uuid.uuid4().hex[:8]}"
    s3_server.client().create_bucket(Bucket=bucket)
    root = tmp_path_factory.mktemp("tiles")
    for i in range(2):
        (root / f"t{i}").mkdir()
        _upload_tile(s3_server, bucket, f"tiles/t{i}", root / f"t{i}")
    res, _ = run_alg("byoc:createcollection", {"NAME": f"proc-{bucket}", "BUCKET": bucket, **env["conn"]})
    cid = res["COLLECTION_ID"]
    client = ByocClient(
        HttpClient(custom_deployment(hub.base_url, hub.token_url), ClientCredentials(hub.client_id, hub.client_secret))
    )
    ids = []
    for i in range(2):
        tile = client.create_tile(cid, {"path": f"tiles/t{i}/(BAND).tif", "sensingTime": f"2023-06-1{i}T10:00:00Z"})
        ids.append(tile.id)
    res, layer = run_alg(
        "byoc:waitforingestion",
        {"COLLECTION": cid, "TILE_IDS": ",".join(ids), "TIMEOUT": 60, "OUTPUT": "memory:", **env["conn"]},
    )
    assert res["INGESTED"] == 2, [f.attributes() for f in layer.getFeatures()]
    return {"cid": cid, "bucket": bucket, "ids": ids, "client": client}


def test_create_and_list_collections(env):
    name = f"coll-{uuid.uuid4().hex[:6]}"
    res, _ = run_alg(
        "byoc:createcollection", {"NAME": name, "BUCKET": "some-bucket", "BANDS": "B02,B03", **env["conn"]}
    )
    cid = res["COLLECTION_ID"]
    assert res["COLLECTION_NAME"] == name
    again, _ = run_alg(
        "byoc:createcollection", {"NAME": name, "BUCKET": "some-bucket", "REUSE_EXISTING": True, **env["conn"]}
    )
    assert again["COLLECTION_ID"] == cid
    res, layer = run_alg("byoc:listcollections", {"SEARCH": name, "OUTPUT": "memory:", **env["conn"]})
    rows = {f["collection_id"]: f for f in layer.getFeatures()}
    assert cid in rows
    assert rows[cid]["bands"] == "B02,B03"
    assert rows[cid]["s3_bucket"] == "some-bucket"


def test_service_errors_carry_the_service_message(env):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="(?i)not found|404"):
        run_alg("byoc:collectiontiles", {"COLLECTION": str(uuid.uuid4()), "OUTPUT": "memory:", **env["conn"]})


def test_wrong_secret_is_reported_without_the_secret(env):
    from qgis.core import QgsProcessingException

    hub = env["hub"]
    bad = store_basic_authcfg(hub.client_id, "wrong-secret-value", "bad")
    params = dict(env["conn"], AUTHCFG=bad)
    with pytest.raises(QgsProcessingException) as err:
        run_alg("byoc:listcollections", {"OUTPUT": "memory:", **params})
    assert "wrong-secret-value" not in str(err.value)
    assert hub.client_id in str(err.value)


def test_custom_deployment_needs_base_url(env):
    from qgis.core import QgsProcessingException

    params = dict(env["conn"], BASE_URL="")
    with pytest.raises(QgsProcessingException, match="BASE_URL"):
        run_alg("byoc:listcollections", {"OUTPUT": "memory:", **params})


def test_tiles_layer_fields_and_geometry(env, ingested):
    feedback = LogFeedback()
    res, layer = run_alg(
        "byoc:collectiontiles", {"COLLECTION": ingested["cid"], "OUTPUT": "memory:", **env["conn"]}, feedback=feedback
    )
    assert res["COUNT"] == 2
    assert layer.crs().authid() == "EPSG:4326"
    names = layer.fields().names()
    for field in (
        "tile_id",
        "path",
        "status",
        "sensing_time",
        "created",
        "ingestion_start",
        "failed_cause",
        "native_crs",
        "min_m_px",
        "max_m_px",
    ):
        assert field in names
    feats = list(layer.getFeatures())
    assert {f["status"] for f in feats} == {"INGESTED"}
    assert {f["native_crs"] for f in feats} == {"EPSG:32633"}
    for f in feats:
        box = f.geometry().boundingBox()
        assert 10 < box.xMinimum() < 20 and 40 < box.yMinimum() < 50
        assert f["sensing_time"].date().year() == 2023
    text = "\n".join(feedback.lines) + repr(res)
    assert env["hub"].client_secret not in text
    # tile geometries (bounding boxes) instead of covers: a 5-point rectangle per tile
    res, boxes = run_alg(
        "byoc:collectiontiles",
        {"COLLECTION": ingested["cid"], "GEOMETRY": 1, "OUTPUT_CRS": "EPSG:32633", "OUTPUT": "memory:",
         **env["conn"]},
    )  # fmt: skip
    assert boxes.crs().authid() == "EPSG:32633"
    for f in boxes.getFeatures():
        assert f.geometry().constGet().nCoordinates() == 5


def test_process_request_to_geotiff(env, ingested, tmp_path):
    from qgis.core import QgsProcessingException

    res, layer = run_alg("byoc:collectiontiles", {"COLLECTION": ingested["cid"], "OUTPUT": "memory:", **env["conn"]})
    extent = layer.extent()
    ext = f"{extent.xMinimum()},{extent.xMaximum()},{extent.yMinimum()},{extent.yMaximum()} [EPSG:4326]"
    out = str(tmp_path / "out.tif")
    res, _ = run_alg(
        "byoc:processrequest",
        {
            "COLLECTION": ingested["cid"],
            "EXTENT": ext,
            "CRS": "EPSG:32633",
            "RESOLUTION": 20,
            "PRESET": 5,
            "TIME_FROM": "2023-06-01",
            "TIME_TO": "2023-06-30",
            "OUTPUT": out,
            **env["conn"],
        },
    )
    ds = gdal.Open(out)
    assert ds.RasterCount == 2
    assert (ds.RasterXSize, ds.RasterYSize) == (res["WIDTH_PX"], res["HEIGHT_PX"])
    assert "32633" in ds.GetProjection() or "UTM zone 33N" in ds.GetProjection()
    assert ds.GetRasterBand(1).ReadAsArray().max() > 0
    # over 2500 px: split into sub-requests and mosaicked into one GeoTIFF
    wide = str(tmp_path / "wide.tif")
    res, _ = run_alg(
        "byoc:processrequest",
        {"COLLECTION": ingested["cid"], "EXTENT": ext, "WIDTH": 2600, "HEIGHT": 40, "PRESET": 4, "BANDS": "B02",
         "OUTPUT": wide, **env["conn"]},
    )  # fmt: skip
    ds = gdal.Open(wide)
    assert (ds.RasterXSize, ds.RasterYSize, ds.RasterCount) == (2600, 40, 1)
    assert ds.GetRasterBand(1).ReadAsArray().max() > 0
    # PNG, georeferenced beside the image
    png = str(tmp_path / "out.png")
    run_alg(
        "byoc:processrequest",
        {"COLLECTION": ingested["cid"], "EXTENT": ext, "WIDTH": 64, "HEIGHT": 48, "PRESET": 2, "BANDS": "B03,B02,B02",
         "FORMAT": 1, "OUTPUT": png, **env["conn"]},
    )  # fmt: skip
    ds = gdal.Open(png)
    assert ds.GetDriver().ShortName == "PNG" and (ds.RasterXSize, ds.RasterYSize) == (64, 48)
    assert abs(ds.GetGeoTransform()[0] - extent.xMinimum()) < 1e-6
    ds = None  # no GDAL object may outlive QGIS (crash at interpreter exit on 3.40)
    # the service's own error text reaches the user
    with pytest.raises(QgsProcessingException, match="NOPE"):
        run_alg(
            "byoc:processrequest",
            {
                "COLLECTION": ingested["cid"],
                "EXTENT": ext,
                "WIDTH": 64,
                "HEIGHT": 64,
                "EVALSCRIPT": '//VERSION=3\nfunction setup(){return {input:["NOPE"],output:{bands:1}}}\n'
                "function evaluatePixel(s){return [s.NOPE]}",
                "OUTPUT": str(tmp_path / "bad.tif"),
                **env["conn"],
            },
        )


@pytest.mark.parametrize(
    ("preset", "bands", "fmt", "driver", "count"),
    [
        (4, "B02", 2, "JPEG", 1),  # one UInt16 band: its own UINT16 script is refused by JPEG
        (3, "B03,B02", 1, "PNG", 1),  # normalized difference: FLOAT32 is refused by PNG
        (3, "B03,B02", 2, "JPEG", 1),
        (1, "B03,B02,B02", 2, "JPEG", 3),  # true colour with SCALE 0 (raw values): UINT16 for GeoTIFF only
    ],
)
def test_process_request_presets_follow_png_and_jpeg(env, ingested, tmp_path, preset, bands, fmt, driver, count):
    """Generated evalscripts are 8-bit for PNG/JPEG (core.evalscripts.template_script, as in the dialog)."""
    res, layer = run_alg("byoc:collectiontiles", {"COLLECTION": ingested["cid"], "OUTPUT": "memory:", **env["conn"]})
    extent = layer.extent()
    ext = f"{extent.xMinimum()},{extent.xMaximum()},{extent.yMinimum()},{extent.yMaximum()} [EPSG:4326]"
    out = str(tmp_path / f"preset.{driver.lower()}")
    params = {"COLLECTION": ingested["cid"], "EXTENT": ext, "WIDTH": 64, "HEIGHT": 48, "PRESET": preset,
              "BANDS": bands, "FORMAT": fmt, "OUTPUT": out, **env["conn"]}  # fmt: skip
    if preset == 1:
        params["SCALE"] = 0
    res, _ = run_alg("byoc:processrequest", params)
    ds = gdal.Open(out)
    assert (ds.GetDriver().ShortName, ds.RasterCount, ds.RasterXSize, ds.RasterYSize) == (driver, count, 64, 48)
    assert ds.GetRasterBand(1).DataType == gdal.GDT_Byte
    data = ds.ReadAsArray()
    ds = None
    assert data.max() > 0 and data.std() > 1  # a picture, not a flat frame


def test_update_reingest_and_delete_tiles(env, ingested, s3_server):
    from qgis.core import QgsProcessingException

    cid, ids = ingested["cid"], ingested["ids"]
    _, layer = run_alg("byoc:collectiontiles", {"COLLECTION": cid, "OUTPUT": "memory:", **env["conn"]})
    res, _ = run_alg(
        "byoc:updatetiles",
        {
            "COLLECTION": cid,
            "INPUT": layer,
            "SENSING_TIME": "2023-07-01T00:00:00Z",
            "UPDATE_COVER": True,
            "OUTPUT": "memory:",
            **env["conn"],
        },
    )
    assert res["UPDATED"] == 2
    tile = ingested["client"].get_tile(cid, ids[0])
    assert tile.sensing_time.month == 7
    assert tile.cover_geometry is not None
    res, _ = run_alg("byoc:reingesttiles", {"COLLECTION": cid, "TILE_IDS": ids[0], "OUTPUT": "memory:", **env["conn"]})
    assert res["COUNT"] == 1
    res, _ = run_alg("byoc:waitforingestion", {"COLLECTION": cid, "TIMEOUT": 60, "OUTPUT": "memory:", **env["conn"]})
    assert res["PENDING"] == 0
    with pytest.raises(QgsProcessingException, match="CONFIRM"):
        run_alg("byoc:deletetiles", {"COLLECTION": cid, "TILE_IDS": ids[1], "OUTPUT": "memory:", **env["conn"]})
    res, _ = run_alg(
        "byoc:deletetiles", {"COLLECTION": cid, "TILE_IDS": ids[1], "CONFIRM": True, "OUTPUT": "memory:", **env["conn"]}
    )
    assert res["COUNT"] == 1
    assert [t.id for t in ingested["client"].all_tiles(cid)] == [ids[0]]
    # S3 files are never deleted
    keys = {o["Key"] for o in s3_server.client().list_objects_v2(Bucket=ingested["bucket"])["Contents"]}
    assert "tiles/t1/B02.tif" in keys


def test_wait_is_cancelled_promptly(env, localhub_factory):
    import threading
    import time

    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    from byoc_qgis.core.auth import ClientCredentials
    from byoc_qgis.core.byoc import ByocClient
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.core.http import HttpClient

    hub = localhub_factory(ingestion_workers=0)  # tiles stay WAITING forever
    authcfg = store_basic_authcfg(hub.client_id, hub.client_secret, "never-ingests")
    conn = connection_params(hub, authcfg)
    res, _ = run_alg("byoc:createcollection", {"NAME": "stuck", "BUCKET": "stuck-bucket", **conn})
    client = ByocClient(
        HttpClient(custom_deployment(hub.base_url, hub.token_url), ClientCredentials(hub.client_id, hub.client_secret))
    )
    tile = client.create_tile(res["COLLECTION_ID"], {"path": "a/(BAND).tif"})
    feedback = QgsProcessingFeedback()
    threading.Timer(1.0, feedback.cancel).start()
    started = time.monotonic()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg(
            "byoc:waitforingestion",
            {"COLLECTION": res["COLLECTION_ID"], "TILE_IDS": tile.id, "TIMEOUT": 600, "OUTPUT": "memory:", **conn},
            feedback=feedback,
        )
    assert time.monotonic() - started < 4.0


def test_delete_collection_needs_confirmation(env, s3_server):
    from qgis.core import QgsProcessingException

    bucket = f"del-{uuid.uuid4().hex[:8]}"
    res, _ = run_alg("byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, **env["conn"]})
    cid = res["COLLECTION_ID"]
    with pytest.raises(QgsProcessingException, match="CONFIRM"):
        run_alg("byoc:deletecollection", {"COLLECTION": cid, **env["conn"]})
    res, _ = run_alg("byoc:deletecollection", {"COLLECTION": bucket, "CONFIRM": True, **env["conn"]})
    assert res["COLLECTION_ID"] == cid
    with pytest.raises(QgsProcessingException):
        run_alg("byoc:collectiontiles", {"COLLECTION": cid, "OUTPUT": "memory:", **env["conn"]})


def test_update_collection_changes_what_the_service_allows(env, ingested):
    """byoc:updatecollection (the dock's Edit collection): name, band names (sources kept), no-data; the bucket only
    without tiles; a refused edit changes nothing."""
    from qgis.core import QgsProcessingException

    client = ingested["client"]
    name = f"upd-{uuid.uuid4().hex[:6]}"
    res, _ = run_alg(
        "byoc:createcollection", {"NAME": name, "BUCKET": ingested["bucket"], "BANDS": "B02,B03", **env["conn"]}
    )
    cid = res["COLLECTION_ID"]
    client.create_tile(cid, {"path": "tiles/t0/(BAND).tif", "sensingTime": "2023-06-10T10:00:00Z"})

    res, _ = run_alg(
        "byoc:updatecollection",
        {"COLLECTION": name, "NAME": name + "-2", "BAND_NAMES": "blue, green", "NODATA": 0, **env["conn"]},
    )
    assert res == {"COLLECTION_ID": cid, "COLLECTION_NAME": name + "-2"}
    col = client.get_collection(cid)
    assert (col.name, list(col.bands), col.no_data) == (name + "-2", ["blue", "green"], 0)
    assert [b.source for b in col.bands.values()] == ["B02", "B03"]  # the files keep their names

    refused = [
        ({"BUCKET": "another-bucket"}, "bucket of a collection with tiles cannot change"),
        ({"BAND_NAMES": "one"}, r"one new name per band \(2 bands: blue, green\)"),
        ({"BAND_NAMES": "a,a"}, "must be different"),
        ({"BAND_NAMES": "a,2b"}, "BAND_NAMES"),
    ]
    for params, message in refused:
        with pytest.raises(QgsProcessingException, match=message):
            run_alg("byoc:updatecollection", {"COLLECTION": cid, "NAME": "not-this", **params, **env["conn"]})
    col = client.get_collection(cid)
    assert (col.name, list(col.bands), col.no_data) == (name + "-2", ["blue", "green"], 0)

    run_alg("byoc:updatecollection", {"COLLECTION": cid, "CLEAR_NODATA": True, **env["conn"]})
    assert client.get_collection(cid).no_data is None

    empty, _ = run_alg("byoc:createcollection", {"NAME": name + "-empty", "BUCKET": "old-bucket", **env["conn"]})
    run_alg("byoc:updatecollection", {"COLLECTION": empty["COLLECTION_ID"], "BUCKET": "new-bucket", **env["conn"]})
    assert client.get_collection(empty["COLLECTION_ID"]).s3_bucket == "new-bucket"
