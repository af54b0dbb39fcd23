"""core.tile_plan: the tiles an upload will create (path, sensing time) and which will fail, before anything is
uploaded; and the Add tiles dialog's wording of texts from the algorithms (no parameter ids, no bucket hints for
local files). Real files on disk, no service."""

from __future__ import annotations

from datetime import datetime, timezone

from byoc_qgis.core import tile_plan
from byoc_qgis.core.tile_plan import check_s3_prefix, example_path, mark_failures, plan_local_tiles


def _files(root, *rels):
    out = []
    for rel in rels:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
        out.append(str(path))
    return out


def test_paths_and_times_follow_the_template_and_the_folders(tmp_path):
    paths = _files(tmp_path, "2023-07-01/a/B02.tif", "2023-07-01/a/B03.tif", "20230702/b/B02.tif")
    plan = plan_local_tiles(paths, "{year}/{doy}/{tile}/(BAND).tif", str(tmp_path))
    assert [(t.name, t.path, t.sensing_time) for t in plan.tiles] == [
        ("2023-07-01/a", "2023/182/a/(BAND).tif", datetime(2023, 7, 1, tzinfo=timezone.utc)),
        ("20230702/b", "2023/183/b/(BAND).tif", datetime(2023, 7, 2, tzinfo=timezone.utc)),
    ]
    assert plan.tiles[0].files == {"B02": paths[0], "B03": paths[1]}
    assert plan.tiles[0].key == str(tmp_path / "2023-07-01/a/(BAND).tif")  # the pre-flight check's key
    assert [t.name for t in plan.creatable] == ["2023-07-01/a", "20230702/b"] and not plan.all_fail

    # one time for all; split bands: every file is a tile named by its path without extension
    when = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    plan = plan_local_tiles(paths[:1], "{name}_{date}/(BAND).tif", str(tmp_path), band_names=["R", "G"],
                            time_mode="constant", constant=when)  # fmt: skip
    assert [(t.name, t.path, t.split_bands) for t in plan.tiles] == [
        ("2023-07-01/a/B02", "2023-07-01/a/B02_20240102/(BAND).tif", ["R", "G"])
    ]


def test_a_tile_without_a_date_or_path_blocks_the_whole_upload(tmp_path):
    paths = _files(tmp_path, "2023-07-01/a/B02.tif", "undated/b/B02.tif")
    plan = plan_local_tiles(paths, "{date}/(BAND).tif", str(tmp_path))
    assert plan.tiles[0].problem is None and plan.tiles[0].path == "20230701/(BAND).tif"
    assert plan.tiles[1].problem == tile_plan.Problem(tile_plan.NO_DATE, "undated/b/B02.tif", "")
    assert plan.blocked_by is plan.tiles[1] and plan.creatable == [] and plan.all_fail

    # two tiles on one path: the second one blocks
    paths = _files(tmp_path / "x", "2023-07-01/a/B02.tif", "2023-07-01/b/B02.tif")
    plan = plan_local_tiles(paths, "{date}/(BAND).tif", str(tmp_path / "x"))
    assert plan.tiles[1].problem == tile_plan.Problem(tile_plan.SAME_PATH, "20230701/(BAND).tif", "2023-07-01/a")
    assert plan.all_fail

    # no (BAND) in the template, files the band pattern leaves out: the upload is refused as a whole
    assert plan_local_tiles(paths, "{name}.tif", str(tmp_path / "x")).refusal.code == tile_plan.NO_BAND
    odd = _files(tmp_path / "y", "2023-07-01/a/B02.tif", "2023-07-01/a/notes.tif.aux", "2023-07-01/a/x_B03.tif")
    plan = plan_local_tiles(odd, "{name}/(BAND).tif", str(tmp_path / "y"), pattern="x_(BAND).tif")
    assert plan.refusal == tile_plan.Problem(tile_plan.UNMATCHED, "2023-07-01/a/B02.tif", "x_(BAND).tif", 2)
    assert plan.all_fail


def test_findings_mark_the_tiles_cogify_cannot_repair(tmp_path):
    paths = _files(tmp_path, "d20230701/a/B02.tif", "d20230701/b/B02.tif", "d20230701/c/B02.tif")
    findings = [
        (str(tmp_path / "d20230701/a/(BAND).tif"), paths[0], "error", "block-size"),  # repaired by COGify
        ("", paths[1], "error", "crs"),  # not repaired
        ("", paths[2], "warning", "nodata"),  # warnings never fail
    ]
    plan = plan_local_tiles(paths, "{name}/(BAND).tif", str(tmp_path))
    mark_failures(plan, findings, "auto")
    assert [(t.cogify, t.problem) for t in plan.tiles] == [
        (True, None),
        (False, tile_plan.Problem(tile_plan.CHECK_ERROR, "crs", paths[1])),
        (False, None),
    ]
    assert [t.name for t in plan.creatable] == ["d20230701/a", "d20230701/c"]
    plan = plan_local_tiles(paths, "{name}/(BAND).tif", str(tmp_path))
    mark_failures(plan, findings, "never")  # without COGify every error fails its tile
    assert [t.fails for t in plan.tiles] == [True, True, False]


def test_example_path():
    assert example_path("{year}/{month}/{day}/{tile}/(BAND).tif") == "2023/06/10/T33UVP/B04.tif"
    assert example_path("{name}/(BAND).tif") == "2023-06-10/T33UVP/B04.tif"


def test_s3_prefix_plan_and_findings(s3_server, tmp_path):
    import uuid

    from byoc_qgis.core.s3 import S3Config

    from .test_gui_support import upload_tiles

    bucket = f"plan-{uuid.uuid4().hex[:10]}"
    s3_server.client().create_bucket(Bucket=bucket)
    upload_tiles(s3_server, bucket, tmp_path, ["p/2023-07-01/t1", "p/2023-07-02/t2"], ("B02",))
    s3_server.client().put_object(Bucket=bucket, Key="p/2023-07-03/t3/B02.tif", Body=b"not a raster")
    s3 = S3Config(
        bucket,
        s3_server.access_key,
        s3_server.secret_key,
        region=s3_server.region,
        endpoint=s3_server.endpoint,
        https=False,
    )
    plan, findings, files = check_s3_prefix(s3, "p", date_pattern="{year}-{month}-{day}")
    assert files == 3
    assert [(f["tile"], f["severity"], f["rule"]) for f in findings] == [
        ("p/2023-07-03/t3/(BAND).tif", "error", "readable")
    ]
    assert [(t.path, t.sensing_time.day, t.fails) for t in plan.tiles] == [
        ("p/2023-07-01/t1/(BAND).tif", 1, False),
        ("p/2023-07-02/t2/(BAND).tif", 2, False),
        ("p/2023-07-03/t3/(BAND).tif", 3, True),
    ]
    assert s3_server.secret_key not in repr(findings)


def test_the_dialog_words_texts_for_users(qgis_app):
    from byoc_qgis.gui.add_tiles_words import problem_text, user_words

    text = "No sensing time in 'a/B02.tif': change SENSING_TIME_TEMPLATE or give a FOLDER; INPUT is empty."
    assert user_words(text) == (
        "No sensing time in 'a/B02.tif': change 'Date pattern' or give a 'Folder'; 'Files' is empty."
    )
    remote_fix = "Upload a GeoTIFF. Check the bucket name and the S3 credentials of the connection."
    assert user_words(remote_fix, local=True) == "Upload a GeoTIFF."
    assert user_words(remote_fix, local=False) == remote_fix
    problem = tile_plan.Problem(tile_plan.UNMATCHED, "a/x.tif", "(BAND).tif", 1)
    assert problem_text(problem) == (
        "1 file does not match the band file pattern (BAND).tif, e.g. a/x.tif: rename it or change the pattern."
    )
    problem = tile_plan.Problem(tile_plan.CHECK_ERROR, "crs", "/data/t/B02.tif")
    assert problem_text(problem) == "B02.tif: its CRS is not one BYOC accepts; see the findings."
