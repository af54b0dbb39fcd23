"""The collection parameter in the algorithm dialog: an editable drop-down of the chosen connection's collections.

The names are listed in a background task when CONNECTION changes (the dialog is open: the auth manager may be read
then). Choosing an entry gives the collection's id; typed text (an id or an exact name) is passed as typed, as from
``qgis_process`` and models. In batch mode and the Model Builder QGIS's own string widget is used (model inputs stay
available there): :class:`CollectionWidgetWrapper` hands back QGIS's wrapper for those.

Imported by QGIS's Processing dialogs through the parameter's ``widget_wrapper`` metadata only (never when an
algorithm is created, so ``qgis_process`` needs none of it).
"""

from __future__ import annotations

from typing import Any, List, Optional

from processing.gui.wrappers import DIALOG_STANDARD, WidgetWrapper, dialogTypes
from qgis.core import QgsApplication, QgsTask
from qgis.gui import QgsGui
from qgis.PyQt.QtWidgets import QComboBox

from ..core import qgis_adapters as qa
from ..core.models import Collection
from ..translation import tr, tr_n
from .connection import CONNECTION

__all__ = ["CollectionWidgetWrapper", "WRAPPER_PATH"]

WRAPPER_PATH = f"{__name__}.CollectionWidgetWrapper"


class _ListTask(QgsTask):
    """Lists a connection's collections in a worker thread; ``done(collections, error)`` on the main thread."""

    def __init__(self, client, done) -> None:
        super().__init__(tr("Listing BYOC collections"), QgsTask.Flag.CanCancel)
        self.client = client
        self.done = done
        self.collections: List[Collection] = []
        self.error = ""

    def run(self) -> bool:  # worker thread
        try:
            self.collections = list(self.client.byoc.iter_collections(cancel=self.isCanceled))
            return True
        except Exception as exc:  # noqa: BLE001 - shown beside the widget, the dialog stays usable
            self.error = str(exc)
            return False
        finally:
            self.client.close()

    def finished(self, ok: bool) -> None:  # main thread
        self.done(self, self.collections if ok else None, self.error or tr("cancelled"))


class CollectionWidgetWrapper(WidgetWrapper):
    """Editable drop-down of the CONNECTION's collections (standard dialog); QGIS's own widget elsewhere."""

    def __new__(cls, param, dialog, row=0, col=0, **kwargs):
        kind = dialogTypes.get(dialog.__class__.__name__, DIALOG_STANDARD)
        if kind == DIALOG_STANDARD:
            return super().__new__(cls)
        registry = QgsGui.processingGuiRegistry()
        if dialog.__class__.__name__ == "ModelerParametersDialog":
            wrapper = registry.createModelerParameterWidget(dialog.model, dialog.childId, param, dialog.context)
        else:
            wrapper = registry.createParameterWidgetWrapper(param, kind)
        if wrapper is not None:
            wrapper.setDialog(dialog)  # as QGIS's WidgetWrapperFactory.create_wrapper does
        return wrapper

    def createWidget(self, **kwargs):  # noqa: N802 - QGIS API name
        self.task: Optional[_ListTask] = None
        self.connection_name = ""
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.lineEdit().setPlaceholderText(tr("Choose a connection to list its collections, or type an id or name"))
        combo.currentTextChanged.connect(lambda _t: self.widgetValueHasChanged.emit(self))
        return combo

    # -- value -------------------------------------------------------------------------------------------------------
    def setValue(self, value) -> None:  # noqa: N802 - QGIS API name
        text = "" if value is None else str(value)
        index = self.widget.findData(text)
        if index < 0:
            index = self.widget.findText(text)
        if index >= 0:
            self.widget.setCurrentIndex(index)
        else:
            self.widget.setEditText(text)

    def value(self) -> Any:
        """The chosen entry's id, else the typed id or name (None when empty)."""
        text = self.widget.currentText().strip()
        index = self.widget.findText(text)
        if index >= 0 and self.widget.itemData(index):
            return self.widget.itemData(index)
        return text or None

    # -- the connection's collections ----------------------------------------------------------------------------------
    def postInitialize(self, wrappers) -> None:  # noqa: N802 - QGIS API name
        for wrapper in wrappers:
            if wrapper.parameterDefinition().name() == CONNECTION:
                wrapper.widgetValueHasChanged.connect(lambda w: self.load(_wrapper_value(w)))
                self.load(_wrapper_value(wrapper))

    def load(self, connection: Optional[str]) -> Optional[_ListTask]:
        """List the collections of the saved connection ``connection`` in the background."""
        self.connection_name = (connection or "").strip()
        if self.task is not None:
            self.task.done = lambda *_a: None  # an answer for an earlier choice is dropped
            self.task.cancel()
            self.task = None
        if not self.connection_name:
            self._fill([], tr("Choose a connection to list its collections, or type an id or name"))
            return None
        try:
            client = qa.client_from_connection(qa.load_connection(self.connection_name))
        except Exception as exc:  # noqa: BLE001 - a deleted authcfg, a locked database: told, typing still works
            self._fill([], tr("Collections cannot be listed: {}").format(exc))
            return None
        self.widget.lineEdit().setPlaceholderText(tr("Listing the collections of {}…").format(self.connection_name))
        self.task = _ListTask(client, self._listed)
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _listed(self, task: _ListTask, collections: Optional[List[Collection]], error: str) -> None:
        if task is not self.task:
            return
        if collections is None:
            self._fill([], tr("Collections cannot be listed: {}").format(error))
        else:
            hint = tr_n(
                "Choose the collection, or type an id or name",
                "Choose one of %n collections, or type an id or name",
                len(collections),
            )
            self._fill(collections, hint)

    def _fill(self, collections: List[Collection], hint: str) -> None:
        text = self.widget.currentText()
        chosen = self.value()
        self.widget.blockSignals(True)
        self.widget.clear()
        names = [c.name for c in collections]
        for col in sorted(collections, key=lambda c: (c.name or "").lower()):
            label = col.name if names.count(col.name) == 1 else f"{col.name} ({(col.id or '')[:8]})"
            self.widget.addItem(label, col.id)
        self.widget.setEditText("")
        self.widget.blockSignals(False)
        self.widget.lineEdit().setPlaceholderText(hint)
        self.widget.setToolTip(hint)
        if chosen:
            self.setValue(chosen)
        elif text:
            self.widget.setEditText(text)


def _wrapper_value(wrapper) -> Optional[str]:
    value = wrapper.parameterValue() if hasattr(wrapper, "parameterValue") else wrapper.value()
    return str(value) if value not in (None, "") else None
