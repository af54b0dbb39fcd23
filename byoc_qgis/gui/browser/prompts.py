"""The questions the Browser's context menu asks (one object, so scripts and tests can answer them instead)."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtWidgets import QInputDialog, QLineEdit

from ...translation import tr
from .. import dock_dialogs

__all__ = ["Prompts"]


class Prompts:
    """Modal questions on the main window: a new name, and the confirmations before removing or deleting."""

    def __init__(self, parent=None) -> None:
        self.parent = parent

    def new_name(self, title: str, current: str) -> Optional[str]:
        """A new name for something called ``current`` (None: cancelled or unchanged)."""
        text, ok = QInputDialog.getText(self.parent, title, tr("New name"), QLineEdit.EchoMode.Normal, current)
        text = (text or "").strip()
        return text if ok and text and text != current else None

    def confirm_remove_connection(self, name: str) -> bool:
        """Yes / No before removing a saved connection."""
        return dock_dialogs.confirm_remove_connection(self.parent, name)

    def confirm_delete_collection(self, name: str, count: int) -> bool:
        """Yes / Cancel before deleting a collection with ``count`` tiles."""
        return dock_dialogs.confirm_delete_collection(self.parent, name, count)
