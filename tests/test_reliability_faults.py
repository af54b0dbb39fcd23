"""R1 (faults), first version: tiles created from local rasters through ``byoc:createtiles`` while ~20 % of the BYOC
API requests AND ~20 % of the S3 requests fail (429 with Retry-After, 500/503, connections dropped before or after
the request was processed) → every tile registered in the first run, no duplicate, no orphan (object without a
tile, tile without its objects), and a rerun adds nothing. The reliability script runs the same with 200 tiles.

localhub runs with its own S3 server (signatures checked), faults switched on at run time for both.
"""

from __future__ import annotations

import collections
import time
import uuid

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


def test_r1_every_tile_in_the_first_run_despite_api_and_s3_faults(qgis_processing, localhub_factory, tmp_path):
    hub = localhub_factory(own_s3=True, fault_injection={"rules": [], "s3": {"rules": []}})
    provider = register_provider()  # noqa: F841 - keep the provider alive during the test
    params = {
        **connection_params(hub, store_basic_authcfg(hub.client_id, hub.client_secret, "r1-client")),
        **s3_params(hub.s3, store_basic_authcfg(hub.s3.access_key, hub.s3.secret_key, "r1-s3")),
    }
    bucket = f"r1-{uuid.uuid4().hex[:8]}"
    hub.s3.client().create_bucket(Bucket=bucket)
    res, _ = run_alg("byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, **params})
    cid = res["COLLECTION_ID"]
    root = tmp_path / "data"
    for i in range(N_TILES):
        make_tile(root / f"2023-08-{1 + i % 28:02d}" / f"t{i:03d}", stems=STEMS, size=(300, 250))
    create = {"COLLECTION": cid, "FOLDER": str(root), "THREADS": 4, "OUTPUT": "memory:", **params}

    set_faults(hub, api_faults(seed=21), s3_faults(bucket, seed=22))
    start = time.monotonic()
    res, table = run_alg("byoc:createtiles", create)
    first_run = time.monotonic() - start
    api_fired, s3_fired = fired(hub)
    rows = [(f["path"], f["status"], f["message"]) for f in table.getFeatures()]
    assert (res["REGISTERED"], res["SKIPPED"], res["FAILED"]) == (N_TILES, 0, 0), [r for r in rows if r[2]]
    # the faults really happened, every kind, on both services (seeded: the same run each time)
    assert len(api_fired) >= 10 and len(s3_fired) >= 20, (len(api_fired), len(s3_fired))
    assert {str(f["fault"]) for f in s3_fired} == {str(k) for k in KINDS_S3}

    # rerun under the same faults: nothing new
    set_faults(hub, api_faults(seed=23), s3_faults(bucket, seed=24))
    res, _ = run_alg("byoc:createtiles", create)
    assert (res["REGISTERED"], res["SKIPPED"], res["FAILED"]) == (0, N_TILES, 0)
    set_faults(hub, {"rules": []}, {"rules": []})

    tiles = registered(hub, cid)
    paths = collections.Counter(t["path"] for t in tiles)
    assert len(tiles) == N_TILES and max(paths.values()) == 1  # no duplicates
    expected = {p.replace("(BAND)", s) for p in paths for s in STEMS}
    keys = objects(hub, bucket)
    assert set(keys) == expected  # no object without a tile, no tile without its objects
    assert hub.s3.client().list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []
    for key in sorted(expected)[:5]:  # and the bytes are the local files'
        local = root / key
        assert hub.s3.client().get_object(Bucket=bucket, Key=key)["Body"].read() == local.read_bytes()
    print(f"R1: {N_TILES} tiles, first run {first_run:.1f} s, {len(api_fired)} API and {len(s3_fired)} S3 faults")
