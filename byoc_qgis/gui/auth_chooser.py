"""One way to give credentials, the QGIS way: QGIS's auth-config selector (as in its WMS/WFS connection dialogs) with
"New from <id> and <secret>…" built in.

The button opens a small inline form (id, secret, "Store in the auth manager"); storing creates a **Basic**
auth configuration (username = client id or S3 access key, password = secret: what
:mod:`byoc_qgis.core.qgis_adapters` reads) and selects it. The secret lives only in the auth manager; the form is
cleared once it is stored. Nothing is read from the auth database until the widget is created (the dialog opens).
"""

from __future__ import annotations

from typing import Callable, Optional, Tuple

from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..translation import tr
from .notify import register_secret

__all__ = ["AuthChooser", "compact_auth_select"]

StoreFn = Callable[[str, str, str], str]
"""``store(name, id, secret) -> authcfg id`` (e.g. :func:`~byoc_qgis.core.qgis_adapters.store_client_credentials`)."""


def compact_auth_select(select: QgsAuthConfigSelect) -> None:
    """Drop the margins and the 40 px vertical spacer QGIS's selector carries below its combo (the blank gap under
    "Credentials" in a form)."""
    layout = select.layout()
    if layout is None:
        return
    layout.setContentsMargins(0, 0, 0, 0)
    for i in range(layout.count()):
        spacer = layout.itemAt(i).spacerItem()
        if spacer is not None:
            spacer.changeSize(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
    for combo in select.findChildren(QComboBox):
        combo.setMinimumWidth(220)  # room for a configuration's name beside the selector's buttons
    layout.invalidate()
    select.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)


class AuthChooser(QWidget):
    """QGIS's auth-config selector plus "New from <id> and <secret>…" (an inline form that stores a Basic config)."""

    changed = pyqtSignal()
    layout_changed = pyqtSignal()  # the inline form opened or closed: the dialog may fit itself again

    def __init__(self, id_label: str, secret_label: str, new_label: str, store: StoreFn, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._labels = (id_label, secret_label)
        self.select = QgsAuthConfigSelect(self)
        compact_auth_select(self.select)
        self.select.selectedConfigIdChanged.connect(lambda _id: self.changed.emit())
        self.new_button = QPushButton(new_label, self)
        self.new_button.setToolTip(
            tr("Store a new authentication configuration in the QGIS auth manager (encrypted with the master password)")
        )
        self.new_button.clicked.connect(self.open_new)

        self.panel = QFrame(self)
        self.panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.new_id = QLineEdit(self.panel)
        self.new_secret = QLineEdit(self.panel)
        self.new_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.store_button = QPushButton(tr("Store in the auth manager"), self.panel)
        self.store_button.clicked.connect(self._store_clicked)
        self.cancel_button = QPushButton(tr("Cancel"), self.panel)
        self.cancel_button.clicked.connect(self.close_new)
        self.panel_error = QLabel("", self.panel)
        self.panel_error.setWordWrap(True)
        self.panel_error.setStyleSheet("color: #b00020")
        self.panel_error.hide()
        panel_layout = QVBoxLayout(self.panel)
        panel_form = QFormLayout()
        panel_form.addRow(id_label, self.new_id)
        panel_form.addRow(secret_label, self.new_secret)
        panel_layout.addLayout(panel_form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.panel_error, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.store_button)
        buttons.addWidget(self.cancel_button)
        panel_layout.addLayout(buttons)
        self.panel.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.select, 1)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        layout.addWidget(self.panel)
        self.default_name: Callable[[], str] = lambda: tr("BYOC credentials")

    # -- selection ---------------------------------------------------------------------------------------------------
    def configId(self) -> str:  # noqa: N802 - mirrors QgsAuthConfigSelect
        return self.select.configId()

    def setConfigId(self, authcfg: str) -> None:  # noqa: N802 - mirrors QgsAuthConfigSelect
        self.select.setConfigId(authcfg or "")

    # -- new configuration -------------------------------------------------------------------------------------------
    def open_new(self) -> None:
        """Show the inline form for a new configuration."""
        self.panel.show()
        self.new_button.setEnabled(False)
        self.new_id.setFocus()
        self.layout_changed.emit()

    def close_new(self) -> None:
        """Hide and clear the inline form."""
        self.new_id.clear()
        self.new_secret.clear()
        self.panel_error.hide()
        self.panel.hide()
        self.new_button.setEnabled(True)
        self.layout_changed.emit()

    def typed(self) -> Optional[Tuple[str, str]]:
        """(id, secret) typed in the inline form and not stored yet; None when both are empty.

        Raises ``ValueError`` when only one of the two is given."""
        ident, secret = self.new_id.text().strip(), self.new_secret.text()
        if not ident and not secret:
            return None
        if not ident or not secret:
            raise ValueError(self._both())
        register_secret(secret)
        return ident, secret

    def store_typed(self, name: Optional[str] = None) -> Optional[str]:
        """Store what the inline form holds as a Basic configuration named ``name`` and select it; the new id, or
        None when the form is empty. Raises ``ValueError``/``RuntimeError`` (e.g. no master password)."""
        typed = self.typed()
        if typed is None:
            return None
        authcfg = self._store(name or self.default_name(), typed[0], typed[1])
        self.setConfigId(authcfg)
        self.close_new()
        self.changed.emit()
        return authcfg

    def _both(self) -> str:
        return tr("Give both the {} and the {} (or cancel the new configuration)").format(
            self._labels[0].lower(), self._labels[1].lower()
        )

    def _store_clicked(self) -> None:
        try:
            if self.store_typed() is None:
                raise ValueError(self._both())
        except (ValueError, RuntimeError) as exc:
            self.panel_error.setText(str(exc))
            self.panel_error.show()
