"""localhub: list-page latency, ingestion time of a 4-band 2048² COG, and listing 20 000 tiles end to end.

- List page: median latency of ``GET …/tiles`` (100 tiles, a page in the middle of 20 000) over HTTP against a
  ``python -m localhub`` process; baseline in the same run: ``GET …/collections/{id}`` (smallest authorised call).
  Target ≤ 20 ms.
- Ingestion: ``IngestionEngine.ingest`` of a tile whose one file is a 4-band UInt16 2048² COG (512-px blocks,
  DEFLATE) on a moto S3 server, read through ``/vsis3/``; baseline: ``cog_rules.check_tile`` of the same file on
  local disk. Target ≤ 1 s.
- 20 000 tiles: following ``links.next`` through 200 pages over HTTP; baseline: ``Store.iter_tiles`` in-process.
  The tiles are inserted with the store's bulk path (20 000 POSTs would measure ingestion, not listing).
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List

import requests

from benchmarks.common import Row, measure

REPO = Path(__file__).resolve().parent.parent
N_TILES = int(os.environ.get("BENCH_LOCALHUB_TILES", "20000"))
CLIENT_ID, CLIENT_SECRET = "bench-localhub", "bench-localhub-secret"  # noqa: S105 - local benchmark account


def _tiles(n: int):
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}}
    for i in range(n):
        x0, y0 = 500000 + (i % 100) * 10000, 5000000 + (i // 100) * 10000
        ring = [[x0, y0], [x0 + 10000, y0], [x0 + 10000, y0 + 10000], [x0, y0 + 10000], [x0, y0]]
        yield {
            "path": f"scenes/{i:06d}/(BAND).tif",
            "status": "INGESTED",
            "sensingTime": f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00.000Z",
            "coverGeometry": {"type": "Polygon", "crs": crs, "coordinates": [ring]},
            "tileGeometry": {"type": "Polygon", "crs": crs, "coordinates": [ring]},
            "additionalData": {"minMetersPerPixel": 10.0, "maxMetersPerPixel": 80.0},
        }


def _start(data_dir: Path, s3_endpoint: str):
    log_path = data_dir / "localhub.log"
    log = open(log_path, "w")  # noqa: SIM115 - closed in _stop
    args = [sys.executable, "-m", "localhub", "--data-dir", str(data_dir), "--s3-endpoint", s3_endpoint,
            "--account", f"{CLIENT_ID}:{CLIENT_SECRET}", "--ingestion-workers", "0"]  # fmt: skip
    proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, cwd=str(REPO))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        match = re.search(r"localhub: base URL (http://\S+)", log_path.read_text())
        if match:
            return proc, log, match.group(1)
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError(f"localhub did not start:\n{log_path.read_text()[-2000:]}")


def _stop(proc, log) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def _http_rows(s3) -> List[Row]:
    from localhub.store import Store

    rows: List[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-localhub-") as tmp:
        data_dir = Path(tmp)
        store = Store(data_dir)
        account = store.upsert_account(CLIENT_ID, CLIENT_SECRET)
        cid = store.create_collection(account, "bench", "bench-bucket", None, None, None)["id"]
        t0 = time.perf_counter()
        store.bulk_insert_tiles(cid, _tiles(N_TILES))
        insert_s = time.perf_counter() - t0
        proc, log, base = _start(data_dir, s3.endpoint)
        try:
            token = requests.post(
                base + "/oauth/token",
                data={"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET},
                timeout=30,
            ).json()["access_token"]
            session = requests.Session()
            session.headers["Authorization"] = f"Bearer {token}"
            coll_url = f"{base}/api/v1/byoc/collections/{cid}"
            page_url = f"{coll_url}/tiles?viewtoken={N_TILES // 2}"
            for _ in range(5):  # warm up connections and caches
                session.get(page_url, timeout=30).raise_for_status()
                session.get(coll_url, timeout=30).raise_for_status()
            page, base_times = [], []
            for _ in range(40):
                t = time.perf_counter()
                response = session.get(page_url, timeout=30)
                body = response.json()
                page.append(time.perf_counter() - t)
                t = time.perf_counter()
                session.get(coll_url, timeout=30).json()
                base_times.append(time.perf_counter() - t)
            assert len(body["data"]) == 100
            page_s, base_s = statistics.median(page), statistics.median(base_times)
            rows.append(
                Row(
                    "localhub: list page of 100 tiles (HTTP, median of 40)",
                    page_s,
                    ratio=page_s / base_s,
                    ratio_label="vs GET one collection",
                    target="<= 20 ms",
                    ok=page_s <= 0.020,
                    extra={"baseline GET collection s": f"{base_s:.4f}", "page size bytes": len(response.content)},
                )
            )

            def list_all_http() -> int:
                n, url = 0, f"{coll_url}/tiles"
                while url:
                    body = session.get(url, timeout=60).json()
                    n += len(body["data"])
                    url = body["links"].get("next")
                return n

            def list_all_store() -> int:
                return sum(1 for _ in store.iter_tiles(cid))

            http_s, http_peak, n_http = measure(list_all_http, repeat=3)
            store_s, _, n_store = measure(list_all_store, repeat=3, trace_memory=False)
            assert n_http == n_store == N_TILES, (n_http, n_store)
            rows.append(
                Row(
                    f"localhub: list {N_TILES} tiles via links.next (HTTP)",
                    http_s,
                    peak_mib=http_peak,
                    ratio=http_s / store_s,
                    ratio_label="vs Store.iter_tiles in-process",
                    target="report",
                    extra={"store baseline s": f"{store_s:.3f}", f"bulk insert of {N_TILES} s": f"{insert_s:.2f}"},
                )
            )
        finally:
            _stop(proc, log)
            store.close()
    return rows


def _ingestion_row(s3) -> Row:
    import numpy as np
    from osgeo import gdal, osr

    from byoc_qgis.core import cog_rules
    from localhub.ingestion import IngestionEngine
    from localhub.s3 import S3Access
    from localhub.store import Store

    gdal.UseExceptions()
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        size = 2048
        src = gdal.GetDriverByName("MEM").Create("", size, size, 4, gdal.GDT_UInt16)
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(32633)
        src.SetProjection(srs.ExportToWkt())
        src.SetGeoTransform((399960.0, 10.0, 0.0, 5000040.0, 0.0, -10.0))
        yy, xx = np.mgrid[0:size, 0:size]
        for b in range(4):
            src.GetRasterBand(b + 1).WriteArray(((xx * (b + 1) + yy) % 4000 + 1).astype(np.uint16))
            src.GetRasterBand(b + 1).SetNoDataValue(0)
        local = str(Path(tmp) / "RGBN.tif")
        gdal.Translate(local, src, format="COG",
                       creationOptions=["BLOCKSIZE=512", "COMPRESS=DEFLATE", "RESAMPLING=AVERAGE"])  # fmt: skip
        bucket = "bench-ingest"
        client = s3.client()
        client.create_bucket(Bucket=bucket)
        client.upload_file(local, bucket, "t/RGBN.tif")

        store = Store(Path(tmp))
        account = store.upsert_account("bench", "bench")
        cid = store.create_collection(account, "ingest", bucket, None, None, None)["id"]
        access = S3Access(s3.endpoint, s3.access_key, s3.secret_key, s3.region)
        engine = IngestionEngine(store, access, workers=0, state_delay=0)
        tid = store.create_tile(cid, "t/(BAND).tif", None, None)["id"]

        def ingest() -> dict:
            result = engine.ingest(tid)
            assert result["status"] == "INGESTED", result
            return result

        ingest_s, peak, result = measure(ingest, repeat=5)
        local_s, _, _ = measure(lambda: cog_rules.check_tile({"RGBN": local}), repeat=5, trace_memory=False)
        store.close()
        return Row(
            "localhub: ingest a 4-band 2048² UInt16 COG tile over /vsis3/",
            ingest_s,
            peak_mib=peak,
            ratio=ingest_s / local_s,
            ratio_label="vs cog_rules.check_tile on local disk",
            target="<= 1 s",
            ok=ingest_s <= 1.0,
            extra={
                "local check s": f"{local_s:.3f}",
                "headerSize": result["additionalData"]["filesMetadata"]["RGBN"]["headerSize"],
            },
        )


class _S3:
    def __init__(self, port: int) -> None:
        self.endpoint = f"127.0.0.1:{port}"
        self.access_key, self.secret_key, self.region = "bench", "bench", "us-east-1"

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=f"http://{self.endpoint}", aws_access_key_id=self.access_key,
                            aws_secret_access_key=self.secret_key, region_name=self.region)  # fmt: skip


def run() -> List[Row]:
    """The localhub benchmark rows."""
    import logging
    import socket

    from moto.server import ThreadedMotoServer

    sys.path.insert(0, str(REPO))
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    moto.start()
    try:
        s3 = _S3(port)
        return [*_http_rows(s3), _ingestion_row(s3)]
    finally:
        moto.stop()


if __name__ == "__main__":
    from benchmarks.common import format_table

    print(format_table(run()))
