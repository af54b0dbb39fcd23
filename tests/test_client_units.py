"""Pure parts of the client: retry/backoff policy, Process request building, the split grid, evalscripts, tar."""

from __future__ import annotations

import io
import random
import tarfile

import pytest

from byoc_qgis.core import evalscripts
from byoc_qgis.core.errors import SentinelHubError
from byoc_qgis.core.http import RetryPolicy, backoff_delay, parse_retry_after, user_agent
from byoc_qgis.core.models import Band
from byoc_qgis.core.process import DataSource, OutputResponse, ProcessRequest, decode_response
from byoc_qgis.core.process_split import Cell, cell_bbox, plan_grid, split_sizes


def test_retry_after_is_milliseconds():
    assert parse_retry_after("3398", 5.0) == pytest.approx(3.398)
    assert parse_retry_after(None, 5.0) == 5.0
    assert parse_retry_after("soon", 5.0) == 5.0
    assert parse_retry_after("-1", 2.0) == 2.0


def test_backoff_is_capped_exponential_with_jitter():
    rng = random.Random(1)
    delays = [backoff_delay(n, 0.5, 4.0, 0.5, rng) for n in range(1, 9)]
    for n, d in enumerate(delays, start=1):
        full = min(4.0, 0.5 * 2 ** (n - 1))
        assert full / 2 <= d <= full
    assert max(delays) <= 4.0
    assert len({round(d, 6) for d in delays[4:]}) > 1  # jitter: capped delays differ
    assert RetryPolicy(jitter=0.0).delay(3) == 2.0


def test_user_agent_names_plugin_version():
    from byoc_qgis.core.http import plugin_version

    assert user_agent("3.22.16").startswith(f"byoc_qgis/{plugin_version()} QGIS/3.22.16")
    assert plugin_version() not in ("", "0")


def _request(**kwargs):
    base = dict(
        evalscript="//VERSION=3\n",
        data=[DataSource("c1", "2020-01-01", "2020-01-31T23:59:59Z", "leastRecent", "BILINEAR", None)],
        bbox=(13.0, 45.0, 14.0, 46.0),
        width=512,
        height=256,
    )
    base.update(kwargs)
    return ProcessRequest(**base)


def test_process_request_body():
    body = _request(crs="EPSG:32633", bbox=(500000, 5000000, 510000, 5010000)).to_dict()
    assert body["input"]["bounds"] == {
        "properties": {"crs": "http://www.opengis.net/def/crs/EPSG/0/32633"},
        "bbox": [500000.0, 5000000.0, 510000.0, 5010000.0],
    }
    data = body["input"]["data"][0]
    assert data["type"] == "byoc-c1"
    assert data["dataFilter"] == {
        "timeRange": {"from": "2020-01-01T00:00:00Z", "to": "2020-01-31T23:59:59Z"},
        "mosaickingOrder": "leastRecent",
    }
    assert data["processing"] == {"upsampling": "BILINEAR"}
    assert body["output"] == {
        "responses": [{"identifier": "default", "format": {"type": "image/tiff"}}],
        "width": 512,
        "height": 256,
    }
    geom = {"type": "Polygon", "coordinates": [[[13, 45], [14, 45], [14, 46], [13, 45]]]}
    body = _request(bbox=None, geometry=geom, width=None, height=None, resx=0.01, resy=0.01).to_dict()
    assert body["input"]["bounds"]["geometry"] == geom and "bbox" not in body["input"]["bounds"]
    assert body["output"]["resx"] == 0.01 and "width" not in body["output"]
    several = _request(responses=[OutputResponse("default"), OutputResponse("userdata", "application/json")])
    assert several.accept() == "application/x-tar"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"resx": 1.0, "resy": 1.0}, "not both"),
        ({"width": 3000}, "larger than 2500"),
        ({"bbox": (14, 45, 13, 46)}, "minx < maxx"),
        ({"evalscript": " "}, "evalscript"),
        ({"data": [DataSource("c1", "2020-02-01", "2020-01-01")]}, "after"),
        ({"data": [DataSource("c1", mosaicking_order="random")]}, "mosaickingOrder"),
    ],
)
def test_process_request_validation(kwargs, message):
    with pytest.raises(ValueError, match=message):
        req = _request(**kwargs)
        req.validate()
        req.to_dict()


def test_split_grid_on_pixel_lattice():
    assert split_sizes(2500, 2500) == [2500]
    assert split_sizes(5001, 2500) == [1667, 1667, 1667]
    cells = plan_grid(6000, 2600, 2500)
    assert len(cells) == 3 * 2
    assert sum(c.width for c in cells if c.row == 0) == 6000
    assert sum(c.height for c in cells if c.col == 0) == 2600
    assert all(c.width <= 2500 and c.height <= 2500 for c in cells)
    # cells tile the image without gaps or overlaps
    covered = set()
    for c in plan_grid(7, 5, 3):
        for x in range(c.col, c.col + c.width):
            for y in range(c.row, c.row + c.height):
                assert (x, y) not in covered
                covered.add((x, y))
    assert len(covered) == 35
    bounds = (10.0, 40.0, 13.0, 41.0)
    grid = plan_grid(300, 100, 128)
    boxes = [cell_bbox(bounds, (300, 100), c) for c in grid]
    assert boxes[0][0] == 10.0 and boxes[0][3] == 41.0 and boxes[-1][2] == 13.0 and boxes[-1][1] == 40.0
    assert boxes[0][2] == boxes[1][0]  # neighbours share the exact same edge
    assert cell_bbox(bounds, (300, 100), Cell(100, 0, 100, 100))[0] == 10.0 + 3.0 * 100 / 300


def test_decode_tar_outputs():
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data in (("default.tif", b"II*\x00"), ("userdata.json", b'{"norm_factor":1.0E-4}')):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    responses = [OutputResponse("default"), OutputResponse("userdata", "application/json")]
    out = decode_response(buf.getvalue(), "application/x-tar", responses)
    assert out == {"default": b"II*\x00", "userdata": b'{"norm_factor":1.0E-4}'}
    with pytest.raises(SentinelHubError, match="not a valid tar archive"):
        decode_response(b"not a tar", "application/x-tar", responses)


BANDS = {
    "B8": Band("B8", bit_depth=8, sample_format="UINT"),
    "B16": Band("B16", bit_depth=16, sample_format="UINT"),
    "S16": Band("S16", bit_depth=16, sample_format="INT"),
    "F32": Band("F32", bit_depth=32, sample_format="FLOAT"),
    "Red": Band("Red", bit_depth=16, sample_format="UINT"),
    "Green": Band("Green", bit_depth=16, sample_format="UINT"),
    "Blue": Band("Blue", bit_depth=16, sample_format="UINT"),
    "NIR": Band("NIR", bit_depth=16, sample_format="UINT"),
}


def test_sample_types():
    assert evalscripts.sample_type_for(BANDS["B8"]) == "UINT8"
    assert evalscripts.sample_type_for(BANDS["S16"]) == "INT16"
    assert evalscripts.sample_type_for(BANDS["F32"]) == "FLOAT32"
    assert evalscripts.sample_type_for(Band("I32", bit_depth=32, sample_format="INT")) == "FLOAT32"
    assert evalscripts.common_sample_type([BANDS["B8"], BANDS["B16"]]) == "UINT16"
    assert evalscripts.common_sample_type([BANDS["B8"], BANDS["S16"]]) == "INT16"
    assert evalscripts.common_sample_type([BANDS["B16"], BANDS["S16"]]) == "FLOAT32"


def _run(script: str, samples: dict):
    """Execute the evalscript in V8 (mini-racer) as the service would: setup() and evaluatePixel()."""
    from py_mini_racer import MiniRacer

    ctx = MiniRacer()
    ctx.eval(script)
    import json

    setup = json.loads(ctx.eval("JSON.stringify(setup())"))
    value = json.loads(ctx.eval(f"JSON.stringify(evaluatePixel({json.dumps(samples)}))"))
    return setup, value


def test_evalscripts_run_in_v8():
    setup, value = _run(
        evalscripts.true_color(BANDS, "Red", "Green", "Blue"), {"Red": 1, "Green": 2, "Blue": 3, "dataMask": 1}
    )
    assert setup["output"] == {"bands": 3, "sampleType": "UINT16"}
    assert value == [1, 2, 3]
    setup, value = _run(
        evalscripts.true_color(BANDS, "Red", "Green", "Blue", scale=0.0001),
        {"Red": 5000, "Green": 0, "Blue": 0, "dataMask": 1},
    )
    assert setup["output"]["sampleType"] == "AUTO" and value[0] == pytest.approx(0.5)
    setup, value = _run(evalscripts.normalized_difference(BANDS, "NIR", "Red"), {"NIR": 3, "Red": 1, "dataMask": 1})
    assert setup["output"]["sampleType"] == "FLOAT32" and value == [0.5]
    _, value = _run(evalscripts.single_band(BANDS, "S16", nodata=-1), {"S16": 7, "dataMask": 0})
    assert value == [-1]
    setup, _ = _run(
        evalscripts.false_color(BANDS, "NIR", "Red", "Green"), {"NIR": 1, "Red": 1, "Green": 1, "dataMask": 1}
    )
    assert setup["input"][0]["bands"] == ["NIR", "Red", "Green", "dataMask"]
    with pytest.raises(ValueError, match="not in the collection"):
        evalscripts.single_band(BANDS, "B99")
