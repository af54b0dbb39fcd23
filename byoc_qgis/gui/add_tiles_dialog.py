"""Add tiles: local rasters (files, a folder or project raster layers) or an S3 prefix, with path and sensing-time
templates. The pre-flight findings are shown before anything is uploaded; the upload and registration run the
Processing algorithms ``byoc:createtiles`` / ``byoc:createtilesfroms3`` as tasks."""

from __future__ import annotations

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
    QStackedWidget,
    QVBoxLayout,
)

from ..core.preflight import preflight_tiles, s3_tile_files
from ..core.s3 import bucket_options, list_tiles
from ..core.tile_groups import DEFAULT_PATTERN
from ..translation import tr
from .connections import Connection
from .guard import guarded
from .notify import Notifier, error_summary
from .tasks import AlgorithmRun, TaskRunner
from .widgets import ProgressRow, RowsTable

__all__ = ["AddTilesDialog", "SOURCES"]

SOURCES = ("files", "folder", "layers", "s3")
COGIFY = ("auto", "never", "always")
COVER = ("contain", "exclude", "none")
FINDING_HEADERS = ("severity", "file", "rule", "message", "fix")


class AddTilesDialog(QDialog):
    """Non-modal: check first, then upload and register; results and errors stay visible in the dialog."""

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
        self.check_run = None
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
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.progress)
        layout.addLayout(self._build_buttons())
        self.resize(760, 620)
        self._fill_layers()
        for signal in (self.file_pattern.textChanged, self.band_names.textChanged, self.prefix.textChanged):
            signal.connect(self._inputs_changed)
        self.files.fileChanged.connect(self._inputs_changed)
        self.folder.fileChanged.connect(self._inputs_changed)

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
        self.files = QgsFileWidget(self)
        self.files.setStorageMode(QgsFileWidget.StorageMode.GetMultipleFiles)
        self.files.setFilter(tr("Rasters (*.tif *.tiff *.TIF *.TIFF *.vrt *.jp2 *.img)"))
        self.folder = QgsFileWidget(self)
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.layers = QListWidget(self)
        self.prefix = QLineEdit(self)
        self.prefix.setPlaceholderText(tr("folder in bucket {}, e.g. tiles/2023").format(self.collection.s3_bucket))
        for widget in (self.files, self.folder, self.layers, self.prefix):
            self.stack.addWidget(widget)
        self.source_buttons.idClicked.connect(self.stack.setCurrentIndex)
        self.source_buttons.button(1).setChecked(True)
        self.stack.setCurrentIndex(1)
        return row

    def _build_options(self) -> QFormLayout:
        """File pattern, band names, path and sensing-time templates, COGify and cover."""
        self.file_pattern = QLineEdit(DEFAULT_PATTERN, self)
        self.band_names = QLineEdit(self)
        self.band_names.setPlaceholderText(tr("optional: split multi-band files into these bands, e.g. B02,B03,B04"))
        self.path_template = QLineEdit("{name}/(BAND).tif", self)
        self.time_mode = QComboBox(self)
        self.time_mode.addItem(tr("From the path (template)"), "template")
        self.time_mode.addItem(tr("One time for all"), "constant")
        self.time_mode.addItem(tr("None"), "none")
        self.time_template = QLineEdit(self)
        self.time_template.setPlaceholderText(tr("empty: find a YYYYMMDD or YYYY-MM-DD date; or a pattern like %Y%m%d"))
        self.time_constant = QgsDateTimeEdit(self)
        self.time_constant.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.time_constant.setDateTime(QDateTime.currentDateTimeUtc())
        self.cogify = QComboBox(self)
        for key, label in zip(COGIFY, (tr("When needed"), tr("Never"), tr("Always"))):
            self.cogify.addItem(label, key)
        self.cover = QComboBox(self)
        for key, label in zip(COVER, (tr("Trace (all data inside)"), tr("Trace (no no-data inside)"), tr("None"))):
            self.cover.addItem(label, key)
        form = QFormLayout()
        form.addRow(tr("Band file pattern"), self.file_pattern)
        form.addRow(tr("Bands of multi-band files"), self.band_names)
        form.addRow(tr("Tile path template"), self.path_template)
        form.addRow(tr("Sensing time"), self.time_mode)
        form.addRow(tr("Sensing-time template"), self.time_template)
        form.addRow(tr("Sensing time for all"), self.time_constant)
        form.addRow(tr("COGify"), self.cogify)
        form.addRow(tr("Cover geometry"), self.cover)
        return form

    def _build_results(self) -> None:
        self.findings = RowsTable([tr("Severity"), tr("File"), tr("Rule"), tr("Message"), tr("Fix")], self)
        self.summary = QLabel(tr("Check the rasters first: nothing is uploaded before you confirm."), self)
        self.summary.setWordWrap(True)
        self.progress = ProgressRow(self)

    def _build_buttons(self) -> QHBoxLayout:
        self.check_button = QPushButton(tr("Check"), self)
        self.check_button.clicked.connect(self.check)
        self.add_button = QPushButton(tr("Upload and register"), self)
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add)
        close = QPushButton(tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        return buttons

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
        self.add_button.setEnabled(False)

    def source(self) -> str:
        return SOURCES[max(0, self.source_buttons.checkedId())]

    def set_source(self, source: str) -> None:
        index = SOURCES.index(source)
        self.source_buttons.button(index).setChecked(True)
        self.stack.setCurrentIndex(index)
        self._inputs_changed()

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
    @guarded(lambda self: tr("Add tiles to {}").format(self.collection.name))
    def check(self):
        """Run the pre-flight check (``byoc:preflightcheck``; S3: the core check on the remote files)."""
        try:
            if self.source() == "s3":
                return self._check_s3()
            inputs = self._raster_inputs()
        except (ValueError, RuntimeError) as exc:
            self.summary.setText(str(exc))
            return None
        params = {
            "AS_TILES": not self.band_names.text().strip(),
            "FILE_PATTERN": self.file_pattern.text().strip() or DEFAULT_PATTERN,  # grouped as createtiles groups
            "OUTPUT": "memory:",
            **inputs,
        }
        self.check_button.setEnabled(False)
        self.summary.setText(tr("Checking…"))
        run = self.runner.run_algorithm(
            "byoc:preflightcheck", params, self._checked, tr("Pre-flight check for {}").format(self.collection.name)
        )
        self.progress.bind(run.task, run.cancel, tr("Checking the rasters"))
        self.check_run = run
        return run

    def _checked(self, run: AlgorithmRun) -> None:
        self.check_button.setEnabled(True)
        self.progress.finish()
        if not run.ok:
            self.summary.setText(tr("The check failed: {}").format(run.error_text() or tr("see the BYOC log")))
            return
        layer = run.layer("OUTPUT")
        rows = []
        if layer is not None:
            names = [f.name() for f in layer.fields()]
            for feat in layer.getFeatures():
                rows.append([feat.attribute(names.index(h)) if h in names else "" for h in FINDING_HEADERS])
        self._show_findings(rows, int(run.results.get("FILES") or 0))

    def _check_s3(self):
        s3 = self.connection.s3_config(self.collection.s3_bucket)
        prefix = self.prefix.text().strip().strip("/")
        pattern = self.file_pattern.text().strip() or DEFAULT_PATTERN
        bands = {n: b.to_dict() for n, b in self.collection.bands.items()} or None

        def work(task):
            with bucket_options(s3):
                listings = list_tiles(s3, prefix, [pattern], cancel=task.isCanceled)
                tiles = {listing.path: s3_tile_files(s3, listing) for listing in listings}
                reports = preflight_tiles(tiles, bands, s3, cancel=task.isCanceled)
            rows = []
            for tile, report in reports.items():
                for f in report.findings:
                    rows.append([f.severity, f.file or tile, f.rule, s3.scrub(f.message), s3.scrub(f.fix)])
            return rows, sum(len(files) for files in tiles.values())

        def done(result) -> None:
            self.check_button.setEnabled(True)
            self.progress.finish()
            self._show_findings(*result)

        def failed(exc) -> None:
            self.check_button.setEnabled(True)
            self.progress.finish()
            self.summary.setText(tr("The check failed: {}").format(error_summary(exc)))

        self.check_button.setEnabled(False)
        task = self.runner.run_function(
            tr("Pre-flight check of s3://{}/{}").format(s3.bucket, prefix), work, done, failed
        )
        self.progress.bind(task, None, tr("Checking the files in S3"))
        self.check_run = task
        return task

    def _show_findings(self, rows: List[List[Any]], files: int) -> None:
        self.checked_findings = [[str(v) if v is not None else "" for v in r] for r in rows]
        self.findings.set_rows(self.checked_findings)
        errors = sum(1 for r in rows if str(r[0]).lower() == "error")
        warnings = sum(1 for r in rows if str(r[0]).lower() == "warning")
        if not files:
            self.summary.setText(tr("No raster found in the chosen input."))
            return
        if errors:
            text = tr(
                "{} file(s) checked: {} error(s), {} warning(s). Layout errors are fixed by COGify; tiles with other "
                "errors will fail. Upload anyway?"
            ).format(files, errors, warnings)
        else:
            text = tr("{} file(s) checked: ready for BYOC ({} warning(s)).").format(files, warnings)
        self.summary.setText(text)
        self.add_button.setEnabled(True)

    # -- add ---------------------------------------------------------------------------------------------------------
    @guarded(lambda self: tr("Add tiles to {}").format(self.collection.name))
    def add(self) -> Optional[AlgorithmRun]:
        """Upload and register (only after a check of the same inputs)."""
        if self.checked_findings is None:
            self.summary.setText(tr("Check the rasters first."))
            return None
        try:
            params = self.parameters()
        except (ValueError, RuntimeError) as exc:
            self.summary.setText(str(exc))
            return None
        alg = "byoc:createtilesfroms3" if self.source() == "s3" else "byoc:createtiles"
        self.add_button.setEnabled(False)
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
            text = tr("{} registered, {} already registered, {} failed.").format(
                int(r.get("REGISTERED") or 0), int(r.get("SKIPPED") or 0), int(r.get("FAILED") or 0)
            )
            layer = run.layer("OUTPUT")
            if layer is not None:
                names = [f.name() for f in layer.fields()]
                rows = [[str(feat.attribute(n) or "") for n in names] for feat in layer.getFeatures()]
                self.findings.setColumnCount(len(names))
                self.findings.setHorizontalHeaderLabels(names)
                self.findings.set_rows(rows)
            self.summary.setText(text)
            (self.notifier.warning if int(r.get("FAILED") or 0) else self.notifier.success)(title, text)
        else:
            message = run.error_text() or tr("see the BYOC log")
            self.summary.setText(message)
            self.notifier.error(title, message, retry=self.add)
        if self.on_finished is not None:
            self.on_finished(run)
