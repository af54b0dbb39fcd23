"""The Add tiles dialog's results: the planned tiles (bucket path, sensing time and what will happen to each) and the
check's findings, one table each in a splitter that takes the dialog's spare height, then the upload's outcomes;
and the summary sentence with whether Upload may run (:func:`verdict`)."""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from ..core.path_templates import format_sensing_time
from ..core.tile_plan import PlannedTile, UploadPlan
from ..translation import tr, tr_n
from .add_tiles_words import problem_text, user_words
from .widgets import RowsTable

__all__ = ["CheckView", "verdict", "short_file"]

_FAIL_COLOUR = QColor(255, 215, 215)


def short_file(path: str, root: str) -> str:
    """A file as the user chose it: relative to the chosen folder, else its name."""
    if not path:
        return ""
    if root and path.startswith(root.rstrip("/") + "/"):
        return path[len(root.rstrip("/")) + 1 :]
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _result(tile: PlannedTile, plan: UploadPlan, blocker: Optional[PlannedTile]) -> str:
    if tile.fails:
        return tr("Will fail: {}").format(problem_text(tile.problem))
    if plan.refusal is not None:
        return tr("Not created: {}").format(problem_text(plan.refusal))
    if blocker is not None:
        return tr("Not created: the upload stops before any tile while tile {} cannot be made.").format(blocker.name)
    return tr("Will be COGified, then created") if tile.cogify else tr("Will be created")


def verdict(plan: UploadPlan, files: int, errors: int) -> Tuple[str, bool, str]:
    """``(summary, upload enabled, why not)`` for a checked plan of ``files`` files with ``errors`` findings."""
    if not files and not plan.tiles:
        return tr("No raster found in the chosen input."), False, tr("no raster found in the chosen input.")
    checked = tr_n("%n file checked", "%n files checked", files)
    blocker = plan.blocked_by
    if plan.refusal is not None:
        why = problem_text(plan.refusal)
        return tr("{}: nothing can be uploaded. {}").format(checked, why), False, why
    if blocker is not None and any(not t.fails for t in plan.tiles):
        why = tr("tile {}: {}").format(blocker.name, problem_text(blocker.problem))
        return tr("{}: nothing can be uploaded while one tile cannot be made. {}").format(checked, why), False, why
    creatable = len(plan.creatable)
    if not creatable:
        text = tr("{}: every tile would fail (see Result). Fix the files or the settings and check again.")
        return text.format(checked), False, tr("every tile would fail; the planned tiles say why.")
    text = tr("{}: {} will be created.").format(checked, tr_n("%n tile", "%n tiles", creatable))
    failing = len(plan.tiles) - creatable
    if failing:
        text += " " + tr("{} will fail and be reported (see Result).").format(tr_n("%n tile", "%n tiles", failing))
    elif errors:
        text += " " + tr("COGify repairs the errors found.")
    return text, True, ""


class CheckView(QSplitter):
    """Planned tiles above, findings (after an upload: its outcomes) below."""

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.planned = RowsTable([tr("Tile"), tr("Path in the bucket"), tr("Sensing time (UTC)"), tr("Result")], self)
        self.planned.setObjectName("ByocPlannedTiles")
        self.findings = RowsTable([tr("Severity"), tr("File"), tr("Problem"), tr("Fix")], self)
        self.findings.setObjectName("ByocAddTilesFindings")
        self.planned_label = QLabel(tr("Planned tiles"), self)
        self.findings_label = QLabel(tr("Findings of the check"), self)
        self._stretched = {id(self.planned): (3,), id(self.findings): (2, 3)}
        for label, table in ((self.planned_label, self.planned), (self.findings_label, self.findings)):
            table.setMinimumHeight(110)
            self._fit_columns(table)
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(label)
            column.addWidget(table, 1)
            self.addWidget(box)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)

    def _fit_columns(self, table: RowsTable) -> None:
        """Short columns fit their text, the text columns share the width (no sideways scrolling); again after
        ``set_rows``, whose ``resizeColumnsToContents`` widens even stretched columns."""
        header = table.horizontalHeader()
        stretched = self._stretched.get(id(table), ())
        for column in range(table.columnCount()):
            if column in stretched:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()

    def show_findings(self, findings: List[Dict[str, str]], root: str, local: bool) -> List[List[str]]:
        """One row per file and rule (the block-size rule fires once per image level), the file relative to the
        chosen folder, message and fix in the dialog's words; returns the rows."""
        rows, seen = [], set()
        for f in findings:
            where = f["file"] or f["tile"]
            if (where, f["rule"]) in seen:
                continue
            seen.add((where, f["rule"]))
            rows.append(
                [f["severity"], short_file(where, root), user_words(f["message"], local), user_words(f["fix"], local)]
            )
        self.findings.setColumnCount(4)
        self.findings.setHorizontalHeaderLabels([tr("Severity"), tr("File"), tr("Problem"), tr("Fix")])
        self.findings.set_rows(rows)
        self._fit_columns(self.findings)
        errors = sum(1 for r in rows if r[0].lower() == "error")
        warnings = sum(1 for r in rows if r[0].lower() == "warning")
        self.findings_label.setText(
            tr("Findings of the check: {}, {}").format(
                tr_n("%n error", "%n errors", errors), tr_n("%n warning", "%n warnings", warnings)
            )
        )
        self.balance()
        return rows

    def show_plan(self, plan: UploadPlan) -> None:
        """Every planned tile with its path, sensing time (UTC) and what will happen to it; failing rows tinted."""
        blocker = plan.blocked_by
        rows = []
        for tile in plan.tiles:
            when = format_sensing_time(tile.sensing_time).replace("T", " ").rstrip("Z") if tile.sensing_time else ""
            rows.append([tile.name, tile.path, when, _result(tile, plan, blocker)])
        self.planned.set_rows(rows)
        self._fit_columns(self.planned)
        for r, tile in enumerate(plan.tiles):
            if tile.fails or plan.refusal is not None or blocker is not None:
                for c in range(self.planned.columnCount()):
                    self.planned.item(r, c).setBackground(_FAIL_COLOUR)
        created = tr_n("%n will be created", "%n will be created", len(plan.creatable))
        self.planned_label.setText(tr("Planned tiles: {} of {}").format(created, len(plan.tiles)))
        self.balance()

    def balance(self) -> None:
        """The table that has rows gets the height: an empty findings table keeps only its minimum, so long
        results of the planned tiles are not cut off (and the other way round)."""
        total = sum(self.sizes()) or self.height()
        for table in (self.planned, self.findings):  # an empty table needs only its header and a line
            table.setMinimumHeight(110 if table.rowCount() else 48)
        low = [self.widget(i).minimumSizeHint().height() for i in (0, 1)]
        planned, findings = self.planned.rowCount(), self.findings.rowCount()
        if total <= sum(low) or (planned and findings) or not (planned or findings):
            self.setSizes([total // 2, total - total // 2])
        elif planned:
            self.setSizes([total - low[1], low[1]])
        else:
            self.setSizes([low[0], total - low[0]])

    def show_outcomes(self, layer) -> None:
        """The upload's outcome per tile in the lower table (status first: failed rows are tinted)."""
        headers = {"status": tr("Status"), "path": tr("Path"), "message": tr("Message"), "tile_id": tr("Tile id")}
        names = [n for n in ("status", "path", "message", "tile_id") if layer.fields().indexOf(n) >= 0]
        rows = []
        for feat in layer.getFeatures():
            row = [user_words(str(feat.attribute(n) or "")) for n in names]
            if names and names[0] == "status" and row[0] == "FAILED":
                row[0] = "error"  # tinted like a finding
            rows.append(row)
        self.findings.setColumnCount(len(names))
        self.findings.setHorizontalHeaderLabels([headers[n] for n in names])
        self.findings.set_rows(rows)
        self._fit_columns(self.findings)
        self.findings_label.setText(tr("Upload results"))
