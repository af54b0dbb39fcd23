"""What the Browser items share while the plugin is loaded: the QGIS interface, the saved connections and their
clients, a task runner, the message bar, the questions asked, and the root items to refresh."""

from __future__ import annotations

import weakref
from typing import List, Optional

from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QDialog

from ..connections import ConnectionStore
from ..notify import Notifier
from ..tasks import TaskRunner
from .clients import ClientBroker
from .operations import BrowserOperations
from .prompts import Prompts

__all__ = ["BrowserSession"]


class BrowserSession(QObject):
    """Shared by every item of the "Sentinel Hub BYOC" Browser root; :meth:`close` on plugin unload."""

    connections_changed = pyqtSignal()  # a connection was added, edited or removed from the Browser
    collections_changed = pyqtSignal(str)  # connection name: a collection was created, renamed or deleted

    def __init__(self, iface=None, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.store = ConnectionStore()
        self.broker = ClientBroker(self.store, self)
        self.runner = TaskRunner(self)
        self.notifier = Notifier(iface)
        self.prompts = Prompts(self.main_window())
        self.ops = BrowserOperations(self)
        self.dialogs: List[QDialog] = []
        self._roots: weakref.WeakSet = weakref.WeakSet()

    def main_window(self):
        """The parent of the dialogs (None without a QGIS interface)."""
        try:
            return self.iface.mainWindow() if self.iface is not None else None
        except (AttributeError, RuntimeError):
            return None

    def add_root(self, root) -> None:
        """Remember a root item (one per Browser model) for :meth:`refresh_roots`."""
        self._roots.add(root)

    def roots(self) -> list:
        """The root items still alive."""
        alive = []
        for root in list(self._roots):
            try:
                root.path()
            except RuntimeError:  # deleted by its Browser model
                continue
            alive.append(root)
        return alive

    def refresh_roots(self) -> None:
        """Re-read the saved connections in every Browser (after one was added, edited or removed)."""
        for root in self.roots():
            root.refresh()
        self.connections_changed.emit()

    def keep_dialog(self, dialog: QDialog) -> QDialog:
        """Keep a non-modal dialog referenced until unload, and show it."""
        self.dialogs = [d for d in self.dialogs if _visible(d)]
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def close(self) -> None:
        """Stop the tasks, close the dialogs, release waiting workers and close the clients."""
        self.runner.cancel_all()
        for dialog in self.dialogs:
            try:
                dialog.close()
            except RuntimeError:
                pass
        self.dialogs.clear()
        self.broker.close()


def _visible(dialog: QDialog) -> bool:
    try:
        return dialog.isVisible()
    except RuntimeError:
        return False
