"""The Batch Processing API v2: request building, the task model, the client and monitoring.

A batch task runs one Process request (evalscript, collection, time range) over the cells of a tiling grid that
touch the area of interest and delivers one GeoTIFF/COG per cell and output to the user's S3 bucket, optionally
into a new BYOC collection. States (batch-api.md §3)::

    CREATED ─analyse/start→ ANALYSING → ANALYSIS_DONE ─start→ PROCESSING → DONE
                                  └→ FAILED          STOP (ANALYSING/ANALYSIS_DONE/PROCESSING) → STOPPED ─start→ …

Delivery credentials (``accessKey``/``secretAccessKey``) travel in the request body because the service needs
them, but never appear in reprs, logs or the dicts this module hands out for display: :func:`mask_secrets` is
applied by :meth:`BatchTask.to_dict` and :attr:`BatchTask.request` unless the caller explicitly asks otherwise.

Typical use::

    batch = BatchClient(client.http)
    task = batch.create(BatchRequest(process_request, grid_id=1, resolution=10.0,
                                     delivery=S3Delivery("s3://bucket/out", key, secret)))
    batch.start(task.id)                                   # analyses, then processes
    task = wait_for_task(batch, task.id, progress=..., cancel=...)
    features = batch_results.read_execution_db(task, s3_config)
"""

from __future__ import annotations

import copy
import json
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any, Callable, Dict, Iterator, List, Optional, Union

from .batch_grids import TILING_GRIDS, TilingGrid
from .batch_paths import FORMAT_EXTENSIONS, validate_template
from .errors import SentinelHubError, TimeoutExpired
from .http import CancelFn, HttpClient, check_cancel, sleep_cancellable
from .ingestion import poll_delays
from .models import parse_time
from .process import ProcessRequest

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
SECRET_KEYS = ("accessKey", "secretAccessKey", "credentials", "sessionToken")
MASK = "***"
COG_RESAMPLING = (
    "nearest",
    "average",
    "gauss",
    "cubic",
    "cubicspline",
    "lanczos",
    "average_magphase",
    "mode",
)
SORTS = ("created", "created:desc", "status", "status:desc")

ProgressFn = Optional[Callable[[float, str], None]]
PollFn = Optional[Callable[["BatchTask"], None]]


# -- enums --------------------------------------------------------------------------------------------------------
class BatchStatus(str, Enum):
    """Task status (v2)."""

    CREATED = "CREATED"
    ANALYSING = "ANALYSING"
    ANALYSIS_DONE = "ANALYSIS_DONE"
    PROCESSING = "PROCESSING"
    DONE = "DONE"
    FAILED = "FAILED"
    STOPPED = "STOPPED"

    @property
    def is_final(self) -> bool:
        """DONE, FAILED or STOPPED: nothing happens any more unless the user starts it again (STOPPED)."""
        return self in (BatchStatus.DONE, BatchStatus.FAILED, BatchStatus.STOPPED)

    @classmethod
    def parse(cls, value: Any) -> Optional[BatchStatus]:
        """The member for ``value`` (case-insensitive); ``None`` for missing or unknown values (kept raw)."""
        if isinstance(value, BatchStatus):
            return value
        try:
            return cls(str(value).upper()) if value is not None else None
        except ValueError:
            return None


class BatchUserAction(str, Enum):
    """The last action the user asked for."""

    NONE = "NONE"
    ANALYSE = "ANALYSE"
    START = "START"
    STOP = "STOP"

    @classmethod
    def parse(cls, value: Any) -> Optional[BatchUserAction]:
        try:
            return cls(str(value).upper()) if value is not None else None
        except ValueError:
            return None


class StoppedReason(str, Enum):
    """Why a task is STOPPED."""

    OUT_OF_PU = "OUT_OF_PU"
    USER_ACTION = "USER_ACTION"
    UNHEALTHY = "UNHEALTHY"

    @classmethod
    def parse(cls, value: Any) -> Optional[StoppedReason]:
        try:
            return cls(str(value).upper()) if value is not None else None
        except ValueError:
            return None


# -- secrets ------------------------------------------------------------------------------------------------------
def mask_secrets(value: Any) -> Any:
    """A deep copy of ``value`` with every ``accessKey``/``secretAccessKey``/``credentials``/``sessionToken``
    value replaced by ``***`` (any depth; for display, logs and saved JSON)."""
    if isinstance(value, dict):
        return {k: (MASK if k in SECRET_KEYS and v not in (None, "") else mask_secrets(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [mask_secrets(v) for v in value]
    return copy.deepcopy(value)


# -- the task -----------------------------------------------------------------------------------------------------
class BatchTask:
    """A batch task as the service sent it. ``to_dict()`` keeps unknown fields (secrets masked by default)."""

    __slots__ = ("_d",)

    def __init__(self, data: Dict[str, Any]) -> None:
        if not isinstance(data, dict) or not data.get("id"):
            raise SentinelHubError("batch task: the service answered without an 'id'")
        self._d = data

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> BatchTask:
        """From the wire form (a deep copy is kept)."""
        return cls(copy.deepcopy(data))

    def to_dict(self, secrets: bool = False) -> Dict[str, Any]:
        """The wire form with every field; delivery keys masked unless ``secrets=True`` (never show that one)."""
        return copy.deepcopy(self._d) if secrets else mask_secrets(self._d)

    def get(self, key: str, default: Any = None) -> Any:
        """Any top-level field by its JSON name (also unknown ones); ``request`` comes back masked."""
        if key == "request":
            return self.request
        return copy.deepcopy(self._d.get(key, default))

    # plain fields
    @property
    def id(self) -> str:
        return self._d["id"]

    @property
    def status(self) -> Optional[BatchStatus]:
        return BatchStatus.parse(self._d.get("status"))

    @property
    def status_text(self) -> str:
        """The raw status (also for values this version does not know)."""
        return str(self._d.get("status") or "")

    @property
    def user_action(self) -> Optional[BatchUserAction]:
        return BatchUserAction.parse(self._d.get("userAction"))

    @property
    def completion_percentage(self) -> float:
        try:
            return float(self._d.get("completionPercentage") or 0.0)
        except (TypeError, ValueError):
            return 0.0

    @property
    def cost_pu(self) -> Optional[float]:
        value = self._d.get("costPU")
        try:
            return None if value is None else float(value)
        except (TypeError, ValueError):
            return None

    @property
    def error(self) -> Optional[str]:
        return self._d.get("error") or None

    @property
    def stopped_status_reason(self) -> Optional[StoppedReason]:
        return StoppedReason.parse(self._d.get("stoppedStatusReason"))

    @property
    def created(self) -> Optional[datetime]:
        return parse_time(self._d.get("created"), "batch.created")

    @property
    def last_updated(self) -> Optional[datetime]:
        return parse_time(self._d.get("lastUpdated"), "batch.lastUpdated")

    @property
    def user_action_updated(self) -> Optional[datetime]:
        return parse_time(self._d.get("userActionUpdated"), "batch.userActionUpdated")

    @property
    def domain_account_id(self) -> Optional[str]:
        return self._d.get("domainAccountId")

    # the echoed request
    @property
    def request(self) -> Dict[str, Any]:
        """The request body as the service echoes it, delivery keys masked."""
        return mask_secrets(self._d.get("request") or {})

    def _req(self, *path: str) -> Any:
        node: Any = self._d.get("request") or {}
        for key in path:
            if not isinstance(node, dict):
                return None
            node = node.get(key)
        return node

    @property
    def description(self) -> str:
        return str(self._req("description") or self._d.get("description") or "")

    @property
    def grid_id(self) -> Optional[int]:
        value = self._req("input", "id")
        return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    @property
    def resolution(self) -> Optional[float]:
        value = self._req("input", "resolution")
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    @property
    def buffer(self) -> tuple:
        return int(self._req("input", "bufferX") or 0), int(self._req("input", "bufferY") or 0)

    @property
    def delivery_url(self) -> Optional[str]:
        """``request.output.delivery.s3.url`` (the template or prefix), or None."""
        url = self._req("output", "delivery", "s3", "url")
        return str(url) if url else None

    @property
    def delivery_region(self) -> Optional[str]:
        region = self._req("output", "delivery", "s3", "region")
        return str(region) if region else None

    @property
    def outputs(self) -> Dict[str, str]:
        """Response identifier → MIME type of the process request (``userdata`` → application/json)."""
        out: Dict[str, str] = {}
        for item in self._req("processRequest", "output", "responses") or []:
            if isinstance(item, dict):
                ident = item.get("identifier") or "default"
                out[ident] = ((item.get("format") or {}).get("type")) or (
                    "application/json" if ident == "userdata" else "image/tiff"
                )
        return out

    @property
    def collection_id(self) -> Optional[str]:
        """``request.output.collectionId``: the BYOC collection the results go into (set by the service when it
        created one for ``createCollection``)."""
        value = self._req("output", "collectionId")
        return str(value) if value else None

    @property
    def cog_output(self) -> bool:
        return bool(self._req("output", "cogOutput"))

    @property
    def is_active(self) -> bool:
        """True while the service works on it (or is about to, after an action)."""
        status, action = self.status, self.user_action
        if status in (BatchStatus.ANALYSING, BatchStatus.PROCESSING):
            return True
        if status is BatchStatus.CREATED:
            return action in (BatchUserAction.ANALYSE, BatchUserAction.START)
        return status is BatchStatus.ANALYSIS_DONE and action is BatchUserAction.START

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BatchTask) and other._d == self._d

    def __repr__(self) -> str:
        return f"BatchTask(id={self.id!r}, status={self.status_text!r}, completion={self.completion_percentage:g}%)"


# -- request building ---------------------------------------------------------------------------------------------
@dataclass
class S3Delivery:
    """Where outputs go: an ``s3://`` prefix or template, and how the service may write there (keys or a role)."""

    url: str
    access_key: str = field(default="", repr=False)
    secret_key: str = field(default="", repr=False)
    iam_role_arn: Optional[str] = None
    region: Optional[str] = None

    def __repr__(self) -> str:
        keys = "set" if self.access_key else "none"
        return f"S3Delivery(url={self.url!r}, keys={keys}, iam_role_arn={self.iam_role_arn!r}, region={self.region!r})"

    @classmethod
    def from_s3_config(cls, url: str, config: Any) -> S3Delivery:
        """A delivery to ``url`` with the keys and region of an :class:`~byoc_qgis.core.s3.S3Config`."""
        return cls(url, config.access_key, config.secret_key, region=config.region or None)

    def to_dict(self) -> Dict[str, Any]:
        """``{"s3": {url, accessKey, secretAccessKey, iamRoleARN, region}}`` (unset fields left out)."""
        if not self.iam_role_arn and not (self.access_key and self.secret_key):
            raise ValueError("delivery: give both S3 keys (access key and secret key) or an IAM role ARN")
        s3: Dict[str, Any] = {"url": self.url}
        if self.access_key:
            s3["accessKey"] = self.access_key
            s3["secretAccessKey"] = self.secret_key
        if self.iam_role_arn:
            s3["iamRoleARN"] = self.iam_role_arn
        if self.region:
            s3["region"] = self.region
        return {"s3": s3}


@dataclass
class CogParameters:
    """``output.cogParameters`` (service defaults apply to what is left ``None``)."""

    overview_levels: Optional[List[int]] = None
    overview_min_size: Optional[int] = None
    resampling: Optional[str] = None
    block_x: Optional[int] = None
    block_y: Optional[int] = None
    use_predictor: Optional[bool] = None

    def to_dict(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        if self.overview_levels is not None:
            levels = [int(v) for v in self.overview_levels]
            if any(v < 2 for v in levels):
                raise ValueError("cogParameters.overviewLevels: factors must be 2 or more, e.g. [2, 4, 8]")
            out["overviewLevels"] = levels
        if self.overview_min_size is not None:
            out["overviewMinSize"] = int(self.overview_min_size)
        if self.resampling is not None:
            if self.resampling not in COG_RESAMPLING:
                raise ValueError(
                    f"cogParameters.resamplingAlgorithm {self.resampling!r}: use {', '.join(COG_RESAMPLING)}"
                )
            out["resamplingAlgorithm"] = self.resampling
        for key, value in (("blockxsize", self.block_x), ("blockysize", self.block_y)):
            if value is not None:
                if int(value) < 16 or int(value) % 16:
                    raise ValueError(f"cogParameters.{key} {value}: use a multiple of 16, e.g. 256")
                out[key] = int(value)
        if self.use_predictor is not None:
            out["usePredictor"] = bool(self.use_predictor)
        return out


@dataclass
class BatchRequest:
    """Everything a new batch task needs: the Process request and the tiling-grid input and raster output.

    ``process_request`` is a :class:`~byoc_qgis.core.process.ProcessRequest` or a Process API body (dict); its
    width/height/resolution are dropped (the grid decides them). The area of interest is its bounds.
    """

    process_request: Union[ProcessRequest, Dict[str, Any]]
    grid_id: int
    resolution: float
    delivery: S3Delivery
    buffer_x: int = 0
    buffer_y: int = 0
    cog_output: bool = False
    cog_parameters: Optional[CogParameters] = None
    overwrite: bool = False
    skip_existing: bool = False
    create_collection: bool = False
    collection_id: Optional[str] = None
    description: Optional[str] = None
    instance_type: str = "normal"

    def __repr__(self) -> str:
        return (
            f"BatchRequest(grid_id={self.grid_id}, resolution={self.resolution}, delivery={self.delivery!r}, "
            f"cog_output={self.cog_output}, create_collection={self.create_collection})"
        )

    @property
    def grid(self) -> Optional[TilingGrid]:
        """The grid definition when it is one of the documented grids."""
        return TILING_GRIDS.get(int(self.grid_id))

    def process_body(self) -> Dict[str, Any]:
        """The ``processRequest`` part: the Process body without width/height/resx/resy."""
        if isinstance(self.process_request, ProcessRequest):
            body = self.process_request.to_dict()
        elif isinstance(self.process_request, dict):
            body = copy.deepcopy(self.process_request)
        else:
            raise ValueError("process_request: give a ProcessRequest or a Process API body (dict)")
        output = body.setdefault("output", {})
        for key in ("width", "height", "resx", "resy"):
            output.pop(key, None)
        responses = output.get("responses") or [{"identifier": "default", "format": {"type": "image/tiff"}}]
        output["responses"] = responses
        return body

    def validate(self) -> Dict[str, Any]:
        """Check the request as far as the client can; return the ``processRequest`` part. Raises ValueError."""
        body = self.process_body()
        bounds = (body.get("input") or {}).get("bounds") or {}
        if not bounds.get("bbox") and not bounds.get("geometry"):
            raise ValueError(
                "processRequest.input.bounds: a tiling-grid batch needs the area of interest (bbox/geometry)"
            )
        if not (body.get("evalscript") or "").strip():
            raise ValueError("processRequest.evalscript is empty")
        responses = body["output"]["responses"]
        ids = []
        for item in responses:
            mime = (item.get("format") or {}).get("type") or "image/tiff"
            if mime not in FORMAT_EXTENSIONS:
                raise ValueError(
                    f"output {item.get('identifier')!r}: batch delivers image/tiff (and application/json for "
                    f"userdata), not {mime}"
                )
            ids.append(item.get("identifier") or "default")
        if self.grid is not None:
            self.grid.check_resolution(self.resolution)
        elif not float(self.resolution) > 0:
            raise ValueError("resolution must be positive")
        for name, value in (("bufferX", self.buffer_x), ("bufferY", self.buffer_y)):
            if not 0 <= int(value) <= 32767:
                raise ValueError(f"{name} {value}: give 0..32767 pixels")
        validate_template(self.delivery.url, ids)
        if self.create_collection or self.collection_id:
            if not self.cog_output:
                raise ValueError("createCollection/collectionId: the outputs must be COGs (turn on COG output)")
            if any((item.get("format") or {}).get("type", "image/tiff") != "image/tiff" for item in responses):
                raise ValueError("createCollection/collectionId: every output must be image/tiff (no userdata)")
        if self.create_collection and self.collection_id:
            raise ValueError("give createCollection (a new collection) or collectionId (an existing one), not both")
        if self.cog_parameters is not None and not self.cog_output:
            raise ValueError("cogParameters apply to COG output only (turn on COG output)")
        return body

    def to_dict(self) -> Dict[str, Any]:
        """The ``POST /api/v2/batch/process`` body (contains the delivery keys: send it, never log it)."""
        process = self.validate()
        grid_input: Dict[str, Any] = {
            "type": "tiling-grid",
            "id": int(self.grid_id),
            "resolution": float(self.resolution),
        }
        if self.buffer_x:
            grid_input["bufferX"] = int(self.buffer_x)
        if self.buffer_y:
            grid_input["bufferY"] = int(self.buffer_y)
        output: Dict[str, Any] = {"type": "raster", "delivery": self.delivery.to_dict()}
        if self.overwrite:
            output["overwrite"] = True
        if self.skip_existing:
            output["skipExisting"] = True
        if self.cog_output:
            output["cogOutput"] = True
            if self.cog_parameters is not None:
                params = self.cog_parameters.to_dict()
                if params:
                    output["cogParameters"] = params
        if self.create_collection:
            output["createCollection"] = True
        if self.collection_id:
            output["collectionId"] = self.collection_id
        body: Dict[str, Any] = {
            "processRequest": process,
            "input": grid_input,
            "output": output,
            "instanceType": self.instance_type,
        }
        if self.description:
            body["description"] = self.description
        return body


# -- the client ---------------------------------------------------------------------------------------------------
def _task_id(task: Union[str, BatchTask, Dict[str, Any]]) -> str:
    value = task.id if isinstance(task, BatchTask) else (task.get("id") if isinstance(task, dict) else task)
    if not isinstance(value, str) or not value or "/" in value or "?" in value:
        raise ValueError(f"batch task id {value!r} is not valid (a UUID)")
    return value


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

    def get_task(self, task: Union[str, BatchTask, Dict[str, Any]], cancel: CancelFn = None) -> BatchTask:
        """One task; :class:`NotFoundError` when it does not exist (or belongs to another account)."""
        data = self.http.get_json(f"{self.root}/process/{_task_id(task)}", cancel=cancel)
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

    def update_description(
        self, task: Union[str, BatchTask, Dict[str, Any]], description: str, cancel: CancelFn = None
    ) -> BatchTask:
        """Change the description (:class:`ConflictError` while the task is processing); return the task."""
        tid = _task_id(task)
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

    def analyse(self, task: Union[str, BatchTask, Dict[str, Any]], cancel: CancelFn = None) -> None:
        """Start the analysis (CREATED → ANALYSING → ANALYSIS_DONE)."""
        self._action(task, "analyse", (BatchUserAction.ANALYSE, BatchUserAction.START), cancel)

    def start(self, task: Union[str, BatchTask, Dict[str, Any]], cancel: CancelFn = None) -> None:
        """Start processing (from CREATED the analysis runs first; from STOPPED it resumes)."""
        self._action(task, "start", (BatchUserAction.START,), cancel)

    def stop(self, task: Union[str, BatchTask, Dict[str, Any]], cancel: CancelFn = None) -> None:
        """Stop a task (ANALYSING, ANALYSIS_DONE or PROCESSING → STOPPED; work in progress is still charged)."""
        self._action(task, "stop", (BatchUserAction.STOP,), cancel)

    def _action(self, task, name: str, shows: tuple, cancel: CancelFn) -> None:
        tid = _task_id(task)
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


# -- monitoring ---------------------------------------------------------------------------------------------------
def _idle(task: BatchTask, until: str) -> bool:
    """True when ``task`` will not change by itself any more (for ``until``: "done" or "analysis")."""
    status = task.status
    if status is None:
        return False
    if status.is_final:
        return True
    if until == "analysis" and status is BatchStatus.ANALYSIS_DONE:
        return True
    action = task.user_action
    if status is BatchStatus.CREATED and action in (None, BatchUserAction.NONE):
        return True  # nobody asked for anything: waiting would never end
    if status is BatchStatus.ANALYSIS_DONE and action in (None, BatchUserAction.NONE, BatchUserAction.ANALYSE):
        return True  # analysed but not started (sentinelhub-py's monitor loops forever here)
    return False


def wait_for_task(
    client: BatchClient,
    task: Union[str, BatchTask, Dict[str, Any]],
    until: str = "done",
    timeout: Optional[float] = None,
    progress: ProgressFn = None,
    cancel: CancelFn = None,
    initial_delay: float = 2.0,
    max_delay: float = 30.0,
    on_poll: PollFn = None,
) -> BatchTask:
    """Poll a task until it stops changing by itself; return its last state.

    ``until="done"``: DONE, FAILED or STOPPED (or a task nobody started); ``until="analysis"``: also ANALYSIS_DONE.
    Polls back off from ``initial_delay`` to ``max_delay`` seconds; while the task processes, a pause is also at most
    half the time left at the rate ``completionPercentage`` has been rising (never below ``initial_delay``), so the
    end is seen within about ``initial_delay`` without polling a long task often. ``progress(fraction, message)``
    follows ``completionPercentage``. Cancelling raises :class:`CancelledError` and leaves the task running (stopping it
    is the caller's decision); ``timeout`` raises :class:`TimeoutExpired` with the last state in ``exc.task``.
    """
    if until not in ("done", "analysis"):
        raise ValueError("until: 'done' or 'analysis'")
    tid = _task_id(task)
    deadline = None if timeout is None else time.monotonic() + timeout
    delays = poll_delays(initial_delay, 1.5, max_delay)
    started: Optional[tuple] = None  # (time, fraction) of the first poll that saw the task processing
    while True:
        check_cancel(cancel)
        current = client.get_task(tid, cancel=cancel)
        if progress is not None:
            progress(_fraction(current), _progress_text(current))
        if on_poll is not None:
            on_poll(current)
        if _idle(current, until):
            return current
        delay = next(delays)
        if current.status is BatchStatus.PROCESSING and until == "done":
            now, fraction = time.monotonic(), _fraction(current)
            if started is None:
                started = (now, fraction)
            elif fraction > started[1] and now > started[0]:
                left = (1.0 - fraction) * (now - started[0]) / (fraction - started[1])
                delay = min(delay, max(initial_delay, left / 2.0))
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                exc = TimeoutExpired(
                    f"batch task {tid} is still {current.status_text} after {timeout:.0f} s "
                    f"({current.completion_percentage:.0f}% done); it keeps running on the service"
                )
                exc.task = current  # type: ignore[attr-defined]
                raise exc
            delay = min(delay, left)
        sleep_cancellable(delay, cancel)


def _fraction(task: BatchTask) -> float:
    status = task.status
    if status is BatchStatus.DONE:
        return 1.0
    if status is BatchStatus.PROCESSING or status is BatchStatus.STOPPED:
        return max(0.0, min(1.0, task.completion_percentage / 100.0))
    return 0.0


def _progress_text(task: BatchTask) -> str:
    text = f"{task.status_text} {task.completion_percentage:.0f}%"
    if task.cost_pu is not None:
        text += f", {task.cost_pu:.1f} PU"
    if task.error:
        text += f": {task.error}"
    return text
