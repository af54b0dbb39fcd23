"""Reliability R6, concurrency (issue 11 §1) as figures for ``make reliability``: 8 Process requests and 8 tile
listings at once against a freshly started localhub (cold JS engine), then a render worker killed in the middle of a
request. Built from the helpers of ``tests/test_localhub_engine.py`` (whose tests assert the same scenario in detail).
"""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List

import numpy as np
import requests

from .test_localhub_engine import HOOKS, process_body, script, seed, tiff_values, wait_workers, workers


@dataclass
class Concurrency:
    """Figures of one R6 run."""

    renders_ok: int  # Process requests answered 200 with the right pixels
    renders: int
    listings_ok: int
    listings: int
    alive_after_burst: bool
    workers_busy: int  # render workers that served part of the burst
    killed_request_error: str  # the error code the request whose worker was killed got
    other_request_ok: bool  # the request running beside it
    worker_replaced: bool
    after_kill_ok: int  # requests answered 200 after the kill
    after_kill: int
    alive_at_end: bool
    seconds: float

    def ok(self) -> bool:
        return (
            self.renders_ok == self.renders >= 8
            and self.listings_ok == self.listings >= 8
            and self.alive_after_burst
            and self.killed_request_error == "RENDERER_EXCEPTION"
            and self.other_request_ok
            and self.worker_replaced
            and self.after_kill_ok == self.after_kill > 0
            and self.alive_at_end
        )

    def figures(self) -> str:
        return (
            f"cold localhub: concurrent Process requests 200 {self.renders_ok}/{self.renders} (right pixels), "
            f"listings 200 {self.listings_ok}/{self.listings}, {self.workers_busy} workers busy, alive "
            f"{'yes' if self.alive_after_burst else 'NO'}; worker killed mid-request: that request "
            f"{self.killed_request_error or 'answered?!'}, the other {'200' if self.other_request_ok else 'FAILED'}, "
            f"worker replaced {'yes' if self.worker_replaced else 'NO'}, next requests 200 "
            f"{self.after_kill_ok}/{self.after_kill}, alive {'yes' if self.alive_at_end else 'NO'}; "
            f"{self.seconds:.0f} s"
        )


def _post(hub, token: str, body: dict) -> requests.Response:
    return requests.post(
        hub.base_url + "/api/v1/process", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=120
    )


def run_concurrency(start: Callable[..., object], root: Path, n: int = 8) -> Concurrency:
    """Run R6. ``start(**options)`` starts localhub with its own S3 server (options: ``data_dir``, ``extra_args``)
    and returns a :class:`tests.fixtures_localhub.Localhub`."""
    t0 = time.monotonic()
    first = start()
    bucket = f"r6-{uuid.uuid4().hex[:8]}"
    first.s3.client().create_bucket(Bucket=bucket)
    ids = seed(first, bucket, root)
    first.stop()
    hub = start(data_dir=first.data_dir, extra_args=HOOKS)  # cold: the render workers may still be starting
    token = hub.token()
    listing = f"{hub.byoc_url}/collections/{ids['collection']}/tiles"

    def render(i: int) -> requests.Response:
        return _post(hub, token, process_body(ids["collection"], script(busy_ms=300) + f"// request {i}\n"))

    def list_tiles(_i: int) -> requests.Response:
        return requests.get(listing, headers={"Authorization": f"Bearer {token}"}, timeout=60)

    with ThreadPoolExecutor(2 * n) as executor:
        renders = [executor.submit(render, i) for i in range(n)]
        listings = [executor.submit(list_tiles, i) for i in range(n)]
        rendered = [f.result() for f in renders]
        listed = [f.result() for f in listings]
    renders_ok = sum(1 for r in rendered if r.status_code == 200 and np.all(tiff_values(r.content) == 1234.5))
    listings_ok = sum(1 for r in listed if r.status_code == 200 and r.json()["data"][0]["id"] == ids["tile"])
    alive_after_burst = hub.process.proc.poll() is None
    busy = sum(1 for w in workers(hub) if w["jobs"] > 0) if alive_after_burst else 0

    # a worker killed in the middle of a request; another request runs beside it
    results: Dict[str, requests.Response] = {}

    def send(name: str, busy_ms: int) -> None:
        results[name] = _post(hub, token, process_body(ids["collection"], script(busy_ms=busy_ms)))

    slow = threading.Thread(target=send, args=("killed", 8000))
    slow.start()
    victim = wait_workers(hub, lambda ws: sum(w["busy"] for w in ws) == 1)
    victim_pid = next(w["pid"] for w in victim if w["busy"])
    other = threading.Thread(target=send, args=("other", 1500))
    other.start()
    wait_workers(hub, lambda ws: sum(w["busy"] for w in ws) == 2)
    os.kill(victim_pid, signal.SIGKILL)
    slow.join(60)
    other.join(60)
    killed = results.get("killed")
    code = ""
    if killed is not None and killed.status_code != 200:
        try:
            code = killed.json()["error"]["code"]
        except (ValueError, KeyError, TypeError):
            code = f"HTTP {killed.status_code}"
    other_ok = results.get("other") is not None and results["other"].status_code == 200
    replaced: List[dict] = wait_workers(hub, lambda ws: len(ws) == 2)
    with ThreadPoolExecutor(2) as executor:
        after = list(executor.map(lambda _: _post(hub, token, process_body(ids["collection"], script())), range(4)))
    return Concurrency(
        renders_ok=renders_ok,
        renders=n,
        listings_ok=listings_ok,
        listings=n,
        alive_after_burst=alive_after_burst,
        workers_busy=busy,
        killed_request_error=code,
        other_request_ok=other_ok,
        worker_replaced=victim_pid not in [w["pid"] for w in replaced],
        after_kill_ok=sum(1 for r in after if r.status_code == 200),
        after_kill=len(after),
        alive_at_end=hub.process.proc.poll() is None,
        seconds=time.monotonic() - t0,
    )
