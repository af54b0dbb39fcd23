"""New batch request dialog: the Process dialog's extent, time, mosaicking and evalscript controls plus a tiling
grid and resolution and the S3 delivery (bucket, folder or path template, COG, optional new collection).

Before anything is sent it previews the request: the grid cells the area touches (computed by the core's
``grid_cells`` in a task, as localhub and ``byoc:batchcreate`` compute them) drawn as a temporary memory layer, their
count and pixel size and the uncompressed output size. Create runs ``byoc:batchcreate`` as a task (optionally
starting the request, which costs processing units).
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ..core.batch_grids import TILING_GRIDS, TooManyCells, grid_cells
from ..core.models import Collection
from ..processing.algorithms.batch_create import DEFAULT_PATH, GRID_IDS, _grid_labels, extent_area, output_estimate
from ..translation import tr, tr_n
from ..wording import worded_text
from .batch_layers import PreviewCell, preview_layer, remove_layer
from .connections import Connection
from .guard import guarded
from .notify import Notifier, elide
from .process_dialog import ProcessDialog, _extent_text
from .tasks import AlgorithmRun, FunctionTask, TaskRunner
from .widgets import ProgressRow

__all__ = ["BatchDialog", "MAX_PREVIEW_CELLS"]

MAX_PREVIEW_CELLS = 20000  # the same guard as batchcreate's MAX_CELLS default
SETTINGS = "byoc_qgis/gui/batch"


def size_text(size: float) -> str:
    """A byte count as MB / GB / TB."""
    for unit, factor in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6)):
        if size >= factor or unit == "MB":
            return tr("{:.1f} {}").format(size / factor, unit)
    return ""


class BatchDialog(ProcessDialog):
    """Non-modal dialog creating a batch request on one collection (see the module docstring)."""

    def __init__(
        self,
        connection: Connection,
        collection: Collection,
        runner: TaskRunner,
        notifier: Notifier,
        canvas=None,
        on_created: Optional[Callable[[str], None]] = None,
        parent=None,
    ) -> None:
        self.on_created = on_created
        self.cells: Optional[List[PreviewCell]] = None
        self.preview_error = ""
        self.preview_layer_id: Optional[str] = None
        self.preview_task: Optional[FunctionTask] = None
        self._preview_generation = 0
        self.created_id: Optional[str] = None
        super().__init__(connection, collection, runner, notifier, canvas, [], None, parent)
        self.setObjectName("ByocBatchDialog")
        self.setWindowTitle(tr("New batch request on {}").format(collection.name))
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(500)
        self._preview_timer.timeout.connect(self.preview)
        self._preview_timer.start()

    # -- building (overrides of the Process dialog) ------------------------------------------------------------------
    def _build_form(self, canvas, selected_times) -> QFormLayout:
        form = QFormLayout()
        form.addRow(tr("Area"), self._build_extent(canvas))
        form.addRow(tr("Tiling grid"), self._build_grid())
        form.addRow(tr("Time"), self._build_time(selected_times))
        for edit in (self.time_from, self.time_to):  # the whole date and time visible
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0000-00-00 00:00:00") + 60)
        form.addRow(tr("Mosaicking"), self._build_mosaicking())
        form.addRow(tr("Evalscript template"), self._build_templates())
        form.addRow(tr("Deliver to bucket"), self._build_delivery())
        form.addRow(tr("Folder or path template"), self.path)
        form.addRow("", self._build_delivery_options())
        self.description = QLineEdit(self)
        self.description.setPlaceholderText(tr("[Collection, grid and resolution]"))
        form.addRow(tr("Description"), self.description)
        return form

    def _build_grid(self) -> QHBoxLayout:
        self.grid = QComboBox(self)
        for grid_id, label in zip(GRID_IDS, _grid_labels()):
            self.grid.addItem(label, grid_id)
        self.resolution = QComboBox(self)
        self.resolution.setToolTip(tr("The resolutions the grid offers (metres; degrees for the WGS84 grid)"))
        row = QHBoxLayout()
        row.addWidget(self.grid, 1)
        row.addWidget(QLabel(tr("Resolution"), self))
        row.addWidget(self.resolution)
        self._fill_resolutions()
        return row

    def _build_delivery(self) -> QLineEdit:
        settings = QgsSettings()
        self.bucket = QLineEdit(self)
        self.bucket.setText(str(settings.value(f"{SETTINGS}/bucket", "") or self.collection.s3_bucket or ""))
        self.bucket.setPlaceholderText(tr("bucket name (the connection's S3 keys must be able to write to it)"))
        self.path = QLineEdit(self)
        self.path.setText(str(settings.value(f"{SETTINGS}/path", "") or "batch"))
        self.path.setToolTip(
            tr(
                "A folder (each request writes <folder>/<requestId>/<tileName>/<outputId>.<format>) or a template "
                "with the placeholders <requestId>, <tileName>, <outputId>, <format>, e.g. {}"
            ).format(DEFAULT_PATH)
        )
        return self.bucket

    def _build_delivery_options(self) -> QHBoxLayout:
        self.cog = QCheckBox(tr("Cloud Optimized GeoTIFF"), self)
        self.cog.setChecked(True)
        self.create_collection = QCheckBox(tr("Register the outputs as a new BYOC collection"), self)
        row = QHBoxLayout()
        row.addWidget(self.cog)
        row.addWidget(self.create_collection)
        row.addStretch(1)
        return row

    def _build_layout(self, form: QFormLayout) -> None:
        self.info = QLabel("", self)
        self.info.setObjectName("ByocBatchPreviewInfo")
        self.info.setWordWrap(True)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet("color: #b00020")
        self.format_hint = QLabel("", self)  # the Process dialog's hint: GeoTIFF holds what a script outputs
        self.format_hint.setVisible(False)
        self.progress = ProgressRow(self)
        self.show_cells = QCheckBox(tr("Show the cells on the map"), self)
        self.show_cells.setChecked(True)
        self.preview_button = QPushButton(tr("Preview cells"), self)
        self.preview_button.clicked.connect(self.preview)
        self.start_now = QCheckBox(tr("Start at once (analyse and process: uses processing units)"), self)
        self.run_button = QPushButton(tr("Create"), self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.start)
        close = QPushButton(tr("Close"), self)
        close.clicked.connect(self.close)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.info, 1)
        preview_row.addWidget(self.show_cells)
        preview_row.addWidget(self.preview_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_now)
        buttons.addStretch(1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.editor, 1)
        layout.addLayout(preview_row)
        for widget in (self.error, self.progress):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.resize(820, 760)

    def _connect_signals(self) -> None:
        self.template.currentIndexChanged.connect(self._template_changed)
        self.grid.currentIndexChanged.connect(self._fill_resolutions)
        for signal in (self.grid.currentIndexChanged, self.resolution.currentIndexChanged, self.extent.extentChanged):
            signal.connect(self._schedule_preview)
        self.editor.textChanged.connect(self.update_info)
        self.show_cells.toggled.connect(self._show_cells_toggled)

    def output_format(self) -> str:
        return "tif"  # batch delivers GeoTIFF / COG

    # -- grid and resolution -----------------------------------------------------------------------------------------
    def grid_id(self) -> int:
        return int(self.grid.currentData())

    def _fill_resolutions(self, *_args) -> None:
        grid = TILING_GRIDS[self.grid_id()]
        previous = self.resolution.currentData() if self.resolution.count() else None
        self.resolution.blockSignals(True)
        self.resolution.clear()
        unit = tr("°") if grid.unit == "DEGREE" else tr(" m")
        for res in grid.resolutions:
            self.resolution.addItem(f"{res:g}{unit}", res)
        wanted = previous if previous in grid.resolutions else self._default_resolution(grid.resolutions, grid.unit)
        self.resolution.setCurrentIndex(max(0, self.resolution.findData(wanted)))
        self.resolution.blockSignals(False)

    def _default_resolution(self, offered, unit: str) -> float:
        """The offered resolution nearest to the collection's (the coarsest on the WGS84 grid)."""
        if unit == "DEGREE":
            return max(offered)
        metres = self._default_metres()
        return min(offered, key=lambda r: (abs(r - metres), -r))

    # -- preview -----------------------------------------------------------------------------------------------------
    def _schedule_preview(self, *_args) -> None:
        timer = getattr(self, "_preview_timer", None)  # signals while the Process dialog builds: no timer yet
        if timer is not None:
            timer.start()

    def area(self):
        """(bbox, geometry, EPSG) of the chosen extent, as ``byoc:batchcreate`` reads it."""
        extent = self.extent.outputExtent()
        if extent.isEmpty():
            raise ValueError(tr("Choose an area (canvas, a layer or draw a rectangle)"))
        bbox = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]
        return extent_area(bbox, self.extent.outputCrs())

    @guarded(lambda self: tr("Batch preview"), retry=False)
    def preview(self) -> Optional[FunctionTask]:
        """Compute the grid cells of the request in a task, then show their count, size and (optionally) outline."""
        self._preview_timer.stop()
        if self.preview_task is not None and not self.preview_task.done:
            self.preview_task.cancel()
        self._preview_generation += 1
        generation = self._preview_generation
        try:
            bbox, geometry, epsg = self.area()
        except (ValueError, RuntimeError) as exc:
            self._preview_failed(generation, exc)
            return None
        grid_id, resolution = self.grid_id(), float(self.resolution.currentData())
        self.cells = None
        self.info.setText(tr("Computing the grid cells…"))

        def work(task) -> List[PreviewCell]:
            cells = grid_cells(grid_id, resolution, geometry, bbox, epsg, max_cells=MAX_PREVIEW_CELLS)
            out = []
            for cell in cells:
                if task.isCanceled():
                    break
                out.append((cell.name, cell.epsg, cell.width, cell.height, cell.wgs84_wkt()))
            return out

        self.preview_task = self.runner.run_function(
            tr("Batch preview of {}").format(self.collection.name),
            work,
            lambda cells: self._preview_done(generation, cells),
            lambda exc: self._preview_failed(generation, exc),
        )
        return self.preview_task

    def _preview_done(self, generation: int, cells: List[PreviewCell]) -> None:
        if generation != self._preview_generation:
            return
        self.cells = cells
        self.preview_error = ""
        self.update_info()
        self._show_cells_toggled()

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._preview_generation:
            return
        self.cells = None
        if isinstance(exc, TooManyCells):
            text = tr(
                "The area touches more than {} cells of this grid: choose a smaller area or a coarser grid"
            ).format(MAX_PREVIEW_CELLS)
        else:
            text = elide(worded_text(exc))
        self.preview_error = text
        self.info.setText(text)
        self._remove_preview()

    def update_info(self, *_args) -> None:
        """The count of cells, their pixel size, CRSs and the uncompressed output size."""
        if self.cells is None:
            return
        cells = self.cells
        if not cells:
            self.info.setText(tr("The area touches no cell of this grid"))
            return
        per_crs: Dict[int, int] = {}
        for cell in cells:
            per_crs[cell[1]] = per_crs.get(cell[1], 0) + 1
        crs_text = ", ".join(f"EPSG:{k} × {v}" for k, v in sorted(per_crs.items()))
        sized = [_Sized(c[2], c[3]) for c in cells]
        size = output_estimate(sized, self.editor.text())
        self.info.setText(
            tr_n(
                "%n grid cell of {} × {} px ({}); about {} uncompressed output",
                "%n grid cells of {} × {} px ({}); about {} uncompressed output",
                len(cells),
            ).format(cells[0][2], cells[0][3], crs_text, size_text(size))
        )

    def _show_cells_toggled(self, *_args) -> None:
        self._remove_preview()
        if not self.show_cells.isChecked() or not self.cells:
            return
        layer = preview_layer(self.cells, tr_n("Batch preview: %n cell", "Batch preview: %n cells", len(self.cells)))
        QgsProject.instance().addMapLayer(layer)
        self.preview_layer_id = layer.id()

    def _remove_preview(self) -> None:
        remove_layer(self.preview_layer_id)
        self.preview_layer_id = None

    def preview_layer(self):
        """The preview layer in the project, or None."""
        return QgsProject.instance().mapLayer(self.preview_layer_id) if self.preview_layer_id else None

    # -- request -----------------------------------------------------------------------------------------------------
    def parameters(self) -> Dict[str, Any]:
        """Parameters of ``byoc:batchcreate`` for the form."""
        extent, crs = self.extent.outputExtent(), self.extent.outputCrs()
        if extent.isEmpty():
            raise ValueError(tr("Choose an area (canvas, a layer or draw a rectangle)"))
        script = self.editor.text()
        if not script.strip():
            raise ValueError(tr("The evalscript is empty"))
        bucket = self.bucket.text().strip()
        if not bucket:
            raise ValueError(tr("Give the bucket the service delivers the outputs to"))
        if not self.connection.settings.s3_authcfg:
            raise ValueError(
                tr(
                    "The connection has no S3 keys: the service needs them to write to bucket {} (Edit connection…)"
                ).format(bucket)
            )
        params: Dict[str, Any] = {
            "COLLECTION": self.collection.id,
            "EXTENT": _extent_text(extent, crs),
            "GRID": GRID_IDS.index(self.grid_id()),
            "RESOLUTION": float(self.resolution.currentData()),
            "MOSAICKING": self.mosaicking.currentIndex(),
            "PRESET": 0,
            "EVALSCRIPT": script,
            "BUCKET": bucket,
            "PATH": self.path.text().strip(),
            "COG": self.cog.isChecked(),
            "CREATE_COLLECTION": self.create_collection.isChecked(),
            "DESCRIPTION": self.description.text().strip(),
            "START": self.start_now.isChecked(),
            "MAX_CELLS": MAX_PREVIEW_CELLS,
            **self.connection.algorithm_parameters(with_s3=True),
        }
        if self.use_time.isChecked():
            iso = Qt.DateFormat.ISODate
            params["TIME_FROM"] = self.time_from.dateTime().toUTC().toString(iso)
            params["TIME_TO"] = self.time_to.dateTime().toUTC().toString(iso)
        return params

    @guarded(lambda self: tr("New batch request on {}").format(self.collection.name))
    def start(self) -> Optional[AlgorithmRun]:
        """Create the request (and start it when asked) with ``byoc:batchcreate`` as a task."""
        try:
            params = self.parameters()
        except (ValueError, RuntimeError) as exc:
            self.error.setText(worded_text(exc))
            return None
        self.error.setText("")
        self.run_button.setEnabled(False)
        run = self.runner.run_algorithm(
            "byoc:batchcreate", params, self._done, tr("Create a batch request on {}").format(self.collection.name)
        )
        self.progress.bind(run.task, run.cancel, tr("Creating…"))
        self.run = run
        return run

    def _done(self, run: AlgorithmRun, *_args) -> None:
        self.progress.finish()
        self.run_button.setEnabled(True)
        title = tr("New batch request on {}").format(self.collection.name)
        if not run.ok:
            message = run.error_text() or tr("see the BYOC log")
            self.error.setText(message)
            self.notifier.error(title, message)
            return
        settings = QgsSettings()
        settings.setValue(f"{SETTINGS}/bucket", self.bucket.text().strip())
        settings.setValue(f"{SETTINGS}/path", self.path.text().strip())
        tid = str(run.results.get("TASK_ID") or "")
        self.created_id = tid
        self.notifier.success(
            title,
            tr_n(
                "Batch request {} created: %n cell, {}",
                "Batch request {} created: %n cells, {}",
                int(run.results.get("CELLS") or 0),
            ).format(tid[:8], run.results.get("STATUS") or ""),
        )
        if self.on_created is not None:
            self.on_created(tid)
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API name
        self._preview_timer.stop()
        self._preview_generation += 1  # a preview finishing later draws nothing
        if self.preview_task is not None and not self.preview_task.done:
            self.preview_task.cancel()
        self._remove_preview()
        super().closeEvent(event)


class _Sized:
    """A cell's pixel size, what :func:`output_estimate` reads."""

    __slots__ = ("width", "height")

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
