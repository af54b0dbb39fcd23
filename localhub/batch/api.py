"""The Batch Processing API v2 under ``/api/v2/batch`` (and the alias ``/batch/v2``), batch-api.md §1 and §7.

Replies are unwrapped objects (a task, a grid) except the lists (``{"data": [...], "links": {...}}``); actions
answer 204 with an empty body. SQLite work runs in the thread pool, never on the event loop.
"""

from __future__ import annotations

import json
from typing import Any, Dict

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from byoc_qgis.core.batch_grids import TILING_GRIDS

from ..auth import current_account
from ..errors import ApiError
from ..wire import parse_count, parse_viewtoken
from . import states
from .store import SORTS
from .validate import bad, validate_create

PREFIXES = ("/api/v2/batch", "/batch/v2")
router = APIRouter(tags=["batch"])


def _json(payload: Any, status: int = 200) -> Response:
    return Response(
        content=json.dumps(payload, separators=(",", ":")), status_code=status, media_type="application/json"
    )


def _links(request: Request, offset: int, returned: int, count: int, has_more: bool) -> Dict[str, str]:
    links: Dict[str, str] = {"currentToken": str(offset)}
    if has_more:
        links["nextToken"] = str(offset + returned)
    if offset > 0:
        links["previousToken"] = str(max(0, offset - count))
    links["@id"] = str(request.url.include_query_params(viewtoken=str(offset)))
    if has_more:
        links["next"] = str(request.url.include_query_params(viewtoken=str(offset + returned)))
    if offset > 0:
        links["previous"] = str(request.url.include_query_params(viewtoken=str(max(0, offset - count))))
    return links


async def _body(request: Request) -> Any:
    """JSON, or multipart with the parts ``request`` and ``evalscript`` (the evalscript goes into processRequest)."""
    content_type = request.headers.get("content-type", "").lower()
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        raw = form.get("request")
        evalscript = form.get("evalscript")
        if hasattr(raw, "read"):
            raw = (await raw.read()).decode("utf-8", "replace")
        if hasattr(evalscript, "read"):
            evalscript = (await evalscript.read()).decode("utf-8", "replace")
        body = _decode(raw or "")
        if isinstance(body, dict) and evalscript is not None and isinstance(body.get("processRequest"), dict):
            body["processRequest"]["evalscript"] = evalscript
        return body
    return _decode(await request.body())


def _decode(raw: Any) -> Any:
    if not raw or not str(raw if isinstance(raw, str) else raw.decode("utf-8", "replace")).strip():
        raise bad("Request body should be non-empty.")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise bad(f"Request body is not valid JSON: {exc}.") from None


def _service(request: Request):
    return request.app.state.batch


# -- tasks --------------------------------------------------------------------------------------------------------
async def create_task(request: Request, account_id: str = Depends(current_account)) -> Response:
    """Create a task (CREATED): checks the body; the analysis checks collection and evalscript."""
    body = validate_create(await _body(request))
    task = await run_in_threadpool(_service(request).store.create_task, account_id, body)
    return _json(task.wire(), 201)


def list_tasks(request: Request, account_id: str = Depends(current_account)) -> Response:
    """A page of the account's tasks: ``count``, ``viewtoken``, ``search``, ``sort`` (``userid`` is ignored)."""
    params = request.query_params
    count = parse_count(params.get("count"))
    offset = parse_viewtoken(params.get("viewtoken"))
    sort = params.get("sort") or None
    if sort is not None and sort not in SORTS:
        raise bad(f"sort must be one of {', '.join(SORTS)}.", "sort")
    tasks, more = _service(request).store.list_tasks(account_id, params.get("search"), sort, offset, count)
    return _json({"data": [t.wire() for t in tasks], "links": _links(request, offset, len(tasks), count, more)})


def get_task(task_id: str, request: Request, account_id: str = Depends(current_account)) -> Response:
    """One task (404 when unknown or another account's)."""
    task = _service(request).store.get_task(task_id, account_id)
    if task is None:
        raise states.not_found(task_id)
    return _json(task.wire())


async def update_task(task_id: str, request: Request, account_id: str = Depends(current_account)) -> Response:
    """Change the description (the only field v2 lets change); 409 while processing."""
    body = _decode(await request.body())
    if not isinstance(body, dict) or not isinstance(body.get("description"), str):
        raise bad('Give {"description": "..."}: the description is the only field that can be changed.', "description")
    other = sorted(k for k in body if k != "description")
    if other:
        raise bad(f"Only the description can be changed, not {', '.join(other)}.", other[0])
    store = _service(request).store
    task = await run_in_threadpool(states.update_description, store, task_id, account_id, body["description"])
    return _json(task.wire())


def _action(name: str):
    def action(task_id: str, request: Request, account_id: str = Depends(current_account)) -> Response:
        service = _service(request)
        getattr(states, name)(service.store, task_id, account_id)
        service.executor.wake(task_id)
        return Response(status_code=204)

    action.__name__ = f"{name}_task"
    action.__doc__ = f"POST …/process/{{id}}/{name}: 204, or 400 when the task's status does not allow it."
    return action


# -- tiling grids -------------------------------------------------------------------------------------------------
def list_grids(request: Request, account_id: str = Depends(current_account)) -> Response:
    """The tiling grids, paginated like every list."""
    params = request.query_params
    count = parse_count(params.get("count"))
    offset = parse_viewtoken(params.get("viewtoken"))
    grids = [g.descriptor() for g in TILING_GRIDS.values()]
    page = grids[offset : offset + count]
    return _json({"data": page, "links": _links(request, offset, len(page), count, offset + count < len(grids))})


def get_grid(grid_id: str, request: Request, account_id: str = Depends(current_account)) -> Response:
    """One grid: 400 for an id that is not a number, 404 for an unknown one."""
    try:
        number = int(grid_id)
    except ValueError:
        raise bad(f"Tiling grid id {grid_id!r} must be an integer.", "id") from None
    grid = TILING_GRIDS.get(number)
    if grid is None:
        raise ApiError(404, "COMMON_NOT_FOUND", f"Tiling grid {number} not found.")
    return _json(grid.descriptor())


for _prefix in PREFIXES:
    _doc = _prefix == PREFIXES[0]
    router.add_api_route(f"{_prefix}/process", create_task, methods=["POST"], status_code=201, include_in_schema=_doc)
    router.add_api_route(f"{_prefix}/process", list_tasks, methods=["GET"], include_in_schema=_doc)
    router.add_api_route(f"{_prefix}/process/{{task_id}}", get_task, methods=["GET"], include_in_schema=_doc)
    router.add_api_route(f"{_prefix}/process/{{task_id}}", update_task, methods=["PUT"], include_in_schema=_doc)
    for _name in ("analyse", "start", "stop"):
        router.add_api_route(
            f"{_prefix}/process/{{task_id}}/{_name}",
            _action(_name),
            methods=["POST"],
            status_code=204,
            include_in_schema=_doc,
        )
    router.add_api_route(f"{_prefix}/tilinggrids", list_grids, methods=["GET"], include_in_schema=_doc)
    router.add_api_route(f"{_prefix}/tilinggrids/{{grid_id}}", get_grid, methods=["GET"], include_in_schema=_doc)
