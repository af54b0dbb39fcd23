"""localhub on loopback for tests: a session instance (``localhub``) and per-test instances (``localhub_factory``).

Both run ``python -m localhub`` as a real process against the session's moto S3 server (``s3_server``), with two
isolated accounts and quick ingestion state changes (``--state-delay 0.05``). ``localhub_factory(own_s3=True)``
starts one with its own (persistent) moto S3 server instead; ``hub.s3`` then describes that server.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import pytest
import requests

from .fixtures_s3 import S3Server
from .services import BackgroundProcess, python_module

CLIENT_ID = "test-client"
CLIENT_SECRET = "test-client-secret"  # noqa: S105 - local test credential
OTHER_CLIENT_ID = "other-client"
OTHER_CLIENT_SECRET = "other-client-secret"  # noqa: S105 - local test credential
KEYCLOAK_PATH = "/auth/realms/main/protocol/openid-connect/token"


@dataclass
class Localhub:
    """A running localhub process and how to talk to it."""

    base_url: str
    client_id: str
    client_secret: str = field(repr=False)
    other_client_id: str
    other_client_secret: str = field(repr=False)
    s3: Any
    data_dir: Path
    process: BackgroundProcess = field(repr=False)
    args: List[str] = field(repr=False, default_factory=list)

    @property
    def token_url(self) -> str:
        """Keycloak token URL (what sentinelhub-py ≥ 3.10 uses)."""
        return self.base_url + KEYCLOAK_PATH

    @property
    def oauth_token_url(self) -> str:
        """Legacy ``/oauth/token`` URL."""
        return self.base_url + "/oauth/token"

    @property
    def byoc_url(self) -> str:
        """``<base>/api/v1/byoc``."""
        return self.base_url + "/api/v1/byoc"

    def token(self, client_id: Optional[str] = None, client_secret: Optional[str] = None) -> str:
        """A fresh bearer token (default account unless other credentials are given)."""
        response = requests.post(
            self.token_url,
            data={
                "grant_type": "client_credentials",
                "client_id": client_id or self.client_id,
                "client_secret": client_secret or self.client_secret,
            },
            timeout=10,
        )
        response.raise_for_status()
        return response.json()["access_token"]

    def session(self, client_id: Optional[str] = None, client_secret: Optional[str] = None) -> requests.Session:
        """A ``requests.Session`` carrying a bearer token (default account unless credentials are given)."""
        s = requests.Session()
        s.headers["Authorization"] = f"Bearer {self.token(client_id, client_secret)}"
        return s

    def other_session(self) -> requests.Session:
        """A session of the second, isolated account."""
        return self.session(self.other_client_id, self.other_client_secret)

    def sh_config(self, client_id: Optional[str] = None, client_secret: Optional[str] = None):
        """A sentinelhub-py ``SHConfig`` pointing at this localhub (download cache cleared)."""
        os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
        from sentinelhub import SHConfig
        from sentinelhub.download.sentinelhub_client import SentinelHubDownloadClient

        SentinelHubDownloadClient.clear_cache()
        return SHConfig(
            use_defaults=True,
            sh_client_id=client_id or self.client_id,
            sh_client_secret=client_secret or self.client_secret,
            sh_base_url=self.base_url,
            sh_token_url=self.token_url,
            download_sleep_time=0.1,
            max_download_attempts=2,
        )

    def log_text(self) -> str:
        """Everything the process printed so far (also after it stopped)."""
        try:
            return self.process.log_text()
        except ValueError:  # log file already closed by stop()
            return self.process.log_path.read_text(errors="replace")

    def stop(self) -> int:
        """Stop the process (SIGTERM); return its exit code."""
        return self.process.stop()

    def wait_for_tile(
        self, session: requests.Session, collection_id: str, tile_id: str, timeout: float = 30.0
    ) -> Dict[str, Any]:
        """Poll a tile until INGESTED or FAILED; return it."""
        deadline = time.monotonic() + timeout
        while True:
            r = session.get(f"{self.byoc_url}/collections/{collection_id}/tiles/{tile_id}", timeout=10)
            r.raise_for_status()
            tile = r.json()["data"]
            if tile["status"] in ("INGESTED", "FAILED") or time.monotonic() > deadline:
                return tile
            time.sleep(0.05)


def start_localhub(
    s3,
    log_path: Path,
    data_dir: Path,
    *,
    port: int = 0,
    token_expires_in: Optional[int] = None,
    rate_limit: Optional[str] = None,
    fault_injection: Optional[dict] = None,
    ingestion_workers: int = 2,
    state_delay: float = 0.05,
    metadata_delay: Optional[float] = None,
    extra_args: Optional[List[str]] = None,
    timeout: float = 60.0,
) -> Localhub:
    """Start ``python -m localhub`` with test accounts against ``s3`` and wait until it listens.

    ``s3=None``: localhub starts its own S3 server (kept in ``<data_dir>/s3``); the returned ``Localhub.s3`` is an
    ``S3Server`` for it, read from what localhub prints.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    args = ["--port", str(port), "--data-dir", str(data_dir)]
    if s3 is not None:
        args += ["--s3-endpoint", s3.endpoint, "--s3-region", s3.region]
    args += [
        "--account", f"{CLIENT_ID}:{CLIENT_SECRET}",
        "--account", f"{OTHER_CLIENT_ID}:{OTHER_CLIENT_SECRET}",
        "--ingestion-workers", str(ingestion_workers),
        "--state-delay", str(state_delay),
    ]  # fmt: skip
    if metadata_delay is not None:
        args += ["--metadata-delay", str(metadata_delay)]
    if token_expires_in is not None:
        args += ["--token-expires-in", str(token_expires_in)]
    if rate_limit:
        args += ["--rate-limit", rate_limit]
    if fault_injection is not None:
        fault_file = data_dir / "faults.json"
        fault_file.write_text(json.dumps(fault_injection))
        args += ["--fault-injection", str(fault_file)]
    args += list(extra_args or [])
    if s3 is not None:
        env = {"LOCALHUB_S3_ACCESS_KEY": s3.access_key, "LOCALHUB_S3_SECRET_KEY": s3.secret_key}
    else:
        env = {"LOCALHUB_S3_ENDPOINT": "", "LOCALHUB_S3_ACCESS_KEY": "", "LOCALHUB_S3_SECRET_KEY": ""}
    env["PYTHONUNBUFFERED"] = "1"
    process = BackgroundProcess(python_module("localhub", *args), log_path, env=env)
    deadline = time.monotonic() + timeout
    base_url = None
    own_s3 = None
    while time.monotonic() < deadline:
        for line in process.log_text().splitlines():
            if line.startswith("localhub: base URL "):
                base_url = line.split("localhub: base URL ", 1)[1].strip()
            elif s3 is None and line.startswith("localhub: S3 endpoint "):
                own_s3 = _own_s3_server(line)
        if base_url and (s3 is not None or own_s3 is not None):
            break
        if process.proc.poll() is not None:
            raise RuntimeError(f"localhub exited with {process.proc.returncode}:\n{process.log_text()}")
        time.sleep(0.05)
    if not base_url:
        process.stop()
        raise TimeoutError(f"localhub did not start within {timeout} s:\n{process.log_text()}")
    return Localhub(
        base_url=base_url,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        other_client_id=OTHER_CLIENT_ID,
        other_client_secret=OTHER_CLIENT_SECRET,
        s3=s3 if s3 is not None else own_s3,
        data_dir=data_dir,
        process=process,
        args=args,
    )


def _own_s3_server(line: str) -> S3Server:
    """The ``S3Server`` described by localhub's ``localhub: S3 endpoint host:port (moto, ...; access key K, secret
    key S; ...)`` line."""
    host, _, port = line.split()[3].rpartition(":")
    access_key = line.split("access key ", 1)[1].split(",", 1)[0].strip()
    secret_key = line.split("secret key ", 1)[1].split(";", 1)[0].strip()
    return S3Server(host=host, port=int(port), access_key=access_key, secret_key=secret_key)


@pytest.fixture(scope="session")
def localhub(s3_server, tmp_path_factory):
    """One localhub for the whole session (accounts ``test-client`` and ``other-client``, S3 = ``s3_server``)."""
    root = tmp_path_factory.mktemp("localhub")
    hub = start_localhub(s3_server, root / "localhub.log", root / "data")
    try:
        yield hub
    finally:
        hub.stop()


@pytest.fixture
def localhub_factory(s3_server, tmp_path) -> Callable[..., Localhub]:
    """Start extra localhubs with custom options; all are stopped after the test.

    Options: ``token_expires_in``, ``rate_limit`` ("N/SECONDS"), ``fault_injection`` (dict), ``ingestion_workers``,
    ``state_delay``, ``metadata_delay``, ``data_dir`` (reuse one to test restarts), ``port``, ``extra_args``,
    ``own_s3`` (True: localhub starts its own persistent S3 server instead of using ``s3_server``).
    """
    started: List[Localhub] = []

    def start(**options: Any) -> Localhub:
        index = len(started)
        data_dir = Path(options.pop("data_dir", tmp_path / f"localhub-{index}"))
        s3 = None if options.pop("own_s3", False) else s3_server
        hub = start_localhub(s3, tmp_path / f"localhub-{index}.log", data_dir, **options)
        started.append(hub)
        return hub

    try:
        yield start
    finally:
        for hub in started:
            hub.stop()
