"""localhub's own S3 server survives restarts: buckets (also empty ones), object bytes, ETags (multipart too),
content types and metadata come back after SIGTERM, and every acknowledged write survives SIGKILL; tiles ingest
again from the restored objects. An external S3 endpoint is never copied."""

from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
from pathlib import Path

from boto3.s3.transfer import TransferConfig

from . import fixtures_rasters as fr


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _objects(client, bucket):
    """key → (ETag, size, content type, metadata, sha256 of the bytes)."""
    found = {}
    for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
        got = client.get_object(Bucket=bucket, Key=item["Key"])
        found[item["Key"]] = (
            got["ETag"],
            got["ContentLength"],
            got["ContentType"],
            got["Metadata"],
            _sha256(got["Body"].read()),
        )
    return found


def _ingested_tile(hub, session, bucket, tmp_path: Path):
    client = hub.s3.client()
    for stem, path in fr.make_tile(tmp_path / "cog", stems=("B01",)).items():
        client.upload_file(path, bucket, f"tiles/a/{stem}.tif", ExtraArgs={"ContentType": "image/tiff"})
    r = session.post(f"{hub.byoc_url}/collections", json={"name": "persist", "s3Bucket": bucket}, timeout=10)
    assert r.status_code == 201, r.text
    coll = r.json()["data"]
    r = session.post(f"{hub.byoc_url}/collections/{coll['id']}/tiles", json={"path": "tiles/a/(BAND).tif"}, timeout=10)
    assert r.status_code == 201, r.text
    tile = hub.wait_for_tile(session, coll["id"], r.json()["data"]["id"])
    assert tile["status"] == "INGESTED", tile
    return coll, tile


def _reingest(hub, session, coll, tile):
    url = f"{hub.byoc_url}/collections/{coll['id']}/tiles/{tile['id']}"
    assert session.post(f"{url}/reingest", timeout=10).status_code == 204
    again = hub.wait_for_tile(session, coll["id"], tile["id"])
    assert again["status"] == "INGESTED", again
    return again


def test_sigterm_restart_restores_buckets_objects_and_tiles_reingest(localhub_factory, tmp_path):
    hub = localhub_factory(own_s3=True)
    s3_dir = hub.data_dir / "s3"
    assert f"S3 data kept in {s3_dir} (restored 0 bucket(s), 0 object(s)" in hub.log_text()
    client = hub.s3.client()
    client.create_bucket(Bucket="cogs")
    client.create_bucket(Bucket="still-empty")
    s = hub.session()
    coll, tile = _ingested_tile(hub, s, "cogs", tmp_path)
    # a multipart upload (2 parts): its "<md5>-2" ETag must come back unchanged
    big = bytes(range(256)) * (24 * 1024) + b"tail"  # 6 MiB + 4 bytes
    client.upload_fileobj(
        io.BytesIO(big),
        "cogs",
        "raw/big.bin",
        ExtraArgs={"ContentType": "application/x-test", "Metadata": {"origin": "test"}},
        Config=TransferConfig(multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024),
    )
    client.put_object(Bucket="cogs", Key="odd name+%/é.txt", Body=b"odd")
    before = _objects(client, "cogs")
    assert before["raw/big.bin"][0].endswith('-2"')
    assert hub.stop() == 0
    assert "localhub: stopped" in hub.log_text()

    again = localhub_factory(own_s3=True, data_dir=hub.data_dir)
    assert again.s3.port != hub.s3.port  # a new server: everything below came from the data dir
    assert f"S3 data kept in {s3_dir} (restored 2 bucket(s), 3 object(s)" in again.log_text()
    client = again.s3.client()
    assert sorted(b["Name"] for b in client.list_buckets()["Buckets"]) == ["cogs", "still-empty"]
    assert client.list_objects_v2(Bucket="still-empty").get("KeyCount") == 0
    assert _objects(client, "cogs") == before
    assert _objects(client, "cogs")["raw/big.bin"][4] == _sha256(big)

    tile_again = _reingest(again, s, coll, tile)
    assert tile_again["additionalData"]["filesMetadata"] == tile["additionalData"]["filesMetadata"]  # same ETags


def test_sigkill_loses_no_acknowledged_write(localhub_factory, tmp_path):
    hub = localhub_factory(own_s3=True)
    client = hub.s3.client()
    client.create_bucket(Bucket="crash")
    client.create_bucket(Bucket="doomed")
    s = hub.session()
    coll, tile = _ingested_tile(hub, s, "crash", tmp_path)
    client.put_object(Bucket="crash", Key="kept", Body=b"first version")
    client.put_object(Bucket="crash", Key="kept", Body=b"second version", ContentType="text/plain")
    client.put_object(Bucket="crash", Key="deleted", Body=b"gone soon")
    client.delete_object(Bucket="crash", Key="deleted")
    client.copy_object(Bucket="crash", Key="copy", CopySource={"Bucket": "crash", "Key": "kept"})
    client.copy_object(  # same bytes (same ETag), new content type and metadata
        Bucket="crash",
        Key="copy",
        CopySource={"Bucket": "crash", "Key": "copy"},
        MetadataDirective="REPLACE",
        ContentType="text/x-changed",
        Metadata={"note": "replaced"},
    )
    client.delete_bucket(Bucket="doomed")
    client.create_bucket(Bucket="late")
    before = _objects(client, "crash")
    hub.process.proc.kill()  # no clean shutdown: only what each write saved before it answered
    hub.process.proc.wait()

    again = localhub_factory(own_s3=True, data_dir=hub.data_dir)
    client = again.s3.client()
    assert sorted(b["Name"] for b in client.list_buckets()["Buckets"]) == ["crash", "late"]
    after = _objects(client, "crash")
    assert after == before
    assert set(after) == {"tiles/a/B01.tif", "kept", "copy"}
    assert after["kept"][2] == "text/plain" and after["kept"][4] == _sha256(b"second version")
    assert after["copy"][2:4] == ("text/x-changed", {"note": "replaced"})
    _reingest(again, s, coll, tile)


def test_failed_save_answers_500_and_missing_files_are_dropped(localhub_factory):
    hub = localhub_factory(own_s3=True)
    client = hub.s3.client()
    client.create_bucket(Bucket="fragile")
    client.put_object(Bucket="fragile", Key="saved", Body=b"ok")
    client.put_object(Bucket="fragile", Key="file-removed-by-hand", Body=b"?")
    blobs = hub.data_dir / "s3" / "blobs"
    shutil.move(str(blobs), str(blobs.with_name("blobs-away")))
    blobs.write_text("not a directory")  # the next save cannot write its file
    try:
        client.put_object(Bucket="fragile", Key="unsaved", Body=b"lost")
        raise AssertionError("the write was acknowledged although it could not be saved")
    except client.exceptions.ClientError as exc:
        assert exc.response["ResponseMetadata"]["HTTPStatusCode"] == 500
        assert exc.response["Error"]["Code"] == "InternalError"
    assert "could not save an S3 change" in hub.log_text()
    hub.process.proc.kill()
    hub.process.proc.wait()
    blobs.unlink()
    shutil.move(str(blobs.with_name("blobs-away")), str(blobs))
    with sqlite3.connect(str(hub.data_dir / "s3" / "index.sqlite")) as index:
        (name,) = index.execute("SELECT blob FROM objects WHERE key='file-removed-by-hand'").fetchone()
    (blobs / name).unlink()

    again = localhub_factory(own_s3=True, data_dir=hub.data_dir)
    keys = [o["Key"] for o in again.s3.client().list_objects_v2(Bucket="fragile")["Contents"]]
    assert keys == ["saved"]
    assert f"fragile/file-removed-by-hand dropped: its file {name} is missing" in again.log_text()


def test_external_s3_is_never_copied(localhub_factory, s3_server, s3_bucket):
    s3_server.client().put_object(Bucket=s3_bucket, Key="x", Body=b"external")
    hub = localhub_factory()
    assert f"S3 endpoint {s3_server.endpoint} (external)" in hub.log_text()
    assert "S3 data kept in" not in hub.log_text()
    assert hub.stop() == 0
    assert not (hub.data_dir / "s3").exists()
    assert s3_server.client().get_object(Bucket=s3_bucket, Key="x")["Body"].read() == b"external"
