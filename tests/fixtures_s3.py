"""A real S3 server (moto) on a free loopback port for the whole test session."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from .services import free_port


@dataclass(frozen=True)
class S3Server:
    """Where the test S3 server listens and the (fake) keys it accepts."""

    host: str
    port: int
    access_key: str = "test-access-key"
    secret_key: str = "test-secret-key"  # noqa: S105 - fake key for the local test server
    region: str = "us-east-1"

    @property
    def endpoint(self) -> str:
        """``host:port`` as GDAL's AWS_S3_ENDPOINT wants it (no scheme before GDAL 3.11)."""
        return f"{self.host}:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def client(self):
        """A boto3 client (tests only: the plugin itself goes through GDAL /vsis3/)."""
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name=self.region,
        )


@pytest.fixture(scope="session")
def s3_server():
    """Start moto's S3 server on 127.0.0.1 for the session and stop it afterwards."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    try:
        yield S3Server(host="127.0.0.1", port=port)
    finally:
        server.stop()


@pytest.fixture
def s3_bucket(s3_server, request):
    """A fresh, empty bucket named after the test."""
    import re
    import uuid

    name = re.sub(r"[^a-z0-9-]", "-", request.node.name.lower())[:40].strip("-")
    bucket = f"t-{name}-{uuid.uuid4().hex[:8]}"
    s3_server.client().create_bucket(Bucket=bucket)
    return bucket
