"""``cog_rules.rule_for_cause``: every message the pre-flight rules produce (what localhub reports verbatim as
``failedIngestionCause``) maps back to its own rule. The messages come from real synthetic rasters, not copies."""

from __future__ import annotations

from pathlib import Path
from typing import List

from osgeo import gdal, osr

from byoc_qgis.core import cog_rules

from . import fixtures_rasters as fr

# every rule that can report an error
ERROR_RULES = {
    "readable", "cog-layout", "tiled", "overviews", "block-size", "header-size", "georeferencing", "crs", "bounds",
    "data-type", "compression", "photometric", "chunky-bands", "band-count", "extension", "file-set", "bit-depth",
    "sample-format",
}  # fmt: skip


def _custom_crs(path: Path) -> str:
    """A COG in a CRS without an EPSG code (a local transverse Mercator)."""
    src = fr.mem_dataset(fr.shaped_arrays("full", 300, 300), None)
    srs = osr.SpatialReference()
    srs.SetFromUserInput("+proj=tmerc +lat_0=0 +lon_0=13.3 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs")
    src.SetProjection(srs.ExportToWkt())
    src.SetGeoTransform((0.0, 10.0, 0.0, 5000000.0, 0.0, -10.0))
    return fr.write_cog(path, src, blocksize=256)


def _beyond_the_pole(path: Path) -> str:
    src = fr.mem_dataset(fr.shaped_arrays("full", 300, 300), 4326, fr.geotransform(4326, 0.01, (10.0, 91.0)))
    return fr.write_cog(path, src, blocksize=256)


def _gcps_only(path: Path) -> str:
    src = fr.mem_dataset(fr.shaped_arrays("full", 300, 300), None)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(fr.UTM_EPSG)
    gcps = [gdal.GCP(500000.0 + x * 10, 5000000.0 - y * 10, 0, x, y) for x, y in ((0, 0), (300, 0), (0, 300))]
    src.SetGCPs(gcps, srs.ExportToWkt())
    return fr.write_gtiff(path, src, ("TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"))


def _no_bands(path: Path) -> str:
    path.write_text('<VRTDataset rasterXSize="10" rasterYSize="10"></VRTDataset>')
    return str(path)


def _png(path: Path) -> str:
    src = fr.mem_dataset(fr.shaped_arrays("full", 64, 64, dtype="Byte"), fr.UTM_EPSG, dtype="Byte")
    gdal.GetDriverByName("PNG").CreateCopy(str(path), src)
    return str(path)


def _edited_in_place(path: Path) -> str:
    out = fr.make_cog(path, kind="full")
    # GDAL >= 3.8 refuses to break a COG's layout unless asked to; older versions ignore the option
    flags = gdal.OF_RASTER | gdal.OF_UPDATE
    ds = gdal.OpenEx(out, flags, open_options=["IGNORE_COG_LAYOUT_BREAK=YES"])
    ds.GetRasterBand(1).WriteRaster(0, 0, 1, 1, b"\x07\x00")
    ds = None
    return out


def _file_findings(tmp: Path) -> List[cog_rules.Finding]:
    makers = [
        fr.make_small_tiles, fr.make_striped, fr.make_bad_crs, fr.make_jpeg, fr.make_palette, fr.make_no_overviews,
        fr.make_ungeoreferenced, fr.make_chunky, fr.make_data_type, fr.make_overview_128, fr.make_big_header,
        fr.make_alpha, fr.make_internal_mask, _custom_crs, _beyond_the_pole, _gcps_only, _edited_in_place,
    ]  # fmt: skip
    findings: List[cog_rules.Finding] = []
    for maker in makers:
        findings += cog_rules.inspect_file(maker(tmp / f"{maker.__name__}.tif"))[1]
    findings += cog_rules.inspect_file(fr.make_striped(tmp / "wide_strips.tif", size=(1100, 300)))[1]  # "not tiled"
    findings += cog_rules.inspect_file(_no_bands(tmp / "no_bands.vrt"))[1]
    findings += cog_rules.inspect_file(_png(tmp / "picture.png"))[1]
    findings += cog_rules.inspect_file(str(tmp / "missing.tif"))[1]
    findings += cog_rules.inspect_file(fr.make_cog(tmp / "many.tif", size=(16, 16), bands=101, kind="full"))[1]
    return findings


def _tile_findings(tmp: Path) -> List[cog_rules.Finding]:
    findings = cog_rules.check_tile({})[1]
    uint16 = {"bitDepth": 16, "sampleFormat": "UINT"}
    bands = {"B02": {"source": "B02", **uint16}, "B03": {"source": "B03", **uint16}, "B04": {"source": "B04"}}
    findings += cog_rules.check_tile(fr.make_disagreeing_tile(tmp / "disagree"), bands)[1]
    two_crs = {"B02": fr.make_utm_cog(tmp / "crs" / "B02.tif"), "B03": fr.make_wgs84_cog(tmp / "crs" / "B03.tif")}
    findings += cog_rules.check_tile(two_crs)[1]
    grid = fr.geotransform(fr.UTM_EPSG, 10.0, (600000.0, 4000000.0))
    apart = fr.mem_dataset(fr.shaped_arrays("full", 300, 300), fr.UTM_EPSG, grid)
    far = {"B02": fr.make_utm_cog(tmp / "far" / "B02.tif"), "B03": fr.write_cog(tmp / "far" / "B03.tif", apart)}
    findings += cog_rules.check_tile(far)[1]
    tile = fr.make_tile(tmp / "set", stems=("B02", "B05"))
    wanted = {"B02": {"source": "B02", "bandIndex": 3}, "B04": {"source": "B04"}}
    findings += cog_rules.check_tile(tile, wanted)[1]
    wide = {s: fr.make_cog(tmp / "wide" / f"{s}.tif", size=(16, 16), bands=51, kind="full") for s in ("A", "B")}
    findings += cog_rules.check_tile(wide)[1]
    return findings


def test_every_error_message_maps_back_to_its_own_rule(tmp_path):
    findings = _file_findings(tmp_path) + _tile_findings(tmp_path)
    errors = [f for f in findings if f.is_error]
    for f in errors:
        assert cog_rules.rule_for_cause(f.message) == f.rule, (f.rule, f.message)
    assert {f.rule for f in errors} == ERROR_RULES  # every rule's errors were exercised
    messages = {f.message for f in errors}
    assert any("valid Cloud Optimized GeoTIFF" in m for m in messages)  # the validator's own wording too
    assert any("has no EPSG code" in m for m in messages) and any("regular geotransform" in m for m in messages)


def test_warnings_map_back_too(tmp_path):
    findings = _file_findings(tmp_path)
    warnings = [f for f in findings if not f.is_error]
    assert {"nodata", "extension"} <= {f.rule for f in warnings}
    for f in warnings:
        assert cog_rules.rule_for_cause(f.message) == f.rule, (f.rule, f.message)


def test_service_wording_and_unknown_causes():
    cases = {
        "Ensure tiles of image at index 2 have width and height between 256 and 2048.": "block-size",
        "The file is not a valid Cloud Optimized GeoTIFF: The file is not tiled.": "tiled",
        "The file is not a valid Cloud Optimized GeoTIFF: Overviews found in external .ovr file.": "overviews",
        "The file is not a valid Cloud Optimized GeoTIFF: The offset of the first block of overview of index 0 "
        "should be after the one of the overview of index 1.": "cog-layout",
        "s3://bucket/a/B02.tif: No such file or directory": "readable",
        "Access Denied": "readable",
    }
    for text, rule in cases.items():
        assert cog_rules.rule_for_cause(text) == rule, text
    for text in ("", "   ", None, "something nobody knows"):
        assert cog_rules.rule_for_cause(text) is None
