"""Process API engine pieces without a server: request validation, the V8 evalscript engine, sampleType rules,
encoders, overview choice and the GDAL reader (direct read vs warp), mosaicking order."""

from __future__ import annotations

import io
import json
import tarfile
from datetime import datetime, timezone

import numpy as np
import pytest
from osgeo import gdal

from localhub.process import encode
from localhub.process.errors import ProcessError
from localhub.process.evalscript import Evalscript, OutputSpec
from localhub.process.mosaic import TileRef, orbit_groups, order_tiles
from localhub.process.reader import BandSource, FileInfo, choose_level, file_info, read_window
from localhub.process.request import Grid, parse_process_request

from .fixtures_rasters import mem_dataset, write_cog

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"


def body(**changes) -> dict:
    b = {
        "input": {
            "bounds": {"bbox": [14.0, 46.0, 14.2, 46.1]},
            "data": [{"type": "byoc-abc"}],
        },
        "output": {"width": 100, "height": 50},
        "evalscript": "//VERSION=3\nfunction setup(){return {input:['B1'], output:{bands:1}}}\n"
        "function evaluatePixel(s){return [s.B1]}",
    }
    for key, value in changes.items():
        section, _, field = key.partition("__")
        if field:
            if value is None:
                b[section].pop(field, None)
            else:
                b[section][field] = value
        elif value is None:
            b.pop(section, None)
        else:
            b[section] = value
    return b


def refused(payload, accept=None) -> ProcessError:
    with pytest.raises(ProcessError) as info:
        parse_process_request(payload, accept)
    return info.value


# ------------------------------------------------------------------------------------------------------------
# request validation


def test_request_defaults_and_corner_order():
    req = parse_process_request(
        body(input={"bounds": {"bbox": [14.6, 45.95, 14.4, 46.15]}, "data": [{"type": "byoc-x"}]})
    )
    assert (req.grid.minx, req.grid.miny, req.grid.maxx, req.grid.maxy) == (14.4, 45.95, 14.6, 46.15)
    assert req.grid.epsg == 4326 and req.data.collection_id == "x" and req.data.mosaicking_order == "mostRecent"
    assert [(r.identifier, r.mime) for r in req.responses] == [("default", "image/png")]
    assert req.packaging == "raw"


def test_request_legacy_custom_type_time_range_and_processing():
    data = [
        {
            "type": "CUSTOM",
            "dataFilter": {
                "collectionId": "c-1",
                "timeRange": {"from": "2020-01-01T00:00:00Z", "to": "2020-01-31T23:59:59.5+01:00"},
                "mosaickingOrder": "leastRecent",
            },
            "processing": {"upsampling": "BICUBIC", "downsampling": "BILINEAR"},
        }
    ]
    req = parse_process_request(body(input={"bounds": {"bbox": [14, 46, 15, 47]}, "data": data}))
    d = req.data
    assert d.collection_id == "c-1" and d.type_name == "CUSTOM" and d.mosaicking_order == "leastRecent"
    assert d.time_from == datetime(2020, 1, 1, tzinfo=timezone.utc)
    assert d.time_to == datetime(2020, 1, 31, 22, 59, 59, 500000, tzinfo=timezone.utc)
    assert (d.upsampling, d.downsampling) == ("BICUBIC", "BILINEAR")


def test_request_sizes():
    req = parse_process_request(body(output={"width": 100}))
    assert (req.grid.width, req.grid.height) == (100, 50)
    req = parse_process_request(body(output={"resx": 0.001, "resy": 0.0005}))
    assert (req.grid.width, req.grid.height) == (200, 200)
    req = parse_process_request(body(output=None))
    assert (req.grid.width, req.grid.height) == (256, 256)
    err = refused(body(output={"width": 10, "resx": 1.0}))
    assert (err.code, err.message) == (
        "COMMON_BAD_PAYLOAD",
        "Only width and height or resx and resy can be set at the same time.",
    )
    err = refused(body(output={"resx": 0.00001, "resy": 0.01}))
    assert err.message == "`width = 20000`, calculated from resx, is larger than allowed 2500.\n"
    assert err.errors == [{"parameter": "output->resx", "violation": err.message.strip()}]
    err = refused(body(output={"width": 100, "height": 2501}))
    assert err.errors[0]["parameter"] == "output->height"
    assert refused(body(output={"width": 0})).code == "COMMON_BAD_PAYLOAD"


def test_request_errors_name_the_field():
    assert refused({}).message == "Request body should be non-empty."
    err = refused(body(evalscript=None))
    assert (err.code, err.message) == ("COMMON_EXCEPTION", "Missing or empty evalscript.")
    payload = body()
    payload["input"]["data"][0]["dataFilter"] = {"timeRange": {"from": "2020-01-01", "to": "2020-01-02"}}
    assert refused(payload).errors[0]["parameter"] == "input->data[0]->dataFilter->timeRange->from"
    payload = body()
    payload["input"]["bounds"]["properties"] = {"crs": "http://www.opengis.net/def/crs/EPSG/0/2056"}
    assert "2056" in refused(payload).message
    payload = body()
    payload["input"]["data"] = [{"type": "sentinel-2-l2a"}]
    assert "byoc-<collectionId>" in refused(payload).message
    payload = body()
    payload["input"]["data"] = [{"type": "byoc-a"}, {"type": "byoc-b"}]
    assert "one data collection" in refused(payload).message
    payload = body()
    payload["input"]["data"][0]["dataFilter"] = {"mosaickingOrder": "leastCC"}
    assert "mostRecent and leastRecent" in refused(payload).message
    payload = body(output={"responses": [{"identifier": "userdata", "format": {"type": "image/png"}}]})
    assert "userdata" in refused(payload).message
    payload = body(output={"responses": [{"identifier": "a"}, {"identifier": "a"}]})
    assert "twice" in refused(payload).message


def test_accept_header_precedence():
    one = body(output={"width": 10, "responses": [{"identifier": "default", "format": {"type": "image/png"}}]})
    assert parse_process_request(one, "image/tiff").responses[0].mime == "image/tiff"
    assert parse_process_request(one, "*/*").responses[0].mime == "image/png"
    assert parse_process_request(one, "application/x-tar").packaging == "tar"
    assert parse_process_request(one, "application/octet-stream").content_type_override == "application/octet-stream"
    two = body(
        output={
            "width": 10,
            "responses": [
                {"identifier": "default"},
                {"identifier": "userdata", "format": {"type": "application/json"}},
            ],
        }
    )
    assert parse_process_request(two, None).packaging == "tar"
    assert parse_process_request(two, "multipart/mixed").packaging == "multipart"
    assert "application/x-tar" in refused(two, "image/png").message
    tar = parse_process_request(two, "application/tar")
    assert [r.filename for r in tar.responses] == ["default.png", "userdata.json"]


# ------------------------------------------------------------------------------------------------------------
# the V8 engine


def run_script(source: str, inputs: np.ndarray, outputs=None, **kw):
    with Evalscript(source, time_limit_s=kw.pop("time_limit_s", 10)) as script:
        setup = script.setup()
        script.set_context(kw.pop("scenes", {}), {"serviceVersion": "1.0.0", "normalizationFactor": 1})
        return setup, script.evaluate(setup.bands, inputs, outputs or setup.outputs, **kw)


def test_setup_forms_are_normalized():
    script = """//VERSION=3
function setup() {
  return { input: [{ bands: ["B1", "B2"], units: "DN" }, "dataMask"],
           output: [{ bands: 2 }, { id: "f", bands: 1, sampleType: SampleType.FLOAT32, nodataValue: -9999 }],
           mosaicking: Mosaicking.ORBIT };
}
function evaluatePixel(samples) { return {}; }
"""
    with Evalscript(script) as es:
        setup = es.setup()
    assert setup.bands == ["B1", "B2", "dataMask"] and setup.units == ["DN"] and setup.mosaicking == "ORBIT"
    assert setup.outputs == [OutputSpec("default", 2, "AUTO", None), OutputSpec("f", 1, "FLOAT32", -9999.0)]


def test_pixel_loop_array_and_object_returns_match_numpy_in_chunks():
    rng = np.random.default_rng(1)
    inputs = rng.uniform(0, 5000, (2, 1000)).astype(np.float32)
    single = """//VERSION=3
function setup() { return { input: ["B08", "B04"], output: { bands: 2, sampleType: "FLOAT32" } }; }
function evaluatePixel(s) { return [index(s.B08, s.B04), s.B08 * 2]; }
"""
    _setup, out = run_script(single, inputs, chunk=97)
    np.testing.assert_allclose(out["default"][0], (inputs[0] - inputs[1]) / (inputs[0] + inputs[1]), rtol=1e-6)
    np.testing.assert_allclose(out["default"][1], inputs[0] * 2, rtol=1e-6)
    keyed = """//VERSION=3
function setup() { return { input: ["B08", "B04"], output: [{ id: "a", bands: 1 }, { id: "b", bands: 1 }] }; }
function evaluatePixel(s) { return { b: [s.B04], a: [s.B08] }; }
"""
    setup, out = run_script(keyed, inputs, chunk=333)
    np.testing.assert_array_equal(out["a"][0], inputs[0])
    np.testing.assert_array_equal(out["b"][0], inputs[1])
    only_b = [o for o in setup.outputs if o.id == "b"]
    _setup, out = run_script(keyed, inputs, outputs=only_b)
    assert set(out) == {"b"}


def test_no_return_gives_zeros_and_user_data_is_collected():
    script = """//VERSION=3
function setup() { return { input: ["B1"], output: { bands: 1, sampleType: "FLOAT32" } }; }
let total = 0;
function evaluatePixel(s) { total += s.B1; if (s.B1 > 2) return [s.B1]; }
function updateOutputMetadata(scenes, inputMetadata, outputMetadata) { outputMetadata.userData = { total }; }
"""
    inputs = np.array([[1, 2, 3, 4]], np.float32)
    with Evalscript(script) as es:
        setup = es.setup()
        es.set_context({}, {})
        out = es.evaluate(setup.bands, inputs, setup.outputs, chunk=2)
        assert es.update_output_metadata() == {"total": 10}
    np.testing.assert_array_equal(out["default"][0], [0, 0, 3, 4])


def test_orbit_samples_are_arrays_and_update_output_sets_bands():
    script = """//VERSION=3
function setup() {
  return { input: ["B1", "dataMask"], output: { bands: 1, sampleType: "FLOAT32" }, mosaicking: "ORBIT" };
}
function updateOutput(outputs, collection) { outputs.default.bands = collection.scenes.length; }
function evaluatePixel(samples, scenes) { return samples.map((s, i) => s.dataMask ? s.B1 + i * 0.5 : -1); }
"""
    inputs = np.array([[[1, 2, 3], [1, 0, 1]], [[10, 20, 30], [1, 1, 0]]], np.float32)  # (scenes, bands, px)
    with Evalscript(script) as es:
        setup = es.setup()
        outputs = es.update_output(setup.outputs, [{"dateFrom": "a"}, {"dateFrom": "b"}])
        assert outputs[0].bands == 2
        es.set_context({"orbits": []}, {})
        out = es.evaluate(setup.bands, inputs, outputs, scene_count=2)
    np.testing.assert_array_equal(out["default"], [[1, -1, 3], [10.5, 20.5, -1]])


def test_builtins_and_redeclaring_them():
    script = """//VERSION=3
let index = 7;  // user scripts may shadow built-in names
function setup() { return { input: ["v"], output: { bands: 6, sampleType: "FLOAT32" } }; }
const ramp = new ColorRampVisualizer([[0, 0x000000], [1, 0xffffff]]);
const map = new ColorMapVisualizer([[200, 0xff0000], [300, 0x0000ff]]);
function evaluatePixel(s) {
  const c = colorBlend(s.v, [0, 10], [[0, 0, 0], [1, 0.5, 0]]);
  return [c[0], c[1], valueInterpolate(s.v, [0, 10, 20], [0, 100, 0]), ramp.process(s.v / 10)[0],
          map.process(s.v * 30)[2], index];
}
"""
    _setup, out = run_script(script, np.array([[-5, 5, 15]], np.float32))
    np.testing.assert_allclose(out["default"][0], [0, 0.5, 1])
    np.testing.assert_allclose(out["default"][1], [0, 0.25, 0.5])
    np.testing.assert_allclose(out["default"][2], [0, 50, 50])
    np.testing.assert_allclose(out["default"][3], [0, 0.5, 1])
    np.testing.assert_allclose(out["default"][4], [0, 0, 1])  # 450 >= 300 → blue
    np.testing.assert_allclose(out["default"][5], [7, 7, 7])


@pytest.mark.parametrize(
    ("source", "needle"),
    [
        ("//VERSION=3\nfunction setup(){return {input:['B1'],output:{bands:1}}}\n"
         "function evaluatePixel(s){\n  throw new Error('custom failure ' + s.B1);\n}", "evalscript.js:4"),
        ("//VERSION=3\nfunction setup(){return {input:['B1'],output:{bands:2}}}\n"
         "function evaluatePixel(s){ return [1]; }", 'Output "default" has 2 bands but evaluatePixel returned 1'),
        ("//VERSION=3\nfunction setup(){return {input:['B1'],output:[{id:'a',bands:1},{id:'b',bands:1}]}}\n"
         "function evaluatePixel(s){ return [1]; }", "must return an object keyed by output id"),
        ("//VERSION=3\nfunction setup(){return {input:['B1'],output:{bands:1}}}\n"
         "function evaluatePixel(s){ return {other: [1]}; }", 'no values for output "default"'),
    ],
)  # fmt: skip
def test_script_failures_are_renderer_exceptions(source, needle):
    with pytest.raises(ProcessError) as info:
        run_script(source, np.ones((1, 4), np.float32))
    assert info.value.code == "RENDERER_EXCEPTION" and info.value.status == 400
    assert needle in info.value.message
    assert "localhub-" not in info.value.message


def test_exception_text_and_setup_problems():
    with pytest.raises(ProcessError) as info:
        run_script(
            "//VERSION=3\nfunction setup(){return {input:['B1'],output:{bands:1}}}\n"
            "function evaluatePixel(s){\n  throw new Error('custom failure ' + s.B1);\n}",
            np.full((1, 3), 5, np.float32),
        )
    assert info.value.message.startswith("Failed to evaluate script!\nevalscript.js:4: Error: custom failure 5")
    for source, needle in [
        ("//VERSION=2\nreturn [B04];", "version 2"),
        ("//VERSION=3\nfunction evaluatePixel(s){return [1]}", "setup()"),
        ("//VERSION=3\nfunction setup(){return {input:['B1'],output:{bands:1}}}", "evaluatePixel"),
        ("//VERSION=3\nfunction setup(){return {input:['B1'],output:{bands:1, sampleType:'UINT32'}}}\n"
         "function evaluatePixel(s){return [1]}", "UINT32"),
        ("//VERSION=3\nfunction setup(){ throw new Error('setup broke'); }\n"
         "function evaluatePixel(s){}", "setup broke"),
    ]:  # fmt: skip
        with pytest.raises(ProcessError) as info:
            with Evalscript(source) as es:
                es.setup()
        assert info.value.code == "RENDERER_EXCEPTION" and needle in info.value.message, source


def test_time_limit_stops_runaway_scripts():
    source = (
        "//VERSION=3\nfunction setup(){return {input:['B1'],output:{bands:1}}}\n"
        "function evaluatePixel(s){ while (true) {} }"
    )
    with pytest.raises(ProcessError) as info:
        run_script(source, np.ones((1, 3), np.float32), time_limit_s=0.3)
    assert info.value.code == "RENDERER_EXCEPTION"
    assert "time limit of 0.3 s" in info.value.message


def test_evalscript_running_out_of_heap_is_a_renderer_exception():
    source = (
        "//VERSION=3\nfunction setup(){ const a = []; while (true) a.push(new Array(100000).fill(1.5)); }\n"
        "function evaluatePixel(s){ return [1]; }"
    )
    with pytest.raises(ProcessError) as info:
        with Evalscript(source, time_limit_s=60, heap_limit=128 << 20) as script:
            script.setup()
    assert (info.value.status, info.value.code) == (400, "RENDERER_EXCEPTION")
    assert info.value.message == "Failed to evaluate script!\nThe evalscript ran out of memory.\n"
    fine = "//VERSION=3\nfunction setup(){ return {input: ['B1'], output: {bands: 1}}; }\nfunction evaluatePixel(s){}"
    with Evalscript(fine, heap_limit=128 << 20) as script:  # V8 in this process still works
        assert script.setup().bands == ["B1"]


def test_script_without_version_line_runs_as_v3():
    source = "function setup(){return {input:['B1'],output:{bands:1, sampleType:'UINT8'}}}\n" + (
        "function evaluatePixel(s){return [s.B1 + 1]}"
    )
    _setup, out = run_script(source, np.array([[1, 2]], np.float32))
    np.testing.assert_array_equal(out["default"][0], [2, 3])


# ------------------------------------------------------------------------------------------------------------
# sampleType rules and encoders


def test_sample_type_rules():
    values = np.array([[0.5, 1.2, -0.1, np.nan, 0.999]], np.float32)
    np.testing.assert_array_equal(encode.apply_sample_type(values, "AUTO"), [[128, 255, 0, 0, 255]])
    values = np.array([[40.6, 310, 40.5, -3, np.nan, 40.4]], np.float32)
    np.testing.assert_array_equal(encode.apply_sample_type(values, "UINT8"), [[41, 255, 41, 0, 0, 40]])
    values = np.array([[-200, -1.5, -1.6, 127.4, 300]], np.float32)
    out = encode.apply_sample_type(values, "INT8")
    assert out.dtype == np.int8
    np.testing.assert_array_equal(out, [[-128, -1, -2, 127, 127]])
    assert encode.apply_sample_type(np.array([[70000, -5]], np.float32), "UINT16").tolist() == [[65535, 0]]
    assert encode.apply_sample_type(np.array([[-40000, 2.5]], np.float32), "INT16").tolist() == [[-32768, 3]]
    floats = encode.apply_sample_type(np.array([[np.nan, 1e9]], np.float32), "FLOAT32")
    assert floats.dtype == np.float32 and np.isnan(floats[0, 0]) and floats[0, 1] == 1e9


def read_tiff(data: bytes):
    path = "/vsimem/engine-test.tif"
    gdal.FileFromMemBuffer(path, data)
    try:
        ds = gdal.Open(path)
        nodata = ds.GetRasterBand(1).GetNoDataValue()
        return ds.ReadAsArray(), ds.GetGeoTransform(), ds.GetSpatialRef().GetAuthorityCode(None), nodata
    finally:
        gdal.Unlink(path)


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.uint16, np.int16, np.float32])
def test_geotiff_keeps_type_georeferencing_and_nodata(dtype):
    array = (np.arange(2 * 6 * 5).reshape(2, 6, 5) - 20).astype(dtype)
    data = encode.encode_tiff(array, (500000.0, 10.0, 0.0, 5000000.0, 0.0, -10.0), 32633, nodata=-1)
    values, gt, epsg, nodata = read_tiff(data)
    np.testing.assert_array_equal(values, array)
    assert gt == (500000.0, 10.0, 0.0, 5000000.0, 0.0, -10.0) and epsg == "32633"
    assert nodata == -1
    assert values.dtype == array.dtype  # INT8: GDT_Int8 on GDAL >= 3.7, SIGNEDBYTE Byte before


def test_png_and_jpeg_band_rules():
    rgba = np.random.default_rng(0).integers(0, 255, (4, 20, 30)).astype(np.uint8)
    for bands in (1, 3, 4):
        png = encode.encode_png(rgba[:bands], "x")
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
    png16 = encode.encode_png(rgba[:1].astype(np.uint16) * 200, "x")
    gdal.FileFromMemBuffer("/vsimem/engine.png", png16)
    try:
        ds = gdal.Open("/vsimem/engine.png")
        assert ds.GetRasterBand(1).DataType == gdal.GDT_UInt16
        np.testing.assert_array_equal(ds.ReadAsArray(), rgba[0].astype(np.uint16) * 200)
        ds = None
    finally:
        gdal.Unlink("/vsimem/engine.png")
    with pytest.raises(ProcessError, match="PNG takes 1, 3 or 4"):
        encode.encode_png(rgba[:2], "x")
    with pytest.raises(ProcessError, match="PNG takes AUTO, UINT8 or UINT16"):
        encode.encode_png(rgba[:1].astype(np.float32), "x")
    low = encode.encode_jpeg(rgba[:3], "x", quality=10)
    high = encode.encode_jpeg(rgba[:3], "x", quality=95)
    assert low[:3] == high[:3] == b"\xff\xd8\xff" and len(low) < len(high)
    with pytest.raises(ProcessError, match="JPEG takes 1 or 3"):
        encode.encode_jpeg(rgba, "x")
    with pytest.raises(ProcessError, match="JPEG takes AUTO or UINT8"):
        encode.encode_jpeg(rgba[:1].astype(np.uint16), "x")


def test_tar_and_multipart_packaging():
    data = encode.pack_tar([("default.tif", b"tiff"), ("userdata.json", encode.encode_json({"norm_factor": 1e-4}))])
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        names = tar.getnames()
        user = json.loads(tar.extractfile("userdata.json").read())
    assert names == ["default.tif", "userdata.json"] and user == {"norm_factor": 0.0001}
    assert encode.encode_json(None) == b"{}"
    body_bytes, content_type = encode.pack_multipart([("default.png", "image/png", b"PNGDATA")])
    boundary = content_type.split("boundary=")[1]
    assert body_bytes.startswith(f"--{boundary}\r\n".encode()) and b"PNGDATA" in body_bytes
    assert body_bytes.endswith(f"--{boundary}--\r\n".encode())


# ------------------------------------------------------------------------------------------------------------
# overviews, reading, mosaicking order


def test_overview_choice_is_the_nearest_finer_level():
    info = FileInfo("x", 32633, "", (0, 10, 0, 0, 0, -10), (4096, 4096), [(2048, 2048), (1024, 1024), (512, 512)], 1)
    assert choose_level(info, 5.0) == (None, 10.0)  # finer than the file: full resolution
    assert choose_level(info, 10.0) == (None, 10.0)
    assert choose_level(info, 19.9) == (None, 10.0)  # 20 m would be coarser than asked
    assert choose_level(info, 20.0) == (0, 20.0)
    assert choose_level(info, 70.0) == (1, 40.0)
    assert choose_level(info, 1000.0) == (2, 80.0)


@pytest.fixture
def local_cog(tmp_path):
    """600×400 UInt16 COG in UTM 33N, 10 m, no-data 0 in a block, with overviews."""
    rows, cols = np.mgrid[0:400, 0:600]
    values = (1 + rows * 3 + cols).astype(np.uint16)
    values[100:150, 200:260] = 0
    ds = mem_dataset([values], 32633, (500000.0, 10.0, 0.0, 5000000.0, 0.0, -10.0), nodata=0)
    return write_cog(tmp_path / "b.tif", ds, blocksize=256), values


def test_direct_read_equals_warp_on_the_files_grid(local_cog):
    path, values = local_cog
    grid = Grid(32633, 499000.0, 4996000.0, 503000.0, 5001000.0, 400, 500)  # 10 m, partly outside the file
    source = [BandSource("B", path, 1, 0.0)]
    window = (0, 0, 400, 500)
    direct = read_window(source, grid, window)
    warped = read_window(source, grid, window, allow_direct=False)
    np.testing.assert_array_equal(np.isnan(direct), np.isnan(warped))
    np.testing.assert_array_equal(np.nan_to_num(direct), np.nan_to_num(warped))
    # file pixel (row r, col c) sits at grid row r + 100, col c + 100; no-data and outside are NaN
    assert direct[0, 100, 100] == values[0, 0] and direct[0, 499, 399] == values[399, 299]
    assert np.isnan(direct[0, :100]).all() and np.isnan(direct[0, 100 + 120, 100 + 250])


def test_reader_uses_overview_and_resampling(local_cog):
    path, values = local_cog
    info = file_info(path)
    assert info.overviews, "the fixture COG must have overviews"
    coarse = Grid(32633, 500000.0, 4996000.0, 506000.0, 5000000.0, 300, 200)  # 20 m = first overview
    out = read_window([BandSource("B", path, 1, 0.0)], coarse, (0, 0, 300, 200))
    assert out.shape == (1, 200, 300) and np.isfinite(out).mean() > 0.9
    fine = Grid(32633, 500000.0, 4999900.0, 500100.0, 5000000.0, 40, 40)  # 2.5 m: upsampling
    near = read_window([BandSource("B", path, 1, 0.0)], fine, (0, 0, 40, 40), "NEAREST", "NEAREST")
    bilinear = read_window([BandSource("B", path, 1, 0.0)], fine, (0, 0, 40, 40), "BILINEAR", "NEAREST")
    # 10×10 source pixels, each repeated 4×4
    np.testing.assert_array_equal(near[0], np.repeat(np.repeat(values[:10, :10], 4, axis=0), 4, axis=1))
    assert not np.array_equal(bilinear, near) and np.nanmin(bilinear) >= 1 and np.nanmax(bilinear) <= values.max()
    with pytest.raises(ProcessError, match="has no band 2"):
        read_window([BandSource("B", path, 2, 0.0)], fine, (0, 0, 40, 40))
    with pytest.raises(ProcessError, match="Could not read"):
        read_window([BandSource("B", path + ".missing", 1, 0.0)], fine, (0, 0, 40, 40))


def test_mosaicking_order_and_orbit_days():
    def tile(name, sensing, created):
        t = lambda s: None if s is None else datetime.fromisoformat(s).replace(tzinfo=timezone.utc)  # noqa: E731
        return TileRef(name, name, t(sensing), t(created), None, {})

    tiles = [
        tile("old", "2020-01-01T10:00:00", "2021-01-01T00:00:00"),
        tile("new-first", "2020-01-03T10:00:00", "2021-01-01T00:00:00"),
        tile("new-second", "2020-01-03T10:00:00", "2021-01-02T00:00:00"),
        tile("timeless", None, "2021-01-05T00:00:00"),
        tile("same-day", "2020-01-01T15:00:00", "2021-01-01T00:00:00"),
    ]
    most = [t.id for t in order_tiles(tiles, "mostRecent")]
    least = [t.id for t in order_tiles(tiles, "leastRecent")]
    assert most == ["new-second", "new-first", "same-day", "old", "timeless"]
    assert least == ["timeless", "old", "same-day", "new-second", "new-first"]
    days = [[t.id for t in g] for g in orbit_groups(order_tiles(tiles, "mostRecent"))]
    assert days == [["new-second", "new-first"], ["same-day", "old"], ["timeless"]]


def test_reader_reads_the_overview_not_the_full_resolution(tmp_path):
    """A 1-px checkerboard of 100/300 averages to 200 in the first overview: a 20 m request must read 200
    everywhere (the overview), a slightly finer one the 100/300 pixels (full resolution, nearest)."""
    rows, cols = np.mgrid[0:512, 0:512]
    board = np.where((rows + cols) % 2 == 0, 100, 300).astype(np.uint16)
    ds = mem_dataset([board], 32633, (500000.0, 10.0, 0.0, 5000000.0, 0.0, -10.0), nodata=0)
    path = write_cog(tmp_path / "board.tif", ds, blocksize=256, resampling="AVERAGE")
    assert file_info(path).overviews[0] == (256, 256)
    source = [BandSource("B", path, 1, 0.0)]
    at_overview = Grid(32633, 500000.0, 4996000.0, 504000.0, 5000000.0, 200, 200)  # exactly 20 m
    assert (read_window(source, at_overview, (0, 0, 200, 200)) == 200).all()
    finer = Grid(32633, 500000.0, 4996000.0, 504000.0, 5000000.0, 201, 201)  # 19.9 m
    values = np.unique(read_window(source, finer, (0, 0, 201, 201)))
    assert set(values.tolist()) == {100.0, 300.0}


# ------------------------------------------------------------------------------------------------------------
# V8 initialisation


COLD_THREADS = """
import threading
import numpy as np
from localhub.process.evalscript import Evalscript

SCRIPT = (
    "//VERSION=3\\nfunction setup(){return {input:['a'],output:{bands:1}}}\\n"
    "function evaluatePixel(s){return [s.a*2]}"
)
sums = []

def render():
    with Evalscript(SCRIPT) as script:
        setup = script.setup()
        script.set_context({}, {})
        out = script.evaluate(setup.bands, np.arange(10, dtype=np.float32)[None], setup.outputs)
        sums.append(float(out["default"].sum()))

threads = [threading.Thread(target=render) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sums)
"""


def test_evalscripts_from_threads_in_a_cold_process_do_not_crash_v8(tmp_path):
    """No V8 before: four threads create their evalscripts at once. Without the safe flags this segfaults every
    time on CPUs with memory protection keys; without the locked first context it aborts now and then."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "cold_threads.py"
    script.write_text(COLD_THREADS)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    runs = [
        subprocess.Popen([sys.executable, str(script)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(6)
    ]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, (run.returncode, err.decode(errors="replace")[-2000:])
        assert out.decode().strip() == "[90.0, 90.0, 90.0, 90.0]"
