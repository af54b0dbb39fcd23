"""Small shared widgets: a progress row with Cancel for dialogs that run tasks, a findings table, a one-line label
that elides instead of wrapping or widening its panel, and an empty-state message over an empty list."""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional, Sequence

from qgis.PyQt.QtCore import QEvent, QObject, QSize, Qt
from qgis.PyQt.QtGui import QColor, QPainter
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..translation import tr
from ..wording.findings import severity_label

__all__ = [
    "ProgressRow",
    "RowsTable",
    "never_widen",
    "ElidedLabel",
    "ElidedComboBox",
    "EmptyState",
    "ColumnFitter",
    "fit_widths",
]


def never_widen(label: QLabel) -> None:
    """Let a word-wrapped label take the width its panel gives it instead of asking for its text's width: a long
    unbreakable text (a URL, an error) then wraps or is cut instead of widening the dock and squeezing the map."""
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(1)


class ElidedLabel(QLabel):
    """A one-line label for status texts in a narrow panel: a text longer than the width it is given ends in "…"
    (the whole text is its tooltip); it never wraps, so its height never changes, and it never asks for its text's
    width, so it never widens the dock."""

    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(1)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API name
        """Show ``text`` (elided to the width) with the whole text as the tooltip."""
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API name
        return QSize(1, self.fontMetrics().height() + self.margin() * 2)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API name
        return QSize(self.fontMetrics().averageCharWidth() * 20, self.minimumSizeHint().height())

    def shown_text(self) -> str:
        """The text as painted at the current width (with "…" when it does not fit)."""
        one_line = " ".join(self.text().split())
        return self.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API name
        painter = QPainter(self)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(align),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
        painter.end()


class ElidedComboBox(QComboBox):
    """A combo box that asks for little width (a few characters) and shows a longer current text ending in "…"
    (the drop-down list shows the items whole)."""

    def __init__(self, parent=None, min_chars: int = 4) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(min_chars)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def shown_text(self) -> str:
        """The current text as painted (with "…" when it does not fit)."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight, field.width())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API name
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)
        painter.end()


class EmptyState(QObject):
    """A centred, word-wrapped message over an item view while it has no rows (first-run guidance where the eye is:
    "No collections yet — click + …"). ``set_text("")`` hides it; it hides by itself once the view has rows."""

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self.view = view
        self.label = QLabel("", view.viewport())
        self.label.setObjectName("empty_state")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setEnabled(False)  # drawn in the palette's disabled (grey) text colour, like a placeholder
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.hide()
        view.viewport().installEventFilter(self)
        model = view.model() if hasattr(view, "model") else None
        if model is not None:
            model.rowsInserted.connect(self._update)
            model.rowsRemoved.connect(self._update)
            model.modelReset.connect(self._update)

    def text(self) -> str:
        return self.label.text()

    def set_text(self, text: str) -> None:
        """The message to show while the view is empty ("" for none)."""
        self.label.setText(text)
        self._update()

    @property
    def visible(self) -> bool:
        return not self.label.isHidden()

    def _empty(self) -> bool:
        model = self.view.model() if hasattr(self.view, "model") else None
        return model is None or model.rowCount() == 0

    def _update(self, *_args) -> None:
        try:
            show = bool(self.label.text()) and self._empty()
            if show:
                rect = self.view.viewport().rect().adjusted(8, 8, -8, -8)
                self.label.setGeometry(rect)
            self.label.setVisible(show)
        except RuntimeError:  # the view is being destroyed (its model still signals): nothing to show any more
            pass

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API name
        if event.type() == QEvent.Type.Resize:
            self._update()
        return False


def fit_widths(wanted: Sequence[int], available: int, minimum: int = 40, first_share: float = 0.45) -> List[int]:
    """Column widths that fit ``available`` pixels. The first column (the name) may take up to ``first_share`` of
    them; of what is left, columns narrower than an equal share keep their width and the wider ones share the rest
    equally (each at least ``minimum``, their texts elided)."""
    widths = list(wanted)
    if sum(widths) <= available or not widths:
        return widths
    rest = widths[1:]
    widths[0] = min(wanted[0], max(int(available * first_share), available - sum(rest)))
    open_cols = list(range(1, len(widths)))
    space = available - widths[0]
    while open_cols:
        share = space / len(open_cols)
        small = [c for c in open_cols if wanted[c] <= share]
        if not small:
            for c in open_cols:
                widths[c] = max(minimum, int(share))
            break
        for c in small:
            space -= wanted[c]
            open_cols.remove(c)
    return widths


class ColumnFitter(QObject):
    """Keeps a tree view's columns inside its width: each column as wide as its contents while they fit, else the
    widest ones share what is left and elide their texts (the cells' tooltips tell the whole text). Refits when the
    view is resized (a narrow dock) and on :meth:`fit` (new rows)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    def fit(self) -> None:
        view, header = self.view, self.view.header()
        count = header.count()
        if not count:
            return
        wanted = [max(view.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(count)]
        for col, width in enumerate(fit_widths(wanted, max(1, view.viewport().width()))):
            header.resizeSection(col, width)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API name
        if event.type() == QEvent.Type.Resize:
            try:
                self.fit()
            except RuntimeError:  # the view is being destroyed
                pass
        return False


class ProgressRow(QWidget):
    """A progress bar, a status text and a Cancel button bound to a running task (or algorithm run)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(True)
        # the text on its own line above the bar (one line, elided, whole text as tooltip): never drawn over the bar
        self.text = ElidedLabel("", self)
        self.text.setObjectName("progress_text")
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.text)
        layout.addLayout(row)
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
        """The status text above the bar."""
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
                text = "" if value is None else str(value)
                if c == 0 and colour is not None:
                    text = severity_label(text.lower())  # tinted by the raw value, shown in the user's language
                item = QTableWidgetItem(text)
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
