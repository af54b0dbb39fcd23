"""Schemathesis property tests: localhub's BYOC responses conform to the service's OpenAPI schemas.

Two documents are checked per BYOC operation: localhub's own ``/openapi.json`` (always) and the service's published
BYOC/Process OpenAPI extract when it is available (``BYOC_OPENAPI_SPEC`` or the shared reference folder). Path ids
are swapped for a freshly created collection/tile in most cases, so the 2xx bodies are exercised, not only 404s.
(Schemathesis' own pytest loader does not run under pytest 9, so operations are driven with plain hypothesis.)
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import content_type_conformance, not_a_server_error, response_schema_conformance

from localhub.openapi_doc import OPERATIONS

# shared/ sits beside the checkout (CI clones next to it; the LTR chroot mounts it at /shared, beside /src).
_DEFAULT_SPEC = Path(__file__).resolve().parents[2] / "shared/reference/sentinelhub-openapi-byoc-process.yaml"
REFERENCE = Path(os.environ.get("BYOC_OPENAPI_SPEC", str(_DEFAULT_SPEC)))
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
SETTINGS = settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)
OPS = sorted(OPERATIONS)


@pytest.fixture(scope="module")
def byoc_client(localhub):
    """An authorised session for the default account."""
    return localhub.session()


@pytest.fixture(scope="module")
def own_schema(localhub):
    doc = requests.get(f"{localhub.base_url}/openapi.json", timeout=10).json()
    return schemathesis.openapi.from_dict(doc)


@pytest.fixture(scope="module")
def reference_schema():
    if not REFERENCE.exists():
        pytest.skip(f"service OpenAPI extract not available at {REFERENCE} (set BYOC_OPENAPI_SPEC)")
    return schemathesis.openapi.from_path(str(REFERENCE))


def _real_ids(case, localhub, client) -> None:
    """Point most cases at a fresh collection with one tile (so GET/PUT/... reach their 2xx answers)."""
    params = case.path_parameters or {}
    if not params or hash(repr(case.body)) % 5 == 0:
        return  # keep some random ids: 404 bodies must conform too
    coll = client.post(
        f"{localhub.byoc_url}/collections", json={"name": "conformance", "s3Bucket": "conformance-none"}, timeout=10
    ).json()["data"]
    tile = client.post(
        f"{localhub.byoc_url}/collections/{coll['id']}/tiles", json={"path": "conf/(BAND).tif"}, timeout=10
    ).json()["data"]
    for key in params:
        params[key] = coll["id"] if key.lower().startswith("collection") else tile["id"]
    if isinstance(case.query, dict) and "toCollection" in case.query:
        case.query["toCollection"] = coll["id"]


def _run(schema, path: str, method: str, localhub, client) -> None:
    operation = schema[path][method.upper()]
    seen = []

    @given(case=operation.as_strategy())
    @SETTINGS
    def check(case):
        _real_ids(case, localhub, client)
        response = case.call_and_validate(base_url=localhub.base_url, session=client, checks=CHECKS)
        seen.append(response.status_code)

    check()
    assert seen, f"no case ran for {method.upper()} {path}"


@pytest.mark.parametrize(("path", "method"), OPS, ids=[f"{m.upper()} {p}" for p, m in OPS])
def test_localhub_conforms_to_its_own_openapi(own_schema, localhub, byoc_client, path, method):
    _run(own_schema, path, method, localhub, byoc_client)


@pytest.mark.parametrize(("path", "method"), OPS, ids=[f"{m.upper()} {p}" for p, m in OPS])
def test_localhub_conforms_to_the_service_openapi(reference_schema, localhub, byoc_client, path, method):
    ref_path = path.replace("{collection_id}", "{collectionId}").replace("{tile_id}", "{tileId}")
    _run(reference_schema, ref_path, method, localhub, byoc_client)
