"""core.process_plan: the request CRS and size the Process dialog shows and ``processrequest`` uses."""

from __future__ import annotations

import pytest

from byoc_qgis.core import process_plan
from byoc_qgis.core.process_plan import plan_request, utm_epsg


def test_utm_zones():
    assert utm_epsg(15.0, 45.0) == 32633
    assert utm_epsg(-70.6, -33.4) == 32719
    assert utm_epsg(-180.0, 0.0) == 32601 and utm_epsg(180.0, 1.0) == 32660


@pytest.mark.parametrize(
    ("definition", "code"),
    [("EPSG:32633", 32633), ("epsg:4326", 4326), (3857, 3857), ("ESRI:54009", None), ("", None), (None, None)],
)
def test_epsg_code(definition, code):
    assert process_plan.epsg_code(definition) == code


def test_pixels_keep_an_accepted_crs_and_fall_back_to_wgs84():
    plan = plan_request((500000, 5000000, 510000, 5010000), "EPSG:32633", None, (300, 200))
    assert (plan.epsg, plan.width, plan.height) == (32633, 300, 200)
    assert plan.params == {"CRS": "EPSG:32633", "WIDTH": 300, "HEIGHT": 200}
    assert plan_request((0, 0, 1, 1), "EPSG:2056", None, (10, 10)).epsg == 4326  # Swiss grid: not accepted
    assert plan_request((0, 0, 1, 1), None, None, (10, 10)).authid == "EPSG:4326"


def test_metres_in_a_metric_accepted_crs_use_it():
    plan = plan_request((500000, 5000000, 510000, 5006000), "EPSG:32633", 20.0, (1, 1))
    assert (plan.epsg, plan.width, plan.height, plan.parts) == (32633, 500, 300, 1)
    assert plan.params == {"CRS": "EPSG:32633", "RESOLUTION": 20.0}


def test_metres_on_a_geographic_extent_match_qgis_bounding_box(qgis_app):
    """The size from GDAL's reprojection of the extent equals what QGIS's transformBoundingBox gave (the dialog's
    old computation), for extents in both hemispheres, a Web Mercator one and one over 2500 px (split)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRectangle

    cases = [
        ((14.0, 45.0, 14.3, 45.2), "EPSG:4326", 20.0),
        ((-70.7, -33.5, -70.5, -33.4), "EPSG:4326", 10.0),
        ((1560000.0, 5620000.0, 1600000.0, 5650000.0), "EPSG:3857", 15.0),
        ((14.0, 45.0, 14.9, 45.1), "EPSG:4326", 10.0),
    ]
    for bbox, authid, metres in cases:
        plan = plan_request(bbox, authid, metres, (1, 1))
        source = QgsCoordinateReferenceSystem(authid)
        wgs = QgsCoordinateReferenceSystem("EPSG:4326")
        extent = QgsRectangle(*bbox)
        if authid == "EPSG:3857":  # projected and accepted: requested in its own CRS
            assert plan.epsg == 3857
            assert (plan.width, plan.height) == (round(extent.width() / metres), round(extent.height() / metres))
            continue
        centre = QgsCoordinateTransform(source, wgs, QgsProject.instance()).transform(extent.center())
        assert plan.epsg == utm_epsg(centre.x(), centre.y())
        utm = QgsCoordinateReferenceSystem(plan.authid)
        box = QgsCoordinateTransform(source, utm, QgsProject.instance()).transformBoundingBox(extent)
        assert (plan.width, plan.height) == (round(box.width() / metres), round(box.height() / metres)), bbox
    assert plan_request(*cases[-1][:2], cases[-1][2], (1, 1)).parts == 3  # 7095 x 1159 px: 3 x 1 parts
