"""S3 through GDAL /vsis3/ (byoc_qgis.core.s3) against the moto S3 server on loopback, verified by reading back."""

from __future__ import annotations

import logging
import os

import pytest
from osgeo import gdal

from byoc_qgis.core import cog_rules, s3
from byoc_qgis.core.gdal_compat import has_copy_file
from byoc_qgis.core.progress import Cancelled
from tests import fixtures_rasters as fr


@pytest.fixture
def cfg(s3_server, s3_bucket):
    return s3.S3Config(
        bucket=s3_bucket,
        access_key=s3_server.access_key,
        secret_key=s3_server.secret_key,
        region=s3_server.region,
        endpoint=s3_server.endpoint,
        https=False,
    )


def pending_uploads(s3_server, bucket):
    return s3_server.client().list_multipart_uploads(Bucket=bucket).get("Uploads", [])


def no_options_left(config):
    for key in ("AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_S3_ENDPOINT"):
        assert gdal.GetPathSpecificOption(config.prefix, key, None) is None
        assert gdal.GetConfigOption(key) is None


def test_upload_cog_and_read_back(cfg, s3_server, tmp_path):
    local = fr.make_utm_cog(tmp_path / "B02.tif")
    seen = []
    res = s3.upload(cfg, local, "tiles/t1/B02.tif", progress=lambda f, m: seen.append(f))
    assert res.size == os.path.getsize(local)
    assert res.method == ("copyfile" if has_copy_file() else "sync")
    assert seen and seen[-1] == 1.0
    body = s3_server.client().get_object(Bucket=cfg.bucket, Key="tiles/t1/B02.tif")["Body"].read()
    assert body == open(local, "rb").read()
    assert s3.read_bytes(cfg, "tiles/t1/B02.tif") == body
    info = s3.stat(cfg, "tiles/t1/B02.tif")
    assert info.size == len(body) and not info.is_dir
    # the BYOC check runs on the /vsis3/ copy too
    with s3.bucket_options(cfg):
        facts, findings = cog_rules.inspect_file(s3.vsis3_path(cfg, "tiles/t1/B02.tif"))
    assert findings == [] and facts.epsg == 32633
    no_options_left(cfg)


def test_sync_path_on_every_gdal(cfg, s3_server, tmp_path):
    local = tmp_path / "data.bin"
    local.write_bytes(os.urandom(300_000))
    res = s3.upload(cfg, str(local), "x/data.bin", method="sync")
    assert res.method == "sync"
    assert s3_server.client().get_object(Bucket=cfg.bucket, Key="x/data.bin")["Body"].read() == local.read_bytes()
    # uploading a changed file of the same size overwrites it (no timestamp skipping)
    local.write_bytes(os.urandom(300_000))
    s3.upload(cfg, str(local), "x/data.bin", method="sync")
    assert s3.read_bytes(cfg, "x/data.bin") == local.read_bytes()


@pytest.mark.skipif(not has_copy_file(), reason="gdal.CopyFile needs GDAL >= 3.7 (LTR lane)")
def test_copyfile_path(cfg, tmp_path):
    local = tmp_path / "data.bin"
    local.write_bytes(os.urandom(200_000))
    assert s3.upload(cfg, str(local), "y/data.bin", method="copyfile").method == "copyfile"
    assert s3.read_bytes(cfg, "y/data.bin") == local.read_bytes()


@pytest.mark.skipif(has_copy_file(), reason="GDAL 3.6 only: CopyFile is absent there")
def test_copyfile_refused_on_gdal_36(cfg, tmp_path):
    local = tmp_path / "a.bin"
    local.write_bytes(b"x" * 10)
    with pytest.raises(s3.S3Error, match="3.7"):
        s3.upload(cfg, str(local), "a.bin", method="copyfile")


@pytest.mark.parametrize("method", ["auto", "sync"])
def test_multipart_upload(cfg, s3_server, tmp_path, method):
    local = tmp_path / "big.bin"
    local.write_bytes(os.urandom(12 * 1024 * 1024))
    s3.upload(cfg, str(local), "big/big.bin", method=method, chunk_size_mb=5)
    assert s3.stat(cfg, "big/big.bin").size == 12 * 1024 * 1024
    assert s3.read_bytes(cfg, "big/big.bin") == local.read_bytes()
    assert pending_uploads(s3_server, cfg.bucket) == []


@pytest.mark.parametrize("method", ["auto", "sync"])
def test_cancel_aborts_the_pending_multipart_upload(cfg, s3_server, tmp_path, method):
    local = tmp_path / "big.bin"
    local.write_bytes(os.urandom(30 * 1024 * 1024))
    s3_server.client().create_multipart_upload(Bucket=cfg.bucket, Key="elsewhere/keep.bin")
    pending_at_cancel = []

    def cancel():  # cancel as soon as the multipart upload is in flight
        if not pending_at_cancel:
            keys = [u["Key"] for u in pending_uploads(s3_server, cfg.bucket)]
            if "c/big.bin" in keys:
                pending_at_cancel.extend(keys)
        return bool(pending_at_cancel)

    with pytest.raises(Cancelled):
        s3.upload(cfg, str(local), "c/big.bin", cancel=cancel, method=method, chunk_size_mb=5)
    assert "c/big.bin" in pending_at_cancel  # the upload really was a multipart one in flight
    assert s3.stat(cfg, "c/big.bin") is None
    # only the cancelled upload's folder is cleaned; other folders' uploads are left alone
    assert [u["Key"] for u in pending_uploads(s3_server, cfg.bucket)] == ["elsewhere/keep.bin"]


def test_failure_is_clear_and_secret_free(s3_server, tmp_path, caplog):
    secret = "s3cr3t-VALUE-never-shown"
    bad = s3.S3Config(
        bucket="no-such-bucket-here",
        access_key="AKIDEXAMPLE",
        secret_key=secret,
        region=s3_server.region,
        endpoint=f"http://{s3_server.endpoint}",
    )
    local = tmp_path / "f.bin"
    local.write_bytes(b"abc" * 1000)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(s3.S3Error) as err:
        s3.upload(bad, str(local), "k/f.bin")
    text = str(err.value)
    assert "no-such-bucket-here" in text and str(local) in text
    assert secret not in text and secret not in repr(bad) and secret not in str(bad)
    assert "AKIDEXAMPLE" not in repr(bad)
    assert secret not in caplog.text
    no_options_left(bad)


def test_scheme_in_endpoint_is_accepted(s3_server, s3_bucket, tmp_path):
    cfg = s3.S3Config(
        bucket=s3_bucket,
        access_key=s3_server.access_key,
        secret_key=s3_server.secret_key,
        region=s3_server.region,
        endpoint=s3_server.url,
    )  # http://host:port
    assert cfg.gdal_options()["AWS_S3_ENDPOINT"] == s3_server.endpoint
    assert cfg.gdal_options()["AWS_HTTPS"] == "NO" and cfg.gdal_options()["AWS_VIRTUAL_HOSTING"] == "FALSE"
    local = tmp_path / "f.bin"
    local.write_bytes(b"hello")
    s3.upload(cfg, str(local), "f.bin")
    assert s3.read_bytes(cfg, "f.bin") == b"hello"


def test_listing_groups_band_files_into_tiles(cfg, s3_server):
    client = s3_server.client()
    keys = [
        "p/2024/t1/B02.tif",
        "p/2024/t1/B03.tif",
        "p/2024/t2/B02.tif",
        "p/2024/t2/B03.tif",
        "p/2025/t3/B02.tiff",
        "p/notes.txt",
        "p/2024/t1/S2_B8A_x.tif",
        "other/t9/B02.tif",
    ]
    for k in keys:
        client.put_object(Bucket=cfg.bucket, Key=k, Body=k.encode())
    objs = s3.list_objects(cfg, "p")
    assert [o.key for o in objs] == sorted(k for k in keys if k.startswith("p/"))
    assert {o.key: o.size for o in objs}["p/notes.txt"] == len(b"p/notes.txt")
    tiles = s3.list_tiles(cfg, "p/")
    assert [t.path for t in tiles] == ["p/2024/t1/(BAND).tif", "p/2024/t2/(BAND).tif", "p/2025/t3/(BAND).tiff"]
    assert list(tiles[0].files) == ["B02", "B03", "S2_B8A_x"]
    assert tiles[1].files["B03"].key == "p/2024/t2/B03.tif"
    s2 = s3.list_tiles(cfg, "p", patterns=["S2_(BAND)_x.tif"])
    assert [(t.path, list(t.files)) for t in s2] == [("p/2024/t1/S2_(BAND)_x.tif", ["B8A"])]
    assert s3.list_objects(cfg, "nothing/here") == []
    assert s3.stat(cfg, "p/2024").is_dir
    assert s3.stat(cfg, "p/missing.tif") is None
    with pytest.raises(s3.S3Error, match=r"\(BAND\)"):
        s3.list_tiles(cfg, "p", patterns=["B02.tif"])
    no_options_left(cfg)


def test_upload_tile_is_all_or_nothing(cfg, tmp_path):
    files = fr.make_tile(tmp_path / "t", stems=("B02", "B03"))
    done = s3.upload_tile(cfg, files, "2024/t1/(BAND).tif")
    assert [r.key for r in done] == ["2024/t1/B02.tif", "2024/t1/B03.tif"]
    broken = dict(files, B04=str(tmp_path / "missing.tif"))
    with pytest.raises(s3.S3Error, match="missing.tif"):
        s3.upload_tile(cfg, broken, "2024/t2/(BAND).tif")
    assert s3.list_objects(cfg, "2024/t2") == []
    s3.delete(cfg, ["2024/t1/B02.tif", "2024/t1/B03.tif"])
    assert s3.list_objects(cfg, "2024") == []


def test_failed_or_cancelled_upload_never_deletes_an_existing_object(cfg, s3_server, tmp_path):
    client = s3_server.client()
    client.put_object(Bucket=cfg.bucket, Key="keep/B02.tif", Body=b"the user's older object")
    local = tmp_path / "new.bin"
    local.write_bytes(os.urandom(256 * 1024))
    with pytest.raises(Cancelled):
        s3.upload(cfg, str(local), "keep/B02.tif", cancel=lambda: True)
    assert client.get_object(Bucket=cfg.bucket, Key="keep/B02.tif")["Body"].read() == b"the user's older object"
    # a tile upload that fails after replacing one object keeps it and removes only what it created
    files = {"B02": str(local), "B03": str(local), "B04": str(tmp_path / "missing.tif")}
    with pytest.raises(s3.S3Error, match="missing.tif"):
        s3.upload_tile(cfg, files, "keep/(BAND).tif")
    assert sorted(o.key for o in s3.list_objects(cfg, "keep")) == ["keep/B02.tif"]
    assert client.get_object(Bucket=cfg.bucket, Key="keep/B02.tif")["Body"].read() == local.read_bytes()
    assert s3.upload(cfg, str(local), "keep/B02.tif").replaced is True
    assert s3.upload(cfg, str(local), "keep/B05.tif").replaced is False


def test_bucket_options_nesting_and_conflicts(cfg, s3_server):
    with s3.bucket_options(cfg):
        with s3.bucket_options(cfg):
            assert gdal.GetPathSpecificOption(cfg.prefix, "AWS_S3_ENDPOINT", None) == s3_server.endpoint
        assert gdal.GetPathSpecificOption(cfg.prefix, "AWS_S3_ENDPOINT", None) == s3_server.endpoint
        other = s3.S3Config(bucket=cfg.bucket, access_key="other", secret_key="other", endpoint=cfg.endpoint)
        with pytest.raises(s3.S3Error, match="in use"), s3.bucket_options(other):
            pass
    no_options_left(cfg)


def test_invalid_names(cfg, tmp_path):
    for name in ("s3://bucket", "bucket/prefix", "", "a"):
        with pytest.raises(s3.S3Error, match="bucket"):
            s3.S3Config(bucket=name)
    assert s3.S3Config(bucket="PROJECT_ID:my-bucket").prefix == "/vsis3/PROJECT_ID:my-bucket"
    local = tmp_path / "f.bin"
    local.write_bytes(b"x")
    for key in ("", "prefix/", "a//b"):
        with pytest.raises(s3.S3Error, match="full key"):
            s3.upload(cfg, str(local), key)
    with pytest.raises(s3.S3Error, match="does not exist"):
        s3.upload(cfg, str(tmp_path / "nope.bin"), "nope.bin")
