"""The batch algorithms and the shipped batch model headless through qgis_process (this lane's QGIS), credentials
in a QGIS auth database: the model's mosaic equals a Process request of the same area, no secret in any output."""

from __future__ import annotations

import csv
import uuid

import numpy as np
import pytest
from osgeo import gdal

from byoc_qgis.core.s3 import S3Config, bucket_options

from .fixtures_rasters import make_tile
from .test_processing_support import QgisProcessHome

MODEL = "byoc_qgis/processing/models/byoc_create_wait_batch.model3"
BANDS = ("B02", "B03", "B04", "B08")


@pytest.fixture(scope="module")
def qp(tmp_path_factory, localhub, s3_server):
    home = QgisProcessHome(tmp_path_factory.mktemp("qpbatch"))
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
    for secret in secrets:
        assert secret not in proc.stdout + proc.stderr
    return data["results"]


def _read(path: str, config: S3Config):
    with bucket_options(config):
        ds = gdal.Open(path)
        try:
            bands = np.stack([ds.GetRasterBand(i + 1).ReadAsArray() for i in range(ds.RasterCount)])
            return bands, ds.GetGeoTransform(), int(ds.GetSpatialRef().GetAuthorityCode(None))
        finally:
            ds = None


def test_batch_model_headless_mosaic_equals_process_request(qp, s3_server, tmp_path):
    home, conn, s3 = qp["home"], qp["conn"], qp["s3"]
    bucket, out_bucket = f"qpb-{uuid.uuid4().hex[:8]}", f"qpb-out-{uuid.uuid4().hex[:8]}"
    for name in (bucket, out_bucket):
        s3_server.client().create_bucket(Bucket=name)
    proc, data = home.run("byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, **conn})
    cid = _check(proc, data, qp["secrets"])["COLLECTION_ID"]
    files = make_tile(tmp_path / "data" / "2023-06-10" / "tA", stems=BANDS)
    src = gdal.Open(files["B02"])
    x0, px, _, y0, _, py = src.GetGeoTransform()
    x1, y1 = x0 + px * src.RasterXSize, y0 + py * src.RasterYSize
    src = None
    mosaics, cells = tmp_path / "mosaics", tmp_path / "cells.gpkg"
    params = {
        "COLLECTION": cid, "FOLDER": tmp_path / "data", "PATH_TEMPLATE": "{name}/(BAND).tif",
        "EXTENT": f"{x0},{x1},{y1},{y0} [EPSG:32633]", "GRID": 0, "RESOLUTION": 60, "BANDS": "B08,B04,B03",
        "OUT_BUCKET": out_bucket, **conn, **s3,
        "results:MOSAICS": mosaics, "results:CELLS": cells, "create_tiles:CREATED": tmp_path / "created.gpkg",
    }  # fmt: skip
    proc, data = home.run(MODEL, params, timeout=900)
    _check(proc, data, qp["secrets"])
    # the cells layer with each cell's status and error, geometry in EPSG:4326
    ds = gdal.OpenEx(str(cells))
    layer = ds.GetLayer(0)
    rows = [(f.GetField("status"), f.GetField("error"), f.GetField("delivered")) for f in layer]
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "4326"
    layer = ds = None
    assert sorted(rows) == [("DONE", "", 1), ("DONE", "No data", 0)]  # the tile's collar covers the west cell
    # one VRT (one UTM zone), read through /vsis3/ with the bucket's options: a Process request of its extent at
    # the same resolution and CRS gives the same pixels
    [vrt] = sorted(mosaics.glob("*.vrt"))
    text = vrt.read_text()
    for secret in qp["secrets"] + [s3_server.access_key]:
        assert secret not in text
    keys = {"access_key": s3_server.access_key, "secret_key": s3_server.secret_key}
    config = S3Config(out_bucket, **keys, region=s3_server.region, endpoint=s3_server.endpoint, https=False,
                      virtual_hosting=False)  # fmt: skip
    mosaic, gt, epsg = _read(str(vrt), config)
    assert epsg == 32633 and mosaic.shape[0] == 3 and gt[1] == 60.0
    assert mosaic.max() > 0
    w, h = mosaic.shape[2], mosaic.shape[1]
    out = tmp_path / "process.tif"
    extent = f"{gt[0]},{gt[0] + w * 60},{gt[3] - h * 60},{gt[3]} [EPSG:32633]"
    proc, data = home.run("byoc:processrequest", {"COLLECTION": cid, "EXTENT": extent, "CRS": "EPSG:32633",
                                                  "RESOLUTION": 60, "PRESET": 2, "BANDS": "B08,B04,B03",
                                                  "OUTPUT": out, **conn})  # fmt: skip
    _check(proc, data, qp["secrets"])
    ds = gdal.Open(str(out))
    process = ds.ReadAsArray()
    assert ds.GetGeoTransform() == pytest.approx(gt)
    ds = None
    assert np.array_equal(mosaic, process)
    # status to a CSV (request masked), then stop refuses without CONFIRM (exit code, message)
    task_id = vrt.stem.split("-")[1]
    status_csv = tmp_path / "status.csv"
    proc, data = home.run("byoc:batchstatus", {"SEARCH": "QGIS", "OUTPUT": status_csv, **conn})
    assert _check(proc, data, qp["secrets"])["COUNT"] >= 1
    with open(status_csv, newline="") as f:
        table = [row for row in csv.DictReader(f) if row["task_id"].startswith(task_id)]
    assert len(table) == 1 and table[0]["status"] == "DONE" and '"***"' in table[0]["request"]
    assert s3_server.secret_key not in status_csv.read_text() and s3_server.access_key not in status_csv.read_text()
    proc, _data = home.run("byoc:batchstop", {"TASK_ID": table[0]["task_id"], **conn})
    assert proc.returncode != 0 and "set CONFIRM" in proc.stderr
