"""Background work for the dock: core-client calls in ``QgsTask``s and Processing algorithms as tasks.

Rules (qgis-conventions §4): ``run()`` never touches widgets, layers or the project; results and errors are
handed to callbacks that run on the main thread (``finished``). The :class:`TaskRunner` keeps a Python reference
to every running task (else sip may collect it) and cancels them all when the dock unloads.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsTask,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.progress import Cancelled
from ..translation import tr
from .guard import call_logged
from .history import add_to_history
from .notify import log

__all__ = ["FunctionTask", "TaskRunner", "AlgorithmRun", "LogFeedback"]

Callback = Optional[Callable[[Any], None]]


class FunctionTask(QgsTask):
    """Runs ``fn(task)`` in a worker thread; ``on_done(result)`` / ``on_error(exc)`` run on the main thread.

    ``fn`` may call ``task.setProgress`` and should pass ``task.isCanceled`` as the ``cancel`` callback to core.
    """

    def __init__(
        self,
        description: str,
        fn: Callable[[QgsTask], Any],
        on_done: Callback = None,
        on_error: Callback = None,
        can_cancel: bool = True,
        silent: bool = False,
    ) -> None:
        flags = QgsTask.Flag.CanCancel if can_cancel else QgsTask.Flags()
        if silent and hasattr(QgsTask.Flag, "Silent"):  # QGIS >= 3.26: no "Task complete/failed" notification
            flags |= QgsTask.Flag.Silent
        super().__init__(description, flags)
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self.result: Any = None
        self.error: Optional[BaseException] = None
        self.done = False
        self.runner: Optional[TaskRunner] = None

    def run(self) -> bool:  # worker thread
        try:
            self.result = self._fn(self)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            self.error = exc
            return False
        return not self.isCanceled()

    def finished(self, ok: bool) -> None:  # main thread
        self.done = True
        try:
            if self.runner is not None and self.runner.closed:
                return  # the dock is gone: nobody to tell
            if self.error is None and self.isCanceled():
                self.error = Cancelled()
            if self.error is not None:
                if self._on_error is not None:
                    call_logged(self.description(), self._on_error, self.error)
                elif not isinstance(self.error, Cancelled):
                    log(f"{self.description()}: {self.error}", Qgis.MessageLevel.Critical)
            elif self._on_done is not None:
                call_logged(self.description(), self._on_done, self.result)
        finally:
            self._fn = None
            self._on_done = self._on_error = None


class LogFeedback(QgsProcessingFeedback):
    """Processing feedback that writes the algorithm's messages to the "BYOC" log tab and keeps them."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: List[str] = []
        self.errors: List[str] = []

    def pushInfo(self, info: str) -> None:
        self.lines.append(info)
        log(info)
        super().pushInfo(info)

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N803 - QGIS API name
        self.errors.append(error)
        log(error, Qgis.MessageLevel.Warning)
        super().reportError(error, fatalError)

    def setProgressText(self, text: str) -> None:
        self.lines.append(text)
        super().setProgressText(text)


class AlgorithmRun(QObject):
    """One Processing algorithm run as a ``QgsProcessingAlgRunnerTask`` with its context and feedback kept alive.

    ``done(ok, results)`` is emitted on the main thread. ``layer(results, "OUTPUT")`` gives an output layer of the
    run (a memory sink lives in the context's temporary store).
    """

    done = pyqtSignal(bool, dict)

    def __init__(self, alg_id: str, parameters: Dict[str, Any], description: str = "") -> None:
        super().__init__()
        registry = QgsApplication.processingRegistry()
        alg = registry.createAlgorithmById(alg_id)
        if alg is None:
            raise RuntimeError(
                tr("Processing algorithm {} is not available (is the byoc provider loaded?)").format(alg_id)
            )
        self.alg_id = alg_id
        self.alg = alg
        self.parameters = dict(parameters)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = LogFeedback()
        self.results: Dict[str, Any] = {}
        self.ok: Optional[bool] = None
        self.task = QgsProcessingAlgRunnerTask(alg, self.parameters, self.context, self.feedback)
        if description:
            self.task.setDescription(description)
        self.task.executed.connect(self._executed)
        self.history = add_to_history(alg, self.parameters, self.context)  # as a run from the toolbox

    def _executed(self, ok: bool, results: dict) -> None:
        self.ok = bool(ok)
        self.results = dict(results or {})
        self.history.finish(self.results, self.feedback)
        self.done.emit(self.ok, self.results)

    def error_text(self) -> str:
        """The algorithm's error (the last fatal feedback message)."""
        return self.feedback.errors[-1] if self.feedback.errors else ""

    def layer(self, key: str = "OUTPUT"):
        """An output layer of the run (looked up in the run's context)."""
        value = self.results.get(key)
        if not value:
            return None
        if not isinstance(value, str):
            return value
        return self.context.getMapLayer(value) or self.context.takeResultLayer(value)

    def cancel(self) -> None:
        self.feedback.cancel()
        self.task.cancel()


class TaskRunner(QObject):
    """Starts tasks in QGIS's task manager and keeps them referenced until they finish."""

    changed = pyqtSignal()

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._tasks: List[QgsTask] = []
        self._runs: List[AlgorithmRun] = []
        self.closed = False

    def start(self, task: QgsTask) -> QgsTask:
        """Add ``task`` to QGIS's task manager."""
        if isinstance(task, FunctionTask):
            task.runner = self
        self._tasks.append(task)
        task.taskCompleted.connect(lambda t=task: self._forget(t))
        task.taskTerminated.connect(lambda t=task: self._forget(t))
        QgsApplication.taskManager().addTask(task)
        self.changed.emit()
        return task

    def run_function(
        self, description: str, fn: Callable[[QgsTask], Any], on_done: Callback = None, on_error: Callback = None
    ) -> FunctionTask:
        """Run ``fn(task)`` in the background (see :class:`FunctionTask`). With an ``on_error`` the failure is
        reported by the caller, so QGIS (>= 3.26) does not also announce a generic "Task failed"."""
        task = FunctionTask(description, fn, on_done, on_error, silent=on_error is not None)
        self.start(task)
        return task

    def run_algorithm(
        self, alg_id: str, parameters: Dict[str, Any], on_done: Callable[[AlgorithmRun], None], description: str = ""
    ) -> AlgorithmRun:
        """Run a Processing algorithm as a task; ``on_done(run)`` on the main thread (check ``run.ok``)."""
        run = AlgorithmRun(alg_id, parameters, description)
        self._runs.append(run)

        def finished(_ok, _results, r=run):
            try:
                if not self.closed:
                    call_logged(r.alg_id, on_done, r)
            finally:
                if r in self._runs:
                    self._runs.remove(r)
                try:
                    self.changed.emit()
                except RuntimeError:
                    pass

        run.done.connect(finished)
        self.start(run.task)
        return run

    def _forget(self, task: QgsTask) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        try:
            self.changed.emit()
        except RuntimeError:  # the dock (our parent) is already gone
            pass

    def active(self) -> List[QgsTask]:
        """Tasks still running or queued."""
        return list(self._tasks)

    def cancel_all(self) -> None:
        """Cancel every task this runner started (dock unload); their callbacks no longer run."""
        self.closed = True
        for run in list(self._runs):
            run.feedback.cancel()
        for task in list(self._tasks):
            try:
                task.cancel()
            except RuntimeError:
                pass
