"""Process API: a 2500×2500 four-band false-colour request over 4 tiles (issue 6).

Rows:
- the evalscript pixel loop in V8 (seed false-colour script, 6.25 M px) in Mpx/s, against the same arithmetic in
  numpy measured in the same run (target ≥ 5 Mpx/s);
- the whole request through HTTP to a real localhub process (moto S3, 4 ingested tiles of 3 UInt16 COGs each,
  PNG answer), target ≤ 3 s; peak memory = growth of the localhub process's peak RSS (VmHWM) during the runs;
- the same request in-process (``run_process`` without HTTP) with the Python-heap peak (tracemalloc sees numpy).
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from pathlib import Path
from typing import List

import numpy as np

from benchmarks.common import Row, measure

SIZE = 2500
TILE = 1300  # four tiles of 1300² px overlapping by 50 px cover the 2500² request at native 10 m
PX = 10.0
EPSG = 32633
X0, Y0 = 399960.0, 5000040.0
FALSE_COLOR = """//VERSION=3
function setup() {
  return {
    input: ["B08","B04","B03", "dataMask"],
    output: { bands: 4 },
  };
}
var f = 2.5/10000;
function evaluatePixel(sample) {
  return [f*sample.B08, f*sample.B04, f*sample.B03, sample.dataMask];
}
"""


def _tile_arrays(i: int, j: int) -> dict:
    rng = np.random.default_rng(10 * i + j)
    rows, cols = np.mgrid[0:TILE, 0:TILE]
    base = 1500 + 800 * np.sin(rows / 90.0 + i) * np.cos(cols / 70.0 + j)
    out = {}
    for k, band in enumerate(("B03", "B04", "B08")):
        noise = rng.integers(0, 60, (TILE, TILE))
        out[band] = np.clip(base * (1 + 0.3 * k) + noise, 1, 65535).astype(np.uint16)
    return out


def _write_cog(path: Path, array: np.ndarray, x0: float, y0: float) -> str:
    from osgeo import gdal, osr

    mem = gdal.GetDriverByName("MEM").Create("", TILE, TILE, 1, gdal.GDT_UInt16)
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(EPSG)
    mem.SetProjection(ref.ExportToWkt())
    mem.SetGeoTransform((x0, PX, 0.0, y0, 0.0, -PX))
    mem.GetRasterBand(1).WriteArray(array)
    mem.GetRasterBand(1).SetNoDataValue(0)
    gdal.Translate(
        str(path), mem, format="COG", creationOptions=["BLOCKSIZE=1024", "COMPRESS=DEFLATE", "RESAMPLING=AVERAGE"]
    )
    return str(path)


def _peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return float("nan")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (load-independent cost of the requests it served)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _evalscript_rows() -> List[Row]:
    from localhub.process.evalscript import Evalscript

    npix = SIZE * SIZE
    rng = np.random.default_rng(0)
    inputs = rng.integers(1, 4000, (4, npix)).astype(np.float32)
    inputs[3] = 1.0
    with Evalscript(FALSE_COLOR, time_limit_s=600) as script:
        setup = script.setup()
        script.set_context({}, {"serviceVersion": "1.0.0", "normalizationFactor": 1})
        script.evaluate(setup.bands, inputs[:, :100_000], setup.outputs)  # warm the JIT like a second request
        js_s, js_peak, out = measure(lambda: script.evaluate(setup.bands, inputs, setup.outputs), repeat=5)

    f = np.float32(2.5 / 10000)

    def numpy_same():
        return np.stack([f * inputs[0], f * inputs[1], f * inputs[2], inputs[3]])

    np_s, np_peak, ref = measure(numpy_same, repeat=5)
    assert np.allclose(out["default"], ref, atol=1e-6), "V8 and numpy disagree"
    mpx = npix / js_s / 1e6
    return [
        Row(
            "process: evalscript pixel loop, V8 (2500² false colour)",
            js_s,
            js_peak,
            ratio=js_s / np_s,
            ratio_label="× numpy time",
            target="≥ 5 Mpx/s",
            ok=mpx >= 5.0,
            extra={"throughput": f"{mpx:.1f} Mpx/s (numpy {npix / np_s / 1e6:.0f} Mpx/s)"},
        ),
        Row("process: same arithmetic in numpy (reference)", np_s, np_peak),
    ]


def _request_rows() -> List[Row]:
    from moto.server import ThreadedMotoServer

    from localhub.process.request import parse_process_request
    from localhub.process.service import run_process
    from tests.fixtures_localhub import start_localhub
    from tests.fixtures_s3 import S3Server
    from tests.services import free_port

    os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")
    root = Path(tempfile.mkdtemp(prefix="bench-process-"))
    port = free_port()
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    moto.start()
    s3 = S3Server("127.0.0.1", port)
    hub = start_localhub(s3, root / "localhub.log", root / "data")
    try:
        client = s3.client()
        bucket = f"bench-{uuid.uuid4().hex[:8]}"
        client.create_bucket(Bucket=bucket)
        session = hub.session()
        bands = {b: {"source": b, "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT", "noData": 0} for b in
                 ("B03", "B04", "B08")}  # fmt: skip
        r = session.post(
            hub.byoc_url + "/collections",
            json={"name": "bench", "s3Bucket": bucket, "additionalData": {"bands": bands}},
            timeout=30,
        )
        r.raise_for_status()
        cid = r.json()["data"]["id"]
        tile_ids = []
        for i in range(2):
            for j in range(2):
                x0, y0 = X0 + i * 1250 * PX, Y0 - j * 1250 * PX
                for band, array in _tile_arrays(i, j).items():
                    path = _write_cog(root / f"t{i}{j}-{band}.tif", array, x0, y0)
                    client.upload_file(path, bucket, f"t{i}{j}/{band}.tif")
                r = session.post(
                    f"{hub.byoc_url}/collections/{cid}/tiles",
                    json={"path": f"t{i}{j}/(BAND).tif", "sensingTime": f"2020-06-0{1 + i + 2 * j}T10:00:00Z"},
                    timeout=30,
                )
                r.raise_for_status()
                tile_ids.append(r.json()["data"]["id"])
        for tid in tile_ids:
            tile = hub.wait_for_tile(session, cid, tid, timeout=120)
            assert tile["status"] == "INGESTED", tile
        body = {
            "input": {
                "bounds": {
                    "bbox": [X0, Y0 - SIZE * PX, X0 + SIZE * PX, Y0],
                    "properties": {"crs": f"http://www.opengis.net/def/crs/EPSG/0/{EPSG}"},
                },
                "data": [{"type": f"byoc-{cid}"}],
            },
            "output": {
                "width": SIZE,
                "height": SIZE,
                "responses": [{"identifier": "default", "format": {"type": "image/png"}}],
            },
            "evalscript": FALSE_COLOR,
        }
        url = hub.base_url + "/api/v1/process"
        pid = hub.process.proc.pid
        rss_before = _peak_rss_mib(pid)

        def over_http():
            response = session.post(url, json=body, headers={"Accept": "image/png"}, timeout=120)
            response.raise_for_status()
            return response

        first = time.perf_counter()
        over_http()  # cold: GDAL opens and block cache, V8 JIT
        cold_s = time.perf_counter() - first
        cpu_before = _cpu_seconds(pid)
        http_s, _peak, response = measure(over_http, repeat=5, trace_memory=False)
        cpu_per_request = (_cpu_seconds(pid) - cpu_before) / 5
        rss_growth = _peak_rss_mib(pid) - rss_before
        assert response.content[:4] == b"\x89PNG"

        # the same area requested in WGS84: every tile goes through the GDAL warper (no direct read)
        from localhub.process.crs import transformer

        tr = transformer(EPSG, 4326)
        lon0, lat0, _ = tr.TransformPoint(X0 + 500.0, Y0 - SIZE * PX + 500.0)
        lon1, lat1, _ = tr.TransformPoint(X0 + SIZE * PX - 500.0, Y0 - 500.0)
        wgs84_body = dict(body, input=dict(body["input"], bounds={"bbox": [lon0, lat0, lon1, lat1]}))

        def wgs84_over_http():
            response = session.post(url, json=wgs84_body, headers={"Accept": "image/png"}, timeout=120)
            response.raise_for_status()
            return response

        wgs84_over_http()
        wgs84_s, _peak, _response = measure(wgs84_over_http, repeat=3, trace_memory=False)

        # the same pipeline in this process (no HTTP), Python-heap peak via tracemalloc
        from localhub.s3 import S3Access

        access = S3Access(s3.endpoint, s3.access_key, s3.secret_key, s3.region)
        collection = session.get(f"{hub.byoc_url}/collections/{cid}", timeout=30).json()["data"]
        tiles = session.get(f"{hub.byoc_url}/collections/{cid}/tiles", timeout=30).json()["data"]
        req = parse_process_request(body, "image/png")
        local_s, local_peak, _ = measure(lambda: run_process(req, collection, tiles, access.vsi_path, 600), repeat=3)
    finally:
        hub.stop()
        moto.stop()
    return [
        Row(
            "process: whole request 2500² PNG, 4 tiles, HTTP",
            http_s,
            rss_growth,
            target="≤ 3 s",
            ok=http_s <= 3.0,
            extra={
                "cold first request": f"{cold_s:.2f} s",
                "localhub CPU per request": f"{cpu_per_request:.2f} s (user+system, all threads)",
                "machine load (1 min)": f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
                "peak MiB": "growth of localhub's peak RSS (VmHWM)",
            },
        ),
        Row("process: same request in-process (run_process)", local_s, local_peak),
        Row("process: same area in EPSG:4326 (warped), HTTP", wgs84_s, None, target="(no target)"),
    ]


def run() -> List[Row]:
    """Benchmark rows for ``make bench``."""
    return _evalscript_rows() + _request_rows()


if __name__ == "__main__":
    from benchmarks.common import format_table

    print(format_table(run()))
