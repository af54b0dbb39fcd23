"""BYOC file and tile rules (byoc_qgis.core.cog_rules) on real synthetic GeoTIFFs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from byoc_qgis.core import cog_rules
from tests import fixtures_rasters as fr


def rules(findings, severity=None):
    return sorted({f.rule for f in findings if severity is None or f.severity == severity})


def test_importable_without_qgis():
    code = "import sys; from byoc_qgis.core import cog_rules; assert not any(m.startswith('qgis') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=str(fr.Path(__file__).parent.parent))


@pytest.mark.parametrize("maker", ["utm_cog", "wgs84_cog", "nan_float"])
def test_valid_cogs_have_no_findings(raster_factory, maker):
    facts, findings = cog_rules.inspect_file(getattr(raster_factory, maker)())
    assert findings == []
    assert facts.width == 600 and facts.height == 500 and facts.band_count == 1
    assert facts.overviews == [(300, 250), (150, 125)]
    assert 0 < facts.header_size < 16384
    assert facts.compression == "DEFLATE"


def test_facts_of_utm_and_wgs84(raster_factory):
    utm, _ = cog_rules.inspect_file(raster_factory.utm_cog())
    assert (utm.epsg, utm.data_type, utm.bit_depth, utm.sample_format, utm.nodata) == (
        32633,
        "UInt16",
        16,
        "UINT",
        [0.0],
    )
    assert utm.bounds == pytest.approx((399960.0, 5000040.0 - 5000, 399960.0 + 6000, 5000040.0))
    wgs, _ = cog_rules.inspect_file(raster_factory.wgs84_cog())
    assert wgs.epsg == 4326 and wgs.pixel_size == pytest.approx((0.0001, 0.0001))
    nan, _ = cog_rules.inspect_file(raster_factory.nan_float())
    assert (nan.bit_depth, nan.sample_format, nan.nodata) == (32, "FLOAT", [None])


@pytest.mark.parametrize(
    ("maker", "errors", "warnings"),
    [
        ("alpha", [], ["nodata"]),
        ("internal_mask", [], ["nodata"]),
        ("palette", ["photometric"], []),
        ("jpeg", ["compression", "photometric"], []),
        ("small_tiles", ["block-size"], []),
        ("overview_128", ["block-size", "cog-layout"], []),
        ("no_overviews", ["overviews"], []),
        ("big_header", ["header-size", "overviews"], []),
        ("striped", ["block-size"], []),
        ("chunky", ["chunky-bands"], []),
        ("bad_crs", ["crs"], []),
        ("data_type", ["data-type"], []),
        ("ungeoreferenced", ["georeferencing"], []),
    ],
)
def test_expected_findings(raster_factory, maker, errors, warnings):
    path = getattr(raster_factory, maker)()
    facts, findings = cog_rules.inspect_file(path)
    assert facts is not None
    assert rules(findings, "error") == errors
    assert rules(findings, "warning") == warnings
    for f in findings:
        assert f.file == path and f.value and f.message and f.fix
    # errors come first
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=lambda s: s != "error")


def test_block_size_message_is_the_services_text(raster_factory):
    _, findings = cog_rules.inspect_file(raster_factory.overview_128())
    texts = [f.message for f in findings if f.rule == "block-size"]
    assert texts[0] == "Ensure tiles of image at index 1 have width and height between 256 and 2048."
    assert "index 0" not in " ".join(texts)
    _, findings = cog_rules.inspect_file(raster_factory.small_tiles())
    assert findings[0].message == "Ensure tiles of image at index 0 have width and height between 256 and 2048."
    assert "128x128" in findings[0].value


def test_unsupported_types(raster_factory):
    for dtype in ("Int32", "UInt32"):
        facts, findings = cog_rules.inspect_file(raster_factory.data_type(f"{dtype}.tif", dtype=dtype))
        assert facts.data_type == dtype and facts.bit_depth == 32
        assert [f.value for f in findings if f.rule == "data-type"] == [dtype]


def test_unreadable_file(tmp_path):
    bad = tmp_path / "broken.tif"
    bad.write_bytes(b"not a tiff at all")
    facts, findings = cog_rules.inspect_file(str(bad))
    assert facts is None
    assert [(f.severity, f.rule) for f in findings] == [("error", "readable")]
    assert findings[0].message == f"The file cannot be read as a raster: {bad}: not a raster (unreadable)"
    assert findings[0].value == "not a raster (unreadable)" and "unknown GDAL error" not in findings[0].message
    assert findings[0].fix.startswith("Provide a GeoTIFF: GDAL recognises no raster format in this file")
    assert "bucket" not in findings[0].fix  # a local file: no S3 hint
    empty = tmp_path / "empty.tif"
    empty.write_bytes(b"")
    facts, findings = cog_rules.inspect_file(str(empty))
    assert (
        facts is None and findings[0].message == f"The file cannot be read as a raster: {empty}: not a raster (0 bytes)"
    )
    assert cog_rules.rule_for_cause(findings[0].message) == "readable"
    facts, findings = cog_rules.inspect_file(str(tmp_path / "missing.tif"))
    assert facts is None and findings[0].rule == "readable" and findings[0].value == "the file does not exist"


def test_non_tiff_is_cog_layout_error(tmp_path):
    src = fr.mem_dataset(fr.shaped_arrays("full", 64, 64))
    png = tmp_path / "x.png"
    fr.gdal.Translate(str(png), src, format="PNG")
    facts, findings = cog_rules.inspect_file(str(png))
    assert facts is not None
    assert "cog-layout" in rules(findings, "error")
    assert "extension" in rules(findings, "warning")


def test_header_size_counts_the_tile_index(tmp_path):
    facts, _ = cog_rules.inspect_file(fr.make_big_header(tmp_path / "big.tif"))
    assert facts.header_size == 391 * 391 * 2 * 4  # 256-px tiles over 100000 px: offsets + byte counts, 4 B each
    small, _ = cog_rules.inspect_file(fr.make_cog(tmp_path / "small.tif"))
    assert 0 < small.header_size < 16384


def test_allowed_epsg():
    for code in (4326, 3857, 3035, 32601, 32660, 32701, 32760):
        assert cog_rules.is_allowed_epsg(code)
    for code in (2056, 32600, 32661, 32700, 32761, 6933, None):
        assert not cog_rules.is_allowed_epsg(code)


def test_good_tile_and_autoconfiguration(tmp_path):
    files = fr.make_tile(tmp_path / "t1", stems=("B02", "B03"))
    facts, findings = cog_rules.check_tile(files)
    assert findings == []
    bands = cog_rules.bands_from_facts(facts)
    assert bands == {
        "B02": {"source": "B02", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT", "noData": 0.0},
        "B03": {"source": "B03", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT", "noData": 0.0},
    }
    assert cog_rules.collection_nodata(facts) == 0.0
    # the configured collection accepts the same tile
    _, findings = cog_rules.check_tile(files, bands)
    assert findings == []


def test_multiband_autoconfiguration(tmp_path):
    files = {"RGB": fr.make_cog(tmp_path / "RGB.tif", bands=3, dtype="Byte", nodata=None)}
    facts, findings = cog_rules.check_tile(files)
    assert findings == []
    bands = cog_rules.bands_from_facts(facts)
    assert list(bands) == ["RGB_1", "RGB_2", "RGB_3"]
    assert bands["RGB_3"] == {"source": "RGB", "bandIndex": 3, "bitDepth": 8, "sampleFormat": "UINT"}
    assert cog_rules.collection_nodata(facts) is None


def test_collection_nodata_disagreement(tmp_path):
    files = {"A": fr.make_cog(tmp_path / "A.tif", nodata=0), "B": fr.make_cog(tmp_path / "B.tif", nodata=1)}
    facts, _ = cog_rules.check_tile(files)
    assert cog_rules.collection_nodata(facts) is None
    assert cog_rules.bands_from_facts(facts)["B"]["noData"] == 1.0


def test_disagreeing_band_files(tmp_path):
    files = fr.make_disagreeing_tile(tmp_path / "tile")
    collection = {
        "B02": {"source": "B02", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT"},
        "B03": {"source": "B03", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT"},
        "B05": {"source": "B05", "bandIndex": 2, "bitDepth": 16, "sampleFormat": "UINT"},
    }
    facts, findings = cog_rules.check_tile(files, collection)
    assert set(facts) == {"B02", "B03", "B04"}
    by_rule = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    assert set(by_rule) == {"extension", "bounds", "file-set", "bit-depth", "sample-format"}
    assert by_rule["extension"][0].value == ".TIF, .tif"
    assert {f.value for f in by_rule["file-set"]} == {"missing B05", "unexpected B04"}
    assert by_rule["bit-depth"][0].file.endswith("B03.tif")
    assert by_rule["sample-format"][0].value == "FLOAT (Float32)"
    assert any(f.file.endswith("B04.TIF") for f in by_rule["bounds"])


def test_band_index_beyond_file(tmp_path):
    files = fr.make_tile(tmp_path / "t", stems=("B02",))
    _, findings = cog_rules.check_tile(
        files, {"X": {"source": "B02", "bandIndex": 2, "bitDepth": 16, "sampleFormat": "UINT"}}
    )
    assert [(f.rule, f.value) for f in findings] == [("band-count", "1 band(s), bandIndex 2")]


def test_tile_bounds_within_one_pixel_pass(tmp_path):
    a = fr.make_cog(tmp_path / "A.tif")
    gt = fr.geotransform(fr.UTM_EPSG)
    src = fr.mem_dataset(fr.shaped_arrays("collar", 600, 500), fr.UTM_EPSG, (gt[0] + 5.0, *gt[1:]), 0)
    b = fr.write_cog(tmp_path / "B.tif", src, blocksize=256)
    _, findings = cog_rules.check_tile({"A": a, "B": b})
    assert findings == []


def test_tile_crs_mismatch(tmp_path):
    files = {"A": fr.make_cog(tmp_path / "A.tif"), "B": fr.make_cog(tmp_path / "B.tif", epsg=32634)}
    _, findings = cog_rules.check_tile(files)
    assert rules(findings) == ["crs"]


def test_fallback_validator_agrees(raster_factory):
    for maker, ok in (("utm_cog", True), ("overview_128", False)):
        ds = fr.gdal.Open(getattr(raster_factory, maker)())
        warnings, errors, details = cog_rules.validator.fallback_validate(ds)
        assert (errors == []) is ok, errors
        assert details["data_offsets"]["main"] > 0
