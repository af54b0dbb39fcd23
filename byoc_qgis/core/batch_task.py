"""The batch task as the service describes it: status enums, the :class:`BatchTask` view of the wire form, and
the masking of delivery credentials (:func:`mask_secrets`) for everything shown, logged or saved."""

from __future__ import annotations

import copy
from datetime import datetime
from enum import Enum
from typing import Any, Dict, Optional, Type, TypeVar, Union

from .api_values import parse_time
from .errors import SentinelHubError
from .worded import WordedError

SECRET_KEYS = ("accessKey", "secretAccessKey", "credentials", "sessionToken")
MASK = "***"

E = TypeVar("E", bound=Enum)


def _parse_member(cls: Type[E], value: Any) -> Optional[E]:
    """The member of the string enum ``cls`` for ``value`` (case-insensitive), None for missing or unknown values."""
    if isinstance(value, cls):
        return value
    try:
        return cls(str(value).upper()) if value is not None else None
    except ValueError:
        return None


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
        return _parse_member(cls, value)


class BatchUserAction(str, Enum):
    """The last action the user asked for."""

    NONE = "NONE"
    ANALYSE = "ANALYSE"
    START = "START"
    STOP = "STOP"

    @classmethod
    def parse(cls, value: Any) -> Optional[BatchUserAction]:
        """The member for ``value`` (case-insensitive); ``None`` for missing or unknown values."""
        return _parse_member(cls, value)


class StoppedReason(str, Enum):
    """Why a task is STOPPED."""

    OUT_OF_PU = "OUT_OF_PU"
    USER_ACTION = "USER_ACTION"
    UNHEALTHY = "UNHEALTHY"

    @classmethod
    def parse(cls, value: Any) -> Optional[StoppedReason]:
        """The member for ``value`` (case-insensitive); ``None`` for missing or unknown values."""
        return _parse_member(cls, value)


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


# A task as an id, a BatchTask or its wire form.
TaskRef = Union[str, BatchTask, Dict[str, Any]]


def task_id(task: TaskRef) -> str:
    """The id of a task given as an id, a :class:`BatchTask` or its dict; ValueError when it is not a valid id."""
    value = task.id if isinstance(task, BatchTask) else (task.get("id") if isinstance(task, dict) else task)
    if not isinstance(value, str) or not value or "/" in value or "?" in value:
        raise WordedError("batch-task-id", value=value)
    return value
