"""A collection for live view tests and the live view benchmark: two 3-band UInt16 COGs over the same UTM square,
sensed on two dates, with different values (date B = date A + 2000) and a no-data collar on date B.

Also the QGIS helpers the live view tests share: render a map extent (event loop spinning, as QGIS would), decode
a PNG as QGIS does (Qt), count the Process requests localhub received (its fault-injection log).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, List, Tuple

import numpy as np
import requests
from osgeo import osr

from .fixtures_rasters import UTM_EPSG, UTM_ORIGIN, data_window, geotransform, mem_dataset, valid_mask, write_cog

DATE_A = ("2021-03-01T00:00:00Z", "2021-03-31T23:59:59Z")
DATE_B = ("2021-06-01T00:00:00Z", "2021-06-30T23:59:59Z")
BOTH = ("2021-01-01T00:00:00Z", "2021-12-31T23:59:59Z")
BANDS = ["B_1", "B_2", "B_3"]
# localhub counts every Process request it receives as a fired "fault" that does nothing
COUNT_RULE = {"method": "POST", "path": "/api/v1/process", "probability": 1.0, "fault": {"delay": 0}}


@dataclass
class Scene:
    """The collection and what tests need to look at it."""

    client: Any
    collection: Any
    evalscript: str
    centre: Tuple[float, float]  # EPSG:3857
    size_m: float

    @property
    def collection_id(self) -> str:
        return self.collection.id


def make_client(hub):
    from byoc_qgis.core.auth import ClientCredentials
    from byoc_qgis.core.client import SentinelHubClient
    from byoc_qgis.core.deployments import custom_deployment

    return SentinelHubClient(
        custom_deployment(hub.base_url, hub.token_url), ClientCredentials(hub.client_id, hub.client_secret)
    )


def _cog(path: Path, px: int, pixel: float, offset: int, collar: bool) -> str:
    arrays = [data_window(px, px, 0, 0, px, px) + offset + band * 300 for band in range(3)]
    if collar:
        valid = valid_mask("collar", px, px)
        arrays = [np.where(valid, a, 0).astype(np.uint16) for a in arrays]
    src = mem_dataset(arrays, UTM_EPSG, geotransform(UTM_EPSG, pixel), 0, "UInt16")
    return write_cog(path, src, blocksize=256)


def build_scene(hub, folder: Path, px: int = 1200, pixel: float = 10.0) -> Scene:
    """Upload, register and ingest the two tiles; returns the scene (its client stays open)."""
    from byoc_qgis.core.ingestion import wait_for_collection
    from byoc_qgis.core.live_tiles import live_evalscript
    from byoc_qgis.core.models import Collection, Tile

    folder.mkdir(parents=True, exist_ok=True)
    client = make_client(hub)
    bucket = f"live-{uuid.uuid4().hex[:10]}"
    s3 = hub.s3.client()
    s3.create_bucket(Bucket=bucket)
    s3.upload_file(_cog(folder / "a.tif", px, pixel, 0, False), bucket, "a/B.tif")
    s3.upload_file(_cog(folder / "b.tif", px, pixel, 2000, True), bucket, "b/B.tif")
    col = client.byoc.create_collection(Collection(name=bucket, s3_bucket=bucket))
    client.byoc.create_tile(col.id, Tile("a/(BAND).tif", sensing_time="2021-03-10T10:00:00Z"))
    client.byoc.create_tile(col.id, Tile("b/(BAND).tif", sensing_time="2021-06-10T10:00:00Z"))
    result = wait_for_collection(client.byoc, col.id, timeout=120, initial_delay=0.2)
    assert result.ok, [t.failed_ingestion_cause for t in result.failed]
    deadline = time.monotonic() + 30
    col = client.byoc.get_collection(col.id)
    while col.max_meters_per_pixel is None or col.extent is None:  # computed a moment after ingestion
        assert time.monotonic() < deadline, "the collection's extent and maxMetersPerPixel never appeared"
        time.sleep(0.1)
        col = client.byoc.get_collection(col.id)
    assert sorted(col.bands) == BANDS, col.bands
    half = px * pixel / 2
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(UTM_EPSG)
    dst.ImportFromEPSG(3857)
    for ref in (src, dst):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y, _ = osr.CoordinateTransformation(src, dst).TransformPoint(UTM_ORIGIN[0] + half, UTM_ORIGIN[1] - half)
    script = live_evalscript(col, "true", BANDS)
    return Scene(client, col, script, (x, y), px * pixel)


def aligned_extent(z: int, centre: Tuple[float, float], cols: int, rows: int) -> Tuple[float, float, float, float]:
    """A tile-aligned EPSG:3857 extent of ``cols`` × ``rows`` tiles of zoom ``z`` around ``centre``."""
    from byoc_qgis.core.live_tiles import tile_bounds, tiles_for_extent

    (_, x, y), *_ = tiles_for_extent(z, (centre[0], centre[1], centre[0] + 1e-3, centre[1] + 1e-3))
    x0, y0 = x - (cols - 1) // 2, y - (rows - 1) // 2
    top_left = tile_bounds(z, x0, y0)
    bottom_right = tile_bounds(z, x0 + cols - 1, y0 + rows - 1)
    return top_left[0], bottom_right[1], bottom_right[2], top_left[3]


def process_png(scene: Scene, extent, width: int, height: int, time_range=BOTH, order="mostRecent") -> bytes:
    """A direct Process request (core client) of ``extent`` in EPSG:3857: the PNG the service answers."""
    from byoc_qgis.core.process import DataSource, OutputResponse, ProcessRequest

    request = ProcessRequest(
        evalscript=scene.evalscript,
        data=[DataSource(scene.collection_id, *time_range, mosaicking_order=order)],
        bbox=tuple(extent),
        crs=3857,
        width=width,
        height=height,
        responses=[OutputResponse(format="image/png")],
    )
    return scene.client.process.process(request).single()


def qimage_array(image) -> np.ndarray:
    """A QImage as (rows, cols, 4) uint8 in Qt's ARGB32 byte order (B, G, R, A on little-endian machines);
    transparent pixels set to 0 in every channel (premultiplied and straight alpha then compare equal)."""
    from qgis.PyQt.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    w, h = image.width(), image.height()
    ptr = image.constBits()
    ptr.setsize(image.bytesPerLine() * h)
    arr = np.frombuffer(ptr, np.uint8).reshape(h, image.bytesPerLine())[:, : w * 4].reshape(h, w, 4).copy()
    arr[arr[..., 3] == 0] = 0
    return arr


def decode_like_qgis(png: bytes) -> np.ndarray:
    """A PNG decoded by Qt (as QGIS's XYZ client decodes tiles), with colour 0 transparent as the live view marks
    it (:func:`byoc_qgis.core.live_png.with_transparent_zero`)."""
    from qgis.PyQt.QtGui import QImage

    from byoc_qgis.core.live_png import with_transparent_zero

    image = QImage.fromData(with_transparent_zero(png), "PNG")
    assert not image.isNull()
    return qimage_array(image)


def render(layers: List[Any], extent, width: int, height: int, timeout: float = 120.0, crs: str = "EPSG:3857"):
    """Render ``layers`` over ``extent`` like a canvas does (parallel job), spinning the event loop meanwhile."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsMapRendererParallelJob, QgsMapSettings, QgsRectangle
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    from .watchdog import wait_until

    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    settings.setOutputSize(QSize(width, height))
    settings.setExtent(QgsRectangle(*extent))
    settings.setBackgroundColor(QColor(0, 0, 0, 0))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    assert wait_until(lambda: not job.isActive(), timeout), "render did not finish"
    return job.renderedImage()


def process_requests_seen(hub) -> int:
    """How many Process requests localhub received (COUNT_RULE must be among its fault rules)."""
    state = requests.get(f"{hub.base_url}/localhub/faults", timeout=10).json()
    return sum(1 for f in state["fired"] if f["path"] == "/api/v1/process")


def set_faults(hub, rules: list) -> None:
    """Replace localhub's fault rules (COUNT_RULE is appended so requests stay counted); resets the counts."""
    r = requests.put(f"{hub.base_url}/localhub/faults", json={"rules": [*rules, COUNT_RULE]}, timeout=10)
    assert r.status_code < 300, r.text
