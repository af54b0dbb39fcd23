"""core.result_layers: a Process result's name from the evalscript sent, unique names, and what the script returns
where dataMask is 0 (no-data fill or alpha band). Pure Python."""

from __future__ import annotations

import math

from byoc_qgis.core.evalscripts import TEMPLATES, template_script
from byoc_qgis.core.models import Band, Collection
from byoc_qgis.core.result_layers import comment_title, datamask_alpha_band, datamask_fill, unique_name


def test_comment_title():
    assert comment_title("//VERSION=3\n// NDVI of the fields\nfunction setup() {}") == "NDVI of the fields"
    assert comment_title("//VERSION=3\n\n/* Moisture index */\nfunction setup() {}") == "Moisture index"
    assert comment_title("/*\n * Burned area\n * by someone\n */\n//VERSION=3\n") == "Burned area"
    assert comment_title("//VERSION=3\nfunction setup() {} // late comment") is None
    assert comment_title("") is None
    long = comment_title("// " + "x" * 100)
    assert len(long) == 60 and long.endswith("…")


def test_unique_name():
    assert unique_name("True colour", []) == "True colour"
    assert unique_name("True colour", ["True colour"]) == "True colour (2)"
    assert unique_name("True colour", ["True colour", "True colour (2)"]) == "True colour (3)"


def test_every_template_says_what_it_returns_without_data():
    col = Collection(name="c", s3_bucket="b", bands={n: Band(n, bit_depth=16) for n in ("B02", "B03", "B04", "B08")})
    bands = {"true": ["B04", "B03", "B02"], "false": ["B08", "B04", "B03"], "ndi": ["B08", "B04"], "single": ["B02"]}
    for key in TEMPLATES:
        for fmt in ("tif", "png", "jpg"):
            script = template_script(col, key, bands.get(key, []), fmt)
            fill = datamask_fill(script)
            assert fill is not None, (key, fmt)
            n = {"true": 3, "false": 3, "ndi": 1, "single": 1, "all": 4}[key]
            assert len(fill) == n, (key, fmt, fill)
            if key == "ndi" and fmt == "tif":
                assert math.isnan(fill[0])
            else:
                assert fill == [0.0] * n
            assert datamask_alpha_band(script) is None


def test_alpha_band():
    script = "//VERSION=3\nfunction setup(){return {output:{bands:4, sampleType:'AUTO'}};}\n" + (
        "function evaluatePixel(s) { return [s.B04, s.B03, s.B02, s.dataMask]; }"
    )
    assert datamask_alpha_band(script) == 4 and datamask_fill(script) is None
    assert datamask_alpha_band(script.replace("'AUTO'", "SampleType.AUTO")) == 4
    assert datamask_alpha_band(script.replace("'AUTO'", "'UINT8'")) is None  # 0/1 is no alpha
    assert datamask_alpha_band(script.replace("s.dataMask]", "1]")) is None
    assert datamask_fill("function evaluatePixel(s) { if (!s.dataMask) return [NaN, 5]; return [1, 2]; }")[1] == 5.0


def test_a_fill_written_as_a_ternary_per_value():
    assert datamask_fill("function evaluatePixel(s) { return [s.dataMask ? s.B1 : 0]; }") == [0.0]
    two = "function evaluatePixel(s) {\n  return [s.dataMask ? s.B1 : 0, s.dataMask ? 2 * s.B2 : -1];\n}"
    assert datamask_fill(two) == [0.0, -1.0]
    assert datamask_fill("function evaluatePixel(s) { return [s.dataMask ? s.B1 : s.B2]; }") is None  # not constant
    assert datamask_fill("function evaluatePixel(s) { return [s.dataMask ? s.B1 : 0, s.B2]; }") is None  # one only
    assert datamask_fill("function evaluatePixel(s) { if (s.B1) return [1]; return [s.dataMask ? 1 : 0]; }") is None
