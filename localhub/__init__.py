"""localhub: a local Sentinel Hub-compatible service (OAuth2, BYOC API, ingestion) over a real S3 endpoint.

Start it with ``python -m localhub``; build the ASGI app in-process with :func:`localhub.app.create_app`.
"""

__version__ = "0.1.0"
