"""Watching several batch tasks at once for a live view (the dock's Batch list): which to poll and when.

A step-at-a-time companion of :func:`~.batch_monitor.wait_for_task` for callers that poll from a timer instead of
a blocking loop: :meth:`BatchWatch.observe` takes the states just read, :meth:`BatchWatch.active_ids` names the
tasks still worth polling (:attr:`BatchTask.is_active`) and :meth:`BatchWatch.next_delay` says when to poll again:
``initial`` seconds, ×``factor`` after each poll that saw no status change, at most ``cap``; a status change (or a
task that became active) starts again from ``initial``; while a task processes, a pause is also at most half the
time its ``completionPercentage`` needs to reach 100 at the rate it has been rising (never below ``initial``), so
the end is seen promptly without polling a long task often. None once no task is active. QGIS-free.
"""

from __future__ import annotations

import time
from typing import Callable, Dict, Iterable, List, Optional, Tuple

from .batch_task import BatchStatus, BatchTask
from .ingestion import poll_delays

__all__ = ["BatchWatch"]


class BatchWatch:
    """The poll schedule of a set of batch tasks (see the module docstring)."""

    def __init__(
        self,
        initial: float = 1.0,
        factor: float = 1.5,
        cap: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.initial, self.factor, self.cap = float(initial), float(factor), float(cap)
        self._clock = clock
        self._states: Dict[str, Tuple] = {}
        self._active: Dict[str, BatchTask] = {}
        self._started: Dict[str, Tuple[float, float]] = {}  # id → (time, fraction) first seen processing
        self._delays = poll_delays(self.initial, self.factor, self.cap)

    @staticmethod
    def _state(task: BatchTask) -> Tuple:
        action = task.user_action
        return (task.status_text, action.value if action is not None else "")

    def observe(self, tasks: Iterable[BatchTask], complete: bool = False) -> bool:
        """Take the states just read; True when a status (or the requested action) changed.

        ``complete``: ``tasks`` is every task (a fresh list), so tasks not in it are forgotten; otherwise only the
        given tasks are updated (a poll of the active ones).
        """
        tasks = list(tasks)
        changed = False
        if complete:
            seen = {t.id for t in tasks}
            for tid in [t for t in self._states if t not in seen]:
                self.forget(tid)
        for task in tasks:
            state = self._state(task)
            if self._states.get(task.id) != state:
                changed = changed or task.id in self._states or task.is_active
                self._states[task.id] = state
            if task.is_active:
                if task.id not in self._active:
                    changed = True
                self._active[task.id] = task
            else:
                self._active.pop(task.id, None)
                self._started.pop(task.id, None)
            if task.status is BatchStatus.PROCESSING and task.id not in self._started:
                self._started[task.id] = (self._clock(), task.completion_percentage / 100.0)
        if changed:
            self._delays = poll_delays(self.initial, self.factor, self.cap)
        return changed

    def forget(self, tid: str) -> None:
        """Stop watching a task (deleted, or no longer listed)."""
        self._states.pop(tid, None)
        self._active.pop(tid, None)
        self._started.pop(tid, None)

    def active_ids(self) -> List[str]:
        """The tasks the service is working on (or about to), in the order they were first seen active."""
        return list(self._active)

    def next_delay(self) -> Optional[float]:
        """Seconds until the next poll; None when no task is active."""
        if not self._active:
            return None
        delay = next(self._delays)
        now = self._clock()
        for tid, task in self._active.items():
            start = self._started.get(tid)
            fraction = task.completion_percentage / 100.0
            if task.status is not BatchStatus.PROCESSING or start is None:
                continue
            if fraction > start[1] and now > start[0]:
                left = (1.0 - fraction) * (now - start[0]) / (fraction - start[1])
                delay = min(delay, max(self.initial, left / 2.0))
        return delay

    def reset(self) -> None:
        """Poll soon again (after an action such as start or stop)."""
        self._delays = poll_delays(self.initial, self.factor, self.cap)
