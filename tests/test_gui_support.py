"""Shared helpers of the tests/test_gui_*.py modules (no tests here): a dock connection to localhub, collections,
bulk tiles, uploaded tiles, and the stall watchdog."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Dict, Iterator, List

from .fixtures_rasters import make_tile
from .test_processing_support import register_provider, set_master_password

_KEEP: list = []  # the provider object must stay referenced, else Python deletes it and QGIS loses it


def ensure_provider():
    """Register the ``byoc`` Processing provider (if needed) and keep it alive."""
    from qgis.core import QgsApplication

    existing = QgsApplication.processingRegistry().providerById("byoc")
    if existing is not None:
        return existing
    provider = register_provider()
    _KEEP.append(provider)
    return provider


def release_provider() -> None:
    """Remove the provider these tests registered (the plugin tests register their own)."""
    from qgis.core import QgsApplication

    while _KEEP:
        provider = _KEEP.pop()
        try:
            QgsApplication.processingRegistry().removeProvider(provider)
        except RuntimeError:
            pass


def store_connection(localhub, name: str = "localhub-gui", with_s3: bool = True):
    """Save a dock connection to ``localhub`` (credentials in the auth manager) and return it."""
    from byoc_qgis.core import qgis_adapters as qa
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.gui.connections import Connection, ConnectionStore

    set_master_password()
    ensure_provider()
    client_cfg = qa.store_client_credentials(f"{name} client", localhub.client_id, localhub.client_secret)
    s3_cfg = None
    if with_s3:
        s3_cfg = qa.store_s3_keys(f"{name} s3", localhub.s3.access_key, localhub.s3.secret_key)
    settings = qa.ConnectionSettings(
        name,
        custom_deployment(localhub.base_url, localhub.token_url),
        client_cfg,
        s3_cfg,
        localhub.s3.endpoint if with_s3 else None,
        localhub.s3.region if with_s3 else None,
        s3_https=False,
        s3_path_style=True,
    )
    conn = Connection(settings)
    ConnectionStore().save(conn)
    return conn


def new_collection(client, s3=None, name: str = "") -> Dict[str, str]:
    """A fresh collection (and its bucket on ``s3`` when given)."""
    from byoc_qgis.core.models import Collection

    bucket = f"gui-{uuid.uuid4().hex[:10]}"
    if s3 is not None:
        s3.client().create_bucket(Bucket=bucket)
    col = client.byoc.create_collection(Collection(name=name or bucket, s3_bucket=bucket))
    return {"id": col.id, "bucket": bucket, "name": col.name}


def synthetic_rows(n: int, status: str = "INGESTED", epsg: int = 32633) -> Iterator[dict]:
    """``n`` tile rows for localhub's bulk insert: 10 km squares in UTM, spread over 100 columns."""
    crs = {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{epsg}"}}
    for i in range(n):
        x0 = 300000 + (i % 100) * 4000
        y0 = 5000000 + (i // 100) * 4000
        ring = [[x0, y0], [x0 + 4000, y0], [x0 + 4000, y0 + 4000], [x0, y0 + 4000], [x0, y0]]
        yield {
            "path": f"scenes/{i:06d}/(BAND).tif",
            "status": status,
            "sensingTime": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}T10:{i % 60:02d}:00.000Z",
            "coverGeometry": {"type": "Polygon", "crs": crs, "coordinates": [ring]},
            "tileGeometry": {"type": "Polygon", "crs": crs, "coordinates": [ring]},
            "additionalData": {"minMetersPerPixel": 10.0, "maxMetersPerPixel": 80.0},
        }


def bulk_tiles(localhub, collection_id: str, rows) -> int:
    """Insert tiles straight into localhub's store (20 000 POSTs would take minutes)."""
    from localhub.store import Store

    store = Store(localhub.data_dir)
    try:
        return store.bulk_insert_tiles(collection_id, rows)
    finally:
        store.close()


def upload_tiles(s3, bucket: str, root: Path, names: List[str], stems=("B02", "B03")) -> Dict[str, Dict[str, str]]:
    """Valid band COGs for each tile name, uploaded to ``<name>/<stem>.tif``; returns the local files."""
    client = s3.client()
    out = {}
    for name in names:
        files = make_tile(root / name, stems=stems)
        for stem, path in files.items():
            client.upload_file(path, bucket, f"{name}/{stem}.tif")
        out[name] = files
    return out
