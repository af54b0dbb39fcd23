"""P4 large Process request: 10000 × 10000 px over a collection, our split + mosaic vs sentinelhub-py (issue 12).

Both sides ask the same real localhub process (moto S3 in this process, render pool at its default size, one
worker per core) for the same area, evalscript (the seed's false colour, 4 bands 8-bit) and output grid, and end
with one tiled DEFLATE GeoTIFF of ``SIZE``² px (``BENCH_LARGE_PX``, default 10000) at 10 m in UTM 33N:

* **ours**: ``ProcessClient(http).to_geotiff`` as the ``processrequest`` algorithm calls it (``process_split``:
  ≤ 2500-px sub-requests on the output's pixel lattice, 4 at a time, each written into the GeoTIFF as it arrives);
* **sentinelhub-py**: its own splitter (``BBoxSplitter`` with ``split_shape`` n × n, n = ⌈SIZE / 2500⌉), one
  ``SentinelHubRequest`` per part (size from ``bbox_to_dimensions`` at 10 m) run by ``SentinelHubDownloadClient``
  with the same 4 threads, each answer saved to its ``data_folder`` (``return_data=False``: the leanest way it
  offers, nothing decoded or held), then a GDAL mosaic of the parts: ``gdal.BuildVRT`` + ``gdal.Translate`` with
  our creation options (TILED, DEFLATE, BIGTIFF=IF_SAFER).

Each side runs in a fresh child process and reports its wall time, CPU time (user + system, all threads) and peak
RSS *added* by the request (VmHWM reset through /proc/self/clear_refs before it; the interpreter with GDAL and the
client library imported is the baseline, reported too). localhub, its render workers and S3 run in other processes
(service CPU reported per side). Sides alternate; medians of ``REPEAT`` (``BENCH_LARGE_REPEAT``, default 3).
The two GeoTIFFs of the last repeat must be pixel-identical (georeferencing, size, bands, type and every pixel,
compared in strips of 512 rows): asserted.

Data: 2 × 2 tiles of 20 m UInt16 COGs (bands B03, B04, B08; 512-px blocks, DEFLATE, overviews) covering the area
(with a margin), built once under .cache/bench/. Target: ours ≥ 1.0× sentinelhub-py's speed (ours faster).
"""

from __future__ import annotations

import json
import logging
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, Dict, List

from benchmarks.common import Row, load_note, machine_busy_s

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".cache" / "bench"
SIZE = int(os.environ.get("BENCH_LARGE_PX", "10000"))
REPEAT = int(os.environ.get("BENCH_LARGE_REPEAT", "3"))
RES = 10.0  # output metres per pixel
SRC_RES = 20.0  # source COGs' metres per pixel
EPSG = 32633
X0, Y1 = 400000.0, 5000000.0  # north-west corner of the requested area
MAX_PX = 2500
THREADS = 4  # ProcessClient's default max_workers; sentinelhub-py gets the same
MARGIN_PX = 64  # source tiles reach this far beyond the area
BANDS = ("B03", "B04", "B08")
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
CREATION = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"]  # what process_split writes


def _bbox() -> List[float]:
    return [X0, Y1 - SIZE * RES, X0 + SIZE * RES, Y1]


# -- data ---------------------------------------------------------------------------------------------------------
def _tile_px() -> int:
    """Source tile side: half the area plus the margin on each side, in source pixels."""
    return int(math.ceil(SIZE * RES / 2 / SRC_RES)) + 2 * MARGIN_PX


def source_tiles() -> Dict[str, Dict[str, str]]:
    """2 × 2 source tiles ("t00".."t11" → band → path), built on first use (a ``.done`` marker ends the build)."""
    folder = CACHE / f"large-process-{SIZE}"
    px = _tile_px()
    tiles = {f"t{i}{j}": {b: str(folder / f"t{i}{j}-{b}.tif") for b in BANDS} for i in range(2) for j in range(2)}
    if (folder / ".done").exists():
        return tiles
    import numpy as np
    from osgeo import gdal, osr

    gdal.UseExceptions()
    folder.mkdir(parents=True, exist_ok=True)
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(EPSG)
    rows, cols = np.mgrid[0:px, 0:px].astype(np.float32)
    half = SIZE * RES / 2
    for i in range(2):
        for j in range(2):
            x0 = X0 + i * half - MARGIN_PX * SRC_RES
            y0 = Y1 - j * half + MARGIN_PX * SRC_RES
            base = 1500 + 900 * np.sin(rows / 150.0 + i) * np.cos(cols / 110.0 + j)
            for k, band in enumerate(BANDS):
                noise = np.random.default_rng(100 * i + 10 * j + k).integers(0, 80, (px, px))
                array = np.clip(base * (1 + 0.25 * k) + noise, 1, 65535).astype(np.uint16)
                mem = gdal.GetDriverByName("MEM").Create("", px, px, 1, gdal.GDT_UInt16)
                mem.SetProjection(ref.ExportToWkt())
                mem.SetGeoTransform((x0, SRC_RES, 0.0, y0, 0.0, -SRC_RES))
                mem.GetRasterBand(1).WriteArray(array)
                mem.GetRasterBand(1).SetNoDataValue(0)
                gdal.Translate(
                    tiles[f"t{i}{j}"][band],
                    mem,
                    format="COG",
                    creationOptions=["BLOCKSIZE=512", "COMPRESS=DEFLATE", "RESAMPLING=AVERAGE"],
                )
                mem = None
    (folder / ".done").write_text("ok")
    return tiles


# -- the child process: one side, measured ------------------------------------------------------------------------
def _rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _ours(cfg: Dict[str, Any]):
    """Prepare our side; returns the function that runs the request."""
    from byoc_qgis.core.auth import ClientCredentials
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.core.http import HttpClient
    from byoc_qgis.core.process import DataSource, OutputResponse, ProcessClient, ProcessRequest
    from byoc_qgis.core.process_split import plan_grid

    http = HttpClient(custom_deployment(cfg["base_url"], cfg["token_url"]), ClientCredentials(cfg["id"], cfg["secret"]))
    request = ProcessRequest(
        FALSE_COLOR,
        [DataSource(cfg["collection"])],
        bbox=tuple(cfg["bbox"]),
        crs=EPSG,
        width=cfg["size"],
        height=cfg["size"],
        responses=[OutputResponse("default", "image/tiff")],
    )

    def go() -> Dict[str, Any]:
        last = [0.0]

        def progress(fraction: float, _message: str = "") -> None:
            if fraction >= 1.0:
                last[0] = time.perf_counter()  # the last part is in the GeoTIFF (not yet flushed)

        ProcessClient(http).to_geotiff(request, cfg["tif"], progress=progress)
        return {"parts": len(plan_grid(cfg["size"], cfg["size"], MAX_PX)), "tail_s": time.perf_counter() - last[0]}

    return go, http.close


def _sentinelhub(cfg: Dict[str, Any]):
    """Prepare sentinelhub-py's side; returns the function that runs the requests and builds the mosaic."""
    from osgeo import gdal
    from sentinelhub import (
        CRS,
        BBox,
        BBoxSplitter,
        DataCollection,
        MimeType,
        SentinelHubDownloadClient,
        SentinelHubRequest,
        SHConfig,
        bbox_to_dimensions,
    )

    config = SHConfig(use_defaults=True, sh_client_id=cfg["id"], sh_client_secret=cfg["secret"],
                      sh_base_url=cfg["base_url"], sh_token_url=cfg["token_url"])  # fmt: skip
    collection = DataCollection.define_byoc(cfg["collection"])
    folder = cfg["folder"]

    def go() -> Dict[str, Any]:
        crs = CRS(EPSG)
        n = -(-cfg["size"] // MAX_PX)
        area = BBox(tuple(cfg["bbox"]), crs=crs)
        parts = BBoxSplitter([area.geometry], crs, split_shape=(n, n)).get_bbox_list()
        downloads = []
        for part in parts:
            request = SentinelHubRequest(
                evalscript=FALSE_COLOR,
                input_data=[SentinelHubRequest.input_data(data_collection=collection)],
                responses=[SentinelHubRequest.output_response("default", MimeType.TIFF)],
                bbox=part,
                size=bbox_to_dimensions(part, resolution=RES),
                data_folder=folder,
                config=config,
            )
            download = request.download_list[0]
            download.return_data = False  # saved to data_folder only: nothing decoded or held in memory
            downloads.append(download)
        SentinelHubDownloadClient(config=config).download(downloads, max_threads=THREADS, decode_data=False)
        downloaded = time.perf_counter()
        files = [d.get_storage_paths()[1] for d in downloads]
        vrt_path = os.path.join(folder, "mosaic.vrt")
        gdal.BuildVRT(vrt_path, files).FlushCache()  # the VRT file is written when the dataset closes
        gdal.Translate(cfg["tif"], vrt_path, creationOptions=CREATION).FlushCache()
        return {"parts": len(parts), "tail_s": time.perf_counter() - downloaded}

    return go, lambda: None


def _client(cfg: Dict[str, Any]) -> Dict[str, Any]:
    sys.path.insert(0, str(REPO))
    from osgeo import gdal

    gdal.UseExceptions()
    go, close = (_ours if cfg["kind"] == "ours" else _sentinelhub)(cfg)
    baseline = _rss_kib("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM: the peak below is this request's
    busy0, cpu0, wall0 = machine_busy_s(), _cpu_s(), time.perf_counter()
    out = go()
    wall, cpu, busy = time.perf_counter() - wall0, _cpu_s() - cpu0, machine_busy_s() - busy0
    close()
    out.update(
        wall_s=wall,
        cpu_s=cpu,
        machine_busy_s=busy,
        peak_mib=max(0, _rss_kib("VmHWM") - baseline) / 1024.0,
        baseline_mib=baseline / 1024.0,
        file_mib=os.path.getsize(cfg["tif"]) / 2**20,
    )
    return out


def _run_child(cfg: Dict[str, Any]) -> Dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH")))))
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_large_process", "--client", json.dumps(cfg)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{cfg['kind']} child failed:\n{proc.stderr[-3000:]}")
    return json.loads([line for line in proc.stdout.splitlines() if line.startswith("{")][-1])


# -- comparison -----------------------------------------------------------------------------------------------------
def compare(a: str, b: str, rows: int = 512) -> None:
    """Raise AssertionError unless the two rasters have the same grid, bands, type and pixels (read in strips)."""
    import numpy as np
    from osgeo import gdal

    da, db = gdal.Open(a), gdal.Open(b)
    size_a = (da.RasterXSize, da.RasterYSize, da.RasterCount, da.GetRasterBand(1).DataType)
    size_b = (db.RasterXSize, db.RasterYSize, db.RasterCount, db.GetRasterBand(1).DataType)
    assert size_a == size_b, f"size/bands/type differ: {size_a} vs {size_b}"
    gt_a, gt_b = da.GetGeoTransform(), db.GetGeoTransform()
    assert all(abs(x - y) <= 1e-6 * max(1.0, abs(x)) for x, y in zip(gt_a, gt_b)), f"grids differ: {gt_a} vs {gt_b}"
    assert da.GetSpatialRef().IsSame(db.GetSpatialRef()), "CRS differ"
    width, height = da.RasterXSize, da.RasterYSize
    for y in range(0, height, rows):
        h = min(rows, height - y)
        xa, xb = da.ReadAsArray(0, y, width, h), db.ReadAsArray(0, y, width, h)
        if not np.array_equal(xa, xb):
            diff = np.argwhere(xa != xb)[0]
            raise AssertionError(f"pixels differ: {int((xa != xb).sum())} values in rows {y}..{y + h}, first at "
                                 f"band/row/col {diff.tolist()} ({xa[tuple(diff)]} vs {xb[tuple(diff)]})")  # fmt: skip


# -- the service side ---------------------------------------------------------------------------------------------
def _service_cpu(hub) -> float:
    """CPU seconds so far of localhub, its render workers and this process (moto's threads; clients are children)."""
    from benchmarks.bench_process import _cpu_seconds, _workers

    return sum(_cpu_seconds(p) for p in [hub.process.proc.pid, *_workers(hub)]) + time.process_time()


def _world(hub, s3) -> str:
    """The collection: 2 × 2 ingested tiles of ``source_tiles()``; returns its id."""
    client = s3.client()
    bucket = f"bench-large-{uuid.uuid4().hex[:8]}"
    client.create_bucket(Bucket=bucket)
    session = hub.session()
    bands = {b: {"source": b, "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT", "noData": 0} for b in BANDS}
    r = session.post(hub.byoc_url + "/collections", json={"name": "bench large", "s3Bucket": bucket,
                                                           "additionalData": {"bands": bands}}, timeout=30)  # fmt: skip
    r.raise_for_status()
    cid = r.json()["data"]["id"]
    ids = []
    for name, files in source_tiles().items():
        for band, path in files.items():
            client.upload_file(path, bucket, f"{name}/{band}.tif")
        body = {"path": f"{name}/(BAND).tif", "sensingTime": "2023-06-10T10:00:00Z"}
        r = session.post(f"{hub.byoc_url}/collections/{cid}/tiles", json=body, timeout=30)
        r.raise_for_status()
        ids.append(r.json()["data"]["id"])
    for tid in ids:
        tile = hub.wait_for_tile(session, cid, tid, timeout=300)
        assert tile["status"] == "INGESTED", tile
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # maxMetersPerPixel and the extent are computed after ingestion
        coll = session.get(f"{hub.byoc_url}/collections/{cid}", timeout=30).json()["data"]
        if coll["additionalData"].get("maxMetersPerPixel") and not coll.get("requiresMetadataUpdate"):
            assert coll["additionalData"]["maxMetersPerPixel"] >= RES, coll["additionalData"]
            return cid
        time.sleep(0.2)
    raise RuntimeError("the collection's metadata (maxMetersPerPixel) was never computed")


def run() -> List[Row]:
    """Benchmark rows for ``make bench``."""
    from moto.server import ThreadedMotoServer

    from localhub.process.pool import default_size
    from tests.fixtures_localhub import start_localhub
    from tests.fixtures_s3 import S3Server
    from tests.services import free_port

    os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    root = Path(tempfile.mkdtemp(prefix="bench-large-"))
    port = free_port()
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    moto.start()
    s3 = S3Server("127.0.0.1", port)
    hub = start_localhub(s3, root / "localhub.log", root / "data", extra_args=["--process-test-hooks"])
    runs: Dict[str, List[Dict[str, Any]]] = {"ours": [], "sentinelhub": []}
    try:
        cid = _world(hub, s3)
        common = {"base_url": hub.base_url, "token_url": hub.token_url, "id": hub.client_id,
                  "secret": hub.client_secret, "collection": cid, "bbox": _bbox(), "size": SIZE}  # fmt: skip
        last: Dict[str, str] = {}
        for rep in range(REPEAT):
            order = ("ours", "sentinelhub") if rep % 2 == 0 else ("sentinelhub", "ours")
            for kind in order:
                folder = root / f"{kind}-{rep}"
                folder.mkdir()
                cfg = dict(common, kind=kind, folder=str(folder), tif=str(folder / "out.tif"))
                load = os.getloadavg()[0]
                before = _service_cpu(hub)
                result = _run_child(cfg)
                result["service_cpu_s"] = _service_cpu(hub) - before
                result["load"] = load
                runs[kind].append(result)
                if kind in last:
                    shutil.rmtree(Path(last[kind]).parent, ignore_errors=True)
                last[kind] = cfg["tif"]
        compare(last["ours"], last["sentinelhub"])
        pool = default_size()
    finally:
        hub.stop()
        moto.stop()
        shutil.rmtree(root, ignore_errors=True)
    return _rows(runs, pool)


def _median(runs: List[Dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def _rows(runs: Dict[str, List[Dict[str, Any]]], pool: int) -> List[Row]:
    ours, sh = runs["ours"], runs["sentinelhub"]
    cores = os.cpu_count() or 1

    def extra(rs: List[Dict[str, Any]]) -> Dict[str, str]:
        return {
            "client CPU": f"{_median(rs, 'cpu_s'):.1f} s (user+system, all threads); service CPU (localhub, "
            f"{pool} render workers, moto) {_median(rs, 'service_cpu_s'):.1f} s",
            "client peak RSS added": f"{_median(rs, 'peak_mib'):.0f} MiB (interpreter baseline "
            f"{_median(rs, 'baseline_mib'):.0f} MiB)",
            "runs (wall s @ load)": ", ".join(f"{r['wall_s']:.1f} @ {r['load']:.1f}" for r in rs),
            "cores busy during the run: machine / this run": ", ".join(
                f"{r['machine_busy_s'] / r['wall_s']:.2f} / {(r['cpu_s'] + r['service_cpu_s']) / r['wall_s']:.2f}"
                for r in rs
            )
            + f" of {cores} (/proc/stat; client + service CPU; a machine at {cores} is saturated: other processes "
            "then set this run's share)",
            "output": f"{rs[-1]['parts']} sub-requests, GeoTIFF {rs[-1]['file_mib']:.0f} MiB",
            "after the last part arrived": f"{_median(rs, 'tail_s'):.1f} s (ours: flushing the GeoTIFF; "
            "sentinelhub-py: BuildVRT + Translate)",
        }

    ratio = _median(sh, "wall_s") / _median(ours, "wall_s")

    def total(rs: List[Dict[str, Any]]) -> float:
        return _median(rs, "cpu_s") + _median(rs, "service_cpu_s")

    return [
        Row(
            f"sentinelhub-py: BBoxSplitter + requests + GDAL mosaic {SIZE}²",
            _median(sh, "wall_s"),
            _median(sh, "peak_mib"),
            extra=extra(sh),
        ),
        Row(
            f"large Process request {SIZE}² → GeoTIFF (process_split)",
            _median(ours, "wall_s"),
            _median(ours, "peak_mib"),
            ratio=ratio,
            ratio_label="× sentinelhub-py's speed",
            target="≥ 1.0× (ours faster), same pixels",
            ok=ratio >= 1.0,
            extra={
                **extra(ours),
                "pixel-identical to sentinelhub-py's mosaic": "yes (asserted: grid, CRS, bands, type, every pixel)",
                "peak memory vs sentinelhub-py": f"{_median(ours, 'peak_mib'):.0f} vs {_median(sh, 'peak_mib'):.0f} "
                "MiB (each side's child process: peak RSS added by the request, VmHWM after clear_refs)",
                "client CPU vs sentinelhub-py": f"{_median(ours, 'cpu_s'):.1f} vs {_median(sh, 'cpu_s'):.1f} s",
                "client + service CPU vs sentinelhub-py": f"{total(ours):.1f} vs {total(sh):.1f} s "
                f"({total(sh) / total(ours):.2f}× less; what the wall ratio tends to on a machine saturated by other "
                "processes)",
                "machine at the end": load_note(),
            },
        ),
    ]


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--client":
        logging.basicConfig(level=logging.WARNING)
        print(json.dumps(_client(json.loads(sys.argv[2]))))
    else:
        from benchmarks.common import format_table

        print(format_table(run()))
