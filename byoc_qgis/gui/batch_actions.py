"""What the dock's Batch tab does with a request: New… (:class:`~.batch_dialog.BatchDialog`), Start, Stop
(confirmed) and Show results (the mosaics and the cells layer), each as a ``byoc:batch*`` algorithm run as a task.

A mixin of :class:`~.batch_panel.BatchPanel`: it uses the panel's ``host`` (the dock: ``connection()``,
``selected_collection()``, ``runner``, ``iface``, ``dialogs``), ``notifier``, ``tasks``, ``selected_task()``,
``watch``, ``progress`` and ``refresh()``.
"""

from __future__ import annotations

import tempfile
from typing import Callable, Optional

from qgis.core import QgsRasterLayer
from qgis.PyQt.QtWidgets import QMessageBox

from ..core.batch import BatchTask
from ..processing.result_style import mask_no_data, single_output_script
from ..translation import tr, tr_n
from .batch_dialog import BatchDialog
from .batch_layers import style_cells_layer
from .guard import guarded
from .layer_tree import insert_below_connection
from .tasks import AlgorithmRun

__all__ = ["BatchActionsMixin"]


class BatchActionsMixin:
    """New, Start, Stop and Show results of the Batch tab."""

    # -- new ---------------------------------------------------------------------------------------------------------
    @guarded(lambda self: tr("New batch request"), retry=False)
    def open_new(self) -> Optional[BatchDialog]:
        """Open the (non-modal) New batch request dialog for the dock's selected collection."""
        conn, col = self.host.connection(), self.host.selected_collection()
        if conn is None:
            return None
        if col is None:
            self.notifier.info(
                tr("New batch request"), tr("Select the collection to process in the Collections tab first")
            )
            return None
        iface = self.host.iface
        canvas = iface.mapCanvas() if iface is not None else None
        dialog = BatchDialog(
            conn, col, self.host.runner, self.notifier, canvas, lambda tid: self.refresh(select=tid), self
        )
        self.host.dialogs.append(dialog)
        dialog.show()
        return dialog

    # -- start / stop ------------------------------------------------------------------------------------------------
    def _task_or_selected(self, task_id: Optional[str]) -> Optional[BatchTask]:
        if task_id:
            return self.tasks.get(task_id) or BatchTask({"id": task_id})
        return self.selected_task()

    def _title(self, task: BatchTask) -> str:
        return tr("Batch request {}").format(task.description or task.id[:8])

    def _run(self, alg: str, params: dict, task: BatchTask, done: Callable[[AlgorithmRun], None], what: str):
        conn = self.host.connection()
        if conn is None:
            return None
        full = {"TASK_ID": task.id, **params, **conn.algorithm_parameters(with_s3=alg == "byoc:batchresults")}
        return self.host.runner.run_algorithm(alg, full, done, what)

    @guarded(lambda self: tr("Start batch request"), retry=False)
    def on_start(self):
        return self.start()

    @guarded(lambda self: tr("Start batch request"))
    def start(self, task_id: Optional[str] = None) -> Optional[AlgorithmRun]:
        """Start a request (``byoc:batchstart``): a new one is analysed then processed, a stopped one resumes."""
        task = self._task_or_selected(task_id)
        if task is None:
            return None
        title = self._title(task)

        def done(run: AlgorithmRun) -> None:
            if run.ok:
                self.notifier.success(title, tr("Started: {}").format(run.results.get("STATUS") or ""))
            else:
                self.notifier.error(title, run.error_text() or tr("see the BYOC log"))
            self._after_action(task.id)

        return self._run("byoc:batchstart", {}, task, done, tr("Starting {}").format(title))

    @guarded(lambda self: tr("Stop batch request"), retry=False)
    def on_stop(self):
        return self.stop(confirm=self._confirm_stop)

    def _confirm_stop(self, task: BatchTask) -> bool:
        answer = QMessageBox.question(
            self,
            tr("Stop batch request"),
            tr(
                "Stop batch request “{}” ({}, {:.0f}% done)?\n\nCells already processed stay delivered and are "
                "charged; the request can be started again later (Sentinel Hub allows it 30 minutes after a stop)."
            ).format(task.description or task.id, task.status_text, task.completion_percentage),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @guarded(lambda self: tr("Stop batch request"))
    def stop(self, confirm: Callable[[BatchTask], bool], task_id: Optional[str] = None) -> Optional[AlgorithmRun]:
        """Stop a request (``byoc:batchstop``) after ``confirm(task)``."""
        task = self._task_or_selected(task_id)
        if task is None or not confirm(task):
            return None
        title = self._title(task)

        def done(run: AlgorithmRun) -> None:
            if run.ok:
                self.notifier.info(title, tr("Stopped: {}").format(run.results.get("STATUS") or ""))
            else:
                self.notifier.error(title, run.error_text() or tr("see the BYOC log"))
            self._after_action(task.id)

        return self._run("byoc:batchstop", {"CONFIRM": True}, task, done, tr("Stopping {}").format(title))

    def _after_action(self, task_id: str) -> None:
        """Follow the request from now on: a quick poll through a fresh list."""
        self.watch.reset()
        self.refresh(select=task_id)

    # -- results -----------------------------------------------------------------------------------------------------
    @guarded(lambda self: tr("Batch results"), retry=False)
    def on_results(self):
        return self.show_results()

    @guarded(lambda self: tr("Batch results"))
    def show_results(self, task_id: Optional[str] = None) -> Optional[AlgorithmRun]:
        """Add what a request delivered (``byoc:batchresults``): a VRT mosaic per output over /vsis3/ and the grid
        cells with their status, below the connection's group."""
        task = self._task_or_selected(task_id)
        if task is None:
            return None
        title = self._title(task)
        conn = self.host.connection()
        params = {
            "FOLDER": tempfile.mkdtemp(prefix="byoc_batch_"),
            "CELLS": "TEMPORARY_OUTPUT",
            "OUTPUT_CRS": "EPSG:4326",
        }

        def done(run: AlgorithmRun) -> None:
            self.progress.finish()
            if not run.ok:
                self.notifier.error(title, run.error_text() or tr("see the BYOC log"))
                return
            added = self._add_results(run, task, conn.name if conn is not None else None)
            self.notifier.success(
                title,
                tr_n(
                    "%n mosaic and the cells layer added: {} delivered, {} failed",
                    "%n mosaics and the cells layer added: {} delivered, {} failed",
                    int(added or 0),
                ).format(
                    tr_n("{} of %n cell", "{} of %n cells", int(run.results.get("TOTAL") or 0)).format(
                        int(run.results.get("DELIVERED") or 0)
                    ),
                    int(run.results.get("FAILED") or 0),
                ),
            )

        run = self._run("byoc:batchresults", params, task, done, tr("Results of {}").format(title))
        if run is not None:
            self.progress.bind(run.task, run.cancel, tr("Reading the results of {}…").format(title))
        return run

    @staticmethod
    def _add_results(run: AlgorithmRun, task: BatchTask, connection: Optional[str]) -> int:
        names = {}
        try:
            names = {path: details.name for path, details in run.context.layersToLoadOnCompletion().items()}
        except (AttributeError, TypeError):
            pass
        added = 0
        for path in run.results.get("LAYERS") or []:
            layer = QgsRasterLayer(path, names.get(path) or tr("batch {}").format(task.id[:8]), "gdal")
            if layer.isValid():
                mask_no_data(layer, single_output_script(task.request))  # no data, and no cell: transparent
                insert_below_connection(layer, connection)
                added += 1
        cells = run.layer("CELLS")
        if cells is not None:
            cells.setName(tr("batch {} cells").format(task.id[:8]))
            style_cells_layer(cells)
            insert_below_connection(cells, connection)
        return added
