"""Loading every tile of a collection without freezing QGIS.

A ``QgsTask`` lists the tiles page by page and builds their rows (features, geometry reprojection included) in its
worker thread; the main thread only takes ready batches from a timer, with a time budget per tick. While the load
runs, Python's full garbage collections are kept short (:mod:`.gcguard`).
"""

from __future__ import annotations

import collections
import time
from typing import Any, Callable, Deque, List, Optional

from qgis.core import QgsTask
from qgis.PyQt.QtCore import QObject, QTimer

from ..core.ingestion import ConvertFn, Problem, Row, SignatureFn, tile_row
from ..core.progress import Cancelled
from . import gcguard
from .tasks import FunctionTask, TaskRunner

__all__ = ["TilesLoad"]

BATCH = 250  # rows per hand-over batch from the worker
TICK_BUDGET_S = 0.010  # main-thread time per feeder tick
FEED_INTERVAL_MS = 10


class TilesLoad(QObject):
    """One load: ``add_rows(rows)`` gets the rows on the main thread in small batches, ``fed()`` after each tick
    that added some, and ``finished(error)`` once at the end (``error`` None, a :class:`Cancelled` or the listing's
    exception). Rows of tiles that cannot be shown have no payload; they are also in :attr:`problems`.

    :meth:`abandon` ends the load without any further callback.
    """

    def __init__(
        self,
        runner: TaskRunner,
        description: str,
        client,
        collection_id: str,
        signature: SignatureFn,
        convert: ConvertFn,
        add_rows: Callable[[List[Row]], None],
        fed: Callable[[], None],
        finished: Callable[[Optional[BaseException]], None],
        parent: Optional[QObject] = None,
    ) -> None:
        super().__init__(parent)
        self.problems: List[Problem] = []
        self.active = False
        self.task: Optional[FunctionTask] = None
        self.started_at = 0.0
        self._runner = runner
        self._description = description
        self._client = client
        self._collection_id = collection_id
        self._signature = signature
        self._convert = convert
        self._add_rows = add_rows
        self._fed = fed
        self._finished = finished
        self._queue: Deque[List[Row]] = collections.deque()
        self._worker_done = False
        self._worker_error: Optional[BaseException] = None
        self._bulk = False
        self._feeder = QTimer(self)
        self._feeder.setInterval(FEED_INTERVAL_MS)
        self._feeder.timeout.connect(self._feed)

    def start(self) -> FunctionTask:
        """Start the listing task and the feeder."""
        self.started_at = time.perf_counter()
        self.active = True
        task = FunctionTask(self._description, self._work, self._worker_ended, self._worker_failed, silent=True)
        gcguard.bulk_begin()  # balanced by _end_bulk() when the load finishes or is abandoned
        self._bulk = True
        try:
            self.task = task
            self._runner.start(task)
            self._feeder.start()
        except BaseException:
            self.active = False
            self.task = None
            self._end_bulk()
            raise
        return task

    def _work(self, task: QgsTask) -> int:  # worker thread
        queue, problems = self._queue, self.problems
        signature, convert = self._signature, self._convert
        batch: List[Row] = []
        n = 0
        for tile in self._client.byoc.iter_all_tiles(self._collection_id, cancel=task.isCanceled):
            row, problem = tile_row(tile, signature, convert)
            if problem is not None:  # reported and skipped; the other tiles load
                problems.append(problem)
            batch.append(row)
            n += 1
            if len(batch) >= BATCH:
                queue.append(batch)
                batch = []
                task.setProgress(100.0 * n / (n + 4000.0))
                time.sleep(0)  # let the main thread take the GIL between batches
        if batch:
            queue.append(batch)
        return n

    def _worker_ended(self, _n: Any) -> None:
        if self.active:
            self._worker_done = True
            self._feed()

    def _worker_failed(self, exc: BaseException) -> None:
        if self.active:
            self._worker_error = exc
            self._worker_done = True
            self._feed()

    def cancel(self) -> None:
        """Cancel the listing: the load finishes with :class:`Cancelled`."""
        if self.task is not None and self.active:
            self.task.cancel()

    def abandon(self) -> None:
        """Stop at once: cancel the task, stop feeding; no callback runs any more."""
        was_active, self.active = self.active, False
        self._feeder.stop()
        if was_active and self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:  # the task is already deleted
                pass
        self.task = None
        self._end_bulk()

    def _feed(self) -> None:
        """Main thread: add ready batches within the tick's time budget."""
        if not self.active:
            self._feeder.stop()
            return
        task = self.task
        if not self._worker_done and task is not None and task.done:
            # the task ended without handing over (its runner was closed): end the load as cancelled
            self._worker_error = Cancelled()
            self._worker_done = True
        start = time.perf_counter()
        added = False
        while self._queue and time.perf_counter() - start < TICK_BUDGET_S:
            self._add_rows(self._queue.popleft())
            added = True
        if added:
            self._fed()
        if self._worker_done and not self._queue and self.active:
            self._finish()

    def _finish(self) -> None:
        self._feeder.stop()
        self._end_bulk()
        self.active = False
        self.task = None
        self._finished(self._worker_error)

    def _end_bulk(self) -> None:
        if self._bulk:
            self._bulk = False
            gcguard.bulk_end()
