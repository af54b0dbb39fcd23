"""Add tiles: local rasters (files, a folder or project raster layers) or an S3 prefix, with path and sensing-time
templates. Check shows the planned tiles (bucket path and sensing time of every tile, from core.tile_plan) and the
pre-flight findings before anything is uploaded; the upload and registration run the Processing algorithms
``byoc:createtiles`` / ``byoc:createtilesfroms3`` as tasks."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable, Dict, List, Optional

from qgis.core import QgsProject, QgsRasterLayer
from qgis.gui import QgsDateTimeEdit, QgsFileWidget
from qgis.PyQt.QtCore import QDateTime, Qt
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
)

from ..core.tile_groups import DEFAULT_PATTERN
from ..core.tile_plan import UploadPlan, check_s3_prefix, mark_failures, plan_local_tiles
from ..translation import tr, tr_n
from ..wording import worded_finding, worded_text
from .add_tiles_results import CheckView, verdict
from .add_tiles_words import template_example, template_help, user_words
from .connections import Connection
from .guard import guarded
from .notify import Notifier, error_summary
from .tasks import AlgorithmRun, TaskRunner
from .widgets import ProgressRow

__all__ = ["AddTilesDialog", "SOURCES"]

SOURCES = ("files", "folder", "layers", "s3")
COGIFY = ("auto", "never", "always")
COVER = ("contain", "exclude", "none")
FINDING_FIELDS = ("tile", "file", "severity", "rule", "message", "fix")


class AddTilesDialog(QDialog):
    """Non-modal: check first (planned tiles and findings), then upload and register; results and errors stay
    visible in the dialog."""

    def __init__(
        self,
        connection: Connection,
        collection,
        runner: TaskRunner,
        notifier: Notifier,
        on_started: Optional[Callable[[Any], None]] = None,
        on_finished: Optional[Callable[[AlgorithmRun], None]] = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.connection = connection
        self.collection = collection
        self.runner = runner
        self.notifier = notifier
        self.on_started = on_started
        self.on_finished = on_finished
        self.checked_findings: Optional[List[List[str]]] = None
        self.plan: Optional[UploadPlan] = None
        self.checking = False  # from Check until the planned tiles and findings are shown
        self.check_run = None
        self.plan_task = None
        self._check_inputs: Dict[str, Any] = {}
        self.add_run: Optional[AlgorithmRun] = None
        self.setObjectName("ByocAddTilesDialog")
        self.setWindowTitle(tr("Add tiles to {}").format(collection.name))
        self.setModal(False)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_sources())
        layout.addWidget(self.stack)
        layout.addLayout(self._build_options())
        self._build_results()
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.progress)
        layout.addLayout(self._build_buttons())
        self.resize(900, 860)
        self._fill_layers()
        for signal in (
            self.file_pattern.textChanged,
            self.band_names.textChanged,
            self.prefix.textChanged,
            self.path_template.textChanged,
            self.time_template.textChanged,
            self.time_constant.dateTimeChanged,
            self.time_mode.currentIndexChanged,
            self.cogify.currentIndexChanged,
        ):
            signal.connect(self._inputs_changed)
        self.files.fileChanged.connect(self._inputs_changed)
        self.folder.fileChanged.connect(self._inputs_changed)
        self.layers.itemChanged.connect(self._inputs_changed)
        self.time_mode.currentIndexChanged.connect(self._time_mode_changed)
        self.path_template.textChanged.connect(self._template_changed)
        self._time_mode_changed()
        self._template_changed()
        self._source_changed(self.source_buttons.checkedId())

    # -- building ----------------------------------------------------------------------------------------------------
    def _build_sources(self) -> QHBoxLayout:
        """Radio buttons choosing the source, and the stack of their inputs (files, folder, layers, S3 prefix)."""
        self.source_buttons = QButtonGroup(self)
        row = QHBoxLayout()
        labels = (tr("Files"), tr("Folder"), tr("Project raster layers"), tr("S3 prefix"))
        for i, label in enumerate(labels):
            button = QRadioButton(label, self)
            self.source_buttons.addButton(button, i)
            row.addWidget(button)
        row.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.files = QgsFileWidget(self)
        self.files.setStorageMode(QgsFileWidget.StorageMode.GetMultipleFiles)
        self.files.setFilter(tr("Rasters (*.tif *.tiff *.TIF *.TIFF *.vrt *.jp2 *.img)"))
        self.folder = QgsFileWidget(self)
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.layers = QListWidget(self)
        self.layers.setMaximumHeight(110)
        self.prefix = QLineEdit(self)
        self.prefix.setPlaceholderText(tr("folder in bucket {}, e.g. tiles/2023").format(self.collection.s3_bucket))
        for widget in (self.files, self.folder, self.layers, self.prefix):
            self.stack.addWidget(widget)
        self.source_buttons.idClicked.connect(self._source_changed)
        self.source_buttons.button(1).setChecked(True)
        return row

    def _source_changed(self, index: int) -> None:
        """Show the chosen source's input at its own height (a stack is as tall as its tallest page otherwise) and
        only the options that apply to it."""
        index = max(0, index)
        self.stack.setCurrentIndex(index)
        for i in range(self.stack.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            self.stack.widget(i).setSizePolicy(policy, policy)
        self.stack.updateGeometry()
        local = SOURCES[index] != "s3"
        for widget in (self.band_names, self.path_template, self.path_help, self.cogify):
            widget.setVisible(local)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(local)
        cogify_label = self.form.itemAt(self._cogify_row, QFormLayout.ItemRole.LabelRole)
        if cogify_label is not None and cogify_label.widget() is not None:
            cogify_label.widget().setVisible(local)
        self._inputs_changed()

    def _build_options(self) -> QFormLayout:
        """File pattern, band names, path template (with its fields explained), sensing time, COGify and cover."""
        self.file_pattern = QLineEdit(DEFAULT_PATTERN, self)
        self.file_pattern.setToolTip(
            tr("How band files are grouped into tiles: (BAND) is the band name, every folder is one tile.")
        )
        self.band_names = QLineEdit(self)
        self.band_names.setPlaceholderText(tr("optional: split multi-band files into these bands, e.g. B02,B03,B04"))
        self.path_template = QLineEdit("{name}/(BAND).tif", self)
        self.path_template.setToolTip(template_help())
        self.path_help = QLabel(self)
        self.path_help.setObjectName("ByocPathTemplateHelp")
        self.path_help.setWordWrap(True)
        self.path_help.setStyleSheet("color: #505050")
        self.time_mode = QComboBox(self)
        self.time_mode.addItem(tr("From the path (date pattern)"), "template")
        self.time_mode.addItem(tr("One time for all"), "constant")
        self.time_mode.addItem(tr("None"), "none")
        self.time_template = QLineEdit(self)
        self.time_template.setPlaceholderText(tr("empty: find a YYYYMMDD or YYYY-MM-DD date; or a pattern like %Y%m%d"))
        self.time_constant = QgsDateTimeEdit(self)
        self.time_constant.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.time_constant.setDateTime(QDateTime.currentDateTimeUtc())
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_mode)
        time_row.addWidget(self.time_template, 1)
        time_row.addWidget(self.time_constant, 1)
        self.cogify = QComboBox(self)
        for key, label in zip(COGIFY, (tr("When needed"), tr("Never"), tr("Always"))):
            self.cogify.addItem(label, key)
        self.cover = QComboBox(self)
        for key, label in zip(COVER, (tr("Trace (all data inside)"), tr("Trace (no no-data inside)"), tr("None"))):
            self.cover.addItem(label, key)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Band file pattern"), self.file_pattern)
        form.addRow(tr("Bands of multi-band files"), self.band_names)
        form.addRow(tr("Tile path template"), self.path_template)
        form.addRow("", self.path_help)
        form.addRow(tr("Sensing time"), time_row)
        options = QHBoxLayout()
        self._cogify_row = form.rowCount()
        options.addWidget(self.cogify, 1)
        self.cover_label = QLabel(tr("Cover geometry"), self)
        options.addWidget(self.cover_label)
        options.addWidget(self.cover, 1)
        form.addRow(tr("COGify"), options)
        self.form = form
        return form

    def _time_mode_changed(self, *_args) -> None:
        mode = self.time_mode.currentData()
        self.time_template.setVisible(mode == "template")
        self.time_constant.setVisible(mode == "constant")

    def _template_changed(self, *_args) -> None:
        self.path_help.setText(template_help() + "\n" + template_example(self.path_template.text()))

    def _build_results(self) -> None:
        self.summary = QLabel(tr("Check the rasters first: nothing is uploaded before you confirm."), self)
        self.summary.setObjectName("ByocAddTilesSummary")
        self.summary.setWordWrap(True)
        self.splitter = CheckView(self)
        self.planned, self.findings = self.splitter.planned, self.splitter.findings
        self.progress = ProgressRow(self)

    def _build_buttons(self) -> QHBoxLayout:
        self.check_button = QPushButton(tr("Check"), self)
        self.check_button.setToolTip(tr("Check the rasters and show the tiles that will be created"))
        self.check_button.clicked.connect(self.check)
        self.add_button = QPushButton(tr("Upload and register"), self)
        self.add_button.clicked.connect(self.add)
        self._set_add_enabled(False, tr("Check the rasters first."))
        close = QPushButton(tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        return buttons

    def _set_add_enabled(self, enabled: bool, why_not: str = "") -> None:
        self.add_button.setEnabled(enabled)
        self.add_button.setToolTip(
            tr("Upload the files and register the planned tiles") if enabled else tr("Disabled: {}").format(why_not)
        )

    # -- inputs ------------------------------------------------------------------------------------------------------
    def _fill_layers(self) -> None:
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsRasterLayer) and layer.providerType() == "gdal":
                item = QListWidgetItem(layer.name(), self.layers)
                item.setData(Qt.ItemDataRole.UserRole, layer.id())
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)

    def _inputs_changed(self, *_args) -> None:
        self.checked_findings = None
        self.plan = None
        self._set_add_enabled(False, tr("check the current inputs first: nothing is uploaded before a check."))

    def source(self) -> str:
        return SOURCES[max(0, self.source_buttons.checkedId())]

    def set_source(self, source: str) -> None:
        index = SOURCES.index(source)
        self.source_buttons.button(index).setChecked(True)
        self._source_changed(index)

    def _layer_paths(self) -> List[str]:
        out = []
        for i in range(self.layers.count()):
            item = self.layers.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                layer = QgsProject.instance().mapLayer(item.data(Qt.ItemDataRole.UserRole))
                if layer is not None:
                    out.append(layer.source().split("|")[0])
        return out

    def _raster_inputs(self) -> Dict[str, Any]:
        source = self.source()
        if source == "files":
            paths = QgsFileWidget.splitFilePaths(self.files.filePath())
            if not paths:
                raise ValueError(tr("Choose one or more raster files"))
            return {"INPUT": paths}
        if source == "folder":
            folder = self.folder.filePath().strip()
            if not folder:
                raise ValueError(tr("Choose a folder of rasters"))
            return {"FOLDER": folder}
        paths = self._layer_paths()
        if not paths:
            raise ValueError(tr("Tick one or more raster layers of the project"))
        return {"INPUT": paths}

    def _time_parameters(self, with_metadata: bool) -> Dict[str, Any]:
        mode = self.time_mode.currentData()
        order = ["template", "constant", "metadata", "none"] if with_metadata else ["template", "constant", "none"]
        params: Dict[str, Any] = {"SENSING_TIME_MODE": order.index(mode)}
        if mode == "template":
            params["SENSING_TIME_TEMPLATE"] = self.time_template.text().strip()  # empty: auto-detected date
        elif mode == "constant":
            params["SENSING_TIME"] = self.time_constant.dateTime().toUTC().toString(Qt.DateFormat.ISODate)
        return params

    def parameters(self) -> Dict[str, Any]:
        """Parameters of the create-tiles algorithm for the current form."""
        params: Dict[str, Any] = {
            "COLLECTION": self.collection.id,
            "FILE_PATTERN": self.file_pattern.text().strip() or DEFAULT_PATTERN,
            "COVER": COVER.index(self.cover.currentData()),
            "OUTPUT": "memory:",
            "FAIL_ON_ERROR": False,  # failed tiles are shown in this dialog's table, not as a failed task
            **self.connection.algorithm_parameters(with_s3=True),
        }
        if self.source() == "s3":
            params["PREFIX"] = self.prefix.text().strip().strip("/")
            params.update(self._time_parameters(with_metadata=False))
            return params
        params.update(self._raster_inputs())
        params.update(self._time_parameters(with_metadata=True))
        params["PATH_TEMPLATE"] = self.path_template.text().strip()
        params["BAND_NAMES"] = self.band_names.text().strip()
        params["COGIFY"] = COGIFY.index(self.cogify.currentData())
        return params

    # -- check -------------------------------------------------------------------------------------------------------
    def _root(self) -> str:
        return self.folder.filePath().strip() if self.source() == "folder" else ""

    def _constant_time(self) -> datetime:
        msecs = self.time_constant.dateTime().toMSecsSinceEpoch()
        return datetime.fromtimestamp(msecs / 1000.0, tz=timezone.utc)

    def _plan_options(self) -> Dict[str, Any]:
        return {
            "time_mode": self.time_mode.currentData(),
            "date_pattern": self.time_template.text().strip() or None,
            "constant": self._constant_time(),
        }

    @guarded(lambda self: tr("Add tiles to {}").format(self.collection.name))
    def check(self):
        """Run the pre-flight check (``byoc:preflightcheck``; S3: the core check on the remote files), then plan the
        tiles; returns the first task (``checking`` stays True until both are shown)."""
        try:
            if self.source() == "s3":
                return self._check_s3()
            inputs = self._raster_inputs()
        except (ValueError, RuntimeError) as exc:
            self.summary.setText(worded_text(exc))
            return None
        params = {
            "AS_TILES": not self.band_names.text().strip(),
            "FILE_PATTERN": self.file_pattern.text().strip() or DEFAULT_PATTERN,  # grouped as createtiles groups
            "OUTPUT": "memory:",
            **inputs,
        }
        self._start_checking()
        self._check_inputs = inputs
        run = self.runner.run_algorithm(
            "byoc:preflightcheck", params, self._checked, tr("Pre-flight check for {}").format(self.collection.name)
        )
        self.progress.bind(run.task, run.cancel, tr("Checking the rasters"))
        self.check_run = run
        return run

    def _start_checking(self) -> None:
        self.checking = True
        self.plan = None
        self.checked_findings = None
        self.check_button.setEnabled(False)
        self._set_add_enabled(False, tr("the check is running."))
        self.summary.setText(tr("Checking…"))

    def _check_failed(self, text: str) -> None:
        self.checking = False
        self.check_button.setEnabled(True)
        self.progress.finish()
        self.summary.setText(tr("The check failed: {}").format(user_words(text, self.source() != "s3")))

    def _checked(self, run: AlgorithmRun) -> None:
        """The pre-flight findings are in: plan the tiles in a task (the folder is listed again there)."""
        if not run.ok:
            self._check_failed(run.error_text() or tr("see the BYOC log"))
            return
        layer = run.layer("OUTPUT")
        findings: List[Dict[str, str]] = []
        if layer is not None:
            names = [f.name() for f in layer.fields()]
            for feat in layer.getFeatures():
                findings.append({h: str(feat.attribute(h) or "") if h in names else "" for h in FINDING_FIELDS})
        files = int(run.results.get("FILES") or 0)
        source, inputs = self.source(), self._check_inputs
        template = self.path_template.text()
        pattern = self.file_pattern.text().strip() or DEFAULT_PATTERN
        bands = [b.strip() for b in self.band_names.text().split(",") if b.strip()]
        options, cogify = self._plan_options(), self.cogify.currentData()

        def work(_task):
            from ..processing.inputs import rasters_in_folder

            paths = list(inputs.get("INPUT") or [])
            if inputs.get("FOLDER"):
                paths = rasters_in_folder(inputs["FOLDER"])
            plan = plan_local_tiles(paths, template, inputs.get("FOLDER") or None, pattern, bands, **options)
            mark_failures(plan, [(f["tile"], f["file"], f["severity"], f["rule"]) for f in findings], cogify)
            return plan

        self.progress.set_text(tr("Planning the tiles"))
        self.plan_task = self.runner.run_function(
            tr("Planning tiles for {}").format(self.collection.name),
            work,
            lambda plan: self._show_check(plan, findings, files, source != "s3"),
            lambda exc: self._check_failed(error_summary(exc)),
        )

    def _check_s3(self):
        s3 = self.connection.s3_config(self.collection.s3_bucket)
        prefix = self.prefix.text().strip().strip("/")
        pattern = self.file_pattern.text().strip() or DEFAULT_PATTERN
        bands = {n: b.to_dict() for n, b in self.collection.bands.items()} or None
        options = self._plan_options()

        def work(task):
            plan, findings, files = check_s3_prefix(s3, prefix, pattern, bands, cancel=task.isCanceled, **options)
            return plan, [worded_finding(f) for f in findings], files

        self._start_checking()
        task = self.runner.run_function(
            tr("Pre-flight check of s3://{}/{}").format(s3.bucket, prefix),
            work,
            lambda result: self._show_check(result[0], result[1], result[2], False),
            lambda exc: self._check_failed(error_summary(exc)),
        )
        self.progress.bind(task, None, tr("Checking the files in S3"))
        self.check_run = task
        return task

    def _show_check(self, plan: UploadPlan, findings: List[Dict[str, str]], files: int, local: bool) -> None:
        """Planned tiles (path, sensing time, what will happen), findings in the dialog's words, the summary, and
        Upload enabled only when at least one tile would be created."""
        self.checking = False
        self.check_button.setEnabled(True)
        self.progress.finish()
        self.plan = plan
        rows = self.splitter.show_findings(findings, self._root(), local)
        self.checked_findings = rows
        self.splitter.show_plan(plan)
        text, enabled, why_not = verdict(plan, files, sum(1 for r in rows if r[0].lower() == "error"))
        self.summary.setText(text)
        self._set_add_enabled(enabled, why_not)

    # -- add ---------------------------------------------------------------------------------------------------------
    @guarded(lambda self: tr("Add tiles to {}").format(self.collection.name))
    def add(self) -> Optional[AlgorithmRun]:
        """Upload and register (only after a check of the same inputs that plans at least one tile)."""
        if self.checked_findings is None or self.plan is None:
            self.summary.setText(tr("Check the rasters first."))
            return None
        if self.plan.all_fail:
            self.summary.setText(tr("Every tile would fail: fix the files or the settings and check again."))
            return None
        try:
            params = self.parameters()
        except (ValueError, RuntimeError) as exc:
            self.summary.setText(worded_text(exc))
            return None
        alg = "byoc:createtilesfroms3" if self.source() == "s3" else "byoc:createtiles"
        self._set_add_enabled(False, tr("the upload is running."))
        self.check_button.setEnabled(False)
        run = self.runner.run_algorithm(alg, params, self._added, tr("Adding tiles to {}").format(self.collection.name))
        self.progress.bind(run.task, run.cancel, tr("Uploading and registering"))
        self.add_run = run
        if self.on_started is not None:
            self.on_started(run)
        return run

    def _added(self, run: AlgorithmRun) -> None:
        self.progress.finish()
        self.check_button.setEnabled(True)
        title = tr("Add tiles to {}").format(self.collection.name)
        if run.ok:
            r = run.results
            registered = tr_n("%n tile registered", "%n tiles registered", int(r.get("REGISTERED") or 0))
            text = tr("{}, {} already registered, {} failed.").format(
                registered, int(r.get("SKIPPED") or 0), int(r.get("FAILED") or 0)
            )
            layer = run.layer("OUTPUT")
            if layer is not None:
                self.splitter.show_outcomes(layer)
            self.summary.setText(text)
            (self.notifier.warning if int(r.get("FAILED") or 0) else self.notifier.success)(title, text)
        else:
            message = user_words(run.error_text() or tr("see the BYOC log"))
            self.summary.setText(message)
            self.notifier.error(title, message, retry=self.add)
        if self.on_finished is not None:
            self.on_finished(run)
