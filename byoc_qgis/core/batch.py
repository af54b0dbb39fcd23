"""The Batch Processing API v2 client, and the one import for everything batch (re-exported below).

A batch task runs one Process request (evalscript, collection, time range) over the cells of a tiling grid that
touch the area of interest and delivers one GeoTIFF/COG per cell and output to the user's S3 bucket, optionally
into a new BYOC collection. States (batch-api.md §3)::

    CREATED ─analyse/start→ ANALYSING → ANALYSIS_DONE ─start→ PROCESSING → DONE
                                  └→ FAILED          STOP (ANALYSING/ANALYSIS_DONE/PROCESSING) → STOPPED ─start→ …

Delivery credentials (``accessKey``/``secretAccessKey``) travel in the request body because the service needs
them, but never appear in reprs, logs or the dicts this module hands out for display: :func:`mask_secrets` is
applied by :meth:`BatchTask.to_dict` and :attr:`BatchTask.request` unless the caller explicitly asks otherwise.

Where the parts live: the task model and secret masking in :mod:`.batch_task`, request building in
:mod:`.batch_request`, this client here, polling in :mod:`.batch_monitor`; grids, delivery paths, results and
mosaics in the other ``batch_*`` modules.

Typical use::

    batch = BatchClient(client.http)
    task = batch.create(BatchRequest(process_request, grid_id=1, resolution=10.0,
                                     delivery=S3Delivery("s3://bucket/out", key, secret)))
    batch.start(task.id)                                   # analyses, then processes
    task = wait_for_task(batch, task.id, progress=..., cancel=...)
    features = batch_results.read_execution_db(task, s3_config)
"""

from __future__ import annotations

import json
import logging
from typing import Any, Dict, Iterator, Optional, Union

from .batch_grids import TilingGrid
from .batch_monitor import wait_for_task
from .batch_request import COG_RESAMPLING, BatchRequest, CogParameters, S3Delivery
from .batch_task import (
    SECRET_KEYS,
    BatchStatus,
    BatchTask,
    BatchUserAction,
    StoppedReason,
    TaskRef,
    mask_secrets,
    task_id,
)
from .errors import SentinelHubError
from .http import CancelFn, HttpClient, check_cancel

__all__ = [
    "BatchStatus",
    "BatchUserAction",
    "StoppedReason",
    "BatchTask",
    "S3Delivery",
    "CogParameters",
    "BatchRequest",
    "BatchClient",
    "wait_for_task",
    "mask_secrets",
    "SECRET_KEYS",
    "COG_RESAMPLING",
]

log = logging.getLogger(__name__)

ROOT = "/api/v2/batch"
MAX_PAGE_SIZE = 100
SORTS = ("created", "created:desc", "status", "status:desc")


class BatchClient:
    """Every Batch v2 endpoint of one deployment, through an :class:`HttpClient` (retries, rate limits, cancel)."""

    def __init__(self, http: HttpClient) -> None:
        self.http = http
        self.root = ROOT

    @classmethod
    def of(cls, client: Any) -> BatchClient:
        """A batch client sharing the connection of a :class:`~byoc_qgis.core.client.SentinelHubClient`."""
        return cls(client.http)

    def __repr__(self) -> str:
        return f"BatchClient({self.http!r})"

    # -- tasks ---------------------------------------------------------------------------------------------------
    def create(self, request: Union[BatchRequest, Dict[str, Any]], cancel: CancelFn = None) -> BatchTask:
        """Create a task (status CREATED); nothing runs until :meth:`analyse` or :meth:`start`.

        Not repeated after a dropped connection or 5xx (that could create two tasks): the error then has
        ``maybe_applied`` set; look for the task with :meth:`iter_tasks` (``search`` = its description).
        """
        body = request.to_dict() if isinstance(request, BatchRequest) else request
        resp = self.http.request(
            "POST", f"{self.root}/process", json_body=body, expected=(200, 201), repeatable=False, cancel=cancel
        )
        return BatchTask(_json(resp.content, "create batch task"))

    def get_task(self, task: TaskRef, cancel: CancelFn = None) -> BatchTask:
        """One task; :class:`NotFoundError` when it does not exist (or belongs to another account)."""
        data = self.http.get_json(f"{self.root}/process/{task_id(task)}", cancel=cancel)
        return BatchTask(_unwrap(data))

    def iter_tasks(
        self,
        search: Optional[str] = None,
        sort: Optional[str] = None,
        count: Optional[int] = None,
        cancel: CancelFn = None,
    ) -> Iterator[BatchTask]:
        """Every task of the account, page by page (``links.nextToken`` → ``viewtoken``).

        ``search``: words joined by ``|`` (or) / ``&`` (and); ``sort``: created, created:desc, status, status:desc.
        """
        params: Dict[str, Any] = {}
        if search:
            params["search"] = search
        if sort:
            if sort not in SORTS:
                raise ValueError(f"sort {sort!r}: use {', '.join(SORTS)}")
            params["sort"] = sort
        if count is not None:
            if not 1 <= int(count) <= MAX_PAGE_SIZE:
                raise ValueError(f"count={count}: the page size must be between 1 and {MAX_PAGE_SIZE}")
            params["count"] = int(count)
        for item in self._pages(f"{self.root}/process", params, cancel):
            yield BatchTask(item)

    def list_tasks(self, search: Optional[str] = None, sort: Optional[str] = None, cancel: CancelFn = None):
        """:meth:`iter_tasks` as a list."""
        return list(self.iter_tasks(search=search, sort=sort, cancel=cancel))

    def update_description(self, task: TaskRef, description: str, cancel: CancelFn = None) -> BatchTask:
        """Change the description (:class:`ConflictError` while the task is processing); return the task."""
        tid = task_id(task)
        resp = self.http.request(
            "PUT",
            f"{self.root}/process/{tid}",
            json_body={"description": str(description)},
            expected=(200, 204),
            cancel=cancel,
        )
        if resp.status_code == 200 and resp.content:
            data = _json(resp.content, "update batch task")
            if isinstance(data, dict) and (data.get("id") or (data.get("data") or {}).get("id")):
                return BatchTask(_unwrap(data))
        return self.get_task(tid, cancel=cancel)

    def analyse(self, task: TaskRef, cancel: CancelFn = None) -> None:
        """Start the analysis (CREATED → ANALYSING → ANALYSIS_DONE)."""
        self._action(task, "analyse", (BatchUserAction.ANALYSE, BatchUserAction.START), cancel)

    def start(self, task: TaskRef, cancel: CancelFn = None) -> None:
        """Start processing (from CREATED the analysis runs first; from STOPPED it resumes)."""
        self._action(task, "start", (BatchUserAction.START,), cancel)

    def stop(self, task: TaskRef, cancel: CancelFn = None) -> None:
        """Stop a task (ANALYSING, ANALYSIS_DONE or PROCESSING → STOPPED; work in progress is still charged)."""
        self._action(task, "stop", (BatchUserAction.STOP,), cancel)

    def _action(self, task, name: str, shows: tuple, cancel: CancelFn) -> None:
        tid = task_id(task)
        try:
            self.http.request(
                "POST", f"{self.root}/process/{tid}/{name}", expected=(200, 202, 204), repeatable=False, cancel=cancel
            )
        except SentinelHubError as exc:
            # a dropped connection or 5xx after sending: the action may have happened; the task tells
            if not exc.maybe_applied:
                raise
            try:
                current = self.get_task(tid, cancel=cancel)
            except SentinelHubError:
                raise exc from None
            if current.user_action not in shows:
                raise
            log.info("batch %s %s: the answer was lost but the task shows the action", name, tid)

    # -- tiling grids --------------------------------------------------------------------------------------------
    def iter_tiling_grids(self, cancel: CancelFn = None) -> Iterator[TilingGrid]:
        """The tiling grids the deployment offers."""
        for item in self._pages(f"{self.root}/tilinggrids", {}, cancel):
            yield TilingGrid.from_descriptor(item)

    def get_tiling_grid(self, grid_id: int, cancel: CancelFn = None) -> TilingGrid:
        """One tiling grid (:class:`BadRequestError`/:class:`NotFoundError` for an id the service lacks)."""
        data = self.http.get_json(f"{self.root}/tilinggrids/{int(grid_id)}", cancel=cancel)
        return TilingGrid.from_descriptor(_unwrap(data))

    # -- pagination ----------------------------------------------------------------------------------------------
    def _pages(self, path: str, params: Dict[str, Any], cancel: CancelFn) -> Iterator[Dict[str, Any]]:
        seen = set()
        token: Optional[str] = None
        while True:
            check_cancel(cancel)
            query = dict(params)
            if token is not None:
                query["viewtoken"] = token
            page = self.http.get_json(path, params=query, cancel=cancel)
            if not isinstance(page, dict) or not isinstance(page.get("data"), list):
                raise SentinelHubError(f"GET {path}: the answer has no 'data' list")
            items = page["data"]
            for item in items:
                if isinstance(item, dict):
                    yield item
            token = (page.get("links") or {}).get("nextToken")
            if not items or token in (None, ""):
                return
            token = str(token)
            if token in seen:
                raise SentinelHubError(f"GET {path}: the service returned the same page token twice; stopping")
            seen.add(token)


def _json(body: bytes, what: str) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        raise SentinelHubError(f"{what}: the service answered with a body that is not JSON") from None


def _unwrap(data: Any) -> Dict[str, Any]:
    """The object itself (the v2 API answers unwrapped; tolerate ``{"data": {...}}`` too)."""
    if isinstance(data, dict) and "id" not in data and isinstance(data.get("data"), dict):
        return data["data"]
    if not isinstance(data, dict):
        raise SentinelHubError("the service answered with something that is not a JSON object")
    return data
