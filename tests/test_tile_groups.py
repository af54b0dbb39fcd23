"""core.tile_groups: one rule groups band files into tiles, for S3 listings, local folders and the pre-flight."""

from __future__ import annotations

import pytest

from byoc_qgis.core import preflight
from byoc_qgis.core.tile_groups import (
    PatternError,
    folder_band_files,
    group_files,
    group_local_files,
    tile_name,
)

from .fixtures_rasters import make_tile


def test_group_files_by_folder_and_pattern():
    keys = ["p/t1/B02.tif", "p/t1/B03.tif", "p/t2/B02.tif", "p/t1/S2_B8A_x.tif", "p/notes.txt", "B02.tif"]
    grouping = group_files(keys, ["(BAND).tif"])
    assert [(g.path, list(g.files), g.name) for g in grouping.tiles] == [
        ("(BAND).tif", ["B02"], "tile"),
        ("p/t1/(BAND).tif", ["B02", "B03", "S2_B8A_x"], "p/t1"),
        ("p/t2/(BAND).tif", ["B02"], "p/t2"),
    ]
    assert grouping.unmatched == ["p/notes.txt"]
    fixed = group_files(keys, ["S2_(BAND)_x.tif", "(BAND).tif"])  # the first pattern that matches wins
    assert [(g.path, list(g.files)) for g in fixed.tiles][1] == ("p/t1/(BAND).tif", ["B02", "B03"])
    assert fixed.tiles[2].path == "p/t1/S2_(BAND)_x.tif" and fixed.tiles[2].name == "p/t1/S2"
    assert tile_name("a/T1_(BAND).tif") == "a/T1"
    with pytest.raises(PatternError, match=r"\(BAND\) exactly once"):
        group_files(keys, ["B02.tif"])


def test_local_files_relative_to_a_root(tmp_path):
    make_tile(tmp_path / "a" / "t1", stems=("B02", "B03"))
    make_tile(tmp_path / "b", stems=("B02",))
    paths = sorted(str(p) for p in tmp_path.rglob("*.tif"))
    grouping = group_local_files(paths)
    assert grouping.root == str(tmp_path)
    assert [(g.path, list(g.files)) for g in grouping.tiles] == [
        ("a/t1/(BAND).tif", ["B02", "B03"]),
        ("b/(BAND).tif", ["B02"]),
    ]
    assert grouping.tiles[0].files["B03"] == str(tmp_path / "a" / "t1" / "B03.tif")
    inner = group_local_files(paths, str(tmp_path / "a"))
    assert [g.path for g in inner.tiles] == ["t1/(BAND).tif"] and inner.outside == [str(tmp_path / "b" / "B02.tif")]
    assert folder_band_files(str(tmp_path / "a" / "t1")) == grouping.tiles[0].files


def test_a_band_file_the_pattern_does_not_take_is_an_error_in_the_pre_flight_too(tmp_path):
    """The folder the old copies grouped differently: ``B03.v2.tif`` is no band of pattern (BAND).tif (a dot is
    not a band name character). createtiles refused it, while the pre-flight (files grouped by folder, the stem as
    band) reported the tile ready; now the pre-flight names the file with the same rule."""
    files = make_tile(tmp_path / "t1", stems=("B02", "B03.v2"))
    grouping = group_local_files(sorted(files.values()))
    assert [list(g.files) for g in grouping.tiles] == [["B02"]] and grouping.unmatched == [files["B03.v2"]]
    reports = preflight.preflight_local(sorted(files.values()))
    errors = [(f.rule, f.value) for r in reports.values() for f in r.errors]
    assert errors == [("file-pattern", "B03.v2.tif")]
    assert list(preflight.tile_files_from_folder(str(tmp_path / "t1"))) == ["B02"]
