"""Cover-geometry tracing (byoc_qgis.core.cover) on real synthetic rasters, checked at full resolution."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal, ogr

from byoc_qgis.core import cover
from byoc_qgis.core.progress import Cancelled
from tests import fixtures_rasters as fr


def interior_rings(geom):
    flat = ogr.GT_Flatten(geom.GetGeometryType())
    polys = [geom] if flat == ogr.wkbPolygon else [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())]
    return sum(p.GetGeometryCount() - 1 for p in polys)


@pytest.mark.parametrize("kind", ["collar", "hole", "islands", "s2", "bottom-collar"])
@pytest.mark.parametrize("resampling", ["AVERAGE", "NEAREST", "CUBIC"])
def test_contain_policy_keeps_every_valid_pixel(tmp_path, kind, resampling):
    path = fr.make_cog(tmp_path / "t.tif", kind=kind, size=(1200, 1000), resampling=resampling)
    # target_size 300 forces tracing an overview (600 px or 300 px) even on this small raster
    res = cover.trace_cover(path, target_size=300)
    assert res.report.level >= 1
    assert res.report.points <= 100 == res.report.max_points
    assert cover.count_points(res.geometry) == res.report.points
    outside, nodata_inside, total = cover.full_resolution_check(path, res.geometry)
    assert total > 0
    assert outside == 0
    assert nodata_inside / total < 0.06  # coarse level on a tiny raster: a few percent at most
    assert res.report.deficit_area == pytest.approx(0.0, abs=1e-6)
    assert res.geometry.IsValid()


@pytest.mark.parametrize("kind", ["collar", "hole", "s2"])
def test_exclude_policy_has_no_nodata_inside(tmp_path, kind):
    path = fr.make_cog(tmp_path / "t.tif", kind=kind, size=(1200, 1000))
    res = cover.trace_cover(path, policy="exclude", target_size=300)
    outside, nodata_inside, total = cover.full_resolution_check(path, res.geometry)
    assert nodata_inside == 0
    assert outside / total < 0.06
    assert res.report.points <= 100
    assert res.report.excess_area == pytest.approx(0.0, abs=1e-6)


def test_full_resolution_trace_of_small_raster_is_exact_when_it_fits(tmp_path):
    w, h = 400, 300
    arrays = [np.zeros((h, w), np.uint16)]
    arrays[0][50:250, 100:300] = 7  # a rectangle: 5 points
    src = fr.mem_dataset(arrays, nodata=0)
    path = fr.write_cog(tmp_path / "rect.tif", src, blocksize=256)
    res = cover.trace_cover(path)
    assert res.report.level == 0 and res.report.margin == 0
    assert res.report.points == 5
    assert res.report.excess_area == pytest.approx(0.0, abs=1e-6)
    minx, maxx, miny, maxy = res.geometry.GetEnvelope()
    gt = fr.geotransform(fr.UTM_EPSG)
    assert (minx, maxx) == pytest.approx((gt[0] + 1000, gt[0] + 3000))
    assert (maxy, miny) == pytest.approx((gt[3] - 500, gt[3] - 2500))
    assert cover.full_resolution_check(path, res.geometry)[:2] == (0, 0)


def test_holes_and_parts_are_kept_when_they_fit(tmp_path):
    path = fr.make_cog(tmp_path / "s2.tif", kind="s2", size=(1200, 1200))
    res = cover.trace_cover(path, max_points=200, target_size=600)
    g = res.geometry
    assert ogr.GT_Flatten(g.GetGeometryType()) == ogr.wkbMultiPolygon
    assert g.GetGeometryCount() == 3  # main body + two islands
    assert interior_rings(g) == 1  # the hole
    assert cover.full_resolution_check(path, g)[0] == 0


@pytest.mark.parametrize("max_points", [8, 20, 50])
def test_point_budget(tmp_path, max_points):
    path = fr.make_cog(tmp_path / "t.tif", kind="s2", size=(1200, 1000))
    res = cover.trace_cover(path, max_points=max_points, target_size=300)
    assert res.report.points <= max_points
    assert cover.full_resolution_check(path, res.geometry)[0] == 0


def test_geojson_crs_member(tmp_path):
    utm = cover.trace_cover(fr.make_utm_cog(tmp_path / "u.tif"))
    assert utm.geojson["crs"] == {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}}
    assert utm.geojson["type"] == "Polygon"
    wgs = cover.trace_cover(fr.make_wgs84_cog(tmp_path / "w.tif"))
    assert "crs" not in wgs.geojson
    lon, lat = wgs.geojson["coordinates"][0][0]
    assert 14.0 <= lon <= 14.07 and 45.9 <= lat <= 46.0  # x = lon, y = lat
    # enough decimals for 0.0001° pixels: the GeoJSON round-trips inside 1/1000 pixel
    back = cover.geometry_from_geojson(wgs.geojson)
    assert back.SymmetricDifference(wgs.geometry).GetArea() / wgs.geometry.GetArea() < 1e-5
    assert cover.full_resolution_check(str(tmp_path / "w.tif"), back)[0] == 0


def test_nan_float_alpha_and_multiband(tmp_path):
    for path in (
        fr.make_nan_float(tmp_path / "nan.tif", size=(1200, 1000)),
        fr.make_alpha(tmp_path / "alpha.tif", size=(1200, 1000)),
        fr.make_internal_mask(tmp_path / "mask.tif", size=(1200, 1000)),
    ):
        res = cover.trace_cover(path, target_size=300)
        outside, inside, total = cover.full_resolution_check(path, res.geometry)
        assert outside == 0 and inside / total < 0.06, path
        assert res.report.excess_pct < 6


def test_band_files_are_combined(tmp_path):
    # B1 valid left of a wavy edge, B2 valid above a bottom collar: contain = union, exclude = intersection
    a = fr.make_cog(tmp_path / "B1.tif", kind="collar")
    b = fr.make_cog(tmp_path / "B2.tif", kind="bottom-collar")
    union = cover.trace_cover([a, b])
    inter = cover.trace_cover([a, b], policy="exclude")
    for p in (a, b):
        assert cover.full_resolution_check(p, union.geometry)[0] == 0
        assert cover.full_resolution_check(p, inter.geometry)[1] == 0
    assert union.geometry.GetArea() > inter.geometry.GetArea()


def test_fully_valid_raster_gives_its_extent(tmp_path):
    res = cover.trace_cover(fr.make_cog(tmp_path / "f.tif", kind="full"))
    assert res.report.points == 5
    assert res.geometry.GetArea() == pytest.approx(6000 * 5000)


def test_exclude_policy_without_room_gives_no_cover(tmp_path):
    arrays = [np.zeros((300, 300), np.uint16)]
    arrays[0][100:200, 150] = 5  # a one-pixel-wide line: nothing survives the inward margin
    path = fr.write_cog(tmp_path / "line.tif", fr.mem_dataset(arrays, nodata=0), blocksize=256)
    res = cover.trace_cover(path, policy="exclude", margin_px=1)
    assert res.geometry is None and res.report.fallback == "none"
    assert "no cover" in res.report.warnings[-1]
    contain = cover.trace_cover(path)
    assert cover.full_resolution_check(path, contain.geometry)[0] == 0


def test_tight_budget_and_extent_fallback(tmp_path):
    # 40 scattered islands cannot all be kept in 5 points: the cover grows into one blob or the extent box
    rng = np.random.default_rng(7)
    arrays = [np.zeros((400, 400), np.uint16)]
    for y, x in rng.integers(5, 395, size=(40, 2)):
        arrays[0][y - 2 : y + 2, x - 2 : x + 2] = 9
    path = fr.write_cog(tmp_path / "dots.tif", fr.mem_dataset(arrays, nodata=0), blocksize=256)
    res = cover.trace_cover(path, max_points=5)
    assert res.report.points <= 5
    assert cover.full_resolution_check(path, res.geometry)[0] == 0
    with pytest.raises(cover.CoverError, match="at least 5"):
        cover.trace_cover(path, max_points=4)


def test_no_valid_data(tmp_path):
    src = fr.mem_dataset([np.zeros((300, 300), np.uint16)], nodata=0)
    res = cover.trace_cover(fr.write_cog(tmp_path / "empty.tif", src, blocksize=256))
    assert res.geometry is None and res.geojson is None
    assert "no valid pixel" in res.report.warnings[0]


def test_bad_input(tmp_path):
    with pytest.raises(cover.CoverError, match="missing.tif"):
        cover.trace_cover(str(tmp_path / "missing.tif"))
    with pytest.raises(cover.CoverError, match="geotransform"):
        cover.trace_cover(fr.make_ungeoreferenced(tmp_path / "u.tif"))
    with pytest.raises(cover.CoverError, match="policy"):
        cover.trace_cover(fr.make_utm_cog(tmp_path / "p.tif"), policy="sloppy")


def test_progress_and_cancel(tmp_path):
    path = fr.make_cog(tmp_path / "t.tif", kind="s2", size=(1200, 1000))
    seen = []
    cover.trace_cover(path, target_size=300, progress=lambda f, m: seen.append(f))
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(Cancelled):
        cover.trace_cover(path, target_size=300, cancel=lambda: True)


def test_report_summary(tmp_path):
    res = cover.trace_cover(fr.make_cog(tmp_path / "t.tif", kind="s2", size=(1200, 1000)), target_size=300)
    text = res.report.summary()
    assert f"{res.report.points} points" in text and "m²" in text and "level" in text


@pytest.mark.slow
def test_sentinel2_sized_tile_property(s2_sized_cog):
    """10980² UInt16 COG: 0 valid pixels outside at full resolution, <= 100 points, <= 2 % area excess."""
    ds = gdal.Open(s2_sized_cog)
    assert ds.RasterXSize == 10980 and ds.GetRasterBand(1).GetOverviewCount() >= 3
    res = cover.trace_cover(s2_sized_cog)
    assert 1000 <= max(res.report.level_size) <= 1500  # a coarse overview was traced
    assert res.report.points <= 100
    outside, nodata_inside, total = cover.full_resolution_check(s2_sized_cog, res.geometry)
    assert outside == 0
    assert nodata_inside / total <= 0.02
    excl = cover.trace_cover(s2_sized_cog, policy="exclude")
    outside_e, nodata_inside_e, _ = cover.full_resolution_check(s2_sized_cog, excl.geometry)
    assert nodata_inside_e == 0 and outside_e / total <= 0.02
    assert excl.report.points <= 100
