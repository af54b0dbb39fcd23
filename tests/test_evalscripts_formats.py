"""Generated evalscripts and output formats: the 8-bit variants run in localhub's V8 engine and encode as JPEG/PNG,
the native 16-bit/float ones are refused there, and ``format_issues`` reads what a hand-written script outputs."""

from __future__ import annotations

import uuid

import numpy as np
import pytest
from osgeo import gdal

from byoc_qgis.core import evalscripts
from byoc_qgis.core.models import Band, Collection
from localhub.process import encode
from localhub.process.errors import ProcessError
from localhub.process.evalscript import Evalscript

H, W = 24, 32


def _collection(**types) -> Collection:
    bands = {
        name: Band(name, source=name, band_index=1, bit_depth=d, sample_format=f) for name, (d, f) in types.items()
    }
    return Collection("formats", "bucket", id="c", bands=bands)


S16 = _collection(B02=(16, "UINT"), B03=(16, "UINT"), B04=(16, "UINT"))
MIXED = _collection(U8=(8, "UINT"), I8=(8, "INT"), I16=(16, "INT"), F32=(32, "FLOAT"))


def _inputs(names):
    """Deterministic band values (0..4000 for 16-bit, the type's range for 8-bit, 0..0.4 for float) + a dataMask."""
    rng = np.random.default_rng(7)
    planes = []
    for name in names:
        band = {**S16.bands, **MIXED.bands}[name]
        if band.sample_format == "FLOAT":
            planes.append(rng.uniform(0, 0.4, H * W))
        elif band.bit_depth == 8:
            planes.append(
                rng.integers(-128, 128, H * W) if band.sample_format == "INT" else rng.integers(0, 256, H * W)
            )
        else:
            planes.append(rng.integers(0, 4001, H * W))
    mask = np.ones(H * W)
    mask[:W] = 0  # first row without data
    return np.array(planes + [mask], np.float32)


def _render(script: str, fmt: str) -> np.ndarray:
    """Run the script over synthetic pixels like localhub does and encode the result; return the decoded raster."""
    with Evalscript(script, time_limit_s=10) as es:
        setup = es.setup()
        es.set_context({}, {"serviceVersion": "1.0.0", "normalizationFactor": 1})
        inputs = _inputs(setup.bands[:-1])
        spec = setup.outputs[0]
        values = es.evaluate(setup.bands, inputs, setup.outputs)[spec.id]
    typed = encode.apply_sample_type(values, spec.sample_type).reshape(spec.bands, H, W)
    data = encode.encode_jpeg(typed, spec.id, 90) if fmt == "jpg" else encode.encode_png(typed, spec.id)
    path = f"/vsimem/{uuid.uuid4().hex}.{fmt}"
    gdal.FileFromMemBuffer(path, data)
    try:
        ds = gdal.Open(path)
        assert ds.GetDriver().ShortName == {"jpg": "JPEG", "png": "PNG"}[fmt]
        assert ds.GetRasterBand(1).DataType == gdal.GDT_Byte
        return ds.ReadAsArray().reshape(ds.RasterCount, H, W)
    finally:
        ds = None
        gdal.Unlink(path)


def test_16_bit_single_band_is_refused_by_jpeg_but_its_eight_bit_variant_encodes():
    native = evalscripts.single_band(S16, "B02")
    assert evalscripts.script_outputs(native) == [(1, "UINT16")]
    assert evalscripts.eight_bit_needed("UINT16", "jpg") and not evalscripts.eight_bit_needed("UINT16", "png")
    with pytest.raises(ProcessError, match="JPEG takes AUTO or UINT8"):
        _render(native, "jpg")
    out = _render(evalscripts.single_band(S16, "B02", eight_bit=True), "jpg")
    assert out.shape == (1, H, W)
    want = np.clip(_inputs(["B02"])[0].reshape(H, W) * evalscripts.REFLECTANCE_SCALE * 255 + 0.5, 0, 255)
    want[0] = 0  # no data
    assert np.abs(out[0].astype(float) - want).mean() < 6  # JPEG is lossy; the stretch is right
    assert out[0, 1:].max() > 200 and out[0, 1:].std() > 30  # uses the 8-bit range, not a near-black image


@pytest.mark.parametrize("fmt", ["jpg", "png"])
def test_every_eight_bit_template_encodes(fmt):
    scripts = [
        evalscripts.true_color(S16, "B04", "B03", "B02", eight_bit=True),
        evalscripts.false_color(S16, "B04", "B03", "B02", eight_bit=True),
        evalscripts.normalized_difference(S16, "B04", "B03", eight_bit=True),
        evalscripts.all_bands(S16, eight_bit=True),
        *(evalscripts.single_band(MIXED, name, eight_bit=True) for name in MIXED.bands),
    ]
    for script in scripts:
        assert evalscripts.format_issues(script, fmt) == [], script
        out = _render(script, fmt)
        assert out.shape[0] in (1, 3) and out[:, 1:].std() > 5, script  # a real picture, not one flat value


def test_normalized_difference_maps_minus_one_to_one_onto_the_byte_range():
    script = evalscripts.normalized_difference(S16, "B04", "B03", eight_bit=True)
    out = _render(script, "png")[0].astype(float)
    a, b = _inputs(["B04", "B03"])[:2]
    with np.errstate(invalid="ignore", divide="ignore"):
        nd = np.where(a + b == 0, 0.0, ((a - b) / (a + b) + 1) / 2).reshape(H, W)
    np.testing.assert_allclose(out[1:], np.floor(nd[1:] * 255 + 0.5), atol=1)
    assert out[0].max() == 0


def test_display_scale_by_bit_depth():
    assert evalscripts.display_scale(MIXED.bands["U8"]) == (0.0, 1 / 255)
    assert evalscripts.display_scale(MIXED.bands["I8"]) == (128.0, 1 / 255)
    assert evalscripts.display_scale(MIXED.bands["I16"]) == (0.0, evalscripts.REFLECTANCE_SCALE)
    assert evalscripts.display_scale(MIXED.bands["F32"]) == (0.0, 2.5)


@pytest.mark.parametrize(
    ("script", "fmt", "issues"),
    [
        ('function setup() { return { input: ["B02"], output: { bands: 1, sampleType: "UINT16" } }; }', "jpg",
         [("sampleType", "UINT16")]),
        ("function setup() { return { input: ['B02'], output: { bands: 1, sampleType: SampleType.FLOAT32 } }; }",
         "png", [("sampleType", "FLOAT32")]),
        ('function setup() { return { input: ["B02"], output: { bands: 1, sampleType: "UINT16" } }; }', "png", []),
        ('function setup() { return { input: ["B02"], output: { bands: 1 } }; }', "jpg", []),  # AUTO default
        ('function setup() { return { input: ["B02"], output: { bands: 4, sampleType: "UINT8" } }; }', "jpg",
         [("bands", "4")]),
        ('function setup() { return { input: ["B02"], output: [{ id: "default", bands: 2, sampleType: "INT16" }] }; }',
         "jpg", [("sampleType", "INT16"), ("bands", "2")]),
        ('function setup() { return { input: ["B02"], output: { bands: 1, sampleType: "FLOAT32" } }; }', "tif", []),
        ("no setup at all", "jpg", []),
    ],
)  # fmt: skip
def test_format_issues_of_hand_written_scripts(script, fmt, issues):
    assert [(i.kind, i.found) for i in evalscripts.format_issues(script, fmt)] == issues


# -- named templates (core.evalscripts.template_script: the dialog's, processrequest's and batchcreate's) -------------
@pytest.mark.parametrize(
    ("template", "bands", "fmt", "sample_type"),
    [
        ("single", ["B02"], "tif", "UINT16"),
        ("single", ["B02"], "png", "UINT16"),
        ("single", ["B02"], "jpg", "AUTO"),
        ("ndi", ["B04", "B03"], "tif", "FLOAT32"),
        ("ndi", ["B04", "B03"], "png", "AUTO"),
        ("ndi", ["B04", "B03"], "jpg", "AUTO"),
        ("true", ["B04", "B03", "B02"], "jpg", "AUTO"),
        ("all", [], "tif", "UINT16"),
        ("all", [], "jpg", "AUTO"),
    ],
)
def test_template_script_follows_the_format(template, bands, fmt, sample_type):
    script = evalscripts.template_script(S16, template, bands, fmt)
    assert [t for _n, t in evalscripts.script_outputs(script)] == [sample_type]
    assert not [i for i in evalscripts.format_issues(script, fmt) if i.kind == "sampleType"]


def test_template_script_scale_none_keeps_raw_values_where_the_format_holds_them():
    raw = evalscripts.template_script(S16, "true", ["B04", "B03", "B02"], "tif", scale=None)
    assert evalscripts.script_outputs(raw) == [(3, "UINT16")] and "return [s.B04, s.B03, s.B02]" in raw
    eight = evalscripts.template_script(S16, "true", ["B04", "B03", "B02"], "jpg", scale=None)
    assert eight == evalscripts.true_color(S16, "B04", "B03", "B02", eight_bit=True)
    scaled = evalscripts.template_script(S16, "false", ["B04", "B03", "B02"], "jpg", scale=0.5)
    assert scaled == evalscripts.false_color(S16, "B04", "B03", "B02", scale=0.5)


def test_template_script_refuses_wrong_band_counts_and_unknown_templates():
    with pytest.raises(ValueError, match="needs 2 band names, got 1"):
        evalscripts.template_script(S16, "ndi", ["B04"])
    with pytest.raises(ValueError, match="unknown evalscript template 'ndvi'"):
        evalscripts.template_script(S16, "ndvi", ["B04", "B03"])
    with pytest.raises(ValueError, match="band 'B08' is not in the collection"):
        evalscripts.template_script(S16, "single", ["B08"])


def test_default_bands_prefer_sentinel_2_names():
    names = ["B02", "B03", "B04", "B08"]
    assert evalscripts.default_bands(names, "true") == ["B04", "B03", "B02"]
    assert evalscripts.default_bands(names, "false") == ["B08", "B04", "B03"]
    assert evalscripts.default_bands(names, "ndi") == ["B08", "B04"]
    assert evalscripts.default_bands(names, "single") == ["B02"]
    assert evalscripts.default_bands(names, "all") == []
    assert evalscripts.default_bands(["x", "y"], "true") == ["x", "y", "x"]
    assert evalscripts.default_bands([], "single") == []
