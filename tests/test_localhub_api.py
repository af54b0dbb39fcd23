"""localhub BYOC API over real HTTP: OAuth, collections and tiles CRUD, envelopes, errors, pagination, isolation."""

from __future__ import annotations

import base64
import re
import uuid

import jwt
import pytest
import requests

CREATED_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")


def _collection(session, localhub, name="coll", bucket="no-such-bucket-x", **extra):
    body = {"name": name, "s3Bucket": bucket, **extra}
    r = session.post(f"{localhub.byoc_url}/collections", json=body, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()["data"]


# -- OAuth --------------------------------------------------------------------------------------------------------
def test_token_form_body_gives_signed_jwt(localhub):
    r = requests.post(
        localhub.token_url,
        data={
            "grant_type": "client_credentials",
            "client_id": localhub.client_id,
            "client_secret": localhub.client_secret,
        },
        timeout=10,
    )
    assert r.status_code == 200
    body = r.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3600
    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    assert claims["azp"] == localhub.client_id
    assert {"exp", "iat", "iss", "azp"} <= set(claims)
    assert claims["exp"] - claims["iat"] == 3600


def test_token_basic_auth_on_legacy_path(localhub):
    creds = base64.b64encode(f"{localhub.client_id}:{localhub.client_secret}".encode()).decode()
    r = requests.post(
        localhub.oauth_token_url,
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {creds}"},
        timeout=10,
    )
    assert r.status_code == 200, r.text
    assert r.json()["access_token"]


def test_token_wrong_secret_is_invalid_client(localhub):
    r = requests.post(
        localhub.token_url,
        data={"grant_type": "client_credentials", "client_id": localhub.client_id, "client_secret": "wrong"},
        timeout=10,
    )
    assert r.status_code == 401
    assert r.json()["error"] == "invalid_client"
    assert "wrong" not in r.text


@pytest.mark.parametrize("header", [None, "Bearer not-a-jwt", "Basic abc"])
def test_missing_or_garbage_bearer_is_wrapped_401(localhub, header):
    headers = {"Authorization": header} if header else {}
    r = requests.get(f"{localhub.byoc_url}/collections", headers=headers, timeout=10)
    assert r.status_code == 401
    err = r.json()["error"]
    assert err["status"] == 401 and err["code"] == "COMMON_UNAUTHORIZED" and err["reason"] == "Unauthorized"


def test_forged_token_is_rejected(localhub):
    from cryptography.hazmat.primitives.asymmetric import rsa

    claims = jwt.decode(localhub.token(), options={"verify_signature": False})
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    for forged in (
        jwt.encode(claims, other_key, algorithm="RS256"),  # same claims, someone else's key
        jwt.encode(claims, "x" * 32, algorithm="HS256"),  # algorithm swap
        jwt.encode({**claims, "alg": "none"}, None, algorithm="none"),
    ):
        r = requests.get(f"{localhub.byoc_url}/collections", headers={"Authorization": f"Bearer {forged}"}, timeout=10)
        assert r.status_code == 401
        assert r.json()["error"]["code"] == "COMMON_UNAUTHORIZED"


# -- collections --------------------------------------------------------------------------------------------------
def test_collection_crud_wire_shape(localhub):
    s = localhub.session()
    # sentinelhub-py's body: read-only nulls and a literal otherData
    body = {
        "name": "crud",
        "s3Bucket": "bucket-a",
        "additionalData": None,
        "id": None,
        "userId": None,
        "created": None,
        "noData": None,
        "otherData": {},
    }
    r = s.post(f"{localhub.byoc_url}/collections", json=body, timeout=10)
    assert r.status_code == 201
    data = r.json()["data"]
    uuid.UUID(data["id"])
    assert list(data)[:5] == ["id", "userId", "accountId", "name", "s3Bucket"]
    assert data["isConfigured"] is False and data["requiresMetadataUpdate"] is False
    assert CREATED_RE.match(data["created"])
    assert "noData" not in data

    got = s.get(f"{localhub.byoc_url}/collections/{data['id']}", timeout=10)
    assert got.status_code == 200 and got.json()["data"] == data

    put = s.put(
        f"{localhub.byoc_url}/collections/{data['id']}",
        json={"id": data["id"], "name": "renamed", "s3Bucket": "bucket-a", "noData": 0},
        timeout=10,
    )
    assert put.status_code == 204 and put.content == b""
    after = s.get(f"{localhub.byoc_url}/collections/{data['id']}", timeout=10).json()["data"]
    assert after["name"] == "renamed" and after["noData"] == 0

    # omitting noData deletes it
    s.put(f"{localhub.byoc_url}/collections/{data['id']}", json={"name": "renamed", "s3Bucket": "bucket-a"}, timeout=10)
    assert "noData" not in s.get(f"{localhub.byoc_url}/collections/{data['id']}", timeout=10).json()["data"]

    d = s.delete(f"{localhub.byoc_url}/collections/{data['id']}", timeout=10)
    assert d.status_code == 204 and d.content == b""
    gone = s.get(f"{localhub.byoc_url}/collections/{data['id']}", timeout=10)
    assert gone.status_code == 404
    assert gone.json()["error"]["code"] == "COMMON_NOT_FOUND"


def test_collection_with_bands_and_validation(localhub):
    s = localhub.session()
    bands = {"R": {"source": "RGB", "bandIndex": 1, "bitDepth": 8, "sampleFormat": "UINT", "noData": None}}
    data = _collection(
        s,
        localhub,
        name="banded",
        additionalData={"bands": bands, "maxMetersPerPixel": None, "maxMetersPerPixelOverride": None},
    )
    assert data["isConfigured"] is True
    assert data["additionalData"]["bands"] == {
        "R": {"source": "RGB", "bandIndex": 1, "bitDepth": 8, "sampleFormat": "UINT"}
    }
    bad = [
        {"name": "x"},
        {"s3Bucket": "b"},
        {"name": "x", "s3Bucket": "s3://b"},
        {"name": "x", "s3Bucket": "b", "additionalData": {"bands": {"1bad": {"bitDepth": 8, "sampleFormat": "UINT"}}}},
        {"name": "x", "s3Bucket": "b", "additionalData": {"bands": {"B": {"bitDepth": 12, "sampleFormat": "UINT"}}}},
        {"name": "x", "s3Bucket": "b", "noData": 0, "additionalData": {"bands": {"B": {"noData": 1}}}},
    ]
    for body in bad:
        r = s.post(f"{localhub.byoc_url}/collections", json=body, timeout=10)
        assert r.status_code == 400, (body, r.text)
        assert r.json()["error"]["code"] == "COMMON_BAD_PAYLOAD"
    empty = s.post(f"{localhub.byoc_url}/collections", headers={"Content-Type": "application/json"}, timeout=10)
    assert empty.status_code == 400
    assert empty.json()["error"]["message"] == "Request body should be non-empty."


def test_collection_search_and_isolation(localhub):
    s = localhub.session()
    tag = uuid.uuid4().hex[:8]
    a = _collection(s, localhub, name=f"alpha-{tag}")
    b = _collection(s, localhub, name=f"beta-{tag}")

    def names(q):
        return {
            c["name"]
            for c in s.get(f"{localhub.byoc_url}/collections", params={"search": q}, timeout=10).json()["data"]
        }

    assert names(f"alpha-{tag}") == {a["name"]}
    assert names(f"alpha-{tag}|beta-{tag}") == {a["name"], b["name"]}
    assert names(f"alpha&{tag}") == {a["name"]}
    other = localhub.other_session()
    r = other.get(f"{localhub.byoc_url}/collections/{a['id']}", timeout=10)
    assert r.status_code == 404 and r.json()["error"]["code"] == "COMMON_NOT_FOUND"
    assert other.delete(f"{localhub.byoc_url}/collections/{a['id']}", timeout=10).status_code == 404
    assert (
        other.post(f"{localhub.byoc_url}/collections/{a['id']}/tiles", json={"path": "x"}, timeout=10).status_code
        == 404
    )
    assert a["id"] not in {c["id"] for c in other.get(f"{localhub.byoc_url}/collections", timeout=10).json()["data"]}
    assert s.get(f"{localhub.byoc_url}/collections/{a['id']}", timeout=10).status_code == 200


# -- tiles --------------------------------------------------------------------------------------------------------
def test_tile_crud_wire_shape(localhub):
    s = localhub.session()
    coll = _collection(s, localhub)
    url = f"{localhub.byoc_url}/collections/{coll['id']}/tiles"
    body = {
        "path": "folder/(BAND).tif",
        "status": None,
        "id": None,
        "coverGeometry": {
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}},
            "type": "Polygon",
            "coordinates": [[[500000, 5000000], [510000, 5000000], [510000, 5010000], [500000, 5000000]]],
        },
        "created": None,
        "sensingTime": "2019-11-27T00:00:00Z",
        "ingestionStart": None,
        "additionalData": None,
    }
    r = s.post(url, json=body, timeout=10)
    assert r.status_code == 201, r.text
    tile = r.json()["data"]
    assert tile["status"] == "WAITING"
    assert list(tile) == ["id", "created", "ingestionStart", "sensingTime", "coverGeometry", "path", "status"]
    assert CREATED_RE.match(tile["created"]) and tile["ingestionStart"] == tile["created"]
    assert tile["sensingTime"] == "2019-11-27T00:00:00Z"
    assert tile["coverGeometry"]["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::32633"

    dup = s.post(url, json={"path": "folder/(BAND).tif"}, timeout=10)
    assert dup.status_code == 409 and dup.json()["error"]["code"] == "COMMON_UNIQUE_KEY_VIOLATION"

    for bad in ("/lead", "trail/", "a//b", ""):
        r = s.post(url, json={"path": bad}, timeout=10)
        assert r.status_code == 400, bad

    put = s.put(f"{url}/{tile['id']}", json={"path": tile["path"], "sensingTime": "2021-06-29T18:02:34"}, timeout=10)
    assert put.status_code == 204 and put.content == b""
    got = s.get(f"{url}/{tile['id']}", timeout=10).json()["data"]
    assert got["sensingTime"] == "2021-06-29T18:02:34Z"
    assert "coverGeometry" not in got  # PUT without a cover resets it to the default

    # body-less POST with a JSON content type, as sentinelhub-py sends it
    re_ = s.post(f"{url}/{tile['id']}/reingest", headers={"Content-Type": "application/json"}, timeout=10)
    assert re_.status_code == 204 and re_.content == b""
    assert s.delete(f"{url}/{tile['id']}", timeout=10).status_code == 204
    assert s.get(f"{url}/{tile['id']}", timeout=10).status_code == 404


def test_tile_filters_sort_and_count_bounds(localhub):
    s = localhub.session()
    coll = _collection(s, localhub)
    url = f"{localhub.byoc_url}/collections/{coll['id']}/tiles"
    for p in ("b", "a", "c"):
        assert s.post(url, json={"path": p}, timeout=10).status_code == 201
    paths = lambda **q: [t["path"] for t in s.get(url, params=q, timeout=10).json()["data"]]  # noqa: E731
    assert paths() == ["b", "a", "c"]
    assert paths(sort="path:asc") == ["a", "b", "c"]
    assert paths(sort="path:desc") == ["c", "b", "a"]
    assert paths(sort="created:desc") == ["c", "a", "b"]
    assert paths(path="a") == ["a"]
    assert paths(path="zzz") == []
    for count in ("0", "101", "x"):
        r = s.get(url, params={"count": count}, timeout=10)
        assert r.status_code == 400 and r.json()["error"]["code"] == "COMMON_BAD_PAYLOAD"
    assert s.get(url, params={"sort": "size:asc"}, timeout=10).status_code == 400
    assert s.get(url, params={"status": "DONE"}, timeout=10).status_code == 400
    for status in ("WAITING", '"FAILED"'):
        assert s.get(url, params={"status": status}, timeout=10).status_code == 200


def _bulk_tiles(session, url, n):
    for i in range(n):
        r = session.post(url, json={"path": f"p/{i:04d}"}, timeout=10)
        assert r.status_code == 201


def test_pagination_over_250_tiles_via_next_and_next_token(localhub):
    s = localhub.session()
    coll = _collection(s, localhub)
    url = f"{localhub.byoc_url}/collections/{coll['id']}/tiles"
    _bulk_tiles(s, url, 251)

    seen, pages, next_url = [], 0, url
    while next_url:
        body = s.get(next_url, timeout=10).json()
        pages += 1
        seen += [t["path"] for t in body["data"]]
        links = body["links"]
        assert "currentToken" in links and "@id" in links
        assert ("next" in links) == ("nextToken" in links)
        next_url = links.get("next")
    assert pages == 3 and seen == [f"p/{i:04d}" for i in range(251)]

    seen2, token = [], None
    while True:
        params = {"count": 50}
        if token:
            params["viewtoken"] = token
        body = s.get(url, params=params, timeout=10).json()
        seen2 += [t["path"] for t in body["data"]]
        token = body["links"].get("nextToken")
        if not token:
            break
    assert seen2 == seen


def test_unknown_route_and_method_are_wrapped(localhub):
    s = localhub.session()
    r = s.get(f"{localhub.base_url}/api/v1/nothing-here", timeout=10)
    assert r.status_code == 404 and r.json()["error"]["code"] == "COMMON_NOT_FOUND"
    r = s.patch(f"{localhub.byoc_url}/collections", timeout=10)
    assert r.status_code == 405 and r.json()["error"]["code"] == "COMMON_METHOD_NOT_ALLOWED"


def test_cover_point_limit_and_sensing_time_precision(localhub):
    s = localhub.session()
    coll = _collection(s, localhub)
    url = f"{localhub.byoc_url}/collections/{coll['id']}/tiles"
    ring = [[14.0 + i * 0.001, 46.0 + (i % 2) * 0.001] for i in range(100)] + [[14.0, 46.0]]
    r = s.post(url, json={"path": "big", "coverGeometry": {"type": "Polygon", "coordinates": [ring]}}, timeout=10)
    assert r.status_code == 400 and "101 points" in r.json()["error"]["message"]
    r = s.post(url, json={"path": "ms", "sensingTime": "2020-05-06T07:08:09.123456+02:00"}, timeout=10)
    assert r.status_code == 201 and r.json()["data"]["sensingTime"] == "2020-05-06T05:08:09.123Z"
    r = s.post(url, json={"path": "d", "sensingTime": "2020-05-06"}, timeout=10)
    assert r.status_code == 400 and "sensingTime" in r.json()["error"]["message"]
