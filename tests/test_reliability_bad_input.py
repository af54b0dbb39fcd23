"""R2 (bad input) through ``processing.run("byoc:createtiles")``: each bad raster or setting gives one clear error that
names the file (or setting) and the fix, the algorithm fails, nothing is registered and nothing is left in S3."""

from __future__ import annotations

import uuid

import numpy as np
import pytest

from . import fixtures_rasters as fr
from .services import free_port
from .test_processing_support import connection_params, register_provider, run_alg, s3_params, store_basic_authcfg

pytestmark = pytest.mark.timeout(600)
DAY = "2023-09-01"


@pytest.fixture(scope="module")
def env(qgis_processing, localhub, s3_server):
    provider = register_provider()
    authcfg = store_basic_authcfg(localhub.client_id, localhub.client_secret, "r2-client")
    s3cfg = store_basic_authcfg(s3_server.access_key, s3_server.secret_key, "r2-s3")
    params = {**connection_params(localhub, authcfg), **s3_params(s3_server, s3cfg)}
    return {"hub": localhub, "params": params, "provider": provider, "s3": s3_server}


@pytest.fixture
def collection(env):
    bucket = f"r2-{uuid.uuid4().hex[:10]}"
    env["s3"].client().create_bucket(Bucket=bucket)
    res, _ = run_alg("byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, **env["params"]})
    return {"id": res["COLLECTION_ID"], "bucket": bucket}


def _tile(tmp_path, maker, name="B02.tif", **kw):
    folder = tmp_path / "data" / DAY / "t1"
    folder.mkdir(parents=True, exist_ok=True)
    return maker(folder / name, **kw)


def _raw(path, data: bytes):
    path.write_bytes(data)
    return str(path)


NEVER = {"COGIFY": 1}  # "Never (fail instead)": the layout problems must be reported, not silently repaired

# name -> (build(tmp_path) -> extra params, fragments the error must contain)
CASES = {
    "jpeg-cog": (
        lambda t: (_tile(t, fr.make_jpeg), NEVER)[1],
        ["B02.tif", "JPEG", "COGify"],
    ),
    "128-px-blocks": (
        lambda t: (_tile(t, fr.make_small_tiles), NEVER)[1],
        ["B02.tif", "have width and height between 256 and 2048", "BLOCKSIZE=1024", "COGify"],
    ),
    "palette": (
        lambda t: (_tile(t, fr.make_palette), NEVER)[1],
        ["B02.tif", "colour table"],
    ),
    "no-crs": (
        lambda t: (_tile(t, fr.make_ungeoreferenced), {})[1],
        ["B02.tif", "georeferenc"],
    ),
    "no-overviews": (
        lambda t: (_tile(t, fr.make_no_overviews), NEVER)[1],
        ["B02.tif", "overview"],
    ),
    "band-sizes-differ": (
        lambda t: (
            _tile(t, fr.make_cog, "B02.tif", size=(600, 500)),
            _tile(t, fr.make_cog, "B03.tif", size=(500, 400)),
            {},
        )[2],
        ["B02.tif: File B02 extends more than one pixel beyond the area shared", "gdalwarp -te"],
    ),
    "not-a-raster": (
        lambda t: (_raw(_tile_dir(t) / "B02.tif", b"<html>404 page saved as a tif</html>"), {})[1],
        ["B02.tif", "not a raster (unreadable)", "Provide a GeoTIFF"],
    ),
    "zero-bytes": (
        lambda t: (_raw(_tile_dir(t) / "B02.tif", b""), {})[1],
        ["B02.tif", "not a raster (0 bytes)", "the file is empty"],
    ),
    "path-template-without-band": (
        lambda t: (_tile(t, fr.make_cog), {"PATH_TEMPLATE": "{name}/B02.tif"})[1],
        ["PATH_TEMPLATE '{name}/B02.tif' must contain (BAND) once", "{name}/(BAND).tif"],
    ),
    "date-template-does-not-match": (
        lambda t: (_tile(t, fr.make_cog), {"SENSING_TIME_TEMPLATE": "%d.%m.%Y"})[1],
        ["No sensing time", "%d.%m.%Y", "SENSING_TIME_TEMPLATE"],
    ),
    "file-pattern-does-not-match": (
        lambda t: (_tile(t, fr.make_cog), {"FILE_PATTERN": "(BAND).tiff"})[1],
        ["not match FILE_PATTERN", "(BAND).tiff", "change the pattern"],
    ),
}


def _tile_dir(tmp_path):
    folder = tmp_path / "data" / DAY / "t1"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _nothing_left(env, collection):
    tiles = env["hub"].session().get(f"{env['hub'].byoc_url}/collections/{collection['id']}/tiles", timeout=10)
    assert tiles.json()["data"] == []
    listed = env["s3"].client().list_objects_v2(Bucket=collection["bucket"])
    assert "Contents" not in listed, [o["Key"] for o in listed["Contents"]]
    assert env["s3"].client().list_multipart_uploads(Bucket=collection["bucket"]).get("Uploads", []) == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_raster_or_template_is_a_clear_error(env, collection, tmp_path, case):
    from qgis.core import QgsProcessingException

    build, fragments = CASES[case]
    extra = build(tmp_path)
    params = {
        "COLLECTION": collection["id"],
        "FOLDER": str(tmp_path / "data"),
        "OUTPUT": "memory:",
        **env["params"],
        **extra,
    }
    with pytest.raises(QgsProcessingException) as err:
        run_alg("byoc:createtiles", params)
    text = str(err.value)
    for fragment in fragments:
        assert fragment in text, (case, text)
    assert "unknown GDAL error" not in text and "Traceback" not in text
    _nothing_left(env, collection)


def test_missing_bucket_is_a_clear_error(env, tmp_path):
    from qgis.core import QgsProcessingException

    bucket = f"r2-missing-{uuid.uuid4().hex[:8]}"
    res, _ = run_alg(
        "byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, "CHECK_BUCKET": False, **env["params"]}
    )
    _tile(tmp_path, fr.make_cog)
    params = {
        "COLLECTION": res["COLLECTION_ID"],
        "FOLDER": str(tmp_path / "data"),
        "OUTPUT": "memory:",
        **env["params"],
    }
    with pytest.raises(QgsProcessingException) as err:
        run_alg("byoc:createtiles", params)
    assert str(err.value) == (
        f"S3 bucket check failed: Bucket {bucket} does not exist at {env['s3'].endpoint}: create it, or correct the "
        "bucket name (and the S3 endpoint/region)."
    )
    tiles = env["hub"].session().get(f"{env['hub'].byoc_url}/collections/{res['COLLECTION_ID']}/tiles", timeout=10)
    assert tiles.json()["data"] == []


def test_wrong_client_secret_and_unreachable_url_are_clear_errors(env, collection, tmp_path):
    from qgis.core import QgsProcessingException

    _tile(tmp_path, fr.make_cog)
    base = {"COLLECTION": collection["id"], "FOLDER": str(tmp_path / "data"), "OUTPUT": "memory:", **env["params"]}
    wrong = store_basic_authcfg(env["hub"].client_id, "not-the-client-secret", "r2-wrong-client")
    with pytest.raises(QgsProcessingException) as err:
        run_alg("byoc:createtiles", {**base, "AUTHCFG": wrong})
    text = str(err.value)
    assert "not-the-client-secret" not in text
    assert "client" in text.lower() and ("secret" in text.lower() or "credentials" in text.lower()), text
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with pytest.raises(QgsProcessingException) as err:
        run_alg("byoc:createtiles", {**base, "BASE_URL": url, "TOKEN_URL": url + "/oauth/token"})
    assert f"Cannot reach {url}" in str(err.value) and "HTTPConnectionPool" not in str(err.value), str(err.value)
    _nothing_left(env, collection)


def test_uint16_tile_in_an_8_bit_collection_is_a_clear_error(env, tmp_path):
    from qgis.core import QgsProcessingException

    bucket = f"r2-bands-{uuid.uuid4().hex[:8]}"
    env["s3"].client().create_bucket(Bucket=bucket)
    res, _ = run_alg("byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, "BANDS": "B02", "BAND_TYPE": 0,
                                               **env["params"]})  # fmt: skip
    fr.write_cog(_tile_dir(tmp_path) / "B02.tif", fr.mem_dataset([np.full((200, 300), 300, np.uint16)]))
    params = {
        "COLLECTION": res["COLLECTION_ID"],
        "FOLDER": str(tmp_path / "data"),
        "OUTPUT": "memory:",
        **env["params"],
    }
    with pytest.raises(
        QgsProcessingException, match=r"B02\.tif: Band B02 is configured with bit depth 8, but B02 has 16"
    ):
        run_alg("byoc:createtiles", params)
    _nothing_left(env, {"id": res["COLLECTION_ID"], "bucket": bucket})


def test_qgis_process_exits_nonzero_and_the_gdal_34_fallback_works_end_to_end(
    env, collection, tmp_path, tmp_path_factory, monkeypatch
):
    """The CLI: a 0-byte band file is an error exit naming the file; then, on the GDAL 3.4/3.5 code path (forced on
    this lane's GDAL), a good tile (one multipart band file) is uploaded and registered."""
    from .test_processing_support import QgisProcessHome

    home = QgisProcessHome(tmp_path_factory.mktemp("r2-qp"))
    s3 = env["s3"]
    home.add_authcfgs([("r2sh000", env["hub"].client_id, env["hub"].client_secret),
                       ("r2s3000", s3.access_key, s3.secret_key)])  # fmt: skip
    params = {
        "COLLECTION": collection["id"],
        "OUTPUT": tmp_path / "out.gpkg",
        "AUTHCFG": "r2sh000",
        "DEPLOYMENT": 3,
        "BASE_URL": env["hub"].base_url,
        "TOKEN_URL": env["hub"].token_url,
        "S3_AUTHCFG": "r2s3000",
        "S3_ENDPOINT": s3.endpoint,
        "S3_REGION": s3.region,
        "S3_HTTPS": False,
        "S3_PATH_STYLE": True,
    }
    bad = tmp_path / "bad"
    (bad / DAY / "t1").mkdir(parents=True)
    (bad / DAY / "t1" / "B02.tif").write_bytes(b"")
    monkeypatch.setenv("BYOC_GDAL_FALLBACKS", "1")
    proc, _ = home.run("byoc:createtiles", {**params, "FOLDER": bad})
    assert proc.returncode != 0
    assert "B02.tif: not a raster (0 bytes)" in proc.stderr + proc.stdout, proc.stderr[-3000:]
    assert "1 of 1 tile failed" in proc.stderr + proc.stdout
    _nothing_left(env, collection)
    good = tmp_path / "good"
    # ~18 MB with overviews: two 16 MiB parts
    big = np.random.default_rng(1).integers(1, 60000, (2600, 2600), dtype=np.uint16)
    fr.write_cog(good / DAY / "t1" / "B02.tif", fr.mem_dataset([big]), compress="NONE")
    proc, data = home.run("byoc:createtiles", {**params, "FOLDER": good})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert data["results"]["REGISTERED"] == 1
    head = s3.client().head_object(Bucket=collection["bucket"], Key=f"{DAY}/t1/B02.tif")
    assert head["ETag"].strip('"').endswith("-2") and head["Metadata"]["byoc-md5"]
    assert s3.secret_key not in proc.stdout + proc.stderr
