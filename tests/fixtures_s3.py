"""A real S3 server (moto, behind localhub's signature check and fault layer) on a free loopback port for the whole
test session.

Like real S3 it refuses requests that are not signed (AWS Signature V4) with its keys, so a wrong secret fails here
as it would against AWS. ``s3_faults`` hands a test the server's fault injector (rules as in
:mod:`localhub.faults`, paths ``/bucket/key``); its rules are cleared after the test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

ACCESS_KEY = "test-access-key"
SECRET_KEY = "test-secret-key"  # noqa: S105 - fake key for the local test server


@dataclass(frozen=True)
class S3Server:
    """Where the test S3 server listens and the (fake) keys it accepts."""

    host: str
    port: int
    access_key: str = ACCESS_KEY
    secret_key: str = SECRET_KEY
    region: str = "us-east-1"
    faults: Any = field(default=None, compare=False, repr=False)  # localhub.faults.FaultInjector, session server only

    @property
    def endpoint(self) -> str:
        """``host:port`` as GDAL's AWS_S3_ENDPOINT wants it (no scheme before GDAL 3.11)."""
        return f"{self.host}:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def client(self, secret_key: str = ""):
        """A boto3 client (tests only: the plugin itself goes through GDAL /vsis3/); never faulted."""
        import boto3
        from botocore.config import Config

        from localhub.s3_guard import INTERNAL_AGENT

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=secret_key or self.secret_key,
            region_name=self.region,
            config=Config(s3={"addressing_style": "path"}, user_agent_extra=INTERNAL_AGENT),
        )


@pytest.fixture(scope="session")
def s3_server():
    """Start moto's S3 on 127.0.0.1 for the session (signatures checked, faults injectable) and stop it afterwards."""
    from localhub.faults import FaultInjector
    from localhub.moto_server import LocalMotoServer

    injector = FaultInjector({"rules": []})
    server = LocalMotoServer("127.0.0.1", keys={ACCESS_KEY: SECRET_KEY}, faults=injector)
    server.start()
    host, _, port = server.endpoint.rpartition(":")
    try:
        yield S3Server(host=host, port=int(port), faults=injector)
    finally:
        server.stop()


@pytest.fixture
def s3_faults(s3_server):
    """The session S3 server's fault injector; every rule is removed after the test."""
    s3_server.faults.configure({"rules": []})
    try:
        yield s3_server.faults
    finally:
        s3_server.faults.configure({"rules": []})


@pytest.fixture
def s3_bucket(s3_server, request):
    """A fresh, empty bucket named after the test."""
    import re
    import uuid

    name = re.sub(r"[^a-z0-9-]", "-", request.node.name.lower())[:40].strip("-")
    bucket = f"t-{name}-{uuid.uuid4().hex[:8]}"
    s3_server.client().create_bucket(Bucket=bucket)
    return bucket
