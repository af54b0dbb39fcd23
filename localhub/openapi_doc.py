"""The BYOC part of localhub's ``/openapi.json``: request bodies, response schemas and errors.

Handlers parse bodies themselves (to answer exactly like the service), so FastAPI cannot infer these schemas; they
are written here by hand following the service's published API (field names, types, read-only markers).
"""

from __future__ import annotations

from typing import Any, Dict

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from .auth import KEYCLOAK_TOKEN_PATH

REF = "#/components/schemas/"


def _ref(name: str) -> Dict[str, str]:
    return {"$ref": REF + name}


def _json(schema: Dict[str, Any]) -> Dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


_POSITIONS = {"type": "array", "items": {"type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "number"}}}
_CRS = {
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "properties": {"type": "object", "properties": {"name": {"type": "string"}}},
    },
}

SCHEMAS: Dict[str, Any] = {
    "Polygon": {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["Polygon"]},
            "crs": _CRS,
            "coordinates": {"type": "array", "items": _POSITIONS},
        },
    },
    "MultiPolygon": {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["MultiPolygon"]},
            "crs": _CRS,
            "coordinates": {"type": "array", "items": {"type": "array", "items": _POSITIONS}},
        },
    },
    "Geometry": {"type": "object", "oneOf": [_ref("Polygon"), _ref("MultiPolygon")]},
    "BYOCFormat": {
        "type": "object",
        "properties": {
            "source": {"type": "string"},
            "bandIndex": {"type": "integer", "format": "int32", "default": 1},
            "bitDepth": {"type": "integer", "enum": [8, 16, 32]},
            "sampleFormat": {"type": "string", "enum": ["UINT", "INT", "FLOAT"]},
            "noData": {"type": "number"},
        },
    },
    "BYOCCollectionAdditionalData": {
        "type": "object",
        "properties": {
            "bands": {"type": "object", "additionalProperties": _ref("BYOCFormat"), "maxProperties": 100},
            "maxMetersPerPixel": {"type": "number", "readOnly": True},
            "extent": _ref("Polygon"),
            "hasSensingTimes": {"type": "string", "enum": ["YES", "PARTIALLY", "NO"], "readOnly": True},
            "fromSensingTime": {"type": "string", "format": "date-time", "readOnly": True},
            "toSensingTime": {"type": "string", "format": "date-time", "readOnly": True},
            "storageIdentifier": {"type": "string"},
        },
    },
    "BYOCCollection": {
        "type": "object",
        "required": ["name", "s3Bucket"],
        "properties": {
            "id": {"type": "string", "format": "uuid", "readOnly": True},
            "userId": {"type": "string", "format": "uuid", "readOnly": True},
            "accountId": {"type": "string", "format": "uuid", "readOnly": True},
            "name": {"type": "string"},
            "s3Bucket": {"type": "string"},
            "isConfigured": {"type": "boolean"},
            "created": {"type": ["string", "null"], "format": "date-time", "readOnly": True},
            "noData": {"type": "number"},
            "requiresMetadataUpdate": {"type": "boolean", "readOnly": True},
            "additionalData": _ref("BYOCCollectionAdditionalData"),
        },
    },
    "BYOCCollectionUpdatePayload": {
        "type": "object",
        "required": ["name", "s3Bucket"],
        "properties": {
            "name": {"type": "string"},
            "s3Bucket": {"type": "string"},
            "noData": {"type": "number"},
            "additionalData": _ref("BYOCCollectionAdditionalData"),
        },
    },
    "BYOCTileStatus": {"type": "string", "enum": ["WAITING", "QUEUED", "INGESTING", "INGESTED", "FAILED"]},
    "BYOCTileAdditionalData": {
        "type": "object",
        "properties": {
            "failedIngestionCause": {"type": ["string", "null"]},
            "warnings": {"type": ["string", "null"]},
            "minMetersPerPixel": {"type": "number"},
            "maxMetersPerPixel": {"type": "number"},
            "filesMetadata": {"type": "object"},
        },
    },
    "BYOCTile": {
        "type": "object",
        "required": ["path"],
        "properties": {
            "id": {"type": "string", "format": "uuid", "readOnly": True},
            "path": {"type": "string", "pattern": "^([^/](/?[^/])*)?$"},
            "tileGeometry": _ref("Polygon"),
            "coverGeometry": _ref("Geometry"),
            "sensingTime": {"type": ["string", "null"], "format": "date-time"},
            "status": _ref("BYOCTileStatus"),
            "additionalData": _ref("BYOCTileAdditionalData"),
            "created": {"type": "string", "format": "date-time", "readOnly": True},
            "ingestionStart": {"type": "string", "format": "date-time", "readOnly": True},
        },
    },
    "BYOCTileUpdatePayload": {
        "type": "object",
        "properties": {
            "path": {"type": "string", "pattern": "^([^/](/?[^/])*)?$"},
            "coverGeometry": _ref("Geometry"),
            "sensingTime": {"type": ["string", "null"], "format": "date-time"},
        },
    },
    "View": {
        "type": "object",
        "properties": {
            "currentToken": {"type": "string"},
            "nextToken": {"type": "string"},
            "previousToken": {"type": "string"},
            "@id": {"type": "string", "format": "uri"},
            "next": {"type": "string", "format": "uri"},
            "previous": {"type": "string", "format": "uri"},
        },
    },
    "Boom": {
        "type": "object",
        "required": ["status", "reason", "message", "code"],
        "properties": {
            "status": {"type": "integer"},
            "reason": {"type": "string"},
            "message": {"type": "string"},
            "code": {"type": "string"},
            "errors": {},
        },
    },
    "RestErrorWrapper": {"type": "object", "required": ["error"], "properties": {"error": _ref("Boom")}},
}
for _name in ("BYOCCollection", "BYOCTile"):
    SCHEMAS[_name + "Response"] = {"type": "object", "properties": {"data": _ref(_name)}}
    SCHEMAS[_name + "sResponse"] = {
        "type": "object",
        "properties": {"data": {"type": "array", "items": _ref(_name)}, "links": _ref("View")},
    }

_ERR = _json(_ref("RestErrorWrapper"))
_UUID = {"type": "string", "format": "uuid"}
_COUNT = {"name": "count", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}}
_VIEWTOKEN = {"name": "viewtoken", "in": "query", "schema": {"type": "string"}}


def _errors(*codes: int) -> Dict[str, Any]:
    reasons = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found", 409: "Conflict",
               415: "Unsupported media type", 429: "Rate limit exceeded (Retry-After in milliseconds)"}  # fmt: skip
    return {str(c): {"description": reasons[c], **_ERR} for c in (*codes, 401, 429)}


def _ok(code: int, schema: str = "") -> Dict[str, Any]:
    if not schema:
        return {str(code): {"description": "Done, no content"}}
    return {str(code): {"description": "Success", **_json(_ref(schema))}}


# (path, method) -> operation fields
OPERATIONS: Dict[tuple, Dict[str, Any]] = {
    ("/api/v1/byoc/collections", "post"): {
        "requestBody": {"required": True, **_json(_ref("BYOCCollection"))},
        "responses": {**_ok(201, "BYOCCollectionResponse"), **_errors(400, 415)},
    },
    ("/api/v1/byoc/collections", "get"): {
        "parameters": [_COUNT, _VIEWTOKEN, {"name": "search", "in": "query", "schema": {"type": "string"}}],
        "responses": {**_ok(200, "BYOCCollectionsResponse"), **_errors(400)},
    },
    ("/api/v1/byoc/collections/{collection_id}", "get"): {
        "responses": {**_ok(200, "BYOCCollectionResponse"), **_errors(404)},
    },
    ("/api/v1/byoc/collections/{collection_id}", "put"): {
        "requestBody": {"required": True, **_json(_ref("BYOCCollectionUpdatePayload"))},
        "responses": {**_ok(204), **_errors(400, 404, 409, 415)},
    },
    ("/api/v1/byoc/collections/{collection_id}", "delete"): {"responses": {**_ok(204), **_errors(404)}},
    ("/api/v1/byoc/collections/{collection_id}/copyTiles", "post"): {
        "parameters": [{"name": "toCollection", "in": "query", "required": True, "schema": _UUID}],
        "responses": {**_ok(204), **_errors(400, 404)},
    },
    ("/api/v1/byoc/collections/{collection_id}/tiles", "post"): {
        "requestBody": {"required": True, **_json(_ref("BYOCTile"))},
        "responses": {**_ok(201, "BYOCTileResponse"), **_errors(400, 404, 409, 415)},
    },
    ("/api/v1/byoc/collections/{collection_id}/tiles", "get"): {
        "parameters": [
            _COUNT,
            _VIEWTOKEN,
            {
                "name": "sort",
                "in": "query",
                "schema": {"type": "string", "enum": ["created:asc", "created:desc", "path:asc", "path:desc"]},
            },
            {"name": "path", "in": "query", "schema": {"type": "string"}},
            {"name": "status", "in": "query", "schema": _ref("BYOCTileStatus")},
        ],  # fmt: skip
        "responses": {**_ok(200, "BYOCTilesResponse"), **_errors(400, 404)},
    },
    ("/api/v1/byoc/collections/{collection_id}/tiles/{tile_id}", "get"): {
        "responses": {**_ok(200, "BYOCTileResponse"), **_errors(404)},
    },
    ("/api/v1/byoc/collections/{collection_id}/tiles/{tile_id}", "put"): {
        "requestBody": {"required": True, **_json(_ref("BYOCTileUpdatePayload"))},
        "responses": {**_ok(204), **_errors(400, 404, 409, 415)},
    },
    ("/api/v1/byoc/collections/{collection_id}/tiles/{tile_id}", "delete"): {"responses": {**_ok(204), **_errors(404)}},
    ("/api/v1/byoc/collections/{collection_id}/tiles/{tile_id}/reingest", "post"): {
        "responses": {**_ok(204), **_errors(404)},
    },
}


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` describe the BYOC bodies and responses (cached after the first call)."""

    def openapi() -> Dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = doc.setdefault("components", {})
        components.setdefault("schemas", {}).update(SCHEMAS)
        components["securitySchemes"] = {
            "OAuth2": {
                "type": "oauth2",
                "flows": {"clientCredentials": {"tokenUrl": KEYCLOAK_TOKEN_PATH, "scopes": {}}},
            }
        }
        for (path, method), fields in OPERATIONS.items():
            op = doc.get("paths", {}).get(path, {}).get(method)
            if op is None:
                continue
            params = [p for p in op.get("parameters", []) if p.get("in") == "path"]
            for p in params:
                p["schema"] = dict(_UUID)
            op["parameters"] = params + list(fields.get("parameters", []))
            if "requestBody" in fields:
                op["requestBody"] = fields["requestBody"]
            op["responses"] = fields["responses"]
            op["security"] = [{"OAuth2": []}]
        app.openapi_schema = doc
        return doc

    app.openapi = openapi  # type: ignore[method-assign]
