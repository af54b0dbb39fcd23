"""Pre-flight check API (byoc_qgis.core.preflight) on local files and on the moto S3 server via /vsis3/."""

from __future__ import annotations

import pytest
from osgeo import gdal

from byoc_qgis.core import preflight, s3, s3_upload
from tests import fixtures_rasters as fr

UINT16 = {"bitDepth": 16, "sampleFormat": "UINT"}


def test_valid_file(raster_factory):
    rep = preflight.preflight_file(raster_factory.utm_cog())
    assert rep.ok and rep.findings == [] and list(rep.facts) == ["utm_cog"]
    assert rep.summary() == "1 file(s) ready for BYOC."


def test_broken_file_lists_every_problem(raster_factory):
    rep = preflight.preflight_file(raster_factory.jpeg())
    assert not rep.ok
    assert {f.rule for f in rep.errors} == {"compression", "photometric"}
    assert "NOT ready" in rep.summary() and "2 error(s)" in rep.summary()
    row = rep.as_rows()[0]
    assert set(row) == {"severity", "file", "rule", "value", "message", "fix"} and row["file"].endswith("jpeg.tif")


def test_file_against_collection_bands(tmp_path):
    path = fr.make_cog(tmp_path / "B02.tif", dtype="Float32")
    rep = preflight.preflight_file(path, {"B02": {"source": "B02", "bandIndex": 1, **UINT16}})
    assert {f.rule for f in rep.errors} == {"bit-depth", "sample-format"}
    ok = preflight.preflight_file(
        path, {"B02": {"source": "B02", "bandIndex": 1, "bitDepth": 32, "sampleFormat": "FLOAT"}}
    )
    assert ok.ok


def test_tile_folder_and_band_names(tmp_path):
    fr.make_tile(tmp_path / "t", stems=("B02", "B03", "nir-08"))
    (tmp_path / "t" / "readme.txt").write_text("not a band")
    files = preflight.tile_files_from_folder(str(tmp_path / "t"))
    assert list(files) == ["B02", "B03", "nir-08"]
    rep = preflight.preflight_tile(files)
    assert rep.ok
    assert [(f.rule, f.value) for f in rep.warnings] == [("band-name", "nir-08")]
    with pytest.raises(ValueError, match=r"\(BAND\)"):
        preflight.tile_files_from_folder(str(tmp_path / "t"), "B02.tif")


def test_tiles_must_agree(tmp_path):
    tiles = {
        "t1/(BAND).tif": fr.make_tile(tmp_path / "t1", stems=("B02", "B03")),
        "t2/(BAND).tif": fr.make_tile(tmp_path / "t2", stems=("B02", "B03")),
        "t3/(BAND).tif": fr.make_tile(tmp_path / "t3", stems=("B02",)),
    }
    tiles["t2/(BAND).tif"]["B03"] = fr.make_cog(tmp_path / "t2" / "B03f.tif", dtype="Float32")
    seen = []
    reps = preflight.preflight_tiles(tiles, progress=lambda f, m: seen.append(f))
    assert seen[-1] == 1.0
    assert reps["t1/(BAND).tif"].ok
    t2 = reps["t2/(BAND).tif"]
    assert [(f.rule, f.value) for f in t2.errors] == [("bit-depth", "Float32 (other tiles: UInt16)")]
    t3 = reps["t3/(BAND).tif"]
    assert [(f.rule, f.value) for f in t3.errors] == [("file-set", "missing B03")]


def test_remote_tiles_on_s3(s3_server, s3_bucket, tmp_path):
    cfg = s3.S3Config(
        bucket=s3_bucket,
        access_key=s3_server.access_key,
        secret_key=s3_server.secret_key,
        region=s3_server.region,
        endpoint=s3_server.endpoint,
        https=False,
    )
    s3_upload.upload_tile(cfg, fr.make_tile(tmp_path / "a", stems=("B02", "B03")), "2024/a/(BAND).tif")
    s3_upload.upload_tile(
        cfg,
        {
            "B02": fr.make_utm_cog(tmp_path / "b" / "B02.tif"),
            "B03": fr.make_small_tiles(tmp_path / "b" / "B03.tif", size=(600, 500)),
        },
        "2024/b/(BAND).tif",
    )
    listings = s3.list_tiles(cfg, "2024")
    tiles = {t.path: preflight.s3_tile_files(cfg, t) for t in listings}
    assert tiles["2024/a/(BAND).tif"]["B02"] == f"/vsis3/{s3_bucket}/2024/a/B02.tif"
    reps = preflight.preflight_tiles(
        tiles, {"B02": {"source": "B02", **UINT16}, "B03": {"source": "B03", **UINT16}}, s3_config=cfg
    )
    assert reps["2024/a/(BAND).tif"].ok
    bad = reps["2024/b/(BAND).tif"]
    assert {f.rule for f in bad.errors} == {"block-size"}
    assert all(f.file == f"/vsis3/{s3_bucket}/2024/b/B03.tif" for f in bad.errors)
    assert s3_server.secret_key not in repr(bad.findings)
    assert gdal.GetPathSpecificOption(cfg.prefix, "AWS_SECRET_ACCESS_KEY", None) is None
    # without the bucket options the same path is unreadable, with a clear "readable" finding
    rep = preflight.preflight_file(f"/vsis3/{s3_bucket}/2024/a/B02.tif")
    assert [f.rule for f in rep.errors] == ["readable"]
    assert rep.errors[0].fix == "Check the bucket name and the S3 credentials of the connection."


def test_remote_unreadable_objects_are_worded(s3_server, s3_bucket):
    cfg = s3.S3Config(
        bucket=s3_bucket,
        access_key=s3_server.access_key,
        secret_key=s3_server.secret_key,
        region=s3_server.region,
        endpoint=s3_server.endpoint,
        https=False,
    )
    client = s3_server.client()
    client.put_object(Bucket=s3_bucket, Key="t/B02.tif", Body=b"")
    client.put_object(Bucket=s3_bucket, Key="t/B03.tif", Body=b"<html>an error page saved as .tif</html>")
    found = {}
    for stem in ("B02", "B03", "B04"):
        rep = preflight.preflight_file(s3.vsis3_path(cfg, f"t/{stem}.tif"), s3_config=cfg)
        (err,) = rep.errors
        found[stem] = (err.rule, err.value, err.fix)
    assert found == {
        "B02": ("readable", "not a raster (0 bytes)", "Upload the file again: the object is empty."),
        "B03": ("readable", "not a raster (unreadable)",
                "Upload a GeoTIFF: GDAL recognises no raster format in this object."),
        "B04": ("readable", "the object does not exist",
                "Check the tile path and the (BAND) file names in the bucket."),
    }  # fmt: skip
