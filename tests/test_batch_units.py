"""Adjacent batch cells rendered as one request by localhub (a *unit*): which cells may be grouped, and over HTTP
that every cell still gets exactly its own pixels, cost and outcome (a unit that fails is rendered cell by cell)."""

from __future__ import annotations

import time
import uuid
from typing import List

import numpy as np
import pytest
import requests

from localhub.batch import cells as cells_mod
from localhub.batch.store import Cell

from .batch_world import BatchWorld, wait_status
from .fixtures_rasters import mem_dataset, write_cog

EPSG = 32633
PX = 60.0
CELL_M = 20040.0  # grid 0 (UTM 20 km) cell side
SIDE = 334  # px per cell side at 60 m
N = 4  # the raster covers 4 × 4 cells
X0, Y1 = 15 * CELL_M, 256 * CELL_M  # on the grid's lattice
TRAP = 65000  # a value the formula never gives, in one cell only
TRAP_CELL = (2, 1)  # (row, column) of the cell holding it
CELL_PU = SIDE * SIDE / (512.0 * 512.0)

IDENTITY = """//VERSION=3
function setup() {
  return {input: ["B1", "dataMask"], output: {id: "default", bands: 1, sampleType: "UINT16"}};
}
function evaluatePixel(s) { return [s.dataMask ? s.B1 : 0]; }
"""
TRAPPED = IDENTITY.replace("{ return [", '{ if (s.B1 == 65000) { throw new Error("trap pixel"); } return [')


# -- which cells form units (no service) ---------------------------------------------------------------------------
def lattice(cols: int, rows: int, side_px: int = 1002, res: float = 20.0, epsg: int = EPSG, x0=X0, y1=Y1) -> List[Cell]:
    size = side_px * res
    return [
        Cell(
            "t",
            r * cols + c,
            f"c{r}_{c}",
            epsg,
            x0 + c * size,
            y1 - (r + 1) * size,
            x0 + (c + 1) * size,
            y1 - r * size,
            side_px,
            side_px,
        )  # fmt: skip
        for r in range(rows)
        for c in range(cols)
    ]


def request(evalscript: str = IDENTITY, responses=None, **data) -> object:
    body = {
        "input": {
            "bounds": {"bbox": [0, 0, 1, 1], "properties": {"crs": "http://www.opengis.net/def/crs/EPSG/0/32633"}},
            "data": [{"type": "byoc-x", **({"processing": data} if data else {})}],
        },
        "output": {"responses": responses or [{"identifier": "default", "format": {"type": "image/tiff"}}]},
        "evalscript": evalscript,
    }
    return cells_mod.parse_request(body)


def test_an_8_by_7_area_becomes_2_by_2_units_then_pairs_larger_first():
    cells = lattice(8, 7)
    units = cells_mod.plan_units(cells, workers=2)
    assert [len(u) for u in units] == [4] * 12 + [2] * 4  # the 7th row pairs up; pairs come last
    assert sorted(c.id for u in units for c in u) == list(range(56))  # every cell once
    for unit in units:
        grid, windows = cells_mod.unit_grid(unit)
        assert grid.resx == 20.0 and grid.resy == 20.0
        for cell, (x, y, w, h) in zip(unit, windows):  # each cell's window is its own bounds, exactly
            gt = grid.sub_geotransform(x, y)
            assert (gt[0], gt[3], w, h) == (cell.minx, cell.maxy, cell.width, cell.height)
    first = units[0]
    assert [c.name for c in first] == ["c0_0", "c0_1", "c1_0", "c1_1"]  # row by row from the top
    assert {tuple(c.name for c in u) for u in units if len(u) == 2} == {
        ("c6_0", "c6_1"),
        ("c6_2", "c6_3"),
        ("c6_4", "c6_5"),
        ("c6_6", "c6_7"),
    }


def test_units_only_where_they_keep_every_worker_busy_and_pixels_exact():
    assert [len(u) for u in cells_mod.plan_units(lattice(4, 4), workers=1)] == [4, 4, 4, 4]
    assert [len(u) for u in cells_mod.plan_units(lattice(4, 4), workers=2)] == [1] * 16  # < 4 units per worker
    assert [len(u) for u in cells_mod.plan_units(lattice(2, 5), workers=1)] == [1] * 10  # too few cells
    # cells too large for a 2 × 2 request (2 × 1336 > 2500 px), or with bounds off whole metres: one by one
    assert {len(u) for u in cells_mod.plan_units(lattice(4, 4, side_px=1336, res=15.0), workers=1)} == {1}
    assert {len(u) for u in cells_mod.plan_units(lattice(4, 4, x0=X0 + 0.5), workers=1)} == {1}
    # two UTM zones side by side: units never mix them
    mixed = lattice(4, 4) + lattice(4, 4, epsg=32632, x0=X0 + 4 * 20040.0)
    units = cells_mod.plan_units(mixed, workers=1)
    assert all(len({c.epsg for c in u}) == 1 for u in units) and [len(u) for u in units] == [4] * 8


@pytest.mark.parametrize(
    ("evalscript", "responses", "processing", "grid_input", "expected"),
    [
        (IDENTITY, None, {}, {}, True),
        (IDENTITY.replace("input:", 'mosaicking: "SIMPLE", input:'), None, {}, {}, True),
        (IDENTITY.replace("input:", "mosaicking: Mosaicking.ORBIT, input:"), None, {}, {}, False),
        (IDENTITY.replace("input:", 'mosaicking: "TILE", input:'), None, {}, {}, False),
        (IDENTITY + "function updateOutput(outputs, collection) {}\n", None, {}, {}, False),
        (IDENTITY + "function preProcessScenes(collections) { return collections; }\n", None, {}, {}, False),
        (IDENTITY, None, {"upsampling": "BILINEAR"}, {}, False),
        (IDENTITY, None, {"downsampling": "BICUBIC"}, {}, False),
        (IDENTITY, None, {}, {"bufferX": 2}, False),
        (IDENTITY, [{"identifier": "default", "format": {"type": "image/png"}}], {}, {}, False),
    ],
)
def test_groupable_only_when_every_pixel_comes_out_as_its_cell_alone_gives(
    evalscript, responses, processing, grid_input, expected
):
    assert cells_mod.groupable(request(evalscript, responses, **processing), grid_input) is expected


def test_units_read_tiles_in_the_cells_crs_only_and_pu_is_shared_by_area():
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}}
    utm = {"id": "a", "tileGeometry": {"type": "Polygon", "crs": crs, "coordinates": []}}
    lonlat = {"id": "b", "tileGeometry": {"type": "Polygon", "coordinates": []}}
    assert cells_mod.tiles_in_crs([utm], 32633) and not cells_mod.tiles_in_crs([utm], 32632)
    assert not cells_mod.tiles_in_crs([utm, lonlat], 32633) and not cells_mod.tiles_in_crs([{"id": "c"}], 32633)
    assert cells_mod.unit_pu(4.0, 0.25) == 1.0 and cells_mod.unit_pu(0.001, 0.25) == 0.005  # the minimum per request


# -- over HTTP: the same pixels, cost and outcome per cell -----------------------------------------------------------
def source() -> np.ndarray:
    rows, cols = np.mgrid[0 : N * SIDE, 0 : N * SIDE]
    values = ((rows * 131 + cols * 17) % 60000 + 1).astype(np.uint16)
    r, c = TRAP_CELL[0] * SIDE + 100, TRAP_CELL[1] * SIDE + 100
    values[r : r + 5, c : c + 5] = TRAP
    return values


def make_world(hub, tmp_path) -> BatchWorld:
    s3 = hub.s3.client()
    bucket, out_bucket = f"units-src-{uuid.uuid4().hex[:8]}", f"units-out-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket)
    s3.create_bucket(Bucket=out_bucket)
    path = write_cog(tmp_path / "B1.tif", mem_dataset([source()], EPSG, (X0, PX, 0.0, Y1, 0.0, -PX), nodata=0), 256)
    s3.upload_file(path, bucket, "src/B1.tif")
    session = hub.session()
    bands = {"B1": {"source": "B1", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT", "noData": 0}}
    r = session.post(hub.byoc_url + "/collections", json={"name": "units", "s3Bucket": bucket,
                                                          "additionalData": {"bands": bands}}, timeout=10)  # fmt: skip
    assert r.status_code == 201, r.text
    cid = r.json()["data"]["id"]
    r = session.post(f"{hub.byoc_url}/collections/{cid}/tiles", json={"path": "src/(BAND).tif"}, timeout=10)
    assert r.status_code == 201, r.text
    assert hub.wait_for_tile(session, cid, r.json()["data"]["id"])["status"] == "INGESTED"
    return BatchWorld(hub, cid, bucket, out_bucket)


def body(world: BatchWorld, prefix: str, evalscript: str, **output) -> dict:
    inset = 100.0  # the area lies inside the 4 × 4 cells: exactly those
    bbox = [X0 + inset, Y1 - N * CELL_M + inset, X0 + N * CELL_M - inset, Y1 - inset]
    process = world.process_request(evalscript)
    process["input"]["bounds"] = {"bbox": bbox, "properties": {"crs": f"http://www.opengis.net/def/crs/EPSG/0/{EPSG}"}}
    return {"processRequest": process, "input": {"type": "tiling-grid", "id": 0, "resolution": PX},
            "output": {"type": "raster", "delivery": world.delivery(prefix), **output}}  # fmt: skip


def jobs_done(hub) -> int:
    r = requests.get(hub.base_url + "/localhub/process/workers", timeout=10)
    assert r.status_code == 200, r.text
    return sum(w["jobs"] for w in r.json()["workers"])


def wait_jobs(hub, expected: int, timeout: float = 10.0) -> int:
    """Render jobs done once the count reaches ``expected`` (a worker slot counts a job just after handing over its
    result, so the count may trail the task's DONE by a moment); the count seen at the deadline otherwise."""
    deadline = time.monotonic() + timeout
    while True:
        done = jobs_done(hub)
        if done >= expected or time.monotonic() > deadline:
            time.sleep(0.2)  # nothing more comes after
            return jobs_done(hub)
        time.sleep(0.05)


def run_task(world: BatchWorld, session, task_body: dict) -> dict:
    r = session.post(world.batch_url + "/process", json=task_body, timeout=10)
    assert r.status_code == 201, r.text
    url = f"{world.batch_url}/process/{r.json()['id']}"
    assert session.post(url + "/start", timeout=10).status_code == 204
    return wait_status(session, url, ("DONE", "FAILED", "STOPPED"), timeout=180)


def features(world: BatchWorld, task: dict, tmp_path) -> dict:
    import sqlite3

    key = next(k for k in world.keys(task["request"]["output"]["delivery"]["s3"]["url"].split("/", 3)[3])
               if k.endswith(".sqlite"))  # fmt: skip
    path = tmp_path / f"exec-{time.monotonic_ns()}.sqlite"
    path.write_bytes(world.s3().get_object(Bucket=world.out_bucket, Key=key)["Body"].read())
    con = sqlite3.connect(str(path))
    try:
        return {r[0]: r[1:] for r in con.execute("SELECT name, status, error, delivered FROM features")}
    finally:
        con.close()


def expected(gt) -> np.ndarray:
    col, row = int(round((gt[0] - X0) / PX)), int(round((Y1 - gt[3]) / PX))
    return source()[row : row + SIDE, col : col + SIDE]


def corners_by_name() -> dict:
    """Cell name -> (minx, maxy) of the 16 cells, from the plugin's own grid code."""
    from byoc_qgis.core.batch_grids import grid_cells

    inset = 100.0
    bbox = [X0 + inset, Y1 - N * CELL_M + inset, X0 + N * CELL_M - inset, Y1 - inset]
    return {c.name: (c.bounds[0], c.bounds[3]) for c in grid_cells(0, PX, bbox=bbox, epsg=EPSG)}


def check_cell_file(world: BatchWorld, key: str, corners: dict):
    """The delivered file of the cell its key names: that cell's bounds and exactly its source pixels."""
    arr, gt, epsg, info = world.read_tiff(key)
    name = key.split("/")[-2]
    assert (epsg, gt[1], gt[5], arr.shape) == (EPSG, PX, -PX, (SIDE, SIDE)), key
    assert (gt[0], gt[3]) == corners[name], key
    np.testing.assert_array_equal(arr, expected(gt), err_msg=key)
    return info


def test_units_deliver_each_cell_exactly_and_a_failing_unit_is_rendered_cell_by_cell(localhub_factory, tmp_path):
    hub = localhub_factory(extra_args=["--process-workers", "1", "--process-test-hooks"])
    world = make_world(hub, tmp_path)
    session = hub.session()

    before = jobs_done(hub)
    done = run_task(world, session, body(world, "cog", IDENTITY, cogOutput=True))
    assert done["status"] == "DONE", done
    assert wait_jobs(hub, before + 5) - before == 1 + 4  # the evalscript check at analysis, 4 units of 2 × 2 cells
    root = f"cog/{done['id']}"
    tiffs = [k for k in world.keys(root) if k.endswith(".tif")]
    assert len(tiffs) == N * N
    corners = corners_by_name()
    assert len(corners) == N * N
    for key in tiffs:
        info = check_cell_file(world, key, corners)
        assert info["layout"] == "COG" and info["overviews"] == 1, (key, info)  # 334 px: one overview, 256 px blocks
    assert done["costPU"] == pytest.approx(round(N * N * CELL_PU / 3, 6), abs=1e-5)  # each cell's own share
    assert {v[0] for v in features(world, done, tmp_path).values()} == {"DONE"}

    before = jobs_done(hub)
    done = run_task(world, session, body(world, "trap", TRAPPED))
    assert done["status"] == "DONE", done
    assert wait_jobs(hub, before + 9) - before == 1 + 4 + 4  # the unit with the trap failed: its cells one by one
    rows = features(world, done, tmp_path)
    trapped = [name for name, (status, error, _) in rows.items() if status == "FATAL"]
    assert len(trapped) == 1 and "trap pixel" in rows[trapped[0]][1], rows
    assert sum(1 for status, _, delivered in rows.values() if status == "DONE" and delivered) == N * N - 1
    root = f"trap/{done['id']}"
    tiffs = [k for k in world.keys(root) if k.endswith(".tif")]
    assert len(tiffs) == N * N - 1 and not any(f"/{trapped[0]}/" in k for k in tiffs)
    for key in tiffs:
        info = check_cell_file(world, key, corners)
        assert info["layout"] != "COG"  # plain GeoTIFF, as asked
    assert done["costPU"] == pytest.approx(round((N * N - 1) * CELL_PU / 3, 6), abs=1e-5)


# -- cells written straight from the rendered values ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("dtype", "nodata", "params"),
    [
        (np.uint8, None, {}),  # numpy average overviews
        (np.uint16, 0, {}),  # no-data: GDAL's AVERAGE leaves it out
        (np.int8, None, {}),  # signed bytes (PIXELTYPE=SIGNEDBYTE before GDAL 3.7)
        (np.float32, None, {"resamplingAlgorithm": "nearest", "usePredictor": False}),
        (np.uint16, None, None),  # no COG asked: a Deflate GeoTIFF as the Process API answers
    ],
)
def test_a_window_written_from_the_values_equals_the_cog_of_its_geotiff(tmp_path, dtype, nodata, params):
    from osgeo import gdal

    from localhub.process import encode
    from localhub.process.cog_write import write_array, write_cog

    rng = np.random.default_rng(7)
    info = np.iinfo(dtype) if np.issubdtype(dtype, np.integer) else None
    values = (rng.integers(info.min, info.max, (3, 700, 901)) if info else rng.random((3, 700, 901))).astype(dtype)
    window = values[:, 50:651, 100:701]  # a cell's window of a unit: not contiguous
    gt = (300600.0, 20.0, 0.0, 5010000.0, 0.0, -20.0)
    direct = tmp_path / "direct.tif"
    write_array(window, gt, EPSG, nodata, str(direct), params)
    assert not list(tmp_path.glob("*.part-*"))
    source = tmp_path / "source.tif"
    source.write_bytes(encode.encode_tiff(np.ascontiguousarray(window), gt, EPSG, nodata, compress=False))
    if params is None:
        reference = source
    else:
        reference = tmp_path / "reference.tif"
        write_cog(str(source), str(reference), params)
    a, b = gdal.Open(str(direct)), gdal.Open(str(reference))
    assert a.GetGeoTransform() == gt and a.GetSpatialRef().GetAuthorityCode(None) == str(EPSG)
    pixels = a.ReadAsArray()
    if dtype == np.int8 and pixels.dtype == np.uint8:  # GDAL < 3.7 reads signed bytes as bytes
        assert (a.GetRasterBand(1).GetMetadata("IMAGE_STRUCTURE") or {}).get("PIXELTYPE") == "SIGNEDBYTE"
        pixels = pixels.view(np.int8)
    np.testing.assert_array_equal(pixels, window)
    np.testing.assert_array_equal(a.ReadAsArray(), b.ReadAsArray())
    band_a, band_b = a.GetRasterBand(1), b.GetRasterBand(1)
    assert band_a.GetNoDataValue() == band_b.GetNoDataValue() == (None if nodata is None else float(nodata))
    assert band_a.GetOverviewCount() == band_b.GetOverviewCount() == (0 if params is None else 2)
    for i in range(band_a.GetOverviewCount()):
        for k in range(1, 4):
            oa, ob = a.GetRasterBand(k).GetOverview(i), b.GetRasterBand(k).GetOverview(i)
            np.testing.assert_array_equal(oa.ReadAsArray(), ob.ReadAsArray())
    layout = (a.GetMetadata("IMAGE_STRUCTURE") or {}).get("LAYOUT")
    assert layout == (None if params is None else "COG")
    assert (a.GetMetadata("IMAGE_STRUCTURE") or {}).get("COMPRESSION") == "DEFLATE"


def test_signed_byte_cells_average_as_signed_numbers(tmp_path):
    from osgeo import gdal

    from localhub.process.cog_write import write_array

    values = np.ones((1, 600, 600), np.int8)
    values[:, :, 0::2] = -1  # read as unsigned bytes, -1 is 255: the 2 × 2 means would be 128, not 0
    path = tmp_path / "signed.tif"
    write_array(values, (300600.0, 20.0, 0.0, 5010000.0, 0.0, -20.0), EPSG, None, str(path), {})
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    assert band.GetOverviewCount() == 2
    for i in range(2):
        overview = band.GetOverview(i).ReadAsArray()
        assert set(np.unique(overview.view(np.int8) if overview.dtype == np.uint8 else overview).tolist()) == {0}


def test_a_unit_gets_its_tiles_in_the_order_each_cell_gets_them():
    """Two overlapping tiles the mosaicking order ranks equal (same sensing and creation time) fall the same way in
    a unit's request as in a cell's own: the unit's tiles come in the collection's order, not cell by cell."""
    from localhub.batch.tile_index import TileIndex
    from localhub.process.mosaic import select_tiles

    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}}

    def tile(tid: str, minx: float, maxx: float) -> dict:
        ring = [[minx, Y1 - 20040.0], [maxx, Y1 - 20040.0], [maxx, Y1], [minx, Y1], [minx, Y1 - 20040.0]]
        return {"id": tid, "path": f"{tid}/(BAND).tif", "status": "INGESTED", "sensingTime": "2024-05-01T10:00:00Z",
                "created": "2024-05-02T08:00:00Z", "coverGeometry": {"type": "Polygon", "crs": crs,
                                                                     "coordinates": [ring]}}  # fmt: skip

    a = tile("a", X0 + 20640.0, X0 + 40080.0)  # the right cell only (not touching the left one)
    b = tile("b", X0, X0 + 40080.0)  # both cells
    index = TileIndex([a, b])
    left, right = lattice(2, 1)
    data = request().data

    def order(tiles, cell) -> list:
        return [t.id for t in select_tiles(tiles, data, _grid(cell))]

    alone = order(index.near(right), right)
    assert alone == ["a", "b"]  # ties: the collection's order
    by_cell = [t.wire for cell in (left, right) for t in select_tiles(index.near(cell), data, _grid(cell))]
    assert [t["id"] for t in index.in_collection_order(by_cell)] == ["a", "b"]
    assert order(index.in_collection_order(by_cell), right) == alone
    assert order(list({t["id"]: t for t in by_cell}.values()), right) == ["b", "a"]  # cell by cell: the other way


def _grid(cell):
    from localhub.process.request import Grid

    return Grid(cell.epsg, cell.minx, cell.miny, cell.maxx, cell.maxy, cell.width, cell.height)
