"""A "Sentinel Hub BYOC" page in QGIS's Settings ▸ Options: the folder processed rasters are saved in.

Empty means the default of :func:`~.process_results.results_folder` (``byoc_results`` next to the saved project,
else the documents folder).
"""

from __future__ import annotations

from typing import Optional

from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QFormLayout, QLabel, QVBoxLayout

from ..processing.provider import ICON_PATH
from ..translation import tr
from .process_results import SETTINGS_FOLDER, set_results_folder

__all__ = ["ByocOptionsPage", "ByocOptionsFactory", "register_options_page", "unregister_options_page"]


class ByocOptionsPage(QgsOptionsPageWidget):
    """The page: the results folder (empty: next to the project, else documents)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        from qgis.core import QgsSettings

        self.setObjectName("ByocOptionsPage")
        self.folder = QgsFileWidget(self)
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder.setFilePath(QgsSettings().value(SETTINGS_FOLDER, "") or "")
        self.folder.lineEdit().setPlaceholderText(tr("[next to the saved project, else in Documents]"))
        hint = QLabel(
            tr(
                "Rasters made by the Process dialog are saved here when no file is given. Empty: in byoc_results "
                "next to the saved project, else in Documents/Sentinel Hub BYOC."
            ),
            self,
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Processed rasters folder"), self.folder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)

    def apply(self) -> None:
        """Save the chosen folder (Options dialog's OK)."""
        set_results_folder(self.folder.filePath().strip())


class ByocOptionsFactory(QgsOptionsWidgetFactory):
    """Makes the page for the Options dialog."""

    def __init__(self) -> None:
        super().__init__(tr("Sentinel Hub BYOC"), QIcon(ICON_PATH))

    def icon(self) -> QIcon:  # some QGIS versions ask the factory, not the constructor argument
        return QIcon(ICON_PATH)

    def createWidget(self, parent=None) -> ByocOptionsPage:  # noqa: N802 - QGIS API name
        return ByocOptionsPage(parent)


def register_options_page(iface) -> Optional[ByocOptionsFactory]:
    """Add the page to Settings ▸ Options (None without a QGIS interface)."""
    if iface is None:
        return None
    factory = ByocOptionsFactory()
    try:
        iface.registerOptionsWidgetFactory(factory)
    except (AttributeError, TypeError):
        return None
    return factory


def unregister_options_page(iface, factory: Optional[ByocOptionsFactory]) -> None:
    """Take the page out again (unload)."""
    if iface is not None and factory is not None:
        try:
            iface.unregisterOptionsWidgetFactory(factory)
        except (AttributeError, TypeError, RuntimeError):
            pass
