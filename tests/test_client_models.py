"""Client models, time/CRS parsing, deployments, errors, env credentials: no server needed."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from byoc_qgis.core import deployments as dep
from byoc_qgis.core.auth import ClientCredentials, Token
from byoc_qgis.core.credentials import credentials_from_env, deployment_from_env, s3_credentials_from_env
from byoc_qgis.core.errors import (
    BadRequestError,
    ConflictError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    error_from_response,
)
from byoc_qgis.core.models import (
    Band,
    Collection,
    Geometry,
    Tile,
    TileStatus,
    crs_url,
    crs_urn,
    format_time,
    parse_crs,
    parse_time,
)

UTC = timezone.utc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-11-27T00:00:00Z", datetime(2019, 11, 27, tzinfo=UTC)),
        ("2021-06-29T18:02:34.000", datetime(2021, 6, 29, 18, 2, 34, tzinfo=UTC)),
        ("2020-06-22T12:30:22.814Z", datetime(2020, 6, 22, 12, 30, 22, 814000, tzinfo=UTC)),
        ("2022-01-05T10:11:12.123456Z", datetime(2022, 1, 5, 10, 11, 12, 123456, tzinfo=UTC)),
        ("2022-01-05T10:11:12.123456789Z", datetime(2022, 1, 5, 10, 11, 12, 123456, tzinfo=UTC)),
        ("2022-01-05T12:11:12+02:00", datetime(2022, 1, 5, 10, 11, 12, tzinfo=UTC)),
        ("2022-01-05", datetime(2022, 1, 5, tzinfo=UTC)),
    ],
)
def test_parse_time_formats(text, expected):
    assert parse_time(text) == expected


def test_parse_time_errors_and_format():
    assert parse_time(None) is None
    with pytest.raises(ValueError, match="sensingTime"):
        parse_time("yesterday", "sensingTime")
    assert format_time("2021-06-29T18:02:34.000") == "2021-06-29T18:02:34Z"
    assert format_time(datetime(2021, 1, 1, 0, 0, 0, 250000)) == "2021-01-01T00:00:00.250Z"


@pytest.mark.parametrize(
    ("value", "epsg"),
    [
        ("urn:ogc:def:crs:EPSG::32633", 32633),
        ("EPSG:3857", 3857),
        ("http://www.opengis.net/def/crs/EPSG/0/2154", 2154),
        ("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326),
        ("urn:ogc:def:crs:OGC:1.3:CRS84", 4326),
        (None, 4326),
        ({"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}}, 32633),
    ],
)
def test_parse_crs(value, epsg):
    assert parse_crs(value) == epsg


def test_parse_crs_rejects_garbage():
    with pytest.raises(ValueError, match="not understood"):
        parse_crs("WGS 84 please")
    assert crs_urn(32633) == "urn:ogc:def:crs:EPSG::32633"
    assert crs_url(4326) == "http://www.opengis.net/def/crs/EPSG/0/4326"


def test_geometry_roundtrip_and_bounds():
    raw = {
        "type": "Polygon",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}},
        "coordinates": [[[500000, 5000000], [510000, 5000000], [510000, 5010000], [500000, 5000000]]],
    }
    geom = Geometry.from_dict(raw)
    assert geom.epsg == 32633
    assert geom.bounds() == (500000, 5000000, 510000, 5010000)
    assert geom.to_dict() == raw
    wgs = Geometry({"type": "Point", "coordinates": [1, 2]})
    assert "crs" not in wgs.to_dict()


def test_tile_keeps_unknown_fields_and_parses_lazily():
    wire = {
        "id": "t1",
        "path": "a/(BAND).tif",
        "status": "INGESTED",
        "sensingTime": "2019-11-27T00:00:00Z",
        "created": "2022-01-05T10:11:12.123456Z",
        "ingestionStart": "2022-01-05T10:11:13.5Z",
        "coverGeometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
        "additionalData": {"failedIngestionCause": None, "hasAddedPoints": False},
        "somethingNew": {"x": 1},
    }
    tile = Tile.from_dict(wire)
    assert tile.status is TileStatus.INGESTED and tile.status.is_final
    assert tile.sensing_time == datetime(2019, 11, 27, tzinfo=UTC)
    assert tile.cover_geometry.epsg == 4326
    assert tile.to_dict() == wire
    assert tile.get("somethingNew") == {"x": 1}
    assert set(tile.to_payload()) == {"path", "sensingTime", "coverGeometry"}
    new = Tile("f/(BAND).tif", sensing_time=datetime(2020, 1, 1, tzinfo=UTC))
    assert new.to_payload() == {"path": "f/(BAND).tif", "sensingTime": "2020-01-01T00:00:00Z"}
    assert TileStatus.parse("queued") is TileStatus.QUEUED and TileStatus.parse("???") is None


def test_collection_roundtrip_payload_and_band_rules():
    wire = {
        "id": "c1",
        "accountId": "acc",
        "name": "LULC",
        "s3Bucket": "bucket",
        "isConfigured": True,
        "created": "2020-06-22T12:30:22.814Z",
        "requiresMetadataUpdate": False,
        "additionalData": {
            "bands": {"Red": {"source": "RGB", "bandIndex": 1, "bitDepth": 16, "sampleFormat": "INT", "noData": 0}},
            "maxMetersPerPixel": 800.0,
            "hasSensingTimes": "NO",
            "futureField": 1,
        },
        "futureTop": "kept",
    }
    col = Collection.from_dict(wire)
    assert col.bands["Red"].bit_depth == 16 and col.max_meters_per_pixel == 800.0
    assert col.to_dict() == wire
    payload = col.to_payload()
    assert "id" not in payload and "accountId" not in payload and "maxMetersPerPixel" not in payload["additionalData"]
    assert payload["futureTop"] == "kept" and payload["additionalData"]["futureField"] == 1
    with pytest.raises(ValueError, match="JavaScript identifier"):
        Band("1st")
    with pytest.raises(ValueError, match="bitDepth"):
        Band("B1", bit_depth=12)


def test_builtin_deployments():
    assert dep.SH_EU.base_url == "https://services.sentinel-hub.com"
    assert dep.SH_EU.token_url == "https://services.sentinel-hub.com/auth/realms/main/protocol/openid-connect/token"
    assert dep.SH_US_WEST.base_url == "https://services-uswest2.sentinel-hub.com"
    assert dep.SH_US_WEST.token_url == dep.SH_EU.token_url
    assert dep.CDSE.base_url == "https://sh.dataspace.copernicus.eu"
    assert dep.CDSE.token_url == (
        "https://identity.dataspace.copernicus.eu/auth/realms/CDSE/protocol/openid-connect/token"
    )
    assert dep.get_deployment("cdse") is dep.CDSE
    assert dep.custom_deployment("https://services.sentinel-hub.com/") is dep.SH_EU
    local = dep.custom_deployment("http://127.0.0.1:8765")
    assert local.token_url == "http://127.0.0.1:8765/auth/realms/main/protocol/openid-connect/token"
    assert local.process_url == "http://127.0.0.1:8765/api/v1/process"
    with pytest.raises(ValueError, match="credentials must not be part"):
        dep.custom_deployment("http://user:pw@host")
    with pytest.raises(ValueError, match="unknown"):
        dep.get_deployment("mars")


def test_errors_from_bodies():
    body = (
        b'{"error":{"status":400,"reason":"Bad Request","message":"too wide","code":"COMMON_BAD_PAYLOAD",'
        b'"errors":[{"parameter":"output->resx","violation":"width 2624 > 2500"}]}}'
    )
    err = error_from_response(400, body, method="POST", path="/api/v1/process")
    assert isinstance(err, BadRequestError) and err.code == "COMMON_BAD_PAYLOAD"
    assert err.errors[0]["parameter"] == "output->resx" and "width 2624" in str(err)
    assert isinstance(error_from_response(404, b'{"error":{"message":"no"}}'), NotFoundError)
    assert isinstance(error_from_response(409, b""), ConflictError)
    assert isinstance(error_from_response(503, b"<html>"), ServerError)
    limited = error_from_response(429, b'{"status":429,"message":"slow down"}', retry_after=1.5)
    assert isinstance(limited, RateLimitedError) and limited.retry_after == 1.5 and limited.message == "slow down"
    obj = error_from_response(400, b'{"error":{"message":"m","errors":{"field":"bad"}}}')
    assert obj.errors == [{"parameter": "field", "violation": "bad"}]


def test_secrets_never_print():
    creds = ClientCredentials("my-id", "top-secret-value")
    assert "top-secret-value" not in repr(creds) and "top-secret-value" not in str(creds)
    token = Token("eyJ.secret-token.sig", 1e12, 3600)
    assert "secret-token" not in repr(token)
    s3 = s3_credentials_from_env({"AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "very-secret-s3"})
    assert "very-secret-s3" not in repr(s3)


def test_env_credentials():
    assert credentials_from_env({}) is None
    creds = credentials_from_env({"SH_CLIENT_ID": "a", "SH_CLIENT_SECRET": "b"})
    assert creds.client_id == "a" and creds.secret() == "b"
    with pytest.raises(ValueError, match="BYOC_CLIENT_SECRET"):
        credentials_from_env({"BYOC_CLIENT_ID": "a"})
    assert deployment_from_env({}) is dep.SH_EU
    local = deployment_from_env(
        {"BYOC_DEPLOYMENT": "http://127.0.0.1:1", "BYOC_TOKEN_URL": "http://127.0.0.1:1/oauth/token"}
    )
    assert local.token_url.endswith("/oauth/token")
