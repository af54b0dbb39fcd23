"""The small dialogs the dock asks with: a sensing time, a layer to take a cover from, a collection to copy to,
the explanations of failed tiles, and the confirmations before removing or deleting something.

Each returns what the user chose (None when cancelled) and leaves the work to the caller.
"""

from __future__ import annotations

from typing import Iterable, List, Optional

from qgis.core import QgsVectorLayer
from qgis.gui import QgsDateTimeEdit, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QMessageBox, QTextBrowser, QVBoxLayout

from ..core.models import Collection
from ..translation import tr, tr_n
from .tile_actions import explanation_text

__all__ = [
    "ask_sensing_time",
    "ask_cover_layer",
    "ask_copy_target",
    "explanations_dialog",
    "confirm_remove_connection",
    "confirm_delete_collection",
    "confirm_delete_tiles",
    "confirm_reingest",
]

_OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel


def _form(parent, title: str, *widgets) -> QDialog:
    """A dialog with OK / Cancel below the widgets made by ``widgets`` (factories called with the dialog)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    for make in widgets:
        layout.addWidget(make(dialog))
    buttons = QDialogButtonBox(_OK_CANCEL, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog


def ask_sensing_time(parent, count: int, current=None):
    """A sensing time (UTC ``QDateTime``) for ``count`` tiles, starting from ``current``; None when cancelled."""
    edits: List[QgsDateTimeEdit] = []

    def editor(dialog) -> QgsDateTimeEdit:
        edit = QgsDateTimeEdit(dialog)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        edit.setTimeSpec(Qt.TimeSpec.UTC)
        if current is not None and hasattr(current, "isValid"):
            edit.setDateTime(current)
        edits.append(edit)
        return edit

    label = tr_n(
        "New sensing time (UTC) for the selected tile", "New sensing time (UTC) for the %n selected tiles", count
    )
    dialog = _form(parent, tr("Update sensing time"), lambda d: QLabel(label, d), editor)
    return edits[0].dateTime() if dialog.exec() else None


def ask_cover_layer(parent, exclude: QgsVectorLayer) -> Optional[QgsVectorLayer]:
    """A vector layer (not ``exclude``) whose selected or only polygon becomes the cover; None when cancelled."""
    combos: List[QgsMapLayerComboBox] = []

    def chooser(dialog) -> QgsMapLayerComboBox:
        combo = QgsMapLayerComboBox(dialog)
        combo.setFilters(combo.filters())
        combo.setExceptedLayerList([exclude])
        combos.append(combo)
        return combo

    label = tr("Layer whose selected (or only) polygon becomes the cover of the selected tiles")
    dialog = _form(parent, tr("Set cover from a layer's feature"), lambda d: QLabel(label, d), chooser)
    if dialog.exec() and isinstance(combos[0].currentLayer(), QgsVectorLayer):
        return combos[0].currentLayer()
    return None


def ask_copy_target(parent, collections: Iterable[Collection]) -> Optional[str]:
    """The id of the collection (one of ``collections``) to copy tiles to; None when cancelled."""
    combos: List[QComboBox] = []

    def chooser(dialog) -> QComboBox:
        combo = QComboBox(dialog)
        for c in sorted(collections, key=lambda c: c.name.lower()):
            combo.addItem(f"{c.name} ({c.s3_bucket})", c.id)
        combos.append(combo)
        return combo

    def note(dialog) -> QLabel:
        text = tr("The copies point at the same paths: the target collection reads them from its own bucket.")
        label = QLabel(text, dialog)
        label.setWordWrap(True)
        return label

    dialog = _form(parent, tr("Copy tiles to another collection"), chooser, note)
    return combos[0].currentData() if dialog.exec() else None


def explanations_dialog(parent, items: List[tuple]) -> QDialog:
    """A non-modal dialog (shown) with why each failed tile failed and how to fix it."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Why did these tiles fail?"))
    text = QTextBrowser(dialog)
    text.setPlainText(explanation_text(items))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(640, 360)
    dialog.setModal(False)
    dialog.show()
    return dialog


def _warn(parent, title: str, text: str) -> bool:
    yes, cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel
    return QMessageBox.warning(parent, title, text, yes | cancel, cancel) == yes


def confirm_remove_connection(parent, name: str) -> bool:
    """Yes / No before removing a saved connection (its credentials stay in the auth database)."""
    text = tr("Remove the connection {}? Its credentials stay in the QGIS authentication database.").format(name)
    return QMessageBox.question(parent, tr("Remove connection"), text) == QMessageBox.StandardButton.Yes


def confirm_delete_collection(parent, name: str, count: int) -> bool:
    """Yes / Cancel before deleting a collection with ``count`` tiles."""
    if count < 0:  # not counted
        head = tr("Delete the collection {} and all its tiles from Sentinel Hub?").format(name)
    else:
        head = tr_n(
            "Delete the collection {} and its %n tile from Sentinel Hub?",
            "Delete the collection {} and its %n tiles from Sentinel Hub?",
            count,
        ).format(name)
    text = (
        head
        + "\n\n"
        + tr(
            "The files in your S3 bucket stay; only the collection and its tile registrations are removed. "
            "This cannot be undone."
        )
    )
    return _warn(parent, tr("Delete collection"), text)


def confirm_delete_tiles(parent, count: int) -> bool:
    """Yes / Cancel before deleting ``count`` tiles (their files stay)."""
    text = tr_n(
        "Delete the selected tile from the collection? Its files in S3 stay.",
        "Delete the %n selected tiles from the collection? Their files in S3 stay.",
        count,
    )
    return _warn(parent, tr("Delete tiles"), text)


def confirm_reingest(parent, count: int) -> bool:
    """Yes / Cancel once before asking the service to ingest ``count`` (several) tiles again."""
    text = tr_n(
        "Ask the service to ingest the selected tile again?",
        "Ask the service to ingest the %n selected tiles again? Each is read from S3 once more.",
        count,
    )
    yes, cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel
    return QMessageBox.question(parent, tr("Reingest tiles"), text, yes | cancel, yes) == yes
