"""S3 through GDAL /vsis3/ (byoc_qgis.core.s3, s3_upload) against the moto S3 server on loopback (signatures checked,
faults injected), verified by reading back."""

from __future__ import annotations

import hashlib
import logging
import os

import pytest
from osgeo import gdal

from byoc_qgis.core import cog_rules, s3
from byoc_qgis.core import s3_upload as up
from byoc_qgis.core.progress import Cancelled
from tests import fixtures_rasters as fr


def make_cfg(s3_server, bucket, **kw):
    base = dict(
        bucket=bucket,
        access_key=s3_server.access_key,
        secret_key=s3_server.secret_key,
        region=s3_server.region,
        endpoint=s3_server.endpoint,
        https=False,
        retry_delay=0.02,
    )
    base.update(kw)
    return s3.S3Config(**base)


@pytest.fixture
def cfg(s3_server, s3_bucket):
    return make_cfg(s3_server, s3_bucket)


def pending_uploads(s3_server, bucket):
    return s3_server.client().list_multipart_uploads(Bucket=bucket).get("Uploads", [])


def no_options_left(config):
    for key in ("AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_S3_ENDPOINT", "GDAL_HTTP_MAX_RETRY"):
        assert gdal.GetPathSpecificOption(config.prefix, key, None) is None
        assert gdal.GetConfigOption(key) is None


def body(s3_server, bucket, key):
    return s3_server.client().get_object(Bucket=bucket, Key=key)["Body"].read()


def test_upload_cog_and_read_back(cfg, s3_server, tmp_path):
    local = fr.make_utm_cog(tmp_path / "B02.tif")
    seen = []
    res = up.upload(cfg, local, "tiles/t1/B02.tif", progress=lambda f, m: seen.append(f))
    data = open(local, "rb").read()
    assert res.size == len(data) and res.md5 == hashlib.md5(data).hexdigest()  # noqa: S324
    assert res.method == "stream" and res.how == "same MD5"  # one PUT through a write handle
    assert seen and seen[-1] == 1.0
    assert body(s3_server, cfg.bucket, "tiles/t1/B02.tif") == data
    assert s3.read_bytes(cfg, "tiles/t1/B02.tif") == data
    info = s3.stat(cfg, "tiles/t1/B02.tif")
    assert info.size == len(data) and not info.is_dir
    # every upload stores its checksum in the object's metadata; S3 answers it with the ETag
    remote = s3.head(cfg, "tiles/t1/B02.tif")
    assert remote.md5 == res.md5 and remote.etag == res.md5 and remote.size == len(data)
    meta = s3_server.client().head_object(Bucket=cfg.bucket, Key="tiles/t1/B02.tif")["Metadata"]
    assert meta == {"byoc-md5": res.md5}
    # the BYOC check runs on the /vsis3/ copy too
    with s3.bucket_options(cfg):
        facts, findings = cog_rules.inspect_file(s3.vsis3_path(cfg, "tiles/t1/B02.tif"))
    assert findings == [] and facts.epsg == 32633
    no_options_left(cfg)


def test_replacing_an_object_with_same_size_other_bytes(cfg, s3_server, tmp_path):
    local = tmp_path / "data.bin"
    local.write_bytes(os.urandom(300_000))
    res = up.upload(cfg, str(local), "x/data.bin", method="sync")
    assert res.method == "stream"  # a single part never goes through gdal.Sync (it deletes the target on failure)
    assert body(s3_server, cfg.bucket, "x/data.bin") == local.read_bytes()
    # uploading a changed file of the same size overwrites it (no timestamp skipping)
    local.write_bytes(os.urandom(300_000))
    up.upload(cfg, str(local), "x/data.bin", method="sync")
    assert s3.read_bytes(cfg, "x/data.bin") == local.read_bytes()


@pytest.mark.parametrize("size_mb,fallback", [(0.3, False), (20, False), (20, True)], ids=["single", "sync", "stream"])
def test_an_existing_object_survives_a_failed_or_cancelled_upload(cfg, s3_server, s3_faults, tmp_path, size_mb,
                                                                  fallback):  # fmt: skip
    """GDAL 3.10's CopyFile (and Sync for one part) delete the target when a transfer fails or is cancelled: the
    uploads here never let them, on every path."""
    from byoc_qgis.core.gdal_compat import force_fallbacks

    local = tmp_path / "new.bin"
    local.write_bytes(os.urandom(int(size_mb * 1024 * 1024)))
    s3_server.client().put_object(Bucket=cfg.bucket, Key="e/obj.bin", Body=b"OLD")
    failing = make_cfg(s3_server, cfg.bucket, max_retry=1)
    s3_faults.configure(
        {"rules": [{"method": "PUT", "path": f"/{cfg.bucket}/e/obj.bin", "probability": 1, "fault": {"status": 500}}]}
    )
    with force_fallbacks(fallback), pytest.raises(s3.S3Error, match="failed after 2 attempts"):
        up.upload(failing, str(local), "e/obj.bin", chunk_size_mb=8)
    assert body(s3_server, cfg.bucket, "e/obj.bin") == b"OLD"
    s3_faults.configure({"rules": []})
    if size_mb > 8 and not fallback:  # only gdal.Sync's multipart transfer stops at once
        in_flight = []

        def cancel():  # once our multipart upload is in flight, and from then on
            in_flight.extend([True] if pending_uploads(s3_server, cfg.bucket) else [])
            return bool(in_flight)

        with pytest.raises(Cancelled):
            up.upload(cfg, str(local), "e/obj.bin", chunk_size_mb=8, cancel=cancel)
        assert body(s3_server, cfg.bucket, "e/obj.bin") == b"OLD"
    assert pending_uploads(s3_server, cfg.bucket) == []


@pytest.mark.parametrize("method", ["auto", "stream"])
def test_multipart_upload(cfg, s3_server, tmp_path, method):
    local = tmp_path / "big.bin"
    local.write_bytes(os.urandom(20 * 1024 * 1024))
    res = up.upload(cfg, str(local), "big/big.bin", method=method, chunk_size_mb=8)
    assert res.how == "same multipart checksum" and res.method == {"auto": "sync", "stream": "stream"}[method]
    assert s3.head(cfg, "big/big.bin").etag == up.file_digest(str(local), 8 * 1024 * 1024).multipart_etag
    assert s3.head(cfg, "big/big.bin").multipart_parts == 3
    assert s3.read_bytes(cfg, "big/big.bin") == local.read_bytes()
    assert pending_uploads(s3_server, cfg.bucket) == []


def test_multipart_etag_matches_s3(cfg, s3_server, tmp_path):
    """The local multipart ETag is S3's, for any part size (boto3 uploads with 8 MiB parts here)."""
    from boto3.s3.transfer import TransferConfig

    local = tmp_path / "b.bin"
    local.write_bytes(os.urandom(20 * 1024 * 1024 + 17))
    mib = 1024 * 1024
    s3_server.client().upload_file(
        str(local), cfg.bucket, "b.bin", Config=TransferConfig(multipart_threshold=8 * mib, multipart_chunksize=8 * mib)
    )
    remote = s3.head(cfg, "b.bin")
    assert remote.multipart_parts == 3 and remote.md5 == ""
    assert remote.etag == up.file_digest(str(local), 8 * mib).multipart_etag
    # resume recognises it with our own part size (16 MiB) as the first guess: the common 8 MiB is tried too
    assert up.same_content(remote, up.file_digest(str(local), 16 * mib)) == (True, "same multipart checksum")
    other = tmp_path / "c.bin"
    other.write_bytes(os.urandom(20 * 1024 * 1024 + 17))
    same, how = up.same_content(remote, up.file_digest(str(other), 16 * mib))
    assert not same and "differs" in how


def test_cancel_aborts_only_our_multipart_upload(cfg, s3_server, tmp_path):
    local = tmp_path / "big.bin"
    local.write_bytes(os.urandom(30 * 1024 * 1024))
    client = s3_server.client()
    client.put_object(Bucket=cfg.bucket, Key="c/big.bin", Body=b"older content")
    # someone else's uploads in progress: one in another folder, one in ours, one to the very same key
    foreign = [client.create_multipart_upload(Bucket=cfg.bucket, Key=k)["UploadId"] for k in ("elsewhere/keep.bin",
               "c/other.bin", "c/big.bin")]  # fmt: skip
    pending_at_cancel = []

    def cancel():  # cancel as soon as our multipart upload is in flight
        if not pending_at_cancel:
            ids = [u["UploadId"] for u in pending_uploads(s3_server, cfg.bucket)]
            if len(ids) > len(foreign):
                pending_at_cancel.extend(ids)
        return bool(pending_at_cancel)

    with pytest.raises(Cancelled):
        up.upload(cfg, str(local), "c/big.bin", cancel=cancel, chunk_size_mb=8)
    assert len(pending_at_cancel) == 4  # ours really was a multipart upload in flight
    assert body(s3_server, cfg.bucket, "c/big.bin") == b"older content"
    assert sorted(u["UploadId"] for u in pending_uploads(s3_server, cfg.bucket)) == sorted(foreign)


def test_cancel_during_a_single_part_upload_never_truncates(cfg, s3_server, tmp_path):
    """GDAL would PUT what it has when told to stop mid-way: a single-part transfer is finished instead."""
    local = tmp_path / "mid.bin"
    local.write_bytes(os.urandom(3 * 1024 * 1024))
    s3_server.client().put_object(Bucket=cfg.bucket, Key="m/mid.bin", Body=b"OLD")
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 3  # after the existence check, during the transfer

    with pytest.raises(Cancelled):
        up.upload(cfg, str(local), "m/mid.bin", cancel=cancel, chunk_size_mb=16)
    assert len(calls) > 4  # cancel was asked for during the transfer
    assert body(s3_server, cfg.bucket, "m/mid.bin") == local.read_bytes()  # complete, verified, never truncated


def test_failure_is_clear_and_secret_free(s3_server, tmp_path, caplog):
    secret = "s3cr3t-VALUE-never-shown"
    bad = s3.S3Config(
        bucket="no-such-bucket-here",
        access_key="AKIDEXAMPLE",
        secret_key=secret,
        region=s3_server.region,
        endpoint=f"http://{s3_server.endpoint}",
        retry_delay=0.01,
    )
    local = tmp_path / "f.bin"
    local.write_bytes(b"abc" * 1000)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(s3.S3Error) as err:
        up.upload(bad, str(local), "k/f.bin")
    text = str(err.value)
    assert "no-such-bucket-here" in text and err.value.problem == s3.PROBLEM_BAD_KEY
    assert "does not know the S3 access key AKID…" in text
    assert secret not in text and secret not in repr(bad) and secret not in str(bad)
    assert "AKIDEXAMPLE" not in repr(bad) and "AKIDEXAMPLE" not in text
    assert secret not in caplog.text
    no_options_left(bad)


def test_wrong_secret_is_refused_and_worded(s3_server, s3_bucket, tmp_path):
    wrong = make_cfg(s3_server, s3_bucket, secret_key="not-the-secret")
    local = tmp_path / "f.bin"
    local.write_bytes(b"data")
    with pytest.raises(s3.S3Error) as err:
        up.upload(wrong, str(local), "f.bin")
    assert err.value.problem == s3.PROBLEM_BAD_SECRET
    assert "refused the S3 secret key" in str(err.value) and "correct the secret key" in str(err.value)
    assert "not-the-secret" not in str(err.value)
    assert "Contents" not in s3_server.client().list_objects_v2(Bucket=s3_bucket)


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
    up.upload(cfg, str(local), "f.bin")
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


def test_listing_never_returns_a_partial_result(cfg, s3_server, s3_faults):
    client = s3_server.client()
    for i in range(5):
        client.put_object(Bucket=cfg.bucket, Key=f"l/{i}.tif", Body=b"x")
    s3_faults.configure({"rules": [{"path": f"/{cfg.bucket}*", "sequence": [{"drop": "before"}, {"status": 503}]}]})
    assert [o.key for o in s3.list_objects(cfg, "l")] == [f"l/{i}.tif" for i in range(5)]
    assert len(s3_faults.state()["fired"]) == 2
    s3_faults.configure({"rules": [{"path": f"/{cfg.bucket}*", "probability": 1.0, "fault": {"status": 500}}]})
    with pytest.raises(s3.S3Error, match="Cannot list") as err:
        s3.list_objects(cfg, "l")
    assert err.value.problem == s3.PROBLEM_UNAVAILABLE


def test_upload_tile_is_all_or_nothing(cfg, tmp_path):
    files = fr.make_tile(tmp_path / "t", stems=("B02", "B03"))
    done = up.upload_tile(cfg, files, "2024/t1/(BAND).tif")
    assert [r.key for r in done] == ["2024/t1/B02.tif", "2024/t1/B03.tif"]
    broken = dict(files, B04=str(tmp_path / "missing.tif"))
    with pytest.raises(s3.S3Error, match="missing.tif"):
        up.upload_tile(cfg, broken, "2024/t2/(BAND).tif")
    assert s3.list_objects(cfg, "2024/t2") == []
    s3.delete(cfg, ["2024/t1/B02.tif", "2024/t1/B03.tif"])
    assert s3.list_objects(cfg, "2024") == []


def test_failed_or_cancelled_upload_never_deletes_an_existing_object(cfg, s3_server, tmp_path):
    client = s3_server.client()
    client.put_object(Bucket=cfg.bucket, Key="keep/B02.tif", Body=b"the user's older object")
    local = tmp_path / "new.bin"
    local.write_bytes(os.urandom(256 * 1024))
    with pytest.raises(Cancelled):
        up.upload(cfg, str(local), "keep/B02.tif", cancel=lambda: True)
    assert body(s3_server, cfg.bucket, "keep/B02.tif") == b"the user's older object"
    # a tile upload that fails after replacing one object keeps it and removes only what it created
    files = {"B02": str(local), "B03": str(local), "B04": str(tmp_path / "missing.tif")}
    with pytest.raises(s3.S3Error, match="missing.tif"):
        up.upload_tile(cfg, files, "keep/(BAND).tif")
    assert sorted(o.key for o in s3.list_objects(cfg, "keep")) == ["keep/B02.tif"]
    assert body(s3_server, cfg.bucket, "keep/B02.tif") == local.read_bytes()
    assert up.upload(cfg, str(local), "keep/B02.tif").replaced is True
    assert up.upload(cfg, str(local), "keep/B05.tif").replaced is False


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
            up.upload(cfg, str(local), key)
    with pytest.raises(s3.S3Error, match="does not exist"):
        up.upload(cfg, str(tmp_path / "nope.bin"), "nope.bin")
