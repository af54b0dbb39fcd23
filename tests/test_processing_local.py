"""Pre-flight check and Trace cover geometry through processing.run (no service involved)."""

from __future__ import annotations

import json

import pytest
from osgeo import ogr, osr

from .fixtures_rasters import make_small_tiles, make_tile, make_utm_cog
from .test_processing_support import register_provider, run_alg


@pytest.fixture(scope="module")
def provider(qgis_processing):
    return register_provider()


def test_preflight_reports_findings(provider, tmp_path):
    (tmp_path / "good").mkdir()
    (tmp_path / "bad").mkdir()
    good = make_utm_cog(tmp_path / "good" / "B02.tif")
    bad = make_small_tiles(tmp_path / "bad" / "B02.tif")
    res, layer = run_alg("byoc:preflightcheck", {"INPUT": [good, bad], "OUTPUT": "memory:"})
    rows = [f.attributes() for f in layer.getFeatures()]
    names = layer.fields().names()
    assert res["FILES"] == 2
    assert res["ERRORS"] >= 1
    files = {r[names.index("file")] for r in rows if r[names.index("severity")] == "error"}
    assert all("bad" in f for f in files), files
    assert any(r[names.index("rule")] == "block-size" for r in rows)
    assert all(r[names.index("fix")] for r in rows)


def test_preflight_can_fail_a_model(provider, tmp_path):
    from qgis.core import QgsProcessingException

    bad = make_small_tiles(tmp_path / "B02.tif")
    with pytest.raises(QgsProcessingException, match="Pre-flight found"):
        run_alg("byoc:preflightcheck", {"INPUT": [bad], "FAIL_ON_ERROR": True, "OUTPUT": "memory:"})


def test_preflight_folder_as_tile(provider, tmp_path):
    make_tile(tmp_path / "tile1", stems=("B02", "B03"))
    res, layer = run_alg("byoc:preflightcheck", {"FOLDER": str(tmp_path), "OUTPUT": "memory:"})
    assert res["FILES"] == 2
    assert res["ERRORS"] == 0


def test_trace_cover_outputs_polygons_in_wgs84(provider, tmp_path):
    path = make_utm_cog(tmp_path / "B02.tif")
    res, layer = run_alg("byoc:tracecover", {"INPUT": [path], "MAX_POINTS": 40, "OUTPUT": "memory:"})
    assert res["COUNT"] == 1
    assert layer.crs().authid() == "EPSG:4326"
    feat = next(layer.getFeatures())
    assert feat["native_crs"] == "EPSG:32633"
    assert 4 < feat["points"] <= 40
    gj = json.loads(feat["cover_geojson"])
    assert gj["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::32633"
    # the WGS84 feature is the reprojected native cover: same area once back in UTM
    native = ogr.CreateGeometryFromJson(json.dumps({k: v for k, v in gj.items() if k != "crs"}))
    wgs84, utm = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    utm.ImportFromEPSG(32633)
    back = ogr.CreateGeometryFromWkt(feat.geometry().asWkt(12))
    back.AssignSpatialReference(wgs84)
    assert back.TransformTo(utm) == 0
    assert native.GetArea() > 1e6  # a real polygon (m²), not a sliver
    assert back.GetArea() == pytest.approx(native.GetArea(), rel=1e-7)
    assert back.SymDifference(native).GetArea() < 1e-6 * native.GetArea()
    bbox = feat.geometry().boundingBox()
    assert 10 < bbox.xMinimum() < 20 and 40 < bbox.yMinimum() < 50  # near 15E 45N


def test_trace_cover_cancel(provider, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    path = make_utm_cog(tmp_path / "B02.tif")
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("byoc:tracecover", {"INPUT": [path], "OUTPUT": "memory:"}, feedback=feedback)


def test_feedback_bridge_maps_progress_and_cancel(qgis_app):
    from qgis.core import QgsProcessingFeedback

    from byoc_qgis.processing.feedback import FeedbackBridge

    feedback = QgsProcessingFeedback()
    bridge = FeedbackBridge(feedback).sub(0.5, 1.0)
    bridge.fraction(0.5, "half of the second half")
    assert feedback.progress() == pytest.approx(75.0)
    bridge.counts(1, 4)
    assert feedback.progress() == pytest.approx(62.5)
    callback = bridge.gdal()
    assert callback(1.0, "", None) == 1 and feedback.progress() == pytest.approx(100.0)
    feedback.cancel()
    assert bridge.cancel() is True
    assert callback(0.2, "", None) == 0  # GDAL stops
