"""P3 bulk ingest: the create-tiles pipeline over 100 local 4-band COGs, default threads vs one worker (issue 12).

``byoc_qgis.core.tile_pipeline.run_pipeline`` as the ``createtiles`` algorithm calls it (pre-flight check against
the collection's bands, cover traced with policy "contain" and 95 points, upload through GDAL /vsis3/ with the
content check, register), against a real localhub process and a moto S3 server (in this process: the pipeline runs
in a child, so S3 has a GIL of its own, as a remote S3 would). Each run gets a new bucket and collection, so nothing
is skipped as already there. Between runs the service's ingestion of the tiles is awaited (all must be INGESTED)
and the objects are deleted, so no run competes with the previous one's leftovers.

"Client" = the child Python process running the pipeline: wall time, CPU time (user + system, all threads) and
peak RSS *added* by the run (VmHWM reset through /proc/self/clear_refs before it; the interpreter with GDAL and the
plugin core imported is the baseline, reported too). Service CPU = localhub + its render workers + this process
(moto) during the run. Runs alternate between the two thread counts; medians of ``REPEAT``.

Data: ``N_TILES`` (``BENCH_INGEST_TILES``, default 100) 4-band UInt16 COGs of ``PX``² px (``BENCH_INGEST_PX``,
default 1024; 512-px blocks, DEFLATE, one overview, nodata 0 outside a shape that varies per tile), built once
under .cache/bench/. Target: default threads (4) ≥ 1.8× faster than one worker on 2 cores.
"""

from __future__ import annotations

import json
import logging
import os
import resource
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
N_TILES = int(os.environ.get("BENCH_INGEST_TILES", "100"))
PX = int(os.environ.get("BENCH_INGEST_PX", "1024"))
REPEAT = int(os.environ.get("BENCH_INGEST_REPEAT", "3"))
DEFAULT_THREADS = 4  # PipelineOptions.threads and the algorithms' THREADS default
BANDS = ("B1", "B2", "B3", "B4")
SHAPES = ("collar", "hole", "s2", "islands", "bottom-collar", "full")
EPSG = 32633
SIZE_TARGET = 1.8


# -- data ---------------------------------------------------------------------------------------------------------
def tiles_folder() -> Path:
    """``N_TILES`` 4-band COGs (built on first use; a finished folder carries a ``.done`` marker)."""
    folder = CACHE / f"ingest-{N_TILES}x{PX}"
    if (folder / ".done").exists():
        return folder
    import numpy as np
    from osgeo import gdal

    from tests.fixtures_rasters import data_window, mem_dataset, valid_mask, write_cog

    gdal.UseExceptions()
    folder.mkdir(parents=True, exist_ok=True)
    side = int(N_TILES**0.5 + 0.999)
    base = data_window(PX, PX, 0, 0, PX, PX).astype(np.int32)
    for n in range(N_TILES):
        valid = valid_mask(SHAPES[n % len(SHAPES)], PX, PX)
        rng = np.random.default_rng(n)
        arrays = []
        for b in range(len(BANDS)):
            a = (base * (b + 1) + rng.integers(0, 64, (PX, PX)) + 1).astype(np.uint16)
            a[~valid] = 0
            arrays.append(a)
        origin = (300000.0 + (n % side) * PX * 10.0, 5100000.0 - (n // side) * PX * 10.0)
        src = mem_dataset(arrays, EPSG, (origin[0], 10.0, 0.0, origin[1], 0.0, -10.0), nodata=0)
        write_cog(folder / f"t{n:03d}.tif", src, blocksize=512)
    (folder / ".done").write_text("ok")
    return folder


# -- the child process: one pipeline run, measured ----------------------------------------------------------------
def _rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _client(cfg: Dict[str, Any]) -> Dict[str, Any]:
    sys.path.insert(0, str(REPO))
    from osgeo import gdal

    from byoc_qgis.core.auth import ClientCredentials
    from byoc_qgis.core.client import SentinelHubClient
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.core.s3 import S3Config
    from byoc_qgis.core.tile_pipeline import REGISTERED, PipelineOptions, TileJob, run_pipeline

    gdal.UseExceptions()
    s3 = S3Config(cfg["bucket"], cfg["ak"], cfg["sk"], region=cfg["region"], endpoint=cfg["endpoint"], https=False,
                  virtual_hosting=False)  # fmt: skip
    jobs = [
        TileJob(name=Path(p).stem, files={"data": p}, path=f"{Path(p).stem}/(BAND).tif") for p in sorted(cfg["files"])
    ]
    warnings: List[str] = []
    with SentinelHubClient(
        custom_deployment(cfg["base_url"], cfg["token_url"]), ClientCredentials(cfg["id"], cfg["secret"])
    ) as client:
        collection = client.byoc.get_collection(cfg["collection"])
        bands = {name: band.to_dict() for name, band in collection.bands.items()} or None
        opts = PipelineOptions(threads=cfg["threads"], workdir=cfg["workdir"], collection_bands=bands)
        baseline = _rss_kib("VmRSS")
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM: the peak below is this run's
        busy0, cpu0, wall0 = machine_busy_s(), _cpu_s(), time.perf_counter()
        outcomes = run_pipeline(client.byoc, collection.id, s3, jobs, opts, log=lambda m, w: w and warnings.append(m))
        wall, cpu, busy = time.perf_counter() - wall0, _cpu_s() - cpu0, machine_busy_s() - busy0
    failed = [f"{o.job.name}: {o.status} {o.message}" for o in outcomes if o.status != REGISTERED]
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "machine_busy_s": busy,
        "peak_mib": max(0, _rss_kib("VmHWM") - baseline) / 1024.0,
        "baseline_mib": baseline / 1024.0,
        "registered": sum(1 for o in outcomes if o.status == REGISTERED),
        "failed": failed[:3],
        "warnings": warnings[:3],
    }


def _run_child(cfg: Dict[str, Any], profile: str = "") -> Dict[str, Any]:
    """Run one pipeline in a child process; with ``profile``, under ``py-spy record`` (all threads, idle included,
    Python frames only, without pausing the child) writing collapsed stacks there (``BENCH_INGEST_PYSPY=/path/prefix``:
    the last repeat of each thread count; ``PY_SPY`` = the py-spy executable)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH")))))
    command = [sys.executable, "-m", "benchmarks.bench_ingest", "--client", json.dumps(cfg)]
    if profile:
        spy = os.environ.get("PY_SPY", "py-spy")
        command = [
            spy,
            "record",
            "--idle",
            "--threads",
            "--nonblocking",
            "-r",
            "200",
            "-f",
            "raw",
            "-o",
            profile,
            "--",
        ]
        command += [sys.executable, "-m", "benchmarks.bench_ingest", "--client", json.dumps(cfg)]
    proc = subprocess.run(
        command,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"pipeline child ({cfg['threads']} threads) failed:\n{proc.stderr[-3000:]}")
    return json.loads([line for line in proc.stdout.splitlines() if line.startswith("{")][-1])


# -- the service side ---------------------------------------------------------------------------------------------
def _service_cpu(hub) -> float:
    """CPU seconds so far of localhub, its render workers and this process (moto's threads; the client is a child)."""
    from benchmarks.bench_process import _cpu_seconds, _workers

    return sum(_cpu_seconds(p) for p in [hub.process.proc.pid, *_workers(hub)]) + time.process_time()


def _new_collection(hub, s3) -> Dict[str, str]:
    bucket = f"bench-ingest-{uuid.uuid4().hex[:8]}"
    s3.client().create_bucket(Bucket=bucket)
    bands = {b: {"source": "data", "bandIndex": i + 1, "bitDepth": 16, "sampleFormat": "UINT", "noData": 0}
             for i, b in enumerate(BANDS)}  # fmt: skip
    r = hub.session().post(hub.byoc_url + "/collections", json={"name": bucket, "s3Bucket": bucket,
                           "additionalData": {"bands": bands}}, timeout=30)  # fmt: skip
    r.raise_for_status()
    return {"bucket": bucket, "collection": r.json()["data"]["id"]}


def _wait_ingested(hub, collection: str, count: int, timeout: float = 300.0) -> Dict[str, int]:
    """Statuses of the collection's tiles once every one of ``count`` is final."""
    session = hub.session()
    deadline = time.monotonic() + timeout
    while True:
        statuses: Dict[str, int] = {}
        url = f"{hub.byoc_url}/collections/{collection}/tiles?count=100"
        while url:
            r = session.get(url, timeout=30)
            r.raise_for_status()
            body = r.json()
            for tile in body["data"]:
                statuses[tile["status"]] = statuses.get(tile["status"], 0) + 1
            url = (body.get("links") or {}).get("next")
        final = statuses.get("INGESTED", 0) + statuses.get("FAILED", 0)
        if final >= count or time.monotonic() > deadline:
            return statuses
        time.sleep(0.5)


def _empty_bucket(s3, bucket: str) -> None:
    client = s3.client()
    keys = [{"Key": o["Key"]} for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])]
    for i in range(0, len(keys), 1000):
        client.delete_objects(Bucket=bucket, Delete={"Objects": keys[i : i + 1000]})


def run() -> List[Row]:
    """Benchmark rows for ``make bench``."""
    from moto.server import ThreadedMotoServer

    from tests.fixtures_localhub import start_localhub
    from tests.fixtures_s3 import S3Server
    from tests.services import free_port

    os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    folder = tiles_folder()
    files = sorted(str(p) for p in folder.glob("t*.tif"))
    total_mib = sum(os.path.getsize(p) for p in files) / 2**20
    root = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    port = free_port()
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    moto.start()
    s3 = S3Server("127.0.0.1", port)
    hub = start_localhub(s3, root / "localhub.log", root / "data", extra_args=["--process-test-hooks"])
    runs: Dict[int, List[Dict[str, Any]]] = {DEFAULT_THREADS: [], 1: []}
    profile = os.environ.get("BENCH_INGEST_PYSPY", "")
    try:
        for rep in range(REPEAT):
            order = (DEFAULT_THREADS, 1) if rep % 2 == 0 else (1, DEFAULT_THREADS)
            for threads in order:
                where = _new_collection(hub, s3)
                cfg = dict(where, threads=threads, files=files, workdir=str(root / f"work-{rep}-{threads}"),
                           base_url=hub.base_url, token_url=hub.token_url, id=hub.client_id,
                           secret=hub.client_secret, ak=s3.access_key, sk=s3.secret_key, region=s3.region,
                           endpoint=s3.endpoint)  # fmt: skip
                load = os.getloadavg()[0]
                before = _service_cpu(hub)
                result = _run_child(cfg, f"{profile}-{threads}.txt" if profile and rep == REPEAT - 1 else "")
                result["service_cpu_s"] = _service_cpu(hub) - before  # (the service idles while the child starts)
                result["load"] = load
                assert result["registered"] == N_TILES, f"{threads} threads: not every tile registered: {result}"
                statuses = _wait_ingested(hub, where["collection"], N_TILES)
                result["ingested"] = statuses.get("INGESTED", 0)
                assert result["ingested"] == N_TILES, (statuses, hub.log_text()[-2000:])
                _empty_bucket(s3, where["bucket"])
                runs[threads].append(result)
    finally:
        hub.stop()
        moto.stop()
    return _rows(runs, total_mib)


def _median(runs: List[Dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def _rows(runs: Dict[int, List[Dict[str, Any]]], total_mib: float) -> List[Row]:
    par, one = runs[DEFAULT_THREADS], runs[1]
    ratio = _median(one, "wall_s") / _median(par, "wall_s")
    cores = os.cpu_count() or 1
    # the ratio to expect on idle cores when the work is CPU-bound: the 1-worker run takes its CPU time end to end
    # (client and service alternate), the parallel run spreads its CPU time over every core
    serial_cpu = _median(one, "cpu_s") + _median(one, "service_cpu_s")
    parallel_cpu = _median(par, "cpu_s") + _median(par, "service_cpu_s")
    cpu_bound = serial_cpu / (parallel_cpu / cores)

    def extra(rs: List[Dict[str, Any]]) -> Dict[str, str]:
        return {
            "client CPU": f"{_median(rs, 'cpu_s'):.1f} s (user+system, all threads); service CPU (localhub + "
            f"workers + moto) {_median(rs, 'service_cpu_s'):.1f} s",
            "client peak RSS added": f"{_median(rs, 'peak_mib'):.0f} MiB (interpreter baseline "
            f"{_median(rs, 'baseline_mib'):.0f} MiB)",
            "runs (wall s @ load)": ", ".join(f"{r['wall_s']:.1f} @ {r['load']:.1f}" for r in rs),
            "cores busy during the run: machine / this run": ", ".join(
                f"{r['machine_busy_s'] / r['wall_s']:.2f} / {(r['cpu_s'] + r['service_cpu_s']) / r['wall_s']:.2f}"
                for r in rs
            )
            + f" of {cores} (/proc/stat; client + service CPU; a machine at {cores} is saturated: other processes "
            "then set this run's share)",
            "per tile": f"{1000 * _median(rs, 'wall_s') / N_TILES:.0f} ms; {N_TILES} registered and INGESTED each run",
            "warnings (first)": "; ".join(rs[-1]["warnings"]) or "none",
        }

    return [
        Row(
            f"ingest: {N_TILES} × 4-band {PX}² COGs, pipeline, 1 worker",
            _median(one, "wall_s"),
            _median(one, "peak_mib"),
            extra=extra(one),
        ),
        Row(
            f"ingest: same, pipeline, {DEFAULT_THREADS} threads (default)",
            _median(par, "wall_s"),
            _median(par, "peak_mib"),
            ratio=ratio,
            ratio_label="× faster than 1 worker",
            target=f"≥ {SIZE_TARGET}× on {os.cpu_count()} cores",
            ok=ratio >= SIZE_TARGET,
            extra={
                **extra(par),
                "data": f"{total_mib:.0f} MiB in {N_TILES} files; throughput "
                f"{total_mib / _median(par, 'wall_s'):.0f} MiB/s (1 worker {total_mib / _median(one, 'wall_s'):.0f})",
                "CPU-bound estimate on idle cores": f"{cpu_bound:.2f}× (1-worker client+service CPU "
                f"{serial_cpu:.1f} s / (parallel client+service CPU {parallel_cpu:.1f} s / {cores} cores))",
                "peak MiB": "client child's peak RSS added by the run (VmHWM after clear_refs)",
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
