"""The byoc algorithms and the shipped .model3 headless through qgis_process (the CLI of this lane's QGIS),
with credentials in a QGIS auth database unlocked by a master-password file."""

from __future__ import annotations

import json
import uuid

import pytest
from osgeo import gdal

from .fixtures_rasters import make_tile, make_utm_cog
from .test_processing_support import QgisProcessHome

MODEL = "byoc_qgis/processing/models/byoc_create_wait_process.model3"


@pytest.fixture(scope="module")
def qp(tmp_path_factory, localhub, s3_server):
    home = QgisProcessHome(tmp_path_factory.mktemp("qp"))
    home.add_authcfgs(
        [
            ("shcreds", localhub.client_id, localhub.client_secret),
            ("s3creds", s3_server.access_key, s3_server.secret_key),
        ]
    )
    conn = {"AUTHCFG": "shcreds", "DEPLOYMENT": 3, "BASE_URL": localhub.base_url, "TOKEN_URL": localhub.token_url}
    s3 = {"S3_AUTHCFG": "s3creds", "S3_ENDPOINT": s3_server.endpoint, "S3_HTTPS": False, "S3_PATH_STYLE": True,
          "S3_REGION": s3_server.region}  # fmt: skip
    secrets = [localhub.client_secret, s3_server.secret_key]
    return {"home": home, "conn": conn, "s3": s3, "secrets": secrets, "hub": localhub}


def _check(proc, data, secrets):
    assert proc.returncode == 0, proc.stderr[-4000:]
    text = proc.stdout + proc.stderr
    for secret in secrets:
        assert secret not in text
    return data["results"]


def test_trace_cover_headless(qp, tmp_path):
    raster = make_utm_cog(tmp_path / "B02.tif")
    out = tmp_path / "cover.geojson"
    proc, data = qp["home"].run("byoc:tracecover", {"INPUT": raster, "MAX_POINTS": 30, "OUTPUT": out})
    res = _check(proc, data, [])
    assert res["COUNT"] == 1
    feature = json.loads(out.read_text())["features"][0]
    assert feature["properties"]["native_crs"] == "EPSG:32633"
    assert feature["properties"]["points"] <= 30


def test_service_error_message_reaches_the_cli(qp, tmp_path):
    proc, _ = qp["home"].run("byoc:collectiontiles", {"COLLECTION": str(uuid.uuid4()), "OUTPUT": tmp_path / "t.gpkg",
                                                      **qp["conn"]})  # fmt: skip
    assert proc.returncode != 0
    assert "404" in proc.stderr or "not found" in proc.stderr.lower()
    assert qp["hub"].client_secret not in proc.stdout + proc.stderr


def test_model_create_wait_process_headless(qp, s3_server, tmp_path):
    home, conn = qp["home"], qp["conn"]
    bucket = f"qp-{uuid.uuid4().hex[:8]}"
    s3_server.client().create_bucket(Bucket=bucket)
    proc, data = home.run("byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, **conn})
    cid = _check(proc, data, qp["secrets"])["COLLECTION_ID"]
    root = tmp_path / "data"
    files = make_tile(root / "2023-06-10" / "tA", stems=("B02", "B03", "B04", "B08"))
    make_tile(root / "2023-06-11" / "tB", stems=("B02", "B03", "B04", "B08"))
    src = gdal.Open(files["B02"])
    x0, px, _, y0, _, py = src.GetGeoTransform()
    x1, y1 = x0 + px * src.RasterXSize, y0 + py * src.RasterYSize
    extent = f"{x0},{x1},{y1},{y0} [EPSG:32633]"  # in the tiles' own UTM zone: requested in that CRS
    size = (round((x1 - x0) / 20), round((y0 - y1) / 20))
    result = tmp_path / "false_colour.tif"
    created = tmp_path / "created.gpkg"
    params = {
        "COLLECTION": cid, "FOLDER": root, "PATH_TEMPLATE": "{name}/(BAND).tif",
        "EXTENT": extent, "RESOLUTION": 20, "BANDS": "B08,B04,B03",
        **conn, **qp["s3"], "process:RESULT": result, "create_tiles:CREATED": created,
    }  # fmt: skip
    proc, data = home.run(MODEL, params, timeout=900)
    _check(proc, data, qp["secrets"])
    ds = gdal.Open(str(result))
    assert ds is not None and ds.RasterCount == 3
    assert (ds.RasterXSize, ds.RasterYSize) == size
    assert ds.GetRasterBand(1).ReadAsArray().max() > 0
    # the same chain, step by step, as the demo runs it
    proc, data = home.run("byoc:createtiles", {"COLLECTION": cid, "FOLDER": root, "OUTPUT": tmp_path / "again.gpkg",
                                               **conn, **qp["s3"]})  # fmt: skip
    res = _check(proc, data, qp["secrets"])
    assert (res["REGISTERED"], res["SKIPPED"]) == (0, 2)
    proc, data = home.run("byoc:waitforingestion", {"COLLECTION": cid, "TILES": created, "TIMEOUT": 60,
                                                    "OUTPUT": tmp_path / "status.csv", **conn})  # fmt: skip
    assert _check(proc, data, qp["secrets"])["INGESTED"] == 2
    tiles = tmp_path / "tiles.gpkg"
    proc, data = home.run("byoc:collectiontiles", {"COLLECTION": cid, "OUTPUT": tiles, **conn})
    assert _check(proc, data, qp["secrets"])["COUNT"] == 2
    layer = gdal.OpenEx(str(tiles))
    lyr = layer.GetLayer(0)
    assert lyr.GetFeatureCount() == 2
    assert {lyr.GetFeature(i + 1).GetField("status") for i in range(2)} == {"INGESTED"}
    lyr = layer = ds = src = None  # no GDAL object may outlive QGIS (crash at interpreter exit on 3.40)
