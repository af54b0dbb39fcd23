"""Process API through the client against localhub: GeoTIFF output, tar, PNG, and split == unsplit, pixel for pixel."""

from __future__ import annotations

import importlib.util
import logging
import uuid

import numpy as np
import pytest
import requests
from osgeo import gdal

from byoc_qgis.core import auth, evalscripts
from byoc_qgis.core.auth import ClientCredentials
from byoc_qgis.core.client import SentinelHubClient
from byoc_qgis.core.deployments import custom_deployment
from byoc_qgis.core.errors import BadRequestError, CancelledError
from byoc_qgis.core.http import RetryPolicy
from byoc_qgis.core.ingestion import wait_for_collection
from byoc_qgis.core.models import Collection, Tile
from byoc_qgis.core.process import DataSource, OutputResponse, ProcessRequest
from byoc_qgis.core.process_split import plan_grid

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("localhub.process.api") is None,
    reason="localhub's Process API router (localhub/process/api.py) is not there yet",
)

POLICY = RetryPolicy(max_attempts=3, backoff_base=0.05, backoff_cap=0.2, max_rate_limit_wait=30.0)


def make_client(hub, **kwargs) -> SentinelHubClient:
    return SentinelHubClient(
        custom_deployment(hub.base_url, hub.token_url),
        ClientCredentials(hub.client_id, hub.client_secret),
        policy=POLICY,
        **kwargs,
    )


def ingested_collection(client, hub, bucket, cog_path):
    hub.s3.client().upload_file(cog_path, bucket, "scene/B1.tif")
    col = client.byoc.create_collection(Collection(name=f"proc-{uuid.uuid4().hex[:6]}", s3_bucket=bucket))
    tile = client.byoc.create_tile(col.id, Tile("scene/(BAND).tif", sensing_time="2020-05-01T10:00:00Z"))
    result = wait_for_collection(client.byoc, col.id, timeout=60, initial_delay=0.2)
    assert result.ok, [t.failed_ingestion_cause for t in result.failed]
    tile = client.byoc.get_tile(col.id, tile.id)
    return client.byoc.get_collection(col.id), tile


@pytest.fixture(scope="module")
def scene(localhub, tmp_path_factory):
    from tests.fixtures_rasters import make_utm_cog

    auth.clear_token_cache()
    folder = tmp_path_factory.mktemp("process")
    cog = make_utm_cog(folder / "B1.tif", size=(600, 500), kind="full")
    bucket = f"process-{uuid.uuid4().hex[:8]}"
    localhub.s3.client().create_bucket(Bucket=bucket)
    client = make_client(localhub)
    col, tile = ingested_collection(client, localhub, bucket, cog)
    yield client, col, tile, cog, bucket
    client.close()


def _request(col, bbox, crs, width, height, script=None, **kwargs):
    return ProcessRequest(
        evalscript=script or evalscripts.single_band(col, "B1"),
        data=[DataSource(col.id, "2020-01-01T00:00:00Z", "2020-12-31T23:59:59Z")],
        bbox=bbox,
        crs=crs,
        width=width,
        height=height,
        **kwargs,
    )


def _read(path):
    ds = gdal.Open(str(path))
    arrays = ds.ReadAsArray()
    return ds.GetGeoTransform(), ds.GetProjection(), ds.RasterCount, arrays, ds.GetRasterBand(1).DataType


def _inner_bbox(tile, shrink=0.1):
    minx, miny, maxx, maxy = tile.tile_geometry.bounds()
    dx, dy = (maxx - minx) * shrink, (maxy - miny) * shrink
    return (minx + dx, miny + dy, maxx - dx * 0.7, maxy - dy * 1.3)


def test_geotiff_single_request_is_georeferenced(scene, tmp_path):
    client, col, tile, _, _ = scene
    bbox = _inner_bbox(tile)
    out = client.process.to_geotiff(_request(col, bbox, tile.tile_geometry.epsg, 200, 150), str(tmp_path / "one.tif"))
    gt, proj, count, arr, dtype = _read(out)
    assert count == 1 and arr.shape == (150, 200) and dtype == gdal.GDT_UInt16
    assert gt[0] == pytest.approx(bbox[0]) and gt[3] == pytest.approx(bbox[3])
    assert gt[1] == pytest.approx((bbox[2] - bbox[0]) / 200)
    assert "32633" in proj or "UTM zone 33N" in proj
    assert arr.max() > 0


@pytest.mark.parametrize("frame", ["utm", "wgs84"])
def test_split_request_equals_unsplit_pixel_for_pixel(scene, tmp_path, frame):
    client, col, tile, _, _ = scene
    if frame == "utm":
        bbox, crs, size = _inner_bbox(tile), tile.tile_geometry.epsg, (331, 257)
    else:
        from osgeo import osr

        src = osr.SpatialReference()
        src.ImportFromEPSG(tile.tile_geometry.epsg)
        dst = osr.SpatialReference()
        dst.ImportFromEPSG(4326)
        for ref in (src, dst):
            ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        tr = osr.CoordinateTransformation(src, dst)
        minx, miny, maxx, maxy = _inner_bbox(tile, 0.2)
        (x0, y0, _), (x1, y1, _) = tr.TransformPoint(minx, miny), tr.TransformPoint(maxx, maxy)
        bbox, crs, size = (x0, y0, x1, y1), 4326, (300, 211)
    whole = client.process.to_geotiff(_request(col, bbox, crs, *size), str(tmp_path / "whole.tif"))
    parts = []
    split = client.process.to_geotiff(
        _request(col, bbox, crs, *size),
        str(tmp_path / "split.tif"),
        max_px=100,
        progress=lambda f, m: parts.append(f),
    )
    assert len(parts) == len(plan_grid(*size, 100)) >= 9 and parts[-1] == 1.0  # one report per part
    a, b = _read(whole), _read(split)
    assert b[0] == pytest.approx(a[0], rel=1e-12, abs=1e-9)  # same geotransform
    assert b[2] == a[2] and b[4] == a[4]
    diff = np.argwhere(a[3] != b[3])
    assert diff.size == 0, (len(diff), diff[:20].tolist())
    assert (a[3] > 0).sum() > 0.5 * a[3].size  # real data, not an empty image


def test_split_under_rate_limit_and_cancel(localhub_factory, tmp_path, caplog):
    from tests.fixtures_rasters import make_utm_cog

    caplog.set_level(logging.INFO, logger="byoc_qgis.core.http")
    hub = localhub_factory(rate_limit="4/1", fault_injection={"rules": []})
    with make_client(hub, max_workers=4) as client:
        bucket = f"rl-{uuid.uuid4().hex[:8]}"
        hub.s3.client().create_bucket(Bucket=bucket)
        cog = make_utm_cog(tmp_path / "B1.tif", size=(300, 300), kind="full")
        col, tile = ingested_collection(client, hub, bucket, cog)
        bbox = _inner_bbox(tile)
        epsg = tile.tile_geometry.epsg
        whole = client.process.to_geotiff(_request(col, bbox, epsg, 120, 90), str(tmp_path / "w.tif"))
        split = client.process.to_geotiff(_request(col, bbox, epsg, 120, 90), str(tmp_path / "s.tif"), max_px=30)
        assert np.array_equal(_read(whole)[3], _read(split)[3])  # 16 parts at 4 requests/s: 429s were waited out
        assert "POST /api/v1/process rate limited" in caplog.text
        # a dropped connection and a 502 on the Process API are retried (nothing is created by it)
        rules = [{"method": "POST", "path": "/api/v1/process", "sequence": [{"drop": "after"}, {"status": 502}]}]
        assert requests.put(f"{hub.base_url}/localhub/faults", json={"rules": rules}, timeout=5).status_code < 300
        again = client.process.to_geotiff(_request(col, bbox, epsg, 120, 90), str(tmp_path / "again.tif"))
        assert np.array_equal(_read(whole)[3], _read(again)[3])
        fired = requests.get(f"{hub.base_url}/localhub/faults", timeout=5).json()["fired"]
        assert [f["fault"] for f in fired] == [{"drop": "after"}, {"status": 502}]
        calls = []
        target = tmp_path / "cancelled.tif"
        with pytest.raises(CancelledError):
            client.process.to_geotiff(
                _request(col, bbox, epsg, 120, 90),
                str(target),
                max_px=30,
                progress=lambda f, m: calls.append(f),
                cancel=lambda: len(calls) >= 2,
            )
        assert not target.exists() and not (tmp_path / "cancelled.tif.part").exists()


def test_tar_png_and_errors(scene):
    client, col, tile, _, _ = scene
    script = """//VERSION=3
function setup() {
  return {input: [{bands: ["B1", "dataMask"]}],
          output: [{id: "default", bands: 1, sampleType: "UINT16"}, {id: "mask", bands: 1, sampleType: "UINT8"}]};
}
function evaluatePixel(s) { return {default: [s.B1], mask: [s.dataMask]}; }
"""
    bbox = _inner_bbox(tile)
    req = _request(
        col,
        bbox,
        tile.tile_geometry.epsg,
        64,
        48,
        script=script,
        responses=[OutputResponse("default"), OutputResponse("mask")],
    )
    result = client.process.process(req)
    assert set(result.outputs) == {"default", "mask"} and result.outputs["mask"][:2] in (b"II", b"MM")
    png = client.process.process(
        _request(
            col,
            bbox,
            tile.tile_geometry.epsg,
            32,
            32,
            script=evalscripts.true_color(col, "B1", "B1", "B1", scale=1 / 4000),
            responses=[OutputResponse("default", "image/png")],
        )
    )
    assert png.single()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(BadRequestError) as exc:
        client.process.process(_request(col, bbox, tile.tile_geometry.epsg, 32, 32, script="//VERSION=3\nnonsense("))
    assert exc.value.status == 400 and exc.value.message
