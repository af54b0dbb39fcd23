"""The Batch v2 state machine of the user actions (batch-api.md §3, decoded from the documentation's diagram).

    analyse: CREATED → ANALYSING (userAction ANALYSE)
    start:   CREATED → ANALYSING, then processing by itself; ANALYSING → (userAction START) processing after the
             analysis; ANALYSIS_DONE → PROCESSING; STOPPED → ANALYSIS_DONE (and on into PROCESSING)
    stop:    ANALYSING → the analysis completes, then STOPPED; ANALYSIS_DONE → STOPPED; PROCESSING → STOPPED once the
             cells in flight are finished (stop takes effect between cells)

Anything else is refused with 400 ``COMMON_BAD_PAYLOAD`` (the code the service gives for an illegal batch
transition, e.g. v1's "Only requests with status PARTIAL can be restarted."); the wording of the messages is
localhub's own [I]. The documented 30-minute wait before a stopped task may be restarted is applied only when
``LOCALHUB_BATCH_RESTART_DELAY`` (seconds) says so: it defaults to 0 because an offline emulator has no capacity to
protect, and a test can set it to check how clients handle the refusal.
"""

from __future__ import annotations

import os
import time
from typing import Optional

from ..errors import ApiError
from .store import BatchStore, Task

RESTART_DELAY_ENV = "LOCALHUB_BATCH_RESTART_DELAY"


def restart_delay() -> float:
    """Seconds a STOPPED task must wait before it may be started again."""
    try:
        return max(0.0, float(os.environ.get(RESTART_DELAY_ENV) or 0.0))
    except ValueError:
        return 0.0


_PAST = {"analyse": "analysed", "start": "started", "stop": "stopped"}


def illegal(task: Task, action: str, allowed: str) -> ApiError:
    """400 for an action the task's status does not allow."""
    return ApiError(
        400,
        "COMMON_BAD_PAYLOAD",
        f"Cannot {action} batch request {task.id}: its status is {task.status}. Only requests that are {allowed} "
        f"can be {_PAST[action]}.",
    )


def not_found(task_id: str) -> ApiError:
    """404 for an unknown task (or another account's)."""
    return ApiError(404, "COMMON_NOT_FOUND", f"Batch request {task_id} not found.")


def analyse(store: BatchStore, task_id: str, account_id: str) -> Task:
    """CREATED → ANALYSING."""
    changed, task = _change(store, task_id, account_id, ("CREATED",), "ANALYSING", "ANALYSE")
    if not changed:
        raise illegal(task, "analyse", "CREATED")
    return task


def start(store: BatchStore, task_id: str, account_id: str) -> Task:
    """Start (or restart) processing."""
    task = _get(store, task_id, account_id)
    if task.status == "STOPPED":
        delay = restart_delay()
        waited = time.time() - float(task.stopped_at or 0.0)
        if waited < delay:
            raise ApiError(
                400,
                "COMMON_BAD_PAYLOAD",
                f"Batch request {task.id} was stopped {waited:.0f} s ago; it can be restarted {delay:.0f} s after it "
                f"stopped (in {delay - waited:.0f} s).",
            )
        changed, now = _change(
            store, task_id, account_id, ("STOPPED",), "ANALYSIS_DONE", "START", stopped_reason=None, stopped_at=None
        )
    elif task.status == "CREATED":
        changed, now = _change(store, task_id, account_id, ("CREATED",), "ANALYSING", "START")
    elif task.status == "ANALYSING" and task.user_action != "STOP":
        changed, now = _change(store, task_id, account_id, ("ANALYSING",), None, "START")
    elif task.status == "ANALYSIS_DONE":
        changed, now = _change(store, task_id, account_id, ("ANALYSIS_DONE",), "PROCESSING", "START")
    else:
        changed, now = False, task
    if not changed:
        raise illegal(now or task, "start", "CREATED, ANALYSING, ANALYSIS_DONE or STOPPED")
    return now


def stop(store: BatchStore, task_id: str, account_id: str) -> Task:
    """Stop: at once from ANALYSIS_DONE, after the analysis or between cells otherwise."""
    task = _get(store, task_id, account_id)
    if task.status == "ANALYSIS_DONE":
        changed, now = _change(
            store,
            task_id,
            account_id,
            ("ANALYSIS_DONE",),
            "STOPPED",
            "STOP",
            stopped_reason="USER_ACTION",
            stopped_at=time.time(),
        )
    elif task.status in ("ANALYSING", "PROCESSING"):
        changed, now = _change(store, task_id, account_id, (task.status,), None, "STOP")
    else:
        changed, now = False, task
    if not changed:
        raise illegal(now or task, "stop", "ANALYSING, ANALYSIS_DONE or PROCESSING")
    return now


def update_description(store: BatchStore, task_id: str, account_id: str, description: str) -> Task:
    """Set the description; 409 while the task is processing or queued for processing."""
    task = _get(store, task_id, account_id)
    busy = task.status == "PROCESSING" or (
        task.status in ("ANALYSING", "ANALYSIS_DONE") and task.user_action == "START"
    )
    if busy:
        # 409 as documented; the service's error code for it is not documented: COMMON_BAD_PAYLOAD is used [I]
        raise ApiError(
            409,
            "COMMON_BAD_PAYLOAD",
            f"Batch request {task.id} is {task.status}: its description can be changed when it is not processing.",
        )

    def apply(current: Task):
        if current.status == "PROCESSING":
            return None
        request = dict(current.request)
        request["description"] = description
        return {"request": request}

    updated = store.update(task_id, apply)
    if updated is None:
        raise not_found(task_id)
    if updated.request.get("description") != description:
        raise ApiError(409, "COMMON_BAD_PAYLOAD", f"Batch request {task.id} started processing meanwhile.")
    return updated


def _get(store: BatchStore, task_id: str, account_id: str) -> Task:
    task = store.get_task(task_id, account_id)
    if task is None:
        raise not_found(task_id)
    return task


def _change(store, task_id, account_id, allowed, status: Optional[str], action: str, **fields):
    _get(store, task_id, account_id)
    return store.transition(task_id, allowed, status, action, **fields)
