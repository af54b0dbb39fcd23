"""Monitoring a batch task: poll it until it stops changing by itself, with progress from its completion."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable, Optional, Tuple

from .batch_task import BatchStatus, BatchTask, BatchUserAction, TaskRef, task_id
from .errors import TimeoutExpired
from .http import CancelFn, check_cancel, sleep_cancellable
from .ingestion import poll_delays

if TYPE_CHECKING:
    from .batch import BatchClient

ProgressFn = Optional[Callable[[float, str], None]]
PollFn = Optional[Callable[[BatchTask], None]]
QUICK_POLLS = 4  # polls allowed sooner than ``initial_delay`` when the task is due to end (per wait)
QUICK_POLL_S = 0.25  # ... and their shortest pause


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
    task: TaskRef,
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
    end is seen within about ``initial_delay`` without polling a long task often; when the task is due to end before
    the next poll, up to ``QUICK_POLLS`` polls come when it is due (at least ``QUICK_POLL_S`` apart).
    ``progress(fraction, message)`` follows ``completionPercentage``. Cancelling raises :class:`CancelledError` and
    leaves the task running (stopping it is the caller's decision); ``timeout`` raises :class:`TimeoutExpired` with
    the last state in ``exc.task``.
    """
    if until not in ("done", "analysis"):
        raise ValueError("until: 'done' or 'analysis'")
    tid = task_id(task)
    deadline = None if timeout is None else time.monotonic() + timeout
    delays = poll_delays(initial_delay, 1.5, max_delay)
    started: Optional[tuple] = None  # (time, fraction) of the first poll that saw the task processing
    quick_polls = 0
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
                quick = quick_polls < QUICK_POLLS
                delay, was_quick = processing_pause(delay, initial_delay, left, quick)
                quick_polls += was_quick
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


def processing_pause(delay: float, initial_delay: float, left: float, quick: bool) -> Tuple[float, bool]:
    """(pause before the next poll, whether it is a quick one) while a task processes: the backed-off ``delay``, at
    most half the estimated time ``left`` but not below ``initial_delay``; when the task is due to end before that,
    and ``quick`` polls are still allowed, when it is due (at least ``QUICK_POLL_S``)."""
    pause = min(delay, max(initial_delay, left / 2.0))
    if quick and left < pause:
        return max(QUICK_POLL_S, left), True
    return pause, False


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
