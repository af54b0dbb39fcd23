"""A small world for Batch API tests: one BYOC collection with one ingested 60 m UInt16 COG in UTM 33N.

The area of interest (lon 11.8–12.6, lat 45.95–46.2) touches 10 cells of the UTM 20 km grid (id 0) at 60 m:
four in zone 32 and six in zone 33. The raster covers x 286020–318420, y 5095020–5125020 (EPSG:32633) on the
cells' own 60 m pixel grid, so four zone-33 cells have data (delivered pixels equal the source exactly) and six
cells have none ("No data").
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

import numpy as np
import requests
from osgeo import gdal

from .fixtures_rasters import mem_dataset, write_cog

EPSG = 32633
PX = 60.0
X0, Y0 = 286020.0, 5125020.0  # upper-left corner, multiples of 60 m (cells start at multiples of 20040 = 334 px)
WIDTH, HEIGHT = 540, 500
AOI = [11.8, 45.95, 12.6, 46.2]
CELLS_WITH_DATA = ["33TTM_4_3", "33TTM_4_4", "33TUM_0_3", "33TUM_0_4"]
CELLS_NO_DATA = ["32TQS_0_3", "32TQS_0_4", "32TQS_1_3", "32TQS_1_4", "33TTM_3_3", "33TTM_3_4"]
ALL_CELLS = sorted(CELLS_WITH_DATA + CELLS_NO_DATA)

IDENTITY = """//VERSION=3
function setup() {
  return {input: ["B1", "dataMask"], output: {id: "default", bands: 1, sampleType: "UINT16"}};
}
function evaluatePixel(s) { return [s.dataMask ? s.B1 : 0]; }
"""

TWO_OUTPUTS = """//VERSION=3
function setup() {
  return {input: ["B1", "dataMask"], output: [
    {id: "value", bands: 1, sampleType: "UINT16"},
    {id: "half", bands: 2, sampleType: "UINT8"}]};
}
function evaluatePixel(s) { return {value: [s.dataMask ? s.B1 : 0], half: [s.B1 % 200, s.dataMask]}; }
function updateOutputMetadata(scenes, inputMetadata, outputMetadata) { outputMetadata.userData = {n: 1}; }
"""


def source_array() -> np.ndarray:
    """The raster's values: never 0 (0 is no-data), distinct enough to catch any shift."""
    rows, cols = np.mgrid[0:HEIGHT, 0:WIDTH]
    return ((rows * 131 + cols * 17) % 60000 + 1).astype(np.uint16)


def expected_window(minx: float, maxy: float, width: int, height: int) -> np.ndarray:
    """What an identity evalscript must deliver for a cell: source values where they exist, 0 elsewhere."""
    out = np.zeros((height, width), np.uint16)
    src = source_array()
    col0 = int(round((minx - X0) / PX))
    row0 = int(round((Y0 - maxy) / PX))
    r0, r1 = max(0, -row0), min(height, HEIGHT - row0)
    c0, c1 = max(0, -col0), min(width, WIDTH - col0)
    if r1 > r0 and c1 > c0:
        out[r0:r1, c0:c1] = src[row0 + r0 : row0 + r1, col0 + c0 : col0 + c1]
    return out


@dataclass
class BatchWorld:
    hub: Any
    collection_id: str
    bucket: str  # the collection's bucket
    out_bucket: str  # a bucket for deliveries

    @property
    def batch_url(self) -> str:
        return self.hub.base_url + "/api/v2/batch"

    def s3(self):
        return self.hub.s3.client()

    def delivery(self, prefix: str, **extra: Any) -> Dict[str, Any]:
        """``output.delivery`` with the S3 server's keys."""
        s3 = {"url": f"s3://{self.out_bucket}/{prefix}", "accessKey": self.hub.s3.access_key}
        s3["secretAccessKey"] = self.hub.s3.secret_key
        s3.update(extra)
        return {"s3": s3}

    def process_request(self, evalscript: str = IDENTITY, responses: Optional[List[dict]] = None, **kw) -> dict:
        return {
            "input": {
                "bounds": {
                    "bbox": kw.get("bbox", AOI),
                    "properties": {"crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"},
                },
                "data": [{"type": f"byoc-{self.collection_id}"}],
            },
            "output": {"responses": responses or [{"identifier": "default", "format": {"type": "image/tiff"}}]},
            "evalscript": evalscript,
        }

    def body(self, prefix: str, evalscript: str = IDENTITY, responses=None, grid=0, resolution=60.0, **output) -> dict:
        """A whole create body; ``output`` adds raster output fields (cogOutput, overwrite, ...)."""
        return {
            "processRequest": self.process_request(evalscript, responses),
            "input": {"type": "tiling-grid", "id": grid, "resolution": resolution},
            "output": {"type": "raster", "delivery": self.delivery(prefix), **output},
            "description": f"test {prefix}",
        }

    def keys(self, prefix: str) -> List[str]:
        """Every key under ``prefix`` in the delivery bucket."""
        out = []
        for page in self.s3().get_paginator("list_objects_v2").paginate(Bucket=self.out_bucket, Prefix=prefix):
            out += [o["Key"] for o in page.get("Contents") or []]
        return sorted(out)

    def read_tiff(self, key: str):
        """(array of band 1 or all bands, geotransform, EPSG, dataset metadata) of a delivered GeoTIFF."""
        data = self.s3().get_object(Bucket=self.out_bucket, Key=key)["Body"].read()
        path = f"/vsimem/batch-test-{uuid.uuid4().hex}.tif"
        gdal.FileFromMemBuffer(path, data)
        try:
            ds = gdal.Open(path)
            arr = ds.ReadAsArray()
            srs = ds.GetSpatialRef()
            epsg = int(srs.GetAuthorityCode(None))
            layout = (ds.GetMetadata("IMAGE_STRUCTURE") or {}).get("LAYOUT")
            info = {"layout": layout, "bands": ds.RasterCount, "overviews": ds.GetRasterBand(1).GetOverviewCount()}
            return arr, ds.GetGeoTransform(), epsg, info
        finally:
            ds = None
            gdal.Unlink(path)


def make_world(hub, tmp_path) -> BatchWorld:
    """Upload the raster, create and configure the collection, wait for the tile to be INGESTED."""
    s3 = hub.s3.client()
    bucket = f"batch-src-{uuid.uuid4().hex[:8]}"
    out_bucket = f"batch-out-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket)
    s3.create_bucket(Bucket=out_bucket)
    ds = mem_dataset([source_array()], EPSG, (X0, PX, 0.0, Y0, 0.0, -PX), nodata=0)
    path = write_cog(tmp_path / "B1.tif", ds, blocksize=256)
    s3.upload_file(path, bucket, "src/B1.tif")
    session = hub.session()
    bands = {"B1": {"source": "B1", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT", "noData": 0}}
    r = session.post(
        hub.byoc_url + "/collections",
        json={"name": "batch source", "s3Bucket": bucket, "additionalData": {"bands": bands}},
        timeout=10,
    )
    assert r.status_code == 201, r.text
    cid = r.json()["data"]["id"]
    r = session.post(f"{hub.byoc_url}/collections/{cid}/tiles", json={"path": "src/(BAND).tif"}, timeout=10)
    assert r.status_code == 201, r.text
    tile = hub.wait_for_tile(session, cid, r.json()["data"]["id"])
    assert tile["status"] == "INGESTED", tile
    return BatchWorld(hub, cid, bucket, out_bucket)


def wait_status(session: requests.Session, url: str, statuses, timeout: float = 120.0) -> dict:
    """Poll a task until its status is in ``statuses``; return it."""
    deadline = time.monotonic() + timeout
    while True:
        task = session.get(url, timeout=10).json()
        if task.get("status") in statuses:
            return task
        assert time.monotonic() < deadline, f"task still {task.get('status')} after {timeout} s: {task}"
        time.sleep(0.1)
