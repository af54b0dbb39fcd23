"""Reliability R5, crash (issue 11 §7): ``kill -9`` localhub while tiles are WAITING, QUEUED and INGESTING, start it
again on the same data dir → every tile reaches INGESTED or FAILED (with a cause), none lost, none duplicated.

localhub runs with its own S3 server (so S3 is killed too and restored from the data dir), one ingestion worker and
a slow state delay, so the tiles spread over the states; good tiles must end INGESTED and bad ones (128-px blocks)
FAILED with the rule's cause. :func:`run_crash_resume` returns the figures; ``tests/test_reliability_crash.py`` runs
it small, ``scripts/reliability.py`` with more tiles.
"""

from __future__ import annotations

import collections
import os
import signal
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

from . import fixtures_rasters as fr

IN_FLIGHT = ("WAITING", "QUEUED", "INGESTING")
FINAL = ("INGESTED", "FAILED")
BAD_CAUSE = "Ensure tiles of image"  # the block-size rule's cause for 128-px internal tiles


@dataclass
class CrashRun:
    """Figures of one R5 run."""

    tiles: int
    at_kill: Dict[str, int]  # status → tiles, listed just before the kill
    resumed: int  # tiles localhub said it resumed after the restart
    final: Dict[str, int]  # status → tiles after the restart settled
    lost: int  # tiles listed before the kill and missing afterwards
    duplicated: int  # extra tiles (same path twice, or ids that were never created)
    failed_without_cause: int
    unexpected: List[str] = field(default_factory=list)  # good tile FAILED / bad tile INGESTED / changed fields
    seconds: float = 0.0

    def ok(self) -> bool:
        return (
            all(self.at_kill.get(s, 0) > 0 for s in IN_FLIGHT)
            and set(self.final) <= set(FINAL)
            and sum(self.final.values()) == self.tiles
            and self.lost == 0
            and self.duplicated == 0
            and self.failed_without_cause == 0
            and not self.unexpected
            and self.resumed > 0
        )

    def figures(self) -> str:
        before = ", ".join(f"{s} {self.at_kill.get(s, 0)}" for s in IN_FLIGHT + FINAL)
        after = ", ".join(f"{s} {n}" for s, n in sorted(self.final.items()))
        odd = f"; unexpected: {'; '.join(self.unexpected[:3])}" if self.unexpected else ""
        return (
            f"{self.tiles} tiles, kill -9 with {before}; restart resumed {self.resumed}; after: {after} (FAILED "
            f"without cause {self.failed_without_cause}); lost {self.lost}, duplicated {self.duplicated}{odd}; "
            f"{self.seconds:.0f} s"
        )


def _list(hub, session, collection_id: str) -> List[dict]:
    tiles, url = [], f"{hub.byoc_url}/collections/{collection_id}/tiles?count=100"
    while url:
        page = session.get(url, timeout=30).json()
        tiles += page["data"]
        url = (page.get("links") or {}).get("next")
    return tiles


def _resumed(log: str) -> int:
    for line in log.splitlines():
        if "resuming ingestion of " in line:
            return int(line.split("resuming ingestion of ", 1)[1].split()[0])
    return 0


def run_crash_resume(
    start: Callable[[Optional[Path], float], object],
    root: Path,
    n_good: int = 12,
    n_bad: int = 4,
    state_delay: float = 0.4,
    timeout: float = 60.0,
) -> CrashRun:
    """Run R5. ``start(data_dir, state_delay)`` starts localhub with its own S3 and one ingestion worker (``data_dir``
    None: a new one) and returns a :class:`tests.fixtures_localhub.Localhub`."""
    t0 = time.monotonic()
    hub = start(None, state_delay)
    client = hub.s3.client()
    bucket = f"r5-{uuid.uuid4().hex[:8]}"
    client.create_bucket(Bucket=bucket)
    # the bad tiles spread between the good ones: every state holds both kinds
    step = max(1, (n_good + n_bad) // max(1, n_bad))
    bad_at = {i * step + step // 2 for i in range(n_bad)}
    names, g, b = [], 0, 0
    for i in range(n_good + n_bad):
        if (i in bad_at and b < n_bad) or g == n_good:
            names.append((f"bad/b{b:02d}", False))
            b += 1
        else:
            names.append((f"good/g{g:02d}", True))
            g += 1
    good_files = fr.make_tile(root / "good", stems=("B02", "B03"))
    bad_dir = root / "bad"
    bad_files = {s: fr.make_small_tiles(bad_dir / f"{s}.tif", size=(600, 500)) for s in ("B02", "B03")}
    for name, good in names:
        for stem, path in (good_files if good else bad_files).items():
            client.upload_file(path, bucket, f"{name}/{stem}.tif")
    session = hub.session()
    r = session.post(f"{hub.byoc_url}/collections", json={"name": bucket, "s3Bucket": bucket}, timeout=30)
    r.raise_for_status()
    cid = r.json()["data"]["id"]

    created: Dict[str, dict] = {}

    def create(batch) -> None:
        for name, _good in batch:
            r = session.post(f"{hub.byoc_url}/collections/{cid}/tiles", json={"path": f"{name}/(BAND).tif",
                             "sensingTime": "2023-06-01T10:00:00Z"}, timeout=30)  # fmt: skip
            r.raise_for_status()
            created[r.json()["data"]["id"]] = r.json()["data"]

    # most tiles first; once one is INGESTING the rest go in (WAITING); kill while all three states are there
    split = max(1, len(names) - max(2, len(names) // 5))
    create(names[:split])
    deadline = time.monotonic() + timeout
    while True:
        states = collections.Counter(t["status"] for t in _list(hub, session, cid))
        if states["INGESTING"] and states["QUEUED"] >= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    create(names[split:])
    before = _list(hub, session, cid)
    os.kill(hub.process.proc.pid, signal.SIGKILL)
    hub.process.proc.wait()
    at_kill = collections.Counter(t["status"] for t in before)

    again = start(hub.data_dir, 0.05)
    session = again.session()
    deadline = time.monotonic() + timeout
    while True:
        after = _list(again, session, cid)
        if all(t["status"] in FINAL for t in after) or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    resumed = _resumed(again.log_text())

    good_paths = {f"{n}/(BAND).tif" for n, g in names if g}
    ids_after = collections.Counter(t["id"] for t in after)
    paths_after = collections.Counter(t["path"] for t in after)
    unexpected = []
    for t in after:
        cause = (t.get("additionalData") or {}).get("failedIngestionCause") or ""
        first = created.get(t["id"])
        if first is not None and (first["path"], first.get("sensingTime")) != (t["path"], t.get("sensingTime")):
            unexpected.append(f"{t['path']} changed")
        if t["status"] == "FAILED" and t["path"] in good_paths:
            unexpected.append(f"good {t['path']} FAILED: {cause[:80]}")
        elif t["status"] == "INGESTED" and t["path"] not in good_paths:
            unexpected.append(f"bad {t['path']} INGESTED")
        elif t["status"] == "FAILED" and BAD_CAUSE not in cause:
            unexpected.append(f"{t['path']} FAILED with another cause: {cause[:80]}")
    return CrashRun(
        tiles=len(names),
        at_kill={s: at_kill.get(s, 0) for s in IN_FLIGHT + FINAL},
        resumed=resumed,
        final=dict(collections.Counter(t["status"] for t in after)),
        lost=len(set(created) - set(ids_after)),
        duplicated=sum(n - 1 for n in ids_after.values())
        + sum(n - 1 for n in paths_after.values())
        + len(set(ids_after) - set(created)),
        failed_without_cause=sum(
            1
            for t in after
            if t["status"] == "FAILED" and not (t.get("additionalData") or {}).get("failedIngestionCause")
        ),
        unexpected=unexpected,
        seconds=time.monotonic() - t0,
    )
