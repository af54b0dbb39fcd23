"""All tiles of a 20 000-tile localhub collection into Tile objects.

Compared in the same run against (a) the floor: a bare sequential ``requests`` GET loop over the same pages
(``links.next``, ``json()``), and (b) sentinelhub-py: ``SentinelHubBYOC.iter_tiles`` + ``ByocTile.from_dict``.
Targets: ≤ 1.25× the floor; ≥ 3× faster than sentinelhub-py. The tiles are inserted with localhub's store bulk
path (20 000 POSTs would take minutes and exercise ingestion instead of listing).
"""

from __future__ import annotations

import gc
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path
from typing import List

import requests

from benchmarks.common import Row, measure

REPO = Path(__file__).resolve().parent.parent
N_TILES = int(os.environ.get("BENCH_CLIENT_TILES", "20000"))
CLIENT_ID, CLIENT_SECRET = "bench-client", "bench-secret"  # noqa: S105 - local benchmark account


def _start_localhub(data_dir: Path):
    log_path = data_dir / "localhub.log"
    log = open(log_path, "w")  # noqa: SIM115 - closed by the caller
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "localhub",
            "--port",
            "0",
            "--data-dir",
            str(data_dir),
            "--account",
            f"{CLIENT_ID}:{CLIENT_SECRET}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=str(REPO),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        m = re.search(r"localhub: base URL (http://\S+)", log_path.read_text())
        if m:
            return proc, log, m.group(1).rstrip("/")
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"localhub did not start: {log_path.read_text()[-2000:]}")


def _interleaved(fns, repeat: int) -> List[float]:
    """Median seconds of each function, runs alternating between them."""
    times: List[List[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            gc.collect()
            start = time.perf_counter()
            fn()
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def _peak_mib(fn) -> float:
    """Peak Python heap (tracemalloc) of one run, in MiB."""
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def _tile_rows(n: int):
    for i in range(n):
        x0 = 500000 + (i % 100) * 10000
        y0 = 5000000 + (i // 100) * 10000
        ring = [[x0, y0], [x0 + 10000, y0], [x0 + 10000, y0 + 10000], [x0, y0 + 10000], [x0, y0]]
        crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}}
        yield {
            "path": f"scenes/{i:06d}/(BAND).tif",
            "status": "INGESTED",
            "sensingTime": f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}T10:{i % 60:02d}:00.000Z",
            "coverGeometry": {"type": "Polygon", "crs": crs, "coordinates": [ring]},
            "tileGeometry": {"type": "Polygon", "crs": crs, "coordinates": [ring]},
            "additionalData": {"minMetersPerPixel": 10.0, "maxMetersPerPixel": 80.0, "hasAddedPoints": False},
        }


def run() -> List[Row]:
    os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")
    sys.path.insert(0, str(REPO))
    from byoc_qgis.core.auth import ClientCredentials
    from byoc_qgis.core.client import SentinelHubClient
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.core.models import Collection
    from localhub.store import Store

    rows: List[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-client-") as tmp:
        data_dir = Path(tmp)
        proc, log, base = _start_localhub(data_dir)
        try:
            token_url = base + "/auth/realms/main/protocol/openid-connect/token"
            client = SentinelHubClient(custom_deployment(base, token_url), ClientCredentials(CLIENT_ID, CLIENT_SECRET))
            col = client.byoc.create_collection(Collection(name=f"bench-{uuid.uuid4().hex[:6]}", s3_bucket="bench"))
            store = Store(data_dir)
            store.bulk_insert_tiles(col.id, _tile_rows(N_TILES))
            store.close()

            token = client.http.tokens.token()

            def floor():
                s = requests.Session()
                s.headers["Authorization"] = f"Bearer {token}"
                url = f"{base}/api/v1/byoc/collections/{col.id}/tiles?count=100"
                items = []
                while url:
                    page = s.get(url, timeout=60).json()
                    items.extend(page["data"])
                    url = page.get("links", {}).get("next")
                s.close()
                return items

            def ours():
                return client.byoc.all_tiles(col.id)

            from sentinelhub import ByocTile, SentinelHubBYOC, SHConfig
            from sentinelhub.download.sentinelhub_client import SentinelHubDownloadClient

            config = SHConfig(
                use_defaults=True,
                sh_client_id=CLIENT_ID,
                sh_client_secret=CLIENT_SECRET,
                sh_base_url=base,
                sh_token_url=token_url,
            )
            SentinelHubDownloadClient.clear_cache()
            byoc = SentinelHubBYOC(config=config)

            def sentinelhub_py():
                return [ByocTile.from_dict(t) for t in byoc.iter_tiles(col.id)]

            # warm-up (token, connections, sqlite cache) and correctness
            n_floor, n_ours, n_sh = len(floor()), len(ours()), len(sentinelhub_py())
            assert n_floor == n_ours == n_sh == N_TILES, (n_floor, n_ours, n_sh)
            # floor and ours alternate so drifting load on the shared machine hits both alike
            t_floor, t_ours = _interleaved([floor, ours], repeat=7)
            m_floor = _peak_mib(floor)
            m_ours = _peak_mib(ours)
            t_sh, m_sh, _ = measure(sentinelhub_py, repeat=3, trace_memory=True)
            rows.append(Row(f"client: floor requests loop, {N_TILES} tiles (dicts)", t_floor, m_floor))
            rows.append(
                Row(
                    f"client: ByocClient.all_tiles, {N_TILES} Tile objects",
                    t_ours,
                    m_ours,
                    ratio=t_ours / t_floor,
                    ratio_label="× floor",
                    target="≤ 1.25",
                    ok=t_ours / t_floor <= 1.25,
                )
            )
            rows.append(
                Row(
                    f"client: sentinelhub-py iter_tiles+ByocTile, {N_TILES}",
                    t_sh,
                    m_sh,
                    ratio=t_sh / t_ours,
                    ratio_label="sentinelhub-py / ours",
                    target="≥ 3",
                    ok=t_sh / t_ours >= 3,
                )
            )
            client.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()
    return rows


if __name__ == "__main__":
    from benchmarks.common import format_table

    print(format_table(run()))
