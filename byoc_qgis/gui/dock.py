"""The "Sentinel Hub BYOC" dock widget."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from ..translation import tr


class ByocDock(QDockWidget):
    """Dock panel listing connections, collections and tiles (filled in by the GUI issue)."""

    def __init__(self, parent=None) -> None:
        super().__init__(tr("Sentinel Hub BYOC"), parent)
        self.setObjectName("ByocDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.status_label = QLabel(tr("Not connected."), body)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.setWidget(body)
