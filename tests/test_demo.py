"""`make demo`'s workflow (scripts/demo.py) end to end in this lane's QGIS: localhub + S3 started and stopped,
the demo COGs, every step through qgis_process, the GeoTIFF and the PNG map; and the services stop on failure."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import requests
from osgeo import gdal

REPO = Path(__file__).resolve().parent.parent
SECRETS = ("localhub-demo-secret", "localhub-secret")


def _read_raster(path: Path):
    """(bands as numpy arrays, size, projection WKT, driver); no GDAL object outlives the call (a dataset
    collected after QGIS has exited crashes the LTR lane's interpreter at exit)."""
    ds = gdal.Open(str(path))
    try:
        bands = [ds.GetRasterBand(i + 1).ReadAsArray() for i in range(ds.RasterCount)]
        return bands, (ds.RasterXSize, ds.RasterYSize), ds.GetProjection(), ds.GetDriver().ShortName
    finally:
        ds = None


def _feature_count(path: Path) -> int:
    ds = gdal.OpenEx(str(path))
    try:
        return ds.GetLayer(0).GetFeatureCount()
    finally:
        ds = None


def _run_demo(out: Path, *extra: str, timeout: float = 600) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(REPO / "scripts" / "demo.py"), "--out", str(out), *extra]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout)


def _base_url(stdout: str) -> str:
    m = re.search(r"services: done in [\d.]+ s — (http://127\.0\.0\.1:\d+)", stdout)
    assert m, stdout
    return m.group(1)


def _assert_stopped(url: str) -> None:
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/openapi.json", timeout=5)


@pytest.mark.slow
def test_demo_end_to_end(tmp_path):
    out = tmp_path / "demo-output"
    summary_file = tmp_path / "summary.json"
    proc = _run_demo(out, "--pixel", "480", "--json", str(summary_file))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    summary = json.loads(summary_file.read_text())
    assert (summary["registered"], summary["failed"], summary["ingested"], summary["tiles_in_layer"]) == (6, 0, 6, 6)
    assert summary["input_files"] == 24
    # the seed's false-colour evalscript: 4 bands (NIR, red, green, dataMask) over the Caspian bbox, in UTM 39N
    bands, _size, wkt, _driver = _read_raster(out / "caspian_false_color.tif")
    assert len(bands) == 4
    assert "39N" in wkt or "32639" in wkt
    nir, red, alpha = bands[0], bands[1], bands[3]
    assert (alpha == 255).mean() > 0.95  # the tiles cover the whole bbox
    land = nir > 100
    assert 0.01 < land.mean() < 0.9  # land and sea from world_map.gpkg both present
    assert nir[land].mean() > red[land].mean()  # land is red in false colour
    # the map: a real picture with the tile outlines (yellow) on it
    bands, size, _wkt, driver = _read_raster(out / "caspian_false_color_map.png")
    rgb = np.dstack(bands[:3]).astype(int)
    assert driver == "PNG" and size[0] >= 1000
    yellow = (rgb[..., 0] > 200) & (rgb[..., 1] > 180) & (rgb[..., 2] < 80)
    assert yellow.mean() > 0.002
    assert rgb.std() > 10
    assert _feature_count(out / "tiles.gpkg") == 6
    # the batch step: six cells of the UTM 20 km grid delivered, one VRT mosaic over /vsis3/ drawn on the map (water
    # blue inside the cells' cyan outlines)
    assert (summary["batch_status"], summary["batch_cells"], summary["batch_delivered"]) == ("DONE", 6, 6)
    assert summary["batch_mosaics"] == 1 and _feature_count(out / "batch_cells.gpkg") == 6
    [vrt] = list((out / "batch").glob("*.vrt"))
    assert "/vsis3/caspian-batch/caspian/" in vrt.read_text() and "EPSG32639" in vrt.name
    cyan = (rgb[..., 0] < 60) & (rgb[..., 1] > 200) & (rgb[..., 2] > 230)
    water_blue = (rgb[..., 0] < 60) & (rgb[..., 1] < 110) & (rgb[..., 2] > 180)
    assert cyan.mean() > 0.002 and water_blue.mean() > 0.05
    # services stopped, no secret printed or written
    assert "localhub and its S3 server stopped" in proc.stdout
    _assert_stopped(_base_url(proc.stdout))
    texts = [proc.stdout, proc.stderr] + [p.read_text(errors="replace") for p in (out / "logs").iterdir()]
    for secret in SECRETS:
        assert all(secret not in t for t in texts)


def test_demo_stops_services_on_failure(tmp_path):
    proc = _run_demo(tmp_path / "out", "--pixel", "1")
    assert proc.returncode == 1
    assert "demo: FAILED" in proc.stderr and "pixel size" in proc.stderr
    assert "localhub and its S3 server stopped" in proc.stdout
    _assert_stopped(_base_url(proc.stdout))
