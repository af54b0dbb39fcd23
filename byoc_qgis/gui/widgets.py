"""Small shared widgets: a progress row with Cancel for dialogs that run tasks, and a findings table."""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional, Sequence

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..translation import tr

__all__ = ["ProgressRow", "RowsTable", "never_widen"]


def never_widen(label: QLabel) -> None:
    """Let a word-wrapped label take the width its panel gives it instead of asking for its text's width: a long
    unbreakable text (a URL, an error) then wraps or is cut instead of widening the dock and squeezing the map."""
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(1)


class ProgressRow(QWidget):
    """A progress bar, a status text and a Cancel button bound to a running task (or algorithm run)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(True)
        self.text = QLabel("", self)
        self.text.setWordWrap(True)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self._cancel = None
        self.hide()

    def bind(self, task, cancel=None, text: str = "") -> None:
        """Follow ``task``'s progress; Cancel calls ``cancel`` (default: ``task.cancel``)."""
        self._cancel = cancel or task.cancel
        self.bar.setValue(0)
        self.text.setText(text)
        self.cancel_button.setEnabled(True)
        task.progressChanged.connect(lambda p: self.bar.setValue(int(p)))
        self.show()

    def busy(self, text: str, cancel: Optional[Callable[[], None]] = None) -> None:
        """An indeterminate bar with ``text``; with ``cancel``, the Cancel button calls it."""
        self.text.setText(text)
        self.bar.setRange(0, 0)
        if cancel is not None:
            self._cancel = cancel
            self.cancel_button.setEnabled(True)
        self.show()

    def set_text(self, text: str) -> None:
        """The status text beside the bar."""
        self.text.setText(text)

    def finish(self, text: str = "") -> None:
        self.bar.setRange(0, 100)
        self.bar.setValue(100)
        self.cancel_button.setEnabled(False)
        self._cancel = None
        if text:
            self.text.setText(text)
        self.hide()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel()
        self.cancel_button.setEnabled(False)


_SEVERITY_COLOURS = {"error": QColor(255, 215, 215), "warning": QColor(255, 243, 205)}


class RowsTable(QTableWidget):
    """A read-only table of text rows; rows whose first column is "error"/"warning" are tinted."""

    def __init__(self, headers: Sequence[str], parent=None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)

    def set_rows(self, rows: Iterable[Sequence]) -> None:
        rows = list(rows)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            colour: Optional[QColor] = _SEVERITY_COLOURS.get(str(row[0]).lower()) if row else None
            for c, value in enumerate(row):
                item = QTableWidgetItem("" if value is None else str(value))
                item.setToolTip(item.text())
                if colour is not None:
                    item.setBackground(colour)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.setItem(r, c, item)
        self.resizeColumnsToContents()

    def rows(self) -> List[List[str]]:
        return [
            [self.item(r, c).text() if self.item(r, c) else "" for c in range(self.columnCount())]
            for r in range(self.rowCount())
        ]
