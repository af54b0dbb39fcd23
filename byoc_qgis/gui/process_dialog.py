"""Process dialog: extent (canvas, a layer or a drawn rectangle), resolution in metres or a pixel size, time range,
mosaicking order, an evalscript editor with templates from the collection's bands, output format. Runs the
``byoc:processrequest`` algorithm as a task (it splits requests over 2500 px) and adds the result as a raster layer.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List, Optional, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer, QgsRectangle
from qgis.gui import QgsCodeEditorJavascript, QgsDateTimeEdit, QgsExtentWidget, QgsFileWidget
from qgis.PyQt.QtCore import QDateTime, Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ..core import evalscripts, process_plan
from ..core.evalscripts import TEMPLATES, default_bands, template_script
from ..core.models import Collection
from ..core.result_layers import comment_title, unique_name
from ..processing.crs import crs_definition, main_thread_crs
from ..translation import tr, tr_n
from ..wording import worded_text
from .connections import Connection
from .guard import guarded
from .notify import Notifier, elide
from .process_results import describe_result, dialog_state, mask_no_data, new_result_path, results_folder
from .result_group import add_to_collection_group
from .tasks import AlgorithmRun, TaskRunner
from .widgets import ProgressRow

__all__ = ["ProcessDialog", "plan_request", "format_hint"]

FORMATS = (("GeoTIFF", "tif"), ("PNG", "png"), ("JPEG", "jpg"))


def _template_label(key: str) -> str:
    return {
        "true": tr("True colour"),
        "false": tr("False colour"),
        "ndi": tr("Normalized difference"),
        "single": tr("Single band"),
        "all": tr("All bands"),
    }[key]


def format_hint(script: str, fmt: str) -> str:
    """An inline hint when the script's outputs do not fit output format ``fmt`` ("" when they do)."""
    label = dict((ext, name) for name, ext in FORMATS).get(fmt, fmt)
    texts = []
    for issue in evalscripts.format_issues(script, fmt):
        if issue.kind == "sampleType":
            texts.append(
                tr(
                    "{0} holds only {1} samples but the evalscript outputs sampleType {2}: use sampleType AUTO "
                    "with values scaled to 0..1 (or insert the template again), or choose GeoTIFF."
                ).format(label, issue.accepted, issue.found)
            )
        else:
            texts.append(
                tr(
                    "{0} takes {1} bands but the evalscript outputs {2}: change the output's bands or choose GeoTIFF."
                ).format(label, issue.accepted, issue.found)
            )
    return " ".join(texts)


def plan_request(
    extent: QgsRectangle, extent_crs: QgsCoordinateReferenceSystem, metres: Optional[float], size: Tuple[int, int]
) -> Dict[str, Any]:
    """The core's plan (:func:`~byoc_qgis.core.process_plan.plan_request`) for a QGIS extent, with the request CRS
    as a QGIS object made on the main thread: ``{"crs", "params", "width", "height", "parts"}``."""
    bbox = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
    plan = process_plan.plan_request(bbox, crs_definition(extent_crs) if extent_crs.isValid() else None, metres, size)
    crs = main_thread_crs(plan.authid)
    return {"crs": crs, "params": plan.params, "width": plan.width, "height": plan.height, "parts": plan.parts}


def _extent_text(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem) -> str:
    return f"{extent.xMinimum()!r},{extent.xMaximum()!r},{extent.yMinimum()!r},{extent.yMaximum()!r} [{crs.authid()}]"


class ProcessDialog(QDialog):
    """Non-modal Process API dialog for one collection."""

    def __init__(
        self,
        connection: Connection,
        collection: Collection,
        runner: TaskRunner,
        notifier: Notifier,
        canvas=None,
        selected_times: Optional[List[datetime]] = None,
        on_layer: Optional[Callable[[QgsRasterLayer], None]] = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.connection = connection
        self.collection = collection
        self.runner = runner
        self.notifier = notifier
        self.canvas = canvas
        self.on_layer = on_layer
        self.run: Optional[AlgorithmRun] = None
        self.result_layer: Optional[QgsRasterLayer] = None
        self._generated = ""  # the last inserted template, to tell an unedited script from an edited one
        self._generated_from: Tuple[str, List[str]] = ("", [])
        self._choosing_bands = False  # while a template's default bands are put into the band boxes
        self.setObjectName("ByocProcessDialog")
        self.setWindowTitle(tr("Process {}").format(collection.name))
        self.setModal(False)
        self._build_layout(self._build_form(canvas, selected_times or []))
        self._connect_signals()
        self._start_script()

    # -- building ----------------------------------------------------------------------------------------------------
    def _build_form(self, canvas, selected_times: List[datetime]) -> QFormLayout:
        """The form's rows (the batch dialog builds its own from the same controls)."""
        form = QFormLayout()
        form.addRow(tr("Extent"), self._build_extent(canvas))
        form.addRow(tr("Resolution"), self._build_resolution())
        form.addRow(tr("Time"), self._build_time(selected_times))
        form.addRow(tr("Mosaicking"), self._build_mosaicking())
        form.addRow(tr("Evalscript template"), self._build_templates())
        self._build_output()
        form.addRow(tr("Format"), self.format)
        form.addRow(tr("Save to"), self.output)
        return form

    def _build_mosaicking(self) -> QComboBox:
        self.mosaicking = QComboBox(self)
        self.mosaicking.addItem(tr("Most recent on top"), "mostRecent")
        self.mosaicking.addItem(tr("Least recent on top"), "leastRecent")
        return self.mosaicking

    def _build_extent(self, canvas) -> QgsExtentWidget:
        self.extent = QgsExtentWidget(self)
        if canvas is not None:
            self.extent.setMapCanvas(canvas)
            crs = canvas.mapSettings().destinationCrs()
            self.extent.setOutputCrs(crs)
            self.extent.setCurrentExtent(canvas.extent(), crs)
            self.extent.setOutputExtentFromCurrent()
        return self.extent

    def _build_resolution(self) -> QHBoxLayout:
        self.res_mode = QComboBox(self)
        self.res_mode.addItem(tr("Metres per pixel"), "metres")
        self.res_mode.addItem(tr("Pixel size (width × height)"), "pixels")
        self.metres = QDoubleSpinBox(self)
        self.metres.setRange(0.01, 100000.0)
        self.metres.setDecimals(2)
        self.metres.setValue(float(self._default_metres()))
        self.metres.setSuffix(tr(" m"))
        self.width_px = QSpinBox(self)
        self.height_px = QSpinBox(self)
        for box in (self.width_px, self.height_px):
            box.setRange(1, 100000)
            box.setValue(512)
        row = QHBoxLayout()
        for widget in (self.res_mode, self.metres, self.width_px, QLabel("×", self), self.height_px):
            row.addWidget(widget)
        return row

    def _build_time(self, selected_times: List[datetime]) -> QHBoxLayout:
        self.use_time = QCheckBox(tr("Only tiles sensed between"), self)
        self.time_from = QgsDateTimeEdit(self)
        self.time_to = QgsDateTimeEdit(self)
        for w in (self.time_from, self.time_to):
            w.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
            w.setTimeSpec(Qt.TimeSpec.UTC)
            w.setMinimumWidth(w.fontMetrics().horizontalAdvance("2000-00-00 00:00:00") + 64)  # + clear, arrow
        self._default_times(selected_times)
        row = QHBoxLayout()
        for widget in (self.use_time, self.time_from, QLabel(tr("and"), self), self.time_to):
            row.addWidget(widget)
        return row

    def _build_templates(self) -> QHBoxLayout:
        self.template = QComboBox(self)
        for key in TEMPLATES:
            self.template.addItem(_template_label(key), key)
        self.band_boxes = [QComboBox(self) for _ in range(3)]
        for box in self.band_boxes:
            box.addItems(list(self.collection.bands))
        self.insert_button = QPushButton(tr("Insert template"), self)
        self.insert_button.clicked.connect(self.insert_template)
        row = QHBoxLayout()
        for widget in (self.template, *self.band_boxes, self.insert_button):
            row.addWidget(widget)
        self.editor = QgsCodeEditorJavascript(self)
        self.editor.setMinimumHeight(180)
        return row

    def _build_output(self) -> None:
        self.format = QComboBox(self)
        for label, ext in FORMATS:
            self.format.addItem(label, ext)
        self.output = QgsFileWidget(self)
        self.output.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output.setFilter(tr("GeoTIFF (*.tif);;PNG (*.png);;JPEG (*.jpg)"))
        self.output.lineEdit().setPlaceholderText(tr("[Save in {}]").format(results_folder()))
        self.output.setDefaultRoot(results_folder())

    def _build_layout(self, form: QFormLayout) -> None:
        self.info = QLabel("", self)
        self.info.setWordWrap(True)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet("color: #b00020")
        self.format_hint = QLabel("", self)
        self.format_hint.setObjectName("ByocProcessFormatHint")
        self.format_hint.setWordWrap(True)
        self.format_hint.setStyleSheet("color: #8a5a00")
        self.format_hint.setVisible(False)
        self.progress = ProgressRow(self)
        self.run_button = QPushButton(tr("Run"), self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.start)
        close = QPushButton(tr("Close"), self)
        close.clicked.connect(self.close)
        self.live_button = QPushButton(tr("Add as live view"), self)
        self.live_button.setToolTip(
            tr(
                "Add the collection to the map as a layer drawn through the Process API at any zoom, with this "
                "evalscript, time range and mosaicking order. Nothing is requested until the map shows it."
            )
        )
        self.live_button.clicked.connect(self.add_live_view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.live_button)
        buttons.addStretch(1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.editor, 1)
        for widget in (self.info, self.format_hint, self.error, self.progress):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.resize(820, 720)

    def _connect_signals(self) -> None:
        self.template.currentIndexChanged.connect(self._template_changed)
        for box in self.band_boxes:
            box.currentIndexChanged.connect(self._bands_changed)
        self.res_mode.currentIndexChanged.connect(self._res_changed)
        for signal in (
            self.metres.valueChanged,
            self.width_px.valueChanged,
            self.height_px.valueChanged,
            self.format.currentIndexChanged,
            self.extent.extentChanged,
        ):
            signal.connect(self.update_info)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.editor.textChanged.connect(self.update_format_hint)
        self._res_changed()

    def _start_script(self) -> None:
        band_names = list(self.collection.bands)
        if band_names:
            self.template.setCurrentIndex(TEMPLATES.index("true" if len(band_names) >= 3 else "single"))
            self._template_changed()  # the editor is empty: the template goes in
        else:
            self.editor.setText("//VERSION=3\n")
            self.info.setText(tr("The collection has no bands yet (no tile ingested): write the evalscript yourself."))
            self._ask_for_bands()

    def _ask_for_bands(self) -> None:
        """A collection listed before its first tile was ingested has no bands in the dock's list: ask the service
        again in the background, so the band boxes and the template come from what ingestion found."""
        client = self.connection.client()  # main thread: reads the auth manager
        collection_id = self.collection.id

        def work(_task) -> Collection:
            try:
                return client.byoc.get_collection(collection_id)
            finally:
                client.close()

        def fallback(_exc: BaseException) -> None:  # the dialog works without: the user writes the script
            return None

        self.bands_task = self.runner.run_function(tr("Bands of {}").format(self.collection.name), work,
                                                   self._bands_known, fallback)  # fmt: skip

    def _bands_known(self, fresh: Collection) -> None:
        if not fresh.bands or self.collection.bands:
            return
        unedited = self.script_unedited()
        self.collection = fresh
        for box in self.band_boxes:
            box.blockSignals(True)
            box.clear()
            box.addItems(list(fresh.bands))
            box.blockSignals(False)
        if not self.use_time.isChecked():
            self._default_times([])  # the collection's sensing times are known now too
        self.info.setText("")
        if unedited:
            self._start_script()
        self.update_info()

    # -- defaults ----------------------------------------------------------------------------------------------------
    def _default_metres(self) -> float:
        mpp = self.collection.additional_data.get("maxMetersPerPixel")
        return 10.0 if not mpp else max(10.0, min(float(mpp) / 5.0, 1000.0))

    def _default_times(self, times: List[datetime]) -> None:
        times = [t for t in times if t is not None]
        if times:
            start, end = min(times), max(times) + timedelta(seconds=1)
            self.use_time.setChecked(True)
        else:
            start = self.collection.from_sensing_time
            end = self.collection.to_sensing_time
            self.use_time.setChecked(False)
            if start is None or end is None:
                now = datetime.now(timezone.utc)
                start, end = now - timedelta(days=365), now
            end = end + timedelta(seconds=1)
        self.time_from.setDateTime(QDateTime.fromMSecsSinceEpoch(int(start.timestamp() * 1000), Qt.TimeSpec.UTC))
        self.time_to.setDateTime(QDateTime.fromMSecsSinceEpoch(int(end.timestamp() * 1000), Qt.TimeSpec.UTC))

    def _res_changed(self, *_args) -> None:
        metres = self.res_mode.currentData() == "metres"
        self.metres.setVisible(metres)
        self.width_px.setVisible(not metres)
        self.height_px.setVisible(not metres)
        self.update_info()

    def _template_changed(self, *_args) -> None:
        """The template's default bands; an unedited script (empty, or the last inserted template) is replaced by
        the chosen template at once, an edited one waits for "Insert template"."""
        key = self.template.currentData()
        chosen = default_bands(list(self.collection.bands), key)
        self._choosing_bands = True
        try:
            for i, box in enumerate(self.band_boxes):
                box.setVisible(i < len(chosen))
                if i < len(chosen):
                    box.setCurrentText(chosen[i])
        finally:
            self._choosing_bands = False
        if self.script_unedited():
            self.insert_template()

    def _bands_changed(self, *_args) -> None:
        if not self._choosing_bands and self.script_unedited():
            self.insert_template()

    def script_unedited(self) -> bool:
        """True when the editor holds nothing of the user's: empty, only ``//VERSION=3``, or the last template."""
        text = self.editor.text()
        return not text.strip() or text.strip() == "//VERSION=3" or (bool(self._generated) and text == self._generated)

    def insert_template(self) -> None:
        """Replace the editor's text with the chosen template for the chosen bands."""
        key = self.template.currentData()
        n = len(default_bands(list(self.collection.bands), key))
        self._insert(key, [box.currentText() for box in self.band_boxes[:n]])

    def _insert(self, key: str, bands: List[str]) -> None:
        try:
            script = template_script(self.collection, key, bands, self.output_format())
        except ValueError as exc:
            self.error.setText(worded_text(exc))
            return
        self._generated, self._generated_from = script, (key, bands)
        self.editor.setText(script)
        self.error.setText("")
        self.update_format_hint()

    def output_format(self) -> str:
        """The output format's extension (tif, png, jpg): what the generated evalscripts must fit."""
        return self.format.currentData()

    def _format_changed(self, *_args) -> None:
        """A generated, unedited script follows the format (8-bit for JPEG); an edited one gets a hint."""
        if self._generated and self.editor.text() == self._generated:
            self._insert(*self._generated_from)
        else:
            self.update_format_hint()

    def update_format_hint(self, *_args) -> None:
        """Show what the script outputs that the chosen format cannot hold, before running."""
        hint = format_hint(self.editor.text(), self.output_format())
        self.format_hint.setText(hint)
        self.format_hint.setVisible(bool(hint))

    # -- request -----------------------------------------------------------------------------------------------------
    def plan(self) -> Dict[str, Any]:
        extent = self.extent.outputExtent()
        crs = self.extent.outputCrs()
        if extent.isEmpty():
            raise ValueError(tr("Choose an extent (canvas, a layer or draw a rectangle)"))
        metres = self.metres.value() if self.res_mode.currentData() == "metres" else None
        return plan_request(extent, crs, metres, (self.width_px.value(), self.height_px.value()))

    def update_info(self, *_args) -> None:
        try:
            plan = self.plan()
        except Exception as exc:  # noqa: BLE001 - e.g. a transform error for an odd extent: said, not raised
            self.info.setText(elide(str(exc)))
            return
        text = tr("{} × {} px in {}").format(plan["width"], plan["height"], plan["crs"].authid())
        if plan["parts"] > 1:
            if self.format.currentData() == "tif":
                text += " — " + tr_n(
                    "split automatically into %n request of at most 2500 px",
                    "split automatically into %n requests of at most 2500 px",
                    plan["parts"],
                )
            else:
                text += " — " + tr("too large for PNG/JPEG (2500 px at most): choose GeoTIFF or a coarser resolution")
        self.info.setText(text)

    def parameters(self) -> Dict[str, Any]:
        """Parameters of ``byoc:processrequest`` for the form."""
        plan = self.plan()
        extent, crs = self.extent.outputExtent(), self.extent.outputCrs()
        ext = self.format.currentData()
        path = self.output.filePath().strip()
        if not path:
            path = new_result_path(ext, self.collection.name)  # kept: the chosen folder or next to the project
        elif not path.lower().endswith("." + ext):
            path += "." + ext
        script = self.editor.text()
        if not script.strip():
            raise ValueError(tr("The evalscript is empty"))
        params: Dict[str, Any] = {
            "COLLECTION": self.collection.id,
            "EXTENT": _extent_text(extent, crs),
            "MOSAICKING": self.mosaicking.currentIndex(),
            "PRESET": 0,
            "EVALSCRIPT": script,
            "FORMAT": self.format.currentIndex(),
            "OUTPUT": path,
            **plan["params"],
            **self.connection.algorithm_parameters(),
        }
        if self.use_time.isChecked():
            iso = Qt.DateFormat.ISODate
            params["TIME_FROM"] = self.time_from.dateTime().toUTC().toString(iso)
            params["TIME_TO"] = self.time_to.dateTime().toUTC().toString(iso)
        return params

    def script_title(self) -> str:
        """What the script in the editor is: the inserted template (with its bands) while unedited, else the
        script's own first comment, else "Custom evalscript"."""
        script = self.editor.text()
        if self._generated and script == self._generated:
            key, bands = self._generated_from
            label = _template_label(key)
            return f"{label} ({', '.join(bands)})" if bands and key != "all" else label
        return comment_title(script) or tr("Custom evalscript")

    def layer_name(self) -> str:
        """The result's name (before it is made unique): what the script is, and the time range; the collection
        names the layer-tree group the result goes into."""
        parts = [self.script_title()]
        if self.use_time.isChecked():
            a = self.time_from.dateTime().toUTC().toString("yyyy-MM-dd")
            b = self.time_to.dateTime().toUTC().toString("yyyy-MM-dd")
            parts.append(a if a == b else f"{a}…{b}")
        return " — ".join(parts)

    @guarded(lambda self: tr("Live view of {}").format(self.collection.name))
    def add_live_view(self, *_args):
        """Add the collection as a live view layer (this form's evalscript, time range, mosaicking order); no Process
        request is run now. Returns the layer (None when the form cannot be shown live: the reason is shown)."""
        from ..live.dialog_action import add_live_view_from

        try:
            layer = add_live_view_from(self)
        except ValueError as exc:
            self.error.setText(worded_text(exc))
            return None
        self.error.setText("")
        self.live_layer = layer
        self.notifier.success(tr("Live view added"), layer.name())
        return layer

    @guarded(lambda self: tr("Process {}").format(self.collection.name))
    def start(self) -> Optional[AlgorithmRun]:
        """Run the request as a task."""
        try:
            params = self.parameters()
        except (ValueError, RuntimeError) as exc:
            self.error.setText(worded_text(exc))
            return None
        self.error.setText("")
        self.run_button.setEnabled(False)
        name = self.layer_name()
        self.last_state = dialog_state(self)  # recorded on the result (metadata, Process again…)
        script = params["EVALSCRIPT"]
        description = tr("Process request on {}: {}").format(self.collection.name, name)
        run = self.runner.run_algorithm(
            "byoc:processrequest", params, lambda r: self._done(r, name, script), description
        )
        self.progress.bind(run.task, run.cancel, tr("Requesting…"))
        self.run = run
        return run

    def _done(self, run: AlgorithmRun, name: str, script: str = "") -> None:
        self.progress.finish()
        self.run_button.setEnabled(True)
        title = tr("Process {}").format(self.collection.name)
        if not run.ok:
            message = run.error_text() or tr("see the BYOC log")
            self.error.setText(message)  # the service's script errors stay readable here
            self.notifier.error(title, message, retry=self.start)
            return
        path = run.results.get("OUTPUT")
        name = unique_name(name, (lyr.name() for lyr in QgsProject.instance().mapLayers().values()))
        layer = QgsRasterLayer(path, name, "gdal")
        if not layer.isValid():
            self.error.setText(tr("The result {} could not be opened").format(path))
            return
        mask_no_data(layer, script)  # dataMask = 0 transparent, not opaque black
        describe_result(layer, self.last_state, run.results.get("REQUEST"))
        self.result_layer = layer
        if self.on_layer is not None:
            self.on_layer(layer)
        else:
            QgsProject.instance().addMapLayer(layer)
        add_to_collection_group(layer, self.connection.name, self.collection)
        w, h = int(run.results.get("WIDTH_PX") or 0), int(run.results.get("HEIGHT_PX") or 0)
        self.notifier.success(title, tr("{} ({} × {} px) added to the map").format(name, w, h))
