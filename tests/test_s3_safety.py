"""Uploads never register wrong data, survive transient S3 errors and explain S3 failures (core.s3, s3_upload,
s3_check) against the session's moto S3 server: signatures checked, faults injected (503 SlowDown, 500, dropped
connections before/after the request was processed)."""

from __future__ import annotations

import os
import re
import threading

import pytest
from osgeo import gdal

from byoc_qgis.core import s3
from byoc_qgis.core import s3_upload as up
from byoc_qgis.core.gdal_compat import force_fallbacks, has_multipart_api
from byoc_qgis.core.s3_check import WRITE_CHECK_KEY, check_bucket, check_credentials

from .services import free_port
from .test_s3 import body, make_cfg, pending_uploads

MIB = 1024 * 1024


@pytest.fixture
def cfg(s3_server, s3_bucket):
    return make_cfg(s3_server, s3_bucket)


def rand_file(path, size):
    path.write_bytes(os.urandom(size))
    return str(path)


def fired(faults, method=None):
    return [f for f in faults.state()["fired"] if method is None or f["method"] == method]


# -- content, not size -----------------------------------------------------------------------------------------------
def test_same_size_other_content_is_never_taken_for_uploaded(cfg, s3_server, tmp_path):
    local = rand_file(tmp_path / "B02.tif", 200_000)
    client = s3_server.client()
    old = os.urandom(200_000)  # same size, other bytes: what a corrected uncompressed raster looks like
    client.put_object(Bucket=cfg.bucket, Key="t/B02.tif", Body=old)
    with pytest.raises(s3.S3ExistsError) as err:
        up.ensure_object(cfg, local, "t/B02.tif")
    assert str(err.value) == (
        f"s3://{cfg.bucket}/t/B02.tif already exists with other content (checksum differs, same size); it is left "
        "untouched: choose another path template, or allow overwriting (OVERWRITE) to replace it."
    )
    assert body(s3_server, cfg.bucket, "t/B02.tif") == old
    replaced = up.ensure_object(cfg, local, "t/B02.tif", overwrite=True)
    assert replaced.replaced and not replaced.skipped and replaced.how == "same MD5"
    assert body(s3_server, cfg.bucket, "t/B02.tif") == open(local, "rb").read()
    again = up.ensure_object(cfg, local, "t/B02.tif")
    assert again.skipped and again.how == "same MD5"


def test_resume_recognises_the_same_bytes_from_any_uploader(cfg, s3_server, tmp_path):
    from boto3.s3.transfer import TransferConfig

    client = s3_server.client()
    small = rand_file(tmp_path / "s.tif", 100_000)
    client.upload_file(small, cfg.bucket, "a/s.tif")  # one PUT, no checksum of ours: the ETag is the MD5
    big = rand_file(tmp_path / "b.tif", 20 * MIB + 3)
    client.upload_file(big, cfg.bucket, "a/b.tif", Config=TransferConfig(multipart_chunksize=8 * MIB))
    assert up.ensure_object(cfg, small, "a/s.tif").skipped
    res = up.ensure_object(cfg, big, "a/b.tif")
    assert res.skipped and res.how == "same multipart checksum"


def test_overwrite_check_comes_before_any_shortcut(cfg, s3_server, tmp_path):
    """OVERWRITE replaces an object of the same size with other content (the old size shortcut skipped it)."""
    local = rand_file(tmp_path / "x.tif", 50_000)
    s3_server.client().put_object(Bucket=cfg.bucket, Key="x.tif", Body=b"\0" * 50_000)
    assert up.ensure_object(cfg, local, "x.tif", overwrite=True).replaced
    assert body(s3_server, cfg.bucket, "x.tif") == open(local, "rb").read()


# -- only a definite 404 means absent ----------------------------------------------------------------------------------
def test_a_503_on_the_existence_check_never_leads_to_an_overwrite(cfg, s3_server, s3_faults, tmp_path):
    local = rand_file(tmp_path / "B02.tif", 30_000)
    s3_server.client().put_object(Bucket=cfg.bucket, Key="k/B02.tif", Body=b"precious")
    path = f"/{cfg.bucket}/k/B02.tif"
    # one 503 (with GDAL's own retries off, our retry answers): the object is found and left alone
    s3_faults.configure({"rules": [{"method": "GET", "path": path, "sequence": [{"status": 503}]}]})
    with pytest.raises(s3.S3ExistsError):
        up.ensure_object(make_cfg(s3_server, cfg.bucket, max_retry=1), local, "k/B02.tif")
    assert len(fired(s3_faults)) == 1
    # 503 on every check: reported, nothing sent
    s3_faults.configure({"rules": [{"method": "GET", "path": path, "probability": 1.0, "fault": {"status": 503}}]})
    with pytest.raises(s3.S3Error) as err:
        up.ensure_object(cfg, local, "k/B02.tif")
    assert err.value.problem == s3.PROBLEM_UNAVAILABLE and not isinstance(err.value, s3.S3ExistsError)
    tries = cfg.max_retry + 1
    assert str(err.value).startswith(f"Cannot check s3://{cfg.bucket}/k/B02.tif (after {tries} attempts): S3 at ")
    assert "Please reduce your request rate" in str(err.value) and "try again later" in str(err.value)
    assert fired(s3_faults, "PUT") == [] and body(s3_server, cfg.bucket, "k/B02.tif") == b"precious"
    # a dropped connection is not "absent" either
    s3_faults.configure({"rules": [{"method": "GET", "path": path, "probability": 1.0, "fault": {"drop": "before"}}]})
    with pytest.raises(s3.S3Error) as err:
        s3.head(cfg, "k/B02.tif")
    assert err.value.problem == s3.PROBLEM_DROPPED and "dropped the connection (empty reply from server)" in str(
        err.value
    )


def test_absent_only_for_a_real_404(cfg, s3_server):
    assert s3.head(cfg, "nothing/here.tif") is None
    with pytest.raises(s3.S3Error) as err:
        s3.head(make_cfg(s3_server, cfg.bucket, secret_key="wrong"), "nothing/here.tif")
    assert err.value.problem == s3.PROBLEM_BAD_SECRET
    with pytest.raises(s3.S3Error) as err:
        s3.stat(make_cfg(s3_server, "no-such-bucket-xyz"), "a.tif")
    assert err.value.problem == s3.PROBLEM_MISSING_BUCKET


# -- transient errors are retried on every GDAL ------------------------------------------------------------------------
def faults_20(bucket, seed=7):
    """~20 % of the bucket's requests fail: 503 SlowDown, 500, dropped before or after being processed."""
    kinds = [{"status": 503}, {"status": 500}, {"drop": "before"}, {"drop": "after"}]
    return {"seed": seed, "rules": [{"path": f"/{bucket}/*", "probability": 0.2, "faults": kinds}]}


@pytest.mark.parametrize("fallback", [False, True], ids=["native", "gdal34-fallback"])
def test_uploads_survive_20_percent_s3_faults(cfg, s3_server, s3_faults, tmp_path, fallback):
    files = {f"f/{i}.tif": rand_file(tmp_path / f"{i}.tif", 40_000 + i) for i in range(30)}
    files["f/big.tif"] = rand_file(tmp_path / "big.tif", 20 * MIB)
    s3_faults.configure(faults_20(cfg.bucket))
    patient = make_cfg(s3_server, cfg.bucket, max_retry=5)  # a multipart upload is 5 requests: more can fail
    with force_fallbacks(fallback):
        for key, path in files.items():
            res = up.ensure_object(patient, path, key, chunk_size_mb=8)
            assert not res.skipped
    kinds = {str(f["fault"]) for f in fired(s3_faults)}
    assert len(fired(s3_faults)) >= 10 and len(kinds) == 4  # the faults really happened, all four kinds
    s3_faults.configure({"rules": []})
    for key, path in files.items():
        assert body(s3_server, cfg.bucket, key) == open(path, "rb").read(), key
    assert pending_uploads(s3_server, cfg.bucket) == []


def test_gdal_retries_a_single_503_on_a_write_on_every_gdal(cfg, s3_server, s3_faults, tmp_path):
    """GDAL 3.6 ignores per-path retry options for writes: ours are thread-local, so GDAL itself retries."""
    local = rand_file(tmp_path / "w.tif", 10_000)
    s3_faults.configure({"rules": [{"method": "PUT", "path": f"/{cfg.bucket}/w.tif", "sequence": [{"status": 503}]}]})
    res = up.upload(cfg, local, "w.tif")
    assert res.attempts == 1 and len(fired(s3_faults, "PUT")) == 1


def test_a_failed_upload_deletes_the_object_it_created(cfg, s3_server, s3_faults, tmp_path):
    """Every PUT is processed but its answer is lost: the object exists, the upload fails, and we DELETE it."""
    local = rand_file(tmp_path / "n.tif", 10_000)
    s3_faults.configure(
        {"rules": [{"method": "PUT", "path": f"/{cfg.bucket}/new/n.tif", "probability": 1, "fault": {"drop": "after"}}]}
    )
    with pytest.raises(s3.S3Error) as err:
        up.upload(cfg, local, "new/n.tif")
    assert f"failed after {cfg.max_retry + 1} attempts" in str(err.value)
    assert len(fired(s3_faults, "PUT")) == cfg.max_retry + 1
    assert s3.head(cfg, "new/n.tif") is None  # a DELETE was sent: nothing left behind


def test_post_upload_verification_retries_instead_of_finding_nothing(cfg, s3_server, s3_faults, tmp_path):
    local = rand_file(tmp_path / "v.tif", 10_000)
    # the existence check passes, then the first verification request fails twice
    s3_faults.configure(
        {"rules": [{"method": "GET", "path": f"/{cfg.bucket}/v.tif", "sequence": ["pass", {"status": 500},
                                                                                    {"drop": "before"}]}]}
    )  # fmt: skip
    res = up.upload(cfg, local, "v.tif")
    assert res.how == "same MD5" and len(fired(s3_faults)) == 2


# -- only our own multipart uploads are aborted ------------------------------------------------------------------------
def test_foreign_multipart_uploads_survive_our_failed_upload(cfg, s3_server, s3_faults, tmp_path):
    client = s3_server.client()
    foreign = {
        k: client.create_multipart_upload(Bucket=cfg.bucket, Key=k)["UploadId"]
        for k in ("root.tif", "other-root.tif", "d/big.tif", "d/x.tif", "e/y.tif")
    }
    big = rand_file(tmp_path / "big.tif", 20 * MIB)
    # every part upload fails; GDAL aborts its own multipart upload each time
    s3_faults.configure(
        {"rules": [{"method": "PUT", "path": f"/{cfg.bucket}/*", "probability": 1, "fault": {"status": 500}}]}
    )
    failing = make_cfg(s3_server, cfg.bucket, max_retry=1)
    for key in ("root.tif", "d/big.tif"):  # the old cleanup aborted everything under "" and "d/"
        with pytest.raises(s3.S3Error):
            up.upload(failing, big, key, chunk_size_mb=8)
    small = rand_file(tmp_path / "s.tif", 1000)
    with pytest.raises(s3.S3Error):
        up.upload(failing, small, "d/s.tif")
    left = {u["Key"]: u["UploadId"] for u in pending_uploads(s3_server, cfg.bucket)}
    assert left == foreign


def test_an_upload_gdal_could_not_abort_is_aborted_by_id_or_named(cfg, s3_server, s3_faults, tmp_path):
    big = rand_file(tmp_path / "big.tif", 20 * MIB)
    foreign = s3_server.client().create_multipart_upload(Bucket=cfg.bucket, Key="g/big.tif")["UploadId"]
    failing = make_cfg(s3_server, cfg.bucket, max_retry=0)
    s3_faults.configure(
        {
            "rules": [
                {"method": "PUT", "path": f"/{cfg.bucket}/g/big.tif", "probability": 1, "fault": {"status": 500}},
                # GDAL's own abort fails (no retries with max_retry 0); an abort by id afterwards gets through
                {"method": "DELETE", "path": f"/{cfg.bucket}/g/big.tif", "sequence": [{"status": 503}]},
            ]
        }
    )
    with pytest.raises(s3.S3Error) as err:
        up.upload(failing, big, "g/big.tif", chunk_size_mb=8)
    left = [u["UploadId"] for u in pending_uploads(s3_server, cfg.bucket)]
    if has_multipart_api():
        assert left == [foreign]
        assert "still pending" not in str(err.value)
    else:
        ours = [u for u in left if u != foreign]
        assert len(ours) == 1 and foreign in left
        assert f"still pending (upload id {ours[0]})" in str(err.value)
        assert "needs GDAL 3.10 or newer" in str(err.value) and "abort-multipart-upload" in str(err.value)
        s3_server.client().abort_multipart_upload(Bucket=cfg.bucket, Key="g/big.tif", UploadId=ours[0])


# -- the bucket check words every problem ------------------------------------------------------------------------------
def test_check_bucket_passes_and_leaves_nothing(cfg, s3_server):
    result = check_bucket(cfg, write=True)
    assert (result.ok, result.writable, result.problem) == (True, True, "")
    assert result.message == f"Bucket {cfg.bucket} at {s3_server.endpoint} is reachable and writable."
    assert "Contents" not in s3_server.client().list_objects_v2(Bucket=cfg.bucket)
    assert check_bucket(cfg).message == f"Bucket {cfg.bucket} at {s3_server.endpoint} is reachable."


def test_check_bucket_words_each_problem(cfg, s3_server, s3_faults, monkeypatch):
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(var, raising=False)
    ep = s3_server.endpoint
    cases = {
        "missing": (make_cfg(s3_server, "no-such-bucket-q"), s3.PROBLEM_MISSING_BUCKET,
                    f"Bucket no-such-bucket-q does not exist at {ep}: create it, or correct the bucket name (and the "
                    "S3 endpoint/region)."),
        "secret": (make_cfg(s3_server, cfg.bucket, secret_key="nope"), s3.PROBLEM_BAD_SECRET,
                   f"{ep} refused the S3 secret key for access key test… (the signature does not match): correct the "
                   "secret key in the S3 credentials."),
        "key": (make_cfg(s3_server, cfg.bucket, access_key="AKIAUNKNOWN1"), s3.PROBLEM_BAD_KEY,
                f"{ep} does not know the S3 access key AKIA…: correct the access key in the S3 credentials (and "
                "check the endpoint: keys of one provider do not work at another)."),
        "none": (make_cfg(s3_server, cfg.bucket, access_key="", secret_key=""), s3.PROBLEM_NO_CREDENTIALS,
                 f"No S3 credentials for bucket {cfg.bucket}: choose S3 credentials (access key / secret key) for the "
                 "connection (Processing: S3_AUTHCFG), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."),
    }  # fmt: skip
    for name, (config, problem, message) in cases.items():
        result = check_bucket(config)
        assert (result.ok, result.problem, result.message) == (False, problem, message), name
        assert result.attempts == 1, name  # not transient: no retries
    port = free_port()
    refused = check_bucket(make_cfg(s3_server, cfg.bucket, endpoint=f"127.0.0.1:{port}", max_retry=1))
    assert refused.problem == s3.PROBLEM_UNREACHABLE and refused.attempts == 2
    assert re.match(
        rf"Cannot reach the S3 endpoint 127\.0\.0\.1:{port} \((couldn't|could not) connect to server", refused.message
    )
    assert refused.message.endswith(
        "check the endpoint host:port and the HTTPS setting, and that the server is running. (2 attempts)"
    )
    root = f"/{cfg.bucket}*"
    s3_faults.configure({"rules": [{"path": root, "probability": 1, "fault": {"status": 503}}]})
    busy = check_bucket(make_cfg(s3_server, cfg.bucket, max_retry=2))
    assert (busy.problem, busy.attempts) == (s3.PROBLEM_UNAVAILABLE, 3)
    assert "throttling (Please reduce your request rate.): try again later." in busy.message
    s3_faults.configure({"rules": [{"path": root, "probability": 1, "fault": {"drop": "before"}}]})
    dropped = check_bucket(make_cfg(s3_server, cfg.bucket, max_retry=1))
    assert dropped.problem == s3.PROBLEM_DROPPED and "dropped the connection" in dropped.message
    s3_faults.configure({"rules": [{"path": root, "probability": 1, "fault": {"status": 403}}]})
    denied = check_bucket(cfg)
    assert denied.problem == s3.PROBLEM_ACCESS_DENIED and "grant them s3:ListBucket" in denied.message
    s3_faults.configure({"rules": [{"path": root, "sequence": [{"status": 503}, {"drop": "before"}]}]})
    assert check_bucket(cfg).ok  # transient once: retried
    s3_faults.configure(
        {"rules": [{"method": "PUT", "path": f"/{cfg.bucket}/{WRITE_CHECK_KEY}", "probability": 1,
                    "fault": {"status": 403}}]}
    )  # fmt: skip
    readonly = check_bucket(cfg, write=True)
    assert (readonly.ok, readonly.problem, readonly.writable) == (False, s3.PROBLEM_NOT_WRITABLE, False)
    assert "can be read but not written" in readonly.message and "s3:PutObject" in readonly.message
    with pytest.raises(s3.S3Error, match="can be read but not written") as err:
        readonly.raise_for_problem()
    assert err.value.problem == s3.PROBLEM_NOT_WRITABLE


def test_check_credentials_without_a_bucket(cfg, s3_server):
    assert check_credentials(cfg).ok
    bad = check_credentials(make_cfg(s3_server, cfg.bucket, secret_key="wrong"))
    assert bad.problem == s3.PROBLEM_BAD_SECRET and "refused the S3 secret key" in bad.message


# -- GDAL 3.4/3.5: per-bucket options without SetPathSpecificOption ----------------------------------------------------
def test_fallback_options_are_thread_local_and_reach_gdal_worker_threads(cfg, s3_server, tmp_path):
    big = rand_file(tmp_path / "big.tif", 26 * MIB)
    seen_elsewhere = []
    with force_fallbacks():
        with s3.bucket_options(cfg):
            assert gdal.GetThreadLocalConfigOption("AWS_S3_ENDPOINT", None) == s3_server.endpoint

            def elsewhere():
                for key in ("AWS_S3_ENDPOINT", "AWS_SECRET_ACCESS_KEY"):
                    seen_elsewhere.append(gdal.GetConfigOption(key))
                    seen_elsewhere.append(gdal.GetPathSpecificOption(cfg.prefix, key, None))

            t = threading.Thread(target=elsewhere)
            t.start()
            t.join()
            # one bucket at a time per thread
            with pytest.raises(s3.S3Error, match=r"Several buckets at once needs GDAL 3\.6 or newer"):
                with s3.bucket_options(make_cfg(s3_server, "other-bucket")):
                    pass
        # gdal.Sync would upload the 4 parts from its own worker threads, which never see thread-local options
        # (the signature check refuses them): the fallback writes them from this thread
        res = up.upload(cfg, big, "fb/big.tif", chunk_size_mb=8, threads=4)
        assert res.method == "stream" and s3.head(cfg, "fb/big.tif").multipart_parts == 4
        assert [o.key for o in s3.list_objects(cfg, "fb")] == ["fb/big.tif"]
        assert check_bucket(cfg, write=True).ok
    assert seen_elsewhere == [None] * 4  # other threads never see the keys (no path-specific options either)
    assert gdal.GetThreadLocalConfigOption("AWS_S3_ENDPOINT", None) is None
    assert gdal.GetConfigOption("AWS_SECRET_ACCESS_KEY") is None
    assert body(s3_server, cfg.bucket, "fb/big.tif") == open(big, "rb").read()
