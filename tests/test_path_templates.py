"""Tile paths and sensing times from templates (byoc_qgis.core.path_templates)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from byoc_qgis.core import path_templates as pt

UTC = timezone.utc


def test_build_from_template():
    t = datetime(2024, 5, 1, 10, 20, 30, tzinfo=UTC)
    assert (
        pt.build_tile_path("{year}/{month}/{day}/{tile}/(BAND).tif", t, tile="33UVP") == "2024/05/01/33UVP/(BAND).tif"
    )
    assert pt.build_tile_path("{date}_{tile}/(BAND).tiff", t, tile="T1") == "20240501_T1/(BAND).tiff"
    assert pt.build_tile_path("{year}/{doy}/{datetime}", t) == "2024/122/20240501T102030"  # folder: allowed
    assert pt.build_tile_path("{mission}/{tile}/(BAND).tif", tile="a", mission="s2") == "s2/a/(BAND).tif"


def test_local_time_is_converted_to_utc():
    cet = timezone(timedelta(hours=2))
    t = datetime(2024, 5, 1, 1, 0, 0, tzinfo=cet)
    assert pt.build_tile_path("{date}/{hour}/(BAND).tif", t) == "20240430/23/(BAND).tif"
    assert pt.format_sensing_time(t) == "2024-04-30T23:00:00Z"


@pytest.mark.parametrize(
    ("template", "kwargs", "match"),
    [
        ("/{tile}/(BAND).tif", {"tile": "a"}, "leading or trailing"),
        ("{tile}/(BAND).tif/", {"tile": "a"}, "leading or trailing"),
        ("{tile}//(BAND).tif", {"tile": "a"}, "//"),
        ("{year}/(BAND).tif", {}, r"\{year\}.*sensing time"),
        ("{nope}/(BAND).tif", {"tile": "a"}, r"\{nope\}.*available: name|\{nope\}.*available: tile"),
        ("{tile}/(BAND)/(BAND).tif", {"tile": "a"}, "more than once"),
        ("{tile}\\(BAND).tif", {"tile": "a"}, "backslash"),
        ("{tile}/(BAND).tif", {"tile": "a/b"}, "must not contain '/'"),
        ("{tile/(BAND).tif", {"tile": "a"}, "malformed"),
        ("{0}/(BAND).tif", {"tile": "a"}, "simple name"),
    ],
)
def test_invalid_templates_are_explained(template, kwargs, match):
    with pytest.raises(pt.PathTemplateError, match=match):
        pt.build_tile_path(template, **kwargs)


def test_validate_path():
    assert pt.validate_path("a/b/(BAND).tif") == "a/b/(BAND).tif"
    for bad in ("", "/a", "a/", "a//b", "a/{x}/b"):
        with pytest.raises(pt.PathTemplateError):
            pt.validate_path(bad)


def test_parse_path_round_trip_gives_sensing_time():
    template = "{year}/{month}/{day}/{tile}/(BAND).tif"
    fields = pt.parse_path(template, "2023/11/27/33UVP/B02.tif")
    assert fields == {"year": "2023", "month": "11", "day": "27", "tile": "33UVP", "BAND": "B02"}
    assert pt.sensing_time_from_fields(fields) == datetime(2023, 11, 27, tzinfo=UTC)
    assert pt.parse_path(template, "2023/11/27/33UVP/B02.tiff") is None
    assert pt.parse_path(template, "x/11/27/33UVP/B02.tif") is None
    doy = pt.parse_path("{year}/{doy}/(BAND).tif", "2024/060/B1.tif")
    assert pt.sensing_time_from_fields(doy) == datetime(2024, 2, 29, tzinfo=UTC)
    assert pt.sensing_time_from_fields({"tile": "a"}) is None
    with pytest.raises(pt.PathTemplateError, match="invalid"):
        pt.sensing_time_from_fields({"year": "2023", "month": "13", "day": "01"})


@pytest.mark.parametrize(
    ("name", "pattern", "expected"),
    [
        ("S2A_MSIL2A_20230512T101031_N0509_R022_T32TQM", None, datetime(2023, 5, 12, 10, 10, 31)),
        ("landcover_2021-07-03.tif", None, datetime(2021, 7, 3)),
        ("scene_20200229_b4.tif", None, datetime(2020, 2, 29)),
        ("dem_v2_20201399_20201231.tif", None, datetime(2020, 12, 31)),  # 20201399 is no date: skipped
        ("chirps_2019.123.tif", "%Y.%j", datetime(2019, 5, 3)),
        ("ndvi_31-12-2022.tif", "%d-%m-%Y", datetime(2022, 12, 31)),
        ("ndvi_2022-12-31.tif", "{year}-{month}-{day}", datetime(2022, 12, 31)),
        ("tile_20220105T0930.tif", "{year}{month}{day}T{hour}{minute}", datetime(2022, 1, 5, 9, 30)),
        ("nodate_here.tif", None, None),
    ],
)
def test_find_date(name, pattern, expected):
    got = pt.find_date(name, pattern)
    assert got == (expected.replace(tzinfo=UTC) if expected else None)


def test_bad_date_pattern():
    with pytest.raises(pt.PathTemplateError, match="%Q"):
        pt.find_date("x", "%Y%Q")


def test_plan_tile_from_file_name():
    plan = pt.plan_tile("{year}/{month}/{name}/(BAND).tif", "/data/S2_20230512_x.tif")
    assert plan.path == "2023/05/S2_20230512_x/(BAND).tif"
    assert plan.sensing_time_text == "2023-05-12T00:00:00Z"
    given_time = datetime(2020, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
    plan = pt.plan_tile("{tile}/(BAND).tif", "C:\\data\\x.tif", tile="T1", sensing_time=given_time)
    assert plan.path == "T1/(BAND).tif" and plan.sensing_time_text == "2020-01-02T03:04:05.678Z"
    assert pt.plan_tile("{name}/(BAND).tif", "abc.tif").sensing_time is None
    with pytest.raises(pt.PathTemplateError, match="No sensing time for nodate.tif"):
        pt.plan_tile("{year}/(BAND).tif", "nodate.tif")


@given(
    st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)),
    st.from_regex(r"[A-Za-z0-9_\-]{1,12}", fullmatch=True),
)
def test_property_paths_are_valid_and_parse_back(when, tile):
    template = "{year}/{month}/{day}/{tile}_{hour}{minute}{second}/(BAND).tif"
    path = pt.build_tile_path(template, when, tile=tile)
    assert pt.PATH_RE.match(path)
    fields = pt.parse_path(template, path.replace("(BAND)", "B02"))
    assert fields["tile"] == tile and fields["BAND"] == "B02"
    assert pt.sensing_time_from_fields(fields) == when.replace(microsecond=0)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z", pt.format_sensing_time(when))
