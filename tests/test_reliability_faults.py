"""R1 (faults): tiles created from local rasters through ``byoc:createtiles`` while ~20 % of the BYOC API requests
AND ~20 % of the S3 requests fail (429 with Retry-After, 500/503, connections dropped before or after the request
was processed) → every tile registered in the first run, no duplicate, no orphan (object without a tile, tile
without its objects), and a rerun adds nothing.

:func:`run_faults` runs the scenario and returns its figures; the test runs it with 40 tiles, ``make reliability``
(``scripts/reliability.py``) with 200. localhub runs with its own S3 server (signatures checked), faults switched on
at run time for both.
"""

from __future__ import annotations

import collections
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Tuple

import pytest
import requests

from .fixtures_rasters import make_tile
from .test_processing_support import connection_params, register_provider, run_alg, s3_params, store_basic_authcfg

pytestmark = pytest.mark.timeout(900)

N_TILES = 40
STEMS = ("B02", "B03")
KINDS_API = [{"status": 429, "retryAfterMs": 200}, {"status": 500}, {"status": 503}, {"drop": "before"},
             {"drop": "after"}]  # fmt: skip
KINDS_S3 = [{"status": 503}, {"status": 500}, {"drop": "before"}, {"drop": "after"}]
NO_FAULTS = {"rules": [], "s3": {"rules": []}}  # localhub's --fault-injection file: on, nothing firing yet


def api_faults(seed: int) -> dict:
    return {"seed": seed, "rules": [{"path": "/api/v1/byoc/*", "probability": 0.2, "faults": KINDS_API}]}


def s3_faults(bucket: str, seed: int) -> dict:
    return {"seed": seed, "rules": [{"path": f"/{bucket}*", "probability": 0.2, "faults": KINDS_S3}]}


def set_faults(hub, api: dict, s3: dict) -> None:
    assert requests.put(f"{hub.base_url}/localhub/faults", json=api, timeout=10).status_code in (200, 204)
    assert requests.put(f"{hub.s3.url}/_localhub/faults", json=s3, timeout=10).status_code == 200


def fired(hub):
    api = requests.get(f"{hub.base_url}/localhub/faults", timeout=10).json()["fired"]
    s3 = requests.get(f"{hub.s3.url}/_localhub/faults", timeout=10).json()["fired"]
    return api, s3


def registered(hub, collection_id):
    session = hub.session()
    tiles, url = [], f"{hub.byoc_url}/collections/{collection_id}/tiles?count=100"
    while url:
        page = session.get(url, timeout=30).json()
        tiles += page["data"]
        url = (page.get("links") or {}).get("next")
    return tiles


def objects(hub, bucket):
    out = {}
    for page in hub.s3.client().get_paginator("list_objects_v2").paginate(Bucket=bucket):
        out.update({o["Key"]: o["ETag"] for o in page.get("Contents", [])})
    return out


@dataclass
class FaultsRun:
    """Figures of one R1 run."""

    tiles: int  # tiles on disk
    first: Tuple[int, int, int]  # REGISTERED, SKIPPED, FAILED of the first run
    rerun: Tuple[int, int, int]  # the same for the rerun under new faults
    registered: int  # tiles in the collection at the end
    duplicates: int  # tiles registered more than once (same path)
    objects_without_tile: int
    tiles_without_objects: int  # registered tiles with a band object missing from the bucket
    pending_uploads: int  # multipart uploads left behind
    bytes_checked: int
    bytes_differ: int  # objects whose bytes are not the local file's
    api_fired: List[dict]
    s3_fired: List[dict]
    first_seconds: float
    rerun_seconds: float
    failures: List[tuple] = field(default_factory=list)  # (path, status, message) rows with a message, first run

    @property
    def s3_kinds(self) -> Set[str]:
        return {str(f["fault"]) for f in self.s3_fired}

    def ok(self) -> bool:
        n = self.tiles
        return (
            self.first == (n, 0, 0)
            and self.rerun == (0, n, 0)
            and self.registered == n
            and self.duplicates == 0
            and self.objects_without_tile == 0
            and self.tiles_without_objects == 0
            and self.pending_uploads == 0
            and self.bytes_differ == 0
            and self.bytes_checked == n * len(STEMS)
            and len(self.api_fired) > 0
            and len(self.s3_fired) > 0
        )

    def _first_failure(self) -> str:
        return f" (first failure: {self.failures[0][0]}: {self.failures[0][2]})" if self.failures else ""

    def figures(self) -> str:
        """One line for the reliability table."""
        return (
            f"{self.tiles} tiles, ~20 % of API+S3 requests failing ({len(self.api_fired)} API, {len(self.s3_fired)} "
            f"S3 faults): first run registered {self.first[0]} (failed {self.first[2]}) in {self.first_seconds:.0f} "
            f"s{self._first_failure()}; duplicates {self.duplicates}; orphans {self.objects_without_tile} objects "
            f"w/o tile + {self.tiles_without_objects} tiles w/o objects; pending uploads {self.pending_uploads}; "
            f"bytes differ {self.bytes_differ}/{self.bytes_checked}; rerun added {self.rerun[0]} (skipped "
            f"{self.rerun[1]}, {self.rerun_seconds:.0f} s)"
        )


def run_faults(
    hub,
    params: Dict[str, Any],
    root: Path,
    n_tiles: int,
    threads: int = 4,
    seeds: Tuple[int, int, int, int] = (21, 22, 23, 24),
    output: str = "memory:",
    feedback=None,
) -> FaultsRun:
    """Run R1 against ``hub`` (started with ``fault_injection=NO_FAULTS``): a fresh bucket and collection, ``n_tiles``
    two-band tiles under ``root``, ``byoc:createtiles`` under API+S3 faults, then a rerun under other faults.

    ``params``: connection and S3 parameters (AUTHCFG, ..., S3_AUTHCFG, ...). Needs the ``byoc`` provider registered.
    The faults are switched off again before the bucket and tiles are counted (and also when the run fails).
    """
    bucket = f"r1-{uuid.uuid4().hex[:8]}"
    hub.s3.client().create_bucket(Bucket=bucket)
    res, _ = run_alg("byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, **params}, feedback=feedback)
    cid = res["COLLECTION_ID"]
    data = root / "data"
    for i in range(n_tiles):
        make_tile(data / f"2023-08-{1 + i % 28:02d}" / f"t{i:03d}", stems=STEMS, size=(300, 250))
    # FAIL_ON_ERROR false: a tile that fails is counted (and listed) instead of ending the run without figures
    create = {"COLLECTION": cid, "FOLDER": str(data), "THREADS": threads, "OUTPUT": output, "FAIL_ON_ERROR": False,
              **params}  # fmt: skip
    try:
        set_faults(hub, api_faults(seed=seeds[0]), s3_faults(bucket, seed=seeds[1]))
        start = time.monotonic()
        res, table = run_alg("byoc:createtiles", create, feedback=feedback)
        first_seconds = time.monotonic() - start
        api_fired, s3_fired = fired(hub)
        first = (res["REGISTERED"], res["SKIPPED"], res["FAILED"])
        rows = [(f["path"], f["status"], f["message"]) for f in table.getFeatures()] if table is not None else []
        set_faults(hub, api_faults(seed=seeds[2]), s3_faults(bucket, seed=seeds[3]))
        start = time.monotonic()
        res, _ = run_alg("byoc:createtiles", {**create, "OUTPUT": "memory:"}, feedback=feedback)
        rerun_seconds = time.monotonic() - start
        rerun = (res["REGISTERED"], res["SKIPPED"], res["FAILED"])
    finally:
        set_faults(hub, {"rules": []}, {"rules": []})

    tiles = registered(hub, cid)
    paths = collections.Counter(t["path"] for t in tiles)
    expected = {p.replace("(BAND)", s) for p in paths for s in STEMS}
    keys = objects(hub, bucket)
    client = hub.s3.client()
    differ = sum(1 for k in sorted(expected & set(keys))
                 if client.get_object(Bucket=bucket, Key=k)["Body"].read() != (data / k).read_bytes())  # fmt: skip
    return FaultsRun(
        tiles=n_tiles,
        first=first,
        rerun=rerun,
        registered=len(tiles),
        duplicates=sum(c - 1 for c in paths.values()),
        objects_without_tile=len(set(keys) - expected),
        tiles_without_objects=sum(1 for p in paths if any(p.replace("(BAND)", s) not in keys for s in STEMS)),
        pending_uploads=len(client.list_multipart_uploads(Bucket=bucket).get("Uploads", [])),
        bytes_checked=len(expected & set(keys)),
        bytes_differ=differ,
        api_fired=api_fired,
        s3_fired=s3_fired,
        first_seconds=first_seconds,
        rerun_seconds=rerun_seconds,
        failures=[r for r in rows if r[2]],
    )


def fault_params(hub, name: str = "r1", token_url: Optional[str] = None) -> Dict[str, Any]:
    """Connection + S3 parameters for ``hub`` with its credentials stored in the running QGIS's auth manager."""
    params = {
        **connection_params(hub, store_basic_authcfg(hub.client_id, hub.client_secret, f"{name}-client")),
        **s3_params(hub.s3, store_basic_authcfg(hub.s3.access_key, hub.s3.secret_key, f"{name}-s3")),
    }
    if token_url:
        params["TOKEN_URL"] = token_url
    return params


def test_r1_every_tile_in_the_first_run_despite_api_and_s3_faults(qgis_processing, localhub_factory, tmp_path):
    hub = localhub_factory(own_s3=True, fault_injection=NO_FAULTS)
    provider = register_provider()  # noqa: F841 - keep the provider alive during the test
    run = run_faults(hub, fault_params(hub), tmp_path, N_TILES)
    assert run.first == (N_TILES, 0, 0), run.failures
    # the faults really happened, every kind, on both services (seeded: the same run each time)
    assert len(run.api_fired) >= 10 and len(run.s3_fired) >= 20, (len(run.api_fired), len(run.s3_fired))
    assert run.s3_kinds == {str(k) for k in KINDS_S3}
    assert run.rerun == (0, N_TILES, 0)  # rerun under the same kind of faults: nothing new
    assert run.registered == N_TILES and run.duplicates == 0
    assert (run.objects_without_tile, run.tiles_without_objects) == (0, 0)  # no orphan either way
    assert run.pending_uploads == 0
    assert (run.bytes_checked, run.bytes_differ) == (N_TILES * len(STEMS), 0)  # the bytes are the local files'
    assert run.ok()
    print(f"R1: {run.figures()}")
