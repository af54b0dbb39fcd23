"""Writing a batch task's files to the delivery bucket, and the two bookkeeping files the service delivers.

Delivery goes to localhub's S3 server (the endpoint it reads collections from) with the keys given in the
request's ``delivery.s3`` (an ``iamRoleARN``-only delivery uses localhub's own keys, standing in for the role the
real service would assume). boto3 is used rather than ``/vsis3/``: localhub's GDAL options for a bucket carry its
own keys, and a delivery to the same bucket with the user's keys must not switch them under running reads.
Error texts name the bucket/key and the S3 error code, never a key.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
from collections import OrderedDict
from typing import Any, Dict, Iterable, List, Optional, Set

from osgeo import ogr, osr

from byoc_qgis.core.batch_paths import expand_template, output_extension, split_s3_url

from .store import Cell

MAX_KEYS_LISTED = 1_000_000


SINGLE_PUT_BYTES = 64 << 20
CLIENTS_KEPT = 16  # boto3 clients kept for reuse (creating one costs ~0.1 s of CPU; they are thread-safe)
_CLIENTS: OrderedDict[tuple, Any] = OrderedDict()
_CLIENTS_LOCK = threading.Lock()


def _client(endpoint: str, access: str, secret: str, region: str) -> Any:
    """A boto3 S3 client for these keys, reused across deliveries (every task step builds a :class:`Delivery`)."""
    import boto3
    from botocore.config import Config

    key = (endpoint, access, hashlib.sha256(secret.encode()).hexdigest(), region)
    with _CLIENTS_LOCK:
        client = _CLIENTS.get(key)
        if client is not None:
            _CLIENTS.move_to_end(key)
            return client
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=access,
        aws_secret_access_key=secret,
        region_name=region,
        config=Config(
            retries={"max_attempts": 5, "mode": "standard"},
            s3={"addressing_style": "path"},
            connect_timeout=10,
            read_timeout=120,
        ),
    )
    with _CLIENTS_LOCK:
        _CLIENTS[key] = client
        while len(_CLIENTS) > CLIENTS_KEPT:
            _CLIENTS.popitem(last=False)
    return client


class DeliveryError(RuntimeError):
    """Writing to (or listing) the delivery bucket failed; the text says where and why."""


class Delivery:
    """The request's S3 delivery: bucket, template and a boto3 client with the request's keys."""

    def __init__(
        self,
        spec: Dict[str, object],
        endpoint: str,
        https: bool,
        default_region: str,
        fallback_keys: tuple,
    ) -> None:
        self.url = str(spec.get("url") or "")
        self.bucket, _ = split_s3_url(self.url)
        access = str(spec.get("accessKey") or "")
        secret = str(spec.get("secretAccessKey") or "")
        if not access:
            access, secret = fallback_keys
        self._secrets = [s for s in (access, secret) if s]
        scheme = "https" if https else "http"
        endpoint = endpoint if "://" in endpoint else f"{scheme}://{endpoint}"
        self.client = _client(endpoint, access, secret, str(spec.get("region") or default_region or "us-east-1"))

    def __repr__(self) -> str:
        return f"Delivery(url={self.url!r})"

    def _error(self, action: str, key: str, exc: Exception) -> DeliveryError:
        code = getattr(exc, "response", {}).get("Error", {}).get("Code") if hasattr(exc, "response") else None
        if not code:  # upload_file wraps the ClientError in a text: "An error occurred (Code) when calling ..."
            found = re.search(r"An error occurred \((\w+)\)", str(exc))
            code = found.group(1) if found else None
        text = f"{code}" if code else f"{type(exc).__name__}: {exc}"
        for secret in self._secrets:
            text = text.replace(secret, "***")
        hint = {
            "NoSuchBucket": " (the bucket does not exist)",
            "AccessDenied": " (the delivery keys may not write there)",
            "InvalidAccessKeyId": " (the delivery access key is not known to the S3 server)",
            "SignatureDoesNotMatch": " (the delivery secret key is wrong)",
        }.get(code or "", "")
        return DeliveryError(f"Cannot {action} s3://{self.bucket}/{key}: {text}{hint}")

    def put_file(self, key: str, path: str, content_type: str) -> None:
        """Upload a local file to ``key`` (one PUT up to ``SINGLE_PUT_BYTES``: a cell's COG is a few MB, and
        boto3's transfer manager costs a thread pool per call; larger files go up in parts)."""
        try:
            if os.path.getsize(path) <= SINGLE_PUT_BYTES:
                with open(path, "rb") as handle:
                    self.client.put_object(Bucket=self.bucket, Key=key, Body=handle, ContentType=content_type)
            else:
                self.client.upload_file(path, self.bucket, key, ExtraArgs={"ContentType": content_type})
        except Exception as exc:  # noqa: BLE001 - boto3/botocore/s3transfer raise several families
            raise self._error("write", key, exc) from None

    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        """Write ``data`` to ``key``."""
        try:
            self.client.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=content_type)
        except Exception as exc:  # noqa: BLE001
            raise self._error("write", key, exc) from None

    def existing_keys(self, prefix: str) -> Set[str]:
        """Every key under ``prefix`` (listing, not one HEAD per file)."""
        keys: Set[str] = set()
        try:
            pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix)
            for page in pages:
                for item in page.get("Contents") or []:
                    keys.add(item["Key"])
                    if len(keys) > MAX_KEYS_LISTED:
                        raise DeliveryError(f"more than {MAX_KEYS_LISTED} objects under s3://{self.bucket}/{prefix}")
        except DeliveryError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise self._error("list", prefix, exc) from None
        return keys

    def key(self, url: str) -> str:
        """The key of an ``s3://`` URL in this bucket."""
        bucket, key = split_s3_url(url)
        if bucket != self.bucket:
            raise DeliveryError(f"{url} is not in the delivery bucket {self.bucket}")
        return key


def output_urls(template: str, request_id: str, cell: Cell, outputs: Dict[str, str]) -> Dict[str, str]:
    """Output id → ``s3://`` URL of this cell's file."""
    return {
        oid: expand_template(template, request_id, cell.name, oid, output_extension(mime), tile_id=cell.id)
        for oid, mime in outputs.items()
    }


def write_execution_db(path: str, cells: Iterable[Cell]) -> None:
    """``features(id, name, status, error, delivered)`` as the service's execution database has it."""
    tmp = path + ".tmp"
    if os.path.exists(tmp):
        os.remove(tmp)
    con = sqlite3.connect(tmp)
    try:
        con.execute(
            "CREATE TABLE features (id INTEGER PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, error TEXT, "
            "delivered INTEGER NOT NULL DEFAULT 0)"
        )
        con.executemany(
            "INSERT INTO features(id, name, status, error, delivered) VALUES (?,?,?,?,?)",
            [(c.id, c.name, c.status, c.error, int(c.delivered)) for c in cells],
        )
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


def write_manifest(path: str, cells: List[Cell], template: str, request_id: str, outputs: Dict[str, str]) -> None:
    """``featureManifest-<id>.gpkg``: one table ``feature_<epsg>`` per CRS with one row per cell and output
    (``outputId, identifier, path, width, height`` and the rendered cell polygon, buffer included)."""
    if os.path.exists(path):
        os.remove(path)
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(path)
    if ds is None:
        raise DeliveryError(f"cannot create {path}")
    try:
        ds.StartTransaction()
        layers: Dict[int, ogr.Layer] = {}
        for cell in cells:
            layer = layers.get(cell.epsg)
            if layer is None:
                srs = osr.SpatialReference()
                srs.ImportFromEPSG(cell.epsg)
                srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
                layer = ds.CreateLayer(f"feature_{cell.epsg}", srs, ogr.wkbPolygon, ["FID=fid"])
                for name, kind in (
                    ("outputId", ogr.OFTString),
                    ("identifier", ogr.OFTString),
                    ("path", ogr.OFTString),
                    ("width", ogr.OFTInteger),
                    ("height", ogr.OFTInteger),
                ):
                    layer.CreateField(ogr.FieldDefn(name, kind))
                layers[cell.epsg] = layer
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for x, y in (
                (cell.minx, cell.miny),
                (cell.maxx, cell.miny),
                (cell.maxx, cell.maxy),
                (cell.minx, cell.maxy),
                (cell.minx, cell.miny),
            ):
                ring.AddPoint_2D(x, y)
            poly = ogr.Geometry(ogr.wkbPolygon)
            poly.AddGeometry(ring)
            for oid, url in output_urls(template, request_id, cell, outputs).items():
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetField("outputId", oid)
                feature.SetField("identifier", cell.name)
                feature.SetField("path", url)
                feature.SetField("width", int(cell.width))
                feature.SetField("height", int(cell.height))
                feature.SetGeometry(poly)
                layer.CreateFeature(feature)
        ds.CommitTransaction()
    finally:
        ds = None  # noqa: F841 - flush and close


def cell_key_prefix(template: str, request_id: str) -> Optional[str]:
    """The longest fixed key prefix of the task's outputs (what to list for existing files)."""
    from byoc_qgis.core.batch_paths import delivery_template

    full = delivery_template(template).replace("<requestId>", request_id)
    _, key = split_s3_url(full)
    cut = key.find("<")
    return key if cut < 0 else key[:cut]
