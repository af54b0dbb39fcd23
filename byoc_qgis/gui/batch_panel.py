"""The dock's Batch tab: the connection's batch requests (status, progress, processing units, age) with live
progress, and what can be done with them: New… (:class:`~.batch_dialog.BatchDialog`), Start, Stop (confirmed),
Show results (the mosaics and the cells layer), in :mod:`.batch_actions`.

The list is read when the tab is shown (or on Refresh): a hidden tab sends nothing. Listing and the live polls use
the core client in silent ``QgsTask``s, started by a single-shot timer on the schedule of
:class:`~byoc_qgis.core.batch_watch.BatchWatch` (1 s ×1.5 up to 30 s while nothing changes, sooner when a
processing request is about to end, none once no request is active): nothing waits on the main thread. Start, Stop
and Show results run the ``byoc:batchstart`` / ``byoc:batchstop`` / ``byoc:batchresults`` algorithms as tasks.
The panel works on its host (the dock) through ``connection()``, ``client()``, ``runner``, ``notifier``,
``iface``, ``selected_collection()`` and ``dialogs``.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable, Dict, List, Optional, Tuple

from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QHeaderView,
    QLabel,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.batch import BatchClient, BatchStatus, BatchTask
from ..core.batch_watch import BatchWatch
from ..core.errors import NotFoundError, is_transient
from ..core.progress import Cancelled
from ..translation import tr, tr_n
from .batch_actions import BatchActionsMixin
from .guard import guarded
from .notify import error_summary
from .tasks import FunctionTask
from .widgets import ProgressRow, never_widen

__all__ = ["BatchPanel", "age_text", "COLUMNS"]

COLUMNS = ("request", "status", "progress", "pu", "age")
STARTABLE = (BatchStatus.CREATED, BatchStatus.ANALYSIS_DONE, BatchStatus.STOPPED)
STOPPABLE = (BatchStatus.ANALYSING, BatchStatus.ANALYSIS_DONE, BatchStatus.PROCESSING)
NO_RESULTS = (BatchStatus.CREATED, BatchStatus.ANALYSING)


def age_text(created: Optional[datetime], now: Optional[datetime] = None) -> str:
    """How long ago a request was created: 40 s, 5 min, 3 h, 2 d."""
    if created is None:
        return ""
    now = now or datetime.now(timezone.utc)
    seconds = max(0, int((now - created).total_seconds()))
    if seconds < 60:
        return tr("{} s").format(seconds)
    if seconds < 3600:
        return tr("{} min").format(seconds // 60)
    if seconds < 86400:
        return tr("{} h").format(seconds // 3600)
    return tr("{} d").format(seconds // 86400)


def progress_text(task: BatchTask) -> str:
    """The completion shown in the list ("" before processing starts)."""
    if task.status in (BatchStatus.PROCESSING, BatchStatus.DONE, BatchStatus.STOPPED, BatchStatus.FAILED):
        return f"{task.completion_percentage:.0f}%"
    return ""


def _icon(name: str):
    from qgis.core import QgsApplication

    return QgsApplication.getThemeIcon(name)


class BatchPanel(BatchActionsMixin, QWidget):
    """The Batch tab of the dock (see the module docstring)."""

    def __init__(self, host, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("ByocBatchPanel")
        self.host = host
        self.tasks: Dict[str, BatchTask] = {}
        self.watch = BatchWatch()
        self.list_task: Optional[FunctionTask] = None
        self.poll_task: Optional[FunctionTask] = None
        self.polls = 0  # live polls run (tests and the status line)
        self._connection_name: Optional[str] = None
        self._stale = False  # the connection changed while the tab was hidden: list when shown
        self._poll_timer = QTimer(self)
        self._poll_timer.setSingleShot(True)
        self._poll_timer.timeout.connect(self._poll)
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(30000)
        self._age_timer.timeout.connect(self._update_ages)
        self._age_timer.start()
        self._build()
        self._update_buttons()

    @property
    def notifier(self):
        return self.host.notifier

    # -- widgets -----------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("batch_requests")
        self.tree.setHeaderLabels([tr("Request"), tr("Status"), tr("%"), tr("PU"), tr("Age")])
        self.tree.headerItem().setToolTip(2, tr("Completion: the share of grid cells processed"))
        self.tree.headerItem().setToolTip(3, tr("Processing units spent"))
        header = self.tree.header()  # the request's name takes what the narrow dock leaves: no horizontal scrolling
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.tree, 1)
        bar = QToolBar(self)
        bar.setIconSize(bar.iconSize() * 0.8)
        self.act_refresh = self._action(bar, "/mActionRefresh.svg", tr("Refresh batch requests"), self.refresh)
        self.act_new = self._action(bar, "/mActionAdd.svg", tr("New batch request…"), self.open_new)
        bar.addSeparator()
        self.act_start = self._action(bar, "/temporal_navigation/forward.svg", tr("Start"), self.on_start)
        self.act_stop = self._action(bar, "/mTaskCancel.svg", tr("Stop…"), self.on_stop)
        self.act_results = self._action(bar, "/mActionAddRasterLayer.svg", tr("Show results"), self.on_results)
        layout.addWidget(bar)
        self.status = QLabel(tr("Batch requests of the connection: Refresh to list them."), self)
        self.status.setObjectName("batch_status")
        self.status.setWordWrap(True)
        never_widen(self.status)
        layout.addWidget(self.status)
        self.progress = ProgressRow(self)  # Show results of a large request: progress and Cancel
        layout.addWidget(self.progress)

    def _action(self, bar: QToolBar, icon: str, text: str, slot: Callable):
        action = bar.addAction(_icon(icon), text)
        action.triggered.connect(lambda *_a: slot())
        return action

    def _update_buttons(self, *_args) -> None:
        conn = self.host.connection()
        task = self.selected_task()
        status = task.status if task is not None else None
        self.act_refresh.setEnabled(conn is not None)
        self.act_new.setEnabled(conn is not None)
        self.act_start.setEnabled(task is not None and status in STARTABLE)
        self.act_stop.setEnabled(task is not None and status in STOPPABLE)
        self.act_results.setEnabled(task is not None and bool(task.delivery_url) and status not in NO_RESULTS)

    # -- state -------------------------------------------------------------------------------------------------------
    def selected_task(self) -> Optional[BatchTask]:
        items = self.tree.selectedItems()
        return self.tasks.get(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def select_task(self, task_id: str) -> bool:
        item = self._item(task_id)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        item.setSelected(True)
        return True

    def rows(self) -> List[List[str]]:
        """The list as shown: [id, request, status, progress, PU, age] per row."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            out.append([item.data(0, Qt.ItemDataRole.UserRole)] + [item.text(c) for c in range(len(COLUMNS))])
        return out

    def _item(self, task_id: str) -> Optional[QTreeWidgetItem]:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == task_id:
                return item
        return None

    def _batch(self) -> BatchClient:
        return BatchClient.of(self.host.client())

    # -- connection --------------------------------------------------------------------------------------------------
    def connection_changed(self) -> None:
        """The dock's connection changed: forget the list and list the new connection's requests."""
        conn = self.host.connection()
        self._connection_name = conn.name if conn is not None else None
        self._stop_polling()
        self.tasks.clear()
        self.tree.clear()
        self.watch = BatchWatch()
        if conn is None:
            self.status.setText(tr("No connection."))
            self._update_buttons()
            return
        # listed when the tab is shown: no request (nor a second error beside the collections') before that
        self._stale = not self.isVisible()
        if self._stale:
            self.status.setText(tr("Batch requests of the connection: Refresh to list them."))
            self._update_buttons()
        else:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API name
        super().showEvent(event)
        if self._stale and self.host.connection() is not None:
            self._stale = False
            QTimer.singleShot(0, self.refresh)

    # -- listing and live progress -----------------------------------------------------------------------------------
    @guarded(lambda self: tr("Batch requests"))
    def refresh(self, select: Optional[str] = None) -> Optional[FunctionTask]:
        """List the connection's batch requests (newest first) in the background."""
        conn = self.host.connection()
        if conn is None:
            return None
        if self.list_task is not None and not self.list_task.done:
            self.list_task.cancel()
        self._stale = False
        batch = self._batch()
        selected = self.selected_task()
        previous = select or (selected.id if selected is not None else None)

        def work(task) -> List[BatchTask]:
            return list(batch.iter_tasks(sort="created:desc", cancel=task.isCanceled))

        def done(tasks: List[BatchTask]) -> None:
            conn_now = self.host.connection()
            if conn_now is None or conn_now.name != conn.name:
                return
            self._show_tasks(tasks, previous)
            self.watch.observe(tasks, complete=True)
            self._schedule()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                return  # superseded by a newer list
            self.status.setText(tr("Batch requests could not be listed (see the message bar)."))
            self.status.setToolTip(error_summary(exc))
            self.notifier.error(tr("Batch requests of {}").format(conn.name), exc, retry=lambda: self.refresh())

        self.status.setText(tr("Listing batch requests…"))
        self.list_task = self.host.runner.run_function(tr("Listing batch requests"), work, done, failed)
        return self.list_task

    def _show_tasks(self, tasks: List[BatchTask], select: Optional[str]) -> None:
        self.tree.clear()
        self.tasks = {}
        for task in tasks:
            self._show_task(task)
        if select:
            self.select_task(select)
        self._status_line()
        self._update_buttons()

    def _show_task(self, task: BatchTask) -> None:
        """Add or update the row of ``task``."""
        self.tasks[task.id] = task
        item = self._item(task.id)
        if item is None:
            item = QTreeWidgetItem()
            item.setData(0, Qt.ItemDataRole.UserRole, task.id)
            self.tree.addTopLevelItem(item)
        cost = task.cost_pu
        texts = [
            task.description or task.id[:8],
            task.status_text,
            progress_text(task),
            "" if cost is None else f"{cost:.1f}",
            age_text(task.created),
        ]
        for col, text in enumerate(texts):
            item.setText(col, text)
        for col in (2, 3, 4):
            item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tip = tr("{}\nid {}\nstatus {}").format(task.description, task.id, task.status_text)
        if task.delivery_url:
            tip += "\n" + tr("delivered to {}").format(task.delivery_url)
        if task.error:
            tip += "\n" + tr("error: {}").format(task.error)
            item.setText(1, tr("{} (see tooltip)").format(task.status_text))
        for col in range(len(COLUMNS)):
            item.setToolTip(col, tip)

    def _update_ages(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            task = self.tasks.get(item.data(0, Qt.ItemDataRole.UserRole))
            if task is not None:
                item.setText(4, age_text(task.created))

    def _status_line(self, extra: str = "") -> None:
        conn = self.host.connection()
        active = len(self.watch.active_ids())
        text = tr_n("%n batch request on {}", "%n batch requests on {}", len(self.tasks)).format(
            conn.name if conn else ""
        )
        if active:
            text += " — " + tr_n("%n running (live)", "%n running (live)", active)
        if extra:
            text += " — " + extra
        self.status.setText(text)
        self.status.setToolTip("")

    def _schedule(self) -> None:
        """Poll the active requests again after the watch's delay (nothing when none is active)."""
        if self.poll_task is not None and not self.poll_task.done:
            return  # the running poll schedules the next one
        delay = self.watch.next_delay()
        if delay is None:
            self._poll_timer.stop()
            return
        self._poll_timer.start(int(delay * 1000))

    def _stop_polling(self) -> None:
        self._poll_timer.stop()
        if self.poll_task is not None and not self.poll_task.done:
            self.poll_task.cancel()
        self.poll_task = None

    def _poll(self) -> None:
        conn = self.host.connection()
        ids = self.watch.active_ids()
        if conn is None or not ids:
            return
        try:
            batch = self._batch()
        except Exception as exc:  # noqa: BLE001 - a locked auth database: said once, polling stops
            self.notifier.error(tr("Batch requests of {}").format(conn.name), exc, retry=lambda: self.refresh())
            return

        def work(task) -> Tuple[List[BatchTask], List[str]]:
            found, gone = [], []
            for tid in ids:
                try:
                    found.append(batch.get_task(tid, cancel=task.isCanceled))
                except NotFoundError:  # deleted meanwhile (a definite 404)
                    gone.append(tid)
            return found, gone

        def done(result: Tuple[List[BatchTask], List[str]]) -> None:
            self.poll_task = None
            self.polls += 1
            conn_now = self.host.connection()
            if conn_now is None or conn_now.name != conn.name:
                return
            found, gone = result
            for tid in gone:
                self.watch.forget(tid)
                self.tasks.pop(tid, None)
                item = self._item(tid)
                if item is not None:
                    self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
            for task in found:
                self._show_task(task)
            self.watch.observe(found)
            self._status_line()
            self._update_buttons()
            self._schedule()

        def failed(exc: BaseException) -> None:
            self.poll_task = None
            if isinstance(exc, Cancelled):
                return  # the connection changed or the dock closes
            if is_transient(exc):  # no connection, 5xx, 429: keep following, more slowly
                self._status_line(tr("live progress paused: {}").format(error_summary(exc)))
                self._schedule()
                return
            self._status_line(tr("live progress stopped (see the message bar)"))
            self.notifier.error(tr("Batch requests of {}").format(conn.name), exc, retry=lambda: self.refresh())

        self.poll_task = self.host.runner.run_function(tr("Following batch requests"), work, done, failed)

    # -- unload ------------------------------------------------------------------------------------------------------
    def close_panel(self) -> None:
        """Stop the timers and the live polls (dock unload)."""
        self._age_timer.stop()
        self._stop_polling()
        self.progress.finish()
        if self.list_task is not None and not self.list_task.done:
            self.list_task.cancel()
