"""The tiles layer against localhub: fields, styles, chunked loading of 20 000 tiles without freezing QGIS,
live refresh that changes only the changed features, GeoPackage export."""

from __future__ import annotations

import json

import pytest

from .test_gui_support import (
    bulk_tiles,
    new_collection,
    synthetic_rows,
)

pytestmark = pytest.mark.usefixtures("gui_provider")


@pytest.fixture(scope="module")
def client(conn):
    c = conn.client()
    yield c
    c.close()


@pytest.fixture
def runner(qgis_app):
    from byoc_qgis.gui.tasks import TaskRunner

    r = TaskRunner()
    yield r
    r.cancel_all()


def _controller(runner, client, col):
    from byoc_qgis.gui.tiles_layer import TilesLayer

    ctl = TilesLayer(runner, lambda: client, "tiles-gui", col["id"], col["name"])
    ctl.add_to_project()
    return ctl


def test_tile_features_attributes_and_geometries(qgis_app, client, localhub):
    """One builder serves the Processing tiles algorithm and the dock: attributes, times, reprojected covers and
    the tile-bbox option."""
    from osgeo import ogr, osr
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsGeometry
    from qgis.PyQt.QtCore import QDateTime, Qt

    from byoc_qgis.core.models import Tile
    from byoc_qgis.processing.tiles_common import FIELD_NAMES, FeatureBuilder

    rows = list(synthetic_rows(3, status="FAILED", epsg=32634))
    rows[1]["coverGeometry"] = {"type": "MultiPolygon", "coordinates": [[[[20, 40], [21, 40], [21, 41], [20, 40]]]]}
    rows[2]["additionalData"]["failedIngestionCause"] = "Ensure tiles of image at index 1 have width and height."
    rows[2]["coverGeometry"] = {"type": "Point", "coordinates": [20, 40]}  # not a cover shape: no geometry
    for i, r in enumerate(rows):
        r.update(id=f"id-{i}", created="2021-02-03T04:05:06.789Z", ingestionStart="2021-02-03T04:05:07+01:00")
    crs = QgsCoordinateReferenceSystem("EPSG:4326")
    builder = FeatureBuilder(crs, QgsCoordinateTransformContext())
    feats = [builder.feature(Tile.from_dict(r)) for r in rows]
    attrs = dict(zip(FIELD_NAMES, feats[0].attributes()))
    assert attrs["tile_id"] == "id-0" and attrs["status"] == "FAILED" and attrs["native_crs"] == "EPSG:32634"
    assert attrs["created"] == QDateTime.fromMSecsSinceEpoch(1612325106789, Qt.TimeSpec.UTC)
    assert attrs["ingestion_start"] == QDateTime.fromMSecsSinceEpoch(1612325107000 - 3600000, Qt.TimeSpec.UTC)
    assert feats[2]["failed_cause"].startswith("Ensure tiles")
    # the UTM cover reprojected to EPSG:4326 agrees with an independent OGR/OSR reprojection
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(32634)
    dst.ImportFromEPSG(4326)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)

    def reprojected(geojson):
        plain = {k: v for k, v in geojson.items() if k != "crs"}
        expected = ogr.CreateGeometryFromJson(json.dumps(plain))
        expected.AssignSpatialReference(src)
        assert expected.TransformTo(dst) == 0
        return QgsGeometry.fromWkt(expected.ExportToWkt())

    got = feats[0].geometry()
    assert got.isMultipart()
    assert got.hausdorffDistance(reprojected(rows[0]["coverGeometry"])) < 1e-7
    # a WGS84 cover stays as given; a cover that is not a (multi)polygon gives a feature without geometry
    assert feats[1].geometry().asWkt(0) == "MultiPolygon (((20 40, 21 40, 21 41, 20 40)))"
    assert not feats[2].hasGeometry() and feats[2]["tile_id"] == "id-2"
    # without a cover the tile's bbox is drawn
    no_cover = builder.feature(Tile.from_dict(dict(rows[2], coverGeometry=None)))
    assert no_cover.geometry().hausdorffDistance(reprojected(rows[2]["tileGeometry"])) < 1e-7
    # the tile-bbox option
    bbox_builder = FeatureBuilder(crs, QgsCoordinateTransformContext(), use_tile_geometry=True)
    with_bbox = bbox_builder.feature(Tile.from_dict(rows[1]))
    assert with_bbox.geometry().hausdorffDistance(reprojected(rows[1]["tileGeometry"])) < 1e-7
    assert feats[1].geometry().hausdorffDistance(reprojected(rows[1]["tileGeometry"])) > 1.0  # the cover differs


def test_show_20000_tiles_without_freezing_qgis(qgis_app, qgis_new_project, runner, client, localhub):
    from byoc_qgis.processing.tiles_common import FIELD_NAMES

    from .watchdog import StallWatchdog, wait_until

    col = new_collection(client)
    n = 20000
    bulk_tiles(localhub, col["id"], synthetic_rows(n))
    ctl = _controller(runner, client, col)
    loaded = []
    ctl.loaded.connect(loaded.append)
    with StallWatchdog() as dog:
        ctl.load()
        assert wait_until(lambda: loaded, timeout=120)
    assert loaded == [n]
    layer = ctl.layer
    assert layer.featureCount() == n
    assert [f.name() for f in layer.fields()] == FIELD_NAMES
    assert layer.name() == col["name"]
    # a generous bound for a shared 2-core CI machine: the benchmark holds the 100 ms target
    assert dog.longest_gap_ms < 400, dog.gaps
    assert dog.ticks > 50
    extent = layer.extent()
    assert 11.5 < extent.xMinimum() < 12.5 and 44.5 < extent.yMinimum() < 45.5  # reprojected from UTM 33N
    print(f"longest gap {dog.longest_gap_ms:.0f} ms, load {ctl.load_seconds:.2f} s")
    assert ctl.pending == set()


def test_refresh_reports_only_the_changed_tile(qgis_app, qgis_new_project, runner, client, localhub):
    from byoc_qgis.gui.tiles_layer import refresh_tiles

    from .watchdog import wait_until

    col = new_collection(client)
    bulk_tiles(localhub, col["id"], synthetic_rows(5))
    ctl = _controller(runner, client, col)
    loaded = []
    ctl.loaded.connect(loaded.append)
    ctl.load()
    assert wait_until(lambda: loaded, timeout=60)
    tile = next(t for t in client.byoc.iter_tiles(col["id"]) if t.path == "scenes/000002/(BAND).tif")
    tile.sensing_time = "2020-02-02T02:02:02Z"
    client.byoc.update_tile(col["id"], tile)
    result = refresh_tiles(client, col["id"], dict(ctl.sigs), [], ctl._builder(), full=True)
    assert [r[0] for r in result.changed] == [tile.id] and not result.added and not result.removed
    ctl.apply(result)
    feat = next(f for f in ctl.layer.getFeatures() if f["tile_id"] == tile.id)
    assert feat["sensing_time"].toString("yyyy-MM-dd") == "2020-02-02"
    assert ctl.layer.featureCount() == 5


def test_explain_matches_every_preflight_error_wording(qgis_app, tmp_path):
    """Every error message cog_rules produces for a bad raster is explained with the same rule."""
    from byoc_qgis.core import cog_rules
    from byoc_qgis.core.explain import explain_cause

    from . import fixtures_rasters as fr

    makers = [fr.make_small_tiles, fr.make_striped, fr.make_bad_crs, fr.make_jpeg, fr.make_palette,
              fr.make_no_overviews, fr.make_ungeoreferenced, fr.make_chunky]  # fmt: skip
    seen = 0
    for maker in makers:
        path = maker(tmp_path / f"{maker.__name__}.tif")
        _facts, findings = cog_rules.inspect_file(path)
        for f in findings:
            if f.is_error:
                seen += 1
                assert explain_cause(f.message).rule == f.rule, (maker.__name__, f.rule, f.message)
    assert seen >= len(makers)
    assert explain_cause("something nobody knows").rule is None
