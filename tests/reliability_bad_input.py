"""Reliability R2, bad input through ``qgis_process`` (issue 11 §7): every case of
``tests/test_reliability_bad_input.py`` (its ``CASES`` table: JPEG COG, 128-px blocks, palette, no CRS, no
overviews, band files of different sizes, non-raster and 0-byte .tif, templates that do not match) plus a missing
bucket, a wrong client secret, an unreachable URL and a UInt16 tile for an 8-bit collection, each run as a user's
script would run it: ``qgis_process run byoc:createtiles``. A case passes when the exit code is non-zero, the output
names the file or setting and the fix (the fragments), shows no traceback or "unknown GDAL error", and nothing is
registered nor left in S3 (objects, pending multipart uploads).

:func:`run_bad_input_cli` returns the per-case results; ``scripts/reliability.py`` runs every case, the R3 test a few.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from . import fixtures_rasters as fr
from .services import free_port
from .test_processing_support import QgisProcessHome
from .test_reliability_bad_input import CASES, DAY

CLIENT_CFG, S3_CFG, WRONG_CFG = "r2cli01", "r2cli02", "r2cli03"
EXTRA_CASES = ("missing-bucket", "wrong-client-secret", "unreachable-url", "uint16-in-8-bit-collection")
ALL_CASES = tuple(sorted(CASES)) + EXTRA_CASES
BANDS_8_BIT = {"B02": {"source": "B02", "bandIndex": 1, "bitDepth": 8, "sampleFormat": "UINT"}}


@dataclass
class CaseResult:
    name: str
    returncode: int
    problems: List[str]  # empty: the case passed
    error: str  # the error lines qgis_process printed (for the report)

    @property
    def passed(self) -> bool:
        return not self.problems


@dataclass
class BadInput:
    """Figures of one R2 run."""

    results: List[CaseResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def total(self) -> int:
        return len(self.results)

    def ok(self) -> bool:
        return self.total > 0 and self.passed == self.total

    def figures(self) -> str:
        failed = "; ".join(f"{r.name}: {', '.join(r.problems)}" for r in self.results if not r.passed)
        codes = sorted({r.returncode for r in self.results})
        return (
            f"cases passed {self.passed}/{self.total} through qgis_process (exit codes {codes}; error names the "
            f"file/setting + fix, nothing registered, nothing left in S3){' - FAILED: ' + failed if failed else ''}; "
            f"{self.seconds:.0f} s"
        )


def _error_lines(text: str) -> str:
    keep = [line for line in text.splitlines() if "rror" in line or "failed" in line or "tif" in line]
    return "\n".join(keep[-6:])


def _collection(hub, bucket: str, create_bucket: bool = True, bands: Optional[dict] = None) -> str:
    if create_bucket:
        hub.s3.client().create_bucket(Bucket=bucket)
    body: Dict[str, Any] = {"name": bucket, "s3Bucket": bucket}
    if bands:
        body["additionalData"] = {"bands": bands}
    r = hub.session().post(f"{hub.byoc_url}/collections", json=body, timeout=30)
    r.raise_for_status()
    return r.json()["data"]["id"]


def _left_over(hub, collection_id: str, bucket: str, bucket_exists: bool = True) -> List[str]:
    problems = []
    tiles = hub.session().get(f"{hub.byoc_url}/collections/{collection_id}/tiles", timeout=30).json()["data"]
    if tiles:
        problems.append(f"{len(tiles)} tile(s) registered")
    if bucket_exists:
        client = hub.s3.client()
        keys = [o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])]
        if keys:
            problems.append(f"{len(keys)} object(s) left in S3")
        if client.list_multipart_uploads(Bucket=bucket).get("Uploads", []):
            problems.append("multipart uploads left pending")
    return problems


def _setup(name: str, hub, work: Path, wrong_cfg: str) -> Tuple[str, str, Dict[str, Any], List[str], bool]:
    """(collection id, bucket, extra params, fragments, bucket exists) for one case; files built under ``work``."""
    bucket = f"r2q-{uuid.uuid4().hex[:10]}"
    folder = work / "data" / DAY / "t1"
    if name in CASES:
        build, fragments = CASES[name]
        extra = build(work)
        return _collection(hub, bucket), bucket, dict(extra), list(fragments), True
    if name == "missing-bucket":
        fr.make_cog(folder / "B02.tif")
        cid = _collection(hub, bucket, create_bucket=False)
        fragments = [f"Bucket {bucket} does not exist at {hub.s3.endpoint}", "create it, or correct the bucket name"]
        return cid, bucket, {}, fragments, False
    if name == "wrong-client-secret":
        fr.make_cog(folder / "B02.tif")
        fragments = [f"the token endpoint refused client id '{hub.client_id}'", "Check the client id and secret"]
        return _collection(hub, bucket), bucket, {"AUTHCFG": wrong_cfg}, fragments, True
    if name == "unreachable-url":
        fr.make_cog(folder / "B02.tif")
        url = f"http://127.0.0.1:{free_port()}"
        extra = {"BASE_URL": url, "TOKEN_URL": url + "/oauth/token"}
        return _collection(hub, bucket), bucket, extra, [f"Cannot reach {url}"], True
    if name == "uint16-in-8-bit-collection":
        fr.write_cog(folder / "B02.tif", fr.mem_dataset([np.full((200, 300), 300, np.uint16)]))
        cid = _collection(hub, bucket, bands=BANDS_8_BIT)
        return cid, bucket, {}, ["B02.tif: Band B02 is configured with bit depth 8, but B02 has 16"], True
    raise ValueError(f"unknown R2 case {name!r}")


def run_bad_input_cli(
    hub,
    root: Path,
    cases: Sequence[str] = ALL_CASES,
    token_url: Optional[str] = None,
    wrong_secret: str = "not-the-client-secret",  # noqa: S107 - the wrong secret the case types in
    record: Optional[Callable[[str, str], None]] = None,
) -> BadInput:
    """Run each R2 case through ``qgis_process`` against ``hub`` (credentials stored in a fresh auth database under
    ``root``). ``record(where, text)`` receives every run's output (for the R3 scan)."""
    import time

    start = time.monotonic()
    home = QgisProcessHome(root / "qgis_process")
    s3 = hub.s3
    home.add_authcfgs([(CLIENT_CFG, hub.client_id, hub.client_secret), (S3_CFG, s3.access_key, s3.secret_key),
                       (WRONG_CFG, hub.client_id, wrong_secret)])  # fmt: skip
    base = {
        "AUTHCFG": CLIENT_CFG,
        "DEPLOYMENT": 3,
        "BASE_URL": hub.base_url,
        "TOKEN_URL": token_url or hub.token_url,
        "S3_AUTHCFG": S3_CFG,
        "S3_ENDPOINT": s3.endpoint,
        "S3_REGION": s3.region,
        "S3_HTTPS": False,
        "S3_PATH_STYLE": True,
    }
    out = BadInput()
    for name in cases:
        work = root / name
        cid, bucket, extra, fragments, bucket_exists = _setup(name, hub, work, WRONG_CFG)
        params = {**base, "COLLECTION": cid, "FOLDER": work / "data", "OUTPUT": work / "created.gpkg", **extra}
        proc, _ = home.run("byoc:createtiles", params)
        text = proc.stdout + proc.stderr
        if record is not None:
            record(f"qgis_process output ({name})", text)
        problems = []
        if proc.returncode == 0:
            problems.append("exit code 0")
        problems += [f"no {f!r} in the output" for f in fragments if f not in text]
        problems += [f"{bad!r} in the output" for bad in ("Traceback", "unknown GDAL error") if bad in text]
        if name == "unreachable-url" and "HTTPConnectionPool" in text:
            problems.append("raw urllib3 text in the output")
        problems += _left_over(hub, cid, bucket, bucket_exists)
        out.results.append(CaseResult(name, proc.returncode, problems, _error_lines(text)))
    out.seconds = time.monotonic() - start
    return out
