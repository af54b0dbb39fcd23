"""The BYOC API under ``/api/v1/byoc``: collections, tiles, copyTiles, with the real service's wire details.

SQLite work never runs on the event loop: handlers without a body are plain functions (FastAPI runs them in its
thread pool); handlers with a body read it asynchronously, then do their store work in the thread pool.
"""

from __future__ import annotations

import json
import uuid
from typing import Any, Dict, Optional

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from .auth import current_account
from .errors import ApiError, bad_payload, not_found
from .geometry import from_geojson, normalized_cover, parse_cover, reproject, to_geojson
from .store import TILE_STATUSES, DuplicatePath
from .validation import check_band_update, json_body, validate_collection
from .wire import check_tile_path, parse_count, parse_time, parse_viewtoken, store_sensing_time

PREFIX = "/api/v1/byoc"
router = APIRouter(prefix=PREFIX, tags=["byoc"])
_SORTS = ("created:asc", "created:desc", "path:asc", "path:desc")


def json_response(payload: Any, status: int = 200) -> Response:
    """A JSON response written without FastAPI's encoder (fast; keys stay in our order)."""
    return Response(
        content=json.dumps(payload, separators=(",", ":")), status_code=status, media_type="application/json"
    )


def no_content() -> Response:
    """204 with an empty body."""
    return Response(status_code=204)


def _page_links(request: Request, offset: int, returned: int, count: int, has_more: bool) -> Dict[str, str]:
    links: Dict[str, str] = {"currentToken": str(offset)}
    next_token = str(offset + returned)
    previous_token = str(max(0, offset - count))
    if has_more:
        links["nextToken"] = next_token
    if offset > 0:
        links["previousToken"] = previous_token
    links["@id"] = str(request.url.include_query_params(viewtoken=str(offset)))
    if has_more:
        links["next"] = str(request.url.include_query_params(viewtoken=next_token))
    if offset > 0:
        links["previous"] = str(request.url.include_query_params(viewtoken=previous_token))
    return links


def _valid_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _collection_or_404(request: Request, account_id: str, collection_id: str) -> Dict[str, Any]:
    found = request.app.state.store.get_collection(account_id, collection_id) if _valid_uuid(collection_id) else None
    if found is None:
        raise not_found(f"Collection {collection_id} not found.")
    return found


def _tile_or_404(request: Request, collection_id: str, tile_id: str) -> Dict[str, Any]:
    found = request.app.state.store.get_tile(collection_id, tile_id) if _valid_uuid(tile_id) else None
    if found is None:
        raise not_found(f"Tile {tile_id} not found in collection {collection_id}.")
    return found


# -- collections ----------------------------------------------------------------------------------------------
@router.post("/collections", status_code=201, summary="Create a collection")
async def create_collection(request: Request, account_id: str = Depends(current_account)) -> Response:
    """Create a collection (``name`` and ``s3Bucket`` required; read-only fields, nulls, otherData ignored)."""
    body = await json_body(request)
    name, bucket, no_data, bands, extra, _ = validate_collection(body)
    store = request.app.state.store
    created = await run_in_threadpool(store.create_collection, account_id, name, bucket, bands, no_data, extra)
    return json_response({"data": created}, 201)


@router.get("/collections", summary="Query collections")
def list_collections(request: Request, account_id: str = Depends(current_account)) -> Response:
    """A page of the account's collections; ``search`` = words joined by ``|`` (or) and ``&`` (and)."""
    params = request.query_params
    count = parse_count(params.get("count"))
    offset = parse_viewtoken(params.get("viewtoken"))
    items, has_more = request.app.state.store.list_collections(account_id, params.get("search"), offset, count)
    return json_response({"data": items, "links": _page_links(request, offset, len(items), count, has_more)})


@router.get("/collections/{collection_id}", summary="Get a collection")
def get_collection(collection_id: str, request: Request, account_id: str = Depends(current_account)) -> Response:
    """One collection (404 ``COMMON_NOT_FOUND`` when absent or another account's)."""
    return json_response({"data": _collection_or_404(request, account_id, collection_id)})


@router.put("/collections/{collection_id}", status_code=204, summary="Update a collection")
async def update_collection(
    collection_id: str, request: Request, account_id: str = Depends(current_account)
) -> Response:
    """Replace name, s3Bucket, noData (omitted = deleted) and, when ``additionalData`` is given, the bands."""
    await run_in_threadpool(_collection_or_404, request, account_id, collection_id)
    body = await json_body(request)
    return await run_in_threadpool(_update_collection, request, account_id, collection_id, body)


def _update_collection(request: Request, account_id: str, collection_id: str, body: Dict[str, Any]) -> Response:
    current = _collection_or_404(request, account_id, collection_id)
    name, bucket, no_data, bands, extra, additional_given = validate_collection(body)
    store = request.app.state.store
    has_tiles = store.tile_count(collection_id) > 0
    if bucket != current["s3Bucket"] and has_tiles:
        raise bad_payload("'s3Bucket' can only be changed while the collection has no tiles.", "s3Bucket")
    old_bands = current["additionalData"].get("bands") or {}
    if additional_given and has_tiles:
        if not bands and old_bands:
            raise bad_payload(
                "All bands can only be removed from an empty collection: delete its tiles first.",
                "additionalData.bands",
            )
        check_band_update(old_bands, bands or {})
    effective_bands = bands if additional_given else old_bands
    if no_data is not None and any("noData" in b for b in (effective_bands or {}).values()):
        raise bad_payload("Define noData either for the collection or per band, not both.", "noData")
    store.update_collection(collection_id, name, bucket, no_data, bands, extra, additional_given)
    return no_content()


@router.delete("/collections/{collection_id}", status_code=204, summary="Delete a collection")
def delete_collection(collection_id: str, request: Request, account_id: str = Depends(current_account)) -> Response:
    """Delete a collection with its tiles (S3 objects are never touched)."""
    _collection_or_404(request, account_id, collection_id)
    request.app.state.store.delete_collection(collection_id)
    return no_content()


@router.post("/collections/{collection_id}/copyTiles", status_code=204, summary="Copy collection tiles")
def copy_tiles(collection_id: str, request: Request, account_id: str = Depends(current_account)) -> Response:
    """Copy INGESTED tiles whose path is not in ``toCollection`` yet (same bands, or a target without bands)."""
    source = _collection_or_404(request, account_id, collection_id)
    target_id = request.query_params.get("toCollection")
    if not target_id:
        raise bad_payload("Query parameter 'toCollection' (the target collection id) is required.", "toCollection")
    target = _collection_or_404(request, account_id, target_id)
    source_bands = source["additionalData"].get("bands") or {}
    target_bands = target["additionalData"].get("bands") or {}
    store = request.app.state.store

    def types(bands: Dict[str, Any]) -> Dict[str, tuple]:
        return {k: (v.get("bitDepth"), v.get("sampleFormat")) for k, v in bands.items()}

    if target_bands and types(target_bands) != types(source_bands):
        raise bad_payload(
            "The target collection must have the same band names and types as the source, or no bands.",
            "toCollection",
        )
    if not target_bands and source_bands:
        store.set_collection_bands(target_id, source_bands, None)
    if store.copy_tiles(collection_id, target_id):
        request.app.state.engine.schedule_metadata(target_id)
    return no_content()


# -- tiles ----------------------------------------------------------------------------------------------------
def _tile_fields(body: Dict[str, Any]) -> tuple:
    sensing = store_sensing_time(parse_time(body.get("sensingTime"), "sensingTime"))
    cover = body.get("coverGeometry")
    cover_given = normalized_cover(cover) if cover is not None else None
    return sensing, cover_given


@router.post("/collections/{collection_id}/tiles", status_code=201, summary="Create a tile")
async def create_tile(collection_id: str, request: Request, account_id: str = Depends(current_account)) -> Response:
    """Register a tile (``path`` required); it starts WAITING and is ingested in the background."""
    await run_in_threadpool(_collection_or_404, request, account_id, collection_id)
    body = await json_body(request)
    return await run_in_threadpool(_create_tile, request, collection_id, body)


def _create_tile(request: Request, collection_id: str, body: Dict[str, Any]) -> Response:
    path = check_tile_path(body.get("path"))
    sensing, cover_given = _tile_fields(body)
    try:
        tile = request.app.state.store.create_tile(collection_id, path, sensing, cover_given)
    except DuplicatePath:
        raise ApiError(
            409,
            "COMMON_UNIQUE_KEY_VIOLATION",
            f"A tile with path '{path}' already exists in this collection.",
        ) from None
    request.app.state.engine.submit(tile["id"], 0)
    return json_response({"data": tile}, 201)


@router.get("/collections/{collection_id}/tiles", summary="Get collection tiles")
def list_tiles(collection_id: str, request: Request, account_id: str = Depends(current_account)) -> Response:
    """A page of tiles; filters ``path`` (exact), ``status``; ``sort`` created/path asc/desc."""
    _collection_or_404(request, account_id, collection_id)
    params = request.query_params
    count = parse_count(params.get("count"))
    offset = parse_viewtoken(params.get("viewtoken"))
    status = params.get("status")
    if status is not None:
        status = status.strip().strip('"')
        if status not in TILE_STATUSES:
            raise bad_payload(f"'status' must be one of {', '.join(TILE_STATUSES)}, got {status!r}.", "status")
    sort = params.get("sort") or None
    if sort is not None and sort not in _SORTS:
        raise bad_payload(f"'sort' must be one of {', '.join(_SORTS)}, got {sort!r}.", "sort")
    items, has_more = request.app.state.store.list_tiles(
        collection_id, offset, count, status=status, path=params.get("path"), sort=sort
    )
    return json_response({"data": items, "links": _page_links(request, offset, len(items), count, has_more)})


@router.get("/collections/{collection_id}/tiles/{tile_id}", summary="Get a tile")
def get_tile(
    collection_id: str, tile_id: str, request: Request, account_id: str = Depends(current_account)
) -> Response:
    """One tile."""
    _collection_or_404(request, account_id, collection_id)
    return json_response({"data": _tile_or_404(request, collection_id, tile_id)})


@router.put("/collections/{collection_id}/tiles/{tile_id}", status_code=204, summary="Update a tile")
async def update_tile(
    collection_id: str, tile_id: str, request: Request, account_id: str = Depends(current_account)
) -> Response:
    """Replace ``coverGeometry`` (omitted = the tile bbox) and ``sensingTime``; a new ``path`` re-ingests."""
    await run_in_threadpool(_tile_of_collection_or_404, request, account_id, collection_id, tile_id)
    body = await json_body(request)
    return await run_in_threadpool(_update_tile, request, account_id, collection_id, tile_id, body)


def _tile_of_collection_or_404(request: Request, account_id: str, collection_id: str, tile_id: str) -> Dict[str, Any]:
    _collection_or_404(request, account_id, collection_id)
    return _tile_or_404(request, collection_id, tile_id)


def _update_tile(request: Request, account_id: str, collection_id: str, tile_id: str, body: Dict[str, Any]) -> Response:
    current = _tile_of_collection_or_404(request, account_id, collection_id, tile_id)
    path = body.get("path")
    path = current["path"] if path is None else check_tile_path(path)
    sensing, cover_given = _tile_fields(body)
    store = request.app.state.store
    reingest = path != current["path"]
    cover_out: Optional[Dict[str, Any]] = None
    internal = store.tile_internal(tile_id)
    if not reingest and internal and internal.get("epsg") and current.get("status") == "INGESTED":
        epsg = int(internal["epsg"])
        if cover_given is not None:
            geom, src = parse_cover(cover_given)
            cover_out = to_geojson(reproject(reproject(geom, src, 4326), 4326, epsg), epsg)
        elif current.get("tileGeometry"):
            geom, src = from_geojson(current["tileGeometry"])
            cover_out = to_geojson(geom, src)
    try:
        store.update_tile(collection_id, tile_id, path, sensing, cover_given, cover_out, reingest)
    except DuplicatePath:
        raise ApiError(
            409, "COMMON_UNIQUE_KEY_VIOLATION", f"A tile with path '{path}' already exists in this collection."
        ) from None
    engine = request.app.state.engine
    if reingest:
        refreshed = store.tile_internal(tile_id)
        if refreshed:
            engine.submit(tile_id, refreshed["gen"])
    engine.schedule_metadata(collection_id)
    return no_content()


@router.delete("/collections/{collection_id}/tiles/{tile_id}", status_code=204, summary="Delete a tile")
def delete_tile(
    collection_id: str, tile_id: str, request: Request, account_id: str = Depends(current_account)
) -> Response:
    """Delete a tile (its S3 objects stay)."""
    _collection_or_404(request, account_id, collection_id)
    _tile_or_404(request, collection_id, tile_id)
    request.app.state.store.delete_tile(collection_id, tile_id)
    request.app.state.engine.schedule_metadata(collection_id)
    return no_content()


@router.post("/collections/{collection_id}/tiles/{tile_id}/reingest", status_code=204, summary="Reingest a tile")
def reingest_tile(
    collection_id: str, tile_id: str, request: Request, account_id: str = Depends(current_account)
) -> Response:
    """Put the tile back to WAITING and ingest it again (after its files were overwritten)."""
    _collection_or_404(request, account_id, collection_id)
    _tile_or_404(request, collection_id, tile_id)
    store = request.app.state.store
    store.reingest_tile(collection_id, tile_id)
    internal = store.tile_internal(tile_id)
    if internal:
        request.app.state.engine.submit(tile_id, internal["gen"])
    return no_content()
