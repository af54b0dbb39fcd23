"""FastAPI router for ``POST /api/v1/process`` (JSON or multipart/form-data body), included by localhub's app.

Requests are parsed and checked here; rendering runs in the app's :class:`localhub.process.pool.RenderPool`
(``app.state.render_pool``), so this process never loads V8. With ``--process-test-hooks`` a debug route,
``GET /localhub/process/workers``, lists the workers' pids (never in ``/openapi.json``).
"""

from __future__ import annotations

import json
from typing import Optional, Tuple

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from localhub.auth import current_account
from localhub.errors import ApiError

from .errors import ProcessError, bad_payload
from .limits import time_limit
from .pool import RenderJob
from .request import ProcessRequest, parse_process_request

router = APIRouter()
debug_router = APIRouter()
WORKERS_PATH = "/localhub/process/workers"


def _time_limit(request: Request) -> float:
    return time_limit(getattr(request.app.state, "settings", None))


async def _read_body(request: Request) -> object:
    content_type = request.headers.get("content-type", "").lower()
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        raw_request = form.get("request")
        evalscript = form.get("evalscript")
        if hasattr(raw_request, "read"):
            raw_request = (await raw_request.read()).decode("utf-8", "replace")
        if hasattr(evalscript, "read"):
            evalscript = (await evalscript.read()).decode("utf-8", "replace")
        if not raw_request:
            raise bad_payload("Request body should be non-empty.")
        body = _decode_json(raw_request)
        if isinstance(body, dict) and evalscript is not None:
            body["evalscript"] = evalscript
        return body
    raw = await request.body()
    if not raw.strip():
        raise bad_payload("Request body should be non-empty.")
    return _decode_json(raw)


def _decode_json(raw) -> object:
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise bad_payload(f"Request body is not valid JSON: {exc}.") from None


def _prepare(store, account: str, body: object, accept: Optional[str]) -> Tuple[ProcessRequest, dict, list]:
    """Parse the body and load the collection and its ingested tiles (SQLite: runs in a worker thread)."""
    req = parse_process_request(body, accept)
    collection: Optional[dict] = store.get_collection(account, req.data.collection_id)
    if collection is None:
        raise ProcessError(
            404,
            "COMMON_NOT_FOUND",
            f"Collection byoc-{req.data.collection_id} not found: check the collection id and that it belongs "
            "to your account.",
        )
    return req, collection, list(store.iter_tiles(collection["id"], status="INGESTED"))


async def process(request: Request, account: str = Depends(current_account)) -> Response:
    """Render a BYOC collection with an Evalscript V3 (byoc-api.md §8–§9)."""
    try:
        body = await _read_body(request)
        req, collection, tiles = await run_in_threadpool(
            _prepare, request.app.state.store, account, body, request.headers.get("accept")
        )
        result = await request.app.state.render_pool.render(RenderJob(req, collection, tiles, _time_limit(request)))
    except ProcessError as exc:
        raise ApiError(exc.status, exc.code, exc.message, exc.errors) from None
    return Response(
        content=result.body,
        media_type=result.content_type,
        headers={"x-processingunits-spent": repr(float(result.processing_units))},
    )


async def workers(request: Request) -> Response:
    """Test hook: the render workers (pid, busy, jobs done)."""
    pool = request.app.state.render_pool
    return JSONResponse({"size": pool.size, "workers": pool.workers()})


router.add_api_route("/api/v1/process", process, methods=["POST"], summary="Process", operation_id="process")
router.add_api_route("/process/v1", process, methods=["POST"], include_in_schema=False)
debug_router.add_api_route(WORKERS_PATH, workers, methods=["GET"], include_in_schema=False)
