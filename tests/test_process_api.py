"""Process API end to end: sentinelhub-py's SentinelHubRequest (and raw HTTP for the error cases) against a real
localhub process, reading synthetic COGs with known values from the moto S3 server through GDAL /vsis3/.

Layout (UTM 39N, 100 m pixels, the Caspian bbox of the seed docs lies over tiles A and B):

- A: 2019-11-27, x 400000..462000; B: 2019-11-28, x 458000..520000 (A and B overlap over 40 columns).
- C: 2019-11-27 near x 600000, cover geometry = a pentagon smaller than the data, a no-data block inside it.
- T1, T2: same sensing time 2019-11-29 and the same footprint near x 700000; T2 is created later.
"""

from __future__ import annotations

import io
import json
import tarfile
import time
import uuid
from dataclasses import dataclass, field
from typing import Dict

import numpy as np
import pytest
from osgeo import gdal

from .fixtures_rasters import mem_dataset, write_cog

pytestmark = pytest.mark.timeout(300)

EPSG = 32639
PX = 100.0
BANDS = ("B02", "B03", "B04", "B08")
CONST = {  # per tile: constant B03, B04, B08; B02 is a per-pixel pattern (tile-specific offset)
    "A": {"B03": 800, "B04": 1500, "B08": 3000, "offset": 0},
    "B": {"B03": 900, "B04": 1600, "B08": 2000, "offset": 7},
    "C": {"B03": 700, "B04": 1000, "B08": 4000, "offset": 3},
    "T1": {"B03": 100, "B04": 111, "B08": 300, "offset": 1},
    "T2": {"B03": 200, "B04": 222, "B08": 300, "offset": 2},
}
GRIDS = {  # x0, y0 (upper-left), width, height in pixels
    "A": (400000.0, 5025000.0, 620, 850),
    "B": (458000.0, 5025000.0, 620, 850),
    "C": (600000.0, 5000000.0, 300, 300),
    "T1": (700000.0, 5000000.0, 300, 300),
    "T2": (700000.0, 5000000.0, 300, 300),
}
SENSING = {
    "A": "2019-11-27T08:00:00Z",
    "B": "2019-11-28T08:00:00Z",
    "C": "2019-11-27T09:00:00Z",
    "T1": "2019-11-29T08:00:00Z",
    "T2": "2019-11-29T08:00:00Z",
}
C_NODATA = (slice(40, 60), slice(40, 60))  # rows, cols of the no-data block inside C's cover
CASPIAN = [49.9604, 44.7176, 51.0481, 45.2324]

FALSE_COLOR = """//VERSION=3
function setup() {
  return {
    input: ["B08","B04","B03", "dataMask"],
    output: { bands: 4 },
  };
}
var f = 2.5/10000;
function evaluatePixel(sample) {
  return [f*sample.B08, f*sample.B04, f*sample.B03, sample.dataMask];
}
"""


def b02_pattern(name: str, height: int, width: int) -> np.ndarray:
    """Unique-per-block B02 values (never 0, the no-data value) so any misalignment shows."""
    rows, cols = np.mgrid[0:height, 0:width]
    return (1 + (cols % 200) * 300 + (rows % 250) + CONST[name]["offset"]).astype(np.uint16)


def band_array(name: str, band: str) -> np.ndarray:
    _x0, _y0, w, h = GRIDS[name]
    if band == "B02":
        a = b02_pattern(name, h, w)
    else:
        a = np.full((h, w), CONST[name][band], np.uint16)
    if name == "C":
        a = a.copy()
        a[C_NODATA] = 0
    return a


def c_cover() -> dict:
    x0, y0, _w, _h = GRIDS["C"]
    ring = [
        [x0 + 5_013, y0 - 1_037],
        [x0 + 20_029, y0 - 2_011],
        [x0 + 25_041, y0 - 15_023],
        [x0 + 12_007, y0 - 28_019],
        [x0 + 2_031, y0 - 20_003],
        [x0 + 5_013, y0 - 1_037],
    ]
    return {
        "type": "Polygon",
        "crs": {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{EPSG}"}},
        "coordinates": [ring],
    }


@dataclass
class World:
    hub: object
    collection_id: str
    bucket: str
    tiles: Dict[str, dict] = field(default_factory=dict)
    collection: dict = field(default_factory=dict)

    def config(self):
        return self.hub.sh_config()

    def collection_dc(self):
        from sentinelhub import DataCollection

        return DataCollection.define_byoc(self.collection_id)

    def process_url(self) -> str:
        return self.hub.base_url + "/api/v1/process"


@pytest.fixture(scope="module")
def world(localhub, tmp_path_factory) -> World:
    """One collection with five ingested tiles (20 small COGs in moto S3)."""
    folder = tmp_path_factory.mktemp("process-tiles")
    s3 = localhub.s3.client()
    bucket = f"process-{uuid.uuid4().hex[:10]}"
    s3.create_bucket(Bucket=bucket)
    for name, (x0, y0, _w, _h) in GRIDS.items():
        for band in BANDS:
            ds = mem_dataset([band_array(name, band)], EPSG, (x0, PX, 0.0, y0, 0.0, -PX), nodata=0)
            path = write_cog(folder / f"{name}-{band}.tif", ds, blocksize=256)
            s3.upload_file(path, bucket, f"{name}/{band}.tif")
    session = localhub.session()
    bands = {b: {"source": b, "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT", "noData": 0} for b in BANDS}
    r = session.post(
        localhub.byoc_url + "/collections",
        json={"name": "process tests", "s3Bucket": bucket, "additionalData": {"bands": bands}},
        timeout=10,
    )
    assert r.status_code == 201, r.text
    cid = r.json()["data"]["id"]
    w = World(localhub, cid, bucket)
    for name in GRIDS:
        payload = {"path": f"{name}/(BAND).tif", "sensingTime": SENSING[name]}
        if name == "C":
            payload["coverGeometry"] = c_cover()
        r = session.post(f"{localhub.byoc_url}/collections/{cid}/tiles", json=payload, timeout=10)
        assert r.status_code == 201, r.text
        tile = localhub.wait_for_tile(session, cid, r.json()["data"]["id"])
        assert tile["status"] == "INGESTED", tile
        w.tiles[name] = tile
        if name == "T1":
            time.sleep(0.05)  # T2 strictly later-created
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        coll = session.get(f"{localhub.byoc_url}/collections/{cid}", timeout=10).json()["data"]
        if coll["additionalData"].get("maxMetersPerPixel") and not coll.get("requiresMetadataUpdate"):
            w.collection = coll
            break
        time.sleep(0.1)
    assert w.collection, "collection metadata (maxMetersPerPixel) was never computed"
    return w


def utm_bbox(x0: float, y0: float, width: int, height: int):
    from sentinelhub import CRS, BBox

    return BBox((x0, y0 - height * PX, x0 + width * PX, y0), crs=CRS(EPSG))


def sh_request(world: World, evalscript: str, bbox, size, responses=None, **input_args):
    from sentinelhub import MimeType, SentinelHubRequest

    responses = responses or [SentinelHubRequest.output_response("default", MimeType.TIFF)]
    return SentinelHubRequest(
        evalscript=evalscript,
        input_data=[SentinelHubRequest.input_data(data_collection=world.collection_dc(), **input_args)],
        responses=responses,
        bbox=bbox,
        size=size,
        config=world.config(),
    )


def raw_body(world: World, evalscript: str = FALSE_COLOR, **output) -> dict:
    out = {"width": 256, "height": 128, "responses": [{"identifier": "default", "format": {"type": "image/png"}}]}
    out.update(output)
    return {
        "input": {
            "bounds": {"bbox": CASPIAN, "properties": {"crs": "http://www.opengis.net/def/crs/EPSG/0/4326"}},
            "data": [{"type": f"byoc-{world.collection_id}"}],
        },
        "output": {k: v for k, v in out.items() if v is not None},
        "evalscript": evalscript,
    }


def error_of(response) -> dict:
    assert response.status_code == 400 or response.status_code == 404, (response.status_code, response.text)
    return response.json()["error"]


# ------------------------------------------------------------------------------------------------------------
# sentinelhub-py requests


def test_seed_false_colour_over_caspian_png(world):
    """The seed docs' request: PNG, size from bbox_to_dimensions(bbox, 100), WGS84 bbox over UTM tiles."""
    from sentinelhub import CRS, BBox, MimeType, SentinelHubRequest, bbox_to_dimensions

    bbox = BBox(CASPIAN, crs=CRS.WGS84)
    size = bbox_to_dimensions(bbox, 100)
    request = sh_request(
        world,
        FALSE_COLOR,
        bbox,
        size,
        responses=[SentinelHubRequest.output_response("default", MimeType.PNG)],
        time_interval=("2019-11-27", "2019-11-28"),
    )
    image = request.get_data()[0]
    assert image.shape == (size[1], size[0], 4) and image.dtype == np.uint8
    assert (image[..., 3] == 255).all(), "the bbox is fully covered by tiles A and B"
    # mostRecent: B (2019-11-28) wins where it has its cover; A elsewhere.
    expected_a = [round(3000 * 2.5e-4 * 255), round(1500 * 2.5e-4 * 255), round(800 * 2.5e-4 * 255)]
    expected_b = [round(2000 * 2.5e-4 * 255), round(1600 * 2.5e-4 * 255), round(900 * 2.5e-4 * 255)]
    west, east = image[:, 5, :3], image[:, -5, :3]
    assert (west == expected_a).all() and (east == expected_b).all()
    colours = {tuple(c) for c in image[..., :3].reshape(-1, 3)}
    assert colours == {tuple(expected_a), tuple(expected_b)}


def test_bbox_corners_in_any_order_give_the_same_image(world):
    session = world.hub.session()
    a = session.post(world.process_url(), json=raw_body(world), timeout=60)
    reversed_bbox = raw_body(world)
    reversed_bbox["input"]["bounds"]["bbox"] = [CASPIAN[2], CASPIAN[3], CASPIAN[0], CASPIAN[1]]
    b = session.post(world.process_url(), json=reversed_bbox, timeout=60)
    assert a.status_code == b.status_code == 200
    assert a.headers["content-type"] == "image/png"
    assert a.content == b.content


def test_native_grid_float32_reads_exact_values(world):
    """A UTM request on tile A's own grid returns its B02 pattern exactly, georeferenced like the request."""
    x0, y0, _w, _h = GRIDS["A"]
    script = """//VERSION=3
function setup() { return { input: ["B02"], output: { bands: 1, sampleType: "FLOAT32" } }; }
function evaluatePixel(s) { return [s.B02]; }
"""
    bbox = utm_bbox(x0 + 1000, y0 - 2000, 300, 200)
    data = sh_request(world, script, bbox, (300, 200), time_interval=("2019-11-27", "2019-11-27")).get_data()[0]
    assert data.dtype == np.float32 and data.shape == (200, 300)
    expected = b02_pattern("A", 850, 620)[20:220, 10:310]
    np.testing.assert_array_equal(data, expected.astype(np.float32))


def test_true_colour_auto_and_ndvi_float32(world):
    from sentinelhub import MimeType, SentinelHubRequest

    x0, y0, _w, _h = GRIDS["A"]
    bbox = utm_bbox(x0 + 1000, y0 - 1000, 100, 80)
    true_colour = """//VERSION=3
function setup() { return { input: ["B04", "B03", "B08"], output: { bands: 3 } }; }
function evaluatePixel(s) { return [s.B04 / 3000, s.B03 / 3000, s.B08 / 2000]; }
"""
    rgb = sh_request(
        world,
        true_colour,
        bbox,
        (100, 80),
        responses=[SentinelHubRequest.output_response("default", MimeType.PNG)],
        time_interval=("2019-11-27", "2019-11-27"),
    ).get_data()[0]
    assert rgb.dtype == np.uint8 and rgb.shape == (80, 100, 3)
    # AUTO: ×255, rounded, clamped: 1500/3000 → 128 (127.5 rounds up), 800/3000 → 68, 3000/2000 → clamped 255
    assert (rgb == [128, 68, 255]).all()
    ndvi_script = """//VERSION=3
function setup() { return { input: ["B04", "B08"], output: { bands: 1, sampleType: "FLOAT32" } }; }
function evaluatePixel(s) { return [index(s.B08, s.B04)]; }
"""
    ndvi = sh_request(world, ndvi_script, bbox, (100, 80), time_interval=("2019-11-27", "2019-11-27")).get_data()[0]
    assert ndvi.dtype == np.float32
    np.testing.assert_allclose(ndvi, np.float32((3000 - 1500) / 4500), rtol=1e-6)


def test_data_mask_follows_cover_edges_and_nodata(world):
    """dataMask = 1 exactly where the pixel centre is inside the cover and the pixel has data."""
    from osgeo import ogr

    x0, y0, w, h = GRIDS["C"]
    script = """//VERSION=3
function setup() { return { input: ["B04", "dataMask"], output: { bands: 2, sampleType: "UINT16" } }; }
function evaluatePixel(s) { return [s.B04, s.dataMask]; }
"""
    data = sh_request(world, script, utm_bbox(x0, y0, w, h), (w, h)).get_data()[0]
    cover = ogr.CreateGeometryFromJson(json.dumps({k: v for k, v in c_cover().items() if k != "crs"}))
    expected = np.zeros((h, w), np.uint16)
    for row in range(h):
        for col in range(w):
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(x0 + (col + 0.5) * PX, y0 - (row + 0.5) * PX)
            expected[row, col] = cover.Contains(point)
    expected[C_NODATA] = 0
    np.testing.assert_array_equal(data[..., 1], expected)
    # bands are the tile's values inside, 0 where no data or outside the cover
    np.testing.assert_array_equal(data[..., 0], expected * 1000)


def test_most_recent_vs_least_recent_where_tiles_overlap(world):
    from sentinelhub import MosaickingOrder

    script = """//VERSION=3
function setup() { return { input: ["B04"], output: { bands: 1, sampleType: "UINT16" } }; }
function evaluatePixel(s) { return [s.B04]; }
"""
    bbox = utm_bbox(458000.0, 5000000.0, 40, 20)  # the 40 overlapping columns of A and B
    newest = sh_request(world, script, bbox, (40, 20), mosaicking_order=MosaickingOrder.MOST_RECENT).get_data()[0]
    oldest = sh_request(world, script, bbox, (40, 20), mosaicking_order=MosaickingOrder.LEAST_RECENT).get_data()[0]
    assert (newest == 1600).all() and (oldest == 1500).all()
    # equal sensing times: the later-created tile (T2) wins in both orders
    tie_box = utm_bbox(*GRIDS["T1"][:2], 30, 30)
    for order in (MosaickingOrder.MOST_RECENT, MosaickingOrder.LEAST_RECENT):
        tie = sh_request(world, script, tie_box, (30, 30), mosaicking_order=order).get_data()[0]
        assert (tie == 222).all(), order


def test_orbit_stack_per_date_with_userdata_tar(world):
    from sentinelhub import MimeType, SentinelHubRequest

    script = """//VERSION=3
function setup() {
  return { input: ["B04", "dataMask"], output: { bands: 1, sampleType: "UINT16" }, mosaicking: Mosaicking.ORBIT };
}
function updateOutput(outputs, collection) { outputs.default.bands = collection.scenes.length; }
function evaluatePixel(samples, scenes) {
  return samples.map((s) => s.dataMask ? s.B04 : 9);
}
function updateOutputMetadata(scenes, inputMetadata, outputMetadata) {
  outputMetadata.userData = { dates: scenes.orbits.map((o) => o.dateFrom),
    tiles: scenes.orbits.map((o) => o.tiles.length), norm: inputMetadata.normalizationFactor };
}
"""
    bbox = utm_bbox(440000.0, 5000000.0, 300, 10)  # over A only, the overlap and B only
    responses = [
        SentinelHubRequest.output_response("default", MimeType.TIFF),
        SentinelHubRequest.output_response("userdata", MimeType.JSON),
    ]
    result = sh_request(
        world, script, bbox, (300, 10), responses=responses, time_interval=("2019-11-26", "2019-11-30")
    ).get_data()[0]
    assert set(result) == {"default.tif", "userdata.json"}
    stack, meta = result["default.tif"], result["userdata.json"]
    assert meta["dates"] == ["2019-11-28T00:00:00Z", "2019-11-27T00:00:00Z"]  # mostRecent first, one per day
    assert meta["tiles"] == [1, 1] and meta["norm"] == 1
    assert stack.shape == (10, 300, 2) and stack.dtype == np.uint16
    # columns: x 440000 + 100*c; A ends at 462000 (c < 220), B starts at 458000 (c >= 180)
    assert (stack[:, :180, 0] == 9).all() and (stack[:, 180:, 0] == 1600).all()
    assert (stack[:, :220, 1] == 1500).all() and (stack[:, 220:, 1] == 9).all()


def test_orbit_pre_process_scenes_drops_a_date(world):
    script = """//VERSION=3
function setup() {
  return { input: ["B04"], output: { bands: 1, sampleType: "UINT16" }, mosaicking: Mosaicking.ORBIT };
}
function preProcessScenes(collections) {
  collections.scenes.orbits = collections.scenes.orbits.filter((o) => !o.dateFrom.startsWith("2019-11-28"));
  return collections;
}
function updateOutput(outputs, collection) { outputs.default.bands = collection.scenes.length; }
function evaluatePixel(samples) { return samples.map((s) => s.B04); }
"""
    bbox = utm_bbox(458000.0, 5000000.0, 20, 10)  # where A and B overlap: B would win a SIMPLE mosaic
    data = sh_request(world, script, bbox, (20, 10), time_interval=("2019-11-26", "2019-11-30")).get_data()[0]
    assert data.shape == (10, 20) and (data == 1500).all()


def test_tile_mosaicking_counts_tiles_per_pixel_and_pre_process_scenes(world):
    script = """//VERSION=3
function setup() {
  return { input: ["B04", "dataMask"], output: { bands: 2, sampleType: "UINT16" }, mosaicking: "TILE" };
}
function preProcessScenes(collections) {
  collections.scenes.tiles = collections.scenes.tiles.filter((t) => t.date.startsWith("2019-11-2"));
  return collections;
}
function evaluatePixel(samples, scenes) {
  let n = 0, sum = 0;
  for (const s of samples) { if (s.dataMask) { n += 1; sum += s.B04; } }
  return [n, scenes.tiles.length * 1000 + sum / Math.max(n, 1)];
}
"""
    bbox = utm_bbox(440000.0, 5000000.0, 300, 10)
    data = sh_request(world, script, bbox, (300, 10), time_interval=("2019-11-26", "2019-11-30")).get_data()[0]
    count, value = data[..., 0], data[..., 1]
    assert (count[:, :180] == 1).all() and (count[:, 180:220] == 2).all() and (count[:, 220:] == 1).all()
    assert (value[:, :180] == 2000 + 1500).all() and (value[:, 220:] == 2000 + 1600).all()
    assert (value[:, 180:220] == 2000 + 1550).all()


def test_formats_tiff_png_jpeg_and_geotiff_georeferencing(world):
    session = world.hub.session()
    x0, y0, _w, _h = GRIDS["A"]
    bounds = {
        "bbox": [x0, y0 - 5000, x0 + 8000, y0],
        "properties": {"crs": f"http://www.opengis.net/def/crs/EPSG/0/{EPSG}"},
    }
    script = """//VERSION=3
function setup() {
  return { input: ["B04", "dataMask"], output: [
    { id: "rgb", bands: 3 }, { id: "grey", bands: 1, sampleType: "UINT16", nodataValue: 65535 }] };
}
function evaluatePixel(s) { return { rgb: [s.B04 / 3000, 0, 1], grey: [s.B04] }; }
"""

    def post(fmt, identifier, accept=None, **extra):
        body = {
            "input": {"bounds": bounds, "data": [{"type": f"byoc-{world.collection_id}"}]},
            "output": {
                "width": 80,
                "height": 50,
                "responses": [{"identifier": identifier, "format": {"type": fmt, **extra}}],
            },
            "evalscript": script,
        }
        headers = {"Accept": accept} if accept else {}
        return session.post(world.process_url(), json=body, headers=headers, timeout=60)

    tif = post("image/tiff", "grey")
    assert tif.status_code == 200 and tif.headers["content-type"] == "image/tiff"
    assert float(tif.headers["x-processingunits-spent"]) > 0
    gdal.FileFromMemBuffer("/vsimem/process-test.tif", tif.content)
    try:
        ds = gdal.Open("/vsimem/process-test.tif")
        assert ds.GetGeoTransform() == pytest.approx((x0, 100.0, 0.0, y0, 0.0, -100.0))
        assert ds.GetSpatialRef().GetAuthorityCode(None) == str(EPSG)
        assert ds.GetRasterBand(1).GetNoDataValue() == 65535
        assert ds.GetRasterBand(1).DataType == gdal.GDT_UInt16
        assert (ds.ReadAsArray() == 1500).all()
        ds = None
    finally:
        gdal.Unlink("/vsimem/process-test.tif")
    png = post("image/png", "rgb")
    assert png.headers["content-type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    jpeg = post("image/jpeg", "rgb", quality=70)
    assert jpeg.headers["content-type"] == "image/jpeg" and jpeg.content[:3] == b"\xff\xd8\xff"
    # the Accept header wins over format.type
    accepted = post("image/png", "grey", accept="image/tiff")
    assert accepted.headers["content-type"] == "image/tiff" and accepted.content[:4] in (b"II*\x00", b"MM\x00*")
    # PNG takes 1, 3 or 4 bands; JPEG cannot be 16-bit
    bad_jpeg = post("image/jpeg", "grey")
    assert error_of(bad_jpeg)["code"] == "COMMON_BAD_PAYLOAD" and "JPEG" in error_of(bad_jpeg)["message"]


def test_tar_with_several_outputs_and_userdata_and_multipart_body(world):
    """Raw HTTP: multipart/form-data request body, tar answer with <identifier>.<ext> members."""
    session = world.hub.session()
    script = """//VERSION=3
function setup() {
  return { input: ["B04"], output: [{ id: "a", bands: 1 }, { id: "b", bands: 1, sampleType: "INT16" }] };
}
function evaluatePixel(s) { return { a: [0.5], b: [-s.B04] }; }
function updateOutputMetadata(scenes, inputMetadata, outputMetadata) {
  outputMetadata.userData = { norm_factor: 1.0e-4 };
}
"""
    request = raw_body(world, script)
    request["output"]["responses"] = [
        {"identifier": "a", "format": {"type": "image/png"}},
        {"identifier": "b", "format": {"type": "image/tiff"}},
        {"identifier": "userdata", "format": {"type": "application/json"}},
    ]
    del request["evalscript"]
    files = {"request": (None, json.dumps(request), "application/json"), "evalscript": (None, script, "text/plain")}
    r = session.post(world.process_url(), files=files, headers={"Accept": "application/x-tar"}, timeout=60)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/x-tar"
    with tarfile.open(fileobj=io.BytesIO(r.content)) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    assert set(members) == {"a.png", "b.tif", "userdata.json"}
    assert json.loads(members["userdata.json"]) == {"norm_factor": 0.0001}
    gdal.FileFromMemBuffer("/vsimem/process-b.tif", members["b.tif"])
    try:
        b = gdal.Open("/vsimem/process-b.tif").ReadAsArray()
    finally:
        gdal.Unlink("/vsimem/process-b.tif")
    assert b.dtype == np.int16 and set(np.unique(b)) <= {-1500, -1600}


def test_legacy_custom_type_and_request_crs_variants(world):
    """The seed docs' {"type": "CUSTOM", "dataFilter": {"collectionId"}} and bounds in 3857, UTM, 3035, CRS84."""
    session = world.hub.session()
    script = """//VERSION=3
function setup() { return { input: ["dataMask"], output: { bands: 1, sampleType: "UINT8" } }; }
function evaluatePixel(s) { return [s.dataMask]; }
"""
    from osgeo import osr

    def bbox_in(epsg):
        src = osr.SpatialReference()
        src.ImportFromEPSG(EPSG)
        dst = osr.SpatialReference()
        dst.ImportFromEPSG(epsg)
        for ref in (src, dst):
            ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        tr = osr.CoordinateTransformation(src, dst)
        xs, ys = [], []
        for x, y in ((420000, 4990000), (440000, 4990000), (420000, 5010000), (440000, 5010000)):
            px, py, _ = tr.TransformPoint(x, y)
            xs.append(px)
            ys.append(py)
        return [min(xs), min(ys), max(xs), max(ys)]

    crs_urls = {
        3857: "http://www.opengis.net/def/crs/EPSG/0/3857",
        3035: "http://www.opengis.net/def/crs/EPSG/0/3035",
        EPSG: f"http://www.opengis.net/def/crs/EPSG/0/{EPSG}",
        4326: "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
    }
    for epsg, url in crs_urls.items():
        body = {
            "input": {
                "bounds": {"bbox": bbox_in(epsg), "properties": {"crs": url}},
                "data": [{"type": "CUSTOM", "dataFilter": {"collectionId": world.collection_id}}],
            },
            "output": {
                "width": 80,
                "height": 80,
                "responses": [{"identifier": "default", "format": {"type": "image/tiff"}}],
            },
            "evalscript": script,
        }
        r = session.post(world.process_url(), json=body, timeout=60)
        assert r.status_code == 200, (epsg, r.text)
        gdal.FileFromMemBuffer("/vsimem/process-crs.tif", r.content)
        try:
            mask = gdal.Open("/vsimem/process-crs.tif").ReadAsArray()
        finally:
            gdal.Unlink("/vsimem/process-crs.tif")
        assert mask.all(), epsg  # the whole bbox lies inside tile A


def test_geometry_bounds_limit_data_to_the_polygon(world):
    session = world.hub.session()
    x0, y0 = 420000.0, 5000000.0
    # legs of 4050 m: no pixel centre lies on the hypotenuse; the bbox fixes the grid to 100 m pixels
    triangle = {"type": "Polygon", "coordinates": [[[x0, y0], [x0 + 4050, y0], [x0, y0 - 4050], [x0, y0]]]}
    body = {
        "input": {
            "bounds": {
                "bbox": [x0, y0 - 4000, x0 + 4000, y0],
                "geometry": triangle,
                "properties": {"crs": f"http://www.opengis.net/def/crs/EPSG/0/{EPSG}"},
            },
            "data": [{"type": f"byoc-{world.collection_id}"}],
        },
        "output": {
            "width": 40,
            "height": 40,
            "responses": [{"identifier": "default", "format": {"type": "image/tiff"}}],
        },
        "evalscript": """//VERSION=3
function setup() { return { input: ["dataMask"], output: { bands: 1, sampleType: "UINT8", nodataValue: 7 } }; }
function evaluatePixel(s) { return [s.dataMask]; }
""",
    }
    r = session.post(world.process_url(), json=body, timeout=60)
    assert r.status_code == 200, r.text
    gdal.FileFromMemBuffer("/vsimem/process-geom.tif", r.content)
    try:
        mask = gdal.Open("/vsimem/process-geom.tif").ReadAsArray()
    finally:
        gdal.Unlink("/vsimem/process-geom.tif")
    rows, cols = np.mgrid[0:40, 0:40]
    inside = rows + cols <= 39
    assert (mask[inside] == 1).all() and (mask[~inside] == 7).all()


# ------------------------------------------------------------------------------------------------------------
# errors: shapes and texts as the service sends them


def test_error_empty_body_and_missing_evalscript(world):
    session = world.hub.session()
    r = session.post(world.process_url(), data=b"", headers={"Content-Type": "application/json"}, timeout=30)
    assert r.json() == {
        "error": {
            "status": 400,
            "reason": "Bad Request",
            "message": "Request body should be non-empty.",
            "code": "COMMON_BAD_PAYLOAD",
        }
    }
    body = raw_body(world)
    body["evalscript"] = "  "
    r = session.post(world.process_url(), json=body, timeout=30)
    assert r.json() == {
        "error": {
            "status": 400,
            "reason": "Bad Request",
            "message": "Missing or empty evalscript.",
            "code": "COMMON_EXCEPTION",
        }
    }


def test_error_sizes(world):
    session = world.hub.session()
    r = session.post(world.process_url(), json=raw_body(world, width=64, height=64, resx=0.001, resy=0.001), timeout=30)
    err = error_of(r)
    assert err["code"] == "COMMON_BAD_PAYLOAD"
    assert err["message"] == "Only width and height or resx and resy can be set at the same time."
    r = session.post(
        world.process_url(), json=raw_body(world, width=None, height=None, resx=0.0004145, resy=0.001), timeout=30
    )
    err = error_of(r)
    assert err == {
        "status": 400,
        "reason": "Bad Request",
        "message": "`width = 2624`, calculated from resx, is larger than allowed 2500.\n",
        "code": "COMMON_BAD_PAYLOAD",
        "errors": [
            {
                "parameter": "output->resx",
                "violation": "`width = 2624`, calculated from resx, is larger than allowed 2500.",
            }
        ],
    }
    err = error_of(session.post(world.process_url(), json=raw_body(world, width=2501), timeout=30))
    assert err["code"] == "COMMON_BAD_PAYLOAD" and err["errors"][0]["parameter"] == "output->width"
    assert "2501" in err["message"] and "2500" in err["message"]


def test_error_resolution_over_collection_limit(world):
    limit = world.collection["additionalData"]["maxMetersPerPixel"]
    session = world.hub.session()
    x0, y0, w, _h = GRIDS["A"]
    body = raw_body(world, width=4, height=4)
    body["input"]["bounds"] = {
        "bbox": [x0, y0 - 4 * limit * 1.5, x0 + 4 * limit * 1.5, y0],
        "properties": {"crs": f"http://www.opengis.net/def/crs/EPSG/0/{EPSG}"},
    }
    err = error_of(session.post(world.process_url(), json=body, timeout=30))
    assert err["code"] == "COMMON_EXCEPTION"
    assert (
        err["message"].startswith("Your request of ")
        and f"exceeds the limit {float(limit)} meters per pixel" in err["message"]
    )
    assert world.collection_id in err["message"]


def test_error_unknown_band_and_script_exceptions(world):
    session = world.hub.session()
    body = raw_body(
        world,
        evalscript="""//VERSION=3
function setup() { return { input: ["SMA"], output: { bands: 1 } }; }
function evaluatePixel(s) { return [s.SMA]; }
""",
    )
    assert error_of(session.post(world.process_url(), json=body, timeout=30)) == {
        "status": 400,
        "reason": "Bad Request",
        "message": "CUSTOM has no band SMA",
        "code": "RENDERER_EXCEPTION",
    }
    body = raw_body(
        world,
        evalscript="""//VERSION=3
function setup() { return { input: ["B04"], output: { bands: 1 } }; }
function evaluatePixel(s) { if (s.B04 > 0) throw new Error("no water here: " + s.B04); return [0]; }
""",
    )
    err = error_of(session.post(world.process_url(), json=body, timeout=30))
    assert err["code"] == "RENDERER_EXCEPTION" and "no water here: 1500" in err["message"]
    body = raw_body(
        world, evalscript="//VERSION=3\nfunction setup() { return { input: ['B04'], output: { bands: 1 } };\n"
    )
    err = error_of(session.post(world.process_url(), json=body, timeout=30))
    assert err["code"] == "RENDERER_EXCEPTION" and "SyntaxError" in err["message"]
    body = raw_body(
        world,
        evalscript="""//VERSION=3
function setup() { return { input: ["B04"], output: { bands: 3 } }; }
function evaluatePixel(s) { return [1, 2]; }
""",
    )
    err = error_of(session.post(world.process_url(), json=body, timeout=30))
    assert err["code"] == "RENDERER_EXCEPTION" and "3 bands" in err["message"] and "2 values" in err["message"]
    body = raw_body(world)
    body["output"]["responses"][0]["identifier"] = "index"
    err = error_of(session.post(world.process_url(), json=body, timeout=30))
    assert err["message"] == "Output index requested but missing from function setup()"


def test_error_bad_input_fields(world):
    session = world.hub.session()
    body = raw_body(world)
    body["input"]["data"][0]["dataFilter"] = {"timeRange": {"from": "2019-11-27", "to": "2019-11-28"}}
    err = error_of(session.post(world.process_url(), json=body, timeout=30))
    assert err["code"] == "COMMON_BAD_PAYLOAD" and "timeRange" in err["errors"][0]["parameter"]
    body = raw_body(world)
    body["input"]["bounds"]["properties"]["crs"] = "http://www.opengis.net/def/crs/EPSG/0/2056"
    err = error_of(session.post(world.process_url(), json=body, timeout=30))
    assert err["code"] == "COMMON_BAD_PAYLOAD" and "2056" in err["message"]
    body = raw_body(world)
    body["input"]["data"][0]["processing"] = {"upsampling": "LANCZOS"}
    err = error_of(session.post(world.process_url(), json=body, timeout=30))
    assert "NEAREST, BILINEAR or BICUBIC" in err["message"]
    body = raw_body(world)
    body["input"]["data"][0]["type"] = f"byoc-{uuid.uuid4()}"
    r = session.post(world.process_url(), json=body, timeout=30)
    assert r.status_code == 404 and r.json()["error"]["code"] == "COMMON_NOT_FOUND"
    # another account cannot read this collection
    r = world.hub.other_session().post(world.process_url(), json=raw_body(world), timeout=30)
    assert r.status_code == 404
    r = world.hub.session().post(
        world.process_url(), json=raw_body(world), headers={"Authorization": "Bearer x"}, timeout=30
    )
    assert r.status_code == 401


def test_cpu_time_limit_becomes_renderer_exception(localhub_factory, monkeypatch):
    monkeypatch.setenv("LOCALHUB_PROCESS_TIME_LIMIT", "1")
    hub = localhub_factory()
    session = hub.session()
    r = session.post(hub.byoc_url + "/collections", json={"name": "empty", "s3Bucket": "nowhere-bucket"}, timeout=10)
    assert r.status_code == 201, r.text
    body = {
        "input": {
            "bounds": {"bbox": CASPIAN},
            "data": [{"type": "byoc-" + r.json()["data"]["id"]}],
        },
        "output": {"width": 8, "height": 8},
        "evalscript": """//VERSION=3
function setup() { return { input: ["dataMask"], output: { bands: 1 } }; }
function evaluatePixel(s) { while (true) {} }
""",
    }
    start = time.monotonic()
    r = session.post(hub.base_url + "/api/v1/process", json=body, timeout=60)
    assert time.monotonic() - start < 15
    err = r.json()["error"]
    assert r.status_code == 400 and err["code"] == "RENDERER_EXCEPTION"
    assert "time limit of 1 s" in err["message"]
