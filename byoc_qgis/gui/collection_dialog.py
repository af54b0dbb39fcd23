"""New / edit collection dialog: name, bucket, optional bands and no-data.

Once a collection has tiles the service still allows renaming it, renaming its bands (same order, same types)
and changing the no-data value; the bucket and band types are then read-only here.

With the connection's S3 settings (``s3_for_bucket``) and a task runner, OK first checks the bucket in the
background (:func:`byoc_qgis.core.s3_check.check_bucket`: it exists, the keys are accepted); a problem is shown with
its fix and the dialog stays open, offering to go on without the check.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ..core.collection_edits import CollectionEditError, edit_collection
from ..core.models import Collection
from ..core.s3 import S3Config
from ..core.s3_check import BucketCheck, check_bucket
from ..processing.algorithms.collections import BAND_TYPES, edit_refusal  # createcollection's, updatecollection's
from ..translation import tr, tr_n
from ..wording import s3_check_text, worded_text
from .notify import error_summary

__all__ = ["CollectionDialog", "BAND_TYPES", "edited_collection", "create_parameters"]


def create_parameters(
    connection, name: str, bucket: str, bands: Optional[List[str]] = None, band_type=("UINT", 16), nodata=None
) -> Dict[str, Any]:
    """The ``byoc:createcollection`` parameters of the dialog's values on a saved connection (the dock and the
    Browser create collections the same way)."""
    params: Dict[str, Any] = {
        "NAME": name,
        "BUCKET": bucket,
        "BANDS": ",".join(bands or []),
        "BAND_TYPE": BAND_TYPES.index(tuple(band_type)),
        **connection.algorithm_parameters(),
    }
    if nodata is not None:
        params["NODATA"] = nodata
    return params


def fit_placeholders(*edits: QLineEdit) -> None:
    """Give each line edit at least the width of its placeholder (plus its frame and text margins), so a dialog
    sized to its content never cuts the example off."""
    for edit in edits:
        text = edit.placeholderText()
        if not text:
            continue
        metrics = edit.fontMetrics()
        width = metrics.horizontalAdvance(text) if hasattr(metrics, "horizontalAdvance") else metrics.width(text)
        margins = edit.textMargins()
        edit.setMinimumWidth(width + margins.left() + margins.right() + 24)


def _names(text: str) -> List[str]:
    return [n.strip() for n in (text or "").split(",") if n.strip()]


def edited_collection(
    original: Collection, name: str, bucket: str, band_names: List[str], nodata: Optional[float], has_tiles: bool
) -> Collection:
    """``original`` with the edits applied, checked against what the service still allows
    (:func:`byoc_qgis.core.collection_edits.edit_collection`, refusals worded through ``tr()``)."""
    try:
        return edit_collection(original, name, bucket, band_names, nodata, has_tiles)
    except CollectionEditError as exc:
        raise ValueError(edit_refusal(exc)) from None


class CollectionDialog(QDialog):
    """Collect the values of a new collection, or the allowed edits of an existing one."""

    def __init__(
        self,
        collection: Optional[Collection] = None,
        tile_count: int = 0,
        parent=None,
        s3_for_bucket: Optional[Callable[[str], S3Config]] = None,
        runner=None,
    ) -> None:
        super().__init__(parent)
        self.collection = collection
        self.tile_count = tile_count
        self.s3_for_bucket = s3_for_bucket  # connection's S3 settings for a bucket (main thread: reads auth manager)
        self.runner = runner
        self.check_task = None
        self.check_result: Optional[BucketCheck] = None
        self._checked_bucket: Optional[str] = None
        self.setObjectName("ByocCollectionDialog")
        self.setWindowTitle(
            tr("New collection") if collection is None else tr("Edit collection {}").format(collection.name)
        )
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(tr("e.g. Drone mosaics 2024"))
        self.bucket = QLineEdit(self)
        self.bucket.setPlaceholderText(tr("bucket name, e.g. my-bucket (CDSE: PROJECT_ID:bucket)"))
        self.bands = QLineEdit(self)
        self.bands.setPlaceholderText(tr("optional, e.g. B02,B03,B04 (empty: configured by the first tile)"))
        self.band_type = QComboBox(self)
        for fmt, depth in BAND_TYPES:
            self.band_type.addItem(f"{fmt}{depth}", (fmt, depth))
        self.band_type.setCurrentIndex(1)
        self.nodata = QLineEdit(self)
        self.nodata.setPlaceholderText(tr("optional, e.g. 0"))
        self.note = QLabel("", self)
        self.note.setWordWrap(True)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.note.setVisible(False)
        self.error.setVisible(False)
        self.skip_check = QCheckBox(tr("Go on without the bucket check"), self)
        self.skip_check.setVisible(False)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("S3 bucket"), self.bucket)
        form.addRow(tr("Bands"), self.bands)
        form.addRow(tr("Band type"), self.band_type)
        form.addRow(tr("No-data value"), self.nodata)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.skip_check)
        layout.addWidget(buttons)
        if collection is not None:
            self.name.setText(collection.name)
            self.bucket.setText(collection.s3_bucket)
            self.bands.setText(",".join(collection.bands))
            self.nodata.setText("" if collection.no_data is None else repr(collection.no_data))
            self.band_type.setEnabled(False)
            if tile_count:
                self.bucket.setReadOnly(True)
                self._note(
                    tr_n(
                        "The collection has %n tile: the bucket and the band types can no longer change; bands "
                        "can be renamed (same order).",
                        "The collection has %n tiles: the bucket and the band types can no longer change; bands "
                        "can be renamed (same order).",
                        tile_count,
                    )
                )
        fit_placeholders(self.name, self.bucket, self.bands, self.nodata)
        self.adjustSize()  # sized to its content: every placeholder readable, no blank area

    def _say(self, text: str) -> None:
        """The error / check line under the form; hidden while empty (no blank gap above the buttons)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))
        needed = self.layout().totalHeightForWidth(self.width()) if self.layout() is not None else -1
        if needed > self.height():  # grow to show the whole message, never shrink what the user sized
            self.resize(self.width(), needed)

    def _note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def values(self) -> dict:
        """``name``, ``bucket``, ``bands`` (names), ``band_type`` (format, depth) and ``nodata``."""
        text = self.nodata.text().strip()
        try:
            nodata = float(text) if text else None
        except ValueError:
            raise ValueError(tr("No-data value {!r} is not a number").format(text)) from None
        return {
            "name": self.name.text().strip(),
            "bucket": self.bucket.text().strip(),
            "bands": _names(self.bands.text()),
            "band_type": self.band_type.currentData(),
            "nodata": nodata,
        }

    def result_collection(self) -> Collection:
        """The edited collection (edit mode)."""
        v = self.values()
        return edited_collection(self.collection, v["name"], v["bucket"], v["bands"], v["nodata"], self.tile_count > 0)

    def accept(self) -> None:
        try:
            v = self.values()
            if not v["name"] or not v["bucket"]:
                raise ValueError(tr("Give a name and a bucket"))
            if self.collection is not None:
                self.result_collection()
        except ValueError as exc:
            self._say(worded_text(exc))
            return
        if self._needs_check(v["bucket"]):
            self.start_check(v["bucket"])
            return
        super().accept()

    # -- bucket check --------------------------------------------------------------------------------------------
    def _needs_check(self, bucket: str) -> bool:
        if self.s3_for_bucket is None or self.runner is None or self.skip_check.isChecked():
            return False
        if self.collection is not None and bucket == self.collection.s3_bucket:
            return False  # the bucket is not changing
        return bucket != self._checked_bucket

    def start_check(self, bucket: str):
        """Check ``bucket`` in the background; accept when it passes, else show the problem and stay open."""
        try:
            config = self.s3_for_bucket(bucket)
        except (ValueError, RuntimeError) as exc:
            self._check_failed(error_summary(exc))
            return None
        if not (config.access_key or config.endpoint):  # no S3 settings in the connection: nothing to check with
            QDialog.accept(self)
            return None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.error.setStyleSheet("")
        self._say(tr("Checking bucket {}…").format(bucket))

        def work(task) -> BucketCheck:
            return check_bucket(config, cancel=task.isCanceled)

        def done(result: BucketCheck) -> None:
            self.check_task = None
            self.check_result = result
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
            if result.ok:
                self._checked_bucket = bucket
                self._say("")
                if self.isVisible():
                    QDialog.accept(self)
            else:
                self._check_failed(config.scrub(s3_check_text(result)))

        def failed(exc: BaseException) -> None:
            self.check_task = None
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
            self._check_failed(error_summary(exc))

        self.check_task = self.runner.run_function(tr("Checking bucket {}").format(bucket), work, done, failed)
        return self.check_task

    def _check_failed(self, text: str) -> None:
        self.error.setStyleSheet("color: #b00020")
        self._say(tr("Bucket check failed: {}").format(text))
        self.skip_check.setVisible(True)

    def reject(self) -> None:
        if self.check_task is not None:
            try:
                self.check_task.cancel()
            except RuntimeError:
                pass
        super().reject()
