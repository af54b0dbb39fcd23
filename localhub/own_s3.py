"""localhub's own S3 server, persistent under ``<data-dir>/s3``: start = restore, every write = saved, stop = final
reconciliation. Only used when no external ``--s3-endpoint`` is given (an external S3 is never touched).

It accepts only requests signed with its configured keys (AWS Signature V4, as S3 does), so a wrong S3 secret fails
offline as it would against AWS; with a fault-injection configuration, the rules of its ``"s3"`` section apply to
S3 requests (see :mod:`localhub.faults`)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Optional, Tuple

from .faults import FaultInjector
from .moto_server import LocalMotoServer
from .s3_disk import S3Disk
from .s3_guard import INTERNAL_AGENT
from .s3_persist import S3Persister


def boto3_client(url: str, access_key: str, secret_key: str, region: str) -> Any:
    """A boto3 S3 client for localhub's own server (checksums only when S3 requires them)."""
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=url,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        region_name=region,
        config=Config(
            s3={"addressing_style": "path"},
            retries={"max_attempts": 2, "mode": "standard"},
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
            user_agent_extra=INTERNAL_AGENT,  # localhub's own requests are never faulted
        ),
    )


class OwnS3:
    """A moto server whose buckets and objects survive restarts (kept in ``root``)."""

    def __init__(
        self,
        host: str,
        root: Path,
        access_key: str,
        secret_key: str,
        region: str = "us-east-1",
        faults: Optional[dict] = None,
    ) -> None:
        """``faults``: a fault-injection configuration (its ``"s3"`` section is used), None = no faults."""
        self.root = Path(root)
        self._keys = (access_key, secret_key, region)
        self.disk = S3Disk(self.root)
        self.persister: Optional[S3Persister] = None
        injector = FaultInjector(faults.get("s3") or {"rules": []}) if faults is not None else None
        self.server = LocalMotoServer(
            host, after_write=self._after_write, keys={access_key: secret_key}, faults=injector
        )

    def __repr__(self) -> str:
        return f"OwnS3(endpoint={self.endpoint!r}, root={str(self.root)!r})"

    @property
    def endpoint(self) -> str:
        """``host:port`` of the server."""
        return self.server.endpoint

    def _after_write(self, method: str, raw_uri: str, host: str) -> None:
        if self.persister is not None:
            self.persister.after_write(method, raw_uri, host, self.server.host)

    def start(self) -> Tuple[int, int, float]:
        """Serve and restore what ``root`` keeps; return ``(buckets, objects, seconds)`` restored."""
        self.server.start()
        self.persister = S3Persister(self.disk, boto3_client(self.server.url, *self._keys))
        start = time.monotonic()
        buckets, objects = self.persister.restore()
        return buckets, objects, time.monotonic() - start

    def stop(self) -> None:
        """Reconcile everything to disk one last time, then stop serving and close the index."""
        try:
            if self.persister is not None and self.persister.enabled:
                self.persister.sync_all()
                self.persister.enabled = False
        finally:
            self.server.stop()
            self.disk.close()
