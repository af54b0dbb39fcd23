"""`make demo`: the whole BYOC workflow of the seed docs, offline, through `qgis_process`.

1. start localhub (and the moto S3 server it brings) on loopback;
2. generate Sentinel-2-like band COGs around the Caspian Sea (scripts/demo_data.py);
3. store the demo credentials in a fresh QGIS profile's auth manager (Basic configs, master password file);
4. run, each as `qgis_process run byoc:<alg>`: create collection → create tiles from the local COGs → wait for
   ingestion → start a Batch Processing task (a vegetation/water colour evalscript on a few cells of the UTM 20 km
   grid in the middle of the area, delivered as COGs to a second bucket) → tiles layer to a GeoPackage → Process
   API false colour (the seed's evalscript) over the seed's Caspian bbox to a GeoTIFF → wait for the batch task →
   its results (a VRT mosaic over /vsis3/ per CRS and the grid cells with their status);
5. render a PNG map of the result with the tile outlines, and the batch mosaic inside its cells' outlines on top
   (scripts/demo_map.py, PyQGIS);
6. print a summary (counts, paths, timings) and stop the services — also on failure or Ctrl+C.

Usage: python scripts/demo.py [--out demo-output] [--pixel 120] [--keep-profile]
Runs with the QGIS of this machine (/usr/bin/qgis_process.bin); the plugin is found through QGIS_PLUGINPATH.
No secret is printed: only authcfg ids.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

REPO = Path(__file__).resolve().parent.parent
QGIS_PROCESS = "/usr/bin/qgis_process.bin"
SYSTEM_PYTHON = "/usr/bin/python3"
CASPIAN_BBOX = (49.9604, 44.7176, 51.0481, 45.2324)  # the seed docs' false-colour request
COLLECTION_NAME = "caspian-demo"
BUCKET = "caspian-demo"
PATH_TEMPLATE = "{year}/{month}/{day}/{tile}/(BAND).tif"
# the seed docs' false-colour evalscript, verbatim
FALSE_COLOR_EVALSCRIPT = """//VERSION=3
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
# the batch step: a few cells of the UTM 20 km grid (id 0) at 60 m in the middle of the area, coast included
BATCH_BBOX = (50.30, 44.88, 50.70, 45.08)
BATCH_BUCKET = "caspian-batch"
BATCH_PATH = "caspian/<requestId>/<tileName>/<outputId>.<format>"
# vegetation/water colours from NDVI (8-bit RGB): water blue, bare land sand, vegetation green
BATCH_EVALSCRIPT = """//VERSION=3
function setup() {
  return {input: ["B04", "B08", "dataMask"], output: {bands: 3, sampleType: "UINT8"}};
}

function clamp(v) { return Math.max(0, Math.min(255, Math.round(v))); }

function evaluatePixel(s) {
  if (s.dataMask === 0) return [0, 0, 0];
  var ndvi = (s.B08 - s.B04) / (s.B08 + s.B04 + 1e-6);
  if (ndvi < 0) return [clamp(30 + 40 * ndvi), clamp(90 + 60 * ndvi), clamp(220 + 80 * ndvi)];
  return [clamp(230 - 400 * ndvi), clamp(200 + 100 * ndvi), clamp(120 - 300 * ndvi)];
}
"""
SH_AUTHCFG = "demoshc"
S3_AUTHCFG = "demos3k"

_AUTH_SCRIPT = r"""
import sys
from qgis.core import QgsApplication, QgsAuthMethodConfig
app = QgsApplication([], False)
app.initQgis()
manager = QgsApplication.authManager()
if not manager.masterPasswordIsSet():
    manager.setMasterPassword(sys.stdin.readline().strip(), True)
for line in sys.stdin:
    cfg_id, user, password = line.rstrip("\n").split("\t")
    cfg = QgsAuthMethodConfig("Basic")
    cfg.setId(cfg_id)
    cfg.setName("byoc demo " + cfg_id)
    cfg.setConfig("username", user)
    cfg.setConfig("password", password)
    if cfg_id in manager.configIds():
        manager.removeAuthenticationConfig(cfg_id)
    ok = manager.storeAuthenticationConfig(cfg)
    print("stored", cfg_id, ok[0] if isinstance(ok, tuple) else ok)
app.exitQgis()
"""


class DemoError(RuntimeError):
    """A demo step failed; the message says which and why."""


class Localhub:
    """`python -m localhub` (with its own moto S3) as a child process, always stopped by :meth:`stop`."""

    def __init__(self, python: str, workdir: Path) -> None:
        self.log_path = workdir / "localhub.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [python, "-m", "localhub", "--port", "0", "--data-dir", str(workdir / "localhub-data")],
            cwd=str(REPO),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        self.base_url = ""
        self.s3_endpoint = ""
        self.client_id = ""
        self.client_secret = ""
        self.s3_access_key = ""
        self.s3_secret_key = ""

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.log_path.read_text(errors="replace")
            for line in text.splitlines():
                if line.startswith("localhub: base URL "):
                    self.base_url = line.split()[-1]
                elif line.startswith("localhub: S3 endpoint "):
                    self.s3_endpoint = line.split()[3]
                    if "access key " in line:
                        self.s3_access_key = line.split("access key ")[1].split(",")[0].strip()
                        self.s3_secret_key = line.split("secret key ")[1].split(";")[0].strip()
                elif line.startswith("localhub: demo credentials "):
                    self.client_id = line.split("client id ")[1].split(",")[0].strip()
                    self.client_secret = line.split("client secret ")[1].strip()
            if self.base_url and self.s3_endpoint and self.client_id and "OpenAPI" in text:
                return
            if self.proc.poll() is not None:
                raise DemoError(f"localhub exited with code {self.proc.returncode}; see {self.log_path}")
            time.sleep(0.1)
        raise DemoError(f"localhub did not start within {timeout:.0f} s; see {self.log_path}")

    @property
    def token_url(self) -> str:
        return self.base_url + "/auth/realms/main/protocol/openid-connect/token"

    def stop(self) -> Optional[int]:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._log.close()
        return self.proc.returncode


class QgisRunner:
    """A throw-away QGIS profile (plugin enabled, auth DB with a random master password) for qgis_process."""

    def __init__(self, workdir: Path, lane: str = "host") -> None:
        self.lane = lane
        self.home = workdir / "home"
        profile = self.home / ".local" / "share" / "QGIS" / "QGIS3" / "profiles" / "default" / "QGIS"
        profile.mkdir(parents=True, exist_ok=True)
        (profile / "QGIS3.ini").write_text("[PythonPlugins]\nbyoc_qgis=true\n")
        self.auth_dir = workdir / "auth"
        self.auth_dir.mkdir(exist_ok=True)
        self.runtime = workdir / "xdg"
        self.runtime.mkdir(mode=0o700, exist_ok=True)
        self.password_file = workdir / "master-password"
        self.password_file.write_text(secrets.token_hex(16))
        self.password_file.chmod(0o600)

    def env(self) -> Dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QGIS_", "PYTHON"))}
        env.update(
            HOME=str(self.home),
            XDG_RUNTIME_DIR=str(self.runtime),
            QT_QPA_PLATFORM="offscreen",
            PROJ_DATA="/usr/share/proj",
            QGIS_PLUGINPATH=str(REPO),
            QGIS_AUTH_DB_DIR_PATH=str(self.auth_dir),
            QGIS_AUTH_PASSWORD_FILE=str(self.password_file),
        )
        return env

    def store_authcfgs(self, configs: List[Tuple[str, str, str]]) -> None:
        """Store (id, username, password) Basic configs; secrets go through stdin, never the command line."""
        lines = [self.password_file.read_text()] + ["\t".join(c) for c in configs]
        out = subprocess.run(
            [SYSTEM_PYTHON, "-c", _AUTH_SCRIPT],
            input="\n".join(lines) + "\n",
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        if out.returncode != 0 or out.stdout.count(" True") != len(configs):
            raise DemoError(f"could not store the demo credentials in the QGIS auth manager:\n{out.stderr[-2000:]}")

    def run(self, alg: str, params: Dict[str, object], log: Path) -> dict:
        args = [QGIS_PROCESS, "--json", "run", alg, "--"]
        for key, value in params.items():
            if isinstance(value, bool):
                value = "true" if value else "false"
            args.append(f"{key}={value}")  # after "--": KEY=value works on 3.22 and 3.40
        proc = subprocess.run(args, env=self.env(), capture_output=True, text=True, timeout=900)
        log.write_text(proc.stdout + "\n--- stderr ---\n" + proc.stderr)
        if proc.returncode != 0:
            tail = "\n".join(line for line in proc.stderr.splitlines() if "setapi" not in line)[-3000:]
            raise DemoError(f"qgis_process run {alg} failed (exit {proc.returncode}):\n{tail}")
        return json.loads(proc.stdout)


def _create_bucket(hub: Localhub, bucket: str) -> None:
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=f"http://{hub.s3_endpoint}",
        aws_access_key_id=hub.s3_access_key,
        aws_secret_access_key=hub.s3_secret_key,
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=bucket)


def run_demo(out: Path, pixel: float, python: str, keep_profile: bool = False) -> Dict[str, object]:
    """Run every step; return the summary (raises DemoError on failure). Services are always stopped."""
    sys.path.insert(0, str(REPO / "scripts"))
    import demo_data

    out.mkdir(parents=True, exist_ok=True)
    logs = out / "logs"
    logs.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="byoc-demo-"))
    timings: Dict[str, float] = {}
    summary: Dict[str, object] = {"timings": timings}
    hub: Optional[Localhub] = None

    def step(name: str):
        print(f"demo: {name} ...", flush=True)
        return time.perf_counter()

    def done(name: str, started: float, note: str = "") -> None:
        timings[name] = time.perf_counter() - started
        print(f"demo: {name}: done in {timings[name]:.1f} s{(' — ' + note) if note else ''}", flush=True)

    total = time.perf_counter()
    try:
        t = step("start localhub and its S3 server")
        hub = Localhub(python, work)
        hub.wait_ready()
        _create_bucket(hub, BUCKET)
        _create_bucket(hub, BATCH_BUCKET)
        done("services", t, f"{hub.base_url}, S3 {hub.s3_endpoint}")

        t = step("generate Sentinel-2-like COGs around the Caspian Sea")
        data = out / "data"
        tiles = demo_data.generate(data, pixel)
        files = sorted(data.rglob("*.tif"))
        summary["input_files"] = len(files)
        summary["input_mb"] = round(sum(f.stat().st_size for f in files) / 1e6, 1)
        done("data", t, f"{len(tiles)} tiles, {len(files)} COGs, {summary['input_mb']} MB in {data}")

        t = step("store the demo credentials in the QGIS auth manager")
        qgis = QgisRunner(work)
        qgis.store_authcfgs(
            [(SH_AUTHCFG, hub.client_id, hub.client_secret), (S3_AUTHCFG, hub.s3_access_key, hub.s3_secret_key)]
        )
        conn = {"AUTHCFG": SH_AUTHCFG, "DEPLOYMENT": 3, "BASE_URL": hub.base_url, "TOKEN_URL": hub.token_url}
        s3 = {
            "S3_AUTHCFG": S3_AUTHCFG,
            "S3_ENDPOINT": hub.s3_endpoint,
            "S3_HTTPS": False,
            "S3_PATH_STYLE": True,
            "S3_REGION": "us-east-1",
        }
        done("credentials", t, f"authcfg ids {SH_AUTHCFG}, {S3_AUTHCFG}")

        t = step("qgis_process byoc:createcollection")
        res = qgis.run(
            "byoc:createcollection",
            {"NAME": COLLECTION_NAME, "BUCKET": BUCKET, "REUSE_EXISTING": True, **conn},
            logs / "1-createcollection.json",
        )
        cid = res["results"]["COLLECTION_ID"]
        summary["collection_id"] = cid
        done("create collection", t, cid)

        t = step("qgis_process byoc:createtiles (pre-flight, cover, upload, register)")
        created = out / "created_tiles.gpkg"
        res = qgis.run(
            "byoc:createtiles",
            {
                "COLLECTION": cid,
                "FOLDER": data,
                "PATH_TEMPLATE": PATH_TEMPLATE,
                "FAIL_ON_ERROR": True,
                "OUTPUT": created,
                **conn,
                **s3,
            },
            logs / "2-createtiles.json",
        )
        r = res["results"]
        summary.update(registered=r["REGISTERED"], skipped=r["SKIPPED"], failed=r["FAILED"])
        done("create tiles", t, f"{r['REGISTERED']} registered, {r['SKIPPED']} skipped, {r['FAILED']} failed")

        t = step("qgis_process byoc:waitforingestion")
        res = qgis.run(
            "byoc:waitforingestion",
            {
                "COLLECTION": cid,
                "TILES": created,
                "TIMEOUT": 600,
                "FAIL_ON_FAILED": True,
                "OUTPUT": out / "ingestion.csv",
                **conn,
            },
            logs / "3-waitforingestion.json",
        )
        summary["ingested"] = res["results"]["INGESTED"]
        done("wait for ingestion", t, f"{summary['ingested']} ingested")

        t = step("qgis_process byoc:batchcreate (a few grid cells, started: runs while the next steps do)")
        batch_script = out / "batch_vegetation_water.js"
        batch_script.write_text(BATCH_EVALSCRIPT)
        minx, miny, maxx, maxy = BATCH_BBOX
        res = qgis.run(
            "byoc:batchcreate",
            {
                "COLLECTION": cid,
                "EXTENT": f"{minx},{maxx},{miny},{maxy} [EPSG:4326]",
                "GRID": 0,
                "RESOLUTION": 60,
                "TIME_FROM": "2023-06-01",
                "TIME_TO": "2023-06-30",
                "EVALSCRIPT_FILE": batch_script,
                "BUCKET": BATCH_BUCKET,
                "PATH": BATCH_PATH,
                "COG": True,
                "DESCRIPTION": "make demo",
                "START": True,
                **conn,
                **s3,
            },
            logs / "3b-batchcreate.json",
        )
        task_id = res["results"]["TASK_ID"]
        summary.update(batch_task=task_id, batch_cells=res["results"]["CELLS"])
        done("batch create", t, f"task {task_id}, {summary['batch_cells']} cells, {res['results']['STATUS']}")

        t = step("qgis_process byoc:collectiontiles → GeoPackage")
        tiles_gpkg = out / "tiles.gpkg"
        if tiles_gpkg.exists():
            tiles_gpkg.unlink()
        res = qgis.run(
            "byoc:collectiontiles", {"COLLECTION": cid, "OUTPUT": tiles_gpkg, **conn}, logs / "4-collectiontiles.json"
        )
        summary["tiles_in_layer"] = res["results"]["COUNT"]
        done("tiles layer", t, f"{summary['tiles_in_layer']} tiles → {tiles_gpkg}")

        t = step("qgis_process byoc:processrequest (false colour over the seed's Caspian bbox)")
        script = out / "false_color.js"
        script.write_text(FALSE_COLOR_EVALSCRIPT)
        result_tif = out / "caspian_false_color.tif"
        minx, miny, maxx, maxy = CASPIAN_BBOX
        res = qgis.run(
            "byoc:processrequest",
            {
                "COLLECTION": cid,
                "EXTENT": f"{minx},{maxx},{miny},{maxy} [EPSG:4326]",
                "CRS": "EPSG:32639",
                "RESOLUTION": 100,
                "TIME_FROM": "2023-06-01",
                "TIME_TO": "2023-06-30",
                "EVALSCRIPT_FILE": script,
                "OUTPUT": result_tif,
                **conn,
            },
            logs / "5-processrequest.json",
        )
        summary["result_size"] = f"{res['results']['WIDTH_PX']} x {res['results']['HEIGHT_PX']} px"
        done("process request", t, f"{summary['result_size']} → {result_tif}")

        t = step("qgis_process byoc:batchwait")
        res = qgis.run(
            "byoc:batchwait", {"TASK_ID": task_id, "POLL_MAX": 1, "TIMEOUT": 600, **conn}, logs / "6-batchwait.json"
        )
        r = res["results"]
        summary.update(batch_status=r["STATUS"], batch_cost_pu=round(r["COST_PU"], 2))
        done("batch wait", t, f"{r['STATUS']}, {r['COMPLETION']:.0f} %, {r['COST_PU']:.2f} PU")

        t = step("qgis_process byoc:batchresults (VRT mosaic over /vsis3/, grid cells)")
        batch_dir = out / "batch"
        batch_cells = out / "batch_cells.gpkg"
        if batch_cells.exists():
            batch_cells.unlink()
        res = qgis.run(
            "byoc:batchresults",
            {"TASK_ID": task_id, "FOLDER": batch_dir, "CELLS": batch_cells, **conn, **s3},
            logs / "7-batchresults.json",
        )
        r = res["results"]
        mosaics = [str(p) for p in r["LAYERS"]]
        summary.update(batch_delivered=r["DELIVERED"], batch_no_data=r["NO_DATA"], batch_mosaics=len(mosaics))
        done("batch results", t, f"{r['DELIVERED']} of {r['TOTAL']} cells delivered, {len(mosaics)} mosaic(s)")

        t = step("render the PNG map")
        png = out / "caspian_false_color_map.png"
        map_args = [str(result_tif), str(tiles_gpkg), str(png), "--cells", str(batch_cells)]
        for mosaic in mosaics:
            map_args += ["--mosaic", mosaic]
        map_args += ["--s3-authcfg", S3_AUTHCFG, "--s3-endpoint", hub.s3_endpoint, "--s3-bucket", BATCH_BUCKET]
        proc = subprocess.run(
            [SYSTEM_PYTHON, str(REPO / "scripts" / "demo_map.py"), *map_args],
            env=qgis.env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        if proc.returncode != 0:
            raise DemoError(f"rendering the map failed:\n{proc.stderr[-2000:]}")
        done("map", t, str(png))
        summary.update(
            collection=COLLECTION_NAME,
            bucket=BUCKET,
            outputs={
                "tiles": str(tiles_gpkg),
                "created tiles table": str(created),
                "ingestion status": str(out / "ingestion.csv"),
                "false colour GeoTIFF": str(result_tif),
                "batch mosaics (VRT)": str(batch_dir),
                "batch grid cells": str(batch_cells),
                "map": str(png),
                "logs": str(logs),
            },
        )
        if keep_profile:
            summary["profile"] = str(work)
    finally:
        if hub is not None:
            hub.stop()
            print("demo: localhub and its S3 server stopped", flush=True)
        if not keep_profile:
            shutil.rmtree(work, ignore_errors=True)
        timings["total"] = time.perf_counter() - total
    return summary


def print_summary(summary: Dict[str, object]) -> None:
    timings = summary["timings"]
    print("\n=== make demo: summary ===")
    print(f"collection            {summary['collection']} ({summary['collection_id']}), bucket {summary['bucket']}")
    print(f"input                 {summary['input_files']} band COGs, {summary['input_mb']} MB")
    print(
        f"tiles                 {summary['registered']} registered, {summary['skipped']} already there, "
        f"{summary['failed']} failed; {summary['ingested']} ingested; {summary['tiles_in_layer']} in the layer"
    )
    print(f"false colour          {summary['result_size']} at 100 m (EPSG:32639)")
    print(
        f"batch                 task {summary['batch_task']}: {summary['batch_status']}, {summary['batch_cells']} "
        f"cells of the UTM 20 km grid at 60 m, {summary['batch_delivered']} delivered, {summary['batch_no_data']} "
        f"without data, {summary['batch_mosaics']} VRT mosaic(s), {summary['batch_cost_pu']} PU"
    )
    for name, path in summary["outputs"].items():  # type: ignore[union-attr]
        print(f"{name:<22}{path}")
    print("timings               " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))  # type: ignore[union-attr]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Run the BYOC demo workflow against localhub via qgis_process.")
    parser.add_argument("--out", type=Path, default=REPO / "demo-output")
    parser.add_argument("--pixel", type=float, default=120.0, help="pixel size of the demo COGs in metres")
    parser.add_argument("--python", default=sys.executable, help="Python that can run localhub (the venv's)")
    parser.add_argument("--keep-profile", action="store_true", help="keep the temporary QGIS profile")
    parser.add_argument("--json", type=Path, help="also write the summary as JSON here")
    args = parser.parse_args(argv)

    def interrupted(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, interrupted)
    try:
        summary = run_demo(args.out.resolve(), args.pixel, args.python, args.keep_profile)
    except DemoError as exc:
        print(f"demo: FAILED: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("demo: interrupted; services stopped", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - any other failure: say so, the services are already stopped
        print(f"demo: FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print_summary(summary)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
